/**
 * `/assessment`: the final self-assessment. Every knowledge check of the course plus questions
 * written only for it, answered without feedback, then scored per lesson and in total, with a
 * review of every answer that was not fully right, linking back to the section that teaches it.
 */
import { useEffect, useMemo, useRef, useState } from 'react'
import { Link } from 'react-router'
import { usePageTitle } from '../shared/usePageTitle.ts'
import { findLesson, lessons, progressStore, useProgress, type AssessmentAttempt } from '../course/index.ts'
import {
  assessmentItems,
  PASS_MARK,
  percent,
  scoreAttempt,
  type AssessmentItem,
  type ScoredItem,
} from './assessment.ts'
import { loadAllQuestions } from './data.ts'
import { grade, stableOrder, type Answer } from './grade.ts'
import { Inline } from './inline.tsx'
import { QuestionView } from './QuestionView.tsx'
import './quiz.css'
import './AssessmentPage.css'

type Phase =
  { name: 'intro' } | { name: 'taking' } | { name: 'results'; attempt: AssessmentAttempt; scored: ScoredItem[] }

export function AssessmentPage() {
  usePageTitle('Self-assessment')
  const [items, setItems] = useState<AssessmentItem[] | null>(null)
  const [error, setError] = useState(false)
  const [phase, setPhase] = useState<Phase>({ name: 'intro' })
  const [answers, setAnswers] = useState<Map<string, Answer>>(new Map())
  const topRef = useRef<HTMLHeadingElement>(null)

  useEffect(() => {
    loadAllQuestions().then(
      (groups) =>
        setItems(
          assessmentItems(
            groups,
            lessons.map((l) => l.slug),
          ),
        ),
      () => setError(true),
    )
  }, [])

  const start = () => {
    setAnswers(new Map())
    setPhase({ name: 'taking' })
    requestAnimationFrame(() => topRef.current?.focus())
  }
  const submit = () => {
    if (!items) return
    const { attempt, scored } = scoreAttempt(items, answers, new Date().toISOString())
    progressStore.getState().addAssessmentAttempt(attempt)
    setPhase({ name: 'results', attempt, scored })
    window.scrollTo({ top: 0 })
    requestAnimationFrame(() => topRef.current?.focus())
  }

  return (
    <div className="container assessment-page">
      <header className="page-header">
        <p className="eyebrow">Self-assessment</p>
        <h1 className="page-title" ref={topRef} tabIndex={-1}>
          {phase.name === 'results' ? 'Your results' : 'Check what you have learned'}
        </h1>
      </header>
      {error && (
        <p className="callout callout-warning" role="alert">
          The questions could not be loaded. Your connection may have dropped, or the course was updated: reload the
          page.
        </p>
      )}
      {!error && !items && (
        <div className="quiz quiz-loading" role="status">
          <span className="sr-only">Loading the questions…</span>
        </div>
      )}
      {items && phase.name === 'intro' && <Intro count={items.length} onStart={start} />}
      {items && phase.name === 'taking' && (
        <Taking items={items} answers={answers} setAnswers={setAnswers} onSubmit={submit} />
      )}
      {items && phase.name === 'results' && <Results attempt={phase.attempt} scored={phase.scored} onRetake={start} />}
    </div>
  )
}

function Intro({ count, onStart }: { count: number; onStart(): void }) {
  const attempts = useProgress((s) => s.assessment)
  const best = attempts.reduce<AssessmentAttempt | null>(
    (b, a) => (!b || a.points / a.max > b.points / b.max ? a : b),
    null,
  )
  return (
    <section className="panel assessment-intro" aria-labelledby="intro-title">
      <h2 id="intro-title" className="panel-title">
        How it works
      </h2>
      <ul className="assessment-facts">
        <li>
          <strong>{count} questions</strong> from every lesson: the knowledge checks you met, and new ones.
        </li>
        <li>
          No feedback until you submit. Then you get a score per lesson and in total, and a review of every answer that
          was not fully right, with a link to the section that teaches it.
        </li>
        <li>
          "Select N" and matching questions earn partial credit. {Math.round(PASS_MARK * 100)}% or more is a pass.
        </li>
        <li>
          Your attempts are saved on this device and shown on <Link to="/progress">your progress page</Link>.
        </li>
      </ul>
      {best && (
        <p className="muted" data-testid="best-attempt">
          Your best so far: {percent(best.points, best.max)}% ({attempts.length}{' '}
          {attempts.length === 1 ? 'attempt' : 'attempts'}).
        </p>
      )}
      <button type="button" className="btn btn-primary btn-lg" onClick={onStart}>
        {attempts.length ? 'Start a new attempt' : 'Start the assessment'}
      </button>
    </section>
  )
}

