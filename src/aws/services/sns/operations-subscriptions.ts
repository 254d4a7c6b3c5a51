// Subscription operations: Subscribe, ConfirmSubscription, Unsubscribe, ListSubscriptions,
// ListSubscriptionsByTopic, GetSubscriptionAttributes, SetSubscriptionAttributes.
import type {
  ConfirmSubscriptionInput,
  ConfirmSubscriptionResponse,
  GetSubscriptionAttributesInput,
  GetSubscriptionAttributesResponse,
  ListSubscriptionsByTopicInput,
  ListSubscriptionsByTopicResponse,
  ListSubscriptionsInput,
  ListSubscriptionsResponse,
  SetSubscriptionAttributesInput,
  SubscribeInput,
  SubscribeResponse,
  UnsubscribeInput,
} from '@aws-sdk/client-sns'
import type { OperationContext, OperationDefinition } from '../../types.ts'
import { checkArnShape, invalidParameter, snsError, subscriptionNotFound } from './errors.ts'
import { compileFilterPolicy, FilterPolicyError, type FilterPolicyScope } from './filter-policy.ts'
import type { SubscriptionRecord } from './model.ts'
import type { SnsContext } from './service.ts'

type Op<I, O> = OperationDefinition<I, O>
const PROTOCOLS = ['http', 'https', 'email', 'email-json', 'sms', 'sqs', 'application', 'lambda', 'firehose']
const CONFIRM_REQUIRED = ['http', 'https', 'email', 'email-json']
const SUB_ATTRIBUTES = [
  'DeliveryPolicy',
  'FilterPolicy',
  'FilterPolicyScope',
  'RawMessageDelivery',
  'RedrivePolicy',
  'SubscriptionRoleArn',
  'ReplayPolicy',
]
const MAX_SUBSCRIPTIONS_PER_TOPIC = 12_500_000

function checkEndpoint(protocol: string, endpoint: unknown): string {
  const e = typeof endpoint === 'string' ? endpoint : ''
  const ok = (() => {
    switch (protocol) {
      case 'sqs':
        return /^arn:aws:sqs:[a-z0-9-]+:\d{12}:[\w-]+(\.fifo)?$/.test(e)
      case 'lambda':
        return /^arn:aws:lambda:[a-z0-9-]+:\d{12}:function:[\w-]+(:[\w$-]+)?$/.test(e)
      case 'firehose':
        return /^arn:aws:firehose:[a-z0-9-]+:\d{12}:deliverystream\/[\w.-]+$/.test(e)
      case 'email':
      case 'email-json':
        return /^[^@\s]+@[^@\s]+$/.test(e)
      case 'http':
        return /^http:\/\/\S+$/i.test(e)
      case 'https':
        return /^https:\/\/\S+$/i.test(e)
      case 'sms':
        return /^\+?[1-9]\d{6,14}$/.test(e)
      default:
        return e.length > 0
    }
  })()
  if (ok) return e
  const what: Record<string, string> = {
    sqs: 'SQS endpoint ARN',
    lambda: 'Lambda endpoint ARN',
    email: 'Email address',
    'email-json': 'Email address',
  }
  if (protocol === 'sms') throw snsError('InvalidParameter', `Invalid SMS endpoint: ${e}`)
  throw invalidParameter(what[protocol] ?? 'Endpoint')
}

