// Applying a resolved update expression (SET, REMOVE, ADD, DELETE) to an item. Every SET value is
// computed from the item as it was before the update, as DynamoDB does; list removals use the
// original positions.
import { setOwn, toBase64 } from '../../../protocol/encoding.ts'
import { addNumbers, NumberError, normalizeNumber } from '../numbers.ts'
import { cloneItem, validation, type AttributeValue, type Item } from '../values.ts'
import type { Operand, Path, ResolvedUpdate } from './check.ts'
import { resolvePath } from './evaluate.ts'

const missingAttribute = () =>
  validation('The provided expression refers to an attribute that does not exist in the item')
const wrongType = () => validation('An operand in the update expression has an incorrect data type')
const invalidPath = () => validation('The document path provided in the update expression is invalid for update')

function setValue(original: Item, o: Operand): AttributeValue {
  switch (o.k) {
    case 'path': {
      const v = resolvePath(original, o.path)
      if (v === undefined) throw missingAttribute()
      return v
    }
    case 'value':
      return o.value
    case 'if_not_exists':
      return resolvePath(original, o.path) ?? setValue(original, o.fallback)
    case 'list_append': {
      const a = setValue(original, o.a)
      const b = setValue(original, o.b)
      if (!a.L || !b.L) throw wrongType()
      return { L: [...a.L, ...b.L] }
    }
    case 'arith': {
      const a = setValue(original, o.left)
      const b = setValue(original, o.right)
      if (a.N === undefined || b.N === undefined) throw wrongType()
      try {
        return { N: addNumbers(a.N, b.N, o.op === '-') }
      } catch (e) {
        if (e instanceof NumberError) throw validation(e.message)
        throw e
      }
    }
    case 'size':
      throw wrongType()
  }
}

/** The container holding the last element of `path` (a map's M or a list's L), or undefined. */
function parentOf(
  item: Item,
  path: Path,
): { map?: Record<string, AttributeValue>; list?: AttributeValue[] } | undefined {
  if (path.length === 1) return { map: item }
  const parent = resolvePath(item, path.slice(0, -1))
  if (!parent) return undefined
  const last = path[path.length - 1]
  if (typeof last === 'number') return parent.L ? { list: parent.L } : undefined
  return parent.M ? { map: parent.M } : undefined
}

function assign(item: Item, path: Path, value: AttributeValue) {
  const parent = parentOf(item, path)
  if (!parent) throw invalidPath()
  const last = path[path.length - 1]
  if (parent.list) {
    const i = last as number
    if (i < parent.list.length) parent.list[i] = value
    else parent.list.push(value)
  } else setOwn(parent.map!, last as string, value)
}

const setKey = (t: string, x: string | Uint8Array) =>
  t === 'BS' ? toBase64(x as Uint8Array) : t === 'NS' ? normalizeNumber(x as string) : (x as string)

function setElements(v: AttributeValue): { type: 'SS' | 'NS' | 'BS'; items: (string | Uint8Array)[] } | undefined {
  if (v.SS) return { type: 'SS', items: v.SS }
  if (v.NS) return { type: 'NS', items: v.NS }
  if (v.BS) return { type: 'BS', items: v.BS }
  return undefined
}

/** Apply `u` to a copy of `original` (undefined = a new item holding only the key). */
export function applyUpdate(original: Item, u: ResolvedUpdate): Item {
  const item = cloneItem(original)
  const computed = u.set.map((s) => ({ path: s.path, value: setValue(original, s.value) }))
  for (const { path, value } of computed) assign(item, path, structuredCloneValue(value))

  // REMOVE: list elements from the highest index down, so earlier removals don't shift later ones.
  const removals = [...u.remove].sort((a, b) => {
    const la = a[a.length - 1]
    const lb = b[b.length - 1]
    return typeof la === 'number' && typeof lb === 'number' ? lb - la : 0
  })
  for (const path of removals) {
    const parent = parentOf(item, path)
    const last = path[path.length - 1]
    if (!parent) throw invalidPath()
    if (parent.list) {
      if ((last as number) < parent.list.length) parent.list.splice(last as number, 1)
    } else delete parent.map![last as string]
  }

  for (const { path, value } of u.add) {
    const existing = resolvePath(item, path)
    if (existing === undefined) {
      assign(item, path, structuredCloneValue(value))
      continue
    }
    if (existing.N !== undefined && value.N !== undefined) {
      try {
        assign(item, path, { N: addNumbers(existing.N, value.N) })
      } catch (e) {
        if (e instanceof NumberError) throw validation(e.message)
        throw e
      }
      continue
    }
    const a = setElements(existing)
    const b = setElements(value)
    if (!a || !b || a.type !== b.type) throw wrongType()
    const seen = new Set(a.items.map((x) => setKey(a.type, x)))
    const merged = [...a.items]
    for (const x of b.items) if (!seen.has(setKey(b.type, x))) merged.push(x)
    assign(item, path, { [a.type]: merged } as AttributeValue)
  }

  for (const { path, value } of u.delete) {
    const existing = resolvePath(item, path)
    if (existing === undefined) {
      if (path.length > 1 && !parentOf(item, path)) throw invalidPath()
      continue
    }
    const a = setElements(existing)
    const b = setElements(value)
    if (!a || !b || a.type !== b.type) throw wrongType()
    const drop = new Set(b.items.map((x) => setKey(b.type, x)))
    const kept = a.items.filter((x) => !drop.has(setKey(a.type, x)))
    if (kept.length === 0) {
      const parent = parentOf(item, path)!
      const last = path[path.length - 1]
      if (parent.list) parent.list.splice(last as number, 1)
      else delete parent.map![last as string]
    } else assign(item, path, { [a.type]: kept } as AttributeValue)
  }
  return item
}

function structuredCloneValue(v: AttributeValue): AttributeValue {
  return cloneItem({ v }).v
}

/** Every document path an update writes (for UPDATED_OLD / UPDATED_NEW and key protection). */
export function updatedPaths(u: ResolvedUpdate): Path[] {
  return [...u.set.map((s) => s.path), ...u.remove, ...u.add.map((a) => a.path), ...u.delete.map((d) => d.path)]
}
