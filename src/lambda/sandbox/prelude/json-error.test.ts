// The JSON.parse error scanner (src/lazy/json-error.js) against the host's own V8 (Node 20):
// a table of typical mistakes, every prefix of some documents, and seeded random edits of them.
import { describe, expect, it } from 'vitest'
import { v8JsonMessage } from './src/lazy/json-error.js'

function nodeMessage(text: string): string | undefined {
  try {
    JSON.parse(text)
    return undefined
  } catch (e) {
    return (e as Error).message
  }
}

const DOCS = [
  '{"orderId":"KC-1042","items":[{"sku":"MUG-CLASSIC","quantity":2,"unitPrice":1200}],"gift":false,"note":null}',
  '[1, -2.5e+10, 0, 0.125, "x\\n\\u00e9", true, {"k": {}}, []]',
  '{"a":{"b":{"c":[1,{"d":[]},"x\\"y"]}},"e":-0.5E-3}',
  ' { "k" : [ 1 , 2 ] } ',
  '"hello"',
]
const EDITS = [
  '{',
  '}',
  '[',
  ']',
  ',',
  ':',
  '"',
  '\\',
  'u',
  'e',
  '.',
  '-',
  '+',
  '0',
  '7',
  'a',
  't',
  'n',
  ' ',
  '\n',
  '\t',
  '\u0001',
  "'",
  'é',
]

describe('v8JsonMessage', () => {
  it.each([
    'not json',
    '',
    ' ',
    '{orderId: 1}',
    "{'a': 1}",
    '{"a":1,}',
    '[1,]',
    '{"a":1}}',
    '{"a" 1}',
    '{"a":1 "b":2}',
    '{"a":1,"b" 2}',
    '"abc',
    '"\\x"',
    '"\\u12"',
    '"a\tb"',
    '01',
    '-',
    '1.',
    '1e',
    '1e+',
    'tru',
    'trux',
    'nul',
    'undefined',
    'NaN',
    'Infinity',
    '[object Object]',
    '{"veryLongPropertyName": "some value", "another": oops, "more": 1234567890}',
    'x'.repeat(40),
  ])('%j', (text) => {
    expect(v8JsonMessage(text)).toBe(nodeMessage(text))
  })

  it('agrees with V8 on every prefix and on 5,000 random edits of real documents', () => {
    let seed = 7
    const rnd = (k: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648
      return seed % k
    }
    const texts: string[] = []
    for (const d of DOCS) for (let k = 0; k <= d.length; k++) texts.push(d.slice(0, k))
    for (let r = 0; r < 5000; r++) {
      let t = DOCS[rnd(DOCS.length)]
      for (let e = 1 + rnd(4); e > 0; e--) {
        const p = rnd(t.length + 1)
        const op = rnd(3)
        t =
          op === 0
            ? t.slice(0, p) + t.slice(p + 1)
            : t.slice(0, p) + EDITS[rnd(EDITS.length)] + t.slice(op === 1 ? p : p + 1)
      }
      texts.push(t)
    }
    const wrong = texts.filter((t) => v8JsonMessage(t) !== nodeMessage(t)).slice(0, 5)
    expect(wrong.map((t) => ({ text: t, v8: nodeMessage(t), ours: v8JsonMessage(t) }))).toEqual([])
  })
})
