// SNS subscription filter policies: EventBridge's pattern language (the same engine, event-ruler),
// with SNS's own checks and messages around it.
//
// Differences from EventBridge, as SNS documents and answers them:
// - JSON syntax errors read "failed to parse JSON. <parser message>" with the source redacted;
// - at most 5 top-level keys and at most 150 combinations of values, counted as SNS documents
//   (nested keys weigh their depth) ("Filter policy can not have more than 5 keys", "Filter policy
//   is too complex");
// - with FilterPolicyScope MessageAttributes (the default) the policy is flat: keys are message
//   attribute names, matched against String values, Number values (numerically) and String.Array
//   values (each element); Binary attributes never match;
// - with MessageBody the policy reads the message body as JSON (a body that is not a JSON object
//   matches nothing).
import type { MessageAttributeValue } from '@aws-sdk/client-sns'
import {
  compilePattern,
  EventNumber,
  parseEventJson,
  PatternError,
  patternMatches,
  type CompiledPattern,
  type EventValue,
} from '../events/pattern/index.ts'
import { JsonTokens } from '../events/pattern/json-tokens.ts'

export type FilterPolicyScope = 'MessageAttributes' | 'MessageBody'
export const MAX_KEYS = 5
export const MAX_COMBINATIONS = 150

export class FilterPolicyError extends Error {}

/**
 * Checks JSON syntax the way SNS's own parser reports it (before the pattern compiler runs).
 * Returns whether an object sits directly inside an object (a nested policy).
 */
function checkSyntax(text: string): boolean {
  const p = new JsonTokens(text)
  const stack: string[] = []
  let nested = false
  try {
    do {
      const t = p.next()
      if (t === null) break
      if (t === 'START_OBJECT' || t === 'START_ARRAY') {
        if (t === 'START_OBJECT' && stack[stack.length - 1] === 'o') nested = true
        stack.push(t === 'START_OBJECT' ? 'o' : 'a')
      }
      if (t === 'END_OBJECT' || t === 'END_ARRAY') stack.pop()
      if (t === 'VALUE_STRING') p.text()
    } while (stack.length > 0)
    return nested
  } catch (e) {
    if (!(e instanceof PatternError)) throw e
    const at = /line: (\d+), column: (\d+)\]$/.exec(e.location ?? '')
    throw new FilterPolicyError(
      `failed to parse JSON. ${e.reason}\n at [Source: REDACTED (\`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION\` disabled); line: ${at?.[1] ?? 1}, column: ${at?.[2] ?? 1}]`,
    )
  }
}

/**
 * SNS's complexity measure (its documentation's, and what AWS answers): walking the policy in
 * order, each array multiplies the running count by its number of values and by its nesting depth
 * (a key three levels down counts three times); `$or` alternatives add up.
 */
function combinations(policy: Record<string, unknown>, depth = 1, start = 1): number {
  let n = start
  for (const [key, value] of Object.entries(policy)) {
    if (Array.isArray(value)) {
      if (key === '$or') {
        let sum = 0
        for (const branch of value)
          if (branch && typeof branch === 'object' && !Array.isArray(branch))
            sum += combinations(branch as Record<string, unknown>, depth, n)
        n = sum
      } else n = n * value.length * depth
    } else if (value && typeof value === 'object') n = combinations(value as Record<string, unknown>, depth + 1, n)
    if (n > 1e9) return n
  }
  return n
}

/**
 * Compiles a filter policy; throws FilterPolicyError with SNS's text after "FilterPolicy: " (or,
 * for a nested policy with the attributes scope, the whole message).
 */
export function compileFilterPolicy(text: string, scope: FilterPolicyScope): CompiledPattern {
  const nested = checkSyntax(text)
  let compiled: CompiledPattern
  try {
    compiled = compilePattern(text)
  } catch (e) {
    if (e instanceof PatternError) throw new FilterPolicyError(e.message)
    throw e
  }
  // The policy parsed and compiled: JSON.parse is safe on it (depth is bounded by the compiler).
  const raw = JSON.parse(text) as Record<string, unknown>
  // "A filter policy can have a maximum of five attribute names. For a nested policy, only parent keys are counted."
  if (Object.keys(raw).length > MAX_KEYS)
    throw new FilterPolicyError(`Filter policy can not have more than ${MAX_KEYS} keys`)
  if (scope === 'MessageAttributes' && nested) throw new FilterPolicyError('NESTED')
  if (combinations(raw) > MAX_COMBINATIONS) throw new FilterPolicyError('Filter policy is too complex')
  return compiled
}

/** The message attributes as the matcher reads them. */
export function attributesAsEvent(attrs: Record<string, MessageAttributeValue> | undefined): EventValue {
  const out = Object.create(null) as Record<string, EventValue>
  for (const [name, a] of Object.entries(attrs ?? {})) {
    const type = a.DataType?.split('.')[0]
    if (type === 'String' && a.DataType === 'String.Array') {
      try {
        const parsed = parseEventJson(a.StringValue ?? '')
        if (Array.isArray(parsed)) out[name] = parsed
      } catch {
        // not a JSON array: the attribute takes no part in filtering
      }
    } else if (type === 'String') out[name] = a.StringValue ?? ''
    else if (type === 'Number' && a.StringValue !== undefined) out[name] = new EventNumber(a.StringValue.trim())
  }
  return out
}

export function filterPolicyMatches(
  policy: CompiledPattern,
  scope: FilterPolicyScope,
  message: { body: string; attributes?: Record<string, MessageAttributeValue> },
): boolean {
  if (scope === 'MessageAttributes') return patternMatches(policy, attributesAsEvent(message.attributes))
  let body: EventValue
  try {
    body = parseEventJson(message.body)
  } catch {
    return false
  }
  return (
    typeof body === 'object' &&
    body !== null &&
    !Array.isArray(body) &&
    !(body instanceof EventNumber) &&
    patternMatches(policy, body)
  )
}
