// The in-sandbox half of the simulated Node.js runtime: evaluated once per QuickJS context,
// BEFORE PRELUDE_CORE (so the prelude captures our virtual-clock Date as the pristine one).
//
// It owns: the virtual Date/performance, timers + immediates + queueMicrotask, console (buffered),
// the CommonJS loader for the function's files, handler resolution (like the RIC's
// UserFunction.load), the invoke loop semantics (callback / promise / context.succeed|fail|done,
// callbackWaitsForEmptyEventLoop, beforeExit) and error shapes (Errors.toRapidResponse /
// toFormatted). The host talks to it through `__lf_rt` with one call per phase:
//   start(meta + "\n" + payload, vnow) -> handler invoked ("1": run the due timers first)
//   (host runs pending jobs)
//   step() -> "<header JSON>\n<payload>"       header: {s, t, l, e, ...}
//   fire(vnow) -> runs one immediate or one due timer
// For an invoke the host does start + jobs + step inside ONE crossing (no sandbox->host call).
// Everything user code could tamper with is captured here first.
//
// Runs INSIDE QuickJS. Written as a plain string: no build step, no transpiler helpers.
export const BOOTSTRAP_FILENAME = 'file:///var/runtime/index.mjs'

export const BOOTSTRAP = String.raw`(function (G, host) {
'use strict';
var FP = Function.prototype;
var uncurry = FP.bind.bind(FP.call);
var call = uncurry(FP.call);
var apply = uncurry(FP.apply);
var RealDate = G.Date;
var DateUTC = RealDate.UTC, DateParse = RealDate.parse;
var dateISO = uncurry(RealDate.prototype.toISOString);
var dateGetTime = uncurry(RealDate.prototype.getTime);
var ReflectConstruct = Reflect.construct;
var ObjectDefineProperty = Object.defineProperty, ObjectKeys = Object.keys, ObjectCreate = Object.create;
var ObjectAssign = Object.assign, ObjectGetPrototypeOf = Object.getPrototypeOf, ObjectFreeze = Object.freeze;
var ObjectToString = uncurry(Object.prototype.toString);
var hasOwn = uncurry(Object.prototype.hasOwnProperty);
var JSONstringify = JSON.stringify, JSONparse = JSON.parse;
var ArrayIsArray = Array.isArray;
var push = uncurry(Array.prototype.push), join = uncurry(Array.prototype.join), splice = uncurry(Array.prototype.splice);
var arrSlice = uncurry(Array.prototype.slice), shift = uncurry(Array.prototype.shift);
var split = uncurry(String.prototype.split), replace = uncurry(String.prototype.replace);
var strSlice = uncurry(String.prototype.slice), indexOf = uncurry(String.prototype.indexOf);
var lastIndexOf = uncurry(String.prototype.lastIndexOf), startsWith = uncurry(String.prototype.startsWith);
var endsWith = uncurry(String.prototype.endsWith), toUpperCase = uncurry(String.prototype.toUpperCase);
var strReplaceAll = uncurry(String.prototype.replaceAll), reExec = uncurry(RegExp.prototype.exec);
var StringC = String, NumberC = Number, ErrorC = Error, SyntaxErrorC = SyntaxError, TypeErrorC = TypeError;
var MathFloor = Math.floor, MathMax = Math.max, MathMin = Math.min;
var PromiseC = Promise, promiseThen = uncurry(Promise.prototype.then), promiseResolve = Promise.resolve.bind(Promise);
var AsyncFunctionProto = ObjectGetPrototypeOf(async function () {});
var hostNow = host.now, hostCompile = host.compile, hostFlush = host.flushLogs;
var lf; // the prelude's __lf, attached in configure()
// QuickJS reports deep recursion as InternalError: stack overflow; Node as RangeError.
var InternalErrorC = G.InternalError;
if (typeof InternalErrorC === 'function') {
  Object.setPrototypeOf(InternalErrorC.prototype, RangeError.prototype);
  Object.setPrototypeOf(InternalErrorC, RangeError);
  ObjectDefineProperty(InternalErrorC.prototype, 'name', { value: 'RangeError', writable: true, configurable: true, enumerable: false });
  delete G.InternalError;
}
function isStackOverflow(e) { return InternalErrorC !== undefined && e instanceof InternalErrorC && e.message === 'stack overflow'; }
function errName(e) { return isStackOverflow(e) ? 'RangeError' : e.name; }
function errMessage(e) { return isStackOverflow(e) ? 'Maximum call stack size exceeded' : lf !== undefined && lf.v8Message !== undefined ? lf.v8Message(e.message) : e.message; }

// ---------------------------------------------------------------------------------------------
// Virtual clock. vnow: virtual ms at the start of the current host->sandbox crossing (cheap, used
// for timer scheduling and log timestamps); hostNow(): precise virtual time including CPU spent.
var vnow = 0;
function preciseNow() { return call(hostNow, host); }

function VDate(a, b, c, d, e, f, g) {
  var n = arguments.length;
  if (new.target === undefined) return call(RealDate.prototype.toString, ReflectConstruct(RealDate, [MathFloor(preciseNow())]));
  var args;
  if (n === 0) args = [MathFloor(preciseNow())];
  else if (n === 1) args = [a];
  else args = [DateUTC(a, b, n > 2 ? c : 1, n > 3 ? d : 0, n > 4 ? e : 0, n > 5 ? f : 0, n > 6 ? g : 0)];
  return ReflectConstruct(RealDate, args, new.target);
}
var DP = RealDate.prototype;
VDate.prototype = DP;
ObjectDefineProperty(DP, 'constructor', { value: VDate, writable: true, configurable: true, enumerable: false });
VDate.now = function now() { return MathFloor(preciseNow()); };
VDate.parse = function parse(s) { return DateParse(s); };
VDate.UTC = DateUTC;
ObjectDefineProperty(VDate, 'name', { value: 'Date' });
ObjectDefineProperty(VDate, 'length', { value: 7 });
// Lambda runs with TZ=:UTC. QuickJS would use the host's zone: map local-time methods to UTC.
var pairs = ['FullYear', 'Month', 'Date', 'Day', 'Hours', 'Minutes', 'Seconds', 'Milliseconds'];
for (var pi = 0; pi < pairs.length; pi++) {
  var pn = pairs[pi];
  ObjectDefineProperty(DP, 'get' + pn, { value: DP['getUTC' + pn], writable: true, configurable: true });
  if (pn !== 'Day') ObjectDefineProperty(DP, 'set' + pn, { value: DP['setUTC' + pn], writable: true, configurable: true });
}
ObjectDefineProperty(DP, 'getTimezoneOffset', { value: function getTimezoneOffset() { return 0; }, writable: true, configurable: true });
var DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
var MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
function pad2(n) { return n < 10 ? '0' + n : '' + n; }
function dateStr(d) {
  var y = d.getUTCFullYear();
  return DAYS[d.getUTCDay()] + ' ' + MONTHS[d.getUTCMonth()] + ' ' + pad2(d.getUTCDate()) + ' ' + (y < 0 ? '-' + ('00000' + -y).slice(-6) : ('000' + y).slice(-4));
}
function timeStr(d) { return pad2(d.getUTCHours()) + ':' + pad2(d.getUTCMinutes()) + ':' + pad2(d.getUTCSeconds()) + ' GMT+0000 (Coordinated Universal Time)'; }
function validOr(d, f) { return dateGetTime(d) !== dateGetTime(d) ? 'Invalid Date' : f(d); }
ObjectDefineProperty(DP, 'toString', { value: function toString() { return validOr(this, function (d) { return dateStr(d) + ' ' + timeStr(d); }); }, writable: true, configurable: true });
ObjectDefineProperty(DP, 'toDateString', { value: function toDateString() { return validOr(this, dateStr); }, writable: true, configurable: true });
ObjectDefineProperty(DP, 'toTimeString', { value: function toTimeString() { return validOr(this, timeStr); }, writable: true, configurable: true });
ObjectDefineProperty(G, 'Date', { value: VDate, writable: true, configurable: true, enumerable: false });

var perfOrigin = 0;
var performance = {
  now: function now() { return preciseNow() - perfOrigin; },
  get timeOrigin() { return perfOrigin; },
  mark: function () {}, measure: function () {},
  toJSON: function () { return { timeOrigin: perfOrigin }; },
};
ObjectDefineProperty(G, 'performance', { value: performance, writable: true, configurable: true, enumerable: true });

// ---------------------------------------------------------------------------------------------
// Timers: one sorted queue (due, seq) plus a FIFO of immediates. The host fires them one at a
// time (running microtasks in between), advancing the virtual clock to each due time.
var timers = [];           // sorted by due, then seq
var immediates = [];
var seq = 0, nextId = 1;
var uncaught = null;       // first uncaught exception since the last step
var TIMEOUT_MAX = 2147483647;

function Timeout(cb, delay, args, repeat) {
  this._id = nextId++;
  this._onTimeout = cb;
  this._idleTimeout = delay;
  this._repeat = repeat ? delay : null;
  this._args = args;
  this._due = vnow + delay;
  this._seq = seq++;
  this._ref = true;
  this._active = false;
}
Timeout.prototype.ref = function ref() { this._ref = true; return this; };
Timeout.prototype.unref = function unref() { this._ref = false; return this; };
Timeout.prototype.hasRef = function hasRef() { return this._ref; };
Timeout.prototype.refresh = function refresh() {
  if (this._active) { removeTimer(this); this._due = vnow + this._idleTimeout; this._seq = seq++; insertTimer(this); }
  return this;
};
Timeout.prototype.close = function close() { removeTimer(this); return this; };
Timeout.prototype[Symbol.toPrimitive] = function () { return this._id; };
var byId = ObjectCreate(null);

function insertTimer(t) {
  var lo = 0, hi = timers.length;
  while (lo < hi) {
    var mid = (lo + hi) >>> 1, m = timers[mid];
    if (m._due < t._due || (m._due === t._due && m._seq < t._seq)) lo = mid + 1; else hi = mid;
  }
  splice(timers, lo, 0, t);
  t._active = true;
  byId[t._id] = t;
}
function removeTimer(t) {
  if (!t || !t._active) return;
  for (var i = 0; i < timers.length; i++) if (timers[i] === t) { splice(timers, i, 1); break; }
  t._active = false;
  delete byId[t._id];
}
function toDelay(ms) {
  var d = NumberC(ms);
  if (!(d >= 1 && d <= TIMEOUT_MAX)) d = 1;
  return MathFloor(d);
}
function checkCallback(cb) {
  if (typeof cb !== 'function') {
    var e = new TypeErrorC('The "callback" argument must be of type function. Received ' + (cb === undefined ? 'undefined' : typeof cb === 'object' && cb !== null ? 'an instance of ' + ((cb.constructor && cb.constructor.name) || 'Object') : 'type ' + typeof cb + ' (' + StringC(cb) + ')'));
    e.code = 'ERR_INVALID_ARG_TYPE';
    throw e;
  }
}
function setTimeout(cb, ms) {
  checkCallback(cb);
  var t = new Timeout(cb, toDelay(ms), arguments.length > 2 ? arrSlice(arguments, 2) : null, false);
  insertTimer(t);
  return t;
}
function setInterval(cb, ms) {
  checkCallback(cb);
  var t = new Timeout(cb, toDelay(ms), arguments.length > 2 ? arrSlice(arguments, 2) : null, true);
  insertTimer(t);
  return t;
}
function clearTimeout(t) {
  if (t === null || t === undefined) return;
  if (typeof t === 'object') { removeTimer(t); return; }
  removeTimer(byId[t]);
}
function Immediate(cb, args) { this._onImmediate = cb; this._argv = args; this._ref = true; this._destroyed = false; }
Immediate.prototype.ref = function ref() { this._ref = true; return this; };
Immediate.prototype.unref = function unref() { this._ref = false; return this; };
Immediate.prototype.hasRef = function hasRef() { return this._ref; };
function setImmediate(cb) {
  checkCallback(cb);
  var im = new Immediate(cb, arguments.length > 1 ? arrSlice(arguments, 1) : null);
  push(immediates, im);
  return im;
}
function clearImmediate(im) {
  if (!im || im._destroyed) return;
  im._destroyed = true;
  for (var i = 0; i < immediates.length; i++) if (immediates[i] === im) { splice(immediates, i, 1); break; }
}
function queueMicrotask(cb) {
  checkCallback(cb);
  promiseThen(promiseResolve(), function () { try { cb(); } catch (e) { onUncaught(e); } });
}
function defineGlobalFn(name, fn) {
  ObjectDefineProperty(G, name, { value: fn, writable: true, configurable: true, enumerable: true });
}
defineGlobalFn('setTimeout', setTimeout);
defineGlobalFn('setInterval', setInterval);
defineGlobalFn('clearTimeout', clearTimeout);
defineGlobalFn('clearInterval', clearTimeout);
defineGlobalFn('setImmediate', setImmediate);
defineGlobalFn('clearImmediate', clearImmediate);
defineGlobalFn('queueMicrotask', queueMicrotask);

function onUncaught(e) { if (uncaught === null) uncaught = { v: e }; }

function hasRefTimer() {
  for (var i = 0; i < timers.length; i++) if (timers[i]._ref) return true;
  return false;
}
function loopAlive() {
  for (var i = 0; i < immediates.length; i++) if (immediates[i]._ref) return true;
  return hasRefTimer();
}
// Next virtual time something can run: now for immediates, else the earliest timer, else -1.
function nextDue() {
  if (immediates.length > 0) return vnow;
  return timers.length > 0 ? timers[0]._due : -1;
}
function fire(t) {
  if (t > vnow) vnow = t;
  if (immediates.length > 0) {
    var im = shift(immediates);
    im._destroyed = true;
    try { if (im._argv === null) im._onImmediate(); else apply(im._onImmediate, undefined, im._argv); } catch (e) { onUncaught(e); }
    return;
  }
  if (timers.length === 0) return;
  var tm = timers[0];
  if (tm._due > vnow) return;
  splice(timers, 0, 1);
  tm._active = false;
  delete byId[tm._id];
  try {
    if (tm._args === null) call(tm._onTimeout, tm); else apply(tm._onTimeout, tm, tm._args);
  } catch (e) { onUncaught(e); }
  if (tm._repeat !== null && !tm._active && !tm._cleared) {
    tm._due = vnow + tm._repeat;
    tm._seq = seq++;
    insertTimer(tm);
  }
}
// clearInterval inside its own callback: mark so fire() does not re-arm it.
var origRemove = removeTimer;
removeTimer = function (t) { if (t) t._cleared = true; origRemove(t); };

// ---------------------------------------------------------------------------------------------
// Logs: buffered in the sandbox, handed to the host with each step (flushed early past 1 MB).
var logs = [];
var logBytes = 0;
var requestId = 'undefined';
var jsonFormat = false;
var levelPriority = 1;
var isoT = -1, isoS = '';
function isoNow() {
  var t = MathFloor(vnow);
  if (t !== isoT) { isoT = t; isoS = dateISO(ReflectConstruct(RealDate, [t])); }
  return isoS;
}
function pushLog(line) {
  push(logs, line);
  logBytes += line.length;
  if (logBytes > 1048576) {
    call(hostFlush, host, JSONstringify(logs), vnow);
    logs = [];
    logBytes = 0;
  }
}
function fmt(args) { return apply(lf.format, lf, args); }
function isError(v) {
  return v !== null && typeof v === 'object' && (v instanceof ErrorC || ObjectToString(v) === '[object Error]');
}
function jsonErrorReplacer(_k, value) {
  if (isError(value)) {
    var ctorName = 'UnknownError';
    try { ctorName = (value.constructor && value.constructor.name) || 'UnknownError'; } catch (_e) {}
    var st = nodeStack(value);
    if (isStackOverflow(value)) ctorName = 'RangeError';
    return ObjectAssign({ errorType: ctorName, errorMessage: errMessage(value), stackTrace: typeof st === 'string' ? split(st, '\n') : st }, value);
  }
  return value;
}
var LEVELS = { TRACE: 1, DEBUG: 2, INFO: 3, WARN: 4, ERROR: 5, FATAL: 6 };
function logAt(level, args) {
  if (LEVELS[level] < levelPriority) return;
  var line;
  if (jsonFormat) {
    var rec = { timestamp: isoNow(), level: level, requestId: requestId };
    if (args.length === 1) {
      rec.message = args[0];
      try { line = JSONstringify(rec, jsonErrorReplacer); }
      catch (_e) { rec.message = fmt(args); line = JSONstringify(rec); }
      if (line === undefined) { rec.message = fmt(args); line = JSONstringify(rec); }
    } else {
      rec.message = fmt(args);
      for (var i = 0; i < args.length; i++) {
        var p = args[i];
        if (isError(p)) {
          var ctorName = 'UnknownError';
          try { ctorName = (p.constructor && p.constructor.name) || 'UnknownError'; } catch (_e2) {}
          rec.errorType = ctorName;
          rec.errorMessage = errMessage(p);
          var st = nodeStack(p);
          rec.stackTrace = typeof st === 'string' ? split(st, '\n') : [];
          break;
        }
      }
      line = JSONstringify(rec);
    }
  } else {
    line = isoNow() + '\t' + requestId + '\t' + level + '\t' + fmt(args);
  }
  pushLog(line);
}
var stdoutPartial = '';
function rawWrite(_fd, text) {
  var s = stdoutPartial + StringC(text);
  var parts = split(s, '\n');
  stdoutPartial = parts[parts.length - 1];
  for (var i = 0; i < parts.length - 1; i++) pushLog(parts[i]);
}
function flushPartial() { if (stdoutPartial !== '') { pushLog(stdoutPartial); stdoutPartial = ''; } }
var timersLabels = ObjectCreate(null), counts = ObjectCreate(null);
var console = {
  log: function log() { logAt('INFO', arguments); },
  info: function info() { logAt('INFO', arguments); },
  debug: function debug() { logAt('DEBUG', arguments); },
  warn: function warn() { logAt('WARN', arguments); },
  error: function error() { logAt('ERROR', arguments); },
  trace: function trace() { logAt('TRACE', arguments); },
  fatal: function fatal() { logAt('FATAL', arguments); },
  dir: function dir(v, opts) { rawWrite(1, lf.inspect(v, ObjectAssign({ customInspect: false }, opts)) + '\n'); },
  table: function table(v) { rawWrite(1, lf.inspect(v) + '\n'); },
  assert: function assert(ok) {
    if (!ok) {
      var rest = arrSlice(arguments, 1);
      if (rest.length === 0) rest = ['Assertion failed']; else rest[0] = 'Assertion failed: ' + rest[0];
      logAt('WARN', rest);
    }
  },
  time: function time(label) { timersLabels[label === undefined ? 'default' : StringC(label)] = preciseNow(); },
  timeEnd: function timeEnd(label) { var k = label === undefined ? 'default' : StringC(label); var t0 = timersLabels[k]; if (t0 === undefined) return; delete timersLabels[k]; rawWrite(1, k + ': ' + fmtMs(preciseNow() - t0) + '\n'); },
  timeLog: function timeLog(label) { var k = label === undefined ? 'default' : StringC(label); var t0 = timersLabels[k]; if (t0 === undefined) return; rawWrite(1, k + ': ' + fmtMs(preciseNow() - t0) + '\n'); },
  count: function count(label) { var k = label === undefined ? 'default' : StringC(label); counts[k] = (counts[k] || 0) + 1; rawWrite(1, k + ': ' + counts[k] + '\n'); },
  countReset: function countReset(label) { counts[label === undefined ? 'default' : StringC(label)] = 0; },
  group: function group() { if (arguments.length) logAt('INFO', arguments); },
  groupEnd: function groupEnd() {},
};
function fmtMs(ms) { return ms >= 1000 ? (ms / 1000).toFixed(3) + 's' : ms.toFixed(3) + 'ms'; }
console.groupCollapsed = console.group;
ObjectDefineProperty(G, 'console', { value: console, writable: true, configurable: true, enumerable: false });

// ---------------------------------------------------------------------------------------------
// Errors, shaped like the RIC's Errors.js.
function RuntimeError(kind, message) {
  var e = new ErrorC(message);
  ObjectDefineProperty(e, 'name', { value: 'Runtime.' + kind, writable: true, configurable: true, enumerable: false });
  return e;
}
// QuickJS's e.stack has frames only; Node's starts with "Name: message".
function nodeStack(e) {
  var st;
  try { st = e.stack; } catch (_e) { return undefined; }
  if (typeof st !== 'string') return st;
  if (st === '' || startsWith(st, '    at ')) {
    var head;
    try { var nm = errName(e); head = StringC(nm === undefined ? 'Error' : nm); var m = errMessage(e); if (m !== undefined && m !== '') head += ': ' + StringC(m); } catch (_e2) { head = 'Error'; }
    if (endsWith(st, '\n')) st = strSlice(st, 0, -1);
    // Drop the frames of this runtime's own plumbing (Function.prototype.call/apply in native code).
    var lines = split(st, '\n'), kept = [];
    for (var i = 0; i < lines.length; i++) {
      var ln = lines[i];
      if (ln === '    at call (native)' || ln === '    at apply (native)') continue;
      push(kept, ln);
    }
    st = join(kept, '\n');
    return st === '' ? head : head + '\n' + st;
  }
  return st;
}
function isErrorLike(o) {
  return o && o.name && o.message && o.stack && typeof o.name === 'string' && typeof o.message === 'string' && typeof o.stack === 'string';
}
function rapid(error) {
  try {
    if (isError(error) || isErrorLike(error)) {
      var st = nodeStack(error);
      return {
        errorType: strReplaceAll(errName(error), '\x7F', '%7F'),
        errorMessage: strReplaceAll(errMessage(error), '\x7F', '%7F'),
        trace: split(strReplaceAll(st, '\x7F', '%7F'), '\n'),
      };
    }
    return { errorType: typeof error, errorMessage: error.toString(), trace: [] };
  } catch (_err) {
    return { errorType: 'handled', errorMessage: 'callback called with Error argument, but there was a problem while retrieving one or more of its message, name, and stack' };
  }
}
function withEnumerable(_k, error) {
  if (isError(error)) {
    var ret = ObjectAssign({ errorType: errName(error), errorMessage: errMessage(error), code: error.code }, error);
    var st = nodeStack(error);
    if (typeof st === 'string') ret.stack = split(st, '\n');
    return ret;
  }
  return error;
}
function toFormatted(error) {
  try { return '\t' + JSONstringify(error, withEnumerable); }
  catch (_e) { return '\t' + JSONstringify(rapid(error)); }
}
function intoError(err) { return isError(err) ? err : new ErrorC(err); }
function logError(label, err) {
  if (jsonFormat) logAt('ERROR', [intoError(err)]);
  else logAt('ERROR', [label, toFormatted(intoError(err))]);
}
function isOOM(e) {
  try { return e !== null && typeof e === 'object' && InternalErrorC !== undefined && e instanceof InternalErrorC && e.message === 'out of memory'; } catch (_e) { return false; }
}
function isExit(e) { try { return lf !== undefined && lf.isProcessExit(e); } catch (_e) { return false; } }

// ---------------------------------------------------------------------------------------------
// CommonJS loader over the function's files (absolute paths like /var/task/lib/x.js).
var files = ObjectCreate(null);
var cjsCache = ObjectCreate(null);
var pkgTypeCache = ObjectCreate(null);
function fileExists(p) { return hasOwn(files, p); }
function dirname(p) { var i = lastIndexOf(p, '/'); return i <= 0 ? '/' : strSlice(p, 0, i); }
function normalizePath(p) {
  var parts = split(p, '/'), out = [];
  for (var i = 0; i < parts.length; i++) {
    var s = parts[i];
    if (s === '' || s === '.') continue;
    if (s === '..') { if (out.length) out.length--; continue; }
    push(out, s);
  }
  return '/' + join(out, '/');
}
function packageTypeModule(dir) {
  if (hasOwn(pkgTypeCache, dir)) return pkgTypeCache[dir];
  var r = false;
  if (!endsWith(dir, '/node_modules')) {
    var pj = (dir === '/' ? '' : dir) + '/package.json';
    if (fileExists(pj)) {
      try { var pkg = JSONparse(files[pj]); r = !!(pkg && pkg.type === 'module'); } catch (_e) { r = false; }
    } else if (dir !== '/') r = packageTypeModule(dirname(dir));
  }
  pkgTypeCache[dir] = r;
  return r;
}
function isEsmPath(p) {
  if (endsWith(p, '.mjs')) return true;
  if (endsWith(p, '.cjs') || endsWith(p, '.json')) return false;
  if (endsWith(p, '.js')) return packageTypeModule(dirname(p));
  return false;
}
function notFound(request, parent) {
  var stack = [];
  var cur = parent;
  while (cur) { push(stack, '- ' + cur.filename); cur = cur.parent; }
  push(stack, '- /var/runtime/index.mjs');
  var e = new ErrorC("Cannot find module '" + request + "'\nRequire stack:\n" + join(stack, '\n'));
  e.code = 'MODULE_NOT_FOUND';
  var rs = [];
  for (var i = 0; i < stack.length; i++) push(rs, strSlice(stack[i], 2));
  e.requireStack = rs;
  return e;
}
function tryFile(p) {
  if (fileExists(p)) return p;
  if (fileExists(p + '.js')) return p + '.js';
  if (fileExists(p + '.json')) return p + '.json';
  return null;
}
function tryDir(p) {
  var pj = p + '/package.json';
  if (fileExists(pj)) {
    try {
      var pkg = JSONparse(files[pj]);
      if (pkg && typeof pkg.main === 'string') { var m = tryFile(normalizePath(p + '/' + pkg.main)) || tryIndex(normalizePath(p + '/' + pkg.main)); if (m) return m; }
    } catch (_e) {}
  }
  return tryIndex(p);
}
function tryIndex(p) {
  if (fileExists(p + '/index.js')) return p + '/index.js';
  if (fileExists(p + '/index.json')) return p + '/index.json';
  return null;
}
function resolveCjs(request, parent) {
  var base = parent ? dirname(parent.filename) : '/var/task';
  if (startsWith(request, './') || startsWith(request, '../') || request === '.' || request === '..' || startsWith(request, '/')) {
    var abs = normalizePath(startsWith(request, '/') ? request : base + '/' + request);
    var r = tryFile(abs) || tryDir(abs);
    if (r) return r;
    throw notFound(request, parent);
  }
  var dir = base;
  for (;;) {
    if (!endsWith(dir, '/node_modules')) {
      var cand = normalizePath(dir + '/node_modules/' + request);
      var r2 = tryFile(cand) || tryDir(cand);
      if (r2) return r2;
    }
    if (dir === '/') break;
    dir = dirname(dir);
  }
  throw notFound(request, parent);
}
function Module(filename, parent) {
  this.id = filename;
  this.filename = filename;
  this.path = dirname(filename);
  this.exports = {};
  this.parent = parent;
  this.loaded = false;
  this.children = [];
  this.paths = [];
}
function makeRequire(mod) {
  function require(request) {
    if (typeof request !== 'string') {
      var te = new TypeErrorC('The "id" argument must be of type string. Received ' + (request === null ? 'null' : typeof request));
      te.code = 'ERR_INVALID_ARG_TYPE';
      throw te;
    }
    if (startsWith(request, 'node:') || (!startsWith(request, '.') && !startsWith(request, '/') && lf.hasBuiltin(request))) return lf.builtin(request);
    return loadCjs(resolveCjs(request, mod), mod);
  }
  require.resolve = function resolve(request) {
    if (lf.hasBuiltin(request)) return request;
    return resolveCjs(request, mod);
  };
  require.cache = cjsCache;
  require.main = mainModule;
  return require;
}
var mainModule;
function loadCjs(filename, parent) {
  var cached = cjsCache[filename];
  if (cached !== undefined) return cached.exports;
  if (isEsmPath(filename)) {
    var ee = new ErrorC('require() of ES Module ' + filename + (parent ? ' from ' + parent.filename : '') + ' not supported.\nInstead change the require of ' + filename + ' to a dynamic import() which is available in all CommonJS modules.');
    ee.code = 'ERR_REQUIRE_ESM';
    throw ee;
  }
  var mod = new Module(filename, parent);
  if (mainModule === undefined) mainModule = mod;
  if (parent) push(parent.children, mod);
  cjsCache[filename] = mod;
  try {
    if (endsWith(filename, '.json')) {
      try { mod.exports = JSONparse(files[filename]); }
      catch (je) { je.message = filename + ': ' + je.message; throw je; }
    } else {
      var fn = call(hostCompile, host, filename, '(function (exports, require, module, __filename, __dirname) {' + files[filename] + '\n})');
      call(fn, mod.exports, mod.exports, makeRequire(mod), mod, filename, dirname(filename));
    }
  } catch (e) {
    delete cjsCache[filename];
    throw e;
  }
  mod.loaded = true;
  return mod.exports;
}

// ---------------------------------------------------------------------------------------------
// Handler loading, as the RIC's UserFunction.load does it.
var handlerFn = null, handlerIsAsync = false;
var cfg = null;
function loadUserApp(base) {
  if (fileExists(base)) return loadCjs(base, null);
  var pjModule = fileExists(base + '.js') && packageTypeModule(dirname(base + '.js'));
  if (!pjModule && fileExists(base + '.js')) return loadCjs(base + '.js', null);
  if (pjModule && fileExists(base + '.js')) return import('file://' + base + '.js');
  if (fileExists(base + '.mjs')) return import('file://' + base + '.mjs');
  if (fileExists(base + '.cjs')) return loadCjs(base + '.cjs', null);
  var modName = strSlice(base, lastIndexOf(base, '/') + 1);
  var e = new ErrorC("Cannot find module '" + modName + "'\nRequire stack:\n- /var/runtime/index.mjs");
  e.code = 'MODULE_NOT_FOUND';
  throw e;
}
function wrapLoadError(e) {
  if (e instanceof SyntaxErrorC) return RuntimeError('UserCodeSyntaxError', StringC(e));
  if (e !== null && typeof e === 'object' && (e.code === 'MODULE_NOT_FOUND' || e.code === 'ERR_MODULE_NOT_FOUND')) return RuntimeError('ImportModuleError', StringC(e));
  return e;
}
function loadHandler(full) {
  if (indexOf(full, '..') !== -1) throw RuntimeError('MalformedHandlerName', "'" + full + "' is not a valid handler name. Use absolute paths when specifying root directories in handler names.");
  var slash = lastIndexOf(full, '/');
  var moduleRoot = slash === -1 ? '' : strSlice(full, 0, slash + 1);
  var moduleAndHandler = slash === -1 ? full : strSlice(full, slash + 1);
  var m = reExec(/^([^.]*)\.(.*)$/, moduleAndHandler);
  if (!m || m.length !== 3) throw RuntimeError('MalformedHandlerName', 'Bad handler');
  var base = normalizePath('/var/task/' + moduleRoot + m[1]);
  var app;
  try { app = loadUserApp(base); } catch (e) { throw wrapLoadError(e); }
  var resolveFn = function (appObj) {
    var parts = split(m[2], '.');
    var h = appObj;
    for (var i = 0; i < parts.length; i++) h = h && h[parts[i]];
    if (!h) throw RuntimeError('HandlerNotFound', full + ' is undefined or not exported');
    if (typeof h !== 'function') throw RuntimeError('HandlerNotFound', full + ' is not a function');
    handlerFn = h;
    handlerIsAsync = ObjectGetPrototypeOf(h) === AsyncFunctionProto;
  };
  if (app !== null && typeof app === 'object' && ObjectToString(app) === '[object Promise]') {
    return promiseThen(app, resolveFn, function (e) { throw wrapLoadError(e); });
  }
  resolveFn(app);
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Phases. 'cur' holds the state of the running phase (init or one invocation).
var cur = null;
function newPhase(kind) {
  cur = { kind: kind, done: false, ok: false, result: null, error: null, errLogged: false, waiting: false, waitResult: undefined, exit: -1, oom: false };
  uncaught = null;
  return cur;
}
function finishOk(ph, result) {
  if (ph.done) return;
  var body;
  try {
    body = JSONstringify(result === undefined ? null : result);
  } catch (_e) {
    finishErr(ph, new ErrorC('Unable to stringify response body'));
    return;
  }
  if (body === undefined) body = 'null';
  ph.done = true; ph.ok = true; ph.result = body;
}
function finishErr(ph, err) {
  if (ph.done) return;
  if (isExit(err)) { ph.done = true; ph.exit = err.code | 0; return; }
  if (isOOM(err)) { ph.done = true; ph.oom = true; return; }
  logError('Invoke Error', err);
  ph.done = true; ph.ok = false; ph.error = rapid(err);
}

function initPhase() {
  initPhase2();
  return '';
}
function initPhase2() {
  var ph = newPhase('init');
  requestId = 'undefined';
  try {
    var p = loadHandler(cfg.handler);
    if (p !== undefined) {
      promiseThen(p, function () { ph.done = true; ph.ok = true; }, function (e) { initFailed(ph, e); });
    } else { ph.done = true; ph.ok = true; }
  } catch (e) { initFailed(ph, e); }
}
function initFailed(ph, e) {
  if (ph.done) return;
  if (isExit(e)) { ph.done = true; ph.exit = e.code | 0; return; }
  if (isOOM(e)) { ph.done = true; ph.oom = true; return; }
  if (jsonFormat) logAt('ERROR', [intoError(e)]);
  else logAt('ERROR', ['Uncaught Exception', toFormatted(e)]);
  ph.done = true; ph.ok = false; ph.error = rapid(e);
}

function start(input, t) {
  vnow = t;
  // Timers left over from earlier invokes that are already due run first (the process thaws).
  var nd = nextDue();
  if (nd >= 0 && nd <= vnow) return '1';
  // input: requestId \t deadline \t functionArn \t clientContextJSON \n payload
  var nl = indexOf(input, '\n');
  var parts = split(strSlice(input, 0, nl), '\t');
  var payload = strSlice(input, nl + 1);
  var ph = newPhase('invoke');
  var id = parts[0];
  requestId = id;
  var deadline = NumberC(parts[1]);
  var clientContext = parts[3] === '' ? undefined : JSONparse(parts[3]);
  var waitForEmpty = true;
  var finished = false;
  function succeed(result) { if (finished) return; finished = true; ph.waiting = false; finishOk(ph, result); }
  function fail(err) {
    if (finished) return; finished = true; ph.waiting = false;
    if (err === undefined || err === null) finishErr(ph, 'handled'); else finishErr(ph, err);
  }
  function done(err, result) {
    if (finished) return; finished = true; ph.waiting = false;
    if (err !== undefined && err !== null) finishErr(ph, err); else finishOk(ph, result);
  }
  function callback(err, result) {
    if (finished) return; finished = true;
    if (err !== undefined && err !== null) { finishErr(ph, err); return; }
    if (!waitForEmpty) finishOk(ph, result);
    else { ph.waiting = true; ph.waitResult = result; }
  }
  var ctx = {
    get callbackWaitsForEmptyEventLoop() { return waitForEmpty; },
    set callbackWaitsForEmptyEventLoop(v) { waitForEmpty = v; },
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
    getRemainingTimeInMillis: function getRemainingTimeInMillis() { return MathMax(deadline - MathFloor(preciseNow()), 0); },
  };
  var event;
  try { event = JSONparse(payload); } catch (e) { finishErr(ph, e); return ''; }
  try {
    var r = handlerFn(event, ctx, callback);
    if (r !== null && typeof r === 'object' && ObjectToString(r) === '[object Promise]') {
      // A native promise: use the captured then(), so a tampered Promise.prototype cannot hang the runtime.
      promiseThen(r, succeed, fail);
    } else if (r && typeof r.then === 'function') {
      var c = r.then(ctx.succeed, ctx.fail);
      if (c && typeof c.catch === 'function') c.catch(ctx.fail);
    }
  } catch (e) {
    callback(e);
  }
  return '';
}

var OK_HEAD = '{"s":1,"t":-1}\n';
// Called by the host after it ran the pending jobs. Returns "<header>\n<payload>".
// header.s: 0 = still running, 1 = done ok, 2 = done with error, 3 = uncaught exception (crash),
//           4 = process.exit, 5 = out of memory
function step() {
  var ph = cur;
  var s = 0, payload = '', h = { s: 0, t: -1 };
  if (uncaught !== null && !(ph && ph.done && ph.kind === 'invoke')) {
    var ue = uncaught.v;
    uncaught = null;
    if (isExit(ue)) { s = 4; h.x = ue.code | 0; }
    else if (isOOM(ue)) { s = 5; }
    else {
      if (jsonFormat) logAt('ERROR', [intoError(ue)]);
      else logAt('ERROR', ['Uncaught Exception', toFormatted(ue)]);
      s = 3; h.e = rapid(ue);
    }
    if (ph) ph.done = true;
  } else if (ph && ph.done) {
    if (ph.exit >= 0) { s = 4; h.x = ph.exit; }
    else if (ph.oom) s = 5;
    else if (ph.ok) { s = 1; payload = ph.kind === 'invoke' ? ph.result : ''; }
    else { s = 2; h.e = ph.error; }
  } else if (ph && !loopAlive()) {
    if (ph.kind === 'init') {
      // Node exits with a pending top-level await: the runtime reports it like an exit.
      s = 4; h.x = 13;
    } else if (ph.waiting) {
      ph.waiting = false; finishOk(ph, ph.waitResult);
      if (ph.ok) { s = 1; payload = ph.result; } else { s = 2; h.e = ph.error; }
    } else if (handlerIsAsync) {
      var nerr = RuntimeError('NodeJsExit', 'The Lambda runtime client detected an unexpected Node.js exit code. This is most commonly caused by a Promise that was never settled. For more information, see https://nodejs.org/docs/latest/api/process.html#exit-codes');
      finishErr(ph, nerr);
      s = 2; h.e = ph.error;
    } else {
      finishOk(ph, null);
      s = 1; payload = ph.result;
    }
  } else {
    h.t = nextDue();
  }
  if (s !== 0) { flushPartial(); cur = null; }
  if (s === 1 && logs.length === 0) return OK_HEAD + payload;
  h.s = s;
  if (logs.length > 0) { h.l = logs; logs = []; logBytes = 0; }
  return JSONstringify(h) + '\n' + payload;
}

// Host-supplied configuration (one call at environment creation).
function configure(json) {
  lf = G.__lf;
  cfg = JSONparse(json);
  jsonFormat = cfg.logFormat === 'JSON';
  var lvl = cfg.env.AWS_LAMBDA_LOG_LEVEL;
  levelPriority = (lvl && LEVELS[toUpperCase(lvl)]) || 1;
  var keys = ObjectKeys(cfg.env);
  for (var i = 0; i < keys.length; i++) lf.env[keys[i]] = cfg.env[keys[i]];
  var fkeys = ObjectKeys(cfg.files);
  for (var j = 0; j < fkeys.length; j++) files['/var/task/' + fkeys[j]] = cfg.files[fkeys[j]];
  lf.fs.mountTask(cfg.files, { tmpSizeBytes: cfg.tmpSize });
  lf.now = preciseNow;
  lf.hooks.write = rawWrite;
  perfOrigin = cfg.perfOrigin;
  vnow = cfg.perfOrigin;
  cfg.files = null;
  // The prelude and this runtime captured what they need: user code does not get the host object.
  delete G.__lf_host;
  return '';
}
// For the ESM loader: the export names of a CommonJS file / built-in module.
function cjsKeys(path) {
  var ex = loadCjs(path, null);
  return JSONstringify(ex !== null && (typeof ex === 'object' || typeof ex === 'function') ? ObjectKeys(ex) : []);
}
function cjsGet(path) { return loadCjs(path, null); }
function builtinKeys(name) { var ex = lf.builtin(name); return JSONstringify(ex !== null && typeof ex === 'object' || typeof ex === 'function' ? ObjectKeys(ex) : []); }
function moduleError(json) {
  var d = JSONparse(json);
  var e = new ErrorC(d.message);
  e.code = d.code;
  return e;
}

var rt = ObjectFreeze({
  configure: configure, init: initPhase, start: start, step: step, fire: fire,
  cjsKeys: cjsKeys, cjsGet: cjsGet, builtinKeys: builtinKeys, moduleError: moduleError,
});
ObjectDefineProperty(G, '__lf_rt', { value: rt, writable: false, enumerable: false, configurable: false });
})(globalThis, globalThis.__lf_host)`
