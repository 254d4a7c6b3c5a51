// The host functions the in-sandbox runtime and prelude are given at bootstrap (`__lf_host`),
// and how a blank context is sealed before any user code runs: the bootstrap and the prelude
// capture what they need, the ES module loader gets its private module, and every global name of
// ours is removed (learner code sees only what Node has).
import type { QuickJSContext, QuickJSHandle } from 'quickjs-emscripten-core'
import { hmac } from '@noble/hashes/hmac.js'
import { sha256 } from '@noble/hashes/sha2.js'
import { jsonDepth } from '../service/json-depth.ts'
import { PRELUDE_LAZY } from './prelude/generated.ts'

const utf8 = new TextEncoder()

/** What the host functions need from their sandbox. */
export interface HostSide {
  /** Virtual time now, counting the CPU spent in the current crossing. */
  preciseNow(): number
  /** Log lines flushed early (past 1 MB); true when the invoke's real-time budget is spent. */
  flushLogs(lines: string[], at: number): boolean
  /** Real ms that must not count as CPU time (loading a built-in module). */
  exclude(ms: number): void
  /** Bytes the QuickJS heap uses. */
  heapUsed(): number
  /** The code of a package the runtime provides (the AWS SDK: `sdk/…` keys, src/lambda/sdk), if loaded. */
  providedSource(key: string): { source: string; filename: string } | undefined
}

/** Name of the module through which the loader's wrapper modules reach the runtime (see module-loader.ts). */
export const INTERNAL_MODULE = 'lf:internal'
/** The module through which rewritten ES modules reach the runtime's `caught` (catch-transform.ts). */
export const CAUGHT_MODULE = 'lf:caught'

