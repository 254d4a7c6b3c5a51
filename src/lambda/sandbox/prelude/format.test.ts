// util.format / util.inspect fidelity: the same source is evaluated on the host (Node 20's own
// util) and inside QuickJS (__lf.format / __lf.inspect); the strings must match.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import util from 'node:util'
import { PreludeSandbox } from './testing.ts'

let sb: PreludeSandbox
beforeAll(async () => {
  sb = await PreludeSandbox.create()
})
afterAll(() => sb.dispose())

// Shared definitions available to every case (host and sandbox).
const PRELUDE = `
class Foo { constructor() { this.a = 1 } }
class Bar extends Foo { constructor() { super(); this.b = 'two' } }
class A {}
function f() {}
const nullProto = Object.create(null); nullProto.x = 1
const circular = { name: 'c' }; circular.self = circular
const deep = { a: { b: { c: { d: { e: 1 } } } } }
const long = { alpha: 'aaaaaaaaaaaaaaaaaaaa', beta: 'bbbbbbbbbbbbbbbbbbbb', gamma: 'cccccccccccccccccccc', delta: [1, 2, 3] }
const withSymbol = { [Symbol('s')]: 1, plain: 2 }
const withGetter = { get g() { return 1 }, set s(v) {}, get gs() { return 2 }, set gs(v) {} }
const bigArray = Array.from({ length: 120 }, (_, i) => i)
const mixedArray = [1, 'two', { three: 3 }, [4], null, undefined, true]
const sparse = [1, , 3]; sparse[10] = 4
const customToString = { toString() { return 'custom!' } }
class WithToString { toString() { return 'WTS' } }
const map = new Map([['k', { v: 1 }], [2, [3]]])
const set = new Set([1, 'two', { three: 3 }])
const date = new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 6))
const nested = { arr: [[1, [2, [3, [4]]]]], obj: { m: new Map([[1, { deep: { deeper: true } }]]) } }
const strs = { single: "it's", double: 'say "hi"', both: 'it\\'s "x"', nl: 'a\\nb', tab: 'a\\tb', uni: 'héllo €', ctrl: '\\u0001' }
const manyKeys = Object.fromEntries(Array.from({ length: 30 }, (_, i) => ['key' + i, i]))
const longString = 'x'.repeat(200)
`

function host(expr: string): unknown[] {
  return new Function(
    'Buffer',
    'URL',
    'URLSearchParams',
    'TextEncoder',
    'TextDecoder',
    'AbortController',
    `${PRELUDE}; return ${expr}`,
  )(Buffer, URL, URLSearchParams, TextEncoder, TextDecoder, AbortController) as unknown[]
}

const FORMAT_CASES: string[] = [
  `['hello']`,
  `['hello', 'world', '!']`,
  `['%s', 'a']`,
  `['%s %s', 'a']`,
  `['%s', 42]`,
  `['%s', -0]`,
  `['%s', 10n]`,
  `['%s', Symbol('sym')]`,
  `['%s', null]`,
  `['%s', undefined]`,
  `['%s', { a: 1 }]`,
  `['%s', [1, [2, [3]]]]`,
  `['%s', customToString]`,
  `['%s', new WithToString()]`,
  `['%s', date]`,
  `['%s', new Foo()]`,
  `['%s', f]`,
  `['%s', nullProto]`,
  `['%d', 42.5]`,
  `['%d', '42']`,
  `['%d', '0x10']`,
  `['%d', {}]`,
  `['%d', 10n]`,
  `['%d', Symbol('x')]`,
  `['%d', -0]`,
  `['%i', 42.9]`,
  `['%i', '-7.5px']`,
  `['%i', 10n]`,
  `['%f', '1.5e3x']`,
  `['%f', Symbol('x')]`,
  `['%j', { a: [1, 'b'] }]`,
  `['%j', circular]`,
  `['%j', undefined]`,
  `['%o', { a: [1, 2] }]`,
  `['%o', [1, 2, 3]]`,
  `['%o', () => {}]`, // (a sloppy-mode function differs: V8 lists own arguments/caller, QuickJS has none)
  `['%O', { a: { b: { c: { d: 1 } } } }]`,
  `['%O', 'str']`,
  `['%c styled', 'color: red']`,
  `['100%']`,
  `['100%', 1]`,
  `['%% %s', 'x']`,
  `['%%', 'extra']`,
  `['%x %s', 'a', 'b']`,
  `['%s:%s', 'a', 'b', 'c', { d: 1 }]`,
  `['%s', 'a', 1, true, null, undefined, 2n, Symbol('q')]`,
  `[1, 2, 3]`,
  `[{ a: 1 }, 'text', [1]]`,
  `[-0, 0, NaN, Infinity, -Infinity]`,
  `[null, undefined]`,
  `[true, false]`,
  `[Symbol('s'), Symbol(), Symbol.iterator]`,
  `[123n, -5n]`,
  `['a', 'b\\nc']`,
  `['%s%s', 'a', 'b']`,
  `['%s', 'a%sb', 'c']`,
  `['', 'x']`,
  `[]`,
]

