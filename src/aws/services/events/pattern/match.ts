// Matches events against compiled patterns.
//
// Semantics (EventBridge's, through event-ruler):
// - every field named in the pattern must match; a field matches when any of its values does;
// - an array in the event matches when any element does, and nested arrays are flattened;
// - fields under one pattern object must be found in the same element of an array of objects
//   ("array consistency": {"employees": {"first": ["Anna"], "last": ["Jones"]}} does not match
//   Anna Smith and Peter Jones);
// - `exists` looks at leaf values only: an object or an empty array does not exist as a value;
// - keys are joined with dots, so `"a.b": 1` in the event is `a` → `b`;
// - strings and numbers never match each other; numbers compare numerically when exact doubles.
//
// The walk goes only where the pattern leads and never recurses on the event's own depth, so it
// is linear in the size of the parts of the event the pattern looks at (times its `$or` branches).
import { ipInRange, parseIp } from './cidr.ts'
import type { CompiledPattern, Leaf, Matcher, PatternNode } from './compile.ts'
import { EventNumber, isEventObject, type EventScalar, type EventValue } from './event-json.ts'
import { compareNumbers, numberKey } from './numbers.ts'
import { matchWildcard } from './wildcard.ts'

/** A view of an object's dotted keys as nested fields ({"a.b": 1} → a → b). */
class DottedView {
  constructor(readonly entries: Array<[string[], EventValue]>) {}

  get(seg: string): unknown {
    const direct: EventValue[] = []
    const nested: Array<[string[], EventValue]> = []
    for (const [path, value] of this.entries) {
      if (path[0] !== seg) continue
      if (path.length === 1) direct.push(value)
      else nested.push([path.slice(1), value])
    }
    if (nested.length === 0) return direct.length === 0 ? undefined : direct.length === 1 ? direct[0] : direct
    for (const d of direct) if (isEventObject(d)) nested.push(...splitEntries(d))
    const others = direct.filter((d) => !isEventObject(d))
    const view = new DottedView(nested)
    return others.length === 0 ? view : [...others, view]
  }
}

function splitEntries(obj: Record<string, EventValue>): Array<[string[], EventValue]> {
  return Object.keys(obj).map((k) => [k.split('.'), obj[k]])
}

const dotted = new WeakMap<object, DottedView | null>()

function child(value: unknown, seg: string): unknown {
  if (value instanceof DottedView) return value.get(seg)
  if (!isEventObject(value)) return undefined
  let view = dotted.get(value)
  if (view === undefined) {
    const keys = Object.keys(value)
    view = keys.some((k) => k.includes('.')) ? new DottedView(splitEntries(value)) : null
    dotted.set(value, view)
  }
  return view ? view.get(seg) : value[seg]
}

const isObjectLike = (v: unknown) => v instanceof DottedView || isEventObject(v)

/** The non-array items of a (possibly nested) array, without recursion. */
function flatten(arr: unknown[]): unknown[] {
  const out: unknown[] = []
  const stack: Array<[unknown[], number]> = [[arr, 0]]
  while (stack.length) {
    const top = stack[stack.length - 1]
    if (top[1] >= top[0].length) {
      stack.pop()
      continue
    }
    const item = top[0][top[1]++]
    if (Array.isArray(item)) stack.push([item, 0])
    else out.push(item)
  }
  return out
}

const isScalar = (v: unknown): v is EventScalar =>
  v === null || typeof v === 'string' || typeof v === 'boolean' || v instanceof EventNumber

function sameIgnoringCase(a: string, b: string): boolean {
  return a === b || a.toLowerCase() === b.toLowerCase() || a.toUpperCase() === b.toUpperCase()
}

function startsWithIgnoringCase(s: string, prefix: string): boolean {
  return s.length >= prefix.length && sameIgnoringCase(s.slice(0, prefix.length), prefix)
}

function endsWithIgnoringCase(s: string, suffix: string): boolean {
  return s.length >= suffix.length && sameIgnoringCase(s.slice(s.length - suffix.length), suffix)
}

