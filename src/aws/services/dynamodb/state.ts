// The DynamoDB service's state: tables (definition + items), how requests name them (names or ARNs),
// their descriptions as DescribeTable returns them, consumed capacity, and the change hook a stream
// can subscribe to later.
import { isAccountId, parseArn } from '../../arn.ts'
import { AwsError } from '../../errors.ts'
import type { OperationContext } from '../../types.ts'
import {
  TableItems,
  type AttributeDefinition,
  type IndexDefinition,
  type KeyNames,
  type KeySchemaElement,
} from './table.ts'
import { itemSize, type AttributeValue, type Item } from './values.ts'

export interface TableState {
  name: string
  arn: string
  id: string
  createdAt: number
  status: 'CREATING' | 'ACTIVE' | 'UPDATING' | 'DELETING'
  keySchema: KeySchemaElement[]
  attributeDefinitions: AttributeDefinition[]
  keys: KeyNames
  types: Record<string, 'S' | 'N' | 'B'>
  billingMode: 'PROVISIONED' | 'PAY_PER_REQUEST'
  provisioned: { read: number; write: number }
  indexes: IndexDefinition[]
  stream?: { enabled: boolean; viewType?: string; label: string }
  deletionProtection: boolean
  tableClass: string
  tags: { Key: string; Value: string }[]
  items: TableItems
}

/** An item-level change (INSERT / MODIFY / REMOVE), for DynamoDB Streams later. */
export interface ItemChange {
  eventName: 'INSERT' | 'MODIFY' | 'REMOVE'
  tableName: string
  tableArn: string
  /** Virtual epoch ms */
  time: number
  keys: Item
  oldImage?: Item
  newImage?: Item
  sizeBytes: number
}

export interface DynamoDbOptions {
  /** Virtual ms a new table stays CREATING (default 0: active at once; CreateTable still answers CREATING, as AWS does). */
  tableActivationDelayMs?: number
  /** Most tables an account may have (default 2,500, AWS's default quota). */
  maxTables?: number
}

export const notFound = () => new AwsError('ResourceNotFoundException', 'Requested resource not found', 400)
export const tableNotFound = (name: string) =>
  new AwsError('ResourceNotFoundException', `Requested resource not found: Table: ${name} not found`, 400)

export class DynamoDbState {
  readonly tables = new Map<string, TableState>()
  private listeners = new Set<(change: ItemChange) => void>()

  constructor(readonly options: DynamoDbOptions = {}) {}

  tableArn(ctx: { region: string; accountId: string }, name: string): string {
    return `arn:aws:dynamodb:${ctx.region}:${ctx.accountId}:table/${name}`
  }

  /** A TableName member (a name, or this account's table ARN) → the table's name. */
  tableName(ref: string, ctx: { region: string; accountId: string }): string {
    if (!ref.startsWith('arn:')) return ref
    const arn = parseArn(ref)
    const name = arn?.resource.startsWith('table/') ? arn.resource.slice(6) : ''
    if (
      !arn ||
      !arn.partition.startsWith('aws') ||
      arn.service !== 'dynamodb' ||
      !isAccountId(arn.accountId) ||
      !/^[a-zA-Z0-9_.-]{3,255}$/.test(name)
    )
      throw new AwsError('ValidationException', `Invalid TableName provided: ${ref}`, 400)
    if (arn.region !== ctx.region || arn.accountId !== ctx.accountId) throw notFound()
    return name
  }

  /** The table a data-plane request names; ResourceNotFoundException when absent or not yet ACTIVE. */
  activeTable(ref: string, ctx: OperationContext): TableState {
    const t = this.tables.get(this.tableName(ref, ctx))
    if (!t || t.status === 'CREATING' || t.status === 'DELETING') throw notFound()
    return t
  }

