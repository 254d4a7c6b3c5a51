// The Node.js runtimes the simulator offers, as facts: identifiers, versions, the runtime interface
// client each runs, the frames that client shows below a handler, deprecation dates, built-in
// modules. One owner for them, with no QuickJS behind it: the prelude build (scripts/build-prelude.ts),
// the platform lines (platform.ts), the sandbox configuration, validation and the playground read it.

/**
 * Which runtime interface client a runtime runs:
 * - `ric3`: the JavaScript client 3.x (aws-lambda-nodejs-runtime-interface-client `src/*.js`), in
 *   nodejs18.x–22.x: callback handlers, `process.on('unhandledRejection')` → exit 128,
 *   `Uncaught Exception` → exit 129, the handler called as `Runtime.handler`.
 * - `ric24`: the TypeScript rewrite (`src/runtime/*.ts`, `src/worker/ignition.ts`), in nodejs24.x:
 *   no callback handlers (Runtime.CallbackHandlerDeprecated), no rejection or exception listener
 *   (Node's defaults: the error on stderr, exit status 1), `Init Error` log lines, responses posted
 *   after a setImmediate, the handler called from `BufferedInvokeProcessor.processInvoke`.
 */
export type RuntimeClient = 'ric3' | 'ric24'

export interface NodeRuntime {
  /** Lambda's runtime version, as INIT_START prints it: e.g. "nodejs:20.v48". */
  runtimeVersion: string
  /** The Node.js version that runtime version ships. */
  nodeVersion: string
  /** process.versions.v8 */
  v8Version: string
  /** process.versions.modules (NODE_MODULE_VERSION) */
  modules: string
  /** process.release.lts */
  lts: string
  client: RuntimeClient
  /** Node's own frames below the client's unhandledRejection listener (ric3 only). */
  rejectionFrames: string[]
  /** Lambda's deprecation schedule (AWS Lambda developer guide, "Lambda runtimes"), ISO dates. */
  deprecation: { deprecated: string; blockCreate: string; blockUpdate: string }
}

/** The runtime client's own file, as V8 names it in stack frames. */
export const RUNTIME_FILE = 'file:///var/runtime/index.mjs'

// Frames below the handler, from public Lambda logs (the line numbers of the bundled client).
// ric3: `Runtime.handleOnceNonStreaming` calls the handler synchronously after `await next()`;
// an async handler resumed from a job has no caller frame (its promise is consumed with then()).
const RIC3_SYNC = [`    at Runtime.handleOnceNonStreaming (${RUNTIME_FILE}:1173:29)`]
// ric24 (RIC issue #175, nodejs24.x, Dec 2025): processInvoke awaits the handler.
const RIC24_SYNC = [
  `    at BufferedInvokeProcessor.processInvoke (${RUNTIME_FILE}:1096:33)`,
  `    at ${RUNTIME_FILE}:1182:98`,
  `    at InvokeStoreSingle.run (${RUNTIME_FILE}:84:14)`,
  `    at _Runtime.runWithInvokeContext (${RUNTIME_FILE}:1195:24)`,
  `    at async _Runtime.processSingleConcurrent (${RUNTIME_FILE}:1182:7)`,
  `    at async _Runtime.start (${RUNTIME_FILE}:1169:7)`,
  `    at async ignition (${RUNTIME_FILE}:1638:5)`,
]
const RIC24_ASYNC = [
  `    at async BufferedInvokeProcessor.processInvoke (${RUNTIME_FILE}:1096:22)`,
  `    at async _Runtime.processSingleConcurrent (${RUNTIME_FILE}:1182:7)`,
  `    at async _Runtime.start (${RUNTIME_FILE}:1169:7)`,
  `    at async ignition (${RUNTIME_FILE}:1638:5)`,
]
/** The frames a handler's caller contributes: when it threw synchronously, and after an await. */
export function invokeFrames(client: RuntimeClient): { sync: string[]; async: string[] } {
  return client === 'ric24' ? { sync: RIC24_SYNC, async: RIC24_ASYNC } : { sync: RIC3_SYNC, async: [] }
}
// `TypeError: fetch failed`: Node's fetch (undici, bundled in node:internal/deps/undici/undici)
// creates the error in its own code, resumed from the job queue, so the trace is undici's frame, the
// tick loop's, then the learner's `await`s (`at async Runtime.handler (…)`). Node 20: the host's Node
// 20.20.2 (`fetch('https://nope.invalid')`); Node 22: a public log of v22.18.1-pre (nodejs/node#57165);
// Node 24 bundles undici 7 and no public log was found: its lines are Node 22's (an estimate).
const FETCH_FAILED: Record<number, string[]> = {
  20: [
    '    at node:internal/deps/undici/undici:14976:13',
    '    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)',
  ],
  22: [
    '    at node:internal/deps/undici/undici:13510:13',
    '    at process.processTicksAndRejections (node:internal/process/task_queues:105:5)',
  ],
}
/** Node's own frames at the top of `TypeError: fetch failed` for a Node.js major version. */
export function fetchFailedFrames(major: number): string[] {
  return FETCH_FAILED[major] ?? FETCH_FAILED[major < 22 ? 20 : 22]
}
/** How the runtime client names the handler's frame: `Runtime.main [as handler]`, `BufferedInvokeProcessor.main`. */
export function handlerReceiver(client: RuntimeClient): { type: string; as: boolean } {
  return client === 'ric24' ? { type: 'BufferedInvokeProcessor', as: false } : { type: 'Runtime', as: true }
}

