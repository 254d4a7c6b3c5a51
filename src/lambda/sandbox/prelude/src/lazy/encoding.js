// WHATWG TextEncoder / TextDecoder (utf-8, utf-16le, latin1), as Node 20 exposes them.

function invalidArg(message, code) {
  const err = new TypeError(message)
  err.code = code
  return err
}

export class TextEncoder {
  get encoding() {
    return 'utf-8'
  }

  encode(input = '') {
    const str = `${input}`
    const out = new Uint8Array(str.length * 3)
    const { written } = encodeInto(str, out)
    return out.slice(0, written)
  }

  encodeInto(src, dest) {
    return encodeInto(`${src}`, dest)
  }
}
Object.defineProperty(TextEncoder.prototype, Symbol.toStringTag, { value: 'TextEncoder', configurable: true })
// Node 20 prints `{ encoding: 'utf-8' }` for a TextEncoder.
Object.defineProperty(TextEncoder.prototype, Symbol.for('nodejs.util.inspect.custom'), {
  configurable: true,
  writable: true,
  value: function inspect(depth) {
    return typeof depth === 'number' && depth < 0 ? this : { encoding: this.encoding }
  },
})

function encodeInto(str, dest) {
  let read = 0
  let written = 0
  const cap = dest.length
  const n = str.length
  while (read < n) {
    let c = str.charCodeAt(read)
    let units = 1
    if (c >= 0xd800 && c <= 0xdbff && read + 1 < n) {
      const d = str.charCodeAt(read + 1)
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00)
        units = 2
      } else c = 0xfffd
    } else if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd
    if (c < 0x80) {
      if (written + 1 > cap) break
      dest[written++] = c
    } else if (c < 0x800) {
      if (written + 2 > cap) break
      dest[written++] = 0xc0 | (c >> 6)
      dest[written++] = 0x80 | (c & 63)
    } else if (c < 0x10000) {
      if (written + 3 > cap) break
      dest[written++] = 0xe0 | (c >> 12)
      dest[written++] = 0x80 | ((c >> 6) & 63)
      dest[written++] = 0x80 | (c & 63)
    } else {
      if (written + 4 > cap) break
      dest[written++] = 0xf0 | (c >> 18)
      dest[written++] = 0x80 | ((c >> 12) & 63)
      dest[written++] = 0x80 | ((c >> 6) & 63)
      dest[written++] = 0x80 | (c & 63)
    }
    read += units
  }
  return { read, written }
}

const LABELS = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'unicode-1-1-utf-8': 'utf-8',
  'utf-16le': 'utf-16le',
  'utf-16': 'utf-16le',
  latin1: 'windows-1252',
  'iso-8859-1': 'windows-1252',
  'windows-1252': 'windows-1252',
  ascii: 'windows-1252',
  'us-ascii': 'windows-1252',
}

function toBytes(input) {
  if (input === undefined) return new Uint8Array(0)
  if (input instanceof Uint8Array) return input
  if (input instanceof ArrayBuffer) return new Uint8Array(input)
  if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength)
  throw invalidArg(
    `The "input" argument must be an instance of ArrayBuffer or ArrayBufferView.`,
    'ERR_INVALID_ARG_TYPE',
  )
}

function decodeError() {
  return invalidArg('The encoded data was not valid for encoding utf-8', 'ERR_ENCODING_INVALID_ENCODED_DATA')
}

export class TextDecoder {
  #encoding
  #fatal
  #ignoreBOM
  #pending = []
  #bomSeen = false

  constructor(label = 'utf-8', options = {}) {
    const enc = LABELS[`${label}`.trim().toLowerCase()]
    if (enc === undefined) {
      const err = new RangeError(`The "${label}" encoding is not supported`)
      err.code = 'ERR_ENCODING_NOT_SUPPORTED'
      throw err
    }
    this.#encoding = enc
    this.#fatal = !!(options && options.fatal)
    this.#ignoreBOM = !!(options && options.ignoreBOM)
  }

  get encoding() {
    return this.#encoding
  }
  get fatal() {
    return this.#fatal
  }
  get ignoreBOM() {
    return this.#ignoreBOM
  }

