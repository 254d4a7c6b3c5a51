// PutEvents (per-entry results, the 256 KB request limit, matching rules on the bus) and
// TestEventPattern.
import type {
  PutEventsRequest,
  PutEventsRequestEntry,
  PutEventsResponse,
  PutEventsResultEntry,
  TestEventPatternRequest,
  TestEventPatternResponse,
} from '@aws-sdk/client-eventbridge'
import { AwsError } from '../../errors.ts'
import { list, string, structure, timestamp } from '../../protocol/shapes.ts'
import type { AuthorizationRequirement, OperationContext, OperationDefinition } from '../../types.ts'
import { expectStruct, expectType, isoSeconds, randomId, utf8Length, Violations } from './common.ts'
import { busArn } from './operations-buses.ts'
import { ruleArn } from './operations-rules.ts'
import { compileEventPattern, isEventObject, parseEventJson, patternMatches, type EventValue } from './pattern/index.ts'
import { compiledPattern } from './state.ts'
import type { EventsContext, MatchedRule } from './service.ts'

type Op<I, O> = OperationDefinition<I, O>

/**
 * PutEvents' members, for the JSON codec (an entry's Time travels as epoch seconds). The service
 * checks the constraints itself, in EventBridge's words.
 */
const putEventsInput = structure({
  Entries: list(
    structure({
      Time: timestamp(),
      Source: string(),
      Resources: list(string()),
      DetailType: string(),
      Detail: string(),
      EventBusName: string(),
      TraceHeader: string(),
    }),
  ),
  EndpointId: string(),
})

/** PutEvents accepts at most 256 KB per request, counted as AWS documents it. */
export const MAX_PUT_EVENTS_BYTES = 256 * 1024

/** AWS's entry size: 14 bytes for a Time, plus the UTF-8 bytes of Source, DetailType, Detail and each resource. */
export function entrySize(entry: PutEventsRequestEntry): number {
  let n = entry.Time ? 14 : 0
  for (const s of [entry.Source, entry.DetailType, entry.Detail]) if (typeof s === 'string') n += utf8Length(s)
  for (const r of entry.Resources ?? []) if (typeof r === 'string') n += utf8Length(r)
  return n
}

/** How the Java service prints an entry list in its validation message. */
function javaEntries(entries: PutEventsRequestEntry[]): string {
  const v = (x: unknown) =>
    x === undefined || x === null
      ? 'null'
      : Array.isArray(x)
        ? `[${x.join(', ')}]`
        : x instanceof Date
          ? x.toUTCString()
          : String(x)
  return `[${entries
    .map(
      (e) =>
        `PutEventsRequestEntry(time=${v(e.Time)}, source=${v(e.Source)}, resources=${v(e.Resources)}, detailType=${v(e.DetailType)}, detail=${v(e.Detail)}, eventBusName=${v(e.EventBusName)}, traceHeader=${v(e.TraceHeader)}, kmsKeyIdentifier=null, internalMetadata=null)`,
    )
    .join(', ')}]`
}

const required = (what: string): PutEventsResultEntry => ({
  ErrorCode: 'InvalidArgument',
  ErrorMessage: `Parameter ${what} is not valid. Reason: ${what} is a required argument.`,
})

/** The event as EventBridge delivers it (field order as AWS writes it). */
function envelope(entry: PutEventsRequestEntry, id: string, ctx: OperationContext, detail: string): string {
  const time = entry.Time ? isoSeconds(entry.Time.getTime()) : isoSeconds(ctx.clock.now())
  return (
    `{"version":"0","id":${JSON.stringify(id)},"detail-type":${JSON.stringify(entry.DetailType)},"source":${JSON.stringify(entry.Source)},` +
    `"account":${JSON.stringify(ctx.accountId)},"time":${JSON.stringify(time)},"region":${JSON.stringify(ctx.region)},` +
    `"resources":${JSON.stringify(entry.Resources ?? [])},"detail":${detail}}`
  )
}

