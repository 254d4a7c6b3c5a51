// Test-only: an OperationContext for calling service operations directly (the gateway is not in
// this branch), and a `call` that runs authorize + handler like the gateway would (without IAM).
import { VirtualClock } from '../../../../lambda/public.ts'
import { AwsError } from '../../../errors.ts'
import type { OperationContext, Principal, ServiceDefinition, ServiceId } from '../../../types.ts'

export const ACCOUNT = '123456789012'
export const REGION = 'us-east-1'

export interface TestAccount {
  clock: VirtualClock
  ctx(overrides?: Partial<OperationContext>): OperationContext
  call<T = any>(
    service: ServiceId,
    operation: string,
    input: unknown,
    overrides?: Partial<OperationContext>,
  ): Promise<T>
  /** The error a call throws (fails the test if it succeeds). */
  error(service: ServiceId, operation: string, input: unknown, overrides?: Partial<OperationContext>): Promise<AwsError>
}

export function testAccount(
  services: ServiceDefinition[],
  options: { start?: number; auto?: boolean } = {},
): TestAccount {
  const clock = new VirtualClock({
    start: options.start ?? Date.UTC(2025, 0, 15, 12, 0, 0),
    auto: options.auto ?? false,
  })
  const byId = new Map(services.map((s) => [s.id, s]))
  let seq = 0
  const principal: Principal = {
    kind: 'user',
    arn: `arn:aws:iam::${ACCOUNT}:user/admin`,
    accountId: ACCOUNT,
    name: 'admin',
  }
  const account: TestAccount = {
    clock,
    ctx(overrides = {}) {
      return {
        accountId: ACCOUNT,
        region: REGION,
        clock,
        requestId: `req-${++seq}`,
        principal,
        send: (service, operation, input, opts) =>
          account.call(service, operation, input, opts?.principal ? { principal: opts.principal } : {}),
        ...overrides,
      }
    },
    async call(service, operation, input, overrides) {
      const def = byId.get(service)
      if (!def) throw new Error(`no service ${service} in this test account`)
      const op = def.operations[operation] as unknown as {
        authorize: (i: unknown, c: OperationContext) => unknown
        handler: (i: unknown, c: OperationContext) => unknown
      }
      if (!op) throw new AwsError('UnknownOperationException', `Unknown operation ${operation}`, 400)
      const ctx = account.ctx(overrides)
      const reqs = op.authorize(input, ctx)
      if (!Array.isArray(reqs)) throw new Error(`${service}.${operation}.authorize must return a list`)
      return (await op.handler(input, ctx)) as never
    },
    async error(service, operation, input, overrides) {
      try {
        await account.call(service, operation, input, overrides)
      } catch (e) {
        if (e instanceof AwsError) return e
        throw e
      }
      throw new Error(`${service}.${operation} succeeded; an error was expected`)
    },
  }
  return account
}

/** Malformed inputs every operation must answer with an AwsError (or accept), never a crash. */
export const GARBAGE_INPUTS: Record<string, unknown>[] = [
  {},
  { Name: 5 },
  { Name: {} },
  { Name: 'x'.repeat(100_000) },
  { Name: 'ok', EventBusName: ['x'] },
  { Entries: 'x' },
  { Entries: [null] },
  { Entries: [{ Source: 5 }] },
  { Rule: 'r', Targets: [null] },
  { Rule: 'r', Targets: 'x' },
  { Ids: [5] },
  { QueueUrl: 5 },
  { QueueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/q', Entries: [{}] },
  { QueueName: 'q', Attributes: 'x' },
  { QueueName: 'q', Attributes: { DelaySeconds: 5 } },
  { QueueUrl: 'x', MessageBody: 'b', MessageAttributes: { a: null } },
  { QueueUrl: 'x', MessageBody: 'b', MessageAttributes: { a: { DataType: 5 } } },
  { Bucket: {}, Key: [] },
  { Bucket: 'b', Key: 'k', Body: 5 },
  { Bucket: 'b', Delete: { Objects: 'x' } },
  { Bucket: 'b', Delete: { Objects: [null] } },
  { TopicArn: 1, Message: {} },
  { TopicArn: 'arn:aws:sns:us-east-1:123456789012:t', Message: 'm', MessageAttributes: { a: 'x' } },
  { TopicArn: 'arn:aws:sns:us-east-1:123456789012:t', PublishBatchRequestEntries: [null] },
  { Attributes: { a: 1 } },
  { Tags: 'x' },
  { EventPattern: 5, Event: {} },
]

export async function expectOnlyAwsErrors(
  acct: TestAccount,
  service: ServiceId,
  def: ServiceDefinition,
): Promise<number> {
  let calls = 0
  for (const op of Object.keys(def.operations)) {
    for (const input of GARBAGE_INPUTS) {
      calls++
      try {
        await acct.call(service, op, input)
      } catch (e) {
        if (!(e instanceof AwsError))
          throw new Error(`${service}.${op}(${JSON.stringify(input).slice(0, 80)}) threw ${String(e)}`, { cause: e })
      }
    }
  }
  return calls
}
