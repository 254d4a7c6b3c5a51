// Taking CloudWatch log lines apart, in both of Lambda's log formats, so checks can ask "did the
// function log a warning?" or "is every line one JSON object?" without string surgery.
//
// Whether a line is Lambda's own (START, REPORT, INIT_START…) comes from the engine's mark
// (`platform: true` on log events, `$metadata.tailPlatformLines` for LogResult), never from the
// text: a handler can print "REPORT RequestId: …" itself, and that line is the function's. For the
// same reason no line is classified by what it says: the runtime client's "Invoke Error" line is
// text in the function's own output, which a handler can print too. Whether an invoke failed is the
// invoke's FunctionError, or for an asynchronous invoke its platform REPORT (`invokeStatus`).
import type { LabLogEvent, ParsedLogLine } from './types.ts'

const LEVELS = 'TRACE|DEBUG|INFO|WARN|ERROR|FATAL'
/** `<ISO time>\t<request id>\t<LEVEL>\t<message>` (the runtime client's text format). */
const TEXT_LINE = new RegExp(
  `^(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(?:\\.\\d+)?Z)\\t([^\\t]*)\\t(${LEVELS})\\t([\\s\\S]*)$`,
)
const TIMED_OUT = /^\d{4}-\d\d-\d\dT\S+Z (\S+) Task timed out after [\d.]+ seconds$/
const RUNTIME_EXIT = /^RequestId: (\S+) Error: Runtime exited/
const REQUEST_ID_IN_PLATFORM = /RequestId: ([0-9a-f-]{36})/

function asObject(text: string): Record<string, unknown> | undefined {
  const t = text.trim()
  if (!t.startsWith('{') || !t.endsWith('}')) return undefined
  try {
    const v: unknown = JSON.parse(t)
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}

/** A line Lambda itself wrote: its request id (text or JSON platform record). */
function platformLine(base: { timestamp: number; logStreamName: string; raw: string }): ParsedLogLine {
  const raw = base.raw
  const obj = asObject(raw)
  if (obj && typeof obj.type === 'string') {
    const record = obj.record as { requestId?: unknown } | undefined
    return {
      ...base,
      source: 'platform',
      requestId: typeof record?.requestId === 'string' ? record.requestId : undefined,
      message: raw,
      json: obj,
    }
  }
  const id = TIMED_OUT.exec(raw)?.[1] ?? RUNTIME_EXIT.exec(raw)?.[1] ?? REQUEST_ID_IN_PLATFORM.exec(raw)?.[1]
  return { ...base, source: 'platform', requestId: id, message: raw }
}

/**
 * Parse one log event (text or JSON log format). `platform` is the engine's mark on the lines
 * Lambda itself wrote; without it a line is the function's (or its runtime client's), whatever
 * it looks like.
 */
export function parseLogLine(event: {
  timestamp: number
  message: string
  logStreamName?: string
  platform?: boolean
}): ParsedLogLine {
  const raw = event.message
  const base = { timestamp: event.timestamp, logStreamName: event.logStreamName ?? '', raw }
  if (event.platform === true) return platformLine(base)
  // Text format: the runtime client's prefix.
  const m = TEXT_LINE.exec(raw)
  if (m) {
    const [, , requestId, level, message] = m
    return { ...base, source: 'app', requestId, level, message, json: asObject(message) }
  }
  // JSON format: {timestamp, level, requestId, message} records from console.
  const obj = asObject(raw)
  if (obj) {
    if (typeof obj.level === 'string' && 'timestamp' in obj && 'message' in obj) {
      const msg = obj.message
      const message = typeof msg === 'string' ? msg : JSON.stringify(msg)
      const json =
        msg && typeof msg === 'object' && !Array.isArray(msg) ? (msg as Record<string, unknown>) : asObject(message)
      return {
        ...base,
        source: 'app',
        requestId: typeof obj.requestId === 'string' ? obj.requestId : undefined,
        level: obj.level,
        message,
        json,
      }
    }
  }
  // Raw output (process.stdout.write, console.table…): the function's own, without a prefix.
  return { ...base, source: 'app', message: raw, json: obj }
}

/** The statuses Lambda's REPORT (text) and platform.report (JSON) name. */
export type InvokeStatusName = 'success' | 'error' | 'timeout' | 'failure' | 'crash' | 'oom'

const REPORT_STATUS = /\tStatus: (\w+)/

/**
 * How an invoke ended, read from the engine-marked platform lines of its request (REPORT, or the
 * JSON format's platform.report record): what an asynchronous invoke's caller never sees. Undefined
 * while no REPORT of that request is in the lines. A REPORT with no Status is a success.
 */
export function invokeStatus(lines: readonly ParsedLogLine[], requestId: string): InvokeStatusName | undefined {
  for (const l of lines) {
    if (l.source !== 'platform' || l.requestId !== requestId) continue
    if (l.json) {
      if (l.json.type !== 'platform.report') continue
      const status = (l.json.record as { status?: unknown } | undefined)?.status
      return (typeof status === 'string' ? status : 'success') as InvokeStatusName
    }
    if (!l.message.startsWith('REPORT ')) continue
    return (REPORT_STATUS.exec(l.message)?.[1] ?? 'success') as InvokeStatusName
  }
  return undefined
}

export function parseLogEvents(events: readonly LabLogEvent[]): ParsedLogLine[] {
  return events.map(parseLogLine)
}

/**
 * Lines of a LogResult tail (already base64-decoded) as parsed lines. `platformFromEnd` is the
 * invoke's `$metadata.tailPlatformLines`: which lines, counted from the end (1 = last), Lambda wrote.
 */
export function parseTail(lines: readonly string[], platformFromEnd: readonly number[] = []): ParsedLogLine[] {
  const marked = new Set(platformFromEnd)
  return lines.map((message, i) => parseLogLine({ timestamp: 0, message, platform: marked.has(lines.length - i) }))
}

/** Decode LogResult (base64 of UTF-8) into lines, without Node's Buffer. */
export function decodeLogResult(b64: string | undefined): string[] {
  if (!b64) return []
  const bin = atob(b64)
  const bytes = new Uint8Array(bin.length)
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i)
  // The tail may start in the middle of a multi-byte character: drop the broken start.
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes).replace(/^\uFFFD+/, '')
  // A log event may span several lines (a message with line breaks is one event), but the tail is
  // plain text: keep it line by line, as the console shows it.
  return text.split('\n').filter((l, i, all) => l !== '' || i < all.length - 1)
}
