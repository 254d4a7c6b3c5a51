// A streaming JSON tokenizer that reads an event pattern the way EventBridge's rule compiler does.
//
// EventBridge compiles patterns with aws/event-ruler, which reads them token by token with Jackson.
// Its errors carry Jackson's text and position: `Unrecognized token 'this': was expecting (…)
// at [Source: (String)"…"; line: 1, column: 5]`, and a semantic error found half-way through a
// pattern is reported before a syntax error further on. To give learners the same messages at the
// same columns, this tokenizer follows Jackson's reading order: after a field name it has already
// consumed the colon and the first character of the value (or the whole number or literal), and a
// string value is read to its closing quote only when its text is asked for.

export type TokenType =
  | 'START_OBJECT'
  | 'END_OBJECT'
  | 'START_ARRAY'
  | 'END_ARRAY'
  | 'FIELD_NAME'
  | 'VALUE_STRING'
  | 'VALUE_NUMBER_INT'
  | 'VALUE_NUMBER_FLOAT'
  | 'VALUE_TRUE'
  | 'VALUE_FALSE'
  | 'VALUE_NULL'

/** A pattern the compiler refuses. `reason` is the rule compiler's text; `message` adds Jackson's location. */
export class PatternError extends Error {
  constructor(
    readonly reason: string,
    readonly location?: string,
  ) {
    super(location ? `${reason}\n at ${location}` : reason)
  }
}

interface Context {
  type: 'root' | 'object' | 'array'
  entries: number
  line: number
  column: number
}

const VALID_VALUES = "(JSON String, Number, Array, Object or token 'null', 'true' or 'false')"
const MAX_SNIPPET = 500

export const isNumberToken = (t: TokenType | null): boolean => t === 'VALUE_NUMBER_INT' || t === 'VALUE_NUMBER_FLOAT'

function charDesc(code: number): string {
  if (code < 32) return `(CTRL-CHAR, code ${code})`
  const ch = String.fromCharCode(code)
  if (code > 255) return `'${ch}' (code ${code} / 0x${code.toString(16)})`
  return `'${ch}' (code ${code})`
}

const isIdentChar = (c: number) =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36 || c > 127

export class JsonTokens {
  private pos = 0
  private line = 1
  private lineStart = 0
  private readonly stack: Context[] = [{ type: 'root', entries: 0, line: 1, column: 1 }]
  private current: TokenType | null = null
  private afterName: TokenType | null = null
  private stringPending = false
  private value = ''
  private name = ''

  constructor(
    readonly source: string,
    private readonly maxDepth = 1000,
  ) {}

  /** Jackson's `[Source: (String)"…"; line: L, column: C]` for the current position. */
  /** `minusOne`: point at the character just read (Jackson does so for "Unexpected character" errors). */
  location(minusOne = false): string {
    const column = this.pos - this.lineStart + (minusOne ? 0 : 1)
    return `[Source: (String)${this.snippet()}; line: ${this.line}, column: ${Math.max(1, column)}]`
  }

  fail(reason: string): never {
    throw new PatternError(reason, this.location())
  }

  /** Jackson's _reportUnexpectedChar: the location is the offending character itself. */
  private unexpected(reason: string): never {
    throw new PatternError(reason, this.location(true))
  }

  get token(): TokenType | null {
    return this.current
  }

  /** The current field name (inside an object). */
  currentName(): string {
    return this.name
  }

  /** Text of the current scalar token (reads a pending string to its end). */
  text(): string {
    if (this.current === 'FIELD_NAME') return this.name
    if (this.current === 'VALUE_STRING' && this.stringPending) {
      this.stringPending = false
      this.value = this.readString()
    }
    switch (this.current) {
      case 'START_OBJECT':
        return '{'
      case 'END_OBJECT':
        return '}'
      case 'START_ARRAY':
        return '['
      case 'END_ARRAY':
        return ']'
      default:
        return this.value
    }
  }

