// The lab format: one hands-on exercise per folder in content/labs/<lab-id>/.
//
//   content/labs/<lab-id>/
//     lab.ts          export default defineLab({ id, title, lesson, summary, instructions, function, events, hints, checks })
//     starter/…       the files the learner starts from (e.g. starter/index.mjs, starter/lib/orders.mjs)
//     solution/…      a solution (same layout); it must pass every check, and the starter must fail one
//
// Pure TypeScript: no DOM, no React. Runs in Node (content validation, tests) and in the browser.
import type {
  ApplicationLogLevel,
  FilterLogEventsRequest,
  FilterLogEventsResponse,
  FunctionConfiguration,
  InvokeRequest,
  InvokeResponse,
  LogFormat,
  SystemLogLevel,
  UpdateFunctionConfigurationRequest,
  CreateFunctionRequest,
} from '../lambda/public.ts'
import type { AccountSetup } from '../shared/account-setup.ts'

export type {
  AccountSetup,
  AccountCall,
  AccountContext,
  AccountFileBinding,
  AccountRole,
} from '../shared/account-setup.ts'

// ---- the definition -------------------------------------------------------------------------

/** The function settings a lab starts with (CreateFunction's fields, minus name and code). */
export interface LabFunctionConfig {
  /** `file.export`, e.g. `index.handler` (the file is found as Lambda does: as is, .js, .mjs, .cjs). */
  Handler: string
  Runtime: 'nodejs24.x' | 'nodejs22.x'
  /** MB, 128–10,240. Default 128. */
  MemorySize?: number
  /** Seconds, 1–900. Default 3. */
  Timeout?: number
  Description?: string
  Environment?: { Variables: Record<string, string> }
  /** The log group is always the function's own (`/aws/lambda/<name>`) so check runs never mix logs. */
  LoggingConfig?: { LogFormat?: LogFormat; ApplicationLogLevel?: ApplicationLogLevel; SystemLogLevel?: SystemLogLevel }
  EphemeralStorage?: { Size: number }
}

export interface LabEvent {
  /** Shown in the event picker, e.g. "GET /products/teapot-blue". */
  name: string
  /** Any JSON value. */
  payload: unknown
}

export interface LabCheck {
  /** Shown in the results list; says what is being checked ("Returns 404 for an unknown product"). */
  name: string
  /** Throw CheckFailed (t.fail / t.expect.*) to fail with a message for the learner. */
  run(t: LabTestContext): Promise<void> | void
}

export interface LabDefinition {
  /** Lowercase words joined by dashes; must equal the folder name. */
  id: string
  title: string
  /** Slug of the lesson the lab belongs to (content/lessons/NN-<slug>.mdx). */
  lesson: string
  /** One sentence: what the learner builds. */
  summary: string
  /** Markdown: the goal, the steps, and what "done" looks like. Headings start at ###. */
  instructions: string
  function: LabFunctionConfig
  /** Sample events for the playground's picker; the first is selected by default. */
  events: LabEvent[]
  /** Progressive hints, revealed one at a time: a nudge first, nearly the answer last. Markdown (`code`, fenced code). */
  hints: string[]
  checks: LabCheck[]
  /**
   * The simulated AWS account around the function (src/shared/account-setup.ts): resources created
   * first (a DynamoDB table, an S3 bucket), the function's execution role, and workspace files that
   * configure the account before each run (`rolePolicyFile`, `functionPermissionFile`). Applied the
   * same way in the playground's Run and in every check. Needs an engine with `send`.
   */
  account?: AccountSetup
}

/** A loaded lab: the definition plus its starting and solution files (path → source). */
export interface LoadedLab {
  lab: LabDefinition
  starter: Record<string, string>
  solution: Record<string, string>
}

/** The cheap part of a lab, for lists and links. */
export interface LabMeta {
  id: string
  title: string
  lesson: string
  summary: string
}

// ---- the engine the checks run on -----------------------------------------------------------

export interface EnvironmentInfo {
  environmentId: string
  logStreamName: string
  busy: boolean
  invocations: number
  lastUsed: number
  heapBytes: number
}

/**
 * The part of the Lambda API the runner uses. Both the engine itself (`createLambda()` in Node)
 * and the UI's Worker client (`LambdaClient`, src/worker/client.ts) fit it.
 */
