/**
 * The learner's simulated AWS account as the playground stores it and as a share link carries it: an
 * account snapshot (src/aws `account.snapshot()`, plain JSON) without its credentials (access keys
 * are secrets, and a fresh Worker's admin keys work as they are). Checked here before it reaches the
 * Worker — type, size, depth, known services — so a hostile or corrupt record gets a clear message
 * quickly and never a stack overflow; the account's own `restore()` then validates every service's
 * contents (and refuses with the part's name, changing nothing). Pure functions.
 *
 * The model: one account per learner, shared by every playground workspace, as on AWS (the Worker's
 * main instance is one account holding every workspace's function). Lab checks run on their own
 * instance and are not saved.
 */
import { isRecord } from '../../shared/is-record.ts'

/** The services a snapshot may hold (the account's SDK ids). */
export const KNOWN_SERVICES = [
  'iam',
  'sts',
  'dynamodb',
  's3',
  'sqs',
  'sns',
  'events',
  'lambda',
  'logs',
  'cloudwatch',
] as const

export const ACCOUNT_LIMITS = Object.freeze({
  /** Characters of JSON kept in the browser's storage (the whole playground record shares ~5 MB). */
  storedChars: 1_000_000,
  /** Characters of JSON a share link carries (before compression); a larger account stays out of the link. */
  shareChars: 32_768,
  /** Nesting depth (a DynamoDB item's maps and lists are the deepest real parts). */
  depth: 64,
  /** Values (objects, arrays, strings, numbers…) in all. */
  nodes: 250_000,
})

export interface SavedAccount {
  /** The snapshot without `credentials`. */
  snapshot: Record<string, unknown>
  /** ISO time it was taken. */
  savedAt: string
}

export type AccountCheck =
  { ok: true; snapshot: Record<string, unknown>; setAside: string[] } | { ok: false; reason: string }

const fmt = (n: number) => n.toLocaleString('en-US')

/** Depth and size of a JSON value, without recursion (a hostile value may nest 100,000 levels). */
function shapeProblem(v: unknown): string | undefined {
  const stack: [unknown, number][] = [[v, 1]]
  let nodes = 0
  while (stack.length) {
    const [x, d] = stack.pop()!
    if (++nodes > ACCOUNT_LIMITS.nodes) return `it has more than ${fmt(ACCOUNT_LIMITS.nodes)} values`
    if (x === null || typeof x !== 'object') {
      if (typeof x === 'number' && !Number.isFinite(x)) return 'it holds a number JSON cannot write'
      if (typeof x === 'function' || typeof x === 'symbol' || typeof x === 'bigint')
        return 'it holds a value JSON cannot write'
      continue
    }
    if (d > ACCOUNT_LIMITS.depth) return `it is nested too deeply (more than ${ACCOUNT_LIMITS.depth} levels)`
    const children = Array.isArray(x) ? x : Object.values(x)
    for (let i = 0; i < children.length; i++) stack.push([children[i], d + 1])
  }
  return undefined
}

/**
 * Checks a saved or shared account snapshot. Keeps the known services; unknown ones (written by a
 * newer version, or made up) are set aside and named. `maxChars` bounds its JSON.
 */
export function checkAccountSnapshot(v: unknown, maxChars: number = ACCOUNT_LIMITS.storedChars): AccountCheck {
  if (!isRecord(v))
    return {
      ok: false,
      reason: `it is not an object (got ${v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v})`,
    }
  if (v.version !== 1)
    return { ok: false, reason: `its format version must be 1, got ${JSON.stringify(v.version) ?? 'nothing'}` }
  if (typeof v.accountId !== 'string' || !/^\d{12}$/.test(v.accountId))
    return { ok: false, reason: 'its account id is not 12 digits' }
  if (typeof v.region !== 'string' || !/^[a-z]{2}(-[a-z]+)+-\d{1,2}$/.test(v.region))
    return { ok: false, reason: 'its region is not a region name' }
  if (!isRecord(v.services)) return { ok: false, reason: '"services" is not an object' }
  const problem = shapeProblem(v.services)
  if (problem) return { ok: false, reason: problem }
  let chars: number
  try {
    chars = JSON.stringify(v.services).length
  } catch {
    return { ok: false, reason: 'it cannot be written as JSON' }
  }
  if (chars > maxChars) return { ok: false, reason: `it takes ${fmt(chars)} characters; at most ${fmt(maxChars)}` }
  const services: Record<string, unknown> = {}
  const setAside: string[] = []
  for (const id of Object.keys(v.services)) {
    const part = v.services[id]
    if (!(KNOWN_SERVICES as readonly string[]).includes(id)) setAside.push(id.length > 40 ? `${id.slice(0, 37)}…` : id)
    else if (!isRecord(part)) return { ok: false, reason: `its ${id} part is not an object` }
    else services[id] = part
  }
  return {
    ok: true,
    snapshot: { version: 1, accountId: v.accountId, region: v.region, services },
    setAside,
  }
}

