// Compiled policies: a validated document turned into matchers that decide a request quickly.
// Compilation happens once per document (cached by text and by object identity); evaluation then
// only compares prepared strings. Every matcher can also record why it matched or not, for the
// explainer, through an optional trace.
import { isMatchAll, splitSegments, wildcardMatch } from '../arn.ts'
import type { Principal } from '../types.ts'
import { compileCondition, evaluateCondition, type CompiledCondition, type ConditionTrace } from './conditions.ts'
import { supportsVariables, type PolicyDocument, type PolicyStatement, type PrincipalSpec } from './policy.ts'
import { hasVariables, resolveVariables, type VariableLookup } from './variables.ts'

export interface CompiledPolicy {
  doc: PolicyDocument
  statements: CompiledStatement[]
}

export interface CompiledStatement {
  statement: PolicyStatement
  deny: boolean
  /** Lower-cased exact actions (→ as written) and wildcard patterns. */
  actionExact: Map<string, string>
  actionPatterns: { lower: string; raw: string }[]
  actionAll: boolean
  notAction: boolean
  resources?: CompiledResource[]
  notResource: boolean
  /** How short resource ARNs read in this policy. */
  mode: ShortArnMode
  principal?: CompiledPrincipal
  notPrincipal: boolean
  conditions: CompiledCondition[]
}

interface CompiledResource {
  raw: string
  all: boolean
  /** Contains policy variables: resolved per request. */
  dynamic: boolean
  /** Static patterns, split into six segments (short ARNs padded); null: can never match. */
  segments?: string[] | null
}

export interface CompiledPrincipal {
  all: boolean
  /** Exact principal ARNs (users, roles, sessions). */
  arns: Set<string>
  /** Account ids named directly or as `arn:aws:iam::<id>:root`. */
  accounts: Set<string>
  /** Lower-cased service principals. */
  services: Set<string>
}

/** The request, prepared once and shared by every statement that evaluates it. */
export interface PreparedRequest {
  principal: Principal
  action: string
  actionLower: string
  resource: string
  /** The resource split at its first five colons, when it is an ARN. */
  resourceSegments?: string[]
  /** Case-insensitive context lookup (lower-cased key → values). */
  lookup: VariableLookup
}

/** Short resource ARNs in identity policies are padded with `*`; in resource policies only wildcards are. */
export type ShortArnMode = 'expand' | 'wildcardOnly'

export function prepareResource(resource: string): string[] | undefined {
  if (resource === '*') return undefined
  const segs = splitSegments(resource)
  return segs.length === 6 && segs[0] === 'arn' ? segs : undefined
}

export function compilePolicy(doc: PolicyDocument): CompiledPolicy {
  const variables = supportsVariables(doc)
  const mode: ShortArnMode = doc.kind === 'identity' ? 'expand' : 'wildcardOnly'
  return {
    doc,
    statements: doc.statements.map((s) => compileStatement(s, variables, mode)),
  }
}

function compileResource(raw: string, variables: boolean, mode: ShortArnMode): CompiledResource {
  const all = isMatchAll(raw)
  const dynamic = !all && variables && hasVariables(raw)
  if (all || dynamic) return { raw, all, dynamic }
  return { raw, all, dynamic, segments: patternSegments(raw, mode) }
}

/**
 * Six segments of a Resource pattern; short patterns padded with `*` as the mode allows, else
 * null. Also null when the pattern puts a wildcard in the resource *type* (`?able/orders`,
 * `*\/x`): "You cannot use a wildcard in the portion of the ARN that specifies the resource type"
 * (IAM User Guide, Amazon Resource Names), so such an entry matches nothing. S3 and execute-api
 * resources have no type portion (`bucket/key`, `api-id/stage/…`).
 */
export function patternSegments(pattern: string, mode: ShortArnMode): string[] | null {
  const p = splitSegments(pattern)
  if (p.length < 6) {
    if (mode === 'wildcardOnly' && !pattern.includes('*') && !pattern.includes('?')) return null
    while (p.length < 6) p.push('*')
  }
  if (p[2] !== 's3' && p[2] !== 'execute-api') {
    const resource = p[5]
    const slash = resource.indexOf('/')
    const colon = resource.indexOf(':')
    const sep = slash < 0 ? colon : colon < 0 ? slash : Math.min(slash, colon)
    if (sep >= 0) {
      const type = resource.slice(0, sep)
      if (type.includes('*') || type.includes('?')) return null
    }
  }
  return p
}

