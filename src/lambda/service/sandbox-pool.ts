// Blank sandboxes kept ready (pre-created in idle time, as Lambda keeps a warm pool of sandboxes),
// the start-up warm-up, and the sandboxes' creation and disposal.
import type { QuickJSWASMModule } from 'quickjs-emscripten-core'
import { Sandbox } from '../sandbox/sandbox.ts'
import { SandboxFault } from '../sandbox/types.ts'
import { limitsFor } from './limits.ts'
import type { ServiceCore } from './state.ts'
import { runtimeProfile } from './sandbox-config.ts'

export class SandboxPool {
  private pool: Sandbox[] = []
  private poolGeneration = 0
  private refillScheduled = false

  constructor(
    private readonly core: ServiceCore,
    /** Called with every error a sandbox operation threw (a poisoned module is handled there). */
    private readonly onFault: (err: unknown) => void,
  ) {}

  /**
   * Run a small function a few times so the WebAssembly engine has compiled QuickJS's hot paths
   * before the first measured Init: otherwise the very first cold start of the session would
   * report an Init Duration inflated by the host's JIT warm-up, not by the learner's code.
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
      sb.setDeadline(Infinity, 5000)
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
            this.onFault(e)
          }
        }
      }
      this.onFault(err)
    }
  }

  scheduleRefill(): void {
    const core = this.core
    if (this.refillScheduled || core.disposed || this.pool.length >= core.settings.prewarmCount) return
    this.refillScheduled = true
    setTimeout(() => {
      this.refillScheduled = false
      if (core.disposed) return
      const qjs = core.provider.peek()
      if (!qjs) return
      if (this.poolGeneration !== core.provider.generation) this.drain()
      if (this.pool.length < core.settings.prewarmCount) {
        try {
          this.pool.push(this.newSandbox(qjs, 128))
        } catch (err) {
          this.onFault(err)
          return
        }
        this.scheduleRefill()
      }
    }, 0)
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
      this.onFault(err)
    }
  }

  /** Dispose of every blank sandbox (they are rebuilt on the current module). */
  drain(): void {
    for (const sb of this.pool) {
      if (sb.alive) this.disposeSandbox(sb)
    }
    this.pool = []
    this.poolGeneration = this.core.provider.generation
  }

  /** A blank sandbox for a new environment: a pre-created one, or a new one. */
  async take(memorySize: number): Promise<Sandbox> {
    const provider = this.core.provider
    const qjs: QuickJSWASMModule = await provider.get()
    if (this.poolGeneration !== provider.generation) this.drain()
    const sb = this.pool.pop() ?? this.newSandbox(qjs, memorySize)
    this.scheduleRefill()
    return sb
  }

  /** The WebAssembly module is lost: drop the blank sandboxes without freeing them, and the module. */
  abandon(): void {
    for (const sb of this.pool) sb.abandon()
    this.pool = []
    this.core.provider.poison()
    this.poolGeneration = this.core.provider.generation
  }
}
