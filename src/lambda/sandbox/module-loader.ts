// QuickJS's ES module loader for one sandbox: resolves specifiers the way Node does over the
// function's files (/var/task), `node_modules` packages and the built-in modules, and gives
// QuickJS each module's source. CommonJS files and built-ins are wrapped as ES modules whose
// named exports are their actual keys (asked of the in-sandbox runtime).
import type { QuickJSContext, QuickJSHandle } from 'quickjs-emscripten-core'
import { BUILTIN_MODULES } from '../runtime/node-runtime.ts'
import { CAUGHT_MODULE, INTERNAL_MODULE, escapeNul } from './host-bridge.ts'
import { transformCatches, type CatchTransform } from './catch-transform.ts'
import { dirname, normalizePath } from './paths.ts'
import { SDK_ROOT, sdkEntryPath } from '../sdk/packages.ts'

const RESERVED = new Set(
  'break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package private protected public await arguments eval'.split(
    ' ',
  ),
)
const IDENT = /^[A-Za-z_$][\w$]*$/
const BUILTINS = new Set<string>(BUILTIN_MODULES)

/**
 * An ES module whose default export is `value` (an expression over the private module's
 * `builtin` / `cjsGet`) and whose named exports are `keys`. The local names are chosen so that
 * no export name can clash with them.
 */
function wrapper(fn: 'builtin' | 'cjsGet', arg: string, keys: string[]): string {
  const names = keys.filter((k) => IDENT.test(k) && !RESERVED.has(k))
  const taken = new Set(names)
  let m = 'm'
  while (taken.has(m) || taken.has(`${m}_f`)) m += '_'
  const exportsLine = names.length ? `export const { ${names.join(', ')} } = ${m};` : ''
  return `import { ${fn} as ${m}_f } from '${INTERNAL_MODULE}'; const ${m} = ${m}_f(${JSON.stringify(arg)}); export default ${m}; ${exportsLine}`
}

/** The in-sandbox runtime's functions the loader calls (see runtime/bootstrap/main.js). */
export interface LoaderCalls {
  /** Export names of a CommonJS file (runs it). */
  cjsKeys: QuickJSHandle
  /** Export names of a built-in module (loads it). */
  builtinKeys: QuickJSHandle
  /** A module-not-found Error from `{ message, code }` JSON. */
  moduleError: QuickJSHandle
}

export class ModuleLoader {
  private files = new Map<string, string>()
  /** Packages the runtime provides (the AWS SDK loaded for the function): name → entry path. */
  private provided = new Map<string, string>()
  private readonly pkgType = new Map<string, boolean>()
  /** Names of the wrapper modules this loader generated: the only importers of the private module. */
  private readonly wrappers = new Set<string>()
  /** Set once the runtime is installed in the context. */
  calls: LoaderCalls | undefined
  /** The function's files whose catch clauses are rewritten (catch-transform.ts), by path. */
  private rewrites = new Map<string, CatchTransform>()
  /** ES modules given to QuickJS rewritten: the only importers of CAUGHT_MODULE besides its own. */
  private readonly rewrittenModules = new Set<string>()

  constructor(private readonly context: QuickJSContext) {}

  /** The function's files, paths relative to /var/task; the packages the runtime provides. */
  setFiles(files: Record<string, string>, provided: readonly string[] = []): void {
    this.files = new Map(Object.entries(files).map(([k, v]) => ['/var/task/' + k.replace(/^\/+/, ''), v]))
    this.rewrites = new Map()
    for (const [path, src] of this.files) {
      if (!/\.[cm]?js$/.test(path)) continue
      const t = rewrite(src)
      if (t !== undefined) this.rewrites.set(path, t)
    }
    this.provided = new Map(
      provided.flatMap((p) => [
        [p, sdkEntryPath(p)],
        [`${p}/package.json`, `${SDK_ROOT}/${p}/package.json`],
      ]),
    )
  }

  private isEsm(path: string): boolean {
    if (path.endsWith('.mjs')) return true
    if (path.endsWith('.cjs') || path.endsWith('.json')) return false
    if (path.endsWith('.js')) return this.typeModule(dirname(path))
    return false
  }

