// SimulatePrincipalPolicy and SimulateCustomPolicy: the IAM policy simulator, answering with
// EvaluationResults as IAM does (EvalDecision allowed / explicitDeny / implicitDeny, the matched
// statements with their positions, and the context keys the policies needed but did not get).
// Like IAM's simulator, only the context keys given in ContextEntries are known: global keys are
// not filled in (they show up in MissingContextValues instead).
import type {
  ContextEntry,
  EvaluationResult,
  SimulateCustomPolicyRequest,
  SimulatePolicyResponse,
  SimulatePrincipalPolicyRequest,
  Statement,
} from '@aws-sdk/client-iam'
import { AwsError } from '../errors.ts'
import { arnAccount } from '../arn.ts'
import type { ConditionValues, OperationDefinition, Principal } from '../types.ts'
import { compilePolicy, matchAction, matchResource, type CompiledStatement } from './compile.ts'
import { decide, prepareRequest, type EvaluationRequest, type PolicySource } from './evaluate.ts'
import { explainDecision } from './explain.ts'
import { checkPolicyDocument } from './grammar.ts'
import { checkDocumentParam, invalidInput, noSuchEntity, op, paginate, type IamServiceState } from './service-common.ts'
import { Checks } from './validation.ts'

type Ops = Record<string, OperationDefinition<never, unknown>>

const SOURCE_TYPES: Record<PolicySource['type'], Statement['SourcePolicyType']> = {
  inline: 'role',
  managed: 'user-managed',
  'aws-managed': 'aws-managed',
  resource: 'resource',
  custom: 'none',
}

function context(entries: ContextEntry[] | undefined): ConditionValues {
  const out: ConditionValues = {}
  for (const e of entries ?? []) {
    if (!e.ContextKeyName) continue
    const values = e.ContextKeyValues ?? []
    out[e.ContextKeyName] = e.ContextKeyType?.endsWith('List') ? values : values[0]
  }
  return out
}

function checkCommon(
  checks: Checks,
  input: { ActionNames?: string[]; ResourceArns?: string[]; PolicyInputList?: string[]; ResourcePolicy?: string },
  policiesRequired: boolean,
): void {
  checks.stringList('policyInputList', input.PolicyInputList, { required: policiesRequired })
  checks.stringList('actionNames', input.ActionNames, { required: true })
  checks.stringList('resourceArns', input.ResourceArns, {})
  if (Array.isArray(input.PolicyInputList))
    for (const [i, p] of input.PolicyInputList.entries())
      checkDocumentParam(checks, `policyInputList.${i + 1}.member`, p)
  if (input.ResourcePolicy !== undefined) checkDocumentParam(checks, 'resourcePolicy', input.ResourcePolicy)
  if (Array.isArray(input.ActionNames))
    for (const [i, a] of input.ActionNames.entries())
      checks.string(`actionNames.${i + 1}.member`, a, { min: 3, max: 128 })
}

function customSources(state: IamServiceState, list: string[] | undefined): PolicySource[] {
  return (list ?? []).map((text, i) => ({
    type: 'custom',
    name: `PolicyInputList.${i + 1}`,
    compiled: compilePolicy(checkPolicyDocument(text, { kind: 'identity' })),
  }))
}

function simulate(
  state: IamServiceState,
  principal: Principal,
  identity: PolicySource[],
  input: {
    ActionNames?: string[]
    ResourceArns?: string[]
    ResourcePolicy?: string
    ResourceOwner?: string
    ContextEntries?: ContextEntry[]
    Marker?: string
    MaxItems?: number
  },
): SimulatePolicyResponse {
  const resourcePolicy: PolicySource | undefined = input.ResourcePolicy
    ? {
        type: 'resource',
        name: 'ResourcePolicy',
        compiled: compilePolicy(checkPolicyDocument(input.ResourcePolicy, { kind: 'resource' })),
      }
    : undefined
  const ctx = context(input.ContextEntries)
  const results: EvaluationResult[] = []
  for (const action of input.ActionNames!) {
    for (const resource of input.ResourceArns?.length ? input.ResourceArns : ['*']) {
      const owner = input.ResourceOwner ? arnAccount(input.ResourceOwner) || input.ResourceOwner : undefined
      const request: EvaluationRequest = {
        principal,
        action,
        resource,
        context: ctx,
        resourceAccount: owner ?? (arnAccount(resource) || state.store.accountId),
        identityPolicies: identity,
        resourcePolicy,
      }
      if (request.resourceAccount === '') request.resourceAccount = state.store.accountId
      const decision = decide(request, prepareRequest(request))
      const explanation = explainDecision(request, decision)
      results.push({
        EvalActionName: action,
        EvalResourceName: resource,
        EvalDecision:
          decision.decision === 'Allow'
            ? 'allowed'
            : decision.decision === 'ExplicitDeny'
              ? 'explicitDeny'
              : 'implicitDeny',
        MatchedStatements: explanation.deciding.map((s) => ({
          SourcePolicyId: s.policy.name,
          SourcePolicyType:
            s.policy.type === 'inline'
              ? s.policy.attachedTo?.startsWith('user')
                ? 'user'
                : 'role'
              : SOURCE_TYPES[s.policy.type],
          StartPosition: s.startPosition,
          EndPosition: s.endPosition,
        })),
        MissingContextValues: missingKeys(request, ctx),
      })
    }
  }
  const { page, ...rest } = paginate(results, input)
  return { EvaluationResults: page, ...rest }
}

