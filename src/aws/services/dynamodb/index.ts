// DynamoDB (awsJson1_0, target prefix DynamoDB_20120810): createDynamoDbService() builds the service
// for one account — its ServiceDefinition for the gateway, plus direct access for the UI and labs
// (tables, items, a change hook for streams later, snapshot/restore).
import type { OperationDefinition, ServiceDefinition } from '../../types.ts'
import { batchOperations } from './batch.ts'
import { itemOperations } from './items.ts'
import { readOperations } from './reads.ts'
import { snapshotState, tablesFromSnapshot, type DynamoDbSnapshot } from './snapshot.ts'
import { DynamoDbState, type DynamoDbOptions, type ItemChange } from './state.ts'
import { tableOperations } from './tables.ts'
import { cloneItem, type Item } from './values.ts'

export interface DynamoDbServiceOptions extends DynamoDbOptions {
  accountId: string
  region: string
}

export function createDynamoDbService(options: DynamoDbServiceOptions) {
  const state = new DynamoDbState(options)
  const operations = {
    ...tableOperations(state),
    ...itemOperations(state),
    ...readOperations(state),
    ...batchOperations(state),
  } as Record<string, OperationDefinition<never, unknown>>

  const definition: ServiceDefinition = {
    id: 'dynamodb',
    signingName: 'dynamodb',
    actionPrefix: 'dynamodb',
    protocol: 'awsJson1_0',
    targetPrefix: 'DynamoDB_20120810',
    errorNamespace: 'com.amazonaws.dynamodb.v20120810',
    requestIdFormat: 'dynamodb',
    endpointPrefixes: ['ddb'],
    operations,
  }

  const ctx = { region: options.region, accountId: options.accountId }

  return {
    definition,
    /** Names of the tables, sorted. */
    tableNames(): string[] {
      return [...state.tables.keys()].sort()
    },
    /** DescribeTable's description of a table, without going through the gateway (UI). */
    describeTable(name: string): Record<string, unknown> | undefined {
      const t = state.tables.get(name)
      return t && state.describe(t)
    },
    /** A copy of every item of a table, in scan order (UI). */
    items(name: string): Item[] {
      const t = state.tables.get(name)
      return t ? [...t.items.all()].map(cloneItem) : []
    },
    /** Subscribe to item changes (INSERT / MODIFY / REMOVE): the hook DynamoDB Streams will use. */
    onItemChange(listener: (change: ItemChange) => void): () => void {
      return state.onChange(listener)
    },
    snapshot(): DynamoDbSnapshot {
      return snapshotState(state)
    },
    /** Replace every table with the snapshot's (validated first; nothing changes when it is refused). */
    restore(json: unknown): void {
      const tables = tablesFromSnapshot(state, json, ctx)
      state.tables.clear()
      for (const [k, v] of tables) state.tables.set(k, v)
    },
  }
}

export type DynamoDbService = ReturnType<typeof createDynamoDbService>
export type { ItemChange, DynamoDbSnapshot }
export type { AttributeValue, Item } from './values.ts'
