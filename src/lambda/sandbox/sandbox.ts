// One QuickJS runtime + context = one simulated execution environment's Node.js process.
// The host side of the protocol described in bootstrap.ts: few crossings, explicit lifetimes.
import type { QuickJSContext, QuickJSHandle, QuickJSRuntime, QuickJSWASMModule } from 'quickjs-emscripten-core'
import { BOOTSTRAP, BOOTSTRAP_FILENAME } from './bootstrap.ts'
import { PRELUDE_BUILTIN_MODULES, PRELUDE_CORE, PRELUDE_LAZY } from './prelude/generated.ts'
import { dirname, normalizePath } from './paths.ts'
import { SandboxFault, type LogSink, type SandboxConfig, type SandboxLimits, type StepResult } from './types.ts'

export {
  SandboxFault,
  type ErrorShape,
  type LogSink,
  type SandboxConfig,
  type SandboxLimits,
  type StepResult,
} from './types.ts'

const RESERVED = new Set(
  'break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package private protected public await arguments eval'.split(
    ' ',
  ),
)
const IDENT = /^[A-Za-z_$][\w$]*$/
/** step()'s answer for "done, no logs" (see bootstrap.ts). */
const OK_HEAD = '{"s":1,"t":-1}\n'
const BUILTINS = new Set(PRELUDE_BUILTIN_MODULES)

function exportList(keys: string[]): string {
  const names = keys.filter((k) => IDENT.test(k) && !RESERVED.has(k))
  return names.length ? `export const { ${names.join(', ')} } = m;` : ''
}

// QuickJS's own malloc limit does not see every allocation in this build (no malloc_usable_size
// under Emscripten: strings are not accounted), so memory is also bounded where it really
// grows: WebAssembly.Memory.grow. While a sandbox runs, growth past its budget is refused, which
// makes QuickJS's malloc fail ("out of memory") right away; the sandbox is then killed as OOM.
type GrowGuard = (memory: WebAssembly.Memory, deltaPages: number) => boolean
let activeGuard: GrowGuard | undefined
let guardInstalled = false
function installGrowGuard(): void {
  if (guardInstalled || typeof WebAssembly === 'undefined') return
  guardInstalled = true
  const proto = WebAssembly.Memory.prototype
  const grow = proto.grow
  proto.grow = function guardedGrow(this: WebAssembly.Memory, delta: number): number {
    const guard = activeGuard
    if (guard !== undefined && !guard(this, delta))
      throw new RangeError('WebAssembly.Memory.grow(): refused by the simulated memory limit')
    return grow.call(this, delta)
  }
}

// The per-invoke crossing (start + jobs + step) calls quickjs-emscripten's FFI directly: its
// public wrappers allocate several host objects per call (Lifetimes, typed-array views, a
// malloc'd argv array) which cost more than the calls themselves. Same C entry points, same
// semantics (QTS_Call + QTS_ResolveException, QTS_NewString from a NUL-terminated UTF-8 copy,
// QTS_ExecutePendingJob). Only used when the installed build exposes them (checked once), else
// the public API is used.
interface RawFfi {
  QTS_Call(ctx: number, fn: number, thisVal: number, argc: number, argv: number): number
  QTS_ResolveException(ctx: number, value: number): number
  QTS_NewString(ctx: number, chars: number): number
  QTS_NewFloat64(ctx: number, n: number): number
  QTS_GetString(ctx: number, value: number): number
  QTS_FreeCString(ctx: number, chars: number): void
  QTS_FreeValuePointer(ctx: number, value: number): void
  QTS_FreeValuePointerRuntime(rt: number, value: number): void
  QTS_ExecutePendingJob(rt: number, max: number, lastCtxOut: number): number
  QTS_Typeof(ctx: number, value: number): number
}
interface RawModule {
  _malloc(n: number): number
  _free(p: number): void
  HEAPU8: Uint8Array
  lengthBytesUTF8(s: string): number
  stringToUTF8(s: string, p: number, max: number): void
  UTF8ToString(p: number): string
}
interface Raw {
  ffi: RawFfi
  mod: RawModule
  ctx: number
  rt: number
  undef: number
  /** 8 bytes of WebAssembly memory: argv[2] for calls, the out-pointer of ExecutePendingJob. */
  scratch: number
  wrap(ptr: number): QuickJSHandle
}

