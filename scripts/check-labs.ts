/**
 * Lab validation, part of `npm run check:content` (scripts/check-content.ts calls checkLabs).
 * Also runs alone: `npx tsx scripts/check-labs.ts [--root <dir>]`.
 *
 * For every content/labs/<id>/:
 *  - lab.ts loads and its default export has every field, well typed (id = folder name);
 *  - its lesson exists (a lesson that is planned in content/README.md but not written yet is a note);
 *  - starter/ and solution/ exist and hold the handler's file;
 *  - the solution passes every check, and the starter fails at least one (each result is printed);
 *  - wrong/<what-is-wrong>/ holds at least one known-wrong solution (the files a learner would
 *    change, laid over starter/), and every one of them fails at least one check: a check that a
 *    wrong solution passes teaches the wrong thing. The report says which checks caught each.
 * And every `<Lab id="…">` in content/lessons/*.mdx names a lab that exists.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseLessonFileName, type Problem } from '../src/course/build/lessons.ts'
import { listLabIds, loadLabFromDisk, readFileTree } from '../src/labs/node.ts'
import { createLabEngine } from './lab-engine.ts'
import { runLabChecks } from '../src/labs/runner.ts'
import type { LabEngine, LabRunResult, LoadedLab } from '../src/labs/types.ts'
import { LAB_ID_RE, handlerFile, validateLabFiles } from '../src/labs/validate.ts'

export interface CheckLabsOptions {
  /** Project root (holds content/). */
  root: string
  /** Where to print each lab's results (default: nowhere). */
  log?: (line: string) => void
  /**
   * The engine to run checks on (default: a new one inside a simulated account, as the Worker's
   * lab-checks instance is, disposed at the end). Labs with `account` need one with `send`.
   */
  lambda?: LabEngine
}

export interface CheckLabsResult {
  problems: Problem[]
  /** Things worth saying that do not fail the check (a lab whose lesson is planned but not written). */
  notes: string[]
  labs: { id: string; solution?: LabRunResult; starter?: LabRunResult; wrong?: { name: string; run: LabRunResult }[] }[]
  wallMs: number
}

/** Lesson slugs planned in content/README.md's table of `NN-slug.mdx` files. */
export function plannedLessonSlugs(root: string): Set<string> {
  const readme = path.join(root, 'content', 'README.md')
  const out = new Set<string>()
  if (!existsSync(readme)) return out
  for (const m of readFileSync(readme, 'utf8').matchAll(/`(\d{2}-[a-z0-9-]+\.mdx)`/g)) {
    const parsed = parseLessonFileName(m[1])
    if (parsed) out.add(parsed.slug)
  }
  return out
}

/** `<Lab id="…">` references in lessons (outside code fences), with their line numbers. */
export function labReferences(lessonsDir: string, root: string): { file: string; line: number; id: string }[] {
  const refs: { file: string; line: number; id: string }[] = []
  if (!existsSync(lessonsDir)) return refs
  for (const name of readdirSync(lessonsDir)
    .filter((n) => n.endsWith('.mdx'))
    .sort()) {
    const file = path.relative(root, path.join(lessonsDir, name)).split(path.sep).join('/')
    let fenced = false
    readFileSync(path.join(lessonsDir, name), 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (/^\s*(```|~~~)/.test(line)) fenced = !fenced
        if (fenced) return
        for (const m of line.matchAll(
          /<Lab\b[^>]*?\bid\s*=\s*(?:"([^"]*)"|'([^']*)'|\{\s*["'`]([^"'`]*)["'`]\s*\})/g,
        )) {
          refs.push({ file, line: i + 1, id: m[1] ?? m[2] ?? m[3] })
        }
      })
  }
  return refs
}

/**
 * The known-wrong solutions of a lab: each folder in `wrong/` holds the files a learner would
 * change, laid over the starter's files (so the lab's don't-change files need not be copied).
 */
export function readWrongSolutions(
  labDir: string,
  starter: Record<string, string>,
): { name: string; files: Record<string, string>; own: number }[] {
  const dir = path.join(labDir, 'wrong')
  if (!existsSync(dir)) return []
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const own = readFileTree(path.join(dir, name))
      return { name, files: { ...starter, ...own }, own: Object.keys(own).length }
    })
}

