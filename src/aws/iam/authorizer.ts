// The Authorizer the gateway asks on every call: it finds the caller's identity-based policies in
// the store (a role session → its role's inline and attached policies; a user → the user's; a
// service principal → none; the account's root user → full access), reads the resource's own
// policy, fills in the global condition keys the caller implies, and decides.
import type { AuthorizationQuestion, AuthorizationResult, ConditionValues, Principal, ServiceId } from '../types.ts'
import type { AwsError } from '../errors.ts'
import { PolicyGrammarError } from './grammar.ts'
import { decide, prepareRequest, type Decision, type EvaluationRequest, type PolicySource } from './evaluate.ts'
import { explainDecision, type DecisionExplanation } from './explain.ts'
import { accessDeniedError, accessDeniedMessage } from './messages.ts'
import type { PolicyCache } from './policy-cache.ts'
import type { IamStore, InlinePolicy } from './store.ts'
import { isRoleAssumption, trustEvaluation } from './trust.ts'

export interface IamAuthorizationResult extends AuthorizationResult {
  deniedBy?: 'identity' | 'resource'
  /** Computed on first read (deciding is fast; explaining re-evaluates every statement with tracing). */
  explanation: DecisionExplanation
  /** The error the given service returns for this denial (its exception name, status and wording). */
  error(service: ServiceId): AwsError
}

export interface IamAuthorizer {
  authorize(question: AuthorizationQuestion): IamAuthorizationResult
  /** The identity-based policies that apply to a principal, compiled. */
  identityPolicies(principal: Principal): PolicySource[]
  /** Decide a fully built request (used by SimulatePrincipalPolicy and tests). */
  evaluate(request: EvaluationRequest): IamAuthorizationResult
}

export interface AuthorizerOptions {
  region: string
  now: () => number
}

export function createAuthorizer(store: IamStore, cache: PolicyCache, options: AuthorizerOptions): IamAuthorizer {
  // Compiled identity policies per role/user ARN, valid while the store's revision is unchanged.
  const cached = new Map<string, { revision: number; sources: PolicySource[] }>()

  const sourcesFor = (
    kind: 'role' | 'user',
    name: string,
    inline: InlinePolicy[],
    attached: string[],
  ): PolicySource[] => {
    const attachedTo = `${kind} ${name}`
    const out: PolicySource[] = []
    for (const p of inline) {
      try {
        out.push({ type: 'inline', name: p.name, attachedTo, compiled: cache.compile(p.document, 'identity') })
      } catch (e) {
        if (!(e instanceof PolicyGrammarError)) throw e
      }
    }
    for (const arn of attached) {
      const m = store.managedPolicy(arn)
      if (!m) continue
      const name = m.kind === 'aws' ? m.record.PolicyName : m.record.name
      out.push({
        type: m.kind === 'aws' ? 'aws-managed' : 'managed',
        name,
        arn,
        attachedTo,
        compiled: cache.compile(store.managedDocument(m), 'identity'),
      })
    }
    return out
  }

  const identityPolicies = (principal: Principal): PolicySource[] => {
    if (principal.kind !== 'assumed-role' && principal.kind !== 'user') return []
    if (principal.accountId !== store.accountId) return []
    const key = principal.kind === 'user' ? principal.arn : principal.roleArn
    const hit = cached.get(key)
    if (hit && hit.revision === store.revision) return hit.sources
    let sources: PolicySource[] = []
    if (principal.kind === 'assumed-role') {
      const role = store.roleByArn(principal.roleArn) ?? store.getRole(principal.roleName)
      if (role) sources = sourcesFor('role', role.name, role.inline, role.attached)
    } else {
      const user = store.userByArn(principal.arn) ?? store.getUser(principal.name)
      if (user) sources = sourcesFor('user', user.name, user.inline, user.attached)
    }
    cached.set(key, { revision: store.revision, sources })
    return sources
  }

  const evaluate = (request: EvaluationRequest): IamAuthorizationResult =>
    new Outcome(request, decide(request, prepareRequest(request)))

  const authorize = (q: AuthorizationQuestion): IamAuthorizationResult => {
    if (q.principal.kind === 'assumed-role') noteRoleUse(q.principal)
    // Assuming a role of this account: its trust policy must allow the caller itself ("Role trust
    // policies … must explicitly allow access for principals"); an identity policy is not enough.
    const role = isRoleAssumption(q.action) ? store.roleByArn(q.resource) : undefined
    if (role) {
      const implied = impliedKeys(q.principal, store, options)
      const { request, outcome } = trustEvaluation(
        store,
        cache,
        identityPolicies(q.principal),
        role,
        q.principal,
        q.action,
        q.context,
        implied,
      )
      return new Outcome(request, outcome)
    }
    let resourcePolicy: PolicySource | undefined
    if (q.resourcePolicy !== undefined && q.resourcePolicy !== null) {
      try {
        resourcePolicy = {
          type: 'resource',
          name: 'resource-based policy',
          compiled: cache.compileAny(q.resourcePolicy, 'resource'),
        }
      } catch (e) {
        // A resource policy the grammar refuses grants nothing (services validate policies when they are set).
        if (!(e instanceof PolicyGrammarError)) throw e
      }
    }
    return evaluate({
      principal: q.principal,
      action: q.action,
      resource: q.resource,
      context: q.context,
      implied: impliedKeys(q.principal, store, options),
      resourceAccount: q.resourceAccount,
      identityPolicies: identityPolicies(q.principal),
      resourcePolicy,
    })
  }

  const noteRoleUse = (p: Extract<Principal, { kind: 'assumed-role' }>) => {
    if (p.accountId !== store.accountId) return
    const role = store.getRole(p.roleName)
    // RoleLastUsed is informational: updating it does not invalidate compiled policies.
    if (!role) return
    if (role.lastUsed) {
      role.lastUsed.date = options.now()
      role.lastUsed.region = options.region
    } else role.lastUsed = { date: options.now(), region: options.region }
  }

  return { authorize, identityPolicies, evaluate }
}

