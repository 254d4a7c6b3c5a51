// The real @aws-sdk/client-sns against the SNS service through account.requestHandler: the query
// codec reads and writes with SNS_QUERY_SHAPES (lists, maps, blobs).
import {
  CreateTopicCommand,
  GetSubscriptionAttributesCommand,
  GetTopicAttributesCommand,
  ListSubscriptionsByTopicCommand,
  ListTagsForResourceCommand,
  ListTopicsCommand,
  PublishBatchCommand,
  PublishCommand,
  SubscribeCommand,
  TagResourceCommand,
} from '@aws-sdk/client-sns'
import { describe, expect, it } from 'vitest'
import { sns } from '../../../__tests__/account-helpers.ts'
import { createAccount } from '../../../index.ts'
import type { PublishRecord } from '../index.ts'

async function client() {
  const aws = await createAccount()
  const published: PublishRecord[] = []
  aws.services.sns.onPublish((r) => published.push(r))
  return { c: sns(aws), published, aws }
}

describe('@aws-sdk/client-sns', () => {
  it('creates, subscribes, publishes with attributes (maps, lists, blobs round-trip)', async () => {
    const { c, published } = await client()
    const { TopicArn } = await c.send(
      new CreateTopicCommand({
        Name: 'orders',
        Attributes: { DisplayName: 'Orders' },
        Tags: [{ Key: 'team', Value: 'a' }],
      }),
    )
    expect(TopicArn).toBe('arn:aws:sns:us-east-1:123456789012:orders')
    await c.send(new TagResourceCommand({ ResourceArn: TopicArn, Tags: [{ Key: 'env', Value: 'dev' }] }))
    expect((await c.send(new ListTagsForResourceCommand({ ResourceArn: TopicArn }))).Tags).toEqual([
      { Key: 'team', Value: 'a' },
      { Key: 'env', Value: 'dev' },
    ])
    expect((await c.send(new ListTopicsCommand({}))).Topics).toEqual([{ TopicArn }])
    const attrs = (await c.send(new GetTopicAttributesCommand({ TopicArn }))).Attributes!
    expect(attrs.DisplayName).toBe('Orders')
    const sub = await c.send(
      new SubscribeCommand({
        TopicArn,
        Protocol: 'sqs',
        Endpoint: 'arn:aws:sqs:us-east-1:123456789012:q',
        Attributes: { FilterPolicy: '{"kind":["a"]}', RawMessageDelivery: 'true' },
      }),
    )
    expect(
      (await c.send(new GetSubscriptionAttributesCommand({ SubscriptionArn: sub.SubscriptionArn }))).Attributes,
    ).toMatchObject({
      FilterPolicy: '{"kind":["a"]}',
      RawMessageDelivery: 'true',
      FilterPolicyScope: 'MessageAttributes',
    })
    expect((await c.send(new ListSubscriptionsByTopicCommand({ TopicArn }))).Subscriptions).toHaveLength(1)
    const out = await c.send(
      new PublishCommand({
        TopicArn,
        Message: 'hello <&> "world"',
        Subject: 'Hi',
        MessageAttributes: {
          kind: { DataType: 'String', StringValue: 'a' },
          blob: { DataType: 'Binary', BinaryValue: Uint8Array.of(9, 8) },
        },
      }),
    )
    expect(out.MessageId).toMatch(/^[0-9a-f-]{36}$/)
    expect(published[0].message).toBe('hello <&> "world"')
    expect(published[0].messageAttributes!.blob.BinaryValue).toEqual(Uint8Array.of(9, 8))
    expect(published[0].deliveries.map((d) => d.body)).toEqual(['hello <&> "world"'])
    const batch = await c.send(
      new PublishBatchCommand({
        TopicArn,
        PublishBatchRequestEntries: [
          { Id: 'a', Message: '1' },
          { Id: 'b', Message: '2' },
        ],
      }),
    )
    expect(batch.Successful!.map((s) => s.Id)).toEqual(['a', 'b'])
    expect(batch.Failed).toEqual([])
  })
  it('surfaces SNS errors as the SDK names them', async () => {
    const { c } = await client()
    const e = await c
      .send(new GetTopicAttributesCommand({ TopicArn: 'arn:aws:sns:us-east-1:123456789012:nope' }))
      .catch((x) => x)
    expect(e.name).toBe('NotFoundException')
    expect(e.message).toBe('Topic does not exist')
    expect(e.$metadata.httpStatusCode).toBe(404)
    const bad = await c.send(new PublishCommand({ TopicArn: 'nope', Message: 'x' })).catch((x) => x)
    expect(bad.name).toBe('InvalidParameterException')
    expect(bad.message).toBe('Invalid parameter: TopicArn Reason: An ARN must have at least 6 elements, not 1')
  })
})
