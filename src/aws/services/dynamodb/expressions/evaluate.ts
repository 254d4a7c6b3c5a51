// Running resolved expressions against items: document paths, operands, conditions (condition,
// filter and key-condition expressions) and projections.
import { setOwn } from '../../../protocol/encoding.ts'
import { compareValues, typeOf, valuesEqual, type AttributeValue, type Item } from '../values.ts'
import { compareBytes } from '../values.ts'
import type { Condition, Operand, Path } from './check.ts'

/** The value at `path` in `item`, or undefined. */
export function resolvePath(item: Item | undefined, path: Path): AttributeValue | undefined {
  if (!item || path.length === 0 || typeof path[0] !== 'string') return undefined
  let cur: AttributeValue | undefined = Object.prototype.hasOwnProperty.call(item, path[0]) ? item[path[0]] : undefined
  for (let i = 1; i < path.length && cur; i++) {
    const e = path[i]
    if (typeof e === 'number') cur = cur.L && e < cur.L.length ? cur.L[e] : undefined
    else cur = cur.M && Object.prototype.hasOwnProperty.call(cur.M, e) ? cur.M[e] : undefined
  }
  return cur
}

function codePointLength(s: string): number {
  let n = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c < 0xd800 || c > 0xdbff) n++
  }
  return n
}

/** size(): characters of a string, bytes of a binary, elements of a set, list or map. */
export function sizeOf(v: AttributeValue): number | undefined {
  switch (typeOf(v)) {
    case 'S':
      return codePointLength(v.S!)
    case 'B':
      return v.B!.length
    case 'SS':
      return v.SS!.length
    case 'NS':
      return v.NS!.length
    case 'BS':
      return v.BS!.length
    case 'L':
      return v.L!.length
    case 'M':
      return Object.keys(v.M!).length
    default:
      return undefined
  }
}

/** Condition operands (paths, values, size()). */
export function operandValue(item: Item | undefined, o: Operand): AttributeValue | undefined {
  switch (o.k) {
    case 'path':
      return resolvePath(item, o.path)
    case 'value':
      return o.value
    case 'size': {
      const v = resolvePath(item, o.path)
      const n = v ? sizeOf(v) : undefined
      return n === undefined ? undefined : { N: String(n) }
    }
    default:
      return undefined
  }
}

function bytesStartWith(b: Uint8Array, prefix: Uint8Array): boolean {
  return prefix.length <= b.length && compareBytes(b.subarray(0, prefix.length), prefix) === 0
}

function contains(x: AttributeValue, y: AttributeValue): boolean {
  const tx = typeOf(x)
  const ty = typeOf(y)
  switch (tx) {
    case 'S':
      return ty === 'S' && x.S!.includes(y.S!)
    case 'SS':
      return ty === 'S' && x.SS!.includes(y.S!)
    case 'NS':
      return ty === 'N' && x.NS!.some((n) => valuesEqual({ N: n }, y))
    case 'BS':
      return ty === 'B' && x.BS!.some((b) => compareBytes(b, y.B!) === 0)
    case 'L':
      return x.L!.some((e) => valuesEqual(e, y))
    default:
      return false
  }
}

/** Evaluate a condition on an item (undefined = the item does not exist). */
export function evaluate(item: Item | undefined, c: Condition): boolean {
  switch (c.k) {
    case 'and':
      return evaluate(item, c.l) && evaluate(item, c.r)
    case 'or':
      return evaluate(item, c.l) || evaluate(item, c.r)
    case 'not':
      return !evaluate(item, c.c)
    case 'exists':
      return resolvePath(item, c.path) !== undefined
    case 'not_exists':
      return resolvePath(item, c.path) === undefined
    case 'type': {
      const v = resolvePath(item, c.path)
      return v !== undefined && typeOf(v) === c.type
    }
    case 'begins_with': {
      const x = operandValue(item, c.x)
      const p = operandValue(item, c.prefix)
      if (!x || !p) return false
      if (x.S !== undefined && p.S !== undefined) return x.S.startsWith(p.S)
      if (x.B !== undefined && p.B !== undefined) return bytesStartWith(x.B, p.B)
      return false
    }
    case 'contains': {
      const x = operandValue(item, c.x)
      const y = operandValue(item, c.y)
      return !!x && !!y && contains(x, y)
    }
    case 'cmp': {
      const l = operandValue(item, c.left)
      const r = operandValue(item, c.right)
      if (c.op === '<>') return !l || !r || !valuesEqual(l, r)
      if (!l || !r) return false
      if (c.op === '=') return valuesEqual(l, r)
      const cmp = compareValues(l, r)
      if (cmp === undefined) return false
      return c.op === '<' ? cmp < 0 : c.op === '<=' ? cmp <= 0 : c.op === '>' ? cmp > 0 : cmp >= 0
    }
    case 'between': {
      const x = operandValue(item, c.x)
      const lo = operandValue(item, c.lo)
      const hi = operandValue(item, c.hi)
      if (!x || !lo || !hi) return false
      const a = compareValues(lo, x)
      const b = compareValues(x, hi)
      return a !== undefined && b !== undefined && a <= 0 && b <= 0
    }
    case 'in': {
      const x = operandValue(item, c.x)
      if (!x) return false
      return c.list.some((o) => {
        const v = operandValue(item, o)
        return !!v && valuesEqual(x, v)
      })
    }
  }
}

type Tree = { leaf: AttributeValue } | { map: Map<string, Tree> } | { list: Map<number, Tree> }

/** Keep only the projected paths (list elements come back compacted, in index order, as DynamoDB returns them). */
export function project(item: Item, paths: Path[]): Item {
  const root = new Map<string, Tree>()
  for (const path of paths) {
    const v = resolvePath(item, path)
    if (v === undefined) continue
    let node: Tree | undefined
    let container: Map<string | number, Tree> = root as Map<string | number, Tree>
    for (let i = 0; i < path.length; i++) {
      const key = path[i]
      const last = i === path.length - 1
      if (last) {
        container.set(key, { leaf: v })
        break
      }
      const nextIsIndex = typeof path[i + 1] === 'number'
      node = container.get(key)
      if (!node || 'leaf' in node) {
        node = nextIsIndex ? { list: new Map() } : { map: new Map() }
        container.set(key, node)
      }
      container = ('list' in node ? node.list : node.map) as Map<string | number, Tree>
    }
  }
  const build = (t: Tree): AttributeValue => {
    if ('leaf' in t) return t.leaf
    if ('map' in t) {
      const M: Record<string, AttributeValue> = {}
      for (const [k, v] of t.map) setOwn(M, k, build(v))
      return { M }
    }
    return { L: [...t.list.entries()].sort((a, b) => a[0] - b[0]).map(([, v]) => build(v)) }
  }
  const out: Item = {}
  for (const [k, v] of root) setOwn(out, k, build(v))
  return out
}
