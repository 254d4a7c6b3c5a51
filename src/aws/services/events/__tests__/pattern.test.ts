// Our own tests of the event-pattern language: every operator, matching rules, validation messages
// and hostile input.
import { describe, expect, it } from 'vitest'
import { AwsError } from '../../../errors.ts'
import {
  compileEventPattern,
  compilePattern,
  parseEventJson,
  patternMatchesJson,
  PatternError,
} from '../pattern/index.ts'
import { parseWildcard, matchWildcard, wildcardComplexity } from '../pattern/wildcard.ts'

const matches = (pattern: unknown, event: unknown) =>
  patternMatchesJson(
    compileEventPattern(typeof pattern === 'string' ? pattern : JSON.stringify(pattern)),
    typeof event === 'string' ? event : JSON.stringify(event),
  )

function refusal(pattern: string): string {
  try {
    compileEventPattern(pattern)
  } catch (e) {
    expect(e).toBeInstanceOf(AwsError)
    expect((e as AwsError).name).toBe('InvalidEventPatternException')
    expect((e as AwsError).$metadata.httpStatusCode).toBe(400)
    return (e as AwsError).message
  }
  throw new Error(`accepted: ${pattern}`)
}

describe('exact values', () => {
  it('matches strings, numbers, booleans and null by type', () => {
    expect(matches({ a: ['x'] }, { a: 'x' })).toBe(true)
    expect(matches({ a: ['x'] }, { a: 'y' })).toBe(false)
    expect(matches({ a: ['5'] }, { a: 5 })).toBe(false)
    expect(matches({ a: [5] }, { a: '5' })).toBe(false)
    expect(matches({ a: [true] }, { a: true })).toBe(true)
    expect(matches({ a: [true] }, { a: 'true' })).toBe(false)
    expect(matches({ a: [null] }, { a: null })).toBe(true)
    expect(matches({ a: [null] }, {})).toBe(false)
    expect(matches({ a: [''] }, { a: '' })).toBe(true)
  })
  it('compares numbers numerically when they are exact doubles, else by text', () => {
    expect(matches('{"a":[300]}', '{"a":300.0}')).toBe(true)
    expect(matches('{"a":[3.018e2]}', '{"a":301.8}')).toBe(true)
    expect(matches('{"a":[12345678901234567891]}', '{"a":12345678901234567891}')).toBe(true)
    expect(matches('{"a":[12345678901234567891]}', '{"a":12345678901234567892}')).toBe(false)
  })
  it('needs every field, and one of the values of each', () => {
    const p = { source: ['a', 'b'], detail: { state: ['on'] } }
    expect(matches(p, { source: 'b', detail: { state: 'on' } })).toBe(true)
    expect(matches(p, { source: 'c', detail: { state: 'on' } })).toBe(false)
    expect(matches(p, { source: 'a' })).toBe(false)
    expect(matches(p, { source: 'a', detail: 'on' })).toBe(false)
  })
  it('keys are case sensitive and joined with dots', () => {
    expect(matches({ A: ['x'] }, { a: 'x' })).toBe(false)
    expect(matches({ 'd.s': ['x'] }, { d: { s: 'x' } })).toBe(true)
    expect(matches({ d: { s: ['x'] } }, { 'd.s': 'x' })).toBe(true)
  })
  it('IP address values match the same address written another way', () => {
    expect(matches({ ip: ['::1'] }, { ip: '0:0:0:0:0:0:0:1' })).toBe(true)
    expect(matches({ ip: ['10.0.0.1'] }, { ip: '10.0.0.2' })).toBe(false)
  })
})

describe('arrays in events', () => {
  it('match when any element does, nested arrays included', () => {
    expect(matches({ r: ['b'] }, { r: ['a', 'b'] })).toBe(true)
    expect(matches({ r: ['c'] }, { r: ['a', ['b', ['c']]] })).toBe(true)
    expect(matches({ r: ['z'] }, { r: ['a', 'b'] })).toBe(false)
  })
  it('keep fields of one pattern object in the same element', () => {
    const e = {
      people: [
        { first: 'Anna', last: 'Smith' },
        { first: 'Peter', last: 'Jones' },
      ],
    }
    expect(matches({ people: { first: ['Anna'], last: ['Smith'] } }, e)).toBe(true)
    expect(matches({ people: { first: ['Anna'], last: ['Jones'] } }, e)).toBe(false)
    expect(matches({ people: { first: ['Peter'], middle: [{ exists: false }] } }, e)).toBe(true)
  })
})

