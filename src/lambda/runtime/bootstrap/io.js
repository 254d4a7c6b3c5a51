// Host I/O: the requests a handler sends out of the sandbox (through fetch, node:http, the AWS SDK).
//
//   io.request('http', { method, url, headers, body /* base64 */ })
//     -> Promise<{ status, statusText, headers, body /* base64 */ }>, rejected with a network error
//        object { code: 'ENOTFOUND' | 'ETIMEDOUT' | 'ECONNREFUSED' | …, message, … }
//   io.cancel(promise, reason)  gives up on a request (an aborted fetch): the promise rejects with
//                               `reason` and the host drops the request.
//
// A request is queued here and leaves with the next step() result (header `q`: no extra call
// out of the sandbox); the host performs it on the account's network and delivers the answer at
// its virtual completion time through io() (header `c` lists cancelled ones). The delivery, the
// microtasks it unblocks and the next step() happen in one crossing. An in-flight request keeps
// the event loop alive, like an open socket.
//
// Only runtime and prelude code get `io` (through __lf_host.io, read by the prelude before user
// code runs and deleted with __lf_host): user code has no way to reach it.
import {
  ArrayIsArray,
  JSONparse,
  ObjectCreate,
  ObjectFreeze,
  ObjectKeys,
  PromiseC,
  promiseReject,
  StringC,
  TypeErrorC,
  WeakMapC,
  hasOwn,
  push,
  reExec,
  weakMapGet,
  weakMapSet,
} from './intrinsics.js'
import { setNow, vnow } from './clock.js'

/** Lambda gives a process 1,024 file descriptors: past this many open requests, connect fails with EMFILE. */
var MAX_INFLIGHT = 1000
/** Request bodies larger than this (base64 characters, 16 MiB of bytes) are refused by the simulation. */
var MAX_BODY_CHARS = 22369624
var MAX_HEADERS = 200

var pending = ObjectCreate(null) // id -> { resolve, reject, promise }
var byPromise = new WeakMapC() // promise -> id (io.cancel)
var inflight = 0
var outgoing = []
var cancelled = []
var nextId = 1

function hostOf(url) {
  var m = reExec(/^[a-zA-Z][a-zA-Z0-9+.-]*:\/\/(?:[^@/?#]*@)?(\[[^\]]*\]|[^:/?#]*)(?::(\d+))?/, url)
  return m ? { host: m[1], port: m[2] } : { host: '', port: undefined }
}

function copyRequest(request) {
  if (request === null || typeof request !== 'object') throw new TypeErrorC('io.request: the request must be an object')
  var method = request.method === undefined ? 'GET' : StringC(request.method)
  var url = StringC(request.url)
  var body = request.body === undefined || request.body === null ? '' : StringC(request.body)
  if (body.length > MAX_BODY_CHARS)
    throw new TypeErrorC(
      'The simulation refuses request bodies over 16 MiB (' + ((body.length * 3) >>> 2) + ' bytes were sent)',
    )
  var headers = ObjectCreate(null)
  var src = request.headers
  if (src !== undefined && src !== null) {
    var keys = ObjectKeys(src)
    if (keys.length > MAX_HEADERS) throw new TypeErrorC('io.request: too many headers (' + keys.length + ')')
    for (var i = 0; i < keys.length; i++) {
      var v = src[keys[i]]
      if (v !== undefined) headers[StringC(keys[i])] = StringC(v)
    }
  }
  var out = { method: method, url: url, headers: headers, body: body }
  if (typeof request.connectTimeout === 'number') out.connectTimeout = request.connectTimeout
  return out
}

function request(kind, req) {
  if (kind !== 'http') return promiseReject(new TypeErrorC('io.request: unknown kind ' + StringC(kind)))
  var rec
  try {
    rec = copyRequest(req)
  } catch (e) {
    return promiseReject(e)
  }
  if (inflight >= MAX_INFLIGHT) {
    var where = hostOf(rec.url)
    return promiseReject({
      code: 'EMFILE',
      errno: -24,
      syscall: 'connect',
      message: 'connect EMFILE ' + where.host + ':' + (where.port || '443') + ' - Local (undefined:undefined)',
    })
  }
  var id = nextId++
  var entry = { resolve: null, reject: null }
  var promise = new PromiseC(function (resolve, reject) {
    entry.resolve = resolve
    entry.reject = reject
  })
  pending[id] = entry
  weakMapSet(byPromise, promise, id)
  inflight++
  // Sent at the virtual time the crossing started (as a timer set now counts from it).
  push(outgoing, [id, kind, rec, vnow])
  return promise
}

function cancel(promise, reason) {
  var id = weakMapGet(byPromise, promise)
  if (id === undefined || !hasOwn(pending, id)) return false
  var entry = pending[id]
  delete pending[id]
  inflight--
  push(cancelled, id)
  entry.reject(reason)
  return true
}

/** The object runtime and prelude code use (frozen: nothing can be swapped in). */
export var io = ObjectFreeze({ request: request, cancel: cancel })

/** An in-flight request keeps the process alive. */
export function ioAlive() {
  return inflight > 0
}

/** Requests or cancellations the host has not been told about yet. */
export function ioQueued() {
  return outgoing.length > 0 || cancelled.length > 0
}

/** Moves the queued requests and cancellations into a step() header. */
export function takeIo(h) {
  if (outgoing.length > 0) {
    h.q = outgoing
    outgoing = []
  }
  if (cancelled.length > 0) {
    h.c = cancelled
    cancelled = []
  }
}

/**
 * The host's answers at virtual time t: JSON `[[id, 1, response] | [id, 0, networkError], …]`, in
 * completion order. Each settles its promise (the reactions run with the next microtask checkpoint).
 */
export function deliverIo(json, t) {
  if (t > vnow) setNow(t)
  var list = JSONparse(json)
  if (!ArrayIsArray(list)) return ''
  for (var i = 0; i < list.length; i++) {
    var item = list[i]
    var id = item[0]
    if (!hasOwn(pending, id)) continue
    var entry = pending[id]
    delete pending[id]
    inflight--
    if (item[1] === 1) entry.resolve(item[2])
    else entry.reject(item[2])
  }
  return ''
}
