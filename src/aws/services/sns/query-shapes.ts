// What the awsQuery codec needs to know about SNS's operations (from the SNS API model): which
// members are lists or maps and how they are named on the wire, which are blobs, booleans or
// numbers, and the result element of each response.
//
// Request (form-encoded): a list member `L` is sent as `L.member.1`, `L.member.2`…; a map `M` as
// `M.entry.1.key` / `M.entry.1.value` (MessageAttributes uses `Name` / `Value`); a structure's
// members as `S.Member`. Blobs are base64. Response (XML): `<{Op}Response xmlns="…/2010-03-31/">
// <{Op}Result>…</{Op}Result><ResponseMetadata><RequestId>…</RequestId></ResponseMetadata>`, lists as
// `<L><member>…</member></L>`, maps as `<M><entry><key>…</key><value>…</value></entry></M>`.
// Operations without `output` answer with no Result element. The notation is protocol/query-shapes.ts's.

import type { QueryOperationShapes, QueryShape } from '../../protocol/query-shapes.ts'

export const SNS_XML_NAMESPACE = 'http://sns.amazonaws.com/doc/2010-03-31/'

const attributeMap: QueryShape = { map: { key: 'string', value: 'string' } }
const tags: QueryShape = { list: { structure: { Key: 'string', Value: 'string' } } }
const messageAttributes: QueryShape = {
  map: { key: 'string', value: { structure: { DataType: 'string', StringValue: 'string', BinaryValue: 'blob' } } },
  keyName: 'Name',
  valueName: 'Value',
}
const subscriptions: QueryShape = {
  list: {
    structure: {
      SubscriptionArn: 'string',
      Owner: 'string',
      Protocol: 'string',
      Endpoint: 'string',
      TopicArn: 'string',
    },
  },
}

export const SNS_QUERY_SHAPES: Record<string, QueryOperationShapes> = {
  CreateTopic: {
    input: { Name: 'string', Attributes: attributeMap, Tags: tags, DataProtectionPolicy: 'string' },
    output: { TopicArn: 'string' },
  },
  DeleteTopic: { input: { TopicArn: 'string' } },
  ListTopics: {
    input: { NextToken: 'string' },
    output: { Topics: { list: { structure: { TopicArn: 'string' } } }, NextToken: 'string' },
  },
  GetTopicAttributes: { input: { TopicArn: 'string' }, output: { Attributes: attributeMap } },
  SetTopicAttributes: { input: { TopicArn: 'string', AttributeName: 'string', AttributeValue: 'string' } },
  AddPermission: {
    input: { TopicArn: 'string', Label: 'string', AWSAccountId: { list: 'string' }, ActionName: { list: 'string' } },
  },
  RemovePermission: { input: { TopicArn: 'string', Label: 'string' } },
  TagResource: { input: { ResourceArn: 'string', Tags: tags }, output: {} },
  UntagResource: { input: { ResourceArn: 'string', TagKeys: { list: 'string' } }, output: {} },
  ListTagsForResource: { input: { ResourceArn: 'string' }, output: { Tags: tags } },
  Subscribe: {
    input: {
      TopicArn: 'string',
      Protocol: 'string',
      Endpoint: 'string',
      Attributes: attributeMap,
      ReturnSubscriptionArn: 'boolean',
    },
    output: { SubscriptionArn: 'string' },
  },
  ConfirmSubscription: {
    input: { TopicArn: 'string', Token: 'string', AuthenticateOnUnsubscribe: 'string' },
    output: { SubscriptionArn: 'string' },
  },
  Unsubscribe: { input: { SubscriptionArn: 'string' } },
  ListSubscriptions: { input: { NextToken: 'string' }, output: { Subscriptions: subscriptions, NextToken: 'string' } },
  ListSubscriptionsByTopic: {
    input: { TopicArn: 'string', NextToken: 'string' },
    output: { Subscriptions: subscriptions, NextToken: 'string' },
  },
  GetSubscriptionAttributes: { input: { SubscriptionArn: 'string' }, output: { Attributes: attributeMap } },
  SetSubscriptionAttributes: {
    input: { SubscriptionArn: 'string', AttributeName: 'string', AttributeValue: 'string' },
  },
  Publish: {
    input: {
      TopicArn: 'string',
      TargetArn: 'string',
      PhoneNumber: 'string',
      Message: 'string',
      Subject: 'string',
      MessageStructure: 'string',
      MessageAttributes: messageAttributes,
      MessageDeduplicationId: 'string',
      MessageGroupId: 'string',
    },
    output: { MessageId: 'string', SequenceNumber: 'string' },
  },
  PublishBatch: {
    input: {
      TopicArn: 'string',
      PublishBatchRequestEntries: {
        list: {
          structure: {
            Id: 'string',
            Message: 'string',
            Subject: 'string',
            MessageStructure: 'string',
            MessageAttributes: messageAttributes,
            MessageDeduplicationId: 'string',
            MessageGroupId: 'string',
          },
        },
      },
    },
    output: {
      Successful: { list: { structure: { Id: 'string', MessageId: 'string', SequenceNumber: 'string' } } },
      Failed: { list: { structure: { Id: 'string', Code: 'string', Message: 'string', SenderFault: 'boolean' } } },
    },
  },
}
