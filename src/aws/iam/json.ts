// A strict JSON parser that remembers where every value sits in the text.
//
// IAM policies are JSON. We parse them ourselves, rather than with JSON.parse, for three reasons:
// the explainer highlights the statement that decided a request, so we need each statement's
// offsets; hostile input (deep nesting) must be refused with IAM's own message instead of
// overflowing the stack; and the parser is iterative over values with an explicit depth bound.
// It accepts exactly RFC 8259 JSON (what JSON.parse accepts); duplicate keys keep the last value.

export type JsonNode = JsonObject | JsonArray | JsonScalar

interface NodeBase {
  /** Offset of the first character of the value. */
  start: number
  /** Offset just past the last character of the value. */
  end: number
}

export interface JsonObject extends NodeBase {
  type: 'object'
  entries: { key: string; keyStart: number; value: JsonNode }[]
}

export interface JsonArray extends NodeBase {
  type: 'array'
  items: JsonNode[]
}

export interface JsonScalar extends NodeBase {
  type: 'string' | 'number' | 'boolean' | 'null'
  value: string | number | boolean | null
}

export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message)
  }
}

export interface JsonParseOptions {
  /** Deepest nesting of objects/arrays accepted (default 32). */
  maxDepth?: number
}

const WS = new Uint8Array(128)
WS[0x20] = WS[0x09] = WS[0x0a] = WS[0x0d] = 1

export function parseJson(text: string, options: JsonParseOptions = {}): JsonNode {
  const maxDepth = options.maxDepth ?? 32
  let i = 0
  const n = text.length

  const fail = (msg: string, at = i): never => {
    throw new JsonSyntaxError(msg, at)
  }
  const skipWs = () => {
    while (i < n) {
      const c = text.charCodeAt(i)
      if (c < 128 && WS[c]) i++
      else break
    }
  }

  const parseString = (): string => {
    // text[i] === '"'
    i++
    let out = ''
    let runStart = i
    while (true) {
      if (i >= n) fail('Unterminated string')
      const c = text.charCodeAt(i)
      if (c === 34 /* " */) {
        out += text.slice(runStart, i)
        i++
        return out
      }
      if (c < 0x20) fail('Control character in string')
      if (c === 92 /* \ */) {
        out += text.slice(runStart, i)
        const e = text.charCodeAt(i + 1)
        switch (e) {
          case 34:
            out += '"'
            break
          case 92:
            out += '\\'
            break
          case 47:
            out += '/'
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
            const hex = text.slice(i + 2, i + 6)
            if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('Bad unicode escape', i)
            out += String.fromCharCode(parseInt(hex, 16))
            i += 4
            break
          }
          default:
            fail('Bad escape', i)
        }
        i += 2
        runStart = i
        continue
      }
      i++
    }
  }

  const parseNumber = (): JsonScalar => {
    const start = i
    if (text[i] === '-') i++
    if (text[i] === '0') i++
    else if (text[i] >= '1' && text[i] <= '9') while (text[i] >= '0' && text[i] <= '9') i++
    else fail('Bad number', start)
    if (text[i] === '.') {
      i++
      if (!(text[i] >= '0' && text[i] <= '9')) fail('Bad number', start)
      while (text[i] >= '0' && text[i] <= '9') i++
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++
      if (text[i] === '+' || text[i] === '-') i++
      if (!(text[i] >= '0' && text[i] <= '9')) fail('Bad number', start)
      while (text[i] >= '0' && text[i] <= '9') i++
    }
    const raw = text.slice(start, i)
    return { type: 'number', start, end: i, value: Number(raw) }
  }

  const parseLiteral = (word: string, value: boolean | null): JsonScalar => {
    if (text.startsWith(word, i)) {
      const start = i
      i += word.length
      return { type: value === null ? 'null' : 'boolean', start, end: i, value }
    }
    return fail('Unexpected token')
  }

  // Containers are parsed with an explicit stack, so depth never touches the JS call stack.
  type Frame = { node: JsonObject; key: string; keyStart: number } | { node: JsonArray }
  const stack: Frame[] = []

  const parseScalarOrOpen = (): JsonNode | undefined => {
    skipWs()
    if (i >= n) fail('Unexpected end of JSON input')
    const c = text[i]
    if (c === '{' || c === '[') {
      if (stack.length >= maxDepth) fail('Nesting too deep')
      const start = i++
      if (c === '{') {
        const node: JsonObject = { type: 'object', start, end: start, entries: [] }
        skipWs()
        if (text[i] === '}') {
          i++
          node.end = i
          return node
        }
        const key = readKey()
        stack.push({ node, key: key.key, keyStart: key.start })
        return undefined
      }
      const node: JsonArray = { type: 'array', start, end: start, items: [] }
      skipWs()
      if (text[i] === ']') {
        i++
        node.end = i
        return node
      }
      stack.push({ node })
      return undefined
    }
    if (c === '"') {
      const start = i
      const value = parseString()
      return { type: 'string', start, end: i, value }
    }
    if (c === '-' || (c >= '0' && c <= '9')) return parseNumber()
    if (c === 't') return parseLiteral('true', true)
    if (c === 'f') return parseLiteral('false', false)
    if (c === 'n') return parseLiteral('null', null)
    return fail('Unexpected token')
  }

  const readKey = (): { key: string; start: number } => {
    skipWs()
    if (text[i] !== '"') fail('Expected property name')
    const start = i
    const key = parseString()
    skipWs()
    if (text[i] !== ':') fail("Expected ':'")
    i++
    return { key, start }
  }

  let result: JsonNode | undefined = parseScalarOrOpen()
  while (result === undefined || stack.length > 0) {
    if (result === undefined) {
      result = parseScalarOrOpen()
      continue
    }
    // A value is complete: attach it to the innermost container and look for `,` or the close.
    const frame = stack[stack.length - 1]
    if ('key' in frame) frame.node.entries.push({ key: frame.key, keyStart: frame.keyStart, value: result })
    else frame.node.items.push(result)
    skipWs()
    const c = text[i]
    if (c === ',') {
      i++
      if ('key' in frame) {
        const key = readKey()
        frame.key = key.key
        frame.keyStart = key.start
      }
      result = undefined
      continue
    }
    if ((c === '}' && 'key' in frame) || (c === ']' && !('key' in frame))) {
      i++
      frame.node.end = i
      stack.pop()
      result = frame.node
      continue
    }
    fail(i >= n ? 'Unexpected end of JSON input' : 'Unexpected token')
  }
  skipWs()
  if (i < n) fail('Unexpected non-whitespace character after JSON')
  return result
}

