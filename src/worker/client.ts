// The UI's handle on the simulated Lambda: a typed RPC client for the Worker, with a watchdog.
//
// The Worker is only an executor. The client remembers the latest definition of every function
// it created (or asks the store through `restore`), so when the Worker stops answering — a
// runaway loop the interrupt could not stop, a crash — the watchdog terminates it, starts a
// fresh one and re-creates the functions: nothing the learner wrote is lost.
//
//   const client = new LambdaClient({
//     createWorker: () => new Worker(new URL('./lambda.worker.ts', import.meta.url), { type: 'module' }),
//   })
//   await client.createFunction({ ... })
//   const out = await client.invoke({ FunctionName: 'hello', Payload: '{}', LogType: 'Tail' })
import type {
  CreateFunctionRequest,
  FunctionConfiguration,
  LambdaEvent,
  UpdateFunctionCodeRequest,
  UpdateFunctionConfigurationRequest,
} from '../lambda/types.ts'
import { RemoteError, type Endpoint, type HostToClient, type MethodName, type Params, type Result } from './protocol.ts'

export interface WorkerLike extends Endpoint {
  terminate(): void
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void
  addEventListener(type: 'error', listener: (event: unknown) => void): void
}

export type ClientEvent =
  | { type: 'WorkerReady'; generation: number }
  | { type: 'WorkerRestarted'; generation: number; reason: 'unresponsive' | 'crashed' | 'manual'; restored: string[] }

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
}

interface Pending {
  resolve: (v: unknown) => void
  reject: (e: unknown) => void
  method: MethodName
  params: unknown
}

export class LambdaClient {
  private worker: WorkerLike | undefined
  private generation = 0
  private seq = 0
  private pending = new Map<number, Pending>()
  private ready: Promise<void>
  private markReady!: () => void
  private failReady!: (e: unknown) => void
  /** Each listener, and whether it wants log events. */
  private listeners = new Map<(e: LambdaEvent | ClientEvent) => void, boolean>()
  private logListeners = 0
  private readonly functions = new Map<string, CreateFunctionRequest>()
  private timer: ReturnType<typeof setInterval> | undefined
  private pingSentAt: number | undefined
  private restarting: Promise<void> | undefined
  private disposed = false
  /** How many times the Worker was replaced. */
  restarts = 0

  constructor(private readonly options: LambdaClientOptions) {
    this.ready = this.spawn()
    this.startWatchdog()
  }

  // ---- the API (same names and shapes as the engine) ------------------------------------------

  async createFunction(req: CreateFunctionRequest): Promise<FunctionConfiguration> {
    const out = await this.call('createFunction', req)
    this.functions.set(out.FunctionName, structuredClone(req))
    return out
  }
  getFunction(req: Params<'getFunction'>) {
    return this.call('getFunction', req)
  }
  listFunctions() {
    return this.call('listFunctions', undefined)
  }
  async updateFunctionCode(req: UpdateFunctionCodeRequest): Promise<FunctionConfiguration> {
    const out = await this.call('updateFunctionCode', req)
    const def = this.functions.get(out.FunctionName)
    if (def) def.Code = { Files: { ...req.Files } }
    return out
  }
  async updateFunctionConfiguration(req: UpdateFunctionConfigurationRequest): Promise<FunctionConfiguration> {
    const out = await this.call('updateFunctionConfiguration', req)
    const def = this.functions.get(out.FunctionName)
    if (def) {
      const { FunctionName: _n, ...rest } = req
      Object.assign(def, structuredClone(rest))
    }
    return out
  }
  async deleteFunction(req: Params<'deleteFunction'>): Promise<void> {
    await this.call('deleteFunction', req)
    this.functions.delete(req.FunctionName)
  }
  invoke(req: Params<'invoke'>) {
    return this.call('invoke', req)
  }
  getLogEvents(req: Params<'getLogEvents'>) {
    return this.call('getLogEvents', req)
  }
  filterLogEvents(req: Params<'filterLogEvents'>) {
    return this.call('filterLogEvents', req)
  }
  describeLogStreams(req: Params<'describeLogStreams'>) {
    return this.call('describeLogStreams', req)
  }
  describeEnvironments(FunctionName: string) {
    return this.call('describeEnvironments', { FunctionName })
  }
  readonly clock = {
    advance: (ms: number) => this.call('advance', { ms }),
    runUntilIdle: () => this.call('runUntilIdle', undefined),
    now: () => this.call('now', undefined),
  }

  /**
   * Lifecycle events from the engine, plus the client's own Worker events. Log events (one per
   * log line) only with `{ logs: true }`: the Worker streams them only while such a listener is
   * registered, since a handler may write tens of thousands of lines.
   */
  onEvent(listener: (e: LambdaEvent | ClientEvent) => void, options: { logs?: boolean } = {}): () => void {
    if (this.listeners.has(listener)) return () => this.removeListener(listener)
    const logs = options.logs === true
    this.listeners.set(listener, logs)
    if (logs && ++this.logListeners === 1) this.sendSubscription()
    return () => this.removeListener(listener)
  }

  private removeListener(listener: (e: LambdaEvent | ClientEvent) => void): void {
    const logs = this.listeners.get(listener)
    if (logs === undefined) return
    this.listeners.delete(listener)
    if (logs && --this.logListeners === 0) this.sendSubscription()
  }

  private sendSubscription(): void {
    this.worker?.postMessage({ kind: 'subscribe', logs: this.logListeners > 0 })
  }

  /** Replace the Worker now (e.g. from a "reset" button). */
  restart(): Promise<void> {
    return this.replaceWorker('manual')
  }

  /** The definitions the client would restore. */
  knownFunctions(): CreateFunctionRequest[] {
    return [...this.functions.values()].map((f) => structuredClone(f))
  }

  dispose(): void {
    this.disposed = true
    if (this.timer !== undefined) clearInterval(this.timer)
    this.worker?.terminate()
    this.worker = undefined
    this.rejectAll(new RemoteError({ name: 'ServiceException', message: 'The Lambda client was disposed.' }))
  }

  // ---- plumbing ------------------------------------------------------------------------------

  private emit(e: LambdaEvent | ClientEvent): void {
    for (const [l, logs] of this.listeners) {
      if (e.type === 'Log' && !logs) continue
      try {
        l(e)
      } catch {
        /* listeners are not ours to crash on */
      }
    }
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
    if (this.logListeners > 0) this.sendSubscription()
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
      case 'events':
        for (const e of msg.events) this.emit(e)
        return
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

  private async call<M extends MethodName>(method: M, params: Params<M>): Promise<Result<M>> {
    if (this.disposed) throw new RemoteError({ name: 'ServiceException', message: 'The Lambda client was disposed.' })
    if (this.restarting) await this.restarting
    await this.ready
    const id = ++this.seq
    return new Promise<Result<M>>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, method, params })
      this.worker!.postMessage({ kind: 'call', id, method, params })
    })
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
      this.worker.postMessage({ kind: 'call', id: -1, method: 'ping', params: undefined })
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
      const defs = this.options.restore ? await this.options.restore() : this.knownFunctions()
      const restored: string[] = []
      for (const def of defs) {
        const id = ++this.seq
        try {
          await new Promise((resolve, reject) => {
            this.pending.set(id, { resolve, reject, method: 'createFunction', params: def })
            this.worker!.postMessage({ kind: 'call', id, method: 'createFunction', params: def })
          })
          this.functions.set(def.FunctionName, structuredClone(def))
          restored.push(def.FunctionName)
        } catch {
          /* a definition the new Worker rejects is skipped */
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
