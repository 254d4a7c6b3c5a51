// node:stream/web and the WHATWG stream globals of Node 20 (ReadableStream, WritableStream,
// TransformStream, their readers, writers and controllers, the queuing strategies, and
// TextEncoderStream/TextDecoderStream), from web-streams-polyfill's spec-following ponyfill.
// Loaded only when code first touches one of them (or reads a fetch body as a stream).
import {
  ByteLengthQueuingStrategy,
  CountQueuingStrategy,
  ReadableByteStreamController,
  ReadableStream,
  ReadableStreamBYOBReader,
  ReadableStreamBYOBRequest,
  ReadableStreamDefaultController,
  ReadableStreamDefaultReader,
  TransformStream,
  TransformStreamDefaultController,
  WritableStream,
  WritableStreamDefaultController,
  WritableStreamDefaultWriter,
} from 'web-streams-polyfill'

export default function factory(load) {
  const { TextDecoder, TextEncoder } = load('internal/encoding')
  const tag = (C, name) => Object.defineProperty(C.prototype, Symbol.toStringTag, { value: name, configurable: true })

  /** Strings in, UTF-8 bytes out (Node's TextEncoderStream). */
  class TextEncoderStream {
    #pair
    constructor() {
      const encoder = new TextEncoder()
      this.#pair = new TransformStream({
        transform(chunk, c) {
          const bytes = encoder.encode(`${chunk}`)
          if (bytes.byteLength > 0) c.enqueue(bytes)
        },
      })
    }
    get encoding() {
      return 'utf-8'
    }
    get readable() {
      return this.#pair.readable
    }
    get writable() {
      return this.#pair.writable
    }
  }
  tag(TextEncoderStream, 'TextEncoderStream')

  /** Bytes in, strings out, a character split across chunks kept whole (Node's TextDecoderStream). */
  class TextDecoderStream {
    #pair
    #decoder
    constructor(label = 'utf-8', options = {}) {
      const decoder = (this.#decoder = new TextDecoder(label, options))
      this.#pair = new TransformStream({
        transform(chunk, c) {
          const text = decoder.decode(chunk, { stream: true })
          if (text) c.enqueue(text)
        },
        flush(c) {
          const text = decoder.decode()
          if (text) c.enqueue(text)
        },
      })
    }
    get encoding() {
      return this.#decoder.encoding
    }
    get fatal() {
      return this.#decoder.fatal
    }
    get ignoreBOM() {
      return this.#decoder.ignoreBOM
    }
    get readable() {
      return this.#pair.readable
    }
    get writable() {
      return this.#pair.writable
    }
  }
  tag(TextDecoderStream, 'TextDecoderStream')

  return {
    ByteLengthQueuingStrategy,
    CountQueuingStrategy,
    ReadableByteStreamController,
    ReadableStream,
    ReadableStreamBYOBReader,
    ReadableStreamBYOBRequest,
    ReadableStreamDefaultController,
    ReadableStreamDefaultReader,
    TextDecoderStream,
    TextEncoderStream,
    TransformStream,
    TransformStreamDefaultController,
    WritableStream,
    WritableStreamDefaultController,
    WritableStreamDefaultWriter,
  }
}
