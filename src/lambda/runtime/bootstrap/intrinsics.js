// Intrinsics the runtime captures before any user code runs: built-ins (uncurried, so a user's
// replacement of Function.prototype.call, Array.prototype.push, … cannot reach the runtime), the
// host's functions, and the prelude's __lf (attached in configure()).
export var G = globalThis
export var host = G.__lf_host

var FP = Function.prototype
var uncurry = FP.bind.bind(FP.call)
export var call = uncurry(FP.call)
export var apply = uncurry(FP.apply)
export var RealDate = G.Date
export var DateUTC = RealDate.UTC,
  DateParse = RealDate.parse
export var dateISO = uncurry(RealDate.prototype.toISOString)
export var dateGetTime = uncurry(RealDate.prototype.getTime)
export var ReflectConstruct = Reflect.construct
export var ObjectDefineProperty = Object.defineProperty,
  ObjectGetOwnPropertyDescriptor = Object.getOwnPropertyDescriptor,
  ObjectKeys = Object.keys,
  ObjectCreate = Object.create
export var ObjectAssign = Object.assign,
  ObjectGetPrototypeOf = Object.getPrototypeOf,
  ObjectFreeze = Object.freeze
export var ObjectToString = uncurry(Object.prototype.toString)
export var ArrayIsArray = Array.isArray
export var hasOwn = uncurry(Object.prototype.hasOwnProperty)
export var JSONstringify = JSON.stringify,
  JSONparse = JSON.parse
export var push = uncurry(Array.prototype.push),
  join = uncurry(Array.prototype.join),
  splice = uncurry(Array.prototype.splice)
export var arrSlice = uncurry(Array.prototype.slice),
  shift = uncurry(Array.prototype.shift)
export var split = uncurry(String.prototype.split)
export var strSlice = uncurry(String.prototype.slice),
  indexOf = uncurry(String.prototype.indexOf),
  charCodeAt = uncurry(String.prototype.charCodeAt)
export var lastIndexOf = uncurry(String.prototype.lastIndexOf),
  startsWith = uncurry(String.prototype.startsWith)
export var endsWith = uncurry(String.prototype.endsWith),
  toUpperCase = uncurry(String.prototype.toUpperCase)
export var strReplaceAll = uncurry(String.prototype.replaceAll),
  reExec = uncurry(RegExp.prototype.exec)
export var StringC = String,
  NumberC = Number,
  ErrorC = Error,
  SyntaxErrorC = SyntaxError,
  TypeErrorC = TypeError,
  RangeErrorC = RangeError
export var MathFloor = Math.floor,
  MathMax = Math.max
export var PromiseC = Promise
export var promiseThen = uncurry(Promise.prototype.then),
  promiseResolve = Promise.resolve.bind(Promise),
  promiseReject = Promise.reject.bind(Promise)
export var WeakMapC = WeakMap,
  weakMapGet = uncurry(WeakMap.prototype.get),
  weakMapSet = uncurry(WeakMap.prototype.set)
export var AsyncFunctionProto = ObjectGetPrototypeOf(async function () {})
export var hostNow = host.now,
  hostCompile = host.compile,
  hostImportSync = host.importSync,
  hostFlush = host.flushLogs

/** The prelude's internals: PRELUDE_CORE hands them over through host.attachPrelude (no global). */
export var lf
host.attachPrelude = function attachPrelude(prelude) {
  if (lf === undefined) lf = prelude
}
