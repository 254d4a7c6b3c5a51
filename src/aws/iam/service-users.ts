// User operations of the iam service, named and shaped as the IAM API (@aws-sdk/client-iam).
import type {
  AttachUserPolicyRequest,
  CreateUserRequest,
  CreateUserResponse,
  DeleteUserPolicyRequest,
  DeleteUserRequest,
  DetachUserPolicyRequest,
  GetUserPolicyRequest,
  GetUserPolicyResponse,
  GetUserRequest,
  GetUserResponse,
  ListAttachedUserPoliciesRequest,
  ListAttachedUserPoliciesResponse,
  ListUserPoliciesRequest,
  ListUserPoliciesResponse,
  ListUserTagsRequest,
  ListUserTagsResponse,
  ListUsersRequest,
  ListUsersResponse,
  PutUserPolicyRequest,
  TagUserRequest,
  UntagUserRequest,
  User,
} from '@aws-sdk/client-iam'
import { AwsError } from '../errors.ts'
import type { OperationContext, OperationDefinition } from '../types.ts'
import {
  attach,
  checkDeletable,
  checkEntityName,
  checkPath,
  checkPathPrefix,
  deleteInline,
  detach,
  entityAuth,
  entityResource,
  getInline,
  listAttached,
  listInline,
  listTags,
  mustFind,
  putInline,
  tagEntity,
  untagEntity,
  USER,
} from './entities.ts'
import { limitExceeded, LIMITS, limitMessages } from './limits.ts'
import {
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
import type { UserRecord } from './store.ts'
import { Checks } from './validation.ts'

type Ops = Record<string, OperationDefinition<never, unknown>>

export function userShape(state: IamServiceState, u: UserRecord, withTags: boolean): User {
  const user: User = {
    Path: u.path,
    UserName: u.name,
    UserId: u.id,
    Arn: state.store.userArn(u),
    CreateDate: date(u.created),
  }
  if (withTags && u.tags.length) user.Tags = u.tags.map((t) => ({ ...t }))
  return user
}

/** GetUser without UserName describes the caller, which must be a user (or the root user). */
function callerUserName(ctx: OperationContext): string | undefined {
  return ctx.principal.kind === 'user' ? ctx.principal.name : undefined
}

export function userOperations(state: IamServiceState): Ops {
  const { store } = state
  return {
    CreateUser: op<CreateUserRequest, CreateUserResponse>({
      authorize: (input) => [
        {
          action: 'iam:CreateUser',
          resource: store.userArn({ path: input.Path ?? '/', name: String(input.UserName ?? '') }),
        },
      ],
      handler(input, ctx) {
        const checks = new Checks()
        checkEntityName(checks, USER, input.UserName)
        checkPath(checks, 'path', input.Path)
        checkTags(checks, 'tags', input.Tags)
        checks.done()
        if (input.PermissionsBoundary !== undefined)
          throw invalidInput(
            'Permissions boundaries are not part of this simulation: create the user without PermissionsBoundary.',
          )
        const tags = (input.Tags ?? []).map((t) => ({ Key: t.Key!, Value: t.Value! }))
        uniqueTagKeys(tags)
        if (store.getUser(input.UserName!))
          throw entityAlreadyExists(`User with name ${input.UserName} already exists.`)
        if (store.users.size >= LIMITS.usersPerAccount) throw limitExceeded(limitMessages.users())
        const record: UserRecord = {
          name: input.UserName!,
          id: store.newId('AIDA'),
          path: input.Path ?? '/',
          created: now(ctx),
          tags,
          inline: [],
          attached: [],
        }
        store.users.set(record.name.toLowerCase(), record)
        store.touch()
        return { User: userShape(state, record, true) }
      },
    }),

    GetUser: op<GetUserRequest, GetUserResponse>({
      authorize: (input, ctx) => {
        const name = input.UserName ?? callerUserName(ctx)
        if (name !== undefined) return [{ action: 'iam:GetUser', resource: entityResource(state, USER, name) }]
        // Without a user name, role credentials fail validation before any authorisation.
        return ctx.principal.kind === 'root' ? [{ action: 'iam:GetUser', resource: ctx.principal.arn }] : []
      },
      handler(input, ctx) {
        const checks = new Checks()
        if (input.UserName !== undefined) checkEntityName(checks, USER, input.UserName)
        checks.done()
        if (input.UserName === undefined && ctx.principal.kind === 'root')
          return { User: { UserId: ctx.principal.accountId, Arn: ctx.principal.arn, CreateDate: date(0) } as User }
        const name = input.UserName ?? callerUserName(ctx)
        if (name === undefined)
          throw new AwsError('ValidationError', 'Must specify userName when calling with non-User credentials', 400)
        return { User: userShape(state, mustFind(state, USER, name), true) }
      },
    }),

    DeleteUser: op<DeleteUserRequest, object>({
      authorize: entityAuth(state, USER, 'DeleteUser'),
      handler(input) {
        const checks = new Checks()
        checkEntityName(checks, USER, input.UserName)
        checks.done()
        const user = mustFind(state, USER, input.UserName!)
        checkDeletable(user)
        store.users.delete(user.name.toLowerCase())
        store.touch()
        return {}
      },
    }),

    ListUsers: op<ListUsersRequest, ListUsersResponse>({
      authorize: (input) => [
        {
          action: 'iam:ListUsers',
          resource: `arn:${store.partition}:iam::${store.accountId}:user${input.PathPrefix ?? '/'}`,
        },
      ],
      handler(input) {
        const checks = new Checks()
        checkPathPrefix(checks, input.PathPrefix)
        checks.done()
        const prefix = input.PathPrefix ?? '/'
        const users = sortByName(store.users.values()).filter((u) => u.path.startsWith(prefix))
        const { page, ...rest } = paginate(users, input)
        return { Users: page.map((u) => userShape(state, u, false)), ...rest }
      },
    }),

    PutUserPolicy: op<PutUserPolicyRequest, object>({
      authorize: entityAuth(state, USER, 'PutUserPolicy'),
      handler(input) {
        putInline(state, USER, input)
        return {}
      },
    }),

    GetUserPolicy: op<GetUserPolicyRequest, GetUserPolicyResponse>({
      authorize: entityAuth(state, USER, 'GetUserPolicy'),
      handler(input) {
        const p = getInline(state, USER, input)
        return { UserName: p.name, PolicyName: p.policyName, PolicyDocument: p.document }
      },
    }),

    DeleteUserPolicy: op<DeleteUserPolicyRequest, object>({
      authorize: entityAuth(state, USER, 'DeleteUserPolicy'),
      handler(input) {
        deleteInline(state, USER, input)
        return {}
      },
    }),

    ListUserPolicies: op<ListUserPoliciesRequest, ListUserPoliciesResponse>({
      authorize: entityAuth(state, USER, 'ListUserPolicies'),
      handler: (input) => listInline(state, USER, input),
    }),

    AttachUserPolicy: op<AttachUserPolicyRequest, object>({
      authorize: entityAuth(state, USER, 'AttachUserPolicy'),
      handler(input) {
        attach(state, USER, input)
        return {}
      },
    }),

    DetachUserPolicy: op<DetachUserPolicyRequest, object>({
      authorize: entityAuth(state, USER, 'DetachUserPolicy'),
      handler(input) {
        detach(state, USER, input)
        return {}
      },
    }),

    ListAttachedUserPolicies: op<ListAttachedUserPoliciesRequest, ListAttachedUserPoliciesResponse>({
      authorize: entityAuth(state, USER, 'ListAttachedUserPolicies'),
      handler: (input) => listAttached(state, USER, input),
    }),

    TagUser: op<TagUserRequest, object>({
      authorize: entityAuth(state, USER, 'TagUser'),
      handler(input) {
        tagEntity(state, USER, input)
        return {}
      },
    }),

    UntagUser: op<UntagUserRequest, object>({
      authorize: entityAuth(state, USER, 'UntagUser'),
      handler(input) {
        untagEntity(state, USER, input)
        return {}
      },
    }),

    ListUserTags: op<ListUserTagsRequest, ListUserTagsResponse>({
      authorize: entityAuth(state, USER, 'ListUserTags'),
      handler: (input) => listTags(state, USER, input),
    }),
  }
}
