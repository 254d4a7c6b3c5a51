// The IAM policy grammar: parse a policy document and check it the way IAM does, answering a bad
// one with IAM's own MalformedPolicyDocument message.
//
// IAM checks a document in phases, and the first phase that fails decides the message:
//   1. syntax ("Syntax errors in policy."; for a trust policy that is not JSON at all, "This
//      policy contains invalid Json"): JSON, known fields, value types, Effect, operators;
//   2. the fields a kind of policy may not have ("Policy document should not specify a
//      principal.", "Has prohibited field Resource");
//   3. managed policies only: "Policy document must be version 2012-10-17 or greater.";
//   4. "The policy failed legacy parsing": Effect not exactly `Allow`/`Deny`, a date condition
//      value that is not a date, a resource ARN with missing segments (`arn:aws:s3::bucket`);
//   5. "Statement IDs (SID) in a single policy must be unique.";
//   6. "Policy statement must contain actions."; a trust policy without a principal;
//   7. the first malformed resource (`Resource x must be in ARN format or "*".`, `Partition "x"
//      is not valid for resource "…".`, region in an IAM or S3 ARN, …);
//   8. action names ("Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2,
//      etc.", "Actions/Condition can contain only one colon.", "Vendor x is not valid");
//   9. "Policy statement must contain resources." (identity and resource policies);
//  10. trust policies: allowed actions, and each principal ("Invalid principal in policy: …").
// The phase order and texts follow IAM's observed behaviour (docs/aws-account/iam.md lists the
// sources). Size limits are checked by the callers before parsing (see limits.ts).
import { AwsError } from '../errors.ts'
import { parseJson, member, JsonSyntaxError, type JsonNode, type JsonObject } from './json.ts'
import {
  parseOperator,
  type ConditionClause,
  type PolicyDocument,
  type PolicyKind,
  type PolicyStatement,
  type PrincipalSpec,
} from './policy.ts'
import { parseIamDate } from './values.ts'
import { principalProblem, resourceProblem, actionProblem, legacyResourceProblem } from './grammar-checks.ts'

export class PolicyGrammarError extends Error {
  override readonly name = 'MalformedPolicyDocument'
}

export interface PolicyParseOptions {
  kind: PolicyKind
  /** Customer managed policies must declare `"Version": "2012-10-17"`. */
  requireCurrentVersion?: boolean
  /** Deepest JSON nesting accepted (default 32; real policies need 6). */
  maxDepth?: number
  /**
   * Longest text read at all (default 131072, the IAM API's own limit for a policy document).
   * The API refuses longer documents with a ValidationError before they get here; this bound
   * protects direct callers (services checking resource policies) from megabytes of JSON.
   */
  maxLength?: number
  /** For trust and resource policies: false for a principal ARN that names nothing (same account). */
  principalExists?: (arn: string) => boolean
}

export const MSG = {
  syntax: 'Syntax errors in policy.',
  invalidJson: 'This policy contains invalid Json',
  principalInIdentity: 'Policy document should not specify a principal.',
  prohibitedResource: 'Has prohibited field Resource',
  prohibitedNotPrincipal: 'Has prohibited field NotPrincipal',
  version: 'Policy document must be version 2012-10-17 or greater.',
  legacy: 'The policy failed legacy parsing',
  sid: 'Statement IDs (SID) in a single policy must be unique.',
  actions: 'Policy statement must contain actions.',
  resources: 'Policy statement must contain resources.',
  noPrincipalTrust:
    'Invalid principal in policy: com.amazon.balsa.error.InvalidPolicyException: The passed in policy has a statement with no principals!',
  noPrincipalResource: 'Missing required field Principal',
  trustActions:
    'Trust Policy statement actions can only be sts:AssumeRole, sts:AssumeRoleWithSAML,  and sts:AssumeRoleWithWebIdentity',
} as const

const TOP_FIELDS = new Set(['Version', 'Id', 'Statement'])
const STATEMENT_FIELDS = new Set([
  'Sid',
  'Effect',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Principal',
  'NotPrincipal',
  'Condition',
])
const PRINCIPAL_TYPES: Record<string, keyof Omit<PrincipalSpec, 'all'>> = {
  AWS: 'aws',
  Service: 'service',
  Federated: 'federated',
  CanonicalUser: 'canonicalUser',
}
const TRUST_ACTIONS = new Set(
  [
    'sts:AssumeRole',
    'sts:AssumeRoleWithSAML',
    'sts:AssumeRoleWithWebIdentity',
    'sts:TagSession',
    'sts:SetSourceIdentity',
    'sts:SetContext',
    'sts:*',
    '*',
  ].map((a) => a.toLowerCase()),
)

