// Identifiers as AWS writes them: request ids (uuid for most services, 52 upper-case characters for
// DynamoDB, 16 hex for S3), access key ids, secrets and session tokens.

const BUF = new Uint8Array(256)
let pos = BUF.length

function randomByte(): number {
  if (pos >= BUF.length) {
    globalThis.crypto.getRandomValues(BUF)
    pos = 0
  }
  return BUF[pos++]
}

/** `n` characters drawn uniformly from `alphabet` (rejection sampling, no modulo bias). */
export function randomString(n: number, alphabet: string): string {
  const limit = 256 - (256 % alphabet.length)
  let out = ''
  while (out.length < n) {
    const b = randomByte()
    if (b < limit) out += alphabet[b % alphabet.length]
  }
  return out
}

const HEX = '0123456789abcdef'
const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'
const BASE64ISH = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

export function uuid(): string {
  const h = randomString(32, HEX)
  const variant = HEX[8 + (parseInt(h[16], 16) & 3)]
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`
}

// Request ids need to look random and never repeat, not to be secret: a xoshiro128** generator
// seeded once from crypto makes them without a crypto call per request.
const seed = new Uint32Array(4)
let seeded = false
function next32(): number {
  if (!seeded) {
    globalThis.crypto.getRandomValues(seed)
    if ((seed[0] | seed[1] | seed[2] | seed[3]) === 0) seed[0] = 1
    seeded = true
  }
  const result = Math.imul(rotl(Math.imul(seed[1], 5), 7), 9) >>> 0
  const t = seed[1] << 9
  seed[2] ^= seed[0]
  seed[3] ^= seed[1]
  seed[1] ^= seed[2]
  seed[0] ^= seed[3]
  seed[2] ^= t
  seed[3] = rotl(seed[3], 11)
  return result
}
const rotl = (x: number, k: number) => (x << k) | (x >>> (32 - k))

function fastString(n: number, alphabet: string): string {
  let out = ''
  while (out.length < n) {
    let r = next32()
    // 5 characters from each 32-bit draw (alphabets here have at most 36 symbols: bias < 1e-7).
    for (let i = 0; i < 5 && out.length < n; i++) {
      out += alphabet[r % alphabet.length]
      r = Math.floor(r / alphabet.length)
    }
  }
  return out
}

export function requestId(format: 'uuid' | 'dynamodb' | 's3' = 'uuid'): string {
  if (format === 'dynamodb') return fastString(52, UPPER_ALNUM)
  if (format === 's3') return fastString(16, '0123456789ABCDEF')
  const h = fastString(32, HEX)
  const variant = HEX[8 + (parseInt(h[16], 16) & 3)]
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`
}

/** AKIA… (long-term, IAM users) or ASIA… (temporary, STS) + 16 characters. */
export const accessKeyId = (temporary: boolean) =>
  (temporary ? 'ASIA' : 'AKIA') + randomString(16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')
export const secretAccessKey = () => randomString(40, BASE64ISH)
/** Real session tokens are long opaque base64; ours start like them. */
export const sessionToken = () => 'IQoJb3JpZ2luX2VjE' + randomString(280, BASE64ISH)
/** Unique ids of IAM entities: AIDA (users), AROA (roles) + 17 characters. */
export const uniqueId = (prefix: 'AIDA' | 'AROA' | 'ANPA' | 'AGPA') =>
  prefix + randomString(17, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')
