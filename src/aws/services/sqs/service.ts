// The SQS service (awsJson1_0 with query compatibility, target prefix AmazonSQS, IAM prefix `sqs`).
//
//   const sqs = createSqsService()
//   sqs.definition                 // the ServiceDefinition the gateway routes to
//   sqs.watch(queueArn, listener)  // called when messages arrive or become available (for pollers)
//   sqs.peek(queueArn)             // counts and the next time a message becomes visible
//   sqs.snapshot() / sqs.restore(json)
import type { OperationContext, ServiceDefinition } from '../../types.ts'
import { configAttributes } from './attributes.ts'
import { QUERY_CODES, queueDoesNotExist, sqsError } from './errors.ts'
import { messageOperations } from './operations-messages.ts'
import { queueOperations } from './operations-queues.ts'
import { Queue, type StoredMessage } from './queue.ts'
import { restoreQueues, snapshotQueues } from './snapshot.ts'

export interface RegionQueues {
  queues: Map<string, Queue>
  /** Recently deleted names (QueueDeletedRecently). */
  deleted: Map<string, number>
}

export interface SqsContext {
  queues(ctx: OperationContext): Map<string, Queue>
  deleted(ctx: OperationContext): Map<string, number>
  /** The queue a QueueUrl names, or QueueDoesNotExist. */
  queue(ctx: OperationContext, url: unknown): Queue
  byArn(arn: string): Queue | undefined
  exists(q: Queue): boolean
  arn(ctx: OperationContext, name: string, account?: string): string
  arnFromUrl(ctx: OperationContext, url: unknown): string
  attributes(ctx: OperationContext, q: Queue): Record<string, string>
  /** Moves a message past its redrive limit to the dead-letter queue; false when there is none. */
  moveToDeadLetter(ctx: OperationContext, q: Queue, m: StoredMessage): boolean
  sent(q: Queue): void
  changed(): void
  /** Refuses a send that would take the service past its storage bound (the browser's memory). */
  checkStorage(chars: number): void
}

export interface QueuePeek {
  visible: number
  inFlight: number
  delayed: number
  nextVisibleAt?: number
}

export interface SqsService {
  readonly definition: ServiceDefinition
  /** Calls `listener` whenever messages may have become available on the queue. */
  watch(queueArn: string, listener: () => void): () => void
  peek(queueArn: string, now: number): QueuePeek | undefined
  onChange(listener: () => void): () => void
  snapshot(): unknown
  restore(json: unknown): void
}

/** Parses a queue URL (https://sqs.<region>.amazonaws.com/<account>/<name>, or any host with that path). */
export function parseQueueUrl(url: unknown): { account: string; name: string } | null {
  if (typeof url !== 'string' || url.length > 2048) return null
  const m = /^(?:https?:\/\/[^/]+)?\/(\d{12})\/([A-Za-z0-9_-]{1,80}(?:\.fifo)?)\/?$/.exec(url)
  return m ? { account: m[1], name: m[2] } : null
}

/** Message bodies held by all queues together: a bound of the simulation, not of SQS. */
export const MAX_STORED_CHARS = 100 * 1024 * 1024

export interface SqsServiceOptions {
  /** Message characters all queues may hold together (default MAX_STORED_CHARS, 100 Mi). */
  maxStoredChars?: number
}

