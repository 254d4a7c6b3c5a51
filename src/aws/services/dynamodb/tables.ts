// Table operations: CreateTable, DescribeTable, ListTables, DeleteTable, UpdateTable.
import { AwsError } from '../../errors.ts'
import { uuid } from '../../protocol/ids.ts'
import type { OperationDefinition } from '../../types.ts'
import type { OperationContext } from '../../types.ts'
import { shapes } from './shapes.ts'
import { DynamoDbState, tableNotFound, type TableState } from './state.ts'
import {
  keyNames,
  type AttributeDefinition,
  type IndexDefinition,
  type KeySchemaElement,
  type Projection,
} from './table.ts'
import { invalidParam, validation } from './values.ts'

interface IndexInput {
  IndexName: string
  KeySchema: KeySchemaElement[]
  Projection: Projection
  ProvisionedThroughput?: { ReadCapacityUnits: number; WriteCapacityUnits: number }
}

export interface CreateTableInput {
  TableName: string
  AttributeDefinitions: AttributeDefinition[]
  KeySchema: KeySchemaElement[]
  LocalSecondaryIndexes?: IndexInput[]
  GlobalSecondaryIndexes?: IndexInput[]
  BillingMode?: 'PROVISIONED' | 'PAY_PER_REQUEST'
  ProvisionedThroughput?: { ReadCapacityUnits: number; WriteCapacityUnits: number }
  StreamSpecification?: { StreamEnabled: boolean; StreamViewType?: string }
  Tags?: { Key: string; Value: string }[]
  TableClass?: string
  DeletionProtectionEnabled?: boolean
}

function checkKeySchema(schema: KeySchemaElement[], defined: string[]): void {
  const keys = schema.map((k) => k.AttributeName)
  if (keys.length > defined.length) throw validation('Invalid KeySchema: Some index key attribute have no definition')
  if (keys.some((k) => !defined.includes(k)))
    throw invalidParam(
      `Some index key attributes are not defined in AttributeDefinitions. Keys: [${keys.join(', ')}], AttributeDefinitions: [${defined.join(', ')}]`,
    )
  if (keys[0] === keys[1])
    throw validation('Both the Hash Key and the Range Key element in the KeySchema have the same name')
  if (schema[0].KeyType !== 'HASH')
    throw validation('Invalid KeySchema: The first KeySchemaElement is not a HASH key type')
  if (schema[1] && schema[1].KeyType !== 'RANGE')
    throw validation('Invalid KeySchema: The second KeySchemaElement is not a RANGE key type')
}

function checkProjection(p: Projection): void {
  if (!p.ProjectionType) throw invalidParam('Unknown ProjectionType: null')
  if (p.ProjectionType !== 'INCLUDE' && p.NonKeyAttributes)
    throw invalidParam(`ProjectionType is ${p.ProjectionType}, but NonKeyAttributes is specified`)
}

