// What roles and users share: inline policies, attached managed policies and tags, with IAM's
// messages for each. The role and user operations (service-roles.ts, service-users.ts) call these.
import type { AttachedPolicy, Tag as SdkTag } from '@aws-sdk/client-iam'
import { AwsError } from '../errors.ts'
import type { OperationContext } from '../types.ts'
import { limitExceeded, LIMITS, limitMessages, policySize } from './limits.ts'
import {
  checkDocumentParam,
  checkName,
  checkPolicy,
  checkTags,
  mergeTags,
  noSuchEntity,
  paginate,
  type IamServiceState,
} from './service-common.ts'
import { encodeDocument, type InlinePolicy, type RoleRecord, type UserRecord } from './store.ts'
import { Checks, PATH } from './validation.ts'

export interface EntityKind<R extends RoleRecord | UserRecord> {
  kind: 'role' | 'user'
  /** The input member naming the entity (RoleName / UserName) and its wire field (roleName / userName). */
  member: 'RoleName' | 'UserName'
  field: 'roleName' | 'userName'
  find(state: IamServiceState, name: string): R | undefined
  arn(state: IamServiceState, record: Pick<R, 'path' | 'name'>): string
  inlineLimit: number
  inlineMessage(name: string): string
  attachedMessage(): string
}

export const ROLE: EntityKind<RoleRecord> = {
  kind: 'role',
  member: 'RoleName',
  field: 'roleName',
  find: (s, name) => s.store.getRole(name),
  arn: (s, r) => s.store.roleArn(r),
  inlineLimit: LIMITS.roleInlinePolicySize,
  inlineMessage: limitMessages.roleInline,
  attachedMessage: limitMessages.policiesPerRole,
}

export const USER: EntityKind<UserRecord> = {
  kind: 'user',
  member: 'UserName',
  field: 'userName',
  find: (s, name) => s.store.getUser(name),
  arn: (s, u) => s.store.userArn(u),
  inlineLimit: LIMITS.userInlinePolicySize,
  inlineMessage: limitMessages.userInline,
  attachedMessage: limitMessages.policiesPerUser,
}

/** "The role with name x cannot be found." */
export function mustFind<R extends RoleRecord | UserRecord>(
  state: IamServiceState,
  kind: EntityKind<R>,
  name: string,
): R {
  const found = kind.find(state, name)
  if (!found) throw noSuchEntity(`The ${kind.kind} with name ${name} cannot be found.`)
  return found
}

/** The ARN an operation on this entity is authorised against (its real path when it exists). */
export function entityResource<R extends RoleRecord | UserRecord>(
  state: IamServiceState,
  kind: EntityKind<R>,
  name: unknown,
): string {
  if (typeof name !== 'string') return '*'
  const found = kind.find(state, name)
  return kind.arn(state, found ?? { path: '/', name })
}

export function checkEntityName(checks: Checks, kind: EntityKind<RoleRecord | UserRecord>, value: unknown): void {
  checkName(checks, kind.field, value, 64)
}

export function checkPath(checks: Checks, field: string, value: unknown): void {
  checks.string(field, value, { min: 1, max: 512, ...PATH })
}

export function checkPathPrefix(checks: Checks, value: unknown): void {
  checks.string('pathPrefix', value, {
    min: 1,
    max: 512,
    pattern: /^\/[\u0021-\u007f]*$/,
    patternText: '\\u002F[\\u0021-\\u007F]*',
  })
}

export function putInline<R extends RoleRecord | UserRecord>(
  state: IamServiceState,
  kind: EntityKind<R>,
  raw: object,
): void {
  const input = raw as { PolicyName?: string; PolicyDocument?: string } & Record<string, unknown>
  const checks = new Checks()
  checkEntityName(checks, kind, input[kind.member])
  checkName(checks, 'policyName', input.PolicyName, 128)
  checkDocumentParam(checks, 'policyDocument', input.PolicyDocument)
  checks.done()
  const record = mustFind(state, kind, input[kind.member] as string)
  const name = input.PolicyName!
  const document = input.PolicyDocument!
  const others = record.inline.filter((p) => p.name.toLowerCase() !== name.toLowerCase())
  const total = others.reduce((n, p) => n + policySize(p.document), 0) + policySize(document)
  if (total > kind.inlineLimit) throw limitExceeded(kind.inlineMessage(record.name))
  checkPolicy(state, document, 'identity')
  const i = record.inline.findIndex((p) => p.name.toLowerCase() === name.toLowerCase())
  const entry: InlinePolicy = { name, document }
  if (i >= 0) record.inline[i] = entry
  else record.inline.push(entry)
  state.store.touch()
}

