// Test helpers: a Lambda service wired to a simulated account, as the course runs it: handlers'
// requests go to the account (testing/account-network.ts), and each environment gets the
// credentials of its function's execution role, issued by the account (the session is named
// after the function, as Lambda names it).
import { createAccount, type Account } from '../../../aws/index.ts'
import { policy, trustService } from '../../../aws/__tests__/account-helpers.ts'
import type { Principal } from '../../../aws/types.ts'
import { newLambda } from '../../__tests__/helpers.ts'
import type { CredentialSource, Lambda, LambdaOptions } from '../../index.ts'
import { accountNetwork, type RecordingNetwork } from '../testing/account-network.ts'

export { policy }

/** Credentials of the function's role, issued by the account when an environment is created. */
export function roleCredentials(aws: Account): CredentialSource {
  return ({ role, functionName }) => {
    const roleName = role.split('/').pop()!
    const principal: Principal = {
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

export interface Wired {
  aws: Account
  lambda: Lambda
  network: RecordingNetwork
}

export async function wired(options: LambdaOptions = {}): Promise<Wired> {
  const aws = await createAccount()
  const network = accountNetwork(aws.requestHandler as never)
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
