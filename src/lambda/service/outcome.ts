// What a phase ended with (an Outcome), and what Lambda makes of it: the response body,
// FunctionError, the invoke status and error type, the runtime and platform lines, REPORT, and
// LogResult. Pure: no sandbox, no clock, no log store.
import type { PlatformFormatter, ReportData } from '../runtime/platform.ts'
import type { ErrorShape, SandboxFault, StepResult } from '../sandbox/types.ts'
import type { InvokeStatus, LogFormat } from '../types.ts'
import { RESPONSE_LIMIT } from './limits.ts'

export type Outcome =
  /** exit: the process exited right after answering (an unhandled rejection after the response). */
  | { kind: 'ok'; payload: string; exit?: number }
  | { kind: 'error'; error: ErrorShape }
  | { kind: 'timeout' }
  /** The runtime client posted `error`, then the process exited with `code` (default 129). */
  | { kind: 'crash'; error: ErrorShape; code?: number }
  | { kind: 'exit'; code: number }
  | { kind: 'oom' }
  | { kind: 'stack' }
  /** The environment's process was killed under the invoke (its WebAssembly module was lost). */
  | { kind: 'killed' }

/** The outcome of a finished step (status codes in runtime/bootstrap/phases.js). */
export function settle(st: StepResult, vclock: number, deadline: number): Outcome {
  if (vclock > deadline) return { kind: 'timeout' }
  switch (st.s) {
    case 1:
      return st.x === undefined ? { kind: 'ok', payload: st.payload } : { kind: 'ok', payload: st.payload, exit: st.x }
    case 2:
      return { kind: 'error', error: st.e! }
    case 3:
      return { kind: 'crash', error: st.e!, code: st.x }
    case 4:
      return { kind: 'exit', code: st.x ?? 0 }
    default:
      return { kind: 'oom' }
  }
}