/** A decision; the message, explanation and error are built only when asked for. */
class Outcome implements IamAuthorizationResult {
  readonly allowed: boolean
  readonly decision: Decision['decision']
  readonly deniedBy?: 'identity' | 'resource'
  private built?: DecisionExplanation

  constructor(
    private readonly request: EvaluationRequest,
    private readonly outcome: Decision,
  ) {
    this.allowed = outcome.decision === 'Allow'
    this.decision = outcome.decision
    this.deniedBy = outcome.deniedBy
  }

  private get denied() {
    const r = this.request
    return {
      principal: r.principal,
      action: r.action,
      resource: r.resource,
      decision: this.decision,
      deniedBy: this.deniedBy,
    }
  }

  get message(): string | undefined {
    return this.allowed ? undefined : accessDeniedMessage(this.denied)
  }

  get explanation(): DecisionExplanation {
    return (this.built ??= explainDecision(this.request, this.outcome))
  }

  error(service: ServiceId): AwsError {
    return accessDeniedError(service, this.denied)
  }

  /** Plain data (what crosses a Worker boundary or goes into a log). */
  toJSON(): AuthorizationResult & { deniedBy?: 'identity' | 'resource' } {
    return {
      allowed: this.allowed,
      decision: this.decision,
      deniedBy: this.deniedBy,
      message: this.message,
      explanation: this.explanation,
    }
  }
}

/**
 * The global condition keys a caller implies ("AWS global condition context keys"): who is
 * calling, from which account, when, in which region. Computed per key, only when a condition
 * asks (most decisions never do). The gateway's own keys (aws:SourceArn, …) win over these.
 */
export function impliedKeys(
  principal: Principal,
  store: IamStore,
  options: AuthorizerOptions,
): (keyLower: string) => string[] | undefined {
  return (key) => {
    switch (key) {
      case 'aws:currenttime':
        return [new Date(options.now()).toISOString().replace(/\.\d{3}Z$/, 'Z')]
      case 'aws:epochtime':
        return [String(Math.floor(options.now() / 1000))]
      case 'aws:requestedregion':
        return [options.region]
      case 'aws:securetransport':
        return ['true']
      case 'aws:viaawsservice':
        return ['false']
      case 'aws:principalisawsservice':
        return [principal.kind === 'service' ? 'true' : 'false']
    }
    if (principal.kind === 'service') {
      if (key === 'aws:principalservicename') return [principal.service]
      if (key === 'aws:sourcearn') return principal.sourceArn ? [principal.sourceArn] : undefined
      if (key === 'aws:sourceaccount') return principal.sourceAccount ? [principal.sourceAccount] : undefined
      return undefined
    }
    switch (key) {
      case 'aws:principalarn':
        return [principal.kind === 'assumed-role' ? principal.roleArn : principal.arn]
      case 'aws:principalaccount':
        return [principal.accountId]
      case 'aws:principaltype':
        return [principal.kind === 'assumed-role' ? 'AssumedRole' : principal.kind === 'user' ? 'User' : 'Account']
      case 'aws:username':
        return principal.kind === 'user' ? [principal.name] : undefined
      case 'aws:userid': {
        if (principal.kind === 'root') return [principal.accountId]
        if (principal.accountId !== store.accountId) return undefined
        if (principal.kind === 'user') {
          const user = store.getUser(principal.name)
          return user ? [user.id] : undefined
        }
        const role = store.getRole(principal.roleName)
        return role ? [`${role.id}:${principal.sessionName}`] : undefined
      }
    }
    return undefined
  }
}

/** The implied keys as one object (for display and tests). */
export function principalContext(principal: Principal, store: IamStore, options: AuthorizerOptions): ConditionValues {
  const implied = impliedKeys(principal, store, options)
  const names = [
    'aws:CurrentTime',
    'aws:EpochTime',
    'aws:RequestedRegion',
    'aws:SecureTransport',
    'aws:ViaAWSService',
    'aws:PrincipalIsAWSService',
    'aws:PrincipalServiceName',
    'aws:SourceArn',
    'aws:SourceAccount',
    'aws:PrincipalArn',
    'aws:PrincipalAccount',
    'aws:PrincipalType',
    'aws:username',
    'aws:userid',
  ]
  const out: ConditionValues = {}
  for (const name of names) {
    const v = implied(name.toLowerCase())
    if (v) out[name] = v[0]
  }
  return out
}
