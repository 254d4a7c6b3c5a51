// Host I/O of one execution environment: the requests its handler sent (they leave the sandbox
// with a step result, see runtime/bootstrap/io.js), performed on the network, and their answers,
// each due at a virtual time. The phase driver (drive.ts) delivers an answer when the clock
// reaches it; an environment frozen between invokes keeps its requests, and their answers are
// delivered when it thaws (Invoker, through Sandbox.start's thaw hook).
import type { VirtualClock } from '../clock.ts'
import type { IoAnswer, IoRequestEntry, StepResult } from '../sandbox/types.ts'
import type { HostNetwork, HttpIoRequest, IoCaller, IoOutcome, NetworkErrorShape } from '../types.ts'
import type { EventBus } from './event-bus.ts'

interface Op {
  id: number
  request: HttpIoRequest
  requestId: string | undefined
  /** Virtual time the request left the sandbox. */
  at: number
  ready: boolean
  /** Virtual time the answer is due (once ready). */
  due: number
  answer: IoAnswer | undefined
}

/** The host name of a URL ('' when it has none). */
export function hostnameOf(url: string): string {
  try {
    return new URL(url).hostname
  } catch {
    return ''
  }
}

/** A network with no route anywhere: every host is unknown (what createLambda() has by default). */
export const NO_NETWORK: HostNetwork = {
  request(_kind, request) {
    const hostname = hostnameOf(request.url)
    return {
      latencyMs: 2,
      error: {
        code: 'ENOTFOUND',
        errno: -3008,
        syscall: 'getaddrinfo',
        hostname,
        message: `getaddrinfo ENOTFOUND ${hostname}`,
      },
    }
  },
}

function internalFailure(err: unknown): NetworkErrorShape {
  return {
    code: 'ECONNRESET',
    errno: -104,
    syscall: 'read',
    message: `read ECONNRESET (the simulated network failed: ${err instanceof Error ? err.message : String(err)})`,
  }
}

function validOutcome(o: unknown): o is IoOutcome {
  if (!o || typeof o !== 'object') return false
  const x = o as { latencyMs?: unknown; response?: unknown; error?: unknown }
  if (typeof x.latencyMs !== 'number' || !(x.latencyMs >= 0)) return false
  if (x.response && typeof x.response === 'object') {
    const r = x.response as { status?: unknown; body?: unknown; headers?: unknown }
    return typeof r.status === 'number' && typeof r.body === 'string' && typeof r.headers === 'object'
  }
  if (x.error && typeof x.error === 'object') {
    const e = x.error as { code?: unknown; message?: unknown }
    return typeof e.code === 'string' && typeof e.message === 'string'
  }
  return false
}

export class IoQueue {
  private readonly ops = new Map<number, Op>()
  private unanswered = 0
  private waiters: (() => void)[] = []
  private dropped = false

  constructor(
    private readonly network: HostNetwork,
    private readonly clock: VirtualClock,
    /** Who is calling (the function and environment; requestId and at are added per request). */
    private readonly caller: () => Omit<IoCaller, 'at' | 'requestId'>,
    /** Where a NetworkRequest event goes for each settled request. */
    private readonly events?: EventBus,
  ) {}

  /** Requests the network has not answered yet (they keep a waiting phase waiting). */
  get inflight(): number {
    return this.unanswered
  }

  /** Requests and answers not yet delivered. */
  get size(): number {
    return this.ops.size
  }

  /** Take a step result's new requests and cancellations (sent at virtual time `at`). */
  accept(st: StepResult, at: number, requestId: string | undefined): void {
    if (st.c) {
      for (const id of st.c) {
        const op = this.ops.get(id)
        if (!op) continue
        this.ops.delete(id)
        if (!op.ready) this.unanswered--
      }
    }
    if (st.q) for (const entry of st.q) this.start(entry, at, requestId)
  }

  private start(entry: IoRequestEntry, at: number, requestId: string | undefined): void {
    const [id, kind, request, sent] = entry
    if (typeof sent === 'number' && sent <= at) at = sent
    const op: Op = { id, request, requestId, at, ready: false, due: 0, answer: undefined }
    this.ops.set(id, op)
    this.unanswered++
    let out: IoOutcome | Promise<IoOutcome>
    try {
      out = this.network.request(kind, request, { ...this.caller(), requestId, at })
    } catch (err) {
      out = { latencyMs: 0, error: internalFailure(err) }
    }
    if (typeof (out as { then?: unknown }).then === 'function') {
      ;(out as Promise<IoOutcome>).then(
        (o) => this.settle(op, o),
        (err: unknown) => this.settle(op, { latencyMs: 0, error: internalFailure(err) }),
      )
    } else this.settle(op, out as IoOutcome)
  }

  private settle(op: Op, outcome: IoOutcome): void {
    if (this.dropped || op.ready || this.ops.get(op.id) !== op) return
    if (!validOutcome(outcome)) outcome = { latencyMs: 0, error: internalFailure(new Error('malformed answer')) }
    // Network latency on top of any virtual time the network itself took (a function it invoked).
    const took = Math.max(0, this.clock.now() - op.at)
    op.due = op.at + took + outcome.latencyMs
    op.answer = 'response' in outcome ? [op.id, 1, outcome.response] : [op.id, 0, outcome.error]
    op.ready = true
    this.unanswered--
    if (this.events?.listening) this.report(op, outcome, op.due - op.at)
    const waiters = this.waiters
    this.waiters = []
    for (const w of waiters) w()
  }

  private report(op: Op, outcome: IoOutcome, latencyMs: number): void {
    const c = this.caller()
    this.events!.emit({
      type: 'NetworkRequest',
      functionName: c.functionName,
      environmentId: c.environmentId,
      time: op.at,
      ...(op.requestId !== undefined ? { requestId: op.requestId } : {}),
      method: op.request.method,
      url: op.request.url,
      host: hostnameOf(op.request.url),
      ...(outcome.route !== undefined ? { route: outcome.route } : {}),
      latencyMs,
      ...('response' in outcome
        ? { status: outcome.response.status }
        : { error: { code: outcome.error.code, message: outcome.error.message } }),
    })
  }

  /** The virtual time of the earliest answer ready to deliver, or -1. */
  nextDue(): number {
    let due = -1
    for (const op of this.ops.values()) if (op.ready && (due < 0 || op.due < due)) due = op.due
    return due
  }

  /** The answers due at or before `at`, in completion order, as the JSON the runtime's io() takes; removed. */
  take(at: number, max = Infinity): string | undefined {
    const due: Op[] = []
    for (const op of this.ops.values()) if (op.ready && op.due <= at) due.push(op)
    if (due.length === 0) return undefined
    due.sort((a, b) => a.due - b.due || a.id - b.id)
    const out: IoAnswer[] = []
    for (const op of due.slice(0, max)) {
      this.ops.delete(op.id)
      out.push(op.answer!)
    }
    return JSON.stringify(out)
  }

  /** Resolves when the network answers another request. */
  whenAnswered(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve))
  }

  /** The environment is gone: forget everything (late answers are ignored). */
  drop(): void {
    this.dropped = true
    this.ops.clear()
    this.unanswered = 0
    const waiters = this.waiters
    this.waiters = []
    for (const w of waiters) w()
  }
}
