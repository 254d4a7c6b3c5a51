/** Which lesson a component is rendered in (set by the lesson page; null elsewhere, e.g. embeds). */
import { createContext, useContext } from 'react'
import type { LessonMeta } from './types.ts'

export const LessonContext = createContext<LessonMeta | null>(null)

export function useCurrentLesson(): LessonMeta | null {
  return useContext(LessonContext)
}