describe('prefix, suffix, equals-ignore-case, wildcard', () => {
  it('prefix and suffix (and their ignore-case forms) match strings only', () => {
    expect(matches({ t: [{ prefix: '2017-10' }] }, { t: '2017-10-02' })).toBe(true)
    expect(matches({ t: [{ prefix: '2017-10' }] }, { t: '2018' })).toBe(false)
    expect(matches({ t: [{ prefix: '1' }] }, { t: 123 })).toBe(false)
    expect(matches({ f: [{ suffix: '.png' }] }, { f: 'a.png' })).toBe(true)
    expect(matches({ f: [{ suffix: '.png' }] }, { f: 'a.PNG' })).toBe(false)
    expect(matches({ f: [{ suffix: { 'equals-ignore-case': '.png' } }] }, { f: 'a.PNG' })).toBe(true)
    expect(matches({ s: [{ prefix: { 'equals-ignore-case': 'EVENTB' } }] }, { s: 'eventbridge' })).toBe(true)
    expect(matches({ s: [{ prefix: '' }] }, { s: 'anything' })).toBe(true)
  })
  it('equals-ignore-case', () => {
    expect(matches({ n: [{ 'equals-ignore-case': 'alice' }] }, { n: 'ALICE' })).toBe(true)
    expect(matches({ n: [{ 'equals-ignore-case': 'alice' }] }, { n: 'alicia' })).toBe(false)
  })
  it('wildcard, with escapes', () => {
    expect(matches({ f: [{ wildcard: 'dir/*.png' }] }, { f: 'dir/a/b.png' })).toBe(true)
    expect(matches({ f: [{ wildcard: 'dir/*.png' }] }, { f: 'dir/a/b.jpg' })).toBe(false)
    expect(matches({ f: [{ wildcard: '*' }] }, { f: '' })).toBe(true)
    expect(matches({ f: [{ wildcard: 'a\\*b' }] }, { f: 'a*b' })).toBe(true)
    expect(matches({ f: [{ wildcard: 'a\\*b' }] }, { f: 'axb' })).toBe(false)
    expect(matches({ f: [{ wildcard: 'a\\\\b' }] }, { f: 'a\\b' })).toBe(true)
    expect(matches({ f: [{ wildcard: '*ab*ab*' }] }, { f: 'xabyab' })).toBe(true)
    expect(matches({ f: [{ wildcard: '*ab*ab*' }] }, { f: 'xaby' })).toBe(false)
  })
  it('wildcard errors name the position (in UTF-8 bytes of the quoted value)', () => {
    expect(refusal('{"f":[{"wildcard":"ab**"}]}')).toMatch(
      /^Event pattern is not valid\. Reason: Consecutive wildcard characters at pos 3\n at \[Source: /,
    )
    expect(refusal('{"f":[{"wildcard":"é\\\\x"}]}')).toMatch(/Reason: Invalid escape character at pos 3\n/)
  })
  it('the complexity limit refuses wildcard-heavy fields', () => {
    expect(refusal('{"a":[{"wildcard":"*:*:*:*:*:event-bus/*"}]}')).toBe(
      'Event pattern is not valid. Reason: Rule is too complex - try using fewer wildcard characters or fewer repeating character sequences after a wildcard character',
    )
    expect(() => compileEventPattern('{"a":[{"wildcard":"/Users/*/dir/dir/dir/dir/dir/doc.txt"}]}')).not.toThrow()
    const w = (s: string) => parseWildcard(s)
    expect(wildcardComplexity([w('a*bbb')])).toBe(4)
    expect(wildcardComplexity([w('*abc'), w('*abcde')])).toBe(4)
    expect(wildcardComplexity([w('a*aaa'), w('aa*aa')])).toBe(7)
  })
  it('wildcard matching is linear: a hostile value and pattern answer at once', () => {
    const pattern = parseWildcard('*' + 'a'.repeat(2000) + 'b*')
    const value = 'a'.repeat(256 * 1024)
    // A quadratic search would take minutes here (and hit the test timeout); KMP takes milliseconds.
    expect(matchWildcard(pattern, value)).toBe(false)
  })
})

describe('anything-but', () => {
  it('values, numbers, lists', () => {
    expect(matches({ s: [{ 'anything-but': 'init' }] }, { s: 'run' })).toBe(true)
    expect(matches({ s: [{ 'anything-but': 'init' }] }, { s: 'init' })).toBe(false)
    expect(matches({ s: [{ 'anything-but': 'init' }] }, {})).toBe(false)
    expect(matches({ s: [{ 'anything-but': 'init' }] }, { s: null })).toBe(true)
    expect(matches({ s: [{ 'anything-but': ['a', 'b'] }] }, { s: 'b' })).toBe(false)
    expect(matches({ n: [{ 'anything-but': [100, 200] }] }, { n: 200.0 })).toBe(false)
    expect(matches({ n: [{ 'anything-but': [100, 200] }] }, { n: '200' })).toBe(true)
    expect(matches({ n: [{ 'anything-but': [100, 500] }] }, { n: [100, 50] })).toBe(true)
  })
  it('prefix, suffix, equals-ignore-case and wildcard forms', () => {
    expect(matches({ s: [{ 'anything-but': { prefix: 'init' } }] }, { s: 'initial' })).toBe(false)
    expect(matches({ s: [{ 'anything-but': { prefix: ['a', 'b'] } }] }, { s: 'cat' })).toBe(true)
    expect(matches({ s: [{ 'anything-but': { prefix: 'init' } }] }, { s: 12 })).toBe(true)
    expect(matches({ f: [{ 'anything-but': { suffix: '.png' } }] }, { f: 'a.png' })).toBe(false)
    expect(matches({ s: [{ 'anything-but': { 'equals-ignore-case': ['Stopped'] } }] }, { s: 'STOPPED' })).toBe(false)
    expect(matches({ f: [{ 'anything-but': { wildcard: '*/lib/*' } }] }, { f: 'a/lib/b' })).toBe(false)
    expect(matches({ f: [{ 'anything-but': { wildcard: '*/lib/*' } }] }, { f: 'a/bin/b' })).toBe(true)
  })
  it('refuses what EventBridge refuses', () => {
    expect(refusal('{"s":[{"anything-but":["a",1]}]}')).toMatch(
      /Reason: Inside anything but list, either all values are number or string, mixed type is not supported\n/,
    )
    expect(refusal('{"s":[{"anything-but":{"prefix":""}}]}')).toMatch(/Reason: Null prefix\/suffix not allowed\n/)
    expect(refusal('{"s":[{"anything-but":{"regex":"x"}}]}')).toMatch(
      /Reason: Unsupported anything-but pattern: regex\n/,
    )
    expect(refusal('{"s":[{"anything-but":true}]}')).toMatch(
      /Reason: Value of anything-but must be an array or single string\/number value\.\n/,
    )
    expect(refusal('{"s":[{"anything-but":1e400}]}')).toBe(
      'Event pattern is not valid. Reason: Cannot compare number : 1e400',
    )
  })
})

describe('numeric', () => {
  it('ranges, equality, open and closed ends', () => {
    const p = { n: [{ numeric: ['>', 0, '<=', 5] }] }
    expect(matches(p, { n: 5 })).toBe(true)
    expect(matches(p, { n: 0 })).toBe(false)
    expect(matches(p, { n: 5.000001 })).toBe(false)
    expect(matches(p, { n: '3' })).toBe(false)
    expect(matches({ n: [{ numeric: ['=', 3.018e2] }] }, { n: 301.8 })).toBe(true)
    expect(matches({ n: [{ numeric: ['>=', -1e-6] }] }, { n: -1e-6 })).toBe(true)
    expect(matches({ n: [{ numeric: ['<', 10] }] }, { n: [20, 5] })).toBe(true)
    expect(matches({ n: [{ numeric: ['>', 100] }] }, { n: null })).toBe(false)
  })
  it('validation messages', () => {
    expect(refusal('{"n":[{"numeric":[">",0,">",0]}]}')).toMatch(/Reason: Bad numeric range operator: >\n/)
    expect(refusal('{"n":[{"numeric":[">",5,"<",1]}]}')).toMatch(/Reason: Bottom must be less than top\n/)
    expect(refusal('{"n":[{"numeric":["<>",1]}]}')).toMatch(/Reason: Unrecognized numeric range operator: <>\n/)
    expect(refusal('{"n":[{"numeric":10}]}')).toMatch(/Reason: Value of numeric must be an array\.\n/)
    expect(refusal('{"n":[{"numeric":["=",1e309]}]}')).toMatch(/Reason: Cannot compare number : 1e309\n/)
  })
})

describe('exists, cidr, null and empty values', () => {
  it('exists looks at leaf values', () => {
    expect(matches({ a: [{ exists: true }] }, { a: null })).toBe(true)
    expect(matches({ a: [{ exists: true }] }, { a: { b: 1 } })).toBe(false)
    expect(matches({ a: [{ exists: true }] }, { a: [] })).toBe(false)
    expect(matches({ a: [{ exists: false }] }, { b: 1 })).toBe(true)
    expect(matches({ a: [{ exists: false }] }, { a: { b: 1 } })).toBe(true)
    expect(matches({ d: { a: [{ exists: false }] } }, {})).toBe(true)
  })
  it('cidr, IPv4 and IPv6', () => {
    expect(matches({ ip: [{ cidr: '10.0.0.0/24' }] }, { ip: '10.0.0.255' })).toBe(true)
    expect(matches({ ip: [{ cidr: '10.0.0.0/24' }] }, { ip: '10.0.1.0' })).toBe(false)
    expect(matches({ ip: [{ cidr: '10.0.0.0/24' }] }, { ip: 'not an ip' })).toBe(false)
    expect(matches({ ip: [{ cidr: '2001:db8::/32' }] }, { ip: '2001:db8:ffff::1' })).toBe(true)
    expect(matches({ ip: [{ cidr: '2001:db8::/32' }] }, { ip: '2001:db9::1' })).toBe(false)
    expect(refusal('{"ip":[{"cidr":"10.0.0.0"}]}')).toBe(
      "Event pattern is not valid. Reason: Malformed CIDR, one '/' required",
    )
    expect(refusal('{"ip":[{"cidr":"10.0.0.0/32"}]}')).toBe(
      'Event pattern is not valid. Reason: IPv4 mask bits must be < 32',
    )
    expect(refusal('{"ip":[{"cidr":"300.0.0.0/8"}]}')).toBe(
      'Event pattern is not valid. Reason: Invalid IP address: 300.0.0.0',
    )
  })
})

describe('$or', () => {
  it('matches when any branch does, at any level', () => {
    const p = { source: ['aws.cloudwatch'], $or: [{ metricName: ['CPU'] }, { namespace: ['AWS/EC2'] }] }
    expect(matches(p, { source: 'aws.cloudwatch', namespace: 'AWS/EC2' })).toBe(true)
    expect(matches(p, { source: 'aws.cloudwatch', namespace: 'AWS/S3' })).toBe(false)
    const nested = { detail: { $or: [{ a: [1] }, { b: [2], $or: [{ c: [3] }, { d: [4] }] }] } }
    expect(matches(nested, { detail: { b: 2, d: 4 } })).toBe(true)
    expect(matches(nested, { detail: { b: 2 } })).toBe(false)
    expect(compilePattern(JSON.stringify(nested)).branches).toBe(3)
  })
  it('refuses malformed $or', () => {
    expect(refusal('{"$or":[{"a":[1]}]}')).toMatch(
      /Reason: There must have at least 2 Objects in \$or relationship\.\n/,
    )
    expect(refusal('{"$or":{"a":[1]}}')).toMatch(/Reason: It must be an Array followed with \$or\.\n/)
    expect(refusal('{"$or":[{"a":[1]},["b"]]}')).toMatch(
      /Reason: Only JSON object is allowed in array of \$or relationship\.\n/,
    )
    expect(refusal('{"$or":[{"prefix":[1]},{"b":[2]}]}')).toMatch(
      /Reason: prefix is Ruler reserved fieldName which cannot be used inside \$or\.\n/,
    )
  })
})

describe('pattern grammar errors, with Jackson locations', () => {
  it('structure', () => {
    expect(refusal('[1]')).toBe(
      'Event pattern is not valid. Reason: Filter is not an object\n at [Source: (String)"[1]"; line: 1, column: 2]',
    )
    expect(refusal('{"a": "b"}')).toBe(
      'Event pattern is not valid. Reason: "a" must be an object or an array\n at [Source: (String)"{"a": "b"}"; line: 1, column: 8]',
    )
    expect(refusal('{"a": {}}')).toMatch(/Reason: Empty objects are not allowed\n at .*column: 9\]$/)
    expect(refusal('{"a": []}')).toMatch(/Reason: Empty arrays are not allowed\n at .*column: 9\]$/)
    expect(refusal('{"a": [[1]]}')).toMatch(/Reason: Match value must be String, number, true, false, or null\n/)
    expect(refusal('{"a": [{"regex": "x"}]}')).toMatch(/Reason: Unrecognized match type regex\n/)
    expect(refusal('{"a": [{"prefix": "x", "suffix": "y"}]}')).toMatch(
      /Reason: Only one key allowed in match expression\n/,
    )
    expect(refusal('{"a": [{}]}')).toMatch(/Reason: Match expression name not found\n/)
    expect(refusal('{"a": [{"exists": "yes"}]}')).toMatch(
      /Reason: exists match pattern must be either true or false\.\n/,
    )
  })
  it('JSON syntax, counting lines and columns', () => {
    expect(refusal('{\n  "a": [1,]\n}')).toBe(
      'Event pattern is not valid. Reason: Unexpected character (\']\' (code 93)): expected a value\n at [Source: (String)"{\n  "a": [1,]\n}"; line: 2, column: 11]',
    )
    expect(refusal('{"a": [tru]}')).toMatch(/Reason: Unrecognized token 'tru': was expecting/)
    // Recorded from AWS (LocalStack's test_invalid_json_event_pattern): the column points at the character.
    expect(refusal("{'bad': 'quotation'}")).toBe(
      "Event pattern is not valid. Reason: Unexpected character (''' (code 39)): was expecting double-quote to start field name\n at [Source: (String)\"{'bad': 'quotation'}\"; line: 1, column: 2]",
    )
    expect(refusal('this is valid json but not a dict')).toBe(
      "Event pattern is not valid. Reason: Unrecognized token 'this': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')\n at [Source: (String)\"this is valid json but not a dict\"; line: 1, column: 5]",
    )
    expect(refusal('{"not": closed mark"')).toBe(
      "Event pattern is not valid. Reason: Unrecognized token 'closed': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')\n at [Source: (String)\"{\"not\": closed mark\"\"; line: 1, column: 15]",
    )
    expect(refusal('{"a": [01]}')).toMatch(/Reason: Invalid numeric value: Leading zeroes not allowed\n/)
    expect(refusal('{"a": ["x]}')).toMatch(
      /Reason: Unexpected end-of-input: was expecting closing quote for a string value\n/,
    )
    expect(refusal('{"a" [1]}')).toMatch(
      /Reason: Unexpected character \('\[' \(code 91\)\): was expecting a colon to separate field name and value\n/,
    )
    expect(refusal('{"a": [1]')).toMatch(
      /Reason: Unexpected end-of-input: expected close marker for Object \(start marker at \[Source: \(String\)"\{"a": \[1\]"; line: 1, column: 1\]\)\n/,
    )
  })
  it('long sources are cut at 500 characters in the location', () => {
    const long = `{"a": "${'x'.repeat(600)}"}`
    expect(refusal(long)).toContain(`"[truncated ${long.length - 500} chars]; line: 1, column: 8]`)
  })
})

