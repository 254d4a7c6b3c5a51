// The browser's QuickJS loader (Vite only: the `?url` import gives the hashed .wasm URL).
// Never import this file from code that Node/Vitest loads; src/lambda loads the plain variant there.
import { newQuickJSWASMModuleFromVariant, newVariant, type QuickJSWASMModule } from 'quickjs-emscripten-core'
import releaseSync from '@jitl/quickjs-wasmfile-release-sync'
import wasmLocation from '@jitl/quickjs-wasmfile-release-sync/wasm?url'

let compiled: Promise<WebAssembly.Module> | undefined

/** Compiles the .wasm once; each call instantiates a fresh module from it (fast), e.g. after a crash. */
export function loadBrowserQuickJS(): Promise<QuickJSWASMModule> {
  compiled ??= WebAssembly.compileStreaming(fetch(wasmLocation)).catch(async () => {
    const res = await fetch(wasmLocation)
    return WebAssembly.compile(await res.arrayBuffer())
  })
  return compiled.then((wasmModule) => newQuickJSWASMModuleFromVariant(newVariant(releaseSync, { wasmModule })))
}