const fail = (message: string): never => {
  throw new PolicyGrammarError(message)
}

/** Parse and check a policy document; throws PolicyGrammarError with IAM's message. */
export function parsePolicyDocument(text: string, options: PolicyParseOptions): PolicyDocument {
  const { kind } = options
  const maxLength = options.maxLength ?? 131072
  if (text.length > maxLength) fail(`Policy document is longer than ${maxLength} characters.`)
  let root: JsonNode
  try {
    root = parseJson(text, { maxDepth: options.maxDepth ?? 32 })
  } catch (e) {
    if (e instanceof JsonSyntaxError) fail(kind === 'trust' ? MSG.invalidJson : MSG.syntax)
    throw e
  }

  // Phase 1: syntax.
  if (root.type !== 'object') return fail(MSG.syntax)
  for (const e of root.entries) if (!TOP_FIELDS.has(e.key)) fail(MSG.syntax)
  const versionNode = member(root, 'Version')
  if (
    versionNode &&
    (versionNode.type !== 'string' || !['2008-10-17', '2012-10-17'].includes(String(versionNode.value)))
  )
    fail(MSG.syntax)
  const idNode = member(root, 'Id')
  if (idNode && idNode.type !== 'string') fail(MSG.syntax)
  const statementNode = member(root, 'Statement')
  if (!statementNode) return fail(MSG.syntax)
  const statementNodes =
    statementNode.type === 'array' ? statementNode.items : statementNode.type === 'object' ? [statementNode] : []
  if (statementNodes.length === 0) fail(MSG.syntax)
  const raws = statementNodes.map((node, index) => readStatement(node, index, text))
  const statements = raws.map((r) => r.statement)
  const doc: PolicyDocument = {
    kind,
    version: stringValue(versionNode),
    id: stringValue(idNode),
    statements,
    source: text,
  }

  // Phase 2: fields this kind of policy may not have.
  for (const s of statements) {
    if (kind === 'identity' && (s.principal || s.notPrincipal)) fail(MSG.principalInIdentity)
    if (kind === 'trust' && (s.resource || s.notResource)) fail(MSG.prohibitedResource)
    if (kind === 'trust' && s.notPrincipal) fail(MSG.prohibitedNotPrincipal)
  }

  // Phase 3: managed policies speak the current policy language.
  if (options.requireCurrentVersion && doc.version !== '2012-10-17') fail(MSG.version)

  // Phase 4: legacy parsing.
  for (const r of raws) {
    if (r.effect !== 'Allow' && r.effect !== 'Deny') fail(MSG.legacy)
    for (const c of r.statement.conditions)
      if (c.op.base.startsWith('Date')) for (const v of c.values) if (parseIamDate(v) === undefined) fail(MSG.legacy)
  }
  let resourceError: string | undefined
  for (const s of statements) {
    for (const list of [s.resource, s.notResource]) {
      if (!list) continue
      for (const r of list) resourceError ??= resourceProblem(r)
      if (resourceError === undefined) for (const r of list) if (legacyResourceProblem(r)) fail(MSG.legacy)
    }
  }

  // Phase 5: statement ids.
  const sids = new Set<string>()
  for (const s of statements) {
    if (!s.sid) continue
    if (sids.has(s.sid)) fail(MSG.sid)
    sids.add(s.sid)
  }

  // Phase 6: every statement acts on something, and resource/trust statements name someone.
  for (const s of statements) {
    const actions = s.action ?? s.notAction
    if (!actions || actions.length === 0) fail(MSG.actions)
  }
  if (kind !== 'identity')
    for (const s of statements)
      if (!s.principal && !s.notPrincipal) fail(kind === 'trust' ? MSG.noPrincipalTrust : MSG.noPrincipalResource)

  // Phase 7 and 8: resources and actions well formed.
  if (resourceError !== undefined) fail(resourceError)
  for (const s of statements) for (const a of s.action ?? s.notAction ?? []) actionProblem(a, fail)

  // Phase 9: identity and resource statements apply to resources.
  if (kind !== 'trust')
    for (const s of statements) {
      const resources = s.resource ?? s.notResource
      if (!resources || resources.length === 0) fail(MSG.resources)
    }

  // Phase 10: trust policy actions, and principals that exist.
  if (kind === 'trust')
    for (const s of statements)
      for (const a of s.action ?? s.notAction ?? []) if (!TRUST_ACTIONS.has(a.toLowerCase())) fail(MSG.trustActions)
  if (kind !== 'identity')
    for (const s of statements)
      for (const p of [s.principal, s.notPrincipal]) {
        if (!p) continue
        const problem = principalProblem(p, options.principalExists)
        if (problem) fail(`Invalid principal in policy: ${problem}`)
      }
  return doc
}

