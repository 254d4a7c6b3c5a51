// Issue 3, §6: log formats, platform lines, LogResult, CloudWatch shapes and truncation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Lambda } from '../index.ts'
import { MAX_EVENT_BYTES, compileFilter, truncateEvent } from '../service/logs.ts'
import { appLines, atobUtf8, call, deploy, messageOf, newLambda20 } from './helpers.ts'

let lambda: Lambda
beforeAll(async () => {
  lambda = await newLambda20()
})
afterAll(() => lambda.dispose())

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'

describe('text format', () => {
  it('writes <ISO time>\\t<requestId>\\t<LEVEL>\\t<message> and the platform lines', async () => {
    const fn = await deploy(
      lambda,
      'console.log("cold"); export const handler = async () => { console.log("multi\\nline"); return 1 }',
    )
    const out = await call(lambda, fn)
    const id = out.$metadata.requestId
    const log = out.log
    expect(log[0]).toMatch(
      /^INIT_START Runtime Version: nodejs:20\.v\d+\tRuntime Version ARN: arn:aws:lambda:us-east-1::runtime:[0-9a-f]{64}$/,
    )
    expect(log[1]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z\tundefined\tINFO\tcold$/)
    expect(log[2]).toBe(`START RequestId: ${id} Version: $LATEST`)
    expect(log[3]).toMatch(new RegExp(`^\\S+Z\\t${id}\\tINFO\\tmulti$`))
    expect(log[4]).toBe('line')
    expect(log[5]).toBe(`END RequestId: ${id}`)
    expect(log[6]).toMatch(
      new RegExp(
        `^REPORT RequestId: ${id}\\tDuration: \\d+\\.\\d\\d ms\\tBilled Duration: \\d+ ms\\tMemory Size: 128 MB\\tMax Memory Used: \\d+ MB\\tInit Duration: \\d+\\.\\d\\d ms\\t$`,
      ),
    )
    const warm = await call(lambda, fn)
    expect(warm.log.at(-1)).toMatch(/Max Memory Used: \d+ MB\t$/) // no Init Duration when warm
    expect(warm.log.some((l) => l.startsWith('INIT_START'))).toBe(false)
  })

  it('stores events in /aws/lambda/<name>, one stream per environment, readable with getLogEvents/filterLogEvents', async () => {
    const fn = await deploy(
      lambda,
      'export const handler = async (e) => { console.log("order", e.id); if (e.id === 2) console.error("failed", e.id); return e.id }',
    )
    await call(lambda, fn, { id: 1 })
    await call(lambda, fn, { id: 2 })
    const group = `/aws/lambda/${fn}`
    const { logStreams } = await lambda.describeLogStreams({ logGroupName: group })
    expect(logStreams).toHaveLength(1)
    const stream = logStreams[0].logStreamName
    const all = await lambda.getLogEvents({ logGroupName: group, logStreamName: stream, startFromHead: true })
    expect(all.events.map((e) => e.message.split(' ')[0].split('\t')[0])).toContain('START')
    for (const e of all.events) {
      expect(typeof e.timestamp).toBe('number')
      expect(e.ingestionTime).toBeGreaterThanOrEqual(e.timestamp)
    }
    const limited = await lambda.getLogEvents({ logGroupName: group, logStreamName: stream, limit: 2 })
    expect(limited.events.map((e) => e.message.split(' ')[0])).toEqual(['END', 'REPORT'])
    const errors = await lambda.filterLogEvents({ logGroupName: group, filterPattern: 'ERROR' })
    expect(errors.events).toHaveLength(1)
    expect(errors.events[0].message).toMatch(/\tERROR\tfailed 2$/)
    expect(errors.events[0].logStreamName).toBe(stream)
    const either = await lambda.filterLogEvents({ logGroupName: group, filterPattern: '?"order 1" ?"order 2"' })
    expect(either.events).toHaveLength(2)
    await expect(lambda.getLogEvents({ logGroupName: '/aws/lambda/nope', logStreamName: 'x' })).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    })
  })
})

