// createAccount(): one simulated AWS account — its services (registered by SDK id), the gateway
// every call goes through, credentials, the one virtual clock, requestHandler for the real SDK, and
// snapshot/restore of all of it.
//
// Seams for what other parts bring later:
//   - IAM: pass `iam` (the iam helper's createIam() result: { definition, store?, authorizer }) or
//     an `authorizer`; until then the account uses adminOnlyAuthorizer (below).
//   - Lambda: the engine registers itself with account.register({ definition: lambdaDefinition, … })
//     under the id `lambda` (absent until then).
//   - STS AssumeRole finds roles through `identities` (the IAM store implements IdentityDirectory).
import { VirtualClock } from '../lambda/public.ts'
import { CredentialStore, type IssuedCredentials } from './credentials.ts'
import { AwsError, type ResponseMetadata } from './errors.ts'
import { Gateway, type CallRecord } from './gateway.ts'
import { createRequestHandler, type SimRequestHandler } from './protocol/http.ts'
import { createDynamoDbService, type DynamoDbService } from './services/dynamodb/index.ts'
import type { DynamoDbOptions } from './services/dynamodb/state.ts'
import { createStsService, type IdentityDirectory, type StsService } from './services/sts/index.ts'
import type {
  AuthorizationQuestion,
  AuthorizationResult,
  Authorizer,
  Principal,
  ServiceDefinition,
  ServiceId,
} from './types.ts'

/** What a service brings to the account. */
export interface ServiceModule {
  definition: ServiceDefinition
  /** Plain JSON of the service's state. */
  snapshot?(): unknown
  /** Replace the state with a snapshot; must validate first and change nothing when it throws. */
  restore?(json: unknown): void
}

export interface AccountOptions {
  /** 12 digits (default 123456789012). */
  accountId?: string
  /** Default us-east-1. */
  region?: string
  clock?: VirtualClock
  /** Decides every call (default: the IAM module's authorizer, else adminOnlyAuthorizer). */
  authorizer?: Authorizer
  /** The IAM service module (createIam() from src/aws/iam, once merged). */
  iam?: ServiceModule & { authorizer?: Authorizer; identities?: IdentityDirectory }
  /** Where STS AssumeRole finds roles (default: iam.identities). */
  identities?: IdentityDirectory
  /** More services (S3, SQS, SNS, EventBridge, Lambda, …), registered by their definition's id. */
  services?: ServiceModule[]
  dynamodb?: DynamoDbOptions
  /** How many calls the call log keeps (default 500). */
  callLogSize?: number
  /** Verify SigV4 signatures on requestHandler requests (default true). */
  verifySignatures?: boolean
}

export interface AccountSnapshot {
  version: 1
  accountId: string
  region: string
  services: Record<string, unknown>
  credentials: unknown
}

export const DEFAULT_ACCOUNT_ID = '123456789012'
export const DEFAULT_REGION = 'us-east-1'

/**
 * Until IAM is wired in: the account's root and admin user may do anything; every other caller is
 * denied with AWS's implicit-deny message.
 */
export function adminOnlyAuthorizer(accountId: string): Authorizer {
  const allowed = new Set([`arn:aws:iam::${accountId}:root`, `arn:aws:iam::${accountId}:user/admin`])
  return {
    authorize(q: AuthorizationQuestion): AuthorizationResult {
      const arn = q.principal.kind === 'service' ? q.principal.service : q.principal.arn
      if (allowed.has(arn))
        return { allowed: true, decision: 'Allow', explanation: { reason: `${arn} is the account's administrator` } }
      return {
        allowed: false,
        decision: 'ImplicitDeny',
        message: `User: ${arn} is not authorized to perform: ${q.action} on resource: ${q.resource} because no identity-based policy allows the ${q.action} action`,
        explanation: { reason: 'No policy allows this request (IAM is not wired into this account yet).' },
      }
    },
  }
}

