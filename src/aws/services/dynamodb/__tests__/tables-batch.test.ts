// Table operations, batches and transactions, snapshot / restore.
import { beforeEach, describe, expect, it } from 'vitest'
import { ORDERS, rejection, testAccount, USERS } from '../../../__tests__/account-helpers.ts'
import type { Account } from '../../../index.ts'
import { VirtualClock } from '../../../../lambda/public.ts'

let aws: Account
beforeEach(async () => {
  ;({ aws } = await testAccount())
})

describe('tables', () => {
  it('creates, describes, lists and deletes tables', async () => {
    const created = await aws.send<any>('dynamodb', 'CreateTable', USERS)
    expect(created.TableDescription).toMatchObject({
      TableName: 'users',
      TableStatus: 'CREATING',
      TableArn: 'arn:aws:dynamodb:us-east-1:123456789012:table/users',
      ItemCount: 0,
      BillingModeSummary: { BillingMode: 'PAY_PER_REQUEST' },
    })
    expect(created.TableDescription.CreationDateTime).toBeInstanceOf(Date)
    const described = await aws.send<any>('dynamodb', 'DescribeTable', { TableName: 'users' })
    expect(described.Table.TableStatus).toBe('ACTIVE')
    await aws.send('dynamodb', 'CreateTable', ORDERS)
    expect((await aws.send<any>('dynamodb', 'ListTables', {})).TableNames).toEqual(['orders', 'users'])
    const page = await aws.send<any>('dynamodb', 'ListTables', { Limit: 1 })
    expect(page).toMatchObject({ TableNames: ['orders'], LastEvaluatedTableName: 'orders' })
    const deleted = await aws.send<any>('dynamodb', 'DeleteTable', { TableName: 'users' })
    expect(deleted.TableDescription.TableStatus).toBe('DELETING')
    const gone = await rejection(aws.send('dynamodb', 'DescribeTable', { TableName: 'users' }))
    expect(gone.name).toBe('ResourceNotFoundException')
    expect(gone.message).toBe('Requested resource not found: Table: users not found')
  })

  it('refuses a table that exists, and bad key schemas, with DynamoDB messages', async () => {
    await aws.send('dynamodb', 'CreateTable', USERS)
    const again = await rejection(aws.send('dynamodb', 'CreateTable', USERS))
    expect(again.name).toBe('ResourceInUseException')
    expect(again.message).toBe('Table already exists: users')
    const msg = async (input: object) =>
      (await rejection(aws.send('dynamodb', 'CreateTable', { ...USERS, TableName: 'second', ...input }))).message
    expect(await msg({ KeySchema: [{ AttributeName: 'x', KeyType: 'HASH' }] })).toBe(
      'One or more parameter values were invalid: Some index key attributes are not defined in AttributeDefinitions. Keys: [x], AttributeDefinitions: [id]',
    )
    expect(await msg({ KeySchema: [{ AttributeName: 'id', KeyType: 'RANGE' }] })).toBe(
      'Invalid KeySchema: The first KeySchemaElement is not a HASH key type',
    )
    expect(await msg({ BillingMode: undefined })).toBe(
      'One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED',
    )
    expect(
      await msg({
        AttributeDefinitions: [...USERS.AttributeDefinitions, { AttributeName: 'extra', AttributeType: 'S' }],
      }),
    ).toBe(
      'One or more parameter values were invalid: Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions',
    )
    expect(await msg({ KeySchema: [] })).toBe(
      "1 validation error detected: Value '[]' at 'keySchema' failed to satisfy constraint: Member must have length greater than or equal to 1",
    )
  })

  it('keeps a new table CREATING for a configured virtual delay', async () => {
    const clock = new VirtualClock({ auto: false, start: 0 })
    const { aws: slow } = await testAccount({ clock, dynamodb: { tableActivationDelayMs: 5000 } })
    await slow.send('dynamodb', 'CreateTable', USERS)
    const early = await rejection(slow.send('dynamodb', 'PutItem', { TableName: 'users', Item: { id: { S: 'a' } } }))
    expect(early.name).toBe('ResourceNotFoundException')
    await clock.advance(5000)
    await slow.send('dynamodb', 'PutItem', { TableName: 'users', Item: { id: { S: 'a' } } })
    expect((await slow.send<any>('dynamodb', 'DescribeTable', { TableName: 'users' })).Table.ItemCount).toBe(1)
  })

  it('updates billing, streams and deletion protection', async () => {
    await aws.send('dynamodb', 'CreateTable', USERS)
    const out = await aws.send<any>('dynamodb', 'UpdateTable', {
      TableName: 'users',
      StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
      DeletionProtectionEnabled: true,
    })
    expect(out.TableDescription.StreamSpecification).toEqual({
      StreamEnabled: true,
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    })
    expect(out.TableDescription.LatestStreamArn).toMatch(
      /^arn:aws:dynamodb:us-east-1:123456789012:table\/users\/stream\//,
    )
    const protectedDelete = await rejection(aws.send('dynamodb', 'DeleteTable', { TableName: 'users' }))
    expect(protectedDelete.message).toBe(
      'Resource cannot be deleted as it is currently protected against deletion. Disable deletion protection first.',
    )
  })
})

