// The simulated Lambda service: a facade over its parts.
//   registry.ts      functions (control plane)
//   environments.ts  execution environments: cold start, reuse, idle shutdown, faults
//   sandbox-pool.ts  blank sandboxes kept ready, warm-up
//   invoke.ts        the data plane: Invoke, one invocation from arrival to response
//   drive.ts         runs a phase (Init or an invocation) on the virtual clock
//   outcome.ts       what an outcome becomes: response body, status, platform lines (pure)
//   logs.ts          the CloudWatch Logs store; log-writer.ts writes environments' lines into it
import { VirtualClock } from '../clock.ts'
import { QuickJSProvider, type QuickJSSource } from '../sandbox/quickjs.ts'
import type { Sandbox } from '../sandbox/sandbox.ts'
import type {
  CreateFunctionRequest,
  DescribeLogStreamsRequest,
  FilterLogEventsRequest,
  FilterLogEventsResponse,
  FunctionConfiguration,
  GetFunctionResponse,
  GetLogEventsRequest,
  GetLogEventsResponse,
  HostNetwork,
  InvokeRequest,
  InvokeResponse,
  LambdaEventListener,
  ListFunctionsResponse,
  LogStream,
  UpdateFunctionCodeRequest,
  UpdateFunctionConfigurationRequest,
} from '../types.ts'
import { PhaseDriver } from './drive.ts'
import { Environments, type EnvironmentInfo } from './environments.ts'
import { EventBus } from './event-bus.ts'
import { Invoker } from './invoke.ts'
import { DEFAULT_CPU_SPEED } from './limits.ts'
import { LogWriter } from './log-writer.ts'
import { LogStore } from './logs.ts'
import { NO_NETWORK } from './io.ts'
import { FunctionRegistry } from './registry.ts'
import { SandboxPool } from './sandbox-pool.ts'
import type { LogGroupInfo } from './logs.ts'
import type { EnvironmentCredentials, LogsPermission, ServiceCore, ServiceStats } from './state.ts'

export {
  BASELINE_MEMORY_MB,
  HEAP_CAP_MB,
  MAX_STACK_BYTES,
  INIT_LIMIT_MS,
  SYNC_PAYLOAD_LIMIT,
  ASYNC_PAYLOAD_LIMIT,
  RESPONSE_LIMIT,
  DEFAULT_CPU_SPEED,
  INVOKE_OVERHEAD_CPU_MS,
  RUNTIME_INIT_BASE_MS,
  RUNTIME_INIT_CPU_MS,
} from './limits.ts'

export type { EnvironmentInfo } from './environments.ts'
export type { EnvironmentCredentials, LogsPermission } from './state.ts'
export type { LogGroupInfo } from './logs.ts'

export interface LambdaOptions {
  /** The QuickJS module, or a loader for it (a loader lets the engine recover from WebAssembly faults). */
  quickjs?: QuickJSSource
  clock?: VirtualClock
  region?: string
  accountId?: string
  /**
   * Real time one invoke may hold the thread (the Worker) in total, its Init phases included unless
   * it loads the AWS SDK (see initWallClockCapMs), in ms: past it the invoke is a timeout at its
   * configured Timeout. Default 2000.
   */
  wallClockCapMs?: number
  /**
   * Real time the Init of a function that loads the AWS SDK may hold the thread in total, in ms,
   * beside the handler's wallClockCapMs (any other function's Init shares the invoke's): past it
   * Init times out, as at Lambda's 10-second Init limit. Importing the AWS SDK is legitimate Init
   * work that can take over 2 s of real time in a slow browser. Default 10,000, and never less than
   * wallClockCapMs.
   */
  initWallClockCapMs?: number
  /** Idle time after which an environment is shut down, virtual ms. Default 5 minutes. */
  idleShutdownMs?: number
  /** Blank environments kept ready (pre-created in idle time, as Lambda keeps a warm pool of sandboxes). Default 2. */
  prewarm?: number
  /** Run a small function at start-up so the first measured Init is not inflated by JIT warm-up. Default true. */
  warmUp?: boolean
  /**
   * How much faster a Lambda vCPU runs JavaScript than QuickJS-in-WebAssembly does here (V8's JIT
   * vs an interpreter): virtual CPU time = real QuickJS time / cpuSpeed / CPU share. Default 10.
   */
  cpuSpeed?: number
  /**
   * Where handlers' outgoing requests go (fetch, node:http, the AWS SDK): the simulated account's
   * network (src/aws/network.ts). Default: no network, every host is unknown (ENOTFOUND).
   */
  network?: HostNetwork
  /**
   * The credentials each execution environment finds in process.env (AWS_ACCESS_KEY_ID,
   * AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN): the simulated account issues them for the
   * function's role session. Called once per environment; example values when absent.
   */
  credentials?: (fn: FunctionConfiguration) => EnvironmentCredentials | undefined
  /**
   * Whether a new environment may write to CloudWatch Logs (the account asks IAM whether the
   * function's role may logs:CreateLogStream and logs:PutLogEvents). When denied, the environment
   * writes nothing to the log store and a `LogsDenied` event says why. Allowed when absent.
   */
  cloudWatchLogs?: (fn: FunctionConfiguration, logGroupName: string, logStreamName: string) => LogsPermission
}

