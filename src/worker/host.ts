// The Worker side: hosts a Lambda behind the RPC protocol and streams its events.
// Testable in Node with a MessageChannel port as the endpoint.
import type { Lambda, LambdaEvent } from '../lambda/index.ts'
import {
  serializeError,
  type CallMessage,
  type ClientToHost,
  type Endpoint,
  type HostToClient,
  type MethodName,
} from './protocol.ts'

export interface HostHandle {
  lambda: Lambda
  close(): void
}

export async function serveLambda(
  endpoint: Endpoint,
  makeLambda: () => Promise<Lambda>,
): Promise<HostHandle | undefined> {
  const post = (m: HostToClient) => endpoint.postMessage(m)
  // Calls that arrive while QuickJS loads wait for it.
  const queue: CallMessage[] = []
  let lambda: Lambda | undefined
  let forwardLogs = false
  const onMessage = (ev: { data: unknown }) => {
    const msg = ev.data as ClientToHost
    if (msg && msg.kind === 'subscribe') {
      forwardLogs = msg.logs === true
      return
    }
    if (!msg || msg.kind !== 'call') return
    if (!lambda) queue.push(msg)
    else void handle(lambda, msg)
  }
  endpoint.addEventListener('message', onMessage)
  endpoint.start?.()

  try {
    lambda = await makeLambda()
  } catch (err) {
    post({ kind: 'fatal', error: serializeError(err) })
    return undefined
  }

  // Batch events: one message per macrotask, not one per log line.
  let pending: LambdaEvent[] = []
  let scheduled = false
  const flush = () => {
    scheduled = false
    if (pending.length === 0) return
    const events = pending
    pending = []
    post({ kind: 'events', events })
  }
  const unsubscribe = lambda.onEvent((e) => {
    if (e.type === 'Log' && !forwardLogs) return
    pending.push(e)
    if (!scheduled) {
      scheduled = true
      setTimeout(flush, 0)
    }
  })

  async function handle(l: Lambda, msg: CallMessage): Promise<void> {
    try {
      const value = await dispatch(l, msg.method, msg.params)
      flush() // events of a call arrive before its result
      post({ kind: 'result', id: msg.id, ok: true, value })
    } catch (err) {
      flush()
      post({ kind: 'result', id: msg.id, ok: false, error: serializeError(err) })
    }
  }

  post({ kind: 'ready' })
  for (const msg of queue.splice(0)) void handle(lambda, msg)
  const l = lambda
  return {
    lambda: l,
    close() {
      unsubscribe()
      l.dispose()
    },
  }
}

async function dispatch(l: Lambda, method: MethodName, params: unknown): Promise<unknown> {
  const p = params as never
  switch (method) {
    case 'createFunction':
      return l.createFunction(p)
    case 'getFunction':
      return l.getFunction(p)
    case 'listFunctions':
      return l.listFunctions()
    case 'updateFunctionCode':
      return l.updateFunctionCode(p)
    case 'updateFunctionConfiguration':
      return l.updateFunctionConfiguration(p)
    case 'deleteFunction':
      return l.deleteFunction(p)
    case 'invoke':
      return l.invoke(p)
    case 'getLogEvents':
      return l.getLogEvents(p)
    case 'filterLogEvents':
      return l.filterLogEvents(p)
    case 'describeLogStreams':
      return l.describeLogStreams(p)
    case 'describeEnvironments':
      return l.describeEnvironments((params as { FunctionName: string }).FunctionName)
    case 'advance':
      await l.clock.advance((params as { ms: number }).ms)
      return { now: l.clock.now() }
    case 'runUntilIdle':
      await l.clock.runUntilIdle()
      return { now: l.clock.now() }
    case 'now':
      return { now: l.clock.now() }
    case 'ping':
      return 'pong'
    default:
      throw Object.assign(new Error(`Unknown method: ${String(method)}`), { name: 'InvalidRequestContentException' })
  }
}