/** The outcome of a crossing that threw a SandboxFault. */
export function outcomeOfFault(err: SandboxFault): Outcome {
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

/** The error type INIT_REPORT and InitEnd name for a failed Init. */
export function initErrorType(outcome: Outcome): string | undefined {
  return outcome.kind === 'error' || outcome.kind === 'crash'
    ? outcome.error.errorType
    : outcome.kind === 'oom'
      ? 'Runtime.OutOfMemory'
      : outcome.kind === 'exit' || outcome.kind === 'killed'
        ? 'Runtime.ExitError'
        : outcome.kind === 'stack'
          ? 'RangeError'
          : undefined
}

/** Whether the environment is reset after this outcome (the next invoke is cold). */
export function resetsEnvironment(outcome: Outcome): boolean {
  return (
    (outcome.kind === 'ok' && outcome.exit !== undefined) ||
    outcome.kind === 'timeout' ||
    outcome.kind === 'oom' ||
    outcome.kind === 'exit' ||
    outcome.kind === 'crash' ||
    outcome.kind === 'stack' ||
    outcome.kind === 'killed'
  )
}

/** The runtime client's "Invoke Error" log line (Text) or its JSON record. */
export function appErrorLine(logFormat: LogFormat, requestId: string, err: ErrorShape, at: number): string {
  const iso = new Date(Math.floor(at)).toISOString()
  if (logFormat === 'JSON') {
    return JSON.stringify({
      timestamp: iso,
      level: 'ERROR',
      requestId,
      message: { errorType: err.errorType, errorMessage: err.errorMessage, stackTrace: err.trace },
    })
  }
  return `${iso}\t${requestId}\tERROR\tInvoke Error \t${JSON.stringify({ errorType: err.errorType, errorMessage: err.errorMessage, stack: err.trace })}`
}

/**
 * Function.ResponseSizeTooLarge: with the size when it is known (a result the host measured), in the
 * older wording without it when the runtime refused to build an error body that could only be too
 * large (see rapid() in runtime/bootstrap/errors.js).
 */
function tooLargeBody(bytes?: number): string {
  return JSON.stringify({
    errorType: 'Function.ResponseSizeTooLarge',
    errorMessage:
      bytes === undefined
        ? `Response payload size exceeded maximum allowed payload size (${RESPONSE_LIMIT} bytes).`
        : `Response payload size (${bytes} bytes) exceeded maximum allowed payload size (${RESPONSE_LIMIT} bytes).`,
  })
}

/** The body of an error response, or undefined when it is over RESPONSE_LIMIT (the Runtime API refuses it). */
function errorBody(err: ErrorShape): string | undefined {
  if (err.oversize === true) return undefined
  const body = JSON.stringify(err)
  return body.length > RESPONSE_LIMIT / 3 && new TextEncoder().encode(body).length > RESPONSE_LIMIT ? undefined : body
}

/** Billed Duration: since August 2025 the INIT phase of on-demand functions on managed runtimes is billed too. */
export function billedDuration(durationMs: number, initDurationMs: number | undefined): number {
  return Math.max(1, Math.ceil(durationMs + (initDurationMs ?? 0)))
}

export interface InvokeEnding {
  outcome: Outcome
  requestId: string
  /** The function's Timeout, seconds. */
  timeout: number
  memorySizeMB: number
  /** Max Memory Used as measured (before an out-of-memory kill sets it to MemorySize). */
  measuredMemoryMB: number
  /** The error type of a failed Init retried in the invoke phase. */
  initErrorType?: string
  initDurationMs?: number
  logFormat: LogFormat
  platform: PlatformFormatter
  startAt: number
  endAt: number
}

export interface InvokeReport {
  body: string
  functionError: boolean
  status: InvokeStatus
  errorType?: string
  maxMemoryUsedMB: number
  durationMs: number
  billedDurationMs: number
  /** A line the runtime client writes before END (an application log line, whatever SystemLogLevel). */
  appLine?: string
  /** A platform line before END (time-out, runtime exit); absent where the log format has none. */
  platformLine?: string
  /** END (text) or platform.runtimeDone (JSON). */
  end: string
  /** REPORT (text) or platform.report (JSON). */
  report: string
  /** The figures on the REPORT line. */
  reportData: ReportData
}

/** The response and the lines that end an invocation. */
export function endInvoke(x: InvokeEnding): InvokeReport {
  const { outcome, requestId, endAt, platform } = x
  let status: InvokeStatus = 'success'
  let errorType: string | undefined
  let body: string
  let functionError = false
  let memUsed = x.measuredMemoryMB
  let appLine: string | undefined
  let platformLine: string | undefined
  switch (outcome.kind) {
    case 'ok':
      body = outcome.payload
      if (body.length > RESPONSE_LIMIT / 3 && new TextEncoder().encode(body).length > RESPONSE_LIMIT) {
        body = tooLargeBody(new TextEncoder().encode(body).length)
        functionError = true
        status = 'error'
        errorType = 'Function.ResponseSizeTooLarge'
      }
      break
    case 'error': {
      const errBody = errorBody(outcome.error)
      body = errBody ?? tooLargeBody()
      functionError = true
      status = 'error'
      errorType = errBody === undefined ? 'Function.ResponseSizeTooLarge' : x.initErrorType
      break
    }
    case 'timeout':
      body = JSON.stringify({
        errorType: 'Sandbox.Timedout',
        errorMessage: `RequestId: ${requestId} Error: Task timed out after ${x.timeout.toFixed(2)} seconds`,
      })
      functionError = true
      status = 'timeout'
      platformLine = platform.timedOut(requestId, x.timeout, endAt)
      break
    case 'oom':
      body = JSON.stringify({
        errorType: 'Runtime.OutOfMemory',
        errorMessage: `RequestId: ${requestId} Error: Runtime exited with error: signal: killed`,
      })
      functionError = true
      status = 'oom'
      errorType = 'Runtime.OutOfMemory'
      memUsed = x.memorySizeMB
      platformLine = platform.runtimeExit(requestId, 'Runtime exited with error: signal: killed', errorType, endAt)
      break
    case 'killed': {
      const reason = 'Runtime exited with error: signal: killed'
      body = JSON.stringify({
        errorType: 'Runtime.ExitError',
        errorMessage: `RequestId: ${requestId} Error: ${reason}`,
      })
      functionError = true
      status = 'crash'
      errorType = 'Runtime.ExitError'
      platformLine = platform.runtimeExit(requestId, reason, errorType, endAt)
      break
    }
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
      platformLine = platform.runtimeExit(requestId, reason, errorType, endAt)
      break
    }
    case 'crash':
      body = errorBody(outcome.error) ?? tooLargeBody()
      functionError = true
      status = 'crash'
      errorType = 'Runtime.ExitError'
      platformLine = platform.runtimeExit(
        requestId,
        `Runtime exited with error: exit status ${outcome.code ?? 129}`,
        errorType,
        endAt,
      )
      break
    case 'stack': {
      const err = {
        errorType: 'RangeError',
        errorMessage: 'Maximum call stack size exceeded',
        trace: ['RangeError: Maximum call stack size exceeded'],
      }
      appLine = appErrorLine(x.logFormat, requestId, err, endAt)
      body = JSON.stringify(err)
      functionError = true
      status = 'error'
      break
    }
  }

  const durationMs = Math.max(0, endAt - x.startAt)
  const billed = billedDuration(durationMs, x.initDurationMs)
  const reportStatus: ReportData['status'] =
    status === 'success' ? 'success' : status === 'timeout' ? 'timeout' : 'error'
  const end = platform.end(requestId, endAt, reportStatus, errorType)
  const reportData: ReportData = {
    requestId,
    durationMs,
    billedDurationMs: billed,
    memorySizeMB: x.memorySizeMB,
    maxMemoryUsedMB: memUsed,
    ...(x.initDurationMs !== undefined ? { initDurationMs: x.initDurationMs } : {}),
    status: reportStatus,
    ...(errorType !== undefined ? { errorType } : {}),
  }
  const report = platform.report(reportData, endAt)
  return {
    body,
    functionError,
    status,
    errorType,
    maxMemoryUsedMB: memUsed,
    durationMs,
    billedDurationMs: billed,
    appLine,
    platformLine,
    end,
    report,
    reportData,
  }
}

/** LogResult: the base64 of the last `maxBytes` UTF-8 bytes of the text. */
export function base64Utf8Tail(text: string, maxBytes: number): string {
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
