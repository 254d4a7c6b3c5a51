// The function registry (control plane): create, get, list, update code and configuration, delete.
import { conflict, invalidParameter, notFound } from '../errors.ts'
import { FNV_OFFSET, FNV_PRIME, fnv1aStep } from '../hash.ts'
import { runtimeInfo } from '../runtime/platform.ts'
import type {
  CreateFunctionRequest,
  FunctionConfiguration,
  FunctionSettings,
  GetFunctionResponse,
  ListFunctionsResponse,
  ShutdownReason,
  UpdateFunctionCodeRequest,
  UpdateFunctionConfigurationRequest,
} from '../types.ts'
import type { FunctionState, ServiceCore } from './state.ts'
import {
  parseFunctionName,
  validateCreateName,
  validateEnvironment,
  validateHandler,
  validateLogging,
  validateNumbers,
  validateRuntime,
  validateRuntimeSchedule,
} from './validate.ts'

function sha256Base64Like(files: Record<string, string>): string {
  // A stable digest-shaped string (not cryptographic): Lambda's CodeSha256 is base64(sha256(zip)).
  let h1 = FNV_OFFSET
  let h2 = FNV_PRIME
  for (const k of Object.keys(files).sort()) {
    const s = k + '\0' + files[k]
    for (let i = 0; i < s.length; i++) {
      h1 = fnv1aStep(h1, s.charCodeAt(i))
      h2 = fnv1aStep(h2, s.charCodeAt(i), 2246822519)
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

function checkFiles(files: unknown): asserts files is Record<string, string> {
  if (!files || typeof files !== 'object') throw invalidParameter('Please provide a source for function code.')
  for (const [k, v] of Object.entries(files as Record<string, unknown>)) {
    if (typeof v !== 'string') throw invalidParameter(`Code file ${k} must be text.`)
  }
  if (codeSize(files as Record<string, string>) > 262_144_000)
    throw invalidParameter('Unzipped size must be smaller than 262144000 bytes')
}

export class FunctionRegistry {
  readonly functions = new Map<string, FunctionState>()
  private nameCache = new Map<string, { name: string; qualifier?: string }>()

  constructor(
    private readonly core: ServiceCore,
    /** Shuts down a function's environments after an update or a delete. */
    private readonly retire: (fn: FunctionState, reason: ShutdownReason) => void,
  ) {}

  private arn(name: string): string {
    return `arn:aws:lambda:${this.core.region}:${this.core.accountId}:function:${name}`
  }

  /** The function a FunctionName (name, ARN or partial ARN, with an optional qualifier) names. */
  resolve(input: string, qualifierIn?: string): { fn: FunctionState; qualifier?: string } {
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

  async createFunction(req: CreateFunctionRequest): Promise<FunctionConfiguration> {
    const { provider, region, accountId } = this.core
    await provider.ready()
    const name = validateCreateName(req?.FunctionName)
    validateNumbers(req)
    if (req.Runtime === undefined || req.Handler === undefined) {
      throw invalidParameter(
        'Runtime and Handler are mandatory parameters for functions created with deployment packages.',
      )
    }
    validateRuntime(req.Runtime)
    validateRuntimeSchedule(req.Runtime, this.today(), 'create')
    validateHandler(req.Handler)
    validateEnvironment(req.Environment?.Variables)
    validateLogging(req.LoggingConfig)
    checkFiles(req.Code?.Files)
    if (this.functions.has(name)) throw conflict(`Function already exist: ${name}`)
    const files = { ...req.Code.Files }
    const logFormat = req.LoggingConfig?.LogFormat ?? 'Text'
    const config: FunctionConfiguration = {
      FunctionName: name,
      FunctionArn: this.arn(name),
      Runtime: req.Runtime,
      Role: req.Role ?? `arn:aws:iam::${accountId}:role/service-role/${name}-role`,
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
      RuntimeVersionConfig: { RuntimeVersionArn: runtimeInfo(req.Runtime, region).arn },
      ...vpcConfig(req.VpcConfig),
    }
    this.functions.set(name, { config, files, envs: [], generation: 0, runtime: runtimeInfo(req.Runtime, region) })
    return structuredClone(config)
  }

  /** The engine clock's date (YYYY-MM-DD), for Lambda's runtime deprecation schedule. */
  private today(): string {
    return new Date(Math.floor(this.core.clock.now())).toISOString().slice(0, 10)
  }

  private isoModified(): string {
    return new Date(Math.floor(this.core.clock.now())).toISOString().replace('Z', '+0000')
  }

  async getFunction(req: { FunctionName: string; Qualifier?: string }): Promise<GetFunctionResponse> {
    const { fn } = this.resolve(req?.FunctionName, req?.Qualifier)
    return {
      Configuration: structuredClone(fn.config),
      Code: { RepositoryType: 'S3', Location: '', Files: { ...fn.files } },
    }
  }

  async listFunctions(): Promise<ListFunctionsResponse> {
    return {
      Functions: [...this.functions.values()]
        .map((f) => structuredClone(f.config))
        .sort((a, b) => a.FunctionName.localeCompare(b.FunctionName)),
    }
  }

  async updateFunctionCode(req: UpdateFunctionCodeRequest): Promise<FunctionConfiguration> {
    const { fn } = this.resolve(req?.FunctionName)
    validateRuntimeSchedule(fn.config.Runtime, this.today(), 'update')
    checkFiles(req.Files)
    fn.files = { ...req.Files }
    fn.config.CodeSize = codeSize(fn.files)
    fn.config.CodeSha256 = sha256Base64Like(fn.files)
    this.touch(fn)
    this.retire(fn, 'code-update')
    return structuredClone(fn.config)
  }

  async updateFunctionConfiguration(req: UpdateFunctionConfigurationRequest): Promise<FunctionConfiguration> {
    const { fn } = this.resolve(req?.FunctionName)
    validateNumbers(req)
    if (req.Runtime !== undefined) validateRuntime(req.Runtime)
    validateRuntimeSchedule(req.Runtime ?? fn.config.Runtime, this.today(), 'update')
    if (req.Handler !== undefined) validateHandler(req.Handler)
    if (req.Environment !== undefined) validateEnvironment(req.Environment.Variables)
    if (req.LoggingConfig !== undefined)
      validateLogging({ LogFormat: fn.config.LoggingConfig.LogFormat, ...req.LoggingConfig })
    const c = fn.config
    if (req.Runtime !== undefined) {
      c.Runtime = req.Runtime
      fn.runtime = runtimeInfo(req.Runtime, this.core.region)
      c.RuntimeVersionConfig = { RuntimeVersionArn: fn.runtime.arn }
    }
    if (req.Handler !== undefined) c.Handler = req.Handler
    if (req.Role !== undefined) c.Role = req.Role
    if (req.Description !== undefined) c.Description = req.Description
    if (req.Timeout !== undefined) c.Timeout = req.Timeout
    if (req.MemorySize !== undefined) c.MemorySize = req.MemorySize
    if (req.EphemeralStorage !== undefined) c.EphemeralStorage = { Size: req.EphemeralStorage.Size }
    if (req.VpcConfig !== undefined) {
      delete c.VpcConfig
      Object.assign(c, vpcConfig(req.VpcConfig))
    }
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
    const { fn } = this.resolve(req?.FunctionName, req?.Qualifier)
    this.retire(fn, 'delete')
    this.functions.delete(fn.config.FunctionName)
  }
}

/**
 * A function attached to subnets (the simulation has no VPCs to check them against): its VpcId is
 * derived from the subnet ids. No subnets: not attached. Its requests leave through the network's
 * VPC rules (src/aws/network.ts: no NAT gateway, no internet).
 */
function vpcConfig(v: FunctionSettings['VpcConfig']): { VpcConfig?: FunctionConfiguration['VpcConfig'] } {
  const subnets = (v?.SubnetIds ?? []).map(String)
  if (subnets.length === 0) return {}
  let h = FNV_OFFSET
  for (const ch of subnets.join(',')) h = fnv1aStep(h, ch.charCodeAt(0), FNV_PRIME)
  return {
    VpcConfig: {
      SubnetIds: subnets,
      SecurityGroupIds: (v?.SecurityGroupIds ?? []).map(String),
      VpcId: `vpc-0${h.toString(16).padStart(8, '0')}${(h >>> 4).toString(16).padStart(8, '0')}`,
      Ipv6AllowedForDualStack: !!v?.Ipv6AllowedForDualStack,
    },
  }
}