export function eventOperations(e: EventsContext): Record<string, Op<never, unknown>> {
  const PutEvents: Op<PutEventsRequest, Omit<PutEventsResponse, '$metadata'>> = {
    input: putEventsInput,
    authorize(input, ctx) {
      const byBus = new Map<string, AuthorizationRequirement>()
      for (const entry of Array.isArray(input.Entries) ? input.Entries : []) {
        const name = e.busName(entry?.EventBusName)
        const req = byBus.get(name) ?? {
          action: 'events:PutEvents',
          resource: busArn(ctx, name),
          context: { 'events:source': [], 'events:detail-type': [] },
        }
        if (typeof entry?.Source === 'string') (req.context!['events:source'] as string[]).push(entry.Source)
        if (typeof entry?.DetailType === 'string')
          (req.context!['events:detail-type'] as string[]).push(entry.DetailType)
        byBus.set(name, req)
      }
      return [...byBus.values()]
    },
    handler(input, ctx) {
      expectType('entries', input.Entries, 'array')
      const entries = input.Entries ?? []
      const v = new Violations()
      v.required('entries', input.Entries)
      if (entries.length > 10 || entries.length === 0) {
        v.list.push({
          field: 'entries',
          value: javaEntries(entries),
          constraint: `Member must have length ${entries.length === 0 ? 'greater than or equal to 1' : 'less than or equal to 10'}`,
        })
      }
      entries.forEach((entry, i) => {
        expectStruct(`entries.${i + 1}.member`, entry)
        for (const k of ['Source', 'DetailType', 'Detail', 'EventBusName', 'TraceHeader'] as const)
          expectType(k, entry[k], 'string')
        expectType('Resources', entry.Resources, 'array')
        if (entry.Time !== undefined && !(entry.Time instanceof Date)) expectType('Time', entry.Time, 'object')
      })
      v.throwIfAny()
      const total = entries.reduce((n, entry) => n + entrySize(entry), 0)
      if (total > MAX_PUT_EVENTS_BYTES) {
        throw new AwsError('ValidationException', 'Total size of the entries in the request is over the limit.', 400)
      }
      const results: PutEventsResultEntry[] = []
      for (const entry of entries) {
        if (!entry.Source) results.push(required('Source'))
        else if (!entry.DetailType) results.push(required('DetailType'))
        else if (!entry.Detail) results.push(required('Detail'))
        else if (entry.Source.startsWith('aws.')) {
          results.push({ ErrorCode: 'NotAuthorizedForSourceException', ErrorMessage: 'Not authorized for the source.' })
        } else {
          let detail: EventValue
          try {
            detail = parseEventJson(entry.Detail)
          } catch {
            results.push({ ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' })
            continue
          }
          if (!isEventObject(detail)) {
            results.push({ ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' })
            continue
          }
          const id = randomId()
          results.push({ EventId: id })
          deliver(ctx, entry, id)
        }
      }
      return { FailedEntryCount: results.filter((r) => r.ErrorCode).length, Entries: results }
    },
  }

  /** Matches the event against the bus's enabled rules and tells the listeners (no bus: dropped, as on AWS). */
  function deliver(ctx: OperationContext, entry: PutEventsRequestEntry, id: string): void {
    const region = e.region(ctx)
    const bus = region.buses.get(e.busName(entry.EventBusName))
    const eventJson = envelope(entry, id, ctx, entry.Detail!)
    const event = parseEventJson(eventJson)
    const matched: MatchedRule[] = []
    if (bus) {
      for (const rule of bus.rules.values()) {
        const pattern = compiledPattern(rule)
        if (rule.state === 'DISABLED' || !pattern) continue
        if (patternMatches(pattern, event)) {
          matched.push({
            ruleArn: ruleArn(ctx, bus.name, rule.name),
            ruleName: rule.name,
            targets: rule.targets.map((t) => JSON.parse(JSON.stringify(t))),
          })
        }
      }
    }
    e.emit({
      eventId: id,
      eventBusName: bus?.name ?? e.busName(entry.EventBusName),
      eventBusArn: busArn(ctx, bus?.name ?? e.busName(entry.EventBusName)),
      accountId: ctx.accountId,
      region: ctx.region,
      event: eventJson,
      matched,
      at: ctx.clock.now(),
    })
  }

  const TestEventPattern: Op<TestEventPatternRequest, Omit<TestEventPatternResponse, '$metadata'>> = {
    authorize: () => [{ action: 'events:TestEventPattern', resource: '*' }],
    handler(input) {
      const v = new Violations()
      expectType('eventPattern', input.EventPattern, 'string')
      expectType('event', input.Event, 'string')
      v.required('eventPattern', input.EventPattern).length('eventPattern', input.EventPattern, 0, 4096)
      v.required('event', input.Event)
      v.throwIfAny()
      const pattern = compileEventPattern(input.EventPattern!)
      let event: EventValue
      try {
        event = parseEventJson(input.Event!)
      } catch {
        throw new AwsError('ValidationException', 'Parameter Event is not valid.', 400)
      }
      const envelopeFields = ['id', 'account', 'source', 'time', 'region', 'detail-type']
      if (
        !isEventObject(event) ||
        envelopeFields.some((f) => typeof (event as Record<string, unknown>)[f] !== 'string')
      ) {
        throw new AwsError('ValidationException', 'Parameter Event is not valid.', 400)
      }
      return { Result: patternMatches(pattern, event) }
    },
  }

  return { PutEvents, TestEventPattern } as Record<string, Op<never, unknown>>
}
