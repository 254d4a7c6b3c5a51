// DynamoDB item operations through the gateway (account.send), as a lab check or the UI calls them.
import { beforeEach, describe, expect, it } from 'vitest'
import { ORDERS, rejection, testAccount, USERS } from '../../../__tests__/account-helpers.ts'
import type { Account } from '../../../index.ts'

let aws: Account
beforeEach(async () => {
  ;({ aws } = await testAccount())
  await aws.send('dynamodb', 'CreateTable', ORDERS)
  await aws.send('dynamodb', 'CreateTable', USERS)
})

const order = (customer: string, orderId: number, extra: Record<string, unknown> = {}) => ({
  customer: { S: customer },
  orderId: { N: String(orderId) },
  ...extra,
})
const key = (customer: string, orderId: number) => ({ customer: { S: customer }, orderId: { N: String(orderId) } })

describe('PutItem / GetItem / DeleteItem', () => {
  it('stores and reads items, numbers normalised, binary intact', async () => {
    await aws.send('dynamodb', 'PutItem', {
      TableName: 'orders',
      Item: order('ana', 1, { amount: { N: '019.90' }, blob: { B: new Uint8Array([0, 255]) }, tags: { SS: ['x'] } }),
    })
    const out = await aws.send<any>('dynamodb', 'GetItem', { TableName: 'orders', Key: key('ana', 1) })
    expect(out.Item).toEqual(
      order('ana', 1, { amount: { N: '19.9' }, blob: { B: new Uint8Array([0, 255]) }, tags: { SS: ['x'] } }),
    )
    expect(out.$metadata.httpStatusCode).toBe(200)
    expect(out.$metadata.requestId).toMatch(/^[0-9A-Z]{52}$/)
    const none = await aws.send<any>('dynamodb', 'GetItem', { TableName: 'orders', Key: key('ana', 2) })
    expect(none.Item).toBeUndefined()
  })

  it('returns copies: changing a returned item or the input changes nothing stored', async () => {
    const input: Record<string, any> = order('ana', 1, { note: { S: 'one' } })
    await aws.send('dynamodb', 'PutItem', { TableName: 'orders', Item: input })
    input.note.S = 'changed'
    const first = await aws.send<any>('dynamodb', 'GetItem', { TableName: 'orders', Key: key('ana', 1) })
    first.Item.note.S = 'mutated'
    const again = await aws.send<any>('dynamodb', 'GetItem', { TableName: 'orders', Key: key('ana', 1) })
    expect(again.Item.note).toEqual({ S: 'one' })
  })

  it('answers conditional writes with ConditionalCheckFailedException, optionally with the item', async () => {
    await aws.send('dynamodb', 'PutItem', { TableName: 'orders', Item: order('ana', 1, { qty: { N: '1' } }) })
    const err = await rejection(
      aws.send('dynamodb', 'PutItem', {
        TableName: 'orders',
        Item: order('ana', 1),
        ConditionExpression: 'attribute_not_exists(orderId)',
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }),
    )
    expect(err.name).toBe('ConditionalCheckFailedException')
    expect(err.message).toBe('The conditional request failed')
    expect(err.$fault).toBe('client')
    expect(err.$metadata.httpStatusCode).toBe(400)
    expect(err.members.Item).toEqual(order('ana', 1, { qty: { N: '1' } }))
    const del = await rejection(
      aws.send('dynamodb', 'DeleteItem', {
        TableName: 'orders',
        Key: key('ana', 1),
        ConditionExpression: 'qty > :q',
        ExpressionAttributeValues: { ':q': { N: '5' } },
      }),
    )
    expect(del.name).toBe('ConditionalCheckFailedException')
  })

  it('returns old values as asked', async () => {
    const first = await aws.send<any>('dynamodb', 'PutItem', {
      TableName: 'orders',
      Item: order('ana', 1, { v: { N: '1' } }),
      ReturnValues: 'ALL_OLD',
    })
    expect(first.Attributes).toBeUndefined()
    const second = await aws.send<any>('dynamodb', 'PutItem', {
      TableName: 'orders',
      Item: order('ana', 1, { v: { N: '2' } }),
      ReturnValues: 'ALL_OLD',
    })
    expect(second.Attributes.v).toEqual({ N: '1' })
    const del = await aws.send<any>('dynamodb', 'DeleteItem', {
      TableName: 'orders',
      Key: key('ana', 1),
      ReturnValues: 'ALL_OLD',
    })
    expect(del.Attributes.v).toEqual({ N: '2' })
    const err = await rejection(
      aws.send('dynamodb', 'PutItem', { TableName: 'orders', Item: order('ana', 1), ReturnValues: 'ALL_NEW' }),
    )
    expect(err.message).toBe('ReturnValues can only be ALL_OLD or NONE')
  })

  it('words key problems as DynamoDB does', async () => {
    const msg = async (op: string, input: object) => (await rejection(aws.send('dynamodb', op, input))).message
    expect(await msg('PutItem', { TableName: 'orders', Item: { customer: { S: 'a' } } })).toBe(
      'One or more parameter values were invalid: Missing the key orderId in the item',
    )
    expect(await msg('PutItem', { TableName: 'orders', Item: { customer: { S: 'a' }, orderId: { S: '1' } } })).toBe(
      'One or more parameter values were invalid: Type mismatch for key orderId expected: N actual: S',
    )
    expect(await msg('PutItem', { TableName: 'users', Item: { id: { S: '' } } })).toBe(
      'One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: id',
    )
    expect(await msg('GetItem', { TableName: 'orders', Key: { customer: { S: 'a' } } })).toBe(
      'The provided key element does not match the schema',
    )
    expect(await msg('GetItem', { TableName: 'orders', Key: { ...key('a', 1), extra: { S: 'x' } } })).toBe(
      'The provided key element does not match the schema',
    )
    expect(await msg('GetItem', { TableName: 'users', Key: { id: { S: '' } } })).toBe(
      'One or more parameter values were invalid: The AttributeValue for a key attribute cannot contain an empty string value. Key: id',
    )
    expect(await msg('PutItem', { TableName: 'users', Item: { id: { S: 'x'.repeat(2049) } } })).toBe(
      'One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit of2048 bytes',
    )
  })

  it('answers a missing table with ResourceNotFoundException', async () => {
    const err = await rejection(aws.send('dynamodb', 'GetItem', { TableName: 'nope', Key: { id: { S: 'x' } } }))
    expect(err.name).toBe('ResourceNotFoundException')
    expect(err.message).toBe('Requested resource not found')
    expect(err.$metadata.httpStatusCode).toBe(400)
  })

  it('enforces the 400 KB item limit, counting names and values as DynamoDB does', async () => {
    const limit = 400 * 1024
    // id (2) + "ab" (2) + data (4) + value
    const fits = { id: { S: 'ab' }, data: { S: 'x'.repeat(limit - 8) } }
    await aws.send('dynamodb', 'PutItem', { TableName: 'users', Item: fits })
    const tooBig = { id: { S: 'ab' }, data: { S: 'x'.repeat(limit - 7) } }
    const err = await rejection(aws.send('dynamodb', 'PutItem', { TableName: 'users', Item: tooBig }))
    expect(err.name).toBe('ValidationException')
    expect(err.message).toBe('Item size has exceeded the maximum allowed size')
    const kb401 = await rejection(
      aws.send('dynamodb', 'PutItem', {
        TableName: 'users',
        Item: { id: { S: 'a' }, d: { S: 'x'.repeat(401 * 1024) } },
      }),
    )
    expect(kb401.message).toBe('Item size has exceeded the maximum allowed size')
    // The limit is checked before the table: same answer for a table that does not exist.
    const noTable = await rejection(aws.send('dynamodb', 'PutItem', { TableName: 'nope', Item: tooBig }))
    expect(noTable.message).toBe('Item size has exceeded the maximum allowed size')
  })

  it('validates the request shape with Coral messages', async () => {
    const err = await rejection(aws.send('dynamodb', 'PutItem', { TableName: 'a;', ReturnValues: 'SOME' }))
    expect(err.name).toBe('ValidationException')
    expect(err.message).toBe(
      "4 validation errors detected: Value 'a;' at 'tableName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+; " +
        "Value 'a;' at 'tableName' failed to satisfy constraint: Member must have length greater than or equal to 3; " +
        "Value null at 'item' failed to satisfy constraint: Member must not be null; " +
        "Value 'SOME' at 'returnValues' failed to satisfy constraint: Member must satisfy enum value set: [ALL_NEW, UPDATED_OLD, ALL_OLD, NONE, UPDATED_NEW]",
    )
  })

  it('accepts a table ARN as TableName', async () => {
    await aws.send('dynamodb', 'PutItem', {
      TableName: 'arn:aws:dynamodb:us-east-1:123456789012:table/users',
      Item: { id: { S: 'z' } },
    })
    const out = await aws.send<any>('dynamodb', 'GetItem', { TableName: 'users', Key: { id: { S: 'z' } } })
    expect(out.Item).toEqual({ id: { S: 'z' } })
    const other = await rejection(
      aws.send('dynamodb', 'GetItem', {
        TableName: 'arn:aws:dynamodb:eu-west-1:123456789012:table/users',
        Key: { id: { S: 'z' } },
      }),
    )
    expect(other.name).toBe('ResourceNotFoundException')
  })
})

