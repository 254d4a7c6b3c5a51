// Content changes must not break progress learners have already saved: a check id that a lesson no
// longer places (or that no longer exists) still loads, imports and exports; it simply no longer
// counts. And every check that rewords one of the seed course's knowledge checks is still there.
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { scanLessons } from '../src/course/build/lessons.ts'
import { requirementsMet } from '../src/course/progress-store.ts'
import { buildExport, parseImport } from '../src/course/progress-export.ts'
import { sanitizeProgress, type ProgressData } from '../src/course/progress-schema.ts'

const root = path.resolve(import.meta.dirname, '..')
const { lessons } = scanLessons(path.join(root, 'content', 'lessons'), root)

/** Check ids removed from the course by issue 11 (replaced by prediction questions or merged). */
const REMOVED = [
  'deploy-traffic-shifting',
  'authoring-sam-commands',
  'monitoring-metric-meaning',
  'monitoring-json-log-level',
  'authoring-reuse-environment',
  'intro-memory-cpu',
]

async function allQuestions(): Promise<{ id: string; source?: string }[]> {
  const dir = path.join(root, 'content', 'checks')
  const out: { id: string; source?: string }[] = []
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.ts'))) {
    const mod = (await import(pathToFileURL(path.join(dir, name)).href)) as Record<string, unknown>
    for (const list of [mod.default, mod.assessment]) {
      if (Array.isArray(list)) out.push(...(list as { id: string; source?: string }[]))
    }
  }
  return out
}

const T = '2026-11-02T09:00:00.000Z'
const pass = (answer: number[]) => ({ attempts: 1, lastAt: T, lastScore: 1, passedAt: T, answer })

/** A record saved before the change: it passed lesson 7's old checks, including a removed one. */
const saved: ProgressData = {
  lessons: {
    'deploying-and-testing': { firstVisitedAt: T, lastVisitedAt: T, completedAt: T },
  },
  lastLocation: { slug: 'deploying-and-testing', section: 'canary-linear-or-all-at-once', at: T },
  checks: {
    'deploy-iac-parity': pass([0]),
    'deploy-versions-aliases': pass([0, 1, 2]),
    'deploy-weighted-alias-rules': pass([0, 1]),
    'deploy-traffic-shifting': pass([0, 1, 2, 3, 4]),
    'deploy-alarm-rollback': pass([0]),
    'authoring-sam-commands': { attempts: 2, lastAt: T, lastScore: 0.5, passedAt: null, answer: [0, 1, 2, 3, 5, 4] },
  },
  labs: {},
  assessment: [
    {
      at: T,
      points: 10,
      max: 12,
      perLesson: { 'deploying-and-testing': { points: 10, max: 12 } },
      wrong: ['monitoring-metric-meaning', 'intro-memory-cpu'],
    },
  ],
  seed: 'abcdef0123456789',
}

describe('saved progress survives content changes', () => {
  it('the removed check ids are gone from the course', async () => {
    const ids = new Set((await allQuestions()).map((q) => q.id))
    for (const id of REMOVED) expect(ids.has(id), id).toBe(false)
    for (const l of lessons) for (const id of l.checks) expect(REMOVED).not.toContain(id)
  })

  it('a record that mentions removed checks loads, exports and imports unchanged', () => {
    expect(sanitizeProgress(saved)).toEqual({ data: saved, issues: [], invalidParts: [] })
    const again = parseImport(JSON.stringify(buildExport(saved)))
    expect(again.ok).toBe(true)
    if (again.ok) expect(again.data).toEqual(saved)
  })

  it('removed checks no longer count: the lesson asks for the checks it places now', () => {
    const lesson = lessons.find((l) => l.slug === 'deploying-and-testing')!
    expect(lesson.checks).toContain('deploy-linear-share')
    expect(requirementsMet(saved, lesson)).toBe(false)
    const now = {
      ...saved,
      checks: { ...saved.checks, 'deploy-linear-share': pass([0]), 'authoring-sam-tools': pass([0, 1, 2, 3]) },
    }
    expect(requirementsMet(now, lesson)).toBe(true)
  })

  it("every seed course check is still in the course, under its id's source", async () => {
    const sources = new Set((await allQuestions()).map((q) => q.source).filter(Boolean))
    for (const kc of ['KC1', 'KC2', 'KC3', 'KC4a', 'KC4b', 'KC5', 'KC6', 'KC7', 'KC8', 'KC9', 'versions']) {
      expect(sources.has(kc), kc).toBe(true)
    }
  })
})
