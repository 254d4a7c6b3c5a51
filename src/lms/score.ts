/**
 * A pack's score, completion and success, from the learner's progress. Pure.
 *
 * - Score: the mean over the pack's scored units: a knowledge check scores 1 once it has been
 *   answered fully right (else its last partial credit, 0 if unanswered); a lab scores 1 once its
 *   checks pass. A lesson without activities is not scored.
 * - Completion: every unit done: each check answered, each lab passed, each lesson without
 *   activities opened.
 * - Success (with a mastery score): passed as soon as the score reaches it (unanswered checks
 *   count 0, so reaching it means enough right answers); failed when the pack is complete and the
 *   score is below it; unknown before that. Without a mastery score there is no pass or fail.
 */
import type { Unit } from './pack.ts'

/** The parts of the learner's progress a pack reads (ProgressData's shape). */
export interface UnitProgress {
  checks: Readonly<Record<string, { attempts: number; lastScore: number; passedAt: string | null } | undefined>>
  labs: Readonly<Record<string, { attempts: number; passedAt: string | null } | undefined>>
  lessons: Readonly<Record<string, { completedAt: string | null } | undefined>>
}

export type Success = 'passed' | 'failed' | 'unknown'

export interface Evaluation {
  /** Units done, of all. */
  done: number
  total: number
  /** done / total, 0..1 (SCORM 2004's progress_measure). */
  progress: number
  /** Units that carry points (checks and labs). */
  scored: number
  /** 0..1, rounded to 4 decimals (SCORM 2004's and xAPI's limit); null when nothing is scored. */
  scaled: number | null
  /** 0..100, a whole number (SCORM 1.2's score.raw); null when nothing is scored. */
  percent: number | null
  completed: boolean
  success: Success
  /** The mastery score that was applied (0..1), or null. */
  mastery: number | null
}

export function unitScore(u: Unit, p: UnitProgress): number | null {
  if (u.kind === 'check') {
    const c = p.checks[u.id]
    if (!c) return 0
    return c.passedAt ? 1 : Math.min(1, Math.max(0, Number.isFinite(c.lastScore) ? c.lastScore : 0))
  }
  if (u.kind === 'lab') return p.labs[u.id]?.passedAt ? 1 : 0
  return null
}

export function unitDone(u: Unit, p: UnitProgress): boolean {
  if (u.kind === 'check') return (p.checks[u.id]?.attempts ?? 0) > 0
  if (u.kind === 'lab') return Boolean(p.labs[u.id]?.passedAt)
  return p.lessons[u.id] !== undefined
}

export function evaluate(units: readonly Unit[], p: UnitProgress, mastery: number | null): Evaluation {
  let done = 0
  let scored = 0
  let points = 0
  for (const u of units) {
    if (unitDone(u, p)) done++
    const s = unitScore(u, p)
    if (s !== null) {
      scored++
      points += s
    }
  }
  const total = units.length
  const scaled = scored === 0 ? null : Math.round((points / scored) * 10000) / 10000
  const completed = total > 0 && done === total
  let success: Success = 'unknown'
  if (mastery !== null && scaled !== null) {
    if (scaled >= mastery) success = 'passed'
    else if (completed) success = 'failed'
  }
  return {
    done,
    total,
    progress: total === 0 ? 0 : Math.round((done / total) * 10000) / 10000,
    scored,
    scaled,
    percent: scaled === null ? null : Math.round(scaled * 100),
    completed,
    success,
    mastery,
  }
}
