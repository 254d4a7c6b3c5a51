// The UI's handle on the simulated Lambda: a typed RPC client for the Worker, with a watchdog.
//
// The Worker is only an executor. The client remembers the latest definition of every function
// it created (or asks the store through `restore`), so when the Worker stops answering — a
// runaway loop the interrupt could not stop, a crash — the watchdog terminates it, starts a
// fresh one and re-creates the functions: nothing the learner wrote is lost.
//
//   const client = new LambdaClient({ createWorker: createLambdaWorker })
//   await client.createFunction({ ... })
//   const out = await client.invoke({ FunctionName: 'hello', Payload: '{}', LogType: 'Tail' })
//
// The client is the Worker's main engine instance; `client.engine(name)` is another instance in
// the same Worker, with its own functions and clock (lab checks run on one).
import type { CreateFunctionRequest } from '../lambda/index.ts'
import {
  MAIN_INSTANCE,
  RemoteError,
  type Args,
  type Endpoint,
  type HostToClient,
  type MethodName,
  type Result,
} from './protocol.ts'
import { RemoteLambda } from './remote-lambda.ts'

export type { ClientEvent, EngineListener } from './remote-lambda.ts'
export { RemoteLambda } from './remote-lambda.ts'

export interface WorkerLike extends Endpoint {
  terminate(): void
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void
  addEventListener(type: 'error', listener: (event: unknown) => void): void
}

/** The browser's Worker that hosts the engine (src/worker/lambda.worker.ts), bundled by Vite. */
export function createLambdaWorker(): WorkerLike {
  return new Worker(new URL('./lambda.worker.ts', import.meta.url), { type: 'module' })
}

export interface LambdaClientOptions {
  createWorker: () => WorkerLike
  /** How often the watchdog pings the Worker (ms). Default 1000. */
  heartbeatMs?: number
  /** A ping unanswered for this long means the Worker is hung (ms). Default 8000. */
  unresponsiveMs?: number
  /**
   * The functions to re-create in a fresh Worker. Default: the latest definitions this client
   * sent (createFunction + later code/configuration updates, minus deletions).
   */
  restore?: () => CreateFunctionRequest[] | Promise<CreateFunctionRequest[]>
  /**
   * The main instance's account to restore in a fresh Worker (an AccountSnapshot, e.g. the one saved
   * with the workspace). Default: the latest snapshot this client fetched (after each change it made).
   */
  restoreAccount?: () => unknown
}

interface Pending {
  resolve: (v: unknown) => void
  reject: (e: unknown) => void
}

/** Another engine instance in the client's Worker. */
class EngineInstance extends RemoteLambda {
  constructor(
    private readonly client: LambdaClient,
    readonly instance: string,
  ) {
    super()
  }
  protected request<M extends MethodName>(method: M, args: Args<M>): Promise<Result<M>> {
    return this.client.callInstance(this.instance, method, args)
  }
  protected sendSubscription(): void {
    this.client.subscribe(this.instance, this.wantsLogs)
  }
  /** For the client: the account snapshot it put back in a fresh Worker. */
  restoredAccount(snapshot: unknown): void {
    this.rememberAccount(snapshot)
  }
  /** For the client: whether to renew the subscription in a fresh Worker. */
  get logsWanted(): boolean {
    return this.wantsLogs
  }
}

export class LambdaClient extends RemoteLambda {
  readonly instance = MAIN_INSTANCE
  private worker: WorkerLike | undefined
  private generation = 0
  private seq = 0
  private pending = new Map<number, Pending>()
  private ready: Promise<void>
  private markReady!: () => void
  private failReady!: (e: unknown) => void
  private readonly instances = new Map<string, EngineInstance>()
  private timer: ReturnType<typeof setInterval> | undefined
  private pingSentAt: number | undefined
  private restarting: Promise<void> | undefined
  private disposed = false
  /** How many times the Worker was replaced. */
  restarts = 0

  constructor(private readonly options: LambdaClientOptions) {
    super()
    this.ready = this.spawn()
    this.startWatchdog()
  }

  /** Another engine instance in the same Worker, with its own functions and its own clock. */
  engine(name: string): RemoteLambda {
    if (name === MAIN_INSTANCE) return this
    let e = this.instances.get(name)
    if (!e) {
      e = new EngineInstance(this, name)
      this.instances.set(name, e)
    }
    return e
  }

  protected request<M extends MethodName>(method: M, args: Args<M>): Promise<Result<M>> {
    return this.callInstance(MAIN_INSTANCE, method, args)
  }

  protected sendSubscription(): void {
    this.subscribe(MAIN_INSTANCE, this.wantsLogs)
  }

  /** Replace the Worker now (e.g. from a "reset" button). */
  restart(): Promise<void> {
    return this.replaceWorker('manual')
  }

  dispose(): void {
    this.disposed = true
    if (this.timer !== undefined) clearInterval(this.timer)
    this.worker?.terminate()
    this.worker = undefined
    this.rejectAll(new RemoteError({ name: 'ServiceException', message: 'The Lambda client was disposed.' }))
  }

  // ---- plumbing ------------------------------------------------------------------------------

  /** Sends one call to a named engine instance (waits for a Worker that is starting or restarting). */
  async callInstance<M extends MethodName>(instance: string, method: M, args: Args<M>): Promise<Result<M>> {
    if (this.disposed) throw new RemoteError({ name: 'ServiceException', message: 'The Lambda client was disposed.' })
    if (this.restarting) await this.restarting
    await this.ready
    return this.post(instance, method, args) as Promise<Result<M>>
  }

