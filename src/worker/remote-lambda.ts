// One engine instance in the Worker, seen from the page: the engine's API with the same names,
// arguments and results (derived from the engine's types in protocol.ts), plus what the client
// remembers to re-create the instance's functions in a fresh Worker. LambdaClient (client.ts) is
// the main instance; `client.engine(name)` gives another.
import type { CallRecord } from '../aws/index.ts'
import type { CreateFunctionRequest, LambdaEvent } from '../lambda/index.ts'
import type { Args, MethodName, Result } from './protocol.ts'

/**
 * The client's own events: a Worker became ready, or replaced one that failed; and each call the
 * instance's account gateway answered (from a handler's SDK, the page, a service), with IAM's
 * explanation when it was denied.
 */
export type ClientEvent =
  | { type: 'WorkerReady'; generation: number }
  | { type: 'WorkerRestarted'; generation: number; reason: 'unresponsive' | 'crashed' | 'manual'; restored: string[] }
  | { type: 'AwsCall'; call: CallRecord }

export type EngineListener = (e: LambdaEvent | ClientEvent) => void

export abstract class RemoteLambda {
  /** The Worker's name for this engine instance. */
  abstract readonly instance: string
  /** Sends one call to this instance. */
  protected abstract request<M extends MethodName>(method: M, args: Args<M>): Promise<Result<M>>
  /** Tells the Worker whether this instance's log events are wanted. */
  protected abstract sendSubscription(): void

  /** The latest definition of every function this instance holds: re-created in a fresh Worker. */
  private readonly definitions = new Map<string, CreateFunctionRequest>()
  /** Each listener, and whether it wants log events. */
  private readonly listeners = new Map<EngineListener, boolean>()
  private logListeners = 0

  private op<M extends MethodName>(method: M): (...args: Args<M>) => Promise<Result<M>> {
    return (...args) => this.request(method, args)
  }

  // ---- the engine's operations: one line each ------------------------------------------------

  readonly getFunction = this.op('getFunction')
  readonly listFunctions = this.op('listFunctions')
  /** Invoke (a handler may change the account: its snapshot is refreshed after). */
  readonly invoke = async (...args: Args<'invoke'>): Promise<Result<'invoke'>> => {
    const out = await this.request('invoke', args)
    this.accountChanged()
    return out
  }
  readonly getLogEvents = this.op('getLogEvents')
  readonly filterLogEvents = this.op('filterLogEvents')
  readonly describeLogStreams = this.op('describeLogStreams')
  readonly describeEnvironments = this.op('describeEnvironments')
  /** This instance's own virtual clock. */
  readonly clock = { advance: this.op('advance'), runUntilIdle: this.op('runUntilIdle'), now: this.op('now') }
  /** Replace the hosts this instance's network declares (a JSON route table). Not restored by the watchdog: set them again. */
  readonly setHosts = this.op('setHosts')

  // ---- the instance's simulated account ------------------------------------------------------

  /**
   * One operation of the account (`send('dynamodb', 'PutItem', {...})`) as its admin user: the
   * output, or a RemoteError with AWS's name, message, status and IAM's explanation.
   */
  async send(service: string, operation: string, input: unknown = {}): Promise<Record<string, unknown>> {
    const out = await this.request('send', [service, operation, input])
    this.accountChanged()
    return out
  }

  /** The account's latest snapshot this client holds (restored into a fresh Worker). */
  private accountSnapshot: unknown
  private snapshotDue = false
  private snapshotting: Promise<unknown> | undefined

  /** Fetch the account's snapshot now (the client also does so after each change it makes). */
  async refreshAccountSnapshot(): Promise<unknown> {
    if (this.snapshotting) return this.snapshotting
    this.snapshotting = this.request('snapshotAccount', []).then(
      (snap) => {
        if (snap !== undefined) this.accountSnapshot = snap
        return snap
      },
      () => this.accountSnapshot,
    )
    const done = this.snapshotting
    void done.finally(() => {
      if (this.snapshotting === done) this.snapshotting = undefined
    })
    return done
  }

