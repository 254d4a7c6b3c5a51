// The Node.js runtimes the simulator offers, as facts: identifiers, versions, built-in modules.
// One owner for them, with no QuickJS behind it: the prelude build (scripts/build-prelude.ts),
// the platform lines (platform.ts) and the editor's typings (playground runtime-globals.ts) read it.

export interface NodeRuntime {
  /** Lambda's runtime version, as INIT_START prints it: e.g. "nodejs:20.v48". */
  runtimeVersion: string
  /** The Node.js version that runtime version ships. */
  nodeVersion: string
}

/** Runtime identifier -> its current (fixed, realistic) runtime version and Node.js version. */
export const NODE_RUNTIMES: Readonly<Record<string, NodeRuntime>> = {
  'nodejs18.x': { runtimeVersion: 'nodejs:18.v56', nodeVersion: '18.20.8' },
  'nodejs20.x': { runtimeVersion: 'nodejs:20.v48', nodeVersion: '20.19.4' },
  'nodejs22.x': { runtimeVersion: 'nodejs:22.v51', nodeVersion: '22.17.1' },
}

/** The runtime whose facts stand in for an identifier the table does not know. */
export const DEFAULT_NODE_RUNTIME = 'nodejs20.x'

/** The runtime's facts (the default runtime's for an unknown identifier). */
export function nodeRuntime(runtime: string): NodeRuntime {
  return NODE_RUNTIMES[runtime] ?? NODE_RUNTIMES[DEFAULT_NODE_RUNTIME]
}

/**
 * The Node.js version the in-sandbox compatibility layer reports (`process.version` without the v),
 * whatever the function's runtime: the prelude emulates Node 20.
 */
export const PRELUDE_NODE_VERSION = NODE_RUNTIMES['nodejs20.x'].nodeVersion

/** Modules `require`/`import` accept (with or without `node:`), in the order documented. */
export const BUILTIN_MODULES = [
  'assert',
  'assert/strict',
  'buffer',
  'crypto',
  'events',
  'fs',
  'fs/promises',
  'os',
  'path',
  'path/posix',
  'querystring',
  'string_decoder',
  'timers',
  'timers/promises',
  'url',
  'util',
  'util/types',
] as const

/** The runtime client's entry file: the in-sandbox runtime's stack frames name it, as on Lambda. */
export const BOOTSTRAP_FILENAME = 'file:///var/runtime/index.mjs'
