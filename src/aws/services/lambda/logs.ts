// CloudWatch Logs as the account's `logs` service (awsJson1_1, `Logs_20140328`, IAM prefix `logs`),
// backed by the Lambda engine's log store: functions' log groups and streams, and groups created
// through the API. What a function's role must allow for its logs to reach here is decided when an
// environment starts (see attach.ts and the engine's `LogsDenied` event).
import type { Lambda } from '../../../lambda/index.ts'
import { LambdaServiceException } from '../../../lambda/index.ts'
import { AwsError } from '../../errors.ts'
import { boolean, integer, list, string, structure, type StructureShape } from '../../protocol/shapes.ts'
import type { AuthorizationRequirement, OperationDefinition, ServiceDefinition } from '../../types.ts'
import type { ServiceModule } from '../../account.ts'

const GROUP_NAME = string({
  required: true,
  min: 1,
  max: 512,
  pattern: { source: '[\\.\\-_/#A-Za-z0-9]+', test: (s) => /^[.\-_/#A-Za-z0-9]+$/.test(s) },
})
const STREAM_NAME = string({ min: 1, max: 512 })

const SHAPES: Record<string, StructureShape> = {
  CreateLogGroup: structure({ logGroupName: GROUP_NAME, kmsKeyId: string(), logGroupClass: string() }),
  DeleteLogGroup: structure({ logGroupName: GROUP_NAME }),
  DescribeLogGroups: structure({
    logGroupNamePrefix: string({ min: 1, max: 512 }),
    nextToken: string(),
    limit: integer({ min: 1, max: 50 }),
  }),
  DescribeLogStreams: structure({
    logGroupName: GROUP_NAME,
    logStreamNamePrefix: STREAM_NAME,
    orderBy: string({ enum: ['LogStreamName', 'LastEventTime'] }),
    descending: boolean(),
    nextToken: string(),
    limit: integer({ min: 1, max: 50 }),
  }),
  GetLogEvents: structure({
    logGroupName: GROUP_NAME,
    logStreamName: string({ required: true, min: 1, max: 512 }),
    startTime: integer({ min: 0 }),
    endTime: integer({ min: 0 }),
    nextToken: string(),
    limit: integer({ min: 1, max: 10_000 }),
    startFromHead: boolean(),
  }),
  FilterLogEvents: structure({
    logGroupName: GROUP_NAME,
    logStreamNames: list(STREAM_NAME, { min: 1, max: 100 }),
    logStreamNamePrefix: STREAM_NAME,
    startTime: integer({ min: 0 }),
    endTime: integer({ min: 0 }),
    filterPattern: string({ max: 1024 }),
    nextToken: string(),
    limit: integer({ min: 1, max: 10_000 }),
  }),
}

const notFound = () => new AwsError('ResourceNotFoundException', 'The specified log group does not exist.', 400)

/** The engine's not-found errors in CloudWatch Logs' words and status (400). */
async function logsCall<T>(f: () => T | Promise<T>): Promise<T> {
  try {
    return await f()
  } catch (e) {
    if (e instanceof LambdaServiceException) throw new AwsError(e.name, e.message, 400)
    throw e
  }
}

/** Strip the simulator's `platform` flag from events (CloudWatch has no such field). */
function plain<E extends { platform?: true }>(events: E[]): Omit<E, 'platform'>[] {
  return events.map(({ platform: _p, ...rest }) => rest)
}

export function createLogsService(options: { engine: Lambda; accountId: string; region: string }): ServiceModule {
  const { engine, accountId, region } = options
  const groupArn = (name: string) => `arn:aws:logs:${region}:${accountId}:log-group:${name}`
  const on =
    (action: string) =>
    (input: { logGroupName?: string }): AuthorizationRequirement[] => [
      { action: `logs:${action}`, resource: `${groupArn(input.logGroupName ?? '')}:*` },
    ]
  const op = <I>(d: Omit<OperationDefinition<I, unknown>, 'input'>, name: string) =>
    ({ ...d, input: SHAPES[name], latencyMs: () => 20 }) as unknown as OperationDefinition<never, unknown>

  const operations: Record<string, OperationDefinition<never, unknown>> = {
    CreateLogGroup: op(
      {
        authorize: on('CreateLogGroup'),
        handler(input: { logGroupName: string }) {
          if (!engine.createLogGroup(input.logGroupName))
            throw new AwsError('ResourceAlreadyExistsException', 'The specified log group already exists', 400)
          return {}
        },
      },
      'CreateLogGroup',
    ),
    DeleteLogGroup: op(
      {
        authorize: on('DeleteLogGroup'),
        handler(input: { logGroupName: string }) {
          if (!engine.deleteLogGroup(input.logGroupName)) throw notFound()
          return {}
        },
      },
      'DeleteLogGroup',
    ),
    DescribeLogGroups: op(
      {
        authorize: () => [{ action: 'logs:DescribeLogGroups', resource: `${groupArn('*')}` }],
        handler(input: { logGroupNamePrefix?: string; limit?: number; nextToken?: string }) {
          const all = engine.describeLogGroups(input.logGroupNamePrefix)
          const start = input.nextToken ? Number(/^g\/(\d{1,9})$/.exec(input.nextToken)?.[1] ?? NaN) : 0
          if (!Number.isInteger(start))
            throw new AwsError('InvalidParameterException', 'The specified nextToken is invalid.', 400)
          const limit = input.limit ?? 50
          const page = all.slice(start, start + limit)
          return {
            logGroups: page.map((g) => ({
              logGroupName: g.logGroupName,
              creationTime: g.creationTime,
              metricFilterCount: 0,
              arn: g.arn,
              storedBytes: g.storedBytes,
              logGroupClass: 'STANDARD',
              logGroupArn: groupArn(g.logGroupName),
            })),
            ...(start + limit < all.length ? { nextToken: `g/${start + limit}` } : {}),
          }
        },
      },
      'DescribeLogGroups',
    ),
    DescribeLogStreams: op(
      {
        authorize: on('DescribeLogStreams'),
        handler: (input: never) => logsCall(() => engine.describeLogStreams(input)),
      },
      'DescribeLogStreams',
    ),
    GetLogEvents: op(
      {
        authorize: (input: { logGroupName: string; logStreamName: string }) => [
          {
            action: 'logs:GetLogEvents',
            resource: `${groupArn(input.logGroupName)}:log-stream:${input.logStreamName}`,
          },
        ],
        async handler(input: never) {
          const out = await logsCall(() => engine.getLogEvents(input))
          return { ...out, events: plain(out.events) }
        },
      },
      'GetLogEvents',
    ),
    FilterLogEvents: op(
      {
        authorize: on('FilterLogEvents'),
        async handler(input: never) {
          const out = await logsCall(() => engine.filterLogEvents(input))
          return { ...out, events: plain(out.events) }
        },
      },
      'FilterLogEvents',
    ),
  }

  const definition: ServiceDefinition = {
    id: 'logs',
    signingName: 'logs',
    actionPrefix: 'logs',
    protocol: 'awsJson1_1',
    targetPrefix: 'Logs_20140328',
    errorNamespace: 'com.amazonaws.cloudwatchlogs',
    // CloudWatch Logs words shape violations as "1 validation error detected: …" under this name.
    validationErrorName: 'InvalidParameterException',
    operations,
  }
  return { definition }
}
