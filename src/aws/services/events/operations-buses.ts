// EventBridge event buses and their resource policies: CreateEventBus, DescribeEventBus,
// ListEventBuses, DeleteEventBus, PutPermission, RemovePermission.
import type {
  CreateEventBusRequest,
  CreateEventBusResponse,
  DeleteEventBusRequest,
  DescribeEventBusRequest,
  DescribeEventBusResponse,
  ListEventBusesRequest,
  ListEventBusesResponse,
  PutPermissionRequest,
  RemovePermissionRequest,
} from '@aws-sdk/client-eventbridge'
import { AwsError } from '../../errors.ts'
import type { OperationContext, OperationDefinition } from '../../types.ts'
import { expectType, Violations } from './common.ts'
import { page, safeName } from './operations-rules.ts'
import { DEFAULT_BUS, type BusRecord } from './state.ts'
import type { EventsContext } from './service.ts'

type Op<I, O> = OperationDefinition<I, O>
const BUS_NAME = '[/\\.\\-_A-Za-z0-9]+'
const MAX_BUSES = 100

export function busArn(ctx: OperationContext, name: string): string {
  return `arn:aws:events:${ctx.region}:${ctx.accountId}:event-bus/${name}`
}

interface PolicyDocument {
  Version: string
  Statement: Array<Record<string, unknown> & { Sid?: string }>
}

