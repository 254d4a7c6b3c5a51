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
  host,
  ObjectCreate,
  ObjectKeys,
  push,
  strSlice,
} from './intrinsics.js'

/** Nesting the result may have: below what a Chromium Worker's stack allows QuickJS (~2,800). */
export var MAX_RESULT_DEPTH = 2000

// The parser reads characters as `s[i]` (an own, unforgeable property of a string primitive):
// in QuickJS that is several times faster than an uncurried charCodeAt call per character.

function skipWs(s, i) {
  for (;;) {
    var c = s[i]
    if (c === ' ' || c === '\n' || c === '\r' || c === '\t') i++
    else return i
  }
}

/** End (exclusive) of the string token starting at the quote at `i`; `escaped` says whether it has a backslash. */
var escaped = false
function stringEnd(s, i) {
  escaped = false
  for (var j = i + 1; ; j++) {
    var c = s[j]
    if (c === '"') return j + 1
    if (c === '\\') {
      escaped = true
      j++
    }
  }
}

/** End (exclusive) of the number or literal token starting at `i`. */
function scalarEnd(s, i) {
  for (var j = i; ; j++) {
    var c = s[j]
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c === '-' || c === '+' || c === '.' || c === 'E'))
      return j
  }
}

function define(obj, key, value) {
  ObjectDefineProperty(obj, key, { value: value, writable: true, enumerable: true, configurable: true })
}

/** The string token from `i` to `end`: sliced as is when it has no escape, else JSON.parse'd. */
function stringAt(s, i, end) {
  return escaped ? JSONparse(strSlice(s, i, end)) : strSlice(s, i + 1, end - 1)
}

var ARRAY = {}
var ObjectSetPrototypeOf = Object.setPrototypeOf,
  ObjectPrototype = Object.prototype

/**
 * JSON.parse(text) for well-formed JSON of any depth. One pass, no allocation per level beyond
 * the containers themselves: the open containers and their pending member names live in two
 * parallel stacks indexed by `sp` (an array's pending name is ARRAY). An object is built without a
 * prototype (so a member named __proto__, or a setter a handler put on Object.prototype, is a plain
 * own property, as JSON.parse makes it) and gets Object.prototype when it closes: cheaper than
 * defining each member.
 */
export function parseDeep(s) {
  var conts = []
  var names = []
  var sp = -1
  var i = 0
  var value
  var c
  for (;;) {
    c = s[i]
    while (c === ' ' || c === '\n' || c === '\r' || c === '\t') c = s[++i]
    if (c === '{' || c === '[') {
      var isArr = c === '['
      var cont = isArr ? [] : ObjectCreate(null)
      c = s[++i]
      while (c === ' ' || c === '\n' || c === '\r' || c === '\t') c = s[++i]
      if (c === '}' || c === ']') {
        value = isArr ? cont : {}
        i++
      } else {
        conts[++sp] = cont
        if (isArr) names[sp] = ARRAY
        else {
          var ke = stringEnd(s, i)
          names[sp] = stringAt(s, i, ke)
          i = skipWs(s, ke) + 1 // past ':'
        }
        continue
      }
    } else if (c === '"') {
      var se = stringEnd(s, i)
      value = stringAt(s, i, se)
      i = se
    } else {
      var ne = scalarEnd(s, i)
      value = JSONparse(strSlice(s, i, ne))
      i = ne
    }
    // A value is complete: attach it, and close every container that ends here.
    for (;;) {
      if (sp < 0) return value
      var top = conts[sp]
      var name = names[sp]
      if (name === ARRAY) top[top.length] = value
      else top[name] = value
      c = s[i++]
      while (c === ' ' || c === '\n' || c === '\r' || c === '\t') c = s[i++]
      if (c === ',') {
        // the next member
        if (name !== ARRAY) {
          i = skipWs(s, i)
          var ke2 = stringEnd(s, i)
          names[sp] = stringAt(s, i, ke2)
          i = skipWs(s, ke2) + 1
        }
        break
      }
      // ']' or '}'
      if (name !== ARRAY) ObjectSetPrototypeOf(top, ObjectPrototype)
      conts[sp] = undefined
      sp--
      value = top
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
