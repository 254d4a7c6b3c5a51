/**
 * The persisted progress store (zustand 5 `persist`, versioned, migrated, validated on load).
 * `createProgressStore` takes any Storage-like object, so tests inject a fake one.
 */
import { persist, type PersistStorage, type StorageValue } from 'zustand/middleware'
import { createStore, type StoreApi } from 'zustand/vanilla'
import {
  PROGRESS_VERSION,
  emptyProgress,
  isSlug,
  migrateProgress,
  sanitizeProgress,
  type LessonProgress,
  type ProgressData,
} from './progress-schema.ts'

export const STORAGE_KEY = 'lf-progress'
/** Where an unreadable record is kept (once) when it had to be reset, so nothing is destroyed. */
export const BACKUP_KEY = 'lf-progress:unreadable-backup'

export interface StorageLike {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
  removeItem(key: string): void
}

export interface ProgressActions {
  /** Records a visit to a lesson (first/last visit time) and makes it the last location. */
  visitLesson(slug: string, section?: string | null): void
  /** Updates the section the learner is reading in a lesson. */
  setLocation(slug: string, section: string | null): void
  setCompleted(slug: string, completed: boolean): void
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
  persist: { rehydrate(): Promise<void> | void }
}

export interface CreateProgressStoreOptions {
  storage: StorageLike
  now?: () => Date
  key?: string
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
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
      pending = []
      lastRaw = null
      let raw: string | null
      try {
        raw = storage.getItem(name)
      } catch {
        pending.push("This browser's storage could not be read, so progress starts fresh for this visit.")
        return null
      }
      if (raw === null) return null
      lastRaw = raw
      let parsed: unknown
      try {
        parsed = JSON.parse(raw)
      } catch {
        pending.push('Your saved progress was damaged (not readable data), so it was reset.')
        return null
      }
      if (!isRecord(parsed) || !('state' in parsed) || typeof parsed.version !== 'number') {
        pending.push('Your saved progress was in a format this course does not recognise, so it was reset.')
        return null
      }
      if (!isRecord(parsed.state)) {
        pending.push('Your saved progress was empty or damaged, so it was reset.')
        return null
      }
      return { state: parsed.state as unknown as ProgressData, version: parsed.version }
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
      (set, get) => ({
        ...emptyProgress(),
        loadIssues: [],
        visitLesson(slug, section = null) {
          if (!isSlug(slug)) return
          const t = iso()
          const prev: LessonProgress | undefined = get().lessons[slug]
          set({
            lessons: {
              ...get().lessons,
              [slug]: { firstVisitedAt: prev?.firstVisitedAt ?? t, lastVisitedAt: t, completedAt: prev?.completedAt ?? null },
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
        replaceAll(data) {
          const clean = sanitizeProgress(data).data
          set({ lessons: clean.lessons, lastLocation: clean.lastLocation })
        },
        reset() {
          set(emptyProgress())
        },
        dismissLoadIssues() {
          set({ loadIssues: [] })
        },
      }),
      {
        name: key,
        version: PROGRESS_VERSION,
        storage: persistStorage,
        partialize: (s) => ({ lessons: s.lessons, lastLocation: s.lastLocation }) as ProgressState,
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

  // If anything had to be reset: keep the unreadable original once, then store the clean record
  // so the notice does not come back on every load.
  const afterLoad = () => {
    if (store.getState().loadIssues.length === 0) return
    if (lastRaw !== null) {
      try {
        if (storage.getItem(BACKUP_KEY) === null) storage.setItem(BACKUP_KEY, lastRaw.slice(0, 1_000_000))
      } catch {
        // ignore
      }
    }
    store.setState({})
  }
  afterLoad()
  const rehydrate = store.persist.rehydrate.bind(store.persist)
  store.persist.rehydrate = () => {
    const p = rehydrate()
    return Promise.resolve(p).then(afterLoad)
  }
  return store
}