/** Validates a subscription attribute; returns the value to store. `prefix` is "Attributes Reason: " in Subscribe. */
export function checkSubscriptionAttribute(
  name: string,
  value: unknown,
  sub: { protocol: string; attributes: Record<string, string>; topicFifo: boolean },
  prefix = '',
): string {
  if (!SUB_ATTRIBUTES.includes(name)) throw invalidParameter(prefix ? `${prefix}AttributeName` : 'AttributeName')
  const v = typeof value === 'string' ? value : ''
  const bad = (reason: string) => snsError('InvalidParameter', `Invalid parameter: ${prefix}${name}: ${reason}`)
  switch (name) {
    case 'RawMessageDelivery':
      if (v !== 'true' && v !== 'false') throw bad(`Invalid value [${v}]. Must be true or false.`)
      return v
    case 'FilterPolicyScope':
      if (v !== 'MessageAttributes' && v !== 'MessageBody')
        throw bad(`Invalid value [${v}]. Please use either MessageBody or MessageAttributes`)
      return v
    case 'FilterPolicy': {
      if (v === '') return v
      const scope = (sub.attributes.FilterPolicyScope ?? 'MessageAttributes') as FilterPolicyScope
      checkFilterPolicy(v, scope, prefix)
      return v
    }
    case 'RedrivePolicy': {
      if (v === '') return v
      let doc: { deadLetterTargetArn?: unknown }
      try {
        doc = JSON.parse(v)
      } catch {
        throw bad('failed to parse JSON.')
      }
      const arn = doc?.deadLetterTargetArn
      if (typeof arn !== 'string' || !/^arn:aws:sqs:[a-z0-9-]+:\d{12}:[\w-]+(\.fifo)?$/.test(arn))
        throw bad('deadLetterTargetArn is an invalid arn')
      if (sub.topicFifo && !arn.endsWith('.fifo'))
        throw bad('must use a FIFO queue as DLQ for a FIFO Subscription to a FIFO Topic.')
      return v
    }
    default:
      return v
  }
}

export function checkFilterPolicy(policy: string, scope: FilterPolicyScope, prefix = ''): void {
  try {
    compileFilterPolicy(policy, scope)
  } catch (e) {
    if (!(e instanceof FilterPolicyError)) throw e
    if (e.message === 'NESTED') {
      throw snsError(
        'InvalidParameter',
        'Invalid parameter: Filter policy scope MessageAttributes does not support nested filter policy',
      )
    }
    throw snsError('InvalidParameter', `Invalid parameter: ${prefix}FilterPolicy: ${e.message}`)
  }
}

