/**
 * The persisted progress store (zustand 5 `persist`, versioned, migrated, validated on load).
 * `createProgressStore` takes any Storage-like object, so tests inject a fake one.
 */
import {
  readPersisted,
  repairAfterLoad,
  type PersistedReadProblem,
  type StorageLike,
} from '../shared/browser-storage.ts'
import { persist, type PersistStorage, type StorageValue } from 'zustand/middleware'
import { createStore, type StoreApi } from 'zustand/vanilla'
import {
  PROGRESS_VERSION,
  emptyProgress,
  isSlug,
  sanitizeProgress,
  MAX_ATTEMPTS,
  isItemId,
  type AssessmentAttempt,
  type LessonProgress,
  type ProgressData,
} from './progress-schema.ts'
import { migrateProgress } from './progress-migrations.ts'

/** What a lesson needs for completion: its knowledge checks and labs (from the lesson index). */
export interface LessonRequirements {
  slug: string
  checks: readonly string[]
  labs: readonly string[]
}

export interface CheckResultInput {
  answer: number[]
  score: number
  passed: boolean
}

export function requirementsMet(s: Pick<ProgressData, 'checks' | 'labs'>, req: LessonRequirements): boolean {
  if (req.checks.length === 0 && req.labs.length === 0) return false
  return (
    req.checks.every((id) => Boolean(s.checks[id]?.passedAt)) && req.labs.every((id) => Boolean(s.labs[id]?.passedAt))
  )
}

function newSeed(): string {
  const bytes = new Uint8Array(12)
  const c = (globalThis as { crypto?: Crypto }).crypto
  if (c?.getRandomValues) c.getRandomValues(bytes)
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256)
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}

export const STORAGE_KEY = 'lf-progress'
/** Where an unreadable record is kept (once) when it had to be reset, so nothing is destroyed. */
export const BACKUP_KEY = 'lf-progress:unreadable-backup'

export type { StorageLike }

export interface ProgressActions {
  /** Records a visit to a lesson (first/last visit time) and makes it the last location. */
  visitLesson(slug: string, section?: string | null): void
  /** Updates the section the learner is reading in a lesson. */
  setLocation(slug: string, section: string | null): void
  setCompleted(slug: string, completed: boolean): void
  /** Saves a checked answer; completes the lesson when every requirement is now met. */
  recordCheck(id: string, result: CheckResultInput, lesson?: LessonRequirements): void
  /** Saves a lab's "Run checks" outcome; completes the lesson when every requirement is now met. */
  recordLab(id: string, passed: boolean, lesson?: LessonRequirements): void
  addAssessmentAttempt(attempt: AssessmentAttempt): void
  /** The learner's shuffle seed, created on first use. */
  ensureSeed(): string
  /** Replaces the whole record (used by import, after validation). */
  replaceAll(data: ProgressData): void
  reset(): void
  dismissLoadIssues(): void
}

export interface ProgressState extends ProgressData, ProgressActions {
  /** What was reset while loading from storage (not persisted). Shown once, dismissible. */
  loadIssues: string[]
}

export type ProgressStore = StoreApi<ProgressState> & {
  persist: {
    rehydrate(): Promise<void> | void
    /** zustand's own: e.g. another storage (an LMS package keeps progress in the LMS, not in this browser). */
    setOptions(options: { storage?: PersistStorage<ProgressData> }): void
  }
}

/** A storage that keeps nothing: for a store whose record lives elsewhere (an LMS). */
export const NO_STORAGE: PersistStorage<ProgressData> = {
  getItem: () => null,
  setItem: () => {},
  removeItem: () => {},
}

export interface CreateProgressStoreOptions {
  storage: StorageLike
  now?: () => Date
  key?: string
}

/** What the load notice says when the stored record could not be used. */
const READ_PROBLEMS: Record<PersistedReadProblem, string> = {
  unreadable: "This browser's storage could not be read, so progress starts fresh for this visit.",
  damaged: 'Your saved progress was damaged (not readable data), so it was reset.',
  unrecognised: 'Your saved progress was in a format this course does not recognise, so it was reset.',
  empty: 'Your saved progress was empty or damaged, so it was reset.',
}