function findInline<R extends RoleRecord | UserRecord>(
  state: IamServiceState,
  kind: EntityKind<R>,
  raw: object,
): { record: R; index: number } {
  const input = raw as Record<string, unknown>
  const checks = new Checks()
  checkEntityName(checks, kind, input[kind.member])
  checkName(checks, 'policyName', input.PolicyName, 128)
  checks.done()
  const record = mustFind(state, kind, input[kind.member] as string)
  const name = (input.PolicyName as string).toLowerCase()
  const index = record.inline.findIndex((p) => p.name.toLowerCase() === name)
  if (index < 0) throw noSuchEntity(`The ${kind.kind} policy with name ${String(input.PolicyName)} cannot be found.`)
  return { record, index }
}

export function getInline<R extends RoleRecord | UserRecord>(
  state: IamServiceState,
  kind: EntityKind<R>,
  raw: object,
): { name: string; policyName: string; document: string } {
  const input = raw as Record<string, unknown>
  const { record, index } = findInline(state, kind, input)
  const p = record.inline[index]
  return { name: record.name, policyName: p.name, document: encodeDocument(p.document) }
}

export function deleteInline<R extends RoleRecord | UserRecord>(
  state: IamServiceState,
  kind: EntityKind<R>,
  raw: object,
): void {
  const input = raw as Record<string, unknown>
  const { record, index } = findInline(state, kind, input)
  record.inline.splice(index, 1)
  state.store.touch()
}

export function listInline<R extends RoleRecord | UserRecord>(
  state: IamServiceState,
  kind: EntityKind<R>,
  raw: object,
): { PolicyNames: string[]; IsTruncated: boolean; Marker?: string } {
  const input = raw as { Marker?: string; MaxItems?: number } & Record<string, unknown>
  const checks = new Checks()
  checkEntityName(checks, kind, input[kind.member])
  checks.done()
  const record = mustFind(state, kind, input[kind.member] as string)
  const names = record.inline.map((p) => p.name).sort()
  const { page, ...rest } = paginate(names, input)
  return { PolicyNames: page, ...rest }
}

function checkPolicyArn(checks: Checks, value: unknown): void {
  checks.string('policyArn', value, { required: true, min: 20, max: 2048 })
}

export function attach<R extends RoleRecord | UserRecord>(
  state: IamServiceState,
  kind: EntityKind<R>,
  raw: object,
): void {
  const input = raw as { PolicyArn?: string } & Record<string, unknown>
  const checks = new Checks()
  checkEntityName(checks, kind, input[kind.member])
  checkPolicyArn(checks, input.PolicyArn)
  checks.done()
  const record = mustFind(state, kind, input[kind.member] as string)
  const arn = input.PolicyArn!
  if (!state.store.managedPolicy(arn)) throw noSuchEntity(`Policy ${arn} does not exist or is not attachable.`)
  if (record.attached.includes(arn)) return
  if (record.attached.length >= LIMITS.managedPoliciesPerEntity) throw limitExceeded(kind.attachedMessage())
  record.attached.push(arn)
  state.store.touch()
}

export function detach<R extends RoleRecord | UserRecord>(
  state: IamServiceState,
  kind: EntityKind<R>,
  raw: object,
): void {
  const input = raw as { PolicyArn?: string } & Record<string, unknown>
  const checks = new Checks()
  checkEntityName(checks, kind, input[kind.member])
  checkPolicyArn(checks, input.PolicyArn)
  checks.done()
  const record = mustFind(state, kind, input[kind.member] as string)
  const i = record.attached.indexOf(input.PolicyArn!)
  if (i < 0) throw noSuchEntity(`Policy ${input.PolicyArn} was not found.`)
  record.attached.splice(i, 1)
  state.store.touch()
}

