// Topic operations: CreateTopic, DeleteTopic, ListTopics, GetTopicAttributes, SetTopicAttributes,
// AddPermission, RemovePermission, TagResource, UntagResource, ListTagsForResource.
import type {
  AddPermissionInput,
  CreateTopicInput,
  CreateTopicResponse,
  DeleteTopicInput,
  GetTopicAttributesInput,
  GetTopicAttributesResponse,
  ListTagsForResourceRequest,
  ListTagsForResourceResponse,
  ListTopicsInput,
  ListTopicsResponse,
  RemovePermissionInput,
  SetTopicAttributesInput,
  Tag,
  TagResourceRequest,
  UntagResourceRequest,
} from '@aws-sdk/client-sns'
import type { OperationContext, OperationDefinition } from '../../types.ts'
import { checkArnShape, invalidParameter, snsError } from './errors.ts'
import { defaultTopicPolicy, EFFECTIVE_DELIVERY_POLICY, type TopicRecord } from './model.ts'
import type { SnsContext } from './service.ts'

type Op<I, O> = OperationDefinition<I, O>
const TOPIC_NAME = /^[A-Za-z0-9_-]{1,256}$/
const MAX_TOPICS = 100_000
const SETTABLE = [
  'DeliveryPolicy',
  'DisplayName',
  'Policy',
  'TracingConfig',
  'KmsMasterKeyId',
  'SignatureVersion',
  'ContentBasedDeduplication',
  'ArchivePolicy',
  'DataProtectionPolicy',
  'FifoThroughputScope',
]
const FEEDBACK =
  /^(HTTP|HTTPS|SQS|Lambda|Firehose|Application)(SuccessFeedbackRoleArn|SuccessFeedbackSampleRate|FailureFeedbackRoleArn)$/

/** Checks one topic attribute; returns its stored value. */
export function checkTopicAttribute(name: string, value: unknown, fifo: boolean, prefix = ''): string {
  if (!SETTABLE.includes(name) && !FEEDBACK.test(name) && name !== 'FifoTopic')
    throw invalidParameter(`${prefix}AttributeName`)
  if (typeof value !== 'string') throw invalidParameter(`${prefix}AttributeValue`)
  if (name === 'ContentBasedDeduplication' || name === 'FifoTopic') {
    if (value !== 'true' && value !== 'false')
      throw invalidParameter(`${prefix}${name}`, `Invalid value [${value}]. Must be true or false.`)
    if (name === 'ContentBasedDeduplication' && !fifo)
      throw invalidParameter(
        `${prefix}ContentBasedDeduplication`,
        'ContentBasedDeduplication can only be set for FIFO topics',
      )
  }
  if (name === 'SignatureVersion' && value !== '1' && value !== '2') throw invalidParameter(`${prefix}SignatureVersion`)
  if (name === 'TracingConfig' && value !== 'Active' && value !== 'PassThrough')
    throw invalidParameter(`${prefix}TracingConfig`)
  if (name === 'DisplayName' && value.length > 100) throw invalidParameter(`${prefix}DisplayName`)
  if (
    (name === 'Policy' || name === 'DeliveryPolicy' || name === 'DataProtectionPolicy' || name === 'ArchivePolicy') &&
    value !== ''
  ) {
    try {
      const doc = JSON.parse(value)
      if (!doc || typeof doc !== 'object') throw new Error('not an object')
    } catch {
      throw invalidParameter(`${prefix}${name}`, 'failed to parse JSON.')
    }
  }
  return value
}

function checkTags(tags: unknown): Tag[] {
  if (tags === undefined) return []
  if (!Array.isArray(tags)) throw invalidParameter('Tags')
  const keys = new Set<string>()
  for (const t of tags) {
    if (!t || typeof t !== 'object' || typeof t.Key !== 'string' || typeof t.Value !== 'string')
      throw invalidParameter('Tags')
    if (t.Key.length < 1 || t.Key.length > 128 || t.Value.length > 256) throw invalidParameter('Tags')
    if (keys.has(t.Key)) throw invalidParameter('Duplicated keys are not allowed.')
    keys.add(t.Key)
  }
  if (tags.length > 50)
    throw snsError('TagLimitExceeded', 'Could not complete request: tag quota of per resource exceeded')
  return tags.map((t: Tag) => ({ Key: t.Key, Value: t.Value }))
}

