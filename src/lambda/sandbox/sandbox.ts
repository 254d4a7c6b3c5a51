// One QuickJS runtime + context = one simulated execution environment's Node.js process.
// The host side of the runtime protocol (see src/lambda/runtime/bootstrap/main.js): few
// crossings, explicit lifetimes. The fast FFI path (ffi.ts), the ES module loader
// (module-loader.ts) and the memory limit (memory-guard.ts) live beside it.
import type { QuickJSContext, QuickJSHandle, QuickJSRuntime, QuickJSWASMModule } from 'quickjs-emscripten-core'
import { BOOTSTRAP } from '../runtime/bootstrap/generated.ts'
import { BOOTSTRAP_FILENAME } from '../runtime/node-runtime.ts'
import { FastFfi } from './ffi.ts'
import { INTERNAL_MODULE, SEAL_SOURCE, defineHost } from './host-bridge.ts'
import { sdkFileName } from '../sdk/packages.ts'
import { Interrupts } from './interrupt.ts'
import { MemoryGuard } from './memory-guard.ts'
import { ModuleLoader } from './module-loader.ts'
import { PRELUDE_CORE } from './prelude/generated.ts'
import { faultFrom, parseStep } from './step-protocol.ts'
import { rejectionTrackingOf, type RuntimeRejections } from './rejection-tracker.ts'
import { SandboxFault, type LogSink, type SandboxConfig, type SandboxLimits, type StepResult } from './types.ts'

export {
  SandboxFault,
  type ErrorShape,
  type HttpIoRequest,
  type HttpIoResponse,
  type IoAnswer,
  type IoRequestEntry,
  type NetworkErrorShape,
  type LogSink,
  type SandboxConfig,
  type SandboxLimits,
  type StepResult,
} from './types.ts'

export class Sandbox {
  /** The WebAssembly module this sandbox lives in (its own, unless the engine was given a shared one). */
  readonly module: QuickJSWASMModule
  readonly runtime: QuickJSRuntime
  readonly context: QuickJSContext
  private fns: Record<
    | 'configure'
    | 'init'
    | 'start'
    | 'step'
    | 'fire'
    | 'cjsKeys'
    | 'cjsGet'
    | 'builtinKeys'
    | 'moduleError'
    | 'rejected'
    | 'io',
    QuickJSHandle
  >
  private disposed = false
  /** Virtual time cursor of this process (ms, epoch). */
  vclock: number
  /** Virtual ms per real ms of QuickJS CPU. */
  cpuScale = 1
  private readonly interrupts: Interrupts
  private depth = 0
  private entryPerf = 0
  private entryV = 0
  /** Real ms inside the current crossing that must not count as CPU time (lazy built-in loading). */
  private excludedMs = 0
  /** Real ms spent in QuickJS since resetCpu(). */
  cpuMs = 0
  onLogs: LogSink | undefined
  /**
   * The AWS SDK's factory scripts this process may load (by loader key, src/lambda/sdk/sources.ts),
   * set before configure() for a function that names SDK packages.
   */
  providedSources: ReadonlyMap<string, string> | undefined

  /** Real ms it took to create the runtime and evaluate the bootstrap + prelude. */
  readonly bootMs: number

  private readonly mem: MemoryGuard
  private readonly loader: ModuleLoader
  private ffi: FastFfi | undefined
  /** QuickJS's own promise-rejection tracker for this runtime (absent on an untracked module). */
  private readonly rejections: RuntimeRejections | undefined

