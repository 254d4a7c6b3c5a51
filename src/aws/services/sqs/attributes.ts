// Queue attributes: names, defaults, limits and the errors SQS gives for bad ones.
import { sqsError } from './errors.ts'

export interface QueueConfig {
  DelaySeconds: number
  MaximumMessageSize: number
  MessageRetentionPeriod: number
  ReceiveMessageWaitTimeSeconds: number
  VisibilityTimeout: number
  Policy?: string
  RedrivePolicy?: string
  RedriveAllowPolicy?: string
  KmsMasterKeyId?: string
  KmsDataKeyReusePeriodSeconds?: number
  SqsManagedSseEnabled: boolean
  FifoQueue: boolean
  ContentBasedDeduplication?: boolean
  DeduplicationScope?: 'messageGroup' | 'queue'
  FifoThroughputLimit?: 'perQueue' | 'perMessageGroupId'
}

/** Message size limit (bytes): SQS accepts up to 1 MiB (1,048,576) since 2025; it is also the default. */
export const MAX_MESSAGE_SIZE = 1_048_576

const INTEGER_LIMITS: Record<string, [number, number]> = {
  DelaySeconds: [0, 900],
  MaximumMessageSize: [1024, MAX_MESSAGE_SIZE],
  MessageRetentionPeriod: [60, 1_209_600],
  ReceiveMessageWaitTimeSeconds: [0, 20],
  VisibilityTimeout: [0, 43_200],
  KmsDataKeyReusePeriodSeconds: [60, 86_400],
}

const SETTABLE = [
  'DelaySeconds',
  'MaximumMessageSize',
  'MessageRetentionPeriod',
  'ReceiveMessageWaitTimeSeconds',
  'VisibilityTimeout',
  'Policy',
  'RedrivePolicy',
  'RedriveAllowPolicy',
  'KmsMasterKeyId',
  'KmsDataKeyReusePeriodSeconds',
  'SqsManagedSseEnabled',
]
const FIFO_ONLY = ['ContentBasedDeduplication', 'DeduplicationScope', 'FifoThroughputLimit']
export const READ_ONLY = [
  'ApproximateNumberOfMessages',
  'ApproximateNumberOfMessagesNotVisible',
  'ApproximateNumberOfMessagesDelayed',
  'CreatedTimestamp',
  'LastModifiedTimestamp',
  'QueueArn',
]
export const ALL_ATTRIBUTE_NAMES = [...SETTABLE, 'FifoQueue', ...FIFO_ONLY, ...READ_ONLY]

export function defaultConfig(fifo: boolean): QueueConfig {
  return {
    DelaySeconds: 0,
    MaximumMessageSize: MAX_MESSAGE_SIZE,
    MessageRetentionPeriod: 345_600,
    ReceiveMessageWaitTimeSeconds: 0,
    VisibilityTimeout: 30,
    SqsManagedSseEnabled: true,
    FifoQueue: fifo,
    ...(fifo ? { ContentBasedDeduplication: false, DeduplicationScope: 'queue', FifoThroughputLimit: 'perQueue' } : {}),
  }
}

const invalidAttributeValue = (name: string, reason?: string) =>
  sqsError('InvalidAttributeValue', `Invalid value for the parameter ${name}.${reason ? ` Reason: ${reason}` : ''}`)
const unknownAttribute = (name: string) => sqsError('InvalidAttributeName', `Unknown Attribute ${name}.`)

function parseBool(name: string, v: string): boolean {
  if (v !== 'true' && v !== 'false') throw invalidAttributeValue(name)
  return v === 'true'
}

/**
 * Applies attributes (as strings, the API's type) to a config. `creating` allows FifoQueue.
 * Returns the new config; throws SQS's errors. Redrive targets are checked by the caller.
 */
