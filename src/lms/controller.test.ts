import { describe, expect, it } from 'vitest'
import { createProgressStore, NO_STORAGE } from '../course/index.ts'
import type { StorageLike } from '../shared/browser-storage.ts'
import { LmsController } from './controller.ts'
import type { Pack, Unit } from './pack.ts'
import type { LmsReport, LmsSession, LmsStart } from './session.ts'
import { decodeSnapshot, encodeSnapshot } from './suspend.ts'

class MemoryStorage implements StorageLike {
  data = new Map<string, string>()
  writes = 0
  getItem(k: string) {
    return this.data.get(k) ?? null
  }
  setItem(k: string, v: string) {
    this.writes++
    this.data.set(k, v)
  }
  removeItem(k: string) {
    this.data.delete(k)
  }
}

const pack: Pack = {
  id: 'week-1',
  title: 'Week 1',
  description: '',
  masteryScore: 0.5,
  items: [
    { kind: 'check', id: 'q-one', title: 'One' },
    { kind: 'lab', id: 'first-handler', title: 'Lab' },
  ],
}
const units: Unit[] = [
  { kind: 'check', id: 'q-one' },
  { kind: 'lab', id: 'first-handler' },
]

/** A session that records what it was told; `start` answers with the given LMS data. */
function fakeSession(start: Partial<LmsStart> = {}, kind: LmsSession['kind'] = 'scorm12') {
  const log: string[] = []
  const reports: LmsReport[] = []
  const session: LmsSession = {
    kind,
    limit: 4096,
    async start() {
      log.push('start')
      return { suspendData: '', mastery: null, learner: null, mode: 'normal', returnUrl: null, ...start }
    },
    async report(r) {
      reports.push(r)
      log.push(`report ${r.evaluation.percent}% ${r.evaluation.completed ? 'complete' : 'incomplete'}`)
    },
    async save() {
      log.push('save')
      return true
    },
    async finish(_r, how) {
      log.push(`finish ${how}`)
    },
    problems: () => [],
  }
  return { session, log, reports }
}

function setup(start: Partial<LmsStart> = {}, cached?: (s: ReturnType<typeof createProgressStore>) => void) {
  const storage = new MemoryStorage()
  const store = createProgressStore({ storage })
  cached?.(store) // what this browser had before the launch (another learner, another pack…)
  const writesBefore = storage.writes
  const { session, log, reports } = fakeSession(start)
  const timers: (() => void)[] = []
  const controller = new LmsController({
    pack,
    units,
    session,
    store,
    detachStorage: () => store.persist.setOptions({ storage: NO_STORAGE }),
    now: () => 1_800_000_000_000,
    setTimer: (fn) => timers.push(fn),
    clearTimer: () => timers.splice(0),
  })
  const runTimers = async () => {
    for (const fn of timers.splice(0)) fn()
    await new Promise((r) => setImmediate(r))
  }
  return { store, storage, writesBefore, controller, log, reports, runTimers }
}

const saved = (over: object = {}) => {
  const e = encodeSnapshot(
    {
      pack: 'week-1',
      seed: 'abcdef0123456789',
      at: 'lab:first-handler',
      checks: { 'q-one': { attempts: 2, score: 1, passed: true, answer: [1] } },
      labs: {},
      lessons: {},
      savedAt: 1_700_000_000_000,
      ...over,
    },
    4096,
  )
  if (!e.ok) throw new Error('encode')
  return e.text
}