describe('hostile patterns and events', () => {
  it('deep nesting is refused with a message, not a stack overflow', () => {
    const deep = '{"a":'.repeat(5000) + '[1]' + '}'.repeat(5000)
    expect(() => compilePattern(deep)).toThrow(PatternError)
    expect(() => compilePattern(deep)).toThrow(/Document nesting depth \(1001\) exceeds the maximum allowed \(1000/)
  })
  it('a deeply nested event parses and matches without recursion', () => {
    const deep = '{"a":' + '['.repeat(100_000) + '"x"' + ']'.repeat(100_000) + '}'
    const event = parseEventJson(deep)
    expect(patternMatchesJson(compileEventPattern('{"a":["x"]}'), deep)).toBe(true)
    expect(event).toBeTruthy()
  })
  it('many $or branches and a large event stay fast', () => {
    const branches = Array.from({ length: 300 }, (_, i) => ({ [`k${i}`]: [i] }))
    const p = compileEventPattern(JSON.stringify({ d: { $or: branches } }))
    const event = JSON.stringify({ d: Array.from({ length: 2000 }, (_, i) => ({ [`x${i}`]: i })) })
    expect(patternMatchesJson(p, event)).toBe(false)
  })
  it('keys like __proto__ are plain data', () => {
    expect(matches('{"__proto__":{"x":[1]}}', '{"__proto__":{"x":1}}')).toBe(true)
    expect(matches('{"constructor":[{"exists":true}]}', '{}')).toBe(false)
  })
})
