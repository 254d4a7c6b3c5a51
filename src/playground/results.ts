/**
 * Turns an invoke response into what the "Execution result" panel shows, like the Lambda
 * console: status, the response (pretty JSON) or the function error (errorType, errorMessage,
 * trace), the summary (request ID, durations, memory, init duration on cold starts) from the
 * engine's own REPORT figures (`$metadata.report`), and the log output. Platform facts never come
 * from parsing the log: a handler can print a line that looks like REPORT. Pure (no DOM).
 */
import type { InvokeResponse, ReportData } from '../lambda/public.ts'

/**
 * The REPORT figures as read back from the log: the engine's ReportData, except that `status` is
 * absent when the line has none (a success) and is kept as the log wrote it.
 */
export type ReportSummary = Omit<ReportData, 'status'> & { status?: string }

export interface FunctionErrorView {
  errorType: string
  errorMessage: string
  trace: string[]
}

export interface ExecutionResult {
  status: 'Succeeded' | 'Failed'
  /** Pretty-printed response (success), or the raw payload when it is not JSON. */
  response: string
  error?: FunctionErrorView
  summary: ReportSummary
  coldStart: boolean
  /** The tail log (last 4 KB), decoded. */
  log: string
  /** The exact REPORT line, when the log has one. */
  reportLine?: string
  /** True when the tail starts mid-log (Lambda returns only the last 4 KB). */
  logTruncated: boolean
}

/** base64 → UTF-8 text (the tail may start in the middle of a character: replaced, not thrown). */
export function decodeLogResult(b64: string | undefined): string {
  if (!b64) return ''
  let bin: string
  try {
    bin = atob(b64)
  } catch {
    return ''
  }
  const bytes = new Uint8Array(bin.length)
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i)
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes)
}

const num = (s: string | undefined) => (s === undefined ? undefined : Number(s))

/** Parses a text-format REPORT line, or a JSON `platform.report` record. */
export function parseReport(line: string): ReportSummary | undefined {
  if (line.startsWith('REPORT RequestId: ')) {
    const field = (name: string) => new RegExp(`\\t${name}: ([^\\t]+)`).exec(line)?.[1]
    const requestId = /^REPORT RequestId: (\S+)/.exec(line)?.[1]
    const duration = num(field('Duration')?.replace(/ ms$/, ''))
    const billed = num(field('Billed Duration')?.replace(/ ms$/, ''))
    const size = num(field('Memory Size')?.replace(/ MB$/, ''))
    const used = num(field('Max Memory Used')?.replace(/ MB$/, ''))
    if (!requestId || duration === undefined || billed === undefined || size === undefined || used === undefined)
      return undefined
    const init = field('Init Duration')
    const status = field('Status')
    const errorType = field('Error Type')
    return {
      requestId,
      durationMs: duration,
      billedDurationMs: billed,
      memorySizeMB: size,
      maxMemoryUsedMB: used,
      ...(init ? { initDurationMs: Number(init.replace(/ ms$/, '')) } : {}),
      ...(status ? { status } : {}),
      ...(errorType ? { errorType } : {}),
    }
  }
  if (line.startsWith('{') && line.includes('"platform.report"')) {
    try {
      const r = JSON.parse(line) as {
        type?: string
        record?: { requestId?: string; status?: string; errorType?: string; metrics?: Record<string, number> }
      }
      const m = r.record?.metrics
      if (r.type !== 'platform.report' || !m || !r.record?.requestId) return undefined
      return {
        requestId: r.record.requestId,
        durationMs: m.durationMs,
        billedDurationMs: m.billedDurationMs,
        memorySizeMB: m.memorySizeMB,
        maxMemoryUsedMB: m.maxMemoryUsedMB,
        ...(m.initDurationMs !== undefined ? { initDurationMs: m.initDurationMs } : {}),
        ...(r.record.status ? { status: r.record.status } : {}),
        ...(r.record.errorType ? { errorType: r.record.errorType } : {}),
      }
    } catch {
      return undefined
    }
  }
  return undefined
}

function prettyJson(payload: string): string {
  if (payload === '') return ''
  try {
    return JSON.stringify(JSON.parse(payload), null, 2)
  } catch {
    return payload
  }
}

function errorView(payload: string): FunctionErrorView {
  try {
    const v = JSON.parse(payload) as { errorType?: unknown; errorMessage?: unknown; trace?: unknown }
    if (v && typeof v === 'object') {
      return {
        errorType: typeof v.errorType === 'string' ? v.errorType : 'Unknown',
        errorMessage: typeof v.errorMessage === 'string' ? v.errorMessage : String(v.errorMessage ?? ''),
        trace: Array.isArray(v.trace) ? v.trace.map(String) : [],
      }
    }
  } catch {
    // not JSON: show it as the message
  }
  return { errorType: 'Unknown', errorMessage: payload, trace: [] }
}

/** `memorySizeMB`: the configured memory, used when the log has no REPORT line (SystemLogLevel WARN). */
export function toExecutionResult(out: InvokeResponse, memorySizeMB = NaN): ExecutionResult {
  const log = decodeLogResult(out.LogResult)
  const lines = log.split('\n')
  const meta = out.$metadata
  // The REPORT line is the tail's last line when the engine marks it as its own (it is absent
  // when SystemLogLevel hides platform lines); whatever the function printed is never it.
  const textLines = lines.length - 1 // the text ends with a line break
  const last = textLines > 0 && meta.tailPlatformLines?.includes(1) ? lines[textLines - 1] : undefined
  const reportLine = last !== undefined && parseReport(last) ? last : undefined
  const rep = meta.report
  const round2 = (n: number) => Math.round(n * 100) / 100
  const summary: ReportSummary = rep
    ? {
        requestId: rep.requestId,
        durationMs: round2(rep.durationMs),
        billedDurationMs: rep.billedDurationMs,
        memorySizeMB: rep.memorySizeMB,
        maxMemoryUsedMB: rep.maxMemoryUsedMB,
        ...(rep.initDurationMs !== undefined ? { initDurationMs: round2(rep.initDurationMs) } : {}),
        ...(rep.status !== 'success' ? { status: rep.status } : {}),
        ...(rep.errorType ? { errorType: rep.errorType } : {}),
      }
    : {
        requestId: meta.requestId,
        durationMs: round2(meta.durationMs),
        billedDurationMs: meta.billedDurationMs,
        memorySizeMB,
        maxMemoryUsedMB: meta.maxMemoryUsedMB,
        ...(meta.initDurationMs !== undefined ? { initDurationMs: round2(meta.initDurationMs) } : {}),
      }
  const failed = out.FunctionError !== undefined
  // Truncated when the first line is not one of Lambda's own opening lines (INIT_START or START).
  const first = meta.tailPlatformLines?.includes(textLines) ? lines[0] : ''
  return {
    status: failed ? 'Failed' : 'Succeeded',
    response: prettyJson(out.Payload),
    ...(failed ? { error: errorView(out.Payload) } : {}),
    summary,
    coldStart: meta.coldStart,
    log,
    ...(reportLine ? { reportLine } : {}),
    logTruncated: !!out.LogResult && !/^(INIT_START|START|\{"time")/.test(first),
  }
}

/** "1,234.56 ms" */
export function fmtMs(ms: number): string {
  return `${ms.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ms`
}
