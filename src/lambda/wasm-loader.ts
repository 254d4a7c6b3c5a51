// The engine's WebAssembly entry for the browser Worker's loader (src/worker/quickjs-browser.ts):
// compile QuickJS's .wasm with its function table exported and instantiate it with the
// promise-rejection tracker installed (sandbox/rejection-tracker.ts). Small on purpose: the
// Worker loads it in its own chunk, in parallel with the engine's much larger one.
export { compileTrackable, instantiateTracked } from './sandbox/rejection-tracker.ts'