  /** Tells the Worker whether an instance's log events are wanted. */
  subscribe(instance: string, logs: boolean): void {
    this.worker?.postMessage(
      instance === MAIN_INSTANCE ? { kind: 'subscribe', logs } : { kind: 'subscribe', instance, logs },
    )
  }

  private post(instance: string, method: MethodName, args: unknown[]): Promise<unknown> {
    const id = ++this.seq
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject })
      this.worker!.postMessage(
        instance === MAIN_INSTANCE ? { kind: 'call', id, method, args } : { kind: 'call', id, instance, method, args },
      )
    })
  }

  private spawn(): Promise<void> {
    const gen = ++this.generation
    const ready = new Promise<void>((resolve, reject) => {
      this.markReady = resolve
      this.failReady = reject
    })
    ready.catch(() => {})
    const worker = this.options.createWorker()
    this.worker = worker
    worker.addEventListener('message', (ev) => {
      if (this.worker !== worker) return
      this.onMessage(ev.data as HostToClient, gen)
    })
    worker.addEventListener('error', () => {
      if (this.worker === worker) void this.replaceWorker('crashed')
    })
    worker.start?.()
    if (this.wantsLogs) this.sendSubscription()
    for (const e of this.instances.values()) if (e.logsWanted) this.subscribe(e.instance, true)
    return ready
  }

  private onMessage(msg: HostToClient, gen: number): void {
    switch (msg.kind) {
      case 'ready':
        this.markReady()
        this.emit({ type: 'WorkerReady', generation: gen })
        return
      case 'fatal':
        this.failReady(new RemoteError(msg.error))
        return
      case 'events': {
        const target = msg.instance === undefined ? this : this.instances.get(msg.instance)
        if (target) for (const e of msg.events) target.emit(e)
        return
      }
      case 'calls': {
        const target = msg.instance === undefined ? this : this.instances.get(msg.instance)
        if (target) for (const call of msg.calls) target.emit({ type: 'AwsCall', call })
        return
      }
      case 'result': {
        if (msg.id === -1) {
          this.pingSentAt = undefined
          return
        }
        const p = this.pending.get(msg.id)
        if (!p) return
        this.pending.delete(msg.id)
        if (msg.ok) p.resolve(msg.value)
        else p.reject(new RemoteError(msg.error))
        return
      }
    }
  }

  private startWatchdog(): void {
    const every = this.options.heartbeatMs ?? 1000
    const limit = this.options.unresponsiveMs ?? 8000
    this.timer = setInterval(() => {
      if (this.disposed || this.restarting || !this.worker) return
      const now = Date.now()
      if (this.pingSentAt !== undefined) {
        if (now - this.pingSentAt > limit) void this.replaceWorker('unresponsive')
        return
      }
      this.pingSentAt = now
      this.worker.postMessage({ kind: 'call', id: -1, method: 'ping', args: [] })
    }, every)
    ;(this.timer as { unref?: () => void }).unref?.()
  }

  private rejectAll(err: unknown): void {
    const pending = [...this.pending.values()]
    this.pending.clear()
    for (const p of pending) p.reject(err)
  }

  private replaceWorker(reason: 'unresponsive' | 'crashed' | 'manual'): Promise<void> {
    if (this.restarting) return this.restarting
    this.restarting = (async () => {
      const old = this.worker
      this.worker = undefined
      old?.terminate()
      this.pingSentAt = undefined
      this.restarts++
      this.rejectAll(
        new RemoteError({
          name: 'ServiceException',
          message:
            reason === 'manual'
              ? 'The simulated Lambda service was restarted.'
              : 'The simulated Lambda service stopped responding and was restarted. Your functions were restored; invoke again.',
        }),
      )
      this.ready = this.spawn()
      await this.ready
      // The accounts first (roles, tables, policies), then the functions that use them.
      const account = this.options.restoreAccount ? this.options.restoreAccount() : this.knownAccount()
      if (account !== undefined) {
        try {
          await this.post(MAIN_INSTANCE, 'restoreAccount', [account])
          this.rememberAccount(account)
        } catch {
          /* a snapshot the new Worker refuses leaves a fresh account */
        }
      }
      for (const e of this.instances.values()) {
        const snap = e.knownAccount()
        if (snap === undefined) continue
        try {
          await this.post(e.instance, 'restoreAccount', [snap])
          e.restoredAccount(snap)
        } catch {
          /* as above */
        }
      }
      const defs = this.options.restore ? await this.options.restore() : this.knownFunctions()
      const restored: string[] = []
      for (const def of defs) {
        try {
          await this.post(MAIN_INSTANCE, 'createFunction', [def])
          this.remember(def)
          restored.push(def.FunctionName)
        } catch {
          /* a definition the new Worker rejects is skipped */
        }
      }
      // The other instances' functions too (a lab check's, mid-run): the notice names the learner's.
      for (const e of this.instances.values()) {
        for (const def of e.knownFunctions()) {
          try {
            await this.post(e.instance, 'createFunction', [def])
          } catch {
            /* skipped, as above */
          }
        }
      }
      this.emit({ type: 'WorkerRestarted', generation: this.generation, reason, restored })
    })()
    const done = this.restarting
    void done.finally(() => {
      if (this.restarting === done) this.restarting = undefined
    })
    return done
  }
}
