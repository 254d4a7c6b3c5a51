// http and https clients (request, get) over the runtime's host I/O channel (internals.io). The
// response (IncomingMessage) is a small readable: 'data'/'end' events, setEncoding, pause/resume,
// async iteration. Network failures are 'error' events with Node's errors (getaddrinfo ENOTFOUND…).
// No server (createServer), no Agent pooling, no streaming upload (the body is sent at end()).
export default function factory(load, internals) {
  const { EventEmitter } = load('events')
  const Buf = () => load('buffer').Buffer
  const URLC = () => load('url').URL

  const STATUS_CODES = {
    200: 'OK',
    201: 'Created',
    202: 'Accepted',
    204: 'No Content',
    301: 'Moved Permanently',
    302: 'Found',
    304: 'Not Modified',
    400: 'Bad Request',
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'Not Found',
    409: 'Conflict',
    429: 'Too Many Requests',
    500: 'Internal Server Error',
    502: 'Bad Gateway',
    503: 'Service Unavailable',
    504: 'Gateway Timeout',
  }
  const METHODS = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT']
  const tick = (fn, ...args) => internals.process.nextTick(fn, ...args)

  function networkError(e) {
    if (e instanceof Error) return e
    const err = new Error(`${e && e.message}`)
    for (const k of ['errno', 'code', 'syscall', 'hostname', 'address', 'port'])
      if (e && e[k] !== undefined) err[k] = e[k]
    if (e && typeof e.name === 'string' && e.name !== 'Error')
      Object.defineProperty(err, 'name', { value: e.name, writable: true, configurable: true })
    return err
  }

  class IncomingMessage extends EventEmitter {
    constructor(answer) {
      super()
      this.statusCode = answer.status
      this.statusMessage = answer.statusText || STATUS_CODES[answer.status] || ''
      this.headers = {}
      this.rawHeaders = []
      for (const k of Object.keys(answer.headers || {})) {
        this.headers[k.toLowerCase()] = answer.headers[k]
        this.rawHeaders.push(k, answer.headers[k])
      }
      this.httpVersion = '1.1'
      this.complete = false
      this.readableEnded = false
      this._body = Buf().from(answer.body || '', 'base64')
      this._encoding = undefined
      this._flowing = null
    }
    setEncoding(enc) {
      this._encoding = enc
      return this
    }
    on(type, fn) {
      super.on(type, fn)
      if (type === 'data' && this._flowing !== false) this.resume()
      return this
    }
    pause() {
      this._flowing = false
      return this
    }
    resume() {
      if (this._flowing === true) return this
      this._flowing = true
      tick(() => this._drain())
      return this
    }
    _drain() {
      if (this.readableEnded || this._flowing !== true) return
      if (this._body.length > 0) {
        const chunk = this._encoding ? this._body.toString(this._encoding) : this._body
        this._body = Buf().alloc(0)
        this.emit('data', chunk)
      }
      this.readableEnded = true
      this.complete = true
      this.emit('end')
      this.emit('close')
    }
    async *[Symbol.asyncIterator]() {
      this._flowing = false
      const chunk = this._encoding ? this._body.toString(this._encoding) : this._body
      this._body = Buf().alloc(0)
      if (chunk.length > 0) yield chunk
      this.readableEnded = true
      this.complete = true
    }
  }

  class ClientRequest extends EventEmitter {
    constructor(url, options, protocol) {
      super()
      this.method = (options.method || 'GET').toUpperCase()
      this.path = url.pathname + url.search
      this.host = url.hostname
      this.protocol = protocol
      this.destroyed = false
      this._url = url.href
      this._headers = {}
      this._chunks = []
      this._ended = false
      this._timeout = 0
      this._timer = undefined
      this._pending = undefined
      const h = options.headers || {}
      for (const k of Object.keys(h)) this.setHeader(k, h[k])
      if (options.timeout) this.setTimeout(options.timeout)
      if (options.signal) {
        const onAbort = () => this.destroy(options.signal.reason)
        if (options.signal.aborted) tick(onAbort)
        else options.signal.addEventListener('abort', onAbort, { once: true })
      }
    }
    setHeader(name, value) {
      this._headers[`${name}`.toLowerCase()] = Array.isArray(value) ? value.join(', ') : `${value}`
      return this
    }
    getHeader(name) {
      return this._headers[`${name}`.toLowerCase()]
    }
    removeHeader(name) {
      delete this._headers[`${name}`.toLowerCase()]
    }
    write(chunk, encoding, cb) {
      if (typeof encoding === 'function') [cb, encoding] = [encoding, undefined]
      this._chunks.push(typeof chunk === 'string' ? Buf().from(chunk, encoding || 'utf8') : Buf().from(chunk))
      if (cb) tick(cb)
      return true
    }
    setTimeout(ms, cb) {
      this._timeout = ms
      if (cb) this.once('timeout', cb)
      return this
    }
    end(chunk, encoding, cb) {
      if (typeof chunk === 'function') [cb, chunk] = [chunk, undefined]
      if (typeof encoding === 'function') [cb, encoding] = [encoding, undefined]
      if (chunk !== undefined && chunk !== null) this.write(chunk, encoding)
      if (this._ended) return this
      this._ended = true
      if (cb) this.once('finish', cb)
      tick(() => this._send())
      return this
    }
    _send() {
      if (this.destroyed) return
      this.emit('finish')
      const io = internals.io
      if (io === undefined) {
        this.destroy(networkError({ code: 'ENOTFOUND', message: 'the simulation has no network here' }))
        return
      }
      const body = this._chunks.length ? Buf().concat(this._chunks).toString('base64') : ''
      if (body && this._headers['content-length'] === undefined)
        this._headers['content-length'] = `${Buf().byteLength(body, 'base64')}`
      const p = io.request('http', { method: this.method, url: this._url, headers: this._headers, body })
      this._pending = p
      if (this._timeout > 0)
        this._timer = globalThis.setTimeout(() => {
          this._timer = undefined
          this.emit('timeout')
        }, this._timeout)
      p.then(
        (answer) => {
          this._clear()
          if (this.destroyed) return
          const res = new IncomingMessage(answer)
          this.res = res
          if (!this.emit('response', res)) res.resume()
          this.emit('close')
        },
        (e) => {
          this._clear()
          if (!this.destroyed) this.destroy(networkError(e))
        },
      )
    }
    _clear() {
      this._pending = undefined
      if (this._timer !== undefined) globalThis.clearTimeout(this._timer)
      this._timer = undefined
    }
    destroy(err) {
      if (this.destroyed) return this
      this.destroyed = true
      const pending = this._pending
      this._clear()
      const reason = err || Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })
      if (pending && internals.io) internals.io.cancel(pending, reason)
      tick(() => {
        if (err || pending) this.emit('error', reason)
        this.emit('close')
      })
      return this
    }
    abort() {
      this.destroy()
    }
  }

  function makeClient(protocol) {
    const defaultPort = protocol === 'https:' ? 443 : 80
    function request(input, options, cb) {
      let url
      if (typeof input === 'string' || input instanceof URLC()) {
        url = new (URLC())(`${input}`)
        if (typeof options === 'function') [cb, options] = [options, {}]
        options = options || {}
      } else {
        cb = options
        options = input || {}
        const host = options.hostname || options.host || 'localhost'
        const port = options.port && Number(options.port) !== defaultPort ? `:${options.port}` : ''
        url = new (URLC())(`${options.protocol || protocol}//${host}${port}${options.path || '/'}`)
      }
      if (url.protocol !== protocol) {
        const err = new TypeError(`Protocol "${url.protocol}" not supported. Expected "${protocol}"`)
        err.code = 'ERR_INVALID_PROTOCOL'
        throw err
      }
      const req = new ClientRequest(url, options, protocol)
      if (typeof cb === 'function') req.once('response', cb)
      return req
    }
    function get(input, options, cb) {
      const req = request(input, options, cb)
      req.end()
      return req
    }
    return {
      request,
      get,
      METHODS: METHODS.slice(),
      STATUS_CODES: { ...STATUS_CODES },
      ClientRequest,
      IncomingMessage,
      globalAgent: { defaultPort, protocol },
      Agent: class Agent {
        constructor(options = {}) {
          this.options = options
          this.defaultPort = defaultPort
          this.protocol = protocol
        }
        destroy() {}
      },
    }
  }
  internals.httpClient = makeClient
  return makeClient('http:')
}
