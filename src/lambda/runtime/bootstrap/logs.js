// Logs and console: lines in the runtime's Text or JSON format, buffered in the sandbox and
// handed to the host with each step (flushed early past 1 MB); process.stdout/stderr writes.
import {
  G,
  JSONstringify,
  MathFloor,
  ObjectAssign,
  ObjectCreate,
  ObjectDefineProperty,
  RealDate,
  ReflectConstruct,
  StringC,
  apply,
  arrSlice,
  call,
  dateISO,
  host,
  hostFlush,
  lf,
  push,
  split,
  toUpperCase,
} from './intrinsics.js'
import { preciseNow, vnow } from './clock.js'
import { capLog, errMessage, intoError, isError, isStackOverflow, nodeStack, toFormatted } from './errors.js'

export var logs = []
var logBytes = 0
var requestId = 'undefined'
export var jsonFormat = false
var levelPriority = 1
/** The lines buffered since the last step (the buffer starts again empty). */
export function takeLogs() {
  var out = logs
  logs = []
  logBytes = 0
  return out
}
/** The request id log lines carry ('undefined' during Init). */
export function setRequestId(id) {
  requestId = id
}
var isoT = -1,
  isoS = ''
function isoNow() {
  var t = MathFloor(vnow)
  if (t !== isoT) {
    isoT = t
    isoS = dateISO(ReflectConstruct(RealDate, [t]))
  }
  return isoS
}
function pushLog(line) {
  push(logs, line)
  logBytes += line.length
  if (logBytes > 1048576) {
    call(hostFlush, host, JSONstringify(logs), vnow)
    logs = []
    logBytes = 0
  }
}
function fmt(args) {
  return apply(lf.format, lf, args)
}
function jsonErrorReplacer(_k, value) {
  if (isError(value)) {
    var ctorName = 'UnknownError'
    try {
      ctorName = (value.constructor && value.constructor.name) || 'UnknownError'
    } catch (_e) {
      /* keep UnknownError */
    }
    var st = nodeStack(value)
    if (isStackOverflow(value)) ctorName = 'RangeError'
    return ObjectAssign(
      {
        errorType: ctorName,
        errorMessage: capLog(errMessage(value)),
        stackTrace: typeof st === 'string' ? split(capLog(st), '\n') : st,
      },
      value,
    )
  }
  return value
}
var LEVELS = { TRACE: 1, DEBUG: 2, INFO: 3, WARN: 4, ERROR: 5, FATAL: 6 }
/** The function's log format and (JSON) application log level. */
export function configureLogs(config) {
  jsonFormat = config.logFormat === 'JSON'
  var lvl = config.env.AWS_LAMBDA_LOG_LEVEL
  levelPriority = (lvl && LEVELS[toUpperCase(lvl)]) || 1
}
export function logAt(level, args) {
  if (LEVELS[level] < levelPriority) return
  var line
  if (jsonFormat) {
    var rec = { timestamp: isoNow(), level: level, requestId: requestId }
    if (args.length === 1) {
      rec.message = args[0]
      try {
        line = JSONstringify(rec, jsonErrorReplacer)
      } catch (_e) {
        rec.message = fmt(args)
        line = JSONstringify(rec)
      }
      if (line === undefined) {
        rec.message = fmt(args)
        line = JSONstringify(rec)
      }
    } else {
      rec.message = fmt(args)
      for (var i = 0; i < args.length; i++) {
        var p = args[i]
        if (isError(p)) {
          var ctorName = 'UnknownError'
          try {
            ctorName = (p.constructor && p.constructor.name) || 'UnknownError'
          } catch (_e2) {
            /* keep UnknownError */
          }
          rec.errorType = ctorName
          rec.errorMessage = capLog(errMessage(p))
          var st = nodeStack(p)
          rec.stackTrace = typeof st === 'string' ? split(capLog(st), '\n') : []
          break
        }
      }
      line = JSONstringify(rec)
    }
  } else {
    line = isoNow() + '\t' + requestId + '\t' + level + '\t' + fmt(args)
  }
  pushLog(line)
}
var stdoutPartial = ''
export function rawWrite(_fd, text) {
  var s = stdoutPartial + StringC(text)
  var parts = split(s, '\n')
  stdoutPartial = parts[parts.length - 1]
  for (var i = 0; i < parts.length - 1; i++) pushLog(parts[i])
}
export function flushPartial() {
  if (stdoutPartial !== '') {
    pushLog(stdoutPartial)
    stdoutPartial = ''
  }
}
var timersLabels = ObjectCreate(null),
  counts = ObjectCreate(null)
var console = {
  log: function log() {
    logAt('INFO', arguments)
  },
  info: function info() {
    logAt('INFO', arguments)
  },
  debug: function debug() {
    logAt('DEBUG', arguments)
  },
  warn: function warn() {
    logAt('WARN', arguments)
  },
  error: function error() {
    logAt('ERROR', arguments)
  },
  trace: function trace() {
    logAt('TRACE', arguments)
  },
  fatal: function fatal() {
    logAt('FATAL', arguments)
  },
  dir: function dir(v, opts) {
    rawWrite(1, lf.inspect(v, ObjectAssign({ customInspect: false }, opts)) + '\n')
  },
  table: function table(v) {
    rawWrite(1, lf.inspect(v) + '\n')
  },
  assert: function assert(ok) {
    if (!ok) {
      var rest = arrSlice(arguments, 1)
      if (rest.length === 0) rest = ['Assertion failed']
      else rest[0] = 'Assertion failed: ' + rest[0]
      logAt('WARN', rest)
    }
  },
  time: function time(label) {
    timersLabels[label === undefined ? 'default' : StringC(label)] = preciseNow()
  },
  timeEnd: function timeEnd(label) {
    var k = label === undefined ? 'default' : StringC(label)
    var t0 = timersLabels[k]
    if (t0 === undefined) return
    delete timersLabels[k]
    rawWrite(1, k + ': ' + fmtMs(preciseNow() - t0) + '\n')
  },
  timeLog: function timeLog(label) {
    var k = label === undefined ? 'default' : StringC(label)
    var t0 = timersLabels[k]
    if (t0 === undefined) return
    rawWrite(1, k + ': ' + fmtMs(preciseNow() - t0) + '\n')
  },
  count: function count(label) {
    var k = label === undefined ? 'default' : StringC(label)
    counts[k] = (counts[k] || 0) + 1
    rawWrite(1, k + ': ' + counts[k] + '\n')
  },
  countReset: function countReset(label) {
    counts[label === undefined ? 'default' : StringC(label)] = 0
  },
  group: function group() {
    if (arguments.length) logAt('INFO', arguments)
  },
  groupEnd: function groupEnd() {},
}
function fmtMs(ms) {
  return ms >= 1000 ? (ms / 1000).toFixed(3) + 's' : ms.toFixed(3) + 'ms'
}
console.groupCollapsed = console.group
ObjectDefineProperty(G, 'console', { value: console, writable: true, configurable: true, enumerable: false })
export function logError(label, err) {
  var e = err
  try {
    e = intoError(err)
  } catch (_e) {
    // new Error(err) converts err to a string: an object whose toString throws is logged as is
    // (and reported as the runtime client reports it, see rapid()).
  }
  if (jsonFormat) logAt('ERROR', [e])
  else logAt('ERROR', [label, toFormatted(e)])
}
