import { describe, expect, it } from 'vitest'
import { expectOnlyAwsErrors, testAccount } from '../../events/__tests__/context.ts'
import { createSnsService, type PublishRecord } from '../index.ts'

const ARN = 'arn:aws:sns:us-east-1:123456789012:'

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

describe('topics', () => {
  it('creates (idempotently), lists, describes, updates and deletes topics', async () => {
    const { call, topic, error } = setup()
    expect(await topic('orders')).toBe(`${ARN}orders`)
    expect(await topic('orders')).toBe(`${ARN}orders`)
    await topic('alerts')
    expect(await call('ListTopics', {})).toEqual({
      Topics: [{ TopicArn: `${ARN}alerts` }, { TopicArn: `${ARN}orders` }],
    })
    await call('SetTopicAttributes', {
      TopicArn: `${ARN}orders`,
      AttributeName: 'DisplayName',
      AttributeValue: 'Orders',
    })
    const attrs = (await call('GetTopicAttributes', { TopicArn: `${ARN}orders` })).Attributes
    expect(attrs).toMatchObject({
      DisplayName: 'Orders',
      Owner: '123456789012',
      TopicArn: `${ARN}orders`,
      SubscriptionsConfirmed: '0',
      SubscriptionsPending: '0',
      SubscriptionsDeleted: '0',
    })
    expect(JSON.parse(attrs.Policy)).toMatchObject({
      Id: '__default_policy_ID',
      Statement: [
        { Sid: '__default_statement_ID', Condition: { StringEquals: { 'AWS:SourceOwner': '123456789012' } } },
      ],
    })
    await call('DeleteTopic', { TopicArn: `${ARN}orders` })
    expect(await error('GetTopicAttributes', { TopicArn: `${ARN}orders` })).toMatchObject({
      name: 'NotFound',
      message: 'Topic does not exist',
      $metadata: { httpStatusCode: 404 },
    })
  })
  it('answers bad input as SNS does', async () => {
    const { error, call, topic } = setup()
    expect(await error('GetTopicAttributes', { TopicArn: 'nope' })).toMatchObject({
      name: 'InvalidParameter',
      message: 'Invalid parameter: TopicArn Reason: An ARN must have at least 6 elements, not 1',
    })
    expect(await error('CreateTopic', { Name: 'bad name' })).toMatchObject({ message: 'Invalid parameter: Topic Name' })
    expect(await error('CreateTopic', { Name: '' })).toMatchObject({ message: 'Invalid parameter: Topic Name' })
    expect(
      await error('SetTopicAttributes', { TopicArn: await topic('t'), AttributeName: 'Nope', AttributeValue: 'x' }),
    ).toMatchObject({ message: 'Invalid parameter: AttributeName' })
    await call('CreateTopic', { Name: 'tagged', Tags: [{ Key: 'a', Value: '1' }] })
    expect(await error('CreateTopic', { Name: 'tagged', Tags: [{ Key: 'a', Value: '2' }] })).toMatchObject({
      message: 'Invalid parameter: Tags Reason: Topic already exists with different tags',
    })
    expect(
      await error('TagResource', {
        ResourceArn: `${ARN}tagged`,
        Tags: [
          { Key: 'k', Value: '1' },
          { Key: 'k', Value: '2' },
        ],
      }),
    ).toMatchObject({
      message: 'Invalid parameter: Duplicated keys are not allowed.',
    })
    expect(await error('GetTopicAttributes', { TopicArn: 'arn:aws:sns:eu-west-1:123456789012:t' })).toMatchObject({
      message: 'Invalid parameter: TopicArn',
    })
  })
  it('tags and permissions (the topic policy is the resource policy)', async () => {
    const { call, topic, sns } = setup()
    const t = await topic('t')
    await call('TagResource', {
      ResourceArn: t,
      Tags: [
        { Key: 'team', Value: 'a' },
        { Key: 'env', Value: 'dev' },
      ],
    })
    await call('UntagResource', { ResourceArn: t, TagKeys: ['env'] })
    expect(await call('ListTagsForResource', { ResourceArn: t })).toEqual({ Tags: [{ Key: 'team', Value: 'a' }] })
    await call('AddPermission', {
      TopicArn: t,
      Label: 'other',
      AWSAccountId: ['111122223333'],
      ActionName: ['Publish'],
    })
    const policy = sns.definition.resourcePolicy!(t) as { Statement: any[] }
    expect(policy.Statement[1]).toEqual({
      Sid: 'other',
      Effect: 'Allow',
      Principal: { AWS: ['arn:aws:iam::111122223333:root'] },
      Action: ['SNS:Publish'],
      Resource: t,
    })
    await call('RemovePermission', { TopicArn: t, Label: 'other' })
    expect((sns.definition.resourcePolicy!(t) as { Statement: any[] }).Statement).toHaveLength(1)
  })
})

