// The gateway: every call into the simulated account goes through here, whatever its origin (the UI
// through the Worker, a handler through the real SDK and requestHandler, a lab check, a test).
//
//   resolve the principal → find the service and the operation → validate the input against the
//   operation's shape (AWS's ValidationException texts) → authorise each requirement with IAM
//   (global condition keys and the resource's own policy added) → run the operation → output, or
//   an AwsError whose $metadata carries the HTTP status and the request id.
//
// Each call is kept in a bounded call log (what happened and why) with an onCall listener.
import type { VirtualClock } from '../lambda/public.ts'
import { arnAccount } from './arn.ts'
import { AwsError, isAwsError } from './errors.ts'
import { accessDeniedError, unknownOperationError, validationErrorName } from './protocol/index.ts'
import { requestId as newRequestId } from './protocol/ids.ts'
import { checkConstraints, coerce, validationFailure, type StructureShape } from './protocol/shapes.ts'
import {
  operationOf,
  type AuthorizationQuestion,
  type AuthorizationRequirement,
  type AuthorizationResult,
  type Authorizer,
  type ConditionValues,
  type OperationContext,
  type OperationDefinition,
  type Principal,
  type ServiceDefinition,
  type ServiceId,
} from './types.ts'

export interface AuthorizationRecord {
  action: string
  resource: string
  decision: AuthorizationResult['decision']
  allowed: boolean
  message?: string
  explanation: unknown
}

export interface CallRecord {
  seq: number
  /** Virtual time of the call (epoch ms). */
  time: number
  requestId: string
  /** The caller's ARN, or the service principal (`s3.amazonaws.com`). */
  principal: string
  service: string
  operation: string
  /** `send` (account.send / ctx.send) or `http` (requestHandler, e.g. the SDK in a handler). */
  via: 'send' | 'http'
  outcome: 'success' | 'error'
  httpStatusCode: number
  errorName?: string
  errorMessage?: string
  /** Every IAM decision the call needed, with its explanation (empty when it failed before authorisation). */
  authorization: AuthorizationRecord[]
  /** The operation's typical latency hint, when it gives one. */
  latencyMs?: number
}

export interface CallOptions {
  principal?: Principal
  via?: 'send' | 'http'
  requestId?: string
  /** The input already has SDK types (decoded by a wire codec): skip the type check, keep the constraint check. */
  decoded?: boolean
}

export interface GatewayOptions {
  accountId: string
  region: string
  clock: VirtualClock
  authorizer: Authorizer
  defaultPrincipal: Principal
  /** How many calls the log keeps (default 500). */
  callLogSize?: number
}

export function principalArn(p: Principal): string {
  return p.kind === 'service' ? p.service : p.arn
}

/** The ARN IAM matches `Principal` elements and aws:PrincipalArn against (a role session's role). */
function principalIdentityArn(p: Principal): string | undefined {
  if (p.kind === 'assumed-role') return p.roleArn
  if (p.kind === 'service') return undefined
  return p.arn
}

/**
 * The account that owns a resource: the account in its ARN; for ARNs that carry none (S3's
 * `arn:aws:s3:::bucket/key`) and for `*`, the bucket's owner, which in one simulated account is
 * always this account (its S3 service holds only this account's buckets). AWS's own resources
 * (`arn:aws:iam::aws:policy/…`, the AWS managed policies) are readable by any account's principals
 * whose identity-based policies allow it: no resource-based policy is asked for, so they are
 * evaluated as the caller's account's.
 */
export function resourceAccount(resource: string, accountId: string): string {
  const owner = arnAccount(resource)
  return owner && owner !== 'aws' ? owner : accountId
}

export function defaultDeniedMessage(principal: Principal, action: string, resource: string): string {
  return (
    `User: ${principalArn(principal)} is not authorized to perform: ${action} on resource: ${resource} ` +
    `because no identity-based policy allows the ${action} action`
  )
}

export class Gateway {
  private services = new Map<string, ServiceDefinition>()
  private log: CallRecord[] = []
  private seq = 0
  private listeners = new Set<(record: CallRecord) => void>()
  readonly callLogSize: number

  constructor(private readonly options: GatewayOptions) {
    this.callLogSize = options.callLogSize ?? 500
  }

