// Test helpers: a Lambda service wired to a simulated account, as the course runs it: handlers'
// requests go to the account's network (src/aws/network.ts), and each environment gets the
// credentials of its function's execution role, issued by the account (the session is named
// after the function, as Lambda names it).
import { createAccount, createNetwork, type Account } from '../../../aws/index.ts'
import { newLambda } from '../../__tests__/helpers.ts'
import type { CredentialSource, Lambda, LambdaOptions } from '../../index.ts'
import type { HostNetwork, HttpIoRequest, IoCaller } from '../../index.ts'

export const policy = (...statements: Record<string, unknown>[]) =>
  JSON.stringify({ Version: '2012-10-17', Statement: statements })

/** A trust policy that lets Lambda assume the role. */
const trustService = () =>
  policy({ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' })

/** Credentials of the function's role, issued by the account when an environment is created. */
export function roleCredentials(aws: Account): CredentialSource {
  return ({ role, functionName }) => {
    const roleName = role.split('/').pop()!
    const principal: Parameters<Account['credentials']['issue']>[0] = {
      kind: 'assumed-role',
      arn: `arn:aws:sts::${aws.accountId}:assumed-role/${roleName}/${functionName}`,
      accountId: aws.accountId,
      roleArn: role,
      roleName,
      sessionName: functionName,
    }
    return aws.credentials.issue(principal, { temporary: true })
  }
}

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

export async function wired(options: LambdaOptions = {}): Promise<Wired> {
  const aws = await createAccount()
  const network = accountNetwork(aws)
  const lambda = await newLambda({ network, credentials: roleCredentials(aws), ...options })
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
