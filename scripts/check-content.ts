/**
 * Content validation: `npx tsx scripts/check-content.ts [--root <dir>]`
 *
 * For every content/lessons/NN-slug.mdx:
 *  - the file name has the NN-slug.mdx shape, prefixes run 01, 02, … without gaps or duplicates,
 *    and no two files share a slug;
 *  - the frontmatter is present and well typed (title, summary, module, objectives, duration);
 *  - it compiles with the app's own MDX pipeline (errors carry file:line:column);
 *  - the body has no `#` heading (the page renders the title), starts with `##`, ends with
 *    a `## Summary` section that holds `<Challenges>`: at least two `<Challenge title>`, each
 *    with a `<Solution>`;
 *  - every link is a lesson link that exists (`/lessons/<slug>` or `/lessons/<slug>#<heading>`),
 *    an in-page `#heading` that exists, or a docs.aws.amazon.com page; no remote images;
 *  - code fences use a highlighted language;
 *  - it imports only diagrams (../diagrams/…), and diagrams import only React or each other.
 * And every activity the docs and the shipped pages name exists (scripts/check-references.ts).
 * Prints `file:line: problem` lines and exits 1 on any problem.
 */
import { checkQuizzes } from './check-quiz.ts'
import { checkLabs, summariseLabs } from './check-labs.ts'
import { checkReferences } from './check-references.ts'
import { compile } from '@mdx-js/mdx'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { scanLessons, type Problem } from '../src/course/build/lessons.ts'
import { CODE_LANGUAGES, isKnownCodeLanguage, mdxCompileOptions } from '../src/course/build/mdx-options.ts'

export type { Problem }

interface Node {
  type: string
  tagName?: string
  name?: string | null
  lang?: string | null
  url?: string
  depth?: number
  value?: unknown
  properties?: Record<string, unknown>
  attributes?: { type: string; name?: string; value?: unknown }[]
  children?: Node[]
  position?: { start: { line: number; column: number } }
}

function walk(node: Node, fn: (n: Node) => void) {
  fn(node)
  for (const c of node.children ?? []) walk(c, fn)
}

function textOf(node: Node): string {
  if (node.type === 'text' && typeof node.value === 'string') return node.value
  return (node.children ?? []).map(textOf).join('')
}

interface LessonFacts {
  headings: { id: string; depth: number; text: string; line?: number }[]
  /** JSX elements (flow), with their attribute names and the names of their JSX children. */
  jsx: { name: string; line?: number; attributes: string[]; children: string[] }[]
  links: { href: string; line?: number; image?: boolean }[]
  fences: { lang: string; line?: number }[]
  imports: { source: string; line?: number }[]
}

/** remark plugin: code fences, markdown headings (depth), links and images, JSX <a>/<img>, imports. */
function collectMdast(facts: LessonFacts) {
  return () => (tree: Node) => {
    walk(tree, (n) => {
      const line = n.position?.start.line
      if (n.type === 'mdxJsxFlowElement' && n.name) {
        facts.jsx.push({
          name: n.name,
          line,
          attributes: (n.attributes ?? []).flatMap((a) => (a.type === 'mdxJsxAttribute' && a.name ? [a.name] : [])),
          children: (n.children ?? []).flatMap((c) =>
            (c.type === 'mdxJsxFlowElement' || c.type === 'mdxJsxTextElement') && c.name ? [c.name] : [],
          ),
        })
      }
      if (n.type === 'code') facts.fences.push({ lang: n.lang ?? '', line })
      else if (n.type === 'link' && n.url !== undefined) facts.links.push({ href: n.url, line })
      else if (n.type === 'image' && n.url !== undefined) facts.links.push({ href: n.url, line, image: true })
      else if (
        (n.type === 'mdxJsxFlowElement' || n.type === 'mdxJsxTextElement') &&
        (n.name === 'a' || n.name === 'img')
      ) {
        const attr = n.attributes?.find(
          (a) => a.type === 'mdxJsxAttribute' && a.name === (n.name === 'a' ? 'href' : 'src'),
        )
        if (attr && typeof attr.value === 'string')
          facts.links.push({ href: attr.value, line, image: n.name === 'img' })
      } else if (n.type === 'mdxjsEsm' && typeof n.value === 'string') {
        for (const m of n.value.matchAll(/\bfrom\s+['"]([^'"]+)['"]|\bimport\s+['"]([^'"]+)['"]/g)) {
          facts.imports.push({ source: m[1] ?? m[2], line })
        }
      }
    })
  }
}

