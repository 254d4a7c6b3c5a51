// AWS's access-denied messages, and the error each service wraps them in.
//
// The message shape ("Troubleshoot access denied error messages", IAM User Guide):
//   User: <caller> is not authorized to perform: <action> on resource: <resource> because no
//   identity-based policy allows the <action> action
//   User: <caller> is not authorized to perform: <action> on resource: <resource> with an
//   explicit deny in an identity-based policy
// with "resource-based" in place of "identity-based" when the resource's policy decided, and
// without "on resource: …" for actions that take no resource. Services differ in details seen in
// their real responses: S3 quotes the resource ARN, SQS writes the action in lower case
// (`sqs:sendmessage`), SNS writes the prefix in upper case (`SNS:Publish`), STS gives no reason
// (`… is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::…:role/x`, the same
// whether the trust policy refused or the role does not exist). The exception name and
// HTTP status differ per service too (AccessDeniedException 400 for DynamoDB, 403 for Lambda,
// AccessDenied 403 for S3/IAM/STS/SQS, AuthorizationError 403 for SNS, …).
import { AwsError } from '../errors.ts'
import type { Principal, ServiceId } from '../types.ts'
import type { Decision } from './evaluate.ts'
import { principalName } from './explain.ts'

export interface DeniedStyle {
  /** The exception name the service's clients see. */
  name: string
  status: number
  /** S3: `on resource: "arn:aws:s3:::bucket/key"`. */
  quoteResource?: boolean
  action?: 'lower' | 'upper-prefix'
  /** STS: `… is not authorized to perform: sts:AssumeRole on resource: <role>`, with no reason. */
  omitReason?: boolean
}

export const DENIED_STYLES: Record<ServiceId, DeniedStyle> = {
  dynamodb: { name: 'AccessDeniedException', status: 400 },
  lambda: { name: 'AccessDeniedException', status: 403 },
  events: { name: 'AccessDeniedException', status: 400 },
  logs: { name: 'AccessDeniedException', status: 400 },
  kinesis: { name: 'AccessDeniedException', status: 400 },
  s3: { name: 'AccessDenied', status: 403, quoteResource: true },
  sqs: { name: 'AccessDenied', status: 403, action: 'lower' },
  sns: { name: 'AuthorizationError', status: 403, action: 'upper-prefix' },
  iam: { name: 'AccessDenied', status: 403 },
  sts: { name: 'AccessDenied', status: 403, omitReason: true },
  cloudwatch: { name: 'AccessDenied', status: 403 },
}

function styledAction(action: string, style: DeniedStyle | undefined): string {
  if (style?.action === 'lower') return action.toLowerCase()
  if (style?.action === 'upper-prefix') {
    const colon = action.indexOf(':')
    return colon < 0 ? action : action.slice(0, colon).toUpperCase() + action.slice(colon)
  }
  return action
}

export interface DeniedMessageInput {
  principal: Principal
  action: string
  resource: string
  decision: Decision['decision']
  deniedBy?: 'identity' | 'resource'
}

/** AWS's access-denied text for a denied request. */
export function accessDeniedMessage(input: DeniedMessageInput, style?: DeniedStyle): string {
  const action = styledAction(input.action, style)
  const on =
    input.resource === '*'
      ? ''
      : ` on resource: ${style?.quoteResource ? JSON.stringify(input.resource) : input.resource}`
  if (style?.omitReason) return `User: ${principalName(input.principal)} is not authorized to perform: ${action}${on}`
  const type = input.deniedBy === 'resource' ? 'resource-based' : 'identity-based'
  const why =
    input.decision === 'ExplicitDeny'
      ? `with an explicit deny in ${type === 'identity-based' ? 'an' : 'a'} ${type} policy`
      : `because no ${type} policy allows the ${action} action`
  return `User: ${principalName(input.principal)} is not authorized to perform: ${action}${on} ${why}`
}

/** The AwsError a service returns for a denied request (its own exception name and status). */
export function accessDeniedError(service: ServiceId, input: DeniedMessageInput): AwsError {
  const style = DENIED_STYLES[service] ?? { name: 'AccessDeniedException', status: 400 }
  return new AwsError(style.name, accessDeniedMessage(input, style), style.status)
}
