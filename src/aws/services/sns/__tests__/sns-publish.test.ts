import { describe, expect, it } from 'vitest'
import { testAccount } from '../../events/__tests__/context.ts'
import { createSnsService, type PublishRecord } from '../index.ts'

function setup() {
  const sns = createSnsService()
  const acct = testAccount([sns.definition])
  const call = (op: string, input: unknown) => acct.call('sns', op, input)
  const error = (op: string, input: unknown) => acct.error('sns', op, input)
  const topic = async (Name: string, Attributes?: Record<string, string>) =>
    (await call('CreateTopic', { Name, Attributes })).TopicArn as string
  const published: PublishRecord[] = []
  sns.onPublish((r) => published.push(r))
  return { sns, acct, call, error, topic, published }
}

describe('filter policies', () => {
  it('are validated with the pattern compiler and SNS limits', async () => {
    const { topic, call, error } = setup()
    const t = await topic('t')
    const sub = (
      await call('Subscribe', { TopicArn: t, Protocol: 'sqs', Endpoint: 'arn:aws:sqs:us-east-1:123456789012:q' })
    ).SubscriptionArn
    const set = (v: string) =>
      error('SetSubscriptionAttributes', { SubscriptionArn: sub, AttributeName: 'FilterPolicy', AttributeValue: v })
    expect((await set('{"key":[["value"]]}')).message).toBe(
      'Invalid parameter: FilterPolicy: Match value must be String, number, true, false, or null\n at [Source: (String)"{"key":[["value"]]}"; line: 1, column: 10]',
    )
    expect((await set('{invalid}')).message).toBe(
      "Invalid parameter: FilterPolicy: failed to parse JSON. Unexpected character ('i' (code 105)): was expecting double-quote to start field name\n at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 2]",
    )
    expect((await set('{"a":[1],"b":[1],"c":[1],"d":[1],"e":[1],"f":[1]}')).message).toBe(
      'Invalid parameter: FilterPolicy: Filter policy can not have more than 5 keys',
    )
    const many = JSON.stringify({
      a: Array.from({ length: 20 }, (_, i) => i),
      b: Array.from({ length: 10 }, (_, i) => i),
    })
    expect((await set(many)).message).toBe('Invalid parameter: FilterPolicy: Filter policy is too complex')
    expect((await set('{"a":{"b":["x"]}}')).message).toBe(
      'Invalid parameter: Filter policy scope MessageAttributes does not support nested filter policy',
    )
    // SNS's own complexity cases (recorded against AWS by LocalStack): 152 and 160 are refused, 150 accepted.
    const flatOr = {
      source: ['aws.cloudwatch', 'aws.events', 'aws.test', 'aws.test2'],
      $or: [
        { metricName: ['CPUUtilization', 'ReadLatency', 't1', 't2', 't3', 't4'] },
        {
          metricType: ['MetricType', 'TestType', 'TestType2', 'TestType3'],
          $or: [{ metricId: [1234, 4321, 5678, 9012] }, { spaceId: [1, 2, 3, 4] }],
        },
      ],
    }
    expect((await set(JSON.stringify(flatOr))).message).toBe(
      'Invalid parameter: FilterPolicy: Filter policy is too complex',
    )
    const accepted = {
      ...flatOr,
      source: flatOr.source.slice(0, 3),
      $or: [
        flatOr.$or[0],
        { ...flatOr.$or[1], $or: [{ metricId: [1234, 4321, 5678, 9012] }, { spaceId: [1, 2, 3, 4, 5, 6, 7] }] },
      ],
    }
    await call('SetSubscriptionAttributes', {
      SubscriptionArn: sub,
      AttributeName: 'FilterPolicy',
      AttributeValue: JSON.stringify(accepted),
    })
    await call('SetSubscriptionAttributes', {
      SubscriptionArn: sub,
      AttributeName: 'FilterPolicyScope',
      AttributeValue: 'MessageBody',
    })
    const nestedOr = {
      $or: [{ metricName: ['CPUUtilization', 'ReadLatency', 'TestValue'] }, { namespace: ['AWS/EC2', 'AWS/ES'] }],
      detail: {
        scope: ['Service', 'Test'],
        $or: [{ source: ['aws.cloudwatch'] }, { type: ['CloudWatch Alarm State Change', 'TestValue', 'TestValue2'] }],
      },
    }
    expect((await set(JSON.stringify(nestedOr))).message).toBe(
      'Invalid parameter: FilterPolicy: Filter policy is too complex',
    )
    const viaSubscribe = await error('Subscribe', {
      TopicArn: t,
      Protocol: 'sqs',
      Endpoint: 'arn:aws:sqs:us-east-1:123456789012:other',
      Attributes: { FilterPolicy: '{"key":[{"wrong-operator":true}]}' },
    })
    expect(viaSubscribe.message).toBe(
      'Invalid parameter: Attributes Reason: FilterPolicy: Unrecognized match type wrong-operator\n at [Source: (String)"{"key":[{"wrong-operator":true}]}"; line: 1, column: 31]',
    )
  })
  it('choose the deliveries: attributes (String, Number, String.Array) and message bodies', async () => {
    const { topic, call, published } = setup()
    const t = await topic('t')
    const sub = async (name: string, attrs: Record<string, string>) =>
      (
        await call('Subscribe', {
          TopicArn: t,
          Protocol: 'sqs',
          Endpoint: `arn:aws:sqs:us-east-1:123456789012:${name}`,
          Attributes: attrs,
        })
      ).SubscriptionArn
    const all = await sub('all', {})
    const big = await sub('big', { FilterPolicy: '{"price":[{"numeric":[">=",100]}],"color":["red","blue"]}' })
    const tagged = await sub('tagged', { FilterPolicy: '{"tags":["sale"]}' })
    const body = await sub('body', {
      FilterPolicy: '{"order":{"status":[{"prefix":"ship"}]}}',
      FilterPolicyScope: 'MessageBody',
      RawMessageDelivery: 'true',
    })
    await call('Publish', {
      TopicArn: t,
      Message: JSON.stringify({ order: { status: 'shipped' } }),
      MessageAttributes: {
        price: { DataType: 'Number', StringValue: '150.5' },
        color: { DataType: 'String', StringValue: 'red' },
        tags: { DataType: 'String.Array', StringValue: '["new","sale"]' },
      },
    })
    const r = published[0]
    expect(r.deliveries.map((d) => d.subscriptionArn).sort()).toEqual([all, big, tagged, body].sort())
    expect(r.deliveries.find((d) => d.subscriptionArn === body)!.body).toBe('{"order":{"status":"shipped"}}')
    const envelope = JSON.parse(r.deliveries.find((d) => d.subscriptionArn === all)!.body)
    expect(envelope).toMatchObject({
      Type: 'Notification',
      MessageId: r.messageId,
      TopicArn: t,
      SignatureVersion: '1',
      MessageAttributes: { price: { Type: 'Number', Value: '150.5' } },
    })
    await call('Publish', {
      TopicArn: t,
      Message: 'plain',
      MessageAttributes: {
        price: { DataType: 'String', StringValue: '150' },
        color: { DataType: 'String', StringValue: 'red' },
      },
    })
    expect(published[1].deliveries.map((d) => d.subscriptionArn)).toEqual([all])
    expect(published[1].filteredOut.sort()).toEqual([big, tagged, body].sort())
  })
})

