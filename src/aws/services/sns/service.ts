// The SNS service (awsQuery, API version 2010-03-31, IAM prefix `sns`).
//
//   const sns = createSnsService()
//   sns.definition                    // the ServiceDefinition the gateway routes to
//   sns.onPublish(listener)           // every published message, with the deliveries it makes (filters applied)
//   sns.onConfirmationRequest(l)      // email/http(s) subscriptions waiting for ConfirmSubscription (with the token)
//   sns.published(topicArn)           // the last messages published to a topic
//   sns.snapshot() / sns.restore(json)
import { withQueryShapes } from '../../protocol/query-shapes.ts'
import type { OperationContext, ServiceDefinition } from '../../types.ts'
import { checkArnShape, invalidParameter, snsError, topicNotFound } from './errors.ts'
import type { PublishRecord, RegionState, SubscriptionRecord, TopicRecord } from './model.ts'
import { parseTopicArn } from './model.ts'
import { publishOperations } from './operations-publish.ts'
import { subscriptionOperations } from './operations-subscriptions.ts'
import { topicOperations } from './operations-topics.ts'
import { SNS_QUERY_SHAPES, SNS_XML_NAMESPACE } from './query-shapes.ts'
import { restoreRegions, snapshotRegions } from './snapshot.ts'

const KEEP_PUBLISHED = 100

export interface SnsContext {
  region(name: string): RegionState
  /** The topic a TopicArn names (checked as SNS checks it), or NotFound. */
  topic(ctx: OperationContext, arn: unknown): TopicRecord
  resource(ctx: OperationContext, arn: unknown): TopicRecord
  page<T>(all: T[], token: unknown, size: number): { page: T[]; next?: string }
  published(record: PublishRecord): void
  confirmationRequested(sub: SubscriptionRecord, ctx: OperationContext): void
  changed(): void
}

export interface ConfirmationRequest {
  subscriptionArn: string
  topicArn: string
  protocol: string
  endpoint: string
  token: string
}

export interface SnsService {
  readonly definition: ServiceDefinition
  onPublish(listener: (record: PublishRecord) => void): () => void
  onConfirmationRequest(listener: (request: ConfirmationRequest) => void): () => void
  published(topicArn: string): PublishRecord[]
  onChange(listener: () => void): () => void
  snapshot(): unknown
  restore(json: unknown): void
}

export function createSnsService(): SnsService {
  let regions = new Map<string, RegionState>()
  const log = new Map<string, PublishRecord[]>()
  const publishListeners = new Set<(r: PublishRecord) => void>()
  const confirmListeners = new Set<(r: ConfirmationRequest) => void>()
  const changeListeners = new Set<() => void>()

  const region = (name: string): RegionState => {
    let r = regions.get(name)
    if (!r) regions.set(name, (r = { topics: new Map(), subscriptions: new Map() }))
    return r
  }

  const s: SnsContext = {
    region,
    topic(ctx, arn) {
      const text = checkArnShape('TopicArn', arn)
      const parsed = parseTopicArn(text)
      if (!parsed || parsed.region !== ctx.region) throw invalidParameter('TopicArn')
      const topic = region(ctx.region).topics.get(text)
      if (!topic) throw topicNotFound()
      return topic
    },
    resource(ctx, arn) {
      const text = checkArnShape('ResourceArn', arn)
      const topic = region(ctx.region).topics.get(text)
      if (!topic) throw snsError('ResourceNotFound', 'Resource does not exist')
      return topic
    },
    page(all, token, size) {
      let start = 0
      if (token !== undefined && token !== null) {
        const n = typeof token === 'string' && /^\d{1,9}$/.test(token) ? Number(token) : NaN
        if (!Number.isInteger(n)) throw invalidParameter('NextToken')
        start = n
      }
      const page = all.slice(start, start + size)
      return { page, next: start + size < all.length ? String(start + size) : undefined }
    },
    published(record) {
      const list = log.get(record.topicArn) ?? []
      list.push(record)
      if (list.length > KEEP_PUBLISHED) list.shift()
      log.set(record.topicArn, list)
      for (const l of publishListeners) l(record)
    },
    confirmationRequested(sub) {
      for (const l of confirmListeners)
        l({
          subscriptionArn: sub.arn,
          topicArn: sub.topicArn,
          protocol: sub.protocol,
          endpoint: sub.endpoint,
          token: sub.token!,
        })
    },
    changed() {
      for (const l of changeListeners) l()
    },
  }

  const definition: ServiceDefinition = {
    id: 'sns',
    signingName: 'sns',
    actionPrefix: 'sns',
    protocol: 'awsQuery',
    apiVersion: '2010-03-31',
    xmlNamespace: SNS_XML_NAMESPACE,
    operations: withQueryShapes(
      { ...topicOperations(s), ...subscriptionOperations(s), ...publishOperations(s) },
      SNS_QUERY_SHAPES,
    ),
    resourcePolicy(arn) {
      const parsed = parseTopicArn(arn)
      return (parsed && regions.get(parsed.region)?.topics.get(arn)?.attributes.Policy) || undefined
    },
  }

  const on = <T>(set: Set<T>, l: T) => {
    set.add(l)
    return () => {
      set.delete(l)
    }
  }

  return {
    definition,
    onPublish: (l) => on(publishListeners, l),
    onConfirmationRequest: (l) => on(confirmListeners, l),
    onChange: (l) => on(changeListeners, l),
    published: (topicArn) => [...(log.get(topicArn) ?? [])],
    snapshot: () => snapshotRegions(regions),
    restore(json) {
      regions = restoreRegions(json)
      log.clear()
      s.changed()
    },
  }
}
