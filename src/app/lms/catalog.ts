/**
 * What the course holds, for checking and building packs in the browser (the #/instructors page
 * and an instructor's preview): the lesson index, and the checks and labs (loaded lazily, a few
 * small chunks). The packager builds the same catalog in Node (scripts/package/catalog.ts).
 */
import { lessons } from '../../course/registry.ts'
import type { Catalog } from '../../lms/pack.ts'
import { listLabs } from '../../labs/registry.ts'
import { loadAllQuestions } from '../../quiz/data.ts'

/** The lessons with their activities: enough to count a pack's units (no loading). */
export const lessonCatalog: Catalog = {
  lessons: lessons.map((l) => ({ slug: l.slug, title: l.title, checks: l.checks, labs: l.labs })),
  labs: [],
  checks: [],
}

let full: Promise<Catalog> | null = null

export function loadCatalog(): Promise<Catalog> {
  if (!full) {
    full = Promise.all([loadAllQuestions(), listLabs()]).then(([questions, labs]) => {
      const order = new Map(lessons.map((l, i) => [l.slug, i]))
      const byLesson = [...questions].sort((a, b) => (order.get(a.slug) ?? 99) - (order.get(b.slug) ?? 99))
      return {
        lessons: lessonCatalog.lessons,
        labs: [...labs]
          .sort((a, b) => (order.get(a.lesson) ?? 99) - (order.get(b.lesson) ?? 99))
          .map((l) => ({ id: l.id, title: l.title, lesson: l.lesson })),
        checks: byLesson.flatMap((q) => q.checks.map((c) => ({ id: c.id, prompt: c.prompt, lesson: q.slug }))),
      }
    })
    full.catch(() => (full = null))
  }
  return full
}
