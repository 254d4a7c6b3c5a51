// Hostile progress files: huge old-format lists, out-of-range dates. Every import and repair is
// linear, and a bad field is repaired or dropped without resetting the rest.
import { describe, expect, it } from 'vitest'
import { MAX_IMPORT_CHARS, parseImport } from './progress-export.ts'
import { migrateProgress } from './progress-migrations.ts'
import { EXPORT_FORMAT, sanitizeProgress } from './progress-schema.ts'
import { createProgressStore, STORAGE_KEY } from './progress-store.ts'
import { counted } from '../shared/count-ops.ts'

/** A generous bound for CI (the issue's target is 200 ms; see the report for measured figures). */
const BOUND_MS = 2000

function v1File(count: number, padTo?: number): string {
  const slugs: string[] = []
  for (let i = 0; i < count; i++) slugs.push(`lesson-${i}`)
  const completed = slugs.filter((_, i) => i % 2 === 0)
  let text = JSON.stringify({
    format: EXPORT_FORMAT,
    version: 1,
    progress: { visited: slugs, completed, lastLesson: 'lesson-1', updatedAt: Date.UTC(2026, 0, 2) },
  })
  if (padTo !== undefined) {
    // Grow the visited list until the file is as large as an import may be.
    const extra: string[] = []
    let size = text.length
    for (let i = count; size < padTo - 40; i++) {
      const s = `lesson-${i}`
      extra.push(s)
      size += s.length + 3
    }
    text = JSON.stringify({
      format: EXPORT_FORMAT,
      version: 1,
      progress: { visited: [...slugs, ...extra], completed, lastLesson: 'lesson-1', updatedAt: Date.UTC(2026, 0, 2) },
    })
  }
  return text
}

function timed<T>(f: () => T): { value: T; ms: number } {
  const t0 = performance.now()
  const value = f()
  return { value, ms: performance.now() - t0 }
}

describe('version-1 progress: linear migration', () => {
  it('migrates 200,000 entries (half of them completed) without quadratic work', () => {
    const slugs = Array.from({ length: 200_000 }, (_, i) => `lesson-${i}`)
    const completed = slugs.filter((_, i) => i % 2 === 0)
    const { value, ms } = timed(() =>
      migrateProgress({ visited: slugs, completed, lastLesson: null, updatedAt: Date.UTC(2026, 0, 2) }, 1),
    )
    expect(ms).toBeLessThan(BOUND_MS)
    const r = sanitizeProgress(value.state)
    expect(Object.keys(r.data.lessons)).toHaveLength(500)
    expect(r.data.lessons['lesson-0'].completedAt).toBe('2026-01-02T00:00:00.000Z')
    expect(r.data.lessons['lesson-1'].completedAt).toBeNull()
    // Every entry past the 500 kept is counted, and the first ones are named.
    expect(r.invalidParts).toEqual(['199500 lesson entries'])
    expect(r.issues).toEqual([
      'Progress for 199500 lesson entries was unreadable, so it was reset (lesson-500, lesson-501, lesson-502, …).',
    ])
  })

  it('an import of 200,000 entries answers quickly, with a clear message', () => {
    const text = v1File(200_000)
    const { value, ms } = timed(() => parseImport(text))
    expect(ms).toBeLessThan(BOUND_MS)
    expect(value.ok).toBe(false)
    if (!value.ok) expect(value.error).toMatch(/damaged .*Nothing was changed\.$/)
  })

  it('an import of the largest accepted file answers quickly', () => {
    const text = v1File(1000, MAX_IMPORT_CHARS)
    expect(text.length).toBeLessThanOrEqual(MAX_IMPORT_CHARS)
    expect(text.length).toBeGreaterThan(MAX_IMPORT_CHARS - 100)
    const { value, ms } = timed(() => parseImport(text))
    expect(ms).toBeLessThan(BOUND_MS)
    expect(value.ok).toBe(false)
  })

  it('loading a huge version-1 record from storage keeps what fits', () => {
    const slugs = Array.from({ length: 200_000 }, (_, i) => `lesson-${i}`)
    const storage = new Map<string, string>()
    storage.set(
      STORAGE_KEY,
      JSON.stringify({ state: { visited: slugs, completed: slugs, lastLesson: 'lesson-3', updatedAt: 0 }, version: 1 }),
    )
    const { value: store, ms } = timed(() =>
      createProgressStore({
        storage: {
          getItem: (k) => storage.get(k) ?? null,
          setItem: (k, v) => void storage.set(k, v),
          removeItem: (k) => void storage.delete(k),
        },
      }),
    )
    expect(ms).toBeLessThan(BOUND_MS)
    expect(Object.keys(store.getState().lessons)).toHaveLength(500)
    expect(store.getState().lastLocation?.slug).toBe('lesson-3')
  })

  it('a duplicated slug is one lesson, completed if either list says so', () => {
    const m = migrateProgress({ visited: ['intro', 'intro'], completed: ['intro'], lastLesson: null, updatedAt: 0 }, 1)
    const r = sanitizeProgress(m.state)
    expect(Object.keys(r.data.lessons)).toEqual(['intro'])
    expect(r.data.lessons.intro.completedAt).toBe('1970-01-01T00:00:00.000Z')
  })
})

