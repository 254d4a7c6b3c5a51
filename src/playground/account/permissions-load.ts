/**
 * Reads a function's permissions from the account, through the same operations the Lambda console
 * uses: lambda GetFunction (its Role) and GetPolicy (its resource-based policy); iam GetRole,
 * ListRolePolicies + GetRolePolicy (inline policies), ListAttachedRolePolicies + GetPolicy +
 * GetPolicyVersion (managed policies). `send` is `accountSend` in the page, `account.send` in tests.
 */
import { awsManagedPolicy } from '../../aws/public.ts'
import { decodePolicyDocument, roleNameFromArn, type RolePolicy } from './permissions.ts'

export type Send = (service: string, operation: string, input: Record<string, unknown>) => Promise<unknown>

export interface FunctionPermissions {
  functionName: string
  functionArn: string
  role: {
    arn: string
    name: string
    path?: string
    /** The trust policy (URL-decoded). */
    trustPolicy?: string
    /** Why the role could not be read (deleted, denied), when it could not. */
    error?: string
  }
  policies: RolePolicy[]
  /** Policies that could not be read: name and AWS's error. */
  policyErrors: { name: string; error: string }[]
  /** GetPolicy's `Policy` JSON; undefined when the function has none (ResourceNotFoundException). */
  resourcePolicy?: string
  resourcePolicyError?: string
}

/** The function is not deployed yet (GetFunction's ResourceNotFoundException), or another error. */
export type PermissionsResult =
  { ok: true; permissions: FunctionPermissions } | { ok: false; notFound: boolean; error: string }

const errorText = (e: unknown): string => {
  const x = e as { name?: unknown; message?: unknown }
  return `${typeof x?.name === 'string' ? x.name : 'Error'}: ${typeof x?.message === 'string' ? x.message : String(e)}`
}
const isNotFound = (e: unknown) =>
  (e as { name?: unknown })?.name === 'ResourceNotFoundException' || (e as { name?: unknown })?.name === 'NoSuchEntity'

type Obj = Record<string, unknown>
const obj = (v: unknown): Obj => (v && typeof v === 'object' ? (v as Obj) : {})
const str = (v: unknown): string => (typeof v === 'string' ? v : '')

export async function loadPermissions(functionName: string, send: Send): Promise<PermissionsResult> {
  let config: Obj
  try {
    config = obj(obj(await send('lambda', 'GetFunction', { FunctionName: functionName })).Configuration)
  } catch (e) {
    return { ok: false, notFound: isNotFound(e), error: errorText(e) }
  }
  const roleArn = str(config.Role)
  const p: FunctionPermissions = {
    functionName,
    functionArn: str(config.FunctionArn),
    role: { arn: roleArn, name: roleNameFromArn(roleArn) },
    policies: [],
    policyErrors: [],
  }
  const RoleName = p.role.name
  const [role, inline, attached, resource] = await Promise.allSettled([
    send('iam', 'GetRole', { RoleName }),
    send('iam', 'ListRolePolicies', { RoleName }),
    send('iam', 'ListAttachedRolePolicies', { RoleName }),
    send('lambda', 'GetPolicy', { FunctionName: functionName }),
  ])
  if (role.status === 'fulfilled') {
    const r = obj(obj(role.value).Role)
    p.role.path = str(r.Path) || undefined
    if (typeof r.AssumeRolePolicyDocument === 'string')
      p.role.trustPolicy = decodePolicyDocument(r.AssumeRolePolicyDocument)
  } else p.role.error = errorText(role.reason)

  if (inline.status === 'fulfilled') {
    const names = obj(inline.value).PolicyNames
    for (const name of Array.isArray(names) ? names.filter((n): n is string => typeof n === 'string') : []) {
      try {
        const got = obj(await send('iam', 'GetRolePolicy', { RoleName, PolicyName: name }))
        p.policies.push({ name, type: 'inline', document: decodePolicyDocument(str(got.PolicyDocument)) })
      } catch (e) {
        p.policyErrors.push({ name, error: errorText(e) })
      }
    }
  }
  if (attached.status === 'fulfilled') {
    const list = obj(attached.value).AttachedPolicies
    for (const a of Array.isArray(list) ? list.map(obj) : []) {
      const arn = str(a.PolicyArn)
      const name = str(a.PolicyName)
      // AWS managed policies: their published documents (the account answers GetPolicy on them too,
      // but the documents are the same everywhere; this saves two calls per policy).
      const managed = awsManagedPolicy(arn)
      if (managed) {
        p.policies.push({ name, type: 'aws-managed', arn, document: managed.Document })
        continue
      }
      try {
        const policy = obj(obj(await send('iam', 'GetPolicy', { PolicyArn: arn })).Policy)
        const version = obj(
          obj(await send('iam', 'GetPolicyVersion', { PolicyArn: arn, VersionId: str(policy.DefaultVersionId) }))
            .PolicyVersion,
        )
        p.policies.push({ name, type: 'managed', arn, document: decodePolicyDocument(str(version.Document)) })
      } catch (e) {
        p.policyErrors.push({ name, error: errorText(e) })
      }
    }
  }
  if (resource.status === 'fulfilled') p.resourcePolicy = str(obj(resource.value).Policy)
  else if (!isNotFound(resource.reason)) p.resourcePolicyError = errorText(resource.reason)
  return { ok: true, permissions: p }
}
