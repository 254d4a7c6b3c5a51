// Query and Scan: key conditions, indexes (computed from the items), filters, projections, Select,
// ScanIndexForward, Limit, ExclusiveStartKey / LastEvaluatedKey, the 1 MB page, parallel scan
// segments, and DynamoDB's messages for each misuse.
import type { OperationDefinition } from '../../types.ts'
import type { OperationContext } from '../../types.ts'
import type { Condition, Path } from './expressions/check.ts'
import { matchesRange, pathHeads, resolveKeyCondition } from './key-condition.ts'
import { evaluate, project } from './expressions/evaluate.ts'
import { compile } from './items.ts'
import { shapes } from './shapes.ts'
import { consumedCapacity, type DynamoDbState, type ReturnConsumedCapacity, type TableState } from './state.ts'
import { checkKey, keyNames, type IndexDefinition, type KeyNames } from './table.ts'
import {
  cloneItem,
  compareValues,
  invalidParam,
  itemSize,
  keyString,
  validateItem,
  validation,
  type Item,
} from './values.ts'

const PAGE_BYTES = 1024 * 1024

interface Source {
  index?: IndexDefinition
  keys: KeyNames
  /** Attributes a LastEvaluatedKey carries: the table's keys, plus the index's. */
  startKeyNames: string[]
}

function source(table: TableState, indexName: string | undefined, consistent: boolean | undefined): Source {
  const tableKeys = [table.keys.hash, ...(table.keys.range ? [table.keys.range] : [])]
  if (!indexName) return { keys: table.keys, startKeyNames: tableKeys }
  const index = table.indexes.find((i) => i.IndexName === indexName)
  if (!index) throw validation(`The table does not have the specified index: ${indexName}`)
  if (index.kind === 'GSI' && consistent)
    throw validation('Consistent reads are not supported on global secondary indexes')
  const keys = keyNames(index.KeySchema)
  const names = [...tableKeys]
  for (const k of [keys.hash, keys.range]) if (k && !names.includes(k)) names.push(k)
  return { index, keys, startKeyNames: names }
}

/** Items of an index, in index order: partition by index hash, then index sort key, then table key. */
function indexItems(table: TableState, src: Source): Item[] {
  const { keys } = src
  const items: Item[] = []
  for (const item of table.items.all()) if (item[keys.hash] && (!keys.range || item[keys.range])) items.push(item)
  const tk = table.keys
  items.sort(
    (a, b) =>
      (keyString(a[keys.hash]) < keyString(b[keys.hash])
        ? -1
        : keyString(a[keys.hash]) > keyString(b[keys.hash])
          ? 1
          : 0) ||
      (keys.range ? (compareValues(a[keys.range], b[keys.range]) ?? 0) : 0) ||
      (compareValues(a[tk.hash], b[tk.hash]) ?? 0) ||
      (tk.range ? (compareValues(a[tk.range], b[tk.range]) ?? 0) : 0),
  )
  return items
}

function keyOf(item: Item, names: string[]): Item {
  const out: Item = {}
  for (const n of names) if (item[n]) out[n] = item[n]
  return out
}

function sameKey(a: Item, b: Item, names: string[]): boolean {
  return names.every((n) => a[n] && b[n] && compareValues(a[n], b[n]) === 0)
}

function checkStartKey(table: TableState, src: Source, start: Item): void {
  if (Object.keys(start).length !== src.startKeyNames.length || src.startKeyNames.some((n) => !start[n]))
    throw validation('The provided starting key is invalid')
  try {
    checkKey(keyOf(start, [table.keys.hash, ...(table.keys.range ? [table.keys.range] : [])]), table.keys, table.types)
  } catch (e) {
    throw validation(`The provided starting key is invalid: ${(e as Error).message}`)
  }
}

/** Apply the index's projection to an item (KEYS_ONLY, INCLUDE, ALL). */
function indexProjection(table: TableState, src: Source, item: Item): Item {
  const p = src.index?.Projection
  if (!p || p.ProjectionType === 'ALL') return item
  const names = new Set(src.startKeyNames)
  if (p.ProjectionType === 'INCLUDE') for (const a of p.NonKeyAttributes ?? []) names.add(a)
  return keyOf(item, [...names])
}

