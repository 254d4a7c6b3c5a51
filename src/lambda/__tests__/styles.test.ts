// Issue 3, §2 (handler styles) and §3 (error shapes).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Lambda } from '../index.ts'
import { appLines, call, deploy, messageOf, newLambda20 } from './helpers.ts'

let lambda: Lambda
beforeAll(async () => {
  lambda = await newLambda20()
})
afterAll(() => lambda.dispose())

const cjs = (src: string) => ({ 'index.js': src })
// RIC 3.x (WarningForCallbackHandlers.js) warns at init about a non-async handler with three parameters.
const CALLBACK_WARNING =
  'AWS Lambda plans to remove support for callback-based function handlers starting with Node.js 24. You will need to update this function to use an async handler to use Node.js 24 or later. For more information and to provide feedback on this change, see https://github.com/aws/aws-lambda-nodejs-runtime-interface-client/issues/137. To disable this warning, set the AWS_LAMBDA_NODEJS_DISABLE_CALLBACK_WARNING environment variable.'
const warnLine = (l: string) => l.split('\t')[2] === 'WARN' && messageOf(l) === CALLBACK_WARNING

describe('handler styles', () => {
  it('async handlers and handlers returning a promise', async () => {
    const a = await deploy(lambda, 'export const handler = async () => ({ ok: 1 })')
    const p = await deploy(lambda, cjs('exports.handler = () => new Promise((r) => setTimeout(() => r("later"), 50))'))
    expect((await call(lambda, a)).json).toEqual({ ok: 1 })
    expect((await call(lambda, p)).json).toBe('later')
  })

  it('callback handlers wait for the event loop to drain by default', async () => {
    const fn = await deploy(
      lambda,
      cjs(`let n = 0
exports.handler = (event, context, callback) => {
  setTimeout(() => { n++; console.log('timer ran', n) }, 200)
  callback(null, { sent: n })
}`),
    )
    const out = await call(lambda, fn)
    expect(out.json).toEqual({ sent: 0 })
    expect(appLines(out.log).map(messageOf)).toEqual([CALLBACK_WARNING, 'timer ran 1'])
    expect(out.$metadata.durationMs).toBeGreaterThanOrEqual(200)
  })

  it('callbackWaitsForEmptyEventLoop = false returns at once; leftover timers run in the next invoke', async () => {
    const fn = await deploy(
      lambda,
      cjs(`exports.handler = (event, context, callback) => {
  context.callbackWaitsForEmptyEventLoop = false
  setTimeout(() => console.log('left over from', event.id), 200)
  callback(null, 'fast ' + event.id)
}`),
    )
    const first = await call(lambda, fn, { id: 1 })
    expect(first.json).toBe('fast 1')
    expect(appLines(first.log).map((l) => warnLine(l) && l.split('\t')[1])).toEqual(['undefined'])
    expect(first.$metadata.durationMs).toBeLessThan(200)
    await lambda.clock.advance(1000)
    const second = await call(lambda, fn, { id: 2 })
    expect(second.json).toBe('fast 2')
    expect(appLines(second.log).map(messageOf)).toEqual(['left over from 1'])
  })

  it('context.succeed / fail / done, and the first of them wins', async () => {
    const s = await deploy(
      lambda,
      cjs('exports.handler = (e, ctx) => { ctx.succeed("yes"); ctx.fail(new Error("ignored")) }'),
    )
    const f = await deploy(
      lambda,
      cjs('exports.handler = (e, ctx, cb) => { ctx.fail(new Error("no")); cb(null, "ignored") }'),
    )
    const d = await deploy(lambda, cjs('exports.handler = (e, ctx) => { ctx.done(null, { d: 1 }) }'))
    const cbFirst = await deploy(
      lambda,
      cjs('exports.handler = (e, ctx, cb) => { cb(null, "cb"); ctx.succeed("late") }'),
    )
    expect((await call(lambda, s)).json).toBe('yes')
    const fo = await call(lambda, f)
    expect(fo.FunctionError).toBe('Unhandled')
    expect(fo.json).toMatchObject({ errorType: 'Error', errorMessage: 'no' })
    expect((await call(lambda, d)).json).toEqual({ d: 1 })
    expect((await call(lambda, cbFirst)).json).toBe('cb')
  })

  it('a sync handler without callback gives null once the loop drains; undefined gives null', async () => {
    const sync = await deploy(
      lambda,
      cjs('exports.handler = () => { setTimeout(() => console.log("drained"), 10); return "ignored" }'),
    )
    const out = await call(lambda, sync)
    expect(out.Payload).toBe('null')
    expect(appLines(out.log).map(messageOf)).toEqual(['drained'])
    const undef = await deploy(lambda, 'export const handler = async () => undefined')
    expect((await call(lambda, undef)).Payload).toBe('null')
  })

  it('a promise that never settles gives Runtime.NodeJsExit', async () => {
    const fn = await deploy(lambda, 'export const handler = async () => { await new Promise(() => {}) }')
    const out = await call(lambda, fn)
    expect(out.FunctionError).toBe('Unhandled')
    expect(out.json.errorType).toBe('Runtime.NodeJsExit')
    expect(out.json.errorMessage).toBe(
      'The Lambda runtime client detected an unexpected Node.js exit code. This is most commonly caused by a Promise that was never settled. For more information, see https://nodejs.org/docs/latest/api/process.html#exit-codes',
    )
    expect(appLines(out.log).map(messageOf)[0]).toMatch(/^Invoke Error \t\{"errorType":"Runtime\.NodeJsExit"/)
  })
})

describe('error shapes', () => {
  it('an Error gives errorType, errorMessage and trace (stack lines), and logs Invoke Error', async () => {
    const fn = await deploy(
      lambda,
      'export const handler = async () => {\n  const e = new TypeError("bad input"); e.code = "E_BAD"; throw e\n}',
    )
    const out = await call(lambda, fn)
    expect(out.FunctionError).toBe('Unhandled')
    expect(Object.keys(out.json)).toEqual(['errorType', 'errorMessage', 'trace'])
    expect(out.json.errorType).toBe('TypeError')
    expect(out.json.errorMessage).toBe('bad input')
    expect(out.json.trace[0]).toBe('TypeError: bad input')
    expect(out.json.trace[1]).toMatch(/^ {4}at .*\(file:\/\/\/var\/task\/index\.mjs:2:\d+\)$/)
    const lines = appLines(out.log)
    expect(lines).toHaveLength(1)
    const [ts, id, level, msg] = lines[0].split('\t')
    expect(ts).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
    expect(id).toBe(out.$metadata.requestId)
    expect(level).toBe('ERROR')
    expect(msg).toBe('Invoke Error ')
    const logged = JSON.parse(lines[0].split('\t').slice(4).join('\t'))
    expect(logged).toMatchObject({ errorType: 'TypeError', errorMessage: 'bad input', code: 'E_BAD' })
    expect(logged.stack[0]).toBe('TypeError: bad input')
  })

  it('a thrown non-Error gives typeof / String(x) / []', async () => {
    const str = await deploy(lambda, 'export const handler = async () => { throw "plain string" }')
    const num = await deploy(lambda, cjs('exports.handler = (e, c, cb) => cb(404)'))
    const obj = await deploy(lambda, 'export const handler = async () => { throw { code: 1 } }')
    expect((await call(lambda, str)).json).toEqual({ errorType: 'string', errorMessage: 'plain string', trace: [] })
    expect((await call(lambda, num)).json).toEqual({ errorType: 'number', errorMessage: '404', trace: [] })
    expect((await call(lambda, obj)).json).toEqual({ errorType: 'object', errorMessage: '[object Object]', trace: [] })
  })

  it('throw null: async rejection is reported as "handled", a sync throw as success (as the RIC does)', async () => {
    const asyncNull = await deploy(lambda, 'export const handler = async () => { throw null }')
    const out = await call(lambda, asyncNull)
    expect(out.FunctionError).toBe('Unhandled')
    expect(out.json).toEqual({ errorType: 'string', errorMessage: 'handled', trace: [] })
    const syncNull = await deploy(lambda, cjs('exports.handler = () => { throw null }'))
    const s = await call(lambda, syncNull)
    expect(s.FunctionError).toBeUndefined()
    expect(s.Payload).toBe('null')
    // and the environment is fine afterwards
    expect((await call(lambda, asyncNull)).$metadata.coldStart).toBe(false)
  })

  it('an unserialisable result gives "Unable to stringify response body"', async () => {
    const fn = await deploy(
      lambda,
      'export const handler = async () => { const a = { name: "loop" }; a.self = a; return a }',
    )
    const out = await call(lambda, fn)
    expect(out.FunctionError).toBe('Unhandled')
    expect(out.json).toMatchObject({ errorType: 'Error', errorMessage: 'Unable to stringify response body' })
    expect(appLines(out.log).map(messageOf)[0]).toMatch(
      /^Invoke Error \t\{"errorType":"Error","errorMessage":"Unable to stringify response body"/,
    )
    const big = await deploy(lambda, 'export const handler = async () => 10n')
    expect((await call(lambda, big)).json.errorMessage).toBe('Unable to stringify response body')
    // the environment stays usable
    expect((await call(lambda, fn)).$metadata.coldStart).toBe(false)
  })

  it('an uncaught exception in a timer crashes the runtime (Runtime.ExitError) and the next invoke is cold', async () => {
    const fn = await deploy(
      lambda,
      'export const handler = async () => { setTimeout(() => { throw new Error("in timer") }, 5); await new Promise((r) => setTimeout(r, 50)); return 1 }',
    )
    const out = await call(lambda, fn)
    expect(out.FunctionError).toBe('Unhandled')
    expect(out.json).toMatchObject({ errorType: 'Error', errorMessage: 'in timer' })
    expect(
      out.log.some((l) =>
        messageOf(l).startsWith('Uncaught Exception \t{"errorType":"Error","errorMessage":"in timer"'),
      ),
    ).toBe(true)
    const i = out.log.indexOf(`RequestId: ${out.$metadata.requestId} Error: Runtime exited with error: exit status 129`)
    expect(i).toBeGreaterThan(0)
    expect(out.log[i + 1]).toBe('Runtime.ExitError')
    expect(out.log.at(-1)).toMatch(/Status: error\tError Type: Runtime\.ExitError$/)
    expect((await call(lambda, fn)).$metadata.coldStart).toBe(true)
  })

  it('process.exit gives Runtime.ExitError', async () => {
    const fn = await deploy(lambda, 'export const handler = async () => { process.exit(3) }')
    const out = await call(lambda, fn)
    expect(out.json).toEqual({
      errorType: 'Runtime.ExitError',
      errorMessage: `RequestId: ${out.$metadata.requestId} Error: Runtime exited with error: exit status 3`,
    })
  })
})
