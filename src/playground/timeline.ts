/**
 * The lifecycle timeline model: one lane per execution environment on the virtual clock, built
 * from the engine's lifecycle events (src/lambda/types.ts LambdaEvent). Init (with the
 * extension / runtime / function sub-phases the engine reports), Invoke (cold or warm), idle, and
 * Shutdown with its reason. Pure (no DOM): the component only draws it.
 *
 * Times span milliseconds (an invoke) to many minutes (idle until shutdown), so the horizontal
 * scale is piecewise: linear up to `LINEAR_MS` between two consecutive moments, logarithmic
 * beyond (and such gaps are flagged `compressed` so the drawing can say so), and never narrower
 * than `MIN_GAP_WIDTH` (a 1 ms warm invoke stays visible next to a 110 ms Init).
 */
import type { InvokeStatus, LambdaEvent, ShutdownReason } from '../lambda/public.ts'
import { formatMs, initPhaseName, shutdownReasonText } from './timeline-text.ts'

export { describeSegment, formatMs, initPhaseName, shutdownReasonText } from './timeline-text.ts'

export interface InitPhaseSpan {
  name: 'extension' | 'runtime' | 'function'
  start: number
  duration: number
}

export type Segment =
  | {
      kind: 'init'
      start: number
      end: number
      open: boolean
      /** 'init' = the normal Init phase; 'invoke' = Lambda's retry of a failed Init inside the invoke. */
      phase: 'init' | 'invoke'
      status?: 'success' | 'error' | 'timeout'
      errorType?: string
      phases: InitPhaseSpan[]
    }
  | {
      kind: 'invoke'
      start: number
      end: number
      open: boolean
      requestId: string
      coldStart: boolean
      duration?: number
      billedDuration?: number
      initDuration?: number
      maxMemoryUsedMB?: number
      status?: InvokeStatus
      errorType?: string
    }
  | { kind: 'idle'; start: number; end: number; open: boolean }

export interface Lane {
  environmentId: string
  /** 1-based, in order of creation: "Environment 1". */
  index: number
  logStreamName?: string
  memorySize?: number
  createdAt: number
  segments: Segment[]
  shutdown?: { time: number; reason: ShutdownReason }
  invocations: number
  coldStarts: number
}

export interface TimelineModel {
  lanes: Lane[]
  start: number
  end: number
  /** Piecewise scale: position(t) in [0, width]. */
  breakpoints: number[]
  positions: number[]
  width: number
  totals: { invocations: number; coldStarts: number; warmStarts: number; environments: number; alive: number }
}

export const LINEAR_MS = 120
/** Even a 1 ms invoke gets this much width, so back-to-back invokes stay apart and hoverable. */
export const MIN_GAP_WIDTH = 18
/** A stretch of time in which no environment exists is drawn as a short break, whatever its length. */
export const EMPTY_GAP_WIDTH = 40

/** Width given to a gap of `ms` between two consecutive moments. */
export function gapWidth(ms: number): number {
  if (ms <= 0) return 0
  return Math.max(MIN_GAP_WIDTH, scaleWidth(ms))
}

/** The scale without the minimum: linear, then logarithmic. */
function scaleWidth(ms: number): number {
  if (ms <= LINEAR_MS) return Math.max(0, ms)
  return LINEAR_MS + 60 * Math.log10(ms / LINEAR_MS)
}

export function isCompressed(start: number, end: number): boolean {
  return end - start > LINEAR_MS
}

