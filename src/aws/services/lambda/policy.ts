// Functions' resource-based policies: AddPermission, GetPolicy, RemovePermission, as Lambda keeps
// them. Each statement is built as Lambda builds it from AddPermission's parameters:
//
//   Principal  12 digits → {"AWS": "arn:aws:iam::<account>:root"}; an IAM ARN → {"AWS": arn};
//              "*" → "*"; a service (s3.amazonaws.com) → {"Service": …}
//   SourceArn  → "Condition": {"ArnLike": {"AWS:SourceArn": …}}
//   SourceAccount, PrincipalOrgID, EventSourceToken, FunctionUrlAuthType → StringEquals conditions
//
// The document (`{"Version":"2012-10-17","Id":"default","Statement":[…]}`) is kept as JSON text:
// GetPolicy returns it, and the gateway hands the same text to IAM (compiled once, cached by text).
import { AwsError, constraintError } from '../../errors.ts'
import { uuid } from '../../protocol/ids.ts'

export interface PermissionInput {
  StatementId: string
  Action: string
  Principal: string
  SourceArn?: string
  SourceAccount?: string
  EventSourceToken?: string
  PrincipalOrgID?: string
  FunctionUrlAuthType?: string
  RevisionId?: string
}

export interface PolicyStatement {
  Sid: string
  Effect: 'Allow'
  Principal: '*' | { AWS: string } | { Service: string }
  Action: string
  Resource: string
  Condition?: Record<string, Record<string, string>>
}

interface StoredPolicy {
  statements: PolicyStatement[]
  revisionId: string
  /** The document's JSON text, built when it changes. */
  text: string
}

/** Lambda's limit on a function policy's size. */
export const MAX_POLICY_BYTES = 20_480
const ACTION = /^(lambda:[*]|lambda:[a-zA-Z]+|[*])$/
const SID = /^[a-zA-Z0-9_-]+$/
const SERVICE = /^[a-z0-9][a-z0-9.-]*\.amazonaws\.com(\.cn)?$/
const IAM_ARN = /^arn:aws[a-zA-Z-]*:iam::\d{12}:(root|user\/.+|role\/.+)$/

const notFound = (message: string) => new AwsError('ResourceNotFoundException', message, 404)

function principalOf(p: string): PolicyStatement['Principal'] {
  if (p === '*') return '*'
  if (/^\d{12}$/.test(p)) return { AWS: `arn:aws:iam::${p}:root` }
  if (IAM_ARN.test(p)) return { AWS: p }
  if (SERVICE.test(p)) return { Service: p }
  throw new AwsError(
    'InvalidParameterValueException',
    'The provided principal was invalid. Please check the principal and try again.',
    400,
  )
}

export class FunctionPolicies {
  /** By function resource key: the unqualified name, or `name:qualifier`. */
  private policies = new Map<string, StoredPolicy>()

  /** The policy of a function (or of one qualifier of it), as JSON text. */
  text(key: string): string | undefined {
    return this.policies.get(key)?.text
  }

  add(key: string, resource: string, input: PermissionInput): PolicyStatement {
    const bad: { field: string; value: unknown; constraint: string }[] = []
    if (!SID.test(input.StatementId) || input.StatementId.length > 100)
      bad.push({
        field: 'statementId',
        value: input.StatementId,
        constraint:
          input.StatementId.length > 100
            ? 'Member must have length less than or equal to 100'
            : 'Member must satisfy regular expression pattern: ([a-zA-Z0-9-_]+)',
      })
    if (!ACTION.test(input.Action))
      bad.push({
        field: 'action',
        value: input.Action,
        constraint: 'Member must satisfy regular expression pattern: (lambda:[*]|lambda:[a-zA-Z]+|[*])',
      })
    if (input.SourceAccount !== undefined && !/^\d{12}$/.test(input.SourceAccount))
      bad.push({
        field: 'sourceAccount',
        value: input.SourceAccount,
        constraint: 'Member must satisfy regular expression pattern: \\d{12}',
      })
    if (bad.length) throw constraintError(bad)
    const existing = this.policies.get(key)
    if (input.RevisionId !== undefined && input.RevisionId !== existing?.revisionId) throw preconditionFailed()
    if (existing?.statements.some((s) => s.Sid === input.StatementId))
      throw new AwsError(
        'ResourceConflictException',
        `The statement id (${input.StatementId}) provided already exists. Please provide a new statement id, or remove the existing statement.`,
        409,
      )
    const condition: Record<string, Record<string, string>> = {}
    const equals = (k: string, v: string | undefined) => {
      if (v !== undefined) (condition.StringEquals ??= {})[k] = v
    }
    equals('AWS:SourceAccount', input.SourceAccount)
    equals('aws:PrincipalOrgID', input.PrincipalOrgID)
    equals('lambda:EventSourceToken', input.EventSourceToken)
    equals('lambda:FunctionUrlAuthType', input.FunctionUrlAuthType)
    if (input.SourceArn !== undefined) condition.ArnLike = { 'AWS:SourceArn': input.SourceArn }
    const statement: PolicyStatement = {
      Sid: input.StatementId,
      Effect: 'Allow',
      Principal: principalOf(input.Principal),
      Action: input.Action,
      Resource: resource,
      ...(Object.keys(condition).length ? { Condition: condition } : {}),
    }
    const statements = [...(existing?.statements ?? []), statement]
    const text = documentText(statements)
    const size = new TextEncoder().encode(text).length
    if (size > MAX_POLICY_BYTES)
      throw new AwsError(
        'PolicyLengthExceededException',
        `The final policy size (${size}) is bigger than the limit (${MAX_POLICY_BYTES}).`,
        400,
      )
    this.policies.set(key, { statements, revisionId: uuid(), text })
    return statement
  }

