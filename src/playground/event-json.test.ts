import { describe, expect, it } from 'vitest'
import { checkEventJson, lineColumn, scanJson } from './event-json.ts'

function fail(text: string) {
  const r = checkEventJson(text)
  if (r.ok) throw new Error(`expected ${JSON.stringify(text)} to be invalid`)
  return r
}

describe('event JSON: valid documents', () => {
  it('parses with the platform parser and reports no error', () => {
    for (const t of [
      '{}',
      '[]',
      '0',
      '-1.5e+3',
      '"x"',
      'true',
      'null',
      ' {"a":[1,{"b":null}],"c":"\\u00e9\\n"} ',
      '{"key1":"value1"}',
    ]) {
      const r = checkEventJson(t)
      expect(r.ok, t).toBe(true)
      expect(scanJson(t), t).toBeNull()
    }
    expect(checkEventJson('{"a": [1, 2]}')).toEqual({ ok: true, value: { a: [1, 2] } })
  })

  it('agrees with JSON.parse on a corpus of valid and invalid snippets', () => {
    const corpus = [
      '{',
      '}',
      '[1,]',
      '[,1]',
      '{"a" 1}',
      '{"a":}',
      '01',
      '1.',
      '.5',
      '-',
      '1e',
      '"\\x"',
      '"\\u12"',
      'tru',
      'nul',
      '{"a":1}x',
      '[1 2]',
      '"a\tb"',
      '[[[]]]',
      '{"a":{"b":{}}}',
      '"\\ud800"',
      '1E-2',
      '[-0]',
      '{"":""}',
    ]
    for (const t of corpus) {
      let native = true
      try {
        JSON.parse(t)
      } catch {
        native = false
      }
      expect(scanJson(t) === null, t).toBe(native)
    }
  })
})

describe('event JSON: errors say where', () => {
  it('a trailing comma: the token, its line and column, and a hint', () => {
    const r = fail('{\n  "key1": "value1",\n  "key2": "value2",\n  }')
    expect(r.message).toBe('Unexpected token } in JSON at line 4, column 3')
    expect(r.line).toBe(4)
    expect(r.column).toBe(3)
    expect(r.hint).toMatch(/comma/)
  })

  it('a missing comma between members is an unexpected string at the next key', () => {
    const r = fail('{\n  "a": 1\n  "b": 2\n}')
    expect(r.message).toBe('Unexpected string in JSON at line 3, column 3')
    expect(r.hint).toMatch(/comma/)
  })

  it('single quotes, bare words, comments and undefined get a hint', () => {
    expect(fail("{'a': 1}").message).toBe("Unexpected token ' in JSON at line 1, column 2")
    expect(fail("{'a': 1}").hint).toMatch(/double quotes/)
    expect(fail('{a: 1}').hint).toMatch(/double quotes/)
    expect(fail('{"a": undefined}').hint).toMatch(/undefined is not a JSON value/)
    expect(fail('{"a": 1 // note\n}').hint).toMatch(/comments/)
    expect(fail('{"a": True}').hint).toMatch(/lower case/)
  })

  it('an unfinished document is the end of input, located at the end', () => {
    const r = fail('{\n  "a": [1, 2')
    expect(r.message).toBe('Unexpected end of JSON input')
    expect(r.line).toBe(2)
    expect(r.column).toBe(13)
    expect(r.hint).toMatch(/missing/)
  })

  it('strings: unterminated, control characters, bad escapes', () => {
    expect(fail('{"a": "abc\n}').message).toBe('Unterminated string in JSON at line 1, column 7')
    expect(fail('"a\tb"').message).toBe('Bad control character in string literal in JSON at line 1, column 3')
    expect(fail('"a\\qb"').message).toBe('Bad escaped character in JSON at line 1, column 4')
    expect(fail('"\\u12zz"').message).toBe('Bad escaped character in JSON at line 1, column 6')
  })

  it('numbers and text after the value', () => {
    expect(fail('[01]').message).toBe('Unexpected number in JSON at line 1, column 3')
    expect(fail('{"a":1} x').message).toBe('Unexpected token x in JSON at line 1, column 9')
    expect(fail('{"a":1} x').hint).toMatch(/more text/)
    expect(fail('[1.]').message).toBe('Unexpected token ] in JSON at line 1, column 4')
  })

  it('an empty event is refused with a clear message', () => {
    expect(fail('').message).toMatch(/The event is empty/)
    expect(fail('   \n ').message).toMatch(/use \{\} for an empty event/)
  })

  it('whitespace characters are named by code point', () => {
    expect(fail('{"a":1,\u00a0"b":2}').message).toBe('Unexpected token U+00A0 in JSON at line 1, column 8')
  })

  it('a deeply nested document does not overflow the stack', () => {
    const deep = '['.repeat(200_000) + ']'.repeat(199_999)
    const r = fail(deep)
    expect(r.message).toBe('Unexpected end of JSON input')
  })

  it('lineColumn counts lines and UTF-16 columns from 1', () => {
    expect(lineColumn('ab\ncd', 0)).toEqual({ line: 1, column: 1 })
    expect(lineColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 })
  })
})
