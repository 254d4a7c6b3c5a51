// createAccount(): one simulated AWS account — IAM and every service (registered by SDK id), the
// gateway every call goes through, credentials, the one virtual clock, requestHandler for the real
// SDK, and snapshot/restore of all of it.
//
//   iam, sts, dynamodb, s3, sqs, sns, events   registered by default
//   IAM's authorizer                           decides every call (a test may pass its own)
//   arn:aws:iam::<account>:user/admin          a real IAM user with AdministratorAccess: the default
//                                              caller of send(), and the owner of adminCredentials
//   STS AssumeRole                             finds roles in the IAM store; the role's trust policy
//                                              must allow the caller (the authorizer checks it)
//   register(module)                           the seam for more services (the Lambda engine's `lambda`)
import { VirtualClock } from '../lambda/public.ts'
import { CredentialStore, type IssuedCredentials } from './credentials.ts'
import { AwsError, type ResponseMetadata } from './errors.ts'
import { Gateway, type CallRecord } from './gateway.ts'
import { createIam, type Iam } from './iam/index.ts'
import { createRequestHandler, type SimRequestHandler } from './protocol/http.ts'
import { createDynamoDbService } from './services/dynamodb/index.ts'
import type { DynamoDbOptions } from './services/dynamodb/state.ts'
import { createEventsService } from './services/events/index.ts'
import { createS3Service, type S3ServiceOptions } from './services/s3/index.ts'
import { createSnsService } from './services/sns/index.ts'
import { createSqsService, type SqsServiceOptions } from './services/sqs/index.ts'
import { createStsService, type IdentityDirectory } from './services/sts/index.ts'
import type { Authorizer, Principal, ServiceDefinition, ServiceId } from './types.ts'

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
  /**
   * Decides every call instead of IAM. For gateway unit tests only: the account's IAM (roles,
   * policies, the admin user) is still there, but nothing consults it.
   */
  authorizer?: Authorizer
  /** More services (the Lambda engine's `lambda`, …), registered by their definition's id. */
  services?: ServiceModule[]
  dynamodb?: DynamoDbOptions
  s3?: S3ServiceOptions
  sqs?: SqsServiceOptions
  /** How many calls the call log keeps (default 500). */
  callLogSize?: number
  /** Verify SigV4 signatures on requestHandler requests (default true). */
  verifySignatures?: boolean
}

export interface AccountSnapshot {
  version: 1
  accountId: string
  region: string
  /** Each service's own snapshot by SDK id, IAM included (`iam`). */
  services: Record<string, unknown>
  credentials: unknown
}

export const DEFAULT_ACCOUNT_ID = '123456789012'
export const DEFAULT_REGION = 'us-east-1'
/** The admin user's name, and the AWS managed policy it has. */
export const ADMIN_USER_NAME = 'admin'
export const ADMINISTRATOR_ACCESS_ARN = 'arn:aws:iam::aws:policy/AdministratorAccess'

