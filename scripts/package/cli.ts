/**
 * `npm run package`: LMS packages of the course, from the built site (dist/), into packages/.
 *
 *   npm run package                              the whole course, in SCORM 1.2, SCORM 2004 and cmi5
 *   npm run package -- --lesson <slug>           one lesson (its text, checks and lab)
 *   npm run package -- --lab <id>                one lab
 *   npm run package -- --check <id>              one knowledge check
 *   npm run package -- --config pack.yaml        a custom pack (JSON or YAML; docs/instructors.md)
 *
 * Options: --format scorm12|scorm2004|cmi5|all, --mastery <0..1|none>, --title <text>,
 * --out <dir> (default packages/), --dist <dir> (default dist/), --build (build first even if
 * dist/ exists; without dist/ it always builds). Docs: docs/instructors.md.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse as parseYaml } from 'yaml'
import { checkPackConfig, PACK_FORMATS, type Catalog, type PackFormat } from '../../src/lms/pack.ts'
import { PASS_MARK } from '../../src/quiz/assessment.ts'
import { buildPackage, type BuiltPackage } from './build.ts'
import { readCatalog } from './catalog.ts'

const MAX_CONFIG_BYTES = 1_000_000

export class PackageError extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'))
    this.name = 'PackageError'
  }
}

export interface PackageRequest {
  root: string
  dist?: string
  out?: string
  /** A pack config (already parsed), or a shortcut. */
  config?: unknown
  lesson?: string
  lab?: string
  check?: string
  formats?: PackFormat[]
  /** Overrides the pack's mastery score (null: none). */
  mastery?: number | null
  title?: string
  /** Where the config came from, to prefix its errors. */
  source?: string
}

function shortcutConfig(r: PackageRequest, catalog: Catalog): Record<string, unknown> {
  if (r.lesson !== undefined) {
    const l = catalog.lessons.find((x) => x.slug === r.lesson)
    return { id: r.lesson, title: l?.title ?? r.lesson, items: [{ lesson: r.lesson }], masteryScore: PASS_MARK }
  }
  if (r.lab !== undefined) {
    const l = catalog.labs.find((x) => x.id === r.lab)
    return { id: r.lab, title: l ? `Lab: ${l.title}` : r.lab, items: [{ lab: r.lab }], masteryScore: PASS_MARK }
  }
  if (r.check !== undefined)
    return { id: r.check, title: 'Knowledge check', items: [{ check: r.check }], masteryScore: PASS_MARK }
  return {
    id: 'lambda-foundations',
    title: 'Lambda Foundations',
    description:
      'An interactive course on AWS Lambda that runs in the browser: lessons, knowledge checks and hands-on labs in a simulated Lambda environment.',
    items: catalog.lessons.map((l) => ({ lesson: l.slug })),
    masteryScore: PASS_MARK,
  }
}

/** Checks the request and builds its packages. Throws a PackageError naming every problem. */
export async function makePackages(r: PackageRequest): Promise<BuiltPackage[]> {
  const catalog = await readCatalog(r.root)
  const raw = r.config !== undefined ? r.config : shortcutConfig(r, catalog)
  const config = { ...(raw as Record<string, unknown>) }
  if (r.mastery !== undefined && typeof raw === 'object' && raw !== null) {
    if (r.mastery === null) delete config.masteryScore
    else config.masteryScore = r.mastery
  }
  if (r.title !== undefined) config.title = r.title
  if (r.formats) config.format = r.formats
  const checked = checkPackConfig(typeof raw === 'object' && raw !== null ? config : raw, catalog)
  if (!checked.ok) {
    const where = r.source ?? (r.lesson ? '--lesson' : r.lab ? '--lab' : r.check ? '--check' : 'the course pack')
    throw new PackageError(checked.errors.map((e) => `${where}: ${e}`))
  }
  const dist = r.dist ?? path.join(r.root, 'dist')
  const out = r.out ?? path.join(r.root, 'packages')
  return checked.formats.map((f) => buildPackage(dist, out, checked.pack, f))
}

