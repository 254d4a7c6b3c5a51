// Test helpers for the simulated account: real SDK clients wired to requestHandler with retries off,
// role sessions with a narrow policy (what a function's execution role gives its handler), and a
// small authorizer for gateway unit tests that need to see the questions IAM is asked.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { EventBridgeClient } from '@aws-sdk/client-eventbridge'
import { IAMClient } from '@aws-sdk/client-iam'
import { S3Client } from '@aws-sdk/client-s3'
import { SNSClient } from '@aws-sdk/client-sns'
import { SQSClient } from '@aws-sdk/client-sqs'
import { STSClient } from '@aws-sdk/client-sts'
import { DynamoDBDocumentClient, type TranslateConfig } from '@aws-sdk/lib-dynamodb'
import { createAccount, type Account, type AccountOptions, type IssuedCredentials } from '../index.ts'
import type { AuthorizationQuestion, AuthorizationResult, Authorizer, Principal } from '../types.ts'

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true'

export const ACCOUNT = '123456789012'

export interface Grant {
  principal: string
  action: string
  /** exact resource, or `*` */
  resource: string
}

/** For gateway unit tests: allows the admin user and root, plus explicit grants; remembers every question. */
export class TestAuthorizer implements Authorizer {
  readonly questions: AuthorizationQuestion[] = []
  readonly grants: Grant[] = []

  authorize(q: AuthorizationQuestion): AuthorizationResult {
    this.questions.push(q)
    const arn = q.principal.kind === 'service' ? q.principal.service : q.principal.arn
    const admin = /:user\/admin$|:root$/.test(arn)
    const granted = this.grants.some(
      (g) => g.principal === arn && g.action === q.action && (g.resource === '*' || g.resource === q.resource),
    )
    if (admin || granted)
      return { allowed: true, decision: 'Allow', explanation: { statement: admin ? 'admin' : 'grant' } }
    return {
      allowed: false,
      decision: 'ImplicitDeny',
      message: `User: ${arn} is not authorized to perform: ${q.action} on resource: ${q.resource} because no identity-based policy allows the ${q.action} action`,
      explanation: { statement: null, reason: 'no grant matched' },
    }
  }
}

/** An account whose calls a TestAuthorizer decides (gateway unit tests). */
export async function testAccount(options: AccountOptions = {}): Promise<{ aws: Account; authz: TestAuthorizer }> {
  const authz = new TestAuthorizer()
  const aws = await createAccount({ authorizer: authz, ...options })
  return { aws, authz }
}

export interface Keys {
  AccessKeyId: string
  SecretAccessKey: string
  SessionToken?: string
}

const clientConfig = (aws: Account, k: Keys) => ({
  region: aws.region,
  credentials: {
    accessKeyId: k.AccessKeyId,
    secretAccessKey: k.SecretAccessKey,
    ...(k.SessionToken ? { sessionToken: k.SessionToken } : {}),
  },
  requestHandler: aws.requestHandler as never,
  maxAttempts: 1,
})

export interface SeenRequest {
  hostname: string
  method: string
  path: string
  status: number
}

/** requestHandler, recording what it saw (for tests that check hosts and statuses). */
export function recordingHandler(aws: Account, seen: SeenRequest[]) {
  return {
    ...aws.requestHandler,
    async handle(request: Parameters<Account['requestHandler']['handle']>[0]) {
      const out = await aws.requestHandler.handle(request)
      seen.push({
        hostname: request.hostname,
        method: request.method,
        path: request.path,
        status: out.response.statusCode,
      })
      return out
    },
  }
}

export const dynamo = (aws: Account, keys: Keys = aws.adminCredentials) => new DynamoDBClient(clientConfig(aws, keys))
export const documentClient = (aws: Account, keys: Keys = aws.adminCredentials, options?: TranslateConfig) =>
  DynamoDBDocumentClient.from(dynamo(aws, keys), options)
export const sts = (aws: Account, keys: Keys = aws.adminCredentials) => new STSClient(clientConfig(aws, keys))
export const iam = (aws: Account, keys: Keys = aws.adminCredentials) => new IAMClient(clientConfig(aws, keys))
export const s3 = (
  aws: Account,
  keys: Keys = aws.adminCredentials,
  options: { forcePathStyle?: boolean; seen?: SeenRequest[] } = {},
) =>
  new S3Client({
    ...clientConfig(aws, keys),
    forcePathStyle: options.forcePathStyle,
    ...(options.seen ? { requestHandler: recordingHandler(aws, options.seen) as never } : {}),
  })
export const sqs = (aws: Account, keys: Keys = aws.adminCredentials) => new SQSClient(clientConfig(aws, keys))
export const sns = (aws: Account, keys: Keys = aws.adminCredentials) => new SNSClient(clientConfig(aws, keys))
export const eventbridge = (aws: Account, keys: Keys = aws.adminCredentials) =>
  new EventBridgeClient(clientConfig(aws, keys))

export const policy = (...statements: Record<string, unknown>[]) =>
  JSON.stringify({ Version: '2012-10-17', Statement: statements })

/** A trust policy that lets a service (default Lambda) assume the role. */
export const trustService = (service = 'lambda.amazonaws.com') =>
  policy({ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' })

/**
 * A role (created through the IAM API, as the admin) and a session of it, with credentials as
 * Lambda hands them to a function: `arn:aws:sts::<account>:assumed-role/<role>/<session>`.
 */
export async function roleSession(
  aws: Account,
  roleName: string,
  sessionName: string,
  inline?: { name: string; document: string },
): Promise<{ principal: Principal; keys: IssuedCredentials }> {
  await aws.send('iam', 'CreateRole', { RoleName: roleName, AssumeRolePolicyDocument: trustService() })
  if (inline)
    await aws.send('iam', 'PutRolePolicy', {
      RoleName: roleName,
      PolicyName: inline.name,
      PolicyDocument: inline.document,
    })
  const principal: Principal = {
    kind: 'assumed-role',
    arn: `arn:aws:sts::${aws.accountId}:assumed-role/${roleName}/${sessionName}`,
    accountId: aws.accountId,
    roleArn: `arn:aws:iam::${aws.accountId}:role/${roleName}`,
    roleName,
    sessionName,
  }
  return { principal, keys: aws.credentials.issue(principal, { temporary: true }) }
}

/** The rejection of a promise (fails the test if it resolves). */
export async function rejection(p: Promise<unknown>): Promise<Error & Record<string, any>> {
  try {
    await p
  } catch (e) {
    return e as Error & Record<string, any>
  }
  throw new Error('expected the call to fail')
}

export const ORDERS = {
  TableName: 'orders',
  KeySchema: [
    { AttributeName: 'customer', KeyType: 'HASH' },
    { AttributeName: 'orderId', KeyType: 'RANGE' },
  ],
  AttributeDefinitions: [
    { AttributeName: 'customer', AttributeType: 'S' },
    { AttributeName: 'orderId', AttributeType: 'N' },
  ],
  BillingMode: 'PAY_PER_REQUEST',
}

export const USERS = {
  TableName: 'users',
  KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
  AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
  BillingMode: 'PAY_PER_REQUEST',
}
