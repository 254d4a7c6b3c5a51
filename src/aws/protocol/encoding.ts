// Byte-level helpers every codec needs, with no dependency on Node's Buffer (the account also runs
// in a browser Worker): UTF-8, base64 (strict, as AWS checks it), CRC32 (DynamoDB's x-amz-crc32).

const encoder = new TextEncoder()
const decoder = new TextDecoder()

export const utf8 = (s: string): Uint8Array => encoder.encode(s)
export const fromUtf8 = (b: Uint8Array): string => decoder.decode(b)

/** Number of bytes of `s` in UTF-8, without allocating. */
export function utf8Length(s: string): number {
  let n = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c < 0x80) n += 1
    else if (c < 0x800) n += 2
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1)
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4
        i++
      } else n += 3
    } else n += 3
  }
  return n
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
const LOOKUP = new Int16Array(128).fill(-1)
for (let i = 0; i < ALPHABET.length; i++) LOOKUP[ALPHABET.charCodeAt(i)] = i

export function toBase64(bytes: Uint8Array): string {
  let out = ''
  const n = bytes.length
  let i = 0
  const chunk: string[] = []
  for (; i + 2 < n; i += 3) {
    const v = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2]
    chunk.push(ALPHABET[v >> 18], ALPHABET[(v >> 12) & 63], ALPHABET[(v >> 6) & 63], ALPHABET[v & 63])
    if (chunk.length >= 4096) {
      out += chunk.join('')
      chunk.length = 0
    }
  }
  if (i < n) {
    const v = (bytes[i] << 16) | ((i + 1 < n ? bytes[i + 1] : 0) << 8)
    chunk.push(ALPHABET[v >> 18], ALPHABET[(v >> 12) & 63], i + 1 < n ? ALPHABET[(v >> 6) & 63] : '=', '=')
  }
  return out + chunk.join('')
}

/** Why a string is not base64, in the words AWS's JSON services use; undefined when it is. */
export function base64Problem(s: string): string | undefined {
  if (s.length % 4 !== 0) return `Base64 encoded length is expected a multiple of 4 bytes but found: ${s.length}`
  let pad = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c === 61 /* = */) {
      if (i < s.length - 2) return 'Invalid Base64 character dectected'
      pad++
      continue
    }
    if (pad > 0 || c >= 128 || LOOKUP[c] < 0) return 'Invalid Base64 character dectected'
  }
  if (pad > 0) {
    const last = LOOKUP[s.charCodeAt(s.length - pad - 1)]
    if ((pad === 1 && (last & 3) !== 0) || (pad === 2 && (last & 15) !== 0))
      return 'Invalid last non-pad Base64 character dectected'
  }
  return undefined
}

/** Decode base64 (call base64Problem first to report malformed input). */
export function fromBase64(s: string): Uint8Array {
  let len = s.length
  while (len > 0 && s.charCodeAt(len - 1) === 61) len--
  const out = new Uint8Array(Math.floor((len * 3) / 4))
  let o = 0
  let acc = 0
  let bits = 0
  for (let i = 0; i < len; i++) {
    const v = LOOKUP[s.charCodeAt(i) & 127]
    if (v < 0) continue
    acc = (acc << 6) | v
    bits += 6
    if (bits >= 8) {
      bits -= 8
      out[o++] = (acc >> bits) & 255
    }
  }
  return o === out.length ? out : out.subarray(0, o)
}

let crcTable: Uint32Array | undefined
export function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256)
    for (let n = 0; n < 256; n++) {
      let c = n
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
      crcTable[n] = c >>> 0
    }
  }
  let crc = 0xffffffff
  for (let i = 0; i < bytes.length; i++) crc = crcTable[(crc ^ bytes[i]) & 255] ^ (crc >>> 8)
  return (crc ^ 0xffffffff) >>> 0
}

/** Escape text for XML element content and attribute values. */
export function xmlEscape(s: string): string {
  let out = ''
  let last = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    let rep: string | undefined
    if (c === 38) rep = '&amp;'
    else if (c === 60) rep = '&lt;'
    else if (c === 62) rep = '&gt;'
    else if (c === 34) rep = '&quot;'
    else if (c === 39) rep = '&apos;'
    else if (c === 13) rep = '&#xD;'
    else if (c === 10) rep = '&#xA;'
    else if (c < 32 && c !== 9) rep = `&#x${c.toString(16).toUpperCase()};`
    if (rep !== undefined) {
      out += s.slice(last, i) + rep
      last = i + 1
    }
  }
  return last === 0 ? s : out + s.slice(last)
}

/** A Date as AWS writes timestamps in XML and query protocols: 2024-01-02T03:04:05.000Z → 2024-01-02T03:04:05Z when whole seconds. */
export function isoTimestamp(d: Date): string {
  const s = d.toISOString()
  return s.endsWith('.000Z') ? s.slice(0, -5) + 'Z' : s
}

/**
 * Set an own, enumerable property, even one named `__proto__` (a legal DynamoDB attribute or map
 * key): plain assignment would change the object's prototype instead.
 */
export function setOwn<T>(obj: Record<string, T>, key: string, value: T): void {
  if (key === '__proto__')
    Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true })
  else obj[key] = value
}
