/**
 * Loads authored questions from `content/checks/<lesson-slug>.ts`, lazily: each file is its own
 * small chunk, fetched only by a page that shows one of its checks (or by the assessment).
 */
import type { Question } from './types.ts'

interface ChecksModule {
  default: readonly Question[]
  assessment?: readonly Question[]
}

const loaders = import.meta.glob<ChecksModule>('/content/checks/*.ts')

function slugOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1, -'.ts'.length)
}

export interface LessonQuestions {
  slug: string
  checks: readonly Question[]
  assessment: readonly Question[]
}

export const checkFileSlugs: readonly string[] = Object.keys(loaders).map(slugOf)

export async function loadLessonQuestions(slug: string): Promise<LessonQuestions | null> {
  const load = loaders[`/content/checks/${slug}.ts`]
  if (!load) return null
  const m = await load()
  return { slug, checks: m.default ?? [], assessment: m.assessment ?? [] }
}

export async function loadAllQuestions(): Promise<LessonQuestions[]> {
  const all = await Promise.all(checkFileSlugs.map((s) => loadLessonQuestions(s)))
  return all.filter((x): x is LessonQuestions => x !== null)
}

/** Finds a check by id: in the given lesson's file first, else in every file (embeds). */
export async function findQuestion(
  id: string,
  slug?: string | null,
): Promise<{ question: Question; slug: string } | null> {
  if (slug) {
    const l = await loadLessonQuestions(slug)
    const q = l?.checks.find((c) => c.id === id) ?? l?.assessment.find((c) => c.id === id)
    if (q && l) return { question: q, slug: l.slug }
  }
  for (const l of await loadAllQuestions()) {
    const q = l.checks.find((c) => c.id === id) ?? l.assessment.find((c) => c.id === id)
    if (q) return { question: q, slug: l.slug }
  }
  return null
}
