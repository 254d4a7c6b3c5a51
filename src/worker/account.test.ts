// Issue 13: each Worker instance is a simulated account with its Lambda engine inside. The protocol's
// `send` (as the admin user, AWS's errors with IAM's explanation), the control plane through the
// gateway (Role checks, the default role), the call log streamed to the page, and the watchdog's
// restore putting the account back. Runs in Node over a MessageChannel.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { AwsError, attachLambda, createAccount } from '../aws/index.ts'
import { createLambda } from '../lambda/index.ts'
import { LambdaClient, type ClientEvent } from './client.ts'
import type { HostHandle } from './host.ts'
import { RemoteError, serializeError } from './protocol.ts'
import { channelWorker } from './testing.ts'

const hosts: Promise<HostHandle | undefined>[] = []
const clients: LambdaClient[] = []
afterEach(async () => {
  for (const c of clients.splice(0)) c.dispose()
  for (const h of hosts.splice(0)) (await h)?.close()
})

function accountWorker() {
  const w = channelWorker(async () => {
    const account = await createAccount()
    const { engine } = await attachLambda(account, { prewarm: 0, warmUp: false })
    return { engine, account }
  })
  hosts.push(w.host)
  return w
}

function client(): LambdaClient {
  const c = new LambdaClient({ createWorker: accountWorker, heartbeatMs: 60_000 })
  clients.push(c)
  return c
}

const TABLE = {
  TableName: 'orders',
  KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
  AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
  BillingMode: 'PAY_PER_REQUEST',
}

async function rejection(p: Promise<unknown>): Promise<RemoteError> {
  try {
    await p
  } catch (e) {
    return e as RemoteError
  }
  throw new Error('expected a rejection')
}

