// The whole account saved and restored as the playground does with a workspace: IAM and every
// service through JSON into a fresh account; a corrupt or hostile part is refused by name and
// changes nothing.
import { GetObjectCommand } from '@aws-sdk/client-s3'
import { ReceiveMessageCommand } from '@aws-sdk/client-sqs'
import { describe, expect, it } from 'vitest'
import { AccountRestoreError, createAccount, type Account, type IssuedCredentials } from '../index.ts'
import { dynamo, policy, roleSession, s3, sqs, USERS } from './account-helpers.ts'
import { GetItemCommand } from '@aws-sdk/client-dynamodb'

const QUEUE_URL = 'https://sqs.us-east-1.amazonaws.com/123456789012/orders'

/** An account with something in IAM and in every service. */
async function populated(): Promise<{ aws: Account; keys: IssuedCredentials }> {
  const aws = await createAccount()
  const { keys } = await roleSession(aws, 'app-role', 'handler', {
    name: 'read-users',
    document: policy({ Effect: 'Allow', Action: 'dynamodb:GetItem', Resource: '*' }),
  })
  await aws.send('dynamodb', 'CreateTable', USERS)
  await aws.send('dynamodb', 'PutItem', { TableName: 'users', Item: { id: { S: 'ada' }, n: { N: '1' } } })
  await aws.send('s3', 'CreateBucket', { Bucket: 'uploads' })
  await aws.send('s3', 'PutObject', { Bucket: 'uploads', Key: 'a.txt', Body: new TextEncoder().encode('hello') })
  await aws.send('sqs', 'CreateQueue', { QueueName: 'orders' })
  await aws.send('sqs', 'SendMessage', { QueueUrl: QUEUE_URL, MessageBody: 'order 1' })
  const { TopicArn } = (await aws.send('sns', 'CreateTopic', { Name: 'alerts' })) as { TopicArn: string }
  await aws.send('sns', 'Subscribe', {
    TopicArn,
    Protocol: 'sqs',
    Endpoint: 'arn:aws:sqs:us-east-1:123456789012:orders',
  })
  await aws.send('events', 'PutRule', { Name: 'placed', EventPattern: '{"source":["shop"]}' })
  return { aws, keys }
}

const json = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T

function refusal(f: () => void): AccountRestoreError {
  try {
    f()
  } catch (e) {
    if (e instanceof AccountRestoreError) return e
    throw e
  }
  throw new Error('expected the restore to be refused')
}