interface RawStatement {
  statement: PolicyStatement
  /** Effect as written (syntax accepts any case; legacy parsing insists on `Allow`/`Deny`). */
  effect: string
}

function readStatement(node: JsonNode, index: number, text: string): RawStatement {
  if (node.type !== 'object') return fail(MSG.syntax)
  for (const e of node.entries) if (!STATEMENT_FIELDS.has(e.key)) fail(MSG.syntax)
  const has = (k: string) => member(node, k) !== undefined
  if ((has('Action') && has('NotAction')) || (has('Resource') && has('NotResource'))) fail(MSG.syntax)
  if (has('Principal') && has('NotPrincipal')) fail(MSG.syntax)

  const effectNode = member(node, 'Effect')
  if (!effectNode || effectNode.type !== 'string') return fail(MSG.syntax)
  const effect = String(effectNode.value)
  const lower = effect.toLowerCase()
  if (lower !== 'allow' && lower !== 'deny') fail(MSG.syntax)

  const sidNode = member(node, 'Sid')
  if (sidNode && sidNode.type !== 'string') fail(MSG.syntax)

  const statement: PolicyStatement = {
    index,
    sid: stringValue(sidNode),
    effect: lower === 'allow' ? 'Allow' : 'Deny',
    action: stringList(member(node, 'Action')),
    notAction: stringList(member(node, 'NotAction')),
    resource: stringList(member(node, 'Resource')),
    notResource: stringList(member(node, 'NotResource')),
    principal: principalSpec(member(node, 'Principal')),
    notPrincipal: principalSpec(member(node, 'NotPrincipal')),
    conditions: conditions(member(node, 'Condition'), text),
    start: node.start,
    end: node.end,
  }
  return { statement, effect }
}

const stringValue = (node: JsonNode | undefined): string | undefined =>
  node && node.type === 'string' ? String(node.value) : undefined

/** A string or a list of strings (Action, Resource, …). */
function stringList(node: JsonNode | undefined): string[] | undefined {
  if (!node) return undefined
  if (node.type === 'string') return [String(node.value)]
  if (node.type !== 'array') return fail(MSG.syntax)
  return node.items.map((item) => (item.type === 'string' ? String(item.value) : fail(MSG.syntax)))
}

function principalSpec(node: JsonNode | undefined): PrincipalSpec | undefined {
  if (!node) return undefined
  const spec: PrincipalSpec = { all: false, aws: [], service: [], federated: [], canonicalUser: [] }
  if (node.type === 'string') {
    if (node.value !== '*') fail(MSG.syntax)
    spec.all = true
    return spec
  }
  if (node.type !== 'object') return fail(MSG.syntax)
  for (const e of node.entries) {
    const field = PRINCIPAL_TYPES[e.key]
    if (!field) fail(MSG.syntax)
    const values = stringList(e.value) ?? []
    if (values.length === 0) fail(MSG.syntax)
    spec[field].push(...values)
    if (field === 'aws' && values.includes('*')) spec.all = true
  }
  return spec
}

function conditions(node: JsonNode | undefined, text: string): ConditionClause[] {
  if (!node) return []
  if (node.type !== 'object') return fail(MSG.syntax)
  const out: ConditionClause[] = []
  for (const opEntry of node.entries) {
    const block = opEntry.value
    if (block.type !== 'object') fail(MSG.syntax)
    const op = parseOperator(opEntry.key)
    if (!op) {
      // IAM tolerates an unknown operator only with an empty block.
      if ((block as JsonObject).entries.length > 0) fail(MSG.syntax)
      continue
    }
    for (const keyEntry of (block as JsonObject).entries) {
      const v = keyEntry.value
      const items = v.type === 'array' ? v.items : [v]
      const values = items.map((item) => {
        if (item.type === 'string') return String(item.value)
        // Numbers and booleans are accepted and compared as the text that was written.
        if (item.type === 'number' || item.type === 'boolean') return text.slice(item.start, item.end)
        return fail(MSG.syntax)
      })
      out.push({ operator: opEntry.key, op, key: keyEntry.key, values, start: keyEntry.keyStart })
    }
  }
  return out
}

/** The AwsError IAM returns for a policy that fails the grammar. */
export function malformedPolicy(message: string): AwsError {
  return new AwsError('MalformedPolicyDocument', message, 400)
}

/** parsePolicyDocument, throwing AwsError('MalformedPolicyDocument') instead. */
export function checkPolicyDocument(text: string, options: PolicyParseOptions): PolicyDocument {
  try {
    return parsePolicyDocument(text, options)
  } catch (e) {
    if (e instanceof PolicyGrammarError) throw malformedPolicy(e.message)
    throw e
  }
}