function rawAccess(ctx: QuickJSContext, rt: QuickJSRuntime): Omit<Raw, 'scratch'> | undefined {
  try {
    const c = ctx as unknown as {
      ffi?: RawFfi
      module?: RawModule
      ctx?: { value: number }
      memory?: { heapValueHandle?(p: number): QuickJSHandle }
    }
    const r = rt as unknown as { rt?: { value: number } }
    const ffi = c.ffi
    const mod = c.module
    const fns = [
      'QTS_Call',
      'QTS_ResolveException',
      'QTS_NewString',
      'QTS_NewFloat64',
      'QTS_GetString',
      'QTS_FreeCString',
      'QTS_FreeValuePointer',
      'QTS_FreeValuePointerRuntime',
      'QTS_ExecutePendingJob',
      'QTS_Typeof',
    ] as const
    if (!ffi || !mod || fns.some((f) => typeof ffi[f] !== 'function')) return undefined
    if (typeof mod._malloc !== 'function' || typeof mod._free !== 'function' || !(mod.HEAPU8 instanceof Uint8Array))
      return undefined
    if (
      typeof mod.lengthBytesUTF8 !== 'function' ||
      typeof mod.stringToUTF8 !== 'function' ||
      typeof mod.UTF8ToString !== 'function'
    )
      return undefined
    const memory = c.memory
    const ctxPtr = c.ctx?.value
    const rtPtr = r.rt?.value
    if (
      !memory ||
      typeof memory.heapValueHandle !== 'function' ||
      typeof ctxPtr !== 'number' ||
      typeof rtPtr !== 'number'
    )
      return undefined
    return {
      ffi,
      mod,
      ctx: ctxPtr,
      rt: rtPtr,
      undef: ctx.undefined.value as unknown as number,
      wrap: (p) => memory.heapValueHandle!(p),
    }
  } catch {
    return undefined
  }
}

export class Sandbox {
  readonly runtime: QuickJSRuntime
  readonly context: QuickJSContext
  private fns: Record<
    'configure' | 'init' | 'start' | 'step' | 'fire' | 'cjsKeys' | 'cjsGet' | 'builtinKeys' | 'moduleError',
    QuickJSHandle
  >
  private readonly pkgType = new Map<string, boolean>()
  private disposed = false
  /** Virtual time cursor of this process (ms, epoch). */
  vclock: number
  /** Virtual ms per real ms of QuickJS CPU. */
  cpuScale = 1
  /** Real-time (performance.now()) limit for the current run: interrupt after it. */
  private interruptAt = Infinity
  private interruptFired = false
  private depth = 0
  private entryPerf = 0
  private entryV = 0
  /** Real ms inside the current crossing that must not count as CPU time (lazy built-in loading). */
  private excludedMs = 0
  /** Real ms spent in QuickJS since resetCpu(). */
  cpuMs = 0
  onLogs: LogSink | undefined
  /** Peak QuickJS heap seen (bytes), from QuickJS's own accounting. */
  peakHeap = 0
  /** Peak estimate including WebAssembly memory growth while this sandbox ran. */
  peakSeen = 0

  /** Real ms it took to create the runtime and evaluate the bootstrap + prelude. */
  readonly bootMs: number
  private files = new Map<string, string>()

  private readonly memory: WebAssembly.Memory | undefined
  private memLimit: number
  private entryWasm = 0
  private oomHit = false
  private readonly guard: GrowGuard
  private raw: Raw | undefined
  private h32: Int32Array | undefined

