/**
 * What the LMS route needs from an LMS, whatever its standard: start (read what the LMS kept),
 * report (status, score, progress), save (commit), finish. SCORM 1.2 and 2004 sessions are in
 * scorm-session.ts, cmi5 in cmi5-session.ts; `noLms()` is a package opened without an LMS (or an
 * instructor's preview), where nothing is saved.
 */
import type { Evaluation } from './score.ts'

export type LmsKind = 'scorm12' | 'scorm2004' | 'cmi5' | 'none'
export type LaunchMode = 'normal' | 'browse' | 'review'

export const LMS_NAMES: Record<LmsKind, string> = {
  scorm12: 'SCORM 1.2',
  scorm2004: 'SCORM 2004',
  cmi5: 'cmi5',
  none: 'no LMS',
}

export interface LmsStart {
  /** What the LMS kept for this pack ('' on a first launch). */
  suspendData: string
  /** The mastery score the LMS gives (0..1), which wins over the pack's; null if it gives none. */
  mastery: number | null
  learner: string | null
  mode: LaunchMode
  /** cmi5: where to go after exit (LMS.LaunchData returnURL). */
  returnUrl: string | null
}

export interface LmsReport {
  evaluation: Evaluation
  /** The encoded progress (suspend.ts), or null when it could not be encoded (too large). */
  suspendData: string | null
  /** The item the learner is on (`lesson:<slug>`…), the LMS's bookmark. */
  location: string | null
}

export interface LmsSession {
  readonly kind: LmsKind
  /** The most characters the LMS keeps for the progress. */
  readonly limit: number
  start(): Promise<LmsStart>
  /** Hands the LMS the current state (SCORM: SetValue; cmi5: statements as they become due). */
  report(r: LmsReport): Promise<void>
  /** Asks the LMS to keep what it was handed (SCORM: Commit; cmi5: the state document). */
  save(): Promise<boolean>
  /** Ends the session: `exit` when the learner leaves; `unload` when the page goes away (must not wait). */
  finish(r: LmsReport, how: 'exit' | 'unload'): Promise<void>
  /** What went wrong talking to the LMS, for the learner (newest last), or []. */
  problems(): string[]
}

/** No LMS: a preview. Nothing is read or kept. */
export function noLms(): LmsSession {
  return {
    kind: 'none',
    limit: 64000,
    start: async () => ({ suspendData: '', mastery: null, learner: null, mode: 'normal', returnUrl: null }),
    report: async () => {},
    save: async () => true,
    finish: async () => {},
    problems: () => [],
  }
}
