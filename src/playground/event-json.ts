/**
 * Validates the test event's JSON as the learner types and, when it is not valid, says where:
 * "Unexpected token } in JSON at line 4, column 3". Pure (no DOM).
 *
 * The value itself always comes from the platform's JSON.parse; this module only explains a
 * failure. Browsers word JSON.parse errors differently (and some give only an offset), so the
 * problem and its position come from the runtime's scanner (V8's rules, the one the simulated
 * JSON.parse uses: src/lambda/runtime/json-syntax.js), worded here for learners with a line and
 * column and, when we can tell, the usual cause. The scanner is iterative, so a deeply nested
 * document cannot overflow the stack.
 */
import { scanJsonSyntax, type JsonSyntaxError } from '../lambda/public.ts'

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

/** How the editor words a problem: its own kinds, located at an offset, with a hint. */
interface Problem {
  kind: 'token' | 'end' | 'string' | 'number' | 'control' | 'escape' | 'unterminated'
  offset: number
  hint?: string
}

/**
 * The first syntax error in `text` as JSON, or null if it is valid JSON. The scanner is the
 * runtime's (V8's rules and positions, src/lambda/runtime/json-syntax.js): the editor words what
 * it reports for learners (explain(), below) instead of showing V8's message.
 */
export function scanJson(text: string): JsonSyntaxError | null {
  return scanJsonSyntax(text) ?? null
}

const isWs = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09
const isDigit = (c: number) => c >= 0x30 && c <= 0x39

/** The editor's reading of a scanner result: which problem, where, and the usual cause. */
function explain(text: string, e: JsonSyntaxError): Problem {
  const n = text.length
  const i = e.position
  // Inside a string: at the end it is an unterminated string, and so is a line break in it.
  if (e.stringStart !== undefined && (i >= n || e.code === 'string'))
    return { kind: 'unterminated', offset: e.stringStart }
  if (e.code === 'control' && text.charCodeAt(i) === 0x0a && e.stringStart !== undefined) {
    return {
      kind: 'unterminated',
      offset: e.stringStart,
      hint: 'A string must end on the line it starts: close it with " (write a line break inside it as \\n).',
    }
  }
  if (i >= n) return { kind: 'end', offset: n }
  // An unexpected string, number or other token at i.
  const unexpected = (hint?: string): Problem => {
    const c = text.charCodeAt(i)
    if (c === 0x22) return { kind: 'string', offset: i, hint }
    if (isDigit(c) || c === 0x2d) return { kind: 'number', offset: i, hint }
    return { kind: 'token', offset: i, hint: hint ?? tokenHint(text, i) }
  }
  const close = e.container === '{' ? '}' : ']'
  // A comma right before the closing bracket of the container.
  const trailingComma = (): Problem | undefined => {
    if (e.container === undefined || text[i] !== close) return undefined
    let k = i - 1
    while (k >= 0 && isWs(text.charCodeAt(k))) k--
    if (text[k] !== ',') return undefined
    return { kind: 'token', offset: i, hint: `JSON does not allow a comma before ${close}: remove the last comma.` }
  }
  switch (e.code) {
    case 'control':
      return { kind: 'control', offset: i }
    case 'escape':
      return { kind: 'escape', offset: i }
    case 'number':
    case 'literal':
      return { kind: 'token', offset: i }
    case 'trailing':
      return { kind: 'token', offset: i, hint: 'There is more text after the end of the JSON value.' }
    case 'comma':
      return unexpected(commaHint(text, i, close))
    case 'colon':
      return unexpected('A property name must be followed by a colon (:).')
    case 'property':
      return (
        trailingComma() ??
        unexpected(
          text[i] === "'"
            ? 'JSON property names and strings use double quotes ("), not single quotes.'
            : /[A-Za-z_$]/.test(text[i])
              ? 'JSON property names must be in double quotes, like "name".'
              : undefined,
        )
      )
    default:
      return trailingComma() ?? unexpected()
  }
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

function describe(text: string, e: Problem): { message: string; offset?: number } {
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
    const scanned = scanJsonSyntax(text)
    if (!scanned) {
      // The scanner and the platform disagree (should not happen): trust the platform's words.
      return { ok: false, message: err instanceof Error ? err.message : String(err) }
    }
    const found = explain(text, scanned)
    const { message, offset } = describe(text, found)
    const pos = offset ?? text.length
    const { line, column } = lineColumn(text, pos)
    const hint =
      found.hint ??
      (found.kind === 'end' ? 'The JSON stops before it is complete: is a closing }, ] or " missing?' : undefined)
    return { ok: false, message, line, column, offset: pos, ...(hint ? { hint } : {}) }
  }
}
