// Every decision can explain itself: which statement allowed or denied the request, or that none
// matched, and why each statement did or did not match (action, resource, principal, each
// condition with the request's value). The explanation is plain data (the UI renders "Denied,
// because…" and highlights the statement using its offsets in the policy text) plus a
// plain-English summary.
import type { Principal } from '../types.ts'
import { newTrace, statementApplies, type CompiledStatement, type StatementTrace } from './compile.ts'
import type { ConditionTrace } from './conditions.ts'
import { prepareRequest, type Decision, type EvaluationRequest, type PolicySource } from './evaluate.ts'
import { lineColumn, lineStarts } from './json.ts'
import type { PolicyDocument } from './policy.ts'

const lineIndex = new WeakMap<PolicyDocument, number[]>()

function linesOf(doc: PolicyDocument): number[] {
  let lines = lineIndex.get(doc)
  if (!lines) lineIndex.set(doc, (lines = lineStarts(doc.source)))
  return lines
}

export interface StatementExplanation {
  policy: PolicyRef
  /** 0-based position in the policy's Statement list. */
  index: number
  sid?: string
  effect: 'Allow' | 'Deny'
  /** Offsets of the statement in the policy text (`policy.document`), for highlighting. */
  start: number
  end: number
  /** 1-based line and column of the statement's `{` and just past its `}`, as IAM's simulator reports them. */
  startPosition: { Line: number; Column: number }
  endPosition: { Line: number; Column: number }
  /** Does the statement apply to this request? */
  matched: boolean
  action: { element: 'Action' | 'NotAction'; matched: boolean; matchedBy?: string }
  resource?: { element: 'Resource' | 'NotResource'; matched: boolean; matchedBy?: string; unresolved?: string[] }
  principal?: { element: 'Principal' | 'NotPrincipal'; matched: boolean; how?: 'direct' | 'account' }
  conditions: ConditionTrace[]
  /** One sentence on why it applies or not. */
  reason: string
}

export interface PolicyRef {
  type: PolicySource['type']
  name: string
  arn?: string
  attachedTo?: string
}

export interface PolicyExplanation extends PolicyRef {
  /** The policy JSON the statement offsets refer to. */
  document: string
  statements: StatementExplanation[]
}

export interface DecisionExplanation {
  decision: Decision['decision']
  allowed: boolean
  /** The caller as AWS names it in messages (a role session's ARN, a user's ARN, a service). */
  principal: string
  action: string
  resource: string
  /** "Denied, because …" / "Allowed by …", in plain English. */
  summary: string
  /** The statements that decided (matching Deny statements, or the Allow statements that granted). */
  deciding: StatementExplanation[]
  /** When implicitly denied: statements whose action matched but that failed on something else. */
  nearMisses: StatementExplanation[]
  policies: PolicyExplanation[]
}

/** The caller as it appears in AWS's messages. */
export function principalName(p: Principal): string {
  return p.kind === 'service' ? p.service : p.arn
}

function principalDescription(p: Principal): string {
  switch (p.kind) {
    case 'assumed-role':
      return `role ${p.roleName} (session ${p.sessionName})`
    case 'user':
      return `user ${p.name}`
    case 'root':
      return `the root user of account ${p.accountId}`
    case 'service':
      return `the service principal ${p.service}`
  }
}

function policyDescription(ref: PolicyRef, resource: string): string {
  switch (ref.type) {
    case 'inline':
      return `the inline policy "${ref.name}"${ref.attachedTo ? ` of ${ref.attachedTo}` : ''}`
    case 'managed':
      return `the customer managed policy "${ref.name}"`
    case 'aws-managed':
      return `the AWS managed policy ${ref.name}`
    case 'resource':
      return `the resource-based policy of ${resource}`
    case 'custom':
      return `the policy "${ref.name}"`
  }
}

const q = (v: string) => JSON.stringify(v)

function statementLabel(e: StatementExplanation): string {
  return `statement ${e.index + 1}${e.sid ? ` (Sid ${q(e.sid)})` : ''}`
}

export function explainStatement(
  source: PolicySource,
  cs: CompiledStatement,
  req: EvaluationRequest,
  trace: StatementTrace,
): StatementExplanation {
  const s = cs.statement
  const doc = source.compiled.doc
  const ref: PolicyRef = { type: source.type, name: source.name, arn: source.arn, attachedTo: source.attachedTo }
  const e: StatementExplanation = {
    policy: ref,
    index: s.index,
    sid: s.sid,
    effect: s.effect,
    start: s.start,
    end: s.end,
    startPosition: lineColumn(doc.source, s.start, linesOf(doc)),
    endPosition: lineColumn(doc.source, s.end, linesOf(doc)),
    matched: trace.matched,
    action: {
      element: cs.notAction ? 'NotAction' : 'Action',
      matched: trace.actionMatched,
      matchedBy: trace.actionMatchedBy,
    },
    resource: cs.resources
      ? {
          element: cs.notResource ? 'NotResource' : 'Resource',
          matched: trace.resourceMatched,
          matchedBy: trace.resourceMatchedBy,
          unresolved: trace.unresolvedResources.length ? trace.unresolvedResources : undefined,
        }
      : undefined,
    principal: cs.principal
      ? {
          element: cs.notPrincipal ? 'NotPrincipal' : 'Principal',
          matched: trace.principalMatched,
          how: trace.principalMatch,
        }
      : undefined,
    conditions: trace.conditions,
    reason: '',
  }
  e.reason = statementReason(e, cs, req)
  return e
}

