/**
 * Vite plugin for the code editor's Monaco workers. Monaco's language services each carry a
 * fallback `new Worker(new URL('ts.worker.js', import.meta.url))`, which Vite would bundle as a
 * second copy of every worker (the TypeScript one is 6.9 MB). The editor creates its workers
 * through `MonacoEnvironment.getWorker` (src/playground/editor/monaco/setup.ts), so the
 * fallbacks are never used: this removes them before Vite sees them.
 */
import type { Plugin } from 'vite'

const WORKER_MANAGER = /\/monaco-editor\/esm\/vs\/languages\/features\/[a-z]+\/workerManager\.js$/
const FALLBACK_WORKER =
  /new Worker\(\s*new URL\(\s*(['"])[\w.]+\.worker\.js\1\s*,\s*import\.meta\.url\s*\)\s*,\s*\{[^}]*\}\s*\)/g

export function monacoWorkers(): Plugin {
  return {
    name: 'lf-monaco-workers',
    enforce: 'pre',
    transform(code, id) {
      if (!WORKER_MANAGER.test(id.split('?')[0])) return null
      const out = code.replace(
        FALLBACK_WORKER,
        '(() => { throw new Error("Monaco workers come from MonacoEnvironment.getWorker") })()',
      )
      return out === code ? null : { code: out, map: null }
    },
  }
}
