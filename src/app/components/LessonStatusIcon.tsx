import type { LessonStatus } from '../../course/progress.ts'
import { CheckIcon } from '../../shared/icons.tsx'

const labels: Record<LessonStatus, string> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  completed: 'Completed',
}

export function statusLabel(s: LessonStatus) {
  return labels[s]
}

/** A status dot: empty ring, half-filled, or a check. Has a text alternative. */
export function LessonStatusIcon({ status, number }: { status: LessonStatus; number?: number }) {
  return (
    <span className={`status-icon status-icon-${status}`} role="img" aria-label={labels[status]}>
      {status === 'completed' ? (
        <CheckIcon width={14} height={14} strokeWidth={3} />
      ) : number !== undefined ? (
        <span aria-hidden="true">{number}</span>
      ) : null}
    </span>
  )
}
