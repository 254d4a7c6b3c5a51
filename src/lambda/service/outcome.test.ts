// The pure mapping from a phase's outcome to what Lambda reports: body, FunctionError, status,
// error type, the runtime/platform lines, END and REPORT, in both log formats.
import { describe, expect, it } from 'vitest'
import { jsonPlatform, textPlatform } from '../runtime/platform.ts'
import { SandboxFault } from '../sandbox/types.ts'
import { RESPONSE_LIMIT } from './limits.ts'
import {
  appErrorLine,
  base64Utf8Tail,
  billedDuration,
  endInvoke,
  initErrorType,
  outcomeOfFault,
  resetsEnvironment,
  settle,
  type InvokeEnding,
  type Outcome,
} from './outcome.ts'

const ID = '8f5a1c2e-1111-4222-8333-944445555666'
const START = Date.UTC(2026, 0, 2, 3, 4, 5, 0)
const END = START + 1234.567
const ISO_END = new Date(Math.floor(END)).toISOString()

function ending(outcome: Outcome, extra: Partial<InvokeEnding> = {}): InvokeEnding {
  return {
    outcome,
    requestId: ID,
    timeout: 3,
    memorySizeMB: 128,
    measuredMemoryMB: 64,
    logFormat: 'Text',
    platform: textPlatform,
    startAt: START,
    endAt: END,
    ...extra,
  }
}

const userError = { errorType: 'TypeError', errorMessage: 'boom', trace: ['TypeError: boom', '    at handler (x)'] }

