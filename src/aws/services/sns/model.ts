// SNS's state: topics and subscriptions, per region, and the published-message record.
import type { MessageAttributeValue, Tag } from '@aws-sdk/client-sns'
import type { CompiledPattern } from '../events/pattern/index.ts'

export interface TopicRecord {
  name: string
  arn: string
  accountId: string
  attributes: Record<string, string>
  tags: Tag[]
  createdAt: number
  /** FIFO topics: dedup ids of the last five minutes, and the sequence. */
  dedup: Map<string, { messageId: string; sequenceNumber: string; at: number }>
  sequence: number
}

export interface SubscriptionRecord {
  arn: string
  topicArn: string
  protocol: string
  endpoint: string
  owner: string
  principal: string
  pending: boolean
  /** Token to confirm a pending subscription (email, http, https). */
  token?: string
  attributes: Record<string, string>
  /** Compiled FilterPolicy (not saved). */
  compiled?: CompiledPattern
}

export interface RegionState {
  topics: Map<string, TopicRecord>
  subscriptions: Map<string, SubscriptionRecord>
}

/** One delivery SNS would make for a published message. */
export interface Delivery {
  subscriptionArn: string
  protocol: string
  endpoint: string
  rawMessageDelivery: boolean
  /** What the endpoint receives: the raw message, or SNS's JSON notification (see notification()). */
  body: string
}

/** A published message and where it goes (filter policies applied); the next issue delivers it. */
export interface PublishRecord {
  topicArn: string
  messageId: string
  message: string
  subject?: string
  messageStructure?: string
  messageAttributes?: Record<string, MessageAttributeValue>
  messageGroupId?: string
  messageDeduplicationId?: string
  sequenceNumber?: string
  timestamp: number
  deliveries: Delivery[]
  /** Subscriptions a filter policy (or a pending confirmation) left out. */
  filteredOut: string[]
}

export const FIFO_DEDUP_MS = 5 * 60 * 1000
export const MAX_MESSAGE_BYTES = 256 * 1024

export function defaultTopicPolicy(arn: string, accountId: string): string {
  return JSON.stringify({
    Version: '2008-10-17',
    Id: '__default_policy_ID',
    Statement: [
      {
        Sid: '__default_statement_ID',
        Effect: 'Allow',
        Principal: { AWS: '*' },
        Action: [
          'SNS:GetTopicAttributes',
          'SNS:SetTopicAttributes',
          'SNS:AddPermission',
          'SNS:RemovePermission',
          'SNS:DeleteTopic',
          'SNS:Subscribe',
          'SNS:ListSubscriptionsByTopic',
          'SNS:Publish',
        ],
        Resource: arn,
        Condition: { StringEquals: { 'AWS:SourceOwner': accountId } },
      },
    ],
  })
}

export const EFFECTIVE_DELIVERY_POLICY = JSON.stringify({
  http: {
    defaultHealthyRetryPolicy: {
      minDelayTarget: 20,
      maxDelayTarget: 20,
      numRetries: 3,
      numMaxDelayRetries: 0,
      numNoDelayRetries: 0,
      numMinDelayRetries: 0,
      backoffFunction: 'linear',
    },
    disableSubscriptionOverrides: false,
    defaultRequestPolicy: { headerContentType: 'text/plain; charset=UTF-8' },
  },
})

/** The JSON notification SNS sends to sqs, http(s), email-json and lambda endpoints (not raw). */
export function notification(
  record: Omit<PublishRecord, 'deliveries' | 'filteredOut'>,
  subscriptionArn: string,
  region: string,
  message = record.message,
): string {
  const attrs = record.messageAttributes
  const body: Record<string, unknown> = {
    Type: 'Notification',
    MessageId: record.messageId,
    ...(record.sequenceNumber ? { SequenceNumber: record.sequenceNumber } : {}),
    TopicArn: record.topicArn,
    ...(record.subject !== undefined ? { Subject: record.subject } : {}),
    Message: message,
    Timestamp: new Date(record.timestamp).toISOString(),
    SignatureVersion: '1',
    Signature: btoa(`simulated-signature:${record.messageId}`),
    SigningCertURL: `https://sns.${region}.amazonaws.com/SimpleNotificationService-simulated.pem`,
    UnsubscribeURL: `https://sns.${region}.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=${subscriptionArn}`,
  }
  if (attrs && Object.keys(attrs).length) {
    body.MessageAttributes = Object.fromEntries(
      Object.entries(attrs).map(([k, v]) => [
        k,
        { Type: v.DataType, Value: v.BinaryValue ? btoa(String.fromCharCode(...v.BinaryValue)) : v.StringValue },
      ]),
    )
  }
  return JSON.stringify(body)
}

export function parseTopicArn(arn: string): { region: string; accountId: string; name: string } | null {
  const m = /^arn:aws:sns:([a-z0-9-]+):(\d{12}):([A-Za-z0-9_-]{1,256}(?:\.fifo)?)$/.exec(arn)
  return m ? { region: m[1], accountId: m[2], name: m[3] } : null
}