function isAnswered(item: AssessmentItem, a: Answer | undefined): boolean {
  if (!a) return false
  return item.question.kind === 'match'
    ? a.every((v) => v >= 0)
    : item.question.kind === 'select'
      ? a.length === item.question.select
      : a.length === 1
}

function Taking({
  items,
  answers,
  setAnswers,
  onSubmit,
}: {
  items: AssessmentItem[]
  answers: Map<string, Answer>
  setAnswers(m: Map<string, Answer>): void
  onSubmit(): void
}) {
  const seed = useMemo(() => progressStore.getState().ensureSeed(), [])
  const [confirming, setConfirming] = useState(false)
  const answered = items.filter((it) => isAnswered(it, answers.get(it.question.id))).length
  const missing = items.length - answered
  let lastLesson = ''
  return (
    <form
      className="assessment-form"
      onSubmit={(e) => {
        e.preventDefault()
        if (missing > 0 && !confirming) setConfirming(true)
        else onSubmit()
      }}
    >
      <div className="assessment-progress" role="status" aria-live="off">
        <span data-testid="answered-count">
          {answered} of {items.length} answered
        </span>
        <span className="assessment-progress-bar" aria-hidden="true">
          <span style={{ width: `${(answered / items.length) * 100}%` }} />
        </span>
      </div>
      {items.map((it, n) => {
        const q = it.question
        const lessonMeta = findLesson(it.lesson)
        const heading =
          it.lesson !== lastLesson && lessonMeta ? (
            <h2 className="assessment-lesson">
              Lesson {lessonMeta.order}: {lessonMeta.title}
            </h2>
          ) : null
        lastLesson = it.lesson
        const order = stableOrder(seed, q.id, q.kind === 'match' ? q.pairs.length : q.options.length)
        const leftOrder = q.kind === 'match' ? stableOrder(seed, `${q.id}:left`, q.pairs.length) : undefined
        const answer = answers.get(q.id) ?? (q.kind === 'match' ? q.pairs.map(() => -1) : [])
        return (
          <div key={q.id}>
            {heading}
            <div
              className="quiz assessment-question"
              role="group"
              aria-labelledby={`aq-${q.id}`}
              data-question-id={q.id}
            >
              <p className="quiz-eyebrow">
                Question {n + 1} of {items.length}
                {q.kind === 'select' && <span className="quiz-kind"> · select {q.select}</span>}
                {q.kind === 'match' && <span className="quiz-kind"> · matching</span>}
              </p>
              <p id={`aq-${q.id}`} className="quiz-prompt">
                <Inline text={q.prompt} />
              </p>
              <QuestionView
                question={q}
                order={order}
                leftOrder={leftOrder}
                answer={answer}
                grade={null}
                onAnswer={(a) => {
                  const next = new Map(answers)
                  next.set(q.id, a)
                  setAnswers(next)
                  setConfirming(false)
                }}
              />
            </div>
          </div>
        )
      })}
      <div className="assessment-submit">
        {confirming && missing > 0 && (
          <p className="quiz-problem" role="alert">
            {missing} {missing === 1 ? 'question is' : 'questions are'} not fully answered and will score what is there
            (an empty answer scores 0). Submit anyway?
          </p>
        )}
        <button type="submit" className="btn btn-primary btn-lg">
          {confirming && missing > 0 ? 'Submit anyway' : 'Submit answers'}
        </button>
      </div>
    </form>
  )
}

