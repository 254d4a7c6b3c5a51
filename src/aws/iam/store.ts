// The IAM store of one account: roles, users and customer managed policies, kept as plain data so
// the whole account can be saved with the workspace (snapshot() / restore(), see snapshot.ts).
// Names are unique without regard to case, as in IAM ("MyRole" and "myrole" cannot coexist).
import { AWS_MANAGED_POLICIES, awsManagedPolicy, type AwsManagedPolicy } from './managed-policies.ts'

export interface Tag {
  Key: string
  Value: string
}

export interface InlinePolicy {
  name: string
  document: string
}

export interface RoleRecord {
  name: string
  id: string
  path: string
  created: number
  /** The trust policy, as the caller wrote it. */
  trust: string
  description?: string
  maxSessionDuration: number
  tags: Tag[]
  inline: InlinePolicy[]
  /** Attached managed policy ARNs, in attach order. */
  attached: string[]
  lastUsed?: { date: number; region: string }
}

export interface UserRecord {
  name: string
  id: string
  path: string
  created: number
  tags: Tag[]
  inline: InlinePolicy[]
  attached: string[]
}

export interface PolicyVersionRecord {
  id: string
  document: string
  created: number
}

export interface PolicyRecord {
  name: string
  id: string
  path: string
  created: number
  updated: number
  description?: string
  tags: Tag[]
  defaultVersion: string
  versions: PolicyVersionRecord[]
  /** The number the next CreatePolicyVersion gets (IAM never reuses version ids). */
  nextVersion: number
}

/** A managed policy as the rest of the code sees it: customer managed or AWS managed. */
export type ManagedPolicy =
  { kind: 'customer'; arn: string; record: PolicyRecord } | { kind: 'aws'; arn: string; record: AwsManagedPolicy }

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'

export class IamStore {
  readonly roles = new Map<string, RoleRecord>()
  readonly users = new Map<string, UserRecord>()
  /** Customer managed policies by ARN. */
  readonly policies = new Map<string, PolicyRecord>()
  /** Bumped on every change, so compiled identity policies can be cached per principal. */
  revision = 0
  /** Counter behind unique ids (AROA…, AIDA…, ANPA…). */
  seq = 0

  constructor(
    readonly accountId: string,
    readonly partition = 'aws',
  ) {}

  touch(): void {
    this.revision++
  }

  roleArn(r: Pick<RoleRecord, 'path' | 'name'>): string {
    return `arn:${this.partition}:iam::${this.accountId}:role${r.path}${r.name}`
  }

  userArn(u: Pick<UserRecord, 'path' | 'name'>): string {
    return `arn:${this.partition}:iam::${this.accountId}:user${u.path}${u.name}`
  }

  policyArn(p: Pick<PolicyRecord, 'path' | 'name'>): string {
    return `arn:${this.partition}:iam::${this.accountId}:policy${p.path}${p.name}`
  }

  getRole(name: string): RoleRecord | undefined {
    return this.roles.get(name.toLowerCase())
  }

  getUser(name: string): UserRecord | undefined {
    return this.users.get(name.toLowerCase())
  }

  /** A role by its ARN (`arn:aws:iam::<account>:role/<path><name>`). */
  roleByArn(arn: string): RoleRecord | undefined {
    const m = /^arn:[^:]+:iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/.exec(arn)
    if (!m || m[1] !== this.accountId) return undefined
    const role = this.getRole(m[2])
    return role && this.roleArn(role) === arn ? role : undefined
  }

  userByArn(arn: string): UserRecord | undefined {
    const m = /^arn:[^:]+:iam::(\d{12}):user\/(?:.*\/)?([^/]+)$/.exec(arn)
    if (!m || m[1] !== this.accountId) return undefined
    const user = this.getUser(m[2])
    return user && this.userArn(user) === arn ? user : undefined
  }

  /** A customer managed or AWS managed policy by ARN. */
  managedPolicy(arn: string): ManagedPolicy | undefined {
    const customer = this.policies.get(arn)
    if (customer) return { kind: 'customer', arn, record: customer }
    const aws = awsManagedPolicy(arn)
    return aws ? { kind: 'aws', arn, record: aws } : undefined
  }

  /** The default version's document of a managed policy. */
  managedDocument(p: ManagedPolicy): string {
    if (p.kind === 'aws') return p.record.Document
    return p.record.versions.find((v) => v.id === p.record.defaultVersion)!.document
  }

  /** How many roles and users a managed policy is attached to. */
  attachmentCount(arn: string): number {
    let n = 0
    for (const r of this.roles.values()) if (r.attached.includes(arn)) n++
    for (const u of this.users.values()) if (u.attached.includes(arn)) n++
    return n
  }

  allManagedPolicies(): ManagedPolicy[] {
    return [
      ...AWS_MANAGED_POLICIES.map((record): ManagedPolicy => ({ kind: 'aws', arn: record.Arn, record })),
      ...[...this.policies.entries()].map(([arn, record]): ManagedPolicy => ({ kind: 'customer', arn, record })),
    ]
  }

  /** A new unique id: AROA (roles), AIDA (users), ANPA (policies) + 17 characters, as IAM's look. */
  newId(prefix: 'AROA' | 'AIDA' | 'ANPA'): string {
    for (;;) {
      let h = fnv(`${this.accountId}/${prefix}/${this.seq++}`)
      let id = prefix
      for (let i = 0; i < 17; i++) {
        h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0
        h = (h ^ (h >>> 12)) >>> 0
        id += ID_ALPHABET[h % 32]
      }
      if (!this.idInUse(id)) return id
    }
  }

  private idInUse(id: string): boolean {
    for (const r of this.roles.values()) if (r.id === id) return true
    for (const u of this.users.values()) if (u.id === id) return true
    for (const p of this.policies.values()) if (p.id === id) return true
    return false
  }
}

function fnv(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0
  return h
}

/** IAM returns policy documents URL-encoded (RFC 3986), as GetRolePolicy and GetPolicyVersion show. */
export function encodeDocument(document: string): string {
  return encodeURIComponent(document).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
}
