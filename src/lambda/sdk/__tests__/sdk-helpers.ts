// Test helpers: a Lambda engine inside a simulated account, as the course runs it: handlers'
// requests go to the account's network (src/aws/network.ts), and each environment gets the
// credentials of its function's execution role, issued by the account (attachLambda).
import { attachLambda, createAccount, createNetwork, type Account } from '../../../aws/index.ts'
import type { Lambda, LambdaOptions } from '../../index.ts'
import type { HostNetwork, HttpIoRequest, IoCaller } from '../../index.ts'

export const policy = (...statements: Record<string, unknown>[]) =>
  JSON.stringify({ Version: '2012-10-17', Statement: statements })

/** A trust policy that lets Lambda assume the role. */
const trustService = () =>
  policy({ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' })

/** A network that remembers every request it was given (the tests read the SDK's headers). */
export interface RecordingNetwork extends HostNetwork {
  readonly seen: { request: HttpIoRequest; caller: IoCaller }[]
}

/** The account's network (AWS endpoints to its requestHandler), recording what it was sent. */
export function accountNetwork(aws: Account): RecordingNetwork {
  const inner = createNetwork({ account: aws })
  const seen: RecordingNetwork['seen'] = []
  return {
    seen,
    request(kind, request, caller) {
      seen.push({ request, caller })
      return inner.request(kind, request, caller)
    },
  }
}

export interface Wired {
  aws: Account
  lambda: Lambda
  network: RecordingNetwork
}

export async function wired(options: Omit<LambdaOptions, 'credentials' | 'cloudWatchLogs'> = {}): Promise<Wired> {
  const aws = await createAccount()
  const network = accountNetwork(aws)
  // The engine inside the account (src/aws attachLambda): each environment gets its role
  // session's keys (arn:aws:sts::<account>:assumed-role/<role>/<function>).
  const { engine: lambda } = await attachLambda(aws, { wallClockCapMs: 10_000, prewarm: 0, network, ...options })
  return { aws, lambda, network }
}

/** An execution role (through IAM, as the admin) with an inline policy, if any. */
export async function role(aws: Account, name: string, ...statements: Record<string, unknown>[]): Promise<string> {
  const out = (await aws.send('iam', 'CreateRole', { RoleName: name, AssumeRolePolicyDocument: trustService() })) as {
    Role: { Arn: string }
  }
  if (statements.length)
    await aws.send('iam', 'PutRolePolicy', {
      RoleName: name,
      PolicyName: 'inline',
      PolicyDocument: policy(...statements),
    })
  return out.Role.Arn
}

export const USERS_TABLE = {
  TableName: 'users',
  KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
  AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
  BillingMode: 'PAY_PER_REQUEST',
}
