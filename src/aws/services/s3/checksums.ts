// Object checksums, as S3 computes and checks them: the MD5 ETag, and the flexible checksums
// (CRC32, CRC32C, CRC64NVME, SHA1, SHA256) that SDKs send with uploads and verify on downloads.
// A value is the base64 of the big-endian digest, as in the x-amz-checksum-* headers.
import { md5, sha1 } from '@noble/hashes/legacy.js'
import { sha256 } from '@noble/hashes/sha2.js'

export type ChecksumAlgorithm = 'CRC32' | 'CRC32C' | 'CRC64NVME' | 'SHA1' | 'SHA256'
export const CHECKSUM_ALGORITHMS: ChecksumAlgorithm[] = ['CRC32', 'CRC32C', 'CRC64NVME', 'SHA1', 'SHA256']

function crc32Table(poly: number): Uint32Array {
  const t = new Uint32Array(256)
  for (let i = 0; i < 256; i++) {
    let c = i
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ poly : c >>> 1
    t[i] = c >>> 0
  }
  return t
}
const CRC32 = crc32Table(0xedb88320)
const CRC32C = crc32Table(0x82f63b78)

function crc32With(table: Uint32Array, data: Uint8Array): Uint8Array {
  let c = 0xffffffff
  for (let i = 0; i < data.length; i++) c = table[(c ^ data[i]) & 0xff] ^ (c >>> 8)
  c = (c ^ 0xffffffff) >>> 0
  return Uint8Array.of(c >>> 24, (c >>> 16) & 0xff, (c >>> 8) & 0xff, c & 0xff)
}

// CRC-64/NVME (reflected polynomial 0x9A6C9329AC4BC9B5), on 32-bit halves for speed.
const NVME_HI = new Uint32Array(256)
const NVME_LO = new Uint32Array(256)
for (let i = 0; i < 256; i++) {
  let hi = 0
  let lo = i
  for (let k = 0; k < 8; k++) {
    const bit = lo & 1
    lo = ((lo >>> 1) | ((hi & 1) << 31)) >>> 0
    hi = hi >>> 1
    if (bit) {
      hi = (hi ^ 0x9a6c9329) >>> 0
      lo = (lo ^ 0xac4bc9b5) >>> 0
    }
  }
  NVME_HI[i] = hi
  NVME_LO[i] = lo
}

function crc64nvme(data: Uint8Array): Uint8Array {
  let hi = 0xffffffff
  let lo = 0xffffffff
  for (let i = 0; i < data.length; i++) {
    const idx = (lo ^ data[i]) & 0xff
    const nlo = ((lo >>> 8) | ((hi & 0xff) << 24)) >>> 0
    const nhi = hi >>> 8
    hi = (nhi ^ NVME_HI[idx]) >>> 0
    lo = (nlo ^ NVME_LO[idx]) >>> 0
  }
  hi = (hi ^ 0xffffffff) >>> 0
  lo = (lo ^ 0xffffffff) >>> 0
  return Uint8Array.of(
    hi >>> 24,
    (hi >>> 16) & 0xff,
    (hi >>> 8) & 0xff,
    hi & 0xff,
    lo >>> 24,
    (lo >>> 16) & 0xff,
    (lo >>> 8) & 0xff,
    lo & 0xff,
  )
}

export function base64(bytes: Uint8Array): string {
  let s = ''
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(s)
}

export function fromBase64(s: string): Uint8Array | null {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(s) || s.length % 4 !== 0) return null
  try {
    return Uint8Array.from(atob(s), (c) => c.charCodeAt(0))
  } catch {
    return null
  }
}

export function digest(algorithm: ChecksumAlgorithm, data: Uint8Array): Uint8Array {
  switch (algorithm) {
    case 'CRC32':
      return crc32With(CRC32, data)
    case 'CRC32C':
      return crc32With(CRC32C, data)
    case 'CRC64NVME':
      return crc64nvme(data)
    case 'SHA1':
      return sha1(data)
    case 'SHA256':
      return sha256(data)
  }
}

export const checksum = (algorithm: ChecksumAlgorithm, data: Uint8Array) => base64(digest(algorithm, data))
export const DIGEST_LENGTH: Record<ChecksumAlgorithm, number> = {
  CRC32: 4,
  CRC32C: 4,
  CRC64NVME: 8,
  SHA1: 20,
  SHA256: 32,
}

export function md5Base64(data: Uint8Array): string {
  return base64(md5(data))
}

export function md5Hex(data: Uint8Array): string {
  let s = ''
  for (const b of md5(data)) s += b.toString(16).padStart(2, '0')
  return s
}