interface ReadInput {
  TableName: string
  IndexName?: string
  Select?: string
  Limit?: number
  ConsistentRead?: boolean
  ExclusiveStartKey?: Item
  ReturnConsumedCapacity?: ReturnConsumedCapacity
  ProjectionExpression?: string
  AttributesToGet?: string[]
  [k: string]: unknown
}

function checkSelect(input: ReadInput, src: Source, projection: Path[] | undefined): void {
  if (input.Select === 'SPECIFIC_ATTRIBUTES' && !projection)
    throw validation(
      'Must specify the AttributesToGet or ProjectionExpression when choosing to get SPECIFIC_ATTRIBUTES',
    )
  if (projection && input.Select && input.Select !== 'SPECIFIC_ATTRIBUTES')
    throw validation(
      `Cannot specify the ProjectionExpression when choosing to get ${input.Select === 'COUNT' ? 'only the Count' : input.Select}`,
    )
  if (input.Select === 'ALL_PROJECTED_ATTRIBUTES' && !src.index)
    throw validation('ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName')
  if (input.Select === 'ALL_ATTRIBUTES' && src.index?.kind === 'GSI' && src.index.Projection.ProjectionType !== 'ALL')
    throw invalidParam(
      `Select type ALL_ATTRIBUTES is not supported for global secondary index ${src.index.IndexName} because its projection type is not ALL`,
    )
}

/** Walk items, applying Limit, the 1 MB page, the filter, Select and projections. */
function collect(
  table: TableState,
  src: Source,
  items: Iterable<Item>,
  input: ReadInput,
  filter: Condition | undefined,
  projection: Path[] | undefined,
  accept: (item: Item) => boolean = () => true,
) {
  const out: Item[] = []
  let scanned = 0
  let count = 0
  let bytes = 0
  let last: Item | undefined
  let stopped = false
  for (const item of items) {
    if (!accept(item)) continue
    scanned++
    bytes += itemSize(item)
    last = item
    const visible = indexProjection(table, src, item)
    if (!filter || evaluate(visible, filter)) {
      count++
      if (input.Select !== 'COUNT') out.push(cloneItem(projection ? project(visible, projection) : visible))
    }
    if ((input.Limit !== undefined && scanned >= input.Limit) || bytes >= PAGE_BYTES) {
      stopped = true
      break
    }
  }
  const result: Record<string, unknown> = { Count: count, ScannedCount: scanned }
  if (input.Select !== 'COUNT') result.Items = out
  if (stopped && last) result.LastEvaluatedKey = cloneItem(keyOf(last, src.startKeyNames))
  const cc = consumedCapacity(table, input.ReturnConsumedCapacity, 'read', bytes, input.ConsistentRead)
  if (cc) result.ConsumedCapacity = cc
  return result
}

type Op<I> = OperationDefinition<I, unknown>