// The ric3 listener `process.on('unhandledRejection', …)` and Node's frames that emit it
// (nodejs20.x: a public log, Jan 2025; nodejs22.x: Node 22's own lines).
const listener = `    at process.<anonymous> (${RUNTIME_FILE}:1276:17)`
const NODE20_REJECTION = [
  listener,
  '    at process.emit (node:events:518:28)',
  '    at emitUnhandledRejection (node:internal/process/promises:252:13)',
  '    at throwUnhandledRejectionsMode (node:internal/process/promises:388:19)',
  '    at processPromiseRejections (node:internal/process/promises:475:17)',
  '    at process.processTicksAndRejections (node:internal/process/task_queues:106:32)',
]
const NODE22_REJECTION = [
  listener,
  '    at process.emit (node:events:519:28)',
  '    at emitUnhandledRejection (node:internal/process/promises:252:13)',
  '    at throwUnhandledRejectionsMode (node:internal/process/promises:388:19)',
  '    at processPromiseRejections (node:internal/process/promises:475:17)',
  '    at process.processTicksAndRejections (node:internal/process/task_queues:104:32)',
]

/** Runtime identifier -> its current (fixed, realistic) facts. */
export const NODE_RUNTIMES: Readonly<Record<string, NodeRuntime>> = {
  'nodejs18.x': {
    runtimeVersion: 'nodejs:18.v56',
    nodeVersion: '18.20.8',
    v8Version: '10.2.154.26-node.39',
    modules: '108',
    lts: 'Hydrogen',
    client: 'ric3',
    rejectionFrames: NODE20_REJECTION,
    deprecation: { deprecated: '2025-09-01', blockCreate: '2026-02-03', blockUpdate: '2026-03-09' },
  },
  'nodejs20.x': {
    runtimeVersion: 'nodejs:20.v48',
    nodeVersion: '20.19.4',
    v8Version: '11.3.244.8-node.30',
    modules: '115',
    lts: 'Iron',
    client: 'ric3',
    rejectionFrames: NODE20_REJECTION,
    // "Lambda runtimes" (docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html), supported-runtimes
    // table: Node.js 20, deprecation Apr 30, 2026; block function create Aug 31, 2026; block function
    // update Sep 30, 2026. Creating a nodejs20.x function is refused from Aug 31, 2026 on.
    deprecation: { deprecated: '2026-04-30', blockCreate: '2026-08-31', blockUpdate: '2026-09-30' },
  },
  'nodejs22.x': {
    runtimeVersion: 'nodejs:22.v51',
    nodeVersion: '22.17.1',
    v8Version: '12.4.254.21-node.27',
    modules: '127',
    lts: 'Jod',
    client: 'ric3',
    rejectionFrames: NODE22_REJECTION,
    // Same table: Node.js 22, deprecation Apr 30, 2027; block create Jun 1, 2027; block update Jul 1, 2027.
    deprecation: { deprecated: '2027-04-30', blockCreate: '2027-06-01', blockUpdate: '2027-07-01' },
  },
  'nodejs24.x': {
    runtimeVersion: 'nodejs:24.v24',
    nodeVersion: '24.11.1',
    v8Version: '13.6.233.10-node.29',
    modules: '137',
    lts: 'Krypton',
    client: 'ric24',
    rejectionFrames: [],
    deprecation: { deprecated: '2028-04-30', blockCreate: '2028-06-01', blockUpdate: '2028-07-01' },
  },
}

/** The runtime whose facts stand in for an identifier the table does not know. */
export const DEFAULT_NODE_RUNTIME = 'nodejs20.x'

/** What the Lambda console offers by default for a new Node.js function (the developer guide's "Choose Node.js 24.x"). */
export const CONSOLE_DEFAULT_RUNTIME = 'nodejs24.x'

/** The runtime's facts (the default runtime's for an unknown identifier). */
export function nodeRuntime(runtime: string): NodeRuntime {
  return NODE_RUNTIMES[runtime] ?? NODE_RUNTIMES[DEFAULT_NODE_RUNTIME]
}

/** The Node.js major version of a runtime identifier (20 for nodejs20.x). */
export function nodeMajor(runtime: string): number {
  return Number(nodeRuntime(runtime).nodeVersion.split('.')[0])
}

/** Whether Lambda deprecated the runtime on or before `isoDate` (YYYY-MM-DD). */
export function isDeprecated(runtime: string, isoDate: string): boolean {
  const r = NODE_RUNTIMES[runtime]
  return r !== undefined && r.deprecation.deprecated <= isoDate
}

/**
 * The Node.js version the compatibility layer was built with (`process.version` when the sandbox is
 * not told its runtime); the sandbox reports each runtime's own version.
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
  'http',
  'https',
  'os',
  'path',
  'path/posix',
  'querystring',
  'stream/web',
  'string_decoder',
  'timers',
  'timers/promises',
  'url',
  'util',
  'util/types',
] as const

/** The runtime client's entry file: the in-sandbox runtime's stack frames name it, as on Lambda. */
export const BOOTSTRAP_FILENAME = RUNTIME_FILE
