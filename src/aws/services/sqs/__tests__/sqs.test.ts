import { describe, expect, it } from 'vitest'
import { testAccount } from '../../events/__tests__/context.ts'
import { createSqsService, md5OfAttributes, QUERY_CODES } from '../index.ts'

function setup(options: { auto?: boolean } = {}) {
  const sqs = createSqsService()
  const acct = testAccount([sqs.definition], options)
  const call = (op: string, input: unknown) => acct.call('sqs', op, input)
  const error = (op: string, input: unknown) => acct.error('sqs', op, input)
  const create = async (name: string, Attributes?: Record<string, string>) =>
    (await call('CreateQueue', { QueueName: name, Attributes })).QueueUrl as string
  const receive = (QueueUrl: string, extra: Record<string, unknown> = {}) =>
    call('ReceiveMessage', { QueueUrl, ...extra })
  return { sqs, acct, call, error, create, receive }
}

const URL = 'https://sqs.us-east-1.amazonaws.com/123456789012/'

describe('queues', () => {
  it('creates (idempotently), finds, lists, describes and deletes queues', async () => {
    const { call, create, error, acct } = setup()
    expect(await create('orders')).toBe(`${URL}orders`)
    expect(await create('orders')).toBe(`${URL}orders`)
    await create('other')
    expect(await call('GetQueueUrl', { QueueName: 'orders' })).toEqual({ QueueUrl: `${URL}orders` })
    expect(await call('ListQueues', {})).toEqual({ QueueUrls: [`${URL}orders`, `${URL}other`] })
    expect(await call('ListQueues', { QueueNamePrefix: 'ot' })).toEqual({ QueueUrls: [`${URL}other`] })
    const page1 = await call('ListQueues', { MaxResults: 1 })
    expect(page1.QueueUrls).toEqual([`${URL}orders`])
    expect((await call('ListQueues', { MaxResults: 1, NextToken: page1.NextToken })).QueueUrls).toEqual([`${URL}other`])
    const attrs = (await call('GetQueueAttributes', { QueueUrl: `${URL}orders`, AttributeNames: ['All'] })).Attributes
    expect(attrs).toEqual({
      ApproximateNumberOfMessages: '0',
      ApproximateNumberOfMessagesDelayed: '0',
      ApproximateNumberOfMessagesNotVisible: '0',
      CreatedTimestamp: String(Math.floor(acct.clock.now() / 1000)),
      DelaySeconds: '0',
      LastModifiedTimestamp: String(Math.floor(acct.clock.now() / 1000)),
      MaximumMessageSize: '1048576',
      MessageRetentionPeriod: '345600',
      QueueArn: 'arn:aws:sqs:us-east-1:123456789012:orders',
      ReceiveMessageWaitTimeSeconds: '0',
      SqsManagedSseEnabled: 'true',
      VisibilityTimeout: '30',
    })
    await call('DeleteQueue', { QueueUrl: `${URL}orders` })
    const gone = await error('GetQueueUrl', { QueueName: 'orders' })
    expect(gone).toMatchObject({ name: 'QueueDoesNotExist', message: 'The specified queue does not exist.' })
    expect(QUERY_CODES[gone.name]).toBe('AWS.SimpleQueueService.NonExistentQueue')
    expect(await error('CreateQueue', { QueueName: 'orders' })).toMatchObject({
      name: 'QueueDeletedRecently',
      message: 'You must wait 60 seconds after deleting a queue before you can create another with the same name.',
    })
    await acct.clock.advance(60_000)
    await create('orders')
  })
  it('refuses bad names and attributes, as SQS words it', async () => {
    const { create, error } = setup()
    expect(await error('CreateQueue', { QueueName: 'bad name' })).toMatchObject({
      name: 'InvalidParameterValue',
      message: 'Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length',
    })
    expect(await error('CreateQueue', { QueueName: 'q', Attributes: { Nope: '1' } })).toMatchObject({
      name: 'InvalidAttributeName',
      message: 'Unknown Attribute Nope.',
    })
    expect(await error('CreateQueue', { QueueName: 'q', Attributes: { VisibilityTimeout: '43201' } })).toMatchObject({
      name: 'InvalidAttributeValue',
      message: 'Invalid value for the parameter VisibilityTimeout.',
    })
    expect(
      await error('CreateQueue', { QueueName: 'q', Attributes: { ContentBasedDeduplication: 'true' } }),
    ).toMatchObject({
      message: 'Unknown Attribute ContentBasedDeduplication.',
    })
    expect(await error('CreateQueue', { QueueName: 'q', Attributes: { DeduplicationScope: 'queue' } })).toMatchObject({
      message: 'You can specify the DeduplicationScope only when FifoQueue is set to true.',
    })
    await create('q', { DelaySeconds: '1' })
    expect(await error('CreateQueue', { QueueName: 'q', Attributes: { DelaySeconds: '2' } })).toMatchObject({
      name: 'QueueNameExists',
      message: 'A queue already exists with the same name and a different value for attribute DelaySeconds',
    })
    const f = await create('f.fifo', { FifoQueue: 'true' })
    expect(await error('SetQueueAttributes', { QueueUrl: f, Attributes: { FifoQueue: 'false' } })).toMatchObject({
      name: 'InvalidAttributeValue',
      message: 'Invalid value for the parameter FifoQueue. Reason: Modifying queue type is not supported.',
    })
    expect(await error('SendMessage', { QueueUrl: `${URL}ghost`, MessageBody: 'x' })).toMatchObject({
      name: 'QueueDoesNotExist',
    })
  })
  it('purges, once a minute', async () => {
    const { call, create, error, acct } = setup()
    const q = await create('q')
    await call('SendMessage', { QueueUrl: q, MessageBody: 'a' })
    await call('PurgeQueue', { QueueUrl: q })
    expect(
      (await call('GetQueueAttributes', { QueueUrl: q, AttributeNames: ['ApproximateNumberOfMessages'] })).Attributes,
    ).toEqual({ ApproximateNumberOfMessages: '0' })
    const e = await error('PurgeQueue', { QueueUrl: q })
    expect(e).toMatchObject({
      name: 'PurgeQueueInProgress',
      message: 'Only one PurgeQueue operation on q is allowed every 60 seconds.',
      $metadata: { httpStatusCode: 403 },
    })
    await acct.clock.advance(60_000)
    await call('PurgeQueue', { QueueUrl: q })
  })
  it('tags', async () => {
    const { call, create } = setup()
    const q = await create('q')
    await call('TagQueue', { QueueUrl: q, Tags: { team: 'a', env: 'dev' } })
    await call('UntagQueue', { QueueUrl: q, TagKeys: ['env'] })
    expect(await call('ListQueueTags', { QueueUrl: q })).toEqual({ Tags: { team: 'a' } })
  })
})

