// Unhandled promise rejections, as QuickJS itself sees them. quickjs-emscripten 0.32 does not expose
// JS_SetHostPromiseRejectionTracker, so we install QuickJS's own tracker hook from the host without
// rebuilding the engine:
//
// 1. The released .wasm is instantiated with its function table exported (wasm-patch.ts: one export
//    entry added), through Emscripten's `instantiateWasm` hook (newVariant's public option).
// 2. One host function of the tracker's C signature
//       void (*)(JSContext *ctx, JSValue promise, JSValue reason, BOOL is_handled, void *opaque)
//    = (i32, i64, i64, i32, i32) on wasm32 (a JSValue is a NaN-boxed uint64_t there) is wrapped as a
//    WebAssembly function and put in the table.
// 3. The offset of JSRuntime.host_promise_rejection_tracker is found by probing, not hard-coded: the
//    one word QTS_RuntimeEnableInterruptHandler changes is interrupt_handler; job_list is the first
//    empty list_head after it (both words pointing at itself); the tracker and its opaque are the two
//    words before job_list, and enabling the module loader must change the word after job_list
//    (module_normalize_func). Any mismatch: no tracking (fail closed), and the caller says so.
// 4. Each runtime gets the table index and an id in those two fields.
//
// QuickJS's own bookkeeping decides what is unhandled: fulfill_or_reject_promise reports a rejection
// with no reaction (is_handled = 0), perform_promise_then reports a reaction added later
// (is_handled = 1) — and `await`, Promise.all/race/any/allSettled and thenables all go through it.
// The host calls take() after each full drain of the job queue, where Node runs
// processPromiseRejections: what is still unhandled then is an unhandled rejection.
import {
  Lifetime,
  newQuickJSWASMModuleFromVariant,
  newVariant,
  type QuickJSContext,
  type QuickJSHandle,
  type QuickJSRuntime,
  type QuickJSSyncVariant,
  type QuickJSWASMModule,
} from 'quickjs-emscripten-core'
import { TABLE_EXPORT, exportFunctionTable, wasmFunction } from './wasm-patch.ts'

interface TrackerFfi {
  QTS_DupValuePointer(ctx: number, value: number): number
  QTS_FreeValuePointer(ctx: number, value: number): void
  QTS_RuntimeEnableInterruptHandler(rt: number): void
  QTS_RuntimeDisableInterruptHandler(rt: number): void
  QTS_RuntimeEnableModuleLoader(rt: number, useCustomNormalize: number): void
  QTS_RuntimeDisableModuleLoader(rt: number): void
}

/** An unhandled rejection: the promise and its reason (owned by the caller: dispose both). */
export interface UnhandledRejection {
  promise: QuickJSHandle
  reason: QuickJSHandle
}

/** The tracker of one runtime. */
export interface RuntimeRejections {
  /** Whether take() has anything to do (cheap: no allocation). */
  readonly pending: boolean
  /**
   * The first rejection still unhandled (in rejection order), or undefined; the others of this
   * drain are forgotten (Node's runtime client exits on the first). Call after a full drain.
   */
  take(context: QuickJSContext): UnhandledRejection | undefined
  /** Frees what the tracker holds and unhooks it. Call before the runtime is freed. */
  dispose(): void
}

/** Rejection tracking for one WebAssembly module instance. */
export interface RejectionTracking {
  /** Byte offset of host_promise_rejection_tracker in JSRuntime, as probed. */
  readonly offset: number
  install(runtime: QuickJSRuntime): RuntimeRejections
}

const tracking = new WeakMap<QuickJSWASMModule, RejectionTracking>()

/** The tracking installed on a module by instantiateTracked(), if any. */
export function rejectionTrackingOf(module: QuickJSWASMModule): RejectionTracking | undefined {
  return tracking.get(module)
}

/** The .wasm bytes with the function table exported, compiled (once; instantiate as often as needed). */
export function compileTrackable(wasmBytes: ArrayBuffer | Uint8Array): Promise<WebAssembly.Module> {
  const bytes = wasmBytes instanceof Uint8Array ? wasmBytes : new Uint8Array(wasmBytes)
  return WebAssembly.compile(exportFunctionTable(bytes) as Uint8Array<ArrayBuffer>)
}

