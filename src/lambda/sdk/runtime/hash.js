// The SDK's SHA-256 (SigV4 signing hashes the payload and the canonical request and derives the
// signature with HMACs: about ten digests per request). The host computes them when it offers
// `internals.sha256` (src/lambda/sandbox/host-bridge.ts): same bytes, a fraction of the time of a
// JavaScript SHA-256 interpreted by QuickJS. Without it, the SDK's own Sha256Js.
/* global __lf_internals */
import { Sha256Js } from '@smithy/core/checksum'

function part(data) {
  if (typeof data === 'string') return data
  if (data instanceof ArrayBuffer) return new Uint8Array(data)
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
  throw new TypeError('Sha256: data must be a string, an ArrayBuffer or a typed array')
}

/** What crosses to the host: a string (hashed as UTF-8) or a whole ArrayBuffer. */
function crossing(p) {
  if (typeof p === 'string') return p
  return p.byteOffset === 0 && p.byteLength === p.buffer.byteLength ? p.buffer : p.slice().buffer
}

function joined(parts) {
  if (parts.length === 0) return ''
  if (parts.length === 1) return parts[0]
  let strings = true
  for (const p of parts) if (typeof p !== 'string') strings = false
  if (strings) return parts.join('')
  const encoder = new TextEncoder()
  const bytes = parts.map((p) => (typeof p === 'string' ? encoder.encode(p) : p))
  let n = 0
  for (const b of bytes) n += b.byteLength
  const out = new Uint8Array(n)
  let at = 0
  for (const b of bytes) {
    out.set(b, at)
    at += b.byteLength
  }
  return out
}

/** The Sha256 constructor clients get by default (the SDK's Checksum interface). */
export function sha256Class() {
  const host = __lf_internals.sha256
  if (typeof host !== 'function') return Sha256Js
  return class Sha256 {
    constructor(secret) {
      this.secret = secret === undefined || secret === null ? undefined : part(secret)
      this.parts = []
    }

    update(data) {
      this.parts.push(part(data))
    }

    digestSync() {
      const key = this.secret === undefined ? undefined : crossing(this.secret)
      return new Uint8Array(host(key, crossing(joined(this.parts))))
    }

    async digest() {
      return this.digestSync()
    }

    reset() {
      this.parts = []
    }
  }
}
