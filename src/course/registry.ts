/**
 * The lesson registry. Metadata comes from `virtual:lesson-index` (frontmatter only, generated
 * at build time); lesson bodies are lazily imported one per route.
 */
import type { ComponentType } from 'react'
import { lessons as allLessons } from 'virtual:lesson-index'
import type { CourseModule, LessonFrontmatter, LessonMeta } from './types.ts'

export type LessonModule = {
  default: ComponentType<{ components?: Record<string, unknown> }>
  frontmatter?: LessonFrontmatter
}

// Lazy only: each lesson becomes its own chunk. (Never glob these files eagerly anywhere.)
const loaders = import.meta.glob<LessonModule>('/content/lessons/*.mdx')

export const lessons: readonly LessonMeta[] = allLessons

const bySlug = new Map(lessons.map((l) => [l.slug, l]))

export function findLesson(slug: string | undefined): LessonMeta | undefined {
  return slug === undefined ? undefined : bySlug.get(slug)
}

export function lessonIndex(slug: string): number {
  return lessons.findIndex((l) => l.slug === slug)
}

export function neighbours(slug: string): { prev?: LessonMeta; next?: LessonMeta } {
  const i = lessonIndex(slug)
  if (i < 0) return {}
  return { prev: lessons[i - 1], next: lessons[i + 1] }
}

export function loadLesson(meta: LessonMeta): Promise<LessonModule> {
  const load = loaders['/' + meta.file]
  if (!load) return Promise.reject(new Error(`No lesson file for ${meta.file}`))
  return load()
}

/** Modules in course order (the order of their first lesson). */
export const modules: readonly CourseModule[] = (() => {
  const out: CourseModule[] = []
  for (const l of lessons) {
    let m = out.find((x) => x.name === l.module)
    if (!m) {
      m = { name: l.module, lessons: [], duration: 0 }
      out.push(m)
    }
    m.lessons.push(l)
    m.duration += l.duration
  }
  return out
})()

export const totalDuration = lessons.reduce((n, l) => n + l.duration, 0)

export function formatDuration(minutes: number): string {
  if (minutes < 60) return `${minutes} min`
  const h = Math.floor(minutes / 60)
  const m = minutes % 60
  return m === 0 ? `${h} h` : `${h} h ${m} min`
}