  get(key: string): { Policy: string; RevisionId: string } {
    const p = this.policies.get(key)
    if (!p) throw notFound('The resource you requested does not exist.')
    return { Policy: p.text, RevisionId: p.revisionId }
  }

  remove(key: string, sid: string, revisionId?: string): void {
    const p = this.policies.get(key)
    if (!p) throw notFound('No policy is associated with the given resource.')
    if (revisionId !== undefined && revisionId !== p.revisionId) throw preconditionFailed()
    const statements = p.statements.filter((s) => s.Sid !== sid)
    if (statements.length === p.statements.length) throw notFound(`Statement ${sid} is not found in resource policy.`)
    if (statements.length === 0) this.policies.delete(key)
    else this.policies.set(key, { statements, revisionId: uuid(), text: documentText(statements) })
  }

  /** A deleted function loses its policies (a new function with the same name starts with none). */
  forget(name: string): void {
    for (const key of [...this.policies.keys()])
      if (key === name || key.startsWith(name + ':')) this.policies.delete(key)
  }

  snapshot(): Record<string, { statements: PolicyStatement[]; revisionId: string }> {
    const out: Record<string, { statements: PolicyStatement[]; revisionId: string }> = {}
    for (const [k, p] of this.policies) out[k] = { statements: structuredClone(p.statements), revisionId: p.revisionId }
    return out
  }

  restore(json: unknown): void {
    if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new Error('expected an object')
    const next = new Map<string, StoredPolicy>()
    const entries = Object.entries(json as Record<string, unknown>)
    if (entries.length > 10_000) throw new Error('too many policies')
    for (const [key, v] of entries) {
      if (!/^[a-zA-Z0-9_.-]{1,64}(:[a-zA-Z0-9$_-]{1,128})?$/.test(key))
        throw new Error(`not a function: ${key.slice(0, 80)}`)
      const p = v as { statements?: unknown; revisionId?: unknown }
      if (typeof p !== 'object' || p === null || !Array.isArray(p.statements) || typeof p.revisionId !== 'string')
        throw new Error(`${key}: expected { statements, revisionId }`)
      const statements = p.statements.map((s, i) => checkStatement(s, `${key}.statements[${i}]`))
      const text = documentText(statements)
      if (text.length > MAX_POLICY_BYTES) throw new Error(`${key}: policy larger than ${MAX_POLICY_BYTES} bytes`)
      next.set(key, { statements, revisionId: p.revisionId.slice(0, 64), text })
    }
    this.policies = next
  }
}

function documentText(statements: PolicyStatement[]): string {
  return JSON.stringify({ Version: '2012-10-17', Id: 'default', Statement: statements })
}

function preconditionFailed(): AwsError {
  return new AwsError(
    'PreconditionFailedException',
    'The Revision Id provided does not match the latest Revision Id. Call the GetPolicy API to retrieve the latest Revision Id',
    412,
  )
}

function checkStatement(s: unknown, where: string): PolicyStatement {
  const st = s as Record<string, unknown>
  if (typeof st !== 'object' || st === null) throw new Error(`${where}: expected an object`)
  const str = (k: string) => {
    if (typeof st[k] !== 'string' || (st[k] as string).length > 2048)
      throw new Error(`${where}.${k}: expected a string`)
    return st[k] as string
  }
  const sid = str('Sid')
  if (!SID.test(sid)) throw new Error(`${where}.Sid: not a statement id`)
  if (st.Effect !== 'Allow') throw new Error(`${where}.Effect: expected Allow`)
  const p = st.Principal
  const principal =
    p === '*'
      ? '*'
      : typeof p === 'object' && p !== null && typeof (p as { AWS?: unknown }).AWS === 'string'
        ? { AWS: (p as { AWS: string }).AWS }
        : typeof p === 'object' && p !== null && typeof (p as { Service?: unknown }).Service === 'string'
          ? { Service: (p as { Service: string }).Service }
          : undefined
  if (!principal) throw new Error(`${where}.Principal: expected "*", {"AWS": …} or {"Service": …}`)
  const out: PolicyStatement = {
    Sid: sid,
    Effect: 'Allow',
    Principal: principal,
    Action: str('Action'),
    Resource: str('Resource'),
  }
  if (st.Condition !== undefined) {
    const c = st.Condition as Record<string, unknown>
    if (typeof c !== 'object' || c === null || Array.isArray(c))
      throw new Error(`${where}.Condition: expected an object`)
    const cond: Record<string, Record<string, string>> = {}
    for (const [op, kv] of Object.entries(c)) {
      if (op !== 'StringEquals' && op !== 'ArnLike')
        throw new Error(`${where}.Condition: unexpected operator ${op.slice(0, 40)}`)
      if (typeof kv !== 'object' || kv === null) throw new Error(`${where}.Condition.${op}: expected an object`)
      cond[op] = {}
      for (const [k, v] of Object.entries(kv as Record<string, unknown>)) {
        if (typeof v !== 'string' || v.length > 2048)
          throw new Error(`${where}.Condition.${op}.${k.slice(0, 40)}: expected a string`)
        cond[op][k] = v
      }
    }
    out.Condition = cond
  }
  return out
}
