// Issue 3, §8: limits, validation, and the hostile cases (each must end in the right error
// with the environment — or at least the engine — usable afterwards).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Lambda, LambdaEvent } from '../index.ts'
import { call, deploy, newLambda20 } from './helpers.ts'

let lambda: Lambda
const events: LambdaEvent[] = []
beforeAll(async () => {
  lambda = await newLambda20()
  lambda.onEvent((e) => events.push(e))
})
afterAll(() => lambda.dispose())

const healthy = 'export const handler = async (e) => ({ ok: true, e })'

async function stillWorks(fn?: string) {
  const probe = fn ?? (await deploy(lambda, healthy))
  const out = await call(lambda, probe, { after: 1 })
  return out
}

describe('validation', () => {
  it('rejects invalid configuration with AWS exception names and messages', async () => {
    const base = { Runtime: 'nodejs20.x', Handler: 'index.handler', Code: { Files: { 'index.mjs': healthy } } }
    await expect(lambda.createFunction({ ...base, FunctionName: 'mem', MemorySize: 64 })).rejects.toMatchObject({
      name: 'ValidationException',
      message:
        "1 validation error detected: Value '64' at 'memorySize' failed to satisfy constraint: Member must have value greater than or equal to 128",
    })
    await expect(lambda.createFunction({ ...base, FunctionName: 'mem', MemorySize: 20000 })).rejects.toMatchObject({
      name: 'ValidationException',
      message:
        "1 validation error detected: Value '20000' at 'memorySize' failed to satisfy constraint: Member must have value less than or equal to 10240",
    })
    await expect(lambda.createFunction({ ...base, FunctionName: 'to', Timeout: 0 })).rejects.toMatchObject({
      name: 'ValidationException',
      message:
        "1 validation error detected: Value '0' at 'timeout' failed to satisfy constraint: Member must have value greater than or equal to 1",
    })
    await expect(lambda.createFunction({ ...base, FunctionName: 'to', Timeout: 901 })).rejects.toMatchObject({
      name: 'InvalidParameterValueException',
    })
    await expect(lambda.createFunction({ ...base, FunctionName: 'bad name!' })).rejects.toMatchObject({
      name: 'ValidationException',
    })
    await expect(lambda.createFunction({ ...base, FunctionName: 'old', Runtime: 'nodejs12.x' })).rejects.toMatchObject({
      name: 'InvalidParameterValueException',
    })
    await expect(lambda.createFunction({ ...base, FunctionName: 'rt', Runtime: 'cobol' })).rejects.toMatchObject({
      name: 'ValidationException',
    })
    await expect(
      lambda.createFunction({ FunctionName: 'nohandler', Runtime: 'nodejs20.x', Code: base.Code }),
    ).rejects.toMatchObject({
      name: 'InvalidParameterValueException',
      message: 'Runtime and Handler are mandatory parameters for functions created with deployment packages.',
    })
    await expect(
      lambda.createFunction({ ...base, FunctionName: 'env', Environment: { Variables: { AWS_REGION: 'x' } } }),
    ).rejects.toMatchObject({
      name: 'InvalidParameterValueException',
      message: expect.stringContaining('Reserved keys used in this request: AWS_REGION'),
    })
    await expect(
      lambda.createFunction({
        ...base,
        FunctionName: 'big-env',
        Environment: { Variables: { BIG: 'x'.repeat(5000) } },
      }),
    ).rejects.toMatchObject({
      name: 'InvalidParameterValueException',
      message: expect.stringContaining('exceeded the 4KB limit'),
    })
    const fn = await deploy(lambda, healthy)
    await expect(deploy(lambda, healthy, { FunctionName: fn })).rejects.toMatchObject({
      name: 'ResourceConflictException',
      message: `Function already exist: ${fn}`,
    })
    await expect(lambda.getFunction({ FunctionName: 'missing' })).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'Function not found: arn:aws:lambda:us-east-1:123456789012:function:missing',
    })
    await expect(lambda.updateFunctionConfiguration({ FunctionName: fn, MemorySize: 100 })).rejects.toMatchObject({
      name: 'ValidationException',
    })
    const cfg = (await lambda.getFunction({ FunctionName: fn })).Configuration
    expect(cfg).toMatchObject({
      Timeout: 3,
      MemorySize: 128,
      Runtime: 'nodejs20.x',
      Version: '$LATEST',
      State: 'Active',
      PackageType: 'Zip',
    })
  })

  it('rejects a Payload that is not JSON with InvalidRequestContentException', async () => {
    const fn = await deploy(lambda, healthy)
    await expect(lambda.invoke({ FunctionName: fn, Payload: 'hello' })).rejects.toMatchObject({
      name: 'InvalidRequestContentException',
      message: expect.stringMatching(
        /^Could not parse request body into json: Could not parse payload into json: Unrecognized token 'hello'/,
      ),
    })
  })

  it('hostile: a 10 MB payload is rejected (6 MB sync, 1 MB async) and the function still works', async () => {
    const fn = await deploy(lambda, healthy)
    const big = JSON.stringify({ data: 'x'.repeat(10 * 1024 * 1024) })
    await expect(lambda.invoke({ FunctionName: fn, Payload: big })).rejects.toMatchObject({
      name: 'RequestTooLargeException',
      message: 'Request must be smaller than 6291456 bytes for the InvokeFunction operation',
    })
    const twoMb = JSON.stringify({ data: 'x'.repeat(2 * 1024 * 1024) })
    await expect(lambda.invoke({ FunctionName: fn, Payload: twoMb, InvocationType: 'Event' })).rejects.toMatchObject({
      name: 'RequestTooLargeException',
    })
    const ok = await lambda.invoke({ FunctionName: fn, Payload: twoMb })
    expect(ok.FunctionError).toBeUndefined()
    expect((await stillWorks(fn)).json).toEqual({ ok: true, e: { after: 1 } })
  })

  it('a response over 6 MB is a Function.ResponseSizeTooLarge error', async () => {
    const fn = await deploy(lambda, 'export const handler = async () => "x".repeat(7 * 1024 * 1024)', {
      MemorySize: 1024,
    })
    const out = await call(lambda, fn)
    expect(out.FunctionError).toBe('Unhandled')
    expect(out.json.errorType).toBe('Function.ResponseSizeTooLarge')
  })
})

