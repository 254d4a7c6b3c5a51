// internal/v8-messages: V8's words for the errors QuickJS words differently, as the runtime reports
// them (errorMessage, trace[0], the Invoke Error line, util.inspect of an error). Loaded on the
// error path only (core.js's v8Message), never on a warm invoke that does not fail.
//
// Most messages are translated from QuickJS's text alone. Those in which V8 names the expression
// (`client.sendd is not a function`, `… is not a constructor`, `event.items is not iterable`, the
// constant in `Assignment to constant variable.`) need the learner's source at the error's
// position: the top frame of QuickJS's stack gives file, line and column, the function's files are
// mounted at /var/task, and `expression.js` renders the callee as V8's CallPrinter does. When the
// position or the expression cannot be recovered, the message stays in a generic V8 form, or as
// QuickJS words it when V8 has no generic form (listed in docs/runtime.md).
import { exprAt, iterableAt, bindingAt, keyAfter, SPREAD_CALL, v8Position } from './v8-expression.js'

const MESSAGES = [
  [/^cannot read property 'Symbol\.iterator' of (undefined|null)$/, iterable],
  [
    /^cannot read property '([^]*)' of (undefined|null)$/,
    (m) => `Cannot read properties of ${m[2]} (reading '${m[1]}')`,
  ],
  [/^cannot read property of (undefined|null)$/, readUnknown],
  [/^cannot set property '([^]*)' of (undefined|null)$/, (m) => `Cannot set properties of ${m[2]} (setting '${m[1]}')`],
  [/^cannot set property of (undefined|null)$/, (m) => `Cannot set properties of ${m[1]}`],
  [/^'([^]*)' is not defined$/, (m) => `${m[1]} is not defined`],
  [/^cannot convert symbol to string$/, () => 'Cannot convert a Symbol value to a string'],
  [/^invalid array length$/, () => 'Invalid array length'],
  [/^not a function$/, notAFunction],
  [/^(?:[^]* )?is not a constructor$|^not a constructor$/, (m, at) => callee(at, 'constructor')],
  [/^value is not iterable$/, (m, at) => (at.native !== undefined ? iterableArg(at) : iterable(m, at))],
  [/^([^]*) is not initialized$/, tdz],
  [/^'([^]*)' is read-only$/, readOnly],
  [/^class constructors must be invoked with 'new'$/, classCall],
  [/^empty array$/, (m, at) => (at.native === 'reduce' || at.native === 'reduceRight' ? REDUCE : undefined)],
  [
    /^cannot convert bigint to number$/,
    (m, at) => (at.native === undefined ? MIX : 'Cannot convert a BigInt value to a number'),
  ],
  [/^cannot convert to object$/, () => 'Cannot convert undefined or null to object'],
  [/^object is not extensible$/, notExtensible],
  [
    /^Date value is NaN$/,
    (m, at) => (at.native === 'toISOString' || at.native === 'toJSON' ? 'Invalid time value' : undefined),
  ],
  [
    /^radix must be between 2 and 36$/,
    (m, at) => (at.native === 'toString' ? 'toString() radix argument must be between 2 and 36' : undefined),
  ],
  [/^invalid number of digits$/, digits],
  [/^bad normalization form$/, () => 'The normalization form should be one of NFC, NFD, NFKC, NFKD.'],
  [/^not an object$/, (m, at) => NOT_AN_OBJECT[at.native]],
  [/^invalid value used as WeakMap key$/, () => 'Invalid value used as weak map key'],
  [/^invalid value used as WeakSet key$/, () => 'Invalid value used in weak set'],
  [/^invalid value used as WeakRef target$/, () => 'WeakRef: invalid target'],
]
for (let i = 0; i < MESSAGES.length; i++) MESSAGES[i][0] = new RegExp(MESSAGES[i][0].source, 'y')
const NOT_AN_OBJECT = {
  __proto__: null,
  Proxy: 'Cannot create proxy with a non-object as target or handler',
  ownKeys: 'Reflect.ownKeys called on non-object',
}
// Built-ins that call back the function they are given (V8: `5 is not a function`).
const CALLBACKS = new Set(
  'map forEach filter find findIndex findLast findLastIndex some every flatMap reduce reduceRight'.split(' '),
)
// Built-ins that iterate their argument (V8: `number 5 is not iterable (cannot read property …)`).
const ITERATES = new Set('Set Map WeakMap WeakSet all allSettled any race fromEntries'.split(' '))
const REDUCE = 'Reduce of empty array with no initial value'
const MIX = 'Cannot mix BigInt and other types, use explicit conversions'

