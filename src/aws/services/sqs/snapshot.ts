// SQS state to plain JSON and back. Restore checks everything before anything is replaced, and
// refuses hostile or corrupt input with a clear message.
import { applyAttributes, configAttributes, defaultConfig } from './attributes.ts'
import { Queue, type StoredMessage } from './queue.ts'
import type { RegionQueues } from './service.ts'

export const SNAPSHOT_VERSION = 1
const MAX_QUEUES = 1000
const MAX_MESSAGES_PER_QUEUE = 100_000

function b64(bytes: Uint8Array): string {
  let s = ''
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(s)
}
const unb64 = (s: string) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0))

type Attr = { DataType: string | undefined; StringValue?: string; BinaryValue?: Uint8Array }

function attrsToJson(a: Record<string, Attr> | undefined) {
  if (!a) return undefined
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(a)) {
    out[k] = v.BinaryValue
      ? { DataType: v.DataType, BinaryValue: b64(v.BinaryValue) }
      : { DataType: v.DataType, StringValue: v.StringValue }
  }
  return out
}

export function snapshotQueues(regions: Map<string, RegionQueues>): unknown {
  const out: Record<string, unknown> = {}
  for (const [region, r] of regions) {
    out[region] = [...r.queues.values()].map((q) => ({
      name: q.name,
      accountId: q.accountId,
      attributes: configAttributes(q.config),
      tags: q.tags,
      createdAt: q.createdAt,
      modifiedAt: q.modifiedAt,
      lastPurgeAt: q.lastPurgeAt,
      sequence: q.sequence,
      serial: q.serial,
      dedup: [...q.dedup.entries()],
      messages: [...q.messages.values()].map((m) => ({
        ...m,
        attributes: attrsToJson(m.attributes),
        systemAttributes: attrsToJson(m.systemAttributes),
      })),
    }))
  }
  return { version: SNAPSHOT_VERSION, regions: out }
}

