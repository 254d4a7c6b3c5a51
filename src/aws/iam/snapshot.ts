// Saving and loading the IAM store as plain JSON (the playground saves the account with the
// workspace). restore() trusts nothing: every field is type-checked, names and sizes are
// bounded, and every policy document is checked against the grammar again, so a corrupt or
// hostile saved account is refused with a clear message and leaves the store as it was.
import { parsePolicyDocument, PolicyGrammarError } from './grammar.ts'
import { LIMITS } from './limits.ts'
import { awsManagedPolicy } from './managed-policies.ts'
import { IamStore, type InlinePolicy, type PolicyRecord, type RoleRecord, type Tag, type UserRecord } from './store.ts'

export const SNAPSHOT_VERSION = 1

export interface IamSnapshot {
  version: typeof SNAPSHOT_VERSION
  accountId: string
  seq: number
  roles: RoleRecord[]
  users: UserRecord[]
  policies: PolicyRecord[]
}

export function snapshotStore(store: IamStore): IamSnapshot {
  // structuredClone keeps the store's records out of the caller's hands.
  return structuredClone({
    version: SNAPSHOT_VERSION,
    accountId: store.accountId,
    seq: store.seq,
    roles: [...store.roles.values()],
    users: [...store.users.values()],
    policies: [...store.policies.values()],
  })
}

export class SnapshotError extends Error {
  override name = 'SnapshotError'
}

type Obj = Record<string, unknown>

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)

class Reader {
  constructor(private readonly path: string) {}

  fail(message: string): never {
    throw new SnapshotError(`The saved IAM data is not valid: ${this.path}: ${message}`)
  }

  at(path: string): Reader {
    return new Reader(`${this.path}${path}`)
  }

  obj(v: unknown): Obj {
    return isObj(v) ? v : this.fail('expected an object')
  }

  str(v: unknown, max = 1024, pattern?: RegExp): string {
    if (typeof v !== 'string') return this.fail('expected a string')
    if (v.length > max) return this.fail(`longer than ${max} characters`)
    if (pattern && !pattern.test(v)) return this.fail(`not a valid value (${JSON.stringify(v.slice(0, 80))})`)
    return v
  }

  optStr(v: unknown, max = 1024): string | undefined {
    return v === undefined ? undefined : this.str(v, max)
  }

  num(v: unknown, min = 0, max = Number.MAX_SAFE_INTEGER): number {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max)
      return this.fail('expected a number in range')
    return v
  }

  arr(v: unknown, max: number): unknown[] {
    if (!Array.isArray(v)) return this.fail('expected a list')
    if (v.length > max) return this.fail(`more than ${max} entries`)
    return v
  }
}

const NAME = /^[\w+=,.@-]{1,128}$/
const PATH = /^(\/|\/[\u0021-\u007e]{1,510}\/)$/
const ID = /^(AROA|AIDA|ANPA)[A-Z0-9]{16,124}$/
const POLICY_ARN = /^arn:[a-z-]+:iam::(aws|\d{12}):policy\/.+$/

function tags(r: Reader, v: unknown): Tag[] {
  return r.arr(v, LIMITS.tags).map((t, i) => {
    const o = r.at(`[${i}]`).obj(t)
    return { Key: r.at(`[${i}].Key`).str(o.Key, 128), Value: r.at(`[${i}].Value`).str(o.Value, 256) }
  })
}

function document(r: Reader, v: unknown, kind: 'identity' | 'trust'): string {
  const text = r.str(v, LIMITS.policyDocumentLength)
  try {
    parsePolicyDocument(text, { kind })
  } catch (e) {
    if (e instanceof PolicyGrammarError) r.fail(e.message)
    throw e
  }
  return text
}

function inline(r: Reader, v: unknown): InlinePolicy[] {
  return r.arr(v, 1000).map((p, i) => {
    const o = r.at(`[${i}]`).obj(p)
    return {
      name: r.at(`[${i}].name`).str(o.name, 128, NAME),
      document: document(r.at(`[${i}].document`), o.document, 'identity'),
    }
  })
}

function attached(r: Reader, v: unknown): string[] {
  return r.arr(v, LIMITS.managedPoliciesPerEntity).map((a, i) => r.at(`[${i}]`).str(a, 2048, POLICY_ARN))
}

