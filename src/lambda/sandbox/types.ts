// What the service and a sandbox exchange: the function's configuration, limits, the step result
// of a phase, the runtime's error shape, and the fault a crossing throws. No QuickJS behind it.
import type { HttpIoRequest, HttpIoResponse, NetworkErrorShape } from '../types.ts'

export type { HttpIoRequest, HttpIoResponse, NetworkErrorShape }

export interface SandboxConfig {
  /** Packages the runtime provides that the function's files name (the AWS SDK, src/lambda/sdk). */
  provided?: string[]
  /** The function's files, paths relative to /var/task. */
  files: Record<string, string>
  handler: string
  env: Record<string, string>
  logFormat: 'Text' | 'JSON'
  functionName: string
  version: string
  /** context.memoryLimitInMB (a string, as on Lambda). */
  memory: string
  logGroupName: string
  logStreamName: string
  tmpSize: number
  /** Virtual epoch ms at which the process starts (performance.timeOrigin). */
  perfOrigin: number
  /** The simulated runtime, as the in-sandbox client needs it (see runtime/node-runtime.ts). */
  runtime: RuntimeProfile
}

/** What the in-sandbox runtime client needs to know about the runtime it simulates. */
export interface RuntimeProfile {
  /** e.g. "nodejs22.x" */
  id: string
  /** Node.js version without the v, e.g. "22.17.1" */
  node: string
  major: number
  v8: string
  modules: string
  lts: string
  /** The runtime interface client: 'ric3' (nodejs18.x–22.x) or 'ric24' (nodejs24.x). */
  client: 'ric3' | 'ric24'
  /** The client's frames below a handler that threw synchronously / after an await. */
  syncFrames: string[]
  asyncFrames: string[]
  /** How the client's call names the handler frame (`Runtime.x [as handler]`). */
  receiver: string
  receiverAs: boolean
  /** Node's frames below the client's unhandledRejection listener (ric3). */
  rejectionFrames: string[]
  /** Node's own frames at the top of `TypeError: fetch failed` (undici's, the tick loop's). */
  fetchFrames: string[]
  /** require() of an ES module (off on nodejs20.x/22.x unless NODE_OPTIONS re-enables it). */
  requireModule: boolean
  /** A typeless .js file with ES module syntax loads as an ES module. */
  detectModule: boolean
}

export interface SandboxLimits {
  memoryLimitBytes: number
  maxStackBytes: number
}

/** The runtime client's error response: Errors.toRapidResponse's shape. */
export interface ErrorShape {
  errorType: string
  errorMessage: string
  trace?: string[]
  /** Set by the runtime instead of the fields when the error's body could only exceed RESPONSE_LIMIT. */
  oversize?: boolean
}

/** One request leaving the sandbox with a step result: [id, kind, request, virtual time sent]. */
export type IoRequestEntry = [number, 'http', HttpIoRequest, number?]
/** One answer going back in: [id, 1, response] or [id, 0, error]. */
export type IoAnswer = [number, 1, HttpIoResponse] | [number, 0, NetworkErrorShape]

/** Result of step(): see the status codes in src/lambda/runtime/bootstrap/phases.js. */
export interface StepResult {
  s: 0 | 1 | 2 | 3 | 4 | 5
  t: number
  l?: string[]
  e?: ErrorShape
  x?: number
  /** Requests the handler sent since the last step. */
  q?: IoRequestEntry[]
  /** Requests it gave up on (aborted) since the last step. */
  c?: number[]
  payload: string
}

/** Thrown by a crossing when the sandbox can no longer be used. */
export class SandboxFault extends Error {
  constructor(
    readonly kind: 'timeout' | 'oom' | 'stack' | 'crash',
    message: string,
    /** The WebAssembly module itself is in an unknown state and must be discarded. */
    readonly poisoned = false,
  ) {
    super(message)
    this.name = 'SandboxFault'
  }
}

export interface LogSink {
  (lines: string[], at: number): void
}
