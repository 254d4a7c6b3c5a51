/**
 * Validates the test event's JSON as the learner types and, when it is not valid, says where:
 * "Unexpected token } in JSON at line 4, column 3". Pure (no DOM).
 *
 * The value itself always comes from the platform's JSON.parse; this module only explains a
 * failure. Browsers word JSON.parse errors differently (and some give only an offset), so the
 * position and the message come from a small scanner of our own that follows RFC 8259 (the
 * grammar JSON.parse implements) and reports the first offending character. It is iterative, so
 * a deeply nested document cannot overflow the stack.
 */

export type EventJsonResult =
  | { ok: true; value: unknown }
  | {
      ok: false
      /** e.g. "Unexpected token } in JSON at line 4, column 3" */
      message: string
      /** 1-based; absent for an empty document. */
      line?: number
      column?: number
      /** 0-based offset in the text. */
      offset?: number
      /** A learner-friendly explanation of the usual cause, when we can tell. */
      hint?: string
    }

/** Where offset `i` is in `text`: 1-based line and column (UTF-16 code units, like editors count). */
export function lineColumn(text: string, i: number): { line: number; column: number } {
  let line = 1
  let lineStart = 0
  for (let k = 0; k < i && k < text.length; k++) {
    if (text.charCodeAt(k) === 10) {
      line++
      lineStart = k + 1
    }
  }
  return { line, column: i - lineStart + 1 }
}

interface ScanError {
  kind: 'token' | 'end' | 'string' | 'number' | 'control' | 'escape' | 'unterminated'
  offset: number
  hint?: string
}

const isWs = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09
const isDigit = (c: number) => c >= 0x30 && c <= 0x39

/** Returns the first syntax error in `text` as JSON, or null if it is valid JSON. */
export function scanJson(text: string): ScanError | null {
  const n = text.length
  let i = 0
  // What the parser expects next, with a stack of open containers ('{' or '[').
  const stack: number[] = []
  const skipWs = () => {
    while (i < n && isWs(text.charCodeAt(i))) i++
  }
  const unexpected = (hint?: string): ScanError => {
    if (i >= n) return { kind: 'end', offset: n }
    const c = text.charCodeAt(i)
    if (c === 0x22) return { kind: 'string', offset: i, hint }
    if (isDigit(c) || c === 0x2d) return { kind: 'number', offset: i, hint }
    return { kind: 'token', offset: i, hint: hint ?? tokenHint(text, i) }
  }
  // Scans a string starting at text[i] === '"'. Returns an error or null, leaves i after it.
  const scanString = (): ScanError | null => {
    const start = i
    i++
    while (i < n) {
      const c = text.charCodeAt(i)
      if (c === 0x22) {
        i++
        return null
      }
      if (c === 0x5c) {
        const e = text.charCodeAt(i + 1)
        if (i + 1 >= n) return { kind: 'unterminated', offset: start }
        if (e === 0x75) {
          for (let k = 2; k < 6; k++) {
            const h = text.charCodeAt(i + k)
            if (!((h >= 0x30 && h <= 0x39) || (h >= 0x41 && h <= 0x46) || (h >= 0x61 && h <= 0x66))) {
              return i + k >= n ? { kind: 'unterminated', offset: start } : { kind: 'escape', offset: i + k }
            }
          }
          i += 6
          continue
        }
        if ('"\\/bfnrt'.indexOf(text[i + 1]) === -1) return { kind: 'escape', offset: i + 1 }
        i += 2
        continue
      }
      if (c < 0x20) {
        return c === 0x0a
          ? {
              kind: 'unterminated',
              offset: start,
              hint: 'A string must end on the line it starts: close it with " (write a line break inside it as \\n).',
            }
          : { kind: 'control', offset: i }
      }
      i++
    }
    return { kind: 'unterminated', offset: start }
  }
  const scanNumber = (): ScanError | null => {
    if (text.charCodeAt(i) === 0x2d) i++
    if (i >= n) return { kind: 'end', offset: n }
    if (text.charCodeAt(i) === 0x30) i++
    else if (isDigit(text.charCodeAt(i))) while (i < n && isDigit(text.charCodeAt(i))) i++
    else return { kind: 'token', offset: i }
    if (text.charCodeAt(i) === 0x2e) {
      i++
      if (!isDigit(text.charCodeAt(i))) return i >= n ? { kind: 'end', offset: n } : { kind: 'token', offset: i }
      while (i < n && isDigit(text.charCodeAt(i))) i++
    }
    const e = text.charCodeAt(i)
    if (e === 0x65 || e === 0x45) {
      i++
      const s = text.charCodeAt(i)
      if (s === 0x2b || s === 0x2d) i++
      if (!isDigit(text.charCodeAt(i))) return i >= n ? { kind: 'end', offset: n } : { kind: 'token', offset: i }
      while (i < n && isDigit(text.charCodeAt(i))) i++
    }
    return null
  }
  const scanLiteral = (word: string): ScanError | null => {
    for (let k = 0; k < word.length; k++) {
      if (i + k >= n) return { kind: 'end', offset: n }
      if (text[i + k] !== word[k]) return { kind: 'token', offset: i + k }
    }
    i += word.length
    return null
  }
  // Scans one value; containers push onto the stack and return (their content is scanned by the loop).
  const scanValue = (): ScanError | null => {
    skipWs()
    if (i >= n) return { kind: 'end', offset: n }
    const c = text.charCodeAt(i)
    switch (c) {
      case 0x7b: // {
      case 0x5b: // [
        stack.push(c)
        i++
        return null
      case 0x22:
        return scanString()
      case 0x74:
        return scanLiteral('true')
      case 0x66:
        return scanLiteral('false')
      case 0x6e:
        return scanLiteral('null')
      default:
        if (c === 0x2d || isDigit(c)) return scanNumber()
        return unexpected()
    }
  }

  // state: after a container opens we must read its first member (or its close).
  let err = scanValue()
  if (err) return err
  let justOpened = stack.length > 0
  while (stack.length > 0) {
    const top = stack[stack.length - 1]
    skipWs()
    if (justOpened) {
      justOpened = false
      const c = text.charCodeAt(i)
      if ((top === 0x7b && c === 0x7d) || (top === 0x5b && c === 0x5d)) {
        i++
        stack.pop()
        continue
      }
    } else {
      // After a member: ',' or the close.
      const c = text.charCodeAt(i)
      if ((top === 0x7b && c === 0x7d) || (top === 0x5b && c === 0x5d)) {
        i++
        stack.pop()
        continue
      }
      if (c !== 0x2c) return unexpected(top === 0x7b ? commaHint(text, i, '}') : commaHint(text, i, ']'))
      i++
      skipWs()
      const d = text.charCodeAt(i)
      if ((top === 0x7b && d === 0x7d) || (top === 0x5b && d === 0x5d)) {
        return {
          kind: 'token',
          offset: i,
          hint: `JSON does not allow a comma before ${String.fromCharCode(d)}: remove the last comma.`,
        }
      }
    }
    if (top === 0x7b) {
      skipWs()
      if (text.charCodeAt(i) !== 0x22) {
        return unexpected(
          text[i] === "'"
            ? 'JSON property names and strings use double quotes ("), not single quotes.'
            : i < n && /[A-Za-z_$]/.test(text[i])
              ? 'JSON property names must be in double quotes, like "name".'
              : undefined,
        )
      }
      err = scanString()
      if (err) return err
      skipWs()
      if (text.charCodeAt(i) !== 0x3a) return unexpected('A property name must be followed by a colon (:).')
      i++
    }
    const depth = stack.length
    err = scanValue()
    if (err) return err
    justOpened = stack.length > depth
  }
  skipWs()
  if (i < n) return { kind: 'token', offset: i, hint: 'There is more text after the end of the JSON value.' }
  return null
}