export function validateCreateTable(input: CreateTableInput): void {
  const payPerRequest = input.BillingMode === 'PAY_PER_REQUEST'
  if (payPerRequest && input.ProvisionedThroughput)
    throw invalidParam(
      'Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST',
    )
  if (!payPerRequest && !input.ProvisionedThroughput)
    throw invalidParam(
      'ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED',
    )
  for (const which of ['ReadCapacityUnits', 'WriteCapacityUnits'] as const) {
    const v = input.ProvisionedThroughput?.[which]
    if (v !== undefined && v > 1_000_000_000_000) throw validation(`Given value ${v} for ${which} is out of bounds`)
  }
  const defined = input.AttributeDefinitions.map((a) => a.AttributeName)
  checkKeySchema(input.KeySchema, defined)
  const used = new Set(input.KeySchema.map((k) => k.AttributeName))
  const seen = new Set<string>()
  const tableHash = input.KeySchema[0].AttributeName
  if (input.LocalSecondaryIndexes) {
    if (!input.LocalSecondaryIndexes.length) throw invalidParam('List of LocalSecondaryIndexes is empty')
    if (input.KeySchema.length !== 2)
      throw invalidParam(
        'Table KeySchema does not have a range key, which is required when specifying a LocalSecondaryIndex',
      )
    for (const ix of input.LocalSecondaryIndexes) {
      checkKeySchema(ix.KeySchema, defined)
      if (ix.KeySchema.length !== 2)
        throw invalidParam(`Index KeySchema does not have a range key for index: ${ix.IndexName}`)
      if (ix.KeySchema[0].AttributeName !== tableHash)
        throw invalidParam(
          `Index KeySchema does not have the same leading hash key as table KeySchema for index: ${ix.IndexName}. index hash key: ${ix.KeySchema[0].AttributeName}, table hash key: ${tableHash}`,
        )
      checkProjection(ix.Projection)
      if (seen.has(ix.IndexName)) throw invalidParam(`Duplicate index name: ${ix.IndexName}`)
      seen.add(ix.IndexName)
      ix.KeySchema.forEach((k) => used.add(k.AttributeName))
    }
    if (input.LocalSecondaryIndexes.length > 5)
      throw invalidParam('Number of LocalSecondaryIndexes exceeds per-table limit of 5')
  }
  if (input.GlobalSecondaryIndexes) {
    if (!input.GlobalSecondaryIndexes.length) throw invalidParam('List of GlobalSecondaryIndexes is empty')
    for (const ix of input.GlobalSecondaryIndexes) {
      checkKeySchema(ix.KeySchema, defined)
      checkProjection(ix.Projection)
      if (payPerRequest && ix.ProvisionedThroughput)
        throw invalidParam(
          `ProvisionedThroughput should not be specified for index: ${ix.IndexName} when BillingMode is PAY_PER_REQUEST`,
        )
      if (!payPerRequest && !ix.ProvisionedThroughput)
        throw invalidParam(`ProvisionedThroughput must be specified for index: ${ix.IndexName}`)
      if (seen.has(ix.IndexName)) throw invalidParam(`Duplicate index name: ${ix.IndexName}`)
      seen.add(ix.IndexName)
      ix.KeySchema.forEach((k) => used.add(k.AttributeName))
    }
    if (input.GlobalSecondaryIndexes.length > 20)
      throw invalidParam('GlobalSecondaryIndex count exceeds the per-table limit of 20')
  }
  if (defined.length !== used.size || new Set(defined).size !== defined.length)
    throw invalidParam(
      'Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions',
    )
}

/** Build a table from a (validated) CreateTable input. */
export function buildTable(
  state: DynamoDbState,
  input: CreateTableInput,
  ctx: { region: string; accountId: string; now: number },
): TableState {
  const keys = keyNames(input.KeySchema)
  const types: Record<string, 'S' | 'N' | 'B'> = {}
  for (const a of input.AttributeDefinitions) types[a.AttributeName] = a.AttributeType
  const indexes: IndexDefinition[] = [
    ...(input.LocalSecondaryIndexes ?? []).map((ix) => ({ ...ix, kind: 'LSI' as const })),
    ...(input.GlobalSecondaryIndexes ?? []).map((ix) => ({ ...ix, kind: 'GSI' as const })),
  ].map((ix) => ({
    IndexName: ix.IndexName,
    kind: ix.kind,
    KeySchema: ix.KeySchema.map((k) => ({ AttributeName: k.AttributeName, KeyType: k.KeyType })),
    Projection: {
      ...ix.Projection,
      ...(ix.Projection.NonKeyAttributes ? { NonKeyAttributes: [...ix.Projection.NonKeyAttributes] } : {}),
    },
    ...(ix.ProvisionedThroughput ? { ProvisionedThroughput: { ...ix.ProvisionedThroughput } } : {}),
  }))
  return {
    name: input.TableName,
    arn: state.tableArn(ctx, input.TableName),
    id: uuid(),
    createdAt: ctx.now,
    status: 'CREATING',
    keySchema: input.KeySchema.map((k) => ({ AttributeName: k.AttributeName, KeyType: k.KeyType })),
    attributeDefinitions: input.AttributeDefinitions.map((a) => ({
      AttributeName: a.AttributeName,
      AttributeType: a.AttributeType,
    })),
    keys,
    types,
    billingMode: input.BillingMode ?? 'PROVISIONED',
    provisioned: {
      read: input.ProvisionedThroughput?.ReadCapacityUnits ?? 0,
      write: input.ProvisionedThroughput?.WriteCapacityUnits ?? 0,
    },
    indexes,
    stream: input.StreamSpecification?.StreamEnabled
      ? {
          enabled: true,
          viewType: input.StreamSpecification.StreamViewType,
          label: new Date(ctx.now).toISOString().slice(0, 23),
        }
      : undefined,
    deletionProtection: input.DeletionProtectionEnabled ?? false,
    tableClass: input.TableClass ?? 'STANDARD',
    tags: (input.Tags ?? []).map((t) => ({ ...t })),
    items: DynamoDbState.newItems(keys),
  }
}

