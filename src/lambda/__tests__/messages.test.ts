// QuickJS words some errors differently from V8; learners meet V8's words on AWS. The engine shows
// V8's wording in everything the runtime reports (errorMessage, trace, Invoke Error and console
// output of an error), checked here against the host Node's own messages for the same code.
import { runInNewContext } from 'node:vm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Lambda } from '../index.ts'
import { call, deploy, newLambda20 } from './helpers.ts'

let lambda: Lambda
beforeAll(async () => {
  lambda = await newLambda20()
})
afterAll(() => lambda.dispose())

/** What Node (V8) says when `code` runs with `event` in scope. */
function nodeSays(code: string, event: unknown): { name: string; message: string } {
  try {
    runInNewContext(`'use strict'; (function (event) { ${code} })(event)`, { event })
  } catch (e) {
    const err = e as Error
    return { name: err.name, message: err.message }
  }
  throw new Error(`Node ran without an error: ${code}`)
}

const CASES: [string, unknown][] = [
  ['return event.pathParameters.id', { pathParameters: null }],
  ['return event.body.length', {}],
  ['const o = event.a; return o.b.c', { a: {} }],
  ['event.user.name = "x"', { user: null }],
  ['event.items.x = 1', {}],
  ['return notDeclaredAnywhere + 1', {}],
  ['return `${Symbol("s")}`', {}],
  ['return new Array(-1)', {}],
]

describe("error messages in V8's words", () => {
  it.each(CASES)('%s', async (code, event) => {
    const expected = nodeSays(code, event)
    const fn = await deploy(lambda, `export const handler = async (event) => { ${code} }`)
    const out = await call(lambda, fn, event)
    expect(out.json.errorType).toBe(expected.name)
    expect(out.json.errorMessage).toBe(expected.message)
    expect(out.json.trace[0]).toBe(`${expected.name}: ${expected.message}`)
  })

  it('console.log of a caught error, e.message read in code and the Invoke Error line use them too', async () => {
    const fn = await deploy(
      lambda,
      `export const handler = async (event) => {
        try { event.a.b } catch (e) { console.log(e); console.log('raw:', e.message) }
        return event.a.b
      }`,
    )
    const out = await call(lambda, fn, {})
    const log = out.log.join('\n')
    expect(log).toMatch(
      /\tINFO\tTypeError: Cannot read properties of undefined \(reading 'b'\)\n {4}at Runtime\.handler \(file:\/\/\/var\/task\/index\.mjs:2:/,
    )
    expect(log).toMatch(/\tINFO\traw: Cannot read properties of undefined \(reading 'b'\)\n/)
    expect(log).toContain(
      `\tERROR\tInvoke Error \t{"errorType":"TypeError","errorMessage":"Cannot read properties of undefined (reading 'b')"`,
    )
  })

  it.each([
    ['not json'],
    [''],
    ['{"orderId": "KC-1", "items": [ {"sku": "MUG", "qty": 2}, ]}'],
    ['{orderId: 1}'],
    ['{"a":1}}'],
    ['{"a": "tab\there"}'],
    ['undefined'],
  ])("JSON.parse(%j) fails with V8's message, in the response and in e.message", async (body) => {
    const expected = nodeSays('return JSON.parse(event.body)', { body })
    const fn = await deploy(
      lambda,
      `export const handler = async (event) => {
        try { JSON.parse(event.body) } catch (e) { console.log('caught:', e.message) }
        return JSON.parse(event.body)
      }`,
    )
    const out = await call(lambda, fn, { body })
    expect(out.json).toMatchObject({ errorType: 'SyntaxError', errorMessage: expected.message })
    // As in Node: the message, then JSON.parse's frame, then the handler's.
    expect(out.json.trace.slice(0, 3)).toEqual([
      `SyntaxError: ${expected.message}`,
      '    at JSON.parse (<anonymous>)',
      expect.stringMatching(/^ {4}at Runtime\.handler \(file:\/\/\/var\/task\/index\.mjs:\d+:\d+\)$/),
    ])
    expect(out.log.join('\n')).toContain(`\tINFO\tcaught: ${expected.message}`)
  })

  it("keeps JSON.parse itself: results, revivers, a reviver's own SyntaxError, its name and length", async () => {
    const fn = await deploy(
      lambda,
      `export const handler = async () => {
        const revived = JSON.parse('{"a":1,"b":[2]}', (k, v) => (typeof v === 'number' ? v * 10 : v))
        let own
        try { JSON.parse('{"a":1}', () => { throw new SyntaxError('my reviver') }) } catch (e) { own = e.message }
        let sym
        try { JSON.parse(Symbol('s')) } catch (e) { sym = e.name }
        return { revived, own, sym, name: JSON.parse.name, length: JSON.parse.length, n: JSON.parse('12') }
      }`,
    )
    expect((await call(lambda, fn)).json).toEqual({
      revived: { a: 10, b: [20] },
      own: 'my reviver',
      sym: 'TypeError',
      name: 'parse',
      length: 2,
      n: 12,
    })
  })

  it('leaves messages it does not know, and errors the handler throws itself, as they are', async () => {
    const fn = await deploy(
      lambda,
      `export const handler = async () => { throw new TypeError('cannot read the order') }`,
    )
    expect((await call(lambda, fn)).json.errorMessage).toBe('cannot read the order')
  })
})