function matchSegments(p: string[], v: string[]): boolean {
  for (let i = 0; i < 6; i++) if (!wildcardMatch(p[i], v[i])) return false
  return true
}

function compileStatement(s: PolicyStatement, variables: boolean, mode: ShortArnMode): CompiledStatement {
  const actionExact = new Map<string, string>()
  const actionPatterns: { lower: string; raw: string }[] = []
  let actionAll = false
  for (const raw of s.action ?? s.notAction ?? []) {
    const lower = raw.toLowerCase()
    if (isMatchAll(lower)) actionAll = true
    else if (lower.includes('*') || lower.includes('?')) actionPatterns.push({ lower, raw })
    else if (!actionExact.has(lower)) actionExact.set(lower, raw)
  }
  const resources = s.resource ?? s.notResource
  return {
    statement: s,
    deny: s.effect === 'Deny',
    actionExact,
    actionPatterns,
    actionAll,
    notAction: s.notAction !== undefined,
    resources: resources?.map((raw) => compileResource(raw, variables, mode)),
    notResource: s.notResource !== undefined,
    mode,
    principal: s.principal
      ? compilePrincipal(s.principal)
      : s.notPrincipal
        ? compilePrincipal(s.notPrincipal)
        : undefined,
    notPrincipal: s.notPrincipal !== undefined,
    conditions: s.conditions.map((c) => compileCondition(c, variables)),
  }
}

function compilePrincipal(spec: PrincipalSpec): CompiledPrincipal {
  const arns = new Set<string>()
  const accounts = new Set<string>()
  for (const v of spec.aws) {
    if (v === '*') continue
    if (/^\d{12}$/.test(v)) accounts.add(v)
    else {
      const root = /^arn:[^:]+:iam::(\d{12}):root$/.exec(v)
      if (root) accounts.add(root[1])
      else arns.add(v)
    }
  }
  return { all: spec.all, arns, accounts, services: new Set(spec.service.map((s) => s.toLowerCase())) }
}

/** Does the statement's Action/NotAction cover the request's action? Returns the matching entry. */
export function matchAction(cs: CompiledStatement, actionLower: string): string | undefined {
  if (cs.actionAll) return '*'
  const exact = cs.actionExact.get(actionLower)
  if (exact !== undefined) return exact
  for (const p of cs.actionPatterns) if (wildcardMatch(p.lower, actionLower)) return p.raw
  return undefined
}

/** The Resource entry that matches, if any; `unresolved` collects entries whose variables had no value. */
export function matchResource(cs: CompiledStatement, req: PreparedRequest, unresolved?: string[]): string | undefined {
  const segs = req.resourceSegments
  for (const r of cs.resources ?? []) {
    if (r.all) return r.raw
    if (!segs) {
      // `*` (actions without resource types) and non-ARN resources: only `*` or the same text.
      if (!r.dynamic && r.raw === req.resource) return r.raw
      continue
    }
    if (r.dynamic) {
      const resolved = resolveVariables(r.raw, req.lookup, true)
      if (resolved === undefined) {
        unresolved?.push(r.raw)
        continue
      }
      const p = patternSegments(resolved, cs.mode)
      if (p && matchSegments(p, segs)) return r.raw
      continue
    }
    if (r.segments && matchSegments(r.segments, segs)) return r.raw
  }
  return undefined
}

/** How a Principal element names the caller: directly, through its account, or not at all. */
export type PrincipalMatch = 'direct' | 'account' | undefined

export function matchPrincipal(p: CompiledPrincipal, principal: Principal): PrincipalMatch {
  if (p.all) return 'direct'
  switch (principal.kind) {
    case 'service':
      return p.services.has(principal.service.toLowerCase()) ? 'direct' : undefined
    case 'root':
      return p.accounts.has(principal.accountId) || p.arns.has(principal.arn) ? 'direct' : undefined
    case 'user':
      if (p.arns.has(principal.arn)) return 'direct'
      return p.accounts.has(principal.accountId) ? 'account' : undefined
    case 'assumed-role':
      if (p.arns.has(principal.arn) || p.arns.has(principal.roleArn)) return 'direct'
      return p.accounts.has(principal.accountId) ? 'account' : undefined
  }
}