describe('subscriptions', () => {
  it('subscribes queues and functions at once; email and https wait for confirmation', async () => {
    const { sns, call, topic, error } = setup()
    const t = await topic('t')
    const requests: any[] = []
    sns.onConfirmationRequest((r) => requests.push(r))
    const q = await call('Subscribe', {
      TopicArn: t,
      Protocol: 'sqs',
      Endpoint: 'arn:aws:sqs:us-east-1:123456789012:q',
    })
    expect(q.SubscriptionArn).toMatch(new RegExp(`^${t}:[0-9a-f-]{36}$`))
    expect(
      await call('Subscribe', { TopicArn: t, Protocol: 'sqs', Endpoint: 'arn:aws:sqs:us-east-1:123456789012:q' }),
    ).toEqual(q)
    await call('Subscribe', {
      TopicArn: t,
      Protocol: 'lambda',
      Endpoint: 'arn:aws:lambda:us-east-1:123456789012:function:f',
    })
    expect(await call('Subscribe', { TopicArn: t, Protocol: 'email', Endpoint: 'me@example.com' })).toEqual({
      SubscriptionArn: 'pending confirmation',
    })
    expect(requests).toHaveLength(1)
    const list = (await call('ListSubscriptionsByTopic', { TopicArn: t })).Subscriptions
    expect(list.map((x: any) => x.SubscriptionArn === 'PendingConfirmation')).toEqual([false, false, true])
    const confirmed = await call('ConfirmSubscription', { TopicArn: t, Token: requests[0].token })
    expect(confirmed.SubscriptionArn).toMatch(/^arn:aws:sns:/)
    expect(await error('ConfirmSubscription', { TopicArn: t, Token: 'bad' })).toMatchObject({
      message: 'Invalid token',
    })
    const attrs = (await call('GetSubscriptionAttributes', { SubscriptionArn: q.SubscriptionArn })).Attributes
    expect(attrs).toEqual({
      ConfirmationWasAuthenticated: 'true',
      Endpoint: 'arn:aws:sqs:us-east-1:123456789012:q',
      Owner: '123456789012',
      PendingConfirmation: 'false',
      Protocol: 'sqs',
      RawMessageDelivery: 'false',
      SubscriptionArn: q.SubscriptionArn,
      SubscriptionPrincipal: 'arn:aws:iam::123456789012:user/admin',
      TopicArn: t,
    })
    expect((await call('ListSubscriptions', {})).Subscriptions).toHaveLength(3)
    await call('Unsubscribe', { SubscriptionArn: q.SubscriptionArn })
    expect(await error('GetSubscriptionAttributes', { SubscriptionArn: q.SubscriptionArn })).toMatchObject({
      name: 'NotFound',
      message: 'Subscription does not exist',
    })
  })
  it('validates protocols, endpoints and attributes with SNS messages', async () => {
    const { topic, error, call } = setup()
    const t = await topic('t')
    expect(await error('Subscribe', { TopicArn: t, Protocol: 'test-protocol', Endpoint: 'x' })).toMatchObject({
      message: 'Invalid parameter: Amazon SNS does not support this protocol string: test-protocol',
    })
    expect(
      await error('Subscribe', {
        TopicArn: t,
        Protocol: 'sqs',
        Endpoint: 'https://sqs.us-east-1.amazonaws.com/123456789012/q',
      }),
    ).toMatchObject({
      message: 'Invalid parameter: SQS endpoint ARN',
    })
    expect(await error('Subscribe', { TopicArn: t, Protocol: 'sms', Endpoint: 'invalid-number' })).toMatchObject({
      message: 'Invalid SMS endpoint: invalid-number',
    })
    expect(
      await error('Subscribe', { TopicArn: t, Protocol: 'sqs', Endpoint: 'arn:aws:sqs:us-east-1:123456789012:q.fifo' }),
    ).toMatchObject({
      message:
        'Invalid parameter: Invalid parameter: Endpoint Reason: FIFO SQS Queues can not be subscribed to standard SNS topics',
    })
    expect(
      await error('Subscribe', {
        TopicArn: t,
        Protocol: 'sqs',
        Endpoint: 'arn:aws:sqs:us-east-1:123456789012:q',
        Attributes: { RawMessageDelivery: 'wrongvalue' },
      }),
    ).toMatchObject({
      message:
        'Invalid parameter: Attributes Reason: RawMessageDelivery: Invalid value [wrongvalue]. Must be true or false.',
    })
    const sub = (
      await call('Subscribe', { TopicArn: t, Protocol: 'sqs', Endpoint: 'arn:aws:sqs:us-east-1:123456789012:q' })
    ).SubscriptionArn
    const set = (AttributeName: string, AttributeValue: string) =>
      error('SetSubscriptionAttributes', { SubscriptionArn: sub, AttributeName, AttributeValue })
    expect(await set('Fake', 'x')).toMatchObject({ message: 'Invalid parameter: AttributeName' })
    expect(await set('FilterPolicyScope', 'RandomValue')).toMatchObject({
      message:
        'Invalid parameter: FilterPolicyScope: Invalid value [RandomValue]. Please use either MessageBody or MessageAttributes',
    })
    expect(await set('RedrivePolicy', '{"deadLetterTargetArn":"x"}')).toMatchObject({
      message: 'Invalid parameter: RedrivePolicy: deadLetterTargetArn is an invalid arn',
    })
    expect(
      await error('Subscribe', {
        TopicArn: t,
        Protocol: 'sqs',
        Endpoint: 'arn:aws:sqs:us-east-1:123456789012:q',
        Attributes: { RawMessageDelivery: 'true' },
      }),
    ).toMatchObject({
      message: 'Invalid parameter: Attributes Reason: Subscription already exists with different attributes',
    })
    expect(await error('Unsubscribe', { SubscriptionArn: 'nope' })).toMatchObject({
      message: 'Invalid parameter: SubscriptionArn Reason: An ARN must have at least 6 elements, not 1',
    })
  })
})

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

