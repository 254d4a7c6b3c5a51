import { describe, expect, it } from 'vitest'
import { expectOnlyAwsErrors, testAccount } from '../../events/__tests__/context.ts'
import { createSqsService } from '../index.ts'

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

describe('batches', () => {
  it('send, delete and change visibility in batches, with per-entry failures', async () => {
    const { call, create, receive } = setup()
    const q = await create('q')
    const sent = await call('SendMessageBatch', {
      QueueUrl: q,
      Entries: [
        { Id: 'a', MessageBody: '1' },
        { Id: 'b', MessageBody: '2' },
      ],
    })
    expect(sent.Successful.map((s: any) => s.Id)).toEqual(['a', 'b'])
    expect(sent.Failed).toEqual([])
    const got = (await receive(q, { MaxNumberOfMessages: 10 })).Messages
    expect(got.map((m: any) => m.Body).sort()).toEqual(['1', '2'])
    const vis = await call('ChangeMessageVisibilityBatch', {
      QueueUrl: q,
      Entries: [{ Id: 'x', ReceiptHandle: got[0].ReceiptHandle, VisibilityTimeout: 60 }],
    })
    expect(vis).toEqual({ Successful: [{ Id: 'x' }], Failed: [] })
    const del = await call('DeleteMessageBatch', {
      QueueUrl: q,
      Entries: [
        { Id: 'x', ReceiptHandle: got[0].ReceiptHandle },
        { Id: 'y', ReceiptHandle: 'nope' },
      ],
    })
    expect(del.Successful).toEqual([{ Id: 'x' }])
    expect(del.Failed).toEqual([
      {
        Id: 'y',
        SenderFault: true,
        Code: 'ReceiptHandleIsInvalid',
        Message: 'The input receipt handle "nope" is not a valid receipt handle.',
      },
    ])
  })
  it('batch errors', async () => {
    const { create, error } = setup()
    const q = await create('q')
    const entries = (n: number) => Array.from({ length: n }, (_, i) => ({ Id: `m${i}`, MessageBody: 'x' }))
    expect(await error('SendMessageBatch', { QueueUrl: q, Entries: entries(20) })).toMatchObject({
      name: 'TooManyEntriesInBatchRequest',
      message: 'Maximum number of entries per request are 10. You have sent 20.',
    })
    expect((await error('SendMessageBatch', { QueueUrl: q, Entries: [] })).name).toBe('EmptyBatchRequest')
    expect(await error('SendMessageBatch', { QueueUrl: q, Entries: [{ Id: 'a b', MessageBody: 'x' }] })).toMatchObject({
      name: 'InvalidBatchEntryId',
      message:
        'A batch entry id can only contain alphanumeric characters, hyphens and underscores. It can be at most 80 letters long.',
    })
    expect(
      (
        await error('SendMessageBatch', {
          QueueUrl: q,
          Entries: [
            { Id: 'a', MessageBody: 'x' },
            { Id: 'a', MessageBody: 'y' },
          ],
        })
      ).name,
    ).toBe('BatchEntryIdsNotDistinct')
    const big = Array.from({ length: 2 }, (_, i) => ({ Id: `m${i}`, MessageBody: 'x'.repeat(600_000) }))
    expect((await error('SendMessageBatch', { QueueUrl: q, Entries: big })).message).toBe(
      'Batch requests cannot be longer than 1048576 bytes. You have sent 1200000 bytes.',
    )
  })
})

