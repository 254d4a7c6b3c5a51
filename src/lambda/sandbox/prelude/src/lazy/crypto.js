// crypto: randomness from the host (__lf_host.randomBytes), hashes and HMAC from @noble/hashes.
// No KeyObject/cipher/sign/verify; webcrypto.subtle is internal/subtle (digest, HMAC, AES-GCM).

let noble // internal/hashes, set by the factory's loader on first use
let bufferModule // buffer, likewise (randomUUID and getRandomValues don't need it)
const hashes = () => noble()
const BufferLazy = () => bufferModule()
const ALIASES = {
  'rsa-md5': 'md5',
  'rsa-sha1': 'sha1',
  'rsa-sha256': 'sha256',
  'rsa-sha384': 'sha384',
  'rsa-sha512': 'sha512',
  'sha-1': 'sha1',
  'sha-256': 'sha256',
  'sha-384': 'sha384',
  'sha-512': 'sha512',
}

function pick(algorithm) {
  const key = `${algorithm}`.toLowerCase()
  const fn = hashes().digests[ALIASES[key] || key]
  if (fn === undefined) {
    const err = new Error('Digest method not supported')
    err.code = 'ERR_CRYPTO_INVALID_DIGEST'
    throw err
  }
  return fn
}

function argType(name, message) {
  const err = new TypeError(`The "${name}" argument must be ${message}`)
  err.code = 'ERR_INVALID_ARG_TYPE'
  return err
}

function toBytes(data, encoding, name = 'data') {
  if (typeof data === 'string') return BufferLazy().from(data, encoding || 'utf8')
  if (data instanceof Uint8Array) return data
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
  if (data instanceof ArrayBuffer) return new Uint8Array(data)
  throw argType(
    name,
    `of type string or an instance of Buffer, TypedArray, or DataView. Received ${data === null ? 'null' : typeof data}`,
  )
}

function output(bytes, encoding) {
  const buf = BufferLazy().from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  return encoding === undefined || encoding === 'buffer' ? buf : buf.toString(encoding)
}

