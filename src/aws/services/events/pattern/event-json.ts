// Events as the pattern matcher reads them.
//
// `parseEventJson` is a strict, iterative JSON parser (no recursion, so a deeply nested event
// cannot overflow the stack) that keeps each number's text beside its value, because EventBridge
// matches `[300]` against `300.0` numerically but `[12345678901234567891]` only by its exact text.
// Objects have no prototype, so keys such as `__proto__` are plain data.
import { numberInfo, type NumberInfo } from './numbers.ts'

export class EventNumber {
  readonly info: NumberInfo
  constructor(readonly text: string) {
    this.info = numberInfo(text)
  }
  toJSON(): number {
    return this.info.value
  }
}

export type EventScalar = string | boolean | null | EventNumber
export type EventValue = EventScalar | EventValue[] | { [key: string]: EventValue }

export class EventJsonError extends Error {}

const WS = (c: number) => c === 32 || c === 9 || c === 10 || c === 13

/** Parses JSON text into event values; throws EventJsonError on anything that is not strict JSON. */
export function parseEventJson(text: string): EventValue {
  let i = 0
  const n = text.length
  const fail = (what: string): never => {
    throw new EventJsonError(`${what} at position ${i}`)
  }
  const skip = () => {
    while (i < n && WS(text.charCodeAt(i))) i++
  }
  const readString = (): string => {
    // text[i] is the opening quote
    i++
    let out = ''
    let run = i
    for (;;) {
      if (i >= n) fail('Unterminated string')
      const c = text.charCodeAt(i)
      if (c === 34) {
        out += text.slice(run, i)
        i++
        return out
      }
      if (c < 32) fail('Bad control character in string')
      if (c !== 92) {
        i++
        continue
      }
      out += text.slice(run, i)
      const e = text.charCodeAt(i + 1)
      i += 2
      if (e === 117) {
        const hex = text.slice(i, i + 4)
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('Bad unicode escape')
        out += String.fromCharCode(parseInt(hex, 16))
        i += 4
      } else {
        const map: Record<number, string> = {
          34: '"',
          92: '\\',
          47: '/',
          98: '\b',
          102: '\f',
          110: '\n',
          114: '\r',
          116: '\t',
        }
        if (!(e in map)) fail('Bad escaped character')
        out += map[e]
      }
      run = i
    }
  }
  const readScalar = (): EventValue => {
    const c = text.charCodeAt(i)
    if (c === 34) return readString()
    if (text.startsWith('true', i)) return ((i += 4), true)
    if (text.startsWith('false', i)) return ((i += 5), false)
    if (text.startsWith('null', i)) return ((i += 4), null)
    const m = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?/y
    m.lastIndex = i
    const hit = m.exec(text)
    if (!hit || hit[0] === '' || hit[0] === '-') fail('Unexpected token')
    i += hit![0].length
    return new EventNumber(hit![0])
  }

  type Frame =
    { kind: 'array'; value: EventValue[] } | { kind: 'object'; value: Record<string, EventValue>; key: string }
  const stack: Frame[] = []
  let result: EventValue = null
  let haveResult = false
  const attach = (v: EventValue) => {
    const top = stack[stack.length - 1]
    if (!top) {
      result = v
      haveResult = true
    } else if (top.kind === 'array') top.value.push(v)
    else top.value[top.key] = v
  }

  for (;;) {
    skip()
    if (i >= n) fail('Unexpected end of JSON input')
    // Value position.
    const c = text.charCodeAt(i)
    if (c === 123) {
      i++
      const obj = Object.create(null) as Record<string, EventValue>
      skip()
      if (text.charCodeAt(i) === 125) {
        i++
        attach(obj)
      } else {
        if (text.charCodeAt(i) !== 34) fail('Expected property name')
        const key = readString()
        skip()
        if (text.charCodeAt(i) !== 58) fail("Expected ':'")
        i++
        attach(obj)
        stack.push({ kind: 'object', value: obj, key })
        continue
      }
    } else if (c === 91) {
      i++
      const arr: EventValue[] = []
      skip()
      if (text.charCodeAt(i) === 93) {
        i++
        attach(arr)
      } else {
        attach(arr)
        stack.push({ kind: 'array', value: arr })
        continue
      }
    } else {
      attach(readScalar())
    }
    // After a value: close containers or move to the next entry.
    for (;;) {
      const frame = stack[stack.length - 1]
      if (!frame) {
        skip()
        if (i < n) fail('Unexpected non-whitespace character after JSON')
        if (!haveResult) fail('No value')
        return result
      }
      skip()
      const d = text.charCodeAt(i)
      if (frame.kind === 'array') {
        if (d === 44) {
          i++
          break
        }
        if (d === 93) {
          i++
          stack.pop()
          continue
        }
        fail("Expected ',' or ']'")
      } else {
        if (d === 44) {
          i++
          skip()
          if (text.charCodeAt(i) !== 34) fail('Expected property name')
          frame.key = readString()
          skip()
          if (text.charCodeAt(i) !== 58) fail("Expected ':'")
          i++
          break
        }
        if (d === 125) {
          i++
          stack.pop()
          continue
        }
        fail("Expected ',' or '}'")
      }
    }
  }
}

export const isEventObject = (v: unknown): v is Record<string, EventValue> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof EventNumber)
