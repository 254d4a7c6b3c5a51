// V8's words for the errors learners meet, with the expression text from the source
// (`client.sendd is not a function`): each snippet of v8-messages.cases.ts runs in the host's Node
// (node:vm) and as a handler here; errorType, errorMessage, trace[0] and the Invoke Error line must
// agree. The few that cannot (KNOWN below, with the reason) must still differ, so that a fix shows.
import { runInNewContext } from 'node:vm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Lambda } from '../index.ts'
import { call, deploy, newLambda20 } from './helpers.ts'
import { V8_MESSAGE_CASES, V8_MESSAGE_KNOWN as KNOWN } from './v8-messages.cases.ts'

/** What the host's Node (V8) says when `code` runs as the handler's body with `event`. */
async function nodeSays(code: string, event: unknown): Promise<{ name: string; message: string }> {
  try {
    await runInNewContext(`'use strict'; (async (event) => { ${code}\n})(event)`, { event, structuredClone })
  } catch (e) {
    const err = e as Error
    return { name: err.name, message: err.message }
  }
  throw new Error(`Node ran without an error: ${code}`)
}

let lambda: Lambda
beforeAll(async () => {
  lambda = await newLambda20()
})
afterAll(() => lambda.dispose())

describe("V8's messages, compared with the host's Node", () => {
  it('has at least 100 snippets, and every known difference names one of them', () => {
    expect(V8_MESSAGE_CASES.length).toBeGreaterThanOrEqual(100)
    const codes = new Set(V8_MESSAGE_CASES.map(([code]) => code))
    for (const code of Object.keys(KNOWN)) expect(codes.has(code), code).toBe(true)
    expect(V8_MESSAGE_CASES.length - Object.keys(KNOWN).length).toBeGreaterThanOrEqual(100)
  })

  it.each(V8_MESSAGE_CASES)('%s', async (code, event = {}) => {
    const expected = await nodeSays(code, event)
    const fn = await deploy(lambda, `export const handler = async (event) => { ${code}\n}`)
    const out = await call(lambda, fn, event)
    await lambda.deleteFunction({ FunctionName: fn })
    const got = { name: out.json.errorType, message: out.json.errorMessage }
    if (KNOWN[code] !== undefined) {
      expect(got, `known difference still holds (${KNOWN[code]})`).not.toEqual(expected)
      return
    }
    expect(got).toEqual(expected)
    const head = `${expected.name}: ${expected.message}`
    expect(out.json.trace.slice(0, head.split('\n').length).join('\n')).toBe(head)
    expect(out.log.join('\n')).toContain(
      `\tERROR\tInvoke Error \t${JSON.stringify({ errorType: expected.name, errorMessage: expected.message }).slice(0, -1)}`,
    )
  })
})

describe('the expression comes from the file and line where the error was thrown', () => {
  it('in a CommonJS handler (inside Node’s wrapper on line 1) and a module it requires', async () => {
    const fn = await deploy(
      lambda,
      {
        'index.js': `const lib = require('./lib/db.js')\nexports.handler = async (event) => { if (event.lib) return lib.get(); const c = {}; c.sendd() }`,
        'lib/db.js': `// the table\nexports.get = () => {\n  const table = { client: {} }\n  return table.client.query({ id: 1 })\n}`,
      },
      { Handler: 'index.handler' },
    )
    expect((await call(lambda, fn)).json.errorMessage).toBe('c.sendd is not a function')
    const out = await call(lambda, fn, { lib: true })
    expect(out.json.errorMessage).toBe('table.client.query is not a function')
    // `return f()` in a sync function is a tail call: QuickJS points at `return`.
    expect(out.json.trace[1]).toMatch(/ \(?\/var\/task\/lib\/db\.js:4:\d+\)?$/)
  })

  it('in a caught error printed with console.log and in e.message read in code', async () => {
    const fn = await deploy(
      lambda,
      `export const handler = async (event) => {
        try { event.client.sendd() } catch (e) { console.log(e); console.log('raw:', e.message) }
        return 'ok'
      }`,
    )
    const log = (await call(lambda, fn, { client: {} })).log.join('\n')
    expect(log).toMatch(/\tINFO\tTypeError: event\.client\.sendd is not a function\n {4}at /)
    expect(log).toMatch(/\tINFO\traw: event\.client\.sendd is not a function\n/)
  })

  it('keeps the engine’s words when the source is not the function’s (code built with new Function)', async () => {
    const fn = await deploy(lambda, `export const handler = async () => { new Function('const o = {}; o.f()')() }`)
    const out = await call(lambda, fn)
    expect(out.json).toMatchObject({ errorType: 'TypeError', errorMessage: 'not a function' })
  })

  it('JSON.stringify keeps its name, length and results, and a circle deeper than three objects is elided like V8', async () => {
    const code = `const o = { a: { b: { c: { d: { e: { f: [{}] } } } } } }; o.a.b.c.d.e.f[0].g = o.a; return JSON.stringify(o)`
    const expected = await nodeSays(code, {})
    const fn = await deploy(
      lambda,
      `export const handler = async () => {
        const same = [JSON.stringify.name, JSON.stringify.length, JSON.stringify({ a: [1, 'x'] }, null, 1), JSON.stringify(undefined)]
        console.log(JSON.stringify(same))
        ${code}
      }`,
    )
    const out = await call(lambda, fn)
    expect(out.json.errorMessage).toBe(expected.message)
    expect(expected.message).toContain('|     ...')
    expect(out.json.trace[expected.message.split('\n').length]).toBe('    at JSON.stringify (<anonymous>)')
    expect(out.log.join('\n')).toContain(JSON.stringify(['stringify', 3, '{\n "a": [\n  1,\n  "x"\n ]\n}', null]))
  })
})

describe('the JSON wrappers stay out of the trace', () => {
  it('an error thrown inside JSON.stringify shows V8’s one built-in frame', async () => {
    const fn = await deploy(
      lambda,
      `export const handler = async (event) => {\n  return JSON.stringify(event.big ? { n: 1n } : { toJSON() { throw new Error('tj') } })\n}`,
    )
    const big = (await call(lambda, fn, { big: true })).json.trace as string[]
    expect(big.slice(0, 3)).toEqual([
      'TypeError: Do not know how to serialize a BigInt',
      '    at JSON.stringify (<anonymous>)',
      expect.stringMatching(/^ {4}at Runtime\.handler \(file:\/\/\/var\/task\/index\.mjs:2:\d+\)$/),
    ])
    const own = (await call(lambda, fn)).json.trace as string[]
    expect(own.slice(0, 3)).toEqual([
      'Error: tj',
      expect.stringMatching(/^ {4}at toJSON \(file:\/\/\/var\/task\/index\.mjs:2:\d+\)$/),
      '    at JSON.stringify (<anonymous>)',
    ])
    expect(own.join('\n')).not.toContain('node:internal/prelude')
  })
})
