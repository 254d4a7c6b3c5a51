// The real @aws-sdk/client-dynamodb and @aws-sdk/lib-dynamodb against requestHandler: the full path
// (SDK middleware, SigV4 signing, JSON codec, gateway, authorizer, service) and genuine SDK errors.
import {
  BatchWriteItemCommand,
  ConditionalCheckFailedException,
  CreateTableCommand,
  DeleteItemCommand,
  DynamoDBServiceException,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  ResourceNotFoundException,
  ScanCommand,
  TransactionCanceledException,
  TransactWriteItemsCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb'
import { PutRolePolicyCommand } from '@aws-sdk/client-iam'
import { GetCommand, NumberValue, PutCommand, QueryCommand as DocQuery, UpdateCommand } from '@aws-sdk/lib-dynamodb'
import { beforeEach, describe, expect, it } from 'vitest'
import { createAccount, type Account } from '../index.ts'
import { documentClient, dynamo, iam, ORDERS, policy, rejection, roleSession, USERS } from './account-helpers.ts'

let aws: Account
beforeEach(async () => {
  aws = await createAccount()
  const ddb = dynamo(aws)
  await ddb.send(new CreateTableCommand(ORDERS as never))
  await ddb.send(new CreateTableCommand(USERS as never))
})

describe('@aws-sdk/client-dynamodb', () => {
  it('writes, reads, updates, queries, scans and deletes', async () => {
    const ddb = dynamo(aws)
    await ddb.send(
      new PutItemCommand({
        TableName: 'orders',
        Item: { customer: { S: 'ana' }, orderId: { N: '1' }, blob: { B: new Uint8Array([1, 2, 3]) } },
      }),
    )
    await ddb.send(new PutItemCommand({ TableName: 'orders', Item: { customer: { S: 'ana' }, orderId: { N: '2' } } }))
    const got = await ddb.send(
      new GetItemCommand({ TableName: 'orders', Key: { customer: { S: 'ana' }, orderId: { N: '1' } } }),
    )
    expect(got.Item?.blob?.B).toEqual(new Uint8Array([1, 2, 3]))
    expect(got.$metadata.httpStatusCode).toBe(200)
    expect(got.$metadata.requestId).toMatch(/^[0-9A-Z]{52}$/)
    const updated = await ddb.send(
      new UpdateItemCommand({
        TableName: 'orders',
        Key: { customer: { S: 'ana' }, orderId: { N: '2' } },
        UpdateExpression: 'ADD qty :n',
        ExpressionAttributeValues: { ':n': { N: '3' } },
        ReturnValues: 'UPDATED_NEW',
      }),
    )
    expect(updated.Attributes).toEqual({ qty: { N: '3' } })
    const q = await ddb.send(
      new QueryCommand({
        TableName: 'orders',
        KeyConditionExpression: 'customer = :c',
        ExpressionAttributeValues: { ':c': { S: 'ana' } },
        Limit: 1,
      }),
    )
    expect(q.Items).toHaveLength(1)
    expect(q.LastEvaluatedKey).toEqual({ customer: { S: 'ana' }, orderId: { N: '1' } })
    await ddb.send(new DeleteItemCommand({ TableName: 'orders', Key: { customer: { S: 'ana' }, orderId: { N: '1' } } }))
    expect((await ddb.send(new ScanCommand({ TableName: 'orders' }))).Count).toBe(1)
    await ddb.send(
      new BatchWriteItemCommand({ RequestItems: { users: [{ PutRequest: { Item: { id: { S: 'x' } } } }] } }),
    )
    expect((await ddb.send(new ScanCommand({ TableName: 'users' }))).Items).toEqual([{ id: { S: 'x' } }])
  })

  it('raises genuine SDK exceptions with AWS names, messages, faults and status', async () => {
    const ddb = dynamo(aws)
    await ddb.send(new PutItemCommand({ TableName: 'users', Item: { id: { S: 'a' }, v: { N: '1' } } }))
    const ccf = await rejection(
      ddb.send(
        new PutItemCommand({
          TableName: 'users',
          Item: { id: { S: 'a' } },
          ConditionExpression: 'attribute_not_exists(id)',
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      ),
    )
    expect(ccf).toBeInstanceOf(ConditionalCheckFailedException)
    expect(ccf).toBeInstanceOf(DynamoDBServiceException)
    expect(ccf.name).toBe('ConditionalCheckFailedException')
    expect(ccf.message).toBe('The conditional request failed')
    expect(ccf.$fault).toBe('client')
    expect(ccf.$metadata.httpStatusCode).toBe(400)
    expect(ccf.Item).toEqual({ id: { S: 'a' }, v: { N: '1' } })

    const rnf = await rejection(ddb.send(new GetItemCommand({ TableName: 'missing', Key: { id: { S: 'a' } } })))
    expect(rnf).toBeInstanceOf(ResourceNotFoundException)
    expect(rnf.message).toBe('Requested resource not found')

    const ve = await rejection(
      ddb.send(
        new UpdateItemCommand({
          TableName: 'users',
          Key: { id: { S: 'a' } },
          UpdateExpression: 'SET status = :s',
          ExpressionAttributeValues: { ':s': { S: 'x' } },
        }),
      ),
    )
    expect(ve.name).toBe('ValidationException')
    expect(ve.message).toBe('Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: status')
    expect(ve.$metadata.httpStatusCode).toBe(400)

    const tx = await rejection(
      ddb.send(
        new TransactWriteItemsCommand({
          TransactItems: [
            {
              ConditionCheck: {
                TableName: 'users',
                Key: { id: { S: 'zz' } },
                ConditionExpression: 'attribute_exists(id)',
              },
            },
          ],
        }),
      ),
    )
    expect(tx).toBeInstanceOf(TransactionCanceledException)
    expect(tx.CancellationReasons).toEqual([
      { Code: 'ConditionalCheckFailed', Message: 'The conditional request failed' },
    ])
  })

  it('is denied with AccessDeniedException and AWS’s message, then allowed once PutRolePolicy grants it', async () => {
    const { principal, keys } = await roleSession(aws, 'orders-role', 'place-order')
    const ddb = dynamo(aws, keys)
    const item = { TableName: 'orders', Item: { customer: { S: 'a' }, orderId: { N: '1' } } }
    const denied = await rejection(ddb.send(new PutItemCommand(item)))
    expect(denied.name).toBe('AccessDeniedException')
    expect(denied.$fault).toBe('client')
    expect(denied.$metadata.httpStatusCode).toBe(400)
    expect(denied.message).toBe(
      'User: arn:aws:sts::123456789012:assumed-role/orders-role/place-order is not authorized to perform: dynamodb:PutItem on resource: arn:aws:dynamodb:us-east-1:123456789012:table/orders because no identity-based policy allows the dynamodb:PutItem action',
    )
    expect(aws.callLog().at(-1)!.authorization[0].explanation).toMatchObject({ decision: 'ImplicitDeny' })

    // The least privilege, with a request key: only this customer's partition.
    await iam(aws).send(
      new PutRolePolicyCommand({
        RoleName: 'orders-role',
        PolicyName: 'put-orders',
        PolicyDocument: policy({
          Effect: 'Allow',
          Action: 'dynamodb:PutItem',
          Resource: 'arn:aws:dynamodb:us-east-1:123456789012:table/orders',
          Condition: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': ['a'] } },
        }),
      }),
    )
    await ddb.send(new PutItemCommand(item))
    expect(aws.callLog().at(-1)).toMatchObject({
      service: 'dynamodb',
      operation: 'PutItem',
      via: 'http',
      outcome: 'success',
      principal: principal.kind === 'assumed-role' ? principal.arn : '',
      authorization: [{ decision: 'Allow', action: 'dynamodb:PutItem' }],
    })
    const other = await rejection(
      ddb.send(new PutItemCommand({ ...item, Item: { customer: { S: 'b' }, orderId: { N: '1' } } })),
    )
    expect(other.name).toBe('AccessDeniedException')
    // An explicit deny wins, in AWS's words.
    await iam(aws).send(
      new PutRolePolicyCommand({
        RoleName: 'orders-role',
        PolicyName: 'no-writes',
        PolicyDocument: policy({ Effect: 'Deny', Action: 'dynamodb:Put*', Resource: '*' }),
      }),
    )
    expect((await rejection(ddb.send(new PutItemCommand(item)))).message).toBe(
      'User: arn:aws:sts::123456789012:assumed-role/orders-role/place-order is not authorized to perform: dynamodb:PutItem on resource: arn:aws:dynamodb:us-east-1:123456789012:table/orders with an explicit deny in an identity-based policy',
    )
  })
})

describe('@aws-sdk/lib-dynamodb (DocumentClient)', () => {
  it('round-trips native JavaScript values through marshalling', async () => {
    const doc = documentClient(aws)
    const item = {
      id: 'doc-1',
      count: 42,
      price: 19.99,
      active: true,
      nothing: null,
      tags: new Set(['a', 'b']),
      scores: new Set([1, 2, 3]),
      raw: new Uint8Array([7, 7]),
      nested: { parts: [1, 'two', { three: 3 }], empty: {} },
    }
    await doc.send(new PutCommand({ TableName: 'users', Item: item }))
    const out = await doc.send(new GetCommand({ TableName: 'users', Key: { id: 'doc-1' } }))
    expect(out.Item).toEqual(item)
    const up = await doc.send(
      new UpdateCommand({
        TableName: 'users',
        Key: { id: 'doc-1' },
        UpdateExpression: 'SET #c = #c + :one, nested.parts[0] = :z',
        ExpressionAttributeNames: { '#c': 'count' },
        ExpressionAttributeValues: { ':one': 1, ':z': 0 },
        ReturnValues: 'ALL_NEW',
      }),
    )
    expect(up.Attributes?.count).toBe(43)
    expect(up.Attributes?.nested.parts[0]).toBe(0)
  })

  it('keeps 38-digit precision with wrapNumbers', async () => {
    const doc = documentClient(aws)
    const big = '12345678901234567890123456789012345678'
    await doc.send(new PutCommand({ TableName: 'users', Item: { id: 'big', n: NumberValue.from(big) } }))
    await doc.send(
      new UpdateCommand({
        TableName: 'users',
        Key: { id: 'big' },
        UpdateExpression: 'SET n = n - :one',
        ExpressionAttributeValues: { ':one': 1 },
      }),
    )
    const raw = await dynamo(aws).send(new GetItemCommand({ TableName: 'users', Key: { id: { S: 'big' } } }))
    expect(raw.Item?.n).toEqual({ N: '12345678901234567890123456789012345677' })
    const wrapping = documentClient(aws, aws.adminCredentials, { unmarshallOptions: { wrapNumbers: true } })
    const out = await wrapping.send(new GetCommand({ TableName: 'users', Key: { id: 'big' } }))
    expect(String(out.Item?.n)).toBe('12345678901234567890123456789012345677')
  })

  it('queries with native values', async () => {
    const doc = documentClient(aws)
    for (let i = 1; i <= 3; i++)
      await doc.send(new PutCommand({ TableName: 'orders', Item: { customer: 'c', orderId: i, total: i * 10 } }))
    const out = await doc.send(
      new DocQuery({
        TableName: 'orders',
        KeyConditionExpression: 'customer = :c AND orderId >= :n',
        ExpressionAttributeValues: { ':c': 'c', ':n': 2 },
      }),
    )
    expect(out.Items).toEqual([
      { customer: 'c', orderId: 2, total: 20 },
      { customer: 'c', orderId: 3, total: 30 },
    ])
  })
})
