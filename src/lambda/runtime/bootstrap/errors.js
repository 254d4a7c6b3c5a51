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
      ? lf.v8Message(e.message)
      : e.message
}
export function isError(v) {
  return v !== null && typeof v === 'object' && (v instanceof ErrorC || ObjectToString(v) === '[object Error]')
}
/** 'ric3' or 'ric24' (set by configure()): the TypeScript client's errors set `this.name` (enumerable). */
var clientKind = 'ric3'
export function setClientKind(k) {
  clientKind = k
}
export function RuntimeError(kind, message) {
  var e = new ErrorC(message)
  if (clientKind === 'ric24') e.name = 'Runtime.' + kind
  else
    ObjectDefineProperty(e, 'name', { value: 'Runtime.' + kind, writable: true, configurable: true, enumerable: false })
  return e
}
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
      push(kept, ln)
    }
    st = join(kept, '\n')
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
export function rapid(error) {
  try {
    if (isError(error) || isErrorLike(error)) {
      var st = nodeStack(error)
      return {
        errorType: strReplaceAll(errName(error), '\x7F', '%7F'),
        errorMessage: strReplaceAll(errMessage(error), '\x7F', '%7F'),
        trace: split(strReplaceAll(st, '\x7F', '%7F'), '\n'),
      }
    }
    return { errorType: typeof error, errorMessage: error.toString(), trace: [] }
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
    var ret = ObjectAssign({ errorType: errName(error), errorMessage: errMessage(error), code: error.code }, error)
    var st = nodeStack(error)
    if (typeof st === 'string') ret.stack = split(st, '\n')
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
