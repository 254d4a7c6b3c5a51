/**
 * A pack's session as a cmi5 AU (cmi5 Quartz, AICC/CMI-5_Spec_Current), through @xapi/cmi5:
 * the launch parameters (endpoint, fetch, actor, registration, activityId) from the query
 * string, the one-time auth token from the `fetch` URL (POST), LMS.LaunchData (masteryScore,
 * moveOn, launchMode, returnURL, the context template), and the "cmi5 defined" statements:
 *
 *   initialized → passed (once the score reaches the mastery score) → completed (once every
 *   activity is done) → terminated, and failed instead of passed when the pack is complete below
 *   the mastery score. Per registration at most one "passed" and one "completed", never "failed"
 *   after "passed"; per session one of passed/failed. (Spec 9.3.) A failed learner who improves
 *   passes in a later session. In Browse and Review mode only initialized and terminated are sent.
 *
 * The progress (suspend.ts) and what was already sent live in an xAPI state document of ours
 * (STATE_ID) for this registration. On unload the state and "terminated" go with fetch's
 * `keepalive`, so they are sent after the page is gone.
 */
import Cmi5 from '@xapi/cmi5'
import { STATE_ID } from './cmi5-launch.ts'
import { SUSPEND_LIMITS } from './suspend.ts'
import type { LaunchMode, LmsReport, LmsSession, LmsStart } from './session.ts'

export { STATE_ID }
const XAPI_VERSION = '1.0.3'

type Statement = Parameters<Cmi5['sendXapiStatement']>[0]
type SendOptions = Parameters<Cmi5['sendXapiStatement']>[1]
type SendResult = ReturnType<Cmi5['sendXapiStatement']>

/** Our state document. */
interface AuState {
  v: 1
  suspendData: string
  /** "completed" / "passed" were sent in this registration. */
  completed: boolean
  passed: boolean
}

/** @xapi/cmi5, with statements routed through fetch(keepalive) while the page unloads. */
class AuCmi5 extends Cmi5 {
  unloading = false

  override sendXapiStatement(statement: Statement, options?: SendOptions): SendResult {
    if (!this.unloading) return super.sendXapiStatement(statement, options)
    const s = options?.transform ? options.transform(statement) : statement
    void keepalive(this, 'POST', 'statements', JSON.stringify(s))
    return Promise.resolve({ data: [s.id ?? ''] }) as unknown as SendResult
  }
}

function endpointUrl(cmi5: Cmi5, path: string): URL {
  const e = cmi5.getLaunchParameters().endpoint
  return new URL(path, e.endsWith('/') ? e : `${e}/`)
}

function keepalive(cmi5: Cmi5, method: 'POST' | 'PUT', path: string, body: string): Promise<unknown> {
  return fetch(endpointUrl(cmi5, path), {
    method,
    keepalive: true,
    headers: {
      Authorization: `Basic ${cmi5.getAuthToken()}`,
      'X-Experience-API-Version': XAPI_VERSION,
      'Content-Type': 'application/json',
    },
    body,
  }).catch(() => undefined)
}

function stateQuery(cmi5: Cmi5): string {
  const p = cmi5.getLaunchParameters()
  const q = new URLSearchParams({
    stateId: STATE_ID,
    activityId: p.activityId,
    agent: JSON.stringify(p.actor),
    registration: p.registration,
  })
  return `activities/state?${q}`
}

function httpStatus(e: unknown): number | null {
  const s = (e as { response?: { status?: unknown } })?.response?.status
  return typeof s === 'number' ? s : null
}

function why(e: unknown): string {
  const status = httpStatus(e)
  if (status !== null) return `HTTP ${status}`
  return e instanceof Error ? e.message : String(e)
}

function readState(doc: unknown): AuState | null {
  if (typeof doc === 'string') {
    try {
      doc = JSON.parse(doc)
    } catch {
      return null
    }
  }
  if (typeof doc !== 'object' || doc === null) return null
  const d = doc as Record<string, unknown>
  return {
    v: 1,
    suspendData: typeof d.suspendData === 'string' ? d.suspendData : '',
    completed: d.completed === true,
    passed: d.passed === true,
  }
}

/** A key for this launch in sessionStorage: the fetch URL is one per session (spec 8.2). */
function sessionKey(search: string): string {
  return `lf-cmi5-session:${new URLSearchParams(search).get('fetch') ?? ''}`
}

