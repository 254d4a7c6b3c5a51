// Public types of the simulated Lambda API. Names and fields follow @aws-sdk/client-lambda and
// @aws-sdk/client-cloudwatch-logs, so what learners see here is what they meet on AWS.
import type { ReportData } from './runtime/platform.ts'

export type Runtime = 'nodejs18.x' | 'nodejs20.x' | 'nodejs22.x' | 'nodejs24.x'
export type LogFormat = 'Text' | 'JSON'
export type ApplicationLogLevel = 'TRACE' | 'DEBUG' | 'INFO' | 'WARN' | 'ERROR' | 'FATAL'
export type SystemLogLevel = 'DEBUG' | 'INFO' | 'WARN'

export interface FunctionCode {
  /** The deployment package as files: path (relative to /var/task) -> source text. */
  Files: Record<string, string>
}

export interface LoggingConfig {
  LogFormat?: LogFormat
  ApplicationLogLevel?: ApplicationLogLevel
  SystemLogLevel?: SystemLogLevel
  LogGroup?: string
}

export interface EnvironmentConfig {
  Variables?: Record<string, string>
}

/** A function attached to a VPC (its subnets and security groups). */
export interface VpcConfig {
  SubnetIds?: string[]
  SecurityGroupIds?: string[]
  Ipv6AllowedForDualStack?: boolean
}

export interface VpcConfigResponse {
  SubnetIds: string[]
  SecurityGroupIds: string[]
  VpcId: string
  Ipv6AllowedForDualStack: boolean
}

/** The settings both CreateFunction and UpdateFunctionConfiguration accept. */
export interface FunctionSettings {
  Runtime?: Runtime | string
  Role?: string
  Handler?: string
  Description?: string
  Timeout?: number
  MemorySize?: number
  Environment?: EnvironmentConfig
  LoggingConfig?: LoggingConfig
  EphemeralStorage?: { Size: number }
  VpcConfig?: VpcConfig
}

export interface CreateFunctionRequest extends FunctionSettings {
  FunctionName: string
  Code: FunctionCode
  Architectures?: ('x86_64' | 'arm64')[]
}

export interface UpdateFunctionCodeRequest {
  FunctionName: string
  Files: Record<string, string>
}

export interface UpdateFunctionConfigurationRequest extends FunctionSettings {
  FunctionName: string
}

export interface FunctionConfiguration {
  FunctionName: string
  FunctionArn: string
  Runtime: string
  Role: string
  Handler: string
  CodeSize: number
  Description: string
  Timeout: number
  MemorySize: number
  LastModified: string
  CodeSha256: string
  Version: string
  Environment?: { Variables: Record<string, string> }
  TracingConfig: { Mode: 'PassThrough' }
  RevisionId: string
  State: 'Active'
  LastUpdateStatus: 'Successful'
  PackageType: 'Zip'
  Architectures: ('x86_64' | 'arm64')[]
  EphemeralStorage: { Size: number }
  LoggingConfig: {
    LogFormat: LogFormat
    ApplicationLogLevel?: ApplicationLogLevel
    SystemLogLevel?: SystemLogLevel
    LogGroup: string
  }
  RuntimeVersionConfig: { RuntimeVersionArn: string }
  /** Present when the function is attached to a VPC. */
  VpcConfig?: VpcConfigResponse
}

export interface GetFunctionResponse {
  Configuration: FunctionConfiguration
  Code: { RepositoryType: 'S3'; Location: string; Files: Record<string, string> }
}

export interface ListFunctionsResponse {
  Functions: FunctionConfiguration[]
}

export type InvocationType = 'RequestResponse' | 'Event' | 'DryRun'

export interface InvokeRequest {
  FunctionName: string
  /** JSON text (the SDK sends bytes; here it is a string). */
  Payload?: string
  InvocationType?: InvocationType
  LogType?: 'None' | 'Tail'
  Qualifier?: string
  /** Base64-encoded JSON, available as context.clientContext. */
  ClientContext?: string
}

export interface InvokeResponse {
  StatusCode: number
  FunctionError?: 'Unhandled'
  Payload: string
  LogResult?: string
  ExecutedVersion?: string
  /** Simulator extras (not in the AWS response): the request id and timings, for the UI. */
  $metadata: {
    requestId: string
    coldStart: boolean
    durationMs: number
    billedDurationMs: number
    initDurationMs?: number
    maxMemoryUsedMB: number
    environmentId: string
    /** The invoke's REPORT figures as the engine wrote them (whatever the log format or level). */
    report?: ReportData
    /**
     * Where Lambda's own lines are in LogResult: line numbers counted from the end of the decoded
     * text (1 = its last line; a message with line breaks spans several lines). Every other line
     * is the function's, whatever it looks like.
     */
    tailPlatformLines?: number[]
  }
}

// ---- host I/O: what handlers send out of the sandbox, and the network that answers ------------

/** An HTTP request a handler sent out through the runtime's I/O channel (runtime/bootstrap/io.js). */
export interface HttpIoRequest {
  method: string
  url: string
  headers: Record<string, string>
  /** base64 */
  body: string
  /** Give up connecting after this many ms (fetch's connect timeout); none: the OS's. */
  connectTimeout?: number
}

export interface HttpIoResponse {
  status: number
  statusText: string
  headers: Record<string, string>
  /** base64 */
  body: string
}