/** The value of the last entry named `key` (JSON.parse semantics for duplicate keys). */
export function member(node: JsonObject, key: string): JsonNode | undefined {
  for (let k = node.entries.length - 1; k >= 0; k--) if (node.entries[k].key === key) return node.entries[k].value
  return undefined
}

/** Distinct keys in first-seen order. */
export function keysOf(node: JsonObject): string[] {
  return [...new Set(node.entries.map((e) => e.key))]
}

/** Convert to plain JS values (what JSON.parse would return); recursion is bounded by the parse depth. */
export function toPlain(node: JsonNode): unknown {
  if (node.type === 'object') {
    const out: Record<string, unknown> = {}
    for (const e of node.entries) out[e.key] = toPlain(e.value)
    return out
  }
  if (node.type === 'array') return node.items.map(toPlain)
  return node.value
}

/** 1-based line and column of an offset, as IAM's policy simulator reports positions. */
export function lineColumn(
  text: string,
  offset: number,
  lines: number[] = lineStarts(text),
): { Line: number; Column: number } {
  // Binary search for the last line starting at or before the offset.
  let lo = 0
  let hi = lines.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (lines[mid] <= offset) lo = mid
    else hi = mid - 1
  }
  return { Line: lo + 1, Column: offset - lines[lo] + 1 }
}

/** Offsets where each line starts (compute once per text, then lineColumn is logarithmic). */
export function lineStarts(text: string): number[] {
  const out = [0]
  for (let k = text.indexOf('\n'); k >= 0; k = text.indexOf('\n', k + 1)) out.push(k + 1)
  return out
}