export class LambdaService {
  readonly clock: VirtualClock
  readonly region: string
  readonly accountId: string
  /** Counters for tests and diagnostics. */
  readonly stats: ServiceStats = { faults: 0, sandboxesCreated: 0, sandboxesDisposed: 0, abandoned: 0 }
  private readonly core: ServiceCore
  private readonly logs: LogStore
  private readonly registry: FunctionRegistry
  private readonly pool: SandboxPool
  private readonly environments: Environments
  private readonly invoker: Invoker

  constructor(options: LambdaOptions = {}) {
    this.clock = options.clock ?? new VirtualClock()
    this.region = options.region ?? 'us-east-1'
    this.accountId = options.accountId ?? '123456789012'
    this.logs = new LogStore(this.region, this.accountId)
    const events = new EventBus()
    this.core = {
      clock: this.clock,
      region: this.region,
      accountId: this.accountId,
      provider: new QuickJSProvider(options.quickjs),
      events,
      writer: new LogWriter(this.logs, events),
      network: options.network ?? NO_NETWORK,
      settings: {
        wallCap: options.wallClockCapMs ?? 2000,
        initWallCap: Math.max(options.initWallClockCapMs ?? 10_000, options.wallClockCapMs ?? 2000),
        idleMs: options.idleShutdownMs ?? 5 * 60_000,
        prewarmCount: options.prewarm ?? 2,
        cpuSpeed: options.cpuSpeed ?? DEFAULT_CPU_SPEED,
        warmUp: options.warmUp ?? true,
        credentials: options.credentials,
        cloudWatchLogs: options.cloudWatchLogs,
      },
      stats: this.stats,
      disposed: false,
    }
    const onFault = (err: unknown, sb: Sandbox | undefined) => this.environments.onFault(err, sb)
    this.registry = new FunctionRegistry(this.core, (fn, reason) => this.environments.retire(fn, reason))
    this.pool = new SandboxPool(this.core, onFault)
    this.environments = new Environments(this.core, this.registry.functions, this.pool, this.logs)
    const driver = new PhaseDriver(this.core, onFault)
    this.environments.driver = driver
    this.invoker = new Invoker(this.core, this.registry, this.environments, driver)
  }

  /** Where handlers' requests go (the `network` option; NO_NETWORK by default). */
  get network(): HostNetwork {
    return this.core.network
  }

  /** Load QuickJS (and pre-create the blank environments). */
  async ready(): Promise<void> {
    const provider = this.core.provider
    await provider.ready()
    if (this.core.settings.warmUp) this.pool.warmUp(await provider.create())
    this.pool.scheduleRefill()
  }

  onEvent(listener: LambdaEventListener): () => void {
    return this.core.events.on(listener)
  }

  // ---- control plane -----------------------------------------------------------------------

  createFunction(req: CreateFunctionRequest): Promise<FunctionConfiguration> {
    return this.registry.createFunction(req)
  }

  getFunction(req: { FunctionName: string; Qualifier?: string }): Promise<GetFunctionResponse> {
    return this.registry.getFunction(req)
  }

  async getFunctionConfiguration(req: { FunctionName: string; Qualifier?: string }): Promise<FunctionConfiguration> {
    return (await this.getFunction(req)).Configuration
  }

  listFunctions(): Promise<ListFunctionsResponse> {
    return this.registry.listFunctions()
  }

  updateFunctionCode(req: UpdateFunctionCodeRequest): Promise<FunctionConfiguration> {
    return this.registry.updateFunctionCode(req)
  }

  updateFunctionConfiguration(req: UpdateFunctionConfigurationRequest): Promise<FunctionConfiguration> {
    return this.registry.updateFunctionConfiguration(req)
  }

  deleteFunction(req: { FunctionName: string; Qualifier?: string }): Promise<void> {
    return this.registry.deleteFunction(req)
  }

  // ---- logs --------------------------------------------------------------------------------

  getLogEvents(req: GetLogEventsRequest): Promise<GetLogEventsResponse> {
    return Promise.resolve().then(() => this.logs.getLogEvents(req))
  }

  filterLogEvents(req: FilterLogEventsRequest): Promise<FilterLogEventsResponse> {
    return Promise.resolve().then(() => this.logs.filterLogEvents(req))
  }

  describeLogStreams(req: DescribeLogStreamsRequest): Promise<{ logStreams: LogStream[] }> {
    return Promise.resolve().then(() => this.logs.describeLogStreams(req))
  }

  /** Log groups (functions' groups appear with their first environment). */
  describeLogGroups(prefix?: string): LogGroupInfo[] {
    return this.logs.describeGroups(prefix)
  }

  /** Create an empty log group; false when it exists. */
  createLogGroup(name: string): boolean {
    return this.logs.createGroup(name, this.clock.now())
  }

  /** Delete a log group and its streams; false when there is none. */
  deleteLogGroup(name: string): boolean {
    return this.logs.deleteGroup(name)
  }

  // ---- data plane --------------------------------------------------------------------------

  invoke(req: InvokeRequest): Promise<InvokeResponse> {
    return this.invoker.invoke(req)
  }

  /** Free every environment and the pre-created ones. */
  dispose(): void {
    this.core.disposed = true
    this.environments.shutdownAll()
    this.pool.drain()
  }

  /** Environments currently alive for a function (for the UI and tests). */
  describeEnvironments(name: string): EnvironmentInfo[] {
    return this.environments.describe(name)
  }
}