/** A network failure as Node reports it (the `cause` of fetch's `TypeError: fetch failed`). */
export interface NetworkErrorShape {
  /** The error's name when it is not plain `Error` (undici's ConnectTimeoutError). */
  name?: string
  code: string
  message: string
  errno?: number
  syscall?: string
  hostname?: string
  address?: string
  port?: number
}

/** Who sent a request: the function and the execution environment, for the network and its log. */
export interface IoCaller {
  functionName: string
  functionArn: string
  environmentId: string
  /** The invocation in progress when the request was sent (undefined during Init). */
  requestId?: string
  /** The function is attached to a VPC (VpcConfig with subnets). */
  vpc: boolean
  /** Virtual epoch ms at which the request left the sandbox. */
  at: number
}

/**
 * What became of a request: an answer or a network error, after `latencyMs` of virtual time
 * (added to any virtual time the network itself took to answer, e.g. a function it invoked).
 */
export type IoOutcome =
  | { response: HttpIoResponse; latencyMs: number; route?: string }
  | { error: NetworkErrorShape; latencyMs: number; route?: string }

/** Where a function's requests go (the simulated account's network: src/aws/network.ts). */
export interface HostNetwork {
  request(kind: 'http', request: HttpIoRequest, caller: IoCaller): IoOutcome | Promise<IoOutcome>
}

// ---- CloudWatch Logs shapes -----------------------------------------------------------------

export interface OutputLogEvent {
  timestamp: number
  message: string
  ingestionTime: number
  /**
   * Simulator extra (not in CloudWatch): true on the lines Lambda itself wrote (START, END,
   * REPORT, INIT_*, time-outs, runtime exits, platform.* records). Function code can write text
   * that looks like them, never this flag: read platform facts from it, not from the text.
   */
  platform?: true
}

export interface FilteredLogEvent extends OutputLogEvent {
  logStreamName: string
  eventId: string
}

export interface GetLogEventsRequest {
  logGroupName: string
  logStreamName: string
  startTime?: number
  endTime?: number
  limit?: number
  startFromHead?: boolean
}

export interface GetLogEventsResponse {
  events: OutputLogEvent[]
  nextForwardToken: string
  nextBackwardToken: string
}

export interface FilterLogEventsRequest {
  logGroupName: string
  logStreamNames?: string[]
  logStreamNamePrefix?: string
  filterPattern?: string
  startTime?: number
  endTime?: number
  limit?: number
}

export interface FilterLogEventsResponse {
  events: FilteredLogEvent[]
  searchedLogStreams: { logStreamName: string; searchedCompletely: boolean }[]
}

export interface LogStream {
  logStreamName: string
  creationTime: number
  firstEventTimestamp?: number
  lastEventTimestamp?: number
  lastIngestionTime?: number
  storedBytes: number
  arn: string
}

export interface DescribeLogStreamsRequest {
  logGroupName: string
  logStreamNamePrefix?: string
  orderBy?: 'LogStreamName' | 'LastEventTime'
  descending?: boolean
  limit?: number
}

// ---- lifecycle events (for the UI timeline) -------------------------------------------------

export type ShutdownReason =
  'idle' | 'code-update' | 'config-update' | 'timeout' | 'crash' | 'oom' | 'delete' | 'init-error'
export type InvokeStatus = 'success' | 'error' | 'timeout' | 'crash' | 'oom'

interface Base {
  functionName: string
  environmentId: string
  /** Virtual epoch ms. */
  time: number
}

export type LambdaEvent =
  | (Base & { type: 'EnvironmentCreated'; logStreamName: string; memorySize: number })
  | (Base & { type: 'InitStart'; phase: 'init' | 'invoke' })
  | (Base & { type: 'InitPhase'; name: 'extension' | 'runtime' | 'function'; start: number; duration: number })
  | (Base & {
      type: 'InitEnd'
      phase: 'init' | 'invoke'
      duration: number
      status: 'success' | 'error' | 'timeout'
      errorType?: string
    })
  | (Base & { type: 'InvokeStart'; requestId: string; coldStart: boolean })
  /**
   * A request the handler sent (fetch, node:http, the AWS SDK) and what became of it: sent at
   * `time`, answered `latencyMs` later with `status`, or failed with a network `error`. `route`
   * is the network's (src/aws/network.ts: aws, declared, unknown, vpc) when it says.
   */
  | (Base & {
      type: 'NetworkRequest'
      requestId?: string
      method: string
      url: string
      host: string
      route?: string
      latencyMs: number
      status?: number
      error?: { code: string; message: string }
    })
  | (Base & {
      type: 'InvokeEnd'
      requestId: string
      coldStart: boolean
      duration: number
      billedDuration: number
      initDuration?: number
      maxMemoryUsedMB: number
      status: InvokeStatus
      errorType?: string
    })
  | (Base & { type: 'Shutdown'; reason: ShutdownReason })
  /**
   * The environment writes nothing to CloudWatch Logs: its execution role may not
   * logs:CreateLogStream / logs:PutLogEvents on its log group (the invoke's Tail still has its lines).
   */
  | (Base & { type: 'LogsDenied'; logGroupName: string; logStreamName: string; reason: string })
  | {
      type: 'Log'
      functionName: string
      environmentId: string
      time: number
      logGroupName: string
      logStreamName: string
      event: OutputLogEvent
    }

export type LambdaEventListener = (event: LambdaEvent) => void