type Op<I> = OperationDefinition<I, unknown>

export function tableOperations(state: DynamoDbState) {
  const arn = (ctx: OperationContext, name: string) => state.tableArn(ctx, state.tableName(name, ctx))

  function activate(t: TableState, ctx: OperationContext) {
    const delay = state.options.tableActivationDelayMs ?? 0
    if (delay <= 0) t.status = 'ACTIVE'
    else
      ctx.clock.schedule(ctx.clock.now() + delay, () => {
        if (state.tables.get(t.name) === t && t.status === 'CREATING') t.status = 'ACTIVE'
      })
  }

  const CreateTable: Op<CreateTableInput> = {
    input: shapes.CreateTable,
    latencyMs: () => 20,
    authorize: (input, ctx) => [{ action: 'dynamodb:CreateTable', resource: arn(ctx, input.TableName) }],
    handler(input, ctx) {
      const name = state.tableName(input.TableName, ctx)
      validateCreateTable(input)
      if (state.tables.has(name)) throw new AwsError('ResourceInUseException', `Table already exists: ${name}`, 400)
      const max = state.options.maxTables ?? 2500
      if (state.tables.size >= max)
        throw new AwsError(
          'LimitExceededException',
          `Subscriber limit exceeded: Table count exceeds the per-account limit of ${max}. Refer to the Amazon DynamoDB Developer Guide for current limits and how to request higher limits.`,
          400,
        )
      const table = buildTable(
        state,
        { ...input, TableName: name },
        { region: ctx.region, accountId: ctx.accountId, now: ctx.clock.now() },
      )
      state.tables.set(name, table)
      const TableDescription = state.describe(table)
      activate(table, ctx)
      return { TableDescription }
    },
  }

  const DescribeTable: Op<{ TableName: string }> = {
    input: shapes.DescribeTable,
    latencyMs: () => 3,
    authorize: (input, ctx) => [{ action: 'dynamodb:DescribeTable', resource: arn(ctx, input.TableName) }],
    handler(input, ctx) {
      const name = state.tableName(input.TableName, ctx)
      const t = state.tables.get(name)
      if (!t) throw tableNotFound(name)
      return { Table: state.describe(t) }
    },
  }

  const ListTables: Op<{ ExclusiveStartTableName?: string; Limit?: number }> = {
    input: shapes.ListTables,
    latencyMs: () => 3,
    authorize: () => [{ action: 'dynamodb:ListTables', resource: '*' }],
    handler(input) {
      const names = [...state.tables.keys()].sort()
      const start = input.ExclusiveStartTableName
      const from = start === undefined ? 0 : names.findIndex((n) => n > start)
      const limit = input.Limit ?? 100
      const page = from < 0 ? [] : names.slice(from, from + limit)
      const out: Record<string, unknown> = { TableNames: page }
      if (from >= 0 && from + limit < names.length) out.LastEvaluatedTableName = page[page.length - 1]
      return out
    },
  }

  const DeleteTable: Op<{ TableName: string }> = {
    input: shapes.DeleteTable,
    latencyMs: () => 10,
    authorize: (input, ctx) => [{ action: 'dynamodb:DeleteTable', resource: arn(ctx, input.TableName) }],
    handler(input, ctx) {
      const name = state.tableName(input.TableName, ctx)
      const t = state.tables.get(name)
      if (!t) throw tableNotFound(name)
      if (t.status === 'CREATING')
        throw new AwsError(
          'ResourceInUseException',
          `Attempt to change a resource which is still in use: Table is being created: ${name}`,
          400,
        )
      if (t.deletionProtection)
        throw validation(
          'Resource cannot be deleted as it is currently protected against deletion. Disable deletion protection first.',
        )
      const description = state.describe(t)
      description.TableStatus = 'DELETING'
      state.tables.delete(name)
      return { TableDescription: description }
    },
  }

  type UpdateTableInput = {
    TableName: string
    BillingMode?: 'PROVISIONED' | 'PAY_PER_REQUEST'
    ProvisionedThroughput?: { ReadCapacityUnits: number; WriteCapacityUnits: number }
    StreamSpecification?: { StreamEnabled: boolean; StreamViewType?: string }
    DeletionProtectionEnabled?: boolean
    TableClass?: string
    GlobalSecondaryIndexUpdates?: unknown
    AttributeDefinitions?: unknown
  }

  const UpdateTable: Op<UpdateTableInput> = {
    input: shapes.UpdateTable,
    latencyMs: () => 10,
    authorize: (input, ctx) => [{ action: 'dynamodb:UpdateTable', resource: arn(ctx, input.TableName) }],
    handler(input, ctx) {
      const name = state.tableName(input.TableName, ctx)
      const t = state.tables.get(name)
      if (!t) throw tableNotFound(name)
      if (input.GlobalSecondaryIndexUpdates !== undefined)
        throw validation(
          'The simulation does not support GlobalSecondaryIndexUpdates yet: define indexes in CreateTable.',
        )
      if (
        input.BillingMode === undefined &&
        input.ProvisionedThroughput === undefined &&
        input.StreamSpecification === undefined &&
        input.DeletionProtectionEnabled === undefined &&
        input.TableClass === undefined
      )
        throw validation(
          'At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, GlobalSecondaryIndexUpdates or SSESpecification or ReplicaUpdates is required',
        )
      const billing = input.BillingMode ?? t.billingMode
      if (billing === 'PAY_PER_REQUEST' && input.ProvisionedThroughput)
        throw invalidParam(
          'Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST',
        )
      if (input.BillingMode === 'PROVISIONED' && t.billingMode === 'PAY_PER_REQUEST' && !input.ProvisionedThroughput)
        throw validation(
          'One or more parameter values were invalid: ProvisionedThroughput must be specified when BillingMode is PROVISIONED',
        )
      if (input.ProvisionedThroughput) {
        const { ReadCapacityUnits: r, WriteCapacityUnits: w } = input.ProvisionedThroughput
        if (r === t.provisioned.read && w === t.provisioned.write && input.BillingMode === undefined)
          throw validation(
            `The provisioned throughput for the table will not change. The requested value equals the current value. Current ReadCapacityUnits provisioned for the table: ${r}. Requested ReadCapacityUnits: ${r}. Current WriteCapacityUnits provisioned for the table: ${w}. Requested WriteCapacityUnits: ${w}. Refer to the Amazon DynamoDB Developer Guide for current limits and how to request higher limits.`,
          )
        t.provisioned = { read: r, write: w }
      }
      if (billing === 'PAY_PER_REQUEST') t.provisioned = { read: 0, write: 0 }
      t.billingMode = billing
      if (input.StreamSpecification) {
        const s = input.StreamSpecification
        if (s.StreamEnabled && t.stream?.enabled)
          throw validation(`Table already has an enabled stream: ${t.arn}/stream/${t.stream.label}`)
        if (!s.StreamEnabled && !t.stream?.enabled) throw validation('Table already has no stream enabled')
        t.stream = s.StreamEnabled
          ? { enabled: true, viewType: s.StreamViewType, label: new Date(ctx.clock.now()).toISOString().slice(0, 23) }
          : undefined
      }
      if (input.DeletionProtectionEnabled !== undefined) t.deletionProtection = input.DeletionProtectionEnabled
      if (input.TableClass !== undefined) t.tableClass = input.TableClass
      return { TableDescription: state.describe(t) }
    },
  }

  return { CreateTable, DescribeTable, ListTables, DeleteTable, UpdateTable }
}
