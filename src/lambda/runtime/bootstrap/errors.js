// Error shapes, as the runtime interface client's Errors.js makes them: the response's
// {errorType, errorMessage, trace} (toRapidResponse), the log line's JSON (toFormatted), Node's
// stack header on QuickJS stacks, Node's RangeError for QuickJS's stack overflow.
import {
  ErrorC,
  G,
  JSONstringify,
  ObjectAssign,
  ObjectDefineProperty,
  ObjectToString,
  StringC,
  endsWith,
  join,
  lf,
  push,
  reExec,
  split,
  startsWith,
  strReplaceAll,
  strSlice,
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
      var nm = errName(e)
      head = StringC(nm === undefined ? 'Error' : nm)
      var m = errMessage(e)
      if (m !== undefined && m !== '') head += ': ' + StringC(m)
    } catch (_e2) {
      head = 'Error'
    }
    if (endsWith(st, '\n')) st = strSlice(st, 0, -1)
    // Drop the frames of this runtime's own plumbing (Function.prototype.call/apply in native code).
    var lines = split(st, '\n'),
      kept = []
    for (var i = 0; i < lines.length; i++) {
      var ln = lines[i]
      if (ln === '    at call (native)' || ln === '    at apply (native)') continue
      // The prelude's JSON.parse / JSON.stringify wrappers: V8 shows the one built-in frame.
      var wrapped = reExec(PRELUDE_JSON, ln)
      if (wrapped !== null) {
        if (kept.length > 0 && kept[kept.length - 1] === '    at ' + wrapped[1] + ' (native)')
          kept[kept.length - 1] = '    at JSON.' + wrapped[1] + ' (<anonymous>)'
        continue
      }
      push(kept, ln)
    }
    st = join(v8Frames(v8Columns(kept)), '\n')
    return st === '' ? head : head + '\n' + st
  }
  return st
}
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
