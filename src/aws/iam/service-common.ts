// What the iam service's operations share: IAM's errors, paging, tags, policy-document checks.
import { AwsError } from '../errors.ts'
import type { OperationContext, OperationDefinition } from '../types.ts'
import { checkPolicyDocument } from './grammar.ts'
import { limitExceeded, LIMITS, policySize } from './limits.ts'
import type { PolicyKind } from './policy.ts'
import type { PolicyCache } from './policy-cache.ts'
import type { IamStore, Tag } from './store.ts'
import { Checks, DOCUMENT, NAME } from './validation.ts'
import type { IamAuthorizer } from './authorizer.ts'

/** What every operation closes over. */
export interface IamServiceState {
  store: IamStore
  cache: PolicyCache
  authorizer: IamAuthorizer
  region: string
}

export type Op<I, O> = OperationDefinition<I, O>

/** Declare an operation with its SDK input and output types (erased to the service table's type). */
export function op<I, O>(def: Op<I, O>): OperationDefinition<never, unknown> {
  return def as unknown as OperationDefinition<never, unknown>
}

export const noSuchEntity = (message: string) => new AwsError('NoSuchEntity', message, 404)
export const entityAlreadyExists = (message: string) => new AwsError('EntityAlreadyExists', message, 409)
export const deleteConflict = (message: string) => new AwsError('DeleteConflict', message, 409)
export const invalidInput = (message: string) => new AwsError('InvalidInput', message, 400)

export const now = (ctx: OperationContext) => Math.floor(ctx.clock.now())
export const date = (ms: number) => new Date(ms)

/** IAM's paging: MaxItems (1–1000, default 100) and an opaque Marker. */
export function paginate<T>(
  items: T[],
  input: { Marker?: string; MaxItems?: number },
): { page: T[]; IsTruncated: boolean; Marker?: string } {
  const checks = new Checks()
  checks.integer('maxItems', input.MaxItems, 1, 1000)
  checks.string('marker', input.Marker, {
    min: 1,
    max: 320,
    pattern: /^[\u0020-\u00ff]+$/,
    patternText: '[\\u0020-\\u00FF]+',
  })
  checks.done()
  let start = 0
  if (input.Marker !== undefined) {
    const decoded = /^M([0-9]{1,7})$/.exec(input.Marker)
    if (!decoded) throw invalidInput('Invalid Marker.')
    start = Number(decoded[1])
  }
  const max = input.MaxItems ?? 100
  const page = items.slice(start, start + max)
  const truncated = start + max < items.length
  return truncated ? { page, IsTruncated: true, Marker: `M${start + max}` } : { page, IsTruncated: false }
}

/** Check a Tags list (at most 50, unique keys without regard to case). */
export function checkTags(checks: Checks, field: string, tags: unknown): void {
  if (tags === undefined) return
  if (!Array.isArray(tags)) {
    checks.violations.push({ field, value: tags, constraint: 'Member must be a list' })
    return
  }
  if (tags.length > LIMITS.tags)
    checks.violations.push({
      field,
      value: '[…]',
      hideValue: true,
      constraint: 'Member must have length less than or equal to 50',
    })
  tags.forEach((t: unknown, i) => {
    const tag = (t ?? {}) as Record<string, unknown>
    checks.string(`${field}.${i + 1}.member.key`, tag.Key, {
      required: true,
      min: 1,
      max: 128,
      pattern: /^[\p{L}\p{Z}\p{N}_.:/=+\-@]+$/u,
      patternText: '[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+',
    })
    checks.string(`${field}.${i + 1}.member.value`, tag.Value, {
      required: true,
      max: 256,
      pattern: /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u,
      patternText: '[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*',
    })
  })
}

export function uniqueTagKeys(tags: Tag[]): void {
  const seen = new Set<string>()
  for (const t of tags) {
    const k = t.Key.toLowerCase()
    if (seen.has(k)) throw invalidInput('Duplicate tag keys found. Please note that Tag keys are case insensitive.')
    seen.add(k)
  }
}

/** Merge tags (TagRole/TagUser): same key (any case) replaces the value; at most 50 in all. */
export function mergeTags(existing: Tag[], added: Tag[]): Tag[] {
  uniqueTagKeys(added)
  const out = existing.map((t) => ({ ...t }))
  for (const t of added) {
    const i = out.findIndex((x) => x.Key.toLowerCase() === t.Key.toLowerCase())
    if (i >= 0) out[i] = { Key: t.Key, Value: t.Value }
    else out.push({ Key: t.Key, Value: t.Value })
  }
  if (out.length > LIMITS.tags) throw limitExceeded('The number of tags has reached the maximum limit.')
  return out
}

export function checkName(checks: Checks, field: string, value: unknown, max: number): void {
  checks.string(field, value, { required: true, min: 1, max, ...NAME })
}

export function checkDocumentParam(checks: Checks, field: string, value: unknown): void {
  checks.string(field, value, { required: true, min: 1, max: LIMITS.policyDocumentLength, ...DOCUMENT, hide: true })
}

/**
 * Size first (IAM refuses an oversized policy before reading it), then the grammar. Returns the
 * document unchanged; throws LimitExceeded or MalformedPolicyDocument.
 */
export function checkPolicy(
  state: IamServiceState,
  text: string,
  kind: PolicyKind,
  options: { maxSize?: number; sizeMessage?: () => string; requireCurrentVersion?: boolean } = {},
): string {
  if (options.maxSize !== undefined && policySize(text) > options.maxSize) throw limitExceeded(options.sizeMessage!())
  checkPolicyDocument(text, {
    kind,
    requireCurrentVersion: options.requireCurrentVersion,
    principalExists: (arn) => principalExists(state.store, arn),
  })
  return text
}

/** Trust policies may only name users and roles of this account that exist. */
export function principalExists(store: IamStore, arn: string): boolean {
  const m = /^arn:[^:]+:iam::(\d{12}):(user|role)\//.exec(arn)
  if (!m || m[1] !== store.accountId) return true
  return m[2] === 'role' ? store.roleByArn(arn) !== undefined : store.userByArn(arn) !== undefined
}

export const sortByName = <T extends { name: string }>(items: Iterable<T>): T[] =>
  [...items].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
