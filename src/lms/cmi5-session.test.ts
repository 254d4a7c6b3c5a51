/**
 * The cmi5 statement rules (spec 9.3) with @xapi/cmi5 replaced by a recorder. The real library
 * against an LRS runs in the e2e (e2e/lms-cmi5.spec.ts).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Evaluation } from './score.ts'

const sent: { verb: string; result?: unknown; via: 'xapi' | 'keepalive' }[] = []
const stateDocs = new Map<string, unknown>()
let launchData: Record<string, unknown> = {}
let initialize: (s?: unknown) => Promise<void> = async () => {}
let stateError: Error | null = null

vi.mock('@xapi/cmi5', () => {
  class FakeCmi5 {
    getLaunchParameters() {
      return {
        endpoint: 'https://lms.example.edu/lrs',
        fetch: 'https://lms.example.edu/token?k=1',
        actor: { objectType: 'Agent', name: 'Jane', account: { homePage: 'https://lms.example.edu', name: '42' } },
        registration: 'reg-1',
        activityId: 'https://lms.example.edu/au/1',
      }
    }
    getLaunchData() {
      return launchData
    }
    getAuthToken() {
      return 'dG9rZW4='
    }
    getInitializedDate() {
      return new Date(0)
    }
    async initialize(s?: unknown) {
      await initialize(s)
    }
    get xapi() {
      return {
        getState: async (p: { stateId: string }) => {
          if (stateError) throw stateError
          if (!stateDocs.has(p.stateId)) throw Object.assign(new Error('404'), { response: { status: 404 } })
          return { data: stateDocs.get(p.stateId) }
        },
        setState: async (p: { stateId: string; state: unknown }) => {
          stateDocs.set(p.stateId, JSON.parse(JSON.stringify(p.state)))
          return { data: '' }
        },
      }
    }
    statement(verb: string, result?: unknown) {
      return { id: `${sent.length}`, verb: { id: verb }, ...(result ? { result } : {}) }
    }
    pass(score: unknown) {
      return this.sendXapiStatement(this.statement('passed', { score }))
    }
    fail(score: unknown) {
      return this.sendXapiStatement(this.statement('failed', { score }))
    }
    complete() {
      return this.sendXapiStatement(this.statement('completed'))
    }
    terminate() {
      return this.sendXapiStatement(this.statement('terminated'))
    }
    async sendXapiStatement(s: { verb: { id: string }; result?: unknown }) {
      sent.push({ verb: s.verb.id, result: s.result, via: 'xapi' })
      return { data: ['id'] }
    }
  }
  return { default: FakeCmi5 }
})

const { createCmi5Session, STATE_ID } = await import('./cmi5-session.ts')

const ev = (over: Partial<Evaluation> = {}): Evaluation => ({
  done: 0,
  total: 2,
  progress: 0,
  scored: 2,
  scaled: 0,
  percent: 0,
  completed: false,
  success: 'unknown',
  mastery: 0.8,
  ...over,
})
const report = (over: Partial<Evaluation> = {}) => ({ evaluation: ev(over), suspendData: 'AQ', location: null })
const verbs = () => sent.map((s) => s.verb)
const search = (k = '1') => `?fetch=${encodeURIComponent(`https://lms.example.edu/token?k=${k}`)}`

let storage: Map<string, string>
beforeEach(() => {
  sent.length = 0
  stateDocs.clear()
  launchData = { launchMode: 'Normal', masteryScore: 0.8, moveOn: 'CompletedAndPassed', contextTemplate: {} }
  initialize = async () => {}
  stateError = null
  storage = new Map()
  vi.stubGlobal('sessionStorage', {
    getItem: (k: string) => storage.get(k) ?? null,
    setItem: (k: string, v: string) => storage.set(k, v),
  })
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: URL, init: RequestInit) => {
      if (init.method === 'POST') sent.push({ verb: JSON.parse(init.body as string).verb.id, via: 'keepalive' })
      else stateDocs.set(STATE_ID, JSON.parse(init.body as string))
      return new Response('')
    }),
  )
})
afterEach(() => vi.unstubAllGlobals())

describe('a cmi5 session', () => {
  it('passes once the score reaches the mastery score, completes once, terminates last', async () => {
    const s = createCmi5Session(search())
    expect(await s.start()).toEqual({ suspendData: '', mastery: 0.8, learner: 'Jane', mode: 'normal', returnUrl: null })
    await s.report(report({ scaled: 0.5, percent: 50 }))
    await s.report(report({ scaled: 0.8, percent: 80, success: 'passed' }))
    await s.report(report({ scaled: 1, percent: 100, success: 'passed' }))
    await s.report(report({ scaled: 1, percent: 100, success: 'passed', completed: true }))
    await s.report(report({ scaled: 1, percent: 100, success: 'passed', completed: true }))
    await s.finish(report({ scaled: 1, percent: 100, success: 'passed', completed: true }), 'exit')
    expect(verbs()).toEqual(['passed', 'completed', 'terminated'])
    expect(sent[0].result).toEqual({ score: { scaled: 0.8, raw: 80, min: 0, max: 100 } })
    expect(stateDocs.get(STATE_ID)).toEqual({ v: 1, suspendData: 'AQ', completed: true, passed: true })
  })

  it('a pack completed below the mastery score fails (before "completed"); a later session can pass', async () => {
    const s = createCmi5Session(search())
    await s.start()
    await s.report(report({ scaled: 0.5, percent: 50, success: 'failed', completed: true }))
    await s.report(report({ scaled: 1, percent: 100, success: 'passed', completed: true })) // same session: no pass
    await s.finish(report({ scaled: 1, percent: 100, success: 'passed', completed: true }), 'exit')
    expect(verbs()).toEqual(['failed', 'completed', 'terminated'])

    sent.length = 0
    const next = createCmi5Session(search('2'))
    await next.start()
    await next.report(report({ scaled: 1, percent: 100, success: 'passed', completed: true }))
    await next.finish(report({ scaled: 1, percent: 100, success: 'passed', completed: true }), 'exit')
    expect(verbs()).toEqual(['passed', 'terminated'])

    // Passed and completed in this registration: nothing more, ever (and never "failed" after "passed").
    sent.length = 0
    const third = createCmi5Session(search('3'))
    await third.start()
    await third.report(report({ scaled: 0.5, percent: 50, success: 'failed', completed: true }))
    await third.finish(report(), 'exit')
    expect(verbs()).toEqual(['terminated'])
  })

  it('without a mastery score there is no judgement, only completion', async () => {
    launchData = { launchMode: 'Normal', moveOn: 'Completed', contextTemplate: {} }
    const s = createCmi5Session(search())
    await s.start()
    await s.report(report({ mastery: null, scaled: 0.2, success: 'unknown', completed: true }))
    await s.finish(report({ completed: true }), 'exit')
    expect(verbs()).toEqual(['completed', 'terminated'])
  })

  it('Browse and Review modes send only initialized (the library’s) and terminated', async () => {
    for (const mode of ['Browse', 'Review']) {
      sent.length = 0
      launchData = {
        launchMode: mode,
        masteryScore: 0.5,
        contextTemplate: {},
        returnURL: 'https://lms.example.edu/back',
      }
      const s = createCmi5Session(search(mode))
      expect(await s.start()).toMatchObject({ mode: mode.toLowerCase(), returnUrl: 'https://lms.example.edu/back' })
      await s.report(report({ scaled: 1, success: 'passed', completed: true }))
      await s.finish(report({ scaled: 1, success: 'passed', completed: true }), 'exit')
      expect(verbs()).toEqual(['terminated'])
    }
  })

  it('on unload, the state and "terminated" go with keepalive; a reload then says the session ended', async () => {
    const s = createCmi5Session(search())
    await s.start()
    await s.finish({ evaluation: ev(), suspendData: 'AQID', location: null }, 'unload')
    expect(sent).toEqual([{ verb: 'terminated', via: 'keepalive' }])
    const calls = vi.mocked(fetch).mock.calls
    expect(calls.map(([url, init]) => [String(url), init?.method, init?.keepalive])).toEqual([
      [
        `https://lms.example.edu/lrs/activities/state?stateId=${encodeURIComponent(STATE_ID)}&activityId=https%3A%2F%2Flms.example.edu%2Fau%2F1&agent=${encodeURIComponent(
          JSON.stringify({
            objectType: 'Agent',
            name: 'Jane',
            account: { homePage: 'https://lms.example.edu', name: '42' },
          }),
        ).replace(/%20/g, '+')}&registration=reg-1`,
        'PUT',
        true,
      ],
      ['https://lms.example.edu/lrs/statements', 'POST', true],
    ])
    expect((calls[0][1]?.headers as Record<string, string>).Authorization).toBe('Basic dG9rZW4=')
    expect(stateDocs.get(STATE_ID)).toMatchObject({ suspendData: 'AQID' })
    await expect(createCmi5Session(search()).start()).rejects.toThrow(/This cmi5 session ended/)
  })

  it('a reload during the session reuses the token instead of fetching it again', async () => {
    const seen: unknown[] = []
    initialize = async (x) => void seen.push(x)
    await createCmi5Session(search()).start()
    await createCmi5Session(search()).start()
    expect(seen[0]).toBeUndefined()
    expect(seen[1]).toEqual({ authToken: 'dG9rZW4=', initializedDate: new Date(0) })
  })

  it('an LMS that refuses the launch, or whose saved state cannot be read, stops with a clear message', async () => {
    initialize = async () => {
      throw Object.assign(new Error('Request failed'), { response: { status: 401 } })
    }
    await expect(createCmi5Session(search()).start()).rejects.toThrow(
      'The LMS did not start the cmi5 session (HTTP 401). Close this window and open the pack again from your LMS.',
    )
    initialize = async () => {}
    stateError = Object.assign(new Error('Request failed'), { response: { status: 503 } })
    await expect(createCmi5Session(search('x')).start()).rejects.toThrow(
      /could not be read from the LMS \(HTTP 503\)\. To keep it safe, nothing was changed/,
    )
  })
})
