// Log-line parsing (both log formats) and the structural validation helpers.
import { describe, expect, it } from 'vitest'
import { decodeLogResult, invokeStatus, parseLogLine, parseTail } from '../logs.ts'
import { handlerFile, validateLabDefinition, validateLabFiles } from '../validate.ts'
import type { LabDefinition } from '../types.ts'

const id = '8f0e4c52-1d7a-4b8e-9c3f-2a6b5d4e3f21'
const line = (message: string) => parseLogLine({ timestamp: 1, message, logStreamName: 's' })
/** A line the engine marks as Lambda's own. */
const own = (message: string) => parseLogLine({ timestamp: 1, message, logStreamName: 's', platform: true })

describe('invokeStatus', () => {
  it('reads the status from the engine-marked REPORT or platform.report only, whatever the function printed', () => {
    const printed = line(`REPORT RequestId: ${id}\tDuration: 1.00 ms\tStatus: error`)
    const text = own(`REPORT RequestId: ${id}\tDuration: 1.00 ms\tBilled Duration: 1 ms\tMemory Size: 128 MB`)
    expect(invokeStatus([printed], id)).toBeUndefined()
    expect(invokeStatus([printed, text], id)).toBe('success')
    expect(invokeStatus([own(`REPORT RequestId: ${id}\tDuration: 3000.00 ms\tStatus: timeout`)], id)).toBe('timeout')
    const json = (status: string) =>
      own(JSON.stringify({ time: 't', type: 'platform.report', record: { requestId: id, status, metrics: {} } }))
    expect(invokeStatus([json('error')], id)).toBe('error')
    expect(invokeStatus([json('error')], 'another-id')).toBeUndefined()
    const fakeJson = line(
      JSON.stringify({ time: 't', type: 'platform.report', record: { requestId: id, status: 'error' } }),
    )
    expect(invokeStatus([fakeJson, json('success')], id)).toBe('success')
  })
})

describe('parseLogLine', () => {
  it('text format: application lines, runtime error lines, init lines, platform lines', () => {
    expect(line(`2026-01-02T03:04:05.678Z\t${id}\tINFO\tOrder priced`)).toMatchObject({
      source: 'app',
      requestId: id,
      level: 'INFO',
      message: 'Order priced',
    })
    expect(line(`2026-01-02T03:04:05.678Z\t${id}\tWARN\t{"level":"WARN","orderId":"KC-1"}`).json).toEqual({
      level: 'WARN',
      orderId: 'KC-1',
    })
    expect(line(`2026-01-02T03:04:05.678Z\tundefined\tINFO\tConnecting`)).toMatchObject({
      source: 'app',
      requestId: 'undefined',
    })
    // The runtime client's lines are the function's output, like anything a handler could print.
    expect(line(`2026-01-02T03:04:05.678Z\t${id}\tERROR\tInvoke Error \t{"errorType":"TypeError"}`)).toMatchObject({
      source: 'app',
      level: 'ERROR',
    })
    expect(
      line(`2026-01-02T03:04:05.678Z\tundefined\tERROR\tUncaught Exception \t{"errorType":"Error"}`),
    ).toMatchObject({ source: 'app' })
    expect(own(`START RequestId: ${id} Version: $LATEST`)).toMatchObject({ source: 'platform', requestId: id })
    expect(own(`REPORT RequestId: ${id}\tDuration: 1.00 ms\tBilled Duration: 1 ms`)).toMatchObject({
      source: 'platform',
      requestId: id,
    })
    expect(own('INIT_START Runtime Version: nodejs:22.v51\tRuntime Version ARN: arn:x')).toMatchObject({
      source: 'platform',
      requestId: undefined,
    })
    expect(own(`2026-01-02T03:04:05.678Z ${id} Task timed out after 3.00 seconds`)).toMatchObject({
      source: 'platform',
      requestId: id,
    })
    expect(own(`RequestId: ${id} Error: Runtime exited with error: signal: killed\nRuntime.OutOfMemory`)).toMatchObject(
      { source: 'platform', requestId: id },
    )
    expect(line('raw stdout text')).toMatchObject({ source: 'app', message: 'raw stdout text' })
    expect(line('raw stdout text').level).toBeUndefined()
  })

  it('JSON format: application records (object or string message) and platform records', () => {
    const obj = line(
      `{"timestamp":"2026-01-02T03:04:05.678Z","level":"INFO","requestId":"${id}","message":{"message":"Order priced","orderId":"KC-1"}}`,
    )
    expect(obj).toMatchObject({
      source: 'app',
      level: 'INFO',
      requestId: id,
      json: { message: 'Order priced', orderId: 'KC-1' },
    })
    const text = line(`{"timestamp":"2026-01-02T03:04:05.678Z","level":"WARN","requestId":"${id}","message":"slow"}`)
    expect(text).toMatchObject({ source: 'app', level: 'WARN', message: 'slow' })
    expect(text.json).toBeUndefined()
    expect(
      own(
        `{"time":"2026-01-02T03:04:05.678Z","type":"platform.start","record":{"requestId":"${id}","version":"$LATEST"}}`,
      ),
    ).toMatchObject({ source: 'platform', requestId: id })
  })
})

