/**
 * The learner's progress record: its shape, its current version, and how a stored or imported
 * value is validated. Pure functions (no DOM, no React), so they run in Vitest/Node. Older versions
 * are migrated by progress-migrations.ts; export files are read by progress-export.ts.
 *
 * The record has a top-level `version` and named sub-records. Later issues add their own
 * sub-records (e.g. `quizzes`, `assessment`, `labs`, `playground`) with a version bump and a
 * migration that adds the empty sub-record; validation keeps every valid sub-record and resets
 * only the ones that are not.
 */
import { isRecord } from '../shared/is-record.ts'

export const PROGRESS_VERSION = 3
/** Written into export files so an import can tell ours from anything else. */
export const EXPORT_FORMAT = 'lambda-foundations-progress'

const SLUG_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
const MAX_SLUG = 120
const MAX_SECTION = 200
export const MAX_LESSONS = 500
/**
 * Set by a migration on the record it returns: how many more lesson entries the old record had
 * beyond those it passed on (validation counts them as dropped). A symbol, so no stored or
 * imported JSON can carry it.
 */
export const LESSONS_LEFT_OUT = Symbol('lessons left out by a migration')

export interface LessonProgress {
  /** ISO-8601 timestamps. */
  firstVisitedAt: string
  lastVisitedAt: string
  completedAt: string | null
}

export interface LastLocation {
  slug: string
  /** The id of the `##`/`###` heading the learner was reading, if any. */
  section: string | null
  at: string
}

/** One knowledge check (keyed by its question id). */
export interface CheckProgress {
  /** Checked answers (an incomplete answer is refused before it counts). */
  attempts: number
  lastAt: string
  /** 0..1, partial credit included. */
  lastScore: number
  /** When it was first answered fully right; stays set if later attempts are wrong. */
  passedAt: string | null
  /** The last checked answer, in the author's option order (see src/quiz/grade.ts). */
  answer: number[] | null
}

/** One hands-on lab (keyed by its lab id). */
export interface LabProgress {
  /** Times "Run checks" was used. */
  attempts: number
  lastAt: string
  passedAt: string | null
}

/** One finished attempt at the final self-assessment. */
export interface AssessmentAttempt {
  at: string
  points: number
  max: number
  /** Per lesson slug. */
  perLesson: Record<string, { points: number; max: number }>
  /** Ids of the questions not fully right, for the review. */
  wrong: string[]
}

/** Everything that is persisted and exported (current version). */
export interface ProgressData {
  lessons: Record<string, LessonProgress>
  lastLocation: LastLocation | null
  checks: Record<string, CheckProgress>
  labs: Record<string, LabProgress>
  /** Newest last; at most MAX_ATTEMPTS are kept. */
  assessment: AssessmentAttempt[]
  /** A random per-learner value that makes option order stable for this learner. */
  seed: string | null
}

export const MAX_ATTEMPTS = 50
const MAX_ITEMS = 2000
const ITEM_ID_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
const SEED_RE = /^[A-Za-z0-9_-]{8,64}$/

export function emptyProgress(): ProgressData {
  return { lessons: {}, lastLocation: null, checks: {}, labs: {}, assessment: [], seed: null }
}

export function isItemId(v: unknown): v is string {
  return typeof v === 'string' && v.length > 0 && v.length <= 80 && ITEM_ID_RE.test(v)
}

function isScore(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 1
}

function isCount(v: unknown, max = 1_000_000): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= max
}

function checkProgress(v: unknown): CheckProgress | null {
  if (!isRecord(v)) return null
  const { attempts, lastAt, lastScore, passedAt, answer } = v
  if (!isCount(attempts) || !isTimestamp(lastAt) || !isScore(lastScore)) return null
  if (passedAt !== null && passedAt !== undefined && !isTimestamp(passedAt)) return null
  let ans: number[] | null = null
  if (answer !== null && answer !== undefined) {
    if (!Array.isArray(answer) || answer.length > 20 || !answer.every((n) => Number.isInteger(n) && n >= -1 && n < 20))
      return null
    ans = [...answer]
  }
  return { attempts, lastAt, lastScore, passedAt: passedAt ?? null, answer: ans }
}

