// The MD5 digests SQS returns with every message, which SDKs check: MD5OfMessageBody and
// MD5OfMessageAttributes / MD5OfMessageSystemAttributes, by SQS's documented algorithm
// (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-message-metadata.html):
// attributes sorted by name; for each, the name, the data type, a transport byte (1 = String or
// Number, 2 = Binary) and the value, every variable part preceded by its length as a 4-byte
// big-endian integer.
import type { MessageAttributeValue } from '@aws-sdk/client-sqs'
import { md5 } from '@noble/hashes/legacy.js'
import { sha256 } from '@noble/hashes/sha2.js'

const enc = new TextEncoder()

export function hex(bytes: Uint8Array): string {
  let s = ''
  for (const b of bytes) s += b.toString(16).padStart(2, '0')
  return s
}

export function md5Hex(data: string | Uint8Array): string {
  return hex(md5(typeof data === 'string' ? enc.encode(data) : data))
}

export function sha256Hex(data: string): string {
  return hex(sha256(enc.encode(data)))
}

/** MD5 of message (or system) attributes; undefined when there are none, as SQS omits it. */
export function md5OfAttributes(attrs: Record<string, MessageAttributeValue> | undefined): string | undefined {
  const names = Object.keys(attrs ?? {}).sort()
  if (names.length === 0) return undefined
  const parts: Uint8Array[] = []
  const push = (bytes: Uint8Array) => {
    const len = new Uint8Array(4)
    new DataView(len.buffer).setUint32(0, bytes.length)
    parts.push(len, bytes)
  }
  for (const name of names) {
    const a = attrs![name]
    push(enc.encode(name))
    push(enc.encode(a.DataType ?? ''))
    if (a.BinaryValue !== undefined) {
      parts.push(Uint8Array.of(2))
      push(a.BinaryValue)
    } else {
      parts.push(Uint8Array.of(1))
      push(enc.encode(a.StringValue ?? ''))
    }
  }
  const total = parts.reduce((n, p) => n + p.length, 0)
  const all = new Uint8Array(total)
  let off = 0
  for (const p of parts) {
    all.set(p, off)
    off += p.length
  }
  return md5Hex(all)
}
