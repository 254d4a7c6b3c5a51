// BatchGetItem, BatchWriteItem, TransactGetItems and TransactWriteItems. Batches validate every
// request first and then apply them all (the simulation never throttles, so UnprocessedItems and
// UnprocessedKeys come back empty unless a BatchGetItem response passes 16 MB). Transactions check
// every condition before writing anything and cancel with TransactionCanceledException and its
// CancellationReasons, as DynamoDB does.
import { AwsError } from '../../errors.ts'
import type { OperationDefinition } from '../../types.ts'
import type { AuthorizationRequirement, OperationContext } from '../../types.ts'
import type { Condition, Path, ResolvedUpdate } from './expressions/check.ts'
import { evaluate, project } from './expressions/evaluate.ts'
import { applyUpdate, updatedPaths } from './expressions/update.ts'
import { checkIndexKeys, compile, itemContext } from './items.ts'
import { shapes } from './shapes.ts'
import { consumedCapacity, type DynamoDbState, type ReturnConsumedCapacity, type TableState } from './state.ts'
import { checkKey, pickKey } from './table.ts'
import {
  cloneItem,
  invalidParam,
  itemSize,
  keyString,
  MAX_ITEM_SIZE,
  validateItem,
  validation,
  type Item,
} from './values.ts'

type Op<I> = OperationDefinition<I, unknown>

const RESPONSE_LIMIT = 16 * 1024 * 1024

interface KeysAndAttributes {
  Keys: Item[]
  ConsistentRead?: boolean
  ProjectionExpression?: string
  ExpressionAttributeNames?: Record<string, string>
  AttributesToGet?: string[]
}
interface WriteRequest {
  PutRequest?: { Item: Item }
  DeleteRequest?: { Key: Item }
}

function keyId(table: TableState, key: Item): string {
  return keyString(key[table.keys.hash]) + '\u0000' + (table.keys.range ? keyString(key[table.keys.range]) : '')
}

