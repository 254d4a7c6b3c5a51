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