class Hash {
  #h
  #done = false
  constructor(algorithm, state) {
    this.#h = state || pick(algorithm).create()
  }
  update(data, encoding) {
    if (this.#done) {
      const err = new Error('Digest already called')
      err.code = 'ERR_CRYPTO_HASH_FINALIZED'
      throw err
    }
    this.#h.update(toBytes(data, encoding))
    return this
  }
  digest(encoding) {
    if (this.#done) {
      const err = new Error('Digest already called')
      err.code = 'ERR_CRYPTO_HASH_FINALIZED'
      throw err
    }
    this.#done = true
    return output(this.#h.digest(), encoding)
  }
  copy() {
    return new Hash(undefined, this.#h.clone())
  }
}

class Hmac {
  #h
  #done = false
  constructor(algorithm, key) {
    this.#h = hashes().hmac.create(pick(algorithm), toBytes(key, 'utf8', 'key'))
  }
  update(data, encoding) {
    this.#h.update(toBytes(data, encoding))
    return this
  }
  digest(encoding) {
    if (this.#done) return output(new Uint8Array(0), encoding)
    this.#done = true
    return output(this.#h.digest(), encoding)
  }
}

export default function factory(load, internals) {
  let loaded
  noble = () => loaded || (loaded = load('internal/hashes'))
  bufferModule = () => load('buffer').Buffer
  // Randomness from the host (__lf_host.randomBytes -> hex), fetched 256 bytes at a time.
  let pool = ''
  let pos = 0
  function fillRandom(bytes) {
    for (let i = 0; i < bytes.length; i++) {
      if (pos >= pool.length) {
        pool = internals.randomHex(256)
        pos = 0
      }
      bytes[i] = parseInt(pool.slice(pos, pos + 2), 16)
      pos += 2
    }
    return bytes
  }

  function randomBytes(size, cb) {
    if (typeof size !== 'number' || !(size >= 0) || size > 2 ** 31 - 1) {
      const err = new RangeError(
        `The value of "size" is out of range. It must be >= 0 && <= 2147483647. Received ${size}`,
      )
      err.code = 'ERR_OUT_OF_RANGE'
      throw err
    }
    const buf = fillRandom(BufferLazy().alloc(size))
    if (typeof cb === 'function') {
      internals.process.nextTick(cb, null, buf)
      return undefined
    }
    return buf
  }

  function getRandomValues(array) {
    if (
      !ArrayBuffer.isView(array) ||
      array instanceof Float32Array ||
      array instanceof Float64Array ||
      array instanceof DataView
    ) {
      const err = new TypeError('The data argument must be an integer-type TypedArray')
      err.name = 'TypeMismatchError'
      err.code = 17
      throw err
    }
    if (array.byteLength > 65536) {
      const err = new RangeError(
        `The ArrayBufferView's byte length (${array.byteLength}) exceeds the number of bytes of entropy available via this API (65536)`,
      )
      err.name = 'QuotaExceededError'
      err.code = 22
      throw err
    }
    fillRandom(new Uint8Array(array.buffer, array.byteOffset, array.byteLength))
    return array
  }

  function randomUUID() {
    const b = fillRandom(new Uint8Array(16))
    b[6] = (b[6] & 0x0f) | 0x40
    b[8] = (b[8] & 0x3f) | 0x80
    let hex = ''
    for (let i = 0; i < 16; i++) hex += (b[i] + 0x100).toString(16).slice(1)
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
  }

  function randomInt(min, max, cb) {
    if (max === undefined || typeof max === 'function') {
      cb = max
      max = min
      min = 0
    }
    const range = max - min
    if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || range <= 0 || range > 2 ** 48) {
      const err = new RangeError(
        `The value of "max" is out of range. It must be greater than the value of "min" (${min}). Received ${max}`,
      )
      err.code = 'ERR_OUT_OF_RANGE'
      throw err
    }
    const b = fillRandom(new Uint8Array(6))
    let x = 0
    for (let i = 0; i < 6; i++) x = x * 256 + b[i]
    const value = min + (x % range)
    if (typeof cb === 'function') {
      internals.process.nextTick(cb, null, value)
      return undefined
    }
    return value
  }

  function timingSafeEqual(a, b) {
    const x = toBytes(a, undefined, 'buf1')
    const y = toBytes(b, undefined, 'buf2')
    if (x.byteLength !== y.byteLength) {
      const err = new RangeError('Input buffers must have the same byte length')
      err.code = 'ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH'
      throw err
    }
    let diff = 0
    for (let i = 0; i < x.length; i++) diff |= x[i] ^ y[i]
    return diff === 0
  }

  function pbkdf2Sync(password, salt, iterations, keylen, digest) {
    const out = hashes().pbkdf2(pick(digest), toBytes(password, 'utf8', 'password'), toBytes(salt, 'utf8', 'salt'), {
      c: iterations,
      dkLen: keylen,
    })
    return output(out)
  }

  function hash(algorithm, data, outputEncoding = 'hex') {
    return output(pick(algorithm)(toBytes(data)), outputEncoding)
  }

  // crypto.subtle (internal/subtle) loads on first use.
  const subtle = () => load('internal/subtle').subtle
  const webcrypto = { getRandomValues, randomUUID }
  Object.defineProperty(webcrypto, 'subtle', { get: subtle, enumerable: true, configurable: true })
  Object.defineProperty(webcrypto, Symbol.toStringTag, { value: 'Crypto', configurable: true })

  const api = {
    createHash: (algorithm) => new Hash(algorithm),
    createHmac: (algorithm, key) => new Hmac(algorithm, key),
    hash,
    getHashes: () => ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512'],
    randomBytes,
    pseudoRandomBytes: randomBytes,
    randomFillSync(buf, offset = 0, size) {
      const view = new Uint8Array(
        buf.buffer || buf,
        (buf.byteOffset || 0) + offset,
        size === undefined ? buf.byteLength - offset : size,
      )
      fillRandom(view)
      return buf
    },
    randomUUID,
    randomInt,
    getRandomValues,
    timingSafeEqual,
    pbkdf2Sync,
    pbkdf2(password, salt, iterations, keylen, digest, cb) {
      let result
      try {
        result = pbkdf2Sync(password, salt, iterations, keylen, digest)
      } catch (err) {
        internals.process.nextTick(cb, err)
        return
      }
      internals.process.nextTick(cb, null, result)
    },
    webcrypto,
    constants: {},
    Hash,
    Hmac,
  }
  Object.defineProperty(api, 'subtle', { get: subtle, enumerable: true, configurable: true })
  return api
}
