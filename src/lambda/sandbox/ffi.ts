// The fast path of the per-invoke crossing (start + jobs + step): quickjs-emscripten's FFI,
// called directly. Its public wrappers allocate several host objects per call (Lifetimes,
// typed-array views, a malloc'd argv array) which cost more than the calls themselves. Same C
// entry points, same semantics (QTS_Call + QTS_ResolveException, QTS_NewString from a
// NUL-terminated UTF-8 copy, QTS_ExecutePendingJob). Only used when the installed build exposes
// them (checked once), else the Sandbox uses the public API.
import type { QuickJSContext, QuickJSHandle, QuickJSRuntime } from 'quickjs-emscripten-core'
import { SandboxFault } from './types.ts'

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

export class FastFfi {
  private h32: Int32Array | undefined

  private constructor(
    private readonly raw: Raw,
    private readonly context: QuickJSContext,
    /** Turns a dumped exception into the fault to throw. */
    private readonly faultFrom: (dumped: unknown) => SandboxFault,
  ) {}

  /** The fast path for this context, or undefined when the build does not expose the entry points. */
  static open(
    context: QuickJSContext,
    runtime: QuickJSRuntime,
    faultFrom: (dumped: unknown) => SandboxFault,
  ): FastFfi | undefined {
    const raw = rawAccess(context, runtime)
    if (!raw) return undefined
    const scratch = raw.mod._malloc(8)
    if (!scratch) return undefined
    return new FastFfi({ ...raw, scratch }, context, faultFrom)
  }

  private heap32(): Int32Array {
    const buf = this.raw.mod.HEAPU8.buffer
    let h = this.h32
    if (h === undefined || h.buffer !== buf) h = this.h32 = new Int32Array(buf)
    return h
  }

  /** Call `fn` with no arguments or with (string, number); its string result. Faults are thrown. */
  call(fn: QuickJSHandle, arg: string | undefined, num: number | undefined): string {
    const raw = this.raw
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
      const h = this.heap32()
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

  /** Run every pending job. Faults are thrown. */
  runJobs(): void {
    const raw = this.raw
    const slot = raw.scratch >> 2
    this.heap32()[slot] = 0
    const v = raw.ffi.QTS_ExecutePendingJob(raw.rt, -1, raw.scratch)
    const jobCtx = this.heap32()[slot]
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

  /** Free the scratch memory (before the context is disposed). */
  free(): void {
    this.raw.mod._free(this.raw.scratch)
  }
}
