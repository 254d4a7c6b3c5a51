// The simulated account's light entry for the UI: pure things it needs without an account behind
// it — the contract's types, what each service offers (for a terminal's completion), IAM's policy
// grammar with IAM's messages (a role editor that validates as you type), AWS managed policies, and
// EventBridge's event-pattern validator. No @aws-sdk client, no service, no account:
// src/aws/__tests__/public.test.ts checks the module graph. The engine side imports src/aws/index.ts.
import { isAwsError } from './errors.ts'
import { checkPolicyDocument } from './iam/grammar.ts'
import type { PolicyKind } from './iam/policy.ts'
import { compileEventPattern } from './services/events/pattern/index.ts'

export type * from './types.ts'
export type { PolicyKind, PolicyDocument } from './iam/policy.ts'
export type { CallRecord, AuthorizationRecord } from './gateway.ts'
export { AwsError, isAwsError } from './errors.ts'
export { SERVICE_CATALOG, type CatalogService } from './catalog.ts'
export { parseArn, formatArn, isArn, arnMatch, type Arn } from './arn.ts'
export {
  checkPolicyDocument,
  parsePolicyDocument,
  PolicyGrammarError,
  MSG as POLICY_MESSAGES,
  type PolicyParseOptions,
} from './iam/grammar.ts'
export { AWS_MANAGED_POLICIES, awsManagedPolicy, type AwsManagedPolicy } from './iam/managed-policies.ts'
export { compileEventPattern } from './services/events/pattern/index.ts'
export {
  createNetwork,
  isAwsHost,
  type SimNetwork,
  type NetworkEvent,
  type HostSpec,
  type HostAnswer,
} from './network.ts'
export { validateHosts, replaceHosts } from './network-hosts.ts'

/** A problem as IAM reports it for a policy document, or undefined when IAM would accept it. */
export interface Problem {
  /** AWS's error name (`MalformedPolicyDocument`, `InvalidEventPatternException`). */
  name: string
  /** AWS's message, word for word. */
  message: string
}

function problemOf(e: unknown): Problem {
  if (isAwsError(e)) return { name: e.name, message: e.message }
  throw e
}

/**
 * What IAM would answer for this policy document (identity: PutRolePolicy/CreatePolicy; trust:
 * CreateRole/UpdateAssumeRolePolicy; resource: bucket, queue, topic policies), as you type.
 * Customer managed policies (`CreatePolicy`) must also say `"Version": "2012-10-17"`.
 */
export function policyDocumentProblem(
  text: string,
  kind: PolicyKind,
  options: { requireCurrentVersion?: boolean } = {},
): Problem | undefined {
  try {
    checkPolicyDocument(text, { kind, ...options })
    return undefined
  } catch (e) {
    return problemOf(e)
  }
}

/** What EventBridge would answer for this event pattern (PutRule, TestEventPattern), or undefined. */
export function eventPatternProblem(text: string): Problem | undefined {
  try {
    compileEventPattern(text)
    return undefined
  } catch (e) {
    return problemOf(e)
  }
}
