// The simulated Lambda service: control plane (functions), data plane (invoke), the pool of
// execution environments per function, their lifecycle, and the logs they write.
import type { QuickJSWASMModule } from 'quickjs-emscripten-core'
import { VirtualClock } from '../clock.ts'
import { conflict, invalidContent, invalidParameter, notFound, tooLarge } from '../errors.ts'
import { Sandbox, SandboxFault, type ErrorShape, type SandboxConfig, type StepResult } from '../sandbox/sandbox.ts'
import { QuickJSProvider, type QuickJSSource } from '../sandbox/quickjs.ts'
import {
  jsonPlatform,
  runtimeInfo,
  textPlatform,
  type PlatformFormatter,
  type ReportData,
  type RuntimeInfo,
} from '../runtime/platform.ts'
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
  InvokeStatus,
  LambdaEvent,
  LambdaEventListener,
  ListFunctionsResponse,
  LogStream,
  ShutdownReason,
  UpdateFunctionCodeRequest,
  UpdateFunctionConfigurationRequest,
} from '../types.ts'
import { LogStore, truncateEvent } from './logs.ts'
import {
  parseFunctionName,
  validateCreateName,
  validateEnvironment,
  validateHandler,
  validateLogging,
  validateNumbers,
  validateRuntime,
} from './validate.ts'

export interface LambdaOptions {
  /** The QuickJS module, or a loader for it (a loader lets the engine recover from WebAssembly faults). */
  quickjs?: QuickJSSource
  clock?: VirtualClock
  region?: string
  accountId?: string
  /** Real-time cap for one uninterrupted run inside QuickJS (busy loops), in ms. Default 2000. */
  wallClockCapMs?: number
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
}

/** Node.js process + runtime client overhead counted in Max Memory Used, on top of the QuickJS heap. */
export const BASELINE_MEMORY_MB = 62
/** Upper bound of the QuickJS heap per environment (all environments share one WebAssembly memory). */
export const HEAP_CAP_MB = 512
/** QuickJS's stack limit: deeper recursion throws RangeError (about 1,400 frames). */
export const MAX_STACK_BYTES = 256 * 1024
export const INIT_LIMIT_MS = 10_000
export const SYNC_PAYLOAD_LIMIT = 6_291_456
export const ASYNC_PAYLOAD_LIMIT = 1_048_576
export const RESPONSE_LIMIT = 6_291_556
const LOG_TAIL_BYTES = 4096
export const DEFAULT_CPU_SPEED = 10
/** CPU the runtime client spends per invoke around the handler (ms at one full vCPU). */
export const INVOKE_OVERHEAD_CPU_MS = 0.1
/** Modelled runtime-init cost: fixed part + CPU part (ms at one full vCPU). */
export const RUNTIME_INIT_BASE_MS = 70
export const RUNTIME_INIT_CPU_MS = 3
const FULL_VCPU_MB = 1769

interface FunctionState {
  config: FunctionConfiguration
  files: Record<string, string>
  envs: Environment[]
  generation: number
  runtime: RuntimeInfo
}

interface Environment {
  id: string
  fn: FunctionState
  generation: number
  sandbox: Sandbox | undefined
  logStreamName: string
  logGroupName: string
  busy: boolean
  initialised: boolean
  dead: boolean
  lastUsed: number
  idleTask: ReturnType<VirtualClock['schedule']> | undefined
  invocations: number
  platform: PlatformFormatter
  /** platform lines are written when SystemLogLevel allows INFO */
  platformOn: boolean
  cpuScale: number
}

/** Lines collected for one invocation (for LogResult). */
class Tail {
  lines: string[] = []
  add(line: string): void {
    this.lines.push(line)
  }
}

type Outcome =
  | { kind: 'ok'; payload: string }
  | { kind: 'error'; error: ErrorShape }
  | { kind: 'timeout' }
  | { kind: 'crash'; error: ErrorShape }
  | { kind: 'exit'; code: number }
  | { kind: 'oom' }
  | { kind: 'stack' }

function randomHex(bytes: number): string {
  const a = new Uint8Array(bytes)
  crypto.getRandomValues(a)
  let s = ''
  for (let i = 0; i < a.length; i++) s += (a[i] < 16 ? '0' : '') + a[i].toString(16)
  return s
}

function base64Utf8Tail(text: string, maxBytes: number): string {
  // Fast path: ASCII text is its own UTF-8.
  if (!/[^\x00-\x7f]/.test(text.length > maxBytes ? text.slice(text.length - maxBytes) : text)) {
    return btoa(text.length > maxBytes ? text.slice(text.length - maxBytes) : text)
  }
  let bytes = new TextEncoder().encode(text)
  if (bytes.length > maxBytes) bytes = bytes.subarray(bytes.length - maxBytes)
  let bin = ''
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(bin)
}

function sha256Base64Like(files: Record<string, string>): string {
  // A stable digest-shaped string (not cryptographic): Lambda's CodeSha256 is base64(sha256(zip)).
  let h1 = 0x811c9dc5
  let h2 = 0x01000193
  for (const k of Object.keys(files).sort()) {
    const s = k + '\0' + files[k]
    for (let i = 0; i < s.length; i++) {
      h1 = Math.imul(h1 ^ s.charCodeAt(i), 16777619) >>> 0
      h2 = Math.imul(h2 ^ s.charCodeAt(i), 2246822519) >>> 0
    }
  }
  const raw = new Uint8Array(32)
  for (let i = 0; i < 32; i++) raw[i] = (((i % 2 ? h1 : h2) >>> ((i % 4) * 8)) & 0xff) ^ (i * 37)
  return btoa(String.fromCharCode(...raw))
}

function codeSize(files: Record<string, string>): number {
  let n = 0
  for (const [k, v] of Object.entries(files)) n += k.length + v.length
  return n
}

