// Publish and PublishBatch: validation as SNS words it, FIFO topics (group, deduplication,
// sequence), filter policies, and the record of where each message goes.
import type {
  MessageAttributeValue,
  PublishBatchInput,
  PublishBatchRequestEntry,
  PublishBatchResponse,
  PublishInput,
  PublishResponse,
} from '@aws-sdk/client-sns'
import { constraintError } from '../../errors.ts'
import type { OperationContext, OperationDefinition } from '../../types.ts'
import { sha256Hex } from '../sqs/md5.ts'
import { invalidParameter, parameterValueInvalid, snsError } from './errors.ts'
import { compileFilterPolicy, filterPolicyMatches, type FilterPolicyScope } from './filter-policy.ts'
import {
  FIFO_DEDUP_MS,
  MAX_MESSAGE_BYTES,
  notification,
  type Delivery,
  type PublishRecord,
  type TopicRecord,
} from './model.ts'
import type { SnsContext } from './service.ts'

type Op<I, O> = OperationDefinition<I, O>
const enc = new TextEncoder()
const bytes = (s: string) => enc.encode(s).length
const FIFO_ID = /^[\x21-\x7e]{1,128}$/

type MessageInput = Omit<PublishBatchRequestEntry, 'Id'>

/** Checks message attributes with SNS's messages; returns their size in bytes. */
function checkAttributes(attrs: unknown, field = 'messageAttributes'): number {
  if (attrs === undefined || attrs === null) return 0
  if (typeof attrs !== 'object' || Array.isArray(attrs)) throw invalidParameter('MessageAttributes')
  let size = 0
  for (const [name, raw] of Object.entries(attrs)) {
    if (bytes(name) >= 256) throw parameterValueInvalid('Length of message attribute name must be less than 256 bytes.')
    const bad = /[^A-Za-z0-9_.-]/.exec(name)
    if (bad) {
      throw parameterValueInvalid(
        `Invalid non-alphanumeric character '#x${bad[0].charCodeAt(0).toString(16).toUpperCase()}' was found in the message attribute name. Can only include alphanumeric characters, hyphens, underscores, or dots.`,
      )
    }
    if (name.startsWith('.'))
      throw parameterValueInvalid("Invalid message attribute name starting with character '.' was found.")
    if (name.endsWith('.'))
      throw parameterValueInvalid("Invalid message attribute name ending with character '.' was found.")
    if (name.includes('..'))
      throw parameterValueInvalid("Message attribute name can not have successive '.' character.")
    if (typeof raw !== 'object' || raw === null) throw invalidParameter('MessageAttributes')
    const a = raw as MessageAttributeValue
    if (a.DataType === undefined || a.DataType === null) {
      throw constraintError(
        [{ field: `${field}.${name}.member.dataType`, value: null, constraint: 'Member must not be null' }],
        'ValidationError',
      )
    }
    const type = String(a.DataType).split('.')[0]
    if (!['String', 'Number', 'Binary'].includes(type)) {
      throw parameterValueInvalid(
        `The message attribute '${name}' has an invalid message attribute type, the set of supported type prefixes is Binary, Number, and String.`,
      )
    }
    if (type === 'Binary') {
      if (a.StringValue !== undefined)
        throw parameterValueInvalid(`The message attribute '${name}' with type 'Binary' must use field 'Binary'.`)
      if (!(a.BinaryValue instanceof Uint8Array) || a.BinaryValue.length === 0) {
        throw parameterValueInvalid(
          `The message attribute '${name}' must contain non-empty message attribute value for message attribute type 'Binary'.`,
        )
      }
      size += a.BinaryValue.length
    } else {
      if (a.BinaryValue !== undefined)
        throw parameterValueInvalid(`The message attribute '${name}' with type '${type}' must use field 'String'.`)
      if (typeof a.StringValue !== 'string' || a.StringValue === '') {
        throw parameterValueInvalid(
          `The message attribute '${name}' must contain non-empty message attribute value for message attribute type '${type}'.`,
        )
      }
      if (type === 'Number' && !/^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(a.StringValue)) {
        throw parameterValueInvalid(`The message attribute '${name}' has an invalid numeric value: ${a.StringValue}.`)
      }
      if (a.DataType === 'String.Array') {
        try {
          if (!Array.isArray(JSON.parse(a.StringValue))) throw new Error('not an array')
        } catch {
          throw parameterValueInvalid(
            `The message attribute '${name}' has an invalid message attribute value of type 'String.Array'.`,
          )
        }
      }
      size += bytes(a.StringValue)
    }
    size += bytes(name) + bytes(String(a.DataType))
  }
  return size
}