export function applyAttributes(config: QueueConfig, attrs: Record<string, string>, creating: boolean): QueueConfig {
  const out: QueueConfig = { ...config }
  for (const [name, raw] of Object.entries(attrs)) {
    if (typeof raw !== 'string') throw invalidAttributeValue(name)
    if (READ_ONLY.includes(name) || !ALL_ATTRIBUTE_NAMES.includes(name)) throw unknownAttribute(name)
    if (name === 'FifoQueue') {
      if (!creating) {
        if (parseBool(name, raw) !== config.FifoQueue || !config.FifoQueue) {
          throw config.FifoQueue
            ? invalidAttributeValue(name, 'Modifying queue type is not supported.')
            : unknownAttribute(name)
        }
        continue
      }
      continue // decided by the caller from the name
    }
    if (FIFO_ONLY.includes(name) && !config.FifoQueue) {
      if (name === 'ContentBasedDeduplication') throw unknownAttribute(name)
      throw sqsError('InvalidAttributeName', `You can specify the ${name} only when FifoQueue is set to true.`)
    }
    if (name in INTEGER_LIMITS) {
      const [min, max] = INTEGER_LIMITS[name]
      if (!/^-?\d{1,10}$/.test(raw.trim()) || Number(raw) < min || Number(raw) > max) throw invalidAttributeValue(name)
      ;(out as unknown as Record<string, number>)[name] = Number(raw)
    } else if (name === 'SqsManagedSseEnabled' || name === 'ContentBasedDeduplication') {
      ;(out as unknown as Record<string, boolean>)[name] = parseBool(name, raw)
    } else if (name === 'DeduplicationScope') {
      if (raw !== 'messageGroup' && raw !== 'queue') throw invalidAttributeValue(name)
      out.DeduplicationScope = raw
    } else if (name === 'FifoThroughputLimit') {
      if (raw !== 'perQueue' && raw !== 'perMessageGroupId') throw invalidAttributeValue(name)
      out.FifoThroughputLimit = raw
    } else if (name === 'Policy') {
      if (raw === '') out.Policy = undefined
      else {
        let doc: unknown
        try {
          doc = JSON.parse(raw)
        } catch {
          throw invalidAttributeValue(name)
        }
        if (!doc || typeof doc !== 'object' || raw.length > 20_480) throw invalidAttributeValue(name)
        out.Policy = raw
      }
    } else if (name === 'RedrivePolicy') {
      out.RedrivePolicy = raw === '' ? undefined : normaliseRedrivePolicy(raw)
    } else if (name === 'RedriveAllowPolicy') {
      out.RedriveAllowPolicy = raw === '' ? undefined : normaliseRedriveAllowPolicy(raw)
    } else if (name === 'KmsMasterKeyId') {
      out.KmsMasterKeyId = raw || undefined
      if (raw) out.SqsManagedSseEnabled = false
    }
  }
  return out
}

export interface RedrivePolicy {
  deadLetterTargetArn: string
  maxReceiveCount: number
}

const badRedrive = (raw: string, reason: string) =>
  sqsError('InvalidParameterValue', `Value ${raw} for parameter RedrivePolicy is invalid. Reason: ${reason}`)

function normaliseRedrivePolicy(raw: string): string {
  let doc: Record<string, unknown>
  try {
    doc = JSON.parse(raw)
  } catch {
    throw badRedrive(raw, 'Redrive policy is not a valid JSON map.')
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc))
    throw badRedrive(raw, 'Redrive policy is not a valid JSON map.')
  const arn = doc.deadLetterTargetArn
  const count = Number(doc.maxReceiveCount)
  if (typeof arn !== 'string' || !/^arn:aws:sqs:[a-z0-9-]+:\d{12}:[\w-]+(\.fifo)?$/.test(arn)) {
    throw badRedrive(raw, 'Invalid value for deadLetterTargetArn.')
  }
  if (!Number.isInteger(count) || count < 1 || count > 1000) {
    throw badRedrive(
      raw,
      'Invalid value for maxReceiveCount: ' +
        String(doc.maxReceiveCount) +
        ', valid values are from 1 to 1000 both inclusive.',
    )
  }
  return JSON.stringify({ deadLetterTargetArn: arn, maxReceiveCount: count })
}

function normaliseRedriveAllowPolicy(raw: string): string {
  let doc: Record<string, unknown>
  try {
    doc = JSON.parse(raw)
  } catch {
    throw invalidAttributeValue('RedriveAllowPolicy')
  }
  const perm = doc?.redrivePermission
  if (perm !== 'allowAll' && perm !== 'denyAll' && perm !== 'byQueue') throw invalidAttributeValue('RedriveAllowPolicy')
  if (
    perm === 'byQueue' &&
    (!Array.isArray(doc.sourceQueueArns) || doc.sourceQueueArns.length < 1 || doc.sourceQueueArns.length > 10)
  ) {
    throw invalidAttributeValue('RedriveAllowPolicy')
  }
  return raw
}

export function redrivePolicy(config: QueueConfig): RedrivePolicy | undefined {
  return config.RedrivePolicy ? (JSON.parse(config.RedrivePolicy) as RedrivePolicy) : undefined
}

/** The attributes as GetQueueAttributes returns them (strings), without the counters. */
export function configAttributes(config: QueueConfig): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(config)) {
    if (v === undefined) continue
    if (k === 'FifoQueue' && !v) continue
    out[k] = String(v)
  }
  return out
}
