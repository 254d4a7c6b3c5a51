// A CloudWatch-Logs-shaped store: log groups -> streams -> events, plus the read APIs.
import type {
  DescribeLogStreamsRequest,
  FilterLogEventsRequest,
  FilterLogEventsResponse,
  FilteredLogEvent,
  GetLogEventsRequest,
  GetLogEventsResponse,
  LogStream,
  OutputLogEvent,
} from '../types.ts'
import { notFound } from '../errors.ts'

/** CloudWatch Logs' maximum event size (1 MB since April 2025), minus its 26-byte per-event overhead. */
export const MAX_EVENT_BYTES = 1_048_576 - 26
/** The simulator keeps at most this many events per stream (oldest dropped first). */
export const MAX_EVENTS_PER_STREAM = 20_000
/** ... and at most this many bytes of messages per stream. */
export const MAX_BYTES_PER_STREAM = 32 * 1024 * 1024

const encoder = new TextEncoder()

/** Truncate a message to CloudWatch's event size limit (in UTF-8 bytes). */
export function truncateEvent(message: string): string {
  // Fast path: a UTF-16 string of n units is at most 3n UTF-8 bytes.
  if (message.length * 3 <= MAX_EVENT_BYTES) return message
  const bytes = encoder.encode(message)
  if (bytes.length <= MAX_EVENT_BYTES) return message
  let end = MAX_EVENT_BYTES
  while (end > 0 && (bytes[end] & 0xc0) === 0x80) end-- // don't cut a UTF-8 sequence
  return new TextDecoder().decode(bytes.subarray(0, end))
}

interface StoredStream {
  name: string
  creationTime: number
  /** Parallel columns (fewer objects for the GC than one object per event); [head..] are live. */
  ts: number[]
  msg: string[]
  /** True where Lambda itself wrote the line (a simulator extra on the events read back). */
  plat: boolean[]
  head: number
  bytes: number
  dropped: number
}

function compact(s: StoredStream): void {
  if (s.head > 0) {
    s.ts = s.ts.slice(s.head)
    s.msg = s.msg.slice(s.head)
    s.plat = s.plat.slice(s.head)
    s.head = 0
  }
}

function live(s: StoredStream): OutputLogEvent[] {
  compact(s)
  const out: OutputLogEvent[] = new Array(s.ts.length)
  for (let i = 0; i < s.ts.length; i++) {
    const e: OutputLogEvent = { timestamp: s.ts[i], message: s.msg[i], ingestionTime: s.ts[i] + 1 }
    if (s.plat[i]) e.platform = true
    out[i] = e
  }
  return out
}

export interface LogGroupInfo {
  logGroupName: string
  creationTime: number
  storedBytes: number
  arn: string
}

export class LogStore {
  private groups = new Map<string, Map<string, StoredStream>>()
  /** When each log group was created (virtual epoch ms). */
  private created = new Map<string, number>()

  constructor(
    private readonly region: string,
    private readonly accountId: string,
  ) {}

  createStream(group: string, stream: string, at: number): void {
    let g = this.groups.get(group)
    if (!g) {
      g = new Map()
      this.groups.set(group, g)
      this.created.set(group, Math.floor(at))
    }
    if (!g.has(stream))
      g.set(stream, {
        name: stream,
        creationTime: Math.floor(at),
        ts: [],
        msg: [],
        plat: [],
        head: 0,
        bytes: 0,
        dropped: 0,
      })
  }

  private last: StoredStream | undefined
  private lastGroup = ''
  private lastStream = ''

  /** Append one event (ingestionTime is timestamp + 1 ms); `platform` when Lambda itself wrote it. */
  append(group: string, stream: string, timestamp: number, message: string, platform = false): void {
    let s = this.last
    if (s === undefined || this.lastGroup !== group || this.lastStream !== stream) {
      this.createStream(group, stream, timestamp)
      s = this.groups.get(group)!.get(stream)!
      this.last = s
      this.lastGroup = group
      this.lastStream = stream
    }
    s.ts.push(timestamp)
    s.msg.push(message)
    s.plat.push(platform)
    s.bytes += message.length
    while (
      s.ts.length - s.head > MAX_EVENTS_PER_STREAM ||
      (s.bytes > MAX_BYTES_PER_STREAM && s.ts.length - s.head > 1)
    ) {
      s.bytes -= s.msg[s.head].length
      s.msg[s.head] = ''
      s.head++
      s.dropped++
    }
    if (s.head > 4096 && s.head * 2 > s.ts.length) compact(s)
  }