  onChange(listener: (change: ItemChange) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Record a write (called after the table changed). */
  changed(table: TableState, time: number, keys: Item, oldImage: Item | undefined, newImage: Item | undefined): void {
    if (this.listeners.size === 0) return
    const eventName = !oldImage ? 'INSERT' : !newImage ? 'REMOVE' : 'MODIFY'
    const change: ItemChange = {
      eventName,
      tableName: table.name,
      tableArn: table.arn,
      time,
      keys,
      oldImage,
      newImage,
      sizeBytes: itemSize(newImage ?? oldImage ?? keys),
    }
    for (const l of this.listeners) {
      try {
        l(change)
      } catch {
        // a listener never breaks a write
      }
    }
  }

  describe(t: TableState): Record<string, unknown> {
    const indexDescription = (ix: IndexDefinition) => {
      let count = 0
      let bytes = 0
      for (const item of t.items.all()) {
        if (ix.KeySchema.every((k) => item[k.AttributeName] !== undefined)) {
          count++
          bytes += itemSize(item)
        }
      }
      const d: Record<string, unknown> = {
        IndexName: ix.IndexName,
        KeySchema: ix.KeySchema.map((k) => ({ ...k })),
        Projection: { ...ix.Projection },
        IndexSizeBytes: bytes,
        ItemCount: count,
        IndexArn: `${t.arn}/index/${ix.IndexName}`,
      }
      if (ix.kind === 'GSI') {
        d.IndexStatus = 'ACTIVE'
        d.ProvisionedThroughput = {
          NumberOfDecreasesToday: 0,
          ReadCapacityUnits: ix.ProvisionedThroughput?.ReadCapacityUnits ?? 0,
          WriteCapacityUnits: ix.ProvisionedThroughput?.WriteCapacityUnits ?? 0,
        }
      }
      return d
    }
    const out: Record<string, unknown> = {
      AttributeDefinitions: t.attributeDefinitions.map((a) => ({ ...a })),
      TableName: t.name,
      KeySchema: t.keySchema.map((k) => ({ ...k })),
      TableStatus: t.status,
      CreationDateTime: new Date(t.createdAt),
      ProvisionedThroughput: {
        NumberOfDecreasesToday: 0,
        ReadCapacityUnits: t.provisioned.read,
        WriteCapacityUnits: t.provisioned.write,
      },
      TableSizeBytes: t.items.sizeBytes,
      ItemCount: t.items.itemCount,
      TableArn: t.arn,
      TableId: t.id,
      DeletionProtectionEnabled: t.deletionProtection,
    }
    if (t.billingMode === 'PAY_PER_REQUEST')
      out.BillingModeSummary = {
        BillingMode: 'PAY_PER_REQUEST',
        LastUpdateToPayPerRequestDateTime: new Date(t.createdAt),
      }
    const lsi = t.indexes.filter((i) => i.kind === 'LSI')
    const gsi = t.indexes.filter((i) => i.kind === 'GSI')
    if (lsi.length) out.LocalSecondaryIndexes = lsi.map(indexDescription)
    if (gsi.length) out.GlobalSecondaryIndexes = gsi.map(indexDescription)
    if (t.stream?.enabled) {
      out.StreamSpecification = { StreamEnabled: true, StreamViewType: t.stream.viewType }
      out.LatestStreamLabel = t.stream.label
      out.LatestStreamArn = `${t.arn}/stream/${t.stream.label}`
    }
    if (t.tableClass !== 'STANDARD') out.TableClassSummary = { TableClass: t.tableClass }
    return out
  }

  static newItems(keys: KeyNames): TableItems {
    return new TableItems(keys)
  }
}

export type ReturnConsumedCapacity = 'INDEXES' | 'TOTAL' | 'NONE' | undefined

/** ConsumedCapacity as DynamoDB reports it: reads in 4 KB units (half for eventually consistent), writes in 1 KB units. */
export function consumedCapacity(
  table: TableState,
  mode: ReturnConsumedCapacity,
  kind: 'read' | 'write',
  bytes: number,
  consistent = false,
  transactional = false,
): Record<string, unknown> | undefined {
  if (mode !== 'TOTAL' && mode !== 'INDEXES') return undefined
  let units = kind === 'read' ? Math.max(1, Math.ceil(bytes / 4096)) : Math.max(1, Math.ceil(bytes / 1024))
  if (kind === 'read' && !consistent && !transactional) units /= 2
  if (transactional) units *= 2
  const field = kind === 'read' ? 'ReadCapacityUnits' : 'WriteCapacityUnits'
  const out: Record<string, unknown> = { TableName: table.name, CapacityUnits: units, [field]: units }
  if (mode === 'INDEXES') out.Table = { CapacityUnits: units, [field]: units }
  return out
}

export type { AttributeValue, Item }
