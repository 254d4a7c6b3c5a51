/**
 * Content validation for knowledge checks (part of `npm run check:content`):
 * - every `content/checks/<slug>.ts` belongs to a lesson, loads, and every question in it is
 *   well formed (see questionProblems: "select N" with N correct, matching pairs complete and
 *   unique, a `why` for every option, a section that is a heading of the lesson, …);
 * - ids are unique across the course;
 * - every `<Check id>` in a lesson exists in that lesson's file, and every check in the file is
 *   placed in the lesson;
 * - every lesson has at least one check;
 * - the self-assessment has at least MIN_ASSESSMENT questions.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Problem } from '../src/course/build/lessons.ts'
import type { LessonMeta } from '../src/course/types.ts'
import { questionProblems } from '../src/quiz/grade.ts'

export const MIN_ASSESSMENT = 25

export interface QuizCheckInput {
  root: string
  lessons: readonly LessonMeta[]
  headingIdsBySlug: ReadonlyMap<string, ReadonlySet<string>>
  /** Default MIN_ASSESSMENT. */
  minAssessment?: number
}

export async function checkQuizzes({
  root,
  lessons,
  headingIdsBySlug,
  minAssessment = MIN_ASSESSMENT,
}: QuizCheckInput): Promise<{ problems: Problem[]; questionCount: number; assessmentCount: number }> {
  const problems: Problem[] = []
  const dir = path.join(root, 'content', 'checks')
  const files = existsSync(dir)
    ? readdirSync(dir)
        .filter((n) => n.endsWith('.ts'))
        .sort()
    : []
  const bySlug = new Map(lessons.map((l) => [l.slug, l]))
  const seen = new Map<string, string>()
  let questionCount = 0
  let assessmentCount = 0
  const defined = new Map<string, Set<string>>()

  for (const name of files) {
    const rel = `content/checks/${name}`
    const slug = name.slice(0, -3)
    const lesson = bySlug.get(slug)
    if (!lesson) {
      problems.push({
        file: rel,
        message: `there is no lesson with the slug "${slug}" (name the file after its lesson's slug)`,
      })
      continue
    }
    let mod: Record<string, unknown>
    try {
      mod = (await import(pathToFileURL(path.join(dir, name)).href)) as Record<string, unknown>
    } catch (e) {
      problems.push({ file: rel, message: `does not load: ${String((e as Error)?.message ?? e).split('\n')[0]}` })
      continue
    }
    const sections = headingIdsBySlug.get(slug) ?? new Set<string>()
    const ids = new Set<string>()
    defined.set(slug, ids)
    for (const [exportName, label] of [
      ['default', 'check'],
      ['assessment', 'assessment question'],
    ] as const) {
      const list = mod[exportName]
      if (list === undefined && exportName === 'assessment') continue
      if (!Array.isArray(list)) {
        problems.push({
          file: rel,
          message:
            exportName === 'default'
              ? 'must export default defineChecks([...])'
              : 'the "assessment" export must be a list: defineChecks([...])',
        })
        continue
      }
      list.forEach((q: unknown, i: number) => {
        for (const m of questionProblems(q, sections, `${label} ${i + 1}`)) problems.push({ file: rel, message: m })
        const id = (q as { id?: unknown })?.id
        if (typeof id !== 'string') return
        const prev = seen.get(id)
        if (prev) problems.push({ file: rel, message: `${label} "${id}": the id is already used in ${prev}` })
        else seen.set(id, rel)
        if (exportName === 'default') ids.add(id)
      })
      if (exportName === 'default') questionCount += list.length
      assessmentCount += list.length
    }
  }

  for (const l of lessons) {
    const ids = defined.get(l.slug)
    const source = readFileSync(path.join(root, l.file), 'utf8')
    const lineOf = (id: string) => {
      const i = source.split('\n').findIndex((t) => t.includes(`<Check id="${id}"`) || t.includes(`<Check id='${id}'`))
      return i >= 0 ? i + 1 : undefined
    }
    if (l.checks.length === 0) {
      problems.push({
        file: l.file,
        message: `has no knowledge check: add questions to content/checks/${l.slug}.ts and place each with <Check id="…"/>`,
      })
    }
    const placed = new Set<string>()
    for (const id of l.checks) {
      if (placed.has(id)) problems.push({ file: l.file, line: lineOf(id), message: `places <Check id="${id}"/> twice` })
      placed.add(id)
      if (!ids?.has(id))
        problems.push({
          file: l.file,
          line: lineOf(id),
          message: `<Check id="${id}"/> does not exist in content/checks/${l.slug}.ts`,
        })
    }
    for (const id of ids ?? []) {
      if (!placed.has(id))
        problems.push({
          file: `content/checks/${l.slug}.ts`,
          message: `check "${id}" is never placed in ${l.file} (add <Check id="${id}"/> after the section it tests, or move it to the assessment export)`,
        })
    }
  }

  if (lessons.length > 0 && assessmentCount < minAssessment) {
    problems.push({
      file: 'content/checks',
      message: `the self-assessment has ${assessmentCount} questions; it needs at least ${minAssessment} (add "assessment" exports)`,
    })
  }
  return { problems, questionCount, assessmentCount }
}
