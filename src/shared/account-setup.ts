/**
 * Account setup for a workspace: what a lab (or any workspace) declares about the simulated AWS
 * account its function lives in, applied through the account's gateway as its admin user, with the
 * same code in the playground's Run and in the lab checks.
 *
 *   resources   calls that create what the function uses (a DynamoDB table, an S3 bucket…), made
 *               once; "already exists" answers are fine.
 *   role        the function's execution role: created (trusted by Lambda) with its managed
 *               policies, and passed as CreateFunction's `Role`.
 *   files       workspace files that configure the account, applied before each run: each names the
 *               calls its text becomes (`rolePolicyFile`: the role's inline policy → iam
 *               PutRolePolicy; `functionPermissionFile`: an AddPermission input as
 *               `aws lambda add-permission --cli-input-json` takes it). Any later service uses the
 *               same seam: a binding is a function from the file's text to account calls.
 *
 * Pure (no DOM, no engine): it only needs a `send(service, operation, input)`. A call AWS refuses
 * (a policy IAM rejects, invalid JSON) gives the learner AWS's own message naming the file; nothing
 * throws.
 */
import { isRecord } from './is-record.ts'

export type AccountSend = (service: string, operation: string, input?: unknown) => Promise<Record<string, unknown>>

/** One operation of the account, as the admin user. */
export interface AccountCall {
  service: string
  operation: string
  input: Record<string, unknown>
  /** Error names that mean "nothing to do" (e.g. `ResourceInUseException` for a table that exists). */
  ignore?: string[]
}

/** What a file binding knows about the function it configures. */
export interface AccountContext {
  accountId: string
  region: string
  functionName: string
  functionArn: string
  roleName?: string
  roleArn?: string
}

export interface AccountFileBinding {
  /** What the file configures, in a few words ("the execution role's inline policy"). */
  describe: string
  /**
   * The calls the file's text becomes (`undefined` when the file is missing or empty: undo what an
   * earlier text did), or a message for the learner when the text cannot be used.
   */
  calls(text: string | undefined, ctx: AccountContext): AccountCall[] | { error: string }
}

export interface AccountRole {
  /** The role's name (IAM: up to 64 of `A-Za-z0-9+=,.@_-`). */
  name: string
  /** Trust policy (default: trusted by `lambda.amazonaws.com`). */
  trust?: Record<string, unknown>
  /** ARNs of managed policies to attach (e.g. AWSLambdaBasicExecutionRole's). */
  managedPolicies?: string[]
}

export interface AccountSetup {
  resources?: AccountCall[]
  role?: AccountRole
  /** Workspace file path → what it configures. */
  files?: Record<string, AccountFileBinding>
}

export type SetupResult<T = object> =
  | ({ ok: true } & T)
  | {
      ok: false
      /** For the learner: the file's path, what it configures, and AWS's error name and message. */
      message: string
      file?: string
      /** AWS's error name (`MalformedPolicyDocument`…), or `InvalidAccountFile` when the text itself is unusable. */
      errorName: string
    }

export const LAMBDA_TRUST_POLICY = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
}

export const ROLE_NAME_RE = /^[\w+=,.@-]{1,64}$/

function nameOf(err: unknown): string {
  return isRecord(err) && typeof err.name === 'string' ? err.name : 'Error'
}

function errorText(err: unknown): string {
  if (isRecord(err)) {
    const name = typeof err.name === 'string' ? err.name : 'Error'
    return typeof err.message === 'string' && err.message ? `${name}: ${err.message}` : name
  }
  return String(err)
}

async function run(send: AccountSend, call: AccountCall): Promise<Record<string, unknown> | undefined> {
  try {
    return await send(call.service, call.operation, call.input)
  } catch (err) {
    const name = isRecord(err) && typeof err.name === 'string' ? err.name : ''
    if (call.ignore?.includes(name)) return undefined
    throw err
  }
}

/**
 * Create the setup's resources and role (idempotent: what exists is kept). Returns the role's ARN
 * for CreateFunction's `Role`.
 */
export async function prepareAccount(
  send: AccountSend,
  setup: AccountSetup,
): Promise<SetupResult<{ roleArn?: string }>> {
  try {
    for (const call of setup.resources ?? []) await run(send, call)
    const role = setup.role
    if (!role) return { ok: true }
    await run(send, {
      service: 'iam',
      operation: 'CreateRole',
      input: { RoleName: role.name, AssumeRolePolicyDocument: JSON.stringify(role.trust ?? LAMBDA_TRUST_POLICY) },
      ignore: ['EntityAlreadyExists'],
    })
    for (const arn of role.managedPolicies ?? [])
      await run(send, { service: 'iam', operation: 'AttachRolePolicy', input: { RoleName: role.name, PolicyArn: arn } })
    const got = (await send('iam', 'GetRole', { RoleName: role.name })) as { Role?: { Arn?: unknown } }
    const roleArn = typeof got.Role?.Arn === 'string' ? got.Role.Arn : undefined
    return { ok: true, ...(roleArn ? { roleArn } : {}) }
  } catch (err) {
    return {
      ok: false,
      errorName: nameOf(err),
      message: `The account could not be set up for this function: ${errorText(err)}`,
    }
  }
}

