import { describe, expect, it } from 'vitest'
import { PROGRESS_VERSION } from './progress-schema.ts'
import { BACKUP_KEY, createProgressStore, STORAGE_KEY, type StorageLike } from './progress-store.ts'

class FakeStorage implements StorageLike {
  data = new Map<string, string>()
  writes = 0
  constructor(init: Record<string, string> = {}) {
    for (const [k, v] of Object.entries(init)) this.data.set(k, v)
  }
  getItem(k: string) {
    return this.data.has(k) ? (this.data.get(k) as string) : null
  }
  setItem(k: string, v: string) {
    this.writes++
    this.data.set(k, v)
  }
  removeItem(k: string) {
    this.data.delete(k)
  }
  json(k = STORAGE_KEY) {
    return JSON.parse(this.getItem(k) as string)
  }
}

let tick = 0
const clock = () => new Date(Date.UTC(2026, 10, 27, 12, 0, tick++))
const T = '2026-01-02T03:04:05.000Z'

function make(storage: StorageLike) {
  tick = 0
  return createProgressStore({ storage, now: clock })
}

describe('progress store: recording progress', () => {
  it('starts empty and writes nothing until something happens', () => {
    const storage = new FakeStorage()
    const store = make(storage)
    expect(store.getState().lessons).toEqual({})
    expect(store.getState().lastLocation).toBeNull()
    expect(store.getState().loadIssues).toEqual([])
    expect(storage.writes).toBe(0)
  })

  it('records visits with first/last timestamps and the last location, and persists them', () => {
    const storage = new FakeStorage()
    const store = make(storage)
    store.getState().visitLesson('how-lambda-works', 'sync-invoke')
    store.getState().visitLesson('how-lambda-works')
    const p = store.getState().lessons['how-lambda-works']
    expect(p.firstVisitedAt).toBe('2026-11-27T12:00:00.000Z')
    expect(p.lastVisitedAt).toBe('2026-11-27T12:00:01.000Z')
    expect(p.completedAt).toBeNull()
    expect(store.getState().lastLocation).toEqual({
      slug: 'how-lambda-works',
      section: null,
      at: '2026-11-27T12:00:01.000Z',
    })
    const saved = storage.json()
    expect(saved.version).toBe(PROGRESS_VERSION)
    expect(saved.state.lessons['how-lambda-works'].firstVisitedAt).toBe('2026-11-27T12:00:00.000Z')
    expect(saved.state).not.toHaveProperty('loadIssues')
  })

  it('tracks the section and completion, and unmarking keeps the visit', () => {
    const storage = new FakeStorage()
    const store = make(storage)
    store.getState().visitLesson('intro')
    store.getState().setLocation('intro', 'summary')
    expect(store.getState().lastLocation?.section).toBe('summary')
    store.getState().setCompleted('intro', true)
    const done = store.getState().lessons.intro.completedAt
    expect(done).toMatch(/^2026-11-27T/)
    // Marking again keeps the first completion time.
    store.getState().setCompleted('intro', true)
    expect(store.getState().lessons.intro.completedAt).toBe(done)
    store.getState().setCompleted('intro', false)
    expect(store.getState().lessons.intro.completedAt).toBeNull()
    expect(store.getState().lessons.intro.firstVisitedAt).toBeTruthy()
  })

  it('ignores invalid slugs', () => {
    const store = make(new FakeStorage())
    store.getState().visitLesson('../../etc')
    store.getState().setCompleted('__proto__', true)
    expect(store.getState().lessons).toEqual({})
    expect(Object.getPrototypeOf(store.getState().lessons)).toBe(Object.prototype)
  })

  it('a second store on the same storage reads what the first wrote', () => {
    const storage = new FakeStorage()
    const a = make(storage)
    a.getState().visitLesson('intro', 'what-is-lambda')
    a.getState().setCompleted('intro', true)
    const b = make(storage)
    expect(b.getState().lessons).toEqual(a.getState().lessons)
    expect(b.getState().lastLocation).toEqual(a.getState().lastLocation)
    expect(b.getState().loadIssues).toEqual([])
  })

  it('reset and replaceAll replace the record', () => {
    const storage = new FakeStorage()
    const store = make(storage)
    store.getState().visitLesson('intro')
    store.getState().reset()
    expect(store.getState().lessons).toEqual({})
    expect(storage.json().state.lessons).toEqual({})
    store.getState().replaceAll({
      lessons: { x: { firstVisitedAt: T, lastVisitedAt: T, completedAt: T } },
      lastLocation: null,
      checks: {},
      labs: {},
      assessment: [],
      seed: null,
    })
    expect(store.getState().lessons.x.completedAt).toBe(T)
  })
})

