/**
 * Build-time lesson discovery (Node only): file names, frontmatter parsing and validation.
 * Shared by the Vite plugin that generates the light lesson index and by check-content.
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { parseDocument } from 'yaml'
import type { LessonFrontmatter, LessonRecord } from '../types.ts'

export const LESSON_FILE_RE = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\.mdx$/

export interface Problem {
  file: string
  line?: number
  message: string
  /** Problems that do not make the lesson index wrong (the build warns; check-content still fails). */
  warning?: boolean
}

export function parseLessonFileName(name: string): { order: number; slug: string } | null {
  const m = LESSON_FILE_RE.exec(name)
  if (!m) return null
  return { order: Number(m[1]), slug: m[2] }
}

/**
 * The ids of the knowledge checks (`<Check id="…"/>`) and labs (`<Lab id="…"/>`) a lesson places,
 * in order. They are what the lesson needs for completion. Fenced code is skipped.
 */
export function componentIds(source: string): { checks: string[]; labs: string[] } {
  const text = source.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[ \t]*$/gm, '')
  const grab = (tag: string) => [...text.matchAll(new RegExp(`<${tag}\\s+id=["']([^"']+)["']`, 'g'))].map((m) => m[1]!)
  return { checks: grab('Check'), labs: grab('Lab') }
}

/** Returns the YAML text of a leading `---` block, and the line its content starts on. */
export function frontmatterBlock(source: string): { yaml: string; line: number } | null {
  const text = source.replace(/^\uFEFF/, '')
  const m = /^---[ \t]*\r?\n([\s\S]*?)\r?\n?---[ \t]*(?:\r?\n|$)/.exec(text)
  if (!m) return null
  return { yaml: m[1], line: 2 }
}

const REQUIRED = ['title', 'summary', 'module', 'objectives', 'duration'] as const

/** Parses and type-checks the frontmatter. Problems are plain sentences. */
export function readFrontmatter(source: string): {
  data?: LessonFrontmatter
  problems: { line?: number; message: string }[]
} {
  const block = frontmatterBlock(source)
  if (!block) {
    return {
      problems: [
        {
          line: 1,
          message: 'missing frontmatter (a leading --- YAML block with title, summary, module, objectives, duration)',
        },
      ],
    }
  }
  const doc = parseDocument(block.yaml, { prettyErrors: false })
  if (doc.errors.length > 0) {
    return {
      problems: doc.errors.map((e) => ({
        line: e.linePos ? e.linePos[0].line + block.line - 1 : block.line,
        message: `frontmatter is not valid YAML: ${e.message.split('\n')[0]}`,
      })),
    }
  }
  const raw: unknown = doc.toJS()
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { problems: [{ line: block.line, message: 'frontmatter must be a YAML mapping' }] }
  }
  const fm = raw as Record<string, unknown>
  const problems: { line?: number; message: string }[] = []
  const lineOf = (key: string): number | undefined => {
    const idx = block.yaml.split(/\r?\n/).findIndex((l) => l.startsWith(`${key}:`))
    return idx >= 0 ? idx + block.line : block.line
  }
  for (const key of REQUIRED) {
    if (!(key in fm) || fm[key] === null || fm[key] === undefined) {
      problems.push({ line: block.line, message: `frontmatter is missing "${key}"` })
    }
  }
  const str = (key: 'title' | 'summary' | 'module') => {
    const v = fm[key]
    if (v === undefined || v === null) return
    if (typeof v !== 'string' || v.trim() === '') {
      problems.push({ line: lineOf(key), message: `frontmatter "${key}" must be a non-empty string` })
    }
  }
  str('title')
  str('summary')
  str('module')
  const objectives = fm.objectives
  if (objectives !== undefined && objectives !== null) {
    if (!Array.isArray(objectives) || objectives.length === 0) {
      problems.push({
        line: lineOf('objectives'),
        message: 'frontmatter "objectives" must be a non-empty list of strings',
      })
    } else if (!objectives.every((o) => typeof o === 'string' && o.trim() !== '')) {
      problems.push({
        line: lineOf('objectives'),
        message: 'every item of frontmatter "objectives" must be a non-empty string',
      })
    }
  }
  const duration = fm.duration
  if (duration !== undefined && duration !== null) {
    if (typeof duration !== 'number' || !Number.isInteger(duration) || duration <= 0) {
      problems.push({
        line: lineOf('duration'),
        message: 'frontmatter "duration" must be a positive integer (minutes)',
      })
    }
  }
  if (problems.length > 0) return { problems }
  return {
    data: {
      title: (fm.title as string).trim(),
      summary: (fm.summary as string).trim(),
      module: (fm.module as string).trim(),
      objectives: (fm.objectives as string[]).map((o) => o.trim()),
      duration: fm.duration as number,
    },
    problems,
  }
}

export interface LessonScan {
  lessons: LessonRecord[]
  problems: Problem[]
  /** Absolute paths of every .mdx file in the folder (valid or not). */
  files: string[]
}

/**
 * Reads every `*.mdx` in `dir`. `rootDir` makes `file` paths relative (for messages and the
 * `import.meta.glob` keys, which are root-relative).
 */
export function scanLessons(dir: string, rootDir: string): LessonScan {
  let names: string[]
  try {
    names = readdirSync(dir)
      .filter((n) => n.endsWith('.mdx'))
      .sort()
  } catch {
    names = []
  }
  const lessons: LessonRecord[] = []
  const problems: Problem[] = []
  const files: string[] = []
  const bySlug = new Map<string, string>()
  const byOrder = new Map<number, string>()
  for (const name of names) {
    const abs = path.join(dir, name)
    files.push(abs)
    const rel = path.relative(rootDir, abs).split(path.sep).join('/')
    const parsed = parseLessonFileName(name)
    if (!parsed) {
      problems.push({
        file: rel,
        message: 'file name must look like NN-slug.mdx (two digits, a dash, a lowercase slug with dashes)',
      })
      continue
    }
    const prevSlug = bySlug.get(parsed.slug)
    if (prevSlug) {
      problems.push({ file: rel, message: `duplicate slug "${parsed.slug}" (also used by ${prevSlug})` })
    } else {
      bySlug.set(parsed.slug, rel)
    }
    const prevOrder = byOrder.get(parsed.order)
    if (prevOrder) {
      problems.push({
        file: rel,
        message: `duplicate number prefix ${String(parsed.order).padStart(2, '0')} (also used by ${prevOrder})`,
      })
    } else {
      byOrder.set(parsed.order, rel)
    }
    const source = readFileSync(abs, 'utf8')
    const fm = readFrontmatter(source)
    for (const p of fm.problems) problems.push({ file: rel, line: p.line, message: p.message })
    if (fm.data && !prevSlug) {
      lessons.push({ slug: parsed.slug, order: parsed.order, file: rel, ...fm.data, ...componentIds(source) })
    }
  }
  // Prefixes must run 01, 02, 03… with no gaps, so the course order is unambiguous.
  const orders = [...byOrder.keys()].sort((a, b) => a - b)
  const firstGap = orders.findIndex((o, i) => o !== i + 1)
  if (firstGap >= 0) {
    const o = orders[firstGap]
    problems.push({
      file: byOrder.get(o) as string,
      message: `number prefix ${String(o).padStart(2, '0')} is out of sequence (expected ${String(firstGap + 1).padStart(2, '0')}; prefixes must run 01, 02, 03… without gaps)`,
      warning: true,
    })
  }
  lessons.sort((a, b) => a.order - b.order)
  return { lessons, problems, files }
}
