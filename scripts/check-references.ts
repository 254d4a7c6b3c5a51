/**
 * Content validation, part of `npm run check:content`: every activity the docs and the shipped
 * pages name must exist, so an instructor's first copy-paste works.
 *
 * In README.md, docs/ (Markdown), content/ READMEs and public/ (HTML):
 *  - embed addresses `#/embed/check/<id>` and `#/embed/lab/<id>` (also URL-encoded, `%23/embed/…`);
 *  - lesson addresses and links `#/lessons/<slug>`, `/lessons/<slug>`;
 *  - packager commands `npm run package -- --lesson|--lab|--check <id>`;
 *  - pack configs in ```yaml / ```json blocks (an object with `items`), checked as the packager checks them.
 * Placeholders (`<check-id>`) are not ids and are skipped.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { parse as parseYaml } from 'yaml'
import type { Problem } from '../src/course/build/lessons.ts'
import { checkPackConfig, type Catalog } from '../src/lms/pack.ts'
import { readCatalog } from './package/catalog.ts'

const ID = '([a-z0-9]+(?:-[a-z0-9]+)*)'

function walk(dir: string, keep: (name: string) => boolean, out: string[] = []): string[] {
  if (!existsSync(dir)) return out
  for (const name of readdirSync(dir).sort()) {
    const abs = path.join(dir, name)
    if (statSync(abs).isDirectory()) {
      if (name !== 'node_modules') walk(abs, keep, out)
    } else if (keep(name)) out.push(abs)
  }
  return out
}

/** The files whose references are checked. */
export function referenceFiles(root: string): string[] {
  const files = [path.join(root, 'README.md')].filter(existsSync)
  files.push(...walk(path.join(root, 'docs'), (n) => n.endsWith('.md')))
  files.push(...walk(path.join(root, 'content'), (n) => n === 'README.md'))
  files.push(...walk(path.join(root, 'public'), (n) => n.endsWith('.html')))
  return files
}

/** Every question id (lesson checks and the self-assessment's own): an embed can show any of them. */
async function questionIds(root: string): Promise<Set<string>> {
  const ids = new Set<string>()
  const dir = path.join(root, 'content', 'checks')
  for (const file of walk(dir, (n) => n.endsWith('.ts'))) {
    try {
      const mod = (await import(pathToFileURL(file).href)) as {
        default?: { id?: unknown }[]
        assessment?: { id?: unknown }[]
      }
      for (const q of [...(mod.default ?? []), ...(mod.assessment ?? [])]) if (typeof q?.id === 'string') ids.add(q.id)
    } catch {
      // A checks file that does not load is reported by the quiz checks.
    }
  }
  return ids
}

function lineOf(text: string, index: number): number {
  let n = 1
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) n++
  return n
}

export async function checkReferences(root: string, catalog?: Catalog): Promise<Problem[]> {
  const cat = catalog ?? (await readCatalog(root))
  const questions = await questionIds(root)
  const labs = new Set(cat.labs.map((l) => l.id))
  const lessons = new Set(cat.lessons.map((l) => l.slug))
  const problems: Problem[] = []

  for (const abs of referenceFiles(root)) {
    const rel = path.relative(root, abs).split(path.sep).join('/')
    const raw = readFileSync(abs, 'utf8')
    // %23 is '#' in a URL-encoded address (embed-example.html?src=./%23/embed/lab/…).
    const text = raw.replace(/%23/gi, '#')
    const add = (index: number, message: string) => problems.push({ file: rel, line: lineOf(text, index), message })

    for (const m of text.matchAll(new RegExp(`#/embed/(check|lab)/${ID}`, 'g'))) {
      const [, kind, id] = m
      if (kind === 'check' && !questions.has(id))
        add(m.index!, `names the knowledge check "${id}" (#/embed/check/${id}), which does not exist`)
      if (kind === 'lab' && !labs.has(id))
        add(m.index!, `names the lab "${id}" (#/embed/lab/${id}), which does not exist`)
    }
    for (const m of text.matchAll(new RegExp(`(?:#|\\]\\(|\\s|\`)/lessons/${ID}`, 'g'))) {
      if (!lessons.has(m[1])) add(m.index!, `names the lesson "${m[1]}" (/lessons/${m[1]}), which does not exist`)
    }
    for (const m of text.matchAll(new RegExp(`npm run package -- [^\\n\`]*?--(lesson|lab|check) ${ID}`, 'g'))) {
      const [, kind, id] = m
      const known = kind === 'lesson' ? lessons : kind === 'lab' ? labs : new Set(cat.checks.map((c) => c.id))
      if (!known.has(id)) add(m.index!, `runs npm run package --${kind} ${id}, but there is no ${kind} "${id}"`)
    }
    if (rel.endsWith('.md')) {
      for (const m of raw.matchAll(/^```(yaml|yml|json)[^\n]*\n([\s\S]*?)^```/gm)) {
        let value: unknown
        try {
          value = m[1] === 'json' ? JSON.parse(m[2]) : parseYaml(m[2])
        } catch {
          continue // not every code block is a pack config
        }
        if (typeof value !== 'object' || value === null || !Array.isArray((value as { items?: unknown }).items))
          continue
        const r = checkPackConfig(value, cat)
        if (!r.ok) for (const e of r.errors) add(raw.indexOf(m[0]), `pack config example: ${e}`)
      }
    }
  }
  return problems
}
