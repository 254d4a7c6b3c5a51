// Where the QuickJS WebAssembly module comes from. Node (tests, bench, scripts) loads the plain
// release-sync variant; the browser Worker passes its own loader (see src/worker/quickjs-browser.ts),
// because only Vite understands the `?url` import of the .wasm file.
import type { QuickJSWASMModule } from 'quickjs-emscripten-core'
import { compileTrackable, instantiateTracked } from './rejection-tracker.ts'

/** A module instance, or a function that loads a fresh one (preferred: lets the engine recover
 * from a WebAssembly-level crash by loading a new module). */
export type QuickJSSource = QuickJSWASMModule | (() => Promise<QuickJSWASMModule>)

let nodeCompiled: Promise<WebAssembly.Module> | undefined

/**
 * Default loader for Node: the release-sync variant, imported lazily, its .wasm compiled once with
 * the function table exported (for the rejection tracker, see rejection-tracker.ts); each call
 * instantiates a fresh module from it.
 */
export async function loadNodeQuickJS(): Promise<QuickJSWASMModule> {
  const variant = (await import('@jitl/quickjs-wasmfile-release-sync')).default
  nodeCompiled ??= readVariantWasm().then(compileTrackable)
  nodeCompiled.catch(() => (nodeCompiled = undefined))
  return instantiateTracked(variant, await nodeCompiled)
}

async function readVariantWasm(): Promise<Uint8Array> {
  // Node only (the browser passes its own loader): names hidden from bundlers.
  const fsName = 'node:fs/promises'
  const moduleName = 'node:module'
  const [fs, mod] = (await Promise.all([import(/* @vite-ignore */ fsName), import(/* @vite-ignore */ moduleName)])) as [
    { readFile(path: string): Promise<Uint8Array> },
    { createRequire(url: string): { resolve(id: string): string } },
  ]
  return fs.readFile(mod.createRequire(import.meta.url).resolve('@jitl/quickjs-wasmfile-release-sync/wasm'))
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