/** The context for file bindings, from the function's ARN (`arn:aws:lambda:<region>:<account>:function:<name>`). */
export function accountContext(functionArn: string, role?: { name: string; arn?: string }): AccountContext | undefined {
  const m = /^arn:aws[a-zA-Z-]*:lambda:([a-z0-9-]+):(\d{12}):function:([A-Za-z0-9_-]+)/.exec(functionArn)
  if (!m) return undefined
  return {
    region: m[1],
    accountId: m[2],
    functionName: m[3],
    functionArn: `arn:aws:lambda:${m[1]}:${m[2]}:function:${m[3]}`,
    ...(role ? { roleName: role.name } : {}),
    ...(role?.arn ? { roleArn: role.arn } : {}),
  }
}

/**
 * Apply the setup's files to the account for the function in `ctx` (in the order the setup lists
 * them). The first file that fails stops there, with AWS's message and the file's path.
 */
export async function applyAccountFiles(
  send: AccountSend,
  setup: AccountSetup,
  files: Readonly<Record<string, string>>,
  ctx: AccountContext,
): Promise<SetupResult> {
  for (const [path, binding] of Object.entries(setup.files ?? {})) {
    const raw = Object.hasOwn(files, path) ? files[path] : undefined
    const text = raw === undefined || raw.trim() === '' ? undefined : raw
    let calls: AccountCall[] | { error: string }
    try {
      calls = binding.calls(text, ctx)
    } catch (err) {
      calls = { error: errorText(err) }
    }
    if (!Array.isArray(calls))
      return { ok: false, file: path, errorName: 'InvalidAccountFile', message: `${path}: ${calls.error}` }
    try {
      for (const call of calls) await run(send, call)
    } catch (err) {
      return {
        ok: false,
        file: path,
        errorName: nameOf(err),
        message: `${path} (${binding.describe}): ${errorText(err)}`,
      }
    }
  }
  return { ok: true }
}

// ---- the bindings labs use ------------------------------------------------------------------

/**
 * The execution role's inline policy named `policyName`: the file's text is the policy document,
 * sent to IAM as is (so IAM's own MalformedPolicyDocument messages reach the learner). An empty
 * or missing file deletes the inline policy.
 */
export function rolePolicyFile(policyName: string): AccountFileBinding {
  return {
    describe: `the execution role's inline policy "${policyName}"`,
    calls(text, ctx) {
      if (!ctx.roleName) return { error: 'this workspace has no execution role to attach the policy to.' }
      if (text === undefined)
        return [
          {
            service: 'iam',
            operation: 'DeleteRolePolicy',
            input: { RoleName: ctx.roleName, PolicyName: policyName },
            ignore: ['NoSuchEntity'],
          },
        ]
      return [
        {
          service: 'iam',
          operation: 'PutRolePolicy',
          input: { RoleName: ctx.roleName, PolicyName: policyName, PolicyDocument: text },
        },
      ]
    },
  }
}

/**
 * A statement of the function's resource-based policy: the file is an AddPermission input, as
 * `aws lambda add-permission --cli-input-json file://…` reads it (`StatementId`, `Action`,
 * `Principal`, `SourceArn`, `SourceAccount`…). `FunctionName` is the workspace's function whatever
 * the file says. Each run removes the statement (by `StatementId`) and adds it again, so an edited
 * file replaces it.
 */
export function functionPermissionFile(): AccountFileBinding {
  return {
    describe: 'a permission in the function’s resource-based policy',
    calls(text, ctx) {
      let sid: string | undefined
      let input: Record<string, unknown> | undefined
      if (text !== undefined) {
        let value: unknown
        try {
          value = JSON.parse(text)
        } catch (e) {
          return {
            error: `Error parsing parameter 'cli-input-json': Invalid JSON: ${e instanceof Error ? e.message : String(e)}`,
          }
        }
        if (!isRecord(value))
          return { error: "Error parsing parameter 'cli-input-json': Invalid JSON: the input must be a JSON object." }
        if (typeof value.StatementId !== 'string' || value.StatementId === '')
          return {
            error:
              'the following arguments are required: --statement-id (write it as "StatementId" in the JSON input).',
          }
        sid = value.StatementId
        input = { ...value, FunctionName: ctx.functionName }
      }
      // Without a file there is no statement id to remove: a statement an earlier text added stays
      // in the playground's function until removed by hand (each check's function starts without one).
      if (sid === undefined || !input) return []
      return [
        {
          service: 'lambda',
          operation: 'RemovePermission',
          input: { FunctionName: ctx.functionName, StatementId: sid },
          ignore: ['ResourceNotFoundException'],
        },
        { service: 'lambda', operation: 'AddPermission', input },
      ]
    },
  }
}
