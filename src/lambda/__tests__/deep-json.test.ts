// Deep JSON inside handler code (issue 10): JSON.parse of a text nested past 500 levels goes through
// the runtime's non-recursive parser and gives what Node's JSON.parse gives (value, reviver calls
// and their order, V8's error messages); JSON.stringify of a value nested past 2,000 levels throws
// Node's catchable RangeError instead of exhausting the native stack. Every expectation is computed
// by this (Node) process's own JSON.parse, except the stringify depth, where Node goes further.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Lambda } from '../index.ts'
import { call, deploy, newLambda20 } from './helpers.ts'

// An iterative serialisation (JSON.stringify would refuse these depths), the same in both places.
const FLAT = `function flat(root) {
  let out = ''
  const todo = [root]
  while (todo.length > 0) {
    const v = todo.pop()
    if (typeof v === 'string' && v.startsWith('\\u0000')) { out += v.slice(6); continue }
    if (v === null || typeof v !== 'object') { out += typeof v === 'string' ? JSON.stringify(v) : String(v) + ':' + typeof v; continue }
    const keys = Object.keys(v)
    out += Array.isArray(v) ? '[' : '{'
    todo.push('\\u0000' + (Array.isArray(v) ? ']' : '}'))
    for (let i = keys.length - 1; i >= 0; i--) {
      todo.push(v[keys[i]])
      if (!Array.isArray(v)) todo.push('\\u0000' + JSON.stringify(keys[i]) + '=')
    }
  }
  return out
}`
const flat = new Function(`${FLAT}; return flat`)() as (v: unknown) => string

let lambda: Lambda
let fn: string
beforeAll(async () => {
  lambda = await newLambda20()
  // Runs JSON.parse(text[, reviver]) and reports the value, the reviver's calls and any error.
  fn = await deploy(
    lambda,
    `${FLAT}
let n = 0
export const handler = async ({ text, revive, op }) => {
  n++
  if (op === 'count') return n
  const calls = []
  const reviver = revive
    ? function (k, v) { calls.push([k, typeof v === 'object' && v !== null ? 'object' : v, this === null ? 'null' : typeof this]); return k === 'drop' ? undefined : typeof v === 'number' ? v * 10 : v }
    : undefined
  try {
    const value = JSON.parse(text, reviver)
    return { value: flat(value), calls }
  } catch (e) {
    return { error: e.name + ': ' + e.message, top: e.stack.split('\\n')[1] }
  }
}`,
    { MemorySize: 1024 },
  )
})
afterAll(() => lambda.dispose())

/** What Node answers for the same call. */
function node(text: string, revive: boolean) {
  const calls: unknown[] = []
  const reviver = revive
    ? function (this: unknown, k: string, v: unknown) {
        calls.push([k, typeof v === 'object' && v !== null ? 'object' : v, this === null ? 'null' : typeof this])
        return k === 'drop' ? undefined : typeof v === 'number' ? v * 10 : v
      }
    : undefined
  try {
    return { value: flat(JSON.parse(text, reviver)), calls }
  } catch (e) {
    return { error: `${(e as Error).name}: ${(e as Error).message}` }
  }
}

const wrap = (inner: string, depth: number) => '['.repeat(depth) + inner + ']'.repeat(depth)

describe('JSON.parse of deep texts inside the handler', () => {
  const cases: [string, string][] = [
    ['10,000 nested arrays', wrap('', 10_000)],
    ['objects and arrays at 600 levels', wrap('{"a":[1,2,{"b":3,"drop":4}],"c":"x","d":null,"e":true}', 600)],
    ['a deep object chain', '{"a":'.repeat(3000) + '1' + '}'.repeat(3000)],
    ['duplicate keys and __proto__', wrap('{"k":1,"k":2,"__proto__":{"x":1}}', 700)],
    ['numbers, escapes and unicode', wrap('[-0.5e-3,1E+2,"\\u00e9\\n\\"",  "é", 12345678901234567890]', 800)],
  ]
  for (const [label, text] of cases) {
    for (const revive of [false, true]) {
      it(`${label}${revive ? ', with a reviver (calls and their order)' : ''}: as Node`, async () => {
        const out = await call(lambda, fn, { text, revive })
        expect(out.FunctionError).toBeUndefined()
        const expected = node(text, revive)
        // Node's reviver walk recurses: past about 2,700 levels it throws, and so does ours.
        if (expected.error !== undefined) expect(out.json.error).toBe(expected.error)
        else expect(out.json).toEqual({ ...expected, ...(revive ? {} : { calls: [] }) })
      })
    }
  }

  const bad: [string, string][] = [
    ['an unclosed array', wrap('', 10_000).slice(0, -1)],
    ['a trailing comma', wrap('[1,]', 900)],
    ['a bad token deep inside', wrap('{"a":tru}', 900)],
    ['text after the value', wrap('', 900) + 'x'],
  ]
  for (const [label, text] of bad) {
    it(`${label}: V8's SyntaxError, at JSON.parse`, async () => {
      const out = await call(lambda, fn, { text })
      expect(out.json.error).toBe(node(text, false).error)
      expect(out.json.top).toBe('    at JSON.parse (<anonymous>)')
    })
  }

  it('the environment stays warm through all of them', async () => {
    const out = await call(lambda, fn, { op: 'count' })
    expect(out.$metadata.coldStart).toBe(false)
    expect(out.json).toBeGreaterThan(10)
  })
})