export function subscriptionOperations(s: SnsContext): Record<string, Op<never, unknown>> {
  const Subscribe: Op<SubscribeInput, Omit<SubscribeResponse, '$metadata'>> = {
    authorize: (input, ctx) => [
      {
        action: 'sns:Subscribe',
        resource: typeof input.TopicArn === 'string' ? input.TopicArn : `arn:aws:sns:${ctx.region}:${ctx.accountId}:*`,
      },
    ],
    handler(input, ctx) {
      const topic = s.topic(ctx, input.TopicArn)
      if (typeof input.Protocol !== 'string' || input.Protocol === '')
        throw invalidParameter('Protocol', 'no value for required parameter')
      const protocol = input.Protocol.toLowerCase()
      if (!PROTOCOLS.includes(protocol))
        throw invalidParameter(`Amazon SNS does not support this protocol string: ${input.Protocol}`)
      const endpoint = checkEndpoint(protocol, input.Endpoint)
      const topicFifo = topic.attributes.FifoTopic === 'true'
      if (protocol === 'sqs' && endpoint.endsWith('.fifo') && !topicFifo) {
        throw invalidParameter(
          'Invalid parameter: Endpoint',
          'FIFO SQS Queues can not be subscribed to standard SNS topics',
        )
      }
      const raw = (input.Attributes ?? {}) as Record<string, unknown>
      if (typeof raw !== 'object' || Array.isArray(raw)) throw invalidParameter('Attributes')
      const attributes: Record<string, string> = {}
      if (typeof raw.FilterPolicyScope === 'string') attributes.FilterPolicyScope = raw.FilterPolicyScope
      for (const [k, v] of Object.entries(raw)) {
        attributes[k] = checkSubscriptionAttribute(k, v, { protocol, attributes, topicFifo }, 'Attributes Reason: ')
      }
      const region = s.region(ctx.region)
      const existing = [...region.subscriptions.values()].find(
        (x) => x.topicArn === topic.arn && x.protocol === protocol && x.endpoint === endpoint,
      )
      if (existing) {
        for (const [k, v] of Object.entries(attributes)) {
          if ((existing.attributes[k] ?? '') !== v)
            throw invalidParameter('Attributes', 'Subscription already exists with different attributes')
        }
        return {
          SubscriptionArn: existing.pending && !input.ReturnSubscriptionArn ? 'pending confirmation' : existing.arn,
        }
      }
      if (
        [...region.subscriptions.values()].filter((x) => x.topicArn === topic.arn).length >= MAX_SUBSCRIPTIONS_PER_TOPIC
      ) {
        throw snsError('SubscriptionLimitExceeded', 'Subscription limit exceeded')
      }
      const pending = CONFIRM_REQUIRED.includes(protocol)
      const sub: SubscriptionRecord = {
        arn: `${topic.arn}:${crypto.randomUUID()}`,
        topicArn: topic.arn,
        protocol,
        endpoint,
        owner: ctx.accountId,
        principal: 'arn' in ctx.principal ? ctx.principal.arn : `arn:aws:iam::${ctx.accountId}:root`,
        pending,
        token: pending ? crypto.randomUUID().replace(/-/g, '') + crypto.randomUUID().replace(/-/g, '') : undefined,
        attributes,
      }
      region.subscriptions.set(sub.arn, sub)
      if (pending) s.confirmationRequested(sub, ctx)
      s.changed()
      return { SubscriptionArn: pending && !input.ReturnSubscriptionArn ? 'pending confirmation' : sub.arn }
    },
  }

  const ConfirmSubscription: Op<ConfirmSubscriptionInput, Omit<ConfirmSubscriptionResponse, '$metadata'>> = {
    authorize: (input, ctx) => [
      {
        action: 'sns:ConfirmSubscription',
        resource: typeof input.TopicArn === 'string' ? input.TopicArn : `arn:aws:sns:${ctx.region}:${ctx.accountId}:*`,
      },
    ],
    handler(input, ctx) {
      const topic = s.topic(ctx, input.TopicArn)
      if (typeof input.Token !== 'string' || input.Token === '') throw invalidParameter('Token')
      const sub = [...s.region(ctx.region).subscriptions.values()].find(
        (x) => x.topicArn === topic.arn && x.token === input.Token,
      )
      if (!sub) throw snsError('InvalidParameter', 'Invalid token')
      sub.pending = false
      s.changed()
      return { SubscriptionArn: sub.arn }
    },
  }

  const subscriptionArnOf = (input: { SubscriptionArn?: unknown }) => {
    const arn = checkArnShape('SubscriptionArn', input.SubscriptionArn)
    const parts = arn.split(':')
    if (parts.length !== 7 || !/^[0-9a-f-]{36}$/.test(parts[6])) throw invalidParameter('SubscriptionId')
    return arn
  }

  const Unsubscribe: Op<UnsubscribeInput, Record<string, never>> = {
    authorize: (input, ctx) => [
      {
        action: 'sns:Unsubscribe',
        resource:
          typeof input.SubscriptionArn === 'string'
            ? input.SubscriptionArn
            : `arn:aws:sns:${ctx.region}:${ctx.accountId}:*`,
      },
    ],
    handler(input, ctx) {
      const arn = subscriptionArnOf(input)
      if (s.region(ctx.region).subscriptions.delete(arn)) s.changed()
      return {}
    },
  }

  const summary = (x: SubscriptionRecord) => ({
    SubscriptionArn: x.pending ? 'PendingConfirmation' : x.arn,
    Owner: x.owner,
    Protocol: x.protocol,
    Endpoint: x.endpoint,
    TopicArn: x.topicArn,
  })

  const ListSubscriptions: Op<ListSubscriptionsInput, Omit<ListSubscriptionsResponse, '$metadata'>> = {
    authorize: () => [{ action: 'sns:ListSubscriptions', resource: '*' }],
    handler(input, ctx) {
      const all = [...s.region(ctx.region).subscriptions.values()]
      const { page, next } = s.page(all, input.NextToken, 100)
      return { Subscriptions: page.map(summary), ...(next ? { NextToken: next } : {}) }
    },
  }

  const ListSubscriptionsByTopic: Op<
    ListSubscriptionsByTopicInput,
    Omit<ListSubscriptionsByTopicResponse, '$metadata'>
  > = {
    authorize: (input, ctx) => [
      {
        action: 'sns:ListSubscriptionsByTopic',
        resource: typeof input.TopicArn === 'string' ? input.TopicArn : `arn:aws:sns:${ctx.region}:${ctx.accountId}:*`,
      },
    ],
    handler(input, ctx) {
      const topic = s.topic(ctx, input.TopicArn)
      const all = [...s.region(ctx.region).subscriptions.values()].filter((x) => x.topicArn === topic.arn)
      const { page, next } = s.page(all, input.NextToken, 100)
      return { Subscriptions: page.map(summary), ...(next ? { NextToken: next } : {}) }
    },
  }

  const findSub = (ctx: OperationContext, input: { SubscriptionArn?: unknown }) => {
    const arn = subscriptionArnOf(input)
    const sub = s.region(ctx.region).subscriptions.get(arn)
    if (!sub) throw subscriptionNotFound()
    return sub
  }

  const GetSubscriptionAttributes: Op<
    GetSubscriptionAttributesInput,
    Omit<GetSubscriptionAttributesResponse, '$metadata'>
  > = {
    authorize: (input, ctx) => [
      {
        action: 'sns:GetSubscriptionAttributes',
        resource:
          typeof input.SubscriptionArn === 'string'
            ? input.SubscriptionArn
            : `arn:aws:sns:${ctx.region}:${ctx.accountId}:*`,
      },
    ],
    handler(input, ctx) {
      const sub = findSub(ctx, input)
      const attrs: Record<string, string> = {
        ConfirmationWasAuthenticated: String(!CONFIRM_REQUIRED.includes(sub.protocol)),
        Endpoint: sub.endpoint,
        Owner: sub.owner,
        PendingConfirmation: String(sub.pending),
        Protocol: sub.protocol,
        RawMessageDelivery: 'false',
        SubscriptionArn: sub.arn,
        SubscriptionPrincipal: sub.principal,
        TopicArn: sub.topicArn,
        ...Object.fromEntries(Object.entries(sub.attributes).filter(([, v]) => v !== '')),
      }
      if (sub.attributes.FilterPolicy && !sub.attributes.FilterPolicyScope)
        attrs.FilterPolicyScope = 'MessageAttributes'
      return { Attributes: attrs }
    },
  }

  const SetSubscriptionAttributes: Op<SetSubscriptionAttributesInput, Record<string, never>> = {
    authorize: (input, ctx) => [
      {
        action: 'sns:SetSubscriptionAttributes',
        resource:
          typeof input.SubscriptionArn === 'string'
            ? input.SubscriptionArn
            : `arn:aws:sns:${ctx.region}:${ctx.accountId}:*`,
      },
    ],
    handler(input, ctx) {
      const sub = findSub(ctx, input)
      if (typeof input.AttributeName !== 'string') throw invalidParameter('AttributeName')
      const topicFifo = s.region(ctx.region).topics.get(sub.topicArn)?.attributes.FifoTopic === 'true'
      const value = checkSubscriptionAttribute(input.AttributeName, input.AttributeValue ?? '', { ...sub, topicFifo })
      if (input.AttributeName === 'FilterPolicyScope' && sub.attributes.FilterPolicy) {
        checkFilterPolicy(sub.attributes.FilterPolicy, value as FilterPolicyScope)
      }
      sub.attributes[input.AttributeName] = value
      sub.compiled = undefined
      s.changed()
      return {}
    },
  }

  return {
    Subscribe,
    ConfirmSubscription,
    Unsubscribe,
    ListSubscriptions,
    ListSubscriptionsByTopic,
    GetSubscriptionAttributes,
    SetSubscriptionAttributes,
  } as Record<string, Op<never, unknown>>
}