  next(): TokenType | null {
    if (this.current === 'FIELD_NAME') {
      const t = this.afterName!
      this.afterName = null
      return this.enter(t)
    }
    if (this.stringPending) {
      this.stringPending = false
      this.readString()
    }
    const ctx = this.stack[this.stack.length - 1]
    let c = this.skipWs()
    if (c < 0) {
      if (ctx.type !== 'root') {
        const kind = ctx.type === 'object' ? 'Object' : 'Array'
        this.fail(
          `Unexpected end-of-input: expected close marker for ${kind} (start marker at [Source: (String)${this.snippet()}; line: ${ctx.line}, column: ${ctx.column}])`,
        )
      }
      return (this.current = null)
    }
    if (c === 93 /* ] */ || c === 125 /* } */) {
      this.pos++
      const want = c === 93 ? 'array' : 'object'
      if (ctx.type !== want) {
        if (ctx.type === 'root') this.fail(`Unexpected close marker '${String.fromCharCode(c)}': expected ']' or '}'`)
        this.fail(
          `Unexpected close marker '${String.fromCharCode(c)}': expected '${ctx.type === 'object' ? '}' : ']'}' (for ${ctx.type === 'object' ? 'Object' : 'Array'} starting at [Source: (String)${this.snippet()}; line: ${ctx.line}, column: ${ctx.column}])`,
        )
      }
      this.stack.pop()
      return (this.current = c === 93 ? 'END_ARRAY' : 'END_OBJECT')
    }
    if (ctx.type !== 'root' && ctx.entries > 0) {
      this.pos++
      if (c !== 44 /* , */) {
        this.unexpected(
          `Unexpected character (${charDesc(c)}): was expecting comma to separate ${ctx.type === 'object' ? 'Object' : 'Array'} entries`,
        )
      }
      c = this.skipWs()
      if (c < 0)
        this.fail(`Unexpected end-of-input within/between ${ctx.type === 'object' ? 'Object' : 'Array'} entries`)
    }
    ctx.entries++
    if (ctx.type === 'object') {
      this.pos++
      if (c !== 34 /* " */)
        this.unexpected(`Unexpected character (${charDesc(c)}): was expecting double-quote to start field name`)
      this.name = this.readString()
      c = this.skipWs()
      if (c < 0) this.fail('Unexpected end-of-input: was expecting a colon to separate field name and value')
      this.pos++
      if (c !== 58 /* : */) {
        this.unexpected(`Unexpected character (${charDesc(c)}): was expecting a colon to separate field name and value`)
      }
      c = this.skipWs()
      if (c < 0) this.fail(`Unexpected end-of-input: expected a valid value ${VALID_VALUES}`)
      this.afterName = this.startValue(c)
      return (this.current = 'FIELD_NAME')
    }
    return this.enter(this.startValue(c))
  }

  /** Skip the current object or array (the current token is its start); leaves the end token current. */
  skipChildren(): void {
    if (this.current !== 'START_OBJECT' && this.current !== 'START_ARRAY') return
    let depth = 1
    while (depth > 0) {
      const t = this.next()
      if (t === null) return
      if (t === 'START_OBJECT' || t === 'START_ARRAY') depth++
      else if (t === 'END_OBJECT' || t === 'END_ARRAY') depth--
    }
  }

  private enter(t: TokenType): TokenType {
    if (t === 'START_OBJECT' || t === 'START_ARRAY') {
      if (this.stack.length > this.maxDepth) {
        this.fail(
          `Document nesting depth (${this.stack.length}) exceeds the maximum allowed (${this.maxDepth}, from \`StreamReadConstraints.getMaxNestingDepth()\`)`,
        )
      }
      this.stack.push({
        type: t === 'START_OBJECT' ? 'object' : 'array',
        entries: 0,
        line: this.line,
        column: this.pos - this.lineStart,
      })
    }
    return (this.current = t)
  }

  private snippet(): string {
    const src = this.source
    return src.length > MAX_SNIPPET
      ? `"${src.slice(0, MAX_SNIPPET)}"[truncated ${src.length - MAX_SNIPPET} chars]`
      : `"${src}"`
  }

  /** Reads the first character of a value (and all of a number or literal), as Jackson does. */
  private startValue(c: number): TokenType {
    const src = this.source
    this.pos++
    switch (c) {
      case 34: // "
        this.stringPending = true
        this.value = ''
        return 'VALUE_STRING'
      case 91:
        return 'START_ARRAY'
      case 123:
        return 'START_OBJECT'
      case 116: // t
        this.literal('true')
        return 'VALUE_TRUE'
      case 102:
        this.literal('false')
        return 'VALUE_FALSE'
      case 110:
        this.literal('null')
        return 'VALUE_NULL'
      case 45: // -
        return this.number(this.pos - 1)
      case 93: // ]
      case 125: // }
      case 44: // ,
        return this.unexpected(`Unexpected character (${charDesc(c)}): expected a value`)
      case 47: // /
        return this.unexpected(
          `Unexpected character (${charDesc(c)}): maybe a (non-standard) comment? (not recognized as one since Feature 'ALLOW_COMMENTS' not enabled for parser)`,
        )
    }
    if (c >= 48 && c <= 57) return this.number(this.pos - 1)
    if (isIdentChar(c)) {
      const start = this.pos - 1
      let end = this.pos
      while (end < src.length && isIdentChar(src.charCodeAt(end))) end++
      this.pos = end
      this.fail(`Unrecognized token '${src.slice(start, end)}': was expecting ${VALID_VALUES}`)
    }
    this.unexpected(`Unexpected character (${charDesc(c)}): expected a valid value ${VALID_VALUES}`)
  }

