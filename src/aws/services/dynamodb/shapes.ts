// DynamoDB's input shapes (API version 2012-08-10): the gateway validates requests with them (in
// Coral's words) and the JSON codec decodes blobs in AttributeValues with them. Enum lists are in
// the order DynamoDB prints them in its messages.
import {
  blob,
  boolean,
  document,
  integer,
  list,
  long,
  map,
  required,
  string,
  structure,
  type MapShape,
  type Shape,
  type StringShape,
  type UnionShape,
} from '../../protocol/shapes.ts'

const NAME_CHARS = /^[a-zA-Z0-9_.-]+$/

/** Table names: 3–255 of [a-zA-Z0-9_.-], or a table ARN (up to 1024 characters). */
export function tableNameConstraints(s: string): string[] {
  if (s.startsWith('arn:')) return s.length > 1024 ? ['Member must have length less than or equal to 1024'] : []
  const out: string[] = []
  if (!NAME_CHARS.test(s)) out.push('Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+')
  if (s.length < 3) out.push('Member must have length greater than or equal to 3')
  if (s.length > 255) out.push('Member must have length less than or equal to 255')
  return out
}

const tableName = (): StringShape => string({ required: true, extra: tableNameConstraints })
const indexName = (): StringShape =>
  string({ min: 3, max: 255, pattern: { source: '[a-zA-Z0-9_.-]+', test: (s) => NAME_CHARS.test(s) } })

// AttributeValue is recursive: build it, then patch M and L.
const attributeValue: UnionShape = {
  type: 'union',
  members: {
    S: string(),
    N: string(),
    B: blob(),
    SS: list(string()),
    NS: list(string()),
    BS: list(blob()),
    NULL: boolean(),
    BOOL: boolean(),
  },
}
attributeValue.members.M = map(string(), attributeValue)
attributeValue.members.L = list(attributeValue)
export const AttributeValueShape = attributeValue

const attributeMap = (): MapShape => map(string(), attributeValue)
const names = () => map(string(), string())
const values = () => map(string(), attributeValue)

const returnConsumedCapacity = () => string({ enum: ['INDEXES', 'TOTAL', 'NONE'] })
const returnItemCollectionMetrics = () => string({ enum: ['SIZE', 'NONE'] })
const returnValues = () => string({ enum: ['ALL_NEW', 'UPDATED_OLD', 'ALL_OLD', 'NONE', 'UPDATED_NEW'] })
const returnValuesOnConditionCheckFailure = () => string({ enum: ['ALL_OLD', 'NONE'] })
const select = () => string({ enum: ['SPECIFIC_ATTRIBUTES', 'COUNT', 'ALL_ATTRIBUTES', 'ALL_PROJECTED_ATTRIBUTES'] })
const attributesToGet = () => list(string({ min: 1, max: 65535 }), { min: 1 })
/** Legacy parameters the simulation refuses with a clear message (see docs). */
const legacy = () => document()

const keySchema = () =>
  list(
    structure({
      AttributeName: required(string({ min: 1, max: 255 })),
      KeyType: required(string({ enum: ['HASH', 'RANGE'] })),
    }),
    { min: 1, max: 2 },
  )
const projection = () =>
  structure({
    ProjectionType: string({ enum: ['ALL', 'INCLUDE', 'KEYS_ONLY'] }),
    NonKeyAttributes: list(string({ min: 1, max: 255 }), { min: 1, max: 20 }),
  })
const provisionedThroughput = () =>
  structure({ ReadCapacityUnits: required(long({ min: 1 })), WriteCapacityUnits: required(long({ min: 1 })) })
const tags = () =>
  list(structure({ Key: required(string({ min: 1, max: 128 })), Value: required(string({ max: 256 })) }))

