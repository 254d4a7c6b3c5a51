// Why JSON.parse refuses a text, in V8's words (Node 20's), and where: one scanner for the
// runtime (JSON.parse inside the sandbox throws V8's message, not QuickJS's "unexpected token:
// 'x'") and for the playground's event editor (which words it for learners, with line and column).
// It scans the text the way V8's JSON parser does and reports the first problem: V8's message,
// the position V8 names (UTF-16 units), what kind of problem it is, the container it is in and,
// inside a string, where the string starts. It returns undefined if V8 would accept the text.
// Iterative: a deeply nested document cannot overflow the stack. Plain JavaScript with no
// imports, so the prelude can bundle it and TypeScript can import it (json-syntax.d.ts).

const CONTEXT = 10 // V8's kMaxContextCharacters
const MIN_LENGTH_FOR_CONTEXT = CONTEXT * 2 + 1
const SPECIAL = ['[object Object]', 'undefined', 'Infinity', 'NaN']

class Failure {
  constructor(code, message, position) {
    this.code = code
    this.message = message
    this.position = position
  }
}

export function scanJsonSyntax(text) {
  const s = text
  const n = s.length
  let i = 0
  /** Open containers, innermost last: '[' or '{'. */
  const open = []
  /** Where the string being scanned starts, or -1. */
  let stringStart = -1
  const at = (code, what) => new Failure(code, `${what} in JSON at position ${i}`, i)
  const eos = () => new Failure('end', 'Unexpected end of JSON input', n)
  // An unexpected token: the end, a number, a string, or any other character (shown in context).
  const unexpected = () => {
    if (i >= n) return eos()
    const c = s[i]
    if (c === '-' || digit(c)) return at('token', 'Unexpected number')
    if (c === '"') return at('token', 'Unexpected string')
    if (SPECIAL.includes(s)) return new Failure('token', `"${s}" is not valid JSON`, i)
    if (n < MIN_LENGTH_FOR_CONTEXT) return new Failure('token', `Unexpected token '${c}', "${s}" is not valid JSON`, i)
    if (i < CONTEXT)
      return new Failure('token', `Unexpected token '${c}', "${s.slice(0, i + CONTEXT)}"... is not valid JSON`, i)
    if (i < n - CONTEXT)
      return new Failure(
        'token',
        `Unexpected token '${c}', ..."${s.slice(i - CONTEXT, i + CONTEXT)}"... is not valid JSON`,
        i,
      )
    return new Failure('token', `Unexpected token '${c}', ..."${s.slice(i - CONTEXT)}" is not valid JSON`, i)
  }
  const ws = () => {
    while (i < n) {
      const c = s[i]
      if (c !== ' ' && c !== '\t' && c !== '\n' && c !== '\r') break
      i++
    }
  }
  const digit = (c) => c >= '0' && c <= '9'
  const hex = (c) => digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')

  const literal = (word) => {
    for (let k = 0; k < word.length; k++, i++) {
      if (i >= n) throw eos()
      if (s[i] !== word[k]) {
        const e = unexpected()
        throw new Failure('literal', e.message, e.position)
      }
    }
  }
  const number = () => {
    if (s[i] === '-') {
      i++
      if (i >= n || !digit(s[i])) throw at('number', 'No number after minus sign')
    }
    if (s[i] === '0') {
      i++
      if (i < n && digit(s[i])) throw at('token', 'Unexpected number')
    } else {
      while (i < n && digit(s[i])) i++
    }
    if (s[i] === '.') {
      i++
      if (i >= n || !digit(s[i])) throw at('number', 'Unterminated fractional number')
      while (i < n && digit(s[i])) i++
    }
    if (s[i] === 'e' || s[i] === 'E') {
      i++
      if (s[i] === '+' || s[i] === '-') i++
      if (i >= n || !digit(s[i])) throw at('number', 'Exponent part is missing a number')
      while (i < n && digit(s[i])) i++
    }
  }
  const string = () => {
    stringStart = i
    i++ // the opening quote
    for (;;) {
      if (i >= n) throw at('string', 'Unterminated string')
      const c = s[i]
      if (c === '"') {
        i++
        stringStart = -1
        return
      }
      if (c < ' ') throw at('control', 'Bad control character in string literal')
      if (c === '\\') {
        i++
        if (i >= n) throw eos()
        const e = s[i]
        if (e === 'u') {
          i++
          for (let k = 0; k < 4; k++, i++) if (i >= n || !hex(s[i])) throw at('escape', 'Bad Unicode escape')
          continue
        }
        if (!'"\\/bfnrt'.includes(e)) throw at('escape', 'Bad escaped character')
      }
      i++
    }
  }
  // One value: a scalar, or the opening of a container (and, for an object, its first key).
  // Containers are continued by the loop below, so nesting never recurses.
  const value = () => {
    for (;;) {
      ws()
      if (i >= n) throw eos()
      const c = s[i]
      if (c === '"') return string()
      if (c === '-' || digit(c)) return number()
      if (c === 't') return literal('true')
      if (c === 'f') return literal('false')
      if (c === 'n') return literal('null')
      if (c === '[') {
        i++
        ws()
        if (s[i] === ']') {
          i++
          return
        }
        open.push('[')
        continue // the first element
      }
      if (c === '{') {
        i++
        ws()
        if (s[i] === '}') {
          i++
          return
        }
        open.push('{')
        if (s[i] !== '"') throw at('property', "Expected property name or '}'")
        string()
        ws()
        // V8 names the missing colon after an object's first key only.
        if (s[i] !== ':') throw at('colon', "Expected ':' after property name")
        i++
        continue // the first property's value
      }
      throw unexpected()
    }
  }

  try {
    value()
    while (open.length > 0) {
      ws()
      if (open[open.length - 1] === '[') {
        if (s[i] === ',') {
          i++
          value()
          continue
        }
        if (s[i] === ']') {
          i++
          open.pop()
          continue
        }
        throw at('comma', "Expected ',' or ']' after array element")
      }
      if (s[i] === ',') {
        i++
        ws()
        if (s[i] !== '"') throw at('property', 'Expected double-quoted property name')
        string()
        ws()
        if (s[i] !== ':') {
          const e = unexpected()
          throw e.code === 'end' ? e : new Failure('colon', e.message, e.position)
        }
        i++
        value()
        continue
      }
      if (s[i] === '}') {
        i++
        open.pop()
        continue
      }
      throw at('comma', "Expected ',' or '}' after property value")
    }
    ws()
    if (i < n) throw new Failure('trailing', `Unexpected non-whitespace character after JSON at position ${i}`, i)
  } catch (e) {
    if (!(e instanceof Failure)) throw e
    const found = { code: e.code, message: e.message, position: e.position }
    if (open.length > 0) found.container = open[open.length - 1]
    if (stringStart >= 0) found.stringStart = stringStart
    return found
  }
  return undefined
}

/**
 * V8's message for JSON.parse(text) on Node `major` (20 by default), or undefined if V8 would
 * accept the text. Node 22's V8 (12.x) adds the line and column to every message that names a
 * position: `… in JSON at position 12 (line 2 column 5)`.
 */
export function v8JsonMessage(text, major = 20) {
  const found = scanJsonSyntax(text)
  if (found === undefined) return undefined
  if (major < 22 || !/ at position \d+$/.test(found.message)) return found.message
  const [line, column] = jsonLineColumn(text, found.position)
  return `${found.message} (line ${line} column ${column})`
}

/** V8's JsonParser::CalculateFileLocation: 1-based; \r\n, \r and \n each end a line. */
export function jsonLineColumn(text, position) {
  let line = 1
  let lineStart = 0
  let i = 0
  for (; i < position; i++) {
    const c = text.charCodeAt(i)
    if (c === 13 && i < position - 1 && text.charCodeAt(i + 1) === 10) i++
    if (c === 13 || c === 10) {
      line++
      lineStart = i + 1
    }
  }
  return [line, 1 + i - lineStart]
}
