// Issue 3, §7 (lifecycle), §9 (CPU and billing) and the virtual clock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { VirtualClock } from '../clock.ts'
import type { Lambda, LambdaEvent } from '../index.ts'
import { call, deploy, newLambda } from './helpers.ts'

let lambda: Lambda
const events: LambdaEvent[] = []
beforeAll(async () => {
  lambda = await newLambda({ idleShutdownMs: 60_000 })
  lambda.onEvent((e) => events.push(e))
})
afterAll(() => lambda.dispose())

const ofType = <T extends LambdaEvent['type']>(fn: string, type: T) =>
  events.filter((e): e is Extract<LambdaEvent, { type: T }> => e.type === type && e.functionName === fn)

describe('environments', () => {
  it('cold start runs Init (extension, runtime, function), then warm invokes reuse the environment and its state', async () => {
    const fn = await deploy(
      lambda,
      'let count = 0; const started = Date.now(); export const handler = async () => ({ count: ++count, started })',
    )
    const a = await call(lambda, fn)
    const b = await call(lambda, fn)
    expect(a.$metadata.coldStart).toBe(true)
    expect(b.$metadata.coldStart).toBe(false)
    expect(a.json.count).toBe(1)
    expect(b.json).toEqual({ count: 2, started: a.json.started })
    expect(a.$metadata.environmentId).toBe(b.$metadata.environmentId)
    const phases = ofType(fn, 'InitPhase').map((e) => e.name)
    expect(phases).toEqual(['extension', 'runtime', 'function'])
    const [created] = ofType(fn, 'EnvironmentCreated')
    const [initEnd] = ofType(fn, 'InitEnd')
    expect(initEnd.status).toBe('success')
    expect(initEnd.duration).toBeCloseTo(a.$metadata.initDurationMs!, 5)
    expect(created.time).toBeLessThanOrEqual(initEnd.time)
    const ends = ofType(fn, 'InvokeEnd')
    expect(ends.map((e) => e.coldStart)).toEqual([true, false])
    expect(ends[1].initDuration).toBeUndefined()
  })

  it('an invoke that arrives while every environment is busy starts a new one', async () => {
    const fn = await deploy(
      lambda,
      'export const handler = async (e) => { await new Promise((r) => setTimeout(r, 1000)); return e.i }',
    )
    const outs = await Promise.all([0, 1, 2].map((i) => call(lambda, fn, { i })))
    expect(outs.map((o) => o.json)).toEqual([0, 1, 2])
    expect(outs.every((o) => o.$metadata.coldStart)).toBe(true)
    expect(new Set(outs.map((o) => o.$metadata.environmentId)).size).toBe(3)
    expect(lambda.describeEnvironments(fn)).toHaveLength(3)
    const later = await call(lambda, fn, { i: 3 })
    expect(later.$metadata.coldStart).toBe(false)
  })

  it('idle environments shut down after the idle period on the virtual clock', async () => {
    const fn = await deploy(lambda, 'export const handler = async () => 1')
    await call(lambda, fn)
    await lambda.clock.advance(59_000)
    expect(lambda.describeEnvironments(fn)).toHaveLength(1)
    await lambda.clock.advance(2_000)
    expect(lambda.describeEnvironments(fn)).toHaveLength(0)
    expect(ofType(fn, 'Shutdown').map((e) => e.reason)).toEqual(['idle'])
    expect((await call(lambda, fn)).$metadata.coldStart).toBe(true)
  })

  it('code and configuration updates shut environments down; the next invoke is cold with the new code', async () => {
    const fn = await deploy(lambda, 'export const handler = async () => "v1"')
    await call(lambda, fn)
    await lambda.updateFunctionCode({
      FunctionName: fn,
      Files: { 'index.mjs': 'export const handler = async () => "v2"' },
    })
    const v2 = await call(lambda, fn)
    expect(v2.json).toBe('v2')
    expect(v2.$metadata.coldStart).toBe(true)
    await lambda.updateFunctionConfiguration({ FunctionName: fn, Environment: { Variables: { AB: '1' } } })
    expect((await call(lambda, fn)).$metadata.coldStart).toBe(true)
    expect(ofType(fn, 'Shutdown').map((e) => e.reason)).toEqual(['code-update', 'config-update'])
  })

  it('after a timeout or a crash the environment is reset and the next invoke is cold', async () => {
    const fn = await deploy(
      lambda,
      'let n = 0; export const handler = async (e) => { n++; if (e.sleep) await new Promise((r) => setTimeout(r, 5000)); return n }',
      { Timeout: 1 },
    )
    expect((await call(lambda, fn)).json).toBe(1)
    const t = await call(lambda, fn, { sleep: true })
    expect(t.json.errorType).toBe('Sandbox.Timedout')
    const after = await call(lambda, fn)
    expect(after.$metadata.coldStart).toBe(true)
    expect(after.json).toBe(1)
    expect(ofType(fn, 'Shutdown').map((e) => e.reason)).toEqual(['timeout'])
  })

  it('deleteFunction shuts environments down and later calls get ResourceNotFoundException', async () => {
    const fn = await deploy(lambda, 'export const handler = async () => 1')
    await call(lambda, fn)
    await lambda.deleteFunction({ FunctionName: fn })
    expect(ofType(fn, 'Shutdown').map((e) => e.reason)).toEqual(['delete'])
    await expect(lambda.invoke({ FunctionName: fn })).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: `Function not found: arn:aws:lambda:us-east-1:123456789012:function:${fn}`,
    })
  })

  it('Event invocations return 202 and run on the clock; DryRun returns 204', async () => {
    const fn = await deploy(lambda, 'export const handler = async (e) => { console.log("async got", e.v); return 1 }')
    const ev = await lambda.invoke({ FunctionName: fn, InvocationType: 'Event', Payload: '{"v":7}' })
    expect(ev.StatusCode).toBe(202)
    expect(ev.Payload).toBe('')
    await lambda.clock.runUntilIdle()
    const logged = await lambda.filterLogEvents({ logGroupName: `/aws/lambda/${fn}`, filterPattern: '"async got 7"' })
    expect(logged.events).toHaveLength(1)
    const dry = await lambda.invoke({ FunctionName: fn, InvocationType: 'DryRun' })
    expect(dry.StatusCode).toBe(204)
  })
})

