// One DynamoDB table's items: partitions keyed by the partition key, each holding its items sorted by
// the sort key. Partitions are ordered by a hash of their key, so a Scan returns items in an order
// that is stable but unrelated to insertion order (as on DynamoDB, where it follows the hashed
// partition key). Secondary indexes are computed from the items when queried.
import { utf8Length } from '../../protocol/encoding.ts'
import {
  compareValues,
  invalidParam,
  itemSize,
  keyString,
  validation,
  type AttributeValue,
  type AvType,
  type Item,
} from './values.ts'

export interface KeySchemaElement {
  AttributeName: string
  KeyType: 'HASH' | 'RANGE'
}
export interface AttributeDefinition {
  AttributeName: string
  AttributeType: 'S' | 'N' | 'B'
}
export interface Projection {
  ProjectionType?: 'ALL' | 'KEYS_ONLY' | 'INCLUDE'
  NonKeyAttributes?: string[]
}
export interface IndexDefinition {
  IndexName: string
  kind: 'GSI' | 'LSI'
  KeySchema: KeySchemaElement[]
  Projection: Projection
  ProvisionedThroughput?: { ReadCapacityUnits: number; WriteCapacityUnits: number }
}

export interface KeyNames {
  hash: string
  range?: string
}

export function keyNames(schema: KeySchemaElement[]): KeyNames {
  return {
    hash: schema.find((k) => k.KeyType === 'HASH')!.AttributeName,
    range: schema.find((k) => k.KeyType === 'RANGE')?.AttributeName,
  }
}

interface Partition {
  id: string
  hashValue: AttributeValue
  order: number
  items: Item[]
}

/** 32-bit FNV-1a of a string: a stable, well-spread partition order. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619)
  return h >>> 0
}

export class TableItems {
  private partitions = new Map<string, Partition>()
  /** Partitions in scan order. */
  private ordered: Partition[] = []
  private count = 0
  private bytes = 0

  constructor(readonly keys: KeyNames) {}

  get itemCount() {
    return this.count
  }
  get sizeBytes() {
    return this.bytes
  }

  private static comparePartitions(a: { order: number; id: string }, b: { order: number; id: string }) {
    return a.order !== b.order ? a.order - b.order : a.id < b.id ? -1 : a.id > b.id ? 1 : 0
  }

  private partitionIndex(probe: { order: number; id: string }): number {
    let lo = 0
    let hi = this.ordered.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (TableItems.comparePartitions(this.ordered[mid], probe) < 0) lo = mid + 1
      else hi = mid
    }
    return lo
  }

  private rangeIndex(items: Item[], rangeValue: AttributeValue | undefined): { index: number; found: boolean } {
    if (!this.keys.range || !rangeValue) return { index: 0, found: items.length > 0 }
    let lo = 0
    let hi = items.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if ((compareValues(items[mid][this.keys.range], rangeValue) ?? 0) < 0) lo = mid + 1
      else hi = mid
    }
    return { index: lo, found: lo < items.length && compareValues(items[lo][this.keys.range], rangeValue) === 0 }
  }

  get(key: Item): Item | undefined {
    const p = this.partitions.get(keyString(key[this.keys.hash]))
    if (!p) return undefined
    const { index, found } = this.rangeIndex(p.items, this.keys.range ? key[this.keys.range] : undefined)
    return found ? p.items[index] : undefined
  }

  /** Store `item` (already validated and owned by the table); returns the item it replaced. */
  put(item: Item): Item | undefined {
    const id = keyString(item[this.keys.hash])
    let p = this.partitions.get(id)
    if (!p) {
      p = { id, hashValue: item[this.keys.hash], order: fnv1a(id), items: [] }
      this.partitions.set(id, p)
      this.ordered.splice(this.partitionIndex(p), 0, p)
    }
    const { index, found } = this.rangeIndex(p.items, this.keys.range ? item[this.keys.range] : undefined)
    const size = itemSize(item)
    if (found) {
      const old = p.items[index]
      p.items[index] = item
      this.bytes += size - itemSize(old)
      return old
    }
    p.items.splice(index, 0, item)
    this.count++
    this.bytes += size
    return undefined
  }

  delete(key: Item): Item | undefined {
    const id = keyString(key[this.keys.hash])
    const p = this.partitions.get(id)
    if (!p) return undefined
    const { index, found } = this.rangeIndex(p.items, this.keys.range ? key[this.keys.range] : undefined)
    if (!found) return undefined
    const [old] = p.items.splice(index, 1)
    this.count--
    this.bytes -= itemSize(old)
    if (p.items.length === 0) {
      this.partitions.delete(id)
      this.ordered.splice(this.partitionIndex(p), 1)
    }
    return old
  }

  clear(): void {
    this.partitions.clear()
    this.ordered = []
    this.count = 0
    this.bytes = 0
  }

  /** Every item in scan order, starting after `after` (a table key) when given. */
  *scan(after?: Item): Generator<Item> {
    let pi = 0
    let ii = 0
    if (after) {
      const id = keyString(after[this.keys.hash])
      const probe = { order: fnv1a(id), id }
      pi = this.partitionIndex(probe)
      const p = this.ordered[pi]
      if (p && p.id === id) {
        const { index, found } = this.rangeIndex(p.items, this.keys.range ? after[this.keys.range] : undefined)
        ii = this.keys.range ? index + (found ? 1 : 0) : p.items.length
      }
    }
    for (; pi < this.ordered.length; pi++, ii = 0) {
      const items = this.ordered[pi].items
      for (; ii < items.length; ii++) yield items[ii]
    }
  }

  /** The items of one partition, in sort-key order (reversed when !forward), optionally after `after`'s sort key. */
  *partition(hashValue: AttributeValue, forward: boolean, after?: AttributeValue): Generator<Item> {
    const p = this.partitions.get(keyString(hashValue))
    if (!p) return
    const items = p.items
    if (forward) {
      let i = 0
      if (after && this.keys.range) {
        const { index, found } = this.rangeIndex(items, after)
        i = index + (found ? 1 : 0)
      }
      for (; i < items.length; i++) yield items[i]
    } else {
      let i = items.length - 1
      if (after && this.keys.range) i = this.rangeIndex(items, after).index - 1
      for (; i >= 0; i--) yield items[i]
    }
  }

  /** All items, partition by partition (for snapshots and index queries). */
  *all(): Generator<Item> {
    for (const p of this.ordered) yield* p.items
  }
}