  constructor(qjs: QuickJSWASMModule, limits: SandboxLimits) {
    const t0 = performance.now()
    this.module = qjs
    this.vclock = 0
    this.mem = new MemoryGuard(qjs, limits.memoryLimitBytes)
    this.runtime = qjs.newRuntime()
    const rt = this.runtime
    this.rejections = rejectionTrackingOf(qjs)?.install(rt)
    rt.setMemoryLimit(limits.memoryLimitBytes)
    rt.setMaxStackSize(limits.maxStackBytes)
    rt.setModuleLoader(
      (name) => this.loader.load(name),
      (base, req) => this.loader.normalize(base, req),
    )
    this.context = rt.newContext()
    this.interrupts = new Interrupts(qjs, this.context)
    rt.setInterruptHandler(this.interrupts.handler)
    this.loader = new ModuleLoader(this.context)
    this.ffi = FastFfi.open(this.context, rt, (d) => faultFrom(d, this.interrupts.fired))
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
      this.mem.setLimit(limits.memoryLimitBytes)
    }
    this.loader.setFiles(config.files, config.provided)
    this.vclock = config.perfOrigin
    this.callVoid(this.fns.configure, JSON.stringify({ ...config, ...this.loader.rewritten() }))
  }

  private install(): void {
    const ctx = this.context
    defineHost(ctx, {
      preciseNow: () => this.preciseNow(),
      flushLogs: (lines, at) => {
        this.onLogs?.(lines, at)
        return this.interrupts.spent()
      },
      exclude: (ms) => {
        this.excludedMs += ms
      },
      heapUsed: () => this.heapUsed(),
      providedSource: (key) => {
        const source = this.providedSources?.get(key)
        return source === undefined ? undefined : { source, filename: sdkFileName(key) }
      },
    })
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
      'io',
      'cjsKeys',
      'cjsGet',
      'builtinKeys',
      'moduleError',
      'rejected',
    ] as const
    const fns = {} as Record<(typeof names)[number], QuickJSHandle>
    for (const n of names) fns[n] = ctx.getProp(rtObj, n)
    rtObj.dispose()
    this.fns = fns
    this.loader.calls = fns
    // The loader's private module; it also deletes __lf_rt and __lf_host (nothing of ours is left).
    this.cross(() => {
      const r = ctx.evalCode(SEAL_SOURCE, INTERNAL_MODULE, { type: 'module' })
      if (r.error) {
        const err = ctx.dump(r.error)
        r.error.dispose()
        throw faultFrom(err, this.interrupts.fired)
      }
      r.value.dispose()
      this.jobsIn()
    })
  }

  private evalVoid(code: string, filename: string): void {
    const r = this.context.evalCode(code, filename, { type: 'global' })
    if (r.error) {
      const err = this.context.dump(r.error)
      r.error.dispose()
      throw faultFrom(err, this.interrupts.fired)
    }
    r.value.dispose()
  }

  // ---- time ------------------------------------------------------------------------------

  /** Virtual time now, counting the CPU spent in the current crossing. */
  preciseNow(): number {
    if (this.depth === 0) return this.vclock
    return this.entryV + (performance.now() - this.entryPerf - this.excludedMs) * this.cpuScale
  }

  /** Set the deadline (virtual ms) and the real-time end (performance.now() ms) for the next crossings. */
  private deadlineV = Infinity
  private realEnd = Infinity
  setDeadline(deadlineV: number, realEnd: number): void {
    this.deadlineV = deadlineV
    this.realEnd = realEnd
    this.interrupts.fired = false
  }

  private cross<T>(fn: () => T): T {
    if (this.disposed) throw new SandboxFault('crash', 'sandbox disposed')
    if (this.depth > 0) return fn()
    this.depth = 1
    const p0 = performance.now()
    this.entryPerf = p0
    this.entryV = this.vclock
    this.excludedMs = 0
    const mem = this.mem
    mem.enter()
    const realLeft = Math.max(0, (this.deadlineV - this.vclock) / this.cpuScale)
    this.interrupts.at = Math.min(p0 + realLeft, this.realEnd)
    this.interrupts.enter(p0)
    try {
      const out = fn()
      if (mem.oomHit) throw new SandboxFault('oom', 'out of memory')
      return out
    } catch (err) {
      if (mem.oomHit) throw new SandboxFault('oom', 'out of memory')
      if (err instanceof SandboxFault) throw err
      // An exception out of the WebAssembly code itself (native stack exhausted, abort()).
      const msg = err instanceof Error ? err.message : String(err)
      if (err instanceof RangeError && /call stack/i.test(msg)) throw new SandboxFault('stack', msg, true)
      throw new SandboxFault('crash', msg, true)
    } finally {
      const elapsed = Math.max(0, performance.now() - p0 - this.excludedMs)
      this.depth = 0
      mem.leave()
      this.cpuMs += elapsed
      this.vclock = this.entryV + elapsed * this.cpuScale
    }
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
        throw faultFrom(d, this.interrupts.fired)
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
        if (this.interrupts.fired) throw new SandboxFault('timeout', 'interrupted')
        return this.callIn(this.fns.step)
      })
      if (this.interrupts.fired) throw new SandboxFault('timeout', 'interrupted')
      if (r === '1') {
        this.callVoid(this.fns.fire, this.vclock)
        this.runJobs()
        continue
      }
      return parseStep(r)
    }
    return undefined
  }

  /** One call inside a crossing: string result, faults thrown. */
  private callIn(fn: QuickJSHandle, arg?: string, num?: number): string {
    const ffi = this.ffi
    if (ffi) return ffi.call(fn, arg, num)
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
      throw faultFrom(d, this.interrupts.fired)
    }
    const out = ctx.getString(r.value)
    r.value.dispose()
    return out
  }

  /**
   * Run every pending job, inside a crossing; then, as Node's processTicksAndRejections does after
   * the microtask queue drains, hand the runtime client the first promise rejection still
   * unhandled (its listener may queue more jobs: drain again).
   */
  private jobsIn(): void {
    this.drainJobs()
    const rj = this.rejections
    for (let round = 0; rj !== undefined && rj.pending && round < 1000; round++) {
      const u = rj.take(this.context)
      if (u === undefined) break
      const ctx = this.context
      const r = ctx.callFunction(this.fns.rejected, ctx.undefined, u.promise, u.reason)
      u.promise.dispose()
      u.reason.dispose()
      if (r.error) {
        const d = ctx.dump(r.error)
        r.error.dispose()
        throw faultFrom(d, this.interrupts.fired)
      }
      r.value.dispose()
      this.drainJobs()
    }
  }

  private drainJobs(): void {
    const ffi = this.ffi
    if (ffi) {
      ffi.runJobs()
      return
    }
    const r = this.runtime.executePendingJobs(-1)
    if (r.error) {
      const d = this.context.dump(r.error)
      r.error.dispose()
      throw faultFrom(d, this.interrupts.fired)
    }
  }

  fire(at: number): void {
    if (at > this.vclock) this.vclock = at
    this.callVoid(this.fns.fire, at)
  }

  /**
   * Hand the host's I/O answers (JSON of IoAnswer[]) to the runtime at virtual time `at`, run the
   * microtasks they unblock and take the next step result: one crossing.
   */
  deliver(answers: string, at: number): StepResult {
    if (at > this.vclock) this.vclock = at
    const r = this.cross(() => {
      this.callIn(this.fns.io, answers, at)
      this.jobsIn()
      if (this.interrupts.fired) throw new SandboxFault('timeout', 'interrupted')
      return this.callIn(this.fns.step)
    })
    if (this.interrupts.fired) throw new SandboxFault('timeout', 'interrupted')
    return parseStep(r)
  }

  /** Hand I/O answers over and run their microtasks, without taking a step (a thawing process). */
  deliverOnly(answers: string, at: number): void {
    if (at > this.vclock) this.vclock = at
    this.cross(() => {
      this.callIn(this.fns.io, answers, at)
      this.jobsIn()
    })
    if (this.interrupts.fired) throw new SandboxFault('timeout', 'interrupted')
  }

  runJobs(): void {
    this.cross(() => this.jobsIn())
    if (this.interrupts.fired) throw new SandboxFault('timeout', 'interrupted')
  }

  step(): StepResult {
    const out = this.callString(this.fns.step)!
    if (this.interrupts.fired) throw new SandboxFault('timeout', 'interrupted')
    return parseStep(out)
  }

  /** Peak memory estimate for Max Memory Used (the heap is measured when a sample is due). */
  sampleHeap(): number {
    if (this.mem.sampleDue()) this.heapUsed()
    return this.mem.peak
  }

  /** Bytes currently allocated by this QuickJS runtime. */
  heapUsed(): number {
    const h = this.runtime.computeMemoryUsage()
    const ctx = this.context
    const v = ctx.getProp(h, 'memory_used_size')
    const n = ctx.getNumber(v)
    v.dispose()
    h.dispose()
    this.mem.record(n)
    return n
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
      if (this.ffi) {
        this.ffi.free()
        this.ffi = undefined
      }
      this.rejections?.dispose()
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
