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
    const key = `${principal.kind}\u0000${principal.kind === 'user' ? principal.arn : principal.roleArn}`
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

  const evaluate = (request: EvaluationRequest): IamAuthorizationResult => {
    const decision = decide(request, prepareRequest(request))
    return result(request, decision)
  }

  const authorize = (q: AuthorizationQuestion): IamAuthorizationResult => {
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
    if (q.principal.kind === 'assumed-role') noteRoleUse(q.principal)
    return evaluate({
      principal: q.principal,
      action: q.action,
      resource: q.resource,
      context: { ...principalContext(q.principal, store, options), ...q.context },
      resourceAccount: q.resourceAccount,
      identityPolicies: identityPolicies(q.principal),
      resourcePolicy,
    })
  }

  const noteRoleUse = (p: Extract<Principal, { kind: 'assumed-role' }>) => {
    if (p.accountId !== store.accountId) return
    const role = store.getRole(p.roleName)
    // RoleLastUsed is informational: updating it does not invalidate compiled policies.
    if (role) role.lastUsed = { date: options.now(), region: options.region }
  }

  return { authorize, identityPolicies, evaluate }
}

function result(request: EvaluationRequest, decision: Decision): IamAuthorizationResult {
  const allowed = decision.decision === 'Allow'
  const denied = {
    principal: request.principal,
    action: request.action,
    resource: request.resource,
    decision: decision.decision,
    deniedBy: decision.deniedBy,
  }
  let explanation: DecisionExplanation | undefined
  const out = {
    allowed,
    decision: decision.decision,
    deniedBy: decision.deniedBy,
    message: allowed ? undefined : accessDeniedMessage(denied),
    error: (service: ServiceId) => accessDeniedError(service, denied),
  } as IamAuthorizationResult
  Object.defineProperty(out, 'explanation', {
    enumerable: true,
    get: () => (explanation ??= explainDecision(request, decision)),
  })
  return out
}

/**
 * The global condition keys a caller implies ("AWS global condition context keys"): who is
 * calling, from which account, when, in which region. The gateway's own keys (aws:SourceArn, …)
 * are added on top and win.
 */
export function principalContext(principal: Principal, store: IamStore, options: AuthorizerOptions): ConditionValues {
  const now = options.now()
  const ctx: ConditionValues = {
    'aws:CurrentTime': new Date(now).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    'aws:EpochTime': String(Math.floor(now / 1000)),
    'aws:RequestedRegion': options.region,
    'aws:SecureTransport': 'true',
    'aws:ViaAWSService': 'false',
    'aws:PrincipalIsAWSService': principal.kind === 'service' ? 'true' : 'false',
  }
  switch (principal.kind) {
    case 'assumed-role': {
      const role = principal.accountId === store.accountId ? store.getRole(principal.roleName) : undefined
      ctx['aws:PrincipalArn'] = principal.roleArn
      ctx['aws:PrincipalAccount'] = principal.accountId
      ctx['aws:PrincipalType'] = 'AssumedRole'
      if (role) ctx['aws:userid'] = `${role.id}:${principal.sessionName}`
      break
    }
    case 'user': {
      const user = principal.accountId === store.accountId ? store.getUser(principal.name) : undefined
      ctx['aws:PrincipalArn'] = principal.arn
      ctx['aws:PrincipalAccount'] = principal.accountId
      ctx['aws:PrincipalType'] = 'User'
      ctx['aws:username'] = principal.name
      if (user) ctx['aws:userid'] = user.id
      break
    }
    case 'root':
      ctx['aws:PrincipalArn'] = principal.arn
      ctx['aws:PrincipalAccount'] = principal.accountId
      ctx['aws:PrincipalType'] = 'Account'
      ctx['aws:userid'] = principal.accountId
      break
    case 'service':
      ctx['aws:PrincipalServiceName'] = principal.service
      if (principal.sourceArn) ctx['aws:SourceArn'] = principal.sourceArn
      if (principal.sourceAccount) ctx['aws:SourceAccount'] = principal.sourceAccount
      break
  }
  return ctx
}
