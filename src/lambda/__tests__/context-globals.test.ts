// Issue 3, §4 (context object) and §5 (globals handlers rely on).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Lambda } from '../index.ts'
import { appLines, call, deploy, messageOf, newLambda20 } from './helpers.ts'

let lambda: Lambda
beforeAll(async () => {
  lambda = await newLambda20({ region: 'eu-west-1', accountId: '111122223333' })
})
afterAll(() => lambda.dispose())

describe('context', () => {
  it('has the fields of the Node.js runtime context', async () => {
    const fn = await deploy(
      lambda,
      `export const handler = async (event, context) => ({
        keys: Object.keys(context),
        awsRequestId: context.awsRequestId,
        functionName: context.functionName,
        functionVersion: context.functionVersion,
        invokedFunctionArn: context.invokedFunctionArn,
        memoryLimitInMB: context.memoryLimitInMB,
        logGroupName: context.logGroupName,
        logStreamName: context.logStreamName,
        identity: context.identity ?? null,
        clientContext: context.clientContext ?? null,
        waits: context.callbackWaitsForEmptyEventLoop,
      })`,
      { FunctionName: 'ctx-fields', MemorySize: 256 },
    )
    const out = await call(lambda, fn)
    const c = out.json
    expect(c.keys).toEqual([
      'callbackWaitsForEmptyEventLoop',
      'succeed',
      'fail',
      'done',
      'functionVersion',
      'functionName',
      'memoryLimitInMB',
      'logGroupName',
      'logStreamName',
      'clientContext',
      'identity',
      'invokedFunctionArn',
      'awsRequestId',
      'getRemainingTimeInMillis',
    ])
    expect(c.awsRequestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(c.awsRequestId).toBe(out.$metadata.requestId)
    expect(c.functionName).toBe('ctx-fields')
    expect(c.functionVersion).toBe('$LATEST')
    expect(c.invokedFunctionArn).toBe('arn:aws:lambda:eu-west-1:111122223333:function:ctx-fields')
    expect(c.memoryLimitInMB).toBe('256')
    expect(c.logGroupName).toBe('/aws/lambda/ctx-fields')
    expect(c.logStreamName).toMatch(/^\d{4}\/\d\d\/\d\d\/\[\$LATEST\][0-9a-f]{32}$/)
    expect(c.logStreamName).toBe(lambda.describeEnvironments('ctx-fields')[0].logStreamName)
    expect(c.identity).toBeNull()
    expect(c.waits).toBe(true)
  })

  it('passes ClientContext through as context.clientContext', async () => {
    const fn = await deploy(lambda, 'export const handler = async (e, context) => context.clientContext')
    const cc = { client: { app_title: 'demo' }, custom: { k: 'v' }, env: { locale: 'en' } }
    const out = await lambda.invoke({ FunctionName: fn, ClientContext: btoa(JSON.stringify(cc)) })
    expect(JSON.parse(out.Payload)).toEqual(cc)
  })

  it('getRemainingTimeInMillis() counts down on the virtual clock', async () => {
    const fn = await deploy(
      lambda,
      `export const handler = async (e, context) => {
        const a = context.getRemainingTimeInMillis()
        await new Promise((r) => setTimeout(r, 1500))
        const b = context.getRemainingTimeInMillis()
        return { a, b }
      }`,
      { Timeout: 10 },
    )
    const { a, b } = (await call(lambda, fn)).json
    expect(a).toBeLessThanOrEqual(10_000)
    expect(a).toBeGreaterThan(9_900)
    expect(a - b).toBeGreaterThanOrEqual(1500)
    expect(a - b).toBeLessThan(1750) // CPU time in QuickJS also moves the clock: slack for a slow machine
  })
})

describe('globals', () => {
  it('process.env has the configured variables and Lambda reserved ones', async () => {
    const fn = await deploy(lambda, 'export const handler = async () => process.env', {
      FunctionName: 'env-fn',
      MemorySize: 512,
      Environment: { Variables: { TABLE: 'orders', STAGE: 'dev' } },
    })
    const env = (await call(lambda, fn)).json
    expect(env).toMatchObject({
      TABLE: 'orders',
      STAGE: 'dev',
      AWS_REGION: 'eu-west-1',
      AWS_DEFAULT_REGION: 'eu-west-1',
      AWS_LAMBDA_FUNCTION_NAME: 'env-fn',
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '512',
      AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
      AWS_LAMBDA_LOG_GROUP_NAME: '/aws/lambda/env-fn',
      AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs20.x',
      LAMBDA_TASK_ROOT: '/var/task',
      LAMBDA_RUNTIME_DIR: '/var/runtime',
      _HANDLER: 'index.handler',
      TZ: ':UTC',
      AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
    })
    expect(env.AWS_LAMBDA_LOG_STREAM_NAME).toBe(lambda.describeEnvironments('env-fn')[0].logStreamName)
  })

  it('console methods write Node util.format output with their levels', async () => {
    const fn = await deploy(
      lambda,
      `export const handler = async () => {
        console.log('%s is %d years and %i days, %f%%', 'Ada', 36.5, 12.9, 1.5)
        console.info('json %j', { a: [1, 2] })
        console.warn({ nested: { deep: { deeper: { deepest: 1 } } }, list: [1, 'two'] })
        console.error(new Map([['k', 1]]))
        console.debug('%o', [1])
        console.trace('t')
        return 1
      }`,
    )
    const lines = appLines((await call(lambda, fn)).log)
    expect(lines.map((l) => l.split('\t')[2])).toEqual(['INFO', 'INFO', 'WARN', 'ERROR', 'DEBUG', 'TRACE'])
    expect(lines.map(messageOf)).toEqual([
      'Ada is 36.5 years and 12 days, 1.5%',
      'json {"a":[1,2]}',
      "{ nested: { deep: { deeper: [Object] } }, list: [ 1, 'two' ] }",
      "Map(1) { 'k' => 1 }",
      '[ 1, [length]: 1 ]',
      't',
    ])
  })

  it('timers run on the virtual clock: setTimeout, setInterval, setImmediate, clears, queueMicrotask', async () => {
    const fn = await deploy(
      lambda,
      `export const handler = async () => {
        const order = []
        const t0 = Date.now()
        await new Promise((resolve) => {
          let n = 0
          const iv = setInterval(() => { order.push('interval ' + (Date.now() - t0)); if (++n === 3) { clearInterval(iv); resolve() } }, 100)
          const never = setTimeout(() => order.push('cleared'), 50)
          clearTimeout(never)
          setTimeout(() => order.push('timeout ' + (Date.now() - t0)), 150)
          setImmediate(() => order.push('immediate'))
          const im = setImmediate(() => order.push('cleared immediate'))
          clearImmediate(im)
          queueMicrotask(() => order.push('microtask'))
          Promise.resolve().then(() => order.push('promise'))
        })
        return order
      }`,
    )
    const order = (await call(lambda, fn)).json as string[]
    expect(order.slice(0, 3)).toEqual(['microtask', 'promise', 'immediate'])
    // CPU time spent in QuickJS advances the virtual clock too, and (as in Node, where timers
    // are scheduled against libuv's cached loop time) a timer is due relative to the start of
    // the current run, not the precise Date.now(). So on a busy machine the observed times
    // drift by a few ms either way; the order never changes.
    const timed = order.slice(3).map((s) => /^(\w+) (\d+)$/.exec(s)!.slice(1))
    expect(timed.map(([kind]) => kind)).toEqual(['interval', 'timeout', 'interval', 'interval'])
    const due = [100, 150, 200, 300]
    timed.forEach(([, n], i) => expect(Math.abs(Number(n) - due[i])).toBeLessThan(75))
  })

  it('Date.now() and new Date() read the virtual clock (UTC)', async () => {
    const fn = await deploy(
      lambda,
      'export const handler = async () => ({ now: Date.now(), iso: new Date().toISOString(), off: new Date().getTimezoneOffset(), s: new Date(0).toString() })',
    )
    await lambda.clock.advance(86_400_000)
    const before = lambda.clock.now()
    const r = (await call(lambda, fn)).json
    expect(r.now).toBeGreaterThanOrEqual(Math.floor(before))
    expect(r.now).toBeLessThan(before + 5_000)
    expect(new Date(r.iso).getTime()).toBeGreaterThanOrEqual(Math.floor(before))
    expect(r.off).toBe(0)
    expect(r.s).toBe('Thu Jan 01 1970 00:00:00 GMT+0000 (Coordinated Universal Time)')
  })

  it('Buffer, TextEncoder/Decoder, URL, structuredClone, crypto are there', async () => {
    const fn = await deploy(
      lambda,
      `export const handler = async () => ({
        b64: Buffer.from('héllo').toString('base64'),
        b64url: Buffer.from([251, 255]).toString('base64url'),
        hex: Buffer.from('hi').toString('hex'),
        utf8: new TextDecoder().decode(new TextEncoder().encode('✓')),
        url: new URL('https://example.com/a?b=1').searchParams.get('b'),
        qs: new URLSearchParams({ x: '1 2' }).toString(),
        clone: structuredClone({ d: new Date(0), m: new Map([[1, 2]]) }).m.get(1),
        uuid: crypto.randomUUID(),
        rnd: crypto.getRandomValues(new Uint8Array(4)).length,
      })`,
    )
    const r = (await call(lambda, fn)).json
    expect(r).toMatchObject({
      b64: 'aMOpbGxv',
      b64url: '-_8',
      hex: '6869',
      utf8: '✓',
      url: '1',
      qs: 'x=1+2',
      clone: 2,
      rnd: 4,
    })
    expect(r.uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  })

  it('/tmp persists across warm invokes and vanishes with the environment; /var/task is read-only', async () => {
    const fn = await deploy(lambda, {
      'index.mjs': `import fs from 'node:fs'
import { readFile, writeFile, mkdir, readdir, rm } from 'fs/promises'
export const handler = async (event) => {
  if (event.op === 'write') { await mkdir('/tmp/cache', { recursive: true }); await writeFile('/tmp/cache/v.txt', event.v); return readdir('/tmp/cache') }
  if (event.op === 'read') return fs.existsSync('/tmp/cache/v.txt') ? await readFile('/tmp/cache/v.txt', 'utf8') : null
  if (event.op === 'rm') { await rm('/tmp/cache', { recursive: true, force: true }); return fs.existsSync('/tmp/cache') }
  if (event.op === 'task') return fs.readFileSync('/var/task/data.json', 'utf8')
  try { fs.writeFileSync('/var/task/x', '1') } catch (e) { return e.code + ' ' + e.message }
}`,
      'data.json': '{"ok":true}',
    })
    expect((await call(lambda, fn, { op: 'write', v: 'cached' })).json).toEqual(['v.txt'])
    expect((await call(lambda, fn, { op: 'read' })).json).toBe('cached')
    expect((await call(lambda, fn, { op: 'task' })).json).toBe('{"ok":true}')
    expect((await call(lambda, fn, { op: 'ro' })).json).toBe("EROFS EROFS: read-only file system, open '/var/task/x'")
    await lambda.updateFunctionConfiguration({ FunctionName: fn, MemorySize: 256 }) // new environments
    const cold = await call(lambda, fn, { op: 'read' })
    expect(cold.$metadata.coldStart).toBe(true)
    expect(cold.json).toBeNull()
    await call(lambda, fn, { op: 'write', v: 'x' })
    expect((await call(lambda, fn, { op: 'rm' })).json).toBe(false)
  })

  it('require/import of a module that does not exist gives Runtime.ImportModuleError; built-ins work with node: too', async () => {
    const ok = await deploy(lambda, {
      'index.js':
        'const path = require("node:path"); const { EventEmitter } = require("events"); exports.handler = async () => [path.join("/a", "b"), typeof EventEmitter]',
    })
    expect((await call(lambda, ok)).json).toEqual(['/a/b', 'function'])
    const bad = await deploy(lambda, 'import net from "net"; export const handler = async () => 1')
    expect((await call(lambda, bad)).json.errorType).toBe('Runtime.ImportModuleError')
  })
})