  decode(input, options) {
    const stream = !!(options && options.stream)
    let bytes = toBytes(input)
    if (this.#pending.length > 0) {
      const merged = new Uint8Array(this.#pending.length + bytes.length)
      merged.set(this.#pending, 0)
      merged.set(bytes, this.#pending.length)
      bytes = merged
      this.#pending = []
    }
    let out
    if (this.#encoding === 'utf-8') out = this.#utf8(bytes, stream)
    else if (this.#encoding === 'utf-16le') out = this.#utf16(bytes, stream)
    else {
      out = ''
      for (let i = 0; i < bytes.length; i += 4096) out += String.fromCharCode.apply(null, bytes.subarray(i, i + 4096))
    }
    if (!this.#ignoreBOM && !this.#bomSeen && out.length > 0) {
      this.#bomSeen = true
      if (out.charCodeAt(0) === 0xfeff) out = out.slice(1)
    }
    if (!stream) this.#bomSeen = false
    return out
  }

  #utf16(bytes, stream) {
    const even = bytes.length & ~1
    let out = ''
    const codes = []
    for (let i = 0; i < even; i += 2) codes.push(bytes[i] | (bytes[i + 1] << 8))
    for (let i = 0; i < codes.length; i += 4096) out += String.fromCharCode.apply(null, codes.slice(i, i + 4096))
    if (even < bytes.length) {
      if (stream) this.#pending = [bytes[even]]
      else if (this.#fatal) throw decodeError()
      else out += '\ufffd'
    }
    return out
  }

  #utf8(bytes, stream) {
    const n = bytes.length
    const units = []
    let out = ''
    let i = 0
    const fatal = this.#fatal
    while (i < n) {
      const b = bytes[i]
      if (b < 0x80) {
        units.push(b)
        i++
      } else {
        let need
        let cp
        let lower = 0x80
        let upper = 0xbf
        if (b >= 0xc2 && b <= 0xdf) {
          need = 1
          cp = b & 0x1f
        } else if (b >= 0xe0 && b <= 0xef) {
          need = 2
          cp = b & 0xf
          if (b === 0xe0) lower = 0xa0
          if (b === 0xed) upper = 0x9f
        } else if (b >= 0xf0 && b <= 0xf4) {
          need = 3
          cp = b & 0x7
          if (b === 0xf0) lower = 0x90
          if (b === 0xf4) upper = 0x8f
        } else {
          if (fatal) throw decodeError()
          units.push(0xfffd)
          i++
          continue
        }
        let j = 1
        let ok = true
        for (; j <= need; j++) {
          if (i + j >= n) {
            ok = false
            break
          }
          const c = bytes[i + j]
          if (c < lower || c > upper) {
            ok = false
            break
          }
          lower = 0x80
          upper = 0xbf
          cp = (cp << 6) | (c & 0x3f)
        }
        if (!ok) {
          if (i + j >= n && stream) {
            this.#pending = Array.from(bytes.subarray(i))
            break
          }
          if (fatal) throw decodeError()
          units.push(0xfffd)
          i += j
          continue
        }
        if (cp >= 0x10000) {
          cp -= 0x10000
          units.push(0xd800 + (cp >> 10), 0xdc00 + (cp & 0x3ff))
        } else units.push(cp)
        i += need + 1
      }
      if (units.length >= 4096) {
        out += String.fromCharCode.apply(null, units)
        units.length = 0
      }
    }
    if (units.length > 0) out += String.fromCharCode.apply(null, units)
    return out
  }
}
Object.defineProperty(TextDecoder.prototype, Symbol.toStringTag, { value: 'TextDecoder', configurable: true })
Object.defineProperty(TextDecoder.prototype, Symbol.for('nodejs.util.inspect.custom'), {
  configurable: true,
  writable: true,
  value: function inspect(depth, opts, inspectFn) {
    if (typeof depth === 'number' && depth < 0) return this
    return `${this.constructor.name} ${inspectFn({ encoding: this.encoding, fatal: this.fatal, ignoreBOM: this.ignoreBOM }, opts)}`
  },
})