function callee(at, kind) {
  const found = exprAt(at)
  if (found === undefined) return undefined
  return `${found.text} is not a ${found.isNew || kind === 'constructor' ? 'constructor' : 'function'}`
}
function notAFunction(m, at) {
  if (at.native === undefined) return callee(at, 'function')
  if (at.native === 'sort' || at.native === 'toSorted')
    return 'The comparison function must be either a function or undefined'
  if (!CALLBACKS.has(at.native)) return undefined
  const arg = literalArg(at.caller)
  return arg === undefined ? undefined : `${arg.text} is not a function`
}
function iterableArg(at) {
  if (!ITERATES.has(at.native)) return undefined
  const arg = literalArg(at.caller)
  if (arg === undefined) return undefined
  const what = arg.type === 'object' ? 'object' : `${arg.type} ${arg.text}`
  return `${what} is not iterable (cannot read property Symbol(Symbol.iterator))`
}
function iterable(m, at) {
  const text = iterableAt(at)
  if (text === SPREAD_CALL) return 'Spread syntax requires ...iterable[Symbol.iterator] to be a function'
  if (text !== undefined) return `${text} is not iterable`
  if (m[1] !== undefined) return `${m[1]} is not iterable (cannot read property Symbol(Symbol.iterator))`
  return undefined
}
function readUnknown(m, at) {
  const key = keyAfter(at)
  return key === undefined
    ? `Cannot read properties of ${m[1]}`
    : `Cannot read properties of ${m[1]} (reading '${key}')`
}
function tdz(m) {
  if (m[1] === 'this')
    return "Must call super constructor in derived class before accessing 'this' or returning from derived constructor"
  return `Cannot access '${m[1]}' before initialization`
}
function readOnly(m, at) {
  return bindingAt(at, m[1]) ? 'Assignment to constant variable.' : undefined
}
function classCall(m, at) {
  return at.fn !== undefined && at.fn !== '<anonymous>'
    ? `Class constructor ${at.fn} cannot be invoked without 'new'`
    : undefined
}
function notExtensible(m, at) {
  const key = at.native === undefined ? keyAfter(at) : undefined
  return key === undefined ? undefined : `Cannot add property ${key}, object is not extensible`
}
function digits(m, at) {
  if (at.native === 'toFixed') return 'toFixed() digits argument must be between 0 and 100'
  if (at.native === 'toPrecision') return 'toPrecision() argument must be between 1 and 100'
  if (at.native === 'toExponential') return 'toExponential() argument must be between 0 and 100'
  return undefined
}

// The top frame of a QuickJS stack: `    at fn (native)` or `    at fn (file:///var/task/x.mjs:L:C)`.
const FRAME = /^ {4}at ([^ ]+) \((?:(native)|(file:\/\/)?\/var\/task\/([^():]+):(\d+):(\d+))\)/
const CJS_HEAD = '(function (exports, require, module, __filename, __dirname) {'

// The engine rewrites `catch (e) {` bodies (src/lambda/sandbox/catch-transform.ts): QuickJS's
// columns on those lines count the inserted text, and a rewritten CommonJS file is compiled in a
// longer wrapper. `shifts[file]`: { name, list: [[line, col, length], …] } in the file's own text.
const cjsHead2 = (name) => `(function (${name}) { return function (exports, require, module, __filename, __dirname) {`
/** QuickJS's column on `line` of `file` as it would be without the engine's insertions. */
function unshift(shifts, file, cjs, line, col) {
  const entry = shifts !== undefined && shifts !== null ? shifts[file] : undefined
  if (entry === undefined) return col
  const base = cjs && line === 1 ? cjsHead2(entry.name).length : 0
  let moved = 0
  let out
  for (let i = 0; i < entry.list.length && out === undefined; i++) {
    const [l, c, len] = entry.list[i]
    if (l !== line) continue
    const at = base + c + moved
    if (col < at) break
    if (col < at + len) out = base + c
    else moved += len
  }
  if (out === undefined) out = col - moved
  return cjs && line === 1 ? out - base + CJS_HEAD.length : out
}