  hasGroup(group: string): boolean {
    return this.groups.has(group)
  }

  /** Create an empty log group; false when it exists already. */
  createGroup(group: string, at: number): boolean {
    if (this.groups.has(group)) return false
    this.groups.set(group, new Map())
    this.created.set(group, Math.floor(at))
    return true
  }

  /** Delete a log group and its streams; false when there is none. */
  deleteGroup(group: string): boolean {
    if (!this.groups.delete(group)) return false
    this.created.delete(group)
    if (this.lastGroup === group) this.last = undefined
    return true
  }

  /** The log groups, by name (DescribeLogGroups' order). */
  describeGroups(prefix = ''): LogGroupInfo[] {
    const out: LogGroupInfo[] = []
    for (const [name, streams] of this.groups) {
      if (!name.startsWith(prefix)) continue
      let bytes = 0
      for (const s of streams.values()) bytes += s.bytes
      out.push({
        logGroupName: name,
        creationTime: this.created.get(name) ?? 0,
        storedBytes: bytes,
        arn: `arn:aws:logs:${this.region}:${this.accountId}:log-group:${name}:*`,
      })
    }
    return out.sort((a, b) => (a.logGroupName < b.logGroupName ? -1 : a.logGroupName > b.logGroupName ? 1 : 0))
  }

  private stream(group: string, stream: string): StoredStream {
    const g = this.groups.get(group)
    if (!g) throw notFound('The specified log group does not exist.')
    const s = g.get(stream)
    if (!s) throw notFound('The specified log stream does not exist.')
    return s
  }

  getLogEvents(req: GetLogEventsRequest): GetLogEventsResponse {
    const s = this.stream(req.logGroupName, req.logStreamName)
    const limit = Math.max(1, Math.min(req.limit ?? 10_000, 10_000))
    const inRange = live(s).filter(
      (e) =>
        (req.startTime === undefined || e.timestamp >= req.startTime) &&
        (req.endTime === undefined || e.timestamp < req.endTime),
    )
    const events = req.startFromHead ? inRange.slice(0, limit) : inRange.slice(Math.max(0, inRange.length - limit))
    const pad = (n: number) => String(n).padStart(56, '0')
    return {
      events,
      nextForwardToken: `f/${pad(s.dropped + s.ts.length)}`,
      nextBackwardToken: `b/${pad(s.dropped)}`,
    }
  }

  filterLogEvents(req: FilterLogEventsRequest): FilterLogEventsResponse {
    const g = this.groups.get(req.logGroupName)
    if (!g) throw notFound('The specified log group does not exist.')
    const match = compileFilter(req.filterPattern ?? '')
    const streams = [...g.values()].filter(
      (s) =>
        (!req.logStreamNames || req.logStreamNames.includes(s.name)) &&
        (!req.logStreamNamePrefix || s.name.startsWith(req.logStreamNamePrefix)),
    )
    const out: FilteredLogEvent[] = []
    for (const s of streams) {
      live(s).forEach((e, i) => {
        if (req.startTime !== undefined && e.timestamp < req.startTime) return
        if (req.endTime !== undefined && e.timestamp > req.endTime) return
        if (!match(e.message)) return
        out.push({
          ...e,
          logStreamName: s.name,
          eventId: `${s.creationTime}${String(s.dropped + i).padStart(12, '0')}`,
        })
      })
    }
    out.sort((a, b) => a.timestamp - b.timestamp || a.ingestionTime - b.ingestionTime)
    const limit = req.limit ?? 10_000
    return {
      events: out.slice(0, limit),
      searchedLogStreams: streams.map((s) => ({ logStreamName: s.name, searchedCompletely: true })),
    }
  }

