// @aws-sdk/client-dynamodb and @aws-sdk/lib-dynamodb in handlers, through the runtime's I/O
// channel to a real createAccount(): the SDK's own signing, serialisation and errors; the
// account's SigV4 check, codecs and IAM. Credentials come from the environment Lambda sets.
import { describe, expect, it } from 'vitest'
import { call, deploy } from '../../__tests__/helpers.ts'
import { role, USERS_TABLE, wired } from './sdk-helpers.ts'

const READ_WRITE = { Effect: 'Allow', Action: ['dynamodb:PutItem', 'dynamodb:GetItem'], Resource: '*' }

describe('@aws-sdk/client-dynamodb in a handler', () => {
  it('puts and gets an item with the role credentials Lambda puts in the environment (ESM)', async () => {
    const { aws, lambda, network } = await wired()
    await aws.send('dynamodb', 'CreateTable', USERS_TABLE)
    const Role = await role(aws, 'app-role', READ_WRITE)
    const name = await deploy(
      lambda,
      `import { DynamoDBClient, PutItemCommand, GetItemCommand } from '@aws-sdk/client-dynamodb'
const client = new DynamoDBClient({})
export const handler = async (event) => {
  const put = await client.send(new PutItemCommand({ TableName: 'users', Item: { id: { S: event.id }, name: { S: 'Ada' } } }))
  const got = await client.send(new GetItemCommand({ TableName: 'users', Key: { id: { S: event.id } } }))
  return { status: put.$metadata.httpStatusCode, item: got.Item }
}`,
      { Role, FunctionName: 'save-user' },
    )
    const out = await call(lambda, name, { id: 'u1' })
    expect(out.json).toEqual({ status: 200, item: { id: { S: 'u1' }, name: { S: 'Ada' } } })
    const { request, caller } = network.seen[0]
    expect(caller.functionName).toBe('save-user')
    expect(request.url).toBe('https://dynamodb.us-east-1.amazonaws.com/')
    expect(request.headers['x-amz-target']).toBe('DynamoDB_20120810.PutItem')
    expect(request.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=ASIA[A-Z0-9]{16}\/\d{8}\/us-east-1\/dynamodb\/aws4_request/,
    )
    expect(request.headers['user-agent']).toMatch(/^aws-sdk-js\/3\.1178\.0 .*exec-env\/AWS_Lambda_nodejs24\.x/)
    const stored = await aws.send('dynamodb', 'GetItem', { TableName: 'users', Key: { id: { S: 'u1' } } })
    expect(stored).toMatchObject({ Item: { name: { S: 'Ada' } } })
    // Warm: the same client again, no Init.
    const again = await call(lambda, name, { id: 'u2' })
    expect(again.json.item.id).toEqual({ S: 'u2' })
  })

  it("AccessDeniedException with AWS's message when the role lacks the permission (CJS)", async () => {
    const { aws, lambda } = await wired()
    await aws.send('dynamodb', 'CreateTable', USERS_TABLE)
    const Role = await role(aws, 'read-only', { Effect: 'Allow', Action: 'dynamodb:GetItem', Resource: '*' })
    const name = await deploy(
      lambda,
      {
        'index.js': `const { DynamoDBClient, PutItemCommand } = require('@aws-sdk/client-dynamodb')
exports.handler = async () => {
  try {
    await new DynamoDBClient({}).send(new PutItemCommand({ TableName: 'users', Item: { id: { S: 'u1' } } }))
  } catch (e) {
    return { name: e.name, message: e.message, fault: e.$fault, status: e.$metadata.httpStatusCode, id: e.$metadata.requestId, instance: e instanceof Error }
  }
}`,
      },
      { Role, FunctionName: 'writer' },
    )
    const out = await call(lambda, name)
    expect(out.json).toEqual({
      name: 'AccessDeniedException',
      message:
        'User: arn:aws:sts::123456789012:assumed-role/read-only/writer is not authorized to perform: dynamodb:PutItem on resource: arn:aws:dynamodb:us-east-1:123456789012:table/users because no identity-based policy allows the dynamodb:PutItem action',
      fault: 'client',
      status: 400,
      id: expect.stringMatching(/^[A-Z0-9]{52}$/),
      instance: true,
    })
  })

  it('an unhandled AWS error fails the invoke with its name and message, as the runtime reports it', async () => {
    const { aws, lambda } = await wired()
    const Role = await role(aws, 'none')
    const name = await deploy(
      lambda,
      `import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb'
export const handler = async () => new DynamoDBClient({}).send(new ListTablesCommand({}))`,
      { Role, FunctionName: 'lister' },
    )
    const out = await call(lambda, name)
    expect(out.FunctionError).toBe('Unhandled')
    expect(out.json.errorType).toBe('AccessDeniedException')
    expect(out.json.errorMessage).toBe(
      'User: arn:aws:sts::123456789012:assumed-role/none/lister is not authorized to perform: dynamodb:ListTables because no identity-based policy allows the dynamodb:ListTables action',
    )
  })

  it('forged credentials in process.env or passed to a client get the gateway’s errors', async () => {
    const { aws, lambda } = await wired()
    const Role = await role(aws, 'lister', { Effect: 'Allow', Action: 'dynamodb:ListTables', Resource: '*' })
    const name = await deploy(
      lambda,
      `import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb'
const outcome = (p) => p.then(() => 'ok', (e) => e.name + ' ' + e.$metadata.httpStatusCode)
export const handler = async () => {
  const out = [await outcome(new DynamoDBClient({}).send(new ListTablesCommand({})))]
  const credentials = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' }
  out.push(await outcome(new DynamoDBClient({ credentials }).send(new ListTablesCommand({}))))
  process.env.AWS_SECRET_ACCESS_KEY = 'x'.repeat(40)
  out.push(await outcome(new DynamoDBClient({}).send(new ListTablesCommand({}))))
  return out
}`,
      { Role },
    )
    expect((await call(lambda, name)).json).toEqual([
      'ok',
      'UnrecognizedClientException 400',
      'InvalidSignatureException 400',
    ])
  })

  it('@aws-sdk/lib-dynamodb: the DocumentClient marshals and unmarshals', async () => {
    const { aws, lambda } = await wired()
    await aws.send('dynamodb', 'CreateTable', USERS_TABLE)
    const Role = await role(aws, 'app-role', READ_WRITE)
    const name = await deploy(
      lambda,
      `import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { DynamoDBDocumentClient, PutCommand, GetCommand } from '@aws-sdk/lib-dynamodb'
const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}))
export const handler = async () => {
  await doc.send(new PutCommand({ TableName: 'users', Item: { id: 'u2', tags: new Set(['a', 'b']), n: 3 } }))
  const { Item } = await doc.send(new GetCommand({ TableName: 'users', Key: { id: 'u2' } }))
  return { id: Item.id, tags: [...Item.tags].sort(), n: Item.n }
}`,
      { Role },
    )
    expect((await call(lambda, name)).json).toEqual({ id: 'u2', tags: ['a', 'b'], n: 3 })
    const raw = await aws.send('dynamodb', 'GetItem', { TableName: 'users', Key: { id: { S: 'u2' } } })
    expect(raw).toMatchObject({ Item: { tags: { SS: ['a', 'b'] }, n: { N: '3' } } })
  })
})
