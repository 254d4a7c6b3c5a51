// The EventBridge service (awsJson1_1, target prefix AWSEvents, IAM prefix `events`).
//
//   const events = createEventsService()
//   events.definition            // the ServiceDefinition the gateway routes to
//   events.onEvent(listener)     // every accepted PutEvents entry, with the rules it matched and their targets
//   events.snapshot() / events.restore(json)
import type { Target } from '@aws-sdk/client-eventbridge'
import { AwsError } from '../../errors.ts'
import type { OperationContext, ServiceDefinition } from '../../types.ts'
import { busOperations } from './operations-buses.ts'
import { eventOperations } from './operations-events.ts'
import { ruleOperations } from './operations-rules.ts'
import { DEFAULT_BUS, newRegion, restoreRegions, snapshotRegions, type BusRecord, type RegionState } from './state.ts'

export interface MatchedRule {
  ruleArn: string
  ruleName: string
  targets: Target[]
}

/** What the next issue's delivery needs: the event as delivered (JSON text) and who should get it. */
export interface EventDelivery {
  eventId: string
  eventBusName: string
  eventBusArn: string
  accountId: string
  region: string
  /** The full event envelope, JSON text (version, id, detail-type, source, account, time, region, resources, detail). */
  event: string
  matched: MatchedRule[]
  /** Virtual time of the PutEvents call. */
  at: number
}

export interface EventsContext {
  region(ctx: OperationContext): RegionState
  /** The bus named (or given by ARN), or ResourceNotFoundException. Undefined means `default`. */
  bus(ctx: OperationContext, nameOrArn: string | undefined): BusRecord
  busName(nameOrArn: string | undefined): string
  changed(): void
  emit(delivery: EventDelivery): void
}

export interface EventsService {
  readonly definition: ServiceDefinition
  onEvent(listener: (delivery: EventDelivery) => void): () => void
  /** Called after every change of state (for the playground's autosave). */
  onChange(listener: () => void): () => void
  snapshot(): unknown
  restore(json: unknown): void
}

export function createEventsService(): EventsService {
  let regions = new Map<string, RegionState>()
  const eventListeners = new Set<(d: EventDelivery) => void>()
  const changeListeners = new Set<() => void>()

  const busName = (nameOrArn: string | undefined): string => {
    if (!nameOrArn || typeof nameOrArn !== 'string') return DEFAULT_BUS
    const at = nameOrArn.indexOf(':event-bus/')
    return nameOrArn.startsWith('arn:') && at >= 0 ? nameOrArn.slice(at + ':event-bus/'.length) : nameOrArn
  }
  const e: EventsContext = {
    region(ctx) {
      let r = regions.get(ctx.region)
      if (!r) regions.set(ctx.region, (r = newRegion(ctx.clock.now())))
      return r
    },
    bus(ctx, nameOrArn) {
      const name = busName(nameOrArn)
      const bus = e.region(ctx).buses.get(name)
      if (!bus) throw new AwsError('ResourceNotFoundException', `Event bus ${name} does not exist.`, 400)
      return bus
    },
    busName,
    changed() {
      for (const l of changeListeners) l()
    },
    emit(delivery) {
      for (const l of eventListeners) l(delivery)
    },
  }

  const definition: ServiceDefinition = {
    id: 'events',
    signingName: 'events',
    actionPrefix: 'events',
    protocol: 'awsJson1_1',
    targetPrefix: 'AWSEvents',
    operations: { ...busOperations(e), ...ruleOperations(e), ...eventOperations(e) },
    resourcePolicy(arn) {
      const m = /^arn:aws:events:([^:]+):\d{12}:event-bus\/(.+)$/.exec(arn)
      return (m && regions.get(m[1])?.buses.get(m[2])?.policy) || undefined
    },
  }

  return {
    definition,
    onEvent(listener) {
      eventListeners.add(listener)
      return () => eventListeners.delete(listener)
    },
    onChange(listener) {
      changeListeners.add(listener)
      return () => changeListeners.delete(listener)
    },
    snapshot: () => snapshotRegions(regions),
    restore(json) {
      regions = restoreRegions(json)
      e.changed()
    },
  }
}