  /**
   * Restore the account from a snapshot (e.g. the one saved with the playground): refused with the
   * account's own message when invalid (nothing changes). Remembered, so a fresh Worker gets it back.
   */
  async restoreAccount(snapshot: unknown): Promise<void> {
    await this.request('restoreAccount', [snapshot])
    this.accountSnapshot = snapshot
    this.accountChanged()
  }

  /** The account snapshot the client would restore (undefined before the first one). */
  knownAccount(): unknown {
    return this.accountSnapshot
  }

  /** Keeps the account's snapshot fresh after a change: one refresh per macrotask, whatever the number of calls. */
  protected accountChanged(): void {
    if (this.snapshotDue) return
    this.snapshotDue = true
    setTimeout(() => {
      this.snapshotDue = false
      void this.refreshAccountSnapshot()
    }, 0)
  }

  /** Remembers the snapshot put back in a fresh Worker. */
  protected rememberAccount(snapshot: unknown): void {
    this.accountSnapshot = snapshot
  }

  // ---- operations that change a function: remembered for a restart -----------------------------

  async createFunction(...args: Args<'createFunction'>): Promise<Result<'createFunction'>> {
    const out = await this.request('createFunction', args)
    this.definitions.set(out.FunctionName, structuredClone(args[0]))
    this.accountChanged()
    return out
  }
  async updateFunctionCode(...args: Args<'updateFunctionCode'>): Promise<Result<'updateFunctionCode'>> {
    const out = await this.request('updateFunctionCode', args)
    const def = this.definitions.get(out.FunctionName)
    if (def) def.Code = { Files: { ...args[0].Files } }
    return out
  }
  async updateFunctionConfiguration(
    ...args: Args<'updateFunctionConfiguration'>
  ): Promise<Result<'updateFunctionConfiguration'>> {
    const out = await this.request('updateFunctionConfiguration', args)
    const def = this.definitions.get(out.FunctionName)
    if (def) {
      const { FunctionName: _n, ...rest } = args[0]
      Object.assign(def, structuredClone(rest))
    }
    return out
  }
  async deleteFunction(...args: Args<'deleteFunction'>): Promise<Result<'deleteFunction'>> {
    await this.request('deleteFunction', args)
    this.definitions.delete(args[0].FunctionName)
    this.accountChanged()
  }

  /** The definitions the client would restore. */
  knownFunctions(): CreateFunctionRequest[] {
    return [...this.definitions.values()].map((f) => structuredClone(f))
  }

  /** Remembers a definition re-created in a fresh Worker. */
  protected remember(def: CreateFunctionRequest): void {
    this.definitions.set(def.FunctionName, structuredClone(def))
  }

  // ---- events ----------------------------------------------------------------------------------

  /**
   * Lifecycle events from this instance (and, on the client, its own Worker events). Log events
   * (one per log line) only with `{ logs: true }`: the Worker streams them only while such a
   * listener is registered, since a handler may write tens of thousands of lines.
   */
  onEvent(listener: EngineListener, options: { logs?: boolean } = {}): () => void {
    if (this.listeners.has(listener)) return () => this.removeListener(listener)
    const logs = options.logs === true
    this.listeners.set(listener, logs)
    if (logs && ++this.logListeners === 1) this.sendSubscription()
    return () => this.removeListener(listener)
  }

  private removeListener(listener: EngineListener): void {
    const logs = this.listeners.get(listener)
    if (logs === undefined) return
    this.listeners.delete(listener)
    if (logs && --this.logListeners === 0) this.sendSubscription()
  }

  /** Whether any listener wants log events. */
  protected get wantsLogs(): boolean {
    return this.logListeners > 0
  }

  /** Hands an event to the listeners (log events only to those that asked for them). */
  emit(e: LambdaEvent | ClientEvent): void {
    for (const [l, logs] of this.listeners) {
      if (e.type === 'Log' && !logs) continue
      try {
        l(e)
      } catch {
        /* listeners are not ours to crash on */
      }
    }
  }
}
