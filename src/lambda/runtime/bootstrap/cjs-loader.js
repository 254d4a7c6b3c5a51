// CommonJS loader over the function's files (absolute paths like /var/task/lib/x.js): Node's
// require() resolution (files, directories, package.json main, node_modules), its errors
// (MODULE_NOT_FOUND with the require stack, ERR_REQUIRE_ESM) and module objects.
import {
  ErrorC,
  JSONparse,
  ObjectCreate,
  ObjectKeys,
  PromiseC,
  TypeErrorC,
  call,
  endsWith,
  hasOwn,
  host,
  hostCompile,
  hostImportSync,
  indexOf,
  join,
  lastIndexOf,
  lf,
  promiseThen,
  push,
  split,
  startsWith,
  strSlice,
} from './intrinsics.js'
import { caught } from './errors.js'

// QuickJS takes source text as a C string: a raw NUL would end it. `\x00` is a NUL wherever Node
// accepts a raw one (strings, templates, comments, regular expressions); after an odd run of
// backslashes the NUL is itself escaped, so `x00` completes it (see sandbox/host-bridge.ts).
function escapeNul(src) {
  var i = indexOf(src, '\0')
  if (i < 0) return src
  var out = '',
    from = 0
  while (i >= 0) {
    var bs = 0
    while (i - bs - 1 >= from && strSlice(src, i - bs - 1, i - bs) === '\\') bs++
    out += strSlice(src, from, i) + (bs % 2 ? 'x00' : '\\x00')
    from = i + 1
    i = indexOf(src, '\0', from)
  }
  return out + strSlice(src, from)
}

