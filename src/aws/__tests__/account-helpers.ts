// Test helpers for the simulated account: a small authorizer (admin allowed, explicit grants, AWS's
// implicit-deny message otherwise), and real SDK clients wired to requestHandler with retries off.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { DynamoDBDocumentClient, type TranslateConfig } from '@aws-sdk/lib-dynamodb'
import { STSClient } from '@aws-sdk/client-sts'
import { createAccount, type Account, type AccountOptions } from '../index.ts'
import type { AuthorizationQuestion, AuthorizationResult, Authorizer } from '../types.ts'

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true'

export interface Grant {
  principal: string
  action: string
  /** exact resource, or `*` */
  resource: string
}

/** Allows the admin user and root, plus explicit grants; remembers every question it was asked. */
export class TestAuthorizer implements Authorizer {
  readonly questions: AuthorizationQuestion[] = []
  readonly grants: Grant[] = []
  denyAll = false

  authorize(q: AuthorizationQuestion): AuthorizationResult {
    this.questions.push(q)
    const arn = q.principal.kind === 'service' ? q.principal.service : q.principal.arn
    const admin = /:user\/admin$|:root$/.test(arn)
    const granted = this.grants.some(
      (g) => g.principal === arn && g.action === q.action && (g.resource === '*' || g.resource === q.resource),
    )
    // sts:AssumeRole also needs the role's trust policy to name the caller (a simplified check).
    const trusted =
      q.action !== 'sts:AssumeRole' ||
      JSON.stringify(q.resourcePolicy ?? {}).includes(JSON.stringify(principalIdentity(q)))
    if (!this.denyAll && (admin || granted) && trusted)
      return { allowed: true, decision: 'Allow', explanation: { statement: admin ? 'admin' : 'grant' } }
    return {
      allowed: false,
      decision: 'ImplicitDeny',
      message: `User: ${arn} is not authorized to perform: ${q.action} on resource: ${q.resource} because no identity-based policy allows the ${q.action} action`,
      explanation: { statement: null, reason: 'no grant matched' },
    }
  }
}

function principalIdentity(q: AuthorizationQuestion): string {
  const p = q.principal
  return p.kind === 'assumed-role' ? p.roleArn : p.kind === 'service' ? p.service : p.arn
}

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

const sdkCredentials = (k: Keys) => ({
  accessKeyId: k.AccessKeyId,
  secretAccessKey: k.SecretAccessKey,
  ...(k.SessionToken ? { sessionToken: k.SessionToken } : {}),
})

export function dynamo(aws: Account, keys: Keys = aws.adminCredentials) {
  return new DynamoDBClient({
    region: aws.region,
    credentials: sdkCredentials(keys),
    requestHandler: aws.requestHandler as never,
    maxAttempts: 1,
  })
}

export function documentClient(aws: Account, keys: Keys = aws.adminCredentials, options?: TranslateConfig) {
  return DynamoDBDocumentClient.from(dynamo(aws, keys), options)
}

export function sts(aws: Account, keys: Keys = aws.adminCredentials) {
  return new STSClient({
    region: aws.region,
    credentials: sdkCredentials(keys),
    requestHandler: aws.requestHandler as never,
    maxAttempts: 1,
  })
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