export const shapes: Record<string, ReturnType<typeof structure>> = {
  CreateTable: structure({
    AttributeDefinitions: required(
      list(
        structure({
          AttributeName: required(string({ min: 1, max: 255 })),
          AttributeType: required(string({ enum: ['B', 'N', 'S'] })),
        }),
      ),
    ),
    TableName: tableName(),
    KeySchema: required(keySchema()),
    LocalSecondaryIndexes: list(
      structure({
        IndexName: required(indexName()),
        KeySchema: required(keySchema()),
        Projection: required(projection()),
      }),
    ),
    GlobalSecondaryIndexes: list(
      structure({
        IndexName: required(indexName()),
        KeySchema: required(keySchema()),
        Projection: required(projection()),
        ProvisionedThroughput: provisionedThroughput(),
        OnDemandThroughput: document(),
        WarmThroughput: document(),
      }),
    ),
    BillingMode: string({ enum: ['PROVISIONED', 'PAY_PER_REQUEST'] }),
    ProvisionedThroughput: provisionedThroughput(),
    StreamSpecification: structure({
      StreamEnabled: required(boolean()),
      StreamViewType: string({ enum: ['NEW_IMAGE', 'OLD_IMAGE', 'NEW_AND_OLD_IMAGES', 'KEYS_ONLY'] }),
    }),
    SSESpecification: document(),
    Tags: tags(),
    TableClass: string({ enum: ['STANDARD', 'STANDARD_INFREQUENT_ACCESS'] }),
    DeletionProtectionEnabled: boolean(),
    WarmThroughput: document(),
    ResourcePolicy: string(),
    OnDemandThroughput: document(),
  }),
  DescribeTable: structure({ TableName: tableName() }),
  DeleteTable: structure({ TableName: tableName() }),
  ListTables: structure({
    ExclusiveStartTableName: string({
      min: 3,
      max: 255,
      pattern: { source: '[a-zA-Z0-9_.-]+', test: (s) => NAME_CHARS.test(s) },
    }),
    Limit: integer({ min: 1, max: 100 }),
  }),
  UpdateTable: structure({
    AttributeDefinitions: list(
      structure({
        AttributeName: required(string({ min: 1, max: 255 })),
        AttributeType: required(string({ enum: ['B', 'N', 'S'] })),
      }),
    ),
    TableName: tableName(),
    BillingMode: string({ enum: ['PROVISIONED', 'PAY_PER_REQUEST'] }),
    ProvisionedThroughput: provisionedThroughput(),
    GlobalSecondaryIndexUpdates: document(),
    StreamSpecification: structure({
      StreamEnabled: required(boolean()),
      StreamViewType: string({ enum: ['NEW_IMAGE', 'OLD_IMAGE', 'NEW_AND_OLD_IMAGES', 'KEYS_ONLY'] }),
    }),
    SSESpecification: document(),
    ReplicaUpdates: document(),
    TableClass: string({ enum: ['STANDARD', 'STANDARD_INFREQUENT_ACCESS'] }),
    DeletionProtectionEnabled: boolean(),
    MultiRegionConsistency: document(),
    OnDemandThroughput: document(),
    WarmThroughput: document(),
  }),
  PutItem: structure({
    TableName: tableName(),
    Item: required(attributeMap()),
    Expected: legacy(),
    ReturnValues: returnValues(),
    ReturnConsumedCapacity: returnConsumedCapacity(),
    ReturnItemCollectionMetrics: returnItemCollectionMetrics(),
    ConditionalOperator: legacy(),
    ConditionExpression: string(),
    ExpressionAttributeNames: names(),
    ExpressionAttributeValues: values(),
    ReturnValuesOnConditionCheckFailure: returnValuesOnConditionCheckFailure(),
  }),
  GetItem: structure({
    TableName: tableName(),
    Key: required(attributeMap()),
    AttributesToGet: attributesToGet(),
    ConsistentRead: boolean(),
    ReturnConsumedCapacity: returnConsumedCapacity(),
    ProjectionExpression: string(),
    ExpressionAttributeNames: names(),
  }),
  DeleteItem: structure({
    TableName: tableName(),
    Key: required(attributeMap()),
    Expected: legacy(),
    ConditionalOperator: legacy(),
    ReturnValues: returnValues(),
    ReturnConsumedCapacity: returnConsumedCapacity(),
    ReturnItemCollectionMetrics: returnItemCollectionMetrics(),
    ConditionExpression: string(),
    ExpressionAttributeNames: names(),
    ExpressionAttributeValues: values(),
    ReturnValuesOnConditionCheckFailure: returnValuesOnConditionCheckFailure(),
  }),
  UpdateItem: structure({
    TableName: tableName(),
    Key: required(attributeMap()),
    AttributeUpdates: legacy(),
    Expected: legacy(),
    ConditionalOperator: legacy(),
    ReturnValues: returnValues(),
    ReturnConsumedCapacity: returnConsumedCapacity(),
    ReturnItemCollectionMetrics: returnItemCollectionMetrics(),
    UpdateExpression: string(),
    ConditionExpression: string(),
    ExpressionAttributeNames: names(),
    ExpressionAttributeValues: values(),
    ReturnValuesOnConditionCheckFailure: returnValuesOnConditionCheckFailure(),
  }),
  Query: structure({
    TableName: tableName(),
    IndexName: indexName(),
    Select: select(),
    AttributesToGet: attributesToGet(),
    Limit: integer({ min: 1 }),
    ConsistentRead: boolean(),
    KeyConditions: legacy(),
    QueryFilter: legacy(),
    ConditionalOperator: legacy(),
    ScanIndexForward: boolean(),
    ExclusiveStartKey: attributeMap(),
    ReturnConsumedCapacity: returnConsumedCapacity(),
    ProjectionExpression: string(),
    FilterExpression: string(),
    KeyConditionExpression: string(),
    ExpressionAttributeNames: names(),
    ExpressionAttributeValues: values(),
  }),
  Scan: structure({
    TableName: tableName(),
    IndexName: indexName(),
    AttributesToGet: attributesToGet(),
    Limit: integer({ min: 1 }),
    Select: select(),
    ScanFilter: legacy(),
    ConditionalOperator: legacy(),
    ExclusiveStartKey: attributeMap(),
    ReturnConsumedCapacity: returnConsumedCapacity(),
    TotalSegments: integer({ min: 1, max: 1000000 }),
    Segment: integer({ min: 0, max: 999999 }),
    ProjectionExpression: string(),
    FilterExpression: string(),
    ExpressionAttributeNames: names(),
    ExpressionAttributeValues: values(),
    ConsistentRead: boolean(),
  }),
  BatchGetItem: structure({
    RequestItems: required(
      map(
        string({ extra: tableNameConstraints }),
        structure({
          Keys: required(list(attributeMap(), { min: 1, max: 100 })),
          AttributesToGet: attributesToGet(),
          ConsistentRead: boolean(),
          ProjectionExpression: string(),
          ExpressionAttributeNames: names(),
        }),
        { min: 1, max: 100 },
      ),
    ),
    ReturnConsumedCapacity: returnConsumedCapacity(),
  }),
  BatchWriteItem: structure({
    RequestItems: required(
      map(
        string({ extra: tableNameConstraints }),
        list(
          structure({
            PutRequest: structure({ Item: required(attributeMap()) }),
            DeleteRequest: structure({ Key: required(attributeMap()) }),
          }),
          { min: 1, max: 25 },
        ),
        { min: 1, max: 25 },
      ),
    ),
    ReturnConsumedCapacity: returnConsumedCapacity(),
    ReturnItemCollectionMetrics: returnItemCollectionMetrics(),
  }),
  TransactWriteItems: structure({
    TransactItems: required(
      list(
        structure({
          ConditionCheck: structure({
            Key: required(attributeMap()),
            TableName: tableName(),
            ConditionExpression: required(string()),
            ExpressionAttributeNames: names(),
            ExpressionAttributeValues: values(),
            ReturnValuesOnConditionCheckFailure: returnValuesOnConditionCheckFailure(),
          }),
          Put: structure({
            Item: required(attributeMap()),
            TableName: tableName(),
            ConditionExpression: string(),
            ExpressionAttributeNames: names(),
            ExpressionAttributeValues: values(),
            ReturnValuesOnConditionCheckFailure: returnValuesOnConditionCheckFailure(),
          }),
          Delete: structure({
            Key: required(attributeMap()),
            TableName: tableName(),
            ConditionExpression: string(),
            ExpressionAttributeNames: names(),
            ExpressionAttributeValues: values(),
            ReturnValuesOnConditionCheckFailure: returnValuesOnConditionCheckFailure(),
          }),
          Update: structure({
            Key: required(attributeMap()),
            UpdateExpression: required(string()),
            TableName: tableName(),
            ConditionExpression: string(),
            ExpressionAttributeNames: names(),
            ExpressionAttributeValues: values(),
            ReturnValuesOnConditionCheckFailure: returnValuesOnConditionCheckFailure(),
          }),
        }),
        { min: 1, max: 100 },
      ),
    ),
    ReturnConsumedCapacity: returnConsumedCapacity(),
    ReturnItemCollectionMetrics: returnItemCollectionMetrics(),
    ClientRequestToken: string({ min: 1, max: 36 }),
  }),
  TransactGetItems: structure({
    TransactItems: required(
      list(
        structure({
          Get: required(
            structure({
              Key: required(attributeMap()),
              TableName: tableName(),
              ProjectionExpression: string(),
              ExpressionAttributeNames: names(),
            }),
          ),
        }),
        { min: 1, max: 100 },
      ),
    ),
    ReturnConsumedCapacity: returnConsumedCapacity(),
  }),
}

export type { Shape }