describe('progress store: migrations', () => {
  it('migrates a version-1 record, keeps its data and writes it back as the current version', () => {
    const storage = new FakeStorage({
      [STORAGE_KEY]: JSON.stringify({
        version: 1,
        state: {
          visited: ['intro', 'how-lambda-works'],
          completed: ['intro'],
          lastLesson: 'how-lambda-works',
          updatedAt: Date.UTC(2026, 0, 5),
        },
      }),
    })
    const store = make(storage)
    const s = store.getState()
    expect(s.loadIssues).toEqual([])
    expect(s.lessons).toEqual({
      intro: {
        firstVisitedAt: '2026-01-05T00:00:00.000Z',
        lastVisitedAt: '2026-01-05T00:00:00.000Z',
        completedAt: '2026-01-05T00:00:00.000Z',
      },
      'how-lambda-works': {
        firstVisitedAt: '2026-01-05T00:00:00.000Z',
        lastVisitedAt: '2026-01-05T00:00:00.000Z',
        completedAt: null,
      },
    })
    expect(s.lastLocation).toEqual({ slug: 'how-lambda-works', section: null, at: '2026-01-05T00:00:00.000Z' })
    expect(storage.json().version).toBe(PROGRESS_VERSION)
    expect(storage.json().state.lessons.intro.completedAt).toBe('2026-01-05T00:00:00.000Z')
  })

  it('a version-1 record with bad entries keeps the good ones and names the bad', () => {
    const storage = new FakeStorage({
      [STORAGE_KEY]: JSON.stringify({
        version: 1,
        state: { visited: ['intro', 'Not A Slug!', 7], completed: [], lastLesson: null, updatedAt: 'x' },
      }),
    })
    const s = make(storage).getState()
    expect(Object.keys(s.lessons)).toEqual(['intro'])
    expect(s.loadIssues).toEqual(['Progress for 1 lesson entry was unreadable, so it was reset.'])
  })

  it('a record from a newer version keeps what this version understands and says so', () => {
    const storage = new FakeStorage({
      [STORAGE_KEY]: JSON.stringify({
        version: PROGRESS_VERSION + 1,
        state: {
          lessons: { intro: { firstVisitedAt: T, lastVisitedAt: T, completedAt: null } },
          lastLocation: null,
          quizzes: { q1: {} },
        },
      }),
    })
    const s = make(storage).getState()
    expect(s.lessons.intro.firstVisitedAt).toBe(T)
    expect(s.loadIssues.join(' ')).toMatch(/newer version/)
  })

  it('an unknown version number resets with a notice', () => {
    const storage = new FakeStorage({ [STORAGE_KEY]: JSON.stringify({ version: 0, state: { lessons: {} } }) })
    const s = make(storage).getState()
    expect(s.lessons).toEqual({})
    expect(s.loadIssues.join(' ')).toMatch(/unknown format/)
  })
})

describe('progress store: recovery from corrupt, foreign or garbage storage', () => {
  const cases: [string, string, RegExp][] = [
    ['not JSON', '{"state": {"lessons": ', /damaged/],
    ['a JSON string', '"hello"', /format this course does not recognise/],
    ['a JSON array', '[1,2,3]', /format this course does not recognise/],
    ['another app’s object', JSON.stringify({ theme: 'dark', user: 'x' }), /format this course does not recognise/],
    ['no version', JSON.stringify({ state: { lessons: {} } }), /format this course does not recognise/],
    ['a null state', JSON.stringify({ state: null, version: PROGRESS_VERSION }), /empty or damaged/],
    ['an array state', JSON.stringify({ state: [], version: PROGRESS_VERSION }), /empty or damaged/],
    [
      'lessons of the wrong type',
      JSON.stringify({ state: { lessons: [1, 2], lastLocation: null }, version: PROGRESS_VERSION }),
      /list of visited and completed lessons/,
    ],
    ['binary garbage', '\u0000\u0001\uFFFD garbage', /damaged/],
  ]
  for (const [name, raw, msg] of cases) {
    it(`${name}: starts clean, says what it reset, backs up the original and rewrites storage`, () => {
      const storage = new FakeStorage({ [STORAGE_KEY]: raw })
      const store = make(storage)
      const s = store.getState()
      expect(s.lessons).toEqual({})
      expect(s.loadIssues.length).toBeGreaterThan(0)
      expect(s.loadIssues.join(' ')).toMatch(msg)
      expect(storage.getItem(BACKUP_KEY)).toBe(raw)
      expect(storage.json().version).toBe(PROGRESS_VERSION)
      // The store works afterwards, and the next load is clean.
      store.getState().visitLesson('intro')
      const again = make(storage)
      expect(again.getState().loadIssues).toEqual([])
      expect(Object.keys(again.getState().lessons)).toEqual(['intro'])
    })
  }

  it('keeps the valid parts of a partly corrupt record', () => {
    const storage = new FakeStorage({
      [STORAGE_KEY]: JSON.stringify({
        version: PROGRESS_VERSION,
        state: {
          lessons: {
            intro: { firstVisitedAt: T, lastVisitedAt: T, completedAt: T },
            'how-lambda-works': { firstVisitedAt: 'yesterday', lastVisitedAt: T, completedAt: null },
            permissions: { firstVisitedAt: T, lastVisitedAt: T, completedAt: 12 },
            'BAD SLUG': { firstVisitedAt: T, lastVisitedAt: T, completedAt: null },
          },
          lastLocation: { slug: 'intro', section: 'has spaces#and?hash', at: T },
        },
      }),
    })
    const store = make(storage)
    const s = store.getState()
    expect(s.lessons).toEqual({ intro: { firstVisitedAt: T, lastVisitedAt: T, completedAt: T } })
    expect(s.lastLocation).toBeNull()
    expect(s.loadIssues).toEqual([
      'Progress for 3 lesson entries was unreadable, so it was reset (how-lambda-works, permissions, …).',
      'Where you left off was unreadable, so it was reset.',
    ])
    s.dismissLoadIssues()
    expect(store.getState().loadIssues).toEqual([])
  })

  it('names a single bad lesson', () => {
    const storage = new FakeStorage({
      [STORAGE_KEY]: JSON.stringify({
        version: PROGRESS_VERSION,
        state: { lessons: { intro: { firstVisitedAt: 1 } } },
      }),
    })
    expect(make(storage).getState().loadIssues).toEqual([
      'Progress for the lesson "intro" was unreadable, so it was reset.',
    ])
  })

  it('does not overwrite an existing backup', () => {
    const storage = new FakeStorage({ [STORAGE_KEY]: 'garbage-2', [BACKUP_KEY]: 'garbage-1' })
    make(storage)
    expect(storage.getItem(BACKUP_KEY)).toBe('garbage-1')
  })

  it('survives a storage that throws on every call', () => {
    const throwing: StorageLike = {
      getItem() {
        throw new Error('SecurityError')
      },
      setItem() {
        throw new Error('QuotaExceededError')
      },
      removeItem() {
        throw new Error('SecurityError')
      },
    }
    const store = make(throwing)
    expect(store.getState().loadIssues.join(' ')).toMatch(/could not be read/)
    store.getState().visitLesson('intro')
    expect(store.getState().lessons.intro).toBeTruthy()
  })

  it('a storage full error on write keeps progress in memory', () => {
    const storage = new FakeStorage()
    storage.setItem = () => {
      throw new Error('QuotaExceededError')
    }
    const store = make(storage)
    store.getState().setCompleted('intro', true)
    expect(store.getState().lessons.intro.completedAt).toBeTruthy()
  })

  it('rehydrate() picks up a change written by another tab', async () => {
    const storage = new FakeStorage()
    const a = make(storage)
    const b = make(storage)
    a.getState().setCompleted('intro', true)
    expect(b.getState().lessons.intro).toBeUndefined()
    await b.persist.rehydrate()
    expect(b.getState().lessons.intro.completedAt).toBeTruthy()
  })
})

