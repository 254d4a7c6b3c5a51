// Condition operators, with IAM's semantics for missing keys, multiple values and set operators
// ("IAM JSON policy elements: Condition operators"; "Creating a condition with multiple keys or
// values"):
//   - values listed for one key are ORed; keys and operators in one Condition block are ANDed;
//   - a key absent from the request makes a condition false, except for the negated operators
//     (StringNotEquals, ArnNotLike, NotIpAddress, …), which are then true; `…IfExists` makes any
//     operator true for an absent key; `Null` tests presence itself;
//   - negated operators with several values are true only if the request matches none of them;
//   - `ForAllValues:` is true when every request value matches (and when the key is absent or
//     empty); `ForAnyValue:` when at least one does (false when absent or empty).
// Policy variables are resolved in String*, Arn* and Bool values (IAM allows them nowhere else).
import { arnMatch, isMatchAll, splitSegments, wildcardMatch } from '../arn.ts'
import { NEGATED_OPERATORS, type BaseOperator, type ConditionClause } from './policy.ts'
import { hasVariables, resolveVariables, unescapeLiteral, type VariableLookup } from './variables.ts'
import { cidrContains, parseCidr, parseIamDate, parseIamNumber, parseIp } from './values.ts'

const POSITIVE: Partial<Record<BaseOperator, BaseOperator>> = {
  StringNotEquals: 'StringEquals',
  StringNotEqualsIgnoreCase: 'StringEqualsIgnoreCase',
  StringNotLike: 'StringLike',
  NumericNotEquals: 'NumericEquals',
  DateNotEquals: 'DateEquals',
  NotIpAddress: 'IpAddress',
  ArnNotEquals: 'ArnEquals',
  ArnNotLike: 'ArnLike',
}

const VARIABLE_OPERATORS = new Set<BaseOperator>([
  'StringEquals',
  'StringEqualsIgnoreCase',
  'StringLike',
  'ArnEquals',
  'ArnLike',
  'Bool',
])

export interface CompiledCondition {
  clause: ConditionClause
  keyLower: string
  negated: boolean
  /** The positive operator to test (StringEquals for StringNotEquals). */
  positive: BaseOperator
  /** Per policy value: does it need variable substitution? */
  dynamic: boolean[]
  hasDynamic: boolean
  /** Arn* operators: each static policy value split into its six segments (null: not an ARN pattern). */
  arnPatterns?: (string[] | null)[]
}

export function compileCondition(clause: ConditionClause, variablesSupported: boolean): CompiledCondition {
  const base = clause.op.base
  const positive = POSITIVE[base] ?? base
  const dynamic = clause.values.map((v) => variablesSupported && VARIABLE_OPERATORS.has(positive) && hasVariables(v))
  const compiled: CompiledCondition = {
    clause,
    keyLower: clause.key.toLowerCase(),
    negated: NEGATED_OPERATORS.has(base),
    positive,
    dynamic,
    hasDynamic: dynamic.some(Boolean),
  }
  if (positive === 'ArnLike' || positive === 'ArnEquals') compiled.arnPatterns = clause.values.map(arnPatternSegments)
  return compiled
}

function arnPatternSegments(pattern: string): string[] | null {
  const p = splitSegments(pattern)
  return p.length === 6 ? p : null
}

function arnSegmentsMatch(p: string[] | null, v: string[] | undefined, pattern: string, value: string): boolean {
  if (isMatchAll(pattern)) return true
  if (!v || !p) return pattern === value
  for (let i = 0; i < 6; i++) if (!wildcardMatch(p[i], v[i])) return false
  return true
}

/** What the explainer wants to know about one condition. */
export interface ConditionTrace {
  operator: string
  key: string
  policyValues: string[]
  /** The request's values for the key (undefined when the request has no such key). */
  requestValues?: string[]
  matched: boolean
  /** Plain English, e.g. `aws:SourceAccount is "111122223333", not "123456789012"`. */
  reason: string
}

export function evaluateCondition(c: CompiledCondition, lookup: VariableLookup, trace?: ConditionTrace[]): boolean {
  const { clause } = c
  const { op } = clause
  const values = lookup(c.keyLower)
  const absent = values === undefined || values.length === 0
  let result: boolean
  if (op.base === 'Null') {
    // {"Null": {"key": "true"}} holds when the key is absent; "false" when it is present.
    result = clause.values.some((v) => (v.toLowerCase() === 'true') === absent)
  } else if (absent) {
    if (op.ifExists || op.set === 'ForAllValues') result = true
    else if (op.set === 'ForAnyValue') result = false
    else result = c.negated
  } else {
    result = combine(c, values, c.hasDynamic ? resolvePolicyValues(c, lookup) : undefined)
  }
  if (trace) trace.push(traceOf(c, values, result))
  return result
}

