// V8's message for a JSON.parse failure (Node 20's wording), so a handler that parses a bad
// event.body reads what it would read on Lambda, not QuickJS's "unexpected token: 'x'".
// Loaded by core.js's JSON.parse only after the engine's own parser has refused the text; it
// scans the text the way V8's JSON parser does and names the first problem and its position
// (UTF-16 units). It returns undefined if it finds none, and the engine's message then stands.

const CONTEXT = 10 // V8's kMaxContextCharacters
const MIN_LENGTH_FOR_CONTEXT = CONTEXT * 2 + 1
const SPECIAL = ['[object Object]', 'undefined', 'Infinity', 'NaN']

class Failure {
  constructor(message) {
    this.message = message
  }
}

export function v8JsonMessage(text) {
  const s = text
  const n = s.length
  let i = 0
  const at = (what) => new Failure(`${what} in JSON at position ${i}`)
  const eos = () => new Failure('Unexpected end of JSON input')
  // An unexpected token: the end, a number, a string, or any other character (shown in context).
  const unexpected = () => {
    if (i >= n) return eos()
    const c = s[i]
    if (c === '-' || digit(c)) return at('Unexpected number')
    if (c === '"') return at('Unexpected string')
    if (SPECIAL.includes(s)) return new Failure(`"${s}" is not valid JSON`)
    if (n < MIN_LENGTH_FOR_CONTEXT) return new Failure(`Unexpected token '${c}', "${s}" is not valid JSON`)
    if (i < CONTEXT) return new Failure(`Unexpected token '${c}', "${s.slice(0, i + CONTEXT)}"... is not valid JSON`)
    if (i < n - CONTEXT)
      return new Failure(`Unexpected token '${c}', ..."${s.slice(i - CONTEXT, i + CONTEXT)}"... is not valid JSON`)
    return new Failure(`Unexpected token '${c}', ..."${s.slice(i - CONTEXT)}" is not valid JSON`)
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
      if (s[i] !== word[k]) throw unexpected()
    }
  }
  const number = () => {
    if (s[i] === '-') {
      i++
      if (i >= n || !digit(s[i])) throw at('No number after minus sign')
    }
    if (s[i] === '0') {
      i++
      if (i < n && digit(s[i])) throw at('Unexpected number')
    } else {
      while (i < n && digit(s[i])) i++
    }
    if (s[i] === '.') {
      i++
      if (i >= n || !digit(s[i])) throw at('Unterminated fractional number')
      while (i < n && digit(s[i])) i++
    }
    if (s[i] === 'e' || s[i] === 'E') {
      i++
      if (s[i] === '+' || s[i] === '-') i++
      if (i >= n || !digit(s[i])) throw at('Exponent part is missing a number')
      while (i < n && digit(s[i])) i++
    }
  }
  const string = () => {
    i++ // the opening quote
    for (;;) {
      if (i >= n) throw at('Unterminated string')
      const c = s[i]
      if (c === '"') {
        i++
        return
      }
      if (c < ' ') throw at('Bad control character in string literal')
      if (c === '\\') {
        i++
        if (i >= n) throw eos()
        const e = s[i]
        if (e === 'u') {
          i++
          for (let k = 0; k < 4; k++, i++) if (i >= n || !hex(s[i])) throw at('Bad Unicode escape')
          continue
        }
        if (!'"\\/bfnrt'.includes(e)) throw at('Bad escaped character')
      }
      i++
    }
  }
  const value = () => {
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
      for (;;) {
        value()
        ws()
        if (s[i] === ',') {
          i++
          continue
        }
        if (s[i] === ']') {
          i++
          return
        }
        throw at("Expected ',' or ']' after array element")
      }
    }
    if (c === '{') {
      i++
      ws()
      if (s[i] === '}') {
        i++
        return
      }
      if (s[i] !== '"') throw at("Expected property name or '}'")
      for (let first = true; ; first = false) {
        string()
        ws()
        // V8 names the missing colon after an object's first key only.
        if (s[i] !== ':') throw first ? at("Expected ':' after property name") : unexpected()
        i++
        value()
        ws()
        if (s[i] === ',') {
          i++
          ws()
          if (s[i] !== '"') throw at('Expected double-quoted property name')
          continue
        }
        if (s[i] === '}') {
          i++
          return
        }
        throw at("Expected ',' or '}' after property value")
      }
    }
    throw unexpected()
  }

  try {
    value()
    ws()
    if (i < n) throw new Failure(`Unexpected non-whitespace character after JSON at position ${i}`)
  } catch (e) {
    if (e instanceof Failure) return e.message
    throw e
  }
  return undefined
}

export default function factory() {
  return { v8JsonMessage }
}
