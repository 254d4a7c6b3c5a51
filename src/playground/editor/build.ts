/**
 * The playground's "build" step, like `sam build` for a Node.js function: TypeScript files are
 * transpiled to ES modules by a library (sucrase), everything else is copied. Pure: no DOM, no
 * Monaco; runs the same in Node (tests, content checks) and in the browser, where the two
 * libraries it needs are loaded only when a TypeScript file is present.
 *
 * What it does:
 * - `x.ts` and `x.mts` become `x.mjs` (an ES module, as Node treats `.mjs`); declaration files
 *   (`.d.ts`) produce nothing. Types, `import type`, enums, `satisfies`, parameter properties…
 *   are handled by sucrase, which keeps every line on its line: an error at `index.mjs:7` is at
 *   `index.ts:7` (see `sourcePathFor`).
 * - Relative imports are rewritten to the built files: in a TypeScript file, any specifier that
 *   resolves to a file of the function the way a bundler resolves it (`./x.ts`, `./x.js` for
 *   `x.ts`, `./x` for `x.ts` / `x.mjs` / `x/index.ts` …) becomes its built path (`./x.mjs`); in a
 *   JavaScript file only specifiers naming a TypeScript file (`./x.ts`) change. Other files are
 *   copied byte for byte.
 * - No type checking (like esbuild in `sam build`): the editor shows type errors as you type.
 *
 * Not supported (reported as build errors, not silently dropped): namespaces that hold values
 * (sucrase removes every namespace), `export =` and `import x = require()` (CommonJS-only syntax;
 * the build makes ES modules).
 */
import { builtPathOf, extensionOf, isDeclarationFile, isTypeScriptFile } from './files.ts'

export interface BuildError {
  file: string
  /** 1-based. */
  line: number
  /** 1-based. */
  column: number
  message: string
}

export type BuildResult =
  { ok: true; files: Record<string, string>; log: string[] } | { ok: false; errors: BuildError[]; log: string[] }

export interface BuildOptions {
  /** Shown in the log, like `sam build` names the functions it builds. */
  functionName?: string
  /** Shown in the log. Default `nodejs24.x` (the console's default). */
  runtime?: string
}

type Sucrase = typeof import('sucrase')
type Lexer = typeof import('es-module-lexer')

let sucrasePromise: Promise<Sucrase> | null = null
let lexerPromise: Promise<Lexer> | null = null

function loadSucrase(): Promise<Sucrase> {
  sucrasePromise ??= import('sucrase').catch((err) => {
    sucrasePromise = null
    throw err
  })
  return sucrasePromise
}

function loadLexer(): Promise<Lexer> {
  lexerPromise ??= import('es-module-lexer')
    .then(async (m) => {
      await m.init
      return m
    })
    .catch((err) => {
      lexerPromise = null
      throw err
    })
  return lexerPromise
}

/** Starts loading the transpiler early (e.g. when a TypeScript file is opened). */
export function preloadBuild(): Promise<void> {
  return Promise.all([loadSucrase(), loadLexer()]).then(() => undefined)
}

/**
 * The source file a built file came from: `index.mjs` → `index.ts` when the function has
 * `index.ts` (and no `index.mjs` of its own). Lines match one to one.
 */
export function sourcePathFor(builtPath: string, sourceFiles: Record<string, string> | readonly string[]): string {
  const paths = Array.isArray(sourceFiles) ? sourceFiles : Object.keys(sourceFiles)
  if (paths.includes(builtPath)) return builtPath
  return paths.find((p) => builtPathOf(p) === builtPath) ?? builtPath
}