export async function createAccount(options: AccountOptions = {}) {
  const accountId = options.accountId ?? DEFAULT_ACCOUNT_ID
  if (!/^\d{12}$/.test(accountId))
    throw new TypeError(`createAccount: accountId must be 12 digits, got ${JSON.stringify(accountId)}`)
  const region = options.region ?? DEFAULT_REGION
  if (!/^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d+$/.test(region))
    throw new TypeError(`createAccount: not a region: ${JSON.stringify(region)}`)
  const clock = options.clock ?? new VirtualClock()

  const adminPrincipal: Principal = {
    kind: 'user',
    arn: `arn:aws:iam::${accountId}:user/admin`,
    accountId,
    name: 'admin',
  }
  const rootPrincipal: Principal = { kind: 'root', arn: `arn:aws:iam::${accountId}:root`, accountId }
  const authorizer = options.authorizer ?? options.iam?.authorizer ?? adminOnlyAuthorizer(accountId)
  const gateway = new Gateway({
    accountId,
    region,
    clock,
    authorizer,
    defaultPrincipal: adminPrincipal,
    callLogSize: options.callLogSize,
  })
  const credentials = new CredentialStore(clock)

  const dynamodb = createDynamoDbService({ accountId, region, ...options.dynamodb })
  const sts = createStsService({ credentials, directory: options.identities ?? options.iam?.identities })
  const modules = new Map<string, ServiceModule>()
  const register = (m: ServiceModule) => {
    modules.set(m.definition.id, m)
    gateway.register(m.definition)
  }
  register(dynamodb)
  register(sts)
  if (options.iam) register(options.iam)
  for (const m of options.services ?? []) register(m)

  /** Long-term keys of the admin user, for SDK clients driven by tests, labs and the terminal. */
  const adminCredentials: IssuedCredentials = credentials.issue(adminPrincipal)

  const requestHandler: SimRequestHandler = createRequestHandler({
    gateway,
    credentials,
    verifySignatures: options.verifySignatures,
  })

  const services = Object.assign(Object.create(null) as Record<string, ServiceModule>, { dynamodb, sts }) as Record<
    string,
    ServiceModule
  > & { dynamodb: DynamoDbService; sts: StsService }

  function snapshot(): AccountSnapshot {
    const out: Record<string, unknown> = {}
    for (const [id, m] of modules) if (m.snapshot) out[id] = m.snapshot()
    return { version: 1, accountId, region, services: out, credentials: credentials.snapshot() }
  }

  return {
    accountId,
    region,
    clock,
    gateway,
    credentials,
    services,
    adminPrincipal,
    rootPrincipal,
    adminCredentials,
    requestHandler,

    /**
     * Call an operation as `principal` (default: the admin user). Resolves to the output (with
     * `$metadata`, as the SDK returns it) or rejects with the AwsError AWS would send.
     */
    async send<O = Record<string, unknown>>(
      service: ServiceId | string,
      operation: string,
      input: unknown = {},
      opts: { principal?: Principal } = {},
    ): Promise<O & { $metadata: ResponseMetadata }> {
      const requestId = gateway.newRequestId(gateway.service(service))
      const output = await gateway.call(service, operation, input, { principal: opts.principal, requestId })
      return {
        ...((output ?? {}) as O),
        $metadata: { httpStatusCode: 200, requestId, attempts: 1, totalRetryDelay: 0 },
      }
    },

    /** Add a service (or replace one with the same id): the seam for lambda, s3, sqs, sns, events, … */
    register(module: ServiceModule): void {
      register(module)
      ;(services as Record<string, ServiceModule>)[module.definition.id] = module
    },

    /** Use another authorizer from now on (the IAM one, once merged). */
    setAuthorizer(a: Authorizer): void {
      gateway.setAuthorizer(a)
    },

    /** Run the clock until no foreground work is left (SQS delays, table activation, …). */
    runUntilIdle(): Promise<void> {
      return clock.runUntilIdle()
    },

    callLog(): readonly CallRecord[] {
      return gateway.callLog()
    },
    onCall(listener: (record: CallRecord) => void): () => void {
      return gateway.onCall(listener)
    },

    snapshot,

    /**
     * Restore every service from a snapshot. Each part is validated; if any part is refused, the
     * services already restored are put back as they were, and the error names the part.
     */
    restore(json: unknown): void {
      if (typeof json !== 'object' || json === null || Array.isArray(json))
        throw new AccountRestoreError('account', 'expected an object')
      const s = json as Partial<AccountSnapshot>
      if (s.version !== 1)
        throw new AccountRestoreError(
          'account.version',
          `unsupported version ${JSON.stringify(s.version)?.slice(0, 40)}`,
        )
      if (s.accountId !== accountId)
        throw new AccountRestoreError(
          'account.accountId',
          `the snapshot is of account ${String(s.accountId).slice(0, 20)}, not ${accountId}`,
        )
      if (typeof s.services !== 'object' || s.services === null || Array.isArray(s.services))
        throw new AccountRestoreError('account.services', 'expected an object')
      for (const id of Object.keys(s.services))
        if (!modules.has(id))
          throw new AccountRestoreError(`account.services.${id.slice(0, 40)}`, 'no such service in this account')
      const before = snapshot()
      const done: string[] = []
      try {
        credentials.restore(s.credentials ?? [])
        done.push('credentials')
        // The account's own admin keys (held by SDK clients, the terminal) keep working.
        if (!credentials.lookup(adminCredentials.AccessKeyId))
          credentials.issue(adminPrincipal, {
            accessKeyId: adminCredentials.AccessKeyId,
            secretAccessKey: adminCredentials.SecretAccessKey,
          })
        for (const [id, m] of modules) {
          const part = (s.services as Record<string, unknown>)[id]
          if (part === undefined || !m.restore) continue
          try {
            m.restore(part)
          } catch (e) {
            throw new AccountRestoreError(`account.services.${id}`, e instanceof Error ? e.message : String(e))
          }
          done.push(id)
        }
      } catch (e) {
        for (const id of done) {
          if (id === 'credentials') credentials.restore(before.credentials)
          else modules.get(id)!.restore!(before.services[id])
        }
        if (e instanceof AccountRestoreError) throw e
        throw new AccountRestoreError('account.credentials', e instanceof Error ? e.message : String(e))
      }
    },
  }
}

export type Account = Awaited<ReturnType<typeof createAccount>>

/** A snapshot was refused: `part` says which (e.g. `account.services.dynamodb`), the message why. */
export class AccountRestoreError extends Error {
  constructor(
    readonly part: string,
    detail: string,
  ) {
    super(`${part}: ${detail}`)
    this.name = 'AccountRestoreError'
  }
}

export { AwsError }
