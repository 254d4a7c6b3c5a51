// Key conditions of a Query: a resolved KeyConditionExpression turned into "partition key = value
// [AND a sort-key condition]", checked against the table's or index's key schema with DynamoDB's
// messages; and the attribute names a filter reads (a Query filter may not use key attributes).
import type { Condition, Operand, Path } from './expressions/check.ts'
import type { KeyNames } from './table.ts'
import { compareValues, invalidParam, typeOf, validation, type AttributeValue } from './values.ts'

export type RangeCondition =
  | { op: '=' | '<' | '<=' | '>' | '>='; value: AttributeValue }
  | { op: 'between'; low: AttributeValue; high: AttributeValue }
  | { op: 'begins_with'; value: AttributeValue }

export interface KeyCondition {
  hash: { name: string; value: AttributeValue }
  range?: { name: string; cond: RangeCondition }
}

const FLIP: Record<string, '=' | '<' | '<=' | '>' | '>='> = { '=': '=', '<': '>', '<=': '>=', '>': '<', '>=': '<=' }

function invalidKeyCondition(message: string) {
  return validation(message)
}

/** Turn a resolved KeyConditionExpression into (hash = v) [AND range-condition], with DynamoDB's messages. */
function keyConditionParts(c: Condition): Map<string, RangeCondition> {
  const out = new Map<string, RangeCondition>()
  const visit = (n: Condition) => {
    switch (n.k) {
      case 'and':
        visit(n.l)
        visit(n.r)
        return
      case 'or':
      case 'not':
      case 'in':
        throw invalidKeyCondition(`Invalid operator used in KeyConditionExpression: ${n.k.toUpperCase()}`)
      case 'exists':
      case 'not_exists':
      case 'type':
      case 'contains': {
        const name = {
          exists: 'attribute_exists',
          not_exists: 'attribute_not_exists',
          type: 'attribute_type',
          contains: 'contains',
        }[n.k]
        throw invalidKeyCondition(`Invalid operator used in KeyConditionExpression: ${name}`)
      }
      case 'cmp':
      case 'between':
      case 'begins_with': {
        const operands: Operand[] =
          n.k === 'cmp' ? [n.left, n.right] : n.k === 'between' ? [n.x, n.lo, n.hi] : [n.x, n.prefix]
        if (n.k === 'cmp' && n.op === '<>')
          throw invalidKeyCondition('Invalid operator used in KeyConditionExpression: <>')
        if (operands.some((o) => o.k === 'size'))
          throw invalidKeyCondition('KeyConditionExpressions cannot contain nested operations')
        if (n.k !== 'cmp' && operands[0].k !== 'path')
          throw invalidKeyCondition(
            `Invalid condition in KeyConditionExpression: ${n.k === 'between' ? 'BETWEEN' : 'begins_with'} operator must have the key attribute as its first operand`,
          )
        const paths = operands.filter((o): o is { k: 'path'; path: Path } => o.k === 'path')
        if (paths.length > 1)
          throw invalidKeyCondition(
            'Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition',
          )
        if (paths.length === 0)
          throw invalidKeyCondition('Invalid condition in KeyConditionExpression: No key attribute specified')
        if (paths[0].path.length > 1)
          throw invalidKeyCondition('KeyConditionExpressions cannot have conditions on nested attributes')
        const name = paths[0].path[0] as string
        if (out.has(name)) throw invalidKeyCondition('KeyConditionExpressions must only contain one condition per key')
        const vals = operands.filter((o) => o.k === 'value').map((o) => (o as { value: AttributeValue }).value)
        if (n.k === 'cmp') {
          const op = operands[0].k === 'path' ? n.op : FLIP[n.op]
          out.set(name, { op: op as '=' | '<' | '<=' | '>' | '>=', value: vals[0] })
        } else if (n.k === 'between') out.set(name, { op: 'between', low: vals[0], high: vals[1] })
        else out.set(name, { op: 'begins_with', value: vals[0] })
        return
      }
    }
  }
  visit(c)
  return out
}

export function resolveKeyCondition(c: Condition, keys: KeyNames, types: Record<string, string>): KeyCondition {
  const parts = keyConditionParts(c)
  const hashCond = parts.get(keys.hash)
  if (!hashCond) throw validation(`Query condition missed key schema element: ${keys.hash}`)
  for (const name of parts.keys()) {
    if (name !== keys.hash && name !== keys.range) {
      throw validation(
        parts.size > 2 || !keys.range
          ? 'Query key condition not supported'
          : `Query condition missed key schema element: ${keys.range}`,
      )
    }
  }
  if (hashCond.op !== '=') throw validation('Query key condition not supported')
  const check = (name: string, v: AttributeValue) => {
    if (typeOf(v) !== types[name]) throw invalidParam('Condition parameter type does not match schema type')
  }
  check(keys.hash, hashCond.value)
  const out: KeyCondition = { hash: { name: keys.hash, value: hashCond.value } }
  const rangeCond = keys.range ? parts.get(keys.range) : undefined
  if (rangeCond && keys.range) {
    if (rangeCond.op === 'between') {
      check(keys.range, rangeCond.low)
      check(keys.range, rangeCond.high)
    } else {
      if (rangeCond.op === 'begins_with' && types[keys.range] === 'N')
        throw validation(
          `Invalid KeyConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N`,
        )
      check(keys.range, rangeCond.value)
    }
    out.range = { name: keys.range, cond: rangeCond }
  }
  return out
}

export function matchesRange(v: AttributeValue | undefined, cond: RangeCondition): boolean {
  if (!v) return false
  if (cond.op === 'between') {
    const a = compareValues(cond.low, v)
    const b = compareValues(v, cond.high)
    return a !== undefined && b !== undefined && a <= 0 && b <= 0
  }
  if (cond.op === 'begins_with') {
    if (v.S !== undefined && cond.value.S !== undefined) return v.S.startsWith(cond.value.S)
    if (v.B !== undefined && cond.value.B !== undefined)
      return cond.value.B.length <= v.B.length && cond.value.B.every((b, i) => v.B![i] === b)
    return false
  }
  const c = compareValues(v, cond.value)
  if (c === undefined) return false
  return cond.op === '='
    ? c === 0
    : cond.op === '<'
      ? c < 0
      : cond.op === '<='
        ? c <= 0
        : cond.op === '>'
          ? c > 0
          : c >= 0
}

/** The top-level attribute names a condition reads. */
export function pathHeads(c: Condition | undefined, out = new Set<string>()): Set<string> {
  if (!c) return out
  const op = (o: Operand) => {
    if (o.k === 'path' || o.k === 'size') out.add(o.path[0] as string)
  }
  switch (c.k) {
    case 'and':
    case 'or':
      pathHeads(c.l, out)
      pathHeads(c.r, out)
      break
    case 'not':
      pathHeads(c.c, out)
      break
    case 'exists':
    case 'not_exists':
    case 'type':
      out.add(c.path[0] as string)
      break
    case 'cmp':
      op(c.left)
      op(c.right)
      break
    case 'between':
      ;[c.x, c.lo, c.hi].forEach(op)
      break
    case 'in':
      ;[c.x, ...c.list].forEach(op)
      break
    case 'begins_with':
      ;[c.x, c.prefix].forEach(op)
      break
    case 'contains':
      ;[c.x, c.y].forEach(op)
      break
  }
  return out
}