  get accountId() {
    return this.options.accountId
  }
  get region() {
    return this.options.region
  }

  register(service: ServiceDefinition): void {
    this.services.set(service.id, service)
  }
  unregister(id: string): void {
    this.services.delete(id)
  }
  service(id: string): ServiceDefinition | undefined {
    return this.services.get(id)
  }
  serviceIds(): string[] {
    return [...this.services.keys()]
  }
  /** The service whose SigV4 signing name / endpoint prefix is `name`. */
  serviceBySigningName(name: string): ServiceDefinition | undefined {
    for (const s of this.services.values()) {
      if (s.signingName === name || s.endpointPrefixes?.includes(name)) return s
    }
    return undefined
  }

  newRequestId(service?: ServiceDefinition): string {
    return newRequestId(service ? service.requestIdFormat : 'uuid')
  }

  setAuthorizer(authorizer: Authorizer): void {
    this.options.authorizer = authorizer
  }

  /** The last `callLogSize` calls, oldest first. */
  callLog(): readonly CallRecord[] {
    return this.log.length > this.callLogSize ? this.log.slice(this.log.length - this.callLogSize) : this.log
  }
  clearCallLog(): void {
    this.log = []
  }
  onCall(listener: (record: CallRecord) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  async call(serviceId: string, operation: string, input: unknown, options: CallOptions = {}): Promise<unknown> {
    const service = this.services.get(serviceId)
    const principal = options.principal ?? this.options.defaultPrincipal
    const requestId = options.requestId ?? this.newRequestId(service)
    const record: CallRecord = {
      seq: ++this.seq,
      time: this.options.clock.now(),
      requestId,
      principal: principalArn(principal),
      service: serviceId,
      operation,
      via: options.via ?? 'send',
      outcome: 'success',
      httpStatusCode: 200,
      authorization: [],
    }
    try {
      if (!service) {
        throw new AwsError(
          'UnknownServiceException',
          `The simulated account has no service '${serviceId}'. Services: ${this.serviceIds().sort().join(', ')}.`,
          400,
        )
      }
      const op = operationOf(service, operation) as OperationDefinition<Record<string, unknown>, unknown> | undefined
      if (!op) throw unknownOperationError(service, operation)
      const validInput = this.validate(service, op.input, input, options.decoded ?? false)
      if (op.latencyMs) {
        try {
          record.latencyMs = op.latencyMs(validInput)
        } catch {
          // a hint only
        }
      }
      const ctx = this.context(principal, requestId)
      for (const req of op.authorize(validInput, ctx)) {
        const { record: decided, denial } = this.decide(service, principal, req)
        record.authorization.push(decided)
        if (denial) throw denial
      }
      const output = await op.handler(validInput, ctx)
      this.finish(record)
      return output
    } catch (e) {
      const err = isAwsError(e) ? e : internalError(e)
      err.$metadata = { httpStatusCode: err.statusCode, requestId }
      record.outcome = 'error'
      record.httpStatusCode = err.statusCode
      record.errorName = err.name
      record.errorMessage = err.message
      this.finish(record)
      throw err
    }
  }

  /**
   * Ask IAM one question as the gateway asks it during a call (global keys, the resource's own
   * policy), without running an operation or logging a call: what a service asks on its own side,
   * e.g. "may s3.amazonaws.com invoke this function?" before a trigger, or "may this function's
   * role write its logs?".
   */
  authorize(
    serviceId: string,
    principal: Principal,
    requirement: AuthorizationRequirement,
  ): { record: AuthorizationRecord; denial?: AwsError } {
    const service = this.services.get(serviceId)
    if (!service) throw new Error(`Gateway.authorize: no service '${serviceId}'`)
    return this.decide(service, principal, requirement)
  }

  private decide(
    service: ServiceDefinition,
    principal: Principal,
    req: AuthorizationRequirement,
  ): { record: AuthorizationRecord; denial?: AwsError } {
    const owner = resourceAccount(req.resource, this.options.accountId)
    const context: ConditionValues = {
      ...this.globalKeys(principal),
      'aws:ResourceAccount': owner,
      ...(req.context ?? {}),
    }
    const question: AuthorizationQuestion = {
      action: req.action,
      resource: req.resource,
      principal,
      context,
      resourcePolicy: service.resourcePolicy?.(req.resource),
      resourceAccount: owner,
    }
    const result = this.options.authorizer.authorize(question)
    const denial = result.allowed
      ? undefined
      : (result.error?.(service.id) ??
        accessDeniedError(service, result.message ?? defaultDeniedMessage(principal, req.action, req.resource)))
    return {
      record: {
        action: req.action,
        resource: req.resource,
        decision: result.decision,
        allowed: result.allowed,
        message: denial?.message,
        explanation: result.explanation,
      },
      denial,
    }
  }

  /** Log a request refused before it reached an operation (bad signature, undecodable body). */
  logRejected(entry: {
    service: string
    operation?: string
    principal?: string
    requestId: string
    error: AwsError
  }): void {
    this.finish({
      seq: ++this.seq,
      time: this.options.clock.now(),
      requestId: entry.requestId,
      principal: entry.principal ?? 'anonymous',
      service: entry.service,
      operation: entry.operation ?? '?',
      via: 'http',
      outcome: 'error',
      httpStatusCode: entry.error.statusCode,
      errorName: entry.error.name,
      errorMessage: entry.error.message,
      authorization: [],
    })
  }

  private validate(
    service: ServiceDefinition,
    shape: StructureShape | undefined,
    input: unknown,
    decoded: boolean,
  ): Record<string, unknown> {
    const raw = input === undefined || input === null ? {} : input
    if (typeof raw !== 'object' || Array.isArray(raw))
      throw new AwsError('SerializationException', 'Start of structure or map found where not expected', 400)
    if (!shape) return raw as Record<string, unknown>
    const typed = decoded ? (raw as Record<string, unknown>) : (coerce(shape, raw, 'sdk') as Record<string, unknown>)
    const violations = checkConstraints(shape, typed)
    if (violations.length) throw validationFailure(violations, validationErrorName(service))
    return typed
  }

  private context(principal: Principal, requestId: string): OperationContext {
    return {
      accountId: this.options.accountId,
      region: this.options.region,
      clock: this.options.clock,
      requestId,
      principal,
      send: (service: ServiceId, operation: string, input: unknown, o?: { principal?: Principal }) =>
        this.call(service, operation, input, { principal: o?.principal ?? principal }),
    }
  }

  /** Global condition keys IAM sees for this caller (request-specific keys come from the operation). */
  globalKeys(principal: Principal): ConditionValues {
    const now = this.options.clock.now()
    const keys: ConditionValues = {
      'aws:RequestedRegion': this.options.region,
      'aws:CurrentTime': new Date(now).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      'aws:EpochTime': String(Math.floor(now / 1000)),
      'aws:SecureTransport': 'true',
      'aws:ViaAWSService': 'false',
      'aws:PrincipalIsAWSService': principal.kind === 'service' ? 'true' : 'false',
    }
    const arn = principalIdentityArn(principal)
    if (arn) keys['aws:PrincipalArn'] = arn
    if (principal.kind === 'service') {
      keys['aws:PrincipalServiceName'] = principal.service
      if (principal.sourceArn) keys['aws:SourceArn'] = principal.sourceArn
      const sourceAccount =
        principal.sourceAccount ?? (principal.sourceArn ? arnAccount(principal.sourceArn) || undefined : undefined)
      if (sourceAccount) keys['aws:SourceAccount'] = sourceAccount
    } else {
      keys['aws:PrincipalAccount'] = principal.accountId
      keys['aws:PrincipalType'] =
        principal.kind === 'user' ? 'User' : principal.kind === 'root' ? 'Account' : 'AssumedRole'
      if (principal.kind === 'user') keys['aws:username'] = principal.name
    }
    return keys
  }

  private finish(record: CallRecord): void {
    this.log.push(record)
    // Trim in chunks: amortised O(1) per call.
    if (this.log.length >= this.callLogSize * 2) this.log.splice(0, this.log.length - this.callLogSize)
    for (const listener of this.listeners) {
      try {
        listener(record)
      } catch {
        // a listener's failure never breaks a call
      }
    }
  }
}

function internalError(e: unknown): AwsError {
  const err = new AwsError(
    'InternalFailure',
    'The request processing has failed because of an unknown error, exception or failure.',
    500,
  )
  ;(err as { cause?: unknown }).cause = e
  return err
}
