// When a crossing into QuickJS must stop: the interrupt handler, and how often QuickJS asks it.
//
// QuickJS asks the host's interrupt handler once every 10,000 "polls" (function calls and
// backward jumps), counting down `JSContext.interrupt_counter`. That is fine for cheap code
// (~0.1 ms between checks) but not for code whose every step is long — a loop that logs a 20 MB
// string or repeats a megabyte string checks once every few minutes. So, when the build allows
// it (the counter's address is found and verified once per build, see calibrate()), the
// handler steers the countdown itself:
//  - each crossing starts with a short countdown (START_POLLS), so a trivial invoke never calls
//    the handler and a long one calls it early;
//  - the handler measures the real time since its last call and picks the next countdown so that
//    calls come about every TARGET_MS (at most QuickJS's own 10,000);
//  - a host callback that finds the budget spent (poke()) makes the very next poll interrupt.
// Without the address (another QuickJS build), QuickJS's own 10,000 applies and the engine still
// works; only the bound on a loop of long native steps is weaker.
import type { QuickJSContext, QuickJSWASMModule } from 'quickjs-emscripten-core'

/** QuickJS's JS_INTERRUPT_COUNTER_INIT. */
const QUICKJS_POLLS = 10_000
/** Countdown at the start of a crossing. */
const START_POLLS = 1000
/** Aimed real time between two calls of the handler, ms. */
const TARGET_MS = 1

interface HeapAccess {
  HEAPU8: Uint8Array
}

/**
 * Where `interrupt_counter` sits in the JSContext of the QuickJS builds we know (bellard/quickjs
 * 2025-09-13 on wasm32, release and debug). The probe below must find it there, or the feature
 * stays off: nothing is ever written at an offset that was not expected.
 */
const KNOWN_OFFSETS = new Set([232])

/** Offset of `interrupt_counter` in JSContext, per build (keyed by its FFI class); -1 when unknown. */
const offsets = new WeakMap<object, number>()

function moduleOf(ctx: QuickJSContext): HeapAccess | undefined {
  const mod = (ctx as unknown as { module?: HeapAccess }).module
  return mod && mod.HEAPU8 instanceof Uint8Array ? mod : undefined
}

function contextPointer(ctx: QuickJSContext): number | undefined {
  const p = (ctx as unknown as { ctx?: { value?: unknown } }).ctx?.value
  return typeof p === 'number' ? p : undefined
}

/**
 * Find `interrupt_counter` in this build's JSContext: QuickJS sets it to 10,000 just before it
 * calls the handler, so on the first call exactly one word of the context must hold 10,000;
 * writing a small countdown there must then make the handler come back that many polls later.
 * Done once per build, on a throwaway runtime (its module is discarded when this is isolated).
 */
function calibrate(qjs: QuickJSWASMModule): number {
  const rt = qjs.newRuntime()
  const ctx = rt.newContext()
  const mod = moduleOf(ctx)
  const base = contextPointer(ctx)
  if (!mod || base === undefined) return -1
  let offset = -1
  let first = true
  let calls = 0
  rt.setInterruptHandler(() => {
    const heap = new Int32Array(mod.HEAPU8.buffer)
    if (first) {
      first = false
      const found: number[] = []
      for (let off = 0; off < 512; off += 4) if (heap[(base + off) >> 2] === QUICKJS_POLLS) found.push(off)
      if (found.length === 1 && KNOWN_OFFSETS.has(found[0])) offset = found[0]
    } else calls++
    if (offset >= 0) heap[(base + offset) >> 2] = 10
    return false
  })
  // ~3 polls per iteration: the first call comes after 10,000 polls, then every 10 if the
  // offset is right (thousands of calls), or every 10,000 if it is not (a handful).
  const r = ctx.evalCode('(() => { for (let i = 0; i < 20000; i++) {} })()')
  const ok = !r.error && calls > 1000
  if (r.error) r.error.dispose()
  else r.value.dispose()
  if (ok) {
    ctx.dispose()
    rt.dispose()
    return offset
  }
  // Something was written where it should not have been: leave this runtime alone.
  return -1
}

export class Interrupts {
  /** performance.now() after which the running crossing is interrupted. */
  at = Infinity
  /** The handler interrupted the crossing (cleared by the sandbox before each phase). */
  fired = false
  private readonly mod: HeapAccess | undefined
  private readonly addr: number
  private heap: Int32Array | undefined
  private last = 0
  private polls = QUICKJS_POLLS

  constructor(qjs: QuickJSWASMModule, ctx: QuickJSContext) {
    const key = (qjs as unknown as { ffi?: object }).ffi?.constructor ?? qjs
    let offset = offsets.get(key)
    if (offset === undefined) {
      try {
        offset = calibrate(qjs)
      } catch {
        offset = -1
      }
      offsets.set(key, offset)
    }
    const base = contextPointer(ctx)
    this.mod = offset >= 0 && base !== undefined ? moduleOf(ctx) : undefined
    this.addr = this.mod ? base! + offset : 0
  }

  /** Whether the countdown is steered (the build's counter was found). */
  get steered(): boolean {
    return this.addr !== 0
  }

  private write(n: number): void {
    const buf = this.mod!.HEAPU8.buffer
    let h = this.heap
    if (h === undefined || h.buffer !== buf) h = this.heap = new Int32Array(buf)
    h[this.addr >> 2] = n
  }

  /** A crossing starts at `now` (performance.now()). */
  enter(now: number): void {
    this.last = now
    if (this.addr !== 0) {
      this.polls = START_POLLS
      this.write(START_POLLS)
    }
  }

  /** QuickJS's interrupt handler. */
  readonly handler = (): boolean => {
    const now = performance.now()
    if (now > this.at) {
      this.fired = true
      return true
    }
    if (this.addr !== 0) {
      const dt = now - this.last
      let n = this.polls
      if (dt > TARGET_MS) n = Math.max(1, Math.floor((n * TARGET_MS) / dt))
      else if (dt < TARGET_MS / 4) n = Math.min(QUICKJS_POLLS, n * 4)
      this.polls = n
      this.write(n)
    }
    this.last = now
    return false
  }

  /** From a host callback: true once the budget is spent; the next poll then interrupts. */
  spent(): boolean {
    if (performance.now() <= this.at) return false
    if (this.addr !== 0) this.write(1)
    return true
  }
}
