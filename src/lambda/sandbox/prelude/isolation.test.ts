// The runtime's own formatting must survive user code that tampers with built-ins, whether the
// tampering happens before the inspector is first loaded or after.
import { afterEach, describe, expect, it } from 'vitest'
import util from 'node:util'
import { PreludeSandbox } from './testing.ts'

const sandboxes: PreludeSandbox[] = []
afterEach(() => {
  for (const sb of sandboxes.splice(0)) sb.dispose()
})
async function fresh(): Promise<PreludeSandbox> {
  const sb = await PreludeSandbox.create()
  sandboxes.push(sb)
  return sb
}

const VALUE = `({ a: 1, list: [1, 'two', { three: [3] }], map: new Map([['k', 1]]), when: new Date(0), s: "it's" })`
const EXPECTED_INSPECT = util.inspect({
  a: 1,
  list: [1, 'two', { three: [3] }],
  map: new Map([['k', 1]]),
  when: new Date(0),
  s: "it's",
})

const TAMPERING: Record<string, string> = {
  'Array.prototype.join': `Array.prototype.join = function () { return 'HACKED' }`,
  'Array.prototype.map/filter/forEach/push': `Array.prototype.map = Array.prototype.filter = Array.prototype.forEach = Array.prototype.push = function () { throw new Error('no') }`,
  'Object.keys & Object.prototype.hasOwnProperty': `Object.keys = () => ['evil']; Object.prototype.hasOwnProperty = () => false`,
  'Object.prototype.toString & enumerable junk': `Object.prototype.toString = () => 'X'; Object.prototype.junk = 1`,
  'JSON.stringify': `JSON.stringify = () => 'HACKED'`,
  'String.prototype methods': `for (const k of ['slice', 'replace', 'split', 'indexOf', 'charCodeAt', 'concat', 'padStart', 'repeat', 'includes', 'startsWith']) String.prototype[k] = function () { throw new Error('no ' + k) }`,
  'Function.prototype.call/apply/bind': `Function.prototype.call = Function.prototype.apply = Function.prototype.bind = function () { throw new Error('no') }`,
  'Symbol.iterator on arrays': `Array.prototype[Symbol.iterator] = function* () { yield 'HACKED' }`,
  'globals replaced': `globalThis.Map = null; globalThis.Set = null; globalThis.Object = null; globalThis.JSON = null`,
  'RegExp.prototype.exec': `RegExp.prototype.exec = () => null; RegExp.prototype[Symbol.replace] = () => 'HACKED'`,
}

describe('tampering with built-ins does not break __lf.format / __lf.inspect', () => {
  for (const [name, code] of Object.entries(TAMPERING)) {
    it(`${name} (before the inspector loads)`, async () => {
      const sb = await fresh()
      sb.eval(`globalThis.value = ${VALUE}`)
      sb.evalVoid(code)
      expect(sb.eval(`__lf.inspect(value)`)).toBe(EXPECTED_INSPECT)
      expect(sb.eval(`__lf.format('%s=%d %j', 'k', 42, [1])`)).toBe(util.format('%s=%d %j', 'k', 42, [1]))
      expect(sb.eval(`__lf.format('v:', value)`)).toBe(`v: ${EXPECTED_INSPECT}`)
    })

    it(`${name} (after the inspector loaded)`, async () => {
      const sb = await fresh()
      sb.eval(`globalThis.value = ${VALUE}`)
      expect(sb.eval(`__lf.inspect(value)`)).toBe(EXPECTED_INSPECT)
      sb.evalVoid(code)
      expect(sb.eval(`__lf.inspect(value)`)).toBe(EXPECTED_INSPECT)
      expect(sb.eval(`__lf.format('v:', value)`)).toBe(`v: ${EXPECTED_INSPECT}`)
    })
  }

  it("restores the user's versions after formatting", async () => {
    const sb = await fresh()
    sb.evalVoid(`Array.prototype.join = function () { return 'mine' }`)
    sb.eval(`__lf.inspect({ a: [1, 2] })`)
    expect(sb.eval(`[1, 2].join('-')`)).toBe('mine')
  })

  it('__lf cannot be replaced or deleted', async () => {
    const sb = await fresh()
    sb.evalVoid(`try { globalThis.__lf = {} } catch {} ; try { delete globalThis.__lf } catch {}`)
    expect(sb.eval(`__lf.format('%s', 'ok')`)).toBe('ok')
    expect(sb.eval(`Object.keys(globalThis).includes('__lf')`)).toBe(false)
  })
})
