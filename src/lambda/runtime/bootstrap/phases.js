// The runtime's phases: Init (load the handler) and each invocation (the context object, the
// callback / promise / context.succeed|fail|done semantics, callbackWaitsForEmptyEventLoop, the
// unsettled-promise exit), reported to the host by step(). 'cur' holds the state of the running
// phase (init or one invocation).
import {
  ErrorC,
  JSONparse,
  JSONstringify,
  MathFloor,
  MathMax,
  NumberC,
  ObjectToString,
  indexOf,
  promiseThen,
  split,
  strSlice,
} from './intrinsics.js'
import { preciseNow, setNow, vnow } from './clock.js'
import { parseDeep, stringifyResult } from './deep-json.js'
import { RuntimeError, intoError, isExit, isOOM, rapid, toFormatted } from './errors.js'
import { handlerFn, handlerIsAsync, loadHandler } from './handler.js'
import { flushPartial, jsonFormat, logAt, logError, logs, setRequestId, takeLogs } from './logs.js'
import { clearUncaught, loopAlive, nextDue, uncaught } from './timers.js'

var cur = null
/** The host's configuration of this process (set once, by configure()). */
var cfg = null
export function setConfig(c) {
  cfg = c
}
function newPhase(kind) {
  cur = {
    kind: kind,
    done: false,
    ok: false,
    result: null,
    error: null,
    errLogged: false,
    waiting: false,
    waitResult: undefined,
    exit: -1,
    oom: false,
  }
  clearUncaught()
  return cur
}
function finishOk(ph, result) {
  if (ph.done) return
  var body
  try {
    body = stringifyResult(result === undefined ? null : result)
  } catch (_e) {
    finishErr(ph, new ErrorC('Unable to stringify response body'))
    return
  }
  if (body === undefined) body = 'null'
  ph.done = true
  ph.ok = true
  ph.result = body
}
function finishErr(ph, err) {
  if (ph.done) return
  if (isExit(err)) {
    ph.done = true
    ph.exit = err.code | 0
    return
  }
  if (isOOM(err)) {
    ph.done = true
    ph.oom = true
    return
  }
  logError('Invoke Error', err)
  ph.done = true
  ph.ok = false
  ph.error = rapid(err)
}

export function initPhase() {
  initPhase2()
  return ''
}
function initPhase2() {
  var ph = newPhase('init')
  setRequestId('undefined')
  try {
    var p = loadHandler(cfg.handler)
    if (p !== undefined) {
      promiseThen(
        p,
        function () {
          ph.done = true
          ph.ok = true
        },
        function (e) {
          initFailed(ph, e)
        },
      )
    } else {
      ph.done = true
      ph.ok = true
    }
  } catch (e) {
    initFailed(ph, e)
  }
}
function initFailed(ph, e) {
  if (ph.done) return
  if (isExit(e)) {
    ph.done = true
    ph.exit = e.code | 0
    return
  }
  if (isOOM(e)) {
    ph.done = true
    ph.oom = true
    return
  }
  if (jsonFormat) logAt('ERROR', [intoError(e)])
  else logAt('ERROR', ['Uncaught Exception', toFormatted(e)])
  ph.done = true
  ph.ok = false
  ph.error = rapid(e)
}