describe('UpdateItem', () => {
  it('creates the item when absent and applies SET / ADD / REMOVE', async () => {
    const out = await aws.send<any>('dynamodb', 'UpdateItem', {
      TableName: 'orders',
      Key: key('bo', 7),
      UpdateExpression: 'SET #st = :s, amount = if_not_exists(amount, :zero) + :a ADD hits :one',
      ExpressionAttributeNames: { '#st': 'status' },
      ExpressionAttributeValues: { ':s': { S: 'NEW' }, ':zero': { N: '0' }, ':a': { N: '12.5' }, ':one': { N: '1' } },
      ReturnValues: 'ALL_NEW',
    })
    expect(out.Attributes).toEqual(order('bo', 7, { status: { S: 'NEW' }, amount: { N: '12.5' }, hits: { N: '1' } }))
    const next = await aws.send<any>('dynamodb', 'UpdateItem', {
      TableName: 'orders',
      Key: key('bo', 7),
      UpdateExpression: 'REMOVE #st ADD hits :one',
      ExpressionAttributeNames: { '#st': 'status' },
      ExpressionAttributeValues: { ':one': { N: '1' } },
      ReturnValues: 'UPDATED_OLD',
    })
    expect(next.Attributes).toEqual({ status: { S: 'NEW' }, hits: { N: '1' } })
  })

  it('returns UPDATED_NEW as nested paths', async () => {
    await aws.send('dynamodb', 'PutItem', {
      TableName: 'orders',
      Item: order('cy', 1, { m: { M: { a: { N: '1' }, b: { N: '2' } } } }),
    })
    const out = await aws.send<any>('dynamodb', 'UpdateItem', {
      TableName: 'orders',
      Key: key('cy', 1),
      UpdateExpression: 'SET m.a = :v',
      ExpressionAttributeValues: { ':v': { N: '5' } },
      ReturnValues: 'UPDATED_NEW',
    })
    expect(out.Attributes).toEqual({ m: { M: { a: { N: '5' } } } })
  })

  it('refuses to update key attributes and oversize results', async () => {
    const err = await rejection(
      aws.send('dynamodb', 'UpdateItem', {
        TableName: 'orders',
        Key: key('cy', 1),
        UpdateExpression: 'SET orderId = :v',
        ExpressionAttributeValues: { ':v': { N: '2' } },
      }),
    )
    expect(err.message).toBe(
      'One or more parameter values were invalid: Cannot update attribute orderId. This attribute is part of the key',
    )
    const big = await rejection(
      aws.send('dynamodb', 'UpdateItem', {
        TableName: 'users',
        Key: { id: { S: 'u' } },
        UpdateExpression: 'SET a = :v, b = :v',
        ExpressionAttributeValues: { ':v': { S: 'x'.repeat(300 * 1024) } },
      }),
    )
    expect(big.message).toBe('Item size to update has exceeded the maximum allowed size')
  })

  it('checks the condition against the item before the update', async () => {
    await aws.send('dynamodb', 'PutItem', { TableName: 'users', Item: { id: { S: 'u' }, credits: { N: '3' } } })
    const spend = () =>
      aws.send('dynamodb', 'UpdateItem', {
        TableName: 'users',
        Key: { id: { S: 'u' } },
        UpdateExpression: 'SET credits = credits - :one',
        ConditionExpression: 'credits >= :one',
        ExpressionAttributeValues: { ':one': { N: '1' } },
      })
    await spend()
    await spend()
    await spend()
    const err = await rejection(spend())
    expect(err.name).toBe('ConditionalCheckFailedException')
    const out = await aws.send<any>('dynamodb', 'GetItem', { TableName: 'users', Key: { id: { S: 'u' } } })
    expect(out.Item.credits).toEqual({ N: '0' })
  })

  it('refuses legacy parameters clearly, and mixing them with expressions as DynamoDB does', async () => {
    const legacy = await rejection(
      aws.send('dynamodb', 'UpdateItem', {
        TableName: 'users',
        Key: { id: { S: 'u' } },
        AttributeUpdates: { a: { Action: 'PUT', Value: { S: 'x' } } },
      }),
    )
    expect(legacy.message).toMatch(/legacy parameter AttributeUpdates; use UpdateExpression/)
    const mixed = await rejection(
      aws.send('dynamodb', 'PutItem', {
        TableName: 'users',
        Item: { id: { S: 'u' } },
        Expected: { a: { Exists: false } },
        ConditionExpression: 'attribute_not_exists(id)',
      }),
    )
    expect(mixed.message).toBe(
      'Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {Expected} Expression parameters: {ConditionExpression}',
    )
  })
})

