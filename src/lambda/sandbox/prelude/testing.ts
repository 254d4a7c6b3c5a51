// A minimal host for the prelude, used by the prelude's own tests and benchmark (and as a
// reference for the engine): one QuickJS context with `__lf_host` defined, PRELUDE_CORE evaluated.
//
//   const sb = await PreludeSandbox.create()
//   sb.eval('__lf.format("%s!", "hi")')   // -> 'hi!'  (JSON round trip of the completion value)
//   sb.dispose()
import { randomFillSync } from 'node:crypto'
import type { QuickJSContext, QuickJSHandle, QuickJSRuntime, QuickJSWASMModule } from 'quickjs-emscripten-core'
import { newQuickJSWASMModuleFromVariant } from 'quickjs-emscripten-core'
import releaseSync from '@jitl/quickjs-wasmfile-release-sync'
import { PRELUDE_CORE, PRELUDE_LAZY } from './generated.ts'

let modulePromise: Promise<QuickJSWASMModule> | undefined

/** The shared release-sync QuickJS module (Node: the plain variant, no ?url import). */
export function getQuickJS(): Promise<QuickJSWASMModule> {
  modulePromise ??= newQuickJSWASMModuleFromVariant(releaseSync)
  return modulePromise
}

export interface PreludeSources {
  core: string
  lazy: Record<string, string>
}

export interface SandboxOptions {
  /** Sources to use instead of the committed generated.ts (e.g. a fresh in-memory build). */
  sources?: PreludeSources
  /** Files mounted read-only at /var/task. */
  taskFiles?: Record<string, string>
  /** Offer __lf_host.promiseState so inspect can show `Promise { 4 }` (default true). */
  promiseState?: boolean
  memoryLimitBytes?: number
  /** QuickJS module to use (e.g. a debug build for leak checks); defaults to getQuickJS(). */
  module?: Pick<QuickJSWASMModule, 'newRuntime'>
}

/** Thrown by PreludeSandbox.eval when the code throws inside QuickJS. */
export class SandboxError extends Error {
  constructor(
    readonly details: { name?: string; message?: string; stack?: string; code?: unknown; [k: string]: unknown },
  ) {
    super(`${details.name ?? 'Error'}: ${details.message ?? ''}`)
    this.name = 'SandboxError'
  }
}

export class PreludeSandbox {
  readonly loads: string[] = []
  /** ms spent compiling lazy modules in loadBuiltin (the engine does not bill this time). */
  loadMs = 0
  randomCalls = 0
  private jsonStringify!: QuickJSHandle

  private constructor(
    readonly runtime: QuickJSRuntime,
    readonly context: QuickJSContext,
  ) {}

  static async create(options: SandboxOptions = {}): Promise<PreludeSandbox> {
    const qjs = options.module ?? (await getQuickJS())
    const runtime = qjs.newRuntime()
    if (options.memoryLimitBytes !== undefined) runtime.setMemoryLimit(options.memoryLimitBytes)
    runtime.setMaxStackSize(1024 * 1024)
    const context = runtime.newContext()
    const sb = new PreludeSandbox(runtime, context)
    try {
      sb.install(options.sources ?? { core: PRELUDE_CORE, lazy: PRELUDE_LAZY }, options.promiseState !== false)
      if (options.taskFiles) {
        sb.evalVoid(`__lf.fs.mountTask(${JSON.stringify(options.taskFiles)})`)
      }
    } catch (err) {
      sb.dispose()
      throw err
    }
    return sb
  }

