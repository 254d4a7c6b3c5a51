// The expression at an error's source position, rendered as V8's CallPrinter renders it in
// `… is not a function` (`client.sendd`, `items.map(...).filterr`, `client['sendd']` ->
// `client.sendd`, `o?.load`). A backward scan over the learner's text from the position QuickJS
// reports (the `(` of a call, the `.` of the member read that failed): no parser, no allocation
// beyond the result, and a refusal (undefined) whenever the text is not one of the simple shapes,
// so the caller keeps a generic message rather than a wrong one. Error path only.

const KEYWORDS = new Set(
  (
    'await break case catch class const continue debugger default delete do else export extends ' +
    'finally for function if import in instanceof let new of return static switch throw try typeof ' +
    'var void while with yield async'
  ).split(' '),
)

function isIdent(c) {
  return c !== undefined && /[\w$]/.test(c)
}
function wsBack(text, i) {
  while (i > 0 && /\s/.test(text[i - 1])) i--
  return i
}
function wsFwd(text, i) {
  while (i < text.length && /\s/.test(text[i])) i++
  return i
}
function identBack(text, i) {
  let s = i
  while (s > 0 && isIdent(text[s - 1])) s--
  return s
}
/** Index of the bracket opening the group that closes at `close`, or -1 (strings are skipped). */
function matchBack(text, close) {
  const closer = text[close]
  const opener = closer === ')' ? '(' : closer === ']' ? '[' : '{'
  let depth = 0
  for (let i = close; i >= 0 && close - i < 2000; i--) {
    const c = text[i]
    if (c === '"' || c === "'" || c === '`') {
      const q = text.lastIndexOf(c, i - 1)
      if (q < 0) return -1
      i = q
    } else if (c === closer) depth++
    else if (c === opener && --depth === 0) return i
  }
  return -1
}
function wordBefore(text, i) {
  const e = wsBack(text, i)
  return text.slice(identBack(text, e), e)
}
function calleeBefore(text, i) {
  const j = wsBack(text, i)
  const c = text[j - 1]
  if (c === ')' || c === ']') return true
  return isIdent(c) && !KEYWORDS.has(text.slice(identBack(text, j), j))
}

/**
 * The expression ending at `end` (exclusive): { start, text, calls } with V8's rendering, or
 * undefined when it is not a chain of identifiers, member accesses and calls.
 */