export interface LabEngine {
  createFunction(req: CreateFunctionRequest): Promise<FunctionConfiguration>
  updateFunctionConfiguration(req: UpdateFunctionConfigurationRequest): Promise<FunctionConfiguration>
  updateFunctionCode(req: { FunctionName: string; Files: Record<string, string> }): Promise<FunctionConfiguration>
  deleteFunction(req: { FunctionName: string }): Promise<void>
  invoke(req: InvokeRequest): Promise<InvokeResponse>
  filterLogEvents(req: FilterLogEventsRequest): Promise<FilterLogEventsResponse>
  /** Sync on the engine, async through the Worker client. */
  describeEnvironments(name: string): EnvironmentInfo[] | Promise<EnvironmentInfo[]>
  readonly clock: {
    advance(ms: number): Promise<unknown>
    runUntilIdle(): Promise<unknown>
  }
  /**
   * One operation of the engine's simulated account as its admin user (the Worker client's `send`;
   * in Node, `createLabEngine()`). Labs with `account` need it.
   */
  send?(service: string, operation: string, input?: unknown): Promise<Record<string, unknown>>
  /** Would the function's resource-based policy let `service` invoke it (the question a trigger asks)? */
  mayInvoke?(q: InvokeQuestion): Promise<InvokeAnswer> | InvokeAnswer
}

/** What a trigger asks before it invokes a function. */
export interface InvokeQuestion {
  /** The calling service's principal, e.g. `s3.amazonaws.com`. */
  service: string
  sourceArn?: string
  sourceAccount?: string
  functionArn: string
}

export interface InvokeAnswer {
  allowed: boolean
  /** AWS's error when denied (name and message). */
  error?: { name: string; message: string }
  /** IAM's explanation of the decision (src/aws/iam/explain.ts: `summary` is "Denied, because …"). */
  explanation?: unknown
}

/** The account a check's function lives in (labs with `account`). */
export interface LabAccountHandle {
  accountId: string
  region: string
  /** The check's function's ARN. */
  functionArn: string
  roleName?: string
  roleArn?: string
  /** One operation of the account as its admin user (AWS errors throw, with `name` and `message`). */
  send(service: string, operation: string, input?: Record<string, unknown>): Promise<Record<string, unknown>>
}

// ---- what a check sees ----------------------------------------------------------------------

export interface LabInvokeOptions {
  InvocationType?: 'RequestResponse' | 'Event'
}

export interface FunctionErrorPayload {
  errorType: string
  errorMessage: string
  trace?: string[]
}

export interface LabInvokeResult {
  /** 200 (RequestResponse) or 202 (Event). */
  statusCode: number
  /** The response parsed from JSON; undefined when there is none (Event) or it is not JSON. */
  payload: unknown
  /** The response exactly as Lambda returned it. */
  rawPayload: string
  /** 'Unhandled' when the function failed (error, timeout, crash). */
  functionError?: 'Unhandled'
  /** The error object of a failed invoke ({ errorType, errorMessage, trace }). */
  error?: FunctionErrorPayload
  /** True when Lambda stopped the function at its timeout (errorType Sandbox.Timedout). */
  timedOut: boolean
  /** This invoke's log lines (the decoded LogResult: its last 4 KB). Empty for Event. */
  logs: string[]
  /** The same lines, parsed (`source: 'app'` lines are the function's own; `level`, `json`). */
  logLines: ParsedLogLine[]
  requestId: string
  coldStart: boolean
  /** Virtual milliseconds, as on the REPORT line. */
  durationMs: number
  billedDurationMs: number
  initDurationMs?: number
  environmentId: string
}

export interface LabLogEvent {
  timestamp: number
  message: string
  logStreamName: string
  /** True when Lambda itself wrote the line (the engine's mark; never read from the text). */
  platform?: boolean
}

/** A log line with the platform's framing taken apart (text or JSON log format). */
export interface ParsedLogLine {
  timestamp: number
  logStreamName: string
  /** The event's text exactly as stored. */
  raw: string
  /**
   * 'platform': START/END/REPORT/INIT_*, timeouts, runtime exits and platform.* records (Lambda's
   * own, as the engine marks them); 'app': everything else, what the function's process wrote (its
   * runtime client's `Invoke Error` lines included: a handler can print the same text, so read
   * failures from the invoke's FunctionError or `invokeStatus`, never from these lines).
   */
  source: 'platform' | 'app'
  /** The request id on the line ('undefined' during Init in the text format, as on Lambda). */
  requestId?: string
  /** INFO, WARN, ERROR, DEBUG, TRACE, FATAL for application lines written through console. */
  level?: string
  /** The message part (after time, request id and level). */
  message: string
  /** The message parsed as JSON when it is a JSON object (structured logging), else undefined. */
  json?: Record<string, unknown>
}

/** Assertions that fail a check with a message written for the learner. */
export interface LabExpect {
  /**
   * Fails with `message` unless `condition` is truthy. (Not an `asserts` signature: those would
   * make every lab annotate `run(t: LabTestContext)`; use `t.fail` in an `if` to narrow types.)
   */
  ok(condition: unknown, message: string, detail?: string): void
  /** Deep equality of JSON-like values. */
  equal(actual: unknown, expected: unknown, message: string): void
  /** The text matches the pattern. */
  match(actual: unknown, pattern: RegExp, message: string): void
  /** The invoke returned a response rather than an error (explains the error otherwise). `when` completes "…when <when>". */
  succeeded(result: LabInvokeResult, when: string): void
  /** The invoke failed with a function error. */
  failed(result: LabInvokeResult, message: string): void
  /** Parses JSON text, failing with `message` if it is not JSON. */
  json(text: unknown, message: string): unknown
}

