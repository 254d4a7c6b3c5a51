// IP addresses and CIDR blocks in event patterns (IPv4 and IPv6), with event-ruler's rules and messages.
//
// A pattern string that is an IP address matches the same address written another way
// ("::1" = "0:0:0:0:0:0:0:1"); `{"cidr": "10.0.0.0/24"}` matches addresses in the block. Only strings
// shaped like an address are parsed (four dotted decimals, or hex digits and colons), as event-ruler does.
import { PatternError } from './json-tokens.ts'

const IPV4 = /^[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+$/
const IPV6 = /^[0-9a-fA-F:]*:[0-9a-fA-F:]*$/

export interface IpRange {
  readonly min: Uint8Array
  readonly max: Uint8Array
}

function parseV4(ip: string): Uint8Array | null {
  const parts = ip.split('.')
  const out = new Uint8Array(4)
  for (let i = 0; i < 4; i++) {
    if (parts[i].length > 3) return null
    const v = parseInt(parts[i], 10)
    if (v > 255) return null
    out[i] = v
  }
  return out
}

function parseV6(ip: string): Uint8Array | null {
  if (ip.length > 45) return null
  const halves = ip.split('::')
  if (halves.length > 2) return null
  const groups = (s: string) => (s === '' ? [] : s.split(':'))
  const head = groups(halves[0])
  const tail = halves.length === 2 ? groups(halves[1]) : []
  const total = head.length + tail.length
  if (halves.length === 1 ? total !== 8 : total > 7) return null
  const all = [...head, ...new Array<string>(8 - total).fill('0'), ...tail]
  const out = new Uint8Array(16)
  for (let i = 0; i < 8; i++) {
    const g = all[i]
    if (g.length === 0 || g.length > 4) return null
    const v = parseInt(g, 16)
    out[2 * i] = v >> 8
    out[2 * i + 1] = v & 0xff
  }
  // An IPv4-mapped address (::ffff:a.b.c.d) is an IPv4 address, as Java's InetAddress has it.
  if (out.subarray(0, 10).every((b) => b === 0) && out[10] === 0xff && out[11] === 0xff) return out.slice(12)
  return out
}

/** The address's bytes, or null when the text is not an address (the event-side reading). */
export function parseIp(text: string): Uint8Array | null {
  if (IPV4.test(text)) return parseV4(text)
  if (IPV6.test(text)) return parseV6(text)
  return null
}

/** Pattern-side reading: refuses what event-ruler refuses, with its messages. */
function ipToBytes(ip: string): Uint8Array {
  if (!IPV4.test(ip) && !IPV6.test(ip)) throw new PatternError(`Nonstandard IP address: ${ip}`)
  const bytes = IPV4.test(ip) ? parseV4(ip) : parseV6(ip)
  if (!bytes) throw new PatternError(`Invalid IP address: ${ip}`)
  return bytes
}

export function ipInRange(ip: Uint8Array, range: IpRange): boolean {
  if (ip.length !== range.min.length) return false
  for (let i = 0; i < ip.length; i++) {
    if (ip[i] !== range.min[i]) {
      if (ip[i] < range.min[i]) return false
      break
    }
  }
  for (let i = 0; i < ip.length; i++) {
    if (ip[i] !== range.max[i]) return ip[i] < range.max[i]
  }
  return true
}

/** `{"cidr": "…"}`: errors are thrown without a location, as EventBridge reports them. */
export function parseCidr(cidr: string): IpRange {
  const parts = cidr.split('/')
  while (parts.length > 1 && parts[parts.length - 1] === '') parts.pop()
  if (parts.length !== 2) throw new PatternError("Malformed CIDR, one '/' required")
  if (!/^[-+]?\d{1,10}$/.test(parts[1]) || Math.abs(parseInt(parts[1], 10)) > 2147483647) {
    throw new PatternError('Malformed CIDR, mask bits must be an integer')
  }
  const bits = parseInt(parts[1], 10)
  if (bits < 0) throw new PatternError('Malformed CIDR, mask bits must not be negative')
  const ip = ipToBytes(parts[0])
  if (ip.length === 4 && bits > 31) throw new PatternError('IPv4 mask bits must be < 32')
  if (ip.length === 16 && bits > 127) throw new PatternError('IPv6 mask bits must be < 128')
  const min = new Uint8Array(ip.length)
  const max = new Uint8Array(ip.length)
  for (let i = 0; i < ip.length; i++) {
    const fixed = Math.max(0, Math.min(8, bits - 8 * i))
    const mask = (0xff << (8 - fixed)) & 0xff
    min[i] = ip[i] & mask
    max[i] = ip[i] | (~mask & 0xff)
  }
  return { min, max }
}

/** A pattern string that is an IP address becomes a one-address range (else null: plain string match). */
export function ipExactRange(text: string): IpRange | null {
  const ip = parseIp(text)
  return ip ? { min: ip, max: ip } : null
}