/** Define `__lf_host` in a fresh context (the bootstrap and the prelude capture it, then it is deleted). */
export function defineHost(ctx: QuickJSContext, side: HostSide): void {
  const host = ctx.newObject()
  const def = (
    name: string,
    fn: (...args: QuickJSHandle[]) => QuickJSHandle | undefined | { error: QuickJSHandle },
  ) => {
    const h = ctx.newFunction(name, fn as never)
    ctx.setProp(host, name, h)
    h.dispose()
  }
  def('now', () => ctx.newNumber(side.preciseNow()))
  def('compile', (fileH, srcH) => {
    const file = ctx.getString(fileH)
    const src = ctx.getString(srcH)
    const r = ctx.evalCode(src, file, { type: 'global' })
    if (r.error) return { error: r.error }
    return r.value
  })
  // require() of an ES module (nodejs24.x, or NODE_OPTIONS=--experimental-require-module): a
  // one-line module that imports it; QuickJS returns that module's namespace when the graph ran
  // synchronously, a promise when it awaits at top level (the runtime then throws
  // ERR_REQUIRE_ASYNC_MODULE).
  let requireSeq = 0
  // With `withDefault`, the module's own namespace plus `__esModule: true` (what Node returns for a
  // module with a default export), once the module has run.
  def('importSync', (urlH, withDefaultH) => {
    const url = JSON.stringify(ctx.getString(urlH))
    const src = ctx.dump(withDefaultH)
      ? `export * from ${url}; export { default } from ${url}; export const __esModule = true`
      : `import * as ns from ${url}; export { ns }`
    const r = ctx.evalCode(src, `lf:require/${++requireSeq}`, { type: 'module' })
    if (r.error) return { error: r.error }
    return r.value
  })
  def('flushLogs', (linesH, atH) => {
    const lines = JSON.parse(ctx.getString(linesH)) as string[]
    return side.flushLogs(lines, ctx.getNumber(atH)) ? ctx.true : ctx.undefined
  })
  def('loadBuiltin', (keyH) => {
    const key = ctx.getString(keyH)
    if (key.startsWith('sdk/')) {
      // The AWS SDK is not in Node's snapshot: loading it is Init work, billed as on Lambda.
      const provided = side.providedSource(key)
      if (provided === undefined) return ctx.undefined
      const r = ctx.evalCode(provided.source, provided.filename, { type: 'global' })
      if (r.error) return { error: r.error }
      return r.value
    }
    const src = PRELUDE_LAZY[key]
    if (src === undefined) return ctx.undefined
    // Node has its built-ins in the startup snapshot: loading ours costs no virtual time.
    const t0 = performance.now()
    const r = ctx.evalCode(src, `node:${key}`, { type: 'global' })
    side.exclude(performance.now() - t0)
    if (r.error) return { error: r.error }
    return r.value
  })
  def('randomBytes', (nH) => {
    const n = Math.max(0, Math.min(65536, ctx.getNumber(nH) | 0))
    const bytes = new Uint8Array(n)
    crypto.getRandomValues(bytes)
    let hex = ''
    for (let i = 0; i < n; i++) hex += (bytes[i] < 16 ? '0' : '') + bytes[i].toString(16)
    return ctx.newString(hex)
  })
  def('promiseState', (p) => {
    const state = ctx.getPromiseState(p)
    if (state.type === 'pending') {
      const arr = ctx.newArray()
      const z = ctx.newNumber(0)
      ctx.setProp(arr, 0, z)
      z.dispose()
      return arr
    }
    if (state.type === 'fulfilled' && state.notAPromise) return ctx.undefined
    const arr = ctx.newArray()
    const n = ctx.newNumber(state.type === 'fulfilled' ? 1 : 2)
    ctx.setProp(arr, 0, n)
    n.dispose()
    const v = state.type === 'fulfilled' ? state.value : state.error
    ctx.setProp(arr, 1, v)
    v.dispose()
    return arr
  })
  // How deeply a JSON text nests, counting no further than `stopAt` (JSON.parse in the prelude).
  def('jsonDepth', (textH, stopH) => ctx.newNumber(jsonDepth(ctx.getString(textH), ctx.getNumber(stopH))))
  def('memoryUsage', () => ctx.newNumber(side.heapUsed()))
  // SHA-256 (or HMAC-SHA256 with a key) of a string (UTF-8) or an ArrayBuffer, for the AWS SDK's
  // SigV4 signing (src/lambda/sdk/runtime/hash.js): the host's JIT does in microseconds what
  // QuickJS's interpreter takes a fraction of a millisecond for, per request. A pure function.
  def('sha256', (keyH, dataH) => {
    const bytes = (h: QuickJSHandle): Uint8Array => {
      if (ctx.typeof(h) === 'string') return utf8.encode(ctx.getString(h))
      const lt = ctx.getArrayBuffer(h)
      try {
        return lt.value.slice()
      } finally {
        lt.dispose()
      }
    }
    const data = bytes(dataH)
    const digest = ctx.typeof(keyH) === 'undefined' ? sha256(data) : hmac(sha256, bytes(keyH), data)
    return ctx.newArrayBuffer(digest.buffer)
  })
  ctx.defineProp(ctx.global, '__lf_host', { value: host, configurable: true, enumerable: false })
  host.dispose()
}

/**
 * After the bootstrap and the prelude ran (and the host took its handles on `__lf_rt`): evaluate
 * the loader's private module, which keeps the two functions the wrapper modules need, and
 * delete the last global names of ours. The module is found by name afterwards; only the
 * loader's own wrapper modules may import it.
 */
export const SEAL_SOURCE = `const rt = globalThis.__lf_rt
delete globalThis.__lf_rt
delete globalThis.__lf_host
export const builtin = rt.builtin
export const cjsGet = rt.cjsGet
export const caught = rt.caught
`

/** Escape raw NUL characters so that source text survives QuickJS's C-string hand-over. */
export function escapeNul(src: string): string {
  if (src.indexOf('\0') < 0) return src
  // `\x00` is a NUL wherever Node accepts a raw one (strings, templates, comments, regular
  // expressions); after an odd run of backslashes the NUL is itself escaped: `\` + `x00`.
  return src.replace(/(\\*)\0/g, (_m, bs: string) => (bs.length % 2 ? `${bs}x00` : `${bs}\\x00`))
}