/** A detail on one line of the report (details may hold several log lines). */
function oneLine(text: string, max = 200): string {
  const flat = text.replace(/\s*\n\s*/g, ' ⏎ ').replace(/\t/g, ' ')
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat
}

function fmtMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms} ms`
}

export async function checkLabs({ root, log = () => {}, lambda: given }: CheckLabsOptions): Promise<CheckLabsResult> {
  const t0 = performance.now()
  const labsDir = path.join(root, 'content', 'labs')
  const lessonsDir = path.join(root, 'content', 'lessons')
  const problems: Problem[] = []
  const notes: string[] = []
  const labs: CheckLabsResult['labs'] = []
  const ids = listLabIds(labsDir)
  const idSet = new Set(ids)

  // Folders that look like labs but have no lab.ts (folders starting with _ hold shared helpers).
  if (existsSync(labsDir)) {
    for (const name of readdirSync(labsDir, { withFileTypes: true })) {
      if (name.isDirectory() && !name.name.startsWith('_') && !idSet.has(name.name)) {
        problems.push({
          file: `content/labs/${name.name}`,
          message:
            'has no lab.ts (every lab folder needs one; put shared helpers in a folder whose name starts with _)',
        })
      }
    }
  }

  // Lessons that use <Lab id="…"> must name a lab that exists.
  for (const ref of labReferences(lessonsDir, root)) {
    if (!idSet.has(ref.id)) {
      problems.push({
        file: ref.file,
        line: ref.line,
        message: `<Lab id="${ref.id}"> names a lab that does not exist${ids.length ? ` (labs: ${ids.join(', ')})` : ''}`,
      })
    }
  }

  if (ids.length === 0) return { problems, notes, labs, wallMs: Math.round(performance.now() - t0) }

  // Lesson order (NN- prefix), so labs are run and listed in course order.
  const lessonOrder = new Map<string, number>()
  if (existsSync(lessonsDir)) {
    for (const n of readdirSync(lessonsDir)) {
      const parsed = parseLessonFileName(n)
      if (parsed) lessonOrder.set(parsed.slug, parsed.order)
    }
  }
  const planned = plannedLessonSlugs(root)

  // Load and validate every lab first.
  const runnable: { id: string; loaded: LoadedLab }[] = []
  for (const id of ids) {
    const labFile = `content/labs/${id}/lab.ts`
    const loaded = await loadLabFromDisk(labsDir, id)
    if (!loaded.ok) {
      for (const message of loaded.problems) problems.push({ file: labFile, message })
      log(`  ${id}: not run (lab.ts has problems)`)
      continue
    }
    const { lab, starter, solution } = loaded.loaded
    if (!lessonOrder.has(lab.lesson)) {
      if (planned.has(lab.lesson))
        notes.push(`${labFile}: lesson "${lab.lesson}" is planned but not written yet; the lab is checked anyway`)
      else
        problems.push({
          file: labFile,
          message: `"lesson" is "${lab.lesson}", but there is no lesson with that slug (content/lessons/NN-${lab.lesson}.mdx)`,
        })
    }
    const fileProblems = validateLabFiles(lab, { starter, solution })
    for (const message of fileProblems) problems.push({ file: `content/labs/${id}`, message })
    if (fileProblems.length) {
      log(`  ${id}: not run (missing files)`)
      continue
    }
    runnable.push({ id, loaded: loaded.loaded })
  }
  runnable.sort(
    (a, b) =>
      (lessonOrder.get(a.loaded.lab.lesson) ?? 99) - (lessonOrder.get(b.loaded.lab.lesson) ?? 99) ||
      a.id.localeCompare(b.id),
  )
  if (runnable.length === 0) return { problems, notes, labs, wallMs: Math.round(performance.now() - t0) }

  // Then run each: the solution must pass every check, the starter must fail at least one, and so
  // must every known-wrong solution.
  const own = given ? undefined : await createLabEngine()
  const lambda: LabEngine = given ?? own!
  try {
    for (const { id, loaded } of runnable) {
      const { lab, starter, solution } = loaded
      const entry: CheckLabsResult['labs'][number] = { id }
      labs.push(entry)
      log(`  ${id} (lesson ${lab.lesson})`)
      for (const which of ['solution', 'starter'] as const) {
        const out = await runLabChecks(lab, which === 'solution' ? solution : starter, lambda)
        entry[which] = out
        out.results.forEach((r, i) => {
          const label = i === 0 ? which.padEnd(9) : ' '.repeat(9)
          log(
            `    ${label} ${r.pass ? 'pass' : 'FAIL'}  ${r.name}${r.pass ? '' : ` — ${r.message}${r.detail ? ` [${oneLine(r.detail)}]` : ''}`}`,
          )
        })
        if (which === 'solution') {
          for (const r of out.results.filter((x) => !x.pass)) {
            problems.push({
              file: `content/labs/${id}/solution`,
              message: `fails the check "${r.name}": ${r.message}${r.detail ? ` (${r.detail})` : ''}`,
            })
          }
        } else if (out.results.every((r) => r.pass)) {
          problems.push({
            file: `content/labs/${id}/starter`,
            message:
              'passes every check; the starter must leave the learner something to do (at least one check must fail)',
          })
        }
      }
      const wrongs = readWrongSolutions(path.join(labsDir, id), starter)
      if (wrongs.length === 0) {
        problems.push({
          file: `content/labs/${id}`,
          message:
            'has no known-wrong solution: add wrong/<what-is-wrong>/ with the files of a plausible mistake (a hard-coded answer, a missing validation…); check:content makes sure the checks catch it',
        })
      }
      entry.wrong = []
      for (const w of wrongs) {
        const file = `content/labs/${id}/wrong/${w.name}`
        if (!LAB_ID_RE.test(w.name)) {
          problems.push({
            file,
            message: 'the folder name must say what is wrong, in lowercase words joined by dashes',
          })
        }
        if (w.own === 0) {
          problems.push({
            file,
            message: 'is empty: put the files of the wrong solution in it (same layout as solution/)',
          })
          continue
        }
        if (!handlerFile(lab.function.Handler, w.files)) {
          problems.push({ file, message: `has no file for the handler "${lab.function.Handler}"` })
          continue
        }
        const out = await runLabChecks(lab, w.files, lambda)
        entry.wrong.push({ name: w.name, run: out })
        const caught = out.results.filter((r) => !r.pass)
        log(
          `    ${'wrong'.padEnd(9)} ${w.name}: ${
            caught.length
              ? `caught by ${caught.map((r) => `"${r.name}"`).join(', ')}`
              : 'NOT CAUGHT: it passes every check'
          }`,
        )
        if (caught.length === 0) {
          problems.push({
            file,
            message:
              'passes every check, but it is a known-wrong solution: add or tighten a check so that it fails (a check a wrong solution passes teaches the wrong thing)',
          })
        }
      }
      const wrongMs = entry.wrong.reduce((sum, w) => sum + w.run.wallMs, 0)
      log(`    ${' '.repeat(9)} (${fmtMs((entry.solution?.wallMs ?? 0) + (entry.starter?.wallMs ?? 0) + wrongMs)})`)
    }
  } finally {
    own?.dispose()
  }
  return { problems, notes, labs, wallMs: Math.round(performance.now() - t0) }
}

export function summariseLabs(result: CheckLabsResult): string {
  const n = result.labs.length
  const checks = result.labs.reduce((sum, l) => sum + (l.solution?.results.length ?? 0), 0)
  const wrong = result.labs.reduce((sum, l) => sum + (l.wrong?.length ?? 0), 0)
  return `${n} lab${n === 1 ? '' : 's'}, ${checks} checks, solution, starter and ${wrong} known-wrong solution${wrong === 1 ? '' : 's'} run in ${fmtMs(result.wallMs)}`
}

async function main() {
  const args = process.argv.slice(2)
  const i = args.indexOf('--root')
  const root =
    i >= 0 && args[i + 1] ? path.resolve(args[i + 1]) : path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
  console.log('check-labs:')
  const result = await checkLabs({ root, log: (l) => console.log(l) })
  for (const note of result.notes) console.log(`note: ${note}`)
  if (result.problems.length) {
    for (const p of result.problems) console.error(`${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`)
    console.error(`\ncheck-labs: ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'} found.`)
    process.exit(1)
  }
  console.log(`check-labs: ${summariseLabs(result)}: OK.`)
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main()
}