describe('publish', () => {
  it('validates messages as SNS words it', async () => {
    const { topic, error } = setup()
    const t = await topic('t')
    const pub = (input: Record<string, unknown>) => error('Publish', { TopicArn: t, ...input })
    expect((await pub({ Message: '' })).message).toBe('Invalid parameter: Empty message')
    expect((await pub({ Message: 'x'.repeat(256 * 1024 + 1) })).message).toBe('Invalid parameter: Message too long')
    expect((await pub({ Message: 'x', Subject: '' })).message).toBe('Invalid parameter: Subject')
    expect((await pub({ Message: '{"email":"x"}', MessageStructure: 'json' })).message).toBe(
      'Invalid parameter: Message Structure - No default entry in JSON message body',
    )
    expect((await pub({ Message: '{', MessageStructure: 'json' })).message).toBe(
      'Invalid parameter: Message Structure - JSON message body failed to parse',
    )
    expect(
      await pub({ Message: 'x', MessageAttributes: { attr1: { DataType: 'String', StringValue: '' } } }),
    ).toMatchObject({
      name: 'ParameterValueInvalid',
      message:
        "The message attribute 'attr1' must contain non-empty message attribute value for message attribute type 'String'.",
    })
    expect(
      (await pub({ Message: 'x', MessageAttributes: { 'a^b': { DataType: 'String', StringValue: 'v' } } })).message,
    ).toBe(
      "Invalid non-alphanumeric character '#x5E' was found in the message attribute name. Can only include alphanumeric characters, hyphens, underscores, or dots.",
    )
    expect((await pub({ Message: 'x', MessageAttributes: { a: { StringValue: 'v' } } })).message).toBe(
      "1 validation error detected: Value null at 'messageAttributes.a.member.dataType' failed to satisfy constraint: Member must not be null",
    )
    expect((await pub({ Message: 'x', MessageDeduplicationId: 'd' })).message).toBe(
      'Invalid parameter: MessageDeduplicationId Reason: The request includes MessageDeduplicationId parameter that is not valid for this topic type',
    )
    expect(await error('Publish', { TopicArn: `${t}x`, Message: 'x' })).toMatchObject({
      name: 'NotFound',
      message: 'Topic does not exist',
    })
  })
  it('MessageStructure json gives each protocol its own message', async () => {
    const { topic, call, published } = setup()
    const t = await topic('t')
    await call('Subscribe', {
      TopicArn: t,
      Protocol: 'sqs',
      Endpoint: 'arn:aws:sqs:us-east-1:123456789012:q',
      Attributes: { RawMessageDelivery: 'true' },
    })
    await call('Subscribe', {
      TopicArn: t,
      Protocol: 'lambda',
      Endpoint: 'arn:aws:lambda:us-east-1:123456789012:function:f',
      Attributes: { RawMessageDelivery: 'true' },
    })
    await call('Publish', {
      TopicArn: t,
      MessageStructure: 'json',
      Message: JSON.stringify({ default: 'hi', sqs: 'hi queue' }),
    })
    expect(published[0].deliveries.map((d) => [d.protocol, d.body])).toEqual([
      ['sqs', 'hi queue'],
      ['lambda', 'hi'],
    ])
  })
  it('FIFO topics: group id, deduplication, sequence numbers', async () => {
    const { topic, call, error } = setup()
    const t = await topic('t.fifo', { FifoTopic: 'true' })
    expect((await error('Publish', { TopicArn: t, Message: 'x' })).message).toBe(
      'Invalid parameter: The MessageGroupId parameter is required for FIFO topics',
    )
    expect((await error('Publish', { TopicArn: t, Message: 'x', MessageGroupId: 'g' })).message).toBe(
      'Invalid parameter: The topic should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly',
    )
    const a = await call('Publish', { TopicArn: t, Message: 'x', MessageGroupId: 'g', MessageDeduplicationId: 'd' })
    const b = await call('Publish', { TopicArn: t, Message: 'y', MessageGroupId: 'g', MessageDeduplicationId: 'd' })
    expect(b).toEqual(a)
    expect(a.SequenceNumber).toMatch(/^\d{20}$/)
  })
  it('PublishBatch', async () => {
    const { topic, call, error, published } = setup()
    const t = await topic('t')
    const out = await call('PublishBatch', {
      TopicArn: t,
      PublishBatchRequestEntries: [
        { Id: 'a', Message: '1' },
        { Id: 'b', Message: '2' },
      ],
    })
    expect(out.Successful.map((x: any) => x.Id)).toEqual(['a', 'b'])
    expect(published).toHaveLength(2)
    const entries = (n: number) => Array.from({ length: n }, (_, i) => ({ Id: `m${i}`, Message: 'x' }))
    expect(await error('PublishBatch', { TopicArn: t, PublishBatchRequestEntries: entries(11) })).toMatchObject({
      name: 'TooManyEntriesInBatchRequest',
      message: 'The batch request contains more entries than permissible.',
    })
    expect(
      await error('PublishBatch', {
        TopicArn: t,
        PublishBatchRequestEntries: [
          { Id: 'a', Message: '1' },
          { Id: 'a', Message: '2' },
        ],
      }),
    ).toMatchObject({
      name: 'BatchEntryIdsNotDistinct',
      message: 'Two or more batch entries in the request have the same Id.',
    })
    const big = [
      { Id: 'a', Message: 'x'.repeat(200_000) },
      { Id: 'b', Message: 'x'.repeat(100_000) },
    ]
    expect(await error('PublishBatch', { TopicArn: t, PublishBatchRequestEntries: big })).toMatchObject({
      name: 'BatchRequestTooLong',
      message: 'The length of all the messages put together is more than the limit.',
    })
  })
})
