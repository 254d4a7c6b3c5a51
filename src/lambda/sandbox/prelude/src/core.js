// PRELUDE_CORE: evaluated once per QuickJS context, after the engine defined `__lf_host` and
// before any user code. It must stay SMALL (QuickJS compiles roughly 10 KB of code per ms): it
// captures intrinsics, defines `__lf` and the lazy globals, and formats plain strings/numbers.
// Everything else is a lazy module (./lazy), loaded on first use through
// __lf_host.loadBuiltin(key), whose answer is a factory `(load, internals) => exports`.
/* global __LF_MODULES__ */
import { captureIntrinsics } from './intrinsics.js'
import { installJSON } from './json.js'

const G = globalThis
const fnCall = Function.prototype.call
const call = fnCall.bind(fnCall) // call(fn, thisArg, ...args), immune to later tampering
const ObjectDefineProperty = Object.defineProperty
const ObjectCreate = Object.create
const ObjectKeys = Object.keys
const StringCtor = String
const ErrorCtor = Error
const indexOf = String.prototype.indexOf
const slice = String.prototype.slice
const DateNow = Date.now
const DateCtor = Date

const host = G.__lf_host
if (host == null) throw new TypeError('__lf_host must be defined before PRELUDE_CORE')
// Hidden from enumeration; the engine may delete it once PRELUDE_CORE ran.
ObjectDefineProperty(G, '__lf_host', { value: host, writable: false, enumerable: false, configurable: true })
const hostLoad = host.loadBuiltin
const hostRandom = host.randomBytes
const hostPromiseState = host.promiseState // optional: (p) => [0 pending | 1 fulfilled | 2 rejected, value]
const hostMemoryUsage = host.memoryUsage // optional: () => bytes used by the heap
const hostSha256 = host.sha256 // optional: (key | undefined, data: string | ArrayBuffer) => ArrayBuffer
// optional: the runtime's host I/O channel, { request(kind, req), cancel(promise, reason) } (runtime/bootstrap/io.js)
const hostIo = host.io

// JSON.parse with V8's messages, and deep JSON as Node handles it (see json.js).
installJSON({
  call,
  load: (key) => load(key),
  major: () => (lf.runtime !== undefined ? lf.runtime.major : 20),
  jsonDepth: host.jsonDepth,
  parseDeep: host.parseDeep,
  reviveDeep: host.reviveDeep,
  // V8's message for a circular structure (the path that closes the circle), from the lazy
  // 'internal/v8-messages', computed only after the engine has refused the value.
  circularMessage: (value) => withPristine(() => load('internal/v8-messages').circularMessage(value)),
})

// Error.captureStackTrace(obj[, fn]) and Error.stackTraceLimit, as V8 has them: obj.stack becomes
// "Name: message" and the caller's frames (above `fn`'s frame when given), at most
// stackTraceLimit of them; the frames are QuickJS's, as in any err.stack read in code.
function captureStackTrace(obj, constructorOpt) {
  if (obj === null || (typeof obj !== 'object' && typeof obj !== 'function')) throw new TypeError('invalid_argument')
  const st = new ErrorCtor().stack
  const limit = ErrorCtor.stackTraceLimit
  const max = typeof limit === 'number' && limit >= 0 ? limit : 0
  let name = obj.name
  name = name === undefined ? 'Error' : StringCtor(name)
  let message = obj.message
  message = message === undefined ? '' : StringCtor(message)
  let out = name === '' ? message : message === '' ? name : `${name}: ${message}`
  const skipTo = typeof constructorOpt === 'function' && constructorOpt.name !== '' ? constructorOpt.name : undefined
  let skipping = skipTo !== undefined
  let kept = 0
  let from = 0
  while (from < st.length && kept < max) {
    let end = call(indexOf, st, '\n', from)
    if (end < 0) end = st.length
    const line = call(slice, st, from, end)
    from = end + 1
    if (line === '' || call(indexOf, line, '(node:internal/') >= 0) continue
    if (skipping) {
      if (call(indexOf, line, `    at ${skipTo} (`) === 0 || call(indexOf, line, `    at new ${skipTo} (`) === 0)
        skipping = false
      continue
    }
    out += '\n' + line
    kept++
  }
  // A constructor not on the stack: V8 keeps no frames at all.
  if (skipping) out = name === '' ? message : message === '' ? name : `${name}: ${message}`
  ObjectDefineProperty(obj, 'stack', { value: out, writable: true, configurable: true, enumerable: false })
}
ObjectDefineProperty(ErrorCtor, 'captureStackTrace', {
  value: captureStackTrace,
  writable: true,
  configurable: true,
  enumerable: false,
})
ErrorCtor.stackTraceLimit = 10

