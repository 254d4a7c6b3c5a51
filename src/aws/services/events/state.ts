// EventBridge's state: event buses (the `default` bus always exists), their rules and targets,
// per region, serialisable to plain JSON and restored with validation.
import type { Target, Tag } from '@aws-sdk/client-eventbridge'
import { compileEventPattern, type CompiledPattern } from './pattern/index.ts'

export interface RuleRecord {
  name: string
  busName: string
  eventPattern?: string
  scheduleExpression?: string
  state: 'ENABLED' | 'DISABLED' | 'ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS'
  description?: string
  roleArn?: string
  managedBy?: string
  createdBy: string
  targets: Target[]
  tags: Tag[]
  /** Compiled lazily from eventPattern (not saved). */
  compiled?: CompiledPattern
}

export interface BusRecord {
  name: string
  description?: string
  kmsKeyIdentifier?: string
  deadLetterArn?: string
  policy?: string
  creationTime: number
  lastModifiedTime: number
  tags: Tag[]
  rules: Map<string, RuleRecord>
}

export interface RegionState {
  buses: Map<string, BusRecord>
}

export const DEFAULT_BUS = 'default'

export function newRegion(now: number): RegionState {
  const buses = new Map<string, BusRecord>()
  buses.set(DEFAULT_BUS, { name: DEFAULT_BUS, creationTime: now, lastModifiedTime: now, tags: [], rules: new Map() })
  return { buses }
}

export function compiledPattern(rule: RuleRecord): CompiledPattern | undefined {
  if (!rule.eventPattern) return undefined
  if (!rule.compiled) rule.compiled = compileEventPattern(rule.eventPattern)
  return rule.compiled
}

// ---- snapshot / restore -------------------------------------------------------------------------

export const SNAPSHOT_VERSION = 1

export function snapshotRegions(regions: Map<string, RegionState>): unknown {
  const out: Record<string, unknown> = {}
  for (const [region, state] of regions) {
    out[region] = [...state.buses.values()].map((b) => ({
      name: b.name,
      description: b.description,
      kmsKeyIdentifier: b.kmsKeyIdentifier,
      deadLetterArn: b.deadLetterArn,
      policy: b.policy,
      creationTime: b.creationTime,
      lastModifiedTime: b.lastModifiedTime,
      tags: b.tags,
      rules: [...b.rules.values()].map(({ compiled: _compiled, ...rule }) => rule),
    }))
  }
  return { version: SNAPSHOT_VERSION, regions: out }
}

class RestoreError extends Error {
  constructor(message: string) {
    super(`Saved EventBridge state is not valid: ${message}`)
  }
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const optString = (v: unknown, what: string, max = 1_000_000) => {
  if (v !== undefined && (typeof v !== 'string' || v.length > max)) throw new RestoreError(`${what} must be a string`)
  return v as string | undefined
}
const str = (v: unknown, what: string, max = 1600) => {
  if (typeof v !== 'string' || v.length === 0 || v.length > max)
    throw new RestoreError(`${what} must be a non-empty string`)
  return v
}
const num = (v: unknown, what: string) => {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new RestoreError(`${what} must be a number`)
  return v
}
const tags = (v: unknown, what: string): Tag[] => {
  if (v === undefined) return []
  if (!Array.isArray(v) || v.length > 50) throw new RestoreError(`${what} must be a list of at most 50 tags`)
  return v.map((t) => {
    if (!isObj(t)) throw new RestoreError(`${what} must hold {Key, Value} tags`)
    return { Key: str(t.Key, `${what} key`, 128), Value: optString(t.Value, `${what} value`, 256) ?? '' }
  })
}

/** Validates saved state completely before anything is replaced; throws a clear Error. */
export function restoreRegions(json: unknown): Map<string, RegionState> {
  if (!isObj(json) || json.version !== SNAPSHOT_VERSION || !isObj(json.regions)) {
    throw new RestoreError(`expected { version: ${SNAPSHOT_VERSION}, regions: {…} }`)
  }
  const regions = new Map<string, RegionState>()
  for (const [region, buses] of Object.entries(json.regions)) {
    if (!/^[a-z]{2}(-[a-z]+)+-\d$/.test(region)) throw new RestoreError(`unknown region ${JSON.stringify(region)}`)
    if (!Array.isArray(buses) || buses.length > 101)
      throw new RestoreError(`region ${region} must list at most 101 buses`)
    const map = new Map<string, BusRecord>()
    for (const b of buses) {
      if (!isObj(b)) throw new RestoreError('a bus must be an object')
      const name = str(b.name, 'bus name', 256)
      if (map.has(name)) throw new RestoreError(`bus ${name} appears twice`)
      if (!Array.isArray(b.rules) || b.rules.length > 300)
        throw new RestoreError(`bus ${name} must list at most 300 rules`)
      const rules = new Map<string, RuleRecord>()
      for (const r of b.rules) {
        if (!isObj(r)) throw new RestoreError(`a rule of bus ${name} must be an object`)
        const ruleName = str(r.name, 'rule name', 64)
        if (!['ENABLED', 'DISABLED', 'ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS'].includes(r.state as string)) {
          throw new RestoreError(`rule ${ruleName} has an unknown state`)
        }
        if (!Array.isArray(r.targets) || r.targets.length > 5)
          throw new RestoreError(`rule ${ruleName} must list at most 5 targets`)
        const rule: RuleRecord = {
          name: ruleName,
          busName: name,
          eventPattern: optString(r.eventPattern, `event pattern of ${ruleName}`, 4096),
          scheduleExpression: optString(r.scheduleExpression, `schedule of ${ruleName}`, 256),
          state: r.state as RuleRecord['state'],
          description: optString(r.description, 'description', 512),
          roleArn: optString(r.roleArn, 'role ARN', 1600),
          managedBy: optString(r.managedBy, 'managedBy', 128),
          createdBy: str(r.createdBy, 'createdBy', 12),
          targets: r.targets.map((t) => {
            if (!isObj(t)) throw new RestoreError(`a target of ${ruleName} must be an object`)
            str(t.Id, 'target id', 64)
            str(t.Arn, 'target ARN', 1600)
            return JSON.parse(JSON.stringify(t)) as Target
          }),
          tags: tags(r.tags, `tags of rule ${ruleName}`),
        }
        if (rule.eventPattern) {
          try {
            rule.compiled = compileEventPattern(rule.eventPattern)
          } catch (e) {
            throw new RestoreError(`rule ${ruleName}: ${(e as Error).message}`)
          }
        }
        rules.set(ruleName, rule)
      }
      map.set(name, {
        name,
        description: optString(b.description, 'description', 512),
        kmsKeyIdentifier: optString(b.kmsKeyIdentifier, 'KMS key', 2048),
        deadLetterArn: optString(b.deadLetterArn, 'dead-letter ARN', 1600),
        policy: optString(b.policy, 'policy', 20480),
        creationTime: num(b.creationTime, 'creationTime'),
        lastModifiedTime: num(b.lastModifiedTime, 'lastModifiedTime'),
        tags: tags(b.tags, `tags of bus ${name}`),
        rules,
      })
    }
    if (!map.has(DEFAULT_BUS)) throw new RestoreError(`region ${region} has no default bus`)
    regions.set(region, { buses: map })
  }
  return regions
}
