// EventBridge rules and targets: PutRule, DescribeRule, ListRules, DeleteRule, EnableRule,
// DisableRule, PutTargets, RemoveTargets, ListTargetsByRule, ListRuleNamesByTarget.
import type {
  DeleteRuleRequest,
  DescribeRuleRequest,
  DescribeRuleResponse,
  DisableRuleRequest,
  EnableRuleRequest,
  ListRuleNamesByTargetRequest,
  ListRuleNamesByTargetResponse,
  ListRulesRequest,
  ListRulesResponse,
  ListTargetsByRuleRequest,
  ListTargetsByRuleResponse,
  PutRuleRequest,
  PutRuleResponse,
  PutTargetsRequest,
  PutTargetsResponse,
  RemoveTargetsRequest,
  RemoveTargetsResponse,
  Target,
} from '@aws-sdk/client-eventbridge'
import { AwsError } from '../../errors.ts'
import type { OperationContext, OperationDefinition } from '../../types.ts'
import { decodeToken, encodeToken, expectStruct, expectType, Violations } from './common.ts'
import { compileEventPattern } from './pattern/index.ts'
import { validScheduleExpression } from './schedule.ts'
import { DEFAULT_BUS, type RuleRecord } from './state.ts'
import type { EventsContext } from './service.ts'

export const RULE_NAME = '[\\.\\-_A-Za-z0-9]+'
const BUS_NAME_OR_ARN = '(arn:aws[\\w-]*:events:[a-z]+-[a-z]+-[\\w-]+:[0-9]{12}:event-bus\\/)?[/\\.\\-_A-Za-z0-9]+'
const MAX_TARGETS_PER_RULE = 5
const MAX_RULES_PER_BUS = 300

type Op<I, O> = OperationDefinition<I, O>

/** authorize() runs before validation: a malformed name must not break it. */
export const safeName = (v: unknown): string => (typeof v === 'string' && v ? v : '*')

function checkRuleName(v: Violations, field: string, name: unknown): void {
  expectType(field, name, 'string')
  v.required(field, name).length(field, name, 1, 64).pattern(field, name, RULE_NAME)
}

function checkBus(v: Violations, field: string, bus: unknown): void {
  expectType(field, bus, 'string')
  v.length(field, bus, 1, 1600).pattern(field, bus, BUS_NAME_OR_ARN)
}

export function ruleArn(ctx: OperationContext, busName: string, name: string): string {
  return `arn:aws:events:${ctx.region}:${ctx.accountId}:rule/${busName === DEFAULT_BUS ? '' : `${busName}/`}${name}`
}