export async function buildFunction(files: Record<string, string>, options: BuildOptions = {}): Promise<BuildResult> {
  const log: string[] = []
  const errors: BuildError[] = []
  const fail = (): BuildResult => {
    log.push('', 'Build Failed')
    for (const e of errors) log.push(`Error: ${e.file ? `${e.file}:${e.line}:${e.column}: ` : ''}${e.message}`)
    return { ok: false, errors, log }
  }

  log.push('Starting Build')
  if (files === null || typeof files !== 'object' || Array.isArray(files)) {
    errors.push({ file: '', line: 1, column: 1, message: 'Expected the function’s files as an object of path → text.' })
    return fail()
  }
  const paths = Object.keys(files)
  const runtime = options.runtime ?? 'nodejs24.x'
  log.push(
    `Building codeuri: . runtime: ${runtime} metadata: {'BuildMethod': 'sucrase'}${options.functionName ? ` functions: ${options.functionName}` : ''}`,
  )
  if (paths.length === 0) {
    errors.push({ file: '', line: 1, column: 1, message: 'The function has no files.' })
    return fail()
  }
  for (const p of paths) {
    if (typeof files[p] !== 'string') {
      errors.push({ file: p, line: 1, column: 1, message: `The content of ${p} is not text.` })
    } else if (p === '' || p.startsWith('/') || p.split('/').some((s) => s === '..' || s === '.' || s === '')) {
      errors.push({ file: p, line: 1, column: 1, message: `“${p}” is not a path inside the function’s folder.` })
    }
  }
  if (errors.length) return fail()

  // Two sources that would build to the same file.
  const producers = new Map<string, string>()
  for (const p of paths) {
    const out = builtPathOf(p)
    if (out === null) continue
    const other = producers.get(out)
    if (other !== undefined) {
      const [ts, plain] = isTypeScriptFile(p) ? [p, other] : [other, p]
      errors.push({
        file: ts,
        line: 1,
        column: 1,
        message:
          ts === plain || isTypeScriptFile(plain)
            ? `${other} and ${p} both build to ${out}. Rename one of them.`
            : `${ts} builds to ${out}, but ${plain} already has that name. Rename one of them.`,
      })
    } else {
      producers.set(out, p)
    }
  }
  if (errors.length) return fail()

  const tsPaths = paths.filter((p) => isTypeScriptFile(p) && !isDeclarationFile(p))
  const out: Record<string, string> = {}
  log.push(` Running CopySource: ${paths.length} file${paths.length === 1 ? '' : 's'}`)

  if (tsPaths.length === 0) {
    for (const p of paths) if (builtPathOf(p) !== null) out[p] = files[p]
    return succeed(out, log)
  }

  let sucrase: Sucrase
  let lexer: Lexer
  try {
    ;[sucrase, lexer] = await Promise.all([loadSucrase(), loadLexer()])
  } catch (err) {
    errors.push({
      file: '',
      line: 1,
      column: 1,
      message: `The TypeScript transpiler could not be loaded (${(err as Error)?.message ?? err}). Check the connection and try again.`,
    })
    return fail()
  }
  const version = sucrase.getVersion()

  const fileSet = new Set(paths)
  for (const p of paths) {
    const target = builtPathOf(p)
    if (target === null) continue // .d.ts: types only
    const source = files[p]
    if (!isTypeScriptFile(p)) {
      out[target] = rewriteImports(p, source, 'javascript', fileSet, lexer, log)
      continue
    }
    log.push(` Running TypeScript transpile (sucrase ${version}): ${p} -> ${target}`)
    let code: string
    try {
      code = sucrase.transform(source, { transforms: ['typescript'], disableESTransforms: true }).code
    } catch (err) {
      const e = err as { message?: string; pos?: number }
      const pos = typeof e.pos === 'number' ? e.pos : 0
      const { line, column } = lineColumn(source, pos)
      const message = String(e.message ?? err)
        .replace(/^Error transforming [^:]*: /, '')
        .replace(/ \(\d+:\d+\)$/, '')
      errors.push({ file: p, line, column, message })
      log.push(...codeFrame(p, source, line, column))
      continue
    }
    const unsupported = findUnsupported(source)
    if (unsupported.length) {
      for (const u of unsupported) {
        errors.push({ file: p, ...u })
        log.push(...codeFrame(p, source, u.line, u.column))
      }
      continue
    }
    out[target] = rewriteImports(p, code, 'typescript', fileSet, lexer, log)
  }
  if (errors.length) return fail()
  return succeed(out, log)
}

function succeed(files: Record<string, string>, log: string[]): BuildResult {
  log.push('', 'Build Succeeded', '', `Built Artifacts  : ${Object.keys(files).join(', ')}`)
  return { ok: true, files, log }
}

function lineColumn(text: string, pos: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(pos, text.length)))
  const lines = before.split('\n')
  return { line: lines.length, column: lines[lines.length - 1].length + 1 }
}

/** A code frame like esbuild prints under an error. */
function codeFrame(file: string, source: string, line: number, column: number): string[] {
  const text = (source.split('\n')[line - 1] ?? '').replace(/\r$/, '')
  const gutter = String(line)
  return [
    `    ${file}:${line}:${column}:`,
    `      ${gutter} | ${text}`,
    `      ${' '.repeat(gutter.length)} | ${' '.repeat(Math.max(0, column - 1))}^`,
  ]
}

/**
 * TypeScript syntax that sucrase does not turn into working ES modules. Checked line by line on
 * the source (a declaration at the start of a line), which is how such code is written.
 */
