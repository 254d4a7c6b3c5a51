// Blank sandboxes kept ready (pre-created in idle time, as Lambda keeps a warm pool of sandboxes),
// the start-up warm-up, and the sandboxes' creation and disposal. Each sandbox lives in its own
// WebAssembly module instance when the engine has a loader (see sandbox/quickjs.ts).
import type { QuickJSWASMModule } from 'quickjs-emscripten-core'
import { Sandbox } from '../sandbox/sandbox.ts'
import { SandboxFault } from '../sandbox/types.ts'
import { limitsFor } from './limits.ts'
import type { ServiceCore } from './state.ts'
import { runtimeProfile } from './sandbox-config.ts'

export class SandboxPool {
  private pool: Sandbox[] = []
  private refilling = false
  /** Creating a blank sandbox failed: no more refills until the next take() */
  private refillFailed = false

  constructor(
    private readonly core: ServiceCore,
    /** Called with every error a sandbox operation threw (a poisoned module is handled there). */
    private readonly onFault: (err: unknown, sb: Sandbox | undefined) => void,
  ) {}

  /**
   * Run a small function a few times so the WebAssembly engine has compiled QuickJS's hot paths
   * before the first measured Init: otherwise the very first cold start of the session would
   * report an Init Duration inflated by the host's JIT warm-up, not by the learner's code. (The
   * compiled code is shared by every instance of the module.)
   */
  warmUp(qjs: QuickJSWASMModule): void {
    let sb: Sandbox | undefined
    try {
      sb = new Sandbox(qjs, limitsFor(512))
      sb.configure({
        files: {
          'index.mjs':
            'import { w } from "./lib.js"; const seen = new Map(); export const handler = async (e) => { seen.set(e.i, JSON.stringify({ e, w })); console.log("warm %d", e.i); return [...seen.keys()].length }',
          'lib.js': 'exports.w = [1, 2, 3].map(String).join("-")',
        },
        handler: 'index.handler',
        env: {},
        logFormat: 'Text',
        functionName: 'warm-up',
        version: '$LATEST',
        memory: '512',
        logGroupName: '/aws/lambda/warm-up',
        logStreamName: 'warm-up',
        tmpSize: 512 * 1024 * 1024,
        perfOrigin: 0,
        runtime: runtimeProfile('nodejs22.x', ''),
      })
      sb.setDeadline(Infinity, performance.now() + 5000)
      sb.init()
      sb.runJobs()
      sb.step()
      for (let i = 0; i < 20; i++) {
        sb.start(`{"i":${i}}`, `warm-${i}\t1e15\t\t`)
      }
      sb.dispose()
    } catch (err) {
      if (sb) {
        if (err instanceof SandboxFault && err.poisoned) sb.abandon()
        else {
          try {
            sb.dispose()
          } catch (e) {
            this.onFault(e, sb)
          }
        }
      }
      this.onFault(err, sb)
    }
  }

  /** Refill the pool in idle time (one sandbox per macrotask). */
  scheduleRefill(): void {
    const core = this.core
    if (this.refilling || this.refillFailed || core.disposed || this.pool.length >= core.settings.prewarmCount) return
    this.refilling = true
    setTimeout(() => {
      void this.refillOne().finally(() => {
        this.refilling = false
        if (!core.disposed && this.pool.length < core.settings.prewarmCount) this.scheduleRefill()
      })
    }, 0)
  }

  private async refillOne(): Promise<void> {
    const core = this.core
    let qjs: QuickJSWASMModule
    try {
      qjs = await core.provider.create()
    } catch {
      this.refillFailed = true // loading failed: the next cold start reports it
      return
    }
    if (core.disposed || this.pool.length >= core.settings.prewarmCount) return
    try {
      this.pool.push(this.newSandbox(qjs, 128))
    } catch (err) {
      this.onFault(err, undefined)
      this.refillFailed = true
    }
  }

  private newSandbox(qjs: QuickJSWASMModule, memorySize: number): Sandbox {
    const sb = new Sandbox(qjs, limitsFor(memorySize))
    this.core.stats.sandboxesCreated++
    return sb
  }

  disposeSandbox(sb: Sandbox): void {
    try {
      sb.dispose()
      this.core.stats.sandboxesDisposed++
    } catch (err) {
      this.onFault(err, sb)
    }
  }

  /** Dispose of every blank sandbox. */
  drain(): void {
    for (const sb of this.pool) {
      if (sb.alive) this.disposeSandbox(sb)
    }
    this.pool = []
  }

  /** A blank sandbox for a new environment: a pre-created one, or a new one. */
  async take(memorySize: number): Promise<Sandbox> {
    let sb: Sandbox | undefined
    while (!sb && this.pool.length > 0) {
      const candidate = this.pool.pop()!
      if (candidate.alive) sb = candidate
    }
    if (!sb) {
      // Synchronous when a spare module is at hand (an invoke then starts within the clock's tick).
      const provider = this.core.provider
      sb = this.newSandbox(provider.take() ?? (await provider.create()), memorySize)
    }
    this.refillFailed = false
    this.scheduleRefill()
    return sb
  }

  /** Every blank sandbox on `module` is lost (it faulted): drop them without freeing them. */
  abandonModule(module: QuickJSWASMModule): void {
    this.pool = this.pool.filter((sb) => {
      if (sb.module !== module) return true
      sb.abandon()
      return false
    })
  }
}
