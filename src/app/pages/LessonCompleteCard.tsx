/**
 * The card at the end of a lesson: what completes it (its knowledge checks and lab, each a link
 * to it), how many are done, and once complete, the way to the next lesson.
 */
import { Link } from 'react-router'
import { useShallow } from 'zustand/react/shallow'
import { useProgress } from '../../course/progress.ts'
import type { LessonMeta } from '../../course/types.ts'
import { ArrowRightIcon, CheckIcon } from '../../shared/icons.tsx'
import './LessonCompleteCard.css'

export function LessonCompleteCard({ meta, next }: { meta: LessonMeta; next?: LessonMeta }) {
  const { slug } = meta
  const completedAt = useProgress((s) => s.lessons[slug]?.completedAt ?? null)
  const passed = useProgress(
    useShallow((s) => [
      ...meta.checks.map((id) => Boolean(s.checks[id]?.passedAt)),
      ...meta.labs.map((id) => Boolean(s.labs[id]?.passedAt)),
    ]),
  )
  const items = [
    ...meta.checks.map((id, i) => ({ id, kind: 'check' as const, label: `Knowledge check ${i + 1}` })),
    ...meta.labs.map((id, i) => ({
      id,
      kind: 'lab' as const,
      label: meta.labs.length > 1 ? `Hands-on lab ${i + 1}` : 'Hands-on lab',
    })),
  ]
  const done = passed.filter(Boolean).length
  const goTo = (kind: 'check' | 'lab', id: string) => {
    const el = document.querySelector<HTMLElement>(
      kind === 'check' ? `[data-check-id="${CSS.escape(id)}"]` : `[data-lab-id="${CSS.escape(id)}"]`,
    )
    if (!el) return
    el.scrollIntoView({ block: 'center' })
    el.querySelector<HTMLElement>('input, select, button, textarea')?.focus({ preventScroll: true })
  }
  return (
    <section
      className={`lesson-complete${completedAt ? ' is-complete' : ''}`}
      aria-labelledby="complete-title"
      data-testid="complete-card"
    >
      <div className="lesson-complete-main">
        <h2 id="complete-title" className="lesson-complete-title">
          {completedAt ? 'Lesson completed' : 'To complete this lesson'}
        </h2>
        <p className="lesson-complete-text" role="status" data-testid="complete-text">
          {completedAt
            ? `Completed on ${new Date(completedAt).toLocaleDateString(undefined, { dateStyle: 'medium' })}.`
            : items.length === 0
              ? 'This lesson has no knowledge checks yet.'
              : `Pass every knowledge check${meta.labs.length ? ' and the lab' : ''}: ${done} of ${items.length} done.`}
        </p>
        {items.length > 0 && (
          <ul className="lesson-complete-list">
            {items.map((it, i) => (
              <li key={`${it.kind}:${it.id}`} className={passed[i] ? 'is-done' : undefined}>
                <span className="lesson-complete-dot" aria-hidden="true">
                  {passed[i] ? <CheckIcon width={14} height={14} /> : null}
                </span>
                <button type="button" className="lesson-complete-link" onClick={() => goTo(it.kind, it.id)}>
                  {it.label}
                </button>
                <span className="sr-only">{passed[i] ? ': passed' : ': not passed yet'}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
      {completedAt && next && (
        <div className="lesson-complete-actions">
          <Link className="btn btn-primary" to={`/lessons/${next.slug}`}>
            Next lesson <ArrowRightIcon width={16} height={16} />
          </Link>
        </div>
      )}
    </section>
  )
}