describe('batches', () => {
  beforeEach(async () => {
    await aws.send('dynamodb', 'CreateTable', USERS)
    await aws.send('dynamodb', 'CreateTable', ORDERS)
  })

  it('writes and reads in batches across tables', async () => {
    const out = await aws.send<any>('dynamodb', 'BatchWriteItem', {
      RequestItems: {
        users: [{ PutRequest: { Item: { id: { S: 'a' } } } }, { PutRequest: { Item: { id: { S: 'b' } } } }],
        orders: [{ PutRequest: { Item: { customer: { S: 'a' }, orderId: { N: '1' } } } }],
      },
    })
    expect(out.UnprocessedItems).toEqual({})
    await aws.send('dynamodb', 'BatchWriteItem', {
      RequestItems: { users: [{ DeleteRequest: { Key: { id: { S: 'b' } } } }] },
    })
    const read = await aws.send<any>('dynamodb', 'BatchGetItem', {
      RequestItems: {
        users: { Keys: [{ id: { S: 'a' } }, { id: { S: 'b' } }] },
        orders: { Keys: [{ customer: { S: 'a' }, orderId: { N: '1' } }], ProjectionExpression: 'orderId' },
      },
    })
    expect(read.Responses).toEqual({ users: [{ id: { S: 'a' } }], orders: [{ orderId: { N: '1' } }] })
    expect(read.UnprocessedKeys).toEqual({})
  })

  it('validates the whole batch before writing any of it', async () => {
    const err = await rejection(
      aws.send('dynamodb', 'BatchWriteItem', {
        RequestItems: {
          users: [{ PutRequest: { Item: { id: { S: 'a' } } } }, { PutRequest: { Item: { id: { S: 'a' } } } }],
        },
      }),
    )
    expect(err.message).toBe('Provided list of item keys contains duplicates')
    const missing = await rejection(
      aws.send('dynamodb', 'BatchWriteItem', {
        RequestItems: {
          users: [{ PutRequest: { Item: { id: { S: 'x' } } } }],
          nope: [{ PutRequest: { Item: { id: { S: 'x' } } } }],
        },
      }),
    )
    expect(missing.name).toBe('ResourceNotFoundException')
    expect((await aws.send<any>('dynamodb', 'Scan', { TableName: 'users' })).Count).toBe(0)
    const tooMany = await rejection(
      aws.send('dynamodb', 'BatchWriteItem', {
        RequestItems: {
          users: Array.from({ length: 26 }, (_, i) => ({ PutRequest: { Item: { id: { S: `u${i}` } } } })),
        },
      }),
    )
    expect(tooMany.message).toMatch(
      /^1 validation error detected: Value '\[.*\]' at 'requestItems.users.member' failed to satisfy constraint: Member must have length less than or equal to 25$/,
    )
  })

  it('runs transactions all or nothing, with cancellation reasons', async () => {
    await aws.send('dynamodb', 'PutItem', { TableName: 'users', Item: { id: { S: 'a' }, credits: { N: '1' } } })
    const err = await rejection(
      aws.send('dynamodb', 'TransactWriteItems', {
        TransactItems: [
          { Put: { TableName: 'orders', Item: { customer: { S: 'a' }, orderId: { N: '9' } } } },
          {
            Update: {
              TableName: 'users',
              Key: { id: { S: 'a' } },
              UpdateExpression: 'SET credits = credits - :c',
              ConditionExpression: 'credits >= :c',
              ExpressionAttributeValues: { ':c': { N: '5' } },
            },
          },
        ],
      }),
    )
    expect(err.name).toBe('TransactionCanceledException')
    expect(err.message).toBe(
      'Transaction cancelled, please refer cancellation reasons for specific reasons [None, ConditionalCheckFailed]',
    )
    expect(err.members.CancellationReasons).toEqual([
      { Code: 'None' },
      { Code: 'ConditionalCheckFailed', Message: 'The conditional request failed' },
    ])
    expect((await aws.send<any>('dynamodb', 'Scan', { TableName: 'orders' })).Count).toBe(0)
    await aws.send('dynamodb', 'TransactWriteItems', {
      TransactItems: [
        { Put: { TableName: 'orders', Item: { customer: { S: 'a' }, orderId: { N: '9' } } } },
        {
          ConditionCheck: { TableName: 'users', Key: { id: { S: 'a' } }, ConditionExpression: 'attribute_exists(id)' },
        },
      ],
    })
    const got = await aws.send<any>('dynamodb', 'TransactGetItems', {
      TransactItems: [
        { Get: { TableName: 'orders', Key: { customer: { S: 'a' }, orderId: { N: '9' } } } },
        { Get: { TableName: 'users', Key: { id: { S: 'zz' } } } },
      ],
    })
    expect(got.Responses).toEqual([{ Item: { customer: { S: 'a' }, orderId: { N: '9' } } }, {}])
    const twice = await rejection(
      aws.send('dynamodb', 'TransactWriteItems', {
        TransactItems: [
          { Delete: { TableName: 'users', Key: { id: { S: 'a' } } } },
          {
            ConditionCheck: {
              TableName: 'users',
              Key: { id: { S: 'a' } },
              ConditionExpression: 'attribute_exists(id)',
            },
          },
        ],
      }),
    )
    expect(twice.message).toBe('Transaction request cannot include multiple operations on one item')
  })
})

