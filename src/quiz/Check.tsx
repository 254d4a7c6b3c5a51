/**
 * A knowledge check inside a lesson (or an embed): the question, "Check answer", which choices
 * were right and why, and "Try again". Results are saved in progress; when the last requirement
 * of the lesson passes, the lesson completes.
 */
import { useEffect, useMemo, useRef, useState } from 'react'
import { progressStore, useCurrentLesson } from '../course/index.ts'
import { CopyEmbed } from '../shared/CopyEmbed.tsx'
import { findQuestion } from './data.ts'
import { answerProblem, grade as gradeAnswer, isAnswerFor, stableOrder, type Answer, type Grade } from './grade.ts'
import { Inline, plain } from './inline.tsx'
import { QuestionView } from './QuestionView.tsx'
import type { Question } from './types.ts'
import './quiz.css'

export interface CheckResultEvent {
  id: string
  question: Question
  grade: Grade
  attempts: number
}

export interface CheckProps {
  id: string
  /** Called after every checked answer (embeds post it to their host). */
  onResult?(e: CheckResultEvent): void
  /** In an embed: no "Copy embed code". */
  embedded?: boolean
}

type Loaded = { state: 'loading' } | { state: 'missing' } | { state: 'ready'; question: Question; slug: string }

export default function Check({ id, onResult, embedded }: CheckProps) {
  const lesson = useCurrentLesson()
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' })
  useEffect(() => {
    let live = true
    findQuestion(id, lesson?.slug).then(
      (r) => live && setLoaded(r ? { state: 'ready', ...r } : { state: 'missing' }),
      () => live && setLoaded({ state: 'missing' }),
    )
    return () => {
      live = false
    }
  }, [id, lesson?.slug])

  if (loaded.state === 'loading') return <CheckSkeleton embedded={embedded} />
  if (loaded.state === 'missing') {
    return (
      <div className={`quiz quiz-missing${embedded ? ' quiz-embedded' : ''}`} role="alert">
        This knowledge check (<code>{id}</code>) could not be found. The course may have been updated: reload the page.
      </div>
    )
  }
  return <CheckView question={loaded.question} onResult={onResult} embedded={embedded} />
}

export function CheckSkeleton({ embedded }: { embedded?: boolean }) {
  return (
    <div className={`quiz quiz-loading${embedded ? ' quiz-embedded' : ''}`} role="status">
      <span className="sr-only">Loading a knowledge check…</span>
    </div>
  )
}

function CheckView({
  question: q,
  onResult,
  embedded,
}: {
  question: Question
  onResult?: CheckProps['onResult']
  embedded?: boolean
}) {
  const lesson = useCurrentLesson()
  const seed = useMemo(() => progressStore.getState().ensureSeed(), [])
  const order = useMemo(
    () => stableOrder(seed, q.id, q.kind === 'match' ? q.pairs.length : q.options.length),
    [seed, q],
  )
  const leftOrder = useMemo(
    () => (q.kind === 'match' ? stableOrder(seed, `${q.id}:left`, q.pairs.length) : undefined),
    [seed, q],
  )
  const saved = useMemo(() => progressStore.getState().checks[q.id], [q.id])
  const initial: Answer =
    saved?.answer && isAnswerFor(q, saved.answer) ? saved.answer : q.kind === 'match' ? q.pairs.map(() => -1) : []
  const [answer, setAnswer] = useState<Answer>(initial)
  const [result, setResult] = useState<Grade | null>(
    saved?.answer && isAnswerFor(q, saved.answer) ? gradeAnswer(q, saved.answer) : null,
  )
  const [problem, setProblem] = useState('')
  const [announce, setAnnounce] = useState('')
  const rootRef = useRef<HTMLDivElement>(null)
  const headingId = `check-${q.id}`
  const passedBefore = Boolean(saved?.passedAt)

  const change = (a: Answer) => {
    setAnswer(a)
    setProblem('')
    if (result) setResult(null)
  }

  const check = () => {
    const p = answerProblem(q, answer)
    if (!p.ok) {
      setProblem(p.message)
      setAnnounce(p.message)
      return
    }
    const g = gradeAnswer(q, answer)
    setResult(g)
    setProblem('')
    const req =
      lesson && lesson.checks.includes(q.id)
        ? { slug: lesson.slug, checks: lesson.checks, labs: lesson.labs }
        : undefined
    progressStore.getState().recordCheck(q.id, { answer, score: g.score, passed: g.passed }, req)
    const attempts = progressStore.getState().checks[q.id]?.attempts ?? 1
    setAnnounce(summary(q, g))
    onResult?.({ id: q.id, question: q, grade: g, attempts })
  }

  const retry = () => {
    setAnswer(q.kind === 'match' ? q.pairs.map(() => -1) : [])
    setResult(null)
    setProblem('')
    setAnnounce('Answers cleared. Try again.')
    rootRef.current?.querySelector<HTMLElement>('input, select')?.focus()
  }

  return (
    <div
      ref={rootRef}
      className={`quiz not-prose${embedded ? ' quiz-embedded' : ''}${result ? (result.passed ? ' is-passed' : ' is-failed') : ''}`}
      role="group"
      aria-labelledby={headingId}
      data-check-id={q.id}
      data-kind={q.kind}
    >
      <p className="quiz-eyebrow">
        Knowledge check
        {q.kind === 'select' && <span className="quiz-kind"> · select {q.select}</span>}
        {q.kind === 'match' && <span className="quiz-kind"> · matching</span>}
        {passedBefore && !result && <span className="quiz-passed-before"> · passed before</span>}
      </p>
      <p id={headingId} className="quiz-prompt">
        <Inline text={q.prompt} />
      </p>
      <QuestionView question={q} order={order} leftOrder={leftOrder} answer={answer} onAnswer={change} grade={result} />
      {problem && <p className="quiz-problem">{problem}</p>}
      {result && (
        <div className={`quiz-result ${result.passed ? 'is-right' : 'is-wrong'}`}>
          <p className="quiz-result-title">{result.passed ? 'Correct.' : headline(q, result)}</p>
          <p className="quiz-explanation">
            <Inline text={q.explanation} />
          </p>
        </div>
      )}
      <div className="quiz-actions">
        <button type="button" className="btn btn-primary" onClick={check}>
          Check answer
        </button>
        {result && !result.passed && (
          <button type="button" className="btn btn-secondary" onClick={retry}>
            Try again
          </button>
        )}
        {!embedded && <CopyEmbed kind="check" id={q.id} title={`Knowledge check: ${plain(q.prompt)}`} />}
      </div>
      <p className="sr-only" aria-live="polite" role="status">
        {announce}
      </p>
    </div>
  )
}

function headline(q: Question, g: Grade): string {
  if (q.kind === 'single') return 'Not quite.'
  const unit = q.kind === 'match' ? (g.max === 1 ? 'match' : 'matches') : g.max === 1 ? 'choice' : 'choices'
  return `Not quite: ${g.points} of ${g.max} ${unit} right.`
}

function summary(q: Question, g: Grade): string {
  return `${g.passed ? 'Correct.' : headline(q, g)} ${plain(q.explanation)}`
}
