// Queue operations: CreateQueue, GetQueueUrl, ListQueues, DeleteQueue, GetQueueAttributes,
// SetQueueAttributes, PurgeQueue, ListDeadLetterSourceQueues, TagQueue, UntagQueue, ListQueueTags.
import type {
  CreateQueueRequest,
  CreateQueueResult,
  DeleteQueueRequest,
  GetQueueAttributesRequest,
  GetQueueAttributesResult,
  GetQueueUrlRequest,
  GetQueueUrlResult,
  ListDeadLetterSourceQueuesRequest,
  ListDeadLetterSourceQueuesResult,
  ListQueuesRequest,
  ListQueuesResult,
  ListQueueTagsRequest,
  ListQueueTagsResult,
  PurgeQueueRequest,
  SetQueueAttributesRequest,
  TagQueueRequest,
  UntagQueueRequest,
} from '@aws-sdk/client-sqs'
import type { OperationContext, OperationDefinition } from '../../types.ts'
import {
  ALL_ATTRIBUTE_NAMES,
  applyAttributes,
  configAttributes,
  defaultConfig,
  redrivePolicy,
  type QueueConfig,
} from './attributes.ts'
import { invalidParameter, invalidValue, queueDoesNotExist, sqsError } from './errors.ts'
import { PURGE_INTERVAL_MS, Queue } from './queue.ts'
import type { SqsContext } from './service.ts'
import { expectMap, expectString, pageToken, readToken } from './util.ts'

type Op<I, O> = OperationDefinition<I, O>
const QUEUE_NAME = /^[A-Za-z0-9_-]{1,80}$/
const FIFO_NAME = /^[A-Za-z0-9_-]{1,75}\.fifo$/
export const DELETE_COOLDOWN_MS = 60_000