/** rehype plugin (after rehype-slug): heading ids as the page will have them. */
function collectHast(facts: LessonFacts) {
  return () => (tree: Node) => {
    walk(tree, (n) => {
      if (n.type === 'element' && n.tagName && /^h[1-6]$/.test(n.tagName)) {
        const id = n.properties?.id
        facts.headings.push({
          id: typeof id === 'string' ? id : '',
          depth: Number(n.tagName[1]),
          text: textOf(n).trim(),
          line: n.position?.start.line,
        })
      }
    })
  }
}

export interface CheckOptions {
  /** Project root (holds content/). */
  root: string
  /** The fewest questions the self-assessment may have (default 25). */
  minAssessment?: number
  /** Where to print progress (each lab's check results); default: nowhere. */
  log?: (line: string) => void
}

export async function checkContent({ root, minAssessment, log }: CheckOptions): Promise<Problem[]> {
  const lessonsDir = path.join(root, 'content', 'lessons')
  const diagramsDir = path.join(root, 'content', 'diagrams')
  const problems: Problem[] = []
  if (!existsSync(lessonsDir)) {
    return [{ file: 'content/lessons', message: 'folder is missing' }]
  }
  const scan = scanLessons(lessonsDir, root)
  problems.push(...scan.problems)
  if (scan.files.length === 0)
    problems.push({ file: 'content/lessons', message: 'no lessons found (expected NN-slug.mdx files)' })

  // Compile every lesson file (even ones with bad frontmatter or names) and collect facts.
  const facts = new Map<string, LessonFacts>()
  const slugOf = new Map<string, string>()
  for (const abs of scan.files) {
    const rel = path.relative(root, abs).split(path.sep).join('/')
    const f: LessonFacts = { headings: [], jsx: [], links: [], fences: [], imports: [] }
    const file = { path: abs, value: readFileSync(abs, 'utf8') }
    try {
      await compile(file, mdxCompileOptions({ remarkPlugins: [collectMdast(f)], rehypePlugins: [collectHast(f)] }))
      facts.set(rel, f)
    } catch (err) {
      const e = err as {
        line?: number
        column?: number
        place?: { line?: number; column?: number; start?: { line: number; column: number } }
        reason?: string
        message?: string
      }
      const reason = e.reason ?? e.message ?? String(err)
      const fromText = /\((\d+):(\d+)(?:-\d+:\d+)?\)/.exec(reason)
      const line = e.line ?? e.place?.line ?? e.place?.start?.line ?? (fromText ? Number(fromText[1]) : undefined)
      const column =
        e.column ?? e.place?.column ?? e.place?.start?.column ?? (fromText ? Number(fromText[2]) : undefined)
      problems.push({
        file: rel,
        line: line ?? undefined,
        message: `does not compile: ${reason.split('\n')[0]}${column && !fromText ? ` (column ${column})` : ''}`,
      })
    }
  }
  for (const l of scan.lessons) slugOf.set(l.file, l.slug)
  const headingIdsBySlug = new Map<string, Set<string>>()
  for (const l of scan.lessons) {
    const f = facts.get(l.file)
    if (f) headingIdsBySlug.set(l.slug, new Set(f.headings.map((h) => h.id).filter(Boolean)))
  }
  const allSlugs = new Set(scan.lessons.map((l) => l.slug))

  for (const [rel, f] of facts) {
    const add = (message: string, line?: number) => problems.push({ file: rel, line, message })
    // Structure
    for (const h of f.headings.filter((h) => h.depth === 1))
      add(
        `has a "# ${h.text}" heading; the page renders the title from the frontmatter, so the body starts at "##"`,
        h.line,
      )
    const h2 = f.headings.filter((h) => h.depth === 2)
    if (h2.length === 0) add('has no "##" sections')
    else if (h2[h2.length - 1].text !== 'Summary')
      add(`must end with a "## Summary" section (the last "##" is "${h2[h2.length - 1].text}")`, h2[h2.length - 1].line)
    // Challenges after the Summary: tasks for the playground, each with a solution.
    const summary = h2.length > 0 && h2[h2.length - 1].text === 'Summary' ? h2[h2.length - 1] : undefined
    if (summary) {
      const after = (line?: number) => line !== undefined && summary.line !== undefined && line > summary.line
      const blocks = f.jsx.filter((j) => j.name === 'Challenges' && after(j.line))
      const items = f.jsx.filter((j) => j.name === 'Challenge' && after(j.line))
      if (blocks.length === 0)
        add(
          'the "## Summary" section has no <Challenges>: add two or three tasks for the playground, each a <Challenge title="…"> with a <Hint> and a <Solution>',
          summary.line,
        )
      else if (items.length < 2)
        add(`<Challenges> holds ${items.length} <Challenge>; give two or three tasks`, blocks[0].line)
      for (const c of items) {
        if (!c.attributes.includes('title')) add('<Challenge> needs a title="…"', c.line)
        if (!c.children.includes('Solution'))
          add('<Challenge> has no <Solution>: say what the answer is, with its code and why', c.line)
      }
    }
    const seen = new Set<string>()
    for (const h of f.headings) {
      const key = h.text.toLowerCase()
      if (seen.has(key))
        add(
          `heading "${h.text}" appears twice; give headings distinct names so links and the outline are unambiguous`,
          h.line,
        )
      seen.add(key)
    }
    // Code fences
    for (const c of f.fences) {
      if (!c.lang)
        add(
          `code fence has no language; use one of ${[...CODE_LANGUAGES, 'text'].join(', ')} (or js, ts, sh, yml…)`,
          c.line,
        )
      else if (!isKnownCodeLanguage(c.lang))
        add(
          `code fence language "${c.lang}" is not highlighted; use one of ${[...CODE_LANGUAGES, 'text'].join(', ')}`,
          c.line,
        )
    }
    // Links
    const ownSlug = slugOf.get(rel)
    for (const link of f.links) {
      const href = link.href.trim()
      if (link.image) {
        if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//'))
          add(
            `image "${href}" is not local; only images inside the project are allowed (better: a diagram component)`,
            link.line,
          )
        continue
      }
      const lessonLink = /^\/lessons\/([^/#?]+)\/?(?:#(.*))?$/.exec(href)
      if (lessonLink) {
        const [, slug, id] = lessonLink
        if (!allSlugs.has(slug)) add(`links to a lesson that does not exist: ${href}`, link.line)
        else if (id !== undefined && !headingIdsBySlug.get(slug)?.has(id))
          add(
            `links to a heading that does not exist: ${href} (lesson "${slug}" has no heading with id "${id}")`,
            link.line,
          )
        continue
      }
      if (href.startsWith('#')) {
        const id = href.slice(1)
        if (!ownSlug || !headingIdsBySlug.get(ownSlug)?.has(id))
          add(`links to a heading that does not exist on this page: ${href}`, link.line)
        continue
      }
      let url: URL | null
      try {
        url = new URL(href)
      } catch {
        url = null
      }
      if (url && url.protocol === 'https:' && url.hostname === 'docs.aws.amazon.com') continue
      if (url && (url.protocol === 'https:' || url.protocol === 'http:')) {
        add(
          `external link to ${url.hostname}: external links must go to AWS documentation over https (https://docs.aws.amazon.com/…)`,
          link.line,
        )
      } else {
        add(
          `link "${href}" is not a lesson link (/lessons/<slug> or /lessons/<slug>#<heading>), an in-page #heading, or an AWS documentation page`,
          link.line,
        )
      }
    }
    // Imports: lessons import diagrams only.
    for (const imp of f.imports) {
      if (!/^\.\.\/diagrams\/[\w./-]+$/.test(imp.source))
        add(`imports "${imp.source}"; lessons may import only diagrams from ../diagrams/`, imp.line)
      else {
        const base = path.join(lessonsDir, imp.source)
        if (!['', '.tsx', '.ts', '.jsx', '.js'].some((ext) => existsSync(base + ext)))
          add(`imports "${imp.source}", which does not exist`, imp.line)
      }
    }
  }

  // Diagrams import React only (or each other), so lessons stay light.
  if (existsSync(diagramsDir)) {
    for (const name of readdirSync(diagramsDir)
      .filter((n) => /\.(tsx|ts|jsx|js)$/.test(n))
      .sort()) {
      const rel = `content/diagrams/${name}`
      const src = readFileSync(path.join(diagramsDir, name), 'utf8')
      src.split('\n').forEach((lineText, i) => {
        for (const m of lineText.matchAll(
          /\bfrom\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]/g,
        )) {
          const source = m[1] ?? m[2] ?? m[3]
          if (source === 'react' || source === 'react/jsx-runtime' || /^\.\/[\w.-]+$/.test(source)) continue
          // The figure loader (not a figure) may use the app's dependency-free shared helpers, such as
          // useNearViewport, so figures load as the reader approaches them.
          if (name === 'lazy.tsx' && /^\.\.\/\.\.\/src\/shared\/[\w.-]+$/.test(source)) continue
          problems.push({
            file: rel,
            line: i + 1,
            message: `imports "${source}"; diagrams may import only React or other diagrams (./…)`,
          })
        }
        if (/\b(?:href|src)\s*=\s*["'{`]+\s*(?:https?:)?\/\//.test(lineText)) {
          problems.push({
            file: rel,
            line: i + 1,
            message: 'references a remote URL; diagrams must not load anything from elsewhere',
          })
        }
      })
    }
  }
  problems.push(...(await checkQuizzes({ root, lessons: scan.lessons, headingIdsBySlug, minAssessment })).problems)
  // Labs (scripts/check-labs.ts): definitions, files, <Lab id> references; solution passes, starter fails.
  const labs = await checkLabs({ root, log })
  problems.push(...labs.problems)
  for (const note of labs.notes) log?.(`note: ${note}`)
  if (labs.labs.length) log?.(`labs: ${summariseLabs(labs)}`)
  // The activities the docs and the shipped pages name (scripts/check-references.ts).
  problems.push(...(await checkReferences(root)))
  return problems
}

export function formatProblem(p: Problem): string {
  return `${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`
}

async function main() {
  const args = process.argv.slice(2)
  const i = args.indexOf('--root')
  const root =
    i >= 0 && args[i + 1] ? path.resolve(args[i + 1]) : path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
  const problems = await checkContent({ root, log: (line) => console.log(line) })
  if (problems.length > 0) {
    for (const p of problems) console.error(formatProblem(p))
    console.error(`\ncheck-content: ${problems.length} problem${problems.length === 1 ? '' : 's'} found.`)
    process.exit(1)
  }
  const n = readdirSync(path.join(root, 'content', 'lessons')).filter((f) => f.endsWith('.mdx')).length
  console.log(
    `check-content: ${n} lesson${n === 1 ? '' : 's'} OK (frontmatter, compile, links, headings, code fences, imports).`,
  )
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main()
}