  private typeModule(dir: string): boolean {
    const cached = this.pkgType.get(dir)
    if (cached !== undefined) return cached
    let r = false
    if (!dir.endsWith('/node_modules')) {
      const pj = (dir === '/' ? '' : dir) + '/package.json'
      const src = this.files.get(pj)
      if (src !== undefined) {
        try {
          r = (JSON.parse(src) as { type?: string })?.type === 'module'
        } catch {
          r = false
        }
      } else if (dir !== '/') r = this.typeModule(dirname(dir))
    }
    this.pkgType.set(dir, r)
    return r
  }

  private missing(message: string, code: string): string {
    return 'lf-missing:' + JSON.stringify({ message, code })
  }

  private moduleError(json: string): { error: QuickJSHandle } {
    const ctx = this.context
    const a = ctx.newString(json)
    const r = ctx.callFunction(this.calls!.moduleError, ctx.undefined, a)
    a.dispose()
    if (r.error) return { error: r.error }
    return { error: r.value }
  }

  /** For the runtime: the rewritten files (relative paths) and where text was inserted in them. */
  rewritten(): {
    rewritten: Record<string, { code: string; name: string }>
    shifts: Record<string, { name: string; list: [number, number, number][] }>
  } {
    const rewritten: Record<string, { code: string; name: string }> = {}
    const shifts: Record<string, { name: string; list: [number, number, number][] }> = {}
    for (const [path, t] of this.rewrites) {
      const rel = path.slice('/var/task/'.length)
      rewritten[rel] = { code: t.code, name: t.name }
      shifts[rel] = { name: t.name, list: t.shifts }
    }
    return { rewritten, shifts }
  }

  /** QuickJS's normalize hook: the module name for `req` imported from `base`. */
  normalize(base: string, req: string): string {
    if (req === INTERNAL_MODULE && (this.wrappers.has(base) || base === CAUGHT_MODULE)) return INTERNAL_MODULE
    if (req === CAUGHT_MODULE && this.rewrittenModules.has(base)) return CAUGHT_MODULE
    const bare = req.startsWith('node:') ? req.slice(5) : req
    if (
      req.startsWith('node:') ||
      (!req.startsWith('.') && !req.startsWith('/') && !req.startsWith('file:') && BUILTINS.has(bare))
    ) {
      if (BUILTINS.has(bare)) return 'node:' + bare
      return this.missing(`No such built-in module: ${req}`, 'ERR_UNKNOWN_BUILTIN_MODULE')
    }
    const basePath = base.startsWith('file://') ? base.slice(7) : base
    const importer = basePath.startsWith('/') ? basePath : '/var/task/index.mjs'
    let target: string
    if (req.startsWith('file://')) target = normalizePath(req.slice(7))
    else if (req.startsWith('/')) target = normalizePath(req)
    else if (req.startsWith('./') || req.startsWith('../') || req === '.' || req === '..')
      target = normalizePath(dirname(importer) + '/' + req)
    else {
      const found = this.findPackage(req, dirname(importer))
      if (found) return 'file://' + found
      // Not in the function's node_modules: the runtime's own copy (the AWS SDK, as on Lambda).
      const provided = this.provided.get(req)
      if (provided !== undefined) return 'file://' + provided
      return this.missing(`Cannot find package '${req}' imported from ${importer}`, 'ERR_MODULE_NOT_FOUND')
    }
    if (this.files.has(target)) return 'file://' + target
    return this.missing(`Cannot find module '${target}' imported from ${importer}`, 'ERR_MODULE_NOT_FOUND')
  }