function labProgress(v: unknown): LabProgress | null {
  if (!isRecord(v)) return null
  const { attempts, lastAt, passedAt } = v
  if (!isCount(attempts) || !isTimestamp(lastAt)) return null
  if (passedAt !== null && passedAt !== undefined && !isTimestamp(passedAt)) return null
  return { attempts, lastAt, passedAt: passedAt ?? null }
}

function assessmentAttempt(v: unknown): AssessmentAttempt | null {
  if (!isRecord(v)) return null
  const { at, points, max, perLesson, wrong } = v
  if (!isTimestamp(at) || typeof points !== 'number' || !Number.isFinite(points) || !isCount(max, 10_000) || max === 0)
    return null
  if (points < 0 || points > max) return null
  if (!isRecord(perLesson) || !Array.isArray(wrong) || wrong.length > 500 || !wrong.every(isItemId)) return null
  const per: Record<string, { points: number; max: number }> = {}
  for (const [slug, p] of Object.entries(perLesson)) {
    if (!isSlug(slug) || !isRecord(p)) return null
    if (
      typeof p.points !== 'number' ||
      !Number.isFinite(p.points) ||
      !isCount(p.max, 10_000) ||
      p.points < 0 ||
      p.points > p.max
    )
      return null
    per[slug] = { points: p.points, max: p.max }
  }
  return { at, points, max, perLesson: per, wrong: [...wrong] }
}

/** Keeps the valid entries of a keyed record; says how many were dropped. */
function keyedRecord<T>(
  value: unknown,
  parse: (v: unknown) => T | null,
  what: { one: string; many: string; whole: string },
  issues: string[],
  invalidParts: string[],
): Record<string, T> {
  const out: Record<string, T> = {}
  if (value === undefined) return out
  if (!isRecord(value)) {
    issues.push(`${what.whole} were unreadable, so they were reset.`)
    invalidParts.push(what.whole.toLowerCase())
    return out
  }
  let dropped = 0
  let count = 0
  for (const [id, entry] of Object.entries(value)) {
    const parsed = count < MAX_ITEMS && isItemId(id) ? parse(entry) : null
    if (parsed) {
      out[id] = parsed
      count++
    } else dropped++
  }
  if (dropped > 0) {
    issues.push(
      `${dropped} ${dropped === 1 ? what.one : what.many} ${dropped === 1 ? 'was' : 'were'} unreadable, so ${dropped === 1 ? 'it was' : 'they were'} reset.`,
    )
    invalidParts.push(`${dropped} ${dropped === 1 ? what.one : what.many}`)
  }
  return out
}

export function isSlug(v: unknown): v is string {
  return typeof v === 'string' && v.length > 0 && v.length <= MAX_SLUG && SLUG_RE.test(v)
}

export function isTimestamp(v: unknown): v is string {
  return typeof v === 'string' && v.length <= 40 && /^\d{4}-\d{2}-\d{2}T/.test(v) && !Number.isNaN(Date.parse(v))
}