const snapshot = captureIntrinsics()
const count = snapshot.values.length

// ---------------------------------------------------------------------------------------------
// Lazy module loader. Third-party code runs under withPristine().

const PUBLIC = __LF_MODULES__
const cache = ObjectCreate(null)
const loading = ObjectCreate(null)

function moduleNotFound(name) {
  const err = new ErrorCtor(`Cannot find module '${name}'`)
  err.code = 'MODULE_NOT_FOUND'
  return err
}

function rawLoad(key) {
  const factory = call(hostLoad, host, key)
  if (typeof factory !== 'function') throw moduleNotFound(key)
  return factory
}

let pristine // lazy/pristine.js: (snapshot, fn) => result, restores tampered built-ins around fn
let depth = 0
function withPristine(fn) {
  if (depth > 0) return fn()
  let clean = true
  const { holders, keys, values } = snapshot
  try {
    for (let i = 0; i < count; i++) {
      if (holders[i][keys[i]] !== values[i]) {
        clean = false
        break
      }
    }
    // Enumerable junk on Object.prototype / Array.prototype breaks `for...in` in library code.
    for (const _k in []) {
      clean = false
      break
    }
  } catch {
    clean = false
  }
  depth++
  try {
    if (clean) return fn()
    if (pristine === undefined) pristine = rawLoad('internal/pristine')()
    return pristine(snapshot, fn)
  } finally {
    depth--
  }
}

function load(key) {
  const cached = cache[key]
  if (cached !== undefined) return cached
  if (loading[key] !== undefined) return loading[key].exports // import cycle: partial exports
  const factory = rawLoad(key)
  const holder = { exports: {} }
  loading[key] = holder
  try {
    return (cache[key] = withPristine(() => factory(load, internals, holder)))
  } finally {
    delete loading[key]
  }
}

function normalize(name) {
  if (typeof name !== 'string') return undefined
  const bare = call(indexOf, name, 'node:') === 0 ? call(slice, name, 5) : name
  for (let i = 0; i < PUBLIC.length; i++) if (PUBLIC[i] === bare) return bare
  return undefined
}

// ---------------------------------------------------------------------------------------------
// util.format fast path: strings, numbers, booleans, null and undefined, with no '%' in the first
// argument, are joined here. Anything else goes to lazy/format.js (which loads the inspector only
// for objects).

let formatter
const slowFormat = () => formatter || (formatter = load('internal/format'))

function format(...args) {
  let out = ''
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    const t = typeof a
    if (t === 'string') {
      if (i === 0 && args.length > 1 && call(indexOf, a, '%') !== -1) return slowFormat().format(args)
    } else if (t !== 'number' && t !== 'boolean' && a != null) {
      return slowFormat().format(args)
    }
    if (i > 0) out += ' '
    out += t === 'number' && a === 0 && 1 / a < 0 ? '-0' : a
  }
  return out
}

// ---------------------------------------------------------------------------------------------
// Globals: lazy getters that become plain data properties (writable, configurable, not
// enumerable, like Node's) on first access or assignment.

function defineLazy(name, get) {
  const define = (value) =>
    ObjectDefineProperty(G, name, { value, writable: true, configurable: true, enumerable: false })
  ObjectDefineProperty(G, name, {
    configurable: true,
    enumerable: false,
    get() {
      const value = get()
      define(value)
      return value
    },
    set: define,
  })
}