describe('item change hook (for streams)', () => {
  it('reports INSERT, MODIFY and REMOVE with images', async () => {
    const changes: string[] = []
    aws.services.dynamodb.onItemChange((c) =>
      changes.push(`${c.eventName} ${c.tableName} ${JSON.stringify(c.keys)} ${c.newImage?.v?.N ?? '-'}`),
    )
    await aws.send('dynamodb', 'PutItem', { TableName: 'users', Item: { id: { S: 'a' }, v: { N: '1' } } })
    await aws.send('dynamodb', 'UpdateItem', {
      TableName: 'users',
      Key: { id: { S: 'a' } },
      UpdateExpression: 'SET v = :v',
      ExpressionAttributeValues: { ':v': { N: '2' } },
    })
    await aws.send('dynamodb', 'DeleteItem', { TableName: 'users', Key: { id: { S: 'a' } } })
    await aws.send('dynamodb', 'DeleteItem', { TableName: 'users', Key: { id: { S: 'a' } } })
    expect(changes).toEqual([
      'INSERT users {"id":{"S":"a"}} 1',
      'MODIFY users {"id":{"S":"a"}} 2',
      'REMOVE users {"id":{"S":"a"}} -',
    ])
  })
})

describe('hostile attribute names', () => {
  it('stores an attribute called __proto__ as an attribute, not a prototype', async () => {
    const item = JSON.parse('{"id":{"S":"p"},"__proto__":{"M":{"__proto__":{"S":"inner"}}}}')
    await aws.send('dynamodb', 'PutItem', { TableName: 'users', Item: item })
    const out = await aws.send<any>('dynamodb', 'GetItem', { TableName: 'users', Key: { id: { S: 'p' } } })
    expect(Object.keys(out.Item).sort()).toEqual(['__proto__', 'id'])
    expect(Object.getPrototypeOf(out.Item)).toBe(Object.prototype)
    const attr = Object.getOwnPropertyDescriptor(out.Item, '__proto__')!.value
    expect(Object.getOwnPropertyDescriptor(attr.M, '__proto__')!.value).toEqual({ S: 'inner' })
    expect(({} as any).S).toBeUndefined()
  })
})
