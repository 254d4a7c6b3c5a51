// STS (awsQuery, 2011-06-15): GetCallerIdentity and AssumeRole.
//
// AssumeRole asks IAM through the gateway like every other call: the requirement is sts:AssumeRole on
// the role's ARN, and the role's trust policy is that resource's policy (resourcePolicy below), so
// the authorizer evaluates the caller's identity policies and the trust policy together, as AWS does.
// Roles come from an IdentityDirectory seam (the IAM store, once merged).
import type { CredentialStore } from '../../credentials.ts'
import { parseArn } from '../../arn.ts'
import { AwsError } from '../../errors.ts'
import { accessDeniedError } from '../../iam/messages.ts'
import { integer, list, required, string, structure, timestamp } from '../../protocol/shapes.ts'
import type { OperationContext, OperationDefinition, Principal, ServiceDefinition } from '../../types.ts'

export interface DirectoryRole {
  Arn: string
  RoleName: string
  /** AROA… unique id. */
  RoleId: string
  /** The trust policy, as a JSON string or a parsed document. */
  AssumeRolePolicyDocument: unknown
  /** Seconds (default 3600). */
  MaxSessionDuration?: number
}

/** Where STS finds roles and users' unique ids (the IAM store implements it). */
export interface IdentityDirectory {
  getRole(roleName: string): DirectoryRole | undefined
  getUserId?(userName: string): string | undefined
}

export interface StsServiceOptions {
  credentials: CredentialStore
  directory?: IdentityDirectory
}

/** A stable pseudo unique id for entities the directory does not know (AIDA…/AROA… + 17 characters). */
export function pseudoUniqueId(prefix: string, seed: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
  let h1 = 0x811c9dc5
  let h2 = 0x01000193
  let out = prefix
  for (let round = 0; out.length < prefix.length + 17; round++) {
    for (let i = 0; i < seed.length; i++) {
      h1 = Math.imul(h1 ^ seed.charCodeAt(i), 16777619) >>> 0
      h2 = Math.imul(h2 ^ (seed.charCodeAt(i) + round), 2246822519) >>> 0
    }
    out += alphabet[h1 % 32] + alphabet[h2 % 32] + alphabet[(h1 >>> 10) % 32]
  }
  return out.slice(0, prefix.length + 17)
}

/** arn:aws:iam::<account>:role/<path/>name → name (and account). */
function parseRoleArn(text: string): { accountId: string; roleName: string } | undefined {
  const arn = parseArn(text)
  if (!arn || arn.service !== 'iam' || arn.region !== '' || !arn.resource.startsWith('role/')) return undefined
  const roleName = arn.resource.slice(arn.resource.lastIndexOf('/') + 1)
  return /^\d{12}$/.test(arn.accountId) && /^[\w+=,.@-]{1,64}$/.test(roleName)
    ? { accountId: arn.accountId, roleName }
    : undefined
}

const roleSessionName = string({
  required: true,
  min: 2,
  max: 64,
  pattern: { source: '[\\w+=,.@-]*', test: (s) => /^[\w+=,.@-]*$/.test(s) },
})

const assumeRoleInput = structure({
  RoleArn: required(string({ min: 20, max: 2048 })),
  RoleSessionName: roleSessionName,
  PolicyArns: list(structure({ arn: string({ min: 20, max: 2048 }) }), { max: 10 }),
  Policy: string({ min: 1, max: 2048 }),
  DurationSeconds: integer({ min: 900, max: 43200 }),
  Tags: list(structure({ Key: required(string({ min: 1, max: 128 })), Value: required(string({ max: 256 })) }), {
    max: 50,
  }),
  TransitiveTagKeys: list(string({ min: 1, max: 128 }), { max: 50 }),
  ExternalId: string({ min: 2, max: 1224 }),
  SerialNumber: string({ min: 9, max: 256 }),
  TokenCode: string({ min: 6, max: 6 }),
  SourceIdentity: string({ min: 2, max: 64 }),
})

const credentialsShape = structure({
  AccessKeyId: string(),
  SecretAccessKey: string(),
  SessionToken: string(),
  Expiration: timestamp(),
})