describe('endInvoke: text format', () => {
  it('ok: the payload as is, no FunctionError, END and REPORT without a status', () => {
    const r = endInvoke(ending({ kind: 'ok', payload: '{"hi":1}' }))
    expect(r.body).toBe('{"hi":1}')
    expect(r.functionError).toBe(false)
    expect(r.status).toBe('success')
    expect(r.errorType).toBeUndefined()
    expect(r.appLine).toBeUndefined()
    expect(r.platformLine).toBeUndefined()
    expect(r.maxMemoryUsedMB).toBe(64)
    expect(r.durationMs).toBe(END - START)
    expect(r.billedDurationMs).toBe(1235)
    expect(r.end).toBe(`END RequestId: ${ID}`)
    expect(r.report).toBe(
      `REPORT RequestId: ${ID}\tDuration: 1234.57 ms\tBilled Duration: 1235 ms\tMemory Size: 128 MB\tMax Memory Used: 64 MB\t`,
    )
  })

  it('ok with Init: Init Duration on REPORT, and Init is billed', () => {
    const r = endInvoke(ending({ kind: 'ok', payload: 'null' }, { initDurationMs: 150.25 }))
    expect(r.billedDurationMs).toBe(Math.ceil(1234.567 + 150.25))
    expect(r.report).toContain('\tInit Duration: 150.25 ms\t')
  })

  it('ok but over 6 MB: Function.ResponseSizeTooLarge', () => {
    const payload = JSON.stringify('é'.repeat(RESPONSE_LIMIT / 2))
    const bytes = new TextEncoder().encode(payload).length
    const r = endInvoke(ending({ kind: 'ok', payload }))
    expect(JSON.parse(r.body)).toEqual({
      errorType: 'Function.ResponseSizeTooLarge',
      errorMessage: `Response payload size (${bytes} bytes) exceeded maximum allowed payload size (6291556 bytes).`,
    })
    expect(r.functionError).toBe(true)
    expect(r.status).toBe('error')
    expect(r.errorType).toBe('Function.ResponseSizeTooLarge')
    expect(r.report).toMatch(/\tStatus: error\tError Type: Function\.ResponseSizeTooLarge$/)
  })

  it('a 6 MB ASCII payload under the limit stays a success', () => {
    const payload = JSON.stringify('a'.repeat(RESPONSE_LIMIT - 10))
    expect(endInvoke(ending({ kind: 'ok', payload })).functionError).toBe(false)
  })

  it('error: the error shape as the body, status error, no error type (unless Init failed)', () => {
    const r = endInvoke(ending({ kind: 'error', error: userError }))
    expect(JSON.parse(r.body)).toEqual(userError)
    expect(r.functionError).toBe(true)
    expect(r.status).toBe('error')
    expect(r.errorType).toBeUndefined()
    expect(r.platformLine).toBeUndefined()
    expect(r.end).toBe(`END RequestId: ${ID}`)
    expect(r.report).toMatch(/Max Memory Used: 64 MB\tStatus: error$/)

    const init = endInvoke(ending({ kind: 'error', error: userError }, { initErrorType: 'Runtime.HandlerNotFound' }))
    expect(init.errorType).toBe('Runtime.HandlerNotFound')
    expect(init.report).toMatch(/\tStatus: error\tError Type: Runtime\.HandlerNotFound$/)
  })

  it('an error body over 6 MB (or marked oversize by the runtime): Function.ResponseSizeTooLarge, without a size', () => {
    const tooLarge = {
      errorType: 'Function.ResponseSizeTooLarge',
      errorMessage: 'Response payload size exceeded maximum allowed payload size (6291556 bytes).',
    }
    const big = { errorType: 'Error', errorMessage: 'é'.repeat(RESPONSE_LIMIT / 2), trace: [] }
    for (const error of [big, { errorType: '', errorMessage: '', oversize: true }]) {
      const r = endInvoke(ending({ kind: 'error', error }))
      expect(JSON.parse(r.body)).toEqual(tooLarge)
      expect(r.errorType).toBe('Function.ResponseSizeTooLarge')
      expect(r.report).toMatch(/\tStatus: error\tError Type: Function\.ResponseSizeTooLarge$/)
    }
    const crash = endInvoke(ending({ kind: 'crash', error: big }))
    expect(JSON.parse(crash.body)).toEqual(tooLarge)
    expect(crash.status).toBe('crash')
  })

  it('timeout: Sandbox.Timedout, the "Task timed out" line, status timeout', () => {
    const r = endInvoke(ending({ kind: 'timeout' }, { timeout: 3 }))
    expect(JSON.parse(r.body)).toEqual({
      errorType: 'Sandbox.Timedout',
      errorMessage: `RequestId: ${ID} Error: Task timed out after 3.00 seconds`,
    })
    expect(r.functionError).toBe(true)
    expect(r.status).toBe('timeout')
    expect(r.errorType).toBeUndefined()
    expect(r.platformLine).toBe(`${ISO_END} ${ID} Task timed out after 3.00 seconds`)
    expect(r.report).toMatch(/\tStatus: timeout$/)
  })

  it('oom: Runtime.OutOfMemory, signal: killed, Max Memory Used = Memory Size', () => {
    const r = endInvoke(ending({ kind: 'oom' }, { memorySizeMB: 256 }))
    expect(JSON.parse(r.body)).toEqual({
      errorType: 'Runtime.OutOfMemory',
      errorMessage: `RequestId: ${ID} Error: Runtime exited with error: signal: killed`,
    })
    expect(r.status).toBe('oom')
    expect(r.errorType).toBe('Runtime.OutOfMemory')
    expect(r.maxMemoryUsedMB).toBe(256)
    expect(r.platformLine).toBe(
      `RequestId: ${ID} Error: Runtime exited with error: signal: killed\nRuntime.OutOfMemory`,
    )
    expect(r.report).toMatch(
      /Memory Size: 256 MB\tMax Memory Used: 256 MB\tStatus: error\tError Type: Runtime\.OutOfMemory$/,
    )
  })

  it('exit: Runtime.ExitError with the exit status, or "without providing a reason" for 0', () => {
    const r = endInvoke(ending({ kind: 'exit', code: 2 }))
    expect(JSON.parse(r.body)).toEqual({
      errorType: 'Runtime.ExitError',
      errorMessage: `RequestId: ${ID} Error: Runtime exited with error: exit status 2`,
    })
    expect(r.status).toBe('crash')
    expect(r.errorType).toBe('Runtime.ExitError')
    expect(r.platformLine).toBe(`RequestId: ${ID} Error: Runtime exited with error: exit status 2\nRuntime.ExitError`)
    expect(r.report).toMatch(/\tStatus: error\tError Type: Runtime\.ExitError$/)

    const zero = endInvoke(ending({ kind: 'exit', code: 0 }))
    expect(JSON.parse(zero.body).errorMessage).toBe(`RequestId: ${ID} Error: Runtime exited without providing a reason`)
    expect(zero.platformLine).toBe(
      `RequestId: ${ID} Error: Runtime exited without providing a reason\nRuntime.ExitError`,
    )
  })

  it('crash (uncaught exception): the error as the body, then exit status 129', () => {
    const r = endInvoke(ending({ kind: 'crash', error: userError }))
    expect(JSON.parse(r.body)).toEqual(userError)
    expect(r.functionError).toBe(true)
    expect(r.status).toBe('crash')
    expect(r.errorType).toBe('Runtime.ExitError')
    expect(r.platformLine).toBe(`RequestId: ${ID} Error: Runtime exited with error: exit status 129\nRuntime.ExitError`)
  })

  it("stack: Node's RangeError, written by the runtime client as an Invoke Error line", () => {
    const r = endInvoke(ending({ kind: 'stack' }))
    const err = {
      errorType: 'RangeError',
      errorMessage: 'Maximum call stack size exceeded',
      trace: ['RangeError: Maximum call stack size exceeded'],
    }
    expect(JSON.parse(r.body)).toEqual(err)
    expect(r.functionError).toBe(true)
    expect(r.status).toBe('error')
    expect(r.errorType).toBeUndefined()
    expect(r.platformLine).toBeUndefined()
    expect(r.appLine).toBe(
      `${ISO_END}\t${ID}\tERROR\tInvoke Error \t{"errorType":"RangeError","errorMessage":"Maximum call stack size exceeded","stack":["RangeError: Maximum call stack size exceeded"]}`,
    )
    expect(r.report).toMatch(/\tStatus: error$/)
  })

  it('durations never go negative, and at least 1 ms is billed', () => {
    const r = endInvoke(ending({ kind: 'ok', payload: '1' }, { endAt: START - 5 }))
    expect(r.durationMs).toBe(0)
    expect(r.billedDurationMs).toBe(1)
  })
})

