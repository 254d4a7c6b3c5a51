/**
 * One question's inputs, controlled: radio buttons (single), checkboxes (select N) or one
 * <select> per item (matching: keyboard and screen-reader friendly, no dragging). After a
 * check, `grade` marks each option or pair and shows why.
 */
import { useId, useState } from 'react'
import type { Answer, Grade } from './grade.ts'
import { Inline, plain } from './inline.tsx'
import type { MatchQuestion, Question, SelectQuestion, SingleQuestion } from './types.ts'
import './quiz.css'

export interface QuestionViewProps {
  question: Question
  /** Display order: a permutation of the option (or right-side) indices. */
  order: number[]
  /** Display order of the left-hand items (matching only). */
  leftOrder?: number[]
  answer: Answer
  onAnswer(answer: Answer): void
  /** When set, marks and explanations are shown. */
  grade: Grade | null
  /** In the assessment, explanations wait for the end. */
  showWhy?: boolean
  disabled?: boolean
}

export function QuestionView(props: QuestionViewProps) {
  const q = props.question
  if (q.kind === 'match') return <MatchView {...props} question={q} />
  return <ChoiceView {...props} question={q} />
}

function Mark({ right, label }: { right: boolean; label: string }) {
  return (
    <span className={`quiz-mark ${right ? 'is-right' : 'is-wrong'}`} aria-hidden="true" title={label}>
      {right ? '✓' : '✗'}
    </span>
  )
}

function ChoiceView({
  question: q,
  order,
  answer,
  onAnswer,
  grade,
  showWhy = true,
  disabled,
}: QuestionViewProps & { question: SingleQuestion | SelectQuestion }) {
  const name = useId()
  const [notice, setNotice] = useState('')
  const multi = q.kind === 'select'
  const chosen = new Set(answer)
  const toggle = (i: number, on: boolean) => {
    if (!multi) {
      onAnswer([i])
      return
    }
    if (on && !chosen.has(i)) {
      if (answer.length >= q.select) {
        setNotice(`You can select only ${q.select}. Unselect one first.`)
        return
      }
      setNotice('')
      onAnswer([...answer, i])
    } else if (!on) {
      setNotice('')
      onAnswer(answer.filter((x) => x !== i))
    }
  }
  return (
    <div className="quiz-options">
      {multi && (
        <p className="quiz-hint" aria-live="polite">
          {notice || `Select ${q.select}. ${answer.length} of ${q.select} selected.`}
        </p>
      )}
      <ul className="quiz-option-list" role="list">
        {order.map((i) => {
          const o = q.options[i]!
          const isChosen = chosen.has(i)
          const id = `${name}-${i}`
          const state = grade
            ? o.correct
              ? 'correct'
              : isChosen
                ? 'wrong'
                : 'neutral'
            : isChosen
              ? 'chosen'
              : 'neutral'
          const status = grade
            ? o.correct
              ? isChosen
                ? 'Your choice, correct.'
                : 'Correct answer, not chosen.'
              : isChosen
                ? 'Your choice, incorrect.'
                : 'Not a correct answer.'
            : ''
          return (
            <li key={i} className={`quiz-option is-${state}`}>
              <input
                id={id}
                type={multi ? 'checkbox' : 'radio'}
                name={name}
                checked={isChosen}
                disabled={disabled}
                onChange={(e) => toggle(i, e.currentTarget.checked)}
                aria-describedby={grade ? `${id}-why` : undefined}
              />
              <label htmlFor={id} className="quiz-option-label">
                <Inline text={o.text} />
              </label>
              {grade && (o.correct || isChosen) && <Mark right={Boolean(o.correct)} label={status} />}
              {grade && showWhy && (
                <p id={`${id}-why`} className="quiz-why">
                  <span className="sr-only">{status} </span>
                  <Inline text={o.why} />
                </p>
              )}
              {grade && !showWhy && (
                <span id={`${id}-why`} className="sr-only">
                  {status}
                </span>
              )}
            </li>
          )
        })}
      </ul>
    </div>
  )
}

function MatchView({
  question: q,
  order,
  leftOrder,
  answer,
  onAnswer,
  grade,
  showWhy = true,
  disabled,
}: QuestionViewProps & { question: MatchQuestion }) {
  const base = useId()
  const lefts = leftOrder ?? q.pairs.map((_, i) => i)
  const set = (left: number, value: number) => {
    // Choosing never changes another row: keyboard users arrow through the options of a
    // closed <select>, and every step is a change. A side used twice is pointed out instead.
    const next = q.pairs.map((_, i) => answer[i] ?? -1)
    next[left] = value
    onAnswer(next)
  }
  return (
    <ol className="quiz-match" role="list">
      {lefts.map((li) => {
        const pair = q.pairs[li]!
        const id = `${base}-${li}`
        const placed = answer[li] ?? -1
        const right = placed === li
        return (
          <li key={li} className={`quiz-match-row${grade ? (right ? ' is-correct' : ' is-wrong') : ''}`}>
            <label htmlFor={id} className="quiz-match-left">
              <Inline text={pair.left} />
            </label>
            <div className="quiz-match-pick">
              <select
                id={id}
                value={placed}
                disabled={disabled}
                onChange={(e) => set(li, Number(e.currentTarget.value))}
                aria-describedby={grade ? `${id}-why` : undefined}
              >
                <option value={-1}>Choose a match…</option>
                {order.map((ri) => (
                  <option key={ri} value={ri}>
                    {plain(q.pairs[ri]!.right)}
                  </option>
                ))}
              </select>
              {grade && <Mark right={right} label={right ? 'Correct match.' : 'Incorrect match.'} />}
            </div>
            {!grade && placed >= 0 && answer.some((v, i) => i !== li && v === placed) && (
              <p className="quiz-dup" id={`${id}-dup`}>
                Also chosen for another item: each answer fits exactly one.
              </p>
            )}
            {grade && (
              <p id={`${id}-why`} className="quiz-why">
                {right ? (
                  <span className="sr-only">Correct match. </span>
                ) : (
                  <span>
                    <span className="sr-only">Incorrect match. </span>
                    Correct:{' '}
                    <strong>
                      <Inline text={pair.right} />
                    </strong>
                    .{' '}
                  </span>
                )}
                {showWhy && pair.why && <Inline text={pair.why} />}
              </p>
            )}
          </li>
        )
      })}
    </ol>
  )
}
