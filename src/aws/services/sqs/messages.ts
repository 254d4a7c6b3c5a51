// Message validation (body characters, attributes, sizes, FIFO ids) and receipt handles.
import type { MessageAttributeValue, MessageSystemAttributeValue } from '@aws-sdk/client-sqs'
import { AwsError } from '../../errors.ts'
import { invalidParameter, invalidValue, missingParameter, receiptHandleIsInvalid, sqsError } from './errors.ts'
import { md5Hex } from './md5.ts'

const enc = new TextEncoder()
export const utf8Bytes = (s: string) => enc.encode(s).length

/** SQS accepts #x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to #x10FFFF. */
export function checkBodyCharacters(body: string): void {
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i)
    let ok = c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd)
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = body.charCodeAt(i + 1)
      ok = d >= 0xdc00 && d <= 0xdfff
      i++
    }
    if (!ok) {
      throw sqsError(
        'InvalidMessageContents',
        `Invalid binary character '#x${c.toString(16).toUpperCase()}' was found in the message body, the set of allowed characters is #x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to #x10FFFF`,
      )
    }
  }
}

const ATTRIBUTE_NAME = /^[A-Za-z0-9_.-]{1,256}$/
const DATA_TYPE = /^(String|Number|Binary)(\.[^\s]{1,250})?$/

function isBytes(v: unknown): v is Uint8Array {
  return v instanceof Uint8Array
}

/** Validates message attributes; returns their size in bytes (names, types and values), as SQS counts it. */
export function checkMessageAttributes(attrs: unknown, kind: 'user' | 'system' = 'user'): number {
  if (attrs === undefined || attrs === null) return 0
  if (typeof attrs !== 'object' || Array.isArray(attrs)) {
    throw new AwsError('SerializationException', 'Unexpected value type for MessageAttributes: expected a map', 400)
  }
  const names = Object.keys(attrs)
  if (names.length > 10) {
    throw invalidParameter(`Number of message attributes [${names.length}] exceeds the allowed maximum [10].`)
  }
  let size = 0
  for (const name of names) {
    const a = (attrs as Record<string, unknown>)[name]
    if (kind === 'system' && name !== 'AWSTraceHeader') {
      throw invalidParameter(`Message system attribute name '${name}' is invalid.`)
    }
    if (
      kind === 'user' &&
      (!ATTRIBUTE_NAME.test(name) ||
        name.startsWith('.') ||
        name.endsWith('.') ||
        name.includes('..') ||
        /^(aws\.|amazon\.)/i.test(name))
    ) {
      throw invalidParameter(
        `Message (user) attribute name '${name}' is invalid. The attribute name can contain A-Z, a-z, 0-9, underscore (_), hyphen (-), and period (.) characters.`,
      )
    }
    if (typeof a !== 'object' || a === null || Array.isArray(a)) {
      throw new AwsError(
        'SerializationException',
        `Unexpected value type for MessageAttributes.${name}: expected a structure`,
        400,
      )
    }
    const v = a as MessageAttributeValue
    const label = kind === 'user' ? '(user) ' : '(system) '
    if (v.DataType === undefined || v.DataType === '') {
      throw invalidParameter(`The message ${label}attribute '${name}' must contain a non-empty message attribute type.`)
    }
    if (typeof v.DataType !== 'string' || !DATA_TYPE.test(v.DataType)) {
      throw invalidParameter(
        `The type of message ${label}attribute '${name}' is invalid. You must use only the following supported type prefixes: Binary, Number, String.`,
      )
    }
    const base = v.DataType.split('.')[0]
    if (base === 'Binary') {
      if (!isBytes(v.BinaryValue) || v.BinaryValue.length === 0) {
        throw invalidParameter(`Message ${label}attribute '${name}' must contain a non-empty value of type 'Binary'.`)
      }
      size += v.BinaryValue.length
    } else {
      if (typeof v.StringValue !== 'string' || v.StringValue === '') {
        throw invalidParameter(`Message ${label}attribute '${name}' must contain a non-empty value of type '${base}'.`)
      }
      if (base === 'Number' && !/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(v.StringValue)) {
        throw invalidParameter(`Can't cast the value of message ${label}attribute '${name}' to a number.`)
      }
      checkBodyCharacters(v.StringValue)
      size += utf8Bytes(v.StringValue)
    }
    size += utf8Bytes(name) + utf8Bytes(v.DataType)
  }
  return size
}

/** A copy holding only the API's members (and byte copies of binary values). */
export function copyAttributes<T extends MessageAttributeValue | MessageSystemAttributeValue>(
  attrs: Record<string, T> | undefined,
): Record<string, MessageAttributeValue> | undefined {
  if (!attrs || Object.keys(attrs).length === 0) return undefined
  const out: Record<string, MessageAttributeValue> = {}
  for (const [k, v] of Object.entries(attrs)) {
    out[k] = v.BinaryValue
      ? { DataType: v.DataType, BinaryValue: new Uint8Array(v.BinaryValue) }
      : { DataType: v.DataType, StringValue: v.StringValue }
  }
  return out
}

const FIFO_ID = /^[\x21-\x7e]{1,128}$/

export function checkFifoId(parameter: 'MessageGroupId' | 'MessageDeduplicationId', value: unknown): void {
  if (typeof value !== 'string' || !FIFO_ID.test(value)) {
    throw invalidValue(
      value ?? '',
      parameter,
      `${parameter} can only include alphanumeric and punctuation characters. 1 to 128 in length.`,
    )
  }
}

export function checkBody(body: unknown): asserts body is string {
  if (body === undefined || body === null || body === '') throw missingParameter('MessageBody')
  if (typeof body !== 'string')
    throw new AwsError('SerializationException', 'Unexpected value type for MessageBody: expected a string', 400)
  checkBodyCharacters(body)
}

export { md5Hex }

// ---- receipt handles ----------------------------------------------------------------------------

export interface ReceiptHandle {
  queue: string
  messageId: string
  serial: number
}

export function makeReceiptHandle(h: ReceiptHandle): string {
  const raw = `${h.queue}\u0000${h.messageId}\u0000${h.serial}`
  return btoa(String.fromCharCode(...enc.encode(raw))).replace(/=+$/, '') + 'Q'.repeat(4)
}

export function parseReceiptHandle(handle: unknown): ReceiptHandle {
  if (typeof handle !== 'string' || handle.length < 8 || handle.length > 2048 || !handle.endsWith('QQQQ')) {
    throw receiptHandleIsInvalid(handle)
  }
  try {
    const bytes = Uint8Array.from(atob(handle.slice(0, -4)), (c) => c.charCodeAt(0))
    const [queue, messageId, serial] = new TextDecoder('utf-8', { fatal: true }).decode(bytes).split('\u0000')
    if (!queue || !messageId || !/^\d+$/.test(serial ?? '')) throw new Error('shape')
    return { queue, messageId, serial: Number(serial) }
  } catch {
    throw receiptHandleIsInvalid(handle)
  }
}

/** A stable SenderId for a principal, shaped as AWS's (AIDA… for users, AROA…:session for roles). */
export function senderIdFor(principal: {
  kind: string
  arn?: string
  accountId?: string
  sessionName?: string
  service?: string
}): string {
  const id = md5Hex(principal.arn ?? principal.service ?? 'anonymous')
    .toUpperCase()
    .replace(/[0-9]/g, (d) => 'ABCDEFGHIJ'[Number(d)])
    .slice(0, 17)
  if (principal.kind === 'assumed-role') return `AROA${id}:${principal.sessionName}`
  if (principal.kind === 'root') return principal.accountId ?? id
  return `AIDA${id}`
}
