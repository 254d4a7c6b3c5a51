// Amazon Resource Names: parsing, formatting, and the wildcard matching IAM uses.
//
//   arn:partition:service:region:account-id:resource
//
// The resource part may itself contain colons (`function:my-fn:PROD`, `log-group:/aws/x:*`), so an
// ARN is split at its first five colons only. IAM compares the partition, service, region and
// account segments one by one, and the resource part as a whole; `*` and `?` wildcards match
// within a segment and never across the colons that separate segments, but inside the resource
// part they match anything, `/` and `:` included ("Using wildcards in resource ARNs", IAM User
// Guide; "ArnLike … each of the six colon-delimited components of the ARN is checked separately").
//
// Matching is linear-ish and never uses regular expressions built from policy text: a glob with
// `*` and `?` is matched by the classic two-pointer algorithm (worst case O(pattern × text), no
// exponential backtracking), so hostile patterns cannot stall the page.

export interface Arn {
  partition: string
  service: string
  region: string
  accountId: string
  /** Everything after the fifth colon (`table/orders`, `function:my-fn`, `bucket/key`). */
  resource: string
}

/** Parse an ARN; `undefined` when the string is not `arn:` followed by at least five more colons. */
export function parseArn(value: string): Arn | undefined {
  if (!value.startsWith('arn:')) return undefined
  const parts = splitSegments(value)
  if (parts.length < 6) return undefined
  return { partition: parts[1], service: parts[2], region: parts[3], accountId: parts[4], resource: parts[5] }
}

export function formatArn(arn: Arn): string {
  return `arn:${arn.partition}:${arn.service}:${arn.region}:${arn.accountId}:${arn.resource}`
}

/** Is this string an ARN (`arn:` and five colons)? */
export function isArn(value: string): boolean {
  return parseArn(value) !== undefined
}

/**
 * Split at the first five colons: up to six segments, the last one keeping any further colons.
 * `arn:aws:s3:::bucket/a:b` → ['arn', 'aws', 's3', '', '', 'bucket/a:b'].
 */
export function splitSegments(value: string): string[] {
  const out: string[] = []
  let start = 0
  for (let i = 0; i < 5; i++) {
    const c = value.indexOf(':', start)
    if (c < 0) break
    out.push(value.slice(start, c))
    start = c + 1
  }
  out.push(value.slice(start))
  return out
}

/** Does the text contain an IAM wildcard (`*` or `?`)? */
export function hasWildcard(text: string): boolean {
  return text.includes('*') || text.includes('?')
}

/**
 * IAM wildcard match of a whole string: `*` matches any run of characters (including none),
 * `?` exactly one. Case-sensitive; lower-case both sides first for case-insensitive matches.
 * In the pattern, U+E000 and U+E001 match a literal `*` and `?` (see iam/variables.ts).
 */
export function wildcardMatch(pattern: string, text: string): boolean {
  let p = 0
  let t = 0
  let star = -1
  let mark = 0
  const pl = pattern.length
  const tl = text.length
  while (t < tl) {
    if (p < pl) {
      const pc = pattern.charCodeAt(p)
      if (pc === 42 /* * */) {
        star = p++
        mark = t
        continue
      }
      const tc = text.charCodeAt(t)
      // U+E000/U+E001 stand for a literal `*`/`?` (from `${*}`, `${?}` or a variable's value).
      if (pc === 63 /* ? */ || pc === tc || (pc === 0xe000 && tc === 42) || (pc === 0xe001 && tc === 63)) {
        p++
        t++
        continue
      }
    }
    if (star < 0) return false
    p = star + 1
    t = ++mark
  }
  while (p < pl && pattern.charCodeAt(p) === 42) p++
  return p === pl
}

/** A pattern that is only wildcards (`*`, `**`) matches everything, including the non-ARN `*`. */
export function isMatchAll(pattern: string): boolean {
  if (pattern.length === 0) return false
  for (let i = 0; i < pattern.length; i++) if (pattern.charCodeAt(i) !== 42) return false
  return true
}

/**
 * Segment-aware ARN match, as IAM matches `Resource` elements and `ArnLike` conditions: the
 * pattern's and the value's first five segments are compared one by one, the resource parts as
 * wholes. A value that is not an ARN only matches a pattern that is all wildcards or equal to it.
 *
 * `shortPatterns` says what a pattern with fewer than six segments means (`arn:aws:s3:*`):
 * `'expand'` pads it with `*` segments (identity policies), `'wildcardOnly'` pads it only if it
 * contains a wildcard and otherwise matches nothing (resource-based policies), `'exact'` never
 * pads (conditions).
 */
export function arnMatch(
  pattern: string,
  value: string,
  shortPatterns: 'expand' | 'wildcardOnly' | 'exact' = 'exact',
): boolean {
  if (isMatchAll(pattern)) return true
  const v = splitSegments(value)
  if (v.length < 6 || v[0] !== 'arn') return pattern === value
  const p = splitSegments(pattern)
  if (p.length < 6) {
    if (shortPatterns === 'exact') return false
    if (shortPatterns === 'wildcardOnly' && !hasWildcard(pattern)) return false
    while (p.length < 6) p.push('*')
  }
  for (let i = 0; i < 6; i++) if (!wildcardMatch(p[i], v[i])) return false
  return true
}

/** The account id in an ARN, or undefined. */
export function arnAccount(value: string): string | undefined {
  return parseArn(value)?.accountId
}

/** `arn:aws:iam::123456789012:root` */
export function accountRootArn(accountId: string, partition = 'aws'): string {
  return `arn:${partition}:iam::${accountId}:root`
}

/** Is this a twelve-digit AWS account id? */
export function isAccountId(value: string): boolean {
  return /^\d{12}$/.test(value)
}