function findUnsupported(source: string): Omit<BuildError, 'file'>[] {
  const found: Omit<BuildError, 'file'>[] = []
  const lines = source.split('\n')
  const NS = /^(\s*)(?:export\s+)?(?:namespace|module)\s+[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*\s*\{/
  const EXPORT_EQ = /^(\s*)export\s*=(?!=)/
  const IMPORT_REQ = /^(\s*)(?:export\s+)?import\s+[A-Za-z_$][\w$]*\s*=\s*require\s*\(/
  let offset = 0
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]
    let m: RegExpExecArray | null
    if ((m = NS.exec(l)) && namespaceHasValues(source, offset + m[0].length - 1)) {
      found.push({
        line: i + 1,
        column: m[1].length + 1,
        message:
          'Namespaces that hold values are not supported by this build (sucrase leaves every namespace out). Export the values from the module, or use a plain object.',
      })
    } else if ((m = EXPORT_EQ.exec(l))) {
      found.push({
        line: i + 1,
        column: m[1].length + 1,
        message:
          '“export =” is CommonJS-only TypeScript, and the build makes ES modules: use “export default …” or named exports.',
      })
    } else if ((m = IMPORT_REQ.exec(l))) {
      found.push({
        line: i + 1,
        column: m[1].length + 1,
        message:
          '“import … = require()” is CommonJS-only TypeScript, and the build makes ES modules: use “import … from …”.',
      })
    }
    offset += l.length + 1
  }
  return found
}

/** Whether the block opened at `open` declares anything at run time (not only types). */
function namespaceHasValues(source: string, open: number): boolean {
  let depth = 0
  let end = source.length
  for (let i = open; i < source.length; i++) {
    const c = source[i]
    if (c === '{') depth++
    else if (c === '}' && --depth === 0) {
      end = i
      break
    }
  }
  const body = source
    .slice(open + 1, end)
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '')
    .replace(/(^|[;{}\s])(?:export\s+)?declare\s[^;\n]*/gm, '$1')
  // A value declaration keyword, not a property named like one (`class: string`).
  return /(^|[;{}\s])(?:export\s+)?(?:const|let|var|function|class|enum)\b(?!\s*[?:,;)])/m.test(body)
}

/** Normalised path of `spec` relative to the file `from`, or null when it leaves the folder. */
function resolveRelative(from: string, spec: string): string | null {
  const parts = from.split('/').slice(0, -1)
  for (const seg of spec.split('/')) {
    if (seg === '' || seg === '.') continue
    if (seg === '..') {
      if (parts.length === 0) return null
      parts.pop()
    } else parts.push(seg)
  }
  return parts.join('/')
}

/** The relative specifier from file `from` to file `to` (`./x.mjs`, `../lib/y.mjs`). */
function relativeSpecifier(from: string, to: string): string {
  const a = from.split('/').slice(0, -1)
  const b = to.split('/')
  let i = 0
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++
  const up = a.length - i
  const rest = b.slice(i).join('/')
  return up === 0 ? `./${rest}` : `${'../'.repeat(up)}${rest}`
}

const SCRIPT_EXTENSIONS = ['.js', '.mjs', '.cjs', '.ts', '.mts', '.json']

/**
 * Which file of the function a relative specifier means. TypeScript files resolve like a
 * bundler (the editor's TypeScript settings use `moduleResolution: bundler`); JavaScript files
 * only ever name a TypeScript file exactly (anything else is left to the runtime, like Node).
 */
function resolveInFunction(
  from: string,
  spec: string,
  files: Set<string>,
  style: 'typescript' | 'javascript',
): string | null {
  const target = resolveRelative(from, spec)
  if (target === null || target === '') return null
  if (files.has(target)) {
    if (style === 'typescript') return target
    return isTypeScriptFile(target) && !isDeclarationFile(target) ? target : null
  }
  if (style === 'javascript') return null
  const ext = extensionOf(target)
  const stem = target.slice(0, target.length - ext.length)
  const candidates: string[] = []
  if (ext === '.js') candidates.push(`${stem}.ts`)
  else if (ext === '.mjs') candidates.push(`${stem}.mts`, `${stem}.ts`)
  else if (!SCRIPT_EXTENSIONS.includes(ext)) {
    for (const e of ['.ts', '.mts', '.mjs', '.js', '.cjs', '.json']) candidates.push(`${target}${e}`)
    for (const e of ['.ts', '.mts', '.mjs', '.js']) candidates.push(`${target}/index${e}`)
  }
  return candidates.find((c) => files.has(c) && !isDeclarationFile(c)) ?? null
}

function rewriteImports(
  path: string,
  code: string,
  style: 'typescript' | 'javascript',
  files: Set<string>,
  lexer: Lexer,
  log: string[],
): string {
  let imports: ReturnType<Lexer['parse']>[0]
  try {
    imports = lexer.parse(code, path)[0]
  } catch {
    // Not parseable as a module: leave it as it is; the runtime reports the syntax error.
    return code
  }
  const self = builtPathOf(path) ?? path
  const edits: { s: number; e: number; text: string }[] = []
  for (const imp of imports) {
    const spec = imp.n
    if (spec === undefined || imp.d === -2 || !(spec.startsWith('./') || spec.startsWith('../'))) continue
    const resolved = resolveInFunction(path, spec, files, style)
    if (resolved === null) continue
    const built = builtPathOf(resolved)
    if (built === null) continue
    const next = relativeSpecifier(self, built)
    if (next === spec) continue
    const dynamic = imp.d >= 0
    const quote = dynamic ? code[imp.s] : ''
    edits.push({ s: imp.s, e: imp.e, text: dynamic ? `${quote}${next}${quote}` : next })
    log.push(` Rewrote import '${spec}' -> '${next}' in ${self}`)
  }
  if (edits.length === 0) return code
  let result = ''
  let last = 0
  for (const ed of edits.sort((x, y) => x.s - y.s)) {
    result += code.slice(last, ed.s) + ed.text
    last = ed.e
  }
  return result + code.slice(last)
}
