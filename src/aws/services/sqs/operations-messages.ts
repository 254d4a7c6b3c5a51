// Message operations: SendMessage(Batch), ReceiveMessage (long polling on the virtual clock),
// DeleteMessage(Batch), ChangeMessageVisibility(Batch).
import type {
  BatchResultErrorEntry,
  ChangeMessageVisibilityBatchRequest,
  ChangeMessageVisibilityBatchResult,
  ChangeMessageVisibilityRequest,
  DeleteMessageBatchRequest,
  DeleteMessageBatchResult,
  DeleteMessageRequest,
  Message,
  ReceiveMessageRequest,
  ReceiveMessageResult,
  SendMessageBatchRequest,
  SendMessageBatchRequestEntry,
  SendMessageBatchResult,
  SendMessageRequest,
  SendMessageResult,
} from '@aws-sdk/client-sqs'
import { AwsError } from '../../errors.ts'
import type { OperationContext, OperationDefinition } from '../../types.ts'
import { MAX_MESSAGE_SIZE } from './attributes.ts'
import { invalidValue, missingParameter, receiptHandleIsInvalid, sqsError } from './errors.ts'
import { md5OfAttributes, sha256Hex } from './md5.ts'
import { copyAttributes, makeReceiptHandle, md5Hex, parseReceiptHandle, senderIdFor } from './messages.ts'
import { DEDUP_WINDOW_MS, type Queue, type StoredMessage } from './queue.ts'
import { checkBatch, validateMessage, type SendInput } from './validate.ts'
import type { SqsContext } from './service.ts'
import { sendMessageBatchInput, sendMessageInput } from './shapes.ts'
import { expectInteger, expectList, expectString } from './util.ts'

type Op<I, O> = OperationDefinition<I, O>

