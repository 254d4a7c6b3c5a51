// The policy model: what a validated IAM policy document says, with where each statement sits
// in the text (so the explainer can highlight it and the simulator can report its position).

/** Which grammar a document is checked against. */
export type PolicyKind =
  /** Identity-based: attached to a user or role (inline or managed). No Principal; Resource required. */
  | 'identity'
  /** Resource-based: a function, bucket, queue or topic policy. Principal required. */
  | 'resource'
  /** A role's trust policy (AssumeRolePolicyDocument). Principal required; no Resource. */
  | 'trust'

/** The condition operators IAM knows, without the set prefix or the IfExists suffix. */
export const BASE_OPERATORS = [
  'StringEquals',
  'StringNotEquals',
  'StringEqualsIgnoreCase',
  'StringNotEqualsIgnoreCase',
  'StringLike',
  'StringNotLike',
  'NumericEquals',
  'NumericNotEquals',
  'NumericLessThan',
  'NumericLessThanEquals',
  'NumericGreaterThan',
  'NumericGreaterThanEquals',
  'DateEquals',
  'DateNotEquals',
  'DateLessThan',
  'DateLessThanEquals',
  'DateGreaterThan',
  'DateGreaterThanEquals',
  'Bool',
  'BinaryEquals',
  'IpAddress',
  'NotIpAddress',
  'ArnEquals',
  'ArnLike',
  'ArnNotEquals',
  'ArnNotLike',
  'Null',
] as const

export type BaseOperator = (typeof BASE_OPERATORS)[number]

/** Operators whose result is the negation of a positive match (true when the key is absent). */
export const NEGATED_OPERATORS: ReadonlySet<BaseOperator> = new Set<BaseOperator>([
  'StringNotEquals',
  'StringNotEqualsIgnoreCase',
  'StringNotLike',
  'NumericNotEquals',
  'DateNotEquals',
  'NotIpAddress',
  'ArnNotEquals',
  'ArnNotLike',
])

export interface ParsedOperator {
  base: BaseOperator
  set?: 'ForAnyValue' | 'ForAllValues'
  ifExists: boolean
}

/** Split `ForAnyValue:StringLikeIfExists` into its parts; undefined if IAM doesn't know it. */
export function parseOperator(name: string): ParsedOperator | undefined {
  let rest = name
  let set: ParsedOperator['set']
  if (rest.startsWith('ForAnyValue:')) {
    set = 'ForAnyValue'
    rest = rest.slice('ForAnyValue:'.length)
  } else if (rest.startsWith('ForAllValues:')) {
    set = 'ForAllValues'
    rest = rest.slice('ForAllValues:'.length)
  }
  let ifExists = false
  if (rest.endsWith('IfExists')) {
    ifExists = true
    rest = rest.slice(0, -'IfExists'.length)
  }
  if (!(BASE_OPERATORS as readonly string[]).includes(rest)) return undefined
  if (rest === 'Null' && ifExists) return undefined
  return { base: rest as BaseOperator, set, ifExists }
}

/** A Principal or NotPrincipal element, normalised. */
export interface PrincipalSpec {
  /** `"Principal": "*"` or `{"AWS": "*"}`: everyone. */
  all: boolean
  aws: string[]
  service: string[]
  federated: string[]
  canonicalUser: string[]
}

/** One condition: an operator applied to one key with one or more values (values are ORed). */
export interface ConditionClause {
  /** As written: `ForAnyValue:StringLike`. */
  operator: string
  op: ParsedOperator
  /** As written; matching against the request context is case-insensitive. */
  key: string
  values: string[]
  /** Offset of the key in the policy text. */
  start: number
}

export interface PolicyStatement {
  /** Position in the Statement list (0-based). */
  index: number
  sid?: string
  effect: 'Allow' | 'Deny'
  action?: string[]
  notAction?: string[]
  resource?: string[]
  notResource?: string[]
  principal?: PrincipalSpec
  notPrincipal?: PrincipalSpec
  conditions: ConditionClause[]
  /** Offsets of the statement object (`{` … `}`) in the policy text. */
  start: number
  end: number
}

export interface PolicyDocument {
  kind: PolicyKind
  /** `2012-10-17`, `2008-10-17`, or undefined when absent (IAM then reads it as 2008-10-17). */
  version?: string
  id?: string
  statements: PolicyStatement[]
  /** The text the offsets refer to. */
  source: string
}

/** Do policy variables (`${aws:username}`) apply? Only in 2012-10-17 documents. */
export function supportsVariables(doc: PolicyDocument): boolean {
  return doc.version === '2012-10-17'
}
