import { describe, expect, it } from 'vitest'
import { buildExport, parseImport } from './progress-export.ts'
import { migrateProgress } from './progress-migrations.ts'
import { EXPORT_FORMAT, PROGRESS_VERSION, sanitizeProgress } from './progress-schema.ts'

const T = '2026-03-04T05:06:07.000Z'
const data = {
  lessons: {
    intro: { firstVisitedAt: T, lastVisitedAt: T, completedAt: T },
    'how-lambda-works': { firstVisitedAt: T, lastVisitedAt: T, completedAt: null },
  },
  lastLocation: { slug: 'how-lambda-works', section: 'async-invoke', at: T },
  checks: {
    'lambda-features': { attempts: 2, lastAt: T, lastScore: 1, passedAt: T, answer: [0, 1, 3, 4] },
    'invocation-models': { attempts: 1, lastAt: T, lastScore: 0.5, passedAt: null, answer: [0, 2] },
  },
  labs: { 'first-handler': { attempts: 3, lastAt: T, passedAt: T } },
  assessment: [
    { at: T, points: 20, max: 30, perLesson: { intro: { points: 4, max: 5 } }, wrong: ['invocation-models'] },
  ],
  seed: 'abcdef0123456789',
}
const empty = { lessons: {}, lastLocation: null, checks: {}, labs: {}, assessment: [], seed: null }

describe('sanitizeProgress', () => {
  it('accepts a valid record unchanged', () => {
    expect(sanitizeProgress(data)).toEqual({ data, issues: [], invalidParts: [] })
  })
  it('treats missing sub-records as empty, without complaint', () => {
    expect(sanitizeProgress({})).toEqual({ data: empty, issues: [], invalidParts: [] })
  })
  it('rejects impossible timestamps', () => {
    const r = sanitizeProgress({
      lessons: { intro: { firstVisitedAt: '2026-13-45T99:00:00Z', lastVisitedAt: T, completedAt: null } },
    })
    expect(r.data.lessons).toEqual({})
    expect(r.invalidParts).toEqual(['1 lesson entry'])
  })
  it('caps an absurd number of entries', () => {
    const lessons: Record<string, unknown> = {}
    for (let i = 0; i < 600; i++) lessons[`l-${i}`] = { firstVisitedAt: T, lastVisitedAt: T, completedAt: null }
    const r = sanitizeProgress({ lessons })
    expect(Object.keys(r.data.lessons)).toHaveLength(500)
    expect(r.issues).toHaveLength(1)
  })
})

describe('migrateProgress', () => {
  it('is the identity for the current version', () => {
    expect(migrateProgress(data, PROGRESS_VERSION)).toEqual({ state: data, issues: [] })
  })
  it('turns a v1 record into one that validates', () => {
    const m = migrateProgress(
      { visited: ['intro'], completed: ['intro'], lastLesson: 'intro', updatedAt: Date.UTC(2026, 1, 1) },
      1,
    )
    const r = sanitizeProgress(m.state)
    expect(r.issues).toEqual([])
    expect(r.data.lessons.intro.completedAt).toBe('2026-02-01T00:00:00.000Z')
  })
  it('a v1 record whose lists are not lists is flagged, not crashed on', () => {
    const m = migrateProgress({ visited: 'intro', completed: null }, 1)
    expect(sanitizeProgress(m.state).invalidParts).toEqual(['the list of lessons'])
  })
  it('a v1 value that is not an object does not throw', () => {
    expect(() => migrateProgress('garbage', 1)).not.toThrow()
    expect(sanitizeProgress(migrateProgress('garbage', 1).state).data).toEqual(empty)
  })
})