describe('knowledge checks, labs and lesson completion', () => {
  const lesson = { slug: 'how-lambda-works', checks: ['kc-a', 'kc-b'], labs: ['lab-x'] }
  it('records attempts, keeps the first pass, and completes the lesson only when every requirement passed', () => {
    const storage = new FakeStorage()
    const store = make(storage)
    const s = () => store.getState()
    s().recordCheck('kc-a', { answer: [0], score: 0, passed: false }, lesson)
    expect(s().checks['kc-a']).toMatchObject({ attempts: 1, passedAt: null, lastScore: 0 })
    s().recordCheck('kc-a', { answer: [1], score: 1, passed: true }, lesson)
    const passedAt = s().checks['kc-a']?.passedAt
    expect(passedAt).toMatch(/^\d{4}-/)
    s().recordCheck('kc-a', { answer: [0], score: 0, passed: false }, lesson)
    expect(s().checks['kc-a']).toMatchObject({ attempts: 3, passedAt, answer: [0] })
    s().recordCheck('kc-b', { answer: [0, 1], score: 1, passed: true }, lesson)
    expect(s().lessons['how-lambda-works']?.completedAt ?? null).toBeNull()
    s().recordLab('lab-x', false, lesson)
    expect(s().lessons['how-lambda-works']?.completedAt ?? null).toBeNull()
    s().recordLab('lab-x', true, lesson)
    const completedAt = s().lessons['how-lambda-works']?.completedAt
    expect(completedAt).toMatch(/^\d{4}-/)
    // Persisted, and survives a reload.
    const again = make(storage)
    expect(again.getState().checks['kc-b']?.passedAt).toMatch(/^\d{4}-/)
    expect(again.getState().labs['lab-x']).toMatchObject({ attempts: 2 })
    expect(again.getState().lessons['how-lambda-works']?.completedAt).toBe(completedAt)
  })
  it('keeps one seed per learner', () => {
    const storage = new FakeStorage()
    const store = make(storage)
    const seed = store.getState().ensureSeed()
    expect(seed).toMatch(/^[0-9a-f]{24}$/)
    expect(store.getState().ensureSeed()).toBe(seed)
    expect(make(storage).getState().seed).toBe(seed)
  })
  it('keeps at most 50 assessment attempts', () => {
    const store = make(new FakeStorage())
    for (let i = 0; i < 55; i++)
      store.getState().addAssessmentAttempt({ at: T, points: i % 10, max: 10, perLesson: {}, wrong: [] })
    expect(store.getState().assessment).toHaveLength(50)
    expect(store.getState().assessment[49]?.points).toBe(4)
  })
})
