// Who a function is when it calls AWS: a session of its execution role named after the function,
// `arn:aws:sts::<account>:assumed-role/<role>/<function>`, with temporary credentials the account's
// credential store issues (each execution environment finds them in process.env). And the role
// Lambda's console creates for a function that names none.
import type { CredentialStore } from '../../credentials.ts'
import { AwsError, constraintError } from '../../errors.ts'
import type { Iam } from '../../iam/index.ts'
import { randomString } from '../../protocol/ids.ts'
import type { OperationContext, Principal } from '../../types.ts'

/** How long an environment's credentials last (virtual time); Lambda refreshes them, we issue per environment. */
export const FUNCTION_CREDENTIALS_SECONDS = 12 * 3600

const ROLE_ARN = /^arn:(aws[a-zA-Z-]*)?:iam::(\d{12}):role\/?([a-zA-Z_0-9+=,.@\-_/]+)$/
export const BASIC_EXECUTION_ROLE_ARN = 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole'

/** The role session a function's calls are made as. */
export function functionPrincipal(accountId: string, fn: { FunctionName: string; Role: string }): Principal {
  const m = ROLE_ARN.exec(fn.Role)
  const path = m?.[3] ?? fn.Role
  const roleName = path.slice(path.lastIndexOf('/') + 1)
  return {
    kind: 'assumed-role',
    arn: `arn:aws:sts::${accountId}:assumed-role/${roleName}/${fn.FunctionName}`,
    accountId,
    roleArn: fn.Role,
    roleName,
    sessionName: fn.FunctionName,
  }
}

export function issueFunctionCredentials(
  credentials: CredentialStore,
  accountId: string,
  fn: { FunctionName: string; Role: string },
) {
  return credentials.issue(functionPrincipal(accountId, fn), {
    temporary: true,
    durationSeconds: FUNCTION_CREDENTIALS_SECONDS,
  })
}

/**
 * CreateFunction's and UpdateFunctionConfiguration's check of `Role`: an IAM role ARN, of a role
 * that exists and whose trust policy lets lambda.amazonaws.com assume it.
 */
export function checkExecutionRole(iam: Iam, role: string): void {
  if (!ROLE_ARN.test(role) || role.length > 2048)
    throw constraintError([
      {
        field: 'role',
        value: role,
        constraint:
          'Member must satisfy regular expression pattern: arn:(aws[a-zA-Z-]*)?:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+',
      },
    ])
  const record = iam.store.roleByArn(role)
  const trusted =
    record !== undefined &&
    iam.trustPolicyAllows(record.name, { kind: 'service', service: 'lambda.amazonaws.com' }).allowed
  if (!trusted)
    throw new AwsError(
      'InvalidParameterValueException',
      'The role defined for the function cannot be assumed by Lambda.',
      400,
    )
}

const LAMBDA_TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
})

/**
 * The role the Lambda console creates with a function ("Create a new role with basic Lambda
 * permissions"): `<function>-role-<8 random characters>` under `/service-role/`, trusted by Lambda,
 * with the basic execution policy (logs). Created through the gateway as the caller, so the calls
 * show in the call log and need the caller's iam:CreateRole and iam:AttachRolePolicy.
 */
export async function createDefaultRole(functionName: string, ctx: OperationContext): Promise<string> {
  // (The console would create a new role each time; the playground re-creates its functions, e.g.
  // after a Worker restart, so a default role this function already has is reused: see defaultRoleOf.)
  const roleName = `${functionName}-role-${randomString(8, 'abcdefghijklmnopqrstuvwxyz0123456789')}`.slice(0, 64)
  const out = (await ctx.send('iam', 'CreateRole', {
    RoleName: roleName,
    Path: '/service-role/',
    AssumeRolePolicyDocument: LAMBDA_TRUST,
  })) as { Role: { Arn: string } }
  await ctx.send('iam', 'AttachRolePolicy', { RoleName: roleName, PolicyArn: BASIC_EXECUTION_ROLE_ARN })
  return out.Role.Arn
}

/**
 * The console-made role of a function, if one exists (`/service-role/<function>-role-<8>`, trusted
 * by Lambda): the playground reuses it when it re-creates a function that names no role.
 */
export function defaultRoleOf(iam: Iam, functionName: string): string | undefined {
  const prefix = `${functionName}-role-`.toLowerCase()
  for (const role of iam.store.roles.values()) {
    if (role.path !== '/service-role/' || !role.name.toLowerCase().startsWith(prefix)) continue
    if (!/^[a-z0-9]{8}$/.test(role.name.slice(prefix.length))) continue
    const arn = iam.store.roleArn(role)
    if (iam.trustPolicyAllows(role.name, { kind: 'service', service: 'lambda.amazonaws.com' }).allowed) return arn
  }
  return undefined
}
