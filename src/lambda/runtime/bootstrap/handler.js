// Handler resolution, as the runtime interface client's UserFunction.load does it: the module
// from the Handler setting (CommonJS, ES module or package type), the exported function, and the
// Runtime.* errors (MalformedHandlerName, HandlerNotFound, UserCodeSyntaxError, ImportModuleError).
import {
  AsyncFunctionProto,
  ErrorC,
  ObjectGetPrototypeOf,
  ObjectToString,
  StringC,
  SyntaxErrorC,
  indexOf,
  lastIndexOf,
  promiseThen,
  reExec,
  split,
  strSlice,
} from './intrinsics.js'
import { dirname, fileExists, loadCjs, normalizePath, packageTypeModule } from './cjs-loader.js'
import { RuntimeError } from './errors.js'

/** The resolved handler, and whether it is an async function. */
export var handlerFn = null,
  handlerIsAsync = false
function loadUserApp(base) {
  if (fileExists(base)) return loadCjs(base, null)
  var pjModule = fileExists(base + '.js') && packageTypeModule(dirname(base + '.js'))
  if (!pjModule && fileExists(base + '.js')) return loadCjs(base + '.js', null)
  if (pjModule && fileExists(base + '.js')) return import('file://' + base + '.js')
  if (fileExists(base + '.mjs')) return import('file://' + base + '.mjs')
  if (fileExists(base + '.cjs')) return loadCjs(base + '.cjs', null)
  var modName = strSlice(base, lastIndexOf(base, '/') + 1)
  var e = new ErrorC("Cannot find module '" + modName + "'\nRequire stack:\n- /var/runtime/index.mjs")
  e.code = 'MODULE_NOT_FOUND'
  throw e
}
function wrapLoadError(e) {
  if (e instanceof SyntaxErrorC) return RuntimeError('UserCodeSyntaxError', StringC(e))
  if (e !== null && typeof e === 'object' && (e.code === 'MODULE_NOT_FOUND' || e.code === 'ERR_MODULE_NOT_FOUND'))
    return RuntimeError('ImportModuleError', StringC(e))
  return e
}
export function loadHandler(full) {
  if (indexOf(full, '..') !== -1)
    throw RuntimeError(
      'MalformedHandlerName',
      "'" +
        full +
        "' is not a valid handler name. Use absolute paths when specifying root directories in handler names.",
    )
  var slash = lastIndexOf(full, '/')
  var moduleRoot = slash === -1 ? '' : strSlice(full, 0, slash + 1)
  var moduleAndHandler = slash === -1 ? full : strSlice(full, slash + 1)
  var m = reExec(/^([^.]*)\.(.*)$/, moduleAndHandler)
  if (!m || m.length !== 3) throw RuntimeError('MalformedHandlerName', 'Bad handler')
  var base = normalizePath('/var/task/' + moduleRoot + m[1])
  var app
  try {
    app = loadUserApp(base)
  } catch (e) {
    throw wrapLoadError(e)
  }
  var resolveFn = function (appObj) {
    var parts = split(m[2], '.')
    var h = appObj
    for (var i = 0; i < parts.length; i++) h = h && h[parts[i]]
    if (!h) throw RuntimeError('HandlerNotFound', full + ' is undefined or not exported')
    if (typeof h !== 'function') throw RuntimeError('HandlerNotFound', full + ' is not a function')
    handlerFn = h
    handlerIsAsync = ObjectGetPrototypeOf(h) === AsyncFunctionProto
  }
  if (app !== null && typeof app === 'object' && ObjectToString(app) === '[object Promise]') {
    return promiseThen(app, resolveFn, function (e) {
      throw wrapLoadError(e)
    })
  }
  resolveFn(app)
  return undefined
}