const INSPECT_CASES: string[] = [
  `{ a: 1, b: 'x', c: [1, 2, { d: { e: { f: 1 } } }] }`,
  `deep`,
  `new Foo()`,
  `new Bar()`,
  `nullProto`,
  `Object.create(null)`,
  `f`,
  `() => {}`,
  `async function af() {}`,
  `function* gen() {}`,
  `A`,
  `class extends A {}`,
  `circular`,
  `long`,
  `withSymbol`,
  `withGetter`,
  `bigArray`,
  `mixedArray`,
  `sparse`,
  `map`,
  `set`,
  `new Map()`,
  `new WeakMap()`,
  `new WeakSet()`,
  `date`,
  `new Date(NaN)`,
  `/ab+c/gi`,
  `new Uint8Array([1, 2, 3])`,
  `new Float64Array(3)`,
  `new ArrayBuffer(4)`,
  `new DataView(new ArrayBuffer(2))`,
  `[new Uint16Array(2), new Int32Array(1)]`,
  `Buffer.from('hi')`,
  `Buffer.alloc(60)`,
  `{ buf: Buffer.from([1, 2, 3]) }`,
  `nested`,
  `strs`,
  `manyKeys`,
  `longString`,
  `'it\\'s'`,
  `"plain"`,
  `-0`,
  `[0, -0, 1e21, 1.5]`,
  `123n`,
  `Symbol('x')`,
  `[undefined, null]`,
  `{ 'key with space': 1, valid_id: 2, 3: 'num', 'a-b': 4 }`,
  `Object.assign(() => {}, { extra: 1 })`,
  `Object.assign(function named() {}, { extra: 1 })`,
  `[[[[[1]]]]]`,
  `{ a: [{ b: [{ c: [{}] }] }] }`,
  `new Error('boom').message`,
  `Object.assign(new Error('with props'), { code: 'E_X' }).code`,
  `[new Boolean(true), new Number(3), new String('s')]`,
  `{ undef: undefined, nul: null, fn() {}, arrow: () => 1 }`,
  `Array(5)`,
  `Object.freeze({ frozen: true })`,
  `{ __proto__: { inherited: 1 }, own: 2 }`,
  `(() => { const o = {}; o.a = { b: o }; return o })()`,
  `Array.from({ length: 27 }, (_, i) => 'item' + i)`,
  `Array.from({ length: 7 }, (_, i) => ({ id: i, name: 'n' + i }))`,
  `new URL('https://user:pw@example.com:8080/p?q=1#h')`,
  `[new URL('https://a.b/')]`,
  `{ u: { v: new URL('https://a.b/') } }`,
  `new URLSearchParams('a=1&b=two&a=3')`,
  `new URLSearchParams()`,
  `new URLSearchParams('aaaaaaaaaaaaaaaa=bbbbbbbbbbbbbbbbbbbbb&ccccccccccccccccccccc=dddddddddddddddddddd&e=f')`,
  `new TextEncoder()`,
  `new TextDecoder()`,
  `new AbortController()`,
]