/** Where the error was thrown, and the text there: { fn, native, text, pos }. */
function locate(err, files, shifts) {
  let stack
  try {
    stack = err.stack
  } catch {
    return { pos: -1 }
  }
  if (typeof stack !== 'string') return { pos: -1 }
  const nl = stack.indexOf('\n')
  const at = frameAt(nl < 0 ? stack : stack.slice(0, nl), files, shifts)
  // A built-in's error: the caller's frame has the call (its `(`) in the learner's source.
  if (at.native !== undefined && nl >= 0) {
    const nl2 = stack.indexOf('\n', nl + 1)
    const caller = frameAt(stack.slice(nl + 1, nl2 < 0 ? stack.length : nl2), files, shifts)
    if (caller.text !== undefined) at.caller = caller
  }
  return at
}
function frameAt(frame, files, shifts) {
  const at = { fn: undefined, native: undefined, text: undefined, pos: -1, caller: undefined }
  const m = FRAME.exec(frame)
  if (m === null) return at
  at.fn = m[1]
  if (m[2] === 'native') {
    at.native = m[1]
    return at
  }
  const source = files !== undefined ? files[m[4]] : undefined
  if (typeof source !== 'string') return at
  // CommonJS modules are compiled inside Node's wrapper, on the same first line.
  const text = m[3] === undefined ? CJS_HEAD + source : source
  const line = +m[5]
  const col = unshift(shifts, m[4], m[3] === undefined, line, +m[6])
  let pos = 0
  for (let l = 1; l < line; l++) {
    pos = text.indexOf('\n', pos)
    if (pos < 0) return at
    pos++
  }
  pos += col - 1
  if (pos > text.length) return at
  at.text = text
  at.pos = pos
  return at
}

/** The first argument of the call at `at` (its `(`) when it is a literal: { type, text }. */
function literalArg(at) {
  if (at === undefined || at.text[at.pos] !== '(') return undefined
  const rest = at.text.slice(at.pos + 1, at.pos + 200)
  const m = /^\s*(?:(\))|(-?\d+(?:\.\d+)?)\s*[,)]|(null|true|false|undefined)\s*[,)]|(\{))/.exec(rest)
  if (m === null) return undefined
  if (m[1] !== undefined || m[3] === 'undefined') return { type: 'undefined', text: 'undefined' }
  if (m[2] !== undefined) return { type: 'number', text: String(Number(m[2])) }
  if (m[3] === 'null') return { type: 'object', text: 'null' }
  if (m[3] !== undefined) return { type: 'boolean', text: m[3] }
  return { type: 'object', text: '#<Object>' }
}

/** V8's message for QuickJS's `message` of `err`, or `message` itself when there is none. */
export function v8Message(message, err, files, shifts) {
  if (typeof message !== 'string' || message.length > 200) return message
  // Promise.any's rejection: QuickJS leaves the AggregateError's message empty.
  if (message === '' && err !== null && typeof err === 'object' && err.name === 'AggregateError') {
    const found = exprAt(locate(err, files, shifts))
    return found !== undefined && /(?:^|\.)any$/.test(found.text) ? 'All promises were rejected' : message
  }
  if (err !== null && typeof err === 'object' && err.name === 'URIError') {
    const at = locate(err, files, shifts)
    if (/^(?:de|en)codeURI(?:Component)?$/.test(at.native)) return 'URI malformed'
  }
  let at
  for (let i = 0; i < MESSAGES.length; i++) {
    const re = MESSAGES[i][0]
    re.lastIndex = 0
    const m = re.exec(message)
    if (m === null) continue
    if (at === undefined) at = err !== null && typeof err === 'object' ? locate(err, files, shifts) : { pos: -1 }
    let out
    try {
      out = MESSAGES[i][1](m, at)
    } catch {
      out = undefined
    }
    return out === undefined ? message : out
  }
  return message
}