// Node's WHATWG stream globals (node:stream/web).
const STREAM_GLOBALS = [
  'ReadableStream',
  'ReadableStreamDefaultReader',
  'ReadableStreamBYOBReader',
  'ReadableStreamBYOBRequest',
  'ReadableByteStreamController',
  'ReadableStreamDefaultController',
  'TransformStream',
  'TransformStreamDefaultController',
  'WritableStream',
  'WritableStreamDefaultWriter',
  'WritableStreamDefaultController',
  'ByteLengthQueuingStrategy',
  'CountQueuingStrategy',
  'TextEncoderStream',
  'TextDecoderStream',
]
// "global=module.export"; a string is cheaper to parse than the equivalent calls.
const LAZY_GLOBALS = (
  'process=internal/process. Buffer=buffer.Buffer atob=buffer.atob btoa=buffer.btoa ' +
  'TextEncoder=internal/encoding.TextEncoder TextDecoder=internal/encoding.TextDecoder URL=url.URL ' +
  'URLSearchParams=url.URLSearchParams structuredClone=internal/structured-clone.structuredClone ' +
  'crypto=crypto.webcrypto EventTarget=internal/event-target.EventTarget Event=internal/event-target.Event ' +
  'AbortController=internal/event-target.AbortController AbortSignal=internal/event-target.AbortSignal ' +
  'DOMException=internal/event-target.DOMException fetch=internal/fetch.fetch Headers=internal/fetch.Headers ' +
  'Request=internal/fetch.Request Response=internal/fetch.Response Blob=internal/fetch.Blob ' +
  STREAM_GLOBALS.map((n) => `${n}=stream/web.${n}`).join(' ')
).split(' ')
for (let i = 0; i < LAZY_GLOBALS.length; i++) {
  const [name, ref] = LAZY_GLOBALS[i].split('=')
  const [mod, prop] = ref.split('.')
  defineLazy(name, () => (prop ? load(mod)[prop] : load(mod)))
}
ObjectDefineProperty(G, 'global', { value: G, writable: true, configurable: true, enumerable: false })

// ---------------------------------------------------------------------------------------------
// State the lazy modules share with the engine.

const env = {} // process.env; the engine fills it (through __lf.env, without loading process)
let taskFiles = ObjectCreate(null) // the function's files, mounted read-only at /var/task
let taskShifts // the engine's insertions in them (catch-transform.ts): file -> { name, list }
let tmpLimit = 512 * 1024 * 1024 // /tmp size (Lambda's default ephemeral storage)
const startMs = call(DateNow, DateCtor)

// QuickJS words some of its own errors differently from V8, whose wording learners meet on AWS.
// The runtime (errorMessage, stack traces in logs), util.inspect and the errors the function's code
// catches (the runtime's `caught`) show V8's. The lazy 'internal/v8-messages' does the work,
// loaded on the first error only; `err` (optional) gives the position for messages that name the
// expression (`client.sendd is not a function`).
// The runtime asks several times per error (response, log line, stack header): computed once.
const v8Cache = new WeakMap()
const weakGet = WeakMap.prototype.get
const weakSet = WeakMap.prototype.set
function v8Message(message, err) {
  if (typeof message !== 'string') return message
  const keyed = err !== null && typeof err === 'object'
  const hit = keyed ? call(weakGet, v8Cache, err) : undefined
  if (hit !== undefined && hit[0] === message) return hit[1]
  let out
  try {
    out = withPristine(() => load('internal/v8-messages').v8Message(message, err, taskFiles, taskShifts))
  } catch {
    out = message
  }
  if (keyed) call(weakSet, v8Cache, err, [message, out])
  return out
}

// V8's column for a frame of the function's own files (the runtime's stack traces); error path only.
function v8Column(file, cjs, line, col) {
  try {
    return withPristine(() => load('internal/v8-messages').v8Column(file, cjs, line, col, taskFiles, taskShifts))
  } catch {
    return col
  }
}

// V8's column of an async frame (the `await` before the call QuickJS points at); error path only.
function v8AwaitColumn(file, cjs, line, col) {
  try {
    return withPristine(() => load('internal/v8-messages').v8AwaitColumn(file, cjs, line, col, taskFiles, taskShifts))
  } catch {
    return col
  }
}