/**
 * NotPrincipal: which of the caller's identities the list leaves out. IAM may check a role session
 * as its account, then its role, then the session ("AWS JSON policy elements: NotPrincipal"), so
 * the caller counts as listed only if every one of those is listed.
 */
export function notPrincipalExcludes(p: CompiledPrincipal, principal: Principal): { all: boolean; any: boolean } {
  const chain: boolean[] = []
  switch (principal.kind) {
    case 'service':
      chain.push(p.all || p.services.has(principal.service.toLowerCase()))
      break
    case 'root':
      chain.push(p.all || p.accounts.has(principal.accountId) || p.arns.has(principal.arn))
      break
    case 'user':
      chain.push(p.all || p.accounts.has(principal.accountId), p.all || p.arns.has(principal.arn))
      break
    case 'assumed-role':
      chain.push(
        p.all || p.accounts.has(principal.accountId),
        p.all || p.arns.has(principal.roleArn),
        p.all || p.arns.has(principal.arn),
      )
  }
  return { all: chain.every(Boolean), any: chain.some(Boolean) }
}

/** What the explainer records about one statement. */
export interface StatementTrace {
  actionMatchedBy?: string
  actionMatched: boolean
  resourceMatchedBy?: string
  resourceMatched: boolean
  unresolvedResources: string[]
  principalMatch?: PrincipalMatch
  principalMatched: boolean
  conditions: ConditionTrace[]
  conditionsMatched: boolean
  /** Whether the statement applies to the request. */
  matched: boolean
}

/**
 * Does the statement apply to the request? Returns how it names the principal (resource and trust
 * policies) — 'direct' for identity policies — or false. With a trace, every part is evaluated and
 * recorded; without one, evaluation stops at the first part that fails.
 */
export function statementApplies(
  cs: CompiledStatement,
  req: PreparedRequest,
  trace?: StatementTrace,
): PrincipalMatch | false {
  const actionHit = matchAction(cs, req.actionLower)
  const actionOk = cs.notAction ? actionHit === undefined : actionHit !== undefined
  if (trace) {
    trace.actionMatchedBy = actionHit
    trace.actionMatched = actionOk
  } else if (!actionOk) return false

  let resourceOk = true
  if (cs.resources) {
    const hit = matchResource(cs, req, trace?.unresolvedResources)
    resourceOk = cs.notResource ? hit === undefined : hit !== undefined
    if (trace) {
      trace.resourceMatchedBy = hit
      trace.resourceMatched = resourceOk
    } else if (!resourceOk) return false
  } else if (trace) trace.resourceMatched = true

  let how: PrincipalMatch = 'direct'
  let principalOk = true
  if (cs.principal) {
    if (cs.notPrincipal) {
      const ex = notPrincipalExcludes(cs.principal, req.principal)
      principalOk = cs.deny ? !ex.all : !ex.any
      how = principalOk ? 'direct' : undefined
    } else {
      how = matchPrincipal(cs.principal, req.principal)
      principalOk = how !== undefined
    }
    if (trace) {
      trace.principalMatch = how
      trace.principalMatched = principalOk
    } else if (!principalOk) return false
  } else if (trace) trace.principalMatched = true

  let conditionsOk = true
  for (const c of cs.conditions) {
    if (!evaluateCondition(c, req.lookup, trace?.conditions)) {
      conditionsOk = false
      if (!trace) return false
    }
  }
  if (trace) {
    trace.conditionsMatched = conditionsOk
    trace.matched = actionOk && resourceOk && principalOk && conditionsOk
    return trace.matched ? how : false
  }
  return how
}

export function newTrace(): StatementTrace {
  return {
    actionMatched: false,
    resourceMatched: false,
    unresolvedResources: [],
    principalMatched: false,
    conditions: [],
    conditionsMatched: false,
    matched: false,
  }
}