/** One function deployed for a check: the learner's, or an extra one (a probe) from `t.deploy`. */
export interface LabFunctionHandle {
  readonly functionName: string
  /** Invoke with any JSON value (default {}). Never throws for function errors: read `functionError`. */
  invoke(payload?: unknown, opts?: LabInvokeOptions): Promise<LabInvokeResult>
  /** Every log event of the function so far, oldest first, across its log streams. */
  logs(): Promise<LabLogEvent[]>
  /** The same, parsed; `source: 'app'` lines are what the function itself wrote. */
  parsedLogs(): Promise<ParsedLogLine[]>
  /** UpdateFunctionConfiguration (environment variables, memory, timeout…). Idle environments are replaced. */
  updateConfiguration(patch: Omit<UpdateFunctionConfigurationRequest, 'FunctionName'>): Promise<void>
  /** The function's live execution environments. */
  environments(): Promise<EnvironmentInfo[]>
}

export interface LabTestContext extends LabFunctionHandle {
  readonly lab: LabDefinition
  /** The learner's files, as deployed. */
  readonly files: Readonly<Record<string, string>>
  /** The engine (for anything the helpers don't cover). */
  readonly lambda: LabEngine
  /** A copy of one of the lab's events, by name. */
  event(name: string): unknown
  /**
   * Advance the virtual clock of the engine the checks run on (idle environments shut down after
   * 5 minutes of it). In the browser that engine is the checks' own, apart from the learner's.
   */
  advance(ms: number): Promise<void>
  /** Let queued work (Event invokes, their timers) finish on the virtual clock. */
  settle(): Promise<void>
  /**
   * Deploy another function for this check, e.g. a probe that imports the learner's modules:
   * `files` are added to (and override) the learner's files, `config` to the lab's settings.
   * It is deleted when the check ends.
   */
  deploy(opts?: { files?: Record<string, string>; config?: Partial<LabFunctionConfig> }): Promise<LabFunctionHandle>
  /** Fail the check with a message for the learner. */
  fail(message: string, detail?: string): never
  expect: LabExpect
  /** The account (labs with `account`; undefined otherwise). */
  readonly aws?: LabAccountHandle
  /**
   * Would `service` be allowed to invoke this check's function (its resource-based policy decides)?
   * `functionArn` defaults to the check's function. Labs with `account`.
   */
  mayInvoke(q: Omit<InvokeQuestion, 'functionArn'> & { functionArn?: string }): Promise<InvokeAnswer>
}

// ---- results --------------------------------------------------------------------------------

export interface CheckResult {
  name: string
  pass: boolean
  /** Empty when the check passed; otherwise what to fix. */
  message: string
  /** Extra facts behind the message (what came back), when there are any. */
  detail?: string
  /** How the check ended: passed, failed (a CheckFailed), crashed (the check itself threw), timed out (wall clock) or skipped (cancelled). */
  outcome: 'passed' | 'failed' | 'crashed' | 'timeout' | 'skipped'
  /** Real (wall-clock) milliseconds the check took. */
  wallMs: number
}

export interface LabRunResult {
  pass: boolean
  results: CheckResult[]
  /** Real milliseconds for the whole run. */
  wallMs: number
}

export interface RunLabOptions {
  /**
   * The name each check's function gets: the learner's own function's name (the playground's
   * for this lab; default `lab-<lab id>`, which is what the playground names it), so handler code
   * cannot tell a check from its own run by context.functionName or AWS_LAMBDA_FUNCTION_NAME.
   */
  functionName?: string
  /** Wall-clock cap per check, in ms (default 10,000). A check past it fails and the next one runs. */
  checkTimeoutMs?: number
  /** Stop before the next check when aborted; the remaining checks are reported as skipped. */
  signal?: AbortSignal
  /** Called before each check. */
  onCheckStart?: (name: string, index: number) => void
  /** Called as each check finishes (for a live results list). */
  onCheckResult?: (result: CheckResult, index: number) => void
}

/** Thrown by a check to fail with a message for the learner. */
export class CheckFailed extends Error {
  readonly detail?: string
  constructor(message: string, detail?: string) {
    super(message)
    this.name = 'CheckFailed'
    if (detail !== undefined) this.detail = detail
  }
}

export function isCheckFailed(err: unknown): err is CheckFailed {
  return (
    err instanceof CheckFailed ||
    (typeof err === 'object' && err !== null && (err as { name?: unknown }).name === 'CheckFailed')
  )
}