var files = ObjectCreate(null)
/** Mount the function's files (paths relative to /var/task). */
export function addTaskFiles(taskFiles) {
  var fkeys = ObjectKeys(taskFiles)
  for (var j = 0; j < fkeys.length; j++) files['/var/task/' + fkeys[j]] = taskFiles[fkeys[j]]
}
// The files whose catch clauses the engine rewrote (src/lambda/sandbox/catch-transform.ts):
// path -> { code, name }; compiled in an outer function that gives them errors.js's `caught`.
var rewritten = ObjectCreate(null)
export function setRewritten(map) {
  var keys = ObjectKeys(map)
  for (var i = 0; i < keys.length; i++) rewritten['/var/task/' + keys[i]] = map[keys[i]]
}
var cjsCache = ObjectCreate(null)
// Packages the runtime provides outside node_modules (the AWS SDK the host loaded for this
// function, src/lambda/sdk): name -> the path they resolve to under /var/runtime/node_modules.
var provided = ObjectCreate(null)
var providedByPath = ObjectCreate(null)
export function setProvided(names) {
  for (var i = 0; i < names.length; i++) {
    var root = '/var/runtime/node_modules/' + names[i]
    provided[names[i]] = root + '/dist-cjs/index.js'
    providedByPath[root + '/dist-cjs/index.js'] = names[i]
    provided[names[i] + '/package.json'] = root + '/package.json'
    providedByPath[root + '/package.json'] = names[i] + '/package.json'
  }
}
var pkgTypeCache = ObjectCreate(null)
export function fileExists(p) {
  return hasOwn(files, p)
}
/** The source of one of the function's files (absolute path), or undefined. */
export function fileSource(p) {
  return hasOwn(files, p) ? files[p] : undefined
}
export function dirname(p) {
  var i = lastIndexOf(p, '/')
  return i <= 0 ? '/' : strSlice(p, 0, i)
}
export function normalizePath(p) {
  var parts = split(p, '/'),
    out = []
  for (var i = 0; i < parts.length; i++) {
    var s = parts[i]
    if (s === '' || s === '.') continue
    if (s === '..') {
      if (out.length) out.length--
      continue
    }
    push(out, s)
  }
  return '/' + join(out, '/')
}
export function packageTypeModule(dir) {
  if (hasOwn(pkgTypeCache, dir)) return pkgTypeCache[dir]
  var r = false
  if (!endsWith(dir, '/node_modules')) {
    var pj = (dir === '/' ? '' : dir) + '/package.json'
    if (fileExists(pj)) {
      try {
        var pkg = JSONparse(files[pj])
        r = !!(pkg && pkg.type === 'module')
      } catch (_e) {
        r = false
      }
    } else if (dir !== '/') r = packageTypeModule(dirname(dir))
  }
  pkgTypeCache[dir] = r
  return r
}
function isEsmPath(p) {
  if (endsWith(p, '.mjs')) return true
  if (endsWith(p, '.cjs') || endsWith(p, '.json')) return false
  if (endsWith(p, '.js')) return packageTypeModule(dirname(p))
  return false
}
function notFound(request, parent) {
  var stack = []
  var cur = parent
  while (cur) {
    push(stack, '- ' + cur.filename)
    cur = cur.parent
  }
  push(stack, '- /var/runtime/index.mjs')
  var e = new ErrorC("Cannot find module '" + request + "'\nRequire stack:\n" + join(stack, '\n'))
  e.code = 'MODULE_NOT_FOUND'
  var rs = []
  for (var i = 0; i < stack.length; i++) push(rs, strSlice(stack[i], 2))
  e.requireStack = rs
  return e
}
function tryFile(p) {
  if (fileExists(p)) return p
  if (fileExists(p + '.js')) return p + '.js'
  if (fileExists(p + '.json')) return p + '.json'
  return null
}
function tryDir(p) {
  var pj = p + '/package.json'
  if (fileExists(pj)) {
    try {
      var pkg = JSONparse(files[pj])
      if (pkg && typeof pkg.main === 'string') {
        var m = tryFile(normalizePath(p + '/' + pkg.main)) || tryIndex(normalizePath(p + '/' + pkg.main))
        if (m) return m
      }
    } catch (_e) {
      /* no usable package.json: try the index */
    }
  }
  return tryIndex(p)
}
function tryIndex(p) {
  if (fileExists(p + '/index.js')) return p + '/index.js'
  if (fileExists(p + '/index.json')) return p + '/index.json'
  return null
}
function resolveCjs(request, parent) {
  var base = parent ? dirname(parent.filename) : '/var/task'
  if (
    startsWith(request, './') ||
    startsWith(request, '../') ||
    request === '.' ||
    request === '..' ||
    startsWith(request, '/')
  ) {
    var abs = normalizePath(startsWith(request, '/') ? request : base + '/' + request)
    var r = tryFile(abs) || tryDir(abs)
    if (r) return r
    throw notFound(request, parent)
  }
  var dir = base
  for (;;) {
    if (!endsWith(dir, '/node_modules')) {
      var cand = normalizePath(dir + '/node_modules/' + request)
      var r2 = tryFile(cand) || tryDir(cand)
      if (r2) return r2
    }
    if (dir === '/') break
    dir = dirname(dir)
  }
  // Not in the function's node_modules: the runtime's own copy (as Node finds it on NODE_PATH).
  if (hasOwn(provided, request)) return provided[request]
  throw notFound(request, parent)
}
function Module(filename, parent) {
  this.id = filename
  this.filename = filename
  this.path = dirname(filename)
  this.exports = {}
  this.parent = parent
  this.loaded = false
  this.children = []
  this.paths = []
}
function makeRequire(mod) {
  function require(request) {
    if (typeof request !== 'string') {
      var te = new TypeErrorC(
        'The "id" argument must be of type string. Received ' + (request === null ? 'null' : typeof request),
      )
      te.code = 'ERR_INVALID_ARG_TYPE'
      throw te
    }
    if (
      startsWith(request, 'node:') ||
      (!startsWith(request, '.') && !startsWith(request, '/') && lf.hasBuiltin(request))
    )
      return lf.builtin(request)
    return loadCjs(resolveCjs(request, mod), mod)
  }
  require.resolve = function resolve(request) {
    if (lf.hasBuiltin(request)) return request
    return resolveCjs(request, mod)
  }
  require.cache = cjsCache
  require.main = mainModule
  return require
}
var mainModule
// require() of an ES module as Node 22.12+ / 24 do it: the module namespace (or its
// 'module.exports' export), ERR_REQUIRE_ASYNC_MODULE for a graph with top-level await.
function requireEsm(filename, parent) {
  var out = call(hostImportSync, host, 'file://' + filename, false)
  if (out instanceof PromiseC) {
    promiseThen(out, undefined, function () {})
    var ae = new ErrorC(
      'require() cannot be used on an ESM graph with top-level await. Use import() instead. To see where the top-level await comes from, use --experimental-print-required-tla.\n  From ' +
        (parent ? parent.filename : 'undefined') +
        ' \n  Requiring ' +
        filename +
        ' ',
    )
    ae.code = 'ERR_REQUIRE_ASYNC_MODULE'
    throw ae
  }
  var ns = out.ns
  if (hasOwn(ns, 'default') && !hasOwn(ns, '__esModule')) ns = call(hostImportSync, host, 'file://' + filename, true)
  var mod = new Module(filename, parent)
  if (parent) push(parent.children, mod)
  mod.exports = hasOwn(ns, 'module.exports') ? ns['module.exports'] : ns
  mod.loaded = true
  cjsCache[filename] = mod
  return mod.exports
}
export function loadCjs(filename, parent) {
  var cached = cjsCache[filename]
  if (cached !== undefined) return cached.exports
  if (hasOwn(providedByPath, filename)) return lf.provided(providedByPath[filename])
  if (isEsmPath(filename)) {
    if (lf.runtime !== undefined && lf.runtime.requireModule === true) return requireEsm(filename, parent)
    var ee = new ErrorC(
      'require() of ES Module ' +
        filename +
        (parent ? ' from ' + parent.filename : '') +
        ' not supported.\nInstead change the require of ' +
        filename +
        ' to a dynamic import() which is available in all CommonJS modules.',
    )
    ee.code = 'ERR_REQUIRE_ESM'
    throw ee
  }
  var mod = new Module(filename, parent)
  if (mainModule === undefined) mainModule = mod
  if (parent) push(parent.children, mod)
  cjsCache[filename] = mod
  try {
    if (endsWith(filename, '.json')) {
      try {
        mod.exports = JSONparse(files[filename])
      } catch (je) {
        je.message = filename + ': ' + je.message
        throw je
      }
    } else {
      var fn
      var re = hasOwn(rewritten, filename) ? rewritten[filename] : undefined
      if (re === undefined)
        fn = call(
          hostCompile,
          host,
          filename,
          '(function (exports, require, module, __filename, __dirname) {' + escapeNul(files[filename]) + '\n})',
        )
      else
        fn = call(
          hostCompile,
          host,
          filename,
          '(function (' +
            re.name +
            ') { return function (exports, require, module, __filename, __dirname) {' +
            escapeNul(re.code) +
            '\n} })',
        )(caught)
      call(fn, mod.exports, mod.exports, makeRequire(mod), mod, filename, dirname(filename))
    }
  } catch (e) {
    delete cjsCache[filename]
    throw e
  }
  mod.loaded = true
  return mod.exports
}