export function readOperations(state: DynamoDbState) {
  const resource = (ctx: OperationContext, input: ReadInput) => {
    let name = input.TableName
    try {
      name = state.tableName(input.TableName, ctx)
    } catch {
      // reported by the handler
    }
    const arn = state.tableArn(ctx, name)
    return input.IndexName ? `${arn}/index/${input.IndexName}` : arn
  }
  const context = (input: ReadInput) => {
    const c: Record<string, string> = {}
    if (input.Select) c['dynamodb:Select'] = input.Select
    if (input.ReturnConsumedCapacity) c['dynamodb:ReturnConsumedCapacity'] = input.ReturnConsumedCapacity
    return c
  }

  const Query: Op<ReadInput & { ScanIndexForward?: boolean; KeyConditionExpression?: string }> = {
    input: shapes.Query,
    latencyMs: () => 6,
    authorize: (input, ctx) => [{ action: 'dynamodb:Query', resource: resource(ctx, input), context: context(input) }],
    handler(input, ctx) {
      const start = input.ExclusiveStartKey ? validateItem(input.ExclusiveStartKey) : undefined
      const { keyCondition, filter, projection } = compile(
        input,
        ['ProjectionExpression', 'FilterExpression', 'KeyConditionExpression'],
        ['AttributesToGet', 'QueryFilter', 'ConditionalOperator', 'KeyConditions'],
      )
      if (!keyCondition)
        throw validation(
          'Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.',
        )
      const table = state.activeTable(input.TableName, ctx)
      const src = source(table, input.IndexName, input.ConsistentRead)
      checkSelect(input, src, projection)
      const kc = resolveKeyCondition(keyCondition, src.keys, table.types)
      for (const name of pathHeads(filter)) {
        if (name === src.keys.hash || name === src.keys.range)
          throw validation(
            `Filter Expression can only contain non-primary key attributes: Primary key attribute: ${name}`,
          )
      }
      if (start) {
        checkStartKey(table, src, start)
        if (compareValues(start[src.keys.hash], kc.hash.value) !== 0)
          throw validation(
            kc.range
              ? 'The query can return at most one row and cannot be restarted'
              : 'The provided starting key is outside query boundaries based on provided conditions',
          )
        if (kc.range && !matchesRange(start[kc.range.name], kc.range.cond))
          throw validation('The provided starting key does not match the range key predicate')
      }
      const forward = input.ScanIndexForward !== false
      const accept = (item: Item) => !kc.range || matchesRange(item[kc.range.name], kc.range.cond)
      let items: Iterable<Item>
      if (!src.index)
        items = table.items.partition(
          kc.hash.value,
          forward,
          start && table.keys.range ? start[table.keys.range] : undefined,
        )
      else {
        let all = indexItems(table, src).filter((i) => compareValues(i[src.keys.hash], kc.hash.value) === 0)
        if (!forward) all = all.reverse()
        if (start) {
          const at = all.findIndex((i) => sameKey(i, start, src.startKeyNames))
          all = at >= 0 ? all.slice(at + 1) : all
        }
        items = all
      }
      return collect(table, src, items, input, filter, projection, accept)
    },
  }

  const Scan: Op<ReadInput & { Segment?: number; TotalSegments?: number }> = {
    input: shapes.Scan,
    latencyMs: () => 8,
    authorize: (input, ctx) => [{ action: 'dynamodb:Scan', resource: resource(ctx, input), context: context(input) }],
    handler(input, ctx) {
      const start = input.ExclusiveStartKey ? validateItem(input.ExclusiveStartKey) : undefined
      const { filter, projection } = compile(
        input,
        ['ProjectionExpression', 'FilterExpression'],
        ['AttributesToGet', 'ScanFilter', 'ConditionalOperator'],
      )
      if (input.Segment !== undefined && input.TotalSegments === undefined)
        throw validation(
          'The TotalSegments parameter is required but was not present in the request when Segment parameter is present',
        )
      if (input.TotalSegments !== undefined && input.Segment === undefined)
        throw validation(
          'The Segment parameter is required but was not present in the request when parameter TotalSegments is present',
        )
      if (input.Segment !== undefined && input.TotalSegments !== undefined && input.Segment >= input.TotalSegments)
        throw validation(
          `The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: ${input.Segment} is not less than TotalSegments: ${input.TotalSegments}`,
        )
      const table = state.activeTable(input.TableName, ctx)
      const src = source(table, input.IndexName, input.ConsistentRead)
      checkSelect(input, src, projection)
      if (start) checkStartKey(table, src, start)
      let items: Iterable<Item>
      if (!src.index) items = table.items.scan(start)
      else {
        let all = indexItems(table, src)
        if (start) {
          const at = all.findIndex((i) => sameKey(i, start, src.startKeyNames))
          all = at >= 0 ? all.slice(at + 1) : all
        }
        items = all
      }
      const segments = input.TotalSegments
      const accept =
        segments && segments > 1
          ? (item: Item) => segmentOf(keyString(item[src.keys.hash]), segments) === input.Segment
          : undefined
      return collect(table, src, items, input, filter, projection, accept)
    },
  }

  return { Query, Scan }
}

/** Which parallel-scan segment a partition key falls in (a stable hash spread over TotalSegments). */
function segmentOf(id: string, total: number): number {
  let h = 0x811c9dc5
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619)
  return Math.floor(((h >>> 0) / 2 ** 32) * total)
}