describe('endInvoke: JSON format (Telemetry API records)', () => {
  const json = (o: Outcome, extra: Partial<InvokeEnding> = {}) =>
    endInvoke(ending(o, { logFormat: 'JSON', platform: jsonPlatform('fn'), ...extra }))

  it('ok: platform.runtimeDone and platform.report with rounded metrics', () => {
    const r = json({ kind: 'ok', payload: '1' }, { initDurationMs: 10.126 })
    expect(JSON.parse(r.end)).toEqual({
      time: ISO_END,
      type: 'platform.runtimeDone',
      record: { requestId: ID, status: 'success' },
    })
    expect(JSON.parse(r.report)).toEqual({
      time: ISO_END,
      type: 'platform.report',
      record: {
        requestId: ID,
        metrics: {
          durationMs: 1234.57,
          billedDurationMs: Math.ceil(1234.567 + 10.126),
          memorySizeMB: 128,
          maxMemoryUsedMB: 64,
          initDurationMs: 10.13,
        },
        status: 'success',
      },
    })
  })

  it('timeout and runtime exits have no extra platform record; statuses and error types are in the records', () => {
    const t = json({ kind: 'timeout' })
    expect(t.platformLine).toBeUndefined()
    expect(JSON.parse(t.end).record).toEqual({ requestId: ID, status: 'timeout' })
    const o = json({ kind: 'oom' })
    expect(o.platformLine).toBeUndefined()
    expect(JSON.parse(o.end).record).toEqual({ requestId: ID, status: 'error', errorType: 'Runtime.OutOfMemory' })
    expect(JSON.parse(o.report).record).toMatchObject({ status: 'error', errorType: 'Runtime.OutOfMemory' })
  })

  it('stack: the Invoke Error is a JSON log record', () => {
    const r = json({ kind: 'stack' })
    expect(JSON.parse(r.appLine!)).toEqual({
      timestamp: ISO_END,
      level: 'ERROR',
      requestId: ID,
      message: {
        errorType: 'RangeError',
        errorMessage: 'Maximum call stack size exceeded',
        stackTrace: ['RangeError: Maximum call stack size exceeded'],
      },
    })
  })
})