function tokenHint(text: string, i: number): string | undefined {
  const c = text[i]
  if (c === "'") return 'JSON strings use double quotes ("), not single quotes.'
  if (c === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) return 'JSON does not allow comments.'
  if (/[A-Za-z_$]/.test(c)) {
    const word = /^[A-Za-z_$][\w$]*/.exec(text.slice(i, i + 40))?.[0] ?? c
    if (word === 'undefined' || word === 'NaN' || word === 'Infinity')
      return `${word} is not a JSON value: use null or a number.`
    if (word === 'True' || word === 'False' || word === 'None' || word === 'Null')
      return `JSON literals are lower case: true, false, null.`
    return 'Text values must be in double quotes, like "text".'
  }
  return undefined
}

function commaHint(text: string, i: number, close: string): string | undefined {
  if (i >= text.length) return undefined
  const c = text[i]
  if (c === '"' || c === '{' || c === '[' || /[0-9tfn-]/.test(c))
    return `A comma (,) is missing before this value, or a ${close} is missing.`
  return undefined
}

function describe(text: string, e: ScanError): { message: string; offset?: number } {
  if (e.kind === 'end') return { message: 'Unexpected end of JSON input' }
  const { line, column } = lineColumn(text, e.offset)
  const at = `in JSON at line ${line}, column ${column}`
  switch (e.kind) {
    case 'string':
      return { message: `Unexpected string ${at}`, offset: e.offset }
    case 'number':
      return { message: `Unexpected number ${at}`, offset: e.offset }
    case 'control':
      return { message: `Bad control character in string literal ${at}`, offset: e.offset }
    case 'escape':
      return { message: `Bad escaped character ${at}`, offset: e.offset }
    case 'unterminated':
      return { message: `Unterminated string ${at}`, offset: e.offset }
    default: {
      const cp = text.codePointAt(e.offset) ?? 0
      const ch = String.fromCodePoint(cp)
      const shown = /\s/.test(ch) || cp < 0x20 ? `U+${cp.toString(16).toUpperCase().padStart(4, '0')}` : ch
      return { message: `Unexpected token ${shown} ${at}`, offset: e.offset }
    }
  }
}

/** Parses the event text. On failure: the message with line and column, and a hint. */
export function checkEventJson(text: string): EventJsonResult {
  if (text.trim() === '') {
    return { ok: false, message: 'The event is empty. An event must be a JSON value: use {} for an empty event.' }
  }
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch (err) {
    const found = scanJson(text)
    if (!found) {
      // The scanner and the platform disagree (should not happen): trust the platform's words.
      return { ok: false, message: err instanceof Error ? err.message : String(err) }
    }
    const { message, offset } = describe(text, found)
    const pos = offset ?? text.length
    const { line, column } = lineColumn(text, pos)
    const hint =
      found.hint ??
      (found.kind === 'end' ? 'The JSON stops before it is complete: is a closing }, ] or " missing?' : undefined)
    return { ok: false, message, line, column, offset: pos, ...(hint ? { hint } : {}) }
  }
}