describe('JSON format', () => {
  it('writes timestamp/level/requestId/message records, serialises errors, filters by ApplicationLogLevel', async () => {
    const fn = await deploy(
      lambda,
      `export const handler = async () => {
        console.debug('hidden at INFO')
        console.log('plain')
        console.info({ user: 'ada', n: 1 })
        console.warn('two %s', 'args', new Error('inner'))
        console.error(new TypeError('bad'))
        return 1
      }`,
      { LoggingConfig: { LogFormat: 'JSON' } },
    )
    const out = await call(lambda, fn)
    const recs = out.log.map((l) => JSON.parse(l))
    const platform = recs.filter((r) => r.type)
    expect(platform.map((r) => r.type)).toEqual([
      'platform.initStart',
      'platform.start',
      'platform.runtimeDone',
      'platform.report',
    ])
    expect(platform[3].record).toMatchObject({
      requestId: out.$metadata.requestId,
      status: 'success',
      metrics: { memorySizeMB: 128 },
    })
    expect(typeof platform[3].record.metrics.initDurationMs).toBe('number')
    const app = recs.filter((r) => !r.type)
    expect(app.map((r) => r.level)).toEqual(['INFO', 'INFO', 'WARN', 'ERROR'])
    expect(app[0]).toEqual({
      timestamp: expect.stringMatching(/Z$/),
      level: 'INFO',
      requestId: out.$metadata.requestId,
      message: 'plain',
    })
    expect(app[1].message).toEqual({ user: 'ada', n: 1 })
    expect(app[2]).toMatchObject({
      message: expect.stringMatching(/^two args Error: inner/),
      errorType: 'Error',
      errorMessage: 'inner',
    })
    expect(app[3].message).toMatchObject({ errorType: 'TypeError', errorMessage: 'bad' })
    expect(app[3].message.stackTrace[0]).toBe('TypeError: bad')

    await lambda.updateFunctionConfiguration({
      FunctionName: fn,
      LoggingConfig: { LogFormat: 'JSON', ApplicationLogLevel: 'DEBUG', SystemLogLevel: 'WARN' },
    })
    const dbg = await call(lambda, fn)
    const levels = dbg.log.map((l) => JSON.parse(l)).map((r) => r.level ?? r.type)
    expect(levels).toEqual(['DEBUG', 'INFO', 'INFO', 'WARN', 'ERROR']) // SystemLogLevel WARN hides platform records
  })

  it('a function error in JSON format is logged as an ERROR record with the error serialised', async () => {
    const fn = await deploy(lambda, 'export const handler = async () => { throw new RangeError("nope") }', {
      LoggingConfig: { LogFormat: 'JSON', ApplicationLogLevel: 'ERROR' },
    })
    const out = await call(lambda, fn)
    const err = out.log.map((l) => JSON.parse(l)).find((r) => r.level === 'ERROR')
    expect(err.message).toMatchObject({ errorType: 'RangeError', errorMessage: 'nope' })
  })
})

describe('LogResult and truncation', () => {
  it('LogResult is the base64 of the last 4 KB of the log', async () => {
    const fn = await deploy(
      lambda,
      'export const handler = async () => { for (let i = 0; i < 200; i++) console.log("line " + i + " " + "x".repeat(40)); return 1 }',
    )
    const out = await call(lambda, fn)
    const text = atobUtf8(out.LogResult!)
    expect(Buffer.from(out.LogResult!, 'base64').length).toBe(4096)
    expect(text.endsWith('\n')).toBe(true)
    expect(text).toContain('line 199 ')
    expect(text).not.toContain('line 100 ')
    expect(text).toMatch(/REPORT RequestId: /)
    const none = await lambda.invoke({ FunctionName: fn })
    expect(none.LogResult).toBeUndefined()
  })

  it('truncates events over CloudWatch’s 1 MB limit', async () => {
    expect(truncateEvent('short')).toBe('short')
    const long = 'é'.repeat(600_000) // 1.2 MB in UTF-8
    const cut = truncateEvent(long)
    expect(new TextEncoder().encode(cut).length).toBeLessThanOrEqual(MAX_EVENT_BYTES)
    expect(cut.length).toBe(Math.floor(MAX_EVENT_BYTES / 2))
    const fn = await deploy(
      lambda,
      'export const handler = async () => { console.log("y".repeat(1_500_000)); return 1 }',
      { MemorySize: 512 },
    )
    const out = await call(lambda, fn)
    expect(out.FunctionError).toBeUndefined()
    const { logStreams } = await lambda.describeLogStreams({ logGroupName: `/aws/lambda/${fn}` })
    const events = (
      await lambda.getLogEvents({ logGroupName: `/aws/lambda/${fn}`, logStreamName: logStreams[0].logStreamName })
    ).events
    const big = events.find((e) => e.message.includes('yyyy'))!
    expect(new TextEncoder().encode(big.message).length).toBe(MAX_EVENT_BYTES)
  })

  it('filter patterns: terms, phrases, optional and excluded terms, JSON', () => {
    expect(compileFilter('ERROR timeout')('ERROR: db timeout')).toBe(true)
    expect(compileFilter('ERROR timeout')('ERROR: db')).toBe(false)
    expect(compileFilter('"db timeout"')('ERROR: db timeout')).toBe(true)
    expect(compileFilter('ERROR -retry')('ERROR retry')).toBe(false)
    expect(compileFilter('{ $.level = "ERROR" }')('{"level":"ERROR"}')).toBe(true)
    expect(compileFilter('{ $.n > 3 && $.level = "INFO" }')('{"level":"INFO","n":4}')).toBe(true)
    expect(compileFilter('{ $.n > 3 }')('not json')).toBe(false)
  })

  it('application lines keep their text between START and END', async () => {
    const fn = await deploy(lambda, 'export const handler = async () => { console.log("a\\tb"); return 1 }')
    const out = await call(lambda, fn)
    expect(appLines(out.log).map(messageOf)).toEqual(['a\tb'])
    expect(out.log.find((l) => new RegExp(`^START RequestId: ${UUID} Version: \\$LATEST$`).test(l))).toBeDefined()
  })
})
