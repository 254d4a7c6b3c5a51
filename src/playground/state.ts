/** The app's playground store instance (browser localStorage) and React hooks for it. */
import { useStore } from 'zustand'
import { browserStorage } from '../shared/browser-storage.ts'
import { createPlaygroundStore, type PlaygroundState } from './store.ts'

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