function copyAttributes(
  attrs: Record<string, MessageAttributeValue> | undefined,
): Record<string, MessageAttributeValue> | undefined {
  if (!attrs || Object.keys(attrs).length === 0) return undefined
  return Object.fromEntries(
    Object.entries(attrs).map(([k, v]) => [
      k,
      v.BinaryValue
        ? { DataType: v.DataType, BinaryValue: new Uint8Array(v.BinaryValue) }
        : { DataType: v.DataType, StringValue: v.StringValue },
    ]),
  )
}

/** Validates one message for a topic; returns its size in bytes. `field` names its attributes in messages. */
function validate(topic: TopicRecord, m: MessageInput, field: string): number {
  if (m.Message === undefined || m.Message === null || m.Message === '') throw invalidParameter('Empty message')
  if (typeof m.Message !== 'string') throw invalidParameter('Message')
  if (m.Subject !== undefined) {
    if (
      typeof m.Subject !== 'string' ||
      m.Subject === '' ||
      m.Subject.length >= 100 ||
      /[\r\n]/.test(m.Subject) ||
      /[^\x20-\x7e]/.test(m.Subject)
    ) {
      throw invalidParameter('Subject')
    }
  }
  if (m.MessageStructure !== undefined) {
    if (m.MessageStructure !== 'json') throw invalidParameter('MessageStructure')
    let doc: unknown
    try {
      doc = JSON.parse(m.Message)
    } catch {
      throw invalidParameter('Message Structure - JSON message body failed to parse')
    }
    if (
      !doc ||
      typeof doc !== 'object' ||
      Array.isArray(doc) ||
      typeof (doc as Record<string, unknown>).default !== 'string'
    ) {
      throw invalidParameter('Message Structure - No default entry in JSON message body')
    }
  }
  const size = bytes(m.Message) + checkAttributes(m.MessageAttributes, field)
  if (size > MAX_MESSAGE_BYTES) throw invalidParameter('Message too long')
  const fifo = topic.attributes.FifoTopic === 'true'
  if (fifo) {
    if (m.MessageGroupId === undefined)
      throw invalidParameter('The MessageGroupId parameter is required for FIFO topics')
    if (typeof m.MessageGroupId !== 'string' || !FIFO_ID.test(m.MessageGroupId))
      throw invalidParameter('MessageGroupId')
    if (m.MessageDeduplicationId !== undefined) {
      if (typeof m.MessageDeduplicationId !== 'string' || !FIFO_ID.test(m.MessageDeduplicationId))
        throw invalidParameter('MessageDeduplicationId')
    } else if (topic.attributes.ContentBasedDeduplication !== 'true') {
      throw invalidParameter(
        'The topic should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly',
      )
    }
  } else {
    if (m.MessageDeduplicationId !== undefined) {
      throw invalidParameter(
        'MessageDeduplicationId',
        'The request includes MessageDeduplicationId parameter that is not valid for this topic type',
      )
    }
    if (m.MessageGroupId !== undefined && (typeof m.MessageGroupId !== 'string' || !FIFO_ID.test(m.MessageGroupId)))
      throw invalidParameter('MessageGroupId')
  }
  return size
}

