// attachLambda(account): the Lambda engine becomes the account's `lambda` service, with `logs`
// (CloudWatch Logs over the engine's log store), on the account's one clock. Each execution
// environment gets its role session's credentials from the account's credential store, and writes
// to CloudWatch Logs only if its role may (logs:CreateLogStream and logs:PutLogEvents on its group,
// and logs:CreateLogGroup when the group does not exist yet).
import {
  createLambda,
  type FunctionConfiguration,
  type LambdaOptions,
  type LogsPermission,
} from '../../../lambda/index.ts'
import type { Account } from '../../account.ts'
import { functionPrincipal, issueFunctionCredentials } from './identity.ts'
import { createLogsService } from './logs.ts'
import { createLambdaService, type LambdaServiceModule } from './service.ts'

export type EngineOptions = Omit<LambdaOptions, 'clock' | 'accountId' | 'region' | 'credentials' | 'cloudWatchLogs'>

/** May this function's role write its logs? (What Lambda finds out when it first writes.) */
export function logsPermission(
  account: Account,
  fn: FunctionConfiguration,
  logGroupName: string,
  logStreamName: string,
  groupExists: boolean,
): LogsPermission {
  const principal = functionPrincipal(account.accountId, fn)
  const group = `arn:aws:logs:${account.region}:${account.accountId}:log-group:${logGroupName}`
  const needs = [
    ...(groupExists ? [] : [{ action: 'logs:CreateLogGroup', resource: `${group}:*` }]),
    { action: 'logs:CreateLogStream', resource: `${group}:*` },
    { action: 'logs:PutLogEvents', resource: `${group}:log-stream:${logStreamName}` },
  ]
  for (const req of needs) {
    const { denial } = account.gateway.authorize('logs', principal, req)
    if (denial) return { denied: denial.message }
  }
  return true
}

export async function attachLambda(
  account: Account,
  options: EngineOptions = {},
): Promise<{ engine: LambdaServiceModule['engine']; lambda: LambdaServiceModule }> {
  const { accountId, region } = account
  const engine = await createLambda({
    ...options,
    clock: account.clock,
    accountId,
    region,
    credentials: (fn) => issueFunctionCredentials(account.credentials, accountId, fn),
    cloudWatchLogs: (fn, group, stream) =>
      logsPermission(
        account,
        fn,
        group,
        stream,
        engine.describeLogGroups(group).some((g) => g.logGroupName === group),
      ),
  })
  const lambda = createLambdaService({ engine, accountId, region, iam: account.iam, gateway: account.gateway })
  account.register(createLogsService({ engine, accountId, region }))
  account.register(lambda)
  return { engine, lambda }
}