function statementReason(e: StatementExplanation, cs: CompiledStatement, req: EvaluationRequest): string {
  const verb = e.effect === 'Allow' ? 'allows' : 'denies'
  const listed = (values: string[] | undefined) => (values ?? []).map(q).join(', ')
  const s = cs.statement
  if (!e.action.matched)
    return cs.notAction
      ? `its NotAction excludes ${req.action} (${q(e.action.matchedBy ?? '')})`
      : `its Action (${listed(s.action)}) does not include ${req.action}`
  if (e.resource && !e.resource.matched) {
    if (cs.notResource) return `its NotResource excludes ${req.resource} (${q(e.resource.matchedBy ?? '')})`
    const unresolved = e.resource.unresolved?.length
      ? `; ${listed(e.resource.unresolved)} uses a policy variable the request has no value for`
      : ''
    return req.resource === '*'
      ? `${req.action} acts on no specific resource, so only "Resource": "*" covers it, and its Resource is ${listed(s.resource)}`
      : `its Resource (${listed(s.resource)}) does not match ${req.resource}${unresolved}`
  }
  if (e.principal && !e.principal.matched)
    return cs.notPrincipal
      ? `its NotPrincipal lists ${principalName(req.principal)}`
      : `its Principal does not name ${principalName(req.principal)}`
  const failed = e.conditions.filter((c) => !c.matched)
  if (failed.length) return `its condition is not met: ${failed.map((c) => c.reason).join('; ')}`
  if (e.principal?.how === 'account' && e.effect === 'Allow')
    return `it ${verb} ${req.action}, but its Principal names only the account ${principalAccountOf(req.principal)}, which leaves the decision to that account's identity-based policies`
  return `it ${verb} ${req.action} on ${req.resource === '*' ? 'all resources' : req.resource}`
}

function principalAccountOf(p: Principal): string {
  return p.kind === 'service' ? '' : p.accountId
}

/** Re-evaluate every statement with tracing and describe the decision. */
export function explainDecision(req: EvaluationRequest, decision: Decision): DecisionExplanation {
  const prepared = prepareRequest(req)
  const policies: PolicyExplanation[] = []
  const all: StatementExplanation[] = []
  const sources = [
    ...(req.principal.kind === 'service' ? [] : req.identityPolicies),
    ...(req.resourcePolicy ? [req.resourcePolicy] : []),
  ]
  for (const source of sources) {
    const statements = source.compiled.statements.map((cs) => {
      const trace = newTrace()
      statementApplies(cs, prepared, trace)
      return explainStatement(source, cs, req, trace)
    })
    all.push(...statements)
    policies.push({
      type: source.type,
      name: source.name,
      arn: source.arn,
      attachedTo: source.attachedTo,
      document: source.compiled.doc.source,
      statements,
    })
  }
  const key = (x: { policy: PolicyRef; index: number }) =>
    `${x.policy.type}\u0000${x.policy.arn ?? x.policy.name}\u0000${x.index}`
  const decidingKeys = new Set(
    decision.deciding.map((d) =>
      key({
        policy: { type: d.source.type, name: d.source.name, arn: d.source.arn },
        index: d.statement.statement.index,
      }),
    ),
  )
  const deciding = all.filter((e) => decidingKeys.has(key(e)))
  const nearMisses =
    decision.decision === 'ImplicitDeny'
      ? all.filter((e) => e.effect === 'Allow' && e.action.matched && !e.matched).slice(0, 5)
      : []
  const summary = summarize(req, decision, deciding, nearMisses, policies)
  return {
    decision: decision.decision,
    allowed: decision.decision === 'Allow',
    principal: principalName(req.principal),
    action: req.action,
    resource: req.resource,
    summary,
    deciding,
    nearMisses,
    policies,
  }
}

function summarize(
  req: EvaluationRequest,
  decision: Decision,
  deciding: StatementExplanation[],
  nearMisses: StatementExplanation[],
  policies: PolicyExplanation[],
): string {
  const on = req.resource === '*' ? '' : ` on ${req.resource}`
  const who = principalDescription(req.principal)
  if (decision.decision === 'Allow') {
    if (deciding.length === 0) return `Allowed: ${who} has full access to its own account.`
    const d = deciding[0]
    return `Allowed by ${statementLabel(d)} of ${policyDescription(d.policy, req.resource)}, which allows ${req.action}${on} for ${who}.`
  }
  if (decision.decision === 'ExplicitDeny') {
    const d = deciding[0]
    return (
      `Denied, because ${statementLabel(d)} of ${policyDescription(d.policy, req.resource)} explicitly denies ${req.action}${on}. ` +
      'An explicit deny overrides every allow.'
    )
  }
  let text: string
  if (req.principal.kind === 'service') {
    text = req.resourcePolicy
      ? `Denied, because no statement in the resource-based policy of ${req.resource} allows ${who} to perform ${req.action}.`
      : `Denied, because ${req.resource} has no resource-based policy, and only one can allow ${who} to perform ${req.action}.`
  } else if (decision.deniedBy === 'resource') {
    text =
      `Denied, because the request crosses accounts (${principalAccountOf(req.principal)} → ${req.resourceAccount}): ` +
      `an identity-based policy allows ${req.action}, but the resource-based policy of ${req.resource} must allow it too, and it does not.`
  } else {
    const identity = policies.filter((p) => p.type !== 'resource')
    text =
      identity.length === 0
        ? `Denied, because ${who} has no identity-based policies, so nothing allows ${req.action}${on}.`
        : `Denied, because no statement in the identity-based policies of ${who} allows ${req.action}${on}.`
    if (req.resourcePolicy && decision.resourceAllowed === 'account')
      text += ` The resource-based policy names only the account, which leaves the decision to the identity-based policies.`
  }
  if (nearMisses.length) {
    const m = nearMisses[0]
    text += ` Closest: ${statementLabel(m)} of ${policyDescription(m.policy, req.resource)} — ${m.reason}.`
  }
  return text
}