/** Reads a pack config file (JSON or YAML); errors name the file and, for syntax, the line. */
export function readConfigFile(file: string): unknown {
  if (!existsSync(file)) throw new PackageError([`${file}: no such file`])
  if (statSync(file).size > MAX_CONFIG_BYTES)
    throw new PackageError([`${file}: larger than 1 MB; a pack config is a short list of items`])
  const text = readFileSync(file, 'utf8')
  try {
    return /\.json$/i.test(file) ? JSON.parse(text) : parseYaml(text, { maxAliasCount: 50 })
  } catch (e) {
    const err = e as Error & { linePos?: { line: number; col: number }[] }
    const at = err.linePos?.[0] ? `:${err.linePos[0].line}:${err.linePos[0].col}` : ''
    throw new PackageError([
      `${file}${at}: not valid ${/\.json$/i.test(file) ? 'JSON' : 'YAML'}: ${err.message.split('\n')[0]}`,
    ])
  }
}

const USAGE = `Usage: npm run package [-- options]
  (no options)          the whole course, in every format
  --lesson <slug>       one lesson (its text, knowledge checks and lab)
  --lab <id>            one lab
  --check <id>          one knowledge check
  --config <file>       a custom pack (JSON or YAML; see docs/instructors.md)
  --format <f>          scorm12, scorm2004, cmi5 or all (default: the config's, else all)
  --mastery <n|none>    the share of points needed to pass, 0..1 (default ${PASS_MARK} for the shortcuts)
  --title <text>        the title the LMS shows
  --out <dir>           where the zips go (default packages/)
  --dist <dir>          the built site to package (default dist/)
  --build               build the site first (it is built anyway when dist/ is missing)`

export function parseArgs(argv: string[]): PackageRequest & { build: boolean; help: boolean; configFile?: string } {
  const r: PackageRequest & { build: boolean; help: boolean; configFile?: string } = {
    root: '',
    build: false,
    help: false,
  }
  const value = (i: number, flag: string) => {
    const v = argv[i + 1]
    if (v === undefined || v.startsWith('--')) throw new PackageError([`${flag} needs a value`, '', USAGE])
    return v
  }
  let chosen = 0
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--help' || a === '-h') r.help = true
    else if (a === '--build') r.build = true
    else if (a === '--lesson') {
      r.lesson = value(i++, a)
      chosen++
    } else if (a === '--lab') {
      r.lab = value(i++, a)
      chosen++
    } else if (a === '--check') {
      r.check = value(i++, a)
      chosen++
    } else if (a === '--config') {
      r.configFile = value(i++, a)
      chosen++
    } else if (a === '--title') r.title = value(i++, a)
    else if (a === '--out') r.out = path.resolve(value(i++, a))
    else if (a === '--dist') r.dist = path.resolve(value(i++, a))
    else if (a === '--format') {
      const f = value(i++, a)
      if (f === 'all') r.formats = [...PACK_FORMATS]
      else if ((PACK_FORMATS as readonly string[]).includes(f))
        r.formats = [...new Set([...(r.formats ?? []), f as PackFormat])]
      else throw new PackageError([`--format: "${f}" is not one of ${PACK_FORMATS.join(', ')} or all`])
    } else if (a === '--mastery') {
      const v = value(i++, a)
      const n = Number(v)
      if (v === 'none') r.mastery = null
      else if (v.trim() !== '' && Number.isFinite(n) && n >= 0 && n <= 1) r.mastery = n
      else throw new PackageError([`--mastery: "${v}" is not a number between 0 and 1 (or none)`])
    } else throw new PackageError([`unknown option ${a}`, '', USAGE])
  }
  if (chosen > 1) throw new PackageError(['choose one of --lesson, --lab, --check and --config'])
  return r
}

function size(bytes: number): string {
  return bytes > 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.round(bytes / 1e3)} kB`
}

async function main() {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
  try {
    const req = parseArgs(process.argv.slice(2))
    if (req.help) {
      console.log(USAGE)
      return
    }
    req.root = root
    if (req.configFile) {
      req.config = readConfigFile(path.resolve(req.configFile))
      req.source = req.configFile
    }
    const dist = req.dist ?? path.join(root, 'dist')
    if (req.build || !existsSync(path.join(dist, 'index.html'))) {
      if (req.dist) throw new PackageError([`${dist} has no index.html; build it first`])
      console.log('package: building the course first (npm run build)…')
      const b = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' })
      if (b.status !== 0) throw new PackageError(['package: the build failed'])
    }
    const built = await makePackages(req)
    for (const p of built)
      console.log(`package: ${path.relative(process.cwd(), p.file)} (${size(p.bytes)}, ${p.files} files)`)
  } catch (e) {
    if (e instanceof PackageError) {
      for (const line of e.lines) console.error(line)
      process.exit(1)
    }
    throw e
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main()
}
