// Credentials: access keys ↔ principals, and SigV4 verification of requests that reach the account
// through requestHandler.
//
// The store issues long-term keys (AKIA…, for IAM users) and temporary ones (ASIA… + a session token,
// for role sessions: a function's execution role gets AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY /
// AWS_SESSION_TOKEN from here). verify() recomputes the request's signature with
// @smithy/signature-v4 (the signer the SDK itself uses) and compares; a forged, unknown, expired or
// mismatched credential gets a failure the protocol layer turns into AWS's error for that service.
import { Sha256, Sha256Js } from '@smithy/core/checksum'
import { SignatureV4 } from '@smithy/signature-v4'
import type { HttpRequest } from '@smithy/types'
import type { VirtualClock } from '../lambda/public.ts'
import type { AuthFailure } from './protocol/index.ts'
import {
  accessKeyId as newAccessKeyId,
  secretAccessKey as newSecret,
  sessionToken as newToken,
} from './protocol/ids.ts'
import type { WireRequest } from './protocol/types.ts'
import type { Principal } from './types.ts'

export interface IssuedCredentials {
  AccessKeyId: string
  SecretAccessKey: string
  SessionToken?: string
  Expiration?: Date
}

export interface CredentialRecord {
  accessKeyId: string
  secretAccessKey: string
  sessionToken?: string
  principal: Principal
  /** Virtual epoch ms; temporary credentials only. */
  expiresAt?: number
  createdAt: number
  status: 'Active' | 'Inactive'
}

export interface IssueOptions {
  /** Temporary credentials (ASIA… + session token), as STS issues them. Default: long-term (AKIA…). */
  temporary?: boolean
  /** Lifetime of temporary credentials (default 3600 s). */
  durationSeconds?: number
  /** Import a known key pair (tests, saved accounts) instead of generating one. */
  accessKeyId?: string
  secretAccessKey?: string
  sessionToken?: string
}

export type VerifyResult =
  { ok: true; principal: Principal; record: CredentialRecord } | { ok: false; failure: AuthFailure }

const MAX_RECORDS = 10_000

/**
 * The hash SigV4 verification uses: Node's native one in Node; elsewhere the pure-JS one, which is
 * synchronous and, for requests this small, faster than a round of WebCrypto promises per HMAC.
 */
const isNode =
  typeof (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node === 'string'
const Hash = isNode ? Sha256 : Sha256Js

interface ParsedAuth {
  accessKeyId: string
  date: string
  region: string
  service: string
  signedHeaders: string[]
  signature: string
}

/** Parse `AWS4-HMAC-SHA256 Credential=…/…/…/…/aws4_request, SignedHeaders=…, Signature=…`. */
export function parseAuthorization(header: string, hasDate: boolean): ParsedAuth | { incomplete: string } | undefined {
  if (!header.startsWith('AWS4-')) return undefined
  const space = header.indexOf(' ')
  const params = new Map<string, string>()
  if (space > 0) {
    for (const part of header.slice(space + 1).split(/[,\s]+/)) {
      const eq = part.indexOf('=')
      if (eq > 0) params.set(part.slice(0, eq), part.slice(eq + 1))
    }
  }
  const missing: string[] = []
  for (const p of ['Credential', 'Signature', 'SignedHeaders'])
    if (!params.get(p)) missing.push(`Authorization header requires '${p}' parameter.`)
  if (!hasDate) missing.push("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.")
  if (missing.length) return { incomplete: `${missing.join(' ')} Authorization=${header}` }
  const scope = params.get('Credential')!.split('/')
  if (scope.length !== 5 || scope[4] !== 'aws4_request' || !scope[0])
    return { incomplete: `Credential should be scoped to a valid region, not '${scope[2] ?? ''}'.` }
  return {
    accessKeyId: scope[0],
    date: scope[1],
    region: scope[2],
    service: scope[3],
    signedHeaders: params.get('SignedHeaders')!.split(';'),
    signature: params.get('Signature')!,
  }
}

/** The credential scope of a signed request (service and region), read without verifying anything. */
export function credentialScope(headers: Record<string, string>): { service: string; region: string } | undefined {
  const auth = headers['authorization']
  if (!auth) return undefined
  const m = /Credential=[^/\s,]+\/\d{8}\/([^/\s,]+)\/([^/\s,]+)\/aws4_request/.exec(auth)
  return m ? { region: m[1], service: m[2] } : undefined
}

/** 20240102T030405Z → Date. */
function parseAmzDate(s: string): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(s)
  if (m) return new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]))
  const t = Date.parse(s)
  return Number.isNaN(t) ? undefined : new Date(t)
}

async function sha256Hex(body: Uint8Array, H: typeof Hash): Promise<string> {
  const hash = new H()
  hash.update(body)
  const digest = await hash.digest()
  let out = ''
  for (const b of digest) out += b.toString(16).padStart(2, '0')
  return out
}

function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false
  let diff = 0
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i)
  return diff === 0
}

