// DynamoDB numbers: decimal, up to 38 significant digits, magnitude 1E-130 … 9.99…E+125, exact.
// They are kept as strings (never JS floats), normalised the way DynamoDB returns them (plain
// notation, no leading/trailing zeros: "1e3" → "1000", "0.50" → "0.5", "-0" → "0"), compared and
// added exactly (BigInt on aligned scales).

export interface Decimal {
  /** -1, 0 or 1 */
  sign: number
  /** Significant digits, no leading or trailing zeros ('' for zero). */
  digits: string
  /** value = sign × digits × 10^scale */
  scale: number
}

export class NumberError extends Error {}

const NUMBER_RE = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d{1,9})?$/

/** Parse and check a DynamoDB number; throws NumberError with DynamoDB's message. */
export function parseNumber(text: string): Decimal {
  if (text === '') throw new NumberError('The parameter cannot be converted to a numeric value')
  if (text.length > 1000 || !NUMBER_RE.test(text))
    throw new NumberError(`The parameter cannot be converted to a numeric value: ${text}`)
  let s = text
  let sign = 1
  if (s[0] === '+' || s[0] === '-') {
    if (s[0] === '-') sign = -1
    s = s.slice(1)
  }
  let exp = 0
  const e = s.search(/[eE]/)
  if (e >= 0) {
    exp = parseInt(s.slice(e + 1), 10)
    s = s.slice(0, e)
  }
  const dot = s.indexOf('.')
  let digits = s
  if (dot >= 0) {
    digits = s.slice(0, dot) + s.slice(dot + 1)
    exp -= s.length - dot - 1
  }
  let start = 0
  while (start < digits.length && digits[start] === '0') start++
  let end = digits.length
  while (end > start && digits[end - 1] === '0') {
    end--
    exp++
  }
  digits = digits.slice(start, end)
  if (digits === '') return { sign: 0, digits: '', scale: 0 }
  const d: Decimal = { sign, digits, scale: exp }
  checkRange(d)
  return d
}

/** The exponent of the most significant digit (1234 → 3, 0.05 → -2). */
const magnitude = (d: Decimal) => d.digits.length - 1 + d.scale

function checkRange(d: Decimal) {
  if (d.sign === 0) return
  const m = magnitude(d)
  if (m > 125)
    throw new NumberError('Number overflow. Attempting to store a number with magnitude larger than supported range')
  if (m < -130)
    throw new NumberError('Number underflow. Attempting to store a number with magnitude smaller than supported range')
  if (d.digits.length > 38) throw new NumberError('Attempting to store more than 38 significant digits in a Number')
}

/** Plain notation, as DynamoDB returns numbers. */
export function formatNumber(d: Decimal): string {
  if (d.sign === 0) return '0'
  const minus = d.sign < 0 ? '-' : ''
  if (d.scale >= 0) return minus + d.digits + '0'.repeat(d.scale)
  const point = d.digits.length + d.scale
  if (point > 0) return minus + d.digits.slice(0, point) + '.' + d.digits.slice(point)
  return minus + '0.' + '0'.repeat(-point) + d.digits
}

/** Validate and normalise a number string (throws NumberError). */
export const normalizeNumber = (text: string): string => formatNumber(parseNumber(text))

export function compareNumbers(a: string, b: string): number {
  return compareDecimals(parseNumber(a), parseNumber(b))
}

export function compareDecimals(a: Decimal, b: Decimal): number {
  if (a.sign !== b.sign) return a.sign < b.sign ? -1 : 1
  if (a.sign === 0) return 0
  const ma = magnitude(a)
  const mb = magnitude(b)
  let c: number
  if (ma !== mb) c = ma < mb ? -1 : 1
  else {
    const len = Math.max(a.digits.length, b.digits.length)
    const da = a.digits.padEnd(len, '0')
    const db = b.digits.padEnd(len, '0')
    c = da === db ? 0 : da < db ? -1 : 1
  }
  return a.sign < 0 ? -c : c
}

function toDecimal(value: bigint, scale: number): Decimal {
  if (value === 0n) return { sign: 0, digits: '', scale: 0 }
  const sign = value < 0n ? -1 : 1
  let digits = (value < 0n ? -value : value).toString()
  let end = digits.length
  while (end > 1 && digits[end - 1] === '0') {
    end--
    scale++
  }
  digits = digits.slice(0, end)
  return { sign, digits, scale }
}

/** a + b (or a − b), exactly; throws NumberError when the result leaves DynamoDB's range or precision. */
export function addNumbers(a: string, b: string, subtract = false): string {
  const x = parseNumber(a)
  const y = parseNumber(b)
  if (y.sign === 0) return formatNumber(x)
  const ys: Decimal = subtract ? { ...y, sign: -y.sign } : y
  if (x.sign === 0) return formatNumber(ys)
  const scale = Math.min(x.scale, ys.scale)
  const big = (d: Decimal) => BigInt(d.sign) * BigInt(d.digits) * 10n ** BigInt(d.scale - scale)
  const result = toDecimal(big(x) + big(ys), scale)
  checkRange(result)
  return formatNumber(result)
}

/** Size in bytes as DynamoDB counts a number: about one byte per two significant digits, plus one. */
export function numberSize(text: string): number {
  const d = parseNumber(text)
  if (d.sign === 0) return 1
  const n = d.digits.length
  const m = magnitude(d)
  return 1 + Math.ceil(n / 2) + (n % 2 !== 0 || m % 2 !== 0 ? 0 : 1) + (d.sign < 0 ? 1 : 0)
}