/** Builds the model for one function from the engine's events (any order of functions; events in emission order). */
export function buildTimeline(events: readonly LambdaEvent[], functionName: string, now: number): TimelineModel {
  const lanes = new Map<string, Lane>()
  const order: Lane[] = []
  const laneFor = (e: { environmentId: string; time: number }): Lane => {
    let lane = lanes.get(e.environmentId)
    if (!lane) {
      lane = {
        environmentId: e.environmentId,
        index: order.length + 1,
        createdAt: e.time,
        segments: [],
        invocations: 0,
        coldStarts: 0,
      }
      lanes.set(e.environmentId, lane)
      order.push(lane)
    }
    return lane
  }
  const last = (lane: Lane) => lane.segments[lane.segments.length - 1]
  const closeIdle = (lane: Lane, t: number) => {
    const s = last(lane)
    if (s && s.kind === 'idle' && s.open) {
      s.end = Math.max(s.start, t)
      s.open = false
      if (s.end === s.start) lane.segments.pop()
    }
  }

  for (const e of events) {
    if (e.functionName !== functionName || e.type === 'Log') continue
    const lane = laneFor(e)
    switch (e.type) {
      case 'EnvironmentCreated':
        lane.logStreamName = e.logStreamName
        lane.memorySize = e.memorySize
        lane.createdAt = e.time
        break
      case 'InitStart':
        closeIdle(lane, e.time)
        lane.segments.push({ kind: 'init', start: e.time, end: e.time, open: true, phase: e.phase, phases: [] })
        break
      case 'InitPhase': {
        const s = last(lane)
        if (s && s.kind === 'init' && s.open) s.phases.push({ name: e.name, start: e.start, duration: e.duration })
        break
      }
      case 'InitEnd': {
        const s = last(lane)
        if (s && s.kind === 'init' && s.open) {
          s.end = Math.max(s.start, e.time)
          s.open = false
          s.status = e.status
          if (e.errorType) s.errorType = e.errorType
        }
        break
      }
      case 'InvokeStart':
        closeIdle(lane, e.time)
        lane.segments.push({
          kind: 'invoke',
          start: e.time,
          end: e.time,
          open: true,
          requestId: e.requestId,
          coldStart: e.coldStart,
        })
        break
      case 'InvokeEnd': {
        let s = [...lane.segments].reverse().find((x) => x.kind === 'invoke' && x.requestId === e.requestId)
        if (!s) {
          s = {
            kind: 'invoke',
            start: e.time - e.duration,
            end: e.time,
            open: false,
            requestId: e.requestId,
            coldStart: e.coldStart,
          }
          lane.segments.push(s)
        }
        if (s.kind === 'invoke') {
          s.end = Math.max(s.start, e.time)
          s.open = false
          s.duration = e.duration
          s.billedDuration = e.billedDuration
          if (e.initDuration !== undefined) s.initDuration = e.initDuration
          s.maxMemoryUsedMB = e.maxMemoryUsedMB
          s.status = e.status
          if (e.errorType) s.errorType = e.errorType
        }
        lane.invocations++
        if (e.coldStart) lane.coldStarts++
        lane.segments.push({ kind: 'idle', start: e.time, end: e.time, open: true })
        break
      }
      case 'Shutdown':
        closeIdle(lane, e.time)
        lane.shutdown = { time: e.time, reason: e.reason }
        break
    }
  }

  // Open segments run until now (an idle environment stays idle until something happens).
  let start = Infinity
  let end = -Infinity
  for (const lane of order) {
    start = Math.min(start, lane.createdAt)
    for (const s of lane.segments) {
      if (s.open && !lane.shutdown) s.end = Math.max(s.end, now)
      start = Math.min(start, s.start)
      end = Math.max(end, s.end)
    }
    if (lane.shutdown) end = Math.max(end, lane.shutdown.time)
  }
  if (order.length === 0) {
    start = now
    end = now
  }

  const moments = new Set<number>([start, end])
  for (const lane of order) {
    moments.add(lane.createdAt)
    for (const s of lane.segments) {
      moments.add(s.start)
      moments.add(s.end)
      if (s.kind === 'init') for (const p of s.phases) moments.add(p.start).add(p.start + p.duration)
    }
    if (lane.shutdown) moments.add(lane.shutdown.time)
  }
  const breakpoints = [...moments].filter(Number.isFinite).sort((a, b) => a - b)
  // Spans during which some environment exists (from creation to shutdown, or to the end).
  const alive = order.map(
    (lane) =>
      [Math.min(lane.createdAt, lane.segments[0]?.start ?? lane.createdAt), lane.shutdown?.time ?? end] as const,
  )
  const positions: number[] = []
  let x = 0
  breakpoints.forEach((t, i) => {
    if (i > 0) {
      const a = breakpoints[i - 1]
      const occupied = alive.some(([s, e]) => s < t && e > a)
      x += occupied ? gapWidth(t - a) : Math.min(gapWidth(t - a), EMPTY_GAP_WIDTH)
    }
    positions.push(x)
  })

  let invocations = 0
  let coldStarts = 0
  for (const lane of order) {
    invocations += lane.invocations
    coldStarts += lane.coldStarts
  }
  return {
    lanes: order,
    start,
    end,
    breakpoints,
    positions,
    width: x,
    totals: {
      invocations,
      coldStarts,
      warmStarts: invocations - coldStarts,
      environments: order.length,
      alive: order.filter((l) => !l.shutdown).length,
    },
  }
}

