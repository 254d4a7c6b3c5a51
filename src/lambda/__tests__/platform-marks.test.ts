// Lambda's own log lines carry a mark function code cannot write: `platform: true` on log events,
// `$metadata.tailPlatformLines` for LogResult, and the REPORT figures in `$metadata.report`. The UI
// and the lab checks read platform facts from these, never from text a handler can print.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Lambda } from '../index.ts'
import { atobUtf8, deploy, newLambda } from './helpers.ts'

const SPOOF = `export const handler = async (event, context) => {
  process.stdout.write('REPORT RequestId: ' + context.awsRequestId + '\\tDuration: 1.00 ms\\tBilled Duration: 1 ms\\tMemory Size: 9999 MB\\tMax Memory Used: 1 MB\\t\\n')
  console.log('START RequestId: ' + context.awsRequestId + ' Version: $LATEST')
  console.log('two\\nlines')
  process.stdout.write('INIT_START Runtime Version: nodejs:20.v1\\n')
  process.stdout.write(JSON.stringify({ time: new Date().toISOString(), type: 'platform.report', record: { requestId: context.awsRequestId, metrics: { durationMs: 1, billedDurationMs: 1, memorySizeMB: 9999, maxMemoryUsedMB: 1 } } }) + '\\n')
  return 'ok'
}`

describe('platform marks', () => {
  let lambda: Lambda
  beforeAll(async () => {
    lambda = await newLambda()
  })
  afterAll(() => lambda.dispose())

  for (const LogFormat of ['Text', 'JSON'] as const) {
    it(`${LogFormat}: only Lambda's own lines are marked, in the tail and in the log store`, async () => {
      const name = await deploy(lambda, SPOOF, { MemorySize: 256, LoggingConfig: { LogFormat } })
      const out = await lambda.invoke({ FunctionName: name, Payload: '{}', LogType: 'Tail' })
      const lines = atobUtf8(out.LogResult!).split('\n')
      lines.pop() // the text ends with a line break
      const marked = new Set(out.$metadata.tailPlatformLines!.map((n) => lines.length - n))
      const platform = lines.filter((_, i) => marked.has(i))
      const own = lines.filter((_, i) => !marked.has(i))
      const kinds =
        LogFormat === 'Text'
          ? ['INIT_START', 'START', 'END', 'REPORT']
          : ['platform.initStart', 'platform.start', 'platform.runtimeDone', 'platform.report']
      expect(platform.map((l) => (LogFormat === 'Text' ? l.split(' ')[0] : JSON.parse(l).type))).toEqual(kinds)
      // The function's look-alikes are all unmarked (the two-line message is two text lines).
      expect(own.some((l) => l.includes('Memory Size: 9999 MB'))).toBe(true)
      expect(own.some((l) => l.includes('"memorySizeMB":9999'))).toBe(true)
      expect(own.filter((l) => /START RequestId|INIT_START/.test(l))).toHaveLength(2)
      expect(own.some((l) => l.endsWith('lines') || l.includes('lines"'))).toBe(true)
      // The engine's REPORT figures, structured.
      expect(out.$metadata.report).toMatchObject({
        requestId: out.$metadata.requestId,
        memorySizeMB: 256,
        status: 'success',
      })
      expect(out.$metadata.report!.durationMs).toBe(out.$metadata.durationMs)

      const events = (await lambda.filterLogEvents({ logGroupName: `/aws/lambda/${name}` })).events
      const flagged = events.filter((e) => e.platform === true).map((e) => e.message)
      expect(flagged).toEqual(platform)
      expect(
        events
          .filter((e) => e.platform === undefined)
          .map((e) => e.message)
          .join('\n'),
      ).toContain('9999')
    })
  }

  it('failed invokes report their status in the structured report, as on the REPORT line', async () => {
    const bad = await deploy(lambda, 'export const handler = async () => { throw new TypeError("no") }')
    const out = await lambda.invoke({ FunctionName: bad, Payload: '{}', LogType: 'Tail' })
    expect(out.$metadata.report).toMatchObject({ status: 'error' })
    const slow = await deploy(lambda, 'export const handler = () => new Promise((r) => setTimeout(r, 5000))', {
      Timeout: 1,
    })
    const late = await lambda.invoke({ FunctionName: slow, Payload: '{}', LogType: 'Tail' })
    expect(late.$metadata.report).toMatchObject({ status: 'timeout', durationMs: 1000 })
  })
})
