// Deep JSON without native recursion. QuickJS's JSON.parse and JSON.stringify recurse on the
// host's native stack (one C frame or more per level): a payload or a result nested a few
// thousand levels deep can exhaust a browser Worker's stack inside WebAssembly, which loses the
// whole module. Node parses any depth and stringifies ~4,000 levels, so:
//  - parseDeep() parses a payload the host found deeply nested (a loop and an explicit stack;
//    strings and numbers, which are flat, go through JSON.parse one token at a time). The host
//    validated the text already (service/invoke.ts), so it is well-formed JSON here.
//  - stringifyResult() is JSON.stringify with a depth guard: past MAX_RESULT_DEPTH it throws a
//    RangeError, as V8 does past its stack (the runtime client then reports
//    'Unable to stringify response body').
import {
  ArrayIsArray,
  JSONparse,
  JSONstringify,
  ObjectDefineProperty,
  RangeErrorC,
  call,
  charCodeAt,
  host,
  ObjectKeys,
  push,
  strSlice,
} from './intrinsics.js'

/** Nesting the result may have: below what a Chromium Worker's stack allows QuickJS (~2,800). */
export var MAX_RESULT_DEPTH = 2000

function skipWs(s, i) {
  for (;;) {
    var c = charCodeAt(s, i)
    if (c === 32 || c === 9 || c === 10 || c === 13) i++
    else return i
  }
}

/** End (exclusive) of the string token starting at the quote at `i`. */
function stringEnd(s, i) {
  for (var j = i + 1; ; j++) {
    var c = charCodeAt(s, j)
    if (c === 34) return j + 1
    if (c === 92) j++
  }
}

/** End (exclusive) of the number or literal token starting at `i`. */
function scalarEnd(s, i) {
  for (var j = i; ; j++) {
    var c = charCodeAt(s, j)
    if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 122) || c === 45 || c === 43 || c === 46 || c === 69)) return j
  }
}

function define(obj, key, value) {
  ObjectDefineProperty(obj, key, { value: value, writable: true, enumerable: true, configurable: true })
}

/** JSON.parse(text) for well-formed JSON of any depth. */
export function parseDeep(s) {
  var stack = [] // frames: [container, isArray, pendingKey]
  var i = 0
  var value
  for (;;) {
    i = skipWs(s, i)
    var c = charCodeAt(s, i)
    var have
    if (c === 123 || c === 91) {
      var frame = [c === 91 ? [] : {}, c === 91, undefined]
      i = skipWs(s, i + 1)
      var close = charCodeAt(s, i)
      if (close === 125 || close === 93) {
        value = frame[0]
        have = true
        i++
      } else {
        push(stack, frame)
        if (!frame[1]) {
          var ke = stringEnd(s, i)
          frame[2] = JSONparse(strSlice(s, i, ke))
          i = skipWs(s, ke) + 1 // past ':'
        }
        continue
      }
    } else if (c === 34) {
      var se = stringEnd(s, i)
      value = JSONparse(strSlice(s, i, se))
      i = se
      have = true
    } else {
      var ne = scalarEnd(s, i)
      value = JSONparse(strSlice(s, i, ne))
      i = ne
      have = true
    }
    // A value is complete: attach it, and close every container that ends here.
    while (have) {
      if (stack.length === 0) return value
      var top = stack[stack.length - 1]
      if (top[1]) push(top[0], value)
      else define(top[0], top[2], value)
      i = skipWs(s, i)
      var d = charCodeAt(s, i)
      i++
      if (d === 44) {
        // ',': the next member
        if (!top[1]) {
          i = skipWs(s, i)
          var ke2 = stringEnd(s, i)
          top[2] = JSONparse(strSlice(s, i, ke2))
          i = skipWs(s, ke2) + 1
        }
        have = false
      } else {
        // ']' or '}'
        stack.length--
        value = top[0]
      }
    }
  }
}

/**
 * Nesting through which JSON.parse applies a reviver: V8's walk recurses, and Node 20 throws
 * "Maximum call stack size exceeded" past about 2,700 levels (measured with a trivial reviver).
 */
var MAX_REVIVE_DEPTH = 2700

/**
 * JSON.parse's reviver applied to a parsed value (the specification's InternalizeJSONProperty)
 * without native recursion: children first, in order, each replaced by what the reviver returns
 * (deleted when it returns undefined), then the holder's own call, with the holder as `this`.
 */
export function reviveDeep(value, reviver) {
  var root = {}
  define(root, '', value)
  var stack = [] // frames: [holder, key, object, keys or null (an array), length, next index, child key]
  var result
  // Visit holder[key]: an object opens a frame; anything else is revived at once (returns true).
  function enter(holder, key) {
    var v = holder[key]
    if (v !== null && typeof v === 'object') {
      if (stack.length >= MAX_REVIVE_DEPTH) throw new RangeErrorC('Maximum call stack size exceeded')
      var arr = ArrayIsArray(v)
      var keys = arr ? null : ObjectKeys(v)
      push(stack, [holder, key, v, keys, arr ? v.length : keys.length, 0, undefined])
      return false
    }
    result = call(reviver, holder, key, v)
    return true
  }
  // CreateDataProperty and [[Delete]]: no error when the reviver made the object read-only.
  function deliver(f, r) {
    if (r === undefined) ReflectDeleteProperty(f[2], f[6])
    else ReflectDefineProperty(f[2], f[6], { value: r, writable: true, enumerable: true, configurable: true })
  }
  if (enter(root, '')) return result
  while (stack.length > 0) {
    var f = stack[stack.length - 1]
    if (f[5] < f[4]) {
      f[6] = f[3] === null ? '' + f[5] : f[3][f[5]]
      f[5]++
      if (enter(f[2], f[6])) deliver(f, result)
      continue
    }
    stack.length--
    result = call(reviver, f[0], f[1], f[2])
    if (stack.length > 0) deliver(stack[stack.length - 1], result)
  }
  return result
}

// The prelude's JSON.parse takes these for deep texts (through the host object, which is deleted
// before user code runs).
host.parseDeep = parseDeep
host.reviveDeep = reviveDeep

var ReflectDefineProperty = Reflect.defineProperty,
  ReflectDeleteProperty = Reflect.deleteProperty
var WeakMapC = WeakMap
var wmGet = WeakMapC.prototype.get,
  wmSet = WeakMapC.prototype.set
var depths = new WeakMapC()
function guard(_key, value) {
  if (value !== null && typeof value === 'object') {
    var d = (call(wmGet, depths, this) || 0) + 1
    if (d > MAX_RESULT_DEPTH) throw new RangeErrorC('Maximum call stack size exceeded')
    call(wmSet, depths, value, d)
  }
  return value
}

/** JSON.stringify(value) that throws a RangeError instead of recursing past MAX_RESULT_DEPTH. */
export function stringifyResult(value) {
  depths = new WeakMapC()
  try {
    return JSONstringify(value, guard)
  } finally {
    depths = new WeakMapC()
  }
}
