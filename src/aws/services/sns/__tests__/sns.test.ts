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
    const policy = JSON.parse(sns.definition.resourcePolicy!(t) as string) as { Statement: any[] }
    expect(policy.Statement[1]).toEqual({
      Sid: 'other',
      Effect: 'Allow',
      Principal: { AWS: ['arn:aws:iam::111122223333:root'] },
      Action: ['SNS:Publish'],
      Resource: t,
    })
    await call('RemovePermission', { TopicArn: t, Label: 'other' })
    expect(JSON.parse(sns.definition.resourcePolicy!(t) as string).Statement).toHaveLength(1)
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
