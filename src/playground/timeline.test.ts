import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createLambda, type Lambda, type LambdaEvent } from '../lambda/index.ts'
import {
  buildTimeline,
  describeSegment,
  gapWidth,
  position,
  pruneEvents,
  timelineRows,
  type Segment,
} from './timeline.ts'

const FN = 'timeline-fn'

describe('timeline model from the engine’s real lifecycle events', () => {
  let lambda: Lambda
  const events: LambdaEvent[] = []
  beforeAll(async () => {
    lambda = await createLambda({ prewarm: 0, idleShutdownMs: 5 * 60_000 })
    lambda.onEvent((e) => events.push(e))
    await lambda.createFunction({
      FunctionName: FN,
      Runtime: 'nodejs24.x',
      Handler: 'index.handler',
      Code: { Files: { 'index.mjs': 'let n = 0; export const handler = async () => ++n' } },
    })
    await lambda.createFunction({
      FunctionName: 'other',
      Runtime: 'nodejs24.x',
      Handler: 'index.handler',
      Code: { Files: { 'index.mjs': 'export const handler = async () => 1' } },
    })
    await lambda.invoke({ FunctionName: FN, Payload: '{}' }) // cold
    await lambda.invoke({ FunctionName: 'other', Payload: '{}' }) // another function: not in this timeline
    await lambda.invoke({ FunctionName: FN, Payload: '{}' }) // warm
    await lambda.invoke({ FunctionName: FN, Payload: '{}' }) // warm
    await lambda.clock.advance(6 * 60_000) // idle shutdown
    await lambda.invoke({ FunctionName: FN, Payload: '{}' }) // cold again, new environment
  })
  afterAll(() => lambda.dispose())

  it('one lane per environment; cold then warm; idle shutdown; the next invoke is a new cold start', () => {
    const m = buildTimeline(events, FN, lambda.clock.now())
    expect(m.lanes).toHaveLength(2)
    const [a, b] = m.lanes
    // Back-to-back invokes leave no idle gap between them; the other function's cold start does.
    expect(a.segments.map((s) => s.kind)).toEqual(['init', 'invoke', 'idle', 'invoke', 'invoke', 'idle'])
    const invokes = a.segments.filter((s): s is Extract<Segment, { kind: 'invoke' }> => s.kind === 'invoke')
    expect(invokes.map((s) => s.coldStart)).toEqual([true, false, false])
    expect(invokes[0].initDuration).toBeGreaterThan(0)
    expect(invokes[1].initDuration).toBeUndefined()
    expect(a.shutdown?.reason).toBe('idle')
    // The last idle period lasts exactly the idle timeout.
    const lastIdle = a.segments[a.segments.length - 1]
    expect(lastIdle.end - lastIdle.start).toBeCloseTo(5 * 60_000, 0)
    expect(b.segments.map((s) => s.kind)).toEqual(['init', 'invoke', 'idle'])
    expect(b.shutdown).toBeUndefined()
    expect(m.totals).toEqual({ invocations: 4, coldStarts: 2, warmStarts: 2, environments: 2, alive: 1 })
  })

  it('Init carries the sub-phases the engine reports: extension, runtime, function', () => {
    const m = buildTimeline(events, FN, lambda.clock.now())
    const init = m.lanes[0].segments[0]
    expect(init.kind).toBe('init')
    if (init.kind !== 'init') return
    expect(init.phases.map((p) => p.name)).toEqual(['extension', 'runtime', 'function'])
    expect(init.status).toBe('success')
    const total = init.phases.reduce((n, p) => n + p.duration, 0)
    expect(total).toBeCloseTo(init.end - init.start, 3)
  })

  it('describes segments for screen readers and as a table', () => {
    const m = buildTimeline(events, FN, lambda.clock.now())
    const lane = m.lanes[0]
    const cold = lane.segments[1]
    expect(describeSegment(cold, lane)).toMatch(
      /^Environment 1: Invoke \(cold start\), request ID [0-9a-f-]{36}, duration [\d.]+ ms, billed \d+ ms, init duration [\d.]+ ms, succeeded$/,
    )
    expect(describeSegment(lane.segments[3], lane)).toMatch(/Invoke \(warm start\)/)
    const rows = timelineRows(m)
    expect(rows.filter((r) => r.phase === 'Shutdown')).toEqual([
      {
        environment: 'Environment 1',
        phase: 'Shutdown',
        start: expect.stringMatching(/^\+\d+ min/),
        duration: '',
        requestId: '',
        details: 'idle for too long',
      },
    ])
    expect(rows.filter((r) => r.phase.startsWith('Invoke'))).toHaveLength(4)
  })

  it('the scale is monotonic and compresses long idle gaps', () => {
    const m = buildTimeline(events, FN, lambda.clock.now())
    for (let i = 1; i < m.positions.length; i++) expect(m.positions[i]).toBeGreaterThan(m.positions[i - 1])
    expect(position(m, m.start)).toBe(0)
    expect(position(m, m.end)).toBeCloseTo(m.width, 6)
    expect(gapWidth(100)).toBe(100)
    // Tiny gaps (a 1 ms invoke) keep a minimum width; nothing has no width.
    expect(gapWidth(1)).toBe(18)
    expect(gapWidth(0)).toBe(0)
    expect(gapWidth(5 * 60_000)).toBeLessThan(700)
    // A 5-minute idle gap is drawn far narrower than its linear width, and wider than an init.
    const lane = m.lanes[0]
    const idle = lane.segments[lane.segments.length - 1]
    const init = lane.segments[0]
    const w = (s: Segment) => position(m, s.end) - position(m, s.start)
    expect(w(idle)).toBeGreaterThan(w(init))
    expect(w(idle)).toBeLessThan(1000)
    // Between the first environment's shutdown and the second one's creation nothing exists:
    // that stretch is drawn as a short break, however long it was.
    const gapStart = m.lanes[0].shutdown!.time
    const gapEnd = m.lanes[1].createdAt
    expect(gapEnd - gapStart).toBeGreaterThan(0)
    expect(position(m, gapEnd) - position(m, gapStart)).toBeLessThanOrEqual(40)
  })
})