  constructor(qjs: QuickJSWASMModule, limits: SandboxLimits) {
    const t0 = performance.now()
    this.vclock = 0
    installGrowGuard()
    let memory: WebAssembly.Memory | undefined
    try {
      memory = (qjs as { getWasmMemory?: () => WebAssembly.Memory }).getWasmMemory?.()
    } catch {
      memory = undefined
    }
    this.memory = memory
    this.memLimit = limits.memoryLimitBytes
    this.guard = (mem, delta) => {
      if (mem !== this.memory) return true
      const grown = mem.buffer.byteLength + delta * 65536 - this.entryWasm
      if (this.peakHeap + grown > this.memLimit) {
        this.oomHit = true
        return false
      }
      return true
    }
    this.runtime = qjs.newRuntime()
    const rt = this.runtime
    rt.setMemoryLimit(limits.memoryLimitBytes)
    rt.setMaxStackSize(limits.maxStackBytes)
    rt.setInterruptHandler(() => {
      if (performance.now() > this.interruptAt) {
        this.interruptFired = true
        return true
      }
      return false
    })
    rt.setModuleLoader(
      (name) => this.loadModule(name),
      (base, req) => this.normalizeModule(base, req),
    )
    this.context = rt.newContext()
    const raw = rawAccess(this.context, rt)
    if (raw) {
      const scratch = raw.mod._malloc(8)
      if (scratch) this.raw = { ...raw, scratch }
    }
    this.fns = undefined as never
    try {
      this.install()
    } catch (err) {
      if (err instanceof SandboxFault && err.poisoned) this.abandon()
      else this.dispose()
      throw err
    }
    this.bootMs = performance.now() - t0
  }

  /** Give the blank process its function: files, handler, env, log format. */
  configure(config: SandboxConfig, limits?: SandboxLimits): void {
    if (limits) {
      this.runtime.setMemoryLimit(limits.memoryLimitBytes)
      this.memLimit = limits.memoryLimitBytes
    }
    this.files = new Map(Object.entries(config.files).map(([k, v]) => ['/var/task/' + k.replace(/^\/+/, ''), v]))
    this.vclock = config.perfOrigin
    this.callVoid(this.fns.configure, JSON.stringify(config))
  }