export function ruleOperations(e: EventsContext): Record<string, Op<never, unknown>> {
  const rule = (ctx: OperationContext, name: string, busInput: string | undefined): RuleRecord => {
    const bus = e.bus(ctx, busInput)
    const r = bus.rules.get(name)
    if (!r) throw new AwsError('ResourceNotFoundException', `Rule ${name} does not exist on EventBus ${bus.name}.`, 400)
    return r
  }
  const ruleAuth =
    (action: string) => (input: { Name?: string; Rule?: string; EventBusName?: string }, ctx: OperationContext) => [
      {
        action: `events:${action}`,
        resource: ruleArn(ctx, e.busName(input.EventBusName), safeName(input.Name ?? input.Rule)),
      },
    ]

  const PutRule: Op<PutRuleRequest, Omit<PutRuleResponse, '$metadata'>> = {
    authorize: ruleAuth('PutRule'),
    handler(input, ctx) {
      const v = new Violations()
      checkRuleName(v, 'name', input.Name)
      checkBus(v, 'eventBusName', input.EventBusName)
      for (const [k, f, max] of [
        ['ScheduleExpression', 'scheduleExpression', 256],
        ['EventPattern', 'eventPattern', 4096],
        ['Description', 'description', 512],
        ['RoleArn', 'roleArn', 1600],
      ] as const) {
        expectType(f, input[k], 'string')
        v.length(f, input[k], k === 'RoleArn' ? 1 : 0, max)
      }
      v.oneOf('state', input.State, ['ENABLED', 'DISABLED', 'ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS'])
      v.throwIfAny()
      const bus = e.bus(ctx, input.EventBusName)
      if (!input.EventPattern && !input.ScheduleExpression) {
        throw new AwsError(
          'ValidationException',
          'Parameter(s) EventPattern or ScheduleExpression must be specified.',
          400,
        )
      }
      if (input.ScheduleExpression !== undefined) {
        if (bus.name !== DEFAULT_BUS) {
          throw new AwsError(
            'ValidationException',
            'ScheduleExpression is supported only on the default event bus.',
            400,
          )
        }
        if (!validScheduleExpression(input.ScheduleExpression)) {
          throw new AwsError('ValidationException', 'Parameter ScheduleExpression is not valid.', 400)
        }
      }
      const compiled = input.EventPattern ? compileEventPattern(input.EventPattern) : undefined
      const name = input.Name!
      const existing = bus.rules.get(name)
      if (!existing && bus.rules.size >= MAX_RULES_PER_BUS) {
        throw new AwsError('LimitExceededException', 'The requested resource exceeds the maximum number allowed.', 400)
      }
      bus.rules.set(name, {
        name,
        busName: bus.name,
        eventPattern: input.EventPattern || undefined,
        scheduleExpression: input.ScheduleExpression || undefined,
        state: input.State ?? 'ENABLED',
        description: input.Description,
        roleArn: input.RoleArn,
        createdBy: ctx.accountId,
        targets: existing?.targets ?? [],
        tags: existing ? existing.tags : (input.Tags ?? []),
        compiled,
      })
      e.changed()
      return { RuleArn: ruleArn(ctx, bus.name, name) }
    },
  }

  const describe = (r: RuleRecord, ctx: OperationContext) => ({
    Name: r.name,
    Arn: ruleArn(ctx, r.busName, r.name),
    EventPattern: r.eventPattern,
    ScheduleExpression: r.scheduleExpression,
    State: r.state,
    Description: r.description,
    RoleArn: r.roleArn,
    ManagedBy: r.managedBy,
    EventBusName: r.busName,
  })

  const DescribeRule: Op<DescribeRuleRequest, Omit<DescribeRuleResponse, '$metadata'>> = {
    authorize: ruleAuth('DescribeRule'),
    handler(input, ctx) {
      const v = new Violations()
      checkRuleName(v, 'name', input.Name)
      checkBus(v, 'eventBusName', input.EventBusName)
      v.throwIfAny()
      const r = rule(ctx, input.Name!, input.EventBusName)
      return { ...describe(r, ctx), CreatedBy: r.createdBy }
    },
  }

  const ListRules: Op<ListRulesRequest, Omit<ListRulesResponse, '$metadata'>> = {
    authorize: () => [{ action: 'events:ListRules', resource: '*' }],
    handler(input, ctx) {
      const v = new Violations()
      expectType('namePrefix', input.NamePrefix, 'string')
      v.length('namePrefix', input.NamePrefix, 1, 64).pattern('namePrefix', input.NamePrefix, RULE_NAME)
      checkBus(v, 'eventBusName', input.EventBusName)
      v.range('limit', input.Limit, 1, 100)
      v.throwIfAny()
      const bus = e.bus(ctx, input.EventBusName)
      const all = [...bus.rules.values()]
        .filter((r) => !input.NamePrefix || r.name.startsWith(input.NamePrefix))
        .sort((a, b) => (a.name < b.name ? -1 : 1))
      return page(all, input.NextToken, input.Limit ?? 100, (r) => describe(r, ctx), 'Rules')
    },
  }

  const DeleteRule: Op<DeleteRuleRequest, Record<string, never>> = {
    authorize: ruleAuth('DeleteRule'),
    handler(input, ctx) {
      const v = new Violations()
      checkRuleName(v, 'name', input.Name)
      checkBus(v, 'eventBusName', input.EventBusName)
      v.throwIfAny()
      const bus = e.bus(ctx, input.EventBusName)
      const r = bus.rules.get(input.Name!)
      if (!r) return {}
      if (r.targets.length > 0)
        throw new AwsError('ValidationException', "Rule can't be deleted since it has targets.", 400)
      bus.rules.delete(r.name)
      e.changed()
      return {}
    },
  }

  const setState = (
    state: 'ENABLED' | 'DISABLED',
  ): Op<EnableRuleRequest | DisableRuleRequest, Record<string, never>> => ({
    authorize: ruleAuth(state === 'ENABLED' ? 'EnableRule' : 'DisableRule'),
    handler(input, ctx) {
      const v = new Violations()
      checkRuleName(v, 'name', input.Name)
      checkBus(v, 'eventBusName', input.EventBusName)
      v.throwIfAny()
      rule(ctx, input.Name!, input.EventBusName).state = state
      e.changed()
      return {}
    },
  })

  const PutTargets: Op<PutTargetsRequest, Omit<PutTargetsResponse, '$metadata'>> = {
    authorize: ruleAuth('PutTargets'),
    handler(input, ctx) {
      const v = new Violations()
      checkRuleName(v, 'rule', input.Rule)
      checkBus(v, 'eventBusName', input.EventBusName)
      expectType('targets', input.Targets, 'array')
      v.required('targets', input.Targets).length('targets', input.Targets, 1, 10)
      ;(input.Targets ?? []).forEach((t, i) => {
        expectStruct(`targets.${i + 1}.member`, t)
        const f = `targets.${i + 1}.member`
        expectType(`${f}.id`, t?.Id, 'string')
        expectType(`${f}.arn`, t?.Arn, 'string')
        v.required(`${f}.id`, t?.Id).length(`${f}.id`, t?.Id, 1, 64).pattern(`${f}.id`, t?.Id, RULE_NAME)
        v.required(`${f}.arn`, t?.Arn).length(`${f}.arn`, t?.Arn, 1, 1600)
        v.length(`${f}.input`, t?.Input, 0, 8192).length(`${f}.inputPath`, t?.InputPath, 0, 256)
      })
      v.throwIfAny()
      const r = rule(ctx, input.Rule!, input.EventBusName)
      const targets = input.Targets!
      const ids = new Set<string>()
      for (const t of targets) {
        const modes = [t.Input, t.InputPath, t.InputTransformer].filter((x) => x !== undefined).length
        if (modes > 1) {
          throw new AwsError(
            'ValidationException',
            `Only one of Input, InputPath, or InputTransformer must be provided for target ${t.Id}.`,
            400,
          )
        }
        ids.add(t.Id!)
      }
      const kept = r.targets.filter((t) => !ids.has(t.Id!))
      if (kept.length + targets.length > MAX_TARGETS_PER_RULE) {
        throw new AwsError('LimitExceededException', 'The requested resource exceeds the maximum number allowed.', 400)
      }
      const byId = new Map<string, Target>()
      for (const t of targets) byId.set(t.Id!, JSON.parse(JSON.stringify(t)) as Target)
      r.targets = [...kept, ...byId.values()]
      e.changed()
      return { FailedEntryCount: 0, FailedEntries: [] }
    },
  }

  const RemoveTargets: Op<RemoveTargetsRequest, Omit<RemoveTargetsResponse, '$metadata'>> = {
    authorize: ruleAuth('RemoveTargets'),
    handler(input, ctx) {
      const v = new Violations()
      checkRuleName(v, 'rule', input.Rule)
      checkBus(v, 'eventBusName', input.EventBusName)
      expectType('ids', input.Ids, 'array')
      v.required('ids', input.Ids).length('ids', input.Ids, 1, 100)
      v.throwIfAny()
      const r = rule(ctx, input.Rule!, input.EventBusName)
      const remove = new Set(input.Ids)
      r.targets = r.targets.filter((t) => !remove.has(t.Id!))
      e.changed()
      return { FailedEntryCount: 0, FailedEntries: [] }
    },
  }

  const ListTargetsByRule: Op<ListTargetsByRuleRequest, Omit<ListTargetsByRuleResponse, '$metadata'>> = {
    authorize: ruleAuth('ListTargetsByRule'),
    handler(input, ctx) {
      const v = new Violations()
      checkRuleName(v, 'rule', input.Rule)
      checkBus(v, 'eventBusName', input.EventBusName)
      v.range('limit', input.Limit, 1, 100)
      v.throwIfAny()
      const r = rule(ctx, input.Rule!, input.EventBusName)
      return page(
        r.targets,
        input.NextToken,
        input.Limit ?? 100,
        (t) => JSON.parse(JSON.stringify(t)) as Target,
        'Targets',
      )
    },
  }

  const ListRuleNamesByTarget: Op<ListRuleNamesByTargetRequest, Omit<ListRuleNamesByTargetResponse, '$metadata'>> = {
    authorize: () => [{ action: 'events:ListRuleNamesByTarget', resource: '*' }],
    handler(input, ctx) {
      const v = new Violations()
      expectType('targetArn', input.TargetArn, 'string')
      v.required('targetArn', input.TargetArn).length('targetArn', input.TargetArn, 1, 1600)
      checkBus(v, 'eventBusName', input.EventBusName)
      v.throwIfAny()
      const bus = e.bus(ctx, input.EventBusName)
      const names = [...bus.rules.values()]
        .filter((r) => r.targets.some((t) => t.Arn === input.TargetArn))
        .map((r) => r.name)
      return page(names.sort(), input.NextToken, input.Limit ?? 100, (n) => n, 'RuleNames')
    },
  }

  return {
    PutRule,
    DescribeRule,
    ListRules,
    DeleteRule,
    EnableRule: setState('ENABLED'),
    DisableRule: setState('DISABLED'),
    PutTargets,
    RemoveTargets,
    ListTargetsByRule,
    ListRuleNamesByTarget,
  } as Record<string, Op<never, unknown>>
}

/** One page of a list, with EventBridge's NextToken. */
export function page<T, U, K extends string>(
  all: T[],
  token: string | undefined,
  limit: number,
  map: (t: T) => U,
  key: K,
): { [P in K]: U[] } & { NextToken?: string } {
  const start =
    token === undefined
      ? 0
      : Number(decodeToken(token, () => new AwsError('ValidationException', 'The NextToken provided is invalid.', 400)))
  if (!Number.isInteger(start) || start < 0)
    throw new AwsError('ValidationException', 'The NextToken provided is invalid.', 400)
  const slice = all.slice(start, start + limit)
  const out = { [key]: slice.map(map) } as { [P in K]: U[] } & { NextToken?: string }
  if (start + limit < all.length) out.NextToken = encodeToken(start + limit)
  return out
}
