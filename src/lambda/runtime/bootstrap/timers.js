// Timers: one sorted queue (due, seq) plus a FIFO of immediates, Node-style Timeout and
// Immediate objects, queueMicrotask. The host fires them one at a time (running microtasks in
// between), advancing the virtual clock to each due time.
import {
  G,
  MathFloor,
  NumberC,
  ObjectCreate,
  ObjectDefineProperty,
  StringC,
  TypeErrorC,
  apply,
  arrSlice,
  call,
  promiseResolve,
  promiseThen,
  push,
  shift,
  splice,
} from './intrinsics.js'
import { setNow, vnow } from './clock.js'
import { ioAlive } from './io.js'

var timers = [] // sorted by due, then seq
var immediates = []
var seq = 0,
  nextId = 1
/** The first uncaught exception (in a timer or a microtask) since the last step: { v }. */
export var uncaught = null
export function clearUncaught() {
  uncaught = null
}
var TIMEOUT_MAX = 2147483647

function Timeout(cb, delay, args, repeat) {
  this._id = nextId++
  this._onTimeout = cb
  this._idleTimeout = delay
  this._repeat = repeat ? delay : null
  this._args = args
  this._due = vnow + delay
  this._seq = seq++
  this._ref = true
  this._active = false
}
Timeout.prototype.ref = function ref() {
  this._ref = true
  return this
}
Timeout.prototype.unref = function unref() {
  this._ref = false
  return this
}
Timeout.prototype.hasRef = function hasRef() {
  return this._ref
}
Timeout.prototype.refresh = function refresh() {
  if (this._active) {
    removeTimer(this)
    this._due = vnow + this._idleTimeout
    this._seq = seq++
    insertTimer(this)
  }
  return this
}
Timeout.prototype.close = function close() {
  removeTimer(this)
  return this
}
Timeout.prototype[Symbol.toPrimitive] = function () {
  return this._id
}
var byId = ObjectCreate(null)

function insertTimer(t) {
  var lo = 0,
    hi = timers.length
  while (lo < hi) {
    var mid = (lo + hi) >>> 1,
      m = timers[mid]
    if (m._due < t._due || (m._due === t._due && m._seq < t._seq)) lo = mid + 1
    else hi = mid
  }
  splice(timers, lo, 0, t)
  t._active = true
  byId[t._id] = t
}
// Also marks the timer cleared, so that an interval cleared inside its own callback is not
// re-armed by fire().
function removeTimer(t) {
  if (t) t._cleared = true
  if (!t || !t._active) return
  for (var i = 0; i < timers.length; i++)
    if (timers[i] === t) {
      splice(timers, i, 1)
      break
    }
  t._active = false
  delete byId[t._id]
}
function toDelay(ms) {
  var d = NumberC(ms)
  if (!(d >= 1 && d <= TIMEOUT_MAX)) d = 1
  return MathFloor(d)
}
function checkCallback(cb) {
  if (typeof cb !== 'function') {
    var e = new TypeErrorC(
      'The "callback" argument must be of type function. Received ' +
        (cb === undefined
          ? 'undefined'
          : typeof cb === 'object' && cb !== null
            ? 'an instance of ' + ((cb.constructor && cb.constructor.name) || 'Object')
            : 'type ' + typeof cb + ' (' + StringC(cb) + ')'),
    )
    e.code = 'ERR_INVALID_ARG_TYPE'
    throw e
  }
}
function setTimeout(cb, ms) {
  checkCallback(cb)
  var t = new Timeout(cb, toDelay(ms), arguments.length > 2 ? arrSlice(arguments, 2) : null, false)
  insertTimer(t)
  return t
}
function setInterval(cb, ms) {
  checkCallback(cb)
  var t = new Timeout(cb, toDelay(ms), arguments.length > 2 ? arrSlice(arguments, 2) : null, true)
  insertTimer(t)
  return t
}
function clearTimeout(t) {
  if (t === null || t === undefined) return
  if (typeof t === 'object') {
    removeTimer(t)
    return
  }
  removeTimer(byId[t])
}
function Immediate(cb, args) {
  this._onImmediate = cb
  this._argv = args
  this._ref = true
  this._destroyed = false
}
Immediate.prototype.ref = function ref() {
  this._ref = true
  return this
}
Immediate.prototype.unref = function unref() {
  this._ref = false
  return this
}
Immediate.prototype.hasRef = function hasRef() {
  return this._ref
}
export function setImmediate(cb) {
  checkCallback(cb)
  var im = new Immediate(cb, arguments.length > 1 ? arrSlice(arguments, 1) : null)
  push(immediates, im)
  return im
}
function clearImmediate(im) {
  if (!im || im._destroyed) return
  im._destroyed = true
  for (var i = 0; i < immediates.length; i++)
    if (immediates[i] === im) {
      splice(immediates, i, 1)
      break
    }
}
function queueMicrotask(cb) {
  checkCallback(cb)
  promiseThen(promiseResolve(), function () {
    try {
      cb()
    } catch (e) {
      onUncaught(e)
    }
  })
}
function defineGlobalFn(name, fn) {
  ObjectDefineProperty(G, name, { value: fn, writable: true, configurable: true, enumerable: true })
}
defineGlobalFn('setTimeout', setTimeout)
defineGlobalFn('setInterval', setInterval)
defineGlobalFn('clearTimeout', clearTimeout)
defineGlobalFn('clearInterval', clearTimeout)
defineGlobalFn('setImmediate', setImmediate)
defineGlobalFn('clearImmediate', clearImmediate)
defineGlobalFn('queueMicrotask', queueMicrotask)

export function onUncaught(e) {
  if (uncaught === null) uncaught = { v: e }
}

function hasRefTimer() {
  for (var i = 0; i < timers.length; i++) if (timers[i]._ref) return true
  return false
}
export function loopAlive() {
  for (var i = 0; i < immediates.length; i++) if (immediates[i]._ref) return true
  return hasRefTimer() || ioAlive()
}
// Next virtual time a timer or an immediate can run: now for immediates, else the earliest timer,
// else -1. (The host knows when its I/O completes: it merges the two.)
export function nextDue() {
  if (immediates.length > 0) return vnow
  return timers.length > 0 ? timers[0]._due : -1
}
export function fire(t) {
  if (t > vnow) setNow(t)
  if (immediates.length > 0) {
    var im = shift(immediates)
    im._destroyed = true
    try {
      if (im._argv === null) im._onImmediate()
      else apply(im._onImmediate, undefined, im._argv)
    } catch (e) {
      onUncaught(e)
    }
    return
  }
  if (timers.length === 0) return
  var tm = timers[0]
  if (tm._due > vnow) return
  splice(timers, 0, 1)
  tm._active = false
  delete byId[tm._id]
  try {
    if (tm._args === null) call(tm._onTimeout, tm)
    else apply(tm._onTimeout, tm, tm._args)
  } catch (e) {
    onUncaught(e)
  }
  if (tm._repeat !== null && !tm._active && !tm._cleared) {
    tm._due = vnow + tm._repeat
    tm._seq = seq++
    insertTimer(tm)
  }
}
