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

export function requestId(format: 'uuid' | 'dynamodb' | 's3' = 'uuid'): string {
  if (format === 'dynamodb') return randomString(52, UPPER_ALNUM)
  if (format === 's3') return randomString(16, '0123456789ABCDEF')
  return uuid()
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
