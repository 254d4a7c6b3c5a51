// Every other provided client in a handler, through the I/O channel to a createAccount(): one happy
// path and one AWS error each, shaped as the SDK shapes them (name, $metadata, message).
import { describe, expect, it } from 'vitest'
import { call, deploy } from '../../__tests__/helpers.ts'
import { role, wired } from './sdk-helpers.ts'

const report = `(e) => ({ name: e.name, status: e.$metadata && e.$metadata.httpStatusCode, message: e.message, code: e.code })`

describe('the other provided clients in a handler', () => {
  it('@aws-sdk/client-s3: PutObject and GetObject (streamed body), then NoSuchKey', async () => {
    const { aws, lambda } = await wired()
    await aws.send('s3', 'CreateBucket', { Bucket: 'uploads' })
    const Role = await role(aws, 'files', { Effect: 'Allow', Action: ['s3:PutObject', 's3:GetObject'], Resource: '*' })
    const name = await deploy(
      lambda,
      `import { S3Client, PutObjectCommand, GetObjectCommand } from '@aws-sdk/client-s3'
const s3 = new S3Client({})
export const handler = async () => {
  await s3.send(new PutObjectCommand({ Bucket: 'uploads', Key: 'a.txt', Body: 'hello', ContentType: 'text/plain' }))
  const got = await s3.send(new GetObjectCommand({ Bucket: 'uploads', Key: 'a.txt' }))
  const text = await got.Body.transformToString()
  const error = await s3.send(new GetObjectCommand({ Bucket: 'uploads', Key: 'missing.txt' })).catch(${report})
  return { text, type: got.ContentType, length: got.ContentLength, error }
}`,
      { Role },
    )
    const out = await call(lambda, name)
    expect(out.json).toEqual({
      text: 'hello',
      type: 'text/plain',
      length: 5,
      error: { name: 'NoSuchKey', status: 404, message: 'The specified key does not exist.' },
    })
  })

  it('@aws-sdk/client-sqs: SendMessage and ReceiveMessage, then QueueDoesNotExist', async () => {
    const { aws, lambda } = await wired()
    await aws.send('sqs', 'CreateQueue', { QueueName: 'orders' })
    const Role = await role(aws, 'queue', {
      Effect: 'Allow',
      Action: ['sqs:SendMessage', 'sqs:ReceiveMessage'],
      Resource: '*',
    })
    const name = await deploy(
      lambda,
      {
        'index.js': `const { SQSClient, SendMessageCommand, ReceiveMessageCommand } = require('@aws-sdk/client-sqs')
const sqs = new SQSClient({})
const QueueUrl = 'https://sqs.us-east-1.amazonaws.com/123456789012/orders'
exports.handler = async () => {
  const sent = await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'order 1' }))
  const got = await sqs.send(new ReceiveMessageCommand({ QueueUrl }))
  const error = await sqs.send(new SendMessageCommand({ QueueUrl: QueueUrl + '-gone', MessageBody: 'x' })).catch(${report})
  return { id: typeof sent.MessageId, body: got.Messages[0].Body, error }
}`,
      },
      { Role },
    )
    const out = await call(lambda, name)
    expect(out.json.id).toBe('string')
    expect(out.json.body).toBe('order 1')
    expect(out.json.error).toEqual({
      name: 'QueueDoesNotExist',
      status: 400,
      message: 'The specified queue does not exist.',
    })
  })

  it('@aws-sdk/client-sns: Publish, then AuthorizationErrorException for a topic the role may not use', async () => {
    const { aws, lambda } = await wired()
    await aws.send('sns', 'CreateTopic', { Name: 'alerts' })
    await aws.send('sns', 'CreateTopic', { Name: 'billing' })
    const Role = await role(aws, 'notifier', {
      Effect: 'Allow',
      Action: 'sns:Publish',
      Resource: 'arn:aws:sns:us-east-1:123456789012:alerts',
    })
    const name = await deploy(
      lambda,
      `import { SNSClient, PublishCommand } from '@aws-sdk/client-sns'
const sns = new SNSClient({})
export const handler = async () => {
  const ok = await sns.send(new PublishCommand({ TopicArn: 'arn:aws:sns:us-east-1:123456789012:alerts', Message: 'disk full' }))
  const error = await sns.send(new PublishCommand({ TopicArn: 'arn:aws:sns:us-east-1:123456789012:billing', Message: 'x' })).catch(${report})
  return { id: typeof ok.MessageId, error }
}`,
      { Role, FunctionName: 'notify' },
    )
    expect((await call(lambda, name)).json).toEqual({
      id: 'string',
      error: {
        name: 'AuthorizationErrorException',
        status: 403,
        message:
          'User: arn:aws:sts::123456789012:assumed-role/notifier/notify is not authorized to perform: SNS:Publish on resource: arn:aws:sns:us-east-1:123456789012:billing because no identity-based policy allows the SNS:Publish action',
      },
    })
  })

  it('@aws-sdk/client-eventbridge: PutEvents, then AccessDeniedException', async () => {
    const { aws, lambda } = await wired()
    const Role = await role(aws, 'events', { Effect: 'Allow', Action: 'events:PutEvents', Resource: '*' })
    const name = await deploy(
      lambda,
      `import { EventBridgeClient, PutEventsCommand, ListEventBusesCommand } from '@aws-sdk/client-eventbridge'
const eb = new EventBridgeClient({})
export const handler = async () => {
  const put = await eb.send(new PutEventsCommand({ Entries: [{ Source: 'shop.orders', DetailType: 'placed', Detail: '{"id":1}' }] }))
  const error = await eb.send(new ListEventBusesCommand({})).catch(${report})
  return { failed: put.FailedEntryCount, id: typeof put.Entries[0].EventId, error }
}`,
      { Role, FunctionName: 'emit' },
    )
    expect((await call(lambda, name)).json).toEqual({
      failed: 0,
      id: 'string',
      error: {
        name: 'AccessDeniedException',
        status: 400,
        message:
          'User: arn:aws:sts::123456789012:assumed-role/events/emit is not authorized to perform: events:ListEventBuses because no identity-based policy allows the events:ListEventBuses action',
      },
    })
  })

  it('@aws-sdk/client-sts: GetCallerIdentity names the role session; AssumeRole of a role that does not trust it is AccessDenied', async () => {
    const { aws, lambda } = await wired()
    const Role = await role(aws, 'who', { Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' })
    await role(aws, 'admin-role')
    const name = await deploy(
      lambda,
      `import { STSClient, GetCallerIdentityCommand, AssumeRoleCommand } from '@aws-sdk/client-sts'
const sts = new STSClient({})
export const handler = async () => {
  const me = await sts.send(new GetCallerIdentityCommand({}))
  const error = await sts.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::123456789012:role/admin-role', RoleSessionName: 'escalate' })).catch(${report})
  return { arn: me.Arn, account: me.Account, error }
}`,
      { Role, FunctionName: 'whoami' },
    )
    const out = await call(lambda, name)
    expect(out.json.arn).toBe('arn:aws:sts::123456789012:assumed-role/who/whoami')
    expect(out.json.account).toBe('123456789012')
    expect(out.json.error).toEqual({
      name: 'AccessDenied',
      status: 403,
      message:
        'User: arn:aws:sts::123456789012:assumed-role/who/whoami is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::123456789012:role/admin-role',
    })
  })

  it('@aws-sdk/client-lambda: Invoke of another function, then AccessDeniedException for one the role may not invoke', async () => {
    const { aws, lambda } = await wired()
    const Role = await role(aws, 'caller', {
      Effect: 'Allow',
      Action: 'lambda:InvokeFunction',
      Resource: 'arn:aws:lambda:us-east-1:123456789012:function:echo',
    })
    await deploy(lambda, 'export const handler = async (event) => ({ echoed: event })', {
      Role,
      FunctionName: 'echo',
    })
    await deploy(lambda, 'export const handler = async () => 1', { Role, FunctionName: 'other' })
    const name = await deploy(
      lambda,
      `import { LambdaClient, InvokeCommand } from '@aws-sdk/client-lambda'
const client = new LambdaClient({})
export const handler = async () => {
  const out = await client.send(new InvokeCommand({ FunctionName: 'echo', Payload: JSON.stringify({ a: 1 }) }))
  const payload = JSON.parse(new TextDecoder().decode(out.Payload))
  const error = await client.send(new InvokeCommand({ FunctionName: 'other' })).catch(${report})
  return { status: out.StatusCode, version: out.ExecutedVersion, payload, error }
}`,
      { Role, FunctionName: 'caller' },
    )
    const out = await call(lambda, name)
    expect(out.json.status).toBe(200)
    expect(out.json.version).toBe('$LATEST')
    expect(out.json.payload).toEqual({ echoed: { a: 1 } })
    expect(out.json.error).toMatchObject({ name: 'AccessDeniedException', status: 403 })
    expect(out.json.error.message).toMatch(
      /^User: arn:aws:sts::123456789012:assumed-role\/caller\/caller is not authorized to perform: lambda:InvokeFunction on resource: arn:aws:lambda:us-east-1:123456789012:function:other/,
    )
  })
})