export function messageOperations(s: SqsContext): Record<string, Op<never, unknown>> {
  const onQueue = (action: string) => (input: { QueueUrl?: unknown }, ctx: OperationContext) => [
    { action: `sqs:${action}`, resource: s.arnFromUrl(ctx, input.QueueUrl) },
  ]

  function enqueue(
    ctx: OperationContext,
    q: Queue,
    m: SendInput,
  ): Omit<SendMessageResult, '$metadata'> & { MessageId: string; MD5OfMessageBody: string } {
    const now = ctx.clock.now()
    q.expire(now)
    const attrs = copyAttributes(m.MessageAttributes)
    const system = copyAttributes(m.MessageSystemAttributes)
    const result = {
      MD5OfMessageBody: md5Hex(m.MessageBody!),
      MD5OfMessageAttributes: md5OfAttributes(attrs),
      MD5OfMessageSystemAttributes: md5OfAttributes(system),
    }
    if (q.fifo) {
      const dedupId = m.MessageDeduplicationId ?? sha256Hex(m.MessageBody!)
      const key = q.config.DeduplicationScope === 'messageGroup' ? `${m.MessageGroupId}\u0000${dedupId}` : dedupId
      const seen = q.dedup.get(key)
      if (seen && now - seen.at < DEDUP_WINDOW_MS)
        return { ...result, MessageId: seen.id, SequenceNumber: seen.sequenceNumber }
      const id = crypto.randomUUID()
      const sequenceNumber = q.nextSequenceNumber()
      q.dedup.set(key, { id, sequenceNumber, at: now })
      q.add(stored(ctx, q, m, id, attrs, system, now, { groupId: m.MessageGroupId, dedupId, sequenceNumber }))
      q.wake()
      s.sent(q)
      return { ...result, MessageId: id, SequenceNumber: sequenceNumber }
    }
    const id = crypto.randomUUID()
    q.add(stored(ctx, q, m, id, attrs, system, now, { groupId: m.MessageGroupId }))
    q.wake()
    s.sent(q)
    return { ...result, MessageId: id }
  }

  function stored(
    ctx: OperationContext,
    q: Queue,
    m: SendInput,
    id: string,
    attrs: StoredMessage['attributes'],
    system: StoredMessage['attributes'],
    now: number,
    extra: Partial<StoredMessage>,
  ): StoredMessage {
    const delay = (m.DelaySeconds ?? q.config.DelaySeconds) * 1000
    return {
      id,
      body: m.MessageBody!,
      md5Body: md5Hex(m.MessageBody!),
      attributes: attrs,
      md5Attributes: md5OfAttributes(attrs),
      systemAttributes: system,
      md5SystemAttributes: md5OfAttributes(system),
      senderId: senderIdFor(ctx.principal as never),
      sentAt: now,
      enqueuedAt: now,
      visibleAt: now + delay,
      receiveCount: 0,
      receiptSerial: 0,
      ...extra,
    }
  }

  const SendMessage: Op<SendMessageRequest, Omit<SendMessageResult, '$metadata'>> = {
    input: sendMessageInput,
    authorize: onQueue('SendMessage'),
    handler(input, ctx) {
      const q = s.queue(ctx, input.QueueUrl)
      validateMessage(q, input)
      s.checkStorage(input.MessageBody!.length)
      const out = enqueue(ctx, q, input)
      s.changed()
      return out
    },
  }

  const SendMessageBatch: Op<SendMessageBatchRequest, Omit<SendMessageBatchResult, '$metadata'>> = {
    input: sendMessageBatchInput,
    authorize: onQueue('SendMessage'),
    handler(input, ctx) {
      const q = s.queue(ctx, input.QueueUrl)
      const entries = checkBatch(
        input.Entries,
        'SendMessageBatchRequestEntry',
      ) as unknown as SendMessageBatchRequestEntry[]
      let total = 0
      for (const e of entries) total += validateMessage(q, e)
      if (total > MAX_MESSAGE_SIZE) {
        throw sqsError(
          'BatchRequestTooLong',
          `Batch requests cannot be longer than ${MAX_MESSAGE_SIZE} bytes. You have sent ${total} bytes.`,
        )
      }
      s.checkStorage(entries.reduce((n, e) => n + e.MessageBody!.length, 0))
      const Successful = entries.map((e) => ({ Id: e.Id!, ...enqueue(ctx, q, e) }))
      s.changed()
      return { Successful, Failed: [] }
    },
  }

  function attributeFilter(names: string[] | undefined): (name: string) => boolean {
    if (!names || names.length === 0) return () => false
    if (names.includes('All') || names.includes('.*')) return () => true
    return (n) => names.some((w) => w === n || (w.endsWith('.*') && n.startsWith(w.slice(0, -1))))
  }

  function systemAttributes(
    m: StoredMessage,
    q: Queue,
    wanted: (n: string) => boolean,
  ): Record<string, string> | undefined {
    const all: Record<string, string | undefined> = {
      SenderId: m.senderId,
      SentTimestamp: String(m.sentAt),
      ApproximateReceiveCount: String(m.receiveCount),
      ApproximateFirstReceiveTimestamp: m.firstReceiveAt !== undefined ? String(m.firstReceiveAt) : undefined,
      SequenceNumber: m.sequenceNumber,
      MessageDeduplicationId: q.fifo ? m.dedupId : undefined,
      MessageGroupId: m.groupId,
      AWSTraceHeader: m.systemAttributes?.AWSTraceHeader?.StringValue,
      DeadLetterQueueSourceArn: m.deadLetterSourceArn,
    }
    const out: Record<string, string> = {}
    for (const [k, v] of Object.entries(all)) if (v !== undefined && wanted(k)) out[k] = v
    return Object.keys(out).length ? out : undefined
  }

  function receiveNow(
    ctx: OperationContext,
    q: Queue,
    input: ReceiveMessageRequest,
    max: number,
    visibility: number,
  ): Message[] {
    const now = ctx.clock.now()
    const picked = q.pick(now, max, (m) => s.moveToDeadLetter(ctx, q, m))
    const wantSystem = attributeFilter([
      ...((input.MessageSystemAttributeNames as string[]) ?? []),
      ...((input.AttributeNames as string[]) ?? []),
    ])
    const wantUser = attributeFilter(input.MessageAttributeNames)
    return picked.map((m) => {
      m.receiveCount++
      m.firstReceiveAt ??= now
      m.visibleAt = now + visibility * 1000
      m.receiptSerial = ++q.serial
      const out: Message = {
        MessageId: m.id,
        ReceiptHandle: makeReceiptHandle({ queue: q.name, messageId: m.id, serial: m.receiptSerial }),
        MD5OfBody: m.md5Body,
        Body: m.body,
      }
      const attrs = systemAttributes(m, q, wantSystem)
      if (attrs) out.Attributes = attrs
      if (m.attributes) {
        const picked: Record<string, (typeof m.attributes)[string]> = {}
        for (const [k, v] of Object.entries(m.attributes)) if (wantUser(k)) picked[k] = v
        if (Object.keys(picked).length) {
          out.MessageAttributes = copyAttributes(picked)
          out.MD5OfMessageAttributes = md5OfAttributes(picked)
        }
      }
      return out
    })
  }

  const ReceiveMessage: Op<ReceiveMessageRequest, Omit<ReceiveMessageResult, '$metadata'>> = {
    authorize: onQueue('ReceiveMessage'),
    async handler(input, ctx) {
      const q = s.queue(ctx, input.QueueUrl)
      const max = expectInteger('MaxNumberOfMessages', input.MaxNumberOfMessages) ?? 1
      if (max < 1 || max > 10) throw invalidValue(max, 'MaxNumberOfMessages', 'Must be between 1 and 10, if provided.')
      const wait = expectInteger('WaitTimeSeconds', input.WaitTimeSeconds) ?? q.config.ReceiveMessageWaitTimeSeconds
      if (wait < 0 || wait > 20) throw invalidValue(wait, 'WaitTimeSeconds', 'Must be >= 0 and <= 20, if provided.')
      const visibility = expectInteger('VisibilityTimeout', input.VisibilityTimeout) ?? q.config.VisibilityTimeout
      if (visibility < 0 || visibility > 43_200)
        throw invalidValue(visibility, 'VisibilityTimeout', 'Must be >= 0 and <= 43200, if provided.')
      for (const k of ['AttributeNames', 'MessageSystemAttributeNames', 'MessageAttributeNames'] as const)
        expectList(k, input[k])
      expectString('ReceiveRequestAttemptId', input.ReceiveRequestAttemptId)
      if (input.ReceiveRequestAttemptId !== undefined && !q.fifo) {
        throw invalidValue(
          input.ReceiveRequestAttemptId,
          'ReceiveRequestAttemptId',
          'The request include parameter that is not valid for this queue type',
        )
      }
      const deadline = ctx.clock.now() + wait * 1000
      for (;;) {
        if (!s.exists(q)) return {}
        const messages = receiveNow(ctx, q, input, max, visibility)
        if (messages.length) {
          s.changed()
          return { Messages: messages }
        }
        const now = ctx.clock.now()
        if (now >= deadline) return {}
        await waitForChange(ctx, q, Math.min(deadline, q.nextVisibleAt(now) ?? deadline))
      }
    },
  }

  /** Waits (on the virtual clock) until `until`, or until the queue changes. */
  function waitForChange(ctx: OperationContext, q: Queue, until: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        q.waiters.delete(done)
        ctx.clock.cancel(task)
        resolve()
      }
      const task = ctx.clock.schedule(until, done)
      q.waiters.add(done)
    })
  }

  /** Finds the message a receipt handle names (for this queue), or explains why not. */
  function byHandle(q: Queue, handle: unknown, now: number): StoredMessage | null {
    const h = parseReceiptHandle(handle)
    if (h.queue !== q.name) throw receiptHandleIsInvalid(handle)
    const m = q.messages.get(h.messageId)
    if (!m) return null
    if (q.fifo && (h.serial !== m.receiptSerial || m.visibleAt <= now)) {
      throw invalidValue(handle, 'ReceiptHandle', 'The receipt handle has expired.')
    }
    return m
  }

  const DeleteMessage: Op<DeleteMessageRequest, Record<string, never>> = {
    authorize: onQueue('DeleteMessage'),
    handler(input, ctx) {
      const q = s.queue(ctx, input.QueueUrl)
      if (input.ReceiptHandle === undefined || input.ReceiptHandle === '') throw missingParameter('ReceiptHandle')
      const m = byHandle(q, input.ReceiptHandle, ctx.clock.now())
      if (m) {
        q.remove(m)
        q.wake()
        s.changed()
      }
      return {}
    },
  }

  const failure = (id: string, err: AwsError): BatchResultErrorEntry => ({
    Id: id,
    SenderFault: err.$fault === 'client',
    Code: err.name,
    Message: err.message,
  })

  const DeleteMessageBatch: Op<DeleteMessageBatchRequest, Omit<DeleteMessageBatchResult, '$metadata'>> = {
    authorize: onQueue('DeleteMessage'),
    handler(input, ctx) {
      const q = s.queue(ctx, input.QueueUrl)
      const entries = checkBatch(input.Entries, 'DeleteMessageBatchRequestEntry')
      const Successful: { Id: string }[] = []
      const Failed: BatchResultErrorEntry[] = []
      for (const e of entries) {
        try {
          const m = byHandle(q, e.ReceiptHandle, ctx.clock.now())
          if (m) q.remove(m)
          Successful.push({ Id: e.Id })
        } catch (err) {
          if (!(err instanceof AwsError)) throw err
          Failed.push(failure(e.Id, err))
        }
      }
      q.wake()
      s.changed()
      return { Successful, Failed }
    },
  }

  function changeVisibility(q: Queue, handle: unknown, timeout: unknown, now: number): void {
    if (handle === undefined || handle === '') throw missingParameter('ReceiptHandle')
    const t = expectInteger('VisibilityTimeout', timeout)
    if (t === undefined) throw missingParameter('VisibilityTimeout')
    if (t < 0 || t > 43_200) throw invalidValue(t, 'VisibilityTimeout', 'Must be between 0 and 43200, if provided.')
    const m = byHandle(q, handle, now)
    if (!m)
      throw invalidValue(
        handle,
        'ReceiptHandle',
        'Message does not exist or is not available for visibility timeout change.',
      )
    m.visibleAt = now + t * 1000
  }

  const ChangeMessageVisibility: Op<ChangeMessageVisibilityRequest, Record<string, never>> = {
    authorize: onQueue('ChangeMessageVisibility'),
    handler(input, ctx) {
      const q = s.queue(ctx, input.QueueUrl)
      changeVisibility(q, input.ReceiptHandle, input.VisibilityTimeout, ctx.clock.now())
      q.wake()
      s.changed()
      return {}
    },
  }

  const ChangeMessageVisibilityBatch: Op<
    ChangeMessageVisibilityBatchRequest,
    Omit<ChangeMessageVisibilityBatchResult, '$metadata'>
  > = {
    authorize: onQueue('ChangeMessageVisibility'),
    handler(input, ctx) {
      const q = s.queue(ctx, input.QueueUrl)
      const entries = checkBatch(input.Entries, 'ChangeMessageVisibilityBatchRequestEntry')
      const Successful: { Id: string }[] = []
      const Failed: BatchResultErrorEntry[] = []
      for (const e of entries) {
        try {
          changeVisibility(q, e.ReceiptHandle, e.VisibilityTimeout, ctx.clock.now())
          Successful.push({ Id: e.Id })
        } catch (err) {
          if (!(err instanceof AwsError)) throw err
          Failed.push(failure(e.Id, err))
        }
      }
      q.wake()
      s.changed()
      return { Successful, Failed }
    },
  }

  return {
    SendMessage,
    SendMessageBatch,
    ReceiveMessage,
    DeleteMessage,
    DeleteMessageBatch,
    ChangeMessageVisibility,
    ChangeMessageVisibilityBatch,
  } as Record<string, Op<never, unknown>>
}
