// Error shapes, as the runtime interface client's Errors.js makes them: the response's
// {errorType, errorMessage, trace} (toRapidResponse), the log line's JSON (toFormatted), Node's
// stack header on QuickJS stacks, Node's RangeError for QuickJS's stack overflow.
import {
  ErrorC,
  G,
  JSONstringify,
  ObjectAssign,
  ObjectDefineProperty,
  ObjectGetOwnPropertyDescriptor,
  ObjectToString,
  PromiseC,
  call,
  StringC,
  endsWith,
  hasOwn,
  join,
  lf,
  push,
  reExec,
  split,
  startsWith,
  strReplaceAll,
  strSlice,
  WeakMapC,
  weakMapGet,
  weakMapSet,
} from './intrinsics.js'

// QuickJS reports deep recursion as InternalError: stack overflow; Node as RangeError.
var InternalErrorC = G.InternalError
if (typeof InternalErrorC === 'function') {
  Object.setPrototypeOf(InternalErrorC.prototype, RangeError.prototype)
  Object.setPrototypeOf(InternalErrorC, RangeError)
  ObjectDefineProperty(InternalErrorC.prototype, 'name', {
    value: 'RangeError',
    writable: true,
    configurable: true,
    enumerable: false,
  })
  delete G.InternalError
}
export function isStackOverflow(e) {
  return InternalErrorC !== undefined && e instanceof InternalErrorC && e.message === 'stack overflow'
}
export function errName(e) {
  return isStackOverflow(e) ? 'RangeError' : e.name
}
export function errMessage(e) {
  return isStackOverflow(e)
    ? 'Maximum call stack size exceeded'
    : lf !== undefined && lf.v8Message !== undefined
      ? lf.v8Message(e.message, e)
      : e.message
}
export function isError(v) {
  return v !== null && typeof v === 'object' && (v instanceof ErrorC || ObjectToString(v) === '[object Error]')
}
/** 'ric3' or 'ric24' (set by configure()): the TypeScript client's errors set `this.name` (enumerable). */
var clientKind = 'ric3'
// How the simulated client's frames look (configure(): the runtime profile, see node-runtime.ts).
var frames = { receiver: 'Runtime', syncFrames: [], asyncFrames: [] }
/** The name of the handler function (set once it is loaded), to recognise its frame. */
var handlerName = null
export function setClientKind(k, profile) {
  clientKind = k
  if (profile !== undefined) frames = profile
}
export function setHandlerName(name) {
  handlerName = typeof name === 'string' ? name : null
}
// The frame of this runtime's own call of the handler (phases.js start / invoke24).
var CALL_FRAME = /^ {4}at (?:start|invoke24) \(file:\/\/\/var\/runtime\/index\.mjs:\d+:\d+\)$/
var TASK_FRAME = /^ {4}at (\S+) \(((?:file:\/\/)?\/var\/task\/[^()]*)\)$/
// The handler's frame as V8 prints a method call (`this.handler(...)` in the client): the receiver's
// class, the function's name, and `[as handler]` when the name differs (`Runtime.main [as handler]`).
function handlerFrame(m) {
  var nm = m[1] === '<anonymous>' ? '' : m[1]
  var head =
    frames.receiver + '.' + (nm === '' ? 'handler' : nm) + (nm === '' || nm === 'handler' ? '' : ' [as handler]')
  return '    at ' + head + ' (' + m[2] + ')'
}
/**
 * QuickJS frames in the shape V8 gives them on Lambda: the handler's frame named as the runtime
 * client calls it, and the frames below it those of the client (the runtime version's own lines)
 * instead of this runtime's plumbing.
 */
