// The SDK's HTTP handler inside the simulated Lambda runtime. In Node.js the SDK sends requests
// with NodeHttpHandler (@smithy/node-http-handler) over node:https; here a request crosses to the
// host's network through the runtime's I/O channel (io.js), which routes AWS endpoints to the
// simulated account. Everything before the wire (middleware, endpoint resolution, SigV4 signing,
// serialisation, retries) and after it (deserialisation, AWS's errors) is the SDK's own code.
//
// It takes NodeHttpHandler's options (requestTimeout, throwOnRequestTimeout, connectionTimeout,
// logger) and is also what `@smithy/node-http-handler`'s NodeHttpHandler is in this runtime.
import { buildQueryString, HttpResponse } from '@smithy/core/protocols'
import { builtin, hostIo } from './io.js'
import { isSandboxBody, sandboxBody } from './body.js'

/** Errors Node's http client reports with these codes are timeouts for the SDK's retry logic. */
const TIMEOUT_CODES = ['ECONNRESET', 'EPIPE', 'ETIMEDOUT']

/** The content type of an event-stream response (Lambda's InvokeWithResponseStream, S3 SelectObjectContent). */
const EVENT_STREAM = /^application\/vnd\.amazon\.eventstream\b/i

function abortError(signal) {
  const reason = signal && typeof signal === 'object' && 'reason' in signal ? signal.reason : undefined
  if (reason && !(reason instanceof Error)) {
    const e = new Error(String(reason))
    e.name = 'AbortError'
    return e
  }
  const e = new Error('Request aborted')
  e.name = 'AbortError'
  if (reason) e.cause = reason
  return e
}

/** A network failure as Node's http client reports it (an Error with code, errno, syscall, hostname). */
function networkError(failure, hostname) {
  if (failure instanceof Error) return failure
  const f = failure && typeof failure === 'object' ? failure : { message: String(failure) }
  const code = typeof f.code === 'string' ? f.code : 'ECONNRESET'
  const e = new Error(typeof f.message === 'string' ? f.message : `${code} ${hostname}`)
  e.code = code
  for (const k of ['errno', 'syscall', 'hostname', 'address', 'port']) if (f[k] !== undefined) e[k] = f[k]
  if (TIMEOUT_CODES.includes(code)) e.name = 'TimeoutError'
  return e
}

/** The request body as bytes (the SDK hands strings, bytes, Blobs or streams to a handler). */
async function bodyBytes(body) {
  const { Buffer } = builtin('buffer')
  if (body === undefined || body === null) return undefined
  if (typeof body === 'string') return Buffer.from(body, 'utf8')
  if (body instanceof Uint8Array) return body
  if (body instanceof ArrayBuffer) return new Uint8Array(body)
  if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer, body.byteOffset, body.byteLength)
  if (isSandboxBody(body)) return body.transformToByteArray()
  if (typeof body.arrayBuffer === 'function') return new Uint8Array(await body.arrayBuffer())
  const chunks = []
  if (typeof body[Symbol.asyncIterator] === 'function') {
    for await (const c of body) chunks.push(typeof c === 'string' ? Buffer.from(c) : c)
  } else if (typeof body.getReader === 'function') {
    const reader = body.getReader()
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      chunks.push(value)
    }
  } else if (typeof body.on === 'function') {
    await new Promise((resolve, reject) => {
      body.on('data', (c) => chunks.push(typeof c === 'string' ? Buffer.from(c) : c))
      body.on('end', resolve)
      body.on('error', reject)
    })
  } else throw new TypeError('The request body must be a string, a Buffer, a Uint8Array, a Blob or a stream')
  return Buffer.concat(chunks)
}

export class NodeHttpHandler {
  metadata = { handlerProtocol: 'http/1.1' }

  static create(instanceOrOptions) {
    if (typeof instanceOrOptions?.handle === 'function') return instanceOrOptions
    return new NodeHttpHandler(instanceOrOptions)
  }

  constructor(options) {
    this.options = options
    this.config = undefined
  }

