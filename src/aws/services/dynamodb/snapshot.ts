// Saving and restoring DynamoDB's state as plain JSON (the playground saves the account with the
// workspace). restore() validates everything — table definitions with CreateTable's own rules,
// every item with PutItem's — before it replaces anything, and names the bad part when it refuses.
import { isAwsError } from '../../errors.ts'
import { toJsonWire } from '../../protocol/json.ts'
import { checkConstraints, coerce, formatValue } from '../../protocol/shapes.ts'
import { AttributeValueShape, shapes } from './shapes.ts'
import { DynamoDbState, type TableState } from './state.ts'
import { buildTable, validateCreateTable, type CreateTableInput } from './tables.ts'
import { checkKey } from './table.ts'
import { itemSize, MAX_ITEM_SIZE, validateItem, type Item } from './values.ts'

export const SNAPSHOT_VERSION = 1
/** Bounds a saved account must respect (a hostile file must not exhaust the page). */
export const SNAPSHOT_LIMITS = { tables: 256, itemsPerTable: 100_000, totalBytes: 64 * 1024 * 1024 }

export interface TableSnapshot {
  TableName: string
  TableId: string
  CreatedAt: number
  KeySchema: CreateTableInput['KeySchema']
  AttributeDefinitions: CreateTableInput['AttributeDefinitions']
  BillingMode: 'PROVISIONED' | 'PAY_PER_REQUEST'
  ProvisionedThroughput?: { ReadCapacityUnits: number; WriteCapacityUnits: number }
  LocalSecondaryIndexes?: CreateTableInput['LocalSecondaryIndexes']
  GlobalSecondaryIndexes?: CreateTableInput['GlobalSecondaryIndexes']
  StreamSpecification?: { StreamEnabled: boolean; StreamViewType?: string }
  StreamLabel?: string
  DeletionProtectionEnabled: boolean
  TableClass: string
  Tags: { Key: string; Value: string }[]
  /** Items in DynamoDB JSON (binary as base64). */
  Items: unknown[]
}

export interface DynamoDbSnapshot {
  version: number
  tables: TableSnapshot[]
}

export function snapshotState(state: DynamoDbState): DynamoDbSnapshot {
  const tables: TableSnapshot[] = []
  for (const t of state.tables.values()) {
    const indexes = (kind: 'LSI' | 'GSI') => {
      const list = t.indexes.filter((i) => i.kind === kind)
      return list.length
        ? list.map((i) => ({
            IndexName: i.IndexName,
            KeySchema: i.KeySchema.map((k) => ({ ...k })),
            Projection: { ...i.Projection },
            ...(i.ProvisionedThroughput ? { ProvisionedThroughput: { ...i.ProvisionedThroughput } } : {}),
          }))
        : undefined
    }
    tables.push({
      TableName: t.name,
      TableId: t.id,
      CreatedAt: t.createdAt,
      KeySchema: t.keySchema.map((k) => ({ ...k })),
      AttributeDefinitions: t.attributeDefinitions.map((a) => ({ ...a })),
      BillingMode: t.billingMode,
      ...(t.billingMode === 'PROVISIONED'
        ? { ProvisionedThroughput: { ReadCapacityUnits: t.provisioned.read, WriteCapacityUnits: t.provisioned.write } }
        : {}),
      LocalSecondaryIndexes: indexes('LSI'),
      GlobalSecondaryIndexes: indexes('GSI'),
      ...(t.stream
        ? {
            StreamSpecification: { StreamEnabled: true, StreamViewType: t.stream.viewType },
            StreamLabel: t.stream.label,
          }
        : {}),
      DeletionProtectionEnabled: t.deletionProtection,
      TableClass: t.tableClass,
      Tags: t.tags.map((x) => ({ ...x })),
      Items: [...t.items.all()].map((i) => toJsonWire(i)),
    })
  }
  return { version: SNAPSHOT_VERSION, tables }
}

class SnapshotError extends Error {}