export class CredentialStore {
  private records = new Map<string, CredentialRecord>()
  private signers = new Map<string, SignatureV4>()

  private readonly hash: typeof Hash

  /** `hash`: the SHA-256 implementation for verification (default: native in Node, pure JS elsewhere). */
  constructor(
    private readonly clock: VirtualClock,
    options: { hash?: typeof Hash } = {},
  ) {
    this.hash = options.hash ?? Hash
  }

  /** Issue credentials for `principal`. */
  issue(principal: Principal, options: IssueOptions = {}): IssuedCredentials {
    const temporary = options.temporary ?? false
    if (this.records.size >= MAX_RECORDS) this.pruneExpired()
    const record: CredentialRecord = {
      accessKeyId: options.accessKeyId ?? newAccessKeyId(temporary),
      secretAccessKey: options.secretAccessKey ?? newSecret(),
      sessionToken: temporary ? (options.sessionToken ?? newToken()) : undefined,
      principal,
      createdAt: this.clock.now(),
      expiresAt: temporary ? this.clock.now() + (options.durationSeconds ?? 3600) * 1000 : undefined,
      status: 'Active',
    }
    this.records.set(record.accessKeyId, record)
    return this.toIssued(record)
  }

  private toIssued(record: CredentialRecord): IssuedCredentials {
    const out: IssuedCredentials = { AccessKeyId: record.accessKeyId, SecretAccessKey: record.secretAccessKey }
    if (record.sessionToken) out.SessionToken = record.sessionToken
    if (record.expiresAt !== undefined) out.Expiration = new Date(record.expiresAt)
    return out
  }

  lookup(accessKeyId: string): CredentialRecord | undefined {
    return this.records.get(accessKeyId)
  }

  /** The principal an access key belongs to (active and unexpired keys only). */
  principalFor(accessKeyId: string): Principal | undefined {
    const r = this.records.get(accessKeyId)
    if (!r || r.status !== 'Active' || (r.expiresAt !== undefined && r.expiresAt <= this.clock.now())) return undefined
    return r.principal
  }

  setStatus(accessKeyId: string, status: 'Active' | 'Inactive'): boolean {
    const r = this.records.get(accessKeyId)
    if (!r) return false
    r.status = status
    return true
  }

  revoke(accessKeyId: string): boolean {
    this.signers.delete(accessKeyId)
    return this.records.delete(accessKeyId)
  }

  /** Remove every credential of a principal (a deleted user or role). */
  revokePrincipal(arn: string): number {
    let n = 0
    for (const [id, r] of this.records)
      if ('arn' in r.principal && r.principal.arn === arn) n += Number(this.revoke(id))
    return n
  }

  list(): CredentialRecord[] {
    return [...this.records.values()]
  }

  private pruneExpired() {
    const now = this.clock.now()
    for (const [id, r] of this.records) if (r.expiresAt !== undefined && r.expiresAt <= now) this.revoke(id)
  }

  /** Check a SigV4-signed request: known key, right session token, not expired, signature recomputed and equal. */
  async verify(req: WireRequest): Promise<VerifyResult> {
    const header = req.headers['authorization']
    if (!header) {
      if (req.query['X-Amz-Algorithm'] !== undefined)
        return {
          ok: false,
          failure: {
            kind: 'incomplete',
            message: 'Presigned (query-string) requests are not supported by the simulation yet.',
          },
        }
      return { ok: false, failure: { kind: 'missing' } }
    }
    const dateHeader = req.headers['x-amz-date'] ?? req.headers['date']
    const parsed = parseAuthorization(header, dateHeader !== undefined)
    if (!parsed) return { ok: false, failure: { kind: 'missing' } }
    if ('incomplete' in parsed) return { ok: false, failure: { kind: 'incomplete', message: parsed.incomplete } }
    const record = this.records.get(parsed.accessKeyId)
    if (!record || record.status !== 'Active')
      return { ok: false, failure: { kind: 'unknown-key', accessKeyId: parsed.accessKeyId } }
    const token = req.headers['x-amz-security-token']
    const tokenOk =
      record.sessionToken === undefined
        ? token === undefined
        : token !== undefined && constantTimeEqual(token, record.sessionToken)
    if (!tokenOk) return { ok: false, failure: { kind: 'bad-token' } }
    if (record.expiresAt !== undefined && record.expiresAt <= this.clock.now())
      return { ok: false, failure: { kind: 'expired' } }
    const signingDate = parseAmzDate(dateHeader!)
    if (!signingDate)
      return {
        ok: false,
        failure: { kind: 'incomplete', message: `Date must be in ISO-8601 'basic format'. Got '${dateHeader}'.` },
      }

    const headers: Record<string, string> = {}
    for (const name of parsed.signedHeaders) {
      const v = req.headers[name]
      if (v !== undefined) headers[name] = v
    }
    // The payload hash the client declares must be the body's (the signer trusts the header).
    const declared = headers['x-amz-content-sha256']
    if (declared !== undefined && /^[0-9a-f]{64}$/.test(declared)) {
      const actual = await sha256Hex(req.body, this.hash)
      if (actual !== declared) {
        if (parsed.service === 's3') return { ok: false, failure: { kind: 'content-hash' } }
        headers['x-amz-content-sha256'] = actual
      }
    }
    const request: HttpRequest = {
      method: req.method,
      protocol: req.protocol,
      hostname: req.hostname,
      port: req.port,
      path: req.path,
      query: { ...req.query },
      headers,
      body: req.body,
    }
    const signer = this.signerFor(record, parsed, headers['x-amz-security-token'] !== undefined)
    let expected: string | undefined
    try {
      const signed = await signer.sign(request, {
        signingDate,
        signingRegion: parsed.region,
        signingService: parsed.service,
      })
      expected = /Signature=([0-9a-f]+)/.exec(signed.headers['authorization'] ?? '')?.[1]
    } catch {
      expected = undefined
    }
    if (!expected || !constantTimeEqual(expected, parsed.signature))
      return { ok: false, failure: { kind: 'bad-signature' } }
    return { ok: true, principal: record.principal, record }
  }