export function createProgressStore(options: CreateProgressStoreOptions): ProgressStore {
  const { storage } = options
  const key = options.key ?? STORAGE_KEY
  const now = options.now ?? (() => new Date())
  const iso = () => now().toISOString()

  // Problems found while reading storage, before migrate/merge see the value.
  let pending: string[] = []
  let lastRaw: string | null = null

  const persistStorage: PersistStorage<ProgressData> = {
    getItem(name): StorageValue<ProgressData> | null {
      const read = readPersisted<ProgressData>(storage, name)
      lastRaw = read.raw
      pending = read.problem ? [READ_PROBLEMS[read.problem]] : []
      return read.value
    },
    setItem(name, value) {
      try {
        storage.setItem(name, JSON.stringify(value))
      } catch {
        // Storage full or blocked: progress stays in memory for this visit.
      }
    },
    removeItem(name) {
      try {
        storage.removeItem(name)
      } catch {
        // ignore
      }
    },
  }

  const store = createStore<ProgressState>()(
    persist(
      (set, get) => {
        const completeIfMet = (lesson: LessonRequirements) => {
          if (!isSlug(lesson.slug)) return
          const state = get()
          const prev = state.lessons[lesson.slug]
          if (prev?.completedAt || !requirementsMet(state, lesson)) return
          const t = iso()
          set({
            lessons: {
              ...state.lessons,
              [lesson.slug]: {
                firstVisitedAt: prev?.firstVisitedAt ?? t,
                lastVisitedAt: prev?.lastVisitedAt ?? t,
                completedAt: t,
              },
            },
          })
        }
        return {
          ...emptyProgress(),
          loadIssues: [],
          visitLesson(slug, section = null) {
            if (!isSlug(slug)) return
            const t = iso()
            const prev: LessonProgress | undefined = get().lessons[slug]
            set({
              lessons: {
                ...get().lessons,
                [slug]: {
                  firstVisitedAt: prev?.firstVisitedAt ?? t,
                  lastVisitedAt: t,
                  completedAt: prev?.completedAt ?? null,
                },
              },
              lastLocation: { slug, section, at: t },
            })
          },
          setLocation(slug, section) {
            if (!isSlug(slug)) return
            const cur = get().lastLocation
            if (cur && cur.slug === slug && cur.section === section) return
            set({ lastLocation: { slug, section, at: iso() } })
          },
          setCompleted(slug, completed) {
            if (!isSlug(slug)) return
            const t = iso()
            const prev = get().lessons[slug]
            set({
              lessons: {
                ...get().lessons,
                [slug]: {
                  firstVisitedAt: prev?.firstVisitedAt ?? t,
                  lastVisitedAt: prev?.lastVisitedAt ?? t,
                  completedAt: completed ? (prev?.completedAt ?? t) : null,
                },
              },
            })
          },
          recordCheck(id, result, lesson) {
            if (!isItemId(id)) return
            const t = iso()
            const prev = get().checks[id]
            const score = Math.min(1, Math.max(0, Number.isFinite(result.score) ? result.score : 0))
            const checks = {
              ...get().checks,
              [id]: {
                attempts: (prev?.attempts ?? 0) + 1,
                lastAt: t,
                lastScore: score,
                passedAt: prev?.passedAt ?? (result.passed ? t : null),
                answer: result.answer.slice(0, 20),
              },
            }
            set({ checks })
            if (lesson) completeIfMet(lesson)
          },
          recordLab(id, passed, lesson) {
            if (!isItemId(id)) return
            const t = iso()
            const prev = get().labs[id]
            set({
              labs: {
                ...get().labs,
                [id]: {
                  attempts: (prev?.attempts ?? 0) + 1,
                  lastAt: t,
                  passedAt: prev?.passedAt ?? (passed ? t : null),
                },
              },
            })
            if (lesson) completeIfMet(lesson)
          },
          addAssessmentAttempt(attempt) {
            set({ assessment: [...get().assessment, attempt].slice(-MAX_ATTEMPTS) })
          },
          ensureSeed() {
            const cur = get().seed
            if (cur) return cur
            const seed = newSeed()
            set({ seed })
            return seed
          },
          replaceAll(data) {
            const clean = sanitizeProgress(data).data
            set({ ...clean })
          },
          reset() {
            set(emptyProgress())
          },
          dismissLoadIssues() {
            set({ loadIssues: [] })
          },
        }
      },
      {
        name: key,
        version: PROGRESS_VERSION,
        storage: persistStorage,
        partialize: (s) =>
          ({
            lessons: s.lessons,
            lastLocation: s.lastLocation,
            checks: s.checks,
            labs: s.labs,
            assessment: s.assessment,
            seed: s.seed,
          }) as ProgressState,
        migrate(persisted, version) {
          const r = migrateProgress(persisted, version)
          pending.push(...r.issues)
          return r.state as ProgressState
        },
        merge(persisted, current) {
          const issues = [...pending]
          pending = []
          if (persisted === undefined || persisted === null) {
            if (issues.length === 0) return current
            return { ...current, ...emptyProgress(), loadIssues: issues }
          }
          const { data, issues: found } = sanitizeProgress(persisted)
          issues.push(...found)
          return { ...current, ...data, loadIssues: [...new Set(issues)] }
        },
      },
    ),
  ) as ProgressStore

  repairAfterLoad(store, { storage, backupKey: BACKUP_KEY, maxChars: 1_000_000, lastRaw: () => lastRaw })
  return store
}