export function queueOperations(s: SqsContext): Record<string, Op<never, unknown>> {
  const onQueue = (action: string) => (input: { QueueUrl?: unknown }, ctx: OperationContext) => [
    { action: `sqs:${action}`, resource: s.arnFromUrl(ctx, input.QueueUrl) },
  ]

  function checkRedrive(ctx: OperationContext, q: { name: string; fifo: boolean }, config: QueueConfig): void {
    const rp = redrivePolicy(config)
    if (!rp) return
    const target = s.byArn(rp.deadLetterTargetArn)
    const raw = config.RedrivePolicy!
    if (!target || target.accountId !== ctx.accountId) {
      throw invalidValue(raw, 'RedrivePolicy', 'Dead letter target does not exist.')
    }
    if (target.fifo !== q.fifo) {
      throw invalidValue(raw, 'RedrivePolicy', 'Dead-letter queue must be same type of queue as the source.')
    }
  }

  const CreateQueue: Op<CreateQueueRequest, Omit<CreateQueueResult, '$metadata'>> = {
    authorize: (input, ctx) => [
      { action: 'sqs:CreateQueue', resource: s.arn(ctx, typeof input.QueueName === 'string' ? input.QueueName : '*') },
    ],
    handler(input, ctx) {
      const name = expectString('QueueName', input.QueueName, true)!
      expectMap('Attributes', input.Attributes)
      expectMap('tags', input.tags)
      const attrs = (input.Attributes ?? {}) as Record<string, string>
      const fifo = name.endsWith('.fifo')
      if (attrs.FifoQueue === 'true' && !fifo) {
        throw invalidParameter(
          'The name of a FIFO queue can only include alphanumeric characters, hyphens, or underscores, must end with .fifo suffix and be 1 to 80 in length.',
        )
      }
      if (fifo ? !FIFO_NAME.test(name) : !QUEUE_NAME.test(name)) {
        throw invalidParameter(
          fifo
            ? 'The name of a FIFO queue can only include alphanumeric characters, hyphens, or underscores, must end with .fifo suffix and be 1 to 80 in length.'
            : 'Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length',
        )
      }
      if (fifo && attrs.FifoQueue === 'false')
        throw sqsError('InvalidAttributeValue', 'Invalid value for the parameter FifoQueue.')
      if (attrs.FifoQueue !== undefined && attrs.FifoQueue !== 'true' && attrs.FifoQueue !== 'false') {
        throw sqsError('InvalidAttributeValue', 'Invalid value for the parameter FifoQueue.')
      }
      if (attrs.FifoQueue === undefined && fifo) {
        // A .fifo name without FifoQueue=true is a standard queue name with an illegal character.
        throw invalidParameter('Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length')
      }
      const config = applyAttributes(defaultConfig(fifo), attrs, true)
      const tags = (input.tags ?? {}) as Record<string, string>
      if (Object.keys(tags).length > 50) throw invalidParameter('Too many tags added for queue ' + name + '.')
      const queues = s.queues(ctx)
      const existing = queues.get(name)
      if (existing) {
        for (const [k, v] of Object.entries(configAttributes(config))) {
          if (k in attrs && configAttributes(existing.config)[k] !== v) {
            throw sqsError(
              'QueueNameExists',
              `A queue already exists with the same name and a different value for attribute ${k}`,
            )
          }
        }
        return { QueueUrl: existing.url }
      }
      const deletedAt = s.deleted(ctx).get(name)
      if (deletedAt !== undefined && ctx.clock.now() - deletedAt < DELETE_COOLDOWN_MS) {
        throw sqsError(
          'QueueDeletedRecently',
          'You must wait 60 seconds after deleting a queue before you can create another with the same name.',
        )
      }
      checkRedrive(ctx, { name, fifo }, config)
      const q = new Queue(name, ctx.region, ctx.accountId, ctx.clock.now(), config)
      q.tags = { ...tags }
      queues.set(name, q)
      s.changed()
      return { QueueUrl: q.url }
    },
  }

  const GetQueueUrl: Op<GetQueueUrlRequest, Omit<GetQueueUrlResult, '$metadata'>> = {
    authorize: (input, ctx) => [
      {
        action: 'sqs:GetQueueUrl',
        resource: s.arn(ctx, typeof input.QueueName === 'string' ? input.QueueName : '*', input.QueueOwnerAWSAccountId),
      },
    ],
    handler(input, ctx) {
      const name = expectString('QueueName', input.QueueName, true)!
      expectString('QueueOwnerAWSAccountId', input.QueueOwnerAWSAccountId)
      if (input.QueueOwnerAWSAccountId && input.QueueOwnerAWSAccountId !== ctx.accountId) throw queueDoesNotExist()
      const q = s.queues(ctx).get(name)
      if (!q) throw queueDoesNotExist()
      return { QueueUrl: q.url }
    },
  }

  const ListQueues: Op<ListQueuesRequest, Omit<ListQueuesResult, '$metadata'>> = {
    authorize: () => [{ action: 'sqs:ListQueues', resource: '*' }],
    handler(input, ctx) {
      const prefix = expectString('QueueNamePrefix', input.QueueNamePrefix)
      if (
        input.MaxResults !== undefined &&
        (!Number.isInteger(input.MaxResults) || input.MaxResults < 1 || input.MaxResults > 1000)
      ) {
        throw invalidValue(input.MaxResults, 'MaxResults', 'MaxResults must be an integer between 1 and 1000.')
      }
      const names = [...s.queues(ctx).keys()].filter((n) => !prefix || n.startsWith(prefix)).sort()
      const start = readToken(input.NextToken)
      const max = input.MaxResults ?? 1000
      const page = names.slice(start, start + max)
      const out: Omit<ListQueuesResult, '$metadata'> = {}
      if (page.length) out.QueueUrls = page.map((n) => s.queues(ctx).get(n)!.url)
      if (input.MaxResults !== undefined && start + max < names.length) out.NextToken = pageToken(start + max)
      return out
    },
  }

  const DeleteQueue: Op<DeleteQueueRequest, Record<string, never>> = {
    authorize: onQueue('DeleteQueue'),
    handler(input, ctx) {
      const q = s.queue(ctx, input.QueueUrl)
      s.queues(ctx).delete(q.name)
      s.deleted(ctx).set(q.name, ctx.clock.now())
      q.clear()
      q.wake()
      s.changed()
      return {}
    },
  }

  const GetQueueAttributes: Op<GetQueueAttributesRequest, Omit<GetQueueAttributesResult, '$metadata'>> = {
    authorize: onQueue('GetQueueAttributes'),
    handler(input, ctx) {
      const q = s.queue(ctx, input.QueueUrl)
      const names = (input.AttributeNames ?? []) as string[]
      if (!Array.isArray(names)) throw invalidParameter('AttributeNames must be a list.')
      for (const n of names) {
        if (n !== 'All' && !ALL_ATTRIBUTE_NAMES.includes(n))
          throw sqsError('InvalidAttributeName', `Unknown Attribute ${n}.`)
      }
      const all = s.attributes(ctx, q)
      const want = names.includes('All') ? Object.keys(all) : names
      const Attributes: Record<string, string> = {}
      for (const n of want) if (all[n] !== undefined) Attributes[n] = all[n]
      return Object.keys(Attributes).length ? { Attributes } : {}
    },
  }

  const SetQueueAttributes: Op<SetQueueAttributesRequest, Record<string, never>> = {
    authorize: onQueue('SetQueueAttributes'),
    handler(input, ctx) {
      const q = s.queue(ctx, input.QueueUrl)
      expectMap('Attributes', input.Attributes)
      const config = applyAttributes(q.config, (input.Attributes ?? {}) as Record<string, string>, false)
      checkRedrive(ctx, q, config)
      q.config = config
      q.modifiedAt = ctx.clock.now()
      q.wake()
      s.changed()
      return {}
    },
  }

  const PurgeQueue: Op<PurgeQueueRequest, Record<string, never>> = {
    authorize: onQueue('PurgeQueue'),
    handler(input, ctx) {
      const q = s.queue(ctx, input.QueueUrl)
      const now = ctx.clock.now()
      if (q.lastPurgeAt !== undefined && now - q.lastPurgeAt < PURGE_INTERVAL_MS) {
        throw sqsError(
          'PurgeQueueInProgress',
          `Only one PurgeQueue operation on ${q.name} is allowed every 60 seconds.`,
        )
      }
      q.lastPurgeAt = now
      q.clear()
      s.changed()
      return {}
    },
  }

  const ListDeadLetterSourceQueues: Op<
    ListDeadLetterSourceQueuesRequest,
    Omit<ListDeadLetterSourceQueuesResult, '$metadata'>
  > = {
    authorize: onQueue('ListDeadLetterSourceQueues'),
    handler(input, ctx) {
      const dlq = s.queue(ctx, input.QueueUrl)
      const urls = [...s.queues(ctx).values()]
        .filter((q) => redrivePolicy(q.config)?.deadLetterTargetArn === dlq.arn)
        .map((q) => q.url)
        .sort()
      const start = readToken(input.NextToken)
      const max = input.MaxResults ?? 1000
      return {
        queueUrls: urls.slice(start, start + max),
        ...(start + max < urls.length ? { NextToken: pageToken(start + max) } : {}),
      }
    },
  }

  const TagQueue: Op<TagQueueRequest, Record<string, never>> = {
    authorize: onQueue('TagQueue'),
    handler(input, ctx) {
      const q = s.queue(ctx, input.QueueUrl)
      expectMap('Tags', input.Tags, true)
      const tags = { ...q.tags, ...(input.Tags as Record<string, string>) }
      if (Object.keys(tags).length > 50) throw invalidParameter(`Too many tags added for queue ${q.name}.`)
      q.tags = tags
      s.changed()
      return {}
    },
  }

  const UntagQueue: Op<UntagQueueRequest, Record<string, never>> = {
    authorize: onQueue('UntagQueue'),
    handler(input, ctx) {
      const q = s.queue(ctx, input.QueueUrl)
      if (!Array.isArray(input.TagKeys)) throw invalidParameter('TagKeys must be a list.')
      for (const k of input.TagKeys) delete q.tags[k]
      s.changed()
      return {}
    },
  }

  const ListQueueTags: Op<ListQueueTagsRequest, Omit<ListQueueTagsResult, '$metadata'>> = {
    authorize: onQueue('ListQueueTags'),
    handler(input, ctx) {
      const q = s.queue(ctx, input.QueueUrl)
      return Object.keys(q.tags).length ? { Tags: { ...q.tags } } : {}
    },
  }

  return {
    CreateQueue,
    GetQueueUrl,
    ListQueues,
    DeleteQueue,
    GetQueueAttributes,
    SetQueueAttributes,
    PurgeQueue,
    ListDeadLetterSourceQueues,
    TagQueue,
    UntagQueue,
    ListQueueTags,
  } as Record<string, Op<never, unknown>>
}