class RestoreError extends Error {
  constructor(message: string) {
    super(`Saved SQS state is not valid: ${message}`)
  }
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const fail = (m: string): never => {
  throw new RestoreError(m)
}
const num = (v: unknown, what: string) =>
  typeof v === 'number' && Number.isFinite(v) ? v : fail(`${what} must be a number`)
const str = (v: unknown, what: string, max = 2048) =>
  typeof v === 'string' && v.length <= max ? v : fail(`${what} must be a string`)
const optStr = (v: unknown, what: string, max?: number) => (v === undefined ? undefined : str(v, what, max))

function attrsFromJson(v: unknown, what: string): Record<string, Attr> | undefined {
  if (v === undefined) return undefined
  if (!isObj(v) || Object.keys(v).length > 10) return fail(`${what} must be a map of at most 10 attributes`)
  const out: Record<string, Attr> = {}
  for (const [k, a] of Object.entries(v)) {
    if (!isObj(a)) fail(`${what}.${k} must be an attribute`)
    const dataType = str((a as Record<string, unknown>).DataType, `${what}.${k}.DataType`, 256)
    const bin = (a as Record<string, unknown>).BinaryValue
    if (bin !== undefined) {
      try {
        out[k] = { DataType: dataType, BinaryValue: unb64(str(bin, `${what}.${k}.BinaryValue`, 2_000_000)) }
      } catch {
        fail(`${what}.${k}.BinaryValue must be base64`)
      }
    } else
      out[k] = {
        DataType: dataType,
        StringValue: str((a as Record<string, unknown>).StringValue, `${what}.${k}.StringValue`, 1_100_000),
      }
  }
  return out
}

function message(v: unknown, q: string): StoredMessage {
  if (!isObj(v)) return fail(`a message of ${q} must be an object`)
  const m: StoredMessage = {
    id: str(v.id, 'message id', 100),
    body: str(v.body, 'message body', 1_100_000),
    md5Body: str(v.md5Body, 'md5Body', 32),
    attributes: attrsFromJson(v.attributes, 'message attributes'),
    md5Attributes: optStr(v.md5Attributes, 'md5Attributes', 32),
    systemAttributes: attrsFromJson(v.systemAttributes, 'system attributes'),
    md5SystemAttributes: optStr(v.md5SystemAttributes, 'md5SystemAttributes', 32),
    senderId: str(v.senderId, 'senderId', 256),
    sentAt: num(v.sentAt, 'sentAt'),
    enqueuedAt: num(v.enqueuedAt, 'enqueuedAt'),
    visibleAt: num(v.visibleAt, 'visibleAt'),
    receiveCount: num(v.receiveCount, 'receiveCount'),
    firstReceiveAt: v.firstReceiveAt === undefined ? undefined : num(v.firstReceiveAt, 'firstReceiveAt'),
    receiptSerial: num(v.receiptSerial, 'receiptSerial'),
    groupId: optStr(v.groupId, 'groupId', 128),
    dedupId: optStr(v.dedupId, 'dedupId', 128),
    sequenceNumber: optStr(v.sequenceNumber, 'sequenceNumber', 40),
    deadLetterSourceArn: optStr(v.deadLetterSourceArn, 'deadLetterSourceArn', 300),
  }
  return m
}

export function restoreQueues(json: unknown): Map<string, RegionQueues> {
  if (!isObj(json) || json.version !== SNAPSHOT_VERSION || !isObj(json.regions)) {
    fail(`expected { version: ${SNAPSHOT_VERSION}, regions: {…} }`)
  }
  const regions = new Map<string, RegionQueues>()
  for (const [region, list] of Object.entries((json as { regions: Record<string, unknown> }).regions)) {
    if (!/^[a-z]{2}(-[a-z]+)+-\d$/.test(region)) fail(`unknown region ${JSON.stringify(region)}`)
    if (!Array.isArray(list) || list.length > MAX_QUEUES)
      fail(`region ${region} must list at most ${MAX_QUEUES} queues`)
    const queues = new Map<string, Queue>()
    for (const v of list as unknown[]) {
      if (!isObj(v)) fail('a queue must be an object')
      const name = str((v as Record<string, unknown>).name, 'queue name', 80)
      if (!/^[A-Za-z0-9_-]{1,80}$/.test(name.replace(/\.fifo$/, '')) || queues.has(name))
        fail(`queue name ${JSON.stringify(name)} is invalid or repeated`)
      const q = v as Record<string, unknown>
      const accountId = str(q.accountId, 'accountId', 12)
      if (!/^\d{12}$/.test(accountId)) fail('accountId must be 12 digits')
      if (!isObj(q.attributes)) fail(`attributes of ${name} must be a map`)
      let config
      try {
        const attrs = { ...(q.attributes as Record<string, string>) }
        delete attrs.FifoQueue
        config = applyAttributes(defaultConfig(name.endsWith('.fifo')), attrs, true)
      } catch (e) {
        fail(`attributes of ${name}: ${(e as Error).message}`)
      }
      const queue = new Queue(name, region, accountId, num(q.createdAt, 'createdAt'), config)
      queue.modifiedAt = num(q.modifiedAt, 'modifiedAt')
      queue.lastPurgeAt = q.lastPurgeAt === undefined ? undefined : num(q.lastPurgeAt, 'lastPurgeAt')
      queue.sequence = num(q.sequence, 'sequence')
      queue.serial = num(q.serial, 'serial')
      if (!isObj(q.tags) || Object.keys(q.tags).length > 50) fail(`tags of ${name} must be a map of at most 50 tags`)
      for (const [k, t] of Object.entries(q.tags as object))
        queue.tags[str(k, 'tag key', 128)] = str(t, 'tag value', 256)
      if (!Array.isArray(q.messages) || q.messages.length > MAX_MESSAGES_PER_QUEUE)
        fail(`messages of ${name} must be a list`)
      for (const m of q.messages as unknown[]) queue.add(message(m, name))
      if (!Array.isArray(q.dedup) || q.dedup.length > MAX_MESSAGES_PER_QUEUE) fail(`dedup of ${name} must be a list`)
      for (const d of q.dedup as unknown[]) {
        if (!Array.isArray(d) || d.length !== 2 || !isObj(d[1])) fail(`dedup of ${name} is malformed`)
        const [k, r] = d as [unknown, Record<string, unknown>]
        queue.dedup.set(str(k, 'dedup key', 300), {
          id: str(r.id, 'dedup id', 100),
          sequenceNumber: str(r.sequenceNumber, 'dedup sequence', 40),
          at: num(r.at, 'dedup time'),
        })
      }
      queues.set(name, queue)
    }
    regions.set(region, { queues, deleted: new Map() })
  }
  return regions
}
