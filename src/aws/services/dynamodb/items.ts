// Item operations: PutItem, GetItem, DeleteItem, UpdateItem — with condition, update and projection
// expressions, ReturnValues, ReturnValuesOnConditionCheckFailure, ConsumedCapacity, the 400 KB item
// limit, and DynamoDB's validation order (request shape and values, then expressions, then sizes,
// then the table, then the key schema, then the condition).
import { AwsError } from '../../errors.ts'
import type { OperationDefinition } from '../../types.ts'
import type { AuthorizationRequirement, ConditionValues, OperationContext } from '../../types.ts'
import {
  compileExpressions,
  type CompiledExpressions,
  type ExpressionParam,
  type LegacyParam,
} from './expressions/index.ts'
import { evaluate, project } from './expressions/evaluate.ts'
import { applyUpdate, updatedPaths } from './expressions/update.ts'
import { shapes } from './shapes.ts'
import { consumedCapacity, type DynamoDbState, type ReturnConsumedCapacity, type TableState } from './state.ts'
import { checkKey, pickKey } from './table.ts'
import {
  cloneItem,
  invalidParam,
  itemSize,
  MAX_ITEM_SIZE,
  typeOf,
  validateItem,
  validation,
  type Item,
} from './values.ts'

type Op<I> = OperationDefinition<I, unknown>

export const conditionalCheckFailed = (item?: Item) =>
  new AwsError(
    'ConditionalCheckFailedException',
    'The conditional request failed',
    400,
    item ? { Item: cloneItem(item) } : {},
  )

/** Legacy parameters the simulation does not implement: refused with a clear message. */
export function refuseLegacy(
  input: Record<string, unknown>,
  params: LegacyParam[],
  instead: Record<string, string>,
): void {
  for (const p of params) {
    if (input[p] !== undefined && input[p] !== null && p !== 'AttributesToGet')
      throw validation(
        `The simulated DynamoDB does not support the legacy parameter ${p}; use ${instead[p] ?? 'expressions'} instead.`,
      )
  }
}

const INSTEAD: Record<string, string> = {
  Expected: 'ConditionExpression',
  ConditionalOperator: 'ConditionExpression / FilterExpression',
  AttributeUpdates: 'UpdateExpression',
  KeyConditions: 'KeyConditionExpression',
  QueryFilter: 'FilterExpression',
  ScanFilter: 'FilterExpression',
}

/** Compile a request's expressions, with AttributesToGet turned into a projection. */
export function compile(
  input: Record<string, unknown>,
  params: ExpressionParam[],
  legacy: LegacyParam[],
): CompiledExpressions {
  const compiled = compileExpressions(input, params, legacy)
  refuseLegacy(input, legacy, INSTEAD)
  const atg = input.AttributesToGet as string[] | undefined
  if (atg && !compiled.projection) {
    const seen = new Set<string>()
    for (const a of atg) {
      if (seen.has(a)) throw invalidParam(`Duplicate value in attribute name: ${a}`)
      seen.add(a)
    }
    compiled.projection = atg.map((a) => [a])
  }
  return compiled
}

/** Index key attributes must have their declared types ("Type mismatch for Index Key …"). */
export function checkIndexKeys(table: TableState, item: Item): void {
  for (const ix of table.indexes) {
    for (const k of ix.KeySchema) {
      const v = item[k.AttributeName]
      if (!v) continue
      const t = typeOf(v)
      if (t !== table.types[k.AttributeName])
        throw invalidParam(
          `Type mismatch for Index Key ${k.AttributeName} Expected: ${table.types[k.AttributeName]} Actual: ${t} IndexName: ${ix.IndexName}`,
        )
    }
  }
}

/** IAM request keys for an item operation: dynamodb:LeadingKeys (the partition key value) and friends. */
export function itemContext(
  state: DynamoDbState,
  ctx: OperationContext,
  tableRef: string,
  keyOrItem: unknown,
  extra: ConditionValues = {},
): ConditionValues {
  const out: ConditionValues = { ...extra }
  try {
    const table = state.tables.get(state.tableName(tableRef, ctx))
    const hash = table ? (keyOrItem as Item | undefined)?.[table.keys.hash] : undefined
    const v = hash?.S ?? hash?.N
    if (v !== undefined) out['dynamodb:LeadingKeys'] = [v]
  } catch {
    // an invalid table reference fails later, with its own error
  }
  if (keyOrItem && typeof keyOrItem === 'object') out['dynamodb:Attributes'] = Object.keys(keyOrItem)
  return out
}