function role(r: Reader, v: unknown): RoleRecord {
  const o = r.obj(v)
  const lastUsed = o.lastUsed === undefined ? undefined : r.at('.lastUsed').obj(o.lastUsed)
  return {
    name: r.at('.name').str(o.name, 64, NAME),
    id: r.at('.id').str(o.id, 128, ID),
    path: r.at('.path').str(o.path, 512, PATH),
    created: r.at('.created').num(o.created),
    trust: document(r.at('.trust'), o.trust, 'trust'),
    description: r.at('.description').optStr(o.description, 1000),
    maxSessionDuration: r.at('.maxSessionDuration').num(o.maxSessionDuration, 3600, 43200),
    tags: tags(r.at('.tags'), o.tags),
    inline: inline(r.at('.inline'), o.inline),
    attached: attached(r.at('.attached'), o.attached),
    lastUsed: lastUsed
      ? { date: r.at('.lastUsed.date').num(lastUsed.date), region: r.at('.lastUsed.region').str(lastUsed.region, 64) }
      : undefined,
  }
}

function user(r: Reader, v: unknown): UserRecord {
  const o = r.obj(v)
  return {
    name: r.at('.name').str(o.name, 64, NAME),
    id: r.at('.id').str(o.id, 128, ID),
    path: r.at('.path').str(o.path, 512, PATH),
    created: r.at('.created').num(o.created),
    tags: tags(r.at('.tags'), o.tags),
    inline: inline(r.at('.inline'), o.inline),
    attached: attached(r.at('.attached'), o.attached),
  }
}

function policy(r: Reader, v: unknown): PolicyRecord {
  const o = r.obj(v)
  const versions = r
    .at('.versions')
    .arr(o.versions, LIMITS.policyVersions)
    .map((x, i) => {
      const vr = r.at(`.versions[${i}]`)
      const vo = vr.obj(x)
      return {
        id: vr.at('.id').str(vo.id, 64, /^v[1-9][0-9]*$/),
        document: document(vr.at('.document'), vo.document, 'identity'),
        created: vr.at('.created').num(vo.created),
      }
    })
  const defaultVersion = r.at('.defaultVersion').str(o.defaultVersion, 64)
  if (!versions.some((x) => x.id === defaultVersion)) r.at('.defaultVersion').fail('names no version of the policy')
  return {
    name: r.at('.name').str(o.name, 128, NAME),
    id: r.at('.id').str(o.id, 128, ID),
    path: r.at('.path').str(o.path, 512, PATH),
    created: r.at('.created').num(o.created),
    updated: r.at('.updated').num(o.updated),
    description: r.at('.description').optStr(o.description, 1000),
    tags: tags(r.at('.tags'), o.tags),
    defaultVersion,
    versions,
    nextVersion: r.at('.nextVersion').num(o.nextVersion, 1, 1e9),
  }
}

/** Replace the store's contents with a snapshot; throws SnapshotError and changes nothing on bad input. */
export function restoreStore(store: IamStore, json: unknown): void {
  const r = new Reader('iam')
  const o = r.obj(json)
  if (o.version !== SNAPSHOT_VERSION) r.at('.version').fail(`unknown version ${JSON.stringify(o.version)}`)
  if (o.accountId !== store.accountId)
    r.at('.accountId').fail(`belongs to account ${String(o.accountId)}, not ${store.accountId}`)
  const seq = r.at('.seq').num(o.seq)
  const roles = r
    .at('.roles')
    .arr(o.roles, LIMITS.rolesPerAccount)
    .map((x, i) => role(r.at(`.roles[${i}]`), x))
  const users = r
    .at('.users')
    .arr(o.users, LIMITS.usersPerAccount)
    .map((x, i) => user(r.at(`.users[${i}]`), x))
  const policies = r
    .at('.policies')
    .arr(o.policies, LIMITS.customerManagedPolicies)
    .map((x, i) => policy(r.at(`.policies[${i}]`), x))
  const unique = <T extends { name: string }>(list: T[], what: string) => {
    const seen = new Set<string>()
    for (const x of list) {
      const k = x.name.toLowerCase()
      if (seen.has(k)) r.at(`.${what}`).fail(`two entries named ${x.name}`)
      seen.add(k)
    }
  }
  unique(roles, 'roles')
  unique(users, 'users')
  const arns = new Set(policies.map((p) => store.policyArn(p)))
  if (arns.size !== policies.length) r.at('.policies').fail('two policies with the same ARN')
  for (const e of [...roles, ...users])
    for (const arn of e.attached)
      if (!arns.has(arn) && !awsManagedPolicy(arn)) r.fail(`${e.name} is attached to ${arn}, which does not exist`)

  store.roles.clear()
  store.users.clear()
  store.policies.clear()
  for (const x of roles) store.roles.set(x.name.toLowerCase(), x)
  for (const x of users) store.users.set(x.name.toLowerCase(), x)
  for (const x of policies) store.policies.set(store.policyArn(x), x)
  store.seq = seq
  store.touch()
}