/**
 * A QuickJS module instantiated from a module compiled by compileTrackable(), with rejection tracking
 * installed when the probe confirms the layout. `onUnavailable` hears why it is not (the module
 * still works; rejections are then not detected).
 */
export async function instantiateTracked(
  base: QuickJSSyncVariant,
  compiled: WebAssembly.Module,
  onUnavailable?: (reason: string) => void,
): Promise<QuickJSWASMModule> {
  let table: WebAssembly.Table | undefined
  const variant = newVariant(base, {
    emscriptenModule: {
      instantiateWasm(imports: WebAssembly.Imports, onSuccess: (instance: WebAssembly.Instance) => void) {
        return WebAssembly.instantiate(compiled, imports).then((instance) => {
          const t = instance.exports[TABLE_EXPORT]
          if (t instanceof WebAssembly.Table) table = t
          onSuccess(instance)
          return instance.exports
        })
      },
    },
  })
  const module = await newQuickJSWASMModuleFromVariant(variant)
  try {
    if (!table) throw new Error('the function table is not exported')
    tracking.set(module, createTracking(module, table))
  } catch (err) {
    onUnavailable?.(err instanceof Error ? err.message : String(err))
  }
  return module
}

function rtPointer(runtime: QuickJSRuntime): number {
  const p = (runtime as unknown as { rt?: { value?: unknown } }).rt?.value
  if (typeof p !== 'number') throw new Error('no runtime pointer')
  return p
}

function ffiOf(module: QuickJSWASMModule): TrackerFfi {
  const ffi = module.getFFI() as unknown as TrackerFfi
  for (const f of [
    'QTS_DupValuePointer',
    'QTS_FreeValuePointer',
    'QTS_RuntimeEnableInterruptHandler',
    'QTS_RuntimeDisableInterruptHandler',
    'QTS_RuntimeEnableModuleLoader',
    'QTS_RuntimeDisableModuleLoader',
  ] as const)
    if (typeof ffi[f] !== 'function') throw new Error(`the FFI has no ${f}`)
  return ffi
}

/** Find the byte offset of host_promise_rejection_tracker in JSRuntime, or throw. */
export function probeTrackerOffset(module: QuickJSWASMModule): number {
  const ffi = ffiOf(module)
  const memory = module.getWasmMemory()
  const runtime = module.newRuntime()
  try {
    const rt = rtPointer(runtime)
    const WORDS = 128
    const snapshot = () => Array.from(new Uint32Array(memory.buffer, rt, WORDS))
    const before = snapshot()
    ffi.QTS_RuntimeEnableInterruptHandler(rt)
    const after = snapshot()
    ffi.QTS_RuntimeDisableInterruptHandler(rt)
    const changed = before.flatMap((v, i) => (v !== after[i] ? [i] : []))
    if (changed.length !== 1) throw new Error(`probe: interrupt_handler not found (${changed.length} words changed)`)
    const handler = changed[0] * 4
    const word = (off: number) => new Uint32Array(memory.buffer, rt + off, 1)[0]
    let jobList = -1
    for (let off = handler + 8; off <= handler + 64; off += 4) {
      if (word(off) === rt + off && word(off + 4) === rt + off) {
        jobList = off
        break
      }
    }
    if (jobList < 0) throw new Error('probe: job_list not found after interrupt_handler')
    const offset = jobList - 8
    if (word(offset) !== 0 || word(offset + 4) !== 0) throw new Error('probe: the tracker fields are not empty')
    const n0 = word(jobList + 8)
    ffi.QTS_RuntimeEnableModuleLoader(rt, 1)
    const n1 = word(jobList + 8)
    ffi.QTS_RuntimeDisableModuleLoader(rt)
    if (n0 !== 0 || n1 === 0) throw new Error('probe: module_normalize_func is not where expected')
    return offset
  } finally {
    runtime.dispose()
  }
}

interface Tracked {
  onTrack(ctx: number, promise: bigint, reason: bigint, isHandled: number): void
}

/** Whether a JSValue (wasm32 NaN-boxing: the tag in the high word) is an object (JS_TAG_OBJECT = -1). */
function isObjectValue(v: bigint): boolean {
  return BigInt.asUintN(64, v) >> 32n === 0xffffffffn
}