describe('hostile code', () => {
  it('an infinite loop in the handler times out (Task timed out after 1.00 seconds), then the function recovers', async () => {
    const fn = await deploy(
      lambda,
      'export const handler = async (e) => { if (e.spin) { while (true) {} } return "alive" }',
      { Timeout: 1 },
    )
    expect((await call(lambda, fn)).json).toBe('alive')
    const out = await call(lambda, fn, { spin: true })
    const id = out.$metadata.requestId
    expect(out.FunctionError).toBe('Unhandled')
    expect(out.json).toEqual({
      errorType: 'Sandbox.Timedout',
      errorMessage: `RequestId: ${id} Error: Task timed out after 1.00 seconds`,
    })
    expect(out.log).toContain(out.log.find((l) => l.endsWith(`${id} Task timed out after 1.00 seconds`)))
    expect(out.log.at(-1)).toMatch(
      /^REPORT RequestId: .*\tDuration: 1000\.00 ms\tBilled Duration: 1000 ms\t.*\tStatus: timeout$/,
    )
    const next = await call(lambda, fn)
    expect(next.json).toBe('alive')
    expect(next.$metadata.coldStart).toBe(true)
  })

  it('an infinite loop in init times out (INIT_REPORT Status: timeout), and the engine stays usable', async () => {
    const fn = await deploy(lambda, 'while (true) {}\nexport const handler = async () => 1', { Timeout: 2 })
    const out = await call(lambda, fn)
    expect(out.FunctionError).toBe('Unhandled')
    expect(out.json.errorType).toBe('Sandbox.Timedout')
    expect(out.log.find((l) => l.startsWith('INIT_REPORT'))).toBe(
      'INIT_REPORT Init Duration: 10000.00 ms\tPhase: init\tStatus: timeout',
    )
    expect(out.log.filter((l) => l.startsWith('INIT_REPORT'))[1]).toBe(
      'INIT_REPORT Init Duration: 2000.00 ms\tPhase: invoke\tStatus: timeout',
    )
    expect(out.log.at(-1)).toMatch(/Status: timeout$/)
    expect((await stillWorks()).json.ok).toBe(true)
  })

  it('a memory bomb is killed like Lambda kills an out-of-memory runtime; the next invoke is fresh', async () => {
    const fn = await deploy(
      lambda,
      'const keep = []; export const handler = async (e) => { if (e.bomb) { while (true) keep.push(new Array(100000).fill(7)) } return keep.length }',
    )
    const out = await call(lambda, fn, { bomb: true })
    const id = out.$metadata.requestId
    expect(out.FunctionError).toBe('Unhandled')
    expect(out.json).toEqual({
      errorType: 'Runtime.OutOfMemory',
      errorMessage: `RequestId: ${id} Error: Runtime exited with error: signal: killed`,
    })
    expect(out.log).toContain(`RequestId: ${id} Error: Runtime exited with error: signal: killed`)
    expect(out.log.at(-1)).toMatch(/Max Memory Used: 128 MB\t.*Status: error\tError Type: Runtime\.OutOfMemory$/)
    expect(events.some((e) => e.type === 'Shutdown' && e.functionName === fn && e.reason === 'oom')).toBe(true)
    const next = await call(lambda, fn)
    expect(next.json).toBe(0)
    expect(next.$metadata.coldStart).toBe(true)
  })

  it('a memory bomb that catches the error is still killed', async () => {
    const fn = await deploy(
      lambda,
      'export const handler = async () => { const keep = []; try { while (true) keep.push("y".repeat(1 << 20) + keep.length) } catch (e) { return "survived " + e } }',
    )
    const out = await call(lambda, fn)
    expect(out.json.errorType).toBe('Runtime.OutOfMemory')
    expect((await stillWorks()).json.ok).toBe(true)
  })

  it('deep recursion gives a RangeError function error, and the environment keeps working', async () => {
    const fn = await deploy(
      lambda,
      'const f = (n) => f(n + 1) + 1; export const handler = async (e) => { if (e.deep) return f(0); try { f(0) } catch (err) { return [err instanceof RangeError, err.name, err.message] } }',
    )
    const out = await call(lambda, fn, { deep: true })
    expect(out.FunctionError).toBe('Unhandled')
    expect(out.json.errorType).toBe('RangeError')
    expect(out.json.errorMessage).toBe('Maximum call stack size exceeded')
    expect(out.json.trace[0]).toBe('RangeError: Maximum call stack size exceeded')
    const caught = await call(lambda, fn)
    expect(caught.$metadata.coldStart).toBe(false)
    // Caught in code, it reads Node's message too.
    expect(caught.json).toEqual([true, 'RangeError', 'Maximum call stack size exceeded'])
  })

  it("JSON.stringify of a 200,000-deep object in the handler: Node's RangeError, and the environment stays warm", async () => {
    const fn = await deploy(
      lambda,
      'export const handler = async () => { let o = {}; for (let i = 0; i < 200000; i++) o = { o }; return JSON.stringify(o).length }',
      { MemorySize: 512 },
    )
    const out = await call(lambda, fn)
    expect(out.FunctionError).toBe('Unhandled')
    expect(out.json.errorType).toBe('RangeError')
    expect(out.json.errorMessage).toBe('Maximum call stack size exceeded')
    expect((await stillWorks()).json.ok).toBe(true)
    expect((await call(lambda, fn)).$metadata.coldStart).toBe(false)
  })

  it('100 MB of logs: bounded in memory, the tail and the stream keep the newest lines, and the function still works', async () => {
    const fn = await deploy(
      lambda,
      'export const handler = async (e) => { const chunk = "L".repeat(1 << 20); for (let i = 0; i < e.mb; i++) console.log(i + ":" + chunk); return "done" }',
      {
        Timeout: 300,
        MemorySize: 1024,
      },
    )
    const out = await call(lambda, fn, { mb: 100 })
    // Within the invoke's real-time budget it completes; on a slow machine the budget ends it as a
    // timeout (never a hang, never a service error).
    const done = out.json === 'done'
    if (!done) expect(out.json.errorType).toBe('Sandbox.Timedout')
    expect(Buffer.from(out.LogResult!, 'base64').length).toBe(4096)
    const { logStreams } = await lambda.describeLogStreams({ logGroupName: `/aws/lambda/${fn}` })
    expect(logStreams[0].storedBytes).toBeLessThanOrEqual(32 * 1024 * 1024)
    const evs = (
      await lambda.getLogEvents({ logGroupName: `/aws/lambda/${fn}`, logStreamName: logStreams[0].logStreamName })
    ).events
    const written = evs.map((e) => /\t(\d+):LLL/.exec(e.message)).filter((m) => m !== null)
    expect(written.length).toBeGreaterThan(0)
    // The newest lines are kept: the last one stored is the last one written.
    const last = Number(written.at(-1)![1])
    if (done) expect(last).toBe(99)
    expect(Math.max(...written.map((m) => Number(m[1])))).toBe(last)
    const again = await call(lambda, fn, { mb: 0 })
    expect(again.json).toBe('done')
    expect(again.$metadata.coldStart).toBe(!done)
  }, 120_000)
})
