// Managed policy operations of the iam service: customer managed policies with versions, and the
// AWS managed policies (read-only: changing one is denied, as in a real account).
import type {
  CreatePolicyRequest,
  CreatePolicyResponse,
  CreatePolicyVersionRequest,
  CreatePolicyVersionResponse,
  DeletePolicyRequest,
  DeletePolicyVersionRequest,
  GetPolicyRequest,
  GetPolicyResponse,
  GetPolicyVersionRequest,
  GetPolicyVersionResponse,
  ListEntitiesForPolicyRequest,
  ListEntitiesForPolicyResponse,
  ListPoliciesRequest,
  ListPoliciesResponse,
  ListPolicyVersionsRequest,
  ListPolicyVersionsResponse,
  Policy,
  PolicyVersion,
  SetDefaultPolicyVersionRequest,
} from '@aws-sdk/client-iam'
import type { OperationContext, OperationDefinition } from '../types.ts'
import { checkPath, checkPathPrefix } from './entities.ts'
import { limitExceeded, LIMITS, limitMessages } from './limits.ts'
import { accessDeniedError } from './messages.ts'
import {
  checkDocumentParam,
  checkName,
  checkPolicy,
  checkTags,
  date,
  deleteConflict,
  entityAlreadyExists,
  invalidInput,
  noSuchEntity,
  now,
  op,
  paginate,
  uniqueTagKeys,
  type IamServiceState,
} from './service-common.ts'
import { encodeDocument, type ManagedPolicy, type PolicyRecord } from './store.ts'
import { Checks, DESCRIPTION, VERSION_ID } from './validation.ts'

type Ops = Record<string, OperationDefinition<never, unknown>>

function policyShape(state: IamServiceState, m: ManagedPolicy, detail: 'create' | 'list' | 'get'): Policy {
  const attachments = state.store.attachmentCount(m.arn)
  if (m.kind === 'aws') {
    const r = m.record
    const p: Policy = {
      PolicyName: r.PolicyName,
      PolicyId: r.PolicyId,
      Arn: r.Arn,
      Path: r.Path,
      DefaultVersionId: r.DefaultVersionId,
      AttachmentCount: attachments,
      PermissionsBoundaryUsageCount: 0,
      IsAttachable: true,
      CreateDate: new Date(r.CreateDate),
      UpdateDate: new Date(r.UpdateDate),
    }
    if (detail === 'get') p.Description = r.Description
    return p
  }
  const r = m.record
  const p: Policy = {
    PolicyName: r.name,
    PolicyId: r.id,
    Arn: m.arn,
    Path: r.path,
    DefaultVersionId: r.defaultVersion,
    AttachmentCount: attachments,
    PermissionsBoundaryUsageCount: 0,
    IsAttachable: true,
    CreateDate: date(r.created),
    UpdateDate: date(r.updated),
  }
  if (detail === 'get' && r.description !== undefined) p.Description = r.description
  if (detail !== 'list' && r.tags.length) p.Tags = r.tags.map((t) => ({ ...t }))
  return p
}

function checkArn(checks: Checks, value: unknown): void {
  checks.string('policyArn', value, { required: true, min: 20, max: 2048 })
}

function findPolicy(state: IamServiceState, arn: string): ManagedPolicy {
  const m = state.store.managedPolicy(arn)
  if (!m) throw noSuchEntity(`Policy ${arn} was not found.`)
  return m
}

/** Changing an AWS managed policy is denied: it belongs to AWS, not to this account. */
function customerOnly(state: IamServiceState, m: ManagedPolicy, action: string, ctx: OperationContext): PolicyRecord {
  if (m.kind === 'customer') return m.record
  throw accessDeniedError('iam', {
    principal: ctx.principal,
    action,
    resource: m.arn,
    decision: 'ImplicitDeny',
    deniedBy: 'resource',
  })
}

const versionGone = (arn: string, version: string) =>
  noSuchEntity(`Policy ${arn} version ${version} does not exist or is not attachable.`)

const policyAuth = (action: string) => (input: { PolicyArn?: string }) => [
  { action: `iam:${action}`, resource: input.PolicyArn ?? '*' },
]