describe('version-1 progress: the work grows linearly', () => {
  /** Operations the migration performs on lists of `n` visited and n/2 completed slugs. */
  function opsFor(n: number): number {
    const slugs = Array.from({ length: n }, (_, i) => `lesson-${i}`)
    const visited = counted(slugs)
    const completed = counted(slugs.filter((_, i) => i % 2 === 0))
    migrateProgress({ visited: visited.value, completed: completed.value, lastLesson: null, updatedAt: 0 }, 1)
    return visited.ops() + completed.ops()
  }
  it('4× the entries, about 4× the reads of the lists (a per-entry search would make it 16×)', () => {
    const one = opsFor(50_000)
    const four = opsFor(200_000)
    expect(four / one).toBeGreaterThan(3.5)
    expect(four / one).toBeLessThan(4.5)
  })
})

describe('version-1 progress: out-of-range dates', () => {
  for (const updatedAt of [1e20, -1, 8.64e15 + 1, 253402300800000, Number.MAX_VALUE, '2026-01-01', null]) {
    it(`updatedAt ${String(updatedAt)} keeps the progress (the date falls back to the epoch)`, () => {
      const m = migrateProgress({ visited: ['intro'], completed: ['intro'], lastLesson: 'intro', updatedAt }, 1)
      expect(m.issues).toEqual([])
      const r = sanitizeProgress(m.state)
      expect(r.issues).toEqual([])
      expect(r.data.lessons.intro).toEqual({
        firstVisitedAt: '1970-01-01T00:00:00.000Z',
        lastVisitedAt: '1970-01-01T00:00:00.000Z',
        completedAt: '1970-01-01T00:00:00.000Z',
      })
      expect(r.data.lastLocation).toEqual({ slug: 'intro', section: null, at: '1970-01-01T00:00:00.000Z' })
    })
  }

  it('an import with updatedAt 1e20 succeeds', () => {
    const r = parseImport(
      JSON.stringify({
        format: EXPORT_FORMAT,
        version: 1,
        progress: { visited: ['intro'], completed: [], lastLesson: null, updatedAt: 1e20 },
      }),
    )
    expect(r.ok).toBe(true)
    if (r.ok) expect(Object.keys(r.data.lessons)).toEqual(['intro'])
  })

  it('a __proto__ slug is named and dropped, not turned into a prototype', () => {
    const m = migrateProgress(JSON.parse('{"visited":["__proto__","intro"],"completed":[],"updatedAt":0}'), 1)
    const r = sanitizeProgress(m.state)
    expect(Object.keys(r.data.lessons)).toEqual(['intro'])
    expect(r.invalidParts).toEqual(['1 lesson entry'])
  })
})
