/**
 * The browser's localStorage when it works, else an in-memory stand-in for this visit
 * (storage blocked, private mode). Shared by the progress and playground stores.
 */
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
