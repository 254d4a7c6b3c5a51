// The Worker side: hosts engine instances behind the RPC protocol (protocol.ts) and streams their
// events. Testable in Node with a MessageChannel port as the endpoint.
//
// The host keeps named engine instances, each with its own functions and its own clock: the
// learner's ('main', created at once) and any other a call names (created on first use, e.g. the
// one lab checks run on), so advancing one instance's clock never idles another's environments.
import { replaceHosts, validateHosts, type SimNetwork } from '../aws/public.ts'
import type { Lambda, LambdaEvent } from '../lambda/index.ts'
import {
  ENGINE_OPERATIONS,
  INSTANCE_NAME_RE,
  MAIN_INSTANCE,
  MAX_INSTANCES,
  serializeError,
  type Args,
  type CallMessage,
  type ClientToHost,
  type Endpoint,
  type HostOperations,
  type HostToClient,
  type Result,
} from './protocol.ts'

export interface HostHandle {
  /** The main instance. */
  lambda: Lambda
  close(): void
}

/** Creates an engine instance; called with MAIN_INSTANCE at start, and with another name on its first call. */
export type MakeLambda = (instance: string) => Promise<Lambda>

type Handler = (engine: Lambda, args: unknown[]) => unknown

/** The operations the host adds around an engine: one entry each. */
const hostOperations: {
  [M in keyof HostOperations]: (engine: Lambda, ...args: Args<M>) => Result<M> | Promise<Result<M>>
} = {
  advance: async (l, ms) => {
    await l.clock.advance(ms)
    return { now: l.clock.now() }
  },
  runUntilIdle: async (l) => {
    await l.clock.runUntilIdle()
    return { now: l.clock.now() }
  },
  now: (l) => ({ now: l.clock.now() }),
  ping: () => 'pong',
  setHosts: (l, hosts) => {
    const network = l.network as Partial<SimNetwork>
    if (typeof network.declare !== 'function') throw invalidRequest('This engine instance has no configurable network.')
    let valid
    try {
      valid = validateHosts(hosts)
    } catch (e) {
      throw invalidRequest(e instanceof Error ? e.message : String(e))
    }
    replaceHosts(network as SimNetwork, valid)
    return { hosts: (network as SimNetwork).declaredHosts() }
  },
}

/** Every operation a call can name: the engine's own (called as they are), then the host's. */
const table = new Map<string, Handler>([
  ...ENGINE_OPERATIONS.map((op): [string, Handler] => [
    op,
    (l, args) => (l[op] as (...a: unknown[]) => unknown).apply(l, args),
  ]),
  ...Object.entries(hostOperations).map(([op, fn]): [string, Handler] => [
    op,
    (l, args) => (fn as (l: Lambda, ...a: unknown[]) => unknown)(l, ...args),
  ]),
])

function invalidRequest(message: string): Error {
  return Object.assign(new Error(message), { name: 'InvalidRequestContentException' })
}

export async function serveLambda(endpoint: Endpoint, makeLambda: MakeLambda): Promise<HostHandle | undefined> {
  const post = (m: HostToClient) => endpoint.postMessage(m)
  // Calls that arrive while QuickJS loads wait for the main instance.
  const queue: CallMessage[] = []
  let main: Lambda | undefined
  const instances = new Map<string, Promise<Lambda>>()
  const created: Lambda[] = []
  const unsubscribers: (() => void)[] = []
  /** Instances whose log events are streamed. */
  const logsWanted = new Set<string>()
  let closed = false

  const onMessage = (ev: { data: unknown }) => {
    const msg = ev.data as ClientToHost
    if (msg && msg.kind === 'subscribe') {
      const name = typeof msg.instance === 'string' ? msg.instance : MAIN_INSTANCE
      if (msg.logs === true) logsWanted.add(name)
      else logsWanted.delete(name)
      return
    }
    if (!msg || msg.kind !== 'call') return
    if (!main) queue.push(msg)
    else void handle(msg)
  }
  endpoint.addEventListener('message', onMessage)
  endpoint.start?.()

  // Batch events: one message per instance and macrotask, not one per log line.
  let pending: { instance: string; event: LambdaEvent }[] = []
  let scheduled = false
  const flush = () => {
    scheduled = false
    if (pending.length === 0) return
    const batch = pending
    pending = []
    // Consecutive events of one instance go in one message, in order.
    for (let i = 0; i < batch.length;) {
      const instance = batch[i].instance
      const events: LambdaEvent[] = []
      for (; i < batch.length && batch[i].instance === instance; i++) events.push(batch[i].event)
      post(instance === MAIN_INSTANCE ? { kind: 'events', events } : { kind: 'events', instance, events })
    }
  }
  const attach = (name: string, l: Lambda): Lambda => {
    created.push(l)
    unsubscribers.push(
      l.onEvent((e) => {
        if (e.type === 'Log' && !logsWanted.has(name)) return
        pending.push({ instance: name, event: e })
        if (!scheduled) {
          scheduled = true
          setTimeout(flush, 0)
        }
      }),
    )
    return l
  }

  /** The named instance, created on its first call. */
  const instance = (name: string): Promise<Lambda> => {
    const known = instances.get(name)
    if (known) return known
    if (!INSTANCE_NAME_RE.test(name)) return Promise.reject(invalidRequest(`Unknown engine instance: ${name}`))
    if (instances.size >= MAX_INSTANCES)
      return Promise.reject(invalidRequest(`At most ${MAX_INSTANCES} engine instances can run in one Worker.`))
    const made = makeLambda(name).then((l) => {
      if (closed) {
        l.dispose()
        throw invalidRequest('The host was closed.')
      }
      return attach(name, l)
    })
    instances.set(name, made)
    // A failed start is not remembered: the next call tries again.
    made.catch(() => {
      if (instances.get(name) === made) instances.delete(name)
    })
    return made
  }

  async function handle(msg: CallMessage): Promise<void> {
    try {
      const handler = table.get(msg.method)
      if (!handler) throw invalidRequest(`Unknown method: ${String(msg.method)}`)
      if (!Array.isArray(msg.args)) throw invalidRequest(`The arguments of ${msg.method} must be a list.`)
      const l = await instance(typeof msg.instance === 'string' ? msg.instance : MAIN_INSTANCE)
      const value = await handler(l, msg.args)
      flush() // events of a call arrive before its result
      post({ kind: 'result', id: msg.id, ok: true, value })
    } catch (err) {
      flush()
      post({ kind: 'result', id: msg.id, ok: false, error: serializeError(err) })
    }
  }

  try {
    const l = await makeLambda(MAIN_INSTANCE)
    attach(MAIN_INSTANCE, l)
    instances.set(MAIN_INSTANCE, Promise.resolve(l))
    main = l
  } catch (err) {
    post({ kind: 'fatal', error: serializeError(err) })
    return undefined
  }

  post({ kind: 'ready' })
  for (const msg of queue.splice(0)) void handle(msg)
  return {
    lambda: main,
    close() {
      closed = true
      for (const u of unsubscribers.splice(0)) u()
      for (const l of created.splice(0)) l.dispose()
    },
  }
}