describe('messages', () => {
  it('sends and receives with the MD5s AWS computes', async () => {
    const { call, create, receive } = setup()
    const q = await create('q')
    const sent = await call('SendMessage', {
      QueueUrl: q,
      MessageBody: 'msg',
      MessageAttributes: { Foo: { DataType: 'String', StringValue: 'Bar' } },
    })
    // Both digests as AWS returned them for this message (recorded by LocalStack against AWS).
    expect(sent.MD5OfMessageBody).toBe('6e2baaf3b97dbeef01c0043275f9a0e7')
    expect(sent.MD5OfMessageAttributes).toBe('ae7155c6026991b6d54b11589678bf9c')
    const got = await receive(q, { MessageAttributeNames: ['All'], MessageSystemAttributeNames: ['All'] })
    expect(got.Messages).toHaveLength(1)
    const m = got.Messages[0]
    expect(m).toMatchObject({
      MessageId: sent.MessageId,
      Body: 'msg',
      MD5OfBody: '6e2baaf3b97dbeef01c0043275f9a0e7',
      MD5OfMessageAttributes: 'ae7155c6026991b6d54b11589678bf9c',
      MessageAttributes: { Foo: { DataType: 'String', StringValue: 'Bar' } },
    })
    expect(m.Attributes).toMatchObject({
      ApproximateReceiveCount: '1',
      SenderId: expect.stringMatching(/^AIDA[A-Z]{17}$/),
    })
    expect(Object.keys(m.Attributes).sort()).toEqual([
      'ApproximateFirstReceiveTimestamp',
      'ApproximateReceiveCount',
      'SenderId',
      'SentTimestamp',
    ])
    expect(await receive(q)).toEqual({})
  })
  it('attribute MD5 covers binary and number values, sorted by name', () => {
    const a = md5OfAttributes({
      b: { DataType: 'Binary', BinaryValue: Uint8Array.of(1, 2, 3) },
      a: { DataType: 'Number', StringValue: '1' },
    })
    const b = md5OfAttributes({
      a: { DataType: 'Number', StringValue: '1' },
      b: { DataType: 'Binary', BinaryValue: Uint8Array.of(1, 2, 3) },
    })
    expect(a).toBe(b)
    expect(a).toMatch(/^[0-9a-f]{32}$/)
    expect(md5OfAttributes({})).toBeUndefined()
  })
  it('visibility timeout hides a received message until it expires; receive count grows', async () => {
    const { call, create, receive, acct } = setup()
    const q = await create('q', { VisibilityTimeout: '10' })
    await call('SendMessage', { QueueUrl: q, MessageBody: 'a' })
    const first = (await receive(q, { AttributeNames: ['ApproximateReceiveCount'] })).Messages[0]
    expect(await receive(q)).toEqual({})
    await acct.clock.advance(9_999)
    expect(await receive(q)).toEqual({})
    await acct.clock.advance(1)
    const second = (await receive(q, { AttributeNames: ['ApproximateReceiveCount'] })).Messages[0]
    expect(second.Attributes.ApproximateReceiveCount).toBe('2')
    expect(second.ReceiptHandle).not.toBe(first.ReceiptHandle)
    await call('ChangeMessageVisibility', { QueueUrl: q, ReceiptHandle: second.ReceiptHandle, VisibilityTimeout: 0 })
    const third = (await receive(q)).Messages[0]
    await call('DeleteMessage', { QueueUrl: q, ReceiptHandle: third.ReceiptHandle })
    await acct.clock.advance(60_000)
    expect(await receive(q)).toEqual({})
  })
  it('delays: queue DelaySeconds and per-message DelaySeconds', async () => {
    const { call, create, receive, acct } = setup()
    const q = await create('q', { DelaySeconds: '5' })
    await call('SendMessage', { QueueUrl: q, MessageBody: 'queue-delay' })
    await call('SendMessage', { QueueUrl: q, MessageBody: 'no-delay', DelaySeconds: 0 })
    const attrs = (await call('GetQueueAttributes', { QueueUrl: q, AttributeNames: ['All'] })).Attributes
    expect(attrs.ApproximateNumberOfMessagesDelayed).toBe('1')
    expect((await receive(q)).Messages[0].Body).toBe('no-delay')
    expect(await receive(q)).toEqual({})
    await acct.clock.advance(5_000)
    expect((await receive(q)).Messages[0].Body).toBe('queue-delay')
  })
  it('redrives to a dead-letter queue after maxReceiveCount receives', async () => {
    const { call, create, receive, acct } = setup()
    const dlq = await create('dlq')
    const q = await create('q', {
      VisibilityTimeout: '1',
      RedrivePolicy: JSON.stringify({
        deadLetterTargetArn: 'arn:aws:sqs:us-east-1:123456789012:dlq',
        maxReceiveCount: 2,
      }),
    })
    await call('SendMessage', { QueueUrl: q, MessageBody: 'poison' })
    for (let i = 0; i < 2; i++) {
      expect((await receive(q)).Messages).toHaveLength(1)
      await acct.clock.advance(1_000)
    }
    expect(await receive(q)).toEqual({})
    const dead = (await receive(dlq, { MessageSystemAttributeNames: ['All'] })).Messages[0]
    expect(dead.Body).toBe('poison')
    expect(dead.Attributes.DeadLetterQueueSourceArn).toBe('arn:aws:sqs:us-east-1:123456789012:q')
    expect(dead.Attributes.ApproximateReceiveCount).toBe('3')
    expect(await call('ListDeadLetterSourceQueues', { QueueUrl: dlq })).toEqual({ queueUrls: [q] })
  })
  it('refuses a redrive policy to a missing queue or one of the other type', async () => {
    const { create, error } = setup()
    await create('f.fifo', { FifoQueue: 'true' })
    const rp = (arn: string) => JSON.stringify({ deadLetterTargetArn: arn, maxReceiveCount: 3 })
    expect(
      (
        await error('CreateQueue', {
          QueueName: 'q',
          Attributes: { RedrivePolicy: rp('arn:aws:sqs:us-east-1:123456789012:nope') },
        })
      ).message,
    ).toMatch(/Reason: Dead letter target does not exist\.$/)
    expect(
      (
        await error('CreateQueue', {
          QueueName: 'q',
          Attributes: { RedrivePolicy: rp('arn:aws:sqs:us-east-1:123456789012:f.fifo') },
        })
      ).message,
    ).toMatch(/Reason: Dead-letter queue must be same type of queue as the source\.$/)
  })
  it('long polling waits on the virtual clock and wakes when a message arrives', async () => {
    const { call, create, receive, acct } = setup()
    const q = await create('q')
    const start = acct.clock.now()
    const polling = receive(q, { WaitTimeSeconds: 20 })
    await acct.clock.advance(3_000)
    await call('SendMessage', { QueueUrl: q, MessageBody: 'late' })
    const got = await polling
    expect(got.Messages[0].Body).toBe('late')
    expect(acct.clock.now() - start).toBe(3_000)
    expect(acct.clock.busy).toBe(false) // the poll's timer was cancelled
    const empty = receive(q, { WaitTimeSeconds: 5 })
    await acct.clock.advance(5_000)
    expect(await empty).toEqual({})
  })
  it('a long poll in auto mode returns an empty answer after the wait, in no wall time', async () => {
    const { create, receive, acct } = setup({ auto: true })
    const q = await create('q')
    const start = acct.clock.now()
    expect(await receive(q, { WaitTimeSeconds: 20 })).toEqual({})
    expect(acct.clock.now() - start).toBe(20_000)
  })
  it('validates messages as SQS does', async () => {
    const { create, error } = setup()
    const q = await create('q', { MaximumMessageSize: '1024' })
    expect(await error('SendMessage', { QueueUrl: q, MessageBody: '' })).toMatchObject({
      name: 'MissingParameter',
      message: 'The request must contain the parameter MessageBody.',
    })
    expect(await error('SendMessage', { QueueUrl: q, MessageBody: 'x'.repeat(1025) })).toMatchObject({
      name: 'InvalidParameterValue',
      message: 'One or more parameters are invalid. Reason: Message must be shorter than 1024 bytes.',
    })
    expect((await error('SendMessage', { QueueUrl: q, MessageBody: 'a\u0000b' })).name).toBe('InvalidMessageContents')
    expect(
      await error('SendMessage', {
        QueueUrl: q,
        MessageBody: 'x',
        MessageAttributes: { ErrorDetails: { DataType: 'String', StringValue: '' } },
      }),
    ).toMatchObject({
      message: "Message (user) attribute 'ErrorDetails' must contain a non-empty value of type 'String'.",
    })
    const eleven = Object.fromEntries(
      Array.from({ length: 11 }, (_, i) => [`a${i}`, { DataType: 'String', StringValue: 'v' }]),
    )
    expect((await error('SendMessage', { QueueUrl: q, MessageBody: 'x', MessageAttributes: eleven })).message).toBe(
      'Number of message attributes [11] exceeds the allowed maximum [10].',
    )
    expect(await error('ReceiveMessage', { QueueUrl: q, MaxNumberOfMessages: 11 })).toMatchObject({
      message: 'Value 11 for parameter MaxNumberOfMessages is invalid. Reason: Must be between 1 and 10, if provided.',
    })
    expect(await error('ReceiveMessage', { QueueUrl: q, WaitTimeSeconds: 21 })).toMatchObject({
      message: 'Value 21 for parameter WaitTimeSeconds is invalid. Reason: Must be >= 0 and <= 20, if provided.',
    })
    const bad = await error('DeleteMessage', { QueueUrl: q, ReceiptHandle: 'garbage' })
    expect(bad).toMatchObject({
      name: 'ReceiptHandleIsInvalid',
      message: 'The input receipt handle "garbage" is not a valid receipt handle.',
      $metadata: { httpStatusCode: 404 },
    })
  })
  it('the 1 MiB limit by default', async () => {
    const { call, create, error } = setup()
    const q = await create('q')
    await call('SendMessage', { QueueUrl: q, MessageBody: 'x'.repeat(1_048_576) })
    expect((await error('SendMessage', { QueueUrl: q, MessageBody: 'x'.repeat(1_048_577) })).message).toBe(
      'One or more parameters are invalid. Reason: Message must be shorter than 1048576 bytes.',
    )
  })
})