function v8Frames(lines) {
  var call = -1
  for (var i = 0; i < lines.length; i++) {
    if (reExec(CALL_FRAME, lines[i]) !== null) {
      call = i
      break
    }
  }
  var out = []
  if (call >= 0) {
    for (var j = 0; j < call; j++) {
      var m = j === call - 1 ? reExec(TASK_FRAME, lines[j]) : null
      push(out, m !== null ? handlerFrame(m) : lines[j])
    }
    for (var k = 0; k < frames.syncFrames.length; k++) push(out, frames.syncFrames[k])
    return out
  }
  // Resumed after an await: the handler is the bottom frame, with no caller below it.
  var last = lines.length > 0 ? reExec(TASK_FRAME, lines[lines.length - 1]) : null
  if (
    last === null ||
    handlerName === null ||
    (last[1] !== handlerName && !(last[1] === '<anonymous>' && handlerName === ''))
  )
    return lines
  for (var n = 0; n < lines.length - 1; n++) push(out, lines[n])
  push(out, handlerFrame(last))
  for (var a = 0; a < frames.asyncFrames.length; a++) push(out, frames.asyncFrames[a])
  return out
}
// Columns as V8 gives them for the function's own frames (the called name, not QuickJS's `(`).
var COLUMN = /^( {4}at [^]*\((file:\/\/)?\/var\/task\/([^():]+):(\d+):)(\d+)\)$/
function v8Columns(lines) {
  if (lf === undefined || lf.v8Column === undefined) return lines
  var out = []
  for (var i = 0; i < lines.length; i++) {
    var m = reExec(COLUMN, lines[i])
    push(out, m === null ? lines[i] : m[1] + lf.v8Column(m[3], m[2] === undefined, +m[4], +m[5]) + ')')
  }
  return out
}
export function RuntimeError(kind, message) {
  var e = new ErrorC(message)
  if (clientKind === 'ric24') e.name = 'Runtime.' + kind
  else
    ObjectDefineProperty(e, 'name', { value: 'Runtime.' + kind, writable: true, configurable: true, enumerable: false })
  return e
}
var PRELUDE_JSON = /^ {4}at (parse|stringify) \(node:internal\/prelude:\d+:\d+\)$/
// QuickJS's e.stack has frames only; Node's starts with "Name: message".
export function nodeStack(e) {
  var st
  try {
    st = e.stack
  } catch (_e) {
    return undefined
  }
  if (typeof st !== 'string') return st
  if (st === '' || startsWith(st, '    at ')) {
    var head
    try {
      head = stackHead(errName(e), errMessage(e))
    } catch (_e2) {
      head = 'Error'
    }
    return v8Stack(st, head)
  }
  return st
}
function stackHead(nm, m) {
  var head = StringC(nm === undefined ? 'Error' : nm)
  if (m !== undefined && m !== '') head += ': ' + StringC(m)
  return head
}
// A QuickJS list of frames as V8 prints them under `head`.
function v8Stack(st, head) {
  if (endsWith(st, '\n')) st = strSlice(st, 0, -1)
  // Drop the frames of this runtime's own plumbing (Function.prototype.call/apply in native code,
  // the rejection handlers' wrapper below).
  var lines = split(st, '\n'),
    kept = []
  for (var i = 0; i < lines.length; i++) {
    var ln = lines[i]
    if (ln === '    at call (native)' || ln === '    at apply (native)' || reExec(WRAPPER_FRAME, ln) !== null) continue
    // The prelude's JSON.parse / JSON.stringify wrappers: V8 shows the one built-in frame.
    var wrapped = reExec(PRELUDE_JSON, ln)
    if (wrapped !== null) {
      if (kept.length > 0 && kept[kept.length - 1] === '    at ' + wrapped[1] + ' (native)')
        kept[kept.length - 1] = '    at JSON.' + wrapped[1] + ' (<anonymous>)'
      continue
    }
    push(kept, ln)
  }
  var framed = v8Frames(v8Columns(kept))
  // V8 prints an anonymous function's frame as its location alone.
  for (var f = 0; f < framed.length; f++) {
    var anon = reExec(ANON_FRAME, framed[f])
    if (anon !== null) framed[f] = '    at ' + anon[1]
  }
  st = join(framed, '\n')
  return st === '' ? head : head + '\n' + st
}
var ANON_FRAME = /^ {4}at <anonymous> \(((?:file:\/\/)?\/var\/task\/[^()]*)\)$/

