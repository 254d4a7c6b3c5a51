// SNS state to plain JSON and back; restore validates everything first and refuses bad input clearly.
import { checkFilterPolicy } from './operations-subscriptions.ts'
import { parseTopicArn, type RegionState, type SubscriptionRecord, type TopicRecord } from './model.ts'
import type { FilterPolicyScope } from './filter-policy.ts'

export const SNAPSHOT_VERSION = 1

export function snapshotRegions(regions: Map<string, RegionState>): unknown {
  const out: Record<string, unknown> = {}
  for (const [region, r] of regions) {
    out[region] = {
      topics: [...r.topics.values()].map((t) => ({ ...t, dedup: [...t.dedup.entries()] })),
      subscriptions: [...r.subscriptions.values()].map(({ compiled: _compiled, ...sub }) => sub),
    }
  }
  return { version: SNAPSHOT_VERSION, regions: out }
}

class RestoreError extends Error {
  constructor(message: string) {
    super(`Saved SNS state is not valid: ${message}`)
  }
}
const fail = (m: string): never => {
  throw new RestoreError(m)
}
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const str = (v: unknown, what: string, max = 300_000) =>
  typeof v === 'string' && v.length <= max ? v : fail(`${what} must be a string`)
const num = (v: unknown, what: string) =>
  typeof v === 'number' && Number.isFinite(v) ? v : fail(`${what} must be a number`)
function stringMap(v: unknown, what: string): Record<string, string> {
  if (!isObj(v) || Object.keys(v).length > 100) fail(`${what} must be a map of strings`)
  const out: Record<string, string> = {}
  for (const [k, x] of Object.entries(v as object)) out[str(k, `${what} key`, 256)] = str(x, `${what}.${k}`)
  return out
}

export function restoreRegions(json: unknown): Map<string, RegionState> {
  if (!isObj(json) || json.version !== SNAPSHOT_VERSION || !isObj(json.regions))
    fail(`expected { version: ${SNAPSHOT_VERSION}, regions: {…} }`)
  const regions = new Map<string, RegionState>()
  for (const [region, r] of Object.entries((json as { regions: Record<string, unknown> }).regions)) {
    if (!/^[a-z]{2}(-[a-z]+)+-\d$/.test(region)) fail(`unknown region ${JSON.stringify(region)}`)
    if (!isObj(r) || !Array.isArray(r.topics) || !Array.isArray(r.subscriptions))
      fail(`region ${region} must hold topics and subscriptions`)
    const { topics, subscriptions } = r as { topics: unknown[]; subscriptions: unknown[] }
    if (topics.length > 10_000 || subscriptions.length > 100_000)
      fail(`region ${region} holds too many topics or subscriptions`)
    const state: RegionState = { topics: new Map(), subscriptions: new Map() }
    for (const t of topics) {
      if (!isObj(t)) fail('a topic must be an object')
      const tt = t as Record<string, unknown>
      const arn = str(tt.arn, 'topic ARN', 300)
      const parsed = parseTopicArn(arn)
      if (!parsed || parsed.region !== region) fail(`topic ARN ${JSON.stringify(arn)} is not valid for ${region}`)
      if (!Array.isArray(tt.tags) || tt.tags.length > 50) fail(`tags of ${arn} must be a list of at most 50`)
      if (!Array.isArray(tt.dedup) || tt.dedup.length > 100_000) fail(`dedup of ${arn} must be a list`)
      const topic: TopicRecord = {
        name: parsed!.name,
        arn,
        accountId: parsed!.accountId,
        attributes: stringMap(tt.attributes, `attributes of ${arn}`),
        tags: (tt.tags as unknown[]).map((x) =>
          isObj(x)
            ? { Key: str(x.Key, 'tag key', 128), Value: str(x.Value, 'tag value', 256) }
            : fail('a tag must be an object'),
        ),
        createdAt: num(tt.createdAt, 'createdAt'),
        dedup: new Map(
          (tt.dedup as unknown[]).map((d) => {
            if (!Array.isArray(d) || d.length !== 2 || !isObj(d[1])) return fail(`dedup of ${arn} is malformed`)
            const rec = d[1] as Record<string, unknown>
            return [
              str(d[0], 'dedup id', 128),
              {
                messageId: str(rec.messageId, 'messageId', 64),
                sequenceNumber: str(rec.sequenceNumber, 'sequenceNumber', 40),
                at: num(rec.at, 'at'),
              },
            ]
          }),
        ),
        sequence: num(tt.sequence, 'sequence'),
      }
      state.topics.set(arn, topic)
    }
    for (const x of subscriptions) {
      if (!isObj(x)) fail('a subscription must be an object')
      const xs = x as Record<string, unknown>
      const sub: SubscriptionRecord = {
        arn: str(xs.arn, 'subscription ARN', 400),
        topicArn: str(xs.topicArn, 'topic ARN', 300),
        protocol: str(xs.protocol, 'protocol', 20),
        endpoint: str(xs.endpoint, 'endpoint', 2048),
        owner: str(xs.owner, 'owner', 12),
        principal: str(xs.principal, 'principal', 400),
        pending: xs.pending === true,
        token: xs.token === undefined ? undefined : str(xs.token, 'token', 256),
        attributes: stringMap(xs.attributes, 'subscription attributes'),
      }
      if (!state.topics.has(sub.topicArn)) fail(`subscription ${sub.arn} names a topic that does not exist`)
      if (sub.attributes.FilterPolicy) {
        try {
          checkFilterPolicy(
            sub.attributes.FilterPolicy,
            (sub.attributes.FilterPolicyScope ?? 'MessageAttributes') as FilterPolicyScope,
          )
        } catch (e) {
          fail(`filter policy of ${sub.arn}: ${(e as Error).message}`)
        }
      }
      state.subscriptions.set(sub.arn, sub)
    }
    regions.set(region, state)
  }
  return regions
}
