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