  describeLogStreams(req: DescribeLogStreamsRequest): { logStreams: LogStream[] } {
    const g = this.groups.get(req.logGroupName)
    if (!g) throw notFound('The specified log group does not exist.')
    let streams = [...g.values()].filter((s) => !req.logStreamNamePrefix || s.name.startsWith(req.logStreamNamePrefix))
    for (const s of streams) compact(s)
    const last = (s: StoredStream) => s.ts[s.ts.length - 1] ?? s.creationTime
    streams.sort(req.orderBy === 'LastEventTime' ? (a, b) => last(a) - last(b) : (a, b) => a.name.localeCompare(b.name))
    if (req.descending) streams.reverse()
    if (req.limit) streams = streams.slice(0, req.limit)
    return {
      logStreams: streams.map((s) => ({
        logStreamName: s.name,
        creationTime: s.creationTime,
        firstEventTimestamp: s.ts[0],
        lastEventTimestamp: s.ts[s.ts.length - 1],
        lastIngestionTime: s.ts.length ? s.ts[s.ts.length - 1] + 1 : undefined,
        storedBytes: s.bytes,
        arn: `arn:aws:logs:${this.region}:${this.accountId}:log-group:${req.logGroupName}:log-stream:${s.name}`,
      })),
    }
  }
}

/**
 * CloudWatch filter patterns, the common subset: terms (all must match), "quoted phrases",
 * ?term (any of), -term (exclude), and JSON patterns `{ $.field = "value" }` / `{ $.n > 3 }`
 * joined by && or ||.
 */
export function compileFilter(pattern: string): (message: string) => boolean {
  const p = pattern.trim()
  if (p === '') return () => true
  if (p.startsWith('{') && p.endsWith('}')) return compileJsonFilter(p.slice(1, -1))
  const tokens = p.match(/-?\?"[^"]*"|-?\?\S+|-?"[^"]*"|\S+/g) ?? []
  const all: string[] = []
  const any: string[] = []
  const none: string[] = []
  for (const t of tokens) {
    let term = t
    let neg = false
    let opt = false
    if (term.startsWith('-')) {
      neg = true
      term = term.slice(1)
    }
    if (term.startsWith('?')) {
      opt = true
      term = term.slice(1)
    }
    if (term.startsWith('"') && term.endsWith('"') && term.length >= 2) term = term.slice(1, -1)
    ;(neg ? none : opt ? any : all).push(term)
  }
  return (m) =>
    all.every((t) => m.includes(t)) &&
    (any.length === 0 || any.some((t) => m.includes(t))) &&
    !none.some((t) => m.includes(t))
}

function compileJsonFilter(body: string): (message: string) => boolean {
  const ors = body.split('||').map((part) =>
    part.split('&&').map((cond) => {
      const m = cond.trim().match(/^\$\.([\w.[\]]+)\s*(=|!=|>=|<=|>|<)\s*(.+)$/)
      if (!m) return () => false
      const path = m[1].split('.')
      const op = m[2]
      const raw = m[3].trim()
      const expected: unknown = raw.startsWith('"')
        ? raw.slice(1, -1)
        : raw === 'true'
          ? true
          : raw === 'false'
            ? false
            : raw === 'NULL'
              ? null
              : Number(raw)
      return (obj: unknown) => {
        let v: unknown = obj
        for (const k of path) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined
        if (typeof expected === 'string' && expected.includes('*')) {
          const re = new RegExp(
            '^' +
              expected
                .split('*')
                .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
                .join('.*') +
              '$',
          )
          return op === '=' ? re.test(String(v)) : !re.test(String(v))
        }
        switch (op) {
          case '=':
            return v === expected
          case '!=':
            return v !== expected
          case '>':
            return typeof v === 'number' && v > (expected as number)
          case '<':
            return typeof v === 'number' && v < (expected as number)
          case '>=':
            return typeof v === 'number' && v >= (expected as number)
          default:
            return typeof v === 'number' && v <= (expected as number)
        }
      }
    }),
  )
  return (message) => {
    let obj: unknown
    try {
      obj = JSON.parse(message)
    } catch {
      return false
    }
    return ors.some((ands) => ands.every((c) => c(obj)))
  }
}