  async #resolveConfig() {
    if (this.config === undefined) {
      const o = typeof this.options === 'function' ? await this.options() : this.options
      const { requestTimeout, connectionTimeout, throwOnRequestTimeout, logger } = o || {}
      this.config = { requestTimeout, connectionTimeout, throwOnRequestTimeout, logger }
    }
    return this.config
  }

  destroy() {}

  updateHttpClientConfig(key, value) {
    this.config = undefined
    this.options = { ...(typeof this.options === 'object' ? this.options : {}), [key]: value }
  }

  httpHandlerConfigs() {
    return this.config ?? {}
  }

  async handle(request, { abortSignal, requestTimeout } = {}) {
    const config = await this.#resolveConfig()
    if (abortSignal?.aborted) throw abortError(abortSignal)
    const { Buffer } = builtin('buffer')
    const query = request.query ? buildQueryString(request.query) : ''
    let auth = ''
    if (request.username != null || request.password != null)
      auth = `${request.username ?? ''}:${request.password ?? ''}@`
    const port = request.port ? `:${request.port}` : ''
    let url = `${request.protocol}//${auth}${request.hostname}${port}${request.path}`
    if (query) url += `?${query}`
    if (request.fragment) url += `#${request.fragment}`
    const bytes = await bodyBytes(request.body)
    const headers = {}
    for (const k of Object.keys(request.headers)) headers[k] = String(request.headers[k])
    const body =
      bytes === undefined ? '' : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64')
    const sent = hostIo().request('http', { method: request.method, url, headers, body })

    return new Promise((resolve, reject) => {
      let settled = false
      let timer
      const finish = (fn, value) => {
        if (settled) return
        settled = true
        if (timer !== undefined) clearTimeout(timer)
        if (abortSignal && typeof abortSignal.removeEventListener === 'function')
          abortSignal.removeEventListener('abort', onAbort)
        fn(value)
      }
      const onAbort = () => finish(reject, abortError(abortSignal))
      if (abortSignal) {
        if (typeof abortSignal.addEventListener === 'function')
          abortSignal.addEventListener('abort', onAbort, { once: true })
        else abortSignal.onabort = onAbort
      }
      const timeout = requestTimeout ?? config.requestTimeout
      if (timeout) {
        timer = setTimeout(() => {
          const mode = config.throwOnRequestTimeout ? 'ERROR' : 'WARN'
          let msg = `@smithy/node-http-handler - [${mode}] a request has exceeded the configured ${timeout} ms requestTimeout.`
          if (config.throwOnRequestTimeout) {
            finish(reject, Object.assign(new Error(msg), { name: 'TimeoutError', code: 'ETIMEDOUT' }))
          } else {
            timer = undefined
            msg += ' Init client requestHandler with throwOnRequestTimeout=true to turn this into an error.'
            ;(config.logger ?? console).warn?.(msg)
          }
        }, timeout)
      }
      sent.then(
        (res) => {
          const out = {}
          const h = res.headers || {}
          for (const k of Object.keys(h)) out[k.toLowerCase()] = h[k]
          const raw = typeof res.body === 'string' && res.body.length > 0 ? Buffer.from(res.body, 'base64') : undefined
          const bytes =
            raw === undefined ? new Uint8Array(0) : new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength)
          finish(resolve, {
            response: new HttpResponse({
              statusCode: typeof res.status === 'number' ? res.status : -1,
              reason: res.statusText,
              headers: out,
              // An event stream is read as Node's IncomingMessage is, chunk by chunk (async
              // iteration); every other body as bytes, which the SDK's collectors take as they are.
              body: EVENT_STREAM.test(out['content-type'] ?? '') ? sandboxBody(bytes) : bytes,
            }),
          })
        },
        (err) => finish(reject, networkError(err, request.hostname)),
      )
    })
  }
}

/** @smithy/node-http-handler's streamCollector: bodies here are bytes or the runtime's message. */
export async function streamCollector(stream) {
  if (stream instanceof Uint8Array) return stream
  if (isSandboxBody(stream)) return stream.transformToByteArray()
  return bodyBytes(stream)
}