export function policyOperations(state: IamServiceState): Ops {
  const { store } = state
  return {
    CreatePolicy: op<CreatePolicyRequest, CreatePolicyResponse>({
      authorize: (input) => [
        {
          action: 'iam:CreatePolicy',
          resource: store.policyArn({ path: input.Path ?? '/', name: String(input.PolicyName ?? '') }),
        },
      ],
      handler(input, ctx) {
        const checks = new Checks()
        checkName(checks, 'policyName', input.PolicyName, 128)
        checkPath(checks, 'path', input.Path)
        checkDocumentParam(checks, 'policyDocument', input.PolicyDocument)
        checks.string('description', input.Description, { max: 1000, ...DESCRIPTION })
        checkTags(checks, 'tags', input.Tags)
        checks.done()
        const tags = (input.Tags ?? []).map((t) => ({ Key: t.Key!, Value: t.Value! }))
        uniqueTagKeys(tags)
        const document = checkPolicy(state, input.PolicyDocument!, 'identity', {
          maxSize: LIMITS.managedPolicySize,
          sizeMessage: limitMessages.managedPolicySize,
          requireCurrentVersion: true,
        })
        const path = input.Path ?? '/'
        const arn = store.policyArn({ path, name: input.PolicyName! })
        const taken = [...store.policies.values()].some((p) => p.name.toLowerCase() === input.PolicyName!.toLowerCase())
        if (taken)
          throw entityAlreadyExists(
            `A policy called ${input.PolicyName} already exists. Duplicate names are not allowed.`,
          )
        if (store.policies.size >= LIMITS.customerManagedPolicies) throw limitExceeded(limitMessages.policies())
        const t = now(ctx)
        const record: PolicyRecord = {
          name: input.PolicyName!,
          id: store.newId('ANPA'),
          path,
          created: t,
          updated: t,
          description: input.Description,
          tags,
          defaultVersion: 'v1',
          versions: [{ id: 'v1', document, created: t }],
          nextVersion: 2,
        }
        store.policies.set(arn, record)
        store.touch()
        return { Policy: policyShape(state, { kind: 'customer', arn, record }, 'create') }
      },
    }),

    GetPolicy: op<GetPolicyRequest, GetPolicyResponse>({
      authorize: policyAuth('GetPolicy'),
      handler(input) {
        const checks = new Checks()
        checkArn(checks, input.PolicyArn)
        checks.done()
        return { Policy: policyShape(state, findPolicy(state, input.PolicyArn!), 'get') }
      },
    }),

    DeletePolicy: op<DeletePolicyRequest, object>({
      authorize: policyAuth('DeletePolicy'),
      handler(input, ctx) {
        const checks = new Checks()
        checkArn(checks, input.PolicyArn)
        checks.done()
        const m = findPolicy(state, input.PolicyArn!)
        const record = customerOnly(state, m, 'iam:DeletePolicy', ctx)
        if (store.attachmentCount(m.arn) > 0) throw deleteConflict('Cannot delete a policy attached to entities.')
        if (record.versions.length > 1)
          throw deleteConflict(
            "This policy has more than one version. Before you delete a policy, you must delete the policy's versions. The default version is deleted with the policy.",
          )
        store.policies.delete(m.arn)
        store.touch()
        return {}
      },
    }),

    ListPolicies: op<ListPoliciesRequest, ListPoliciesResponse>({
      authorize: () => [
        { action: 'iam:ListPolicies', resource: `arn:${store.partition}:iam::${store.accountId}:policy/` },
      ],
      handler(input) {
        const checks = new Checks()
        checkPathPrefix(checks, input.PathPrefix)
        if (input.Scope !== undefined && !['All', 'AWS', 'Local'].includes(input.Scope))
          checks.violations.push({
            field: 'scope',
            value: input.Scope,
            constraint: 'Member must satisfy enum value set: [All, AWS, Local]',
          })
        checks.done()
        const scope = input.Scope ?? 'All'
        const prefix = input.PathPrefix ?? '/'
        const policies = store
          .allManagedPolicies()
          .filter((m) => scope === 'All' || (scope === 'AWS') === (m.kind === 'aws'))
          .filter((m) => (m.kind === 'aws' ? m.record.Path : m.record.path).startsWith(prefix))
          .filter((m) => !input.OnlyAttached || store.attachmentCount(m.arn) > 0)
          .filter(() => input.PolicyUsageFilter !== 'PermissionsBoundary')
          .sort((a, b) => {
            const an = a.kind === 'aws' ? a.record.PolicyName : a.record.name
            const bn = b.kind === 'aws' ? b.record.PolicyName : b.record.name
            return an < bn ? -1 : an > bn ? 1 : 0
          })
        const { page, ...rest } = paginate(policies, input)
        return { Policies: page.map((m) => policyShape(state, m, 'list')), ...rest }
      },
    }),

    CreatePolicyVersion: op<CreatePolicyVersionRequest, CreatePolicyVersionResponse>({
      authorize: policyAuth('CreatePolicyVersion'),
      handler(input, ctx) {
        const checks = new Checks()
        checkArn(checks, input.PolicyArn)
        checkDocumentParam(checks, 'policyDocument', input.PolicyDocument)
        checks.done()
        const m = findPolicy(state, input.PolicyArn!)
        const record = customerOnly(state, m, 'iam:CreatePolicyVersion', ctx)
        const document = checkPolicy(state, input.PolicyDocument!, 'identity', {
          maxSize: LIMITS.managedPolicySize,
          sizeMessage: limitMessages.managedPolicySize,
          requireCurrentVersion: true,
        })
        if (record.versions.length >= LIMITS.policyVersions) throw limitExceeded(limitMessages.versions())
        const t = now(ctx)
        const id = `v${record.nextVersion++}`
        record.versions.push({ id, document, created: t })
        if (input.SetAsDefault) record.defaultVersion = id
        record.updated = t
        store.touch()
        return { PolicyVersion: { VersionId: id, IsDefaultVersion: record.defaultVersion === id, CreateDate: date(t) } }
      },
    }),

    GetPolicyVersion: op<GetPolicyVersionRequest, GetPolicyVersionResponse>({
      authorize: policyAuth('GetPolicyVersion'),
      handler(input) {
        const checks = new Checks()
        checkArn(checks, input.PolicyArn)
        checks.string('versionId', input.VersionId, { required: true, ...VERSION_ID })
        checks.done()
        const m = findPolicy(state, input.PolicyArn!)
        let version: PolicyVersion | undefined
        if (m.kind === 'aws') {
          if (input.VersionId === m.record.DefaultVersionId)
            version = {
              Document: encodeDocument(m.record.Document),
              VersionId: m.record.DefaultVersionId,
              IsDefaultVersion: true,
              CreateDate: new Date(m.record.UpdateDate),
            }
        } else {
          const v = m.record.versions.find((x) => x.id === input.VersionId)
          if (v)
            version = {
              Document: encodeDocument(v.document),
              VersionId: v.id,
              IsDefaultVersion: v.id === m.record.defaultVersion,
              CreateDate: date(v.created),
            }
        }
        if (!version) throw versionGone(m.arn, input.VersionId!)
        return { PolicyVersion: version }
      },
    }),

    DeletePolicyVersion: op<DeletePolicyVersionRequest, object>({
      authorize: policyAuth('DeletePolicyVersion'),
      handler(input, ctx) {
        const checks = new Checks()
        checkArn(checks, input.PolicyArn)
        checks.string('versionId', input.VersionId, { required: true, ...VERSION_ID })
        checks.done()
        const m = findPolicy(state, input.PolicyArn!)
        const record = customerOnly(state, m, 'iam:DeletePolicyVersion', ctx)
        const i = record.versions.findIndex((v) => v.id === input.VersionId)
        if (i < 0) throw versionGone(m.arn, input.VersionId!)
        if (record.defaultVersion === input.VersionId)
          throw deleteConflict('Cannot delete the default version of a policy.')
        record.versions.splice(i, 1)
        store.touch()
        return {}
      },
    }),

    ListPolicyVersions: op<ListPolicyVersionsRequest, ListPolicyVersionsResponse>({
      authorize: policyAuth('ListPolicyVersions'),
      handler(input) {
        const checks = new Checks()
        checkArn(checks, input.PolicyArn)
        checks.done()
        const m = findPolicy(state, input.PolicyArn!)
        const versions: PolicyVersion[] =
          m.kind === 'aws'
            ? [
                {
                  VersionId: m.record.DefaultVersionId,
                  IsDefaultVersion: true,
                  CreateDate: new Date(m.record.UpdateDate),
                },
              ]
            : [...m.record.versions].reverse().map((v) => ({
                VersionId: v.id,
                IsDefaultVersion: v.id === m.record.defaultVersion,
                CreateDate: date(v.created),
              }))
        const { page, ...rest } = paginate(versions, input)
        return { Versions: page, ...rest }
      },
    }),

    SetDefaultPolicyVersion: op<SetDefaultPolicyVersionRequest, object>({
      authorize: policyAuth('SetDefaultPolicyVersion'),
      handler(input, ctx) {
        const checks = new Checks()
        checkArn(checks, input.PolicyArn)
        checks.string('versionId', input.VersionId, { required: true, ...VERSION_ID })
        checks.done()
        const m = findPolicy(state, input.PolicyArn!)
        const record = customerOnly(state, m, 'iam:SetDefaultPolicyVersion', ctx)
        if (!record.versions.some((v) => v.id === input.VersionId)) throw versionGone(m.arn, input.VersionId!)
        record.defaultVersion = input.VersionId!
        record.updated = now(ctx)
        store.touch()
        return {}
      },
    }),

    ListEntitiesForPolicy: op<ListEntitiesForPolicyRequest, ListEntitiesForPolicyResponse>({
      authorize: policyAuth('ListEntitiesForPolicy'),
      handler(input) {
        const checks = new Checks()
        checkArn(checks, input.PolicyArn)
        checkPathPrefix(checks, input.PathPrefix)
        checks.done()
        const m = findPolicy(state, input.PolicyArn!)
        const filter = input.EntityFilter
        if (
          filter !== undefined &&
          !['User', 'Role', 'Group', 'LocalManagedPolicy', 'AWSManagedPolicy'].includes(filter)
        )
          throw invalidInput(`Invalid EntityFilter: ${filter}`)
        const prefix = input.PathPrefix ?? '/'
        const roles =
          filter === undefined || filter === 'Role'
            ? [...store.roles.values()].filter((r) => r.attached.includes(m.arn) && r.path.startsWith(prefix))
            : []
        const users =
          filter === undefined || filter === 'User'
            ? [...store.users.values()].filter((u) => u.attached.includes(m.arn) && u.path.startsWith(prefix))
            : []
        return {
          PolicyGroups: [],
          PolicyUsers: users.map((u) => ({ UserName: u.name, UserId: u.id })),
          PolicyRoles: roles.map((r) => ({ RoleName: r.name, RoleId: r.id })),
          IsTruncated: false,
        }
      },
    }),
  }
}
