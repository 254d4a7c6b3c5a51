/** The app's playground store instance (browser localStorage) and React hooks for it. */
import { useStore } from 'zustand'
import { createPlaygroundStore, type PlaygroundState, type StorageLike } from './store.ts'

function browserStorage(): StorageLike {
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

/** Writes are coalesced for 400 ms (typing), and flushed when the page is hidden or closed. */
export const playgroundStore = createPlaygroundStore({ storage: browserStorage(), writeDelayMs: 400 })

if (typeof window !== 'undefined') {
  window.addEventListener('pagehide', () => playgroundStore.flush())
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') playgroundStore.flush()
  })
}

export function usePlayground<T>(selector: (s: PlaygroundState) => T): T {
  return useStore(playgroundStore, selector)
}
