// The memory limit where memory really grows, and the peak-memory accounting of one sandbox.
//
// QuickJS's own malloc limit does not see every allocation in this build (no malloc_usable_size
// under Emscripten: strings are not accounted), so memory is also bounded where it really
// grows: WebAssembly.Memory.grow. While a sandbox runs, growth past its budget is refused, which
// makes QuickJS's malloc fail ("out of memory") right away; the sandbox is then killed as OOM.
import type { QuickJSWASMModule } from 'quickjs-emscripten-core'

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

export class MemoryGuard {
  private readonly memory: WebAssembly.Memory | undefined
  private limit: number
  private entryWasm = 0
  private readonly guard: GrowGuard
  private samples = 0
  private grewSinceSample = true
  /** A growth was refused during the current crossing. */
  oomHit = false
  /** Peak QuickJS heap seen (bytes), from QuickJS's own accounting. */
  peakHeap = 0
  /** Peak estimate including WebAssembly memory growth while this sandbox ran. */
  peakSeen = 0

  constructor(qjs: QuickJSWASMModule, limitBytes: number) {
    installGrowGuard()
    let memory: WebAssembly.Memory | undefined
    try {
      memory = (qjs as { getWasmMemory?: () => WebAssembly.Memory }).getWasmMemory?.()
    } catch {
      memory = undefined
    }
    this.memory = memory
    this.limit = limitBytes
    this.guard = (mem, delta) => {
      if (mem !== this.memory) return true
      const grown = mem.buffer.byteLength + delta * 65536 - this.entryWasm
      if (this.peakHeap + grown > this.limit) {
        this.oomHit = true
        return false
      }
      return true
    }
  }

  setLimit(bytes: number): void {
    this.limit = bytes
  }

  /** A crossing starts: growth from here on counts against this sandbox. */
  enter(): void {
    this.oomHit = false
    if (this.memory) {
      this.entryWasm = this.memory.buffer.byteLength
      activeGuard = this.guard
    }
  }

  /** The crossing ended: stop guarding, and count what the WebAssembly memory grew meanwhile. */
  leave(): void {
    activeGuard = undefined
    if (this.memory) {
      const grown = this.memory.buffer.byteLength - this.entryWasm
      if (grown > 0) {
        this.grewSinceSample = true
        if (this.peakHeap + grown > this.peakSeen) this.peakSeen = this.peakHeap + grown
      }
    }
  }

  /**
   * Whether to measure the heap now for Max Memory Used: QuickJS's accounting walks the whole
   * heap, so it is sampled on the first call, every 32nd, and whenever the memory grew meanwhile.
   */
  sampleDue(): boolean {
    if (this.samples++ % 32 === 0 || this.grewSinceSample) {
      this.grewSinceSample = false
      return true
    }
    return false
  }

  /** Record a heap measurement (bytes in use). */
  record(bytes: number): void {
    if (bytes > this.peakHeap) this.peakHeap = bytes
    if (bytes > this.peakSeen) this.peakSeen = bytes
  }

  /** The peak memory estimate. */
  get peak(): number {
    return Math.max(this.peakSeen, this.peakHeap)
  }
}