export function start(input, t) {
  setNow(t)
  // Timers left over from earlier invokes that are already due run first (the process thaws).
  var nd = nextDue()
  if (nd >= 0 && nd <= vnow) return '1'
  // input: requestId \t deadline \t functionArn \t clientContextJSON \t deep \n payload
  // ("1" when the host found the payload nested too deep for QuickJS's recursive JSON.parse)
  var nl = indexOf(input, '\n')
  var parts = split(strSlice(input, 0, nl), '\t')
  var payload = strSlice(input, nl + 1)
  var ph = newPhase('invoke')
  var id = parts[0]
  setRequestId(id)
  var deadline = NumberC(parts[1])
  var clientContext = parts[3] === '' ? undefined : JSONparse(parts[3])
  var waitForEmpty = true
  var finished = false
  function succeed(result) {
    if (finished) return
    finished = true
    ph.waiting = false
    finishOk(ph, result)
  }
  function fail(err) {
    if (finished) return
    finished = true
    ph.waiting = false
    if (err === undefined || err === null) finishErr(ph, 'handled')
    else finishErr(ph, err)
  }
  function done(err, result) {
    if (finished) return
    finished = true
    ph.waiting = false
    if (err !== undefined && err !== null) finishErr(ph, err)
    else finishOk(ph, result)
  }
  function callback(err, result) {
    if (finished) return
    finished = true
    if (err !== undefined && err !== null) {
      finishErr(ph, err)
      return
    }
    if (!waitForEmpty) finishOk(ph, result)
    else {
      ph.waiting = true
      ph.waitResult = result
    }
  }
  var ctx = {
    get callbackWaitsForEmptyEventLoop() {
      return waitForEmpty
    },
    set callbackWaitsForEmptyEventLoop(v) {
      waitForEmpty = v
    },
    succeed: succeed,
    fail: fail,
    done: done,
    functionVersion: cfg.version,
    functionName: cfg.functionName,
    memoryLimitInMB: cfg.memory,
    logGroupName: cfg.logGroupName,
    logStreamName: cfg.logStreamName,
    clientContext: clientContext,
    identity: undefined,
    invokedFunctionArn: parts[2],
    awsRequestId: id,
    getRemainingTimeInMillis: function getRemainingTimeInMillis() {
      return MathMax(deadline - MathFloor(preciseNow()), 0)
    },
  }
  var event
  try {
    event = parts[4] === '1' ? parseDeep(payload) : JSONparse(payload)
  } catch (e) {
    finishErr(ph, e)
    return ''
  }
  try {
    var r = handlerFn(event, ctx, callback)
    if (r !== null && typeof r === 'object' && ObjectToString(r) === '[object Promise]') {
      // A native promise: use the captured then(), so a tampered Promise.prototype cannot hang the runtime.
      promiseThen(r, succeed, fail)
    } else if (r && typeof r.then === 'function') {
      var c = r.then(ctx.succeed, ctx.fail)
      if (c && typeof c.catch === 'function') c.catch(ctx.fail)
    }
  } catch (e) {
    callback(e)
  }
  return ''
}

var OK_HEAD = '{"s":1,"t":-1}\n'
// Called by the host after it ran the pending jobs. Returns "<header>\n<payload>".
// header.s: 0 = still running, 1 = done ok, 2 = done with error, 3 = uncaught exception (crash),
//           4 = process.exit, 5 = out of memory
export function step() {
  var ph = cur
  var s = 0,
    payload = '',
    h = { s: 0, t: -1 }
  if (uncaught !== null && !(ph && ph.done && ph.kind === 'invoke')) {
    var ue = uncaught.v
    clearUncaught()
    if (isExit(ue)) {
      s = 4
      h.x = ue.code | 0
    } else if (isOOM(ue)) {
      s = 5
    } else {
      if (jsonFormat) logAt('ERROR', [intoError(ue)])
      else logAt('ERROR', ['Uncaught Exception', toFormatted(ue)])
      s = 3
      h.e = rapid(ue)
    }
    if (ph) ph.done = true
  } else if (ph && ph.done) {
    if (ph.exit >= 0) {
      s = 4
      h.x = ph.exit
    } else if (ph.oom) s = 5
    else if (ph.ok) {
      s = 1
      payload = ph.kind === 'invoke' ? ph.result : ''
    } else {
      s = 2
      h.e = ph.error
    }
  } else if (ph && !loopAlive()) {
    if (ph.kind === 'init') {
      // Node exits with a pending top-level await: the runtime reports it like an exit.
      s = 4
      h.x = 13
    } else if (ph.waiting) {
      ph.waiting = false
      finishOk(ph, ph.waitResult)
      if (ph.ok) {
        s = 1
        payload = ph.result
      } else {
        s = 2
        h.e = ph.error
      }
    } else if (handlerIsAsync) {
      var nerr = RuntimeError(
        'NodeJsExit',
        'The Lambda runtime client detected an unexpected Node.js exit code. This is most commonly caused by a Promise that was never settled. For more information, see https://nodejs.org/docs/latest/api/process.html#exit-codes',
      )
      finishErr(ph, nerr)
      s = 2
      h.e = ph.error
    } else {
      finishOk(ph, null)
      s = 1
      payload = ph.result
    }
  } else {
    h.t = nextDue()
  }
  if (s !== 0) {
    flushPartial()
    cur = null
  }
  if (s === 1 && logs.length === 0) return OK_HEAD + payload
  h.s = s
  if (logs.length > 0) h.l = takeLogs()
  return JSONstringify(h) + '\n' + payload
}
