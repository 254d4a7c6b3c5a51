// Issue 3, §11: handler code reaches nothing of the host, and tampering inside the sandbox
// cannot break the runtime's own serialisation and logging.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Lambda } from '../index.ts'
import { appLines, call, deploy, messageOf, newLambda20 } from './helpers.ts'

let lambda: Lambda
beforeAll(async () => {
  lambda = await newLambda20()
})
afterAll(() => lambda.dispose())

describe('isolation', () => {
  it('no postMessage, importScripts, XMLHttpRequest or host objects, whatever the route', async () => {
    const fn = await deploy(
      lambda,
      `export const handler = async () => {
        const g1 = Function('return this')()
        const g2 = (0, eval)('this')
        const g3 = ({}).constructor.constructor('return globalThis')()
        const g4 = (async () => {}).constructor('return this')
        const names = ['postMessage', 'importScripts', 'XMLHttpRequest', 'WebSocket', 'Worker', 'self', 'window', 'document',
          'navigator', 'location', 'indexedDB', 'caches', 'close', 'onmessage', 'require', 'module', '__lf_host', 'WebAssembly']
        const seen = {}
        for (const g of [globalThis, g1, g2, g3]) for (const n of names) if (typeof g[n] !== 'undefined') seen[n] = typeof g[n]
        return { same: g1 === globalThis && g2 === globalThis && g3 === globalThis, seen, asyncCtor: typeof g4, own: Object.getOwnPropertyNames(globalThis).filter((n) => names.includes(n)) }
      }`,
    )
    const out = await call(lambda, fn)
    expect(out.FunctionError).toBeUndefined()
    expect(out.json).toEqual({ same: true, seen: {}, asyncCtor: 'function', own: [] })
  })

  it('the module system only reaches the function files and the simulated built-ins', async () => {
    const fn = await deploy(lambda, {
      'index.js': `exports.handler = async () => {
        const results = []
        for (const m of ['child_process', 'worker_threads', 'vm', 'http2', 'net', '/etc/passwd', '../../../etc/passwd', 'node:inspector']) {
          try { require(m); results.push(m + ': loaded') } catch (e) { results.push(m + ': ' + e.code) }
        }
        try { await import('https://example.com/x.mjs'); results.push('url import loaded') } catch (e) { results.push('url import: ' + e.code) }
        const fs = require('fs')
        try { fs.readFileSync('/etc/passwd') } catch (e) { results.push('fs: ' + e.code) }
        return results
      }`,
    })
    const out = await call(lambda, fn)
    expect(out.json).toEqual([
      'child_process: MODULE_NOT_FOUND',
      'worker_threads: MODULE_NOT_FOUND',
      'vm: MODULE_NOT_FOUND',
      'http2: MODULE_NOT_FOUND',
      'net: MODULE_NOT_FOUND',
      '/etc/passwd: MODULE_NOT_FOUND',
      '../../../etc/passwd: MODULE_NOT_FOUND',
      'node:inspector: MODULE_NOT_FOUND',
      'url import: ERR_MODULE_NOT_FOUND',
      'fs: ENOENT',
    ])
  })

  it('environments are isolated from each other', async () => {
    const fn = await deploy(
      lambda,
      'export const handler = async (e) => { if (e.set) globalThis.secret = e.set; return globalThis.secret ?? null }',
    )
    const other = await deploy(lambda, 'export const handler = async () => globalThis.secret ?? null')
    expect((await call(lambda, fn, { set: 's3cr3t' })).json).toBe('s3cr3t')
    expect((await call(lambda, other)).json).toBeNull()
    const [a, b] = await Promise.all([
      lambda.invoke({ FunctionName: fn, Payload: '{}' }),
      (async () => {
        await Promise.resolve()
        return lambda.invoke({ FunctionName: fn, Payload: '{}' })
      })(),
    ])
    expect([JSON.parse(a.Payload), JSON.parse(b.Payload)].sort()).toEqual(['s3cr3t', 's3cr3t'])
  })

  it('prototype tampering does not break the runtime’s serialisation, errors or logging', async () => {
    const fn = await deploy(
      lambda,
      `export const handler = async (e) => {
        JSON.stringify = () => '"hacked"'
        JSON.parse = () => ({ hacked: true })
        Array.prototype.join = function () { return 'hacked' }
        Array.prototype.push = function () { throw new Error('push hacked') }
        String.prototype.split = function () { return ['hacked'] }
        String.prototype.replace = function () { return 'hacked' }
        Object.keys = () => ['hacked']
        Object.assign = () => ({ hacked: true })
        Function.prototype.call = function () { return 'hacked' }
        Function.prototype.apply = function () { return 'hacked' }
        Promise.prototype.then = function () { return 'hacked' }
        Date.prototype.toISOString = () => 'hacked'
        Error.prototype.toString = () => 'hacked'
        console.log('still %s', 'logging', { a: 1 })
        if (e.fail) throw new TypeError('real error')
        return { value: [1, 2, 3], text: 'a,b' }
      }`,
    )
    const ok = await call(lambda, fn)
    expect(ok.FunctionError).toBeUndefined()
    expect(ok.json).toEqual({ value: [1, 2, 3], text: 'a,b' })
    expect(appLines(ok.log).map(messageOf)).toEqual(['still logging { a: 1 }'])
    expect(appLines(ok.log)[0]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z\t/)
    const bad = await call(lambda, fn, { fail: true })
    expect(bad.json).toMatchObject({ errorType: 'TypeError', errorMessage: 'real error' })
    expect(bad.json.trace[0]).toBe('TypeError: real error')
    expect(messageOf(appLines(bad.log)[1])).toMatch(
      /^Invoke Error \t\{"errorType":"TypeError","errorMessage":"real error"/,
    )
  })

  it('replacing globals (console, setTimeout, Date) affects only the sandbox', async () => {
    const fn = await deploy(
      lambda,
      'export const handler = async () => { globalThis.console = { log() {} }; globalThis.setTimeout = null; globalThis.Date = null; return "fine" }',
    )
    const out = await call(lambda, fn)
    expect(out.json).toBe('fine')
    expect(out.log.at(-1)).toMatch(/^REPORT RequestId: /)
    const again = await call(lambda, fn)
    expect(again.json).toBe('fine')
  })
})