describe('timeline model: edge cases', () => {
  const base = { functionName: 'f', time: 0 }
  it('an invoke in progress and an environment that is still idle run to now', () => {
    const ev: LambdaEvent[] = [
      { ...base, type: 'EnvironmentCreated', environmentId: 'env-1', time: 1000, logStreamName: 's', memorySize: 128 },
      { ...base, type: 'InitStart', environmentId: 'env-1', time: 1000, phase: 'init' },
      { ...base, type: 'InitEnd', environmentId: 'env-1', time: 1100, phase: 'init', duration: 100, status: 'success' },
      { ...base, type: 'InvokeStart', environmentId: 'env-1', time: 1100, requestId: 'r1', coldStart: true },
    ]
    const m = buildTimeline(ev, 'f', 1500)
    const inv = m.lanes[0].segments[1]
    expect(inv).toMatchObject({ kind: 'invoke', open: true, start: 1100, end: 1500 })
    expect(describeSegment(inv, m.lanes[0])).toBe('Environment 1: Invoke (cold start) in progress, request ID r1')
  })

  it('a failed Init, the shutdown and the retry in the invoke phase', () => {
    const ev: LambdaEvent[] = [
      { ...base, type: 'EnvironmentCreated', environmentId: 'env-1', time: 0, logStreamName: 's1', memorySize: 128 },
      { ...base, type: 'InitStart', environmentId: 'env-1', time: 0, phase: 'init' },
      {
        ...base,
        type: 'InitEnd',
        environmentId: 'env-1',
        time: 110,
        phase: 'init',
        duration: 110,
        status: 'error',
        errorType: 'Runtime.UserCodeSyntaxError',
      },
      { ...base, type: 'Shutdown', environmentId: 'env-1', time: 110, reason: 'init-error' },
      { ...base, type: 'EnvironmentCreated', environmentId: 'env-2', time: 110, logStreamName: 's1', memorySize: 128 },
      { ...base, type: 'InitStart', environmentId: 'env-2', time: 110, phase: 'invoke' },
      {
        ...base,
        type: 'InitEnd',
        environmentId: 'env-2',
        time: 220,
        phase: 'invoke',
        duration: 110,
        status: 'error',
        errorType: 'Runtime.UserCodeSyntaxError',
      },
      { ...base, type: 'InvokeStart', environmentId: 'env-2', time: 110, requestId: 'r', coldStart: true },
      {
        ...base,
        type: 'InvokeEnd',
        environmentId: 'env-2',
        time: 220,
        requestId: 'r',
        coldStart: true,
        duration: 110,
        billedDuration: 110,
        maxMemoryUsedMB: 63,
        status: 'error',
        errorType: 'Runtime.UserCodeSyntaxError',
      },
      { ...base, type: 'Shutdown', environmentId: 'env-2', time: 220, reason: 'init-error' },
    ]
    const m = buildTimeline(ev, 'f', 5000)
    expect(m.lanes).toHaveLength(2)
    expect(m.lanes[0].segments[0]).toMatchObject({
      kind: 'init',
      status: 'error',
      errorType: 'Runtime.UserCodeSyntaxError',
    })
    expect(m.lanes[1].segments[0]).toMatchObject({ kind: 'init', phase: 'invoke' })
    expect(describeSegment(m.lanes[1].segments[0], m.lanes[1])).toMatch(
      /Init retried in the invoke phase, 110.00 ms, failed \(Runtime.UserCodeSyntaxError\)/,
    )
    expect(m.lanes[1].shutdown?.reason).toBe('init-error')
    // Nothing after a shutdown runs to "now".
    expect(m.end).toBe(220)
  })

  it('no events: an empty model', () => {
    const m = buildTimeline([], 'f', 42)
    expect(m.lanes).toEqual([])
    expect(m.width).toBe(0)
  })

  it('pruneEvents drops whole shut-down environments first', () => {
    const ev: LambdaEvent[] = []
    for (let i = 0; i < 50; i++) {
      ev.push({
        ...base,
        type: 'EnvironmentCreated',
        environmentId: `env-${i}`,
        time: i,
        logStreamName: 's',
        memorySize: 128,
      })
      ev.push({ ...base, type: 'InvokeStart', environmentId: `env-${i}`, time: i, requestId: `r${i}`, coldStart: true })
      if (i < 40) ev.push({ ...base, type: 'Shutdown', environmentId: `env-${i}`, time: i + 1, reason: 'idle' })
    }
    const out = pruneEvents(ev, 100)
    expect(out.length).toBeLessThanOrEqual(100)
    const ids = new Set(out.map((e) => (e as { environmentId: string }).environmentId))
    expect(ids.has('env-0')).toBe(false)
    expect(ids.has('env-49')).toBe(true)
    // Every kept environment is complete (starts with its creation).
    for (const id of ids)
      expect(out.find((e) => (e as { environmentId: string }).environmentId === id)?.type).toBe('EnvironmentCreated')
  })
})
