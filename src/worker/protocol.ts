// The typed RPC protocol between the UI (client.ts) and the Worker that hosts src/lambda (host.ts).
import type {
  CreateFunctionRequest,
  DescribeLogStreamsRequest,
  FilterLogEventsRequest,
  FilterLogEventsResponse,
  FunctionConfiguration,
  GetFunctionResponse,
  GetLogEventsRequest,
  GetLogEventsResponse,
  InvokeRequest,
  InvokeResponse,
  LambdaEvent,
  ListFunctionsResponse,
  LogStream,
  UpdateFunctionCodeRequest,
  UpdateFunctionConfigurationRequest,
} from '../lambda/types.ts'

/** Every remote method: [params, result]. */
export interface LambdaMethods {
  createFunction: [CreateFunctionRequest, FunctionConfiguration]
  getFunction: [{ FunctionName: string; Qualifier?: string }, GetFunctionResponse]
  listFunctions: [Record<string, never> | undefined, ListFunctionsResponse]
  updateFunctionCode: [UpdateFunctionCodeRequest, FunctionConfiguration]
  updateFunctionConfiguration: [UpdateFunctionConfigurationRequest, FunctionConfiguration]
  deleteFunction: [{ FunctionName: string; Qualifier?: string }, void]
  invoke: [InvokeRequest, InvokeResponse]
  getLogEvents: [GetLogEventsRequest, GetLogEventsResponse]
  filterLogEvents: [FilterLogEventsRequest, FilterLogEventsResponse]
  describeLogStreams: [DescribeLogStreamsRequest, { logStreams: LogStream[] }]
  describeEnvironments: [
    { FunctionName: string },
    {
      environmentId: string
      logStreamName: string
      busy: boolean
      invocations: number
      lastUsed: number
      heapBytes: number
    }[],
  ]
  advance: [{ ms: number }, { now: number }]
  runUntilIdle: [undefined, { now: number }]
  now: [undefined, { now: number }]
  ping: [undefined, 'pong']
}

export type MethodName = keyof LambdaMethods
export type Params<M extends MethodName> = LambdaMethods[M][0]
export type Result<M extends MethodName> = LambdaMethods[M][1]

export interface CallMessage<M extends MethodName = MethodName> {
  kind: 'call'
  id: number
  method: M
  params: Params<M>
}

export interface SerializedError {
  name: string
  message: string
  statusCode?: number
}

export type ResultMessage =
  | { kind: 'result'; id: number; ok: true; value: unknown }
  | { kind: 'result'; id: number; ok: false; error: SerializedError }

export interface EventsMessage {
  kind: 'events'
  events: LambdaEvent[]
}

export interface ReadyMessage {
  kind: 'ready'
}

export interface FatalMessage {
  kind: 'fatal'
  error: SerializedError
}

export type HostToClient = ResultMessage | EventsMessage | ReadyMessage | FatalMessage

/**
 * Which events the host streams. Log events are off until a listener asks for them: a handler
 * that logs 20,000 lines would otherwise send 20,000 objects to the page, which only reads logs
 * on demand (filterLogEvents), and deserialising them blocks the page's main thread.
 */
export interface SubscribeMessage {
  kind: 'subscribe'
  logs: boolean
}

export type ClientToHost = CallMessage | SubscribeMessage

/** What both ends need from a Worker, a `self` in a Worker, or a MessagePort. */
export interface Endpoint {
  postMessage(message: unknown): void
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void
  start?(): void
}

export function serializeError(err: unknown): SerializedError {
  if (err && typeof err === 'object') {
    const e = err as { name?: unknown; message?: unknown; statusCode?: unknown }
    return {
      name: typeof e.name === 'string' ? e.name : 'Error',
      message: typeof e.message === 'string' ? e.message : String(err),
      ...(typeof e.statusCode === 'number' ? { statusCode: e.statusCode } : {}),
    }
  }
  return { name: 'Error', message: String(err) }
}

/** An error received from the Worker, with the AWS exception name kept as `name`. */
export class RemoteError extends Error {
  readonly statusCode?: number
  constructor(e: SerializedError) {
    super(e.message)
    this.name = e.name
    if (e.statusCode !== undefined) this.statusCode = e.statusCode
  }
}