describe('FIFO queues', () => {
  it('keep order per group, block a group while a message is in flight, deduplicate for 5 minutes', async () => {
    const { call, create, receive, acct, error } = setup()
    const q = await create('jobs.fifo', { FifoQueue: 'true' })
    expect(await error('SendMessage', { QueueUrl: q, MessageBody: 'x' })).toMatchObject({
      name: 'MissingParameter',
      message: 'The request must contain the parameter MessageGroupId.',
    })
    expect(await error('SendMessage', { QueueUrl: q, MessageBody: 'x', MessageGroupId: 'g' })).toMatchObject({
      message:
        'The queue should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly',
    })
    expect(
      await error('SendMessage', {
        QueueUrl: q,
        MessageBody: 'x',
        MessageGroupId: 'g',
        MessageDeduplicationId: 'd',
        DelaySeconds: 2,
      }),
    ).toMatchObject({
      message:
        'Value 2 for parameter DelaySeconds is invalid. Reason: The request include parameter that is not valid for this queue type.',
    })
    const s1 = await call('SendMessage', {
      QueueUrl: q,
      MessageBody: 'a1',
      MessageGroupId: 'A',
      MessageDeduplicationId: '1',
    })
    await call('SendMessage', { QueueUrl: q, MessageBody: 'a2', MessageGroupId: 'A', MessageDeduplicationId: '2' })
    await call('SendMessage', { QueueUrl: q, MessageBody: 'b1', MessageGroupId: 'B', MessageDeduplicationId: '3' })
    const dup = await call('SendMessage', {
      QueueUrl: q,
      MessageBody: 'a1 again',
      MessageGroupId: 'A',
      MessageDeduplicationId: '1',
    })
    expect(dup.MessageId).toBe(s1.MessageId)
    expect(s1.SequenceNumber).toMatch(/^\d{20}$/)
    const first = (await receive(q, { AttributeNames: ['All'] })).Messages[0]
    expect(first.Body).toBe('a1')
    expect(first.Attributes).toMatchObject({
      MessageGroupId: 'A',
      MessageDeduplicationId: '1',
      SequenceNumber: s1.SequenceNumber,
    })
    // Group A is blocked while a1 is in flight: B comes next.
    expect((await receive(q, { MaxNumberOfMessages: 10 })).Messages.map((m: any) => m.Body)).toEqual(['b1'])
    expect(await receive(q)).toEqual({})
    await call('DeleteMessage', { QueueUrl: q, ReceiptHandle: first.ReceiptHandle })
    expect((await receive(q)).Messages[0].Body).toBe('a2')
    await acct.clock.advance(5 * 60_000)
    const again = await call('SendMessage', {
      QueueUrl: q,
      MessageBody: 'a1',
      MessageGroupId: 'A',
      MessageDeduplicationId: '1',
    })
    expect(again.MessageId).not.toBe(s1.MessageId)
  })
  it('content-based deduplication and expired receipt handles', async () => {
    const { call, create, receive, acct, error } = setup()
    const q = await create('c.fifo', { FifoQueue: 'true', ContentBasedDeduplication: 'true', VisibilityTimeout: '5' })
    const a = await call('SendMessage', { QueueUrl: q, MessageBody: 'same', MessageGroupId: 'g' })
    const b = await call('SendMessage', { QueueUrl: q, MessageBody: 'same', MessageGroupId: 'g' })
    expect(b.MessageId).toBe(a.MessageId)
    const m = (await receive(q)).Messages[0]
    await acct.clock.advance(5_000)
    expect((await error('DeleteMessage', { QueueUrl: q, ReceiptHandle: m.ReceiptHandle })).message).toBe(
      `Value ${m.ReceiptHandle} for parameter ReceiptHandle is invalid. Reason: The receipt handle has expired.`,
    )
  })
})

