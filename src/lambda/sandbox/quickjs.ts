// Where QuickJS WebAssembly modules come from. Node (tests, bench, scripts) compiles the plain
// release-sync variant once and instantiates a fresh module from it for every sandbox
// (loadNodeQuickJS); the browser Worker passes its own loader of the same kind
// (src/worker/quickjs-browser.ts), because only Vite understands the `?url` import of the .wasm.
//
// One module instance per sandbox (that is, per execution environment) is what isolates faults:
// a WebAssembly-level fault (the host's native stack exhausted inside QuickJS, an abort) leaves
// its module in an unknown state, and only the environment that owned it is lost.
import type { QuickJSWASMModule } from 'quickjs-emscripten-core'
import { compileTrackable, instantiateTracked } from './rejection-tracker.ts'

/** A module instance (every sandbox shares it), or a function that makes a fresh one per call
 * (preferred: each environment then has its own WebAssembly memory, so a fault in one never
 * touches another). */
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

/**
 * Hands out modules for new sandboxes. With a loader (the default), every sandbox gets its own
 * module instance; one instance is kept ready so that taking it is synchronous. With a module
 * instance given (tests with a debug build), every sandbox shares it and a WebAssembly-level
 * fault cannot be recovered from.
 */
export class QuickJSProvider {
  private readonly shared: QuickJSWASMModule | undefined
  private readonly load: (() => Promise<QuickJSWASMModule>) | undefined
  private spare: QuickJSWASMModule | undefined
  private making = false
  /** Module instances made so far (diagnostics). */
  instances = 0

  constructor(source: QuickJSSource | undefined) {
    if (source !== undefined && typeof source !== 'function') this.shared = source
    else this.load = source ?? loadNodeQuickJS
  }

  /** Whether each sandbox gets its own module instance. */
  get isolated(): boolean {
    return this.shared === undefined
  }

  /** Resolves once QuickJS is loaded (the first module made is kept for the first sandbox). */
  async ready(): Promise<void> {
    if (this.shared || this.instances > 0) return
    this.spare = await this.make()
  }

  /** A module for a new sandbox if one is at hand (the shared one, or the one ready() made). */
  take(): QuickJSWASMModule | undefined {
    if (this.shared) return this.shared
    const m = this.spare
    this.spare = undefined
    if (m) this.replenish()
    return m
  }

  /** Make the next spare module in the background, so that the next take() is synchronous too. */
  private replenish(): void {
    if (this.making) return
    this.making = true
    this.make().then(
      (m) => {
        this.making = false
        this.spare ??= m
      },
      () => {
        this.making = false
      },
    )
  }

  /** A module for a new sandbox. */
  async create(): Promise<QuickJSWASMModule> {
    return this.take() ?? (await this.make())
  }

  private async make(): Promise<QuickJSWASMModule> {
    if (this.shared) return this.shared
    const m = await this.load!()
    this.instances++
    return m
  }
}
