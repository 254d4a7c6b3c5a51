/**
 * The Calls view's model, without React: which calls change the account, what a denied call's IAM
 * explanation says ("Denied, because …") and which statement to highlight in which policy, and the
 * denied calls a function made during one invoke. The explanation crosses the Worker as plain JSON
 * (src/aws/iam/explain.ts's DecisionExplanation), so it is read defensively here.
 */
import type { CallRecord } from '../../aws/public.ts'

/** Operations that only read (the console's and the SDK's Get/List/Describe/Head…). */
const READ_OPERATION = /^(Get|List|Describe|Head|Query|Scan|BatchGet|TransactGet|Receive|Filter|Test|Simulate)/

export function isReadOperation(operation: string): boolean {
  return READ_OPERATION.test(operation)
}

/** The request id of the latest call that may have changed the account ('' when none): views re-read when it changes. */
export function lastChange(calls: readonly CallRecord[]): string {
  for (let i = calls.length - 1; i >= 0; i--) {
    const c = calls[i]
    if (c.outcome === 'success' && !isReadOperation(c.operation)) return c.requestId
  }
  return ''
}

export interface ExplainedStatement {
  policyName: string
  policyType: string
  index: number
  sid?: string
  effect: 'Allow' | 'Deny'
  start: number
  end: number
  reason: string
}

export interface ExplainedPolicy {
  name: string
  type: string
  arn?: string
  document: string
}

/** What the Calls and Result views show for a denied call. */
export interface Denial {
  decision: 'ExplicitDeny' | 'ImplicitDeny' | string
  action: string
  resource: string
  principal: string
  /** "Denied, because …" in plain English. */
  summary: string
  /** The statement to highlight (the deny that decided, or the closest allow that missed), if any. */
  statement?: ExplainedStatement
  /** The policy that statement is in (its JSON, which the offsets refer to). */
  policy?: ExplainedPolicy
  /** Whether `statement` decided (an explicit deny) or only came closest (no statement matched). */
  statementDecided: boolean
  /** No statement of any policy applied. */
  noneMatched: boolean
  /** Every policy IAM looked at. */
  policies: ExplainedPolicy[]
}

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v)
const str = (v: unknown): string => (typeof v === 'string' ? v : '')
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : -1)

function statementOf(v: unknown): ExplainedStatement | undefined {
  if (!isObj(v)) return undefined
  const policy = isObj(v.policy) ? v.policy : {}
  const effect = v.effect === 'Deny' ? 'Deny' : 'Allow'
  return {
    policyName: str(policy.name),
    policyType: str(policy.type),
    index: num(v.index),
    ...(typeof v.sid === 'string' ? { sid: v.sid } : {}),
    effect,
    start: num(v.start),
    end: num(v.end),
    reason: str(v.reason),
  }
}

/** The IAM explanation of a call's first denied authorisation, or undefined when it was not denied. */
export function denialOf(call: Pick<CallRecord, 'authorization'>): Denial | undefined {
  const denied = call.authorization?.find((a) => !a.allowed)
  if (!denied) return undefined
  return denialFromExplanation(denied.explanation, denied)
}

/** A Denial from an explanation (a call record's, or an AccountCallError's). */
export function denialFromExplanation(
  explanation: unknown,
  fallback: { action?: string; resource?: string; decision?: string; message?: string } = {},
): Denial {
  const e = isObj(explanation) ? explanation : {}
  const policies: ExplainedPolicy[] = (Array.isArray(e.policies) ? e.policies : []).filter(isObj).map((p) => ({
    name: str(p.name),
    type: str(p.type),
    ...(typeof p.arn === 'string' ? { arn: p.arn } : {}),
    document: str(p.document),
  }))
  const deciding = (Array.isArray(e.deciding) ? e.deciding : []).map(statementOf).filter((s) => !!s)
  const near = (Array.isArray(e.nearMisses) ? e.nearMisses : []).map(statementOf).filter((s) => !!s)
  const decision = str(e.decision) || fallback.decision || 'ImplicitDeny'
  const decidingDeny = decision === 'ExplicitDeny' ? deciding.find((s) => s.effect === 'Deny') : undefined
  const statement = decidingDeny ?? near[0]
  const policy = statement
    ? policies.find((p) => p.name === statement.policyName && p.type === statement.policyType)
    : undefined
  return {
    decision,
    action: str(e.action) || fallback.action || '',
    resource: str(e.resource) || fallback.resource || '',
    principal: str(e.principal),
    summary: str(e.summary) || fallback.message || 'Denied: IAM gave no explanation for this decision.',
    ...(statement ? { statement } : {}),
    ...(policy ? { policy } : {}),
    statementDecided: !!decidingDeny,
    noneMatched: !decidingDeny && decision !== 'Allow',
    policies,
  }
}

/** The session name of a function's calls (`…:assumed-role/<role>/<function>`). */
export function isFunctionCaller(principal: string, functionName: string): boolean {
  return principal.includes(':assumed-role/') && principal.endsWith(`/${functionName}`)
}

/**
 * The denied calls the function made after `marker` (the newest call seen when the invoke started;
 * undefined when there was none). Matched by position, not seq: a fresh Worker's gateway counts from 1
 * again. The Worker sends an invoke's calls before its result, so all of them are here when it arrives.
 */
export function deniedCallsAfter(
  calls: readonly CallRecord[],
  marker: CallRecord | undefined,
  functionName: string,
): CallRecord[] {
  const from = marker ? calls.lastIndexOf(marker) + 1 : 0
  return calls
    .slice(from)
    .filter(
      (c) =>
        c.outcome === 'error' && isFunctionCaller(c.principal, functionName) && c.authorization.some((a) => !a.allowed),
    )
}

/** A caller's short name for a table: a role session's name (a function's name), `user admin`, `s3.amazonaws.com`. */
export function callerLabel(principal: string): string {
  const m = /:assumed-role\/([^/]+)\/(.+)$/.exec(principal)
  if (m) return m[2]
  const u = /:user\/(?:.*\/)?([^/]+)$/.exec(principal)
  if (u) return `user ${u[1]}`
  return principal
}

/** The page's own reads (the Permissions view's, the Resources panel's): hidden unless asked for. */
export function isPageRead(call: Pick<CallRecord, 'principal' | 'operation' | 'outcome'>): boolean {
  return call.principal.endsWith(':user/admin') && call.outcome === 'success' && isReadOperation(call.operation)
}
