/**
 * A pack's session with a SCORM LMS, 1.2 or 2004 4th edition: the data model elements used as
 * the run-time books define them.
 *
 * SCORM 1.2 (RTE 3.4): cmi.core.lesson_status is "incomplete" from the first launch, then
 *   "passed" / "failed" (with a mastery score) or "completed"; cmi.core.score.raw is the percent
 *   (min 0, max 100), the scale of cmi.student_data.mastery_score; cmi.suspend_data holds the
 *   progress (at most 4,096 characters); cmi.core.lesson_location the item; cmi.core.exit
 *   "suspend", so the next launch resumes (cmi.core.entry "resume"); cmi.core.session_time
 *   (HHHH:MM:SS.SS) before LMSFinish.
 * SCORM 2004 (RTE 4.2): cmi.completion_status and cmi.success_status apart; cmi.score.scaled
 *   (-1..1, here 0..1) with raw/min/max; cmi.progress_measure; cmi.suspend_data (64,000);
 *   cmi.location; cmi.exit "suspend"; cmi.session_time (PT…S) before Terminate. A mastery score
 *   the LMS sets (cmi.scaled_passing_score) wins over the pack's.
 * In review mode nothing is written; in browse mode only the progress and the bookmark.
 */
import { ScormConnection, scorm12Time, scorm2004Time } from './scorm-api.ts'
import { SUSPEND_LIMITS } from './suspend.ts'
import type { LaunchMode, LmsReport, LmsSession, LmsStart } from './session.ts'

function mode(v: string): LaunchMode {
  return v === 'review' ? 'review' : v === 'browse' ? 'browse' : 'normal'
}

/** "80" → 0.8; "" or junk → null. */
function percentToScaled(v: string): number | null {
  if (v.trim() === '') return null
  const n = Number(v)
  return Number.isFinite(n) && n >= 0 && n <= 100 ? Math.round(n * 100) / 10000 : null
}

function scaledOrNull(v: string): number | null {
  if (v.trim() === '') return null
  const n = Number(v)
  return Number.isFinite(n) && n >= 0 && n <= 1 ? n : null
}

export function createScormSession(conn: ScormConnection, now: () => number = Date.now): LmsSession {
  const v12 = conn.version === '1.2'
  let started = 0
  let launchMode: LaunchMode = 'normal'
  let finished = false
  let lastSuspend: string | null = null
  let lastLocation: string | null = null
  const sent = new Map<string, string>()
  const problems: string[] = []

  /** Sets a value only when it changed (the LMS is not asked twice for the same thing). */
  const put = (element: string, value: string) => {
    if (sent.get(element) === value) return
    if (conn.set(element, value)) sent.set(element, value)
  }

  const apply = (r: LmsReport) => {
    // Review: the LMS shows the pack as it was and records nothing (RTE: cmi.core.lesson_mode / cmi.mode).
    if (launchMode === 'review') return
    const e = r.evaluation
    if (r.suspendData !== null && r.suspendData !== lastSuspend) {
      put('cmi.suspend_data', r.suspendData)
      lastSuspend = r.suspendData
    }
    if (r.location !== null && r.location !== lastLocation) {
      put(v12 ? 'cmi.core.lesson_location' : 'cmi.location', r.location.slice(0, v12 ? 255 : 1000))
      lastLocation = r.location
    }
    if (launchMode !== 'normal') return
    if (v12) {
      if (e.percent !== null) {
        put('cmi.core.score.min', '0')
        put('cmi.core.score.max', '100')
        put('cmi.core.score.raw', String(e.percent))
      }
      put('cmi.core.lesson_status', e.success !== 'unknown' ? e.success : e.completed ? 'completed' : 'incomplete')
    } else {
      if (e.scaled !== null) {
        put('cmi.score.min', '0')
        put('cmi.score.max', '100')
        put('cmi.score.raw', String(e.percent))
        put('cmi.score.scaled', String(e.scaled))
      }
      put('cmi.progress_measure', String(e.progress))
      put('cmi.completion_status', e.completed ? 'completed' : 'incomplete')
      put('cmi.success_status', e.success)
    }
  }

  const describe = () => {
    const err = conn.errors[conn.errors.length - 1]
    if (!err) return
    const text = `The LMS refused ${err.call}: error ${err.code}${err.message ? ` (${err.message})` : ''}.`
    if (problems[problems.length - 1] !== text) problems.push(text)
    if (problems.length > 5) problems.shift()
  }

  return {
    kind: v12 ? 'scorm12' : 'scorm2004',
    limit: v12 ? SUSPEND_LIMITS.scorm12 : SUSPEND_LIMITS.scorm2004,

    async start(): Promise<LmsStart> {
      started = now()
      if (!conn.initialize()) {
        describe()
        throw new Error(
          `The LMS did not start the session (${v12 ? 'LMSInitialize' : 'Initialize'} failed${
            conn.errors.length ? `: error ${conn.errors[conn.errors.length - 1].code}` : ''
          }). Close this window and open the pack again from your LMS.`,
        )
      }
      launchMode = mode(conn.get(v12 ? 'cmi.core.lesson_mode' : 'cmi.mode'))
      const suspendData = conn.get('cmi.suspend_data')
      lastSuspend = suspendData
      lastLocation = conn.get(v12 ? 'cmi.core.lesson_location' : 'cmi.location') || null
      if (v12) {
        const status = conn.get('cmi.core.lesson_status')
        if (status === 'not attempted' || status === '') {
          if (launchMode === 'normal') put('cmi.core.lesson_status', 'incomplete')
          else if (launchMode === 'browse') put('cmi.core.lesson_status', 'browsed')
        }
      } else if (launchMode === 'normal') {
        const status = conn.get('cmi.completion_status')
        if (status === 'unknown' || status === 'not attempted' || status === '')
          put('cmi.completion_status', 'incomplete')
      }
      const learner = conn.get(v12 ? 'cmi.core.student_name' : 'cmi.learner_name') || null
      const mastery = v12
        ? percentToScaled(conn.get('cmi.student_data.mastery_score'))
        : scaledOrNull(conn.get('cmi.scaled_passing_score'))
      describe()
      return { suspendData, mastery, learner, mode: launchMode, returnUrl: null }
    },

    async report(r) {
      if (finished) return
      apply(r)
      describe()
    },

    async save() {
      if (finished) return false
      const ok = conn.commit()
      describe()
      return ok
    },

    async finish(r) {
      if (finished) return
      apply(r)
      const elapsed = now() - started
      if (v12) {
        conn.set('cmi.core.session_time', scorm12Time(elapsed))
        // Always resumable: a learner can come back to improve a score or review answers.
        if (launchMode === 'normal') conn.set('cmi.core.exit', 'suspend')
      } else {
        conn.set('cmi.session_time', scorm2004Time(elapsed))
        if (launchMode === 'normal') conn.set('cmi.exit', 'suspend')
      }
      conn.commit()
      conn.finish()
      finished = true
      describe()
    },

    problems: () => [...problems],
  }
}