export function topicOperations(s: SnsContext): Record<string, Op<never, unknown>> {
  const onTopic =
    (action: string, key: 'TopicArn' | 'ResourceArn' = 'TopicArn') =>
    (input: { TopicArn?: unknown; ResourceArn?: unknown }, ctx: OperationContext) => [
      {
        action: `sns:${action}`,
        resource:
          typeof input[key] === 'string' ? (input[key] as string) : `arn:aws:sns:${ctx.region}:${ctx.accountId}:*`,
      },
    ]

  const CreateTopic: Op<CreateTopicInput, Omit<CreateTopicResponse, '$metadata'>> = {
    authorize: (input, ctx) => [
      {
        action: 'sns:CreateTopic',
        resource: `arn:aws:sns:${ctx.region}:${ctx.accountId}:${typeof input.Name === 'string' ? input.Name : '*'}`,
      },
    ],
    handler(input, ctx) {
      const name = input.Name
      if (typeof name !== 'string') throw invalidParameter('Topic Name')
      const attrs = (input.Attributes ?? {}) as Record<string, unknown>
      if (typeof attrs !== 'object' || Array.isArray(attrs)) throw invalidParameter('Attributes')
      const fifo = attrs.FifoTopic === 'true'
      const base = fifo ? name.replace(/\.fifo$/, '') : name
      if (
        !TOPIC_NAME.test(base) ||
        (fifo && !name.endsWith('.fifo')) ||
        (!fifo && name.endsWith('.fifo')) ||
        name.length > 256
      ) {
        throw invalidParameter(
          fifo && !name.endsWith('.fifo')
            ? 'Fifo Topic names must end with .fifo and must be made up of only uppercase and lowercase ASCII letters, numbers, underscores, and hyphens, and must be between 1 and 256 characters long.'
            : 'Topic Name',
        )
      }
      const stored: Record<string, string> = {}
      for (const [k, v] of Object.entries(attrs)) stored[k] = checkTopicAttribute(k, v, fifo, 'Attributes Reason: ')
      const tags = checkTags(input.Tags)
      const arn = `arn:aws:sns:${ctx.region}:${ctx.accountId}:${name}`
      const region = s.region(ctx.region)
      const existing = region.topics.get(arn)
      if (existing) {
        const same = (a: Tag[], b: Tag[]) =>
          JSON.stringify([...a].sort((x, y) => (x.Key! < y.Key! ? -1 : 1))) ===
          JSON.stringify([...b].sort((x, y) => (x.Key! < y.Key! ? -1 : 1)))
        if (input.Tags !== undefined && !same(existing.tags, tags))
          throw invalidParameter('Tags', 'Topic already exists with different tags')
        for (const [k, v] of Object.entries(stored)) {
          if (k !== 'FifoTopic' && existing.attributes[k] !== v)
            throw invalidParameter('Attributes', 'Topic already exists with different attributes')
        }
        return { TopicArn: arn }
      }
      if (region.topics.size >= MAX_TOPICS) throw snsError('TopicLimitExceeded', 'Topic limit exceeded')
      const topic: TopicRecord = {
        name,
        arn,
        accountId: ctx.accountId,
        attributes: {
          Policy: defaultTopicPolicy(arn, ctx.accountId),
          DisplayName: '',
          ...(fifo ? { FifoTopic: 'true', ContentBasedDeduplication: 'false' } : {}),
          ...stored,
        },
        tags,
        createdAt: ctx.clock.now(),
        dedup: new Map(),
        sequence: 0,
      }
      if (!fifo) delete topic.attributes.FifoTopic
      region.topics.set(arn, topic)
      s.changed()
      return { TopicArn: arn }
    },
  }

  const DeleteTopic: Op<DeleteTopicInput, Record<string, never>> = {
    authorize: onTopic('DeleteTopic'),
    handler(input, ctx) {
      checkArnShape('TopicArn', input.TopicArn)
      const region = s.region(ctx.region)
      if (region.topics.delete(input.TopicArn!)) {
        for (const [arn, sub] of region.subscriptions)
          if (sub.topicArn === input.TopicArn) region.subscriptions.delete(arn)
        s.changed()
      }
      return {}
    },
  }

  const ListTopics: Op<ListTopicsInput, Omit<ListTopicsResponse, '$metadata'>> = {
    authorize: () => [{ action: 'sns:ListTopics', resource: '*' }],
    handler(input, ctx) {
      const arns = [...s.region(ctx.region).topics.keys()].sort()
      const { page, next } = s.page(arns, input.NextToken, 100)
      return { Topics: page.map((TopicArn) => ({ TopicArn })), ...(next ? { NextToken: next } : {}) }
    },
  }

  const GetTopicAttributes: Op<GetTopicAttributesInput, Omit<GetTopicAttributesResponse, '$metadata'>> = {
    authorize: onTopic('GetTopicAttributes'),
    handler(input, ctx) {
      const topic = s.topic(ctx, input.TopicArn)
      const subs = [...s.region(ctx.region).subscriptions.values()].filter((x) => x.topicArn === topic.arn)
      const attrs: Record<string, string> = {
        ...topic.attributes,
        Owner: topic.accountId,
        TopicArn: topic.arn,
        EffectiveDeliveryPolicy: EFFECTIVE_DELIVERY_POLICY,
        SubscriptionsConfirmed: String(subs.filter((x) => !x.pending).length),
        SubscriptionsPending: String(subs.filter((x) => x.pending).length),
        SubscriptionsDeleted: '0',
      }
      if (!attrs.SignatureVersion) attrs.SignatureVersion = '1'
      return { Attributes: attrs }
    },
  }

  const SetTopicAttributes: Op<SetTopicAttributesInput, Record<string, never>> = {
    authorize: onTopic('SetTopicAttributes'),
    handler(input, ctx) {
      const topic = s.topic(ctx, input.TopicArn)
      if (typeof input.AttributeName !== 'string') throw invalidParameter('AttributeName')
      if (input.AttributeName === 'FifoTopic') throw invalidParameter('AttributeName')
      const value = checkTopicAttribute(
        input.AttributeName,
        input.AttributeValue ?? '',
        topic.attributes.FifoTopic === 'true',
      )
      if (input.AttributeName === 'Policy' && value === '')
        topic.attributes.Policy = defaultTopicPolicy(topic.arn, topic.accountId)
      else topic.attributes[input.AttributeName] = value
      s.changed()
      return {}
    },
  }

  const AddPermission: Op<AddPermissionInput, Record<string, never>> = {
    authorize: onTopic('AddPermission'),
    handler(input, ctx) {
      const topic = s.topic(ctx, input.TopicArn)
      if (typeof input.Label !== 'string' || !/^[A-Za-z0-9_-]{1,100}$/.test(input.Label))
        throw invalidParameter('Label')
      if (!Array.isArray(input.AWSAccountId) || input.AWSAccountId.length === 0) throw invalidParameter('AWSAccountId')
      if (!Array.isArray(input.ActionName) || input.ActionName.length === 0) throw invalidParameter('ActionName')
      const doc = JSON.parse(topic.attributes.Policy) as { Statement: Array<Record<string, unknown>> }
      if (doc.Statement.some((st) => st.Sid === input.Label))
        throw invalidParameter('Statement', `Already exists: ${input.Label}`)
      doc.Statement.push({
        Sid: input.Label,
        Effect: 'Allow',
        Principal: { AWS: input.AWSAccountId.map((a) => `arn:aws:iam::${a}:root`) },
        Action: input.ActionName.map((a) => `SNS:${a}`),
        Resource: topic.arn,
      })
      topic.attributes.Policy = JSON.stringify(doc)
      s.changed()
      return {}
    },
  }

  const RemovePermission: Op<RemovePermissionInput, Record<string, never>> = {
    authorize: onTopic('RemovePermission'),
    handler(input, ctx) {
      const topic = s.topic(ctx, input.TopicArn)
      const doc = JSON.parse(topic.attributes.Policy) as { Statement: Array<Record<string, unknown>> }
      const kept = doc.Statement.filter((st) => st.Sid !== input.Label)
      if (kept.length === doc.Statement.length) throw invalidParameter('Label', "can't find label")
      topic.attributes.Policy = JSON.stringify({ ...doc, Statement: kept })
      s.changed()
      return {}
    },
  }

  const TagResource: Op<TagResourceRequest, Record<string, never>> = {
    authorize: onTopic('TagResource', 'ResourceArn'),
    handler(input, ctx) {
      const topic = s.resource(ctx, input.ResourceArn)
      const tags = checkTags(input.Tags)
      const merged = new Map(topic.tags.map((t) => [t.Key!, t.Value!]))
      for (const t of tags) merged.set(t.Key!, t.Value!)
      if (merged.size > 50)
        throw snsError('TagLimitExceeded', 'Could not complete request: tag quota of per resource exceeded')
      topic.tags = [...merged].map(([Key, Value]) => ({ Key, Value }))
      s.changed()
      return {}
    },
  }

  const UntagResource: Op<UntagResourceRequest, Record<string, never>> = {
    authorize: onTopic('UntagResource', 'ResourceArn'),
    handler(input, ctx) {
      const topic = s.resource(ctx, input.ResourceArn)
      if (!Array.isArray(input.TagKeys)) throw invalidParameter('TagKeys')
      topic.tags = topic.tags.filter((t) => !input.TagKeys!.includes(t.Key!))
      s.changed()
      return {}
    },
  }

  const ListTagsForResource: Op<ListTagsForResourceRequest, Omit<ListTagsForResourceResponse, '$metadata'>> = {
    authorize: onTopic('ListTagsForResource', 'ResourceArn'),
    handler(input, ctx) {
      return { Tags: s.resource(ctx, input.ResourceArn).tags.map((t) => ({ ...t })) }
    },
  }

  return {
    CreateTopic,
    DeleteTopic,
    ListTopics,
    GetTopicAttributes,
    SetTopicAttributes,
    AddPermission,
    RemovePermission,
    TagResource,
    UntagResource,
    ListTagsForResource,
  } as Record<string, Op<never, unknown>>
}