describe('snapshot / restore', () => {
  it('round-trips tables and items, binary and numbers included', async () => {
    await aws.send('dynamodb', 'CreateTable', ORDERS)
    await aws.send('dynamodb', 'PutItem', {
      TableName: 'orders',
      Item: {
        customer: { S: 'a' },
        orderId: { N: '1' },
        b: { B: new Uint8Array([9, 8]) },
        big: { N: '12345678901234567890123456789012345678' },
      },
    })
    const json = JSON.parse(JSON.stringify(aws.services.dynamodb.snapshot()))
    const { aws: other } = await testAccount()
    other.services.dynamodb.restore(json)
    const out = await other.send<any>('dynamodb', 'GetItem', {
      TableName: 'orders',
      Key: { customer: { S: 'a' }, orderId: { N: '1' } },
    })
    expect(out.Item.b).toEqual({ B: new Uint8Array([9, 8]) })
    expect(out.Item.big).toEqual({ N: '12345678901234567890123456789012345678' })
    expect(other.services.dynamodb.tableNames()).toEqual(['orders'])
  })

  it('refuses corrupt or hostile snapshots, naming the bad part, and changes nothing', async () => {
    await aws.send('dynamodb', 'CreateTable', USERS)
    await aws.send('dynamodb', 'PutItem', { TableName: 'users', Item: { id: { S: 'keep' } } })
    const good = aws.services.dynamodb.snapshot()
    const refuse = (json: unknown) => {
      try {
        aws.services.dynamodb.restore(json)
      } catch (e) {
        return (e as Error).message
      }
      return 'accepted'
    }
    expect(refuse(null)).toBe('dynamodb: expected an object with "version" and "tables"')
    expect(refuse({ version: 99, tables: [] })).toBe('dynamodb.version: unsupported version 99 (expected 1)')
    const badItem = structuredClone(good)
    badItem.tables[0].Items.push({ nope: { S: 'x' } })
    expect(refuse(badItem)).toBe(
      'dynamodb.tables[0].Items[1]: One or more parameter values were invalid: Missing the key id in the item',
    )
    const badKeys = structuredClone(good)
    badKeys.tables[0].KeySchema = [{ AttributeName: 'id', KeyType: 'RANGE' }]
    expect(refuse(badKeys)).toBe(
      'dynamodb.tables[0]: Invalid KeySchema: The first KeySchemaElement is not a HASH key type',
    )
    const badBase64 = structuredClone(good)
    badBase64.tables[0].Items.push({ id: { S: 'b' }, data: { B: '###' } })
    expect(refuse(badBase64)).toMatch(
      /^dynamodb\.tables\[0\]\.Items\[1\]: Base64 encoded length is expected a multiple of 4 bytes/,
    )
    let deep: unknown = { S: 'x' }
    for (let i = 0; i < 5000; i++) deep = { L: [deep] }
    const hostile = structuredClone(good)
    hostile.tables[0].Items.push({ id: { S: 'deep' }, d: deep })
    expect(refuse(hostile)).toMatch(/^dynamodb\.tables\[0\]\.Items\[1\]: /)
    expect(aws.services.dynamodb.items('users')).toEqual([{ id: { S: 'keep' } }])
  })
})