  private signerFor(record: CredentialRecord, parsed: ParsedAuth, tokenSigned: boolean): SignatureV4 {
    const key = `${record.accessKeyId}/${parsed.region}/${parsed.service}/${tokenSigned}/${parsed.signedHeaders.includes('x-amz-content-sha256')}`
    let signer = this.signers.get(key)
    if (!signer) {
      if (this.signers.size > 1000) this.signers.clear()
      signer = new SignatureV4({
        credentials: {
          accessKeyId: record.accessKeyId,
          secretAccessKey: record.secretAccessKey,
          sessionToken: tokenSigned ? record.sessionToken : undefined,
        },
        region: parsed.region,
        service: parsed.service,
        sha256: this.hash,
        uriEscapePath: parsed.service !== 's3',
        applyChecksum: parsed.signedHeaders.includes('x-amz-content-sha256'),
      })
      this.signers.set(key, signer)
    }
    return signer
  }

  snapshot(): CredentialRecord[] {
    return this.list().map((r) => ({ ...r }))
  }

  /** Replace every record with `json` (validated first: nothing changes when it is malformed). */
  restore(json: unknown): void {
    if (!Array.isArray(json)) throw new Error('credentials: expected an array of credential records')
    if (json.length > MAX_RECORDS) throw new Error(`credentials: more than ${MAX_RECORDS} records`)
    const next = new Map<string, CredentialRecord>()
    json.forEach((r: unknown, i) => {
      const where = `credentials[${i}]`
      if (typeof r !== 'object' || r === null) throw new Error(`${where}: expected an object`)
      const o = r as Record<string, unknown>
      if (typeof o.accessKeyId !== 'string' || !/^A[KS]IA[A-Z0-9]{12,124}$/.test(o.accessKeyId))
        throw new Error(`${where}.accessKeyId: not an access key id`)
      if (typeof o.secretAccessKey !== 'string' || o.secretAccessKey.length < 1 || o.secretAccessKey.length > 128)
        throw new Error(`${where}.secretAccessKey: not a secret key`)
      if (o.sessionToken !== undefined && (typeof o.sessionToken !== 'string' || o.sessionToken.length > 4096))
        throw new Error(`${where}.sessionToken: not a session token`)
      if (!isPrincipal(o.principal)) throw new Error(`${where}.principal: not a principal`)
      if (o.expiresAt !== undefined && typeof o.expiresAt !== 'number')
        throw new Error(`${where}.expiresAt: not a number`)
      if (typeof o.createdAt !== 'number') throw new Error(`${where}.createdAt: not a number`)
      if (o.status !== 'Active' && o.status !== 'Inactive')
        throw new Error(`${where}.status: must be Active or Inactive`)
      next.set(o.accessKeyId, {
        accessKeyId: o.accessKeyId,
        secretAccessKey: o.secretAccessKey,
        sessionToken: o.sessionToken as string | undefined,
        principal: o.principal,
        expiresAt: o.expiresAt as number | undefined,
        createdAt: o.createdAt,
        status: o.status,
      })
    })
    this.records = next
    this.signers.clear()
  }
}

const str = (v: unknown, max = 2048) => typeof v === 'string' && v.length > 0 && v.length <= max

export function isPrincipal(v: unknown): v is Principal {
  if (typeof v !== 'object' || v === null) return false
  const p = v as Record<string, unknown>
  switch (p.kind) {
    case 'user':
      return str(p.arn) && str(p.accountId, 12) && str(p.name, 64)
    case 'assumed-role':
      return str(p.arn) && str(p.accountId, 12) && str(p.roleArn) && str(p.roleName, 64) && str(p.sessionName, 64)
    case 'root':
      return str(p.arn) && str(p.accountId, 12)
    case 'service':
      return str(p.service, 256)
    default:
      return false
  }
}
