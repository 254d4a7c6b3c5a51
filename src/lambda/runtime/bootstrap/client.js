// What differs between the two runtime interface clients (see runtime/node-runtime.ts):
// - ric3 (nodejs18.x–22.x, aws-lambda-nodejs-runtime-interface-client 3.x, src/index.mjs):
//   process.on('unhandledRejection') logs "Unhandled Promise Rejection" with a
//   Runtime.UnhandledPromiseRejection and exits 128 (Errors.js UnhandledPromiseRejection,
//   Runtime.js _setErrorCallbacks); process.on('uncaughtException') logs "Uncaught Exception" and
//   exits 129; a callback handler is warned about (WarningForCallbackHandlers.js).
// - ric24 (nodejs24.x, the TypeScript client: utils/runtime-setup.ts, runtime/*.ts): no listener at
//   all, so Node's defaults apply — the error printed on stderr (raw lines, as Node prints a fatal
//   exception) and exit status 1; callback handlers are refused at init
//   (function/callback-deprecation.ts); the context has no callback members (context-builder.ts).
import { ErrorC, G, MathFloor, ObjectDefineProperty, StringC, lf, reExec, split, startsWith } from './intrinsics.js'
import { preciseNow } from './clock.js'
import { fileSource } from './cjs-loader.js'
import { RuntimeError, caught, isError, nodeStack, rapid } from './errors.js'
import { logAt, logError, rawWrite } from './logs.js'

var CALLBACK_WARNING =
  'AWS Lambda plans to remove support for callback-based function handlers starting with Node.js 24. You will need to update this function to use an async handler to use Node.js 24 or later. For more information and to provide feedback on this change, see https://github.com/aws/aws-lambda-nodejs-runtime-interface-client/issues/137. To disable this warning, set the AWS_LAMBDA_NODEJS_DISABLE_CALLBACK_WARNING environment variable.'
var CALLBACK_ERROR_24 =
  'ERROR: AWS Lambda has removed support for callback-based function handlers starting with Node.js 24. You need to modify this function to use a supported handler signature to use Node.js 24 or later. For more information see https://docs.aws.amazon.com/lambda/latest/dg/nodejs-handler.html.'

/** After the handler is resolved: ric24 refuses callback handlers, ric3 warns about them. */
export function checkHandlerStyle(cfg, fn, isAsync) {
  var argsNum = fn.length
  if (cfg.runtime.client === 'ric24') {
    if (argsNum >= 3) throw RuntimeError('CallbackHandlerDeprecated', CALLBACK_ERROR_24)
    return
  }
  if (argsNum === 3 && !isAsync && lf.env.AWS_LAMBDA_NODEJS_DISABLE_CALLBACK_WARNING === undefined)
    logAt('WARN', [CALLBACK_WARNING])
}

/** The ric24 context object (ContextBuilder.build: header data, then environment data). */
export function newContext(cfg, id, arn, clientContext, deadline) {
  return {
    clientContext: clientContext,
    identity: undefined,
    invokedFunctionArn: arn,
    awsRequestId: id,
    tenantId: undefined,
    xRayTraceId: undefined,
    getRemainingTimeInMillis: function () {
      return deadline - MathFloor(preciseNow())
    },
    functionName: cfg.functionName,
    functionVersion: cfg.version,
    memoryLimitInMB: cfg.memory,
    logGroupName: cfg.logGroupName,
    logStreamName: cfg.logStreamName,
  }
}

/**
 * An unhandled rejection reached the client. Returns what the process does — `{ error, code }`:
 * post `error` as the result if the phase has not answered yet, then exit with `code`; `{ code }`:
 * exit; undefined: nothing (a listener of the learner's handled it, nodejs24.x only).
 */
export function unhandledRejection(cfg, promise, reason) {
  reason = caught(reason)
  if (cfg.runtime.client === 'ric24') {
    if (emitToListeners('unhandledRejection', reason, promise)) return undefined
    printFatal(cfg, reason, true)
    return { code: 1 }
  }
  var err = unhandledPromiseRejection(cfg, reason, promise)
  logError('Unhandled Promise Rejection', err)
  return { error: rapid(err), code: 128 }
}

