// Parsing the typed values that condition operators compare: dates, numbers, IP addresses and
// CIDR ranges. All parsers are hand-written and linear: no value from a policy ever becomes a
// regular expression.

/**
 * A date as IAM reads it: W3C ISO 8601 (`2026-01-01`, `2026-01-01T12:00:00Z`,
 * `2026-01-01T12:00:00.123+02:00`, date-only and hour/minute precision too) or epoch seconds
 * (`1767225600`). Returns epoch milliseconds, or undefined when it is not a date IAM accepts.
 */
export function parseIamDate(text: string): number | undefined {
  const s = text.trim()
  if (/^\d{1,19}$/.test(s)) {
    // Epoch seconds; IAM accepts up to Long.MAX_VALUE ("The policy failed legacy parsing" above).
    if (s.length === 19 && s > '9223372036854775807') return undefined
    return Number(s) * 1000
  }
  const m =
    /^(-?\d{4,9})(?:-(\d{2})(?:-(\d{2}))?)?(?:[Tt](\d{1,2})(?::(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?)?([Zz]|[+-]\d{2}(?::?\d{2})?)?$/.exec(
      s,
    )
  if (!m) return undefined
  const [, y, mo, d, h, mi, sec, frac, zone] = m
  const year = Number(y)
  const month = mo ? Number(mo) : 1
  const day = d ? Number(d) : 1
  const hour = h ? Number(h) : 0
  const minute = mi ? Number(mi) : 0
  const second = sec ? Number(sec) : 0
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return undefined
  if (zone && !h) return undefined
  let ms = Date.UTC(0, month - 1, day, hour, minute, second, frac ? Number((frac + '00').slice(0, 3)) : 0)
  // Date.UTC maps years 0–99 to 1900–1999; set the full year explicitly.
  const date = new Date(ms)
  date.setUTCFullYear(year)
  ms = date.getTime()
  if (zone && zone !== 'Z' && zone !== 'z') {
    const sign = zone[0] === '-' ? -1 : 1
    const digits = zone.slice(1).replace(':', '')
    const zh = Number(digits.slice(0, 2))
    const zm = digits.length > 2 ? Number(digits.slice(2)) : 0
    if (zh > 23 || zm > 59) return undefined
    ms -= sign * (zh * 60 + zm) * 60_000
  }
  return Number.isFinite(ms) ? ms : undefined
}

/** A number as Numeric* operators read it (integers and decimals), or undefined. */
export function parseIamNumber(text: string): number | undefined {
  const s = text.trim()
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(s)) return undefined
  const n = Number(s)
  return Number.isFinite(n) ? n : undefined
}

/** An IP address as a big integer with its family, or undefined. */
export interface IpValue {
  v6: boolean
  /** 32 bits for IPv4, 128 for IPv6 (IPv4-mapped IPv6 addresses are read as IPv4). */
  value: bigint
}

export function parseIp(text: string): IpValue | undefined {
  const s = text.trim()
  if (s.includes(':')) return parseIpv6(s)
  const v4 = parseIpv4(s)
  return v4 === undefined ? undefined : { v6: false, value: BigInt(v4) }
}

function parseIpv4(s: string): number | undefined {
  const parts = s.split('.')
  if (parts.length !== 4) return undefined
  let out = 0
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p)) return undefined
    const n = Number(p)
    if (n > 255) return undefined
    out = out * 256 + n
  }
  return out
}

function parseIpv6(s: string): IpValue | undefined {
  if (s.length > 45) return undefined
  let head = s
  let tailV4: number | undefined
  const lastColon = s.lastIndexOf(':')
  if (s.slice(lastColon + 1).includes('.')) {
    tailV4 = parseIpv4(s.slice(lastColon + 1))
    if (tailV4 === undefined) return undefined
    head = s.slice(0, lastColon + 1) + '0:0'
  }
  const halves = head.split('::')
  if (halves.length > 2) return undefined
  const parse = (part: string) => (part === '' ? [] : part.split(':'))
  const left = parse(halves[0])
  const right = halves.length === 2 ? parse(halves[1]) : []
  const groups = halves.length === 2 ? 8 - left.length - right.length : 0
  if (halves.length === 1 && left.length !== 8) return undefined
  if (groups < 0 || (halves.length === 2 && groups < 1)) return undefined
  const all = [...left, ...Array<string>(groups).fill('0'), ...right]
  let value = 0n
  for (const g of all) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return undefined
    value = (value << 16n) | BigInt(parseInt(g, 16))
  }
  if (tailV4 !== undefined) value = (value & ~0xffffffffn) | BigInt(tailV4)
  // ::ffff:a.b.c.d is an IPv4 address.
  if (value >> 32n === 0xffffn) return { v6: false, value: value & 0xffffffffn }
  return { v6: true, value }
}

export interface CidrValue {
  v6: boolean
  network: bigint
  prefix: number
}

/** `203.0.113.0/24`, `2001:db8::/32`, or a bare address (a /32 or /128). */
export function parseCidr(text: string): CidrValue | undefined {
  const s = text.trim()
  const slash = s.indexOf('/')
  const ip = parseIp(slash < 0 ? s : s.slice(0, slash))
  if (!ip) return undefined
  const bits = ip.v6 ? 128 : 32
  let prefix = bits
  if (slash >= 0) {
    const p = s.slice(slash + 1)
    if (!/^\d{1,3}$/.test(p)) return undefined
    prefix = Number(p)
    if (prefix > bits) return undefined
  }
  const mask = prefix === 0 ? 0n : ((1n << BigInt(prefix)) - 1n) << BigInt(bits - prefix)
  return { v6: ip.v6, network: ip.value & mask, prefix }
}

export function cidrContains(cidr: CidrValue, ip: IpValue): boolean {
  if (cidr.v6 !== ip.v6) return false
  const bits = cidr.v6 ? 128 : 32
  const mask = cidr.prefix === 0 ? 0n : ((1n << BigInt(cidr.prefix)) - 1n) << BigInt(bits - cidr.prefix)
  return (ip.value & mask) === cidr.network
}
