// The one JSON syntax scanner (runtime and playground): what it reports besides V8's message
// (json-error.test.ts checks the messages against the host's V8): the kind of problem, the
// position, the container and the string it is in, and that depth costs no stack.
import { describe, expect, it } from 'vitest'
import { PreludeSandbox } from '../sandbox/prelude/testing.ts'
import { scanJsonSyntax, v8JsonMessage } from './json-syntax.js'

function nodeMessage(text: string): string | undefined {
  try {
    JSON.parse(text)
    return undefined
  } catch (e) {
    return (e as Error).message
  }
}

describe('scanJsonSyntax', () => {
  it('accepts what V8 accepts', () => {
    for (const t of ['{}', '[]', '0', '-1.5e+3', '"x"', 'true', 'null', ' {"a":[1,{"b":null}],"c":"\\u00e9\\n"} '])
      expect(scanJsonSyntax(t), t).toBeUndefined()
  })

  it.each([
    ['', 'end', 0, undefined, undefined],
    ['{', 'property', 1, '{', undefined],
    ['[', 'end', 1, '[', undefined],
    ['[1,]', 'token', 3, '[', undefined],
    ['{"a":1,}', 'property', 7, '{', undefined],
    ["{'a': 1}", 'property', 1, '{', undefined],
    ['{"a" 1}', 'colon', 5, '{', undefined],
    ['{"a":1,"b" 2}', 'colon', 11, '{', undefined],
    ['[1 2]', 'comma', 3, '[', undefined],
    ['{"a":1 "b":2}', 'comma', 7, '{', undefined],
    ['tru', 'end', 3, undefined, undefined],
    ['trux', 'literal', 3, undefined, undefined],
    ['[01]', 'token', 2, '[', undefined],
    ['-x', 'number', 1, undefined, undefined],
    ['[1.]', 'number', 3, '[', undefined],
    ['1e+', 'number', 3, undefined, undefined],
    ['{"a":1}x', 'trailing', 7, undefined, undefined],
    ['["abc', 'string', 5, '[', 1],
    ['{"a":"x\ny"}', 'control', 7, '{', 5],
    ['"a\\qb"', 'escape', 3, undefined, 0],
    ['"\\u12zz"', 'escape', 5, undefined, 0],
    ['"abc\\', 'end', 5, undefined, 0],
  ])('%j: %s at %i', (text, code, position, container, stringStart) => {
    const found = scanJsonSyntax(text)
    expect(found).toEqual({
      code,
      message: nodeMessage(text),
      position,
      ...(container !== undefined ? { container } : {}),
      ...(stringStart !== undefined ? { stringStart } : {}),
    })
  })

  it('scans any depth without recursion, and agrees with V8 there too', () => {
    for (const text of ['['.repeat(200_000) + ']'.repeat(199_999), '{"a":'.repeat(100_000) + 'x'])
      expect(v8JsonMessage(text)).toBe(nodeMessage(text))
  })

  it("gives V8's message inside the sandbox even when the text nests deeper than a recursive scan could go", async () => {
    const sb = await PreludeSandbox.create()
    try {
      const text = '['.repeat(5000) + 'x'
      expect(sb.eval(`(() => { try { JSON.parse(${JSON.stringify(text)}) } catch (e) { return e.message } })()`)).toBe(
        nodeMessage(text),
      )
    } finally {
      sb.dispose()
    }
  })
})
