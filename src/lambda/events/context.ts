// What every sample event is built from: the Region, account and time it is for (checked), the
// formats of times AWS uses, and the example shop's own values (Kettle & Co.).
import type { SampleEventOptions } from './types.ts'

export const DEFAULT_REGION = 'us-east-1'
export const DEFAULT_ACCOUNT_ID = '123456789012'
export const DEFAULT_TIME = Date.UTC(2025, 5, 12, 9, 41, 27, 512)

export interface Ctx {
  /** region */ r: string
  /** account id */ a: string
  /** partition */ p: string
  /** DNS suffix */ d: string
  /** epoch ms */ t: number
}

export function context(opts: SampleEventOptions = {}): Ctx {
  const r = opts.region ?? DEFAULT_REGION
  const a = opts.accountId ?? DEFAULT_ACCOUNT_ID
  const t = opts.time ?? DEFAULT_TIME
  if (typeof r !== 'string' || !/^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d{1,2}$/.test(r)) {
    throw new Error(`A sample event needs an AWS Region such as "us-east-1"; got ${JSON.stringify(r)}.`)
  }
  if (typeof a !== 'string' || !/^\d{12}$/.test(a)) {
    throw new Error(`A sample event needs a 12-digit AWS account id such as "123456789012"; got ${JSON.stringify(a)}.`)
  }
  if (typeof t !== 'number' || !Number.isFinite(t) || t < 0 || t > 253402300799999) {
    throw new Error(`A sample event needs a time in epoch milliseconds between 0 and year 9999; got ${String(t)}.`)
  }
  const p = r.startsWith('cn-') ? 'aws-cn' : r.startsWith('us-gov-') ? 'aws-us-gov' : 'aws'
  return { r, a, p, d: p === 'aws-cn' ? 'amazonaws.com.cn' : 'amazonaws.com', t: Math.floor(t) }
}

export const iso = (t: number) => new Date(t).toISOString()
/** ISO 8601 without milliseconds: 2025-06-12T09:41:27Z */
export const isoS = (t: number) => iso(t).slice(0, 19) + 'Z'
export const MONTHS = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ')
/** API Gateway's request time: 12/Jun/2025:09:41:27 +0000 */
export function clf(t: number): string {
  const d = new Date(t)
  const two = (n: number) => String(n).padStart(2, '0')
  return `${two(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`
}
export const multi = (o: Record<string, string>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, [v]]))

export const SHOPPER_IP = '203.0.113.24'
export const BROWSER_UA =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15'
export const REST_API_ID = 'k9tl3xq2mw'
export const HTTP_API_ID = 'r4v1ewz8sh'