  private install(sources: PreludeSources, withPromiseState: boolean): void {
    const ctx = this.context
    const host = ctx.newObject()
    try {
      const loadBuiltin = ctx.newFunction('loadBuiltin', (keyHandle) => {
        const key = ctx.getString(keyHandle)
        const src = sources.lazy[key]
        if (src === undefined) return ctx.undefined
        this.loads.push(key)
        const t0 = performance.now()
        const result = ctx.evalCode(src, `node:${key}`)
        this.loadMs += performance.now() - t0
        if (result.error) {
          // Surface the evaluation error inside QuickJS (ownership moves to the caller).
          return { error: result.error }
        }
        return result.value
      })
      ctx.setProp(host, 'loadBuiltin', loadBuiltin)
      loadBuiltin.dispose()

      const randomBytes = ctx.newFunction('randomBytes', (nHandle) => {
        this.randomCalls++
        const n = ctx.getNumber(nHandle)
        const bytes = new Uint8Array(n)
        randomFillSync(bytes)
        return ctx.newString(Buffer.from(bytes).toString('hex'))
      })
      ctx.setProp(host, 'randomBytes', randomBytes)
      randomBytes.dispose()

      if (withPromiseState) {
        const promiseState = ctx.newFunction('promiseState', (p) => {
          const state = ctx.getPromiseState(p)
          const arr = ctx.newArray()
          if (state.type === 'pending') {
            ctx.setProp(arr, 0, ctx.newNumber(0))
          } else if (state.type === 'fulfilled') {
            if (state.notAPromise) {
              arr.dispose()
              return ctx.undefined
            }
            const n = ctx.newNumber(1)
            ctx.setProp(arr, 0, n)
            n.dispose()
            ctx.setProp(arr, 1, state.value)
            state.value.dispose()
          } else {
            const n = ctx.newNumber(2)
            ctx.setProp(arr, 0, n)
            n.dispose()
            ctx.setProp(arr, 1, state.error)
            state.error.dispose()
          }
          return arr
        })
        ctx.setProp(host, 'promiseState', promiseState)
        promiseState.dispose()
      }
      ctx.setProp(ctx.global, '__lf_host', host)
    } finally {
      host.dispose()
    }
    // Captured before any test code runs, so tampering with JSON in a test can't affect transfers.
    const json = ctx.getProp(ctx.global, 'JSON')
    this.jsonStringify = ctx.getProp(json, 'stringify')
    json.dispose()
    this.evalVoid(sources.core, 'node:internal/prelude')
  }

  /** Evaluates code; returns the completion value through JSON (undefined stays undefined). */
  eval<T = unknown>(code: string, filename = '/var/task/test.js'): T {
    const result = this.context.evalCode(code, filename)
    return this.settle<T>(result)
  }

  /** Evaluates code, discarding the completion value. */
  evalVoid(code: string, filename = '/var/task/test.js'): void {
    const result = this.context.evalCode(code, filename)
    if (result.error) throw this.toError(result.error)
    result.value.dispose()
  }

  /** Evaluates an expression that yields a promise, runs jobs until it settles, returns its value. */
  async evalAsync<T = unknown>(code: string): Promise<T> {
    const result = this.context.evalCode(code, '/var/task/test.js')
    if (result.error) throw this.toError(result.error)
    const promiseHandle = result.value
    try {
      this.drain()
      const state = this.context.getPromiseState(promiseHandle)
      if (state.type === 'pending') throw new Error('the promise is still pending after running all jobs')
      if (state.type === 'rejected') throw this.toError(state.error)
      if (state.notAPromise) return this.toHost<T>(promiseHandle.dup())
      return this.toHost<T>(state.value)
    } finally {
      promiseHandle.dispose()
    }
  }

  /** Runs pending jobs (microtasks) until none are left. */
  drain(): void {
    for (;;) {
      const r = this.runtime.executePendingJobs()
      if (r.error) {
        const err = this.toError(r.error)
        throw err
      }
      if (r.value === 0) return
    }
  }

  private settle<T>(result: ReturnType<QuickJSContext['evalCode']>): T {
    if (result.error) throw this.toError(result.error)
    return this.toHost<T>(result.value)
  }

  /** Copies a value out through JSON.stringify inside the context (strings keep NUL characters). */
  private toHost<T>(handle: QuickJSHandle): T {
    try {
      if (this.context.typeof(handle) === 'undefined') return undefined as T
      const json = this.context.callFunction(this.jsonStringify, this.context.undefined, handle)
      if (json.error) {
        json.error.dispose()
        return this.context.dump(handle) as T
      }
      const text = this.context.typeof(json.value) === 'string' ? this.context.getString(json.value) : undefined
      json.value.dispose()
      return (text === undefined ? undefined : JSON.parse(text)) as T
    } finally {
      handle.dispose()
    }
  }

  private toError(handle: QuickJSHandle): SandboxError {
    try {
      const dumped = this.context.dump(handle) as unknown
      if (dumped !== null && typeof dumped === 'object') return new SandboxError(dumped as SandboxError['details'])
      return new SandboxError({ name: typeof dumped, message: String(dumped) })
    } finally {
      handle.dispose()
    }
  }

  dispose(): void {
    if (this.jsonStringify?.alive) this.jsonStringify.dispose()
    if (this.context.alive) this.context.dispose()
    if (this.runtime.alive) this.runtime.dispose()
  }
}