  private install(): void {
    const ctx = this.context
    const host = ctx.newObject()
    const def = (
      name: string,
      fn: (...args: QuickJSHandle[]) => QuickJSHandle | undefined | { error: QuickJSHandle },
    ) => {
      const h = ctx.newFunction(name, fn as never)
      ctx.setProp(host, name, h)
      h.dispose()
    }
    def('now', () => ctx.newNumber(this.preciseNow()))
    def('compile', (fileH, srcH) => {
      const file = ctx.getString(fileH)
      const src = ctx.getString(srcH)
      const r = ctx.evalCode(src, file, { type: 'global' })
      if (r.error) return { error: r.error }
      return r.value
    })
    def('flushLogs', (linesH, atH) => {
      const lines = JSON.parse(ctx.getString(linesH)) as string[]
      this.onLogs?.(lines, ctx.getNumber(atH))
      return undefined
    })
    def('loadBuiltin', (keyH) => {
      const key = ctx.getString(keyH)
      const src = PRELUDE_LAZY[key]
      if (src === undefined) return ctx.undefined
      // Node has its built-ins in the startup snapshot: loading ours costs no virtual time.
      const t0 = performance.now()
      const r = ctx.evalCode(src, `node:${key}`, { type: 'global' })
      this.excludedMs += performance.now() - t0
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
    def('memoryUsage', () => ctx.newNumber(this.heapUsed()))
    ctx.defineProp(ctx.global, '__lf_host', { value: host, configurable: true, enumerable: false })
    host.dispose()

    this.cross(() => {
      this.evalVoid(BOOTSTRAP, BOOTSTRAP_FILENAME)
      this.evalVoid(PRELUDE_CORE, 'node:internal/prelude')
    })
    const rtObj = ctx.getProp(ctx.global, '__lf_rt')
    const names = [
      'configure',
      'init',
      'start',
      'step',
      'fire',
      'cjsKeys',
      'cjsGet',
      'builtinKeys',
      'moduleError',
    ] as const
    const fns = {} as Record<(typeof names)[number], QuickJSHandle>
    for (const n of names) fns[n] = ctx.getProp(rtObj, n)
    rtObj.dispose()
    this.fns = fns
  }

  private evalVoid(code: string, filename: string): void {
    const r = this.context.evalCode(code, filename, { type: 'global' })
    if (r.error) {
      const err = this.context.dump(r.error)
      r.error.dispose()
      throw this.faultFrom(err)
    }
    r.value.dispose()
  }

  // ---- time ------------------------------------------------------------------------------

  /** Virtual time now, counting the CPU spent in the current crossing. */
  preciseNow(): number {
    if (this.depth === 0) return this.vclock
    return this.entryV + (performance.now() - this.entryPerf - this.excludedMs) * this.cpuScale
  }

  /** Set the deadline (virtual ms) and the wall-clock budget (real ms) for the next crossings. */
  private deadlineV = Infinity
  private wallBudget = Infinity
  setDeadline(deadlineV: number, wallBudgetMs: number): void {
    this.deadlineV = deadlineV
    this.wallBudget = wallBudgetMs
    this.interruptFired = false
  }

  private cross<T>(fn: () => T): T {
    if (this.disposed) throw new SandboxFault('crash', 'sandbox disposed')
    if (this.depth > 0) return fn()
    this.depth = 1
    const p0 = performance.now()
    this.entryPerf = p0
    this.entryV = this.vclock
    this.excludedMs = 0
    this.oomHit = false
    if (this.memory) {
      this.entryWasm = this.memory.buffer.byteLength
      activeGuard = this.guard
    }
    const realLeft = Math.max(0, (this.deadlineV - this.vclock) / this.cpuScale)
    this.interruptAt = p0 + Math.min(realLeft, this.wallBudget)
    try {
      const out = fn()
      if (this.oomHit) throw new SandboxFault('oom', 'out of memory')
      return out
    } catch (err) {
      if (this.oomHit) throw new SandboxFault('oom', 'out of memory')
      if (err instanceof SandboxFault) throw err
      // An exception out of the WebAssembly code itself (native stack exhausted, abort()).
      const msg = err instanceof Error ? err.message : String(err)
      if (err instanceof RangeError && /call stack/i.test(msg)) throw new SandboxFault('stack', msg, true)
      throw new SandboxFault('crash', msg, true)
    } finally {
      const elapsed = Math.max(0, performance.now() - p0 - this.excludedMs)
      this.depth = 0
      activeGuard = undefined
      if (this.memory) {
        const grown = this.memory.buffer.byteLength - this.entryWasm
        if (grown > 0) {
          this.grewSinceSample = true
          if (this.peakHeap + grown > this.peakSeen) this.peakSeen = this.peakHeap + grown
        }
      }
      this.cpuMs += elapsed
      this.wallBudget -= elapsed
      this.vclock = this.entryV + elapsed * this.cpuScale
    }
  }

  private faultFrom(dumped: unknown): SandboxFault {
    const d = dumped as { name?: string; message?: string } | null
    if (this.interruptFired || (d && d.name === 'InternalError' && d.message === 'interrupted')) {
      return new SandboxFault('timeout', 'interrupted')
    }
    if (d === null || (d && d.name === 'InternalError' && d.message === 'out of memory'))
      return new SandboxFault('oom', 'out of memory')
    if (d && d.name === 'InternalError' && d.message === 'stack overflow')
      return new SandboxFault('stack', 'stack overflow')
    return new SandboxFault(
      'crash',
      `internal error: ${d && typeof d === 'object' ? `${d.name}: ${d.message}` : String(d)}`,
    )
  }

  private callVoid(fn: QuickJSHandle, ...args: (string | number)[]): void {
    this.callString(fn, ...args)
  }

  private callString(fn: QuickJSHandle, ...args: (string | number | undefined)[]): string | undefined {
    return this.cross(() => {
      const ctx = this.context
      const handles: QuickJSHandle[] = []
      for (const a of args) {
        if (a === undefined) continue
        handles.push(typeof a === 'string' ? ctx.newString(a) : ctx.newNumber(a))
      }
      const r = ctx.callFunction(fn, ctx.undefined, handles)
      for (const h of handles) h.dispose()
      if (r.error) {
        const d = ctx.dump(r.error)
        r.error.dispose()
        throw this.faultFrom(d)
      }
      const v = r.value
      const out = ctx.getString(v)
      v.dispose()
      return out
    })
  }

  // ---- phases ----------------------------------------------------------------------------

  init(): void {
    this.callVoid(this.fns.init)
  }

  /**
   * Invoke the handler, run the microtasks it queued and take the first step result, all in one
   * crossing (the same three calls as start + runJobs() + step(), without returning to the
   * host in between). Returns undefined only if leftover timers never stopped being due.
   */
  start(payload: string, meta: string): StepResult | undefined {
    const input = meta + '\n' + payload
    // start() answers "1" when leftover timers are due: run them (with their microtasks) first.
    for (let guard = 0; guard < 10_000; guard++) {
      const r = this.cross(() => {
        const s = this.callIn(this.fns.start, input, this.vclock)
        if (s !== '') return s
        this.jobsIn()
        if (this.interruptFired) throw new SandboxFault('timeout', 'interrupted')
        return this.callIn(this.fns.step)
      })
      if (this.interruptFired) throw new SandboxFault('timeout', 'interrupted')
      if (r === '1') {
        this.callVoid(this.fns.fire, this.vclock)
        this.runJobs()
        continue
      }
      return this.parseStep(r)
    }
    return undefined
  }

  /** One call inside a crossing: string result, faults thrown. */
  private callIn(fn: QuickJSHandle, arg?: string, num?: number): string {
    const raw = this.raw
    if (raw) return this.callRaw(raw, fn, arg, num)
    const ctx = this.context
    let r
    if (arg === undefined) r = ctx.callFunction(fn, ctx.undefined)
    else {
      const a = ctx.newString(arg)
      const n = ctx.newNumber(num!)
      r = ctx.callFunction(fn, ctx.undefined, a, n)
      a.dispose()
      n.dispose()
    }
    if (r.error) {
      const d = ctx.dump(r.error)
      r.error.dispose()
      throw this.faultFrom(d)
    }
    const out = ctx.getString(r.value)
    r.value.dispose()
    return out
  }

  private heap32(raw: Raw): Int32Array {
    const buf = raw.mod.HEAPU8.buffer
    let h = this.h32
    if (h === undefined || h.buffer !== buf) h = this.h32 = new Int32Array(buf)
    return h
  }

  private callRaw(raw: Raw, fn: QuickJSHandle, arg: string | undefined, num: number | undefined): string {
    const { ffi, mod, ctx } = raw
    let argc = 0
    let a = 0
    let n = 0
    if (arg !== undefined) {
      const size = mod.lengthBytesUTF8(arg) + 1
      const chars = mod._malloc(size)
      if (!chars) throw new SandboxFault('oom', 'out of memory')
      mod.stringToUTF8(arg, chars, size)
      a = ffi.QTS_NewString(ctx, chars)
      mod._free(chars)
      n = ffi.QTS_NewFloat64(ctx, num!)
      const h = this.heap32(raw)
      h[raw.scratch >> 2] = a
      h[(raw.scratch >> 2) + 1] = n
      argc = 2
    }
    const result = ffi.QTS_Call(ctx, fn.value as unknown as number, raw.undef, argc, raw.scratch)
    if (argc) {
      ffi.QTS_FreeValuePointer(ctx, a)
      ffi.QTS_FreeValuePointer(ctx, n)
    }
    const error = ffi.QTS_ResolveException(ctx, result)
    if (error) {
      ffi.QTS_FreeValuePointer(ctx, result)
      const e = raw.wrap(error)
      const d = this.context.dump(e)
      e.dispose()
      throw this.faultFrom(d)
    }
    const chars = ffi.QTS_GetString(ctx, result)
    const out = mod.UTF8ToString(chars)
    ffi.QTS_FreeCString(ctx, chars)
    ffi.QTS_FreeValuePointer(ctx, result)
    return out
  }

  /** Run every pending job, inside a crossing. */
  private jobsIn(): void {
    const raw = this.raw
    if (raw) {
      const slot = raw.scratch >> 2
      this.heap32(raw)[slot] = 0
      const v = raw.ffi.QTS_ExecutePendingJob(raw.rt, -1, raw.scratch)
      const jobCtx = this.heap32(raw)[slot]
      if (jobCtx === 0) {
        raw.ffi.QTS_FreeValuePointerRuntime(raw.rt, v)
        return
      }
      // A number (jobs executed) or the exception that stopped them.
      const tp = raw.ffi.QTS_Typeof(jobCtx, v)
      const type = raw.mod.UTF8ToString(tp)
      raw.mod._free(tp)
      if (type === 'number') {
        raw.ffi.QTS_FreeValuePointer(jobCtx, v)
        return
      }
      const e = raw.wrap(v)
      const d = this.context.dump(e)
      e.dispose()
      throw this.faultFrom(d)
    }
    const r = this.runtime.executePendingJobs(-1)
    if (r.error) {
      const d = this.context.dump(r.error)
      r.error.dispose()
      throw this.faultFrom(d)
    }
  }

  fire(at: number): void {
    if (at > this.vclock) this.vclock = at
    this.callVoid(this.fns.fire, at)
  }

  runJobs(): void {
    this.cross(() => this.jobsIn())
    if (this.interruptFired) throw new SandboxFault('timeout', 'interrupted')
  }

  step(): StepResult {
    const out = this.callString(this.fns.step)!
    if (this.interruptFired) throw new SandboxFault('timeout', 'interrupted')
    return this.parseStep(out)
  }

  private parseStep(out: string): StepResult {
    if (out.startsWith(OK_HEAD)) return { s: 1, t: -1, payload: out.slice(OK_HEAD.length) }
    const nl = out.indexOf('\n')
    const head = JSON.parse(out.slice(0, nl)) as StepResult
    head.payload = out.slice(nl + 1)
    return head
  }

  private samples = 0
  private grewSinceSample = true

  /**
   * Peak memory estimate for Max Memory Used. QuickJS's accounting walks the whole heap, so it is
   * sampled: on the first call, every 32nd, and whenever the WebAssembly memory grew meanwhile.
   */
  sampleHeap(): number {
    if (this.samples++ % 32 === 0 || this.grewSinceSample) {
      this.grewSinceSample = false
      this.heapUsed()
    }
    return Math.max(this.peakSeen, this.peakHeap)
  }

  /** Bytes currently allocated by this QuickJS runtime. */
  heapUsed(): number {
    const h = this.runtime.computeMemoryUsage()
    const ctx = this.context
    const v = ctx.getProp(h, 'memory_used_size')
    const n = ctx.getNumber(v)
    v.dispose()
    h.dispose()
    if (n > this.peakHeap) this.peakHeap = n
    if (n > this.peakSeen) this.peakSeen = n
    return n
  }

  // ---- ES modules --------------------------------------------------------------------------

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
    const r = ctx.callFunction(this.fns.moduleError, ctx.undefined, a)
    a.dispose()
    if (r.error) return { error: r.error }
    return { error: r.value }
  }

  private normalizeModule(base: string, req: string): string {
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

  private loadModule(name: string): string | { error: QuickJSHandle } {
    const ctx = this.context
    if (name.startsWith('lf-missing:')) return this.moduleError(name.slice(11))
    if (name.startsWith('node:')) {
      const key = name.slice(5)
      const keys = this.reenter(this.fns.builtinKeys, key)
      return `const m = __lf.builtin(${JSON.stringify(key)}); export default m; ${exportList(keys)}`
    }
    const path = name.startsWith('file://') ? name.slice(7) : name
    const src = this.files.get(path)
    if (src === undefined)
      return this.moduleError(JSON.stringify({ message: `Cannot find module '${path}'`, code: 'ERR_MODULE_NOT_FOUND' }))
    if (path.endsWith('.json')) {
      return `export default JSON.parse(${JSON.stringify(src)});`
    }
    if (this.isEsm(path)) return src
    let keys: string[]
    try {
      keys = this.reenter(this.fns.cjsKeys, path)
    } catch {
      keys = []
    }
    void ctx
    return `const m = __lf_rt.cjsGet(${JSON.stringify(path)}); export default m; ${exportList(keys.filter((k) => k !== 'default'))}`
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

  // ---- lifetime ----------------------------------------------------------------------------

  get alive(): boolean {
    return !this.disposed
  }

  /** Free everything. After a poisoning fault, call abandon() instead. */
  dispose(): void {
    if (this.disposed) return
    this.disposed = true
    try {
      if (this.fns) for (const h of Object.values(this.fns)) h.dispose()
      if (this.raw) {
        this.raw.mod._free(this.raw.scratch)
        this.raw = undefined
      }
      this.context.dispose()
      this.runtime.dispose()
    } catch {
      // A runtime that still holds objects aborts on free (quickjs asserts); the module is
      // then unusable and the caller must replace it.
      throw new SandboxFault('crash', 'runtime could not be freed', true)
    }
  }

  /** Drop the sandbox without touching the (possibly corrupted) WebAssembly module. */
  abandon(): void {
    this.disposed = true
  }
}