export function createCmi5Session(search: string = window.location.search): LmsSession {
  const cmi5 = new AuCmi5()
  const problems: string[] = []
  const state: AuState = { v: 1, suspendData: '', completed: false, passed: false }
  let mode: LaunchMode = 'normal'
  let mastery: number | null = null
  let judged = false
  let finished = false
  let dirty = false
  let queue: Promise<unknown> = Promise.resolve()
  const note = (text: string) => {
    if (problems[problems.length - 1] !== text) problems.push(text)
    if (problems.length > 5) problems.shift()
  }
  /** Statements go one after the other, in the order they became due. */
  const send = (verb: string, run: () => Promise<unknown>, after?: () => void) => {
    queue = queue.then(run).then(
      () => after?.(),
      (e: unknown) => note(`The LMS did not record "${verb}" (${why(e)}).`),
    )
    return queue
  }
  const score = (r: LmsReport) => {
    const e = r.evaluation
    return { scaled: e.scaled ?? 0, raw: e.percent ?? 0, min: 0, max: 100 }
  }

  return {
    kind: 'cmi5',
    limit: SUSPEND_LIMITS.cmi5,

    async start(): Promise<LmsStart> {
      const key = sessionKey(search)
      let saved: { authToken: string; initializedDate: string; ended?: boolean } | null
      try {
        saved = JSON.parse(sessionStorage.getItem(key) ?? 'null')
      } catch {
        saved = null
      }
      if (saved?.ended)
        throw new Error(
          'This cmi5 session ended when the page was closed or reloaded. Open the pack again from your LMS to go on.',
        )
      try {
        await cmi5.initialize(
          saved ? { authToken: saved.authToken, initializedDate: new Date(saved.initializedDate) } : undefined,
        )
      } catch (e) {
        throw new Error(
          `The LMS did not start the cmi5 session (${why(e)}). Close this window and open the pack again from your LMS.`,
          { cause: e },
        )
      }
      try {
        sessionStorage.setItem(
          key,
          JSON.stringify({ authToken: cmi5.getAuthToken(), initializedDate: cmi5.getInitializedDate().toISOString() }),
        )
      } catch {
        // no sessionStorage: a reload will need a new launch
      }
      const data = cmi5.getLaunchData()
      mode = data.launchMode === 'Browse' ? 'browse' : data.launchMode === 'Review' ? 'review' : 'normal'
      mastery = typeof data.masteryScore === 'number' ? data.masteryScore : null
      let readProblem: string | null = null
      try {
        const p = cmi5.getLaunchParameters()
        const res = await cmi5.xapi!.getState({
          agent: p.actor,
          activityId: p.activityId,
          stateId: STATE_ID,
          registration: p.registration,
        })
        const s = readState(res.data)
        if (s) Object.assign(state, s)
      } catch (e) {
        if (httpStatus(e) !== 404) readProblem = why(e)
      }
      if (readProblem !== null)
        throw new Error(
          `Your saved progress could not be read from the LMS (${readProblem}). To keep it safe, nothing was changed. Close this window and open the pack again later.`,
        )
      const actor = cmi5.getLaunchParameters().actor as { name?: string; account?: { name?: string } }
      return {
        suspendData: state.suspendData,
        mastery,
        learner: actor.name ?? null,
        mode,
        returnUrl: typeof data.returnURL === 'string' && data.returnURL !== '' ? data.returnURL : null,
      }
    },

    async report(r) {
      if (finished) return
      if (r.suspendData !== null && r.suspendData !== state.suspendData) {
        state.suspendData = r.suspendData
        dirty = true
      }
      if (mode !== 'normal') return
      const e = r.evaluation
      if (mastery !== null && e.success === 'passed' && !state.passed && !judged) {
        judged = true
        state.passed = true
        dirty = true
        await send('passed', () => cmi5.pass(score(r)))
      }
      if (e.completed && !state.completed) {
        if (mastery !== null && e.success === 'failed' && !state.passed && !judged) {
          judged = true
          await send('failed', () => cmi5.fail(score(r)))
        }
        state.completed = true
        dirty = true
        await send('completed', () => cmi5.complete())
      }
    },

    async save() {
      if (finished || !dirty) return true
      dirty = false
      const p = cmi5.getLaunchParameters()
      try {
        await cmi5.xapi!.setState({
          agent: p.actor,
          activityId: p.activityId,
          stateId: STATE_ID,
          registration: p.registration,
          state: { ...state },
        })
        return true
      } catch (e) {
        dirty = true
        note(`Your progress could not be saved in the LMS (${why(e)}); it will be tried again.`)
        return false
      }
    },

    async finish(r, how) {
      if (finished) return
      if (how === 'unload') {
        // The page is going away: nothing here may wait for an answer.
        finished = true
        cmi5.unloading = true
        if (r.suspendData !== null) state.suspendData = r.suspendData
        void keepalive(cmi5, 'PUT', stateQuery(cmi5), JSON.stringify(state))
        void cmi5.terminate()
        markEnded(search)
        return
      }
      await this.report(r)
      dirty = true
      await this.save()
      await queue
      finished = true
      await send('terminated', () => cmi5.terminate())
      markEnded(search)
    },

    problems: () => [...problems],
  }
}

function markEnded(search: string) {
  try {
    sessionStorage.setItem(sessionKey(search), JSON.stringify({ ended: true }))
  } catch {
    // nothing to keep
  }
}