describe('parseLogLine: platform lines come from the engine, not the text', () => {
  const lookAlikes = [
    `START RequestId: ${id} Version: $LATEST`,
    `REPORT RequestId: ${id}\tDuration: 1.00 ms\tBilled Duration: 1 ms\tMemory Size: 128 MB\tMax Memory Used: 1 MB\t`,
    'INIT_START Runtime Version: nodejs:22.v51\tRuntime Version ARN: arn:x',
    `END RequestId: ${id}`,
    `2026-01-02T03:04:05.678Z ${id} Task timed out after 3.00 seconds`,
    `RequestId: ${id} Error: Runtime exited with error: signal: killed`,
    `{"time":"2026-01-02T03:04:05.678Z","type":"platform.report","record":{"requestId":"${id}"}}`,
  ]
  for (const text of lookAlikes) {
    it(`unmarked, "${text.slice(0, 24)}…" is the function's own line`, () => {
      expect(line(text).source).toBe('app')
      expect(own(text).source).toBe('platform')
    })
  }
  it('parseTail marks lines counted from the end', () => {
    const lines = [
      'START RequestId: a Version: $LATEST',
      'REPORT RequestId: fake',
      'END RequestId: a',
      'REPORT RequestId: a',
    ]
    expect(parseTail(lines, [4, 2, 1]).map((l) => l.source)).toEqual(['platform', 'app', 'platform', 'platform'])
    expect(parseTail(lines).map((l) => l.source)).toEqual(['app', 'app', 'app', 'app'])
  })
})

describe('decodeLogResult', () => {
  it('decodes UTF-8, drops a character cut in half at the start, keeps inner empty lines', () => {
    const bytes = new TextEncoder().encode('£1 teapot\n\nend\n')
    const b64 = btoa(String.fromCharCode(...bytes))
    expect(decodeLogResult(b64)).toEqual(['£1 teapot', '', 'end'])
    const cut = btoa(String.fromCharCode(...bytes.subarray(1)))
    expect(decodeLogResult(cut)).toEqual(['1 teapot', '', 'end'])
    expect(decodeLogResult(undefined)).toEqual([])
  })
})

describe('handlerFile and validateLabFiles', () => {
  it('finds the handler file as Lambda does (as is, .js, .mjs, .cjs; nested paths)', () => {
    expect(handlerFile('index.handler', { 'index.mjs': '' })).toBe('index.mjs')
    expect(handlerFile('index.handler', { 'index.js': '', 'index.mjs': '' })).toBe('index.js')
    expect(handlerFile('src/app.main.inner', { 'src/app.cjs': '' })).toBe('src/app.cjs')
    expect(handlerFile('index.handler', { 'lib/index.mjs': '' })).toBeUndefined()
    expect(handlerFile('nodot', { nodot: '' })).toBeUndefined()
  })

  it('names missing file sets and a missing handler file', () => {
    const lab = { function: { Handler: 'src/index.handler', Runtime: 'nodejs22.x' } } as LabDefinition
    expect(validateLabFiles(lab, { starter: {}, solution: { 'index.mjs': '' } })).toEqual([
      'starter/ is missing or empty',
      'solution/ has no file for the handler "src/index.handler" (expected src/index.mjs, src/index.js or src/index.cjs)',
    ])
  })
})

describe('validateLabDefinition: events', () => {
  const base = {
    title: 'A lab',
    instructions: 'Do it.',
    function: { Handler: 'index.handler', Runtime: 'nodejs22.x' },
    hints: ['Look closer.'],
    checks: [{ name: 'Works', run: async () => {} }],
  }
  const problems = (events: unknown) =>
    validateLabDefinition({ ...base, events }, 'a-lab').filter((p) => p.includes('event'))

  it('accepts names the Lambda console accepts', () => {
    expect(problems([{ name: 'get-teapot_blue.v2', payload: {} }])).toEqual([])
  })

  it('refuses a name the picker would drop (spaces, slashes, over 25 characters), and more than 10 events', () => {
    expect(problems([{ name: 'GET /products', payload: {} }])).toEqual([
      '"events[0]" is named "GET /products": a saved test event\'s name has at most 25 letters, numbers, dots, hyphens and underscores (no spaces), as in the Lambda console',
    ])
    expect(problems([{ name: 'x'.repeat(26), payload: {} }])).toHaveLength(1)
    expect(problems(Array.from({ length: 11 }, (_, i) => ({ name: `e${i}`, payload: {} })))).toEqual([
      '"events" lists 11 events: a function keeps at most 10 saved test events',
    ])
  })
})
