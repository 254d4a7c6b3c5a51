// buffer: the `buffer` npm package (feross/buffer), plus what Node 20 has and it lacks:
// the base64url encoding, Node 20's inspect output, atob/btoa.
import * as lib from 'buffer/index.js'

function isBase64Url(enc) {
  return typeof enc === 'string' && (enc === 'base64url' || enc.toLowerCase() === 'base64url')
}

function toBase64Url(b64) {
  let end = b64.length
  while (end > 0 && b64.charCodeAt(end - 1) === 61) end--
  return b64.slice(0, end).replace(/\+/g, '-').replace(/\//g, '_')
}

function invalidCharacter() {
  const err = new Error('Invalid character')
  err.name = 'InvalidCharacterError'
  err.code = 5
  return err
}

export default function factory(load) {
  const { Buffer } = lib
  const proto = Buffer.prototype

  const isEncoding = Buffer.isEncoding
  Buffer.isEncoding = function isEncoding2(encoding) {
    return isBase64Url(encoding) || isEncoding(encoding)
  }
  const byteLength = Buffer.byteLength
  Buffer.byteLength = function byteLength2(string, encoding) {
    return byteLength.call(this, string, isBase64Url(encoding) ? 'base64' : encoding)
  }
  const from = Buffer.from
  Buffer.from = function from2(value, encodingOrOffset, length) {
    if (typeof value === 'string' && isBase64Url(encodingOrOffset)) return from.call(this, value, 'base64')
    return from.call(this, value, encodingOrOffset, length)
  }
  const toString = proto.toString
  let decodeUtf8 = (bytes) => (decodeUtf8 = load('internal/encoding').decodeUtf8)(bytes)
  proto.toString = function toString2(encoding, start, end) {
    if (isBase64Url(encoding)) return toBase64Url(toString.call(this, 'base64', start, end))
    if (
      encoding === undefined ||
      encoding === 'utf8' ||
      encoding === 'utf-8' ||
      (typeof encoding === 'string' && /^utf-?8$/i.test(encoding))
    ) {
      // Same bounds rules as the library's slowToString, then V8-compatible UTF-8 decoding.
      const len = this.length
      let s = start === undefined || start < 0 ? 0 : start
      if (s > len) return ''
      let e = end === undefined || end > len ? len : end
      if (e <= 0) return ''
      e >>>= 0
      s >>>= 0
      if (e <= s) return ''
      return decodeUtf8(s === 0 && e === len ? this : this.subarray(s, e))
    }
    return arguments.length === 0 ? toString.call(this) : toString.apply(this, arguments)
  }
  const write = proto.write
  proto.write = function write2(string, offset, length, encoding) {
    const args = [string, offset, length, encoding]
    for (let i = 1; i < 4; i++) if (isBase64Url(args[i])) args[i] = 'base64'
    return write.apply(this, args)
  }

  // Node 20: <Buffer 68 69> and "... N more bytes" past INSPECT_MAX_BYTES.
  const inspectSymbol = Symbol.for('nodejs.util.inspect.custom')
  proto[inspectSymbol] = function inspect() {
    const max = lib.INSPECT_MAX_BYTES
    const shown = Math.min(max, this.length)
    const remaining = this.length - max
    let str = toString
      .call(this, 'hex', 0, shown)
      .replace(/(.{2})/g, '$1 ')
      .trim()
    if (remaining > 0) str += ` ... ${remaining} more byte${remaining > 1 ? 's' : ''}`
    return `<${this.constructor.name} ${str}>`
  }
  proto.inspect = proto[inspectSymbol]

  function btoa(input) {
    if (arguments.length === 0) {
      const err = new TypeError('The "data" argument must be specified')
      err.code = 'ERR_MISSING_ARGS'
      throw err
    }
    const str = `${input}`
    for (let i = 0; i < str.length; i++) if (str.charCodeAt(i) > 0xff) throw invalidCharacter()
    return from.call(Buffer, str, 'latin1').toString('base64')
  }

  function atob(input) {
    if (arguments.length === 0) {
      const err = new TypeError('The "data" argument must be specified')
      err.code = 'ERR_MISSING_ARGS'
      throw err
    }
    let str = `${input}`.replace(/[\t\n\f\r ]/g, '')
    if (str.length % 4 === 0) str = str.replace(/==?$/, '')
    if (str.length % 4 === 1 || /[^A-Za-z0-9+/]/.test(str)) throw invalidCharacter()
    return from.call(Buffer, str, 'base64').toString('latin1')
  }

  const constants = { MAX_LENGTH: lib.kMaxLength, MAX_STRING_LENGTH: 2 ** 29 - 24 }
  return {
    Buffer,
    SlowBuffer: lib.SlowBuffer,
    INSPECT_MAX_BYTES: lib.INSPECT_MAX_BYTES,
    kMaxLength: lib.kMaxLength,
    kStringMaxLength: constants.MAX_STRING_LENGTH,
    constants,
    atob,
    btoa,
    isUtf8(input) {
      try {
        new (load('internal/encoding').TextDecoder)('utf-8', { fatal: true }).decode(input)
        return true
      } catch {
        return false
      }
    },
    isAscii(input) {
      const bytes = input instanceof Uint8Array ? input : new Uint8Array(input)
      for (let i = 0; i < bytes.length; i++) if (bytes[i] > 0x7f) return false
      return true
    },
  }
}
