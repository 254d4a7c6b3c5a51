import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createLambda, type Lambda } from '../lambda/index.ts'
import { decodeLogResult, fmtMs, parseReport, toExecutionResult } from './results.ts'

describe('execution result from real engine responses', () => {
  let lambda: Lambda
  beforeAll(async () => {
    lambda = await createLambda({ prewarm: 0, wallClockCapMs: 400 })
  })
  afterAll(() => lambda.dispose())
  const make = (name: string, src: string, extra: Record<string, unknown> = {}) =>
    lambda.createFunction({
      FunctionName: name,
      Runtime: 'nodejs24.x',
      Handler: 'index.handler',
      Code: { Files: { 'index.mjs': src } },
      ...extra,
    })

  it('success: pretty response, summary from the REPORT line, init duration on the cold start only', async () => {
    await make(
      'ok',
      'export const handler = async (e) => { console.log("héllo", e.n); return { statusCode: 200, body: "ünïcode" } }',
    )
    const cold = toExecutionResult(
      await lambda.invoke({ FunctionName: 'ok', Payload: '{"n":1}', LogType: 'Tail' }),
      128,
    )
    expect(cold.status).toBe('Succeeded')
    expect(cold.response).toBe('{\n  "statusCode": 200,\n  "body": "ünïcode"\n}')
    expect(cold.error).toBeUndefined()
    expect(cold.coldStart).toBe(true)
    expect(cold.summary.requestId).toMatch(/^[0-9a-f-]{36}$/)
    expect(cold.summary.memorySizeMB).toBe(128)
    expect(cold.summary.initDurationMs).toBeGreaterThan(0)
    expect(cold.summary.billedDurationMs).toBe(Math.ceil(cold.summary.durationMs + cold.summary.initDurationMs!))
    expect(cold.reportLine).toMatch(/^REPORT RequestId: /)
    expect(cold.log).toMatch(/\tINFO\théllo 1\n/)
    expect(cold.logTruncated).toBe(false)
    const warm = toExecutionResult(
      await lambda.invoke({ FunctionName: 'ok', Payload: '{"n":2}', LogType: 'Tail' }),
      128,
    )
    expect(warm.coldStart).toBe(false)
    expect(warm.summary.initDurationMs).toBeUndefined()
  })

  it('function error: errorType, errorMessage and trace', async () => {
    await make('bad', 'export const handler = async () => { throw new TypeError("no teapot") }')
    const r = toExecutionResult(await lambda.invoke({ FunctionName: 'bad', Payload: '{}', LogType: 'Tail' }))
    expect(r.status).toBe('Failed')
    expect(r.error?.errorType).toBe('TypeError')
    expect(r.error?.errorMessage).toBe('no teapot')
    expect(r.error?.trace[0]).toBe('TypeError: no teapot')
    expect(r.summary.status).toBe('error')
  })

  it('timeout: Sandbox.Timedout and Status: timeout', async () => {
    await make('slow', 'export const handler = async () => { while (true) {} }', { Timeout: 1 })
    const r = toExecutionResult(await lambda.invoke({ FunctionName: 'slow', Payload: '{}', LogType: 'Tail' }))
    expect(r.error?.errorType).toBe('Sandbox.Timedout')
    expect(r.error?.errorMessage).toMatch(/Task timed out after 1.00 seconds$/)
    expect(r.summary.status).toBe('timeout')
    expect(r.log).toMatch(/Task timed out after 1.00 seconds/)
  })

  it('JSON log format: the summary comes from the platform.report record', async () => {
    await make('json', 'export const handler = async () => 7', { LoggingConfig: { LogFormat: 'JSON' } })
    const r = toExecutionResult(await lambda.invoke({ FunctionName: 'json', Payload: '{}', LogType: 'Tail' }))
    expect(r.response).toBe('7')
    expect(r.reportLine).toMatch(/"type":"platform.report"/)
    expect(r.summary.memorySizeMB).toBe(128)
    expect(r.summary.initDurationMs).toBeGreaterThan(0)
  })

  it('no platform lines (SystemLogLevel WARN): the summary falls back to the response metadata', async () => {
    await make('quiet', 'export const handler = async () => null', {
      LoggingConfig: { LogFormat: 'JSON', SystemLogLevel: 'WARN' },
      MemorySize: 256,
    })
    const r = toExecutionResult(await lambda.invoke({ FunctionName: 'quiet', Payload: '{}', LogType: 'Tail' }), 256)
    expect(r.reportLine).toBeUndefined()
    expect(r.response).toBe('null')
    expect(r.summary.memorySizeMB).toBe(256)
    expect(r.summary.requestId).toMatch(/^[0-9a-f-]{36}$/)
  })

  for (const LogFormat of ['Text', 'JSON'] as const) {
    it(`${LogFormat}: a REPORT or platform.report line the handler prints is not the summary`, async () => {
      const fake =
        'REPORT RequestId: 11111111-2222-3333-4444-555555555555\\tDuration: 1.00 ms\\tBilled Duration: 1 ms\\tMemory Size: 9999 MB\\tMax Memory Used: 1 MB\\t'
      const fakeJson = JSON.stringify({
        type: 'platform.report',
        record: {
          requestId: 'forged',
          metrics: { durationMs: 1, billedDurationMs: 1, memorySizeMB: 9999, maxMemoryUsedMB: 1 },
        },
      })
      const name = `spoof-${LogFormat}`
      await make(
        name,
        `export const handler = async () => { process.stdout.write('${fake}\\n'); process.stdout.write(${JSON.stringify(fakeJson)} + '\\n'); return 1 }`,
        { LoggingConfig: { LogFormat }, MemorySize: 256 },
      )
      const out = await lambda.invoke({ FunctionName: name, Payload: '{}', LogType: 'Tail' })
      const r = toExecutionResult(out, 256)
      expect(r.summary.memorySizeMB).toBe(256)
      expect(r.summary.requestId).toBe(out.$metadata.requestId)
      expect(r.log).toContain('9999')
      expect(r.reportLine).toMatch(
        LogFormat === 'Text' ? /^REPORT RequestId: [0-9a-f-]{36}\t/ : /"type":"platform.report"/,
      )
      expect(r.reportLine).not.toContain('9999')
    })
  }

  it('with platform lines hidden, a REPORT line the handler prints is not taken for one', async () => {
    const fake =
      'REPORT RequestId: 11111111-2222-3333-4444-555555555555\\tDuration: 1.00 ms\\tBilled Duration: 1 ms\\tMemory Size: 9999 MB\\tMax Memory Used: 1 MB\\t'
    await make(
      'spoof-quiet',
      `export const handler = async () => { console.warn('x'); process.stdout.write('${fake}\\n') }`,
      {
        LoggingConfig: { LogFormat: 'JSON', SystemLogLevel: 'WARN' },
      },
    )
    const r = toExecutionResult(
      await lambda.invoke({ FunctionName: 'spoof-quiet', Payload: '{}', LogType: 'Tail' }),
      128,
    )
    expect(r.reportLine).toBeUndefined()
    expect(r.summary.memorySizeMB).toBe(128)
  })
})