/** Condition keys used by statements that match the action and resource, but absent from the context. */
function missingKeys(request: EvaluationRequest, ctx: ConditionValues): string[] {
  const have = new Set(Object.keys(ctx).map((k) => k.toLowerCase()))
  const prepared = prepareRequest(request)
  const out = new Map<string, string>()
  const statements: CompiledStatement[] = [
    ...request.identityPolicies.flatMap((p) => p.compiled.statements),
    ...(request.resourcePolicy?.compiled.statements ?? []),
  ]
  for (const cs of statements) {
    const actionHit = matchAction(cs, prepared.actionLower)
    if (cs.notAction ? actionHit !== undefined : actionHit === undefined) continue
    if (cs.resources) {
      const hit = matchResource(cs, prepared)
      if (cs.notResource ? hit !== undefined : hit === undefined) continue
    }
    for (const c of cs.conditions) if (!have.has(c.keyLower)) out.set(c.keyLower, c.clause.key)
  }
  return [...out.values()].sort()
}

function sourcePrincipal(state: IamServiceState, arn: string): { principal: Principal; identity: PolicySource[] } {
  const { store } = state
  const role = /:role\//.test(arn) ? store.roleByArn(arn) : undefined
  if (role) {
    const principal: Principal = {
      kind: 'assumed-role',
      arn: `arn:${store.partition}:sts::${store.accountId}:assumed-role/${role.name}/${role.name}`,
      accountId: store.accountId,
      roleArn: store.roleArn(role),
      roleName: role.name,
      sessionName: role.name,
    }
    return { principal, identity: state.authorizer.identityPolicies(principal) }
  }
  const user = /:user\//.test(arn) ? store.userByArn(arn) : undefined
  if (user) {
    const principal: Principal = { kind: 'user', arn: store.userArn(user), accountId: store.accountId, name: user.name }
    return { principal, identity: state.authorizer.identityPolicies(principal) }
  }
  const m = /^arn:[^:]+:iam::\d{12}:(user|role|group)\/(?:.*\/)?([^/]+)$/.exec(arn)
  if (!m) throw invalidInput(`Invalid ARN: ${arn}`)
  throw noSuchEntity(`The ${m[1]} with name ${m[2]} cannot be found.`)
}

export function simulateOperations(state: IamServiceState): Ops {
  return {
    SimulatePrincipalPolicy: op<SimulatePrincipalPolicyRequest, SimulatePolicyResponse>({
      authorize: (input) => [{ action: 'iam:SimulatePrincipalPolicy', resource: input.PolicySourceArn ?? '*' }],
      handler(input) {
        const checks = new Checks()
        checks.string('policySourceArn', input.PolicySourceArn, { required: true, min: 20, max: 2048 })
        checkCommon(checks, input, false)
        checks.done()
        if (input.PermissionsBoundaryPolicyInputList?.length)
          throw invalidInput(
            'Permissions boundaries are not part of this simulation: remove PermissionsBoundaryPolicyInputList.',
          )
        const { principal, identity } = sourcePrincipal(state, input.PolicySourceArn!)
        return simulate(state, principal, [...identity, ...customSources(state, input.PolicyInputList)], input)
      },
    }),

    SimulateCustomPolicy: op<SimulateCustomPolicyRequest, SimulatePolicyResponse>({
      authorize: () => [{ action: 'iam:SimulateCustomPolicy', resource: '*' }],
      handler(input) {
        const checks = new Checks()
        checkCommon(checks, input, true)
        checks.done()
        const caller = input.CallerArn
        let principal: Principal = {
          kind: 'user',
          arn: `arn:${state.store.partition}:iam::${state.store.accountId}:user/SimulatedCaller`,
          accountId: state.store.accountId,
          name: 'SimulatedCaller',
        }
        if (caller) {
          const m = /^arn:[^:]+:iam::(\d{12}):user\/(?:.*\/)?([^/]+)$/.exec(caller)
          if (!m) throw new AwsError('InvalidInput', `Invalid CallerArn: ${caller}`, 400)
          principal = { kind: 'user', arn: caller, accountId: m[1], name: m[2] }
        }
        return simulate(state, principal, customSources(state, input.PolicyInputList), input)
      },
    }),
  }
}