export function batchOperations(state: DynamoDbState) {
  const arn = (ctx: OperationContext, ref: string) => {
    try {
      return state.tableArn(ctx, state.tableName(ref, ctx))
    } catch {
      return state.tableArn(ctx, ref)
    }
  }

  const BatchGetItem: Op<{
    RequestItems: Record<string, KeysAndAttributes>
    ReturnConsumedCapacity?: ReturnConsumedCapacity
  }> = {
    input: shapes.BatchGetItem,
    latencyMs: (input) =>
      4 + Object.values(input.RequestItems ?? {}).reduce((n, r) => n + (r.Keys?.length ?? 0), 0) * 0.2,
    authorize: (input, ctx) =>
      Object.keys(input.RequestItems).map((t) => ({ action: 'dynamodb:BatchGetItem', resource: arn(ctx, t) })),
    handler(input, ctx) {
      const requests = Object.entries(input.RequestItems).map(([ref, r]) => {
        const keys = r.Keys.map((k) => validateItem(k))
        const { projection } = compile({ ...r }, ['ProjectionExpression'], ['AttributesToGet'])
        return { ref, r, keys, projection }
      })
      if (requests.reduce((n, q) => n + q.keys.length, 0) > 100)
        throw validation('Too many items requested for the BatchGetItem call')
      const resolved = requests.map((q) => {
        const table = state.activeTable(q.ref, ctx)
        const seen = new Set<string>()
        for (const key of q.keys) {
          checkKey(key, table.keys, table.types)
          const id = keyId(table, key)
          if (seen.has(id)) throw validation('Provided list of item keys contains duplicates')
          seen.add(id)
        }
        return { ...q, table }
      })
      const Responses: Record<string, Item[]> = {}
      const UnprocessedKeys: Record<string, KeysAndAttributes> = {}
      const capacity: Record<string, unknown>[] = []
      let bytes = 0
      for (const q of resolved) {
        const found: Item[] = []
        let read = 0
        for (const key of q.keys) {
          if (bytes >= RESPONSE_LIMIT) {
            ;(UnprocessedKeys[q.ref] ??= { ...q.r, Keys: [] }).Keys.push(cloneItem(key))
            continue
          }
          const item = q.table.items.get(key)
          if (!item) continue
          read += itemSize(item)
          bytes += itemSize(item)
          found.push(cloneItem(q.projection ? project(item, q.projection) : item))
        }
        Responses[q.ref] = found
        const cc = consumedCapacity(q.table, input.ReturnConsumedCapacity, 'read', read, q.r.ConsistentRead)
        if (cc) capacity.push(cc)
      }
      const out: Record<string, unknown> = { Responses, UnprocessedKeys }
      if (capacity.length) out.ConsumedCapacity = capacity
      return out
    },
  }

  const BatchWriteItem: Op<{
    RequestItems: Record<string, WriteRequest[]>
    ReturnConsumedCapacity?: ReturnConsumedCapacity
  }> = {
    input: shapes.BatchWriteItem,
    latencyMs: (input) => 5 + Object.values(input.RequestItems ?? {}).reduce((n, r) => n + (r?.length ?? 0), 0) * 0.3,
    authorize: (input, ctx) =>
      Object.keys(input.RequestItems).map((t) => ({ action: 'dynamodb:BatchWriteItem', resource: arn(ctx, t) })),
    handler(input, ctx) {
      type Planned = { table: TableState; put?: Item; key: Item }
      const parsed = Object.entries(input.RequestItems).map(([ref, list]) => {
        return {
          ref,
          writes: list.map((w) => {
            const kinds = (w.PutRequest ? 1 : 0) + (w.DeleteRequest ? 1 : 0)
            if (kinds !== 1)
              throw validation(
                'Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes',
              )
            if (w.PutRequest) {
              const item = validateItem(w.PutRequest.Item)
              if (itemSize(item) > MAX_ITEM_SIZE) throw validation('Item size has exceeded the maximum allowed size')
              return { put: item }
            }
            return { del: validateItem(w.DeleteRequest!.Key) }
          }),
        }
      })
      const plan: Planned[] = []
      for (const { ref, writes } of parsed) {
        const table = state.activeTable(ref, ctx)
        const seen = new Set<string>()
        for (const w of writes) {
          let key: Item
          if (w.put) {
            checkKey(w.put, table.keys, table.types, 'item')
            checkIndexKeys(table, w.put)
            key = pickKey(w.put, table.keys)
          } else {
            checkKey(w.del!, table.keys, table.types)
            key = w.del!
          }
          const id = keyId(table, key)
          if (seen.has(id)) throw validation('Provided list of item keys contains duplicates')
          seen.add(id)
          plan.push({ table, put: w.put, key })
        }
      }
      const bytes = new Map<TableState, number>()
      for (const p of plan) {
        const old = p.put ? p.table.items.put(p.put) : p.table.items.delete(p.key)
        if (p.put || old)
          state.changed(p.table, ctx.clock.now(), cloneItem(p.key), old && cloneItem(old), p.put && cloneItem(p.put))
        bytes.set(p.table, (bytes.get(p.table) ?? 0) + Math.max(1024, p.put ? itemSize(p.put) : 0))
      }
      const out: Record<string, unknown> = { UnprocessedItems: {} }
      const capacity = [...bytes]
        .map(([t, b]) => consumedCapacity(t, input.ReturnConsumedCapacity, 'write', b))
        .filter(Boolean)
      if (capacity.length) out.ConsumedCapacity = capacity
      return out
    },
  }

  interface TransactItem {
    ConditionCheck?: {
      Key: Item
      TableName: string
      ConditionExpression: string
      ReturnValuesOnConditionCheckFailure?: string
    }
    Put?: { Item: Item; TableName: string; ConditionExpression?: string; ReturnValuesOnConditionCheckFailure?: string }
    Delete?: {
      Key: Item
      TableName: string
      ConditionExpression?: string
      ReturnValuesOnConditionCheckFailure?: string
    }
    Update?: {
      Key: Item
      TableName: string
      UpdateExpression: string
      ConditionExpression?: string
      ReturnValuesOnConditionCheckFailure?: string
    }
  }
  const ACTIONS = {
    ConditionCheck: 'ConditionCheckItem',
    Put: 'PutItem',
    Delete: 'DeleteItem',
    Update: 'UpdateItem',
  } as const

  const TransactWriteItems: Op<{ TransactItems: TransactItem[]; ReturnConsumedCapacity?: ReturnConsumedCapacity }> = {
    input: shapes.TransactWriteItems,
    latencyMs: (input) => 10 + (input.TransactItems?.length ?? 0),
    authorize: (input, ctx) =>
      input.TransactItems.flatMap((t): AuthorizationRequirement[] => {
        const kind = (Object.keys(ACTIONS) as (keyof typeof ACTIONS)[]).find((k) => t[k])
        if (!kind) return []
        const a = t[kind]! as { TableName: string; Key?: Item; Item?: Item }
        return [
          {
            action: `dynamodb:${ACTIONS[kind]}`,
            resource: arn(ctx, a.TableName),
            context: itemContext(state, ctx, a.TableName, a.Key ?? a.Item),
          },
        ]
      }),
    handler(input, ctx) {
      type Step = {
        table: TableState
        key: Item
        kind: keyof typeof ACTIONS
        item?: Item
        condition?: Condition
        update?: ResolvedUpdate
        paths?: Path[]
        returnOld: boolean
      }
      const steps: Step[] = input.TransactItems.map((t) => {
        const kinds = (Object.keys(ACTIONS) as (keyof typeof ACTIONS)[]).filter((k) => t[k])
        if (kinds.length !== 1) throw validation('TransactItems can only contain one of Check, Put, Update or Delete')
        const kind = kinds[0]
        const a = t[kind]! as Record<string, unknown> & {
          TableName: string
          ReturnValuesOnConditionCheckFailure?: string
        }
        const item = kind === 'Put' ? validateItem(a.Item) : undefined
        const key = kind === 'Put' ? undefined : validateItem(a.Key)
        const params =
          kind === 'Update'
            ? (['UpdateExpression', 'ConditionExpression'] as const)
            : (['ConditionExpression'] as const)
        const { condition, update } = compile(a, [...params], [])
        if (item && itemSize(item) > MAX_ITEM_SIZE) throw validation('Item size has exceeded the maximum allowed size')
        const table = state.activeTable(a.TableName, ctx)
        if (item) {
          checkKey(item, table.keys, table.types, 'item')
          checkIndexKeys(table, item)
        } else checkKey(key!, table.keys, table.types)
        const paths = update ? updatedPaths(update) : undefined
        for (const p of paths ?? []) {
          if (p[0] === table.keys.hash || p[0] === table.keys.range)
            throw invalidParam(`Cannot update attribute ${p[0]}. This attribute is part of the key`)
        }
        return {
          table,
          key: item ? pickKey(item, table.keys) : key!,
          kind,
          item,
          condition,
          update,
          paths,
          returnOld: a.ReturnValuesOnConditionCheckFailure === 'ALL_OLD',
        }
      })
      const ids = new Set<string>()
      for (const s of steps) {
        const id = s.table.name + '\u0001' + keyId(s.table, s.key)
        if (ids.has(id)) throw validation('Transaction request cannot include multiple operations on one item')
        ids.add(id)
      }
      const reasons = steps.map((s) => {
        const old = s.table.items.get(s.key)
        if (s.condition && !evaluate(old, s.condition)) {
          const r: Record<string, unknown> = {
            Code: 'ConditionalCheckFailed',
            Message: 'The conditional request failed',
          }
          if (s.returnOld && old) r.Item = cloneItem(old)
          return r
        }
        return { Code: 'None' }
      })
      // Compute every new image before writing any (an update error cancels the whole transaction).
      const next = steps.map((s, i) => {
        if (reasons[i].Code !== 'None' || s.kind === 'ConditionCheck' || s.kind === 'Delete') return undefined
        if (s.kind === 'Put') return s.item
        const old = s.table.items.get(s.key)
        const n = applyUpdate(old ?? cloneItem(s.key), s.update!)
        if (itemSize(n) > MAX_ITEM_SIZE) throw validation('Item size to update has exceeded the maximum allowed size')
        checkIndexKeys(s.table, n)
        return n
      })
      if (reasons.some((r) => r.Code !== 'None')) {
        throw new AwsError(
          'TransactionCanceledException',
          `Transaction cancelled, please refer cancellation reasons for specific reasons [${reasons.map((r) => r.Code).join(', ')}]`,
          400,
          { CancellationReasons: reasons },
        )
      }
      const bytes = new Map<TableState, number>()
      steps.forEach((s, i) => {
        if (s.kind === 'ConditionCheck') return
        const old = s.kind === 'Delete' ? s.table.items.delete(s.key) : s.table.items.put(next[i]!)
        if (s.kind !== 'Delete' || old)
          state.changed(
            s.table,
            ctx.clock.now(),
            cloneItem(s.key),
            old && cloneItem(old),
            next[i] && cloneItem(next[i]!),
          )
        bytes.set(s.table, (bytes.get(s.table) ?? 0) + Math.max(1024, next[i] ? itemSize(next[i]!) : 0))
      })
      const out: Record<string, unknown> = {}
      const capacity = [...bytes]
        .map(([t, b]) => consumedCapacity(t, input.ReturnConsumedCapacity, 'write', b, false, true))
        .filter(Boolean)
      if (capacity.length) out.ConsumedCapacity = capacity
      return out
    },
  }

  interface GetRequest {
    Get: {
      Key: Item
      TableName: string
      ProjectionExpression?: string
      ExpressionAttributeNames?: Record<string, string>
    }
  }
  const TransactGetItems: Op<{ TransactItems: GetRequest[]; ReturnConsumedCapacity?: ReturnConsumedCapacity }> = {
    input: shapes.TransactGetItems,
    latencyMs: (input) => 8 + (input.TransactItems?.length ?? 0) * 0.5,
    authorize: (input, ctx) =>
      input.TransactItems.map((t) => ({
        action: 'dynamodb:GetItem',
        resource: arn(ctx, t.Get.TableName),
        context: itemContext(state, ctx, t.Get.TableName, t.Get.Key),
      })),
    handler(input, ctx) {
      const gets = input.TransactItems.map((t) => {
        const key = validateItem(t.Get.Key)
        const { projection } = compile({ ...t.Get }, ['ProjectionExpression'], [])
        const table = state.activeTable(t.Get.TableName, ctx)
        checkKey(key, table.keys, table.types)
        return { table, key, projection }
      })
      const ids = new Set<string>()
      for (const g of gets) {
        const id = g.table.name + '\u0001' + keyId(g.table, g.key)
        if (ids.has(id)) throw validation('Transaction request cannot include multiple operations on one item')
        ids.add(id)
      }
      const bytes = new Map<TableState, number>()
      const Responses = gets.map((g) => {
        const item = g.table.items.get(g.key)
        bytes.set(g.table, (bytes.get(g.table) ?? 0) + (item ? itemSize(item) : 0))
        return item ? { Item: cloneItem(g.projection ? project(item, g.projection) : item) } : {}
      })
      const out: Record<string, unknown> = { Responses }
      const capacity = [...bytes]
        .map(([t, b]) => consumedCapacity(t, input.ReturnConsumedCapacity, 'read', b, true, true))
        .filter(Boolean)
      if (capacity.length) out.ConsumedCapacity = capacity
      return out
    },
  }

  return { BatchGetItem, BatchWriteItem, TransactWriteItems, TransactGetItems }
}