function fail(where: string, message: string): never {
  throw new SnapshotError(`${where}: ${message}`)
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** Build the tables a snapshot describes, validating all of it; throws naming the bad part. */
export function tablesFromSnapshot(
  state: DynamoDbState,
  json: unknown,
  ctx: { region: string; accountId: string },
): Map<string, TableState> {
  if (!isObject(json)) fail('dynamodb', 'expected an object with "version" and "tables"')
  if (json.version !== SNAPSHOT_VERSION)
    fail('dynamodb.version', `unsupported version ${formatValue(json.version)} (expected ${SNAPSHOT_VERSION})`)
  if (!Array.isArray(json.tables)) fail('dynamodb.tables', 'expected an array')
  if (json.tables.length > SNAPSHOT_LIMITS.tables) fail('dynamodb.tables', `more than ${SNAPSHOT_LIMITS.tables} tables`)
  const out = new Map<string, TableState>()
  let total = 0
  json.tables.forEach((raw: unknown, ti: number) => {
    const where = `dynamodb.tables[${ti}]`
    if (!isObject(raw)) fail(where, 'expected an object')
    const def = {
      TableName: raw.TableName,
      AttributeDefinitions: raw.AttributeDefinitions,
      KeySchema: raw.KeySchema,
      BillingMode: raw.BillingMode,
      ProvisionedThroughput: raw.ProvisionedThroughput,
      LocalSecondaryIndexes: raw.LocalSecondaryIndexes,
      GlobalSecondaryIndexes: raw.GlobalSecondaryIndexes,
      StreamSpecification: raw.StreamSpecification,
      DeletionProtectionEnabled: raw.DeletionProtectionEnabled,
      TableClass: raw.TableClass,
      Tags: raw.Tags,
    }
    let input: CreateTableInput
    try {
      input = coerce(shapes.CreateTable, def, 'json') as unknown as CreateTableInput
      const violations = checkConstraints(shapes.CreateTable, input as unknown as Record<string, unknown>)
      if (violations.length) fail(where, `${violations[0].path}: ${violations[0].constraint}`)
      if (input.TableName.startsWith('arn:')) fail(`${where}.TableName`, 'must be a table name, not an ARN')
      validateCreateTable(input)
    } catch (e) {
      if (e instanceof SnapshotError) throw e
      fail(where, isAwsError(e) ? e.message : String(e))
    }
    if (out.has(input.TableName)) fail(`${where}.TableName`, `duplicate table ${input.TableName}`)
    const createdAt =
      typeof raw.CreatedAt === 'number' && Number.isFinite(raw.CreatedAt)
        ? raw.CreatedAt
        : fail(`${where}.CreatedAt`, 'expected epoch milliseconds')
    const table = buildTable(state, input, { ...ctx, now: createdAt })
    table.status = 'ACTIVE'
    if (typeof raw.TableId === 'string' && /^[0-9a-f-]{36}$/.test(raw.TableId)) table.id = raw.TableId
    if (table.stream && typeof raw.StreamLabel === 'string' && raw.StreamLabel.length <= 64)
      table.stream.label = raw.StreamLabel
    if (!Array.isArray(raw.Items)) fail(`${where}.Items`, 'expected an array')
    if (raw.Items.length > SNAPSHOT_LIMITS.itemsPerTable)
      fail(`${where}.Items`, `more than ${SNAPSHOT_LIMITS.itemsPerTable} items`)
    raw.Items.forEach((rawItem: unknown, ii: number) => {
      const iw = `${where}.Items[${ii}]`
      let item: Item
      try {
        if (!isObject(rawItem)) fail(iw, 'expected an item (attribute name → AttributeValue)')
        const typed: Record<string, unknown> = {}
        for (const k of Object.keys(rawItem)) typed[k] = coerce(AttributeValueShape, rawItem[k], 'json')
        item = validateItem(typed)
        const size = itemSize(item)
        if (size > MAX_ITEM_SIZE) fail(iw, 'Item size has exceeded the maximum allowed size')
        total += size
        if (total > SNAPSHOT_LIMITS.totalBytes) fail(iw, `the saved tables exceed ${SNAPSHOT_LIMITS.totalBytes} bytes`)
        checkKey(item, table.keys, table.types, 'item')
      } catch (e) {
        if (e instanceof SnapshotError) throw e
        fail(iw, isAwsError(e) ? e.message : String(e))
      }
      if (table.items.put(item)) fail(iw, 'two items with the same key')
    })
    out.set(input.TableName, table)
  })
  return out
}
