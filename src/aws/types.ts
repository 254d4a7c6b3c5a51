// The contract between the simulated account's gateway and the services behind it.
//
// A service is a plain module: its SDK id, its IAM action prefix, its wire protocol, and a table of
// operations named exactly as the AWS API names them. Every call reaches an operation through the
// gateway (src/aws/gateway.ts), which validates the input, asks IAM whether the caller may act on
// the resources the operation names, routes it, and turns what it throws into AWS's error shape.
import type { VirtualClock } from '../lambda/public.ts'
import type { AwsError } from './errors.ts'
import type { RestXmlBindings } from './protocol/rest-xml.ts'
import type { StructureShape } from './protocol/shapes.ts'
import type { RestRoute } from './protocol/types.ts'

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
  /**
   * The input shape (protocol/shapes.ts): the gateway validates every call against it (types,
   * required members, lengths, enums, patterns, in AWS's words), and the codecs decode with it
   * (awsQuery lists and maps, JSON blobs and timestamps, REST-JSON labels).
   */
  input?: StructureShape
  /** The output shape: the awsQuery codec writes XML with it (lists, maps, timestamps). */
  output?: StructureShape
  /** Typical service-side latency in ms (single digits for DynamoDB), for the network model. */
  latencyMs?(input: I): number
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
   * a bucket policy, a queue or topic policy), if it has one: the document's JSON text as stored
   * (compiled once and cached by text; explanations point into it) or a parsed document.
   */
  resourcePolicy?(resourceArn: string): unknown

  // ---- what the wire codecs and the gateway need to answer as the service does ----------------
  /** awsJson: the `__type` namespace of the service's own errors, e.g. `com.amazonaws.dynamodb.v20120810`. */
  errorNamespace?: string
  /** awsQuery / restXml: the response namespace (default `https://<signingName>.amazonaws.com/doc/<apiVersion>/`). */
  xmlNamespace?: string
  /** How request ids look: `uuid` (default), `dynamodb` (52 upper-case characters), `s3` (16 hex). */
  requestIdFormat?: 'uuid' | 'dynamodb' | 's3'
  /** The error name of shape validation (default `ValidationException`; `ValidationError` for awsQuery). */
  validationErrorName?: string
  /**
   * The exception an IAM denial is answered with, when the authorizer does not word it itself
   * (the IAM authorizer does: src/aws/iam/messages.ts DENIED_STYLES). Default by protocol.
   */
  accessDenied?: { name: string; statusCode: number }
  /**
   * awsJson services that are "awsQueryCompatible" (SQS): error name → the old query error code,
   * sent as `x-amzn-query-error: <code>;Sender` (errors not listed send their own name).
   */
  queryErrorCodes?: Record<string, string>
  /** restJson1: the route table (method + path template + bindings → operation). */
  restRoutes?: RestRoute[]
  /** restXml: where each operation's members travel (labels, headers, query, XML body). */
  restXml?: RestXmlBindings
  /** More endpoint prefixes the service answers to (DynamoDB's `<account>.ddb`). */
  endpointPrefixes?: string[]
}

/** An operation of a service, by name (own properties only: `constructor` is no operation). */
export function operationOf(service: ServiceDefinition, name: string): OperationDefinition<never, unknown> | undefined {
  return Object.prototype.hasOwnProperty.call(service.operations, name) ? service.operations[name] : undefined
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
  /**
   * The error `service` answers this denial with (its exception name, status and wording), when
   * the authorizer knows it; otherwise the gateway builds one from `message` and the service's
   * `accessDenied` (or its protocol's default).
   */
  error?(service: ServiceId): AwsError
}

export type { AwsError }