function requirement(
  state: DynamoDbState,
  ctx: OperationContext,
  action: string,
  tableRef: string,
  context: ConditionValues,
): AuthorizationRequirement[] {
  let resource: string
  try {
    resource = state.tableArn(ctx, state.tableName(tableRef, ctx))
  } catch {
    resource = state.tableArn(ctx, tableRef)
  }
  return [{ action: `dynamodb:${action}`, resource, context }]
}

function returnValuesContext(input: { ReturnValues?: string; ReturnConsumedCapacity?: string }): ConditionValues {
  const out: ConditionValues = {}
  if (input.ReturnValues) out['dynamodb:ReturnValues'] = input.ReturnValues
  if (input.ReturnConsumedCapacity) out['dynamodb:ReturnConsumedCapacity'] = input.ReturnConsumedCapacity
  return out
}

interface WriteInput {
  TableName: string
  ConditionExpression?: string
  ReturnValues?: string
  ReturnConsumedCapacity?: ReturnConsumedCapacity
  ReturnValuesOnConditionCheckFailure?: 'ALL_OLD' | 'NONE'
  [k: string]: unknown
}

export function itemOperations(state: DynamoDbState) {
  const PutItem: Op<WriteInput & { Item: Item }> = {
    input: shapes.PutItem,
    latencyMs: () => 4,
    authorize: (input, ctx) =>
      requirement(
        state,
        ctx,
        'PutItem',
        input.TableName,
        itemContext(state, ctx, input.TableName, input.Item, returnValuesContext(input)),
      ),
    handler(input, ctx) {
      const item = validateItem(input.Item)
      const { condition } = compile(input, ['ConditionExpression'], ['Expected', 'ConditionalOperator'])
      if (input.ReturnValues && input.ReturnValues !== 'NONE' && input.ReturnValues !== 'ALL_OLD')
        throw validation('ReturnValues can only be ALL_OLD or NONE')
      if (itemSize(item) > MAX_ITEM_SIZE) throw validation('Item size has exceeded the maximum allowed size')
      const table = state.activeTable(input.TableName, ctx)
      checkKey(item, table.keys, table.types, 'item')
      checkIndexKeys(table, item)
      const key = pickKey(item, table.keys)
      const old = table.items.get(key)
      if (condition && !evaluate(old, condition))
        throw conditionalCheckFailed(input.ReturnValuesOnConditionCheckFailure === 'ALL_OLD' ? old : undefined)
      table.items.put(item)
      state.changed(table, ctx.clock.now(), cloneItem(key), old && cloneItem(old), cloneItem(item))
      const out: Record<string, unknown> = {}
      if (input.ReturnValues === 'ALL_OLD' && old) out.Attributes = cloneItem(old)
      const cc = consumedCapacity(
        table,
        input.ReturnConsumedCapacity,
        'write',
        Math.max(itemSize(item), old ? itemSize(old) : 0),
      )
      if (cc) out.ConsumedCapacity = cc
      return out
    },
  }

  type GetInput = {
    TableName: string
    Key: Item
    ConsistentRead?: boolean
    ReturnConsumedCapacity?: ReturnConsumedCapacity
  }
  const GetItem: Op<GetInput> = {
    input: shapes.GetItem,
    latencyMs: (input) => (input.ConsistentRead ? 4 : 3),
    authorize: (input, ctx) =>
      requirement(
        state,
        ctx,
        'GetItem',
        input.TableName,
        itemContext(state, ctx, input.TableName, input.Key, returnValuesContext(input)),
      ),
    handler(input, ctx) {
      const key = validateItem(input.Key)
      const { projection } = compile(input, ['ProjectionExpression'], ['AttributesToGet'])
      const table = state.activeTable(input.TableName, ctx)
      checkKey(key, table.keys, table.types)
      const item = table.items.get(key)
      const out: Record<string, unknown> = {}
      if (item) out.Item = projection ? cloneItem(project(item, projection)) : cloneItem(item)
      const cc = consumedCapacity(
        table,
        input.ReturnConsumedCapacity,
        'read',
        item ? itemSize(item) : 0,
        input.ConsistentRead,
      )
      if (cc) out.ConsumedCapacity = cc
      return out
    },
  }

  const DeleteItem: Op<WriteInput & { Key: Item }> = {
    input: shapes.DeleteItem,
    latencyMs: () => 4,
    authorize: (input, ctx) =>
      requirement(
        state,
        ctx,
        'DeleteItem',
        input.TableName,
        itemContext(state, ctx, input.TableName, input.Key, returnValuesContext(input)),
      ),
    handler(input, ctx) {
      const key = validateItem(input.Key)
      const { condition } = compile(input, ['ConditionExpression'], ['Expected', 'ConditionalOperator'])
      if (input.ReturnValues && input.ReturnValues !== 'NONE' && input.ReturnValues !== 'ALL_OLD')
        throw validation('ReturnValues can only be ALL_OLD or NONE')
      const table = state.activeTable(input.TableName, ctx)
      checkKey(key, table.keys, table.types)
      const old = table.items.get(key)
      if (condition && !evaluate(old, condition))
        throw conditionalCheckFailed(input.ReturnValuesOnConditionCheckFailure === 'ALL_OLD' ? old : undefined)
      if (old) {
        table.items.delete(key)
        state.changed(table, ctx.clock.now(), cloneItem(key), cloneItem(old), undefined)
      }
      const out: Record<string, unknown> = {}
      if (input.ReturnValues === 'ALL_OLD' && old) out.Attributes = cloneItem(old)
      const cc = consumedCapacity(table, input.ReturnConsumedCapacity, 'write', old ? itemSize(old) : 0)
      if (cc) out.ConsumedCapacity = cc
      return out
    },
  }

  const UpdateItem: Op<WriteInput & { Key: Item; UpdateExpression?: string }> = {
    input: shapes.UpdateItem,
    latencyMs: () => 5,
    authorize: (input, ctx) =>
      requirement(
        state,
        ctx,
        'UpdateItem',
        input.TableName,
        itemContext(state, ctx, input.TableName, input.Key, returnValuesContext(input)),
      ),
    handler(input, ctx) {
      const key = validateItem(input.Key)
      const { update, condition } = compile(
        input,
        ['UpdateExpression', 'ConditionExpression'],
        ['AttributeUpdates', 'Expected', 'ConditionalOperator'],
      )
      const table = state.activeTable(input.TableName, ctx)
      checkKey(key, table.keys, table.types)
      const paths = update ? updatedPaths(update) : []
      for (const p of paths) {
        const name = p[0] as string
        if (name === table.keys.hash || name === table.keys.range)
          throw invalidParam(`Cannot update attribute ${name}. This attribute is part of the key`)
        if (p.length > 1 && table.indexes.some((ix) => ix.KeySchema.some((k) => k.AttributeName === name)))
          throw validation(
            `Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: IndexKey: ${name}`,
          )
      }
      const old = table.items.get(key)
      if (condition && !evaluate(old, condition))
        throw conditionalCheckFailed(input.ReturnValuesOnConditionCheckFailure === 'ALL_OLD' ? old : undefined)
      const base = old ?? cloneItem(key)
      const next = update ? applyUpdate(base, update) : cloneItem(base)
      if (itemSize(next) > MAX_ITEM_SIZE) throw validation('Item size to update has exceeded the maximum allowed size')
      checkIndexKeys(table, next)
      table.items.put(next)
      state.changed(table, ctx.clock.now(), cloneItem(key), old && cloneItem(old), cloneItem(next))
      const out: Record<string, unknown> = {}
      switch (input.ReturnValues) {
        case 'ALL_OLD':
          if (old) out.Attributes = cloneItem(old)
          break
        case 'ALL_NEW':
          out.Attributes = cloneItem(next)
          break
        case 'UPDATED_OLD': {
          const a = old ? project(old, paths) : {}
          if (Object.keys(a).length) out.Attributes = cloneItem(a)
          break
        }
        case 'UPDATED_NEW': {
          const a = project(next, paths)
          if (Object.keys(a).length) out.Attributes = cloneItem(a)
          break
        }
      }
      const cc = consumedCapacity(
        table,
        input.ReturnConsumedCapacity,
        'write',
        Math.max(itemSize(next), old ? itemSize(old) : 0),
      )
      if (cc) out.ConsumedCapacity = cc
      return out
    },
  }

  return { PutItem, GetItem, DeleteItem, UpdateItem }
}