function createTracking(module: QuickJSWASMModule, table: WebAssembly.Table): RejectionTracking {
  const ffi = ffiOf(module)
  const memory = module.getWasmMemory()
  const malloc = (module as unknown as { module?: { _malloc?(n: number): number } }).module?._malloc
  if (typeof malloc !== 'function') throw new Error('no malloc')
  const offset = probeTrackerOffset(module)
  const byId = new Map<number, Tracked>()
  let nextId = 1
  const callback = (ctx: number, promise: bigint, reason: bigint, isHandled: number, opaque: number) => {
    byId.get(opaque)?.onTrack(ctx, promise, reason, isHandled)
  }
  const index = table.grow(1)
  table.set(index, wasmFunction(callback, ['i32', 'i64', 'i64', 'i32', 'i32']) as never)
  // One 8-byte cell to pass a JSValue by pointer to QTS_DupValuePointer.
  const cell = malloc(8)
  if (!cell) throw new Error('no memory for the tracker')

  function install(runtime: QuickJSRuntime): RuntimeRejections {
    const rt = rtPointer(runtime)
    const id = nextId++
    // Object pointer -> heap JSValue* (our reference to the promise), in rejection order.
    const waiting = new Map<number, number>()
    // References dropped inside the callback are freed later, outside QuickJS.
    const toFree: number[] = []
    // QuickJS runs a module's top level as an async function and reads its rejected promise
    // without a reaction (js_execute_sync_module): that internal promise is reported unhandled,
    // and the module's evaluation promise is rejected with the same error right after it, then
    // handled by the import. So a rejection with the same object reason, reported immediately
    // after another, carries it: when it is handled, the first one is too.
    let last: { key: number; reason: bigint } | undefined
    const twins = new Map<number, number>()
    let ctxPtr = 0
    let disposed = false
    const free = (p: number) => ffi.QTS_FreeValuePointer(ctxPtr, p)
    byId.set(id, {
      onTrack(ctx, promise, reason, isHandled) {
        // Runs inside QuickJS: only reference counting and malloc here, never JavaScript.
        ctxPtr = ctx
        const key = Number(promise & 0xffffffffn)
        const prev = last
        last = undefined
        if (isHandled) {
          for (let k: number | undefined = key; k !== undefined;) {
            const p = waiting.get(k)
            if (p !== undefined) {
              waiting.delete(k)
              toFree.push(p)
            }
            const twin = twins.get(k)
            twins.delete(k)
            k = twin
          }
          return
        }
        if (waiting.has(key)) return
        if (isObjectValue(reason)) {
          if (prev !== undefined && prev.reason === reason) twins.set(key, prev.key)
          last = { key, reason }
        }
        new BigUint64Array(memory.buffer, cell, 1)[0] = BigInt.asUintN(64, promise)
        const p = ffi.QTS_DupValuePointer(ctx, cell)
        if (p) waiting.set(key, p) // 0: out of memory, not tracked
      },
    })
    const fields = new Uint32Array(memory.buffer, rt + offset, 2)
    fields[0] = index
    fields[1] = id
    return {
      get pending() {
        return waiting.size > 0 || toFree.length > 0 || twins.size > 0
      },
      take(context) {
        if (toFree.length > 0) {
          for (const p of toFree) free(p)
          toFree.length = 0
        }
        twins.clear()
        last = undefined
        if (waiting.size === 0) return undefined
        let first: number | undefined
        for (const p of waiting.values()) {
          if (first === undefined) first = p
          else free(p)
        }
        waiting.clear()
        const promise = new Lifetime(first!, undefined, free, runtime) as unknown as QuickJSHandle
        const state = context.getPromiseState(promise)
        const reason = state.type === 'rejected' ? state.error : context.undefined
        if (state.type === 'fulfilled' && !state.notAPromise) state.value.dispose()
        return { promise, reason }
      },
      dispose() {
        if (disposed) return
        disposed = true
        for (const p of waiting.values()) free(p)
        for (const p of toFree) free(p)
        waiting.clear()
        toFree.length = 0
        const f = new Uint32Array(memory.buffer, rt + offset, 2)
        f[0] = 0
        f[1] = 0
        byId.delete(id)
      },
    }
  }
  return { offset, install }
}