// What the function's own code reads of an error it catches (catch-transform.ts's `catch (e)`
// rewrite, a promise's rejection handlers, the process's error listeners): V8's message and stack.
// QuickJS creates its errors with its own words and a list of frames, and has no hook at creation,
// so the error is fixed where code can first see it. Lazily: `message` and `stack` become accessors
// that compute V8's text on first read (then plain values again), so code that catches many errors
// pays two property definitions per error, not the mapping. Errors whose stack is not QuickJS's
// (already fixed, Error.captureStackTrace, set by code) and non-errors are returned as they are.
export function caught(e) {
  try {
    if (e === null || typeof e !== 'object' || !isError(e) || weakMapGet(fixing, e) !== undefined) return e
    var d = ObjectGetOwnPropertyDescriptor(e, 'stack')
    if (d === undefined) return e
    var st = d.value
    if (typeof st !== 'string' || (st !== '' && !startsWith(st, '    at '))) return e
    // [QuickJS's stack, its message, V8's message, V8's stack] (the last two once computed)
    var state = [st, StringC(e.message), undefined, undefined]
    weakMapSet(fixing, e, state)
    if (hasOwn(e, 'message')) ObjectDefineProperty(e, 'message', MESSAGE_DESC)
    // Promise.any's AggregateError has no message of its own in QuickJS (V8: `All promises were rejected`).
    else if (fixedMessage(e, state) !== state[1])
      ObjectDefineProperty(e, 'message', { value: state[2], writable: true, configurable: true, enumerable: false })
    ObjectDefineProperty(e, 'stack', STACK_DESC)
  } catch (_e) {
    /* a frozen or exotic error: left as it is */
  }
  return e
}
// Per caught error: its state; the accessors are shared (no allocation per error beyond the state).
var fixing = new WeakMapC()
function fixedMessage(e, state) {
  if (state[2] === undefined) {
    // (not isStackOverflow(e): it reads e.message, this accessor)
    if (InternalErrorC !== undefined && e instanceof InternalErrorC && state[1] === 'stack overflow')
      state[2] = 'Maximum call stack size exceeded'
    else if (lf !== undefined && lf.v8Message !== undefined)
      state[2] = lf.v8Message(state[1], { name: e.name, stack: state[0] })
    else state[2] = state[1]
  }
  return state[2]
}
function settle(o, key, v) {
  ObjectDefineProperty(o, key, { value: v, writable: true, configurable: true, enumerable: false })
}
var MESSAGE_DESC = {
  get: function () {
    var state = weakMapGet(fixing, this)
    if (state === undefined) return undefined
    var v = fixedMessage(this, state)
    settle(this, 'message', v)
    return v
  },
  set: function (v) {
    settle(this, 'message', v)
  },
  configurable: true,
  enumerable: false,
}
var STACK_DESC = {
  get: function () {
    var state = weakMapGet(fixing, this)
    if (state === undefined) return undefined
    if (state[3] === undefined) state[3] = v8Stack(state[0], stackHead(errName(this), fixedMessage(this, state)))
    settle(this, 'stack', state[3])
    return state[3]
  },
  set: function (v) {
    settle(this, 'stack', v)
  },
  configurable: true,
  enumerable: false,
}
// A promise's rejection handlers see the reason fixed (`p.catch(e => e.message)`, `then(_, f)`,
// and `finally`, which go through `then`). The wrapper's frame is dropped from stacks (v8Stack).
var WRAPPER_FRAME = /^ {4}at lfRejected \(/
var PromiseProto = PromiseC.prototype
var nativeThen = PromiseProto.then
function then(onFulfilled, onRejected) {
  if (typeof onRejected === 'function') {
    var f = onRejected
    onRejected = function lfRejected(reason) {
      return f(caught(reason))
    }
  }
  return call(nativeThen, this, onFulfilled, onRejected)
}
ObjectDefineProperty(then, 'name', { value: 'then', configurable: true })
ObjectDefineProperty(PromiseProto, 'then', { value: then, writable: true, configurable: true, enumerable: false })

function isErrorLike(o) {
  return (
    o &&
    o.name &&
    o.message &&
    o.stack &&
    typeof o.name === 'string' &&
    typeof o.message === 'string' &&
    typeof o.stack === 'string'
  )
}
// The Runtime API takes at most 6,291,556 bytes of response (service/limits.ts RESPONSE_LIMIT). A
// UTF-8 body is at least as long in bytes as its text is in characters, so an error whose message
// and stack are longer than that together can only be refused: it is reported as oversized without
// building (and handing over) the body, which for a 20 MB message took longer than the invoke's
// real-time budget. The host answers Function.ResponseSizeTooLarge (outcome.ts).
var RESPONSE_LIMIT = 6291556
var OVERSIZE = { errorType: '', errorMessage: '', trace: [], oversize: true }
// The log line's strings: a CloudWatch event keeps its first 1,048,550 bytes (service/logs.ts), and a
// string's JSON is at least as long in bytes as the string is in characters, so cutting each string
// at this many characters leaves the kept part of the line as it was.
var LOG_STRING_CAP = 1048576
export function capLog(s) {
  return typeof s === 'string' && s.length > LOG_STRING_CAP ? strSlice(s, 0, LOG_STRING_CAP) : s
}
function oversized(msg, st) {
  return (typeof msg === 'string' ? msg.length : 0) + (typeof st === 'string' ? st.length : 0) > RESPONSE_LIMIT
}
export function rapid(error) {
  try {
    if (isError(error) || isErrorLike(error)) {
      var st = nodeStack(error)
      var msg = errMessage(error)
      if (oversized(msg, st)) return OVERSIZE
      return {
        errorType: strReplaceAll(errName(error), '\x7F', '%7F'),
        errorMessage: strReplaceAll(msg, '\x7F', '%7F'),
        trace: split(strReplaceAll(st, '\x7F', '%7F'), '\n'),
      }
    }
    var text = error.toString()
    if (oversized(text, '')) return OVERSIZE
    return { errorType: typeof error, errorMessage: text, trace: [] }
  } catch (_err) {
    return {
      errorType: 'handled',
      errorMessage:
        'callback called with Error argument, but there was a problem while retrieving one or more of its message, name, and stack',
    }
  }
}
function withEnumerable(_k, error) {
  if (isError(error)) {
    var ret = ObjectAssign(
      { errorType: errName(error), errorMessage: capLog(errMessage(error)), code: error.code },
      error,
    )
    var st = nodeStack(error)
    if (typeof st === 'string') ret.stack = split(capLog(st), '\n')
    return ret
  }
  return error
}
export function toFormatted(error) {
  try {
    return '\t' + JSONstringify(error, withEnumerable)
  } catch (_e) {
    return '\t' + JSONstringify(rapid(error))
  }
}
export function intoError(err) {
  return isError(err) ? err : new ErrorC(err)
}
export function isOOM(e) {
  try {
    return (
      e !== null &&
      typeof e === 'object' &&
      InternalErrorC !== undefined &&
      e instanceof InternalErrorC &&
      e.message === 'out of memory'
    )
  } catch (_e) {
    return false
  }
}
export function isExit(e) {
  try {
    return lf !== undefined && lf.isProcessExit(e)
  } catch (_e) {
    return false
  }
}
