// QuickJS words some errors differently from V8; learners meet V8's words on AWS. The engine shows
// V8's wording in everything the runtime reports (errorMessage, trace, Invoke Error and console
// output of an error), checked here against the host Node's own messages for the same code.
import { runInNewContext } from 'node:vm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createLambda, type Lambda } from '../index.ts'
import { call, deploy } from './helpers.ts'

let lambda: Lambda
beforeAll(async () => {
  lambda = await createLambda({ prewarm: 0 })
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

describe('error messages in V8\'s words', () => {
  it.each(CASES)('%s', async (code, event) => {
    const expected = nodeSays(code, event)
    const fn = await deploy(lambda, `export const handler = async (event) => { ${code} }`)
    const out = await call(lambda, fn, event)
    expect(out.json.errorType).toBe(expected.name)
    expect(out.json.errorMessage).toBe(expected.message)
    expect(out.json.trace[0]).toBe(`${expected.name}: ${expected.message}`)
  })

  it('console.log of a caught error and the Invoke Error line use them too; e.message read in code does not', async () => {
    const fn = await deploy(
      lambda,
      `export const handler = async (event) => {
        try { event.a.b } catch (e) { console.log(e); console.log('raw:', e.message) }
        return event.a.b
      }`,
    )
    const out = await call(lambda, fn, {})
    const log = out.log.join('\n')
    expect(log).toMatch(/\tINFO\tTypeError: Cannot read properties of undefined \(reading 'b'\)\n {4}at handler/)
    // Documented difference: the message itself is QuickJS's.
    expect(log).toMatch(/\tINFO\traw: cannot read property 'b' of undefined\n/)
    expect(log).toContain(`\tERROR\tInvoke Error \t{"errorType":"TypeError","errorMessage":"Cannot read properties of undefined (reading 'b')"`)
  })

  it('leaves messages it does not know, and errors the handler throws itself, as they are', async () => {
    const fn = await deploy(lambda, `export const handler = async () => { throw new TypeError('cannot read the order') }`)
    expect((await call(lambda, fn)).json.errorMessage).toBe('cannot read the order')
  })
})
