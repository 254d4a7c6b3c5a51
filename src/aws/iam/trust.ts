// May this principal assume this role? A role's trust policy is a resource-based policy that
// must itself allow the caller ("IAM role trust policies … are exceptions …, because they must
// explicitly allow access for principals", Policy evaluation logic): an Allow in an identity
// policy is not enough. A trust policy that names the caller's account delegates to that
// account's identity policies, which must then allow sts:AssumeRole too.
// Lambda uses this when a function is created with a Role (lambda.amazonaws.com must be trusted).
import type { ConditionValues, Principal } from '../types.ts'
import type { IamAuthorizer } from './authorizer.ts'
import { statementApplies } from './compile.ts'
import { decide, prepareRequest, type Decision, type EvaluationRequest, type PolicySource } from './evaluate.ts'
import { explainDecision, type DecisionExplanation } from './explain.ts'
import type { PolicyCache } from './policy-cache.ts'
import type { IamStore, RoleRecord } from './store.ts'

export interface TrustDecision {
  allowed: boolean
  decision: 'Allow' | 'ExplicitDeny' | 'ImplicitDeny'
  /** Why, in the same shape as an authorization's explanation (the trust policy as the resource policy). */
  explanation?: DecisionExplanation
}

/** Actions a trust policy governs (the caller assumes the role, or tags or names the session). */
export function isRoleAssumption(action: string): boolean {
  const a = action.toLowerCase()
  return (
    a === 'sts:assumerole' ||
    a === 'sts:assumerolewithsaml' ||
    a === 'sts:assumerolewithwebidentity' ||
    a === 'sts:tagsession' ||
    a === 'sts:setsourceidentity'
  )
}

/**
 * The decision on assuming `role`: the trust policy must allow the caller itself (an Allow naming
 * only the caller's account hands the decision to that account's identity policies); any explicit
 * deny, in the trust policy or the caller's policies, wins.
 */
export function trustEvaluation(
  store: IamStore,
  cache: PolicyCache,
  identityPolicies: PolicySource[],
  role: RoleRecord,
  principal: Principal,
  action: string,
  context: ConditionValues,
  implied?: EvaluationRequest['implied'],
): { request: EvaluationRequest; outcome: Decision } {
  const request: EvaluationRequest = {
    principal,
    action,
    resource: store.roleArn(role),
    context,
    implied,
    resourceAccount: store.accountId,
    identityPolicies,
    resourcePolicy: {
      type: 'resource',
      name: `trust policy of role ${role.name}`,
      compiled: cache.compile(role.trust, 'trust'),
    },
  }
  const prepared = prepareRequest(request)
  let deny = false
  let direct = false
  let account = false
  for (const cs of request.resourcePolicy!.compiled.statements) {
    const how = statementApplies(cs, prepared)
    if (!how) continue
    if (cs.deny) deny = true
    else if (how === 'direct') direct = true
    else account = true
  }
  const identity = decide({ ...request, resourcePolicy: undefined }, prepared)
  if (identity.decision === 'ExplicitDeny') deny = true
  const decision = deny ? 'ExplicitDeny' : direct || (account && identity.identityAllowed) ? 'Allow' : 'ImplicitDeny'
  const outcome = decide(request, prepared)
  return {
    request,
    outcome: {
      ...outcome,
      decision,
      deniedBy: decision === 'Allow' ? undefined : identity.decision === 'ExplicitDeny' ? 'identity' : 'resource',
    },
  }
}

export function trustPolicyAllows(
  store: IamStore,
  cache: PolicyCache,
  authorizer: IamAuthorizer,
  roleName: string,
  principal: Principal,
  action = 'sts:AssumeRole',
  context: ConditionValues = {},
): TrustDecision {
  const role = store.getRole(roleName)
  if (!role) return { allowed: false, decision: 'ImplicitDeny' }
  const { request, outcome } = trustEvaluation(
    store,
    cache,
    authorizer.identityPolicies(principal),
    role,
    principal,
    action,
    context,
  )
  return {
    allowed: outcome.decision === 'Allow',
    decision: outcome.decision,
    explanation: explainDecision(request, outcome),
  }
}