  private findPackage(req: string, fromDir: string): string | undefined {
    let dir = fromDir
    for (;;) {
      if (!dir.endsWith('/node_modules')) {
        const root = normalizePath(`${dir}/node_modules/${req}`)
        if (this.files.has(root)) return root
        const pj = this.files.get(root + '/package.json')
        if (pj !== undefined) {
          try {
            const pkg = JSON.parse(pj) as { exports?: unknown; module?: string; main?: string }
            let entry: string | undefined
            const ex = pkg.exports
            if (typeof ex === 'string') entry = ex
            else if (ex && typeof ex === 'object') {
              const dot = (ex as Record<string, unknown>)['.'] ?? ex
              if (typeof dot === 'string') entry = dot
              else if (dot && typeof dot === 'object') {
                const d = dot as Record<string, unknown>
                const pick = d.import ?? d.node ?? d.default ?? d.require
                if (typeof pick === 'string') entry = pick
              }
            }
            entry ??= pkg.module ?? pkg.main
            if (entry) {
              const p = normalizePath(root + '/' + entry)
              if (this.files.has(p)) return p
            }
          } catch {
            /* fall through */
          }
        }
        if (this.files.has(root + '/index.js')) return root + '/index.js'
        if (this.files.has(root + '.js')) return root + '.js'
      }
      if (dir === '/') return undefined
      dir = dirname(dir)
    }
  }

  /** QuickJS's load hook: the source of a normalized module name. */
  load(name: string): string | { error: QuickJSHandle } {
    if (name.startsWith('lf-missing:')) return this.moduleError(name.slice(11))
    if (name === CAUGHT_MODULE) return `export { caught } from '${INTERNAL_MODULE}'`
    const calls = this.calls!
    if (name.startsWith('node:')) {
      const key = name.slice(5)
      const keys = this.reenter(calls.builtinKeys, key)
      this.wrappers.add(name)
      return wrapper('builtin', key, keys)
    }
    const path = name.startsWith('file://') ? name.slice(7) : name
    if (path.startsWith(SDK_ROOT + '/') && !this.files.has(path)) {
      // A provided package is CommonJS to the runtime's require(): wrapped like any CJS file.
      let keys: string[]
      try {
        keys = this.reenter(calls.cjsKeys, path)
      } catch {
        keys = [] // cjsGet throws the load's error again, where the import is
      }
      this.wrappers.add(name)
      return wrapper(
        'cjsGet',
        path,
        keys.filter((k) => k !== 'default'),
      )
    }
    const src = this.files.get(path)
    if (src === undefined)
      return this.moduleError(JSON.stringify({ message: `Cannot find module '${path}'`, code: 'ERR_MODULE_NOT_FOUND' }))
    if (path.endsWith('.json')) {
      return `export default JSON.parse(${JSON.stringify(src)});`
    }
    if (this.isEsm(path)) {
      const t = this.rewrites.get(path)
      if (t === undefined) return escapeNul(src)
      // The import goes after the last line: hoisted, and no line of the learner's moves.
      this.rewrittenModules.add(name)
      return escapeNul(t.code) + `\n;import { caught as ${t.name} } from '${CAUGHT_MODULE}'`
    }
    let keys: string[]
    try {
      keys = this.reenter(calls.cjsKeys, path)
    } catch {
      keys = []
    }
    this.wrappers.add(name)
    return wrapper(
      'cjsGet',
      path,
      keys.filter((k) => k !== 'default'),
    )
  }

  /** Call into the sandbox from inside a host callback (module loading). */
  private reenter(fn: QuickJSHandle, arg: string): string[] {
    const ctx = this.context
    const a = ctx.newString(arg)
    const r = ctx.callFunction(fn, ctx.undefined, a)
    a.dispose()
    if (r.error) {
      r.error.dispose()
      throw new Error('reenter failed')
    }
    const s = ctx.getString(r.value)
    r.value.dispose()
    return JSON.parse(s) as string[]
  }
}

// Rewrites are kept per source text: an environment's files come back at each cold start.
const REWRITE_CACHE = new Map<string, CatchTransform | null>()
function rewrite(src: string): CatchTransform | undefined {
  const hit = REWRITE_CACHE.get(src)
  if (hit !== undefined) return hit ?? undefined
  const t = transformCatches(src)
  if (REWRITE_CACHE.size >= 256) REWRITE_CACHE.delete(REWRITE_CACHE.keys().next().value as string)
  REWRITE_CACHE.set(src, t ?? null)
  return t
}
