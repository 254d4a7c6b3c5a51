// Role operations of the iam service, named and shaped as the IAM API (@aws-sdk/client-iam).
import type {
  AttachRolePolicyRequest,
  CreateRoleRequest,
  CreateRoleResponse,
  DeleteRolePolicyRequest,
  DeleteRoleRequest,
  DetachRolePolicyRequest,
  GetRolePolicyRequest,
  GetRolePolicyResponse,
  GetRoleRequest,
  GetRoleResponse,
  ListAttachedRolePoliciesRequest,
  ListAttachedRolePoliciesResponse,
  ListRolePoliciesRequest,
  ListRolePoliciesResponse,
  ListRoleTagsRequest,
  ListRoleTagsResponse,
  ListRolesRequest,
  ListRolesResponse,
  PutRolePolicyRequest,
  Role,
  TagRoleRequest,
  UntagRoleRequest,
  UpdateAssumeRolePolicyRequest,
  UpdateRoleRequest,
} from '@aws-sdk/client-iam'
import type { OperationDefinition } from '../types.ts'
import {
  attach,
  checkDeletable,
  checkEntityName,
  checkPath,
  checkPathPrefix,
  deleteInline,
  detach,
  entityAuth,
  getInline,
  listAttached,
  listInline,
  listTags,
  mustFind,
  putInline,
  ROLE,
  tagEntity,
  untagEntity,
} from './entities.ts'
import { limitExceeded, LIMITS, limitMessages } from './limits.ts'
import {
  checkDocumentParam,
  checkPolicy,
  checkTags,
  date,
  entityAlreadyExists,
  invalidInput,
  now,
  op,
  paginate,
  sortByName,
  uniqueTagKeys,
  type IamServiceState,
} from './service-common.ts'
import { encodeDocument, type RoleRecord } from './store.ts'
import { Checks, DESCRIPTION } from './validation.ts'

type Ops = Record<string, OperationDefinition<never, unknown>>

/** A role as the API returns it; `detail` adds what GetRole has and ListRoles doesn't. */
export function roleShape(state: IamServiceState, r: RoleRecord, detail: 'create' | 'list' | 'get'): Role {
  const role: Role = {
    Path: r.path,
    RoleName: r.name,
    RoleId: r.id,
    Arn: state.store.roleArn(r),
    CreateDate: date(r.created),
    AssumeRolePolicyDocument: encodeDocument(r.trust),
  }
  if (r.description !== undefined) role.Description = r.description
  if (detail !== 'create') role.MaxSessionDuration = r.maxSessionDuration
  if (detail !== 'list' && r.tags.length) role.Tags = r.tags.map((t) => ({ ...t }))
  if (detail === 'get')
    role.RoleLastUsed = r.lastUsed ? { LastUsedDate: date(r.lastUsed.date), Region: r.lastUsed.region } : {}
  return role
}

function checkTrust(state: IamServiceState, text: string): string {
  return checkPolicy(state, text, 'trust', {
    maxSize: LIMITS.trustPolicySize,
    sizeMessage: limitMessages.trustPolicySize,
  })
}