describe('export and import', () => {
  it('round-trips', () => {
    const file = JSON.stringify(buildExport(data, new Date(T)))
    const r = parseImport(file)
    expect(r).toEqual({ ok: true, data, lessonCount: 2, checkCount: 2, attemptCount: 1 })
  })
  it('imports an older export after migrating it', () => {
    const r = parseImport(
      JSON.stringify({
        format: EXPORT_FORMAT,
        version: 1,
        progress: { visited: ['intro'], completed: [], lastLesson: null, updatedAt: 0 },
      }),
    )
    expect(r.ok).toBe(true)
    if (r.ok) expect(Object.keys(r.data.lessons)).toEqual(['intro'])
  })
  const bad: [string, string, RegExp][] = [
    ['not JSON', '{nope', /not valid JSON/],
    ['empty file', '', /not valid JSON/],
    ['foreign JSON', '{"a":1}', /not a Lambda Foundations progress export/],
    ['a JSON array', '[]', /not a Lambda Foundations progress export/],
    ['missing version', JSON.stringify({ format: EXPORT_FORMAT, progress: data }), /no valid version/],
    [
      'newer version',
      JSON.stringify({ format: EXPORT_FORMAT, version: PROGRESS_VERSION + 1, progress: data }),
      /newer version/,
    ],
    ['no progress', JSON.stringify({ format: EXPORT_FORMAT, version: PROGRESS_VERSION }), /no progress/],
    [
      'a damaged lesson',
      JSON.stringify({
        format: EXPORT_FORMAT,
        version: PROGRESS_VERSION,
        progress: { lessons: { intro: { firstVisitedAt: 'x' } } },
      }),
      /damaged \(unreadable: 1 lesson entry\)/,
    ],
    [
      'a damaged location',
      JSON.stringify({
        format: EXPORT_FORMAT,
        version: PROGRESS_VERSION,
        progress: { lessons: {}, lastLocation: { slug: 5 } },
      }),
      /where you left off/,
    ],
  ]
  for (const [name, text, msg] of bad) {
    it(`rejects ${name} with a clear message`, () => {
      const r = parseImport(text)
      expect(r.ok).toBe(false)
      if (!r.ok) {
        expect(r.error).toMatch(msg)
        expect(r.error).toMatch(/Nothing was changed\.$|too large/)
      }
    })
  }
})

describe('version 3: checks, labs, assessment, seed', () => {
  it('migrates a version 2 record, keeping lessons and adding empty sub-records', () => {
    const v2 = { lessons: data.lessons, lastLocation: data.lastLocation }
    const m = migrateProgress(v2, 2)
    expect(m.issues).toEqual([])
    expect(sanitizeProgress(m.state).data).toEqual({ ...empty, lessons: data.lessons, lastLocation: data.lastLocation })
  })
  it('keeps valid check results and drops damaged ones, saying how many', () => {
    const r = sanitizeProgress({
      checks: {
        good: { attempts: 1, lastAt: T, lastScore: 1, passedAt: T, answer: [1] },
        'bad-score': { attempts: 1, lastAt: T, lastScore: 7, passedAt: null, answer: null },
        'bad-answer': { attempts: 1, lastAt: T, lastScore: 0, passedAt: null, answer: ['x'] },
        'Not An Id': { attempts: 1, lastAt: T, lastScore: 0, passedAt: null, answer: null },
      },
    })
    expect(Object.keys(r.data.checks)).toEqual(['good'])
    expect(r.issues).toEqual(['3 knowledge-check results were unreadable, so they were reset.'])
  })
  it('resets a checks record of the wrong type and keeps the rest', () => {
    const r = sanitizeProgress({ ...data, checks: 'nope' })
    expect(r.data.checks).toEqual({})
    expect(r.data.labs).toEqual(data.labs)
    expect(r.issues).toEqual(['Your knowledge-check results were unreadable, so they were reset.'])
    expect(r.invalidParts).toContain('your knowledge-check results')
  })
  it('drops impossible assessment attempts', () => {
    const r = sanitizeProgress({
      assessment: [data.assessment[0], { at: T, points: 40, max: 30, perLesson: {}, wrong: [] }, 'x'],
    })
    expect(r.data.assessment).toHaveLength(1)
    expect(r.issues).toEqual(['2 self-assessment attempts were unreadable, so they were removed.'])
  })
  it('refuses an import with a damaged assessment, changing nothing', () => {
    const file = JSON.stringify({
      ...buildExport(data as never, new Date(T)),
      progress: { ...data, assessment: [{ at: 'x' }] },
    })
    const r = parseImport(file)
    expect(r.ok).toBe(false)
  })
})