export function listAttached<R extends RoleRecord | UserRecord>(
  state: IamServiceState,
  kind: EntityKind<R>,
  raw: object,
): { AttachedPolicies: AttachedPolicy[]; IsTruncated: boolean; Marker?: string } {
  const input = raw as { PathPrefix?: string; Marker?: string; MaxItems?: number } & Record<string, unknown>
  const checks = new Checks()
  checkEntityName(checks, kind, input[kind.member])
  checkPathPrefix(checks, input.PathPrefix)
  checks.done()
  const record = mustFind(state, kind, input[kind.member] as string)
  const prefix = input.PathPrefix ?? '/'
  const attached: AttachedPolicy[] = []
  for (const arn of record.attached) {
    const m = state.store.managedPolicy(arn)
    if (!m) continue
    const path = m.kind === 'aws' ? m.record.Path : m.record.path
    if (!path.startsWith(prefix)) continue
    attached.push({ PolicyName: m.kind === 'aws' ? m.record.PolicyName : m.record.name, PolicyArn: arn })
  }
  const { page, ...rest } = paginate(attached, input)
  return { AttachedPolicies: page, ...rest }
}

export function tagEntity<R extends RoleRecord | UserRecord>(
  state: IamServiceState,
  kind: EntityKind<R>,
  raw: object,
): void {
  const input = raw as { Tags?: SdkTag[] } & Record<string, unknown>
  const checks = new Checks()
  checkEntityName(checks, kind, input[kind.member])
  checks.required('tags', input.Tags)
  checkTags(checks, 'tags', input.Tags)
  checks.done()
  const record = mustFind(state, kind, input[kind.member] as string)
  record.tags = mergeTags(record.tags, input.Tags as { Key: string; Value: string }[])
  state.store.touch()
}

export function untagEntity<R extends RoleRecord | UserRecord>(
  state: IamServiceState,
  kind: EntityKind<R>,
  raw: object,
): void {
  const input = raw as { TagKeys?: string[] } & Record<string, unknown>
  const checks = new Checks()
  checkEntityName(checks, kind, input[kind.member])
  checks.stringList('tagKeys', input.TagKeys, { required: true, maxItems: 50 })
  checks.done()
  const record = mustFind(state, kind, input[kind.member] as string)
  const drop = new Set(input.TagKeys!.map((k) => k.toLowerCase()))
  record.tags = record.tags.filter((t) => !drop.has(t.Key.toLowerCase()))
  state.store.touch()
}

export function listTags<R extends RoleRecord | UserRecord>(
  state: IamServiceState,
  kind: EntityKind<R>,
  raw: object,
): { Tags: SdkTag[]; IsTruncated: boolean; Marker?: string } {
  const input = raw as { Marker?: string; MaxItems?: number } & Record<string, unknown>
  const checks = new Checks()
  checkEntityName(checks, kind, input[kind.member])
  checks.done()
  const record = mustFind(state, kind, input[kind.member] as string)
  const { page, ...rest } = paginate(
    record.tags.map((t) => ({ ...t })),
    input,
  )
  return { Tags: page, ...rest }
}

/** DeleteRole/DeleteUser refuse while policies are attached or inline. */
export function checkDeletable(record: RoleRecord | UserRecord): void {
  if (record.attached.length > 0)
    throw new AwsError('DeleteConflict', 'Cannot delete entity, must detach all policies first.', 409)
  if (record.inline.length > 0)
    throw new AwsError('DeleteConflict', 'Cannot delete entity, must delete policies first.', 409)
}

/** The resource ARN and the action an entity operation is authorised with. */
export function entityAuth<R extends RoleRecord | UserRecord>(
  state: IamServiceState,
  kind: EntityKind<R>,
  action: string,
) {
  return (input: object, _ctx: OperationContext) => [
    { action: `iam:${action}`, resource: entityResource(state, kind, (input as Record<string, unknown>)[kind.member]) },
  ]
}