describe('snapshot, restore, hostile input', () => {
  it('round-trips topics and subscriptions', async () => {
    const { sns, topic, call } = setup()
    const t = await topic('t')
    await call('Subscribe', {
      TopicArn: t,
      Protocol: 'sqs',
      Endpoint: 'arn:aws:sqs:us-east-1:123456789012:q',
      Attributes: { FilterPolicy: '{"a":["b"]}' },
    })
    const json = JSON.parse(JSON.stringify(sns.snapshot()))
    const copy = createSnsService()
    copy.restore(json)
    expect(JSON.parse(JSON.stringify(copy.snapshot()))).toEqual(json)
  })
  it('refuses corrupt state and keeps what it had', async () => {
    const { sns, topic } = setup()
    await topic('keep')
    const before = JSON.stringify(sns.snapshot())
    const bad: unknown[] = [
      7,
      {
        version: 1,
        regions: { 'us-east-1': { topics: [{ arn: 'arn:aws:sns:eu-west-1:123456789012:t' }], subscriptions: [] } },
      },
      {
        version: 1,
        regions: {
          'us-east-1': {
            topics: [],
            subscriptions: [
              {
                arn: 'x',
                topicArn: 'arn:aws:sns:us-east-1:123456789012:gone',
                protocol: 'sqs',
                endpoint: 'e',
                owner: '1',
                principal: 'p',
                attributes: {},
              },
            ],
          },
        },
      },
    ]
    for (const json of bad) {
      expect(() => sns.restore(json)).toThrow(/^Saved SNS state is not valid: /)
      expect(JSON.stringify(sns.snapshot())).toBe(before)
    }
  })
  it('every operation answers malformed input with an AWS error', async () => {
    const { acct, sns, topic } = setup()
    await topic('t')
    expect(await expectOnlyAwsErrors(acct, 'sns', sns.definition)).toBeGreaterThan(100)
  })
})
