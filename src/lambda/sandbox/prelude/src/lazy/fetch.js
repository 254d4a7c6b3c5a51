// fetch, Headers, Request, Response and Blob (globals in Node 20), over the runtime's host I/O
// channel (internals.io, src/lambda/README.md): a request leaves the sandbox with the next step and
// its answer comes back on the virtual clock. Shapes and messages follow Node 20's undici.
// Bodies arrive whole; `body` is a ReadableStream over them (node:stream/web, loaded on first use),
// and a Response or Request may be made from a ReadableStream of bytes.
import { TOKEN, makeHeaders } from './fetch-headers.js'

export default function factory(load, internals) {
  const Buf = () => load('buffer').Buffer
  const events = () => load('internal/event-target')
  const URLC = () => load('url').URL
  const Streams = () => load('stream/web')

  function toBytes(data) {
    if (data instanceof Uint8Array) return data
    if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
    if (data instanceof ArrayBuffer) return new Uint8Array(data)
    return Buf().from(`${data}`, 'utf8')
  }
  const textOf = (bytes) => Buf().from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')
  const copyOf = (bytes) => {
    const out = new ArrayBuffer(bytes.byteLength)
    new Uint8Array(out).set(bytes)
    return out
  }

  // ---- Blob ----------------------------------------------------------------------------------
  const BLOB_BYTES = new WeakMap()
  class Blob {
    #bytes
    #type
    constructor(parts = [], options = {}) {
      const chunks = []
      let size = 0
      for (const p of parts) {
        const b = p instanceof Blob ? p.#bytes : toBytes(p)
        chunks.push(b)
        size += b.byteLength
      }
      const all = new Uint8Array(size)
      let at = 0
      for (const c of chunks) {
        all.set(c, at)
        at += c.byteLength
      }
      this.#bytes = all
      BLOB_BYTES.set(this, all)
      const type = options && options.type !== undefined ? `${options.type}` : ''
      this.#type = /^[\x20-\x7e]*$/.test(type) ? type.toLowerCase() : ''
    }
    get size() {
      return this.#bytes.byteLength
    }
    get type() {
      return this.#type
    }
    async text() {
      return textOf(this.#bytes)
    }
    async arrayBuffer() {
      return copyOf(this.#bytes)
    }
    async bytes() {
      return new Uint8Array(copyOf(this.#bytes))
    }
    stream() {
      return bytesStream(this.#bytes, () => {})
    }
    slice(start = 0, end = this.size, type = '') {
      const n = this.size
      const rel = (i) => (i < 0 ? Math.max(n + i, 0) : Math.min(i, n))
      return new Blob([this.#bytes.subarray(rel(start), Math.max(rel(start), rel(end)))], { type })
    }
    get [Symbol.toStringTag]() {
      return 'Blob'
    }
  }

  const Headers = makeHeaders()

  // ---- bodies --------------------------------------------------------------------------------
  /** [bytes, content type or null] of a body init. */
  function extractBody(body) {
    if (typeof body === 'string') return [toBytes(body), 'text/plain;charset=UTF-8']
    if (body instanceof Blob) return [BLOB_BYTES.get(body), body.type || null]
    const USP = load('url').URLSearchParams
    if (body instanceof USP) return [toBytes(body.toString()), 'application/x-www-form-urlencoded;charset=UTF-8']
    if (body instanceof ArrayBuffer || ArrayBuffer.isView(body)) return [new Uint8Array(copyOf(toBytes(body))), null]
    return [toBytes(`${body}`), 'text/plain;charset=UTF-8']
  }

  const kBody = Symbol('body')
  const kUsed = Symbol('used')
  const kStream = Symbol('stream')
  const isStream = (v) =>
    v != null && typeof v === 'object' && Object.prototype.toString.call(v) === '[object ReadableStream]'
  /** A byte stream over bytes already here: nothing is read until the first pull; `onRead` marks the body used. */
  function bytesStream(bytes, onRead) {
    return new (Streams().ReadableStream)({
      type: 'bytes',
      pull(c) {
        onRead()
        if (bytes.byteLength > 0) c.enqueue(new Uint8Array(copyOf(bytes)))
        c.close()
      },
      cancel: onRead,
    })
  }
  /** Every chunk of a stream of bytes, joined (undici's TypeError for a chunk that is not bytes). */
  async function readAll(stream) {
    const reader = stream.getReader()
    const chunks = []
    for (;;) {
      const { done, value } = await reader.read()
      if (done) return Buf().concat(chunks)
      if (!(value instanceof Uint8Array)) throw new TypeError('Received non-Uint8Array chunk')
      chunks.push(value)
    }
  }
  /** The body as a stream (the same object on every read, as in undici), or null. */
  function streamOf(self) {
    if (self[kStream] === undefined && self[kBody] !== null)
      self[kStream] = bytesStream(self[kBody], () => (self[kUsed] = true))
    return self[kStream] === undefined ? null : self[kStream]
  }
  /** Takes a body made from a ReadableStream (kBody stays null until it is read). */
  function takeStream(self, stream) {
    if (stream.locked) throw new TypeError('Response body object should not be disturbed or locked')
    self[kStream] = stream
    self[kBody] = null
  }
  function consume(self) {
    if (self[kUsed] || (self[kStream] !== undefined && self[kStream].locked))
      return Promise.reject(new TypeError('Body is unusable: Body has already been read'))
    self[kUsed] = true
    if (self[kBody] === null && self[kStream] !== undefined) return readAll(self[kStream])
    return Promise.resolve(self[kBody] || new Uint8Array(0))
  }
  const BodyMixin = {
    get bodyUsed() {
      return !!this[kUsed]
    },
    text() {
      return consume(this).then(textOf)
    },
    json() {
      return consume(this).then((b) => JSON.parse(textOf(b)))
    },
    arrayBuffer() {
      return consume(this).then(copyOf)
    },
    bytes() {
      return consume(this).then((b) => new Uint8Array(copyOf(b)))
    },
    blob() {
      return consume(this).then((b) => new Blob([b], { type: this.headers.get('content-type') || '' }))
    },
  }
  function mixBody(C) {
    for (const k of Object.keys(BodyMixin)) {
      const d = Object.getOwnPropertyDescriptor(BodyMixin, k)
      Object.defineProperty(C.prototype, k, { ...d, enumerable: false })
    }
  }

  // ---- Request -------------------------------------------------------------------------------
  const UPPER = new Set(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT'])
  class Request {
    constructor(input, init = {}) {
      let base
      if (input instanceof Request) base = input
      let url
      if (base) url = base.url
      else {
        try {
          url = new (URLC())(`${input}`).href
        } catch (e) {
          throw new TypeError(`Failed to parse URL from ${input}`, { cause: e })
        }
      }
      let method = init.method !== undefined ? `${init.method}` : base ? base.method : 'GET'
      if (UPPER.has(method.toUpperCase())) method = method.toUpperCase()
      if (!TOKEN.test(method)) throw new TypeError(`'${method}' is not a valid HTTP method.`)
      if (/^(CONNECT|TRACE|TRACK)$/i.test(method)) throw new TypeError(`'${method}' HTTP method is unsupported.`)
      this.url = url
      this.method = method
      this.headers = new Headers(init.headers !== undefined ? init.headers : base ? base.headers : undefined)
      this.signal =
        init.signal !== undefined ? init.signal : base ? base.signal : new (events().AbortController)().signal
      this.redirect = init.redirect || (base ? base.redirect : 'follow')
      this[kUsed] = false
      let body = init.body !== undefined ? init.body : undefined
      if (body != null && (method === 'GET' || method === 'HEAD'))
        throw new TypeError('Request with GET/HEAD method cannot have body.')
      if (isStream(body)) {
        if (init.duplex !== 'half') throw new TypeError('RequestInit: duplex option is required when sending a body.')
        takeStream(this, body)
      } else if (body != null) {
        const [bytes, type] = extractBody(body)
        this[kBody] = bytes
        if (type !== null && !this.headers.has('content-type')) this.headers.set('content-type', type)
      } else this[kBody] = base ? base[kBody] : null
    }
    get body() {
      return streamOf(this)
    }
    clone() {
      if (this[kUsed]) throw new TypeError('Request.clone: Body has already been consumed.')
      return new Request(this)
    }
    get [Symbol.toStringTag]() {
      return 'Request'
    }
  }
  mixBody(Request)

  // ---- Response ------------------------------------------------------------------------------
  const NULL_BODY = new Set([101, 204, 205, 304])
  class Response {
    constructor(body = null, init = {}) {
      const status = init.status !== undefined ? Number(init.status) : 200
      if (!(status >= 200 && status <= 599) || Math.floor(status) !== status)
        throw new RangeError('init["status"] must be in the range of 200 to 599, inclusive.')
      this.status = status
      this.statusText = init.statusText !== undefined ? `${init.statusText}` : ''
      this.headers = new Headers(init.headers)
      this.type = 'default'
      this.url = ''
      this.redirected = false
      this[kUsed] = false
      this[kBody] = null
      if (body != null) {
        if (NULL_BODY.has(status)) throw new TypeError('Response constructor: Invalid response status code ' + status)
        if (isStream(body)) takeStream(this, body)
        else {
          const [bytes, type] = extractBody(body)
          this[kBody] = bytes
          if (type !== null && !this.headers.has('content-type')) this.headers.set('content-type', type)
        }
      }
    }
    get ok() {
      return this.status >= 200 && this.status <= 299
    }
    get body() {
      return streamOf(this)
    }
    clone() {
      if (this[kUsed] || (this[kStream] !== undefined && this[kStream].locked))
        throw new TypeError('Response.clone: Body has already been consumed.')
      const r = new Response(null, { status: this.status, statusText: this.statusText, headers: this.headers })
      r[kBody] = this[kBody]
      if (this[kBody] === null && this[kStream] !== undefined) [this[kStream], r[kStream]] = this[kStream].tee()
      r.type = this.type
      r.url = this.url
      r.redirected = this.redirected
      return r
    }
    static json(data, init = {}) {
      const text = JSON.stringify(data)
      if (text === undefined) throw new TypeError('Value is not JSON serializable')
      const r = new Response(text, init)
      if (!(init.headers && new Headers(init.headers).has('content-type')))
        r.headers.set('content-type', 'application/json')
      return r
    }
    static error() {
      const r = new Response(null, { status: 200 })
      r.status = 0
      r.type = 'error'
      return r
    }
    static redirect(url, status = 302) {
      if (![301, 302, 303, 307, 308].includes(status)) throw new RangeError(`Invalid status code ${status}`)
      const r = new Response(null, { status })
      r.headers.set('location', new (URLC())(`${url}`).href)
      return r
    }
    get [Symbol.toStringTag]() {
      return 'Response'
    }
  }
  mixBody(Response)

  // ---- fetch ---------------------------------------------------------------------------------
  // Node's trace of `TypeError: fetch failed`: undici's frame and the tick loop's (the runtime
  // profile's `fetchFrames`), then the learner's callers as V8's async frames (`at async
  // Runtime.handler (file:///var/task/index.mjs:2:13)`, at their `await`), from the stack at the call.
  const TASK_FRAME = /^ {4}at (\S+) \(((file:\/\/)?\/var\/task\/([^():]+)):(\d+):(\d+)\)$/
  function failedStack(callerStack) {
    const rt = internals.runtime()
    let out = 'TypeError: fetch failed'
    if (rt && Array.isArray(rt.fetchFrames)) for (const f of rt.fetchFrames) out += '\n' + f
    if (typeof callerStack !== 'string') return out
    const lines = callerStack.split('\n').slice(1)
    const task = []
    for (const l of lines) {
      const m = TASK_FRAME.exec(l)
      if (m === null) break
      task.push(m)
    }
    const below = lines[task.length]
    const bottomIsHandler = below === undefined || below === '' || below.includes('/var/runtime/')
    for (let i = 0; i < task.length; i++) {
      const [, fn, loc, esm, file, line, col] = task[i]
      const c = internals.v8AwaitColumn(file, esm === undefined, +line, +col)
      let name = fn === '<anonymous>' ? '' : fn
      if (i === task.length - 1 && bottomIsHandler && rt) {
        const recv = rt.receiver || 'Runtime'
        name = `${recv}.${name === '' ? 'handler' : name}${name !== '' && name !== 'handler' && rt.receiverAs ? ' [as handler]' : ''}`
      }
      out += name === '' ? `\n    at async ${loc}:${line}:${c}` : `\n    at async ${name} (${loc}:${line}:${c})`
    }
    if (task.length > 0 && bottomIsHandler && rt && Array.isArray(rt.asyncFrames))
      for (const f of rt.asyncFrames) out += '\n' + f
    return out
  }
  // getaddrinfo's error as Node's dns module creates it (its callback's frame), for ENOTFOUND.
  const DNS_FRAME = {
    20: '    at GetAddrInfoReqWrap.onlookupall [as oncomplete] (node:dns:122:26)',
  }

  /** Node's `TypeError: fetch failed` with the network error as its cause. */
  function fetchFailed(err, callerStack) {
    let cause = err
    if (err && typeof err === 'object' && !(err instanceof Error)) {
      cause = new Error(`${err.message}`)
      if (typeof err.name === 'string' && err.name !== 'Error')
        Object.defineProperty(cause, 'name', { value: err.name, writable: true, configurable: true })
      for (const k of ['errno', 'code', 'syscall', 'hostname', 'address', 'port'])
        if (err[k] !== undefined) cause[k] = err[k]
    }
    if (cause instanceof Error && cause.syscall === 'getaddrinfo') {
      const rt = internals.runtime()
      const frame = DNS_FRAME[rt && rt.major] || DNS_FRAME[20]
      Object.defineProperty(cause, 'stack', {
        value: `${cause.name}: ${cause.message}\n${frame}`,
        writable: true,
        configurable: true,
      })
    }
    const e = new TypeError('fetch failed', { cause })
    Object.defineProperty(e, 'stack', { value: failedStack(callerStack), writable: true, configurable: true })
    return e
  }

  function send(req, signal) {
    const io = internals.io
    if (io === undefined) return Promise.reject(fetchFailed(new Error('the simulation has no network here')))
    const headers = {}
    for (const [k, v] of req.headers) headers[k] = headers[k] === undefined ? v : `${headers[k]}, ${v}`
    const body = req[kBody]
      ? Buf().from(req[kBody].buffer, req[kBody].byteOffset, req[kBody].byteLength).toString('base64')
      : ''
    const p = io.request('http', { method: req.method, url: req.url, headers, body })
    if (!signal) return p
    const onAbort = () => io.cancel(p, signal.reason)
    signal.addEventListener('abort', onAbort, { once: true })
    const off = () => signal.removeEventListener('abort', onAbort)
    return p.then(
      (r) => (off(), r),
      (e) => {
        off()
        throw e
      },
    )
  }

  async function fetch(input, init = undefined) {
    // Where it was called from, for the trace of a failure (one stack capture per call).
    const callerStack = new Error().stack
    const req = new Request(input, init || {})
    const signal = req.signal
    if (signal && signal.aborted) throw signal.reason
    if (req[kBody] === null && req[kStream] !== undefined) req[kBody] = await consume(req)
    let url = req.url
    const scheme = url.slice(0, url.indexOf(':'))
    if (scheme !== 'http' && scheme !== 'https') throw fetchFailed(new Error('unknown scheme'), callerStack)
    let current = req
    for (let hops = 0; ; hops++) {
      let answer
      try {
        answer = await send(current, signal)
      } catch (e) {
        if (signal && signal.aborted && e === signal.reason) throw e
        if (e instanceof TypeError) throw e
        throw fetchFailed(e, callerStack)
      }
      const res = new Response(null, { status: 200 })
      res.status = answer.status
      res.statusText = answer.statusText || ''
      for (const k of Object.keys(answer.headers || {})) res.headers.append(k, answer.headers[k])
      res[kBody] =
        current.method === 'HEAD' || NULL_BODY.has(answer.status) ? null : Buf().from(answer.body || '', 'base64')
      res.type = 'basic'
      res.url = url
      res.redirected = hops > 0
      const location = res.headers.get('location')
      if (![301, 302, 303, 307, 308].includes(res.status) || location === null || current.redirect === 'manual')
        return res
      if (current.redirect === 'error') throw fetchFailed(new Error('unexpected redirect'), callerStack)
      if (hops >= 20) throw fetchFailed(new Error('redirect count exceeded'), callerStack)
      url = new (URLC())(location, url).href
      const toGet = res.status === 303 || ((res.status === 301 || res.status === 302) && current.method === 'POST')
      current = new Request(url, {
        method: toGet ? 'GET' : current.method,
        headers: current.headers,
        body: toGet ? undefined : current[kBody],
        redirect: current.redirect,
        signal,
      })
    }
  }

  return { fetch, Headers, Request, Response, Blob }
}