describe('__lf.format matches Node 20 util.format', () => {
  for (const expr of FORMAT_CASES) {
    it(`format(...${expr})`, () => {
      const expected = util.format(...host(expr))
      const actual = sb.eval<string>(`(() => { ${PRELUDE}; return __lf.format(...${expr}) })()`)
      expect(actual).toBe(expected)
    })
  }
})

describe('__lf.inspect matches Node 20 util.inspect', () => {
  for (const expr of INSPECT_CASES) {
    it(`inspect(${expr})`, () => {
      const expected = util.inspect(host(`(${expr})`))
      const actual = sb.eval<string>(`(() => { ${PRELUDE}; return __lf.inspect((${expr})) })()`)
      expect(actual).toBe(expected)
    })
  }

  const OPTION_CASES: [string, string][] = [
    ['deep', '{ depth: 0 }'],
    ['deep', '{ depth: null }'],
    ['long', '{ compact: false }'],
    ['long', '{ breakLength: Infinity }'],
    ['bigArray', '{ maxArrayLength: 3 }'],
    ['longString', '{ maxStringLength: 10 }'],
    ['manyKeys', '{ sorted: true }'],
    ['withGetter', '{ getters: true }'],
    ['[1, 2, 3]', '{ showHidden: true }'],
    ['1234567.891', '{ numericSeparator: true }'],
  ]
  for (const [expr, opts] of OPTION_CASES) {
    it(`inspect(${expr}, ${opts})`, () => {
      const [value, options] = host(`[(${expr}), ${opts}]`) as [unknown, util.InspectOptions]
      const expected = util.inspect(value, options)
      const actual = sb.eval<string>(`(() => { ${PRELUDE}; return __lf.inspect((${expr}), ${opts}) })()`)
      expect(actual).toBe(expected)
    })
  }
})