export function roleOperations(state: IamServiceState): Ops {
  const { store } = state
  return {
    CreateRole: op<CreateRoleRequest, CreateRoleResponse>({
      authorize: (input) => [
        {
          action: 'iam:CreateRole',
          resource: store.roleArn({ path: input.Path ?? '/', name: String(input.RoleName ?? '') }),
        },
      ],
      handler(input, ctx) {
        const checks = new Checks()
        checkEntityName(checks, ROLE, input.RoleName)
        checkPath(checks, 'path', input.Path)
        checkDocumentParam(checks, 'assumeRolePolicyDocument', input.AssumeRolePolicyDocument)
        checks.string('description', input.Description, { max: 1000, ...DESCRIPTION })
        checks.integer('maxSessionDuration', input.MaxSessionDuration, 3600, 43200)
        checkTags(checks, 'tags', input.Tags)
        checks.done()
        if (input.PermissionsBoundary !== undefined)
          throw invalidInput(
            'Permissions boundaries are not part of this simulation: create the role without PermissionsBoundary.',
          )
        const tags = (input.Tags ?? []).map((t) => ({ Key: t.Key!, Value: t.Value! }))
        uniqueTagKeys(tags)
        const trust = checkTrust(state, input.AssumeRolePolicyDocument!)
        if (store.getRole(input.RoleName!))
          throw entityAlreadyExists(`Role with name ${input.RoleName} already exists.`)
        if (store.roles.size >= LIMITS.rolesPerAccount) throw limitExceeded(limitMessages.roles())
        const record: RoleRecord = {
          name: input.RoleName!,
          id: store.newId('AROA'),
          path: input.Path ?? '/',
          created: now(ctx),
          trust,
          description: input.Description,
          maxSessionDuration: input.MaxSessionDuration ?? 3600,
          tags,
          inline: [],
          attached: [],
        }
        store.roles.set(record.name.toLowerCase(), record)
        store.touch()
        return { Role: roleShape(state, record, 'create') }
      },
    }),

    GetRole: op<GetRoleRequest, GetRoleResponse>({
      authorize: entityAuth(state, ROLE, 'GetRole'),
      handler(input) {
        const checks = new Checks()
        checkEntityName(checks, ROLE, input.RoleName)
        checks.done()
        return { Role: roleShape(state, mustFind(state, ROLE, input.RoleName!), 'get') }
      },
    }),

    DeleteRole: op<DeleteRoleRequest, object>({
      authorize: entityAuth(state, ROLE, 'DeleteRole'),
      handler(input) {
        const checks = new Checks()
        checkEntityName(checks, ROLE, input.RoleName)
        checks.done()
        const role = mustFind(state, ROLE, input.RoleName!)
        checkDeletable(role)
        store.roles.delete(role.name.toLowerCase())
        store.touch()
        return {}
      },
    }),

    ListRoles: op<ListRolesRequest, ListRolesResponse>({
      authorize: (input) => [
        {
          action: 'iam:ListRoles',
          resource: `arn:${store.partition}:iam::${store.accountId}:role${input.PathPrefix ?? '/'}`,
        },
      ],
      handler(input) {
        const checks = new Checks()
        checkPathPrefix(checks, input.PathPrefix)
        checks.done()
        const prefix = input.PathPrefix ?? '/'
        const roles = sortByName(store.roles.values()).filter((r) => r.path.startsWith(prefix))
        const { page, ...rest } = paginate(roles, input)
        return { Roles: page.map((r) => roleShape(state, r, 'list')), ...rest }
      },
    }),

    UpdateRole: op<UpdateRoleRequest, object>({
      authorize: entityAuth(state, ROLE, 'UpdateRole'),
      handler(input) {
        const checks = new Checks()
        checkEntityName(checks, ROLE, input.RoleName)
        checks.string('description', input.Description, { max: 1000, ...DESCRIPTION })
        checks.integer('maxSessionDuration', input.MaxSessionDuration, 3600, 43200)
        checks.done()
        const role = mustFind(state, ROLE, input.RoleName!)
        if (input.Description !== undefined) role.description = input.Description
        if (input.MaxSessionDuration !== undefined) role.maxSessionDuration = input.MaxSessionDuration
        store.touch()
        return {}
      },
    }),

    UpdateAssumeRolePolicy: op<UpdateAssumeRolePolicyRequest, object>({
      authorize: entityAuth(state, ROLE, 'UpdateAssumeRolePolicy'),
      handler(input) {
        const checks = new Checks()
        checkEntityName(checks, ROLE, input.RoleName)
        checkDocumentParam(checks, 'policyDocument', input.PolicyDocument)
        checks.done()
        const role = mustFind(state, ROLE, input.RoleName!)
        role.trust = checkTrust(state, input.PolicyDocument!)
        store.touch()
        return {}
      },
    }),

    PutRolePolicy: op<PutRolePolicyRequest, object>({
      authorize: entityAuth(state, ROLE, 'PutRolePolicy'),
      handler(input) {
        putInline(state, ROLE, input)
        return {}
      },
    }),

    GetRolePolicy: op<GetRolePolicyRequest, GetRolePolicyResponse>({
      authorize: entityAuth(state, ROLE, 'GetRolePolicy'),
      handler(input) {
        const p = getInline(state, ROLE, input)
        return { RoleName: p.name, PolicyName: p.policyName, PolicyDocument: p.document }
      },
    }),

    DeleteRolePolicy: op<DeleteRolePolicyRequest, object>({
      authorize: entityAuth(state, ROLE, 'DeleteRolePolicy'),
      handler(input) {
        deleteInline(state, ROLE, input)
        return {}
      },
    }),

    ListRolePolicies: op<ListRolePoliciesRequest, ListRolePoliciesResponse>({
      authorize: entityAuth(state, ROLE, 'ListRolePolicies'),
      handler: (input) => listInline(state, ROLE, input),
    }),

    AttachRolePolicy: op<AttachRolePolicyRequest, object>({
      authorize: entityAuth(state, ROLE, 'AttachRolePolicy'),
      handler(input) {
        attach(state, ROLE, input)
        return {}
      },
    }),

    DetachRolePolicy: op<DetachRolePolicyRequest, object>({
      authorize: entityAuth(state, ROLE, 'DetachRolePolicy'),
      handler(input) {
        detach(state, ROLE, input)
        return {}
      },
    }),

    ListAttachedRolePolicies: op<ListAttachedRolePoliciesRequest, ListAttachedRolePoliciesResponse>({
      authorize: entityAuth(state, ROLE, 'ListAttachedRolePolicies'),
      handler: (input) => listAttached(state, ROLE, input),
    }),

    TagRole: op<TagRoleRequest, object>({
      authorize: entityAuth(state, ROLE, 'TagRole'),
      handler(input) {
        tagEntity(state, ROLE, input)
        return {}
      },
    }),

    UntagRole: op<UntagRoleRequest, object>({
      authorize: entityAuth(state, ROLE, 'UntagRole'),
      handler(input) {
        untagEntity(state, ROLE, input)
        return {}
      },
    }),

    ListRoleTags: op<ListRoleTagsRequest, ListRoleTagsResponse>({
      authorize: entityAuth(state, ROLE, 'ListRoleTags'),
      handler: (input) => listTags(state, ROLE, input),
    }),
  }
}
