// The browser's QuickJS loader (Vite only: the `?url` import gives the hashed .wasm URL).
// Never import this file from code that Node/Vitest loads; src/lambda loads the plain variant there.
// The .wasm is compiled with its function table exported, so the engine can install QuickJS's own
// promise-rejection tracker (src/lambda/sandbox/rejection-tracker.ts, through the engine's small
// WebAssembly entry src/lambda/wasm-loader.ts, which keeps this chunk small).
import type { QuickJSWASMModule } from 'quickjs-emscripten-core'
import releaseSync from '@jitl/quickjs-wasmfile-release-sync'
import wasmLocation from '@jitl/quickjs-wasmfile-release-sync/wasm?url'
import { compileTrackable, instantiateTracked } from '../lambda/wasm-loader.ts'

let compiled: Promise<WebAssembly.Module> | undefined

/** Compiles the .wasm once; each call instantiates a fresh module from it (fast), e.g. after a crash. */
export function loadBrowserQuickJS(): Promise<QuickJSWASMModule> {
  compiled ??= fetch(wasmLocation)
    .then((res) => res.arrayBuffer())
    .then(compileTrackable)
  compiled.catch(() => (compiled = undefined))
  return compiled.then((wasmModule) =>
    instantiateTracked(releaseSync, wasmModule, (why) =>
      console.warn(`Unhandled promise rejections are not detected in this browser (${why}).`),
    ),
  )
}