function matchValue(m: Matcher, v: EventScalar): boolean {
  switch (m.kind) {
    case 'exact':
      return v === m.value
    case 'literal':
      return (
        (v === null && m.value === 'null') || (v === true && m.value === 'true') || (v === false && m.value === 'false')
      )
    case 'number':
      return (
        v instanceof EventNumber &&
        (v.text === m.text ||
          (v.info.comparable && m.info.comparable && compareNumbers(v.info.value, m.info.value) === 0))
      )
    case 'ip':
    case 'cidr': {
      if (typeof v !== 'string') return false
      const ip = parseIp(v)
      return !!ip && ipInRange(ip, m.range)
    }
    case 'prefix':
      return typeof v === 'string' && (m.ignoreCase ? startsWithIgnoringCase(v, m.value) : v.startsWith(m.value))
    case 'suffix':
      return typeof v === 'string' && (m.ignoreCase ? endsWithIgnoringCase(v, m.value) : v.endsWith(m.value))
    case 'equals-ignore-case':
      return typeof v === 'string' && sameIgnoringCase(v, m.value)
    case 'wildcard':
      return typeof v === 'string' && matchWildcard(m.wildcard, v)
    case 'numeric': {
      if (!(v instanceof EventNumber) || !v.info.comparable) return false
      const x = v.info.value
      if (m.min !== undefined) {
        const c = compareNumbers(x, m.min)
        if (c < 0 || (c === 0 && m.minOpen)) return false
      }
      if (m.max !== undefined) {
        const c = compareNumbers(x, m.max)
        if (c > 0 || (c === 0 && m.maxOpen)) return false
      }
      return true
    }
    case 'exists':
      return false
    case 'anything-but':
      switch (m.mode) {
        case 'strings':
          return !(typeof v === 'string' && m.values.has(v))
        case 'numbers':
          return !(v instanceof EventNumber && v.info.comparable && m.values.has(numberKey(v.info.value)))
        case 'prefix':
          return typeof v !== 'string' || !m.values.some((p) => v.startsWith(p))
        case 'suffix':
          return typeof v !== 'string' || !m.values.some((p) => v.endsWith(p))
        case 'equals-ignore-case':
          return typeof v !== 'string' || !m.values.some((p) => sameIgnoringCase(v, p))
        case 'wildcard':
          return typeof v !== 'string' || !m.values.some((w) => matchWildcard(w, v))
      }
  }
}

/** Does one of the leaf's values accept one of these event values (the field's leaf values)? */
export function matchLeaf(leaf: Leaf, values: readonly EventScalar[]): boolean {
  for (const m of leaf.others) {
    if (m.kind === 'exists' && m.value === values.length > 0) return true
  }
  for (const v of values) {
    if (typeof v === 'string') {
      if (leaf.strings.has(v)) return true
    } else if (v instanceof EventNumber) {
      if (leaf.numberTexts.has(v.text)) return true
      if (v.info.comparable && leaf.numberKeys.has(numberKey(v.info.value))) return true
    }
    for (const m of leaf.others) if (matchValue(m, v)) return true
  }
  return false
}

function matchObject(node: PatternNode, value: unknown): boolean {
  if (node.leaf && !matchLeaf(node.leaf, isScalar(value) ? [value] : [])) return false
  return matchFields(node, value)
}

/** The node's fields and `$or`s, read inside one object (or a missing one). */
function matchFields(node: PatternNode, value: unknown): boolean {
  const objectLike = isObjectLike(value)
  for (const [seg, sub] of node.fields) {
    if (!matchNode(sub, objectLike ? child(value, seg) : undefined)) return false
  }
  for (const group of node.ors) {
    if (!group.some((branch) => matchObject(branch, value))) return false
  }
  return true
}

function matchNode(node: PatternNode, value: unknown): boolean {
  if (!Array.isArray(value)) return matchObject(node, value)
  const items = flatten(value)
  // Scalars in an array are values of this field; they do not tie the field to one element
  // (event-ruler records array positions only for objects), so they are checked on their own.
  if (node.leaf && !matchLeaf(node.leaf, items.filter(isScalar))) return false
  if (node.fields.size === 0 && node.ors.length === 0) return true
  const objects = items.filter(isObjectLike)
  if (objects.length === 0) return matchFields(node, undefined)
  return objects.some((item) => matchFields(node, item))
}

/** True when the event (parsed with parseEventJson) matches the compiled pattern. */
export function matchesPattern(pattern: CompiledPattern, event: EventValue): boolean {
  return matchObject(pattern.root, event)
}