describe('CPU and billing', () => {
  it('Duration scales CPU time by the CPU share MemorySize buys; Billed Duration rounds up to 1 ms', async () => {
    const src =
      'export const handler = async () => { let x = 0; for (let i = 0; i < 300000; i++) x = (x + i * i) % 1000003; return x }'
    const small = await deploy(lambda, src, { MemorySize: 128 })
    const big = await deploy(lambda, src, { MemorySize: 1769 })
    const durations = async (fn: string) => {
      await call(lambda, fn)
      const d: number[] = []
      for (let i = 0; i < 3; i++) d.push((await call(lambda, fn)).$metadata.durationMs)
      return d.sort((a, b) => a - b)[1]
    }
    const dSmall = await durations(small)
    const dBig = await durations(big)
    // 1,769 MB = one full vCPU; 128 MB gets 128/1769 of it: about 13.8x slower.
    expect(dSmall / dBig).toBeGreaterThan(5)
    const out = await call(lambda, small)
    expect(out.$metadata.billedDurationMs).toBe(Math.max(1, Math.ceil(out.$metadata.durationMs)))
    expect(out.log.at(-1)).toContain(`Billed Duration: ${out.$metadata.billedDurationMs} ms`)
  })

  it('waits on timers are counted in Duration; Init Duration is billed on a cold start', async () => {
    const fn = await deploy(
      lambda,
      'export const handler = async () => { await new Promise((r) => setTimeout(r, 250)); return 1 }',
    )
    const cold = await call(lambda, fn)
    expect(cold.$metadata.durationMs).toBeGreaterThanOrEqual(250)
    expect(cold.$metadata.billedDurationMs).toBe(Math.ceil(cold.$metadata.durationMs + cold.$metadata.initDurationMs!))
    const warm = await call(lambda, fn)
    expect(warm.$metadata.billedDurationMs).toBe(Math.ceil(warm.$metadata.durationMs))
  })

  it('Max Memory Used is measured: a baseline plus the heap the function holds', async () => {
    // Few, large strings: ~40 MB held with little CPU, so a busy machine can't turn it into a timeout.
    const fn = await deploy(
      lambda,
      'const keep = []; export const handler = async (e) => { for (let i = 0; i < e.n; i++) keep.push("x".repeat(65536) + i); return keep.length }',
      { MemorySize: 256 },
    )
    const small = await call(lambda, fn, { n: 1 })
    const big = await call(lambda, fn, { n: 600 })
    expect(big.json).toBe(601)
    expect(big.$metadata.maxMemoryUsedMB).toBeGreaterThan(small.$metadata.maxMemoryUsedMB + 30)
    expect(big.log.at(-1)).toContain(`Max Memory Used: ${big.$metadata.maxMemoryUsedMB} MB`)
  })
})

describe('virtual clock', () => {
  it('runs tasks in time order; advance() and runUntilIdle() move time', async () => {
    const clock = new VirtualClock({ start: 1000, auto: false })
    const seen: string[] = []
    clock.schedule(1500, () => seen.push('b'))
    clock.schedule(1200, () => seen.push('a'))
    clock.schedule(5000, () => seen.push('bg'), true)
    await clock.advance(400)
    expect(seen).toEqual(['a'])
    expect(clock.now()).toBe(1400)
    await clock.runUntilIdle()
    expect(seen).toEqual(['a', 'b'])
    expect(clock.now()).toBe(1500)
    await clock.advance(10_000)
    expect(seen).toEqual(['a', 'b', 'bg'])
  })

  it('a handler sleeping past its timeout times out at once, deterministically', async () => {
    const fn = await deploy(
      lambda,
      'export const handler = async () => { await new Promise((r) => setTimeout(r, 5000)); return "late" }',
    )
    const t0 = performance.now()
    const out = await call(lambda, fn)
    expect(performance.now() - t0).toBeLessThan(5000)
    expect(out.json.errorMessage).toBe(`RequestId: ${out.$metadata.requestId} Error: Task timed out after 3.00 seconds`)
  })
})

describe('concurrency', () => {
  it('requests sent together get one environment each; sequential requests reuse one', async () => {
    const l = await newLambda()
    const fn = await deploy(l, 'export const handler = async (e) => e.i')
    const together = await Promise.all(
      [0, 1, 2, 3, 4].map((i) => l.invoke({ FunctionName: fn, Payload: JSON.stringify({ i }) })),
    )
    expect(together.map((o) => o.Payload)).toEqual(['0', '1', '2', '3', '4'])
    expect(new Set(together.map((o) => o.$metadata.environmentId)).size).toBe(5)
    expect(together.every((o) => o.$metadata.coldStart)).toBe(true)
    const seq: string[] = []
    for (let i = 0; i < 5; i++)
      seq.push((await l.invoke({ FunctionName: fn, Payload: '{"i":9}' })).$metadata.environmentId)
    expect(new Set(seq).size).toBe(1)
    expect(l.describeEnvironments(fn)).toHaveLength(5)
    l.dispose()
  })
})
