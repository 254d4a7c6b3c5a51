// S3 event notifications, SNS notifications and SQS messages.
import { SHOPPER_IP, iso, type Ctx } from './context.ts'

export function s3(c: Ctx, eventName: string, object: Record<string, string | number>) {
  const bucket = 'kettle-co-product-images'
  return {
    Records: [
      {
        eventVersion: '2.1',
        eventSource: 'aws:s3',
        awsRegion: c.r,
        eventTime: iso(c.t),
        eventName,
        userIdentity: { principalId: 'AWS:AIDAJDPLRKLG7UEXAMPLE' },
        requestParameters: { sourceIPAddress: SHOPPER_IP },
        responseElements: {
          'x-amz-request-id': 'C3D13FE58DE4C810',
          'x-amz-id-2': 'FMyUVURIY8/IgAtTv8xRjskZQpcIZ9KG4V5Wp6S7S/JRWeUWerMUE5JgHvANOjpD',
        },
        s3: {
          s3SchemaVersion: '1.0',
          configurationId: 'product-image-pipeline',
          bucket: {
            name: bucket,
            ownerIdentity: { principalId: 'A3NL1KOZZKExample' },
            arn: `arn:${c.p}:s3:::${bucket}`,
          },
          object: { ...object, sequencer: '00684AA0C7A1B2C3D4' },
        },
      },
    ],
  }
}

export function sns(c: Ctx) {
  const topic = `arn:${c.p}:sns:${c.r}:${c.a}:kettle-order-events`
  const subscription = `${topic}:03c27f63-efa7-457e-86ca-68985e249c61`
  return {
    Records: [
      {
        EventSource: 'aws:sns',
        EventVersion: '1.0',
        EventSubscriptionArn: subscription,
        Sns: {
          Type: 'Notification',
          MessageId: '47314215-1cb4-4bdd-bfea-8b4704308b34',
          TopicArn: topic,
          Subject: 'Order KC-1042 shipped',
          Message: JSON.stringify({ orderId: 'KC-1042', status: 'SHIPPED', carrier: 'UPS', items: 3 }),
          Timestamp: iso(c.t),
          SignatureVersion: '1',
          Signature: 'tcc6faL2yUC6dgZdmrwh1Y4cGa/ebXEkAi6RibDsvpi+tE/1+82j2+aE9lWFtAqD6bGJtIr/v6N8uQ==',
          SigningCertUrl: `https://sns.${c.r}.${c.d}/SimpleNotificationService-9c6465fa7f48f5cacd23014631ec1136.pem`,
          UnsubscribeUrl: `https://sns.${c.r}.${c.d}/?Action=Unsubscribe&SubscriptionArn=${subscription}`,
          MessageAttributes: {
            eventType: { Type: 'String', Value: 'OrderShipped' },
            warehouse: { Type: 'String', Value: 'PDX-1' },
          },
        },
      },
    ],
  }
}

// md5OfBody is the MD5 of the body (checked by the test).
const SQS_MESSAGES: [id: string, body: string, md5: string][] = [
  [
    'ef1227cb-0c67-42c5-9676-5410377771b4',
    '{"orderId":"KC-1042","sku":"MUG-STONE-BLUE","quantity":2}',
    '2034f557f7edfd1e4df089396046cd82',
  ],
  [
    '5c54fca6-449d-455e-999f-4ab5233669ef',
    '{"orderId":"KC-1043","sku":"TPT-CAST-IRON-1L","quantity":1}',
    '5bd649ec149b408ae06b659d62c6b118',
  ],
]

export function sqs(c: Ctx) {
  return {
    Records: SQS_MESSAGES.map(([messageId, body, md5OfBody], i) => ({
      messageId,
      receiptHandle: `AQEB${i ? 'Xq2' : 'wJn'}KyrHigUMZj6rYigCgxlaS3SLy0a8Q9KettleCo+orders/Z3ieQ2l1dUl0ZW1z==`,
      body,
      attributes: {
        ApproximateReceiveCount: '1',
        SentTimestamp: String(c.t - 40 + i),
        SenderId: 'AROAIWPX5BD2BHG722MW4:kettle-checkout',
        ApproximateFirstReceiveTimestamp: String(c.t + i),
      },
      messageAttributes: {},
      md5OfBody,
      eventSource: 'aws:sqs',
      eventSourceARN: `arn:${c.p}:sqs:${c.r}:${c.a}:kettle-orders`,
      awsRegion: c.r,
    })),
  }
}