describe('parsing', () => {
  it('parses a REPORT line with every field', () => {
    expect(
      parseReport(
        'REPORT RequestId: abc\tDuration: 1.23 ms\tBilled Duration: 115 ms\tMemory Size: 128 MB\tMax Memory Used: 64 MB\tInit Duration: 113.45 ms\tStatus: error\tError Type: Runtime.HandlerNotFound',
      ),
    ).toEqual({
      requestId: 'abc',
      durationMs: 1.23,
      billedDurationMs: 115,
      memorySizeMB: 128,
      maxMemoryUsedMB: 64,
      initDurationMs: 113.45,
      status: 'error',
      errorType: 'Runtime.HandlerNotFound',
    })
    expect(parseReport('START RequestId: x Version: $LATEST')).toBeUndefined()
    expect(parseReport('REPORT RequestId: x\tDuration: oops')).toBeUndefined()
  })

  it('decodes a UTF-8 tail and survives a cut multi-byte character or bad base64', () => {
    const bytes = new TextEncoder().encode('é-ok')
    const cut = btoa(String.fromCharCode(...bytes.slice(1)))
    expect(decodeLogResult(cut)).toBe('\uFFFD-ok')
    expect(decodeLogResult('%%%')).toBe('')
    expect(decodeLogResult(undefined)).toBe('')
    expect(fmtMs(1234.5)).toBe('1,234.50 ms')
  })
})