export function createSqsService(options: SqsServiceOptions = {}): SqsService {
  const maxStored = options.maxStoredChars ?? MAX_STORED_CHARS
  let regions = new Map<string, RegionQueues>()
  const watchers = new Map<string, Set<() => void>>()
  const changeListeners = new Set<() => void>()

  const region = (name: string): RegionQueues => {
    let r = regions.get(name)
    if (!r) regions.set(name, (r = { queues: new Map(), deleted: new Map() }))
    return r
  }
  const byArn = (arn: string): Queue | undefined => {
    const m = /^arn:aws:sqs:([^:]+):(\d{12}):(.+)$/.exec(arn)
    const q = m ? regions.get(m[1])?.queues.get(m[3]) : undefined
    return q && q.accountId === m![2] ? q : undefined
  }
  const notify = (q: Queue) => {
    for (const l of watchers.get(q.arn) ?? []) l()
  }

  const s: SqsContext = {
    queues: (ctx) => region(ctx.region).queues,
    deleted: (ctx) => region(ctx.region).deleted,
    queue(ctx, url) {
      const parsed = parseQueueUrl(url)
      if (!parsed || parsed.account !== ctx.accountId) throw queueDoesNotExist()
      const q = region(ctx.region).queues.get(parsed.name)
      if (!q) throw queueDoesNotExist()
      return q
    },
    byArn,
    exists: (q) => regions.get(q.region)?.queues.get(q.name) === q,
    arn: (ctx, name, account) => `arn:aws:sqs:${ctx.region}:${account ?? ctx.accountId}:${name}`,
    arnFromUrl(ctx, url) {
      const parsed = parseQueueUrl(url)
      return parsed
        ? `arn:aws:sqs:${ctx.region}:${parsed.account}:${parsed.name}`
        : `arn:aws:sqs:${ctx.region}:${ctx.accountId}:*`
    },
    attributes(ctx, q) {
      const now = ctx.clock.now()
      const c = q.counts(now)
      return {
        ...configAttributes(q.config),
        ApproximateNumberOfMessages: String(c.visible),
        ApproximateNumberOfMessagesNotVisible: String(c.inFlight),
        ApproximateNumberOfMessagesDelayed: String(c.delayed),
        CreatedTimestamp: String(Math.floor(q.createdAt / 1000)),
        LastModifiedTimestamp: String(Math.floor(q.modifiedAt / 1000)),
        QueueArn: q.arn,
      }
    },
    moveToDeadLetter(ctx, q, m) {
      const target = q.config.RedrivePolicy ? byArn(JSON.parse(q.config.RedrivePolicy).deadLetterTargetArn) : undefined
      if (!target) return false
      q.remove(m)
      const now = ctx.clock.now()
      target.add({
        ...m,
        visibleAt: now,
        deadLetterSourceArn: q.arn,
        // FIFO dead-letter queues restart the retention clock; standard ones keep the original enqueue time.
        enqueuedAt: target.fifo ? now : m.enqueuedAt,
        sequenceNumber: target.fifo ? target.nextSequenceNumber() : m.sequenceNumber,
      })
      target.wake()
      notify(target)
      return true
    },
    sent: notify,
    checkStorage(chars) {
      let held = 0
      for (const r of regions.values()) for (const q of r.queues.values()) held += q.bytes
      if (held + chars > maxStored) {
        throw sqsError(
          'OverLimit',
          `This simulated account holds at most ${maxStored} characters of messages: delete or purge messages first.`,
        )
      }
    },
    changed() {
      for (const l of changeListeners) l()
    },
  }

  const definition: ServiceDefinition = {
    id: 'sqs',
    signingName: 'sqs',
    actionPrefix: 'sqs',
    protocol: 'awsJson1_0',
    targetPrefix: 'AmazonSQS',
    apiVersion: '2012-11-05',
    errorNamespace: 'com.amazonaws.sqs',
    queryErrorCodes: QUERY_CODES,
    operations: { ...queueOperations(s), ...messageOperations(s) },
    resourcePolicy(arn) {
      return byArn(arn)?.config.Policy || undefined
    },
  }

  return {
    definition,
    watch(queueArn, listener) {
      let set = watchers.get(queueArn)
      if (!set) watchers.set(queueArn, (set = new Set()))
      set.add(listener)
      return () => set!.delete(listener)
    },
    peek(queueArn, now) {
      const q = byArn(queueArn)
      if (!q) return undefined
      const c = q.counts(now)
      return { visible: c.visible, inFlight: c.inFlight, delayed: c.delayed, nextVisibleAt: q.nextVisibleAt(now) }
    },
    onChange(listener) {
      changeListeners.add(listener)
      return () => changeListeners.delete(listener)
    },
    snapshot: () => snapshotQueues(regions),
    restore(json) {
      const restored = restoreQueues(json)
      for (const r of regions.values()) for (const q of r.queues.values()) q.wake()
      regions = restored
      s.changed()
    },
  }
}