/** A frame's column as V8 gives it (see v8Position), for a file of the function (`cjs`: in Node's wrapper). */
export function v8Column(file, cjs, line, col, files, shifts) {
  col = unshift(shifts, file, cjs, line, col)
  const source = files !== undefined ? files[file] : undefined
  if (typeof source !== 'string' || line < 1 || col < 1) return col
  const text = cjs ? CJS_HEAD + source : source
  let start = 0
  for (let l = 1; l < line; l++) {
    start = text.indexOf('\n', start)
    if (start < 0) return col
    start++
  }
  const pos = start + col - 1
  if (pos >= text.length) return col
  let out = v8Position(text, pos) - start + 1
  if (out < 1 || text.lastIndexOf('\n', start + out - 2) >= start) out = col
  // Node compiles CommonJS without a textual wrapper: line 1's columns are the file's own.
  if (cjs && line === 1 && out > CJS_HEAD.length) out -= CJS_HEAD.length
  return out
}

/** An async frame's column as V8 gives it: the `await` in front of the call, else v8Column's. */
export function v8AwaitColumn(file, cjs, line, col, files, shifts) {
  const c = v8Column(file, cjs, line, col, files, shifts)
  const source = files !== undefined ? files[file] : undefined
  if (typeof source !== 'string') return c
  let start = 0
  for (let l = 1; l < line; l++) {
    start = source.indexOf('\n', start)
    if (start < 0) return c
    start++
  }
  // Back over the callee's member chain (`client.get`, `fetch`) and the space after `await`.
  let i = start + c - 1
  while (i > start && /[\w$.]/.test(source[i - 1])) i--
  let j = i
  while (j > start && /[ \t]/.test(source[j - 1])) j--
  return j - 5 >= start && source.slice(j - 5, j) === 'await' && !/[\w$]/.test(source[j - 6] ?? '') && j < i
    ? j - 5 - start + 1
    : c
}

export default function factory() {
  return { v8Message, circularMessage, v8Column, v8AwaitColumn }
}

// JSON.stringify's circular-structure message, V8's multi-line form: the path from the object
// where the circle starts to the key that closes it (two lines after the start, an ellipsis, the
// last line), found by walking the value as JSON.stringify does (own enumerable keys, array
// indices; objects with a toJSON method and replacers are not re-run: they are left as leaves).
function ctorName(o) {
  let name
  try {
    const c = o.constructor
    name = typeof c === 'function' ? c.name : undefined
  } catch {
    name = undefined
  }
  return `object with constructor '${typeof name === 'string' && name !== '' ? name : 'Object'}'`
}
function keyLine(holder, key) {
  return Array.isArray(holder) ? `index ${key}` : `property '${key}'`
}
export function circularMessage(value) {
  const path = [] // [key, object] from the root
  const onPath = new Set()
  let budget = 100000
  let found = -1
  let closing
  function walk(key, v) {
    if (found >= 0 || v === null || typeof v !== 'object' || --budget < 0) return
    if (onPath.has(v)) {
      for (let i = 0; i < path.length; i++) if (path[i][1] === v) found = i
      closing = key
      return
    }
    if (typeof v.toJSON === 'function') return
    path.push([key, v])
    onPath.add(v)
    const keys = Array.isArray(v) ? v.map((_x, i) => i) : Object.keys(v)
    for (let i = 0; i < keys.length && found < 0; i++) walk(keys[i], v[keys[i]])
    if (found >= 0) return
    onPath.delete(v)
    path.pop()
  }
  walk('', value)
  if (found < 0 || budget < 0) return undefined
  const line = (i) => `\n    |     ${keyLine(path[i - 1][1], path[i][0])} -> ${ctorName(path[i][1])}`
  let out = `Converting circular structure to JSON\n    --> starting at ${ctorName(path[found][1])}`
  const prefixEnd = Math.min(path.length, found + 3)
  for (let i = found + 1; i < prefixEnd; i++) out += line(i)
  if (path.length > prefixEnd + 1) out += '\n    |     ...'
  for (let i = Math.max(prefixEnd, path.length - 1); i < path.length; i++) out += line(i)
  return `${out}\n    --- ${keyLine(path[path.length - 1][1], closing)} closes the circle`
}