describe('JSON.stringify of deep values inside the handler', () => {
  it("past 2,000 levels: Node's RangeError, catchable, and the environment stays warm", async () => {
    const f = await deploy(
      lambda,
      `let n = 0
export const handler = async ({ depth, replacer }) => {
  n++
  let a = []
  for (let i = 0; i < depth; i++) a = replacer ? { a } : [a]
  try {
    const s = replacer ? JSON.stringify(a, (k, v) => (k === 'a' ? v : v), 1) : JSON.stringify(a)
    return { n, length: s.length }
  } catch (e) {
    return { n, error: e.name + ': ' + e.message }
  }
}`,
    )
    for (const [depth, replacer] of [
      [10_000, false],
      [100_000, false],
      [10_000, true],
    ] as const) {
      const out = await call(lambda, f, { depth, replacer })
      expect(out.json.error).toBe('RangeError: Maximum call stack size exceeded')
    }
    // depth + 1 levels: the innermost [] is one.
    const ok = await call(lambda, f, { depth: 1999 })
    expect(ok.json).toEqual({ n: 4, length: 4000 })
    expect((await call(lambda, f, { depth: 2000 })).json.error).toBe('RangeError: Maximum call stack size exceeded')
    const okReplacer = await call(lambda, f, { depth: 1999, replacer: true })
    let o: unknown = []
    for (let i = 0; i < 1999; i++) o = { a: o }
    expect(okReplacer.json).toEqual({ n: 6, length: JSON.stringify(o, null, 1).length })
    expect(okReplacer.$metadata.coldStart).toBe(false)
  })

  it('toJSON, replacers, spaces and cycles behave as before', async () => {
    const f = await deploy(
      lambda,
      `export const handler = async () => {
  const out = []
  out.push(JSON.stringify({ d: { toJSON: () => ({ x: [1, { y: 2 }] }) }, u: undefined, f() {} }))
  out.push(JSON.stringify({ a: 1, b: [1, 2], c: { a: 3 } }, ['a', 'c'], '\\t'))
  out.push(JSON.stringify({ a: 1, b: { c: 2 } }, function (k, v) { return k === 'c' ? String(this.c + 1) : v }, 2))
  out.push(JSON.stringify(new Number(3)), JSON.stringify('s'), String(JSON.stringify(undefined)))
  const cyc = { a: {} }
  cyc.a.b = cyc
  try { JSON.stringify(cyc) } catch (e) { out.push(e.name) }
  return out
}`,
    )
    const cyc: Record<string, unknown> = { a: {} }
    ;(cyc.a as Record<string, unknown>).b = cyc
    let cycError = ''
    try {
      JSON.stringify(cyc)
    } catch (e) {
      cycError = (e as Error).name
    }
    expect((await call(lambda, f)).json).toEqual([
      JSON.stringify({ d: { toJSON: () => ({ x: [1, { y: 2 }] }) }, u: undefined, f() {} }),
      JSON.stringify({ a: 1, b: [1, 2], c: { a: 3 } }, ['a', 'c'], '\t'),
      JSON.stringify(
        { a: 1, b: { c: 2 } },
        function (this: { c: number }, k, v) {
          return k === 'c' ? String(this.c + 1) : v
        },
        2,
      ),
      JSON.stringify(new Number(3)),
      JSON.stringify('s'),
      'undefined',
      cycError,
    ])
  })
})
