/** The app's progress store instance (browser localStorage) and React hooks for it. */
import { useStore } from 'zustand'
import { browserStorage } from '../shared/browser-storage.ts'
import { createProgressStore, STORAGE_KEY, type ProgressState } from './progress-store.ts'

export const progressStore = createProgressStore({ storage: browserStorage() })

// Another tab changed progress: reload it from storage.
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (e) => {
    if (e.key === STORAGE_KEY) void progressStore.persist.rehydrate()
  })
}

export function useProgress<T>(selector: (s: ProgressState) => T): T {
  return useStore(progressStore, selector)
}

export type LessonStatus = 'not-started' | 'in-progress' | 'completed'

export function lessonStatus(s: Pick<ProgressState, 'lessons'>, slug: string): LessonStatus {
  const p = s.lessons[slug]
  if (!p) return 'not-started'
  return p.completedAt ? 'completed' : 'in-progress'
}
