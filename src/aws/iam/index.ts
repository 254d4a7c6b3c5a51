// IAM for the simulated account: createIam() gives the `iam` service definition, its store, and
// the Authorizer the gateway asks on every call. See docs/aws-account/iam.md.
import type { VirtualClock } from '../../lambda/public.ts'
import type { ConditionValues, Principal, ServiceDefinition } from '../types.ts'
import { createAuthorizer, type IamAuthorizer } from './authorizer.ts'
import { PolicyCache } from './policy-cache.ts'
import { iamServiceDefinition } from './service.ts'
import { restoreStore, snapshotStore, type IamSnapshot } from './snapshot.ts'
import { IamStore } from './store.ts'
import { trustPolicyAllows, type TrustDecision } from './trust.ts'

export interface IamOptions {
  accountId: string
  region: string
  /** The account's clock (for aws:CurrentTime and RoleLastUsed); Date.now() when absent. */
  clock?: Pick<VirtualClock, 'now'>
}

export interface Iam {
  definition: ServiceDefinition
  store: IamStore
  authorizer: IamAuthorizer
  /** Compiled policies, shared by the authorizer and the service. */
  cache: PolicyCache
  /** The store as plain JSON (saved with the workspace). */
  snapshot(): IamSnapshot
  /** Replace the store from a snapshot; throws SnapshotError (store unchanged) on bad input. */
  restore(json: unknown): void
  /**
   * May `principal` assume role `roleName` (its trust policy must allow it)? E.g. Lambda's
   * CreateFunction checks that lambda.amazonaws.com may assume the function's role.
   */
  trustPolicyAllows(roleName: string, principal: Principal, action?: string, context?: ConditionValues): TrustDecision
}

export function createIam(options: IamOptions): Iam {
  const store = new IamStore(options.accountId)
  const cache = new PolicyCache()
  const now = () => Math.floor(options.clock?.now() ?? Date.now())
  const authorizer = createAuthorizer(store, cache, { region: options.region, now })
  const definition = iamServiceDefinition({ store, cache, authorizer, region: options.region })
  return {
    definition,
    store,
    authorizer,
    cache,
    snapshot: () => snapshotStore(store),
    restore: (json) => restoreStore(store, json),
    trustPolicyAllows: (roleName, principal, action, context) =>
      trustPolicyAllows(store, cache, authorizer, roleName, principal, action, context),
  }
}

export { accessDeniedError, accessDeniedMessage, DENIED_STYLES } from './messages.ts'
export { checkPolicyDocument, parsePolicyDocument, PolicyGrammarError, MSG as POLICY_MESSAGES } from './grammar.ts'
export { AWS_MANAGED_POLICIES, awsManagedPolicy } from './managed-policies.ts'
export { SnapshotError, type IamSnapshot } from './snapshot.ts'
export { IAM_QUERY_SHAPES } from './query-shapes.ts'
export type { IamAuthorizationResult, IamAuthorizer } from './authorizer.ts'
export type { DecisionExplanation, StatementExplanation, PolicyExplanation } from './explain.ts'
export type { PolicyKind } from './policy.ts'
export type { TrustDecision } from './trust.ts'