  private literal(word: string): void {
    const src = this.source
    const start = this.pos - 1
    let end = this.pos
    while (end < src.length && isIdentChar(src.charCodeAt(end))) end++
    const token = src.slice(start, end)
    if (token !== word) {
      this.pos = end
      this.fail(`Unrecognized token '${token}': was expecting ${VALID_VALUES}`)
    }
    this.pos = end
    this.value = word
  }

  private number(start: number): TokenType {
    const src = this.source
    let i = start
    if (src.charCodeAt(i) === 45) i++
    const digit = (k: number) => {
      const d = src.charCodeAt(k)
      return d >= 48 && d <= 57
    }
    if (!digit(i)) {
      this.pos = i + 1
      if (i >= src.length) this.fail('Unexpected end-of-input in number value')
      this.fail(
        `Unexpected character (${charDesc(src.charCodeAt(i))}) in numeric value: expected digit (0-9) to follow minus sign, for valid numeric value`,
      )
    }
    if (src.charCodeAt(i) === 48 && digit(i + 1)) {
      this.pos = i + 2
      this.fail('Invalid numeric value: Leading zeroes not allowed')
    }
    while (digit(i)) i++
    let float = false
    if (src.charCodeAt(i) === 46) {
      float = true
      i++
      if (!digit(i)) {
        this.pos = i + 1
        this.fail(
          i >= src.length
            ? 'Unexpected end-of-input in number value'
            : `Unexpected character (${charDesc(src.charCodeAt(i))}) in numeric value: Decimal point not followed by a digit`,
        )
      }
      while (digit(i)) i++
    }
    const e = src.charCodeAt(i)
    if (e === 101 || e === 69) {
      float = true
      i++
      const s = src.charCodeAt(i)
      if (s === 43 || s === 45) i++
      if (!digit(i)) {
        this.pos = i + 1
        this.fail(
          i >= src.length
            ? 'Unexpected end-of-input in number value'
            : `Unexpected character (${charDesc(src.charCodeAt(i))}) in numeric value: Exponent indicator not followed by a digit`,
        )
      }
      while (digit(i)) i++
    }
    this.pos = i
    this.value = src.slice(start, i)
    return float ? 'VALUE_NUMBER_FLOAT' : 'VALUE_NUMBER_INT'
  }

  /** Reads a string whose opening quote was consumed; returns its text with escapes resolved. */
  private readString(): string {
    const src = this.source
    let out = ''
    let runStart = this.pos
    for (;;) {
      if (this.pos >= src.length) this.fail('Unexpected end-of-input: was expecting closing quote for a string value')
      const c = src.charCodeAt(this.pos)
      if (c === 34) {
        out += src.slice(runStart, this.pos)
        this.pos++
        return out
      }
      if (c < 32) {
        this.pos++
        this.fail(
          `Illegal unquoted character (${charDesc(c)}): has to be escaped using backslash to be included in string value`,
        )
      }
      if (c !== 92) {
        this.pos++
        continue
      }
      out += src.slice(runStart, this.pos)
      this.pos++
      if (this.pos >= src.length) this.fail('Unexpected end-of-input in character escape sequence')
      const e = src.charCodeAt(this.pos++)
      switch (e) {
        case 34:
        case 92:
        case 47:
          out += String.fromCharCode(e)
          break
        case 98:
          out += '\b'
          break
        case 102:
          out += '\f'
          break
        case 110:
          out += '\n'
          break
        case 114:
          out += '\r'
          break
        case 116:
          out += '\t'
          break
        case 117: {
          let v = 0
          for (let k = 0; k < 4; k++) {
            if (this.pos >= src.length) this.fail('Unexpected end-of-input in character escape sequence')
            const h = src.charCodeAt(this.pos++)
            const d = h >= 48 && h <= 57 ? h - 48 : h >= 97 && h <= 102 ? h - 87 : h >= 65 && h <= 70 ? h - 55 : -1
            if (d < 0)
              this.fail(`Unexpected character (${charDesc(h)}): expected a hex-digit for character escape sequence`)
            v = v * 16 + d
          }
          out += String.fromCharCode(v)
          break
        }
        default:
          this.fail(`Unrecognized character escape ${charDesc(e)}`)
      }
      runStart = this.pos
    }
  }

  /** Skips whitespace (counting lines as Jackson does); returns the next char code, or -1 at the end. */
  private skipWs(): number {
    const src = this.source
    while (this.pos < src.length) {
      const c = src.charCodeAt(this.pos)
      if (c === 32 || c === 9) {
        this.pos++
      } else if (c === 10) {
        this.pos++
        this.line++
        this.lineStart = this.pos
      } else if (c === 13) {
        this.pos++
        if (src.charCodeAt(this.pos) === 10) this.pos++
        this.line++
        this.lineStart = this.pos
      } else {
        return c
      }
    }
    return -1
  }
}
