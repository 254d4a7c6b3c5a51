// The in-sandbox half of the simulated Node.js runtime (its runtime interface client): evaluated
// once per QuickJS context, BEFORE PRELUDE_CORE (so the prelude captures our virtual-clock Date
// as the pristine one). scripts/build-prelude.ts bundles this file and its imports into one
// script (runtime/bootstrap/generated.ts) that runs with BOOTSTRAP_FILENAME as its file name.
//
// The modules, in the order they run:
//   intrinsics.js  built-ins captured before user code can tamper with them; the host's functions
//   errors.js      error shapes (Errors.toRapidResponse / toFormatted), Node's RangeError
//   clock.js       the virtual Date (UTC) and performance
//   timers.js      timers, immediates, queueMicrotask
//   logs.js        console and the log lines (Text / JSON), buffered for the host
//   cjs-loader.js  require() over the function's files
//   handler.js     handler resolution (UserFunction.load)
//   io.js          host I/O: requests out of the sandbox, their answers back (io.request)
//   phases.js      Init and invoke semantics, step() results
//
// The host takes its handles on `__lf_rt` right after this script and the prelude ran, then the
// ES module loader's private module keeps `builtin` and `cjsGet` and deletes `__lf_rt` and
// `__lf_host` (src/lambda/sandbox/host-bridge.ts): learner code never sees a name of ours.
// The host talks to it through `__lf_rt` with one call per phase:
//   start(meta + "\n" + payload, vnow) -> handler invoked ("1": run the due timers first)
//   (host runs pending jobs)
//   step() -> "<header JSON>\n<payload>"       header: {s, t, l, e, ...}
//   fire(vnow) -> runs one immediate or one due timer
//   io(answersJSON) -> settles the requests whose answers arrived (host I/O, io.js)
// For an invoke the host does start + jobs + step inside ONE crossing (no sandbox->host call);
// an I/O answer is delivered the same way: io + jobs + step in one crossing.
import {
  ErrorC,
  G,
  JSONparse,
  host,
  JSONstringify,
  ObjectDefineProperty,
  ObjectFreeze,
  ObjectKeys,
  lf,
} from './intrinsics.js'
import { caught, setClientKind } from './errors.js'
import { preciseNow, setNow, setPerfOrigin } from './clock.js'
import { fire } from './timers.js'
import { configureLogs, rawWrite } from './logs.js'
import { addTaskFiles, loadCjs, setProvided, setRewritten } from './cjs-loader.js'
import { deliverIo, io } from './io.js'
import { initPhase, rejected, setConfig, start, step } from './phases.js'

// Host-supplied configuration (one call at environment creation).
function configure(json) {
  var config = JSONparse(json)
  setConfig(config)
  setClientKind(config.runtime.client, {
    receiver: config.runtime.receiver,
    syncFrames: config.runtime.syncFrames,
    asyncFrames: config.runtime.asyncFrames,
  })
  lf.runtime = config.runtime
  configureLogs(config)
  var keys = ObjectKeys(config.env)
  for (var i = 0; i < keys.length; i++) lf.env[keys[i]] = config.env[keys[i]]
  addTaskFiles(config.files)
  if (config.provided) setProvided(config.provided)
  if (config.rewritten) setRewritten(config.rewritten)
  lf.fs.mountTask(config.files, { tmpSizeBytes: config.tmpSize, shifts: config.shifts })
  lf.now = preciseNow
  lf.hooks.write = rawWrite
  setPerfOrigin(config.perfOrigin)
  setNow(config.perfOrigin)
  config.files = null
  config.rewritten = null
  return ''
}
// For the ESM loader: the export names of a CommonJS file / built-in module.
function cjsKeys(path) {
  var ex = loadCjs(path, null)
  return JSONstringify(ex !== null && (typeof ex === 'object' || typeof ex === 'function') ? ObjectKeys(ex) : [])
}
function cjsGet(path) {
  return loadCjs(path, null)
}
function builtinKeys(name) {
  var ex = lf.builtin(name)
  return JSONstringify((ex !== null && typeof ex === 'object') || typeof ex === 'function' ? ObjectKeys(ex) : [])
}
function moduleError(json) {
  var d = JSONparse(json)
  var e = new ErrorC(d.message)
  e.code = d.code
  return e
}

// The prelude (evaluated next) reads the I/O channel from the host object, which configure() deletes.
ObjectDefineProperty(host, 'io', { value: io, writable: false, enumerable: false, configurable: false })

var rt = ObjectFreeze({
  configure: configure,
  io: deliverIo,
  init: initPhase,
  start: start,
  step: step,
  fire: fire,
  cjsKeys: cjsKeys,
  cjsGet: cjsGet,
  builtinKeys: builtinKeys,
  moduleError: moduleError,
  rejected: rejected,
  caught: caught,
  builtin: function builtin(name) {
    return lf.builtin(name)
  },
})
ObjectDefineProperty(G, '__lf_rt', { value: rt, writable: false, enumerable: false, configurable: true })