describe('the LMS controller', () => {
  it('the LMS wins: its progress replaces this browser’s, which is neither read nor written', async () => {
    const t = setup({ suspendData: saved() }, (store) => {
      store.getState().recordLab('first-handler', true)
      store.getState().recordCheck('q-one', { answer: [0], score: 0, passed: false })
    })
    await t.controller.start()
    const s = t.store.getState()
    expect(s.checks['q-one']).toMatchObject({ attempts: 2, passedAt: '2023-11-14T22:13:20.000Z', answer: [1] })
    expect(s.labs['first-handler']).toBeUndefined()
    expect(s.seed).toBe('abcdef0123456789')
    expect(t.controller.getState()).toMatchObject({
      phase: 'ready',
      resumeAt: 'lab:first-handler',
      notice: null,
      evaluation: { percent: 50, success: 'passed', completed: false },
    })
    s.recordLab('first-handler', true)
    expect(t.storage.writes).toBe(t.writesBefore)
  })

  it('reports each meaningful change, and saves once for several', async () => {
    const t = setup()
    await t.controller.start()
    expect(t.log).toEqual(['start', 'report 0% incomplete'])
    t.store.getState().recordCheck('q-one', { answer: [1], score: 1, passed: true })
    t.store.getState().recordLab('first-handler', false)
    t.store.getState().recordLab('first-handler', true)
    t.controller.setLocation('lab:first-handler')
    t.controller.setLocation('lab:first-handler')
    t.store.getState().dismissLoadIssues() // not something the LMS keeps
    expect(t.log.slice(2)).toEqual([
      'report 50% incomplete',
      'report 50% incomplete',
      'report 100% complete',
      'report 100% complete',
    ])
    expect(t.controller.getState().save).toBe('pending')
    await t.runTimers()
    expect(t.log.filter((l) => l === 'save')).toHaveLength(1)
    expect(t.controller.getState().save).toBe('saved')
    const last = t.reports[t.reports.length - 1]
    expect(last.location).toBe('lab:first-handler')
    const back = decodeSnapshot(last.suspendData!, 'week-1')
    expect(back.ok && back.snapshot.labs['first-handler']).toEqual({ attempts: 2, passed: true })
  })

  it('damaged suspend data: a clear notice, a fresh start, and the session goes on', async () => {
    const text = saved()
    for (const bad of [text.slice(0, text.length - 7), `${text.slice(0, 20)}!${text.slice(21)}`, 'garbage']) {
      const t = setup({ suspendData: bad })
      await t.controller.start()
      expect(t.controller.getState()).toMatchObject({
        phase: 'ready',
        notice: expect.stringMatching(/damaged or cut short/),
      })
      expect(t.store.getState().checks).toEqual({})
      t.store.getState().recordCheck('q-one', { answer: [1], score: 1, passed: true })
      await t.runTimers()
      expect(t.log).toEqual(['start', 'report 0% incomplete', 'report 50% incomplete', 'save'])
      t.controller.dismissNotice()
      expect(t.controller.getState().notice).toBeNull()
    }
  })

  it('the LMS’s mastery score wins over the pack’s', async () => {
    const t = setup({ suspendData: saved(), mastery: 0.9 })
    await t.controller.start()
    expect(t.controller.getState().evaluation).toMatchObject({ mastery: 0.9, success: 'unknown' })
  })

  it('exit saves and finishes; unload finishes at once; nothing after', async () => {
    const t = setup()
    await t.controller.start()
    t.store.getState().recordCheck('q-one', { answer: [1], score: 1, passed: true })
    await t.controller.exit()
    expect(t.log.slice(-1)).toEqual(['finish exit'])
    expect(t.controller.getState().phase).toBe('ended')
    t.store.getState().recordLab('first-handler', true)
    t.controller.unload()
    expect(t.log.filter((l) => l.startsWith('finish'))).toEqual(['finish exit'])

    const u = setup()
    await u.controller.start()
    u.controller.unload()
    expect(u.log.slice(-1)).toEqual(['finish unload'])
  })

  it('a session that cannot start says why', async () => {
    const { session } = fakeSession()
    session.start = async () => {
      throw new Error('The LMS did not start the session.')
    }
    const store = createProgressStore({ storage: new MemoryStorage() })
    const c = new LmsController({ pack, units, session, store, detachStorage: () => {} })
    await c.start()
    expect(c.getState()).toMatchObject({ phase: 'failed', error: 'The LMS did not start the session.' })
  })
})