/** An exception nothing caught (in a timer, an immediate, a microtask). */
export function crashReport(cfg, e) {
  e = caught(e)
  if (cfg.runtime.client === 'ric24') {
    printFatal(cfg, e, false)
    return { code: 1 }
  }
  logError('Uncaught Exception', e)
  return { error: rapid(e), code: 129 }
}

// Errors.js: class UnhandledPromiseRejection extends Error { constructor(reason, promise) {
// super(reason); this.reason = reason; this.promise = promise } }, prototype.name
// 'Runtime.UnhandledPromiseRejection'; created inside the listener, so its stack is the listener's.
function unhandledPromiseRejection(cfg, reason, promise) {
  var message
  try {
    message = reason === undefined ? '' : StringC(reason)
  } catch (_e) {
    message = ''
  }
  var err = new ErrorC(message)
  ObjectDefineProperty(err, 'name', {
    value: 'Runtime.UnhandledPromiseRejection',
    writable: true,
    configurable: true,
    enumerable: false,
  })
  err.reason = reason
  err.promise = promise
  var head = 'Runtime.UnhandledPromiseRejection' + (message === '' ? '' : ': ' + message)
  ObjectDefineProperty(err, 'stack', {
    value: head + '\n' + cfg.runtime.rejectionFrames.join('\n'),
    writable: true,
    configurable: true,
    enumerable: false,
  })
  return err
}

function emitToListeners(event, a, b) {
  try {
    var p = G.process
    if (p && typeof p.listenerCount === 'function' && p.listenerCount(event) > 0) {
      p.emit(event, a, b)
      return true
    }
  } catch (_e) {
    /* a throwing listener: Node would crash; treat as unhandled */
  }
  return false
}

// Node's fatal-exception report on stderr: the source line with a caret (when the error carries a
// position in the function's files), the error as util.inspect shows it, and the Node.js version.
// Lambda stores each stderr line as a log event of its own, without the runtime's prefix.
function printFatal(cfg, e, fromPromise) {
  var out = ''
  if (isError(e)) {
    out += arrow(nodeStack(e))
    out += lf.inspect(e)
  } else if (fromPromise) {
    out +=
      'node:internal/process/promises:392\n      new UnhandledPromiseRejection(reason);\n      ^\n\n' +
      'UnhandledPromiseRejection: This error originated either by throwing inside of an async function without a catch block, or by rejecting a promise which was not handled with .catch(). The promise rejected with the reason "' +
      noSideEffectsToString(e) +
      '".\n    at throwUnhandledRejectionsMode (node:internal/process/promises:392:7)\n' +
      '    at processPromiseRejections (node:internal/process/promises:475:17)\n' +
      '    at process.processTicksAndRejections (node:internal/process/task_queues:106:37) {\n' +
      "  code: 'ERR_UNHANDLED_REJECTION'\n}"
  } else {
    out += 'Uncaught ' + lf.inspect(e)
  }
  out += '\n\nNode.js v' + cfg.runtime.node + '\n'
  var lines = split(out, '\n')
  for (var i = 0; i < lines.length; i++) if (lines[i] !== '') rawWrite(2, lines[i] + '\n')
}

// "file:///var/task/index.mjs:2\n  throw new Error('x')\n        ^\n\n" from the first frame in the
// function's own files.
function arrow(stack) {
  if (typeof stack !== 'string') return ''
  var m = reExec(/\n {4}at (?:.*? \()?((?:file:\/\/)?(\/var\/task\/[^:()]+)):(\d+):(\d+)\)?/, stack)
  if (m === null) return ''
  var src = fileSource(m[2])
  if (src === undefined) return ''
  var line = split(src, '\n')[NumberOf(m[3]) - 1]
  if (line === undefined) return ''
  var caret = ''
  for (var i = 1; i < NumberOf(m[4]); i++) caret += line[i - 1] === '\t' ? '\t' : ' '
  return m[1] + ':' + m[3] + '\n' + line + '\n' + caret + '^\n\n'
}
function NumberOf(s) {
  return +s
}
function noSideEffectsToString(v) {
  if (typeof v === 'string') return v
  if (v === null || (typeof v !== 'object' && typeof v !== 'function')) {
    try {
      return StringC(v)
    } catch (_e) {
      return '[object Unknown]'
    }
  }
  return startsWith(typeof v, 'f') ? '[Function]' : '#<Object>'
}