/** Jackson-like message for a payload that is not JSON, as Lambda's front end reports it. */
function jsonParseMessage(payload: string): string {
  const token = (payload.trim().match(/^[^\s{}[\],:"]+/) ?? [payload.trim().slice(0, 1)])[0]
  return (
    `Could not parse request body into json: Could not parse payload into json: Unrecognized token '${token}': was expecting ` +
    `(JSON String, Number, Array, Object or token 'null', 'true' or 'false')`
  )
}

export class LambdaService {
  readonly clock: VirtualClock
  readonly region: string
  readonly accountId: string
  private readonly functions = new Map<string, FunctionState>()
  private readonly logs: LogStore
  private readonly listeners = new Set<LambdaEventListener>()
  private readonly provider: QuickJSProvider
  private readonly wallCap: number
  private readonly idleMs: number
  private readonly prewarmCount: number
  private readonly cpuSpeed: number
  private readonly doWarmUp: boolean
  /** Counters for tests and diagnostics. */
  readonly stats = { faults: 0, sandboxesCreated: 0, sandboxesDisposed: 0, abandoned: 0 }
  private pool: Sandbox[] = []
  private poolGeneration = 0
  private refillScheduled = false
  private envSeq = 0
  private disposed = false

  constructor(options: LambdaOptions = {}) {
    this.clock = options.clock ?? new VirtualClock()
    this.region = options.region ?? 'us-east-1'
    this.accountId = options.accountId ?? '123456789012'
    this.provider = new QuickJSProvider(options.quickjs)
    this.wallCap = options.wallClockCapMs ?? 2000
    this.idleMs = options.idleShutdownMs ?? 5 * 60_000
    this.prewarmCount = options.prewarm ?? 2
    this.cpuSpeed = options.cpuSpeed ?? DEFAULT_CPU_SPEED
    this.doWarmUp = options.warmUp ?? true
    this.logs = new LogStore(this.region, this.accountId)
  }

  /** Load QuickJS (and pre-create the blank environments). */
  async ready(): Promise<void> {
    const qjs = await this.provider.get()
    if (this.doWarmUp) this.warmUp(qjs)
    this.scheduleRefill()
  }

  /**
   * Run a small function a few times so the WebAssembly engine has compiled QuickJS's hot paths
   * before the first measured Init: otherwise the very first cold start of the session would
   * report an Init Duration inflated by the host's JIT warm-up, not by the learner's code.
   */
  private warmUp(qjs: QuickJSWASMModule): void {
    let sb: Sandbox | undefined
    try {
      sb = new Sandbox(qjs, this.limitsFor(512))
      sb.configure({
        files: {
          'index.mjs':
            'import { w } from "./lib.js"; const seen = new Map(); export const handler = async (e) => { seen.set(e.i, JSON.stringify({ e, w })); console.log("warm %d", e.i); return [...seen.keys()].length }',
          'lib.js': 'exports.w = [1, 2, 3].map(String).join("-")',
        },
        handler: 'index.handler',
        env: {},
        logFormat: 'Text',
        functionName: 'warm-up',
        version: '$LATEST',
        memory: '512',
        logGroupName: '/aws/lambda/warm-up',
        logStreamName: 'warm-up',
        tmpSize: 512 * 1024 * 1024,
        perfOrigin: 0,
      })
      sb.setDeadline(Infinity, 5000)
      sb.init()
      sb.runJobs()
      sb.step()
      for (let i = 0; i < 20; i++) {
        sb.start(`{"i":${i}}`, `warm-${i}\t1e15\t\t`)
      }
      sb.dispose()
    } catch (err) {
      if (sb) {
        if (err instanceof SandboxFault && err.poisoned) sb.abandon()
        else {
          try {
            sb.dispose()
          } catch (e) {
            this.onFault(e)
          }
        }
      }
      this.onFault(err)
    }
  }

  // ---- events ------------------------------------------------------------------------------

  onEvent(listener: LambdaEventListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private emit(event: LambdaEvent): void {
    if (this.listeners.size === 0) return
    for (const l of this.listeners) {
      try {
        l(event)
      } catch {
        /* a listener's failure is not the platform's */
      }
    }
  }

  // ---- control plane -----------------------------------------------------------------------

  private arn(name: string): string {
    return `arn:aws:lambda:${this.region}:${this.accountId}:function:${name}`
  }

  private nameCache = new Map<string, { name: string; qualifier?: string }>()

  private fnOrThrow(input: string, qualifierIn?: string): { fn: FunctionState; qualifier?: string } {
    let parsed = typeof input === 'string' ? this.nameCache.get(input) : undefined
    if (!parsed) {
      parsed = parseFunctionName(input)
      if (this.nameCache.size > 1000) this.nameCache.clear()
      this.nameCache.set(input, parsed)
    }
    const { name, qualifier } = parsed
    const fn = this.functions.get(name)
    const q = qualifierIn ?? qualifier
    if (!fn || (q !== undefined && q !== '$LATEST'))
      throw notFound(`Function not found: ${this.arn(name)}${q !== undefined ? `:${q}` : ''}`)
    return { fn, qualifier: q }
  }

  private checkFiles(files: unknown): asserts files is Record<string, string> {
    if (!files || typeof files !== 'object') throw invalidParameter('Please provide a source for function code.')
    for (const [k, v] of Object.entries(files as Record<string, unknown>)) {
      if (typeof v !== 'string') throw invalidParameter(`Code file ${k} must be text.`)
    }
    if (codeSize(files as Record<string, string>) > 262_144_000)
      throw invalidParameter('Unzipped size must be smaller than 262144000 bytes')
  }

  async createFunction(req: CreateFunctionRequest): Promise<FunctionConfiguration> {
    await this.provider.get()
    const name = validateCreateName(req?.FunctionName)
    validateNumbers(req)
    if (req.Runtime === undefined || req.Handler === undefined) {
      throw invalidParameter(
        'Runtime and Handler are mandatory parameters for functions created with deployment packages.',
      )
    }
    validateRuntime(req.Runtime)
    validateHandler(req.Handler)
    validateEnvironment(req.Environment?.Variables)
    validateLogging(req.LoggingConfig)
    this.checkFiles(req.Code?.Files)
    if (this.functions.has(name)) throw conflict(`Function already exist: ${name}`)
    const files = { ...req.Code.Files }
    const logFormat = req.LoggingConfig?.LogFormat ?? 'Text'
    const config: FunctionConfiguration = {
      FunctionName: name,
      FunctionArn: this.arn(name),
      Runtime: req.Runtime,
      Role: req.Role ?? `arn:aws:iam::${this.accountId}:role/service-role/${name}-role`,
      Handler: req.Handler,
      CodeSize: codeSize(files),
      Description: req.Description ?? '',
      Timeout: req.Timeout ?? 3,
      MemorySize: req.MemorySize ?? 128,
      LastModified: this.isoModified(),
      CodeSha256: sha256Base64Like(files),
      Version: '$LATEST',
      ...(req.Environment?.Variables ? { Environment: { Variables: { ...req.Environment.Variables } } } : {}),
      TracingConfig: { Mode: 'PassThrough' },
      RevisionId: crypto.randomUUID(),
      State: 'Active',
      LastUpdateStatus: 'Successful',
      PackageType: 'Zip',
      Architectures: req.Architectures ?? ['x86_64'],
      EphemeralStorage: { Size: req.EphemeralStorage?.Size ?? 512 },
      LoggingConfig: {
        LogFormat: logFormat,
        ...(logFormat === 'JSON'
          ? {
              ApplicationLogLevel: req.LoggingConfig?.ApplicationLogLevel ?? 'INFO',
              SystemLogLevel: req.LoggingConfig?.SystemLogLevel ?? 'INFO',
            }
          : {}),
        LogGroup: req.LoggingConfig?.LogGroup ?? `/aws/lambda/${name}`,
      },
      RuntimeVersionConfig: { RuntimeVersionArn: runtimeInfo(req.Runtime, this.region).arn },
    }
    this.functions.set(name, { config, files, envs: [], generation: 0, runtime: runtimeInfo(req.Runtime, this.region) })
    return structuredClone(config)
  }

  private isoModified(): string {
    return new Date(Math.floor(this.clock.now())).toISOString().replace('Z', '+0000')
  }

  async getFunction(req: { FunctionName: string; Qualifier?: string }): Promise<GetFunctionResponse> {
    const { fn } = this.fnOrThrow(req?.FunctionName, req?.Qualifier)
    return {
      Configuration: structuredClone(fn.config),
      Code: { RepositoryType: 'S3', Location: '', Files: { ...fn.files } },
    }
  }

  async getFunctionConfiguration(req: { FunctionName: string; Qualifier?: string }): Promise<FunctionConfiguration> {
    return (await this.getFunction(req)).Configuration
  }

  async listFunctions(): Promise<ListFunctionsResponse> {
    return {
      Functions: [...this.functions.values()]
        .map((f) => structuredClone(f.config))
        .sort((a, b) => a.FunctionName.localeCompare(b.FunctionName)),
    }
  }

  async updateFunctionCode(req: UpdateFunctionCodeRequest): Promise<FunctionConfiguration> {
    const { fn } = this.fnOrThrow(req?.FunctionName)
    this.checkFiles(req.Files)
    fn.files = { ...req.Files }
    fn.config.CodeSize = codeSize(fn.files)
    fn.config.CodeSha256 = sha256Base64Like(fn.files)
    this.touch(fn)
    this.retire(fn, 'code-update')
    return structuredClone(fn.config)
  }

  async updateFunctionConfiguration(req: UpdateFunctionConfigurationRequest): Promise<FunctionConfiguration> {
    const { fn } = this.fnOrThrow(req?.FunctionName)
    validateNumbers(req)
    if (req.Runtime !== undefined) validateRuntime(req.Runtime)
    if (req.Handler !== undefined) validateHandler(req.Handler)
    if (req.Environment !== undefined) validateEnvironment(req.Environment.Variables)
    if (req.LoggingConfig !== undefined)
      validateLogging({ LogFormat: fn.config.LoggingConfig.LogFormat, ...req.LoggingConfig })
    const c = fn.config
    if (req.Runtime !== undefined) {
      c.Runtime = req.Runtime
      fn.runtime = runtimeInfo(req.Runtime, this.region)
      c.RuntimeVersionConfig = { RuntimeVersionArn: fn.runtime.arn }
    }
    if (req.Handler !== undefined) c.Handler = req.Handler
    if (req.Role !== undefined) c.Role = req.Role
    if (req.Description !== undefined) c.Description = req.Description
    if (req.Timeout !== undefined) c.Timeout = req.Timeout
    if (req.MemorySize !== undefined) c.MemorySize = req.MemorySize
    if (req.EphemeralStorage !== undefined) c.EphemeralStorage = { Size: req.EphemeralStorage.Size }
    if (req.Environment !== undefined) {
      if (req.Environment.Variables && Object.keys(req.Environment.Variables).length)
        c.Environment = { Variables: { ...req.Environment.Variables } }
      else delete c.Environment
    }
    if (req.LoggingConfig !== undefined) {
      const lc = { ...c.LoggingConfig, ...req.LoggingConfig }
      if (lc.LogFormat === 'JSON') {
        lc.ApplicationLogLevel ??= 'INFO'
        lc.SystemLogLevel ??= 'INFO'
      } else {
        delete lc.ApplicationLogLevel
        delete lc.SystemLogLevel
      }
      c.LoggingConfig = lc
    }
    this.touch(fn)
    this.retire(fn, 'config-update')
    return structuredClone(c)
  }

  private touch(fn: FunctionState): void {
    fn.config.LastModified = this.isoModified()
    fn.config.RevisionId = crypto.randomUUID()
    fn.generation++
  }

  async deleteFunction(req: { FunctionName: string; Qualifier?: string }): Promise<void> {
    const { fn } = this.fnOrThrow(req?.FunctionName, req?.Qualifier)
    this.retire(fn, 'delete')
    this.functions.delete(fn.config.FunctionName)
  }

  /** Shut down idle environments of an older generation now; busy ones when they finish. */
  private retire(fn: FunctionState, reason: ShutdownReason): void {
    for (const env of [...fn.envs]) {
      if (!env.busy) this.shutdown(env, reason)
      else env.generation = -1
    }
  }

  // ---- environments ------------------------------------------------------------------------

  private limitsFor(memorySize: number) {
    const heapMb = Math.max(16, Math.min(memorySize - BASELINE_MEMORY_MB, HEAP_CAP_MB))
    return { memoryLimitBytes: heapMb * 1024 * 1024, maxStackBytes: MAX_STACK_BYTES }
  }

  private scheduleRefill(): void {
    if (this.refillScheduled || this.disposed || this.pool.length >= this.prewarmCount) return
    this.refillScheduled = true
    setTimeout(() => {
      this.refillScheduled = false
      if (this.disposed) return
      const qjs = this.provider.peek()
      if (!qjs) return
      if (this.poolGeneration !== this.provider.generation) this.drainPool()
      if (this.pool.length < this.prewarmCount) {
        try {
          this.pool.push(this.newSandbox(qjs, 128))
        } catch (err) {
          this.onFault(err)
          return
        }
        this.scheduleRefill()
      }
    }, 0)
  }

  private newSandbox(qjs: QuickJSWASMModule, memorySize: number): Sandbox {
    const sb = new Sandbox(qjs, this.limitsFor(memorySize))
    this.stats.sandboxesCreated++
    return sb
  }

  private disposeSandbox(sb: Sandbox): void {
    try {
      sb.dispose()
      this.stats.sandboxesDisposed++
    } catch (err) {
      this.onFault(err)
    }
  }

  private drainPool(): void {
    for (const sb of this.pool) {
      if (sb.alive) this.disposeSandbox(sb)
    }
    this.pool = []
    this.poolGeneration = this.provider.generation
  }

  private async takeSandbox(memorySize: number): Promise<Sandbox> {
    const qjs: QuickJSWASMModule = await this.provider.get()
    if (this.poolGeneration !== this.provider.generation) this.drainPool()
    const sb = this.pool.pop() ?? this.newSandbox(qjs, memorySize)
    this.scheduleRefill()
    return sb
  }

  private onFault(err: unknown): void {
    if (err instanceof SandboxFault && err.poisoned) {
      this.stats.faults++
      // The WebAssembly module is in an unknown state: abandon every sandbox built on it.
      for (const fn of this.functions.values()) {
        for (const env of fn.envs) {
          env.sandbox?.abandon()
          env.sandbox = undefined
          env.dead = true
        }
      }
      for (const sb of this.pool) sb.abandon()
      this.pool = []
      this.provider.poison()
      this.poolGeneration = this.provider.generation
    }
  }

  private newEnvironment(fn: FunctionState, at: number): Environment {
    const c = fn.config
    const d = new Date(Math.floor(at))
    const date = `${d.getUTCFullYear()}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${String(d.getUTCDate()).padStart(2, '0')}`
    const logFormat = c.LoggingConfig.LogFormat
    const sys = c.LoggingConfig.SystemLogLevel ?? 'INFO'
    const env: Environment = {
      id: `env-${++this.envSeq}`,
      fn,
      generation: fn.generation,
      sandbox: undefined,
      logStreamName: `${date}/[$LATEST]${randomHex(16)}`,
      logGroupName: c.LoggingConfig.LogGroup,
      busy: true,
      initialised: false,
      dead: false,
      lastUsed: at,
      idleTask: undefined,
      invocations: 0,
      platform: logFormat === 'JSON' ? jsonPlatform(c.FunctionName) : textPlatform,
      platformOn: logFormat !== 'JSON' || sys !== 'WARN',
      cpuScale: FULL_VCPU_MB / Math.min(c.MemorySize, FULL_VCPU_MB),
    }
    fn.envs.push(env)
    this.logs.createStream(env.logGroupName, env.logStreamName, at)
    this.emit({
      type: 'EnvironmentCreated',
      functionName: c.FunctionName,
      environmentId: env.id,
      time: at,
      logStreamName: env.logStreamName,
      memorySize: c.MemorySize,
    })
    return env
  }

  private sandboxConfig(fn: FunctionState, env: Environment, at: number): SandboxConfig {
    const c = fn.config
    const vars: Record<string, string> = {
      AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
      AWS_SESSION_TOKEN: 'IQoJb3JpZ2luX2VjEXAMPLESESSIONTOKEN',
      AWS_LAMBDA_LOG_GROUP_NAME: env.logGroupName,
      LAMBDA_TASK_ROOT: '/var/task',
      LD_LIBRARY_PATH: '/var/lang/lib:/lib64:/usr/lib64:/var/runtime:/var/runtime/lib:/var/task:/var/task/lib:/opt/lib',
      AWS_LAMBDA_RUNTIME_API: '127.0.0.1:9001',
      AWS_LAMBDA_LOG_STREAM_NAME: env.logStreamName,
      AWS_EXECUTION_ENV: `AWS_Lambda_${c.Runtime}`,
      AWS_XRAY_DAEMON_ADDRESS: '169.254.79.129:2000',
      AWS_LAMBDA_FUNCTION_NAME: c.FunctionName,
      PATH: '/var/lang/bin:/usr/local/bin:/usr/bin/:/bin:/opt/bin',
      AWS_DEFAULT_REGION: this.region,
      PWD: '/var/task',
      AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      LANG: 'en_US.UTF-8',
      LAMBDA_RUNTIME_DIR: '/var/runtime',
      AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
      TZ: ':UTC',
      AWS_REGION: this.region,
      NODE_PATH:
        '/opt/nodejs/node20/node_modules:/opt/nodejs/node_modules:/var/runtime/node_modules:/var/runtime:/var/task',
      AWS_ACCESS_KEY_ID: 'ASIAEXAMPLEACCESSKEY',
      SHLVL: '0',
      _AWS_XRAY_DAEMON_ADDRESS: '169.254.79.129',
      _AWS_XRAY_DAEMON_PORT: '2000',
      AWS_XRAY_CONTEXT_MISSING: 'LOG_ERROR',
      _HANDLER: c.Handler,
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(c.MemorySize),
      NODE_EXTRA_CA_CERTS: '/var/runtime/ca-cert.pem',
      ...(c.LoggingConfig.LogFormat === 'JSON'
        ? { AWS_LAMBDA_LOG_FORMAT: 'JSON', AWS_LAMBDA_LOG_LEVEL: c.LoggingConfig.ApplicationLogLevel ?? 'INFO' }
        : {}),
      ...(c.Environment?.Variables ?? {}),
    }
    return {
      files: fn.files,
      handler: c.Handler,
      env: vars,
      logFormat: c.LoggingConfig.LogFormat,
      functionName: c.FunctionName,
      version: '$LATEST',
      memory: String(c.MemorySize),
      logGroupName: env.logGroupName,
      logStreamName: env.logStreamName,
      tmpSize: c.EphemeralStorage.Size * 1024 * 1024,
      perfOrigin: at,
    }
  }

  private shutdown(env: Environment, reason: ShutdownReason, at = this.clock.now(), abandon = false): void {
    if (env.dead && !env.sandbox) {
      // already gone
    }
    this.clock.cancel(env.idleTask)
    env.idleTask = undefined
    const sb = env.sandbox
    env.sandbox = undefined
    const wasDead = env.dead
    env.dead = true
    const i = env.fn.envs.indexOf(env)
    if (i >= 0) env.fn.envs.splice(i, 1)
    if (sb) {
      if (abandon) {
        // QuickJS can leave objects referenced after an allocation failure, and freeing such a
        // runtime aborts the whole WebAssembly module. Drop it instead, and build new
        // environments on a fresh module (when we can load one) so the lost memory is reclaimed
        // once the old module's last environments are gone.
        sb.abandon()
        this.stats.abandoned++
        if (this.provider.canReload) {
          this.provider.poison()
        }
      } else this.disposeSandbox(sb)
    }
    if (!wasDead || sb)
      this.emit({ type: 'Shutdown', functionName: env.fn.config.FunctionName, environmentId: env.id, time: at, reason })
  }

  private scheduleIdle(env: Environment): void {
    // One pending task per environment: when it fires it re-arms itself if the environment was
    // used since (cheaper than cancelling and re-scheduling on every invoke).
    if (env.idleTask && !env.idleTask.cancelled) return
    const fire = () => {
      env.idleTask = undefined
      if (env.dead) return
      const due = env.lastUsed + this.idleMs
      if (env.busy) return // re-armed when the invoke ends
      if (due > this.clock.now()) {
        env.idleTask = this.clock.schedule(due, fire, true)
        return
      }
      this.shutdown(env, 'idle', due)
    }
    env.idleTask = this.clock.schedule(env.lastUsed + this.idleMs, fire, true)
  }

  // ---- logs --------------------------------------------------------------------------------

  private writeLines(env: Environment, lines: string[], at: number, tail: Tail | undefined): void {
    const ts = Math.floor(at)
    const listening = this.listeners.size > 0
    for (let i = 0; i < lines.length; i++) {
      const message = truncateEvent(lines[i])
      this.logs.append(env.logGroupName, env.logStreamName, ts, message)
      tail?.add(message)
      if (listening) {
        const event = { timestamp: ts, message, ingestionTime: ts + 1 }
        this.emit({
          type: 'Log',
          functionName: env.fn.config.FunctionName,
          environmentId: env.id,
          time: ts,
          logGroupName: env.logGroupName,
          logStreamName: env.logStreamName,
          event,
        })
      }
    }
  }

  private platformLine(env: Environment, line: string | undefined, at: number, tail: Tail | undefined): void {
    if (line === undefined || !env.platformOn) return
    // Platform lines are built by concatenation (a tree of V8 cons strings) and are kept in the
    // log store for a long time: reading a character makes V8 flatten the string now, so the
    // store retains one flat string instead of a dozen pieces (about a third less GC per invoke).
    line.charCodeAt(0)
    if (this.listeners.size > 0) {
      this.writeLines(env, [line], at, tail)
      return
    }
    const message = truncateEvent(line)
    this.logs.append(env.logGroupName, env.logStreamName, Math.floor(at), message)
    tail?.add(message)
  }

  getLogEvents(req: GetLogEventsRequest): Promise<GetLogEventsResponse> {
    return Promise.resolve().then(() => this.logs.getLogEvents(req))
  }

  filterLogEvents(req: FilterLogEventsRequest): Promise<FilterLogEventsResponse> {
    return Promise.resolve().then(() => this.logs.filterLogEvents(req))
  }

  describeLogStreams(req: DescribeLogStreamsRequest): Promise<{ logStreams: LogStream[] }> {
    return Promise.resolve().then(() => this.logs.describeLogStreams(req))
  }

  // ---- data plane --------------------------------------------------------------------------

  async invoke(req: InvokeRequest): Promise<InvokeResponse> {
    if (this.disposed) throw new Error('lambda disposed')
    const { fn } = this.fnOrThrow(req?.FunctionName, req?.Qualifier)
    const type = req.InvocationType ?? 'RequestResponse'
    if (type !== 'RequestResponse' && type !== 'Event' && type !== 'DryRun') {
      throw invalidParameter(
        `1 validation error detected: Value '${String(type)}' at 'invocationType' failed to satisfy constraint: Member must satisfy enum value set: [Event, RequestResponse, DryRun]`,
      )
    }
    const payload = req.Payload === undefined || req.Payload === '' ? '{}' : req.Payload
    if (typeof payload !== 'string')
      throw invalidContent('Could not parse request body into json: payload must be a JSON string')
    const limit = type === 'Event' ? ASYNC_PAYLOAD_LIMIT : SYNC_PAYLOAD_LIMIT
    const size = payload.length * 3 > limit ? new TextEncoder().encode(payload).length : payload.length
    if (size > limit) throw tooLarge(`Request must be smaller than ${limit} bytes for the InvokeFunction operation`)
    try {
      JSON.parse(payload)
    } catch {
      throw invalidContent(jsonParseMessage(payload))
    }
    let clientContext: unknown
    if (req.ClientContext !== undefined) {
      try {
        clientContext = JSON.parse(atob(req.ClientContext))
      } catch {
        throw invalidContent('Client context must be a valid Base64-encoded JSON object.')
      }
    }
    if (!this.provider.peek()) await this.provider.get()
    if (type === 'DryRun') return { StatusCode: 204, Payload: '', $metadata: emptyMeta() }
    if (type === 'Event') {
      const requestId = crypto.randomUUID()
      this.clock.schedule(this.clock.now(), () => {
        void this.run(fn, payload, false, clientContext, requestId).catch(() => {})
      })
      return { StatusCode: 202, Payload: '', $metadata: { ...emptyMeta(), requestId } }
    }
    // Requests issued together arrive at the same virtual instant: take the arrival time now and
    // start after the current tick, so that concurrent invokes find each other's environments busy.
    const arrival = this.clock.now()
    await undefined
    return await this.run(fn, payload, req.LogType === 'Tail', clientContext, crypto.randomUUID(), arrival)
  }

  private async run(
    fn: FunctionState,
    payload: string,
    wantTail: boolean,
    clientContext: unknown,
    requestId = crypto.randomUUID(),
    arrival = this.clock.now(),
  ): Promise<InvokeResponse> {
    const c = fn.config
    const t0 = arrival
    const tail = wantTail ? new Tail() : undefined
    // A warm environment: idle, initialised, current code and configuration.
    let env: Environment | undefined
    for (let i = fn.envs.length - 1; i >= 0; i--) {
      const e = fn.envs[i]
      if (
        !e.busy &&
        !e.dead &&
        e.initialised &&
        e.lastUsed <= t0 &&
        e.generation === fn.generation &&
        e.sandbox?.alive
      ) {
        if (e.lastUsed + this.idleMs <= t0) {
          this.shutdown(e, 'idle', e.lastUsed + this.idleMs)
          continue
        }
        env = e
        break
      }
    }
    let coldStart = false
    let initDuration: number | undefined
    let startAt = t0
    let initFailure: { outcome: Outcome; errorType: string } | undefined
    let failEnd: number | undefined
    if (env) {
      env.busy = true
      env.sandbox!.vclock = Math.max(env.sandbox!.vclock, t0)
    } else {
      coldStart = true
      const res = await this.coldStart(fn, t0, tail, requestId)
      env = res.env
      initDuration = res.initDuration
      startAt = res.readyAt
      initFailure = res.failure
      failEnd = res.failEnd
    }
    const sb = env.sandbox
    const deadline = startAt + c.Timeout * 1000
    if (this.listeners.size > 0)
      this.emit({
        type: 'InvokeStart',
        functionName: c.FunctionName,
        environmentId: env.id,
        time: startAt,
        requestId,
        coldStart,
      })

    let outcome: Outcome
    let endAt: number
    if (initFailure || !sb) {
      outcome = initFailure?.outcome ?? {
        kind: 'crash',
        error: { errorType: 'Runtime.Unknown', errorMessage: 'Unknown application error occurred' },
      }
      endAt = failEnd ?? startAt
      this.platformLine(env, env.platform.start(requestId, '$LATEST', c.FunctionArn, startAt), startAt, tail)
    } else {
      this.platformLine(env, env.platform.start(requestId, '$LATEST', c.FunctionArn, startAt), startAt, tail)
      sb.vclock = Math.max(sb.vclock, startAt)
      sb.cpuScale = env.cpuScale / this.cpuSpeed
      const meta = `${requestId}\t${deadline}\t${c.FunctionArn}\t${clientContext === undefined ? '' : JSON.stringify(clientContext)}`
      sb.vclock += INVOKE_OVERHEAD_CPU_MS * env.cpuScale
      const r = this.drive(env, sb, deadline, tail, () => sb.start(payload, meta))
      outcome = r instanceof Promise ? await r : r
      endAt = outcome.kind === 'timeout' ? deadline : sb.vclock
      if (outcome.kind === 'timeout') sb.vclock = deadline
    }

    // Response and platform lines.
    let status: InvokeStatus = 'success'
    let errorType: string | undefined
    let body: string
    let functionError = false
    let memUsed = BASELINE_MEMORY_MB
    if (sb && sb.alive) {
      try {
        memUsed = Math.min(c.MemorySize, BASELINE_MEMORY_MB + Math.ceil(sb.sampleHeap() / 1048576))
      } catch {
        /* measured best effort */
      }
    }
    switch (outcome.kind) {
      case 'ok':
        body = outcome.payload
        if (body.length > RESPONSE_LIMIT / 3 && new TextEncoder().encode(body).length > RESPONSE_LIMIT) {
          const n = new TextEncoder().encode(body).length
          body = JSON.stringify({
            errorType: 'Function.ResponseSizeTooLarge',
            errorMessage: `Response payload size (${n} bytes) exceeded maximum allowed payload size (${RESPONSE_LIMIT} bytes).`,
          })
          functionError = true
          status = 'error'
          errorType = 'Function.ResponseSizeTooLarge'
        }
        break
      case 'error':
        body = JSON.stringify(outcome.error)
        functionError = true
        status = 'error'
        errorType = initFailure?.errorType
        break
      case 'timeout':
        body = JSON.stringify({
          errorType: 'Sandbox.Timedout',
          errorMessage: `RequestId: ${requestId} Error: Task timed out after ${c.Timeout.toFixed(2)} seconds`,
        })
        functionError = true
        status = 'timeout'
        this.platformLine(env, env.platform.timedOut(requestId, c.Timeout, endAt), endAt, tail)
        break
      case 'oom':
        body = JSON.stringify({
          errorType: 'Runtime.OutOfMemory',
          errorMessage: `RequestId: ${requestId} Error: Runtime exited with error: signal: killed`,
        })
        functionError = true
        status = 'oom'
        errorType = 'Runtime.OutOfMemory'
        memUsed = c.MemorySize
        this.platformLine(
          env,
          env.platform.runtimeExit(requestId, 'Runtime exited with error: signal: killed', errorType, endAt),
          endAt,
          tail,
        )
        break
      case 'exit': {
        const reason =
          outcome.code === 0
            ? 'Runtime exited without providing a reason'
            : `Runtime exited with error: exit status ${outcome.code}`
        body = JSON.stringify({
          errorType: 'Runtime.ExitError',
          errorMessage: `RequestId: ${requestId} Error: ${reason}`,
        })
        functionError = true
        status = 'crash'
        errorType = 'Runtime.ExitError'
        this.platformLine(env, env.platform.runtimeExit(requestId, reason, errorType, endAt), endAt, tail)
        break
      }
      case 'crash':
        body = JSON.stringify(outcome.error)
        functionError = true
        status = 'crash'
        errorType = 'Runtime.ExitError'
        this.platformLine(
          env,
          env.platform.runtimeExit(requestId, 'Runtime exited with error: exit status 129', errorType, endAt),
          endAt,
          tail,
        )
        break
      case 'stack': {
        const err = {
          errorType: 'RangeError',
          errorMessage: 'Maximum call stack size exceeded',
          trace: ['RangeError: Maximum call stack size exceeded'],
        }
        this.writeLines(env, [this.appErrorLine(env, requestId, err, endAt)], endAt, tail)
        body = JSON.stringify(err)
        functionError = true
        status = 'error'
        break
      }
    }

    const durationMs = Math.max(0, endAt - startAt)
    // Since August 2025 the INIT phase of on-demand functions on managed runtimes is billed too.
    const billed = Math.max(1, Math.ceil(durationMs + (initDuration ?? 0)))
    const reportStatus: ReportData['status'] =
      status === 'success' ? 'success' : status === 'timeout' ? 'timeout' : 'error'
    this.platformLine(env, env.platform.end(requestId, endAt, reportStatus, errorType), endAt, tail)
    this.platformLine(
      env,
      env.platform.report(
        {
          requestId,
          durationMs,
          billedDurationMs: billed,
          memorySizeMB: c.MemorySize,
          maxMemoryUsedMB: memUsed,
          initDurationMs: initDuration,
          status: reportStatus,
          errorType,
        },
        endAt,
      ),
      endAt,
      tail,
    )
    if (this.listeners.size > 0) {
      this.emit({
        type: 'InvokeEnd',
        functionName: c.FunctionName,
        environmentId: env.id,
        time: endAt,
        requestId,
        coldStart,
        duration: durationMs,
        billedDuration: billed,
        initDuration,
        maxMemoryUsedMB: memUsed,
        status,
        errorType,
      })
    }

    // Lifecycle after the invoke.
    env.busy = false
    env.lastUsed = endAt
    env.invocations++
    const reset =
      outcome.kind === 'timeout' ||
      outcome.kind === 'oom' ||
      outcome.kind === 'exit' ||
      outcome.kind === 'crash' ||
      outcome.kind === 'stack' ||
      !!initFailure
    if (reset || !env.sandbox) {
      const reason: ShutdownReason =
        outcome.kind === 'timeout' ? 'timeout' : outcome.kind === 'oom' ? 'oom' : initFailure ? 'init-error' : 'crash'
      this.shutdown(env, reason, endAt, outcome.kind === 'oom')
    } else if (env.generation !== fn.generation || !this.functions.has(c.FunctionName)) {
      this.shutdown(env, env.generation === -1 ? 'code-update' : 'config-update', endAt)
    } else {
      this.scheduleIdle(env)
    }
    this.clock.bump(endAt)
    // The caller receives the response at endAt, not before: when other work was due earlier
    // (concurrent invocations' timers), bump() could not move the clock yet, so wait for it.
    // Otherwise an invoke issued right after this one returns would arrive "before" it ended,
    // find its environment still busy, and cold-start a new one.
    if (this.clock.auto && this.clock.now() < endAt) await this.clock.waitUntil(endAt)

    const out: InvokeResponse = {
      StatusCode: 200,
      Payload: body,
      ExecutedVersion: '$LATEST',
      $metadata: {
        requestId,
        coldStart,
        durationMs,
        billedDurationMs: billed,
        ...(initDuration !== undefined ? { initDurationMs: initDuration } : {}),
        maxMemoryUsedMB: memUsed,
        environmentId: env.id,
      },
    }
    if (functionError) out.FunctionError = 'Unhandled'
    if (tail) out.LogResult = base64Utf8Tail(tail.lines.join('\n') + '\n', LOG_TAIL_BYTES)
    return out
  }

  private appErrorLine(env: Environment, requestId: string, err: ErrorShape, at: number): string {
    const iso = new Date(Math.floor(at)).toISOString()
    if (env.fn.config.LoggingConfig.LogFormat === 'JSON') {
      return JSON.stringify({
        timestamp: iso,
        level: 'ERROR',
        requestId,
        message: { errorType: err.errorType, errorMessage: err.errorMessage, stackTrace: err.trace },
      })
    }
    return `${iso}\t${requestId}\tERROR\tInvoke Error \t${JSON.stringify({ errorType: err.errorType, errorMessage: err.errorMessage, stack: err.trace })}`
  }

  /** New environment + Init (with the suppressed re-init in the invoke phase after a failure). */
  private async coldStart(
    fn: FunctionState,
    t0: number,
    tail: Tail | undefined,
    requestId: string,
  ): Promise<{
    env: Environment
    initDuration?: number
    readyAt: number
    failEnd?: number
    failure?: { outcome: Outcome; errorType: string }
  }> {
    const c = fn.config
    let env = this.newEnvironment(fn, t0)
    const first = await this.initEnvironment(env, t0, 'init', t0 + INIT_LIMIT_MS, tail)
    if (first.ok) return { env, initDuration: first.duration, readyAt: t0 + first.duration }
    // Init failed: Lambda reports it, then retries Init inside the invoke (counted in its Duration and Timeout).
    const failedAt = t0 + first.duration
    this.platformLine(
      env,
      env.platform.initReport(first.duration, 'init', first.status, first.errorType, failedAt),
      failedAt,
      tail,
    )
    this.shutdown(env, 'init-error', failedAt, first.outcome.kind === 'oom')
    env = this.newEnvironment(fn, failedAt)
    void requestId
    const second = await this.initEnvironment(env, failedAt, 'invoke', failedAt + c.Timeout * 1000, tail)
    if (second.ok) return { env, readyAt: failedAt + second.duration }
    const endAt = failedAt + second.duration
    this.platformLine(
      env,
      env.platform.initReport(second.duration, 'invoke', second.status, second.errorType, endAt),
      endAt,
      tail,
    )
    return {
      env,
      readyAt: failedAt,
      failEnd: endAt,
      failure: { outcome: second.outcome, errorType: second.errorType ?? 'Runtime.Unknown' },
    }
  }

  private async initEnvironment(
    env: Environment,
    at: number,
    phase: 'init' | 'invoke',
    deadline: number,
    tail: Tail | undefined,
  ): Promise<
    | { ok: true; duration: number }
    | { ok: false; duration: number; status: 'error' | 'timeout'; errorType?: string; outcome: Outcome }
  > {
    const fn = env.fn
    const c = fn.config
    this.emit({ type: 'InitStart', functionName: c.FunctionName, environmentId: env.id, time: at, phase })
    if (phase === 'init')
      this.platformLine(env, env.platform.initStart(fn.runtime, c.FunctionName, '$LATEST', phase, at), at, tail)
    let sb: Sandbox
    try {
      sb = await this.takeSandbox(c.MemorySize)
    } catch (err) {
      this.onFault(err)
      const outcome: Outcome = {
        kind: 'crash',
        error: { errorType: 'Runtime.Unknown', errorMessage: 'Unknown application error occurred' },
      }
      return { ok: false, duration: 0, status: 'error', errorType: 'Runtime.Unknown', outcome }
    }
    env.sandbox = sb
    // Runtime init (starting Node.js and the runtime client) is modelled, not measured: our
    // QuickJS boot is not comparable. ~110 ms at 128 MB, ~75 ms at 1,769 MB and above.
    const runtimeMs = RUNTIME_INIT_BASE_MS + RUNTIME_INIT_CPU_MS * env.cpuScale
    this.emit({
      type: 'InitPhase',
      functionName: c.FunctionName,
      environmentId: env.id,
      time: at,
      name: 'extension',
      start: at,
      duration: 0,
    })
    this.emit({
      type: 'InitPhase',
      functionName: c.FunctionName,
      environmentId: env.id,
      time: at,
      name: 'runtime',
      start: at,
      duration: runtimeMs,
    })
    sb.cpuScale = env.cpuScale / this.cpuSpeed
    let outcome: Outcome
    const fnStart = at + runtimeMs
    try {
      sb.setDeadline(deadline, this.wallCap)
      sb.configure(this.sandboxConfig(fn, env, fnStart), this.limitsFor(c.MemorySize))
      sb.onLogs = (lines, t) => this.writeLines(env, lines, t, tail)
      sb.vclock = fnStart
      outcome = await this.drive(env, sb, deadline, tail, () => sb.init())
    } catch (err) {
      outcome = this.faultOutcome(err)
    }
    const end = outcome.kind === 'timeout' ? deadline : Math.min(sb.vclock, deadline)
    const duration = end - at
    this.emit({
      type: 'InitPhase',
      functionName: c.FunctionName,
      environmentId: env.id,
      time: fnStart,
      name: 'function',
      start: fnStart,
      duration: Math.max(0, end - fnStart),
    })
    if (outcome.kind === 'ok') {
      env.initialised = true
      this.emit({
        type: 'InitEnd',
        functionName: c.FunctionName,
        environmentId: env.id,
        time: end,
        phase,
        duration,
        status: 'success',
      })
      return { ok: true, duration }
    }
    const status = outcome.kind === 'timeout' ? 'timeout' : 'error'
    const errorType =
      outcome.kind === 'error' || outcome.kind === 'crash'
        ? outcome.error.errorType
        : outcome.kind === 'oom'
          ? 'Runtime.OutOfMemory'
          : outcome.kind === 'exit'
            ? 'Runtime.ExitError'
            : outcome.kind === 'stack'
              ? 'RangeError'
              : undefined
    this.emit({
      type: 'InitEnd',
      functionName: c.FunctionName,
      environmentId: env.id,
      time: end,
      phase,
      duration,
      status,
      errorType,
    })
    if (outcome.kind === 'crash') outcome = { kind: 'error', error: outcome.error }
    return { ok: false, duration, status, errorType, outcome }
  }

  private faultOutcome(err: unknown): Outcome {
    if (err instanceof SandboxFault) {
      this.onFault(err)
      switch (err.kind) {
        case 'timeout':
          return { kind: 'timeout' }
        case 'oom':
          return { kind: 'oom' }
        case 'stack':
          return { kind: 'stack' }
        default:
          return {
            kind: 'crash',
            error: { errorType: 'Runtime.ExitError', errorMessage: `Runtime exited with error: ${err.message}` },
          }
      }
    }
    throw err
  }

  /** Run a phase (init or invoke) to completion: jobs, timers on the virtual clock, limits. */
  private drive(
    env: Environment,
    sb: Sandbox,
    deadline: number,
    tail: Tail | undefined,
    begin: () => StepResult | undefined | void,
  ): Outcome | Promise<Outcome> {
    try {
      sb.setDeadline(deadline, this.wallCap)
      sb.onLogs = (lines, t) => this.writeLines(env, lines, t, tail)
      const at0 = sb.vclock
      let st = begin()
      if (!st) {
        sb.runJobs()
        st = sb.step()
      }
      if (st.l) this.writeLines(env, st.l, at0, tail)
      // Fast path: finished without waiting for anything.
      if (st.s !== 0) return this.settle(st, sb, deadline)
      return this.driveTimers(env, sb, deadline, tail, st)
    } catch (err) {
      return this.faultOutcome(err)
    }
  }

  private async driveTimers(
    env: Environment,
    sb: Sandbox,
    deadline: number,
    tail: Tail | undefined,
    first: StepResult,
  ): Promise<Outcome> {
    let st = first
    try {
      while (st.s === 0) {
        const due = st.t
        if (due < 0 || due > deadline) {
          // Nothing can run before the deadline: the process just waits until it times out.
          const w = this.clock.waitUntil(deadline)
          if (w) await w
          return { kind: 'timeout' }
        }
        if (due > sb.vclock) {
          const w = this.clock.waitUntil(due)
          if (w) await w
          if (!sb.alive)
            return { kind: 'crash', error: { errorType: 'Runtime.ExitError', errorMessage: 'environment shut down' } }
        }
        const at = Math.max(sb.vclock, due)
        sb.setDeadline(deadline, this.wallCap)
        sb.fire(at)
        sb.runJobs()
        st = sb.step()
        if (st.l) this.writeLines(env, st.l, at, tail)
      }
      return this.settle(st, sb, deadline)
    } catch (err) {
      return this.faultOutcome(err)
    }
  }

  private settle(st: StepResult, sb: Sandbox, deadline: number): Outcome {
    if (sb.vclock > deadline) return { kind: 'timeout' }
    switch (st.s) {
      case 1:
        return { kind: 'ok', payload: st.payload }
      case 2:
        return { kind: 'error', error: st.e! }
      case 3:
        return { kind: 'crash', error: st.e! }
      case 4:
        return { kind: 'exit', code: st.x ?? 0 }
      default:
        return { kind: 'oom' }
    }
  }

  /** Free every environment and the pre-created ones. */
  dispose(): void {
    this.disposed = true
    for (const fn of this.functions.values()) for (const env of [...fn.envs]) this.shutdown(env, 'delete')
    this.drainPool()
  }

  /** Environments currently alive for a function (for the UI and tests). */
  describeEnvironments(name: string): {
    environmentId: string
    logStreamName: string
    busy: boolean
    invocations: number
    lastUsed: number
    heapBytes: number
  }[] {
    const fn = this.functions.get(name)
    if (!fn) return []
    return fn.envs
      .filter((e) => !e.dead)
      .map((e) => ({
        environmentId: e.id,
        logStreamName: e.logStreamName,
        busy: e.busy,
        invocations: e.invocations,
        lastUsed: e.lastUsed,
        heapBytes: e.sandbox?.alive && !e.busy ? e.sandbox.heapUsed() : 0,
      }))
  }
}

function emptyMeta(): InvokeResponse['$metadata'] {
  return { requestId: '', coldStart: false, durationMs: 0, billedDurationMs: 0, maxMemoryUsedMB: 0, environmentId: '' }
}