describe('account snapshot / restore', () => {
  it('carries IAM and every service, through JSON, into a fresh account', async () => {
    const { aws, keys } = await populated()
    const snap = json(aws.snapshot())
    expect(Object.keys(snap.services).sort()).toEqual(['dynamodb', 'events', 'iam', 's3', 'sns', 'sqs'])

    const fresh = await createAccount()
    fresh.restore(snap)
    const restored = json(fresh.snapshot())
    expect(restored.services).toEqual(snap.services)
    // Every key came along; the fresh account's admin keeps its own keys too (SDK clients hold them).
    expect(restored.credentials).toEqual([...(snap.credentials as unknown[]), expect.anything()])

    // Every service answers from the restored state, through the real SDK.
    const item = await dynamo(fresh).send(new GetItemCommand({ TableName: 'users', Key: { id: { S: 'ada' } } }))
    expect(item.Item).toEqual({ id: { S: 'ada' }, n: { N: '1' } })
    const obj = await s3(fresh).send(new GetObjectCommand({ Bucket: 'uploads', Key: 'a.txt' }))
    expect(await obj.Body!.transformToString()).toBe('hello')
    const got = await sqs(fresh).send(new ReceiveMessageCommand({ QueueUrl: QUEUE_URL }))
    expect(got.Messages?.map((m) => m.Body)).toEqual(['order 1'])
    const subs = (await fresh.send('sns', 'ListSubscriptions', {})) as { Subscriptions: { Protocol: string }[] }
    expect(subs.Subscriptions.map((s) => s.Protocol)).toEqual(['sqs'])
    const rules = (await fresh.send('events', 'ListRules', {})) as { Rules: { Name: string }[] }
    expect(rules.Rules.map((r) => r.Name)).toEqual(['placed'])

    // IAM came along, and the role session's keys: the role's policy still decides.
    await dynamo(fresh, keys).send(new GetItemCommand({ TableName: 'users', Key: { id: { S: 'ada' } } }))
    const other = await roleSession(fresh, 'other-role', 's')
    const denied = await dynamo(fresh, other.keys)
      .send(new GetItemCommand({ TableName: 'users', Key: { id: { S: 'ada' } } }))
      .catch((e: Error) => e)
    expect((denied as Error).name).toBe('AccessDeniedException')
    // The fresh account's admin keeps its own keys and its IAM user.
    expect(fresh.iam.store.getUser('admin')?.attached).toEqual(['arn:aws:iam::aws:policy/AdministratorAccess'])
    await dynamo(fresh).send(new GetItemCommand({ TableName: 'users', Key: { id: { S: 'ada' } } }))
  })

  // Each part corrupted in turn: the error names it, and nothing in the account changes.
  const corruptions: [string, (snap: Record<string, any>) => void][] = [
    ['iam', (s) => (s.services.iam = { ...s.services.iam, roles: 'garbage' })],
    ['dynamodb', (s) => (s.services.dynamodb = { tables: [{ name: 42 }] })],
    ['s3', (s) => (s.services.s3 = [1, 2, 3])],
    ['sqs', (s) => (s.services.sqs = { regions: { 'us-east-1': { queues: [{ nope: true }] } } })],
    ['sns', (s) => (s.services.sns = 'garbage')],
    ['events', (s) => (s.services.events = { buses: null })],
  ]
  for (const [part, corrupt] of corruptions) {
    it(`refuses a corrupt ${part} part by name and changes nothing`, async () => {
      const { aws } = await populated()
      const snap = json(aws.snapshot()) as unknown as Record<string, any>
      // Something to lose: after the snapshot, the account changes in every service.
      await aws.send('dynamodb', 'PutItem', { TableName: 'users', Item: { id: { S: 'bob' } } })
      await aws.send('sqs', 'SendMessage', { QueueUrl: QUEUE_URL, MessageBody: 'order 2' })
      await aws.send('iam', 'DeleteRolePolicy', { RoleName: 'app-role', PolicyName: 'read-users' })
      await aws.send('s3', 'DeleteObject', { Bucket: 'uploads', Key: 'a.txt' })
      await aws.send('sns', 'CreateTopic', { Name: 'more' })
      await aws.send('events', 'DeleteRule', { Name: 'placed' })
      const before = json(aws.snapshot())
      corrupt(snap)
      const err = refusal(() => aws.restore(snap))
      expect(err.part).toBe(`account.services.${part}`)
      expect(err.message.startsWith(`account.services.${part}: `)).toBe(true)
      expect(err.message.length).toBeLessThan(400)
      expect(json(aws.snapshot())).toEqual(before)
    })
  }

  it('refuses corrupt credentials and hostile input (deep nesting, huge strings) without changing anything', async () => {
    const { aws } = await populated()
    const before = json(aws.snapshot())
    const snap = json(aws.snapshot()) as unknown as Record<string, any>

    expect(refusal(() => aws.restore({ ...snap, credentials: 'garbage' })).part).toBe('account.credentials')

    let deep: unknown = 'x'
    for (let i = 0; i < 100_000; i++) deep = [deep]
    for (const id of ['iam', 'dynamodb', 's3', 'sqs', 'sns', 'events']) {
      const err = refusal(() => aws.restore({ ...snap, services: { ...snap.services, [id]: deep } }))
      expect(err.part).toBe(`account.services.${id}`)
    }
    const huge = 'A'.repeat(5_000_000)
    const err = refusal(() =>
      aws.restore({ ...snap, services: { ...snap.services, dynamodb: { tables: [{ name: huge }] } } }),
    )
    expect(err.message.length).toBeLessThan(400)
    expect(refusal(() => aws.restore({ ...snap, version: 2 })).part).toBe('account.version')
    expect(json(aws.snapshot())).toEqual(before)
  })
})
