// Shared test fixtures: principals, policy builders, and an evaluator over plain documents.
import type { ConditionValues, Principal } from '../../types.ts'
import { compilePolicy } from '../compile.ts'
import { decide, type EvaluationRequest, type PolicySource } from '../evaluate.ts'
import { explainDecision } from '../explain.ts'
import { parsePolicyDocument } from '../grammar.ts'
import type { PolicyKind } from '../policy.ts'

export const ACCOUNT = '123456789012'
export const OTHER = '210987654321'

export function roleSession(role = 'orders-role', session = 'place-order', account = ACCOUNT): Principal {
  return {
    kind: 'assumed-role',
    arn: `arn:aws:sts::${account}:assumed-role/${role}/${session}`,
    accountId: account,
    roleArn: `arn:aws:iam::${account}:role/${role}`,
    roleName: role,
    sessionName: session,
  }
}

export function user(name = 'alice', account = ACCOUNT): Principal {
  return { kind: 'user', arn: `arn:aws:iam::${account}:user/${name}`, accountId: account, name }
}

export function service(
  name = 's3.amazonaws.com',
  extra: { sourceArn?: string; sourceAccount?: string } = {},
): Principal {
  return { kind: 'service', service: name, ...extra }
}

export const root = (account = ACCOUNT): Principal => ({
  kind: 'root',
  arn: `arn:aws:iam::${account}:root`,
  accountId: account,
})

export function doc(statements: object | object[], version: string | null = '2012-10-17'): string {
  return JSON.stringify({ ...(version ? { Version: version } : {}), Statement: statements }, null, 2)
}

export function source(text: string, kind: PolicyKind = 'identity', name = 'test-policy'): PolicySource {
  return {
    type: kind === 'resource' ? 'resource' : 'inline',
    name,
    attachedTo: 'role orders-role',
    compiled: compilePolicy(parsePolicyDocument(text, { kind })),
  }
}

export interface Case {
  principal?: Principal
  action: string
  resource: string
  context?: ConditionValues
  identity?: string[]
  resourcePolicy?: string
  resourceAccount?: string
}

export function request(c: Case): EvaluationRequest {
  return {
    principal: c.principal ?? roleSession(),
    action: c.action,
    resource: c.resource,
    context: c.context ?? {},
    resourceAccount: c.resourceAccount ?? ACCOUNT,
    identityPolicies: (c.identity ?? []).map((t, i) => source(t, 'identity', `policy-${i + 1}`)),
    resourcePolicy: c.resourcePolicy ? source(c.resourcePolicy, 'resource') : undefined,
  }
}

export function evaluate(c: Case) {
  return decide(request(c)).decision
}

export function explain(c: Case) {
  const req = request(c)
  return explainDecision(req, decide(req))
}