describe('the Worker hosts the account', () => {
  it('send() calls any service as the admin user; AWS errors keep name, status and request id', async () => {
    const c = client()
    const created = await c.send('dynamodb', 'CreateTable', TABLE)
    expect(created.$metadata).toMatchObject({ httpStatusCode: 200 })
    await c.send('dynamodb', 'PutItem', { TableName: 'orders', Item: { id: { S: '1' } } })
    const got = await c.send('dynamodb', 'GetItem', { TableName: 'orders', Key: { id: { S: '1' } } })
    expect(got.Item).toEqual({ id: { S: '1' } })
    const who = await c.send('sts', 'GetCallerIdentity')
    expect(who.Arn).toBe('arn:aws:iam::123456789012:user/admin')
    const e = await rejection(c.send('dynamodb', 'GetItem', { TableName: 'nope', Key: { id: { S: '1' } } }))
    expect(e).toBeInstanceOf(RemoteError)
    expect(e.name).toBe('ResourceNotFoundException')
    expect(e.statusCode).toBe(400)
    expect(e.requestId).toMatch(/^[A-Z0-9]{52}$/)
    const unknown = await rejection(c.send('nosuch', 'Op'))
    expect(unknown.name).toBe('UnknownServiceException')
    // The client keeps the account's snapshot fresh after its changes (for the watchdog's restore).
    await vi.waitFor(() => expect(JSON.stringify(c.knownAccount())).toContain('orders'))
  })

  it('a denial carries IAM’s explanation', async () => {
    const c = client()
    await c.send('dynamodb', 'CreateTable', TABLE)
    await c.send('iam', 'PutUserPolicy', {
      UserName: 'admin',
      PolicyName: 'no-writes',
      PolicyDocument: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Sid: 'NoWrites', Effect: 'Deny', Action: 'dynamodb:PutItem', Resource: '*' }],
      }),
    })
    const e = await rejection(c.send('dynamodb', 'PutItem', { TableName: 'orders', Item: { id: { S: '1' } } }))
    expect(e.name).toBe('AccessDeniedException')
    expect(e.message).toContain('with an explicit deny in an identity-based policy')
    expect(JSON.stringify(e.explanation)).toContain('NoWrites')
  })

  it('the control plane goes through the gateway: default role, Role checks; the call log streams', async () => {
    const c = client()
    const calls: ClientEvent[] = []
    c.onEvent((e) => {
      if (e.type === 'AwsCall') calls.push(e)
    })
    const fn = await c.createFunction({
      FunctionName: 'hello',
      Runtime: 'nodejs24.x',
      Handler: 'index.handler',
      Code: { Files: { 'index.mjs': 'export const handler = async () => process.env.AWS_ACCESS_KEY_ID' } },
    })
    expect(fn.Role).toMatch(/^arn:aws:iam::123456789012:role\/service-role\/hello-role-[a-z0-9]{8}$/)
    expect(fn).not.toHaveProperty('$metadata')
    const ops = calls.map((e) => (e.type === 'AwsCall' ? `${e.call.service}:${e.call.operation}` : ''))
    expect(ops).toEqual(['iam:CreateRole', 'iam:AttachRolePolicy', 'lambda:CreateFunction'])
    const out = await c.invoke({ FunctionName: 'hello' })
    expect(JSON.parse(out.Payload)).toMatch(/^ASIA/)
    const bad = await rejection(
      c.updateFunctionConfiguration({ FunctionName: 'hello', Role: 'arn:aws:iam::123456789012:role/missing' }),
    )
    expect(bad.name).toBe('InvalidParameterValueException')
    expect(bad.message).toBe('The role defined for the function cannot be assumed by Lambda.')
  })

  it('the watchdog’s restore puts the account back, then the functions (with their roles)', async () => {
    const c = client()
    await c.send('dynamodb', 'CreateTable', TABLE)
    await c.send('dynamodb', 'PutItem', { TableName: 'orders', Item: { id: { S: 'kept' } } })
    const fn = await c.createFunction({
      FunctionName: 'hello',
      Runtime: 'nodejs24.x',
      Handler: 'index.handler',
      Code: { Files: { 'index.mjs': 'export const handler = async () => 1' } },
    })
    await c.refreshAccountSnapshot()
    await c.restart()
    const got = await c.send('dynamodb', 'GetItem', { TableName: 'orders', Key: { id: { S: 'kept' } } })
    expect(got.Item).toEqual({ id: { S: 'kept' } })
    const again = await c.getFunction({ FunctionName: 'hello' })
    expect(again.Configuration.Role).toBe(fn.Role)
    const roles = await c.send('iam', 'ListRoles')
    expect(roles.Roles).toHaveLength(1)
  })

  it('restoreAccount puts a saved snapshot in, is remembered for a fresh Worker, and refuses a bad one', async () => {
    const source = client()
    await source.send('dynamodb', 'CreateTable', TABLE)
    const { credentials: _c, ...saved } = (await source.refreshAccountSnapshot()) as Record<string, unknown>
    const c = client()
    await c.restoreAccount(saved)
    expect((await c.send('dynamodb', 'ListTables')).TableNames).toEqual(['orders'])
    await c.restart()
    expect((await c.send('dynamodb', 'ListTables')).TableNames).toEqual(['orders'])
    const bad = await rejection(c.restoreAccount({ ...saved, services: { nope: {} } }))
    expect(bad.message).toMatch(/nope/)
    expect((await c.send('dynamodb', 'ListTables')).TableNames).toEqual(['orders'])
  })

  it('an instance without an account answers send() with a clear error', async () => {
    const w = channelWorker(() => createLambda({ prewarm: 0, warmUp: false }))
    hosts.push(w.host)
    const c = new LambdaClient({ createWorker: () => w, heartbeatMs: 60_000 })
    clients.push(c)
    const e = await rejection(c.send('dynamodb', 'ListTables'))
    expect(e.message).toBe('This engine instance has no simulated account.')
  })
})

describe('errors across the boundary', () => {
  it('keep AWS’s name, message, status, request id and the explanation', () => {
    const err = new AwsError('AccessDeniedException', 'User: x is not authorized', 400)
    err.$metadata = { httpStatusCode: 400, requestId: 'req-1' }
    const wire = serializeError(err, { statement: 'NoWrites' })
    expect(structuredClone(wire)).toEqual({
      name: 'AccessDeniedException',
      message: 'User: x is not authorized',
      statusCode: 400,
      requestId: 'req-1',
      explanation: { statement: 'NoWrites' },
    })
    const back = new RemoteError(wire)
    expect([back.name, back.message, back.statusCode, back.requestId]).toEqual([
      'AccessDeniedException',
      'User: x is not authorized',
      400,
      'req-1',
    ])
    expect(back.explanation).toEqual({ statement: 'NoWrites' })
    expect(serializeError(new Error('plain'))).toEqual({ name: 'Error', message: 'plain' })
  })
})
