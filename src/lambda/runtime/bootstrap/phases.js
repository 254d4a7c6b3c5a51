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
  StringC,
  indexOf,
  promiseReject,
  promiseResolve,
  promiseThen,
  split,
  strSlice,
} from './intrinsics.js'
import { preciseNow, setNow, vnow } from './clock.js'
import { parseDeep, stringifyResult } from './deep-json.js'
import { RuntimeError, intoError, isError, isExit, isOOM, rapid, setHandlerName, toFormatted } from './errors.js'
import { handlerFn, handlerIsAsync, loadHandler } from './handler.js'
import { flushPartial, jsonFormat, logAt, logError, logs, setRequestId, takeLogs } from './logs.js'
import { clearUncaught, loopAlive, nextDue, setImmediate, uncaught } from './timers.js'
import { checkHandlerStyle, crashReport, newContext, unhandledRejection } from './client.js'
import { ioQueued, takeIo } from './io.js'

var cur = null
/** The host's configuration of this process (set once, by configure()). */
var cfg = null
export function setConfig(c) {
  cfg = c
}
/** The exit status the process has to exit with once the running phase has answered (-1: none). */
var exitAfter = -1
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
    crashCode: 0,
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
    var loaded = function () {
      try {
        checkHandlerStyle(cfg, handlerFn, handlerIsAsync)
        setHandlerName(handlerFn.name)
      } catch (e) {
        initFailed(ph, e)
        return
      }
      ph.done = true
      ph.ok = true
    }
    if (p !== undefined) {
      promiseThen(p, loaded, function (e) {
        initFailed(ph, e)
      })
    } else loaded()
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
  // RIC 3.x: the process's uncaughtException listener; nodejs24.x: createRuntime's "Init Error".
  var label = cfg.runtime.client === 'ric24' ? 'Init Error' : 'Uncaught Exception'
  if (jsonFormat) logAt('ERROR', [intoError(e)])
  else logAt('ERROR', [label, toFormatted(e)])
  ph.done = true
  ph.ok = false
  ph.error = rapid(e)
}

/**
 * The host found a promise rejected with no handler after a full drain of the job queue (Node's
 * processPromiseRejections). The runtime client decides: see client.js.
 */
export function rejected(promise, reason) {
  var r = unhandledRejection(cfg, promise, reason)
  if (r === undefined) return
  var ph = cur
  // An invoke still running: the error wins the race (it is posted as the result, then the process
  // exits). Init is reported only after this drain: a rejection during it fails the Init (RIC 3.x:
  // the init-phase callback, postInitError then exit 128).
  if (ph && (!ph.done || ph.kind === 'init')) {
    ph.done = true
    if (r.error !== undefined) {
      ph.ok = false
      ph.error = r.error
      ph.crashCode = r.code
    } else ph.exit = r.code
  } else if (exitAfter < 0) exitAfter = r.code
}

export function start(input, t) {
  setNow(t)
  // Timers left over from earlier invokes that are already due run first (the process thaws).
  var nd = nextDue()
  if (nd >= 0 && nd <= vnow && exitAfter < 0) return '1'
  // input: requestId \t deadline \t functionArn \t clientContextJSON \t deep \n payload
  // ("1" when the host found the payload nested too deep for QuickJS's recursive JSON.parse)
  var nl = indexOf(input, '\n')
  var parts = split(strSlice(input, 0, nl), '\t')
  var payload = strSlice(input, nl + 1)
  var ph = newPhase('invoke')
  var id = parts[0]
  if (exitAfter >= 0) {
    // The process died between invokes (after answering the last one): this invoke finds it gone.
    ph.done = true
    ph.exit = exitAfter
    exitAfter = -1
    return ''
  }
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
  var ctx =
    cfg.runtime.client === 'ric24'
      ? newContext(cfg, id, parts[2], clientContext, deadline)
      : {
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
  if (cfg.runtime.client === 'ric24') {
    invoke24(ph, event, ctx)
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

// nodejs24.x (BufferedInvokeProcessor.processInvoke): `await handler(event, context)`, then
// LifecycleManager.succeed/fail, which first `await new Promise((r) => setImmediate(r))`: the
// response is posted (and "Invoke Error" logged) from an immediate, after the rejections of the
// handler's last microtasks were processed.
function invoke24(ph, event, ctx) {
  var p
  try {
    p = promiseResolve(handlerFn(event, ctx))
  } catch (e) {
    p = promiseReject(e)
  }
  promiseThen(
    p,
    function (v) {
      setImmediate(function () {
        finishOk(ph, v)
      })
    },
    function (e) {
      setImmediate(function () {
        if (isError(e) || isExit(e) || isOOM(e)) finishErr(ph, e)
        else finishNonError24(ph, e)
      })
    },
  )
}
// formatError(): a thrown non-Error is {errorType: typeof e, errorMessage: String(e), trace: []}.
function finishNonError24(ph, e) {
  if (ph.done) return
  var msg
  try {
    msg = StringC(e)
  } catch (_e) {
    msg = ''
  }
  logError('Invoke Error', e)
  ph.done = true
  ph.ok = false
  ph.error = { errorType: typeof e, errorMessage: msg, trace: [] }
}

var OK_HEAD = '{"s":1,"t":-1}\n'
// Called by the host after it ran the pending jobs. Returns "<header>\n<payload>".
// header.s: 0 = still running, 1 = done ok, 2 = done with error, 3 = uncaught exception (crash),
//           4 = process.exit, 5 = out of memory
// header.t: the next timer's virtual time (-1: none); header.l: log lines; header.q / header.c:
// requests for the host to perform / requests given up on (io.js).
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
      var cr = crashReport(cfg, ue)
      if (cr.error !== undefined) {
        s = 3
        h.e = cr.error
        h.x = cr.code
      } else {
        s = 4
        h.x = cr.code
      }
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
    } else if (ph.crashCode > 0) {
      s = 3
      h.e = ph.error
      h.x = ph.crashCode
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
    if (s === 1 && exitAfter >= 0) {
      // Answered, then the process exits (an unhandled rejection after the response was posted).
      h.x = exitAfter
      exitAfter = -1
    }
  }
  if (s === 1 && logs.length === 0 && h.x === undefined && !ioQueued()) return OK_HEAD + payload
  h.s = s
  if (logs.length > 0) h.l = takeLogs()
  takeIo(h)
  return JSONstringify(h) + '\n' + payload
}