/** Position of virtual time t on the model's scale (0…width). */
export function position(m: Pick<TimelineModel, 'breakpoints' | 'positions'>, t: number): number {
  const b = m.breakpoints
  if (b.length === 0) return 0
  if (t <= b[0]) return 0
  if (t >= b[b.length - 1]) return m.positions[b.length - 1]
  let lo = 0
  let hi = b.length - 1
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1
    if (b[mid] <= t) lo = mid
    else hi = mid
  }
  const frac = (t - b[lo]) / (b[hi] - b[lo])
  const w = m.positions[hi] - m.positions[lo]
  // Inside a compressed gap the position is logarithmic too, so it matches the gap's own scale.
  const span = b[hi] - b[lo]
  if (span > LINEAR_MS) return m.positions[lo] + (scaleWidth(frac * span) / scaleWidth(span)) * w
  return m.positions[lo] + frac * w
}

/** Keeps the event list bounded: drops whole environments (oldest shut-down first). */
export function pruneEvents(events: LambdaEvent[], max: number): LambdaEvent[] {
  if (events.length <= max) return events
  const ended: string[] = []
  const seen = new Set<string>()
  for (const e of events) {
    if (e.type === 'Shutdown' && !seen.has(`${e.functionName}\0${e.environmentId}`)) {
      seen.add(`${e.functionName}\0${e.environmentId}`)
      ended.push(`${e.functionName}\0${e.environmentId}`)
    }
  }
  const drop = new Set<string>()
  let remaining = events.length
  const counts = new Map<string, number>()
  for (const e of events)
    counts.set(`${e.functionName}\0${e.environmentId}`, (counts.get(`${e.functionName}\0${e.environmentId}`) ?? 0) + 1)
  for (const k of ended) {
    if (remaining <= max * 0.75) break
    drop.add(k)
    remaining -= counts.get(k) ?? 0
  }
  let out = events.filter((e) => !drop.has(`${e.functionName}\0${e.environmentId}`))
  // Still too many (environments that never shut down): keep the most recent events.
  if (out.length > max) out = out.slice(out.length - max)
  return out
}

// ---- text --------------------------------------------------------------------------------------

export interface TimelineRow {
  environment: string
  phase: string
  start: string
  duration: string
  requestId: string
  details: string
}

/** The text alternative: one row per phase, times relative to the first event. */
export function timelineRows(m: TimelineModel): TimelineRow[] {
  const rel = (t: number) => `+${formatMs(t - m.start)}`
  const rows: TimelineRow[] = []
  for (const lane of m.lanes) {
    const environment = `Environment ${lane.index}`
    for (const s of lane.segments) {
      if (s.kind === 'init') {
        rows.push({
          environment,
          phase: s.phase === 'invoke' ? 'Init (retry in invoke phase)' : 'Init',
          start: rel(s.start),
          duration: formatMs(s.end - s.start),
          requestId: '',
          details: [
            s.open ? 'in progress' : s.status === 'success' ? 'succeeded' : s.status,
            s.errorType,
            ...s.phases.map((p) => `${initPhaseName(p.name)} ${formatMs(p.duration)}`),
          ]
            .filter(Boolean)
            .join('; '),
        })
      } else if (s.kind === 'invoke') {
        rows.push({
          environment,
          phase: s.coldStart ? 'Invoke (cold start)' : 'Invoke (warm start)',
          start: rel(s.start),
          duration: formatMs(s.duration ?? s.end - s.start),
          requestId: s.requestId,
          details: s.open
            ? 'in progress'
            : [
                s.status,
                s.errorType,
                s.billedDuration !== undefined ? `billed ${s.billedDuration} ms` : '',
                s.maxMemoryUsedMB !== undefined ? `max memory ${s.maxMemoryUsedMB} MB` : '',
              ]
                .filter(Boolean)
                .join('; '),
        })
      } else {
        rows.push({
          environment,
          phase: 'Idle (frozen)',
          start: rel(s.start),
          duration: formatMs(s.end - s.start),
          requestId: '',
          details: s.open ? 'still idle' : '',
        })
      }
    }
    if (lane.shutdown) {
      rows.push({
        environment,
        phase: 'Shutdown',
        start: rel(lane.shutdown.time),
        duration: '',
        requestId: '',
        details: shutdownReasonText(lane.shutdown.reason),
      })
    }
  }
  return rows
}
