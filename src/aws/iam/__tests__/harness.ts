// A minimal stand-in for the gateway: authorise each requirement with the IAM authorizer, then
// run the operation, as the account's gateway will. Tests drive the iam service through it.
import { VirtualClock } from '../../../lambda/public.ts'
import { AwsError } from '../../errors.ts'
import type { OperationContext, Principal } from '../../types.ts'
import { createIam, type Iam } from '../index.ts'
import { ACCOUNT, root } from './helpers.ts'

export function newIam(start = Date.UTC(2026, 0, 15, 12)): Iam & { clock: VirtualClock } {
  const clock = new VirtualClock({ start, auto: false })
  return { ...createIam({ accountId: ACCOUNT, region: 'us-east-1', clock }), clock }
}

let requests = 0

export async function call<O = Record<string, unknown>>(
  iam: Iam & { clock: VirtualClock },
  operation: string,
  input: object,
  principal: Principal = root(),
): Promise<O> {
  const op = iam.definition.operations[operation] as unknown as {
    authorize(i: object, c: OperationContext): { action: string; resource: string; context?: Record<string, string> }[]
    handler(i: object, c: OperationContext): unknown
  }
  if (!op) throw new Error(`no operation ${operation}`)
  const ctx: OperationContext = {
    accountId: ACCOUNT,
    region: 'us-east-1',
    clock: iam.clock,
    requestId: `req-${++requests}`,
    principal,
    send: () => Promise.reject(new Error('not wired in tests')),
  }
  for (const need of op.authorize(input, ctx)) {
    const result = iam.authorizer.authorize({
      ...need,
      principal,
      context: need.context ?? {},
      resourceAccount: ACCOUNT,
    })
    if (!result.allowed) throw result.error('iam')
  }
  return (await op.handler(input, ctx)) as O
}

/** The AwsError a call fails with (or a failed expectation). */
export async function failure(p: Promise<unknown>): Promise<AwsError> {
  try {
    await p
  } catch (e) {
    if (e instanceof AwsError) return e
    throw e
  }
  throw new Error('expected the call to fail')
}

export const trust = (service = 'lambda.amazonaws.com') =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }],
  })