describe('errors and promises', () => {
  const withoutFrames = (s: string): string =>
    s
      .split('\n')
      .filter((l) => !/^\s+at /.test(l) && !/^\s+\.\.\. \d+ lines? matching cause stack trace \.\.\.$/.test(l))
      .join('\n')

  it('prints an Error like Node: "Name: message" then frames', () => {
    const out = sb.eval<string>(`function thrower() { return new TypeError('bad thing') } __lf.inspect(thrower())`)
    const lines = out.split('\n')
    expect(lines[0]).toBe('TypeError: bad thing')
    expect(lines[1]).toMatch(/^ {4}at thrower \(/)
  })

  it('prints extra own properties of errors after the stack, like Node', () => {
    const expr = `Object.assign(new Error('boom'), { code: 'E_BOOM', detail: { n: 1 } })`
    const expected = withoutFrames(util.inspect(host(`(${expr})`)))
    const actual = withoutFrames(sb.eval<string>(`__lf.inspect(${expr})`))
    expect(actual).toBe(expected)
  })

  const ERROR_CASES = [
    `new Error('a', { cause: new Error('b') })`,
    `new AggregateError([new Error('x'), new TypeError('y')], 'many')`,
    `new Error('multi\\nline message')`,
    `{ err: new Error('nested') }`,
    `[new Error('in array')]`,
    `Object.assign(new Error('x'), { name: 'CustomError' })`,
    `new (class ValidationError extends Error { constructor(m) { super(m); this.name = 'ValidationError'; this.field = 'email' } })('bad email')`,
    `(() => { const e = new Error('no stack'); delete e.stack; return e })()`,
    // (empty messages are left out: under Vitest the host's V8 stack header differs from plain Node's)
  ]
  for (const expr of ERROR_CASES) {
    it(`inspect(${expr}) matches Node apart from the frames`, () => {
      const expected = withoutFrames(util.inspect(host(`(${expr})`)))
      const actual = withoutFrames(sb.eval<string>(`__lf.inspect(${expr})`))
      expect(actual).toBe(expected)
    })
  }

  it('formats errors nested in objects and via %s/%o', () => {
    for (const expr of [`['x', new Error('e1')]`, `['%s', new Error('e2')]`, `[{ err: new RangeError('e3') }]`]) {
      const expected = withoutFrames(util.format(...host(expr)))
      const actual = withoutFrames(sb.eval<string>(`__lf.format(...${expr})`))
      expect(actual).toBe(expected)
    }
  })

  it('shows promise state through __lf_host.promiseState', () => {
    const out = sb.eval<string>(
      `[__lf.inspect(Promise.resolve(4)), __lf.inspect(new Promise(() => {})), __lf.inspect((() => { const p = Promise.reject(new Error('no')); p.catch(() => {}); return p })()).split('\\n')[0]].join('|')`,
    )
    expect(out).toBe('Promise { 4 }|Promise { <pending> }|Promise {')
    const rejected = sb.eval<string>(
      `(() => { const p = Promise.reject(3); p.catch(() => {}); return __lf.inspect(p) })()`,
    )
    expect(rejected).toBe(
      util.inspect(
        (() => {
          const p = Promise.reject(3)
          p.catch(() => {})
          return p
        })(),
      ),
    )
  })

  it('reports every promise as pending when the host offers no promiseState', async () => {
    const bare = await PreludeSandbox.create({ promiseState: false })
    try {
      expect(bare.eval(`__lf.inspect(Promise.resolve(4))`)).toBe('Promise { <pending> }')
    } finally {
      bare.dispose()
    }
  })
})

describe('formatWithOptions', () => {
  it('__lf.formatWithOptions(opts, ...args) and util.formatWithOptions match Node', () => {
    const expected = util.formatWithOptions({ depth: 0, compact: false }, 'v=%O', { a: { b: 1 } }, [1, { c: 2 }])
    expect(
      sb.eval(`__lf.formatWithOptions({ depth: 0, compact: false }, 'v=%O', { a: { b: 1 } }, [1, { c: 2 }])`),
    ).toBe(expected)
    expect(
      sb.eval(
        `__lf.builtin('util').formatWithOptions({ depth: 0, compact: false }, 'v=%O', { a: { b: 1 } }, [1, { c: 2 }])`,
      ),
    ).toBe(expected)
  })
})

describe('fast paths', () => {
  it('formats strings and numbers without loading the inspector', async () => {
    const fresh = await PreludeSandbox.create()
    try {
      const out = fresh.eval<string>(
        `__lf.format('%s=%d (%i, %f) %j', 'a', 1.5, 2.7, '3.25', { j: 1 }) + '|' + __lf.format('plain', 'strings', 1, -0, true, null, undefined, 5n, Symbol('s'))`,
      )
      expect(out).toBe(
        `${util.format('%s=%d (%i, %f) %j', 'a', 1.5, 2.7, '3.25', { j: 1 })}|${util.format('plain', 'strings', 1, -0, true, null, undefined, 5n, Symbol('s'))}`,
      )
      expect(fresh.loads).toEqual(['internal/format'])
      fresh.eval(`__lf.format({ a: 1 })`)
      expect(fresh.loads).toEqual(['internal/format', 'internal/inspect'])
    } finally {
      fresh.dispose()
    }
  })

  it('joins plain strings, numbers, booleans, null and undefined in the core (no module loaded)', async () => {
    const fresh = await PreludeSandbox.create()
    try {
      const args = `'START', 'RequestId:', 'abc', 42, -0, 1.5, true, null, undefined, '100%'`

      expect(fresh.eval(`__lf.format(${args})`)).toBe(util.format(...(new Function(`return [${args}]`)() as unknown[])))
      expect(fresh.eval(`__lf.format('50% done')`)).toBe('50% done')
      expect(fresh.loads).toEqual([])
    } finally {
      fresh.dispose()
    }
  })
})