export function publishOperations(s: SnsContext): Record<string, Op<never, unknown>> {
  function publishOne(
    ctx: OperationContext,
    topic: TopicRecord,
    m: MessageInput,
  ): { MessageId: string; SequenceNumber?: string } {
    const now = ctx.clock.now()
    const fifo = topic.attributes.FifoTopic === 'true'
    let sequenceNumber: string | undefined
    let dedupId: string | undefined
    if (fifo) {
      for (const [k, d] of topic.dedup) if (now - d.at >= FIFO_DEDUP_MS) topic.dedup.delete(k)
      dedupId = m.MessageDeduplicationId ?? sha256Hex(m.Message!)
      const seen = topic.dedup.get(dedupId)
      if (seen) return { MessageId: seen.messageId, SequenceNumber: seen.sequenceNumber }
      sequenceNumber = String(++topic.sequence).padStart(20, '0')
    }
    const messageId = crypto.randomUUID()
    if (fifo) topic.dedup.set(dedupId!, { messageId, sequenceNumber: sequenceNumber!, at: now })
    const base: Omit<PublishRecord, 'deliveries' | 'filteredOut'> = {
      topicArn: topic.arn,
      messageId,
      message: m.Message!,
      subject: m.Subject,
      messageStructure: m.MessageStructure,
      messageAttributes: copyAttributes(m.MessageAttributes),
      messageGroupId: m.MessageGroupId,
      messageDeduplicationId: fifo ? dedupId : undefined,
      sequenceNumber,
      timestamp: now,
    }
    const deliveries: Delivery[] = []
    const filteredOut: string[] = []
    for (const sub of s.region(ctx.region).subscriptions.values()) {
      if (sub.topicArn !== topic.arn) continue
      if (sub.pending) {
        filteredOut.push(sub.arn)
        continue
      }
      const scope = (sub.attributes.FilterPolicyScope ?? 'MessageAttributes') as FilterPolicyScope
      if (sub.attributes.FilterPolicy) {
        sub.compiled ??= compileFilterPolicy(sub.attributes.FilterPolicy, scope)
        if (!filterPolicyMatches(sub.compiled, scope, { body: m.Message!, attributes: base.messageAttributes })) {
          filteredOut.push(sub.arn)
          continue
        }
      }
      let message = m.Message!
      if (m.MessageStructure === 'json') {
        const doc = JSON.parse(m.Message!) as Record<string, unknown>
        const specific = doc[sub.protocol]
        message = typeof specific === 'string' ? specific : (doc.default as string)
      }
      const raw = sub.attributes.RawMessageDelivery === 'true'
      deliveries.push({
        subscriptionArn: sub.arn,
        protocol: sub.protocol,
        endpoint: sub.endpoint,
        rawMessageDelivery: raw,
        body: raw ? message : notification(base, sub.arn, ctx.region, message),
      })
    }
    s.published({ ...base, deliveries, filteredOut })
    return { MessageId: messageId, ...(sequenceNumber ? { SequenceNumber: sequenceNumber } : {}) }
  }

  const Publish: Op<PublishInput, Omit<PublishResponse, '$metadata'>> = {
    authorize: (input, ctx) => [
      {
        action: 'sns:Publish',
        resource:
          typeof (input.TopicArn ?? input.TargetArn) === 'string'
            ? (input.TopicArn ?? input.TargetArn)!
            : `arn:aws:sns:${ctx.region}:${ctx.accountId}:*`,
      },
    ],
    handler(input, ctx) {
      if (input.PhoneNumber !== undefined) {
        if (typeof input.PhoneNumber !== 'string' || !/^\+[1-9]\d{6,14}$/.test(input.PhoneNumber)) {
          throw invalidParameter('PhoneNumber', `${String(input.PhoneNumber)} is not valid to publish to`)
        }
        if (!input.Message) throw invalidParameter('Empty message')
        s.published({
          topicArn: '',
          messageId: crypto.randomUUID(),
          message: input.Message,
          timestamp: ctx.clock.now(),
          deliveries: [],
          filteredOut: [],
        })
        return { MessageId: crypto.randomUUID() }
      }
      if (input.TopicArn === undefined && input.TargetArn !== undefined) {
        throw invalidParameter('TargetArn', 'No endpoint found for the target arn specified')
      }
      const topic = s.topic(ctx, input.TopicArn)
      validate(topic, input, 'messageAttributes')
      const out = publishOne(ctx, topic, input)
      s.changed()
      return out
    },
  }

  const PublishBatch: Op<PublishBatchInput, Omit<PublishBatchResponse, '$metadata'>> = {
    authorize: (input, ctx) => [
      {
        action: 'sns:Publish',
        resource: typeof input.TopicArn === 'string' ? input.TopicArn : `arn:aws:sns:${ctx.region}:${ctx.accountId}:*`,
      },
    ],
    handler(input, ctx) {
      const topic = s.topic(ctx, input.TopicArn)
      const entries = input.PublishBatchRequestEntries
      if (entries === undefined || (Array.isArray(entries) && entries.length === 0)) {
        throw snsError('EmptyBatchRequest', "The batch request doesn't contain any entries.")
      }
      if (!Array.isArray(entries)) throw invalidParameter('PublishBatchRequestEntries')
      if (entries.length > 10)
        throw snsError('TooManyEntriesInBatchRequest', 'The batch request contains more entries than permissible.')
      const ids = new Set<string>()
      let total = 0
      entries.forEach((e, i) => {
        if (!e || typeof e !== 'object') throw invalidParameter('PublishBatchRequestEntries')
        if (typeof e.Id !== 'string' || !/^[A-Za-z0-9_-]{1,80}$/.test(e.Id)) {
          throw snsError(
            'InvalidBatchEntryId',
            "The Id of a batch entry in a batch request doesn't abide by the specification.",
          )
        }
        if (ids.has(e.Id))
          throw snsError('BatchEntryIdsNotDistinct', 'Two or more batch entries in the request have the same Id.')
        ids.add(e.Id)
        total += validate(topic, e, `publishBatchRequestEntries.${i + 1}.member.messageAttributes`)
      })
      if (total > MAX_MESSAGE_BYTES)
        throw snsError('BatchRequestTooLong', 'The length of all the messages put together is more than the limit.')
      const Successful = entries.map((e) => ({ Id: e.Id!, ...publishOne(ctx, topic, e) }))
      s.changed()
      return { Successful, Failed: [] }
    },
  }

  return { Publish, PublishBatch } as Record<string, Op<never, unknown>>
}
