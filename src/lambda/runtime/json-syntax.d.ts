/** What kind of problem stopped the scan (V8's message says it in V8's words). */
export type JsonSyntaxCode =
  /** Unexpected end of JSON input. */
  | 'end'
  /** An unexpected character, number or string where a value or a delimiter should be. */
  | 'token'
  /** A misspelt true, false or null (the character where it goes wrong). */
  | 'literal'
  /** A malformed number: a minus, fraction or exponent without digits. */
  | 'number'
  /** A string that is not closed before the end. */
  | 'string'
  /** A raw control character (U+0000-U+001F) inside a string. */
  | 'control'
  /** A bad escape sequence (\q, \u12zz) inside a string. */
  | 'escape'
  /** Something other than a comma or the closing bracket after an element or property value. */
  | 'comma'
  /** Something other than a double-quoted property name where one should be. */
  | 'property'
  /** A property name not followed by a colon. */
  | 'colon'
  /** Text after the end of the JSON value. */
  | 'trailing'

export interface JsonSyntaxError {
  code: JsonSyntaxCode
  /** V8's (Node 20's) message, e.g. "Expected property name or '}' in JSON at position 1". */
  message: string
  /** The position V8 names, in UTF-16 units (the text's length at its end). */
  position: number
  /** The innermost array or object the problem is in. */
  container?: '[' | '{'
  /** Where the string the problem is in starts (its opening quote). */
  stringStart?: number
}

/** The first problem V8's JSON.parse finds in the text, or undefined if V8 accepts it. */
export function scanJsonSyntax(text: string): JsonSyntaxError | undefined

/** V8's (Node 20's) message for JSON.parse(text), or undefined if V8 would accept the text. */
export function v8JsonMessage(text: string, major?: number): string | undefined
/** V8's 1-based line and column of a UTF-16 position (\r\n, \r and \n end a line). */
export function jsonLineColumn(text: string, position: number): [number, number]