/** STS's view of the IAM store: roles (with their trust policies) and users' unique ids. */
export function iamDirectory(iam: Iam): IdentityDirectory {
  const { store } = iam
  return {
    getRole(name) {
      const r = store.getRole(name)
      return (
        r && {
          Arn: store.roleArn(r),
          RoleName: r.name,
          RoleId: r.id,
          AssumeRolePolicyDocument: r.trust,
          MaxSessionDuration: r.maxSessionDuration,
        }
      )
    },
    getUserId: (name) => store.getUser(name)?.id,
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
    arn: `arn:aws:iam::${accountId}:user/${ADMIN_USER_NAME}`,
    accountId,
    name: ADMIN_USER_NAME,
  }
  const rootPrincipal: Principal = { kind: 'root', arn: `arn:aws:iam::${accountId}:root`, accountId }
  const iam = createIam({ accountId, region, clock })
  const gateway = new Gateway({
    accountId,
    region,
    clock,
    authorizer: options.authorizer ?? iam.authorizer,
    defaultPrincipal: adminPrincipal,
    callLogSize: options.callLogSize,
  })
  const credentials = new CredentialStore(clock)

  const builtIn = {
    iam,
    sts: createStsService({ credentials, directory: iamDirectory(iam) }),
    dynamodb: createDynamoDbService({ accountId, region, ...options.dynamodb }),
    s3: createS3Service(options.s3),
    sqs: createSqsService(options.sqs),
    sns: createSnsService(),
    events: createEventsService(),
  }
  const modules = new Map<string, ServiceModule>()
  const services: Record<string, ServiceModule> & typeof builtIn = Object.assign(
    Object.create(null) as Record<string, ServiceModule>,
    builtIn,
  )
  const register = (m: ServiceModule) => {
    modules.set(m.definition.id, m)
    ;(services as Record<string, ServiceModule>)[m.definition.id] = m
    gateway.register(m.definition)
  }
  for (const m of Object.values(builtIn)) register(m)
  for (const m of options.services ?? []) register(m)

  /** The admin user exists in IAM with AdministratorAccess (created if a restore removed it). */
  const ensureAdminUser = () => {
    if (iam.store.getUser(ADMIN_USER_NAME)) return
    iam.store.users.set(ADMIN_USER_NAME, {
      name: ADMIN_USER_NAME,
      id: iam.store.newId('AIDA'),
      path: '/',
      created: clock.now(),
      tags: [],
      inline: [],
      attached: [ADMINISTRATOR_ACCESS_ARN],
    })
    iam.store.touch()
  }
  ensureAdminUser()

  /** Long-term keys of the admin user, for SDK clients driven by tests, labs and the terminal. */
  const adminCredentials: IssuedCredentials = credentials.issue(adminPrincipal)

  const requestHandler: SimRequestHandler = createRequestHandler({
    gateway,
    credentials,
    verifySignatures: options.verifySignatures,
  })

  function snapshot(): AccountSnapshot {
    const out: Record<string, unknown> = {}
    for (const [id, m] of modules) if (m.snapshot) out[id] = m.snapshot()
    return { version: 1, accountId, region, services: out, credentials: credentials.snapshot() }
  }

  function restore(json: unknown): void {
    if (typeof json !== 'object' || json === null || Array.isArray(json))
      throw new AccountRestoreError('account', 'expected an object')
    const s = json as Partial<AccountSnapshot>
    if (s.version !== 1)
      throw new AccountRestoreError('account.version', `unsupported version ${JSON.stringify(s.version)?.slice(0, 40)}`)
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
    // Every part touched, the refused one included (a restore may refuse after changing something).
    const touched: string[] = []
    try {
      touched.push('credentials')
      try {
        credentials.restore(s.credentials ?? [])
      } catch (e) {
        throw new AccountRestoreError('account.credentials', restoreMessage(e))
      }
      for (const [id, m] of modules) {
        const part = (s.services as Record<string, unknown>)[id]
        if (part === undefined || !m.restore) continue
        touched.push(id)
        try {
          m.restore(part)
        } catch (e) {
          throw new AccountRestoreError(`account.services.${id}`, restoreMessage(e))
        }
      }
    } catch (e) {
      for (const id of touched) {
        try {
          if (id === 'credentials') credentials.restore(before.credentials)
          else modules.get(id)!.restore!(before.services[id])
        } catch {
          // A part that refuses its own snapshot is broken; the error that matters is the first one.
        }
      }
      throw e
    }
    // The account's own admin (its IAM user and the keys SDK clients and the terminal hold) keeps working.
    ensureAdminUser()
    if (!credentials.lookup(adminCredentials.AccessKeyId))
      credentials.issue(adminPrincipal, {
        accessKeyId: adminCredentials.AccessKeyId,
        secretAccessKey: adminCredentials.SecretAccessKey,
      })
  }

  return {
    accountId,
    region,
    clock,
    gateway,
    credentials,
    /** The account's services by SDK id (each with its own direct API for the UI and labs). */
    services,
    iam,
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

    /** Add a service (or replace one with the same id): the seam for lambda, logs, … */
    register,

    /** Use another authorizer from now on (tests). */
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
     * Restore every service and IAM from a snapshot. Each part is validated; if any part is refused,
     * the parts already restored are put back as they were, and the AccountRestoreError names the part.
     */
    restore,
  }
}

export type Account = Awaited<ReturnType<typeof createAccount>>

/** A snapshot was refused: `part` says which (e.g. `account.services.dynamodb`), the message why. */
/** Why a part was refused, in one bounded line (a stack overflow on hostile nesting says so). */
function restoreMessage(e: unknown): string {
  if (e instanceof RangeError && /call stack/i.test(e.message)) return 'nested too deeply'
  const text = e instanceof Error ? e.message : String(e)
  return text.length > 300 ? text.slice(0, 300) + '…' : text
}

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
