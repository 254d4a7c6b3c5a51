// The Worker side: hosts engine instances behind the RPC protocol (protocol.ts) and streams their
// events. Testable in Node with a MessageChannel port as the endpoint.
//
// The host keeps named engine instances, each with its own functions and its own clock: the
// learner's ('main', created at once) and any other a call names (created on first use, e.g. the
// one lab checks run on), so advancing one instance's clock never idles another's environments.
//
// An instance may be a simulated AWS account with the engine inside (src/aws attachLambda, one
// clock): then the functions' control plane (createFunction, updateFunctionConfiguration) goes
// through the account's gateway as its admin user (Role checks, the console's default role),
// `send` reaches every service, and the gateway's call log streams to the page. Invoke and the
// engine's other reads stay direct: the page needs the engine's timings (InvokeResponse.$metadata),
// and the admin user may call them anyway.
import type { Account, CallRecord, LambdaServiceModule } from '../aws/index.ts'
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
  /** The main instance's account, when it has one. */
  account?: Account
  close(): void
}

/** An engine inside a simulated account (what src/aws attachLambda gives). */
export interface HostedAccount {
  engine: Lambda
  account: Account
}

/** Creates an engine instance (alone, or inside an account); called with MAIN_INSTANCE at start, and with another name on its first call. */
export type MakeLambda = (instance: string) => Promise<Lambda | HostedAccount>

interface Hosted {
  engine: Lambda
  account?: Account
}

type Handler = (h: Hosted, args: unknown[]) => unknown

function needAccount(h: Hosted): Account {
  if (!h.account) throw invalidRequest('This engine instance has no simulated account.')
  return h.account
}

/** The output of an account call as the engine returns it (no SDK `$metadata`). */
async function viaGateway(h: Hosted, operation: string, input: unknown): Promise<unknown> {
  const { $metadata: _m, ...out } = await needAccount(h).send('lambda', operation, input)
  return out
}

