// Query and Scan through the gateway.
import { beforeEach, describe, expect, it } from 'vitest'
import { ORDERS, rejection, testAccount, USERS } from '../../../__tests__/account-helpers.ts'
import type { Account } from '../../../index.ts'

let aws: Account
beforeEach(async () => {
  ;({ aws } = await testAccount())
  await aws.send('dynamodb', 'CreateTable', {
    ...ORDERS,
    AttributeDefinitions: [
      ...ORDERS.AttributeDefinitions,
      { AttributeName: 'state', AttributeType: 'S' },
      { AttributeName: 'placed', AttributeType: 'S' },
    ],
    GlobalSecondaryIndexes: [
      {
        IndexName: 'by-state',
        KeySchema: [
          { AttributeName: 'state', KeyType: 'HASH' },
          { AttributeName: 'placed', KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'KEYS_ONLY' },
      },
    ],
    LocalSecondaryIndexes: [
      {
        IndexName: 'by-placed',
        KeySchema: [
          { AttributeName: 'customer', KeyType: 'HASH' },
          { AttributeName: 'placed', KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      },
    ],
  })
  await aws.send('dynamodb', 'CreateTable', USERS)
  for (const [customer, n, state, placed, amount] of [
    ['ana', 1, 'NEW', '2024-01-03', '10'],
    ['ana', 2, 'SHIPPED', '2024-01-01', '25'],
    ['ana', 10, 'NEW', '2024-01-02', '5'],
    ['bo', 1, 'NEW', '2024-01-05', '99'],
  ] as const) {
    await aws.send('dynamodb', 'PutItem', {
      TableName: 'orders',
      Item: {
        customer: { S: customer },
        orderId: { N: String(n) },
        state: { S: state },
        placed: { S: placed },
        amount: { N: amount },
      },
    })
  }
})

const ids = (out: any) => out.Items.map((i: any) => `${i.customer.S}#${i.orderId.N}`)

describe('Query', () => {
  it('reads one partition in sort-key order (numbers numerically), forwards and backwards', async () => {
    const q = {
      TableName: 'orders',
      KeyConditionExpression: 'customer = :c',
      ExpressionAttributeValues: { ':c': { S: 'ana' } },
    }
    expect(ids(await aws.send('dynamodb', 'Query', q))).toEqual(['ana#1', 'ana#2', 'ana#10'])
    expect(ids(await aws.send('dynamodb', 'Query', { ...q, ScanIndexForward: false }))).toEqual([
      'ana#10',
      'ana#2',
      'ana#1',
    ])
  })

  it('applies sort-key conditions, filters (after Limit) and Select COUNT', async () => {
    const out = await aws.send<any>('dynamodb', 'Query', {
      TableName: 'orders',
      KeyConditionExpression: 'customer = :c AND orderId BETWEEN :a AND :b',
      FilterExpression: 'amount > :min',
      ExpressionAttributeValues: { ':c': { S: 'ana' }, ':a': { N: '2' }, ':b': { N: '10' }, ':min': { N: '6' } },
    })
    expect(ids(out)).toEqual(['ana#2'])
    expect(out.Count).toBe(1)
    expect(out.ScannedCount).toBe(2)
    const count = await aws.send<any>('dynamodb', 'Query', {
      TableName: 'orders',
      KeyConditionExpression: 'customer = :c',
      ExpressionAttributeValues: { ':c': { S: 'ana' } },
      Select: 'COUNT',
    })
    expect(count.Items).toBeUndefined()
    expect(count.Count).toBe(3)
  })

  it('pages with Limit, LastEvaluatedKey and ExclusiveStartKey', async () => {
    const q = {
      TableName: 'orders',
      KeyConditionExpression: 'customer = :c',
      ExpressionAttributeValues: { ':c': { S: 'ana' } },
      Limit: 2,
    }
    const p1 = await aws.send<any>('dynamodb', 'Query', q)
    expect(ids(p1)).toEqual(['ana#1', 'ana#2'])
    expect(p1.LastEvaluatedKey).toEqual({ customer: { S: 'ana' }, orderId: { N: '2' } })
    const p2 = await aws.send<any>('dynamodb', 'Query', { ...q, ExclusiveStartKey: p1.LastEvaluatedKey })
    expect(ids(p2)).toEqual(['ana#10'])
    expect(p2.LastEvaluatedKey).toBeUndefined()
  })

  it('queries a global index (projected keys) and a local index', async () => {
    const gsi = await aws.send<any>('dynamodb', 'Query', {
      TableName: 'orders',
      IndexName: 'by-state',
      KeyConditionExpression: '#s = :s',
      ExpressionAttributeNames: { '#s': 'state' },
      ExpressionAttributeValues: { ':s': { S: 'NEW' } },
    })
    expect(ids(gsi)).toEqual(['ana#10', 'ana#1', 'bo#1'])
    expect(Object.keys(gsi.Items[0]).sort()).toEqual(['customer', 'orderId', 'placed', 'state'])
    const lsi = await aws.send<any>('dynamodb', 'Query', {
      TableName: 'orders',
      IndexName: 'by-placed',
      KeyConditionExpression: 'customer = :c AND placed > :d',
      ExpressionAttributeValues: { ':c': { S: 'ana' }, ':d': { S: '2024-01-01' } },
    })
    expect(ids(lsi)).toEqual(['ana#10', 'ana#1'])
    expect(lsi.Items[0].amount).toEqual({ N: '5' })
    const consistent = await rejection(
      aws.send('dynamodb', 'Query', {
        TableName: 'orders',
        IndexName: 'by-state',
        ConsistentRead: true,
        KeyConditionExpression: '#s = :s',
        ExpressionAttributeNames: { '#s': 'state' },
        ExpressionAttributeValues: { ':s': { S: 'NEW' } },
      }),
    )
    expect(consistent.message).toBe('Consistent reads are not supported on global secondary indexes')
  })

  it('words key-condition mistakes as DynamoDB does', async () => {
    const msg = async (input: object) =>
      (await rejection(aws.send('dynamodb', 'Query', { TableName: 'orders', ...input }))).message
    expect(await msg({ KeyConditionExpression: 'orderId = :n', ExpressionAttributeValues: { ':n': { N: '1' } } })).toBe(
      'Query condition missed key schema element: customer',
    )
    expect(
      await msg({ KeyConditionExpression: 'customer > :c', ExpressionAttributeValues: { ':c': { S: 'a' } } }),
    ).toBe('Query key condition not supported')
    expect(
      await msg({
        KeyConditionExpression: 'customer = :c OR orderId = :n',
        ExpressionAttributeValues: { ':c': { S: 'a' }, ':n': { N: '1' } },
      }),
    ).toBe('Invalid operator used in KeyConditionExpression: OR')
    expect(
      await msg({ KeyConditionExpression: 'customer = :c', ExpressionAttributeValues: { ':c': { N: '1' } } }),
    ).toBe('One or more parameter values were invalid: Condition parameter type does not match schema type')
    expect(
      await msg({
        KeyConditionExpression: 'customer = :c',
        FilterExpression: 'orderId > :n',
        ExpressionAttributeValues: { ':c': { S: 'a' }, ':n': { N: '1' } },
      }),
    ).toBe('Filter Expression can only contain non-primary key attributes: Primary key attribute: orderId')
    expect(await msg({})).toBe(
      'Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.',
    )
    expect(
      await msg({
        IndexName: 'nope',
        KeyConditionExpression: 'a = :a',
        ExpressionAttributeValues: { ':a': { S: 'x' } },
      }),
    ).toBe('The table does not have the specified index: nope')
    expect(
      await msg({
        KeyConditionExpression: 'customer = :c',
        ExpressionAttributeValues: { ':c': { S: 'ana' } },
        ExclusiveStartKey: { customer: { S: 'bo' }, orderId: { N: '1' } },
      }),
    ).toBe('The provided starting key is outside query boundaries based on provided conditions')
  })

  it('projects attributes', async () => {
    const out = await aws.send<any>('dynamodb', 'Query', {
      TableName: 'orders',
      KeyConditionExpression: 'customer = :c',
      ProjectionExpression: 'orderId, amount',
      ExpressionAttributeValues: { ':c': { S: 'bo' } },
    })
    expect(out.Items).toEqual([{ orderId: { N: '1' }, amount: { N: '99' } }])
  })
})

describe('Scan', () => {
  it('reads every item in a stable order that does not follow insertion', async () => {
    for (let i = 0; i < 30; i++)
      await aws.send('dynamodb', 'PutItem', { TableName: 'users', Item: { id: { S: `u${i}` } } })
    const a = await aws.send<any>('dynamodb', 'Scan', { TableName: 'users' })
    const b = await aws.send<any>('dynamodb', 'Scan', { TableName: 'users' })
    const order = a.Items.map((i: any) => i.id.S)
    expect(order).toHaveLength(30)
    expect(b.Items.map((i: any) => i.id.S)).toEqual(order)
    expect(order).not.toEqual(Array.from({ length: 30 }, (_, i) => `u${i}`))
  })

  it('pages through everything exactly once', async () => {
    for (let i = 0; i < 25; i++)
      await aws.send('dynamodb', 'PutItem', { TableName: 'users', Item: { id: { S: `u${i}` } } })
    const seen: string[] = []
    let start: any
    let pages = 0
    do {
      const page = await aws.send<any>('dynamodb', 'Scan', {
        TableName: 'users',
        Limit: 7,
        ...(start ? { ExclusiveStartKey: start } : {}),
      })
      seen.push(...page.Items.map((i: any) => i.id.S))
      start = page.LastEvaluatedKey
      pages++
    } while (start && pages < 20)
    expect(seen.sort()).toEqual(Array.from({ length: 25 }, (_, i) => `u${i}`).sort())
    expect(pages).toBe(4)
  })

  it('stops a page at 1 MB', async () => {
    const big = 'x'.repeat(300 * 1024)
    for (let i = 0; i < 5; i++)
      await aws.send('dynamodb', 'PutItem', { TableName: 'users', Item: { id: { S: `b${i}` }, d: { S: big } } })
    const page = await aws.send<any>('dynamodb', 'Scan', { TableName: 'users' })
    expect(page.Count).toBe(4)
    expect(page.LastEvaluatedKey).toBeDefined()
    const rest = await aws.send<any>('dynamodb', 'Scan', {
      TableName: 'users',
      ExclusiveStartKey: page.LastEvaluatedKey,
    })
    expect(rest.Count).toBe(1)
  })

  it('splits into parallel segments that cover the table once', async () => {
    for (let i = 0; i < 40; i++)
      await aws.send('dynamodb', 'PutItem', { TableName: 'users', Item: { id: { S: `s${i}` } } })
    const all: string[] = []
    for (let s = 0; s < 3; s++) {
      const out = await aws.send<any>('dynamodb', 'Scan', { TableName: 'users', Segment: s, TotalSegments: 3 })
      all.push(...out.Items.map((i: any) => i.id.S))
    }
    expect(all.sort()).toEqual(Array.from({ length: 40 }, (_, i) => `s${i}`).sort())
    const err = await rejection(aws.send('dynamodb', 'Scan', { TableName: 'users', Segment: 3, TotalSegments: 3 }))
    expect(err.message).toBe(
      'The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: 3 is not less than TotalSegments: 3',
    )
  })

  it('filters, including on key attributes', async () => {
    const out = await aws.send<any>('dynamodb', 'Scan', {
      TableName: 'orders',
      FilterExpression: 'orderId = :n AND #s = :s',
      ExpressionAttributeNames: { '#s': 'state' },
      ExpressionAttributeValues: { ':n': { N: '1' }, ':s': { S: 'NEW' } },
    })
    expect(ids(out).sort()).toEqual(['ana#1', 'bo#1'])
    expect(out.ScannedCount).toBe(4)
  })
})