const internals = {
  withPristine,
  v8Message,
  v8AwaitColumn,
  env,
  startMs,
  nowMs: () => (typeof lf.now === 'function' ? lf.now() : call(DateNow, DateCtor)),
  runtime: () => lf.runtime,
  randomHex: (n) => call(hostRandom, host, n),
  promiseState: typeof hostPromiseState === 'function' ? (p) => call(hostPromiseState, host, p) : undefined,
  hostMemoryUsage: typeof hostMemoryUsage === 'function' ? () => call(hostMemoryUsage, host) : undefined,
  // SHA-256 / HMAC-SHA256 computed by the host (the AWS SDK's signing), if it offers it.
  sha256: typeof hostSha256 === 'function' ? (key, data) => call(hostSha256, host, key, data) : undefined,
  // Host I/O for fetch, node:http and the AWS SDK's request handler: io.request('http', { method, url,
  // headers, body: base64 }) -> Promise<{ status, statusText, headers, body: base64 }>; io.cancel(p, reason).
  io: hostIo,
  taskFiles: () => taskFiles,
  tmpLimit: () => tmpLimit,
  format,
  formatWithOptions: (opts, args) => slowFormat().formatWithOptions(opts, args),
  inspect: (value, opts) => slowFormat().inspect(value, opts),
  get process() {
    return load('internal/process')
  },
  get hooks() {
    return lf.hooks
  },
}

const lf = {
  builtin(name) {
    const key = normalize(name)
    if (key === undefined) throw moduleNotFound(typeof name === 'string' ? name : StringCtor(name))
    return load(key)
  },
  hasBuiltin: (name) => normalize(name) !== undefined,
  // A package the runtime provides outside the function's node_modules (the AWS SDK v3, see
  // src/lambda/sdk): the host serves its code under the key `sdk/<name>`; unknown: MODULE_NOT_FOUND.
  provided(name) {
    if (typeof name !== 'string' || call(indexOf, name, '@') !== 0) throw moduleNotFound(StringCtor(name))
    return load('sdk/' + name)
  },
  // Loads lazy modules ahead of use (public names or internal keys such as 'internal/inspect').
  preload(keys) {
    for (let i = 0; i < keys.length; i++) load(keys[i])
  },
  builtinModules: PUBLIC.slice(),
  format,
  formatWithOptions: (opts, ...args) => slowFormat().formatWithOptions(opts, args),
  inspect: internals.inspect,
  env,
  fs: {
    mountTask(files, options) {
      const copy = ObjectCreate(null)
      const names = ObjectKeys(files)
      for (let i = 0; i < names.length; i++) copy[names[i]] = StringCtor(files[names[i]])
      taskFiles = copy
      if (options != null && typeof options.tmpSizeBytes === 'number') tmpLimit = options.tmpSizeBytes
      if (options != null && options.shifts != null) taskShifts = options.shifts
      if (internals.remountFs !== undefined) internals.remountFs()
    },
    setTmpLimit(bytes) {
      tmpLimit = bytes
    },
    getTmpLimit: () => tmpLimit,
  },
  hooks: { write: undefined }, // process.stdout/stderr.write -> hooks.write(fd, text)
  now: undefined, // engine's clock in ms (process.hrtime/uptime); defaults to Date.now()
  // The simulated runtime ({ node, major, v8, modules, lts, … }), set by the engine before any
  // of the function's code runs; undefined: the Node version the prelude was built with.
  runtime: undefined,
  v8Message,
  v8Column,
  isProcessExit: (e) => internals.ProcessExit !== undefined && e instanceof internals.ProcessExit,
}
// The engine's runtime takes it privately (no global name reaches learner code); a bare host
// (the prelude's own tests) gets the hidden global `__lf`.
if (typeof host.attachPrelude === 'function') call(host.attachPrelude, host, lf)
else ObjectDefineProperty(G, '__lf', { value: lf, writable: false, enumerable: false, configurable: false })
