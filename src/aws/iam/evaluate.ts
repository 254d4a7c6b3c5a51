// Policy evaluation for one request, following AWS's documented logic ("Policy evaluation logic",
// "Cross-account policy evaluation logic", IAM User Guide):
//   1. an explicit Deny in any applicable policy (identity-based or resource-based) decides;
//   2. the account's root user is allowed everything in its own account;
//   3. within one account, an Allow in an identity-based policy, or an Allow in the resource's
//      policy that names the caller (its user ARN, its role session, its role, a service
//      principal, or "*"), allows. A resource policy that names only the caller's *account*
//      delegates to that account's IAM, so it does not allow by itself;
//   4. across accounts, both the caller's identity-based policies and the resource's policy must
//      allow (the resource policy may name the account);
//   5. a service principal (s3.amazonaws.com, …) has no identity policies: only the resource's
//      policy can allow it;
//   6. otherwise the request is implicitly denied.
// Permission boundaries, session policies, SCPs and RCPs are out of scope (docs/aws-account/iam.md).
import type { ConditionValues, Principal } from '../types.ts'
import {
  prepareResource,
  statementApplies,
  type CompiledPolicy,
  type CompiledStatement,
  type PreparedRequest,
} from './compile.ts'
import type { VariableLookup } from './variables.ts'

/** One policy that applies to a request, with what the explainer says about it. */
export interface PolicySource {
  /** inline (user/role policy), managed (customer managed), aws-managed, or resource (the resource's own policy). */
  type: 'inline' | 'managed' | 'aws-managed' | 'resource' | 'custom'
  name: string
  arn?: string
  /** e.g. `role orders-role` */
  attachedTo?: string
  compiled: CompiledPolicy
}

export interface EvaluationRequest {
  principal: Principal
  action: string
  /** The resource ARN, or `*` for actions that take no resource. */
  resource: string
  /** Request context keys (global and service keys), any case. */
  context: ConditionValues
  /**
   * Keys the caller implies (aws:PrincipalArn, aws:CurrentTime, …), asked for by lower-cased name
   * only when a condition needs them; `context` wins over these.
   */
  implied?: (keyLower: string) => string[] | undefined
  /** The account that owns the resource. */
  resourceAccount: string
  identityPolicies: PolicySource[]
  resourcePolicy?: PolicySource
}

export type DecisionKind = 'Allow' | 'ExplicitDeny' | 'ImplicitDeny'

export interface DecidingStatement {
  source: PolicySource
  statement: CompiledStatement
}

export interface Decision {
  decision: DecisionKind
  /** The policy type whose deny (or missing allow) decided a denial; used in AWS's message. */
  deniedBy?: 'identity' | 'resource'
  /** Deny statements that matched, or the Allow statements that granted access. */
  deciding: DecidingStatement[]
  /** Was there an Allow in an identity-based policy? (root: true) */
  identityAllowed: boolean
  /** How the resource policy allowed, if it did. */
  resourceAllowed: 'direct' | 'account' | undefined
}

/** A case-insensitive lookup over request context values, built on first use. */
export function contextLookup(
  context: ConditionValues,
  implied?: (keyLower: string) => string[] | undefined,
): VariableLookup {
  let map: Map<string, string[]> | undefined
  return (key: string) => {
    if (!map) {
      map = new Map()
      for (const k in context) {
        const v = context[k]
        if (v === undefined) continue
        map.set(k.toLowerCase(), Array.isArray(v) ? v : [v])
      }
    }
    const lower = key.toLowerCase()
    return map.get(lower) ?? implied?.(lower)
  }
}

export function prepareRequest(req: EvaluationRequest): PreparedRequest {
  return {
    principal: req.principal,
    action: req.action,
    actionLower: req.action.toLowerCase(),
    resource: req.resource,
    resourceSegments: prepareResource(req.resource),
    lookup: contextLookup(req.context, req.implied),
  }
}

export function principalAccount(p: Principal): string | undefined {
  return p.kind === 'service' ? undefined : p.accountId
}

/** Decide a request (no explanation: the fast path the gateway takes on every call). */
export function decide(req: EvaluationRequest, prepared: PreparedRequest = prepareRequest(req)): Decision {
  const denies: DecidingStatement[] = []
  const identityAllows: DecidingStatement[] = []
  const resourceAllows: DecidingStatement[] = []
  let deniedBy: 'identity' | 'resource' | undefined
  let resourceAllowed: 'direct' | 'account' | undefined

  const isService = req.principal.kind === 'service'
  if (!isService)
    for (const source of req.identityPolicies)
      for (const cs of source.compiled.statements) {
        if (!statementApplies(cs, prepared)) continue
        if (cs.deny) {
          denies.push({ source, statement: cs })
          deniedBy ??= 'identity'
        } else identityAllows.push({ source, statement: cs })
      }
  if (req.resourcePolicy)
    for (const cs of req.resourcePolicy.compiled.statements) {
      const how = statementApplies(cs, prepared)
      if (!how) continue
      if (cs.deny) {
        denies.push({ source: req.resourcePolicy, statement: cs })
        deniedBy ??= 'resource'
      } else {
        resourceAllows.push({ source: req.resourcePolicy, statement: cs })
        if (resourceAllowed !== 'direct') resourceAllowed = how
      }
    }

  const account = principalAccount(req.principal)
  const isRoot = req.principal.kind === 'root' && account === req.resourceAccount
  const identityAllowed = isRoot || identityAllows.length > 0
  const base = { identityAllowed, resourceAllowed }
  if (denies.length > 0) return { decision: 'ExplicitDeny', deniedBy, deciding: denies, ...base }

  const grants = [...identityAllows, ...resourceAllows]
  if (isService) {
    if (resourceAllowed) return { decision: 'Allow', deciding: resourceAllows, ...base }
    return { decision: 'ImplicitDeny', deniedBy: 'resource', deciding: [], ...base }
  }
  if (account === req.resourceAccount) {
    if (identityAllowed || resourceAllowed === 'direct') return { decision: 'Allow', deciding: grants, ...base }
    return { decision: 'ImplicitDeny', deniedBy: 'identity', deciding: [], ...base }
  }
  // Cross-account: both sides must allow.
  if (identityAllowed && resourceAllowed) return { decision: 'Allow', deciding: grants, ...base }
  return { decision: 'ImplicitDeny', deniedBy: identityAllowed ? 'resource' : 'identity', deciding: [], ...base }
}