describe('hooks, policies, snapshot', () => {
  it('watch tells pollers when messages arrive; peek counts', async () => {
    const { sqs, call, create, acct } = setup()
    const q = await create('q')
    let calls = 0
    const stop = sqs.watch('arn:aws:sqs:us-east-1:123456789012:q', () => calls++)
    await call('SendMessage', { QueueUrl: q, MessageBody: 'a', DelaySeconds: 10 })
    expect(calls).toBe(1)
    expect(sqs.peek('arn:aws:sqs:us-east-1:123456789012:q', acct.clock.now())).toEqual({
      visible: 0,
      inFlight: 0,
      delayed: 1,
      nextVisibleAt: acct.clock.now() + 10_000,
    })
    stop()
    await call('SendMessage', { QueueUrl: q, MessageBody: 'b' })
    expect(calls).toBe(1)
  })
  it('the Policy attribute is the resource policy', async () => {
    const { sqs, create } = setup()
    const policy = {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: { Service: 'sns.amazonaws.com' }, Action: 'sqs:SendMessage', Resource: '*' },
      ],
    }
    await create('q', { Policy: JSON.stringify(policy) })
    expect(JSON.parse(sqs.definition.resourcePolicy!('arn:aws:sqs:us-east-1:123456789012:q') as string)).toEqual(policy)
  })
  it('round-trips queues with in-flight messages, binary attributes and FIFO state', async () => {
    const { sqs, call, create, receive } = setup()
    const q = await create('q')
    await call('SendMessage', {
      QueueUrl: q,
      MessageBody: 'a',
      MessageAttributes: { bin: { DataType: 'Binary', BinaryValue: Uint8Array.of(0, 255) } },
    })
    await call('SendMessage', { QueueUrl: q, MessageBody: 'b' })
    await receive(q)
    const f = await create('f.fifo', { FifoQueue: 'true', ContentBasedDeduplication: 'true' })
    await call('SendMessage', { QueueUrl: f, MessageBody: 'x', MessageGroupId: 'g' })
    const json = JSON.parse(JSON.stringify(sqs.snapshot()))
    const copy = createSqsService()
    copy.restore(json)
    expect(JSON.parse(JSON.stringify(copy.snapshot()))).toEqual(json)
    const acct2 = testAccount([copy.definition])
    const got = await acct2.call('sqs', 'ReceiveMessage', {
      QueueUrl: q,
      MaxNumberOfMessages: 10,
      MessageAttributeNames: ['All'],
    })
    expect(got.Messages.map((m: any) => m.Body)).toEqual(['b'])
  })
  it('refuses corrupt saved state and keeps what it had', async () => {
    const { sqs, create } = setup()
    await create('keep')
    const before = JSON.stringify(sqs.snapshot())
    const bad: unknown[] = [
      undefined,
      { version: 1, regions: { 'us-east-1': [{ name: 'bad name!' }] } },
      {
        version: 1,
        regions: {
          'us-east-1': [
            {
              name: 'q',
              accountId: '123456789012',
              attributes: { VisibilityTimeout: '-5' },
              createdAt: 0,
              modifiedAt: 0,
              sequence: 0,
              serial: 0,
              tags: {},
              messages: [],
              dedup: [],
            },
          ],
        },
      },
      {
        version: 1,
        regions: {
          'us-east-1': [
            {
              name: 'q',
              accountId: '123456789012',
              attributes: {},
              createdAt: 0,
              modifiedAt: 0,
              sequence: 0,
              serial: 0,
              tags: {},
              messages: [{ id: 1 }],
              dedup: [],
            },
          ],
        },
      },
      { version: 1, regions: { 'us-east-1': 'x' } },
    ]
    for (const json of bad) {
      expect(() => sqs.restore(json)).toThrow(/^Saved SQS state is not valid: /)
      expect(JSON.stringify(sqs.snapshot())).toBe(before)
    }
  })
  it('every operation answers malformed input with an AWS error', async () => {
    const { acct, sqs, create } = setup()
    await create('q')
    expect(await expectOnlyAwsErrors(acct, 'sqs', sqs.definition)).toBeGreaterThan(100)
  })
})

describe('scale', () => {
  it('10,000 messages: send, receive and delete them all without quadratic work', async () => {
    const { call, create, receive } = setup()
    const q = await create('big')
    for (let i = 0; i < 1000; i++) {
      await call('SendMessageBatch', {
        QueueUrl: q,
        Entries: Array.from({ length: 10 }, (_, j) => ({ Id: `m${j}`, MessageBody: `${i}-${j}` })),
      })
    }
    let received = 0
    for (;;) {
      const got = await receive(q, { MaxNumberOfMessages: 10 })
      if (!got.Messages) break
      received += got.Messages.length
      await call('DeleteMessageBatch', {
        QueueUrl: q,
        Entries: got.Messages.map((m: any, i: number) => ({ Id: `d${i}`, ReceiptHandle: m.ReceiptHandle })),
      })
    }
    expect(received).toBe(10_000)
    expect(
      (await call('GetQueueAttributes', { QueueUrl: q, AttributeNames: ['ApproximateNumberOfMessages'] })).Attributes,
    ).toEqual({ ApproximateNumberOfMessages: '0' })
  })
  it('the simulation bounds the messages it holds (browser memory), with a clear OverLimit', async () => {
    const sqs = createSqsService({ maxStoredChars: 10 })
    const acct = testAccount([sqs.definition])
    const q = (await acct.call('sqs', 'CreateQueue', { QueueName: 'q' })).QueueUrl
    await acct.call('sqs', 'SendMessage', { QueueUrl: q, MessageBody: '12345678' })
    const e = await acct.error('sqs', 'SendMessage', { QueueUrl: q, MessageBody: '123' })
    expect(e).toMatchObject({ name: 'OverLimit', $metadata: { httpStatusCode: 403 } })
    expect(e.message).toMatch(/delete or purge messages first/)
  })
  it('retention drops old messages', async () => {
    const { call, create, receive, acct } = setup()
    const q = await create('short', { MessageRetentionPeriod: '60' })
    await call('SendMessage', { QueueUrl: q, MessageBody: 'old' })
    await acct.clock.advance(30_000)
    await call('SendMessage', { QueueUrl: q, MessageBody: 'new' })
    await acct.clock.advance(30_000)
    expect((await receive(q, { MaxNumberOfMessages: 10 })).Messages.map((m: any) => m.Body)).toEqual(['new'])
  })
})
