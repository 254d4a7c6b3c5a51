// The RPC protocol between the UI (client.ts) and the Worker that hosts the engine (host.ts).
//
// Nothing here restates the engine: the remote operations are the engine's own methods, named in
// one list, and their arguments and results are derived from the engine's types. A call names the
// engine instance it is for (the host keeps several, each with its own functions and clock: the
// learner's, and one for lab checks), the operation, and the operation's arguments as they are
// passed to the engine.
//
// Adding an operation: one name in ENGINE_OPERATIONS (or one entry in HostOperations and in the
// host's table), and one line in the client.
//
// Each instance is a simulated AWS account (src/aws) with its Lambda engine inside, on one clock:
// `send(service, operation, input)` calls any of the account's operations through its gateway as
// the account's admin user; the gateway's call log streams as `calls` messages.
import type { CallRecord } from '../aws/index.ts'
import type { Lambda, LambdaEvent } from '../lambda/index.ts'

/** The engine's methods the Worker exposes, called as on the engine: same arguments, same result. */
export const ENGINE_OPERATIONS = [
  'createFunction',
  'getFunction',
  'listFunctions',
  'updateFunctionCode',
  'updateFunctionConfiguration',
  'deleteFunction',
  'invoke',
  'getLogEvents',
  'filterLogEvents',
  'describeLogStreams',
  'describeEnvironments',
] as const satisfies readonly (keyof Lambda)[]

export type EngineOperation = (typeof ENGINE_OPERATIONS)[number]

/** Operations the host adds around an engine instance: its clock (answering with the time after), and the watchdog's ping. */
export interface HostOperations {
  advance(ms: number): Promise<{ now: number }>
  runUntilIdle(): Promise<{ now: number }>
  now(): { now: number }
  ping(): 'pong'
  /**
   * Replace the hosts the instance's network declares (a JSON route table, src/aws/network.ts's
   * validateHosts); answers with the declared host names.
   */
  setHosts(hosts: unknown): { hosts: string[] }
  /**
   * One operation of the instance's account, through its gateway, as the admin user: the output as
   * the SDK returns it (with `$metadata`), or an error with AWS's name, message and status (and,
   * when IAM denied it, the decision's explanation).
   */
  send(service: string, operation: string, input?: unknown): Promise<Record<string, unknown>>
  /**
   * Would a service be allowed to invoke a function (the function's resource-based policy
   * deciding), as a trigger asks before it invokes: nothing runs. The explanation is IAM's.
   */
  mayInvoke(q: { service: string; sourceArn?: string; sourceAccount?: string; functionArn: string }): {
    allowed: boolean
    error?: { name: string; message: string }
    explanation: unknown
  }
  /** The account as plain JSON (src/aws AccountSnapshot); undefined for an instance without one. */
  snapshotAccount(): unknown
  /** Restore the account from a snapshot (refused with a clear message, nothing changed, when invalid). */
  restoreAccount(json: unknown): void
}

/** Everything a call can name, with the signature it has on the engine (or on the host). */
export type Operations = Pick<Lambda, EngineOperation> & HostOperations

export type MethodName = keyof Operations
/** The arguments of a call, as the engine takes them. */
export type Args<M extends MethodName> = Parameters<Operations[M]>
/** What a call resolves to: the engine's result. */
export type Result<M extends MethodName> = Awaited<ReturnType<Operations[M]>>
/** The first argument (a request object), for the operations that take one. */
export type Params<M extends MethodName> = Args<M>[0]

/** The learner's engine instance: the one calls go to unless they name another. */
export const MAIN_INSTANCE = 'main'
/** An instance name: lower-case letters, digits and hyphens. */
export const INSTANCE_NAME_RE = /^[a-z][a-z0-9-]{0,39}$/
/** The host keeps at most this many engine instances (each has its own QuickJS module). */
export const MAX_INSTANCES = 4

export interface CallMessage<M extends MethodName = MethodName> {
  kind: 'call'
  id: number
  /** The engine instance; MAIN_INSTANCE when absent. */
  instance?: string
  method: M
  args: Args<M>
}

export interface SerializedError {
  name: string
  message: string
  statusCode?: number
  /** An AWS error's request id. */
  requestId?: string
  /** Why IAM denied the call (the gateway's decision explanation), for "Denied, because…". */
  explanation?: unknown
}

export type ResultMessage =
  | { kind: 'result'; id: number; ok: true; value: unknown }
  | { kind: 'result'; id: number; ok: false; error: SerializedError }

export interface EventsMessage {
  kind: 'events'
  /** The engine instance the events come from; MAIN_INSTANCE when absent. */
  instance?: string
  events: LambdaEvent[]
}

export interface ReadyMessage {
  kind: 'ready'
}

export interface FatalMessage {
  kind: 'fatal'
  error: SerializedError
}

/** The gateway's call log, as it grows (calls made by handlers, by the UI, by services). */
export interface CallsMessage {
  kind: 'calls'
  /** MAIN_INSTANCE when absent. */
  instance?: string
  calls: CallRecord[]
}

export type HostToClient = ResultMessage | EventsMessage | CallsMessage | ReadyMessage | FatalMessage

/**
 * Which events the host streams for an instance. Log events are off until a listener asks for
 * them: a handler that logs 20,000 lines would otherwise send 20,000 objects to the page, which
 * only reads logs on demand (filterLogEvents), and deserialising them blocks the page's main thread.
 */
export interface SubscribeMessage {
  kind: 'subscribe'
  /** MAIN_INSTANCE when absent. */
  instance?: string
  logs: boolean
}

export type ClientToHost = CallMessage | SubscribeMessage

/** What both ends need from a Worker, a `self` in a Worker, or a MessagePort. */
export interface Endpoint {
  postMessage(message: unknown): void
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void
  start?(): void
}

export function serializeError(err: unknown, explanation?: unknown): SerializedError {
  if (err && typeof err === 'object') {
    const e = err as { name?: unknown; message?: unknown; statusCode?: unknown; $metadata?: { requestId?: unknown } }
    const requestId = e.$metadata?.requestId
    return {
      name: typeof e.name === 'string' ? e.name : 'Error',
      message: typeof e.message === 'string' ? e.message : String(err),
      ...(typeof e.statusCode === 'number' ? { statusCode: e.statusCode } : {}),
      ...(typeof requestId === 'string' && requestId ? { requestId } : {}),
      ...(explanation !== undefined ? { explanation } : {}),
    }
  }
  return { name: 'Error', message: String(err) }
}

/** An error received from the Worker, with the AWS exception name kept as `name`. */
export class RemoteError extends Error {
  readonly statusCode?: number
  readonly requestId?: string
  /** Why IAM denied the call, when it did. */
  readonly explanation?: unknown
  constructor(e: SerializedError) {
    super(e.message)
    this.name = e.name
    if (e.statusCode !== undefined) this.statusCode = e.statusCode
    if (e.requestId !== undefined) this.requestId = e.requestId
    if (e.explanation !== undefined) this.explanation = e.explanation
  }
}
