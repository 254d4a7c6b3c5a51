// The contract between the simulated account's gateway and the services behind it.
//
// A service is a plain module: its SDK id, its IAM action prefix, its wire protocol, and a table of
// operations named exactly as the AWS API names them. Every call reaches an operation through the
// gateway (src/aws/gateway.ts), which validates the input, asks IAM whether the caller may act on
// the resources the operation names, routes it, and turns what it throws into AWS's error shape.
import type { VirtualClock } from '../lambda/public.ts'
import type { AwsError } from './errors.ts'

/** Services by their SDK id (the `@aws-sdk/client-<id>` name). */
export type ServiceId =
  'lambda' | 'iam' | 'sts' | 'dynamodb' | 's3' | 'sqs' | 'sns' | 'events' | 'logs' | 'cloudwatch' | 'kinesis'

/** The wire protocols the chosen services speak (Smithy protocol names). */
export type WireProtocol = 'awsJson1_0' | 'awsJson1_1' | 'awsQuery' | 'restXml' | 'restJson1' | 'rpcv2Cbor'

/** Who is calling. The gateway resolves credentials (or an explicit principal) to one of these. */
export type Principal =
  | {
      kind: 'user'
      /** arn:aws:iam::<account>:user/<name> */
      arn: string
      accountId: string
      name: string
    }
  | {
      kind: 'assumed-role'
      /** arn:aws:sts::<account>:assumed-role/<role>/<session> */
      arn: string
      accountId: string
      /** arn:aws:iam::<account>:role/<path><role> (the role's own ARN, for aws:PrincipalArn) */
      roleArn: string
      roleName: string
      sessionName: string
    }
  | {
      kind: 'service'
      /** e.g. s3.amazonaws.com, events.amazonaws.com */
      service: string
      /** the resource on whose behalf the service calls, for aws:SourceArn / aws:SourceAccount */
      sourceArn?: string
      sourceAccount?: string
    }
  | {
      kind: 'root'
      arn: string
      accountId: string
    }

/** Condition-key values as IAM sees them (strings, or lists for multivalued keys). */
export type ConditionValues = Record<string, string | string[] | undefined>

/** One authorisation an operation needs: an IAM action on a resource, with request-specific condition keys. */
export interface AuthorizationRequirement {
  /** e.g. `dynamodb:PutItem` */
  action: string
  /** e.g. `arn:aws:dynamodb:us-east-1:123456789012:table/orders`; `*` for actions with no resource */
  resource: string
  /** Request-specific condition keys, e.g. `s3:prefix`, `dynamodb:LeadingKeys` (global keys are added by the gateway). */
  context?: ConditionValues
}

/** What a service operation sees of the call. */
export interface OperationContext {
  readonly accountId: string
  readonly region: string
  readonly clock: VirtualClock
  /** The request id the response and any error carry (x-amzn-RequestId). */
  readonly requestId: string
  readonly principal: Principal
  /** Call another service as the given principal (e.g. SNS delivering to SQS as sns.amazonaws.com). */
  send(service: ServiceId, operation: string, input: unknown, options?: { principal?: Principal }): Promise<unknown>
}

export interface OperationDefinition<I = Record<string, unknown>, O = unknown> {
  /**
   * Which IAM checks the call needs. Most operations need one (the action named after the
   * operation, on the resource the input names); batch operations may need one per resource.
   * Return an empty array for operations that need no authorisation (sts:GetCallerIdentity).
   */
  authorize(input: I, ctx: OperationContext): AuthorizationRequirement[]
  /** Run the operation: return the output shape, or throw an AwsError. */
  handler(input: I, ctx: OperationContext): O | Promise<O>
}

export interface ServiceDefinition {
  id: ServiceId
  /** SigV4 signing name and endpoint prefix (`dynamodb`, `s3`, `sqs`, `events`, `lambda`, `sts`, …). */
  signingName: string
  /** IAM action prefix (`dynamodb`, `s3`, `sqs`, `sns`, `events`, `lambda`, `iam`, `sts`, `logs`, `cloudwatch`). */
  actionPrefix: string
  protocol: WireProtocol
  /** awsJson: the X-Amz-Target prefix, e.g. `DynamoDB_20120810`. */
  targetPrefix?: string
  /** awsQuery: the API version sent as Version=…, e.g. `2012-11-05`. */
  apiVersion?: string
  operations: Record<string, OperationDefinition<never, unknown>>
  /**
   * The resource-based policy attached to one of this service's resources (a function's policy,
   * a bucket policy, a queue or topic policy), as a parsed JSON policy document, if it has one.
   */
  resourcePolicy?(resourceArn: string): unknown
}

/** One authorisation question the gateway asks IAM (src/aws/iam answers it). */
export interface AuthorizationQuestion extends AuthorizationRequirement {
  principal: Principal
  /** Global and request condition keys, all resolved (aws:SourceArn, aws:PrincipalArn, …). */
  context: ConditionValues
  /** The resource's own policy, if any (from ServiceDefinition.resourcePolicy). */
  resourcePolicy?: unknown
  /** The account that owns the resource. */
  resourceAccount: string
}

export interface Authorizer {
  authorize(question: AuthorizationQuestion): AuthorizationResult
}

/** A decision that can explain itself (see src/aws/iam). */
export interface AuthorizationResult {
  allowed: boolean
  decision: 'Allow' | 'ExplicitDeny' | 'ImplicitDeny'
  /** AWS's AccessDenied message for this caller, action and resource (when not allowed). */
  message?: string
  /** Plain-language reasons, with the statements that decided it. */
  explanation: unknown
}

export type { AwsError }