export function createStsService(options: StsServiceOptions) {
  const { credentials, directory } = options

  function userId(p: Principal, accountId: string): string {
    switch (p.kind) {
      case 'user':
        return directory?.getUserId?.(p.name) ?? pseudoUniqueId('AIDA', p.arn)
      case 'assumed-role': {
        const role = directory?.getRole(p.roleName)
        return `${role?.RoleId ?? pseudoUniqueId('AROA', p.roleArn)}:${p.sessionName}`
      }
      case 'root':
        return accountId
      case 'service':
        return p.service
    }
  }

  const GetCallerIdentity: OperationDefinition<Record<string, never>, unknown> = {
    input: structure({}),
    output: structure({ UserId: string(), Account: string(), Arn: string() }),
    latencyMs: () => 4,
    authorize: () => [],
    handler: (_input, ctx) => {
      const p = ctx.principal
      return {
        UserId: userId(p, ctx.accountId),
        Account: p.kind === 'service' ? ctx.accountId : p.accountId,
        Arn: p.kind === 'service' ? `arn:aws:iam::${ctx.accountId}:root` : p.arn,
      }
    },
  }

  type AssumeRoleInput = { RoleArn: string; RoleSessionName: string; DurationSeconds?: number }

  const AssumeRole: OperationDefinition<AssumeRoleInput, unknown> = {
    input: assumeRoleInput,
    output: structure({
      Credentials: credentialsShape,
      AssumedRoleUser: structure({ AssumedRoleId: string(), Arn: string() }),
      PackedPolicySize: integer(),
      SourceIdentity: string(),
    }),
    latencyMs: () => 8,
    authorize: (input) => [{ action: 'sts:AssumeRole', resource: input.RoleArn }],
    handler: (input, ctx: OperationContext) => {
      const parsed = parseRoleArn(input.RoleArn)
      const role = parsed && parsed.accountId === ctx.accountId ? directory?.getRole(parsed.roleName) : undefined
      if (!parsed || !role || role.Arn !== input.RoleArn) {
        // AWS answers a role it cannot find (or cannot read) with the same AccessDenied as a refused one.
        throw accessDeniedError('sts', {
          principal: ctx.principal,
          action: 'sts:AssumeRole',
          resource: input.RoleArn,
          decision: 'ImplicitDeny',
          deniedBy: 'resource',
        })
      }
      const duration = input.DurationSeconds ?? 3600
      const max = role.MaxSessionDuration ?? 3600
      if (ctx.principal.kind === 'assumed-role' && duration > 3600) {
        throw new AwsError(
          'ValidationError',
          'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.',
          400,
        )
      }
      if (duration > max) {
        throw new AwsError(
          'ValidationError',
          'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
          400,
        )
      }
      const arn = `arn:aws:sts::${ctx.accountId}:assumed-role/${role.RoleName}/${input.RoleSessionName}`
      const principal: Principal = {
        kind: 'assumed-role',
        arn,
        accountId: ctx.accountId,
        roleArn: role.Arn,
        roleName: role.RoleName,
        sessionName: input.RoleSessionName,
      }
      const issued = credentials.issue(principal, { temporary: true, durationSeconds: duration })
      return {
        Credentials: issued,
        AssumedRoleUser: { AssumedRoleId: `${role.RoleId}:${input.RoleSessionName}`, Arn: arn },
      }
    },
  }

  const definition: ServiceDefinition = {
    id: 'sts',
    signingName: 'sts',
    actionPrefix: 'sts',
    protocol: 'awsQuery',
    apiVersion: '2011-06-15',
    xmlNamespace: 'https://sts.amazonaws.com/doc/2011-06-15/',
    requestIdFormat: 'uuid',
    validationErrorName: 'ValidationError',
    operations: {
      GetCallerIdentity: GetCallerIdentity as OperationDefinition<never, unknown>,
      AssumeRole: AssumeRole as OperationDefinition<never, unknown>,
    },
    resourcePolicy(arn: string) {
      const parsed = parseRoleArn(arn)
      const role = parsed ? directory?.getRole(parsed.roleName) : undefined
      return role?.AssumeRolePolicyDocument
    },
  }

  return { definition }
}

export type StsService = ReturnType<typeof createStsService>