function isSection(v: unknown): v is string {
  return typeof v === 'string' && v.length > 0 && v.length <= MAX_SECTION && !/[\s#?]/.test(v)
}

function lessonProgress(v: unknown): LessonProgress | null {
  if (!isRecord(v)) return null
  const { firstVisitedAt, lastVisitedAt, completedAt } = v
  if (!isTimestamp(firstVisitedAt) || !isTimestamp(lastVisitedAt)) return null
  if (completedAt !== null && completedAt !== undefined && !isTimestamp(completedAt)) return null
  return { firstVisitedAt, lastVisitedAt, completedAt: completedAt ?? null }
}

export interface SanitizeResult {
  data: ProgressData
  /** Human-readable sentences: what had to be reset. Empty when everything was valid. */
  issues: string[]
  /** Short names of the parts that were invalid (for messages that are not about resets). */
  invalidParts: string[]
}

/**
 * Validates a value claimed to be current-version progress. Keeps every valid part, resets
 * the rest, and says what it reset.
 */
export function sanitizeProgress(value: unknown): SanitizeResult {
  const issues: string[] = []
  const invalidParts: string[] = []
  const data = emptyProgress()
  if (!isRecord(value)) {
    issues.push('Your saved progress was unreadable, so it was reset.')
    invalidParts.push('the progress record')
    return { data, issues, invalidParts }
  }

  // lessons
  const lessons = value.lessons
  if (lessons !== undefined) {
    if (!isRecord(lessons)) {
      issues.push('The list of visited and completed lessons was unreadable, so it was reset.')
      invalidParts.push('the list of lessons')
    } else {
      // Only the names of the first few dropped entries are kept (for the notice): linear, and
      // no second list as long as the record.
      const names: string[] = []
      const leftOut = (value as { [LESSONS_LEFT_OUT]?: unknown })[LESSONS_LEFT_OUT]
      let droppedCount = typeof leftOut === 'number' && Number.isInteger(leftOut) && leftOut > 0 ? leftOut : 0
      let count = 0
      for (const slug in lessons) {
        if (!Object.hasOwn(lessons, slug)) continue
        const lp = count < MAX_LESSONS && isSlug(slug) ? lessonProgress(lessons[slug]) : null
        if (lp) {
          data.lessons[slug] = lp
          count++
        } else {
          droppedCount++
          if (names.length < 3 && isSlug(slug)) names.push(slug)
        }
      }
      if (droppedCount > 0) {
        invalidParts.push(droppedCount === 1 ? '1 lesson entry' : `${droppedCount} lesson entries`)
        issues.push(
          droppedCount === 1 && names.length === 1
            ? `Progress for the lesson "${names[0]}" was unreadable, so it was reset.`
            : `Progress for ${droppedCount} lesson ${droppedCount === 1 ? 'entry' : 'entries'} was unreadable, so it was reset${names.length ? ` (${names.join(', ')}${droppedCount > names.length ? ', …' : ''})` : ''}.`,
        )
      }
    }
  }

  // lastLocation
  const loc = value.lastLocation
  if (loc !== undefined && loc !== null) {
    if (
      isRecord(loc) &&
      isSlug(loc.slug) &&
      isTimestamp(loc.at) &&
      (loc.section === null || loc.section === undefined || isSection(loc.section))
    ) {
      data.lastLocation = { slug: loc.slug, section: loc.section ?? null, at: loc.at }
    } else {
      issues.push('Where you left off was unreadable, so it was reset.')
      invalidParts.push('where you left off')
    }
  }

  data.checks = keyedRecord(
    value.checks,
    checkProgress,
    { one: 'knowledge-check result', many: 'knowledge-check results', whole: 'Your knowledge-check results' },
    issues,
    invalidParts,
  )
  data.labs = keyedRecord(
    value.labs,
    labProgress,
    { one: 'lab result', many: 'lab results', whole: 'Your lab results' },
    issues,
    invalidParts,
  )

  const attempts = value.assessment
  if (attempts !== undefined) {
    if (!Array.isArray(attempts)) {
      issues.push('Your self-assessment attempts were unreadable, so they were reset.')
      invalidParts.push('the self-assessment attempts')
    } else {
      const kept = attempts.map(assessmentAttempt).filter((a): a is AssessmentAttempt => a !== null)
      const dropped = attempts.length - kept.length
      if (dropped > 0) {
        issues.push(
          `${dropped} self-assessment ${dropped === 1 ? 'attempt was' : 'attempts were'} unreadable, so ${dropped === 1 ? 'it was' : 'they were'} removed.`,
        )
        invalidParts.push(`${dropped} self-assessment ${dropped === 1 ? 'attempt' : 'attempts'}`)
      }
      data.assessment = kept.slice(-MAX_ATTEMPTS)
    }
  }

  const seed = value.seed
  if (seed !== undefined && seed !== null) {
    if (typeof seed === 'string' && SEED_RE.test(seed)) data.seed = seed
    else invalidParts.push('the shuffle seed')
    // A new seed only changes the order of options: not worth a notice.
  }
  return { data, issues, invalidParts }
}
