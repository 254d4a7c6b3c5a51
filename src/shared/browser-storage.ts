/**
 * Persisted records in the browser, for the progress and playground stores: the storage itself
 * (localStorage when it works, else an in-memory stand-in for this visit: storage blocked, private
 * mode), the guarded read of a zustand `persist` record, and the repair after a load that had to
 * reset parts of it.
 */
import { isRecord } from './is-record.ts'

export interface StorageLike {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
  removeItem(key: string): void
}

export function browserStorage(): StorageLike {
  try {
    const s = window.localStorage
    const probe = '__lf_probe__'
    s.setItem(probe, '1')
    s.removeItem(probe)
    return s
  } catch {
    const mem = new Map<string, string>()
    return {
      getItem: (k) => mem.get(k) ?? null,
      setItem: (k, v) => void mem.set(k, v),
      removeItem: (k) => void mem.delete(k),
    }
  }
}

/** Why a stored record could not be used as it was: each store words it for its own record. */
export type PersistedReadProblem =
  /** Reading the storage threw (blocked). */
  | 'unreadable'
  /** The text is not JSON. */
  | 'damaged'
  /** JSON, but not a `{ state, version }` record. */
  | 'unrecognised'
  /** `state` is not an object. */
  | 'empty'

export interface PersistedRead<T> {
  /** The record for zustand's `persist` (migrate and merge validate `state` further), or null. */
  value: { state: T; version: number } | null
  /** The stored text as read (kept as a backup when the load resets something), or null. */
  raw: string | null
  problem?: PersistedReadProblem
}

/**
 * Reads a zustand `persist` record without ever throwing: storage that cannot be read, text that
 * is not JSON, and JSON of another shape each come back as a `problem` (and no value), so a
 * corrupt or foreign record never crashes the app.
 */
export function readPersisted<T>(
  storage: StorageLike,
  name: string,
  parse: (raw: string) => unknown = JSON.parse,
): PersistedRead<T> {
  let raw: string | null
  try {
    raw = storage.getItem(name)
  } catch {
    return { value: null, raw: null, problem: 'unreadable' }
  }
  if (raw === null) return { value: null, raw: null }
  let parsed: unknown
  try {
    parsed = parse(raw)
  } catch {
    return { value: null, raw, problem: 'damaged' }
  }
  if (!isRecord(parsed) || !('state' in parsed) || typeof parsed.version !== 'number')
    return { value: null, raw, problem: 'unrecognised' }
  if (!isRecord(parsed.state)) return { value: null, raw, problem: 'empty' }
  return { value: { state: parsed.state as unknown as T, version: parsed.version }, raw }
}

/** What repairAfterLoad needs of a persisted zustand store whose load reports `loadIssues`. */
interface RepairableStore {
  getState(): { loadIssues: readonly unknown[] }
  setState(partial: Record<string, never>): void
  persist: { rehydrate(): Promise<void> | void }
}

/**
 * After a load that had to reset parts of a saved record: keep the unreadable original once
 * (under `backupKey`, cut to `maxChars`), so nothing is destroyed, then write the clean record so
 * the notice does not come back on every load. Runs now and after every `persist.rehydrate()`.
 */
export function repairAfterLoad(
  store: RepairableStore,
  options: { storage: StorageLike; backupKey: string; maxChars: number; lastRaw: () => string | null },
): void {
  const afterLoad = () => {
    if (store.getState().loadIssues.length === 0) return
    const raw = options.lastRaw()
    if (raw !== null) {
      try {
        if (options.storage.getItem(options.backupKey) === null)
          options.storage.setItem(options.backupKey, raw.slice(0, options.maxChars))
      } catch {
        // Storage full or blocked: the clean record is still written below.
      }
    }
    store.setState({})
  }
  afterLoad()
  const rehydrate = store.persist.rehydrate.bind(store.persist)
  store.persist.rehydrate = () => Promise.resolve(rehydrate()).then(afterLoad)
}