export function renderBack(text, end, depth = 0) {
  let i = wsBack(text, end)
  let out = ''
  let calls = 0
  for (let guard = 0; guard < 64; guard++) {
    const c = text[i - 1]
    let primary = false
    if (c === ')') {
      const open = matchBack(text, i - 1)
      if (open < 0) return undefined
      if (calleeBefore(text, open)) {
        out = '(...)' + out
        calls++
        i = wsBack(text, open)
        if (text.slice(i - 2, i) === '?.') i -= 2
        continue
      }
      // A parenthesised expression: V8 prints a simple inner chain as it is, anything else as
      // `(intermediate value)`.
      const inner = depth < 4 ? renderBack(text, i - 1, depth + 1) : undefined
      out = (inner !== undefined && wsFwd(text, open + 1) === inner.start ? inner.text : '(intermediate value)') + out
      i = open
      primary = true
    } else if (c === ']') {
      const open = matchBack(text, i - 1)
      if (open < 0 || !calleeBefore(text, open)) return undefined
      const key = text.slice(open + 1, i - 1).trim()
      const str = /^(['"])([A-Za-z_$][\w$]*)\1$/.exec(key)
      if (str !== null) out = '.' + str[2] + out
      else if (/^(?:\d+|[A-Za-z_$][\w$]*)$/.test(key)) out = '[' + key + ']' + out
      else return undefined
      i = wsBack(text, open)
      if (text.slice(i - 2, i) === '?.') {
        i -= 2
        out = '?.' + out
      }
      continue
    } else if (isIdent(c)) {
      const s = identBack(text, i)
      const word = text.slice(s, i)
      if (KEYWORDS.has(word) || (/^\d/.test(word) && !/^\d+$/.test(word))) return undefined
      out = word + out
      i = s
    } else return undefined
    // A member name is preceded by `.` or `?.` (not the `...` of a spread).
    const j = wsBack(text, i)
    if (!primary && text[j - 1] === '.' && text[j - 2] !== '.') {
      const opt = text[j - 2] === '?'
      out = (opt ? '?.' : '.') + out
      i = wsBack(text, j - (opt ? 2 : 1))
      continue
    }
    return { start: i, text: out, calls }
  }
  return undefined
}

/** Index just after the group opening at `open` (strings skipped), or -1. */
function matchFwd(text, open) {
  const opener = text[open]
  const closer = opener === '(' ? ')' : opener === '[' ? ']' : '}'
  let depth = 0
  for (let i = open; i < text.length && i - open < 2000; i++) {
    const c = text[i]
    if (c === '"' || c === "'" || c === '`') {
      const q = text.indexOf(c, i + 1)
      if (q < 0) return -1
      i = q
    } else if (c === opener) depth++
    else if (c === closer && --depth === 0) return i + 1
  }
  return -1
}
/** In `return a.b(...)` (a tail call, which QuickJS reports at `return`): the `(` of the call. */
function tailCall(text, pos) {
  let i = wsFwd(text, pos + 6)
  let open = -1
  for (let guard = 0; guard < 64 && i < text.length; guard++) {
    const c = text[i]
    if (isIdent(c)) while (isIdent(text[i])) i++
    else if (c === '.' || (c === '?' && text[i + 1] === '.')) i += c === '.' ? 1 : 2
    else if (c === '(' || c === '[') {
      if (c === '(') open = i
      i = matchFwd(text, i)
      if (i < 0) return -1
    } else break
    i = wsFwd(text, i)
  }
  return open
}

/** The callee of the call or `new` at the position (QuickJS points at the call's `(`). */
export function exprAt(at) {
  if (at.text === undefined) return undefined
  const { text } = at
  let pos = at.pos
  if (text.slice(pos, pos + 6) === 'return' && !isIdent(text[pos + 6])) pos = tailCall(text, pos)
  if (pos < 0) return undefined
  const found = renderBack(text, pos)
  if (found === undefined) return undefined
  const isNew = wordBefore(text, found.start) === 'new'
  // `new X().y()`: V8 says `(intermediate value).y`; not rendered here.
  if (isNew && found.calls > 0) return undefined
  return { text: found.text, isNew }
}

/** The end of the member access or identifier that starts at `pos`, or -1. */
function accessEnd(text, pos) {
  let i = pos
  if (text[i] === '?' && text[i + 1] === '.') i += 2
  else if (text[i] === '.') i++
  else if (text[i] === '[') {
    const close = text.indexOf(']', i)
    return close < 0 ? -1 : close + 1
  }
  i = wsFwd(text, i)
  if (!isIdent(text[i])) return -1
  while (isIdent(text[i])) i++
  return i
}

/** The iterated expression of a `for…of` or a spread whose read failed at the position. */
export function iterableAt(at) {
  if (at.text === undefined) return undefined
  const end = accessEnd(at.text, at.pos)
  if (end < 0) return undefined
  const found = renderBack(at.text, end)
  if (found === undefined) return undefined
  const j = wsBack(at.text, found.start)
  const before = at.text.slice(Math.max(0, j - 3), j)
  if (wordBefore(at.text, found.start) === 'of') return found.text
  if (before !== '...') return undefined
  // A spread into a call's arguments has its own message in V8.
  let depth = 0
  for (let k = j - 4; k >= 0 && j - k < 2000; k--) {
    const c = at.text[k]
    if (c === ')' || c === ']' || c === '}') depth++
    else if (c === '(' || c === '[' || c === '{') {
      if (depth-- > 0) continue
      return c === '(' && calleeBefore(at.text, k) ? SPREAD_CALL : found.text
    }
  }
  return undefined
}
export const SPREAD_CALL = {}

/** Whether the position is an assignment to the plain binding `name` (not a property). */
export function bindingAt(at, name) {
  if (at.text === undefined) return false
  const { text, pos } = at
  let e
  if (text.slice(pos, pos + name.length) === name && !isIdent(text[pos + name.length])) e = pos + name.length
  else e = wsBack(text, pos)
  const s = identBack(text, e)
  if (text.slice(s, e) !== name) return false
  const b = wsBack(text, s)
  return text[b - 1] !== '.'
}

/** The key of the member access at the position when the source spells it (`.x`, `[0]`, `['x']`). */
export function keyAfter(at) {
  if (at.text === undefined) return undefined
  const { text, pos } = at
  if (text[pos] !== '.' && text[pos] !== '?' && text[pos] !== '[') return undefined
  if (text[pos] === '[') {
    const close = text.indexOf(']', pos)
    if (close < 0) return undefined
    const key = text.slice(pos + 1, close).trim()
    const m = /^(?:(\d+)|(['"])([^'"\\]*)\2)$/.exec(key)
    return m === null ? undefined : m[1] !== undefined ? m[1] : m[3]
  }
  const end = accessEnd(text, pos)
  if (end < 0) return undefined
  return /[\w$]+$/.exec(text.slice(pos, end))[0]
}

/**
 * V8's column for a frame whose position QuickJS reports at `pos` (0-based offset in `text`), as a
 * 0-based offset: a call's `(` -> the called property or function name (`new` for a constructor
 * call; `return f()`, a tail call, likewise); a member read's `.` -> the property name. Anything
 * else keeps QuickJS's position.
 */
export function v8Position(text, pos) {
  let p = pos
  if (text.slice(p, p + 6) === 'return' && !isIdent(text[p + 6])) {
    p = tailCall(text, p)
    if (p < 0) return pos
  }
  if (text[p] === '.' && text[p - 1] !== '?' && text[p - 1] !== '.' && /[A-Za-z_$]/.test(text[p + 1] ?? ''))
    return p + 1
  if (text[p] !== '(') return pos
  const e = wsBack(text, p)
  if (!isIdent(text[e - 1])) return pos
  const s = identBack(text, e)
  if (KEYWORDS.has(text.slice(s, e))) return pos
  const found = renderBack(text, p)
  if (found !== undefined && found.calls === 0 && wordBefore(text, found.start) === 'new') {
    const ne = wsBack(text, found.start)
    return ne - 3
  }
  return s
}