function yourAnswer(s: ScoredItem): string {
  const q = s.question
  if (!s.answered) return 'No answer'
  if (q.kind === 'match') {
    return q.pairs
      .map((p, i) => `${p.left} → ${s.answer[i]! >= 0 ? q.pairs[s.answer[i]!]!.right : '(none)'}`)
      .join('; ')
  }
  return s.answer.map((i) => q.options[i]?.text ?? '').join('; ')
}

function rightAnswer(q: ScoredItem['question']): string {
  if (q.kind === 'match') return q.pairs.map((p) => `${p.left} → ${p.right}`).join('; ')
  return q.options
    .filter((o) => o.correct)
    .map((o) => o.text)
    .join('; ')
}

function Results({
  attempt,
  scored,
  onRetake,
}: {
  attempt: AssessmentAttempt
  scored: ScoredItem[]
  onRetake(): void
}) {
  const pct = percent(attempt.points, attempt.max)
  const passed = attempt.points / attempt.max >= PASS_MARK
  const wrong = scored.filter((s) => !s.passed)
  return (
    <>
      <section className={`panel assessment-score${passed ? ' is-passed' : ''}`} aria-labelledby="score-title">
        <h2 id="score-title" className="panel-title">
          Score
        </h2>
        <p className="assessment-total" data-testid="assessment-score">
          <strong>{pct}%</strong>{' '}
          <span className="muted">
            ({fmt(attempt.points)} of {attempt.max} points)
          </span>
        </p>
        <p>
          {passed
            ? 'A pass: well done.'
            : `Below the ${Math.round(PASS_MARK * 100)}% pass mark: review the questions below and try again.`}
        </p>
        <table className="data-table">
          <caption className="sr-only">Score per lesson</caption>
          <thead>
            <tr>
              <th scope="col">Lesson</th>
              <th scope="col">Points</th>
              <th scope="col">Score</th>
            </tr>
          </thead>
          <tbody>
            {lessons
              .filter((l) => attempt.perLesson[l.slug])
              .map((l) => {
                const p = attempt.perLesson[l.slug]!
                return (
                  <tr key={l.slug}>
                    <th scope="row">
                      <Link to={`/lessons/${l.slug}`}>
                        {l.order}. {l.title}
                      </Link>
                    </th>
                    <td>
                      {fmt(p.points)} / {p.max}
                    </td>
                    <td>
                      <span className="assessment-bar" aria-hidden="true">
                        <span style={{ width: `${percent(p.points, p.max)}%` }} />
                      </span>
                      {percent(p.points, p.max)}%
                    </td>
                  </tr>
                )
              })}
          </tbody>
        </table>
        <div className="quiz-actions">
          <button type="button" className="btn btn-primary" onClick={onRetake}>
            Take it again
          </button>
          <Link className="btn btn-secondary" to="/progress">
            See your progress
          </Link>
        </div>
      </section>
      <section className="panel" aria-labelledby="review-title">
        <h2 id="review-title" className="panel-title">
          Review {wrong.length === 0 ? '' : `(${wrong.length})`}
        </h2>
        {wrong.length === 0 && <p>Every answer was right. Nothing to review.</p>}
        <ol className="assessment-review">
          {wrong.map((s) => {
            const l = findLesson(s.lesson)
            const { score } = s.answered ? grade(s.question, s.answer) : { score: 0 }
            return (
              <li key={s.question.id} className="assessment-review-item" data-testid="review-item">
                <p className="quiz-prompt">
                  <Inline text={s.question.prompt} />
                </p>
                <dl>
                  <dt>Your answer</dt>
                  <dd>
                    {yourAnswer(s)} <span className="muted">({Math.round(score * 100)}%)</span>
                  </dd>
                  <dt>Right answer</dt>
                  <dd>{rightAnswer(s.question)}</dd>
                  <dt>Why</dt>
                  <dd>
                    <Inline text={s.question.explanation} />
                  </dd>
                </dl>
                {l && (
                  <Link
                    to={`/lessons/${l.slug}?section=${encodeURIComponent(s.question.section)}`}
                    className="assessment-review-link"
                  >
                    Review this in “{l.title}”
                  </Link>
                )}
              </li>
            )
          })}
        </ol>
      </section>
    </>
  )
}

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/0$/, '')
}
