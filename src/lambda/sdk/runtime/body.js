// A response body as the SDK gives it to a handler in Node.js (S3 GetObject's Body, ...): there it
// is the HTTP IncomingMessage with the SDK's stream mixin. Here the sandbox's HTTP handler returns
// the bytes (see http-handler.js) and this object stands in for the message: an EventEmitter that
// emits the bytes as one Buffer chunk, with pipe() and async iteration, plus the SDK's
// transformToString / transformToByteArray / transformToWebStream, which may be used once.
import { builtin } from './io.js'

const TRANSFORMED = 'The stream has already been transformed.'

let BodyClass

function bodyClass() {
  if (BodyClass) return BodyClass
  const EventEmitter = builtin('events')
  const { Buffer } = builtin('buffer')

  class IncomingMessage extends EventEmitter {
    #bytes
    #consumed = false
    #flowing = false
    #encoding = undefined

    constructor(bytes) {
      super()
      this.#bytes = bytes
      this.readable = true
      this.readableEnded = false
    }

    #take(who) {
      if (this.#consumed) throw new Error(TRANSFORMED)
      this.#consumed = true
      this.readable = false
      this.readableEnded = true
      return who === 'raw'
        ? this.#bytes
        : Buffer.from(this.#bytes.buffer, this.#bytes.byteOffset, this.#bytes.byteLength)
    }

    async transformToByteArray() {
      return this.#take('raw')
    }

    async transformToString(encoding) {
      const buf = this.#take('buffer')
      if (encoding === undefined || Buffer.isEncoding(encoding)) return buf.toString(encoding)
      return new TextDecoder(encoding).decode(buf)
    }

    transformToWebStream() {
      if (typeof ReadableStream !== 'function')
        throw new Error('Cannot transform payload to web stream: ReadableStream is not available in this runtime')
      const bytes = this.#take('raw')
      return new ReadableStream({
        start(controller) {
          if (bytes.byteLength > 0) controller.enqueue(bytes)
          controller.close()
        },
      })
    }

    setEncoding(encoding) {
      this.#encoding = encoding
      return this
    }

    #chunk(buf) {
      return this.#encoding ? buf.toString(this.#encoding) : buf
    }

    /** Start flowing on the first 'data' listener, as a Readable does. */
    on(event, listener) {
      super.on(event, listener)
      if (event === 'data' && !this.#flowing) this.resume()
      return this
    }

    resume() {
      if (this.#flowing || this.#consumed) return this
      this.#flowing = true
      queueMicrotask(() => {
        const buf = this.#take('buffer')
        if (buf.length > 0) this.emit('data', this.#chunk(buf))
        this.emit('end')
        this.emit('close')
      })
      return this
    }

    pipe(destination, options) {
      this.on('data', (chunk) => destination.write(chunk))
      if (!options || options.end !== false) this.once('end', () => destination.end())
      return destination
    }

    async *[Symbol.asyncIterator]() {
      const buf = this.#take('buffer')
      if (buf.length > 0) yield this.#chunk(buf)
    }
  }
  BodyClass = IncomingMessage
  return BodyClass
}

/** Is this one of ours? */
export function isSandboxBody(value) {
  return BodyClass !== undefined && value instanceof BodyClass
}

/** The SDK's sdkStreamMixin, for bodies the sandbox's handler produced (bytes). */
export function lambdaStreamMixin(stream, browserMixin) {
  if (isSandboxBody(stream)) return stream
  if (stream instanceof Uint8Array) return new (bodyClass())(stream)
  return browserMixin(stream)
}

/** The SDK's streamCollector: every body the sandbox's handler produces is already bytes. */
export async function lambdaStreamCollector(stream, browserCollector) {
  if (stream instanceof Uint8Array) return stream
  if (isSandboxBody(stream)) return stream.transformToByteArray()
  return browserCollector(stream)
}

/** A response body from bytes (what Node's `Readable.from([bytes])` gives the SDK's S3 middleware). */
export function sandboxBody(bytes) {
  return new (bodyClass())(bytes)
}