/** The key attributes of `item` under `names`. */
export function pickKey(item: Item, names: KeyNames): Item {
  const key: Item = { [names.hash]: item[names.hash] }
  if (names.range) key[names.range] = item[names.range]
  return key
}

/**
 * Check key attributes against the table's schema, with DynamoDB's messages:
 * - `key` (GetItem, DeleteItem, UpdateItem, batch keys): exactly the key attributes, with their
 *   declared types, else "The provided key element does not match the schema";
 * - `item` (PutItem): the item must hold each key attribute with its declared type
 *   ("Missing the key id in the item", "Type mismatch for key id expected: S actual: N").
 */
export function checkKey(
  key: Item,
  names: KeyNames,
  types: Record<string, AvType>,
  mode: 'key' | 'item' = 'key',
): void {
  const bad = () => validation('The provided key element does not match the schema')
  if (mode === 'key' && Object.keys(key).length !== (names.range ? 2 : 1)) throw bad()
  for (const name of [names.hash, names.range]) {
    if (!name) continue
    const v = key[name]
    if (!v) throw mode === 'key' ? bad() : invalidParam(`Missing the key ${name} in the item`)
    const t = (Object.keys(v) as AvType[]).find((x) => (v as Record<string, unknown>)[x] !== undefined)!
    if (t !== types[name])
      throw mode === 'key' ? bad() : invalidParam(`Type mismatch for key ${name} expected: ${types[name]} actual: ${t}`)
    if ((t === 'S' && v.S === '') || (t === 'B' && v.B!.length === 0)) {
      const what = `The AttributeValue for a key attribute cannot contain an empty ${t === 'S' ? 'string' : 'binary'} value. Key: ${name}`
      throw validation(
        mode === 'item'
          ? `One or more parameter values are not valid. ${what}`
          : `One or more parameter values were invalid: ${what}`,
      )
    }
    const size = t === 'S' ? utf8Length(v.S!) : t === 'B' ? v.B!.length : 0
    if (name === names.hash && size > 2048)
      throw invalidParam('Size of hashkey has exceeded the maximum size limit of2048 bytes')
    if (name === names.range && size > 1024)
      throw invalidParam('Aggregated size of all range keys has exceeded the size limit of 1024 bytes')
  }
}
