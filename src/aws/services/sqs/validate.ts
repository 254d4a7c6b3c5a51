// Validation of messages and batches, with SQS's messages.
import type { SendMessageBatchRequestEntry } from '@aws-sdk/client-sqs'
import { AwsError } from '../../errors.ts'
import { invalidParameter, invalidValue, missingParameter, sqsError } from './errors.ts'
import { checkBody, checkFifoId, checkMessageAttributes, utf8Bytes } from './messages.ts'
import type { Queue } from './queue.ts'
import { expectInteger, expectList } from './util.ts'

const BATCH_ID = /^[A-Za-z0-9_-]{1,80}$/

export type SendInput = Omit<SendMessageBatchRequestEntry, 'Id'>

/** Validates one message for this queue; returns its size in bytes. */
export function validateMessage(q: Queue, m: SendInput): number {
  checkBody(m.MessageBody)
  const delay = expectInteger('DelaySeconds', m.DelaySeconds)
  const size =
    utf8Bytes(m.MessageBody) +
    checkMessageAttributes(m.MessageAttributes) +
    checkMessageAttributes(m.MessageSystemAttributes, 'system')
  if (delay !== undefined && (delay < 0 || delay > 900)) {
    throw invalidValue(delay, 'DelaySeconds', 'Must be >= 0 and <= 900, if provided.')
  }
  if (q.fifo) {
    if (delay !== undefined && delay !== 0) {
      throw invalidValue(delay, 'DelaySeconds', 'The request include parameter that is not valid for this queue type.')
    }
    if (m.MessageGroupId === undefined) throw missingParameter('MessageGroupId')
    checkFifoId('MessageGroupId', m.MessageGroupId)
    if (m.MessageDeduplicationId !== undefined) checkFifoId('MessageDeduplicationId', m.MessageDeduplicationId)
    else if (!q.config.ContentBasedDeduplication) {
      throw invalidParameter(
        'The queue should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly',
      )
    }
  } else {
    if (m.MessageDeduplicationId !== undefined) {
      throw invalidValue(
        m.MessageDeduplicationId,
        'MessageDeduplicationId',
        'The request include parameter that is not valid for this queue type.',
      )
    }
    if (m.MessageGroupId !== undefined) checkFifoId('MessageGroupId', m.MessageGroupId)
  }
  const limit = q.config.MaximumMessageSize
  if (size > limit) {
    throw invalidParameter(`One or more parameters are invalid. Reason: Message must be shorter than ${limit} bytes.`)
  }
  return size
}

/** The common checks of every batch: 1–10 entries, distinct well-formed ids. */
export function checkBatch(entries: unknown, entryName: string): Array<Record<string, unknown> & { Id: string }> {
  const list = expectList('Entries', entries, true)
  if (list.length === 0)
    throw sqsError('EmptyBatchRequest', `There should be at least one ${entryName} in the request.`)
  if (list.length > 10) {
    throw sqsError(
      'TooManyEntriesInBatchRequest',
      `Maximum number of entries per request are 10. You have sent ${list.length}.`,
    )
  }
  const ids = new Set<string>()
  for (const e of list) {
    if (typeof e !== 'object' || e === null || Array.isArray(e)) {
      throw new AwsError(
        'SerializationException',
        'Unexpected value type for Entries: expected a list of structures',
        400,
      )
    }
    const id = (e as { Id?: unknown }).Id
    if (id === undefined) throw missingParameter('Id')
    if (typeof id !== 'string' || !BATCH_ID.test(id)) {
      throw sqsError(
        'InvalidBatchEntryId',
        'A batch entry id can only contain alphanumeric characters, hyphens and underscores. It can be at most 80 letters long.',
      )
    }
    if (ids.has(id)) throw sqsError('BatchEntryIdsNotDistinct', `Id ${id} repeated.`)
    ids.add(id)
  }
  return list as Array<Record<string, unknown> & { Id: string }>
}