export interface SanitizeAccountResult {
  account?: SavedAccount
  /** For the load notice; undefined when the saved account was fine. */
  message?: string
}

/** Validates the stored account of a playground record (absent is fine). */
export function sanitizeSavedAccount(v: unknown, now = new Date()): SanitizeAccountResult {
  if (v === undefined) return {}
  const fresh =
    'Your saved AWS account (roles, tables, queues…) could not be read, so the account starts fresh; your code, test events and configuration were kept.'
  if (!isRecord(v)) return { message: fresh }
  const checked = checkAccountSnapshot(v.snapshot)
  if (!checked.ok) return { message: fresh.replace('could not be read', `could not be read (${checked.reason})`) }
  const savedAt =
    typeof v.savedAt === 'string' && v.savedAt.length <= 40 && !Number.isNaN(Date.parse(v.savedAt))
      ? v.savedAt
      : now.toISOString()
  return {
    account: { snapshot: checked.snapshot, savedAt },
    ...(checked.setAside.length
      ? {
          message: `Your saved AWS account had parts this version does not know (${checked.setAside.join(', ')}); they were set aside and the rest was kept.`,
        }
      : {}),
  }
}

/** An account snapshot ready to store or share: without credentials (undefined if it is not one). */
export function storableSnapshot(snapshot: unknown): Record<string, unknown> | undefined {
  if (!isRecord(snapshot)) return undefined
  const { credentials: _c, ...rest } = snapshot
  return rest
}

/** A one-line description of what an account holds, for notices ("1 role, 2 tables, 1 queue"). */
export function describeAccount(snapshot: Record<string, unknown>): string {
  const services = isRecord(snapshot.services) ? snapshot.services : {}
  const count = (service: string, key: string): number => {
    const s = services[service]
    const v = isRecord(s) ? s[key] : undefined
    return Array.isArray(v) ? v.length : 0
  }
  const parts: [number, string][] = [
    [count('iam', 'roles'), 'role'],
    [count('iam', 'policies'), 'managed policy'],
    [count('dynamodb', 'tables'), 'table'],
    [count('s3', 'buckets'), 'bucket'],
  ]
  const text = parts
    .filter(([n]) => n > 0)
    .map(([n, w]) => `${n} ${w === 'managed policy' && n > 1 ? 'managed policies' : `${w}${n > 1 ? 's' : ''}`}`)
  return text.length ? text.join(', ') : 'no roles, tables or buckets'
}

export interface AccountForShare {
  account?: Record<string, unknown>
  /** Why the link leaves the account out (too large, not readable), for the Share button's message. */
  note?: string
}

/** The account a share link carries: the snapshot without credentials when it is small enough; otherwise none, and why. */
export function accountForShare(snapshot: unknown): AccountForShare {
  const snap = storableSnapshot(snapshot)
  if (!snap) return {}
  const checked = checkAccountSnapshot(snap, Number.POSITIVE_INFINITY)
  if (!checked.ok || checked.setAside.length)
    return { note: 'Your AWS account could not be added to the link, so it carries the function only.' }
  const chars = JSON.stringify(checked.snapshot.services).length
  if (chars > ACCOUNT_LIMITS.shareChars)
    return {
      note: `Your AWS account takes ${fmt(chars)} characters, more than the ${fmt(ACCOUNT_LIMITS.shareChars)} a link carries, so the link has the function only (its code, test event and configuration).`,
    }
  return { account: checked.snapshot }
}