/** Does the request value match any of the policy's values (positive operator)? */
function matchesAny(c: CompiledCondition, rv: string, resolved: (string | undefined)[] | undefined): boolean {
  const values = c.clause.values
  if (c.arnPatterns && !resolved) {
    // Arn* with static patterns: split the request value once, compare segment by segment.
    const segs = splitSegments(rv)
    const v = segs.length === 6 && segs[0] === 'arn' ? segs : undefined
    for (let i = 0; i < values.length; i++) if (arnSegmentsMatch(c.arnPatterns[i], v, values[i], rv)) return true
    return false
  }
  for (let i = 0; i < values.length; i++) {
    const pv = resolved ? resolved[i] : values[i]
    if (pv !== undefined && matchOne(c.positive, rv, pv, c.dynamic[i])) return true
  }
  return false
}

/** Apply the set operator (or none) and the negation over the request's values. */
function combine(c: CompiledCondition, values: string[], resolved: (string | undefined)[] | undefined): boolean {
  const set = c.clause.op.set
  if (set === 'ForAllValues') {
    for (const rv of values) if (matchesAny(c, rv, resolved) === c.negated) return false
    return true
  }
  if (set === 'ForAnyValue') {
    for (const rv of values) if (matchesAny(c, rv, resolved) !== c.negated) return true
    return false
  }
  for (const rv of values) if (matchesAny(c, rv, resolved)) return !c.negated
  return c.negated
}

function resolvePolicyValues(c: CompiledCondition, lookup: VariableLookup): (string | undefined)[] {
  const escape = c.positive === 'StringLike' || c.positive === 'ArnLike' || c.positive === 'ArnEquals'
  return c.clause.values.map((v, i) => {
    if (!c.dynamic[i]) return v
    const resolved = resolveVariables(v, lookup, escape)
    return resolved
  })
}

/**
 * Does one request value satisfy one policy value under a positive operator? `resolved` says the
 * policy value came from variable substitution (and may hold literal-wildcard markers).
 */
export function matchOne(op: BaseOperator, requestValue: string, policyValue: string, resolved = false): boolean {
  switch (op) {
    case 'StringEquals':
      return requestValue === (resolved ? unescapeLiteral(policyValue) : policyValue)
    case 'StringEqualsIgnoreCase':
      return requestValue.toLowerCase() === (resolved ? unescapeLiteral(policyValue) : policyValue).toLowerCase()
    case 'StringLike':
      return wildcardMatch(policyValue, requestValue)
    case 'ArnEquals':
    case 'ArnLike':
      return arnMatch(policyValue, requestValue, 'exact')
    case 'Bool':
      return requestValue.toLowerCase() === (resolved ? unescapeLiteral(policyValue) : policyValue).toLowerCase()
    case 'BinaryEquals':
      return requestValue === policyValue
    case 'IpAddress': {
      const cidr = parseCidr(policyValue)
      const ip = parseIp(requestValue)
      return cidr !== undefined && ip !== undefined && cidrContains(cidr, ip)
    }
    case 'NumericEquals':
    case 'NumericLessThan':
    case 'NumericLessThanEquals':
    case 'NumericGreaterThan':
    case 'NumericGreaterThanEquals':
      return compare(op, parseIamNumber(requestValue), parseIamNumber(policyValue))
    case 'DateEquals':
    case 'DateLessThan':
    case 'DateLessThanEquals':
    case 'DateGreaterThan':
    case 'DateGreaterThanEquals':
      return compare(op, parseIamDate(requestValue), parseIamDate(policyValue))
    default:
      return false
  }
}

function compare(op: BaseOperator, a: number | undefined, b: number | undefined): boolean {
  if (a === undefined || b === undefined) return false
  if (op.endsWith('LessThanEquals')) return a <= b
  if (op.endsWith('LessThan')) return a < b
  if (op.endsWith('GreaterThanEquals')) return a >= b
  if (op.endsWith('GreaterThan')) return a > b
  return a === b
}

const quote = (v: string) => JSON.stringify(v)
const list = (vs: string[]) => (vs.length === 1 ? quote(vs[0]) : `one of ${vs.map(quote).join(', ')}`)

function traceOf(c: CompiledCondition, values: string[] | undefined, matched: boolean): ConditionTrace {
  const { clause } = c
  const absent = values === undefined || values.length === 0
  const key = clause.key
  let reason: string
  if (clause.op.base === 'Null') {
    reason = absent ? `${key} is not in the request` : `${key} is in the request (${list(values!)})`
  } else if (absent) {
    if (clause.op.ifExists) reason = `${key} is not in the request, and ${clause.operator} is true for a missing key`
    else if (clause.op.set === 'ForAllValues')
      reason = `${key} is not in the request, and ForAllValues is true for no values`
    else if (clause.op.set === 'ForAnyValue')
      reason = `${key} is not in the request, and ForAnyValue needs at least one value`
    else if (c.negated) reason = `${key} is not in the request, so it cannot equal ${list(clause.values)}`
    else reason = `${key} is not in the request`
  } else {
    const shown = values!.length === 1 ? quote(values![0]) : `[${values!.map(quote).join(', ')}]`
    reason = matched
      ? `${key} is ${shown}, which satisfies ${clause.operator} ${list(clause.values)}`
      : `${key} is ${shown}, which does not satisfy ${clause.operator} ${list(clause.values)}`
  }
  return {
    operator: clause.operator,
    key,
    policyValues: clause.values,
    requestValues: values,
    matched,
    reason,
  }
}
