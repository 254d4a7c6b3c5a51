// Our evaluator against an independent one: @cloud-copilot/iam-simulate, used here as a test
// oracle only (it is AGPL-3.0 and never ships: see no-agpl.test.ts). Seeded random requests and
// policies; every disagreement must be one we have looked at and documented below, with the AWS
// documentation that says which side is right.
import { runSimulation } from '@cloud-copilot/iam-simulate'
import { describe, expect, it } from 'vitest'
import { compilePolicy } from '../compile.ts'
import { decide, type EvaluationRequest } from '../evaluate.ts'
import { parsePolicyDocument, PolicyGrammarError } from '../grammar.ts'
import type { PolicyKind } from '../policy.ts'
import { generateCases, type OracleCase } from './oracle-cases.ts'

const ORACLE: Record<string, 'Allow' | 'ExplicitDeny' | 'ImplicitDeny'> = {
  Allowed: 'Allow',
  ExplicitlyDenied: 'ExplicitDeny',
  ImplicitlyDenied: 'ImplicitDeny',
}

function compile(policy: object, kind: PolicyKind) {
  return compilePolicy(parsePolicyDocument(JSON.stringify(policy, null, 2), { kind }))
}

function ours(c: OracleCase, context: Record<string, string | string[] | undefined>) {
  const request: EvaluationRequest = {
    principal: c.principal,
    action: c.action,
    resource: c.resource,
    context,
    resourceAccount: c.resourceAccount,
    identityPolicies: c.identity.map((p, i) => ({ type: 'inline', name: `p${i}`, compiled: compile(p, 'identity') })),
    resourcePolicy: c.resourcePolicy
      ? { type: 'resource', name: 'rp', compiled: compile(c.resourcePolicy, 'resource') }
      : undefined,
  }
  return decide(request).decision
}

async function theirs(c: OracleCase): Promise<{ decision?: string; ignored: string[]; error?: unknown }> {
  const result = await runSimulation(
    {
      request: {
        principal: c.principalString,
        action: c.action,
        resource: { resource: c.resource, accountId: c.resourceAccount },
        contextVariables: Object.fromEntries(Object.entries(c.context).filter(([, v]) => v !== undefined)) as Record<
          string,
          string | string[]
        >,
      },
      identityPolicies: c.identity.map((policy, i) => ({ name: `p${i}`, policy })),
      serviceControlPolicies: [],
      resourceControlPolicies: [],
      resourcePolicy: c.resourcePolicy,
    },
    {},
  )
  if (result.resultType === 'error') return { ignored: [], error: result.errors }
  const ignored = result.resultType === 'single' ? (result.result.ignoredContextKeys ?? []) : []
  return { decision: ORACLE[result.overallResult], ignored }
}

/** Policies our grammar refuses (IAM would refuse them too) are not compared. */
function acceptable(c: OracleCase): boolean {
  try {
    for (const p of c.identity) parsePolicyDocument(JSON.stringify(p), { kind: 'identity' })
    if (c.resourcePolicy) parsePolicyDocument(JSON.stringify(c.resourcePolicy), { kind: 'resource' })
    return true
  } catch (e) {
    if (e instanceof PolicyGrammarError) return false
    throw e
  }
}

/**
 * Disagreements we have examined, each with the reason we keep our behaviour. A case matching one
 * of these is reported, not failed.
 */
const DOCUMENTED: { name: string; why: string; matches: (c: OracleCase, ours: string, theirs: string) => boolean }[] = [
  {
    name: 'root user',
    why:
      'AWS: "By default, all requests are implicitly denied with the exception of the AWS account root user, which has full access" ' +
      '(Policy evaluation logic). The oracle evaluates the root user like any principal without identity policies.',
    matches: (c, o, t) => c.principal.kind === 'root' && o === 'Allow' && t === 'ImplicitDeny',
  },
  {
    name: 'Deny with NotPrincipal that lists the caller but not its account',
    why:
      'AWS: "When you use NotPrincipal with Deny, you must also specify the account ARN of the not-denied principal. ' +
      'Otherwise, the policy might deny access to the entire account containing the principal … AWS might validate the ' +
      'account first, then the role, and then the assumed-role user" (AWS JSON policy elements: NotPrincipal). We apply the ' +
      "deny unless every one of the caller's identities (account, role, session or user) is listed; the oracle spares the " +
      'caller when its own ARN is listed.',
    matches: (c, o, t) =>
      o === 'ExplicitDeny' &&
      t !== 'ExplicitDeny' &&
      JSON.stringify(c.resourcePolicy ?? {}).includes('"NotPrincipal"') &&
      !JSON.stringify(c.resourcePolicy ?? {}).includes(
        `arn:aws:iam::${c.principal.kind === 'service' ? '' : c.principal.accountId}:root`,
      ),
  },
]

describe('our evaluator against the iam-simulate oracle', () => {
  it('agrees on at least 500 generated requests (or the difference is documented)', async () => {
    const cases = generateCases(900, 20260115).filter(acceptable)
    expect(cases.length).toBeGreaterThanOrEqual(500)
    const disagreements: string[] = []
    const documented = new Map<string, number>()
    let compared = 0
    const tally: Record<string, number> = {}
    for (const c of cases) {
      const t = await theirs(c)
      if (t.error) continue
      // Keys the oracle drops as not applicable to the action are dropped for us too.
      const context = Object.fromEntries(
        Object.entries(c.context).filter(([k]) => !t.ignored.some((i) => i.toLowerCase() === k.toLowerCase())),
      )
      const o = ours(c, context)
      compared++
      tally[o] = (tally[o] ?? 0) + 1
      if (o === t.decision) continue
      const known = DOCUMENTED.find((d) => d.matches(c, o, t.decision!))
      if (known) documented.set(known.name, (documented.get(known.name) ?? 0) + 1)
      else
        disagreements.push(`#${c.id}: ours ${o}, oracle ${t.decision}\n${JSON.stringify({ ...c, context }, null, 1)}`)
    }
    console.log(
      `oracle comparison: ${compared} requests compared (${JSON.stringify(tally)}); ` +
        `documented differences: ${JSON.stringify(Object.fromEntries(documented))}; undocumented: ${disagreements.length}`,
    )
    expect(compared).toBeGreaterThanOrEqual(500)
    expect(disagreements.slice(0, 3)).toEqual([])
    expect(disagreements).toHaveLength(0)
  }, 120_000)
})
