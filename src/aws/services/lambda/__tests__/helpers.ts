// Test helpers for the lambda and logs services: an account with the Lambda engine attached (no
// pre-warmed sandboxes, to keep tests light), real SDK clients on requestHandler, zips, roles.
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs'
import { LambdaClient } from '@aws-sdk/client-lambda'
import { zipSync, strToU8 } from 'fflate'
import { policy, trustService, type Keys } from '../../../__tests__/account-helpers.ts'
import { attachLambda, createAccount, type Account } from '../../../index.ts'

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true'

export async function lambdaAccount() {
  const aws = await createAccount()
  const { engine, lambda } = await attachLambda(aws, { prewarm: 0, warmUp: false })
  return { aws, engine, lambda }
}

const config = (aws: Account, k: Keys) => ({
  region: aws.region,
  credentials: {
    accessKeyId: k.AccessKeyId,
    secretAccessKey: k.SecretAccessKey,
    ...(k.SessionToken ? { sessionToken: k.SessionToken } : {}),
  },
  requestHandler: aws.requestHandler as never,
  maxAttempts: 1,
})

export const lambdaClient = (aws: Account, keys: Keys = aws.adminCredentials) => new LambdaClient(config(aws, keys))
export const logsClient = (aws: Account, keys: Keys = aws.adminCredentials) =>
  new CloudWatchLogsClient(config(aws, keys))

export const zip = (files: Record<string, string>) =>
  zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])))

/** A role Lambda may assume, with optional inline policy statements; returns its ARN. */
export async function lambdaRole(aws: Account, name: string, ...statements: Record<string, unknown>[]) {
  const out = await aws.send<{ Role: { Arn: string } }>('iam', 'CreateRole', {
    RoleName: name,
    AssumeRolePolicyDocument: trustService(),
  })
  if (statements.length)
    await aws.send('iam', 'PutRolePolicy', {
      RoleName: name,
      PolicyName: 'inline',
      PolicyDocument: policy(...statements),
    })
  return out.Role.Arn
}

export const LOGS_ALLOWED = {
  Effect: 'Allow',
  Action: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'],
  Resource: '*',
}

export const HELLO = {
  'index.mjs': `export const handler = async (event) => {
  console.log('hello', event.name)
  return { greeting: 'hi ' + event.name, key: process.env.AWS_ACCESS_KEY_ID }
}`,
}