/** The operations the host adds around an engine: one entry each. */
const hostOperations: {
  [M in keyof HostOperations]: (h: Hosted, ...args: Args<M>) => Result<M> | Promise<Result<M>>
} = {
  advance: async ({ engine: l }, ms) => {
    await l.clock.advance(ms)
    return { now: l.clock.now() }
  },
  runUntilIdle: async ({ engine: l }) => {
    await l.clock.runUntilIdle()
    return { now: l.clock.now() }
  },
  now: ({ engine: l }) => ({ now: l.clock.now() }),
  ping: () => 'pong',
  setHosts: ({ engine: l }, hosts) => {
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
  send: async (h, service, operation, input) => {
    if (typeof service !== 'string' || typeof operation !== 'string')
      throw invalidRequest('send takes a service id and an operation name.')
    return needAccount(h).send(service, operation, input ?? {})
  },
  mayInvoke: (h, q) => {
    const lambda = needAccount(h).services.lambda as Partial<LambdaServiceModule> | undefined
    if (typeof lambda?.mayInvoke !== 'function') throw invalidRequest('This account has no lambda service.')
    if (!q || typeof q !== 'object' || typeof q.service !== 'string' || typeof q.functionArn !== 'string')
      throw invalidRequest('mayInvoke takes { service, functionArn, sourceArn?, sourceAccount? }.')
    const r = lambda.mayInvoke(q)
    return {
      allowed: r.allowed,
      ...(r.error ? { error: { name: r.error.name, message: r.error.message } } : {}),
      explanation: plainJson(r.explanation),
    }
  },
  snapshotAccount: (h) => h.account?.snapshot(),
  restoreAccount: (h, json) => needAccount(h).restore(json),
}

/** The engine operations an account routes through its gateway (as the admin user). */
const THROUGH_GATEWAY: Partial<Record<(typeof ENGINE_OPERATIONS)[number], string>> = {
  createFunction: 'CreateFunction',
  updateFunctionConfiguration: 'UpdateFunctionConfiguration',
}

/** Every operation a call can name: the engine's own (called as they are), then the host's. */
const table = new Map<string, Handler>([
  ...ENGINE_OPERATIONS.map((op): [string, Handler] => [
    op,
    (h, args) => {
      const gatewayOp = THROUGH_GATEWAY[op]
      if (gatewayOp && h.account) return viaGateway(h, gatewayOp, args[0])
      return (h.engine[op] as (...a: unknown[]) => unknown).apply(h.engine, args)
    },
  ]),
  ...Object.entries(hostOperations).map(([op, fn]): [string, Handler] => [
    op,
    (h, args) => (fn as (h: Hosted, ...a: unknown[]) => unknown)(h, ...args),
  ]),
])

/** A call record as the page gets it: explanations only for denials (they are what the page shows). */
function callForPage(r: CallRecord): CallRecord {
  return {
    ...r,
    authorization: r.authorization.map((a) => ({
      ...a,
      explanation: a.allowed ? undefined : plainJson(a.explanation),
    })),
  }
}

function plainJson(v: unknown): unknown {
  try {
    return v === undefined ? undefined : JSON.parse(JSON.stringify(v))
  } catch {
    return undefined
  }
}

/** The IAM explanation of a denied call, from the account's call log. */
function denialExplanation(h: Hosted, err: unknown): unknown {
  const id = (err as { $metadata?: { requestId?: string } } | undefined)?.$metadata?.requestId
  if (!h.account || !id) return undefined
  const log = h.account.callLog()
  for (let i = log.length - 1; i >= 0 && i >= log.length - 50; i--) {
    if (log[i].requestId !== id) continue
    const denied = log[i].authorization.find((a) => !a.allowed)
    return denied ? plainJson(denied.explanation) : undefined
  }
  return undefined
}

function invalidRequest(message: string): Error {
  return Object.assign(new Error(message), { name: 'InvalidRequestContentException' })
}

export async function serveLambda(endpoint: Endpoint, makeLambda: MakeLambda): Promise<HostHandle | undefined> {
  const post = (m: HostToClient) => endpoint.postMessage(m)
  // Calls that arrive while QuickJS loads wait for the main instance.
  const queue: CallMessage[] = []
  let main: Hosted | undefined
  const instances = new Map<string, Promise<Hosted>>()
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
  // The gateway's call log: batched like events, a bounded number per message.
  let pendingCalls: { instance: string; call: CallRecord }[] = []
  let callsScheduled = false
  const flushCalls = () => {
    callsScheduled = false
    if (pendingCalls.length === 0) return
    const batch = pendingCalls.length > 500 ? pendingCalls.slice(pendingCalls.length - 500) : pendingCalls
    pendingCalls = []
    for (let i = 0; i < batch.length;) {
      const instance = batch[i].instance
      const calls: CallRecord[] = []
      for (; i < batch.length && batch[i].instance === instance; i++) calls.push(batch[i].call)
      post(instance === MAIN_INSTANCE ? { kind: 'calls', calls } : { kind: 'calls', instance, calls })
    }
  }
  const attach = (name: string, made: Lambda | HostedAccount): Hosted => {
    const hosted: Hosted = 'account' in made && 'engine' in made ? made : { engine: made as Lambda }
    const l = hosted.engine
    if (hosted.account)
      unsubscribers.push(
        hosted.account.onCall((call) => {
          pendingCalls.push({ instance: name, call: callForPage(call) })
          if (!callsScheduled) {
            callsScheduled = true
            setTimeout(flushCalls, 0)
          }
        }),
      )
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
    return hosted
  }

  /** The named instance, created on its first call. */
  const instance = (name: string): Promise<Hosted> => {
    const known = instances.get(name)
    if (known) return known
    if (!INSTANCE_NAME_RE.test(name)) return Promise.reject(invalidRequest(`Unknown engine instance: ${name}`))
    if (instances.size >= MAX_INSTANCES)
      return Promise.reject(invalidRequest(`At most ${MAX_INSTANCES} engine instances can run in one Worker.`))
    const made = makeLambda(name).then((l) => {
      if (closed) {
        ;('engine' in l ? l.engine : l).dispose()
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
    let h: Hosted | undefined
    try {
      const handler = table.get(msg.method)
      if (!handler) throw invalidRequest(`Unknown method: ${String(msg.method)}`)
      if (!Array.isArray(msg.args)) throw invalidRequest(`The arguments of ${msg.method} must be a list.`)
      h = await instance(typeof msg.instance === 'string' ? msg.instance : MAIN_INSTANCE)
      const value = await handler(h, msg.args)
      flush() // events of a call arrive before its result
      flushCalls()
      post({ kind: 'result', id: msg.id, ok: true, value })
    } catch (err) {
      flush()
      flushCalls()
      post({
        kind: 'result',
        id: msg.id,
        ok: false,
        error: serializeError(err, h ? denialExplanation(h, err) : undefined),
      })
    }
  }

  try {
    const hosted = attach(MAIN_INSTANCE, await makeLambda(MAIN_INSTANCE))
    instances.set(MAIN_INSTANCE, Promise.resolve(hosted))
    main = hosted
  } catch (err) {
    post({ kind: 'fatal', error: serializeError(err) })
    return undefined
  }

  post({ kind: 'ready' })
  for (const msg of queue.splice(0)) void handle(msg)
  return {
    lambda: main.engine,
    account: main.account,
    close() {
      closed = true
      for (const u of unsubscribers.splice(0)) u()
      for (const l of created.splice(0)) l.dispose()
    },
  }
}