describe('outcomes of steps, faults and Init', () => {
  const step = (s: 0 | 1 | 2 | 3 | 4 | 5, extra = {}) => ({ s, t: -1, payload: 'P', ...extra })

  it('settle maps each step status, and a step past the deadline is a timeout', () => {
    expect(settle(step(1), 10, 20)).toEqual({ kind: 'ok', payload: 'P' })
    expect(settle(step(2, { e: userError }), 10, 20)).toEqual({ kind: 'error', error: userError })
    expect(settle(step(3, { e: userError }), 10, 20)).toEqual({ kind: 'crash', error: userError })
    expect(settle(step(4, { x: 3 }), 10, 20)).toEqual({ kind: 'exit', code: 3 })
    expect(settle(step(4), 10, 20)).toEqual({ kind: 'exit', code: 0 })
    expect(settle(step(5), 10, 20)).toEqual({ kind: 'oom' })
    expect(settle(step(1), 20.5, 20)).toEqual({ kind: 'timeout' })
  })

  it('faults become timeouts, OOM, stack overflows or crashes', () => {
    expect(outcomeOfFault(new SandboxFault('timeout', 'interrupted'))).toEqual({ kind: 'timeout' })
    expect(outcomeOfFault(new SandboxFault('oom', 'out of memory'))).toEqual({ kind: 'oom' })
    expect(outcomeOfFault(new SandboxFault('stack', 'stack overflow', true))).toEqual({ kind: 'stack' })
    expect(outcomeOfFault(new SandboxFault('crash', 'memory access out of bounds', true))).toEqual({
      kind: 'crash',
      error: { errorType: 'Runtime.ExitError', errorMessage: 'Runtime exited with error: memory access out of bounds' },
    })
  })

  it('the error type of a failed Init', () => {
    expect(initErrorType({ kind: 'error', error: userError })).toBe('TypeError')
    expect(initErrorType({ kind: 'crash', error: { errorType: 'Runtime.Unknown', errorMessage: '' } })).toBe(
      'Runtime.Unknown',
    )
    expect(initErrorType({ kind: 'oom' })).toBe('Runtime.OutOfMemory')
    expect(initErrorType({ kind: 'exit', code: 1 })).toBe('Runtime.ExitError')
    expect(initErrorType({ kind: 'stack' })).toBe('RangeError')
    expect(initErrorType({ kind: 'timeout' })).toBeUndefined()
    expect(initErrorType({ kind: 'ok', payload: '' })).toBeUndefined()
  })

  it('which outcomes reset the environment', () => {
    const reset = (['timeout', 'oom', 'stack'] as const).map((kind) => resetsEnvironment({ kind }))
    expect(reset).toEqual([true, true, true])
    expect(resetsEnvironment({ kind: 'exit', code: 0 })).toBe(true)
    expect(resetsEnvironment({ kind: 'crash', error: userError })).toBe(true)
    expect(resetsEnvironment({ kind: 'error', error: userError })).toBe(false)
    expect(resetsEnvironment({ kind: 'ok', payload: '' })).toBe(false)
  })
})

describe('helpers', () => {
  it('billedDuration rounds up and adds Init', () => {
    expect(billedDuration(0.2, undefined)).toBe(1)
    expect(billedDuration(10.01, undefined)).toBe(11)
    expect(billedDuration(10, 5.5)).toBe(16)
  })

  it('appErrorLine without a trace (JSON keeps the key out, text writes no stack)', () => {
    const e = { errorType: 'Error', errorMessage: 'x' }
    expect(appErrorLine('Text', ID, e, END)).toBe(
      `${ISO_END}\t${ID}\tERROR\tInvoke Error \t{"errorType":"Error","errorMessage":"x"}`,
    )
    expect(JSON.parse(appErrorLine('JSON', ID, e, END)).message).toEqual({ errorType: 'Error', errorMessage: 'x' })
  })

  it('base64Utf8Tail keeps the last bytes, ASCII or not', () => {
    const dec = (b64: string) => new TextDecoder().decode(Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)))
    expect(dec(base64Utf8Tail('hello\n', 4096))).toBe('hello\n')
    expect(dec(base64Utf8Tail('abcdef', 3))).toBe('def')
    expect(dec(base64Utf8Tail('日本語です', 6))).toBe('です')
    const big = 'x'.repeat(70_000) + 'é'
    expect(dec(base64Utf8Tail(big, 4096))).toBe('x'.repeat(4094) + 'é')
  })
})
