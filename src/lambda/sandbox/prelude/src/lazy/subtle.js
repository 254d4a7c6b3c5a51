// internal/subtle: crypto.subtle (SubtleCrypto) for what handlers and the AWS SDK use: digest
// (SHA-1/256/384/512), HMAC (importKey/generateKey/sign/verify), AES-GCM (importKey/generateKey/
// encrypt/decrypt), exportKey('raw'). Hashes from @noble/hashes (internal/hashes), AES-GCM from
// @noble/ciphers. Errors are DOMExceptions with Node 20's names and messages.
import { gcm } from '@noble/ciphers/aes.js'

export default function factory(load) {
  const hashes = () => load('internal/hashes')
  const DOMException = () => load('internal/event-target').DOMException
  const fail = (message, name) => Promise.reject(new (DOMException())(message, name))
  const HASHES = { 'SHA-1': 'sha1', 'SHA-256': 'sha256', 'SHA-384': 'sha384', 'SHA-512': 'sha512' }
  const BLOCK_BITS = { 'SHA-1': 512, 'SHA-256': 512, 'SHA-384': 1024, 'SHA-512': 1024 }

  const bytesOf = (data) => {
    if (data instanceof ArrayBuffer) return new Uint8Array(data.slice(0))
    if (ArrayBuffer.isView(data))
      return new Uint8Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength))
    throw new TypeError('The "data" argument must be an instance of ArrayBuffer, Buffer, TypedArray, or DataView.')
  }
  const bufferOf = (u8) => u8.buffer.slice(u8.byteOffset, u8.byteOffset + u8.byteLength)
  function normalize(alg) {
    const name = typeof alg === 'string' ? alg : alg && alg.name
    const upper = `${name}`.toUpperCase()
    for (const known of ['SHA-1', 'SHA-256', 'SHA-384', 'SHA-512', 'HMAC', 'AES-GCM'])
      if (known === upper) return { ...(typeof alg === 'object' ? alg : {}), name: known }
    return undefined
  }
  const hashName = (h) => {
    const n = normalize(h)
    return n && HASHES[n.name] ? n.name : undefined
  }

  const kData = Symbol('keyData')
  class CryptoKey {
    constructor() {
      throw new TypeError('Illegal constructor')
    }
    get [Symbol.toStringTag]() {
      return 'CryptoKey'
    }
  }
  function makeKey(algorithm, extractable, usages, bytes) {
    const key = Object.create(CryptoKey.prototype)
    Object.defineProperties(key, {
      type: { value: 'secret', enumerable: true },
      extractable: { value: !!extractable, enumerable: true },
      algorithm: { value: algorithm, enumerable: true },
      usages: { value: [...usages], enumerable: true },
      [kData]: { value: bytes },
    })
    return key
  }

  function keyFor(alg, extractable, usages, bytes) {
    if (alg.name === 'HMAC') {
      const hash = hashName(alg.hash)
      if (!hash) return fail('Unrecognized algorithm name', 'NotSupportedError')
      for (const u of usages)
        if (u !== 'sign' && u !== 'verify') return fail('Unsupported key usage for an HMAC key', 'SyntaxError')
      return Promise.resolve(
        makeKey({ name: 'HMAC', length: bytes.length * 8, hash: { name: hash } }, extractable, usages, bytes),
      )
    }
    if (alg.name === 'AES-GCM') {
      if (![16, 24, 32].includes(bytes.length)) return fail('Invalid key length', 'DataError')
      for (const u of usages)
        if (!['encrypt', 'decrypt', 'wrapKey', 'unwrapKey'].includes(u))
          return fail('Unsupported key usage for an AES key', 'SyntaxError')
      return Promise.resolve(makeKey({ name: 'AES-GCM', length: bytes.length * 8 }, extractable, usages, bytes))
    }
    return fail('Unrecognized algorithm name', 'NotSupportedError')
  }

  function usable(key, alg, usage) {
    if (!(key instanceof CryptoKey)) throw new TypeError('The "key" argument must be an instance of CryptoKey.')
    if (key.algorithm.name !== alg.name || !key.usages.includes(usage))
      throw new (DOMException())(`Unable to use this key to ${usage}`, 'InvalidAccessError')
    return key[kData]
  }
  const hmacOf = (key, data) => hashes().hmac(hashes().digests[HASHES[key.algorithm.hash.name]], key[kData], data)

  async function aes(op, alg, key, data) {
    const a = normalize(alg)
    if (!a || a.name !== 'AES-GCM') throw new (DOMException())('Unrecognized algorithm name', 'NotSupportedError')
    const raw = usable(key, a, op)
    const tagLength = a.tagLength === undefined ? 128 : a.tagLength
    if (tagLength !== 128)
      throw new (DOMException())(`${tagLength} is not a valid AES-GCM tag length`, 'OperationError')
    const cipher = gcm(raw, bytesOf(a.iv), a.additionalData === undefined ? undefined : bytesOf(a.additionalData))
    if (op === 'encrypt') return bufferOf(cipher.encrypt(bytesOf(data)))
    try {
      return bufferOf(cipher.decrypt(bytesOf(data)))
    } catch {
      throw new (DOMException())('The operation failed for an operation-specific reason', 'OperationError')
    }
  }

  const subtle = {
    async digest(alg, data) {
      const a = normalize(alg)
      if (!a || !HASHES[a.name]) throw new (DOMException())('Unrecognized algorithm name', 'NotSupportedError')
      return bufferOf(hashes().digests[HASHES[a.name]](bytesOf(data)))
    },
    async importKey(format, keyData, alg, extractable, usages) {
      if (format !== 'raw')
        throw new (DOMException())(`Unable to import ${alg && alg.name} key with format ${format}`, 'NotSupportedError')
      const a = normalize(alg)
      if (!a) throw new (DOMException())('Unrecognized algorithm name', 'NotSupportedError')
      return keyFor(a, extractable, usages, bytesOf(keyData))
    },
    async generateKey(alg, extractable, usages) {
      const a = normalize(alg)
      if (!a) throw new (DOMException())('Unrecognized algorithm name', 'NotSupportedError')
      const h = a.name === 'HMAC' ? hashName(a.hash) : undefined
      const bits = a.length !== undefined ? a.length : a.name === 'HMAC' ? (h ? BLOCK_BITS[h] : 512) : 0
      if (a.name === 'AES-GCM' && ![128, 192, 256].includes(bits))
        throw new (DOMException())('AES key length must be 128, 192, or 256 bits', 'OperationError')
      const bytes = new Uint8Array(Math.ceil(bits / 8))
      globalThis.crypto.getRandomValues(bytes)
      return keyFor(a, extractable, usages, bytes)
    },
    async exportKey(format, key) {
      if (!(key instanceof CryptoKey)) throw new TypeError('The "key" argument must be an instance of CryptoKey.')
      if (!key.extractable) throw new (DOMException())('key is not extractable', 'InvalidAccessException')
      if (format !== 'raw')
        throw new (DOMException())(`Unable to export a raw ${key.algorithm.name} key`, 'NotSupportedError')
      return bufferOf(key[kData])
    },
    async sign(alg, key, data) {
      const a = normalize(alg)
      if (!a || a.name !== 'HMAC') throw new (DOMException())('Unrecognized algorithm name', 'NotSupportedError')
      usable(key, a, 'sign')
      return bufferOf(hmacOf(key, bytesOf(data)))
    },
    async verify(alg, key, signature, data) {
      const a = normalize(alg)
      if (!a || a.name !== 'HMAC') throw new (DOMException())('Unrecognized algorithm name', 'NotSupportedError')
      usable(key, a, 'verify')
      const mac = hmacOf(key, bytesOf(data))
      const sig = bytesOf(signature)
      if (sig.length !== mac.length) return false
      let diff = 0
      for (let i = 0; i < mac.length; i++) diff |= mac[i] ^ sig[i]
      return diff === 0
    },
    encrypt: (alg, key, data) => aes('encrypt', alg, key, data),
    decrypt: (alg, key, data) => aes('decrypt', alg, key, data),
  }
  Object.defineProperty(subtle, Symbol.toStringTag, { value: 'SubtleCrypto', configurable: true })
  return { subtle, CryptoKey }
}
