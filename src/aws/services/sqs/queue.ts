// One queue: its messages and their lifecycle on the virtual clock (delay, visibility timeout,
// receive count, retention, the redrive to a dead-letter queue, FIFO groups and deduplication).
//
// Time is never polled by timers: a message is visible when `visibleAt <= now`, so the state is
// a pure function of the clock. Only long polls wait, and they wake on sends or at the next time a
// message becomes visible.
import type { MessageAttributeValue } from '@aws-sdk/client-sqs'
import { defaultConfig, redrivePolicy, type QueueConfig } from './attributes.ts'

export interface StoredMessage {
  id: string
  body: string
  md5Body: string
  attributes?: Record<string, MessageAttributeValue>
  md5Attributes?: string
  systemAttributes?: Record<string, MessageAttributeValue>
  md5SystemAttributes?: string
  senderId: string
  sentAt: number
  /** When the message was first enqueued (retention counts from here for standard queues). */
  enqueuedAt: number
  visibleAt: number
  receiveCount: number
  firstReceiveAt?: number
  /** The receipt handle of the latest receive (its serial makes older ones stale). */
  receiptSerial: number
  groupId?: string
  dedupId?: string
  sequenceNumber?: string
  deadLetterSourceArn?: string
}

export interface DedupRecord {
  id: string
  sequenceNumber: string
  at: number
}

export const DEDUP_WINDOW_MS = 5 * 60 * 1000
export const PURGE_INTERVAL_MS = 60 * 1000

export class Queue {
  config: QueueConfig
  /** By message id, in send order (a Map deletes in O(1) and keeps insertion order). */
  readonly messages = new Map<string, StoredMessage>()
  /** Characters of message bodies held (for the service's storage bound). */
  bytes = 0
  tags: Record<string, string> = {}
  createdAt: number
  modifiedAt: number
  lastPurgeAt?: number
  sequence = 0
  serial = 0
  /** Dedup ids seen in the last five minutes (FIFO), keyed by scope + id. */
  dedup = new Map<string, DedupRecord>()
  /** Long polls waiting on this queue. */
  readonly waiters = new Set<() => void>()

  constructor(
    readonly name: string,
    readonly region: string,
    readonly accountId: string,
    now: number,
    config?: QueueConfig,
  ) {
    this.config = config ?? defaultConfig(name.endsWith('.fifo'))
    this.createdAt = now
    this.modifiedAt = now
  }

  get arn(): string {
    return `arn:aws:sqs:${this.region}:${this.accountId}:${this.name}`
  }

  get url(): string {
    return `https://sqs.${this.region}.amazonaws.com/${this.accountId}/${this.name}`
  }

  get fifo(): boolean {
    return this.config.FifoQueue
  }

  add(m: StoredMessage): void {
    this.messages.set(m.id, m)
    this.bytes += m.body.length
  }

  remove(m: StoredMessage): void {
    if (this.messages.delete(m.id)) this.bytes -= m.body.length
  }

  clear(): void {
    this.messages.clear()
    this.bytes = 0
  }

  expired(m: StoredMessage, now: number): boolean {
    return now - m.enqueuedAt >= this.config.MessageRetentionPeriod * 1000
  }

  /**
   * Drops messages past the retention period from the front of the queue (send order), and stale
   * dedup records. Costs only what it removes; a message moved in from a source queue with an older
   * enqueue time is caught when a receive reaches it.
   */
  expire(now: number): void {
    for (const m of this.messages.values()) {
      if (!this.expired(m, now)) break
      this.remove(m)
    }
    for (const [k, d] of this.dedup) {
      if (now - d.at < DEDUP_WINDOW_MS) break
      this.dedup.delete(k)
    }
  }

  counts(now: number): { visible: number; inFlight: number; delayed: number } {
    this.expire(now)
    let visible = 0
    let inFlight = 0
    let delayed = 0
    for (const m of this.messages.values()) {
      if (this.expired(m, now)) continue
      if (m.visibleAt <= now) visible++
      else if (m.receiveCount > 0) inFlight++
      else delayed++
    }
    return { visible, inFlight, delayed }
  }

  /** The earliest future time a message becomes visible (for long polls and event-source pollers). */
  nextVisibleAt(now: number): number | undefined {
    let next: number | undefined
    for (const m of this.messages.values())
      if (m.visibleAt > now && (next === undefined || m.visibleAt < next)) next = m.visibleAt
    return next
  }

  nextSequenceNumber(): string {
    return String(++this.sequence).padStart(20, '0')
  }

  wake(): void {
    for (const w of [...this.waiters]) w()
  }

  /**
   * Picks up to `max` messages to receive now, in order. Messages past the redrive limit are
   * handed to `moveToDeadLetter` instead. FIFO: a group with a message in flight (or a message not
   * yet visible) is blocked, so each group is received strictly in order.
   */
  pick(now: number, max: number, moveToDeadLetter: (m: StoredMessage) => boolean): StoredMessage[] {
    this.expire(now)
    const redrive = redrivePolicy(this.config)
    // Send order: best-effort ordering on standard queues, strict per group on FIFO ones, where a
    // group's first message still present is the one in flight, so marking it blocks the rest.
    const out: StoredMessage[] = []
    const blocked = new Set<string>()
    for (const m of this.messages.values()) {
      if (out.length >= max) break
      if (this.expired(m, now)) {
        this.remove(m)
        continue
      }
      if (this.fifo && blocked.has(m.groupId!)) continue
      if (m.visibleAt > now) {
        if (this.fifo) blocked.add(m.groupId!)
        continue
      }
      if (redrive && m.receiveCount >= redrive.maxReceiveCount && moveToDeadLetter(m)) continue
      out.push(m)
    }
    return out
  }
}
