// The engine's light public entry, for the UI (src/README.md, "Imports"): the API's types, the
// service's own validation (so the UI answers with Lambda's messages before a call), the sample
// events and the Lambda console's rules. No QuickJS behind it: public.test.ts checks that importing
// this file pulls in no sandbox and no WebAssembly. The engine itself is `createLambda()` in
// index.ts, which the UI reaches only through the Worker client (src/worker/client.ts).

export type * from './types.ts'
export type { ReportData } from './runtime/platform.ts'
export type { LambdaExceptionName } from './errors.ts'

export {
  SUPPORTED_RUNTIMES,
  FUNCTION_NAME_PATTERN,
  RESERVED_ENV,
  parseFunctionName,
  validateCreateName,
  validateEnvironment,
  validateHandler,
  validateLogging,
  validateNumbers,
  validateRuntime,
} from './service/validate.ts'

export {
  DEFAULT_ACCOUNT_ID,
  DEFAULT_REGION,
  DEFAULT_TIME,
  findSampleEvent,
  sampleEventGroups,
  sampleEventId,
  sampleEvents,
  type Invocation,
  type SampleEvent,
  type SampleEventGroup,
  type SampleEventOptions,
} from './events/index.ts'

export { EVENT_NAME_RE, MAX_SAVED_EVENTS, eventNameProblem } from './console.ts'

// The JSON syntax scanner the runtime's JSON.parse uses (V8's messages), for the event editor.
export { scanJsonSyntax, type JsonSyntaxError } from './runtime/json-syntax.js'

// The built-in modules the simulated Node.js runtime provides (for the editor's typings).
export { BUILTIN_MODULES } from './runtime/node-runtime.ts'

// The runtimes the playground offers, the console's default, and Lambda's deprecation dates.
export { CONSOLE_DEFAULT_RUNTIME, NODE_RUNTIMES, isDeprecated } from './runtime/node-runtime.ts'

// The one virtual clock (pure: the simulated account shares it with the engine).
export { VirtualClock, type ClockTask, type VirtualClockOptions } from './clock.ts'

// The AWS SDK packages the runtime provides (for the editor's typings of their imports).
export { SDK_PACKAGES, type SdkPackage } from './sdk/packages.ts'
