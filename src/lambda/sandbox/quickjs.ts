// Where the QuickJS WebAssembly module comes from. Node (tests, bench, scripts) loads the plain
// release-sync variant; the browser Worker passes its own loader (see src/worker/quickjs-browser.ts),
// because only Vite understands the `?url` import of the .wasm file.
import type { QuickJSWASMModule } from 'quickjs-emscripten-core'

/** A module instance, or a function that loads a fresh one (preferred: lets the engine recover
 * from a WebAssembly-level crash by loading a new module). */
export type QuickJSSource = QuickJSWASMModule | (() => Promise<QuickJSWASMModule>)

/** Default loader for Node: the release-sync variant, imported lazily. */
export async function loadNodeQuickJS(): Promise<QuickJSWASMModule> {
  const [{ newQuickJSWASMModuleFromVariant }, variant] = await Promise.all([
    import('quickjs-emscripten-core'),
    import('@jitl/quickjs-wasmfile-release-sync'),
  ])
  return newQuickJSWASMModuleFromVariant(variant.default)
}

export class QuickJSProvider {
  private current: QuickJSWASMModule | undefined
  private pending: Promise<QuickJSWASMModule> | undefined
  /** Incremented each time the module is replaced after a crash. */
  generation = 0

  constructor(private readonly source: QuickJSSource | undefined) {
    if (source !== undefined && typeof source !== 'function') this.current = source
  }

  get canReload(): boolean {
    return this.source === undefined || typeof this.source === 'function'
  }

  async get(): Promise<QuickJSWASMModule> {
    if (this.current) return this.current
    if (!this.pending) {
      const load = typeof this.source === 'function' ? this.source : loadNodeQuickJS
      this.pending = load().then(
        (m) => {
          this.current = m
          this.pending = undefined
          return m
        },
        (err) => {
          this.pending = undefined
          throw err
        },
      )
    }
    return this.pending
  }

  /** Synchronous access once loaded. */
  peek(): QuickJSWASMModule | undefined {
    return this.current
  }

  /** The module hit a WebAssembly-level fault: forget it so the next get() loads a new one. */
  poison(): void {
    if (!this.canReload) return
    this.current = undefined
    this.generation++
  }
}
