// Numbers as EventBridge compares them.
//
// event-ruler compares a JSON number numerically only when the decimal text is exactly the double
// it parses to (301.8, 3.018e2 and 301.80 qualify; 12345678901234567891 does not: it has more
// digits than a double holds). Other numbers only match the same text exactly. Numeric ranges
// refuse them with "Cannot compare number : <text>". Ordering is that of IEEE-754 doubles, with
// -0 below 0.

export interface NumberInfo {
  readonly text: string
  readonly value: number
  /** True when the text is exactly representable as a double (event-ruler's "comparable number"). */
  readonly comparable: boolean
}

/** Canonical decimal form (digits without leading or trailing zeros, and a power of ten), or null. */
function canonicalDecimal(text: string): { neg: boolean; digits: string; exp: number } | null {
  const m = /^([-+]?)(\d*)(?:\.(\d*))?(?:[eE]([-+]?\d+))?$/.exec(text)
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return null
  let digits = m[2] + (m[3] ?? '')
  let exp = (m[4] ? parseInt(m[4], 10) : 0) - (m[3] ?? '').length
  const lead = digits.search(/[^0]/)
  if (lead < 0) return { neg: false, digits: '0', exp: 0 }
  digits = digits.slice(lead)
  let end = digits.length
  while (digits.charCodeAt(end - 1) === 48) end--
  exp += digits.length - end
  digits = digits.slice(0, end)
  return { neg: m[1] === '-', digits, exp }
}

function sameDecimal(a: string, b: string): boolean {
  const x = canonicalDecimal(a)
  const y = canonicalDecimal(b)
  return !!x && !!y && x.digits === y.digits && x.exp === y.exp && (x.digits === '0' || x.neg === y.neg)
}

export function numberInfo(text: string): NumberInfo {
  const value = Number(text)
  // Cheap exits first: long exponents and huge texts are never exact doubles worth the work.
  const comparable = Number.isFinite(value) && text.length <= 400 && sameDecimal(text, String(value))
  return { text, value, comparable }
}

/** A key under which numerically equal comparable numbers coincide (-0 and 0 stay apart, as in event-ruler). */
export function numberKey(value: number): string {
  return Object.is(value, -0) ? '-0' : String(value)
}

/** Total order of doubles with -0 < 0. */
export function compareNumbers(a: number, b: number): number {
  if (a < b) return -1
  if (a > b) return 1
  if (a === 0 && b === 0) {
    const na = Object.is(a, -0)
    const nb = Object.is(b, -0)
    return na === nb ? 0 : na ? -1 : 1
  }
  return 0
}
