/**
 * Versions of the progress record and the migrations between them. Every migration is linear in
 * the size of what it reads (a version-1 file may list hundreds of thousands of slugs) and never
 * throws: a field it cannot use is repaired or left for validation to name and drop.
 */
import { isRecord } from '../shared/is-record.ts'
import { isSlug, LESSONS_LEFT_OUT, MAX_LESSONS, PROGRESS_VERSION } from './progress-schema.ts'

/**
 * Version 1 (the first prototype) stored two lists of slugs and the last lesson:
 *   { visited: string[], completed: string[], lastLesson: string | null, updatedAt: number }
 * with no timestamps per lesson. Version 2 keeps timestamps per lesson and the section.
 */
export interface ProgressV1 {
  visited: string[]
  completed: string[]
  lastLesson: string | null
  updatedAt: number
}

type Migration = (state: unknown) => unknown

const EPOCH = new Date(0).toISOString()
/** The last instant whose ISO form has a four-digit year (what isTimestamp accepts). */
const LAST_ISO_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999)

/**
 * A version-1 `updatedAt` (epoch ms) as an ISO timestamp. Anything that is not a date the record
 * can hold (missing, not a number, negative, past year 9999, 1e20…) falls back to the epoch, so a
 * bad date costs only the date, never the progress.
 */
function v1Time(v: unknown): string {
  return typeof v === 'number' && Number.isFinite(v) && v > 0 && v <= LAST_ISO_MS ? new Date(v).toISOString() : EPOCH
}

/** migrations[n] turns a version-n record into a version-(n+1) record. They never throw. */
export const migrations: Record<number, Migration> = {
  1: (state) => {
    if (!isRecord(state)) return state
    const when = v1Time(state.updatedAt)
    const visited: unknown[] = Array.isArray(state.visited) ? state.visited : []
    const completedList: unknown[] = Array.isArray(state.completed) ? state.completed : []
    // A Set and a Map: one pass over each list, whatever their length (a per-slug `includes`
    // made a 200,000-entry file take seconds). Only the lessons built are looked up in the
    // completed list (there are at most MAX_LESSONS + 3 of them), so no set of it is made.
    // Validation keeps at most MAX_LESSONS lessons: entries past them are only counted (and a
    // few passed on, so the notice can name them), never built.
    const lessons = new Map<string, unknown>()
    const seen = new Set<string>()
    let valid = 0
    let passedOver = 0
    let leftOut = 0
    const add = (slug: unknown) => {
      if (typeof slug !== 'string' || seen.has(slug)) return
      seen.add(slug)
      const keep = valid < MAX_LESSONS && isSlug(slug)
      if (keep) valid++
      else if (passedOver < 3) passedOver++
      else {
        leftOut++
        return
      }
      lessons.set(slug, { firstVisitedAt: when, lastVisitedAt: when, completedAt: null })
    }
    for (let i = 0; i < visited.length; i++) add(visited[i])
    for (let i = 0; i < completedList.length; i++) {
      const slug = completedList[i]
      add(slug)
      const lesson =
        typeof slug === 'string' ? (lessons.get(slug) as { completedAt: string | null } | undefined) : undefined
      if (lesson !== undefined) lesson.completedAt = when
    }
    // Invalid slugs survive the migration so validation can name and drop them (fromEntries
    // defines each key as its own property, `__proto__` included).
    const out: Record<string | symbol, unknown> = { lessons: Object.fromEntries(lessons) }
    if (leftOut > 0) out[LESSONS_LEFT_OUT] = leftOut
    if (state.lastLesson !== undefined && state.lastLesson !== null) {
      out.lastLocation = { slug: state.lastLesson, section: null, at: when }
    }
    const badList = (l: unknown) => l !== undefined && !Array.isArray(l)
    if (badList(state.visited) || badList(state.completed)) {
      out.lessons = 'unreadable'
    }
    return out
  },
  // Version 3 adds knowledge checks, labs, assessment attempts and the shuffle seed.
  2: (state) => {
    if (!isRecord(state)) return state
    return { ...state, checks: {}, labs: {}, assessment: [], seed: null }
  },
}

export interface MigrateResult {
  state: unknown
  issues: string[]
}

/** Brings a record from `fromVersion` to PROGRESS_VERSION (validation comes after). */
export function migrateProgress(state: unknown, fromVersion: number): MigrateResult {
  if (!Number.isInteger(fromVersion) || fromVersion < 1) {
    return { state: undefined, issues: ['Your saved progress came from an unknown format, so it was reset.'] }
  }
  if (fromVersion > PROGRESS_VERSION) {
    // Saved by a newer release: keep what this version understands.
    return {
      state,
      issues: [
        'Your saved progress was written by a newer version of the course; parts this version does not understand were set aside.',
      ],
    }
  }
  let s = state
  for (let v = fromVersion; v < PROGRESS_VERSION; v++) {
    const step = migrations[v]
    if (!step)
      return {
        state: undefined,
        issues: [`Your saved progress (version ${fromVersion}) could not be upgraded, so it was reset.`],
      }
    try {
      s = step(s)
    } catch {
      return {
        state: undefined,
        issues: [`Your saved progress (version ${fromVersion}) could not be upgraded, so it was reset.`],
      }
    }
  }
  return { state: s, issues: [] }
}