export function busOperations(e: EventsContext): Record<string, Op<never, unknown>> {
  const busAuth = (action: string) => (input: { Name?: string; EventBusName?: string }, ctx: OperationContext) => [
    { action: `events:${action}`, resource: busArn(ctx, safeName(e.busName(input.Name ?? input.EventBusName))) },
  ]

  const CreateEventBus: Op<CreateEventBusRequest, Omit<CreateEventBusResponse, '$metadata'>> = {
    authorize: busAuth('CreateEventBus'),
    handler(input, ctx) {
      const v = new Violations()
      expectType('name', input.Name, 'string')
      expectType('description', input.Description, 'string')
      v.required('name', input.Name).length('name', input.Name, 1, 256).pattern('name', input.Name, BUS_NAME)
      v.length('description', input.Description, 0, 512)
      v.throwIfAny()
      const region = e.region(ctx)
      const name = input.Name!
      if (region.buses.has(name)) {
        throw new AwsError('ResourceAlreadyExistsException', `Event bus ${name} already exists.`, 400)
      }
      if (name.startsWith('aws.')) {
        throw new AwsError(
          'ResourceNotFoundException',
          `Event source ${input.EventSourceName ?? name} does not exist.`,
          400,
        )
      }
      if (name.includes('/')) {
        throw new AwsError('ValidationException', `Event bus name must not contain '/'.`, 400)
      }
      if (region.buses.size >= MAX_BUSES) {
        throw new AwsError('LimitExceededException', 'The requested resource exceeds the maximum number allowed.', 400)
      }
      const now = ctx.clock.now()
      region.buses.set(name, {
        name,
        description: input.Description,
        kmsKeyIdentifier: input.KmsKeyIdentifier,
        deadLetterArn: input.DeadLetterConfig?.Arn,
        creationTime: now,
        lastModifiedTime: now,
        tags: input.Tags ?? [],
        rules: new Map(),
      })
      e.changed()
      return {
        EventBusArn: busArn(ctx, name),
        Description: input.Description,
        KmsKeyIdentifier: input.KmsKeyIdentifier,
        DeadLetterConfig: input.DeadLetterConfig,
      }
    },
  }

  const summary = (b: BusRecord, ctx: OperationContext) => ({
    Name: b.name,
    Arn: busArn(ctx, b.name),
    Description: b.description,
    Policy: b.policy,
    CreationTime: new Date(b.creationTime),
    LastModifiedTime: new Date(b.lastModifiedTime),
  })

  const DescribeEventBus: Op<DescribeEventBusRequest, Omit<DescribeEventBusResponse, '$metadata'>> = {
    authorize: busAuth('DescribeEventBus'),
    handler(input, ctx) {
      const v = new Violations()
      expectType('name', input.Name, 'string')
      v.length('name', input.Name, 1, 1600)
      v.throwIfAny()
      const b = e.bus(ctx, input.Name)
      return {
        ...summary(b, ctx),
        KmsKeyIdentifier: b.kmsKeyIdentifier,
        DeadLetterConfig: b.deadLetterArn ? { Arn: b.deadLetterArn } : undefined,
      }
    },
  }

  const ListEventBuses: Op<ListEventBusesRequest, Omit<ListEventBusesResponse, '$metadata'>> = {
    authorize: () => [{ action: 'events:ListEventBuses', resource: '*' }],
    handler(input, ctx) {
      const v = new Violations()
      expectType('namePrefix', input.NamePrefix, 'string')
      v.length('namePrefix', input.NamePrefix, 1, 256).pattern('namePrefix', input.NamePrefix, '[\\.\\-_A-Za-z0-9]+')
      v.range('limit', input.Limit, 1, 100)
      v.throwIfAny()
      const all = [...e.region(ctx).buses.values()]
        .filter((b) => !input.NamePrefix || b.name.startsWith(input.NamePrefix))
        .sort((a, b) => (a.name < b.name ? -1 : 1))
      return page(all, input.NextToken, input.Limit ?? 100, (b) => summary(b, ctx), 'EventBuses')
    },
  }

  const DeleteEventBus: Op<DeleteEventBusRequest, Record<string, never>> = {
    authorize: busAuth('DeleteEventBus'),
    handler(input, ctx) {
      const v = new Violations()
      expectType('name', input.Name, 'string')
      v.required('name', input.Name).length('name', input.Name, 1, 256).pattern('name', input.Name, BUS_NAME)
      v.throwIfAny()
      if (input.Name === DEFAULT_BUS) throw new AwsError('ValidationException', 'Cannot delete event bus default.', 400)
      const region = e.region(ctx)
      if (!region.buses.delete(input.Name!)) {
        throw new AwsError('ResourceNotFoundException', `Event bus ${input.Name} does not exist.`, 400)
      }
      e.changed()
      return {}
    },
  }

  const policyOf = (b: BusRecord): PolicyDocument =>
    b.policy ? (JSON.parse(b.policy) as PolicyDocument) : { Version: '2012-10-17', Statement: [] }

  const PutPermission: Op<PutPermissionRequest, Record<string, never>> = {
    authorize: busAuth('PutPermission'),
    handler(input, ctx) {
      const v = new Violations()
      for (const k of ['EventBusName', 'Action', 'Principal', 'StatementId', 'Policy'] as const)
        expectType(k, input[k], 'string')
      v.length('statementId', input.StatementId, 1, 64).pattern('statementId', input.StatementId, '[a-zA-Z0-9-_]+')
      v.length('principal', input.Principal, 1, 12).pattern('principal', input.Principal, '(\\d{12}|\\*)')
      v.length('action', input.Action, 1, 64).pattern('action', input.Action, 'events:[a-zA-Z]+')
      v.throwIfAny()
      const b = e.bus(ctx, input.EventBusName)
      if (input.Policy !== undefined) {
        let doc: unknown
        try {
          doc = JSON.parse(input.Policy)
        } catch {
          throw new AwsError('InvalidParameterValue', 'The policy is not valid JSON.', 400)
        }
        if (!doc || typeof doc !== 'object' || !Array.isArray((doc as PolicyDocument).Statement)) {
          throw new AwsError('InvalidParameterValue', 'The policy must contain a Statement list.', 400)
        }
        b.policy = input.Policy
      } else {
        if (!input.StatementId || !input.Principal || !input.Action) {
          throw new AwsError(
            'ValidationException',
            'Parameter(s) StatementId, Principal and Action must be specified.',
            400,
          )
        }
        const doc = policyOf(b)
        doc.Statement = doc.Statement.filter((s) => s.Sid !== input.StatementId)
        doc.Statement.push({
          Sid: input.StatementId,
          Effect: 'Allow',
          Principal: input.Principal === '*' ? '*' : { AWS: `arn:aws:iam::${input.Principal}:root` },
          Action: input.Action,
          Resource: busArn(ctx, b.name),
          ...(input.Condition
            ? { Condition: { StringEquals: { [input.Condition.Key!]: input.Condition.Value } } }
            : {}),
        })
        b.policy = JSON.stringify(doc)
      }
      b.lastModifiedTime = ctx.clock.now()
      e.changed()
      return {}
    },
  }

  const RemovePermission: Op<RemovePermissionRequest, Record<string, never>> = {
    authorize: busAuth('RemovePermission'),
    handler(input, ctx) {
      const v = new Violations()
      expectType('statementId', input.StatementId, 'string')
      v.length('statementId', input.StatementId, 1, 64).pattern('statementId', input.StatementId, '[a-zA-Z0-9-_]+')
      v.throwIfAny()
      const b = e.bus(ctx, input.EventBusName)
      if (input.RemoveAllPermissions) {
        b.policy = undefined
      } else {
        const doc = policyOf(b)
        const kept = doc.Statement.filter((s) => s.Sid !== input.StatementId)
        if (kept.length === doc.Statement.length) {
          throw new AwsError('ResourceNotFoundException', 'Statement with the provided id does not exist.', 400)
        }
        b.policy = kept.length ? JSON.stringify({ ...doc, Statement: kept }) : undefined
      }
      b.lastModifiedTime = ctx.clock.now()
      e.changed()
      return {}
    },
  }

  return {
    CreateEventBus,
    DescribeEventBus,
    ListEventBuses,
    DeleteEventBus,
    PutPermission,
    RemovePermission,
  } as Record<string, Op<never, unknown>>
}
