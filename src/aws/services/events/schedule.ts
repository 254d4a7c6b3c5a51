// Schedule expressions for EventBridge rules: `rate(5 minutes)` and `cron(0 12 * * ? *)`.
// They are validated and stored; firing them on the virtual clock is the next issue's work.

const RATE = /^rate\((\d+) (minute|minutes|hour|hours|day|days)\)$/
const CRON = /^cron\((.+)\)$/

const MONTHS = 'JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC'
const DAYS = 'SUN|MON|TUE|WED|THU|FRI|SAT'

function fieldOk(value: string, min: number, max: number, names = '', extra = ''): boolean {
  const atom = `(?:\\d{1,4}${names ? `|${names}` : ''})`
  const part = new RegExp(`^(?:\\*|${atom}(?:-${atom})?)(?:/\\d{1,4})?${extra ? `|^(?:${extra})` : ''}$`)
  return value.split(',').every((p) => {
    if (!part.test(p)) return false
    const nums = p.match(/\d+/g) ?? []
    return nums.every((n, i) => (p.includes('/') && i === nums.length - 1) || (Number(n) >= min && Number(n) <= max))
  })
}

/** True when EventBridge would accept the expression. */
export function validScheduleExpression(expr: string): boolean {
  const rate = RATE.exec(expr)
  if (rate) {
    const n = Number(rate[1])
    if (n < 1) return false
    return n === 1 ? !rate[2].endsWith('s') : rate[2].endsWith('s')
  }
  const cron = CRON.exec(expr)
  if (!cron) return false
  const f = cron[1].trim().split(/\s+/)
  if (f.length !== 6) return false
  const [minutes, hours, dom, month, dow, year] = f
  if (!fieldOk(minutes, 0, 59) || !fieldOk(hours, 0, 23)) return false
  if (!(dom === '?' || fieldOk(dom, 1, 31, '', 'L|LW|\\d{1,2}W'))) return false
  if (!fieldOk(month, 1, 12, MONTHS)) return false
  if (!(dow === '?' || fieldOk(dow, 1, 7, DAYS, `L|(?:[1-7]|${DAYS})L|(?:[1-7]|${DAYS})#[1-5]`))) return false
  if (!fieldOk(year, 1970, 2199)) return false
  // One of day-of-month and day-of-week must be '?'.
  return (dom === '?') !== (dow === '?')
}
