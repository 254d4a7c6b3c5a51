// The wire side of the simulated account: what a protocol codec sees of an HTTP request, what it
// answers, and the extra knowledge a service may attach to its definition so that one generic codec
// per protocol can serve it (input/output shapes, error namespaces, REST routes).
//
// The extra fields are optional and additive: a ServiceDefinition from src/aws/types.ts works
// without them (codecs then fall back to shape-free conversions).
import type { AwsError } from '../errors.ts'
import type { OperationDefinition, ServiceDefinition } from '../types.ts'
import type { StructureShape } from './shapes.ts'

export interface WireRequest {
  method: string
  protocol: string
  hostname: string
  port?: number
  path: string
  query: Record<string, string | string[] | null>
  /** lower-case names */
  headers: Record<string, string>
  body: Uint8Array
}

export interface WireResponse {
  statusCode: number
  headers: Record<string, string>
  body: Uint8Array
  /**
   * The body is a streaming payload (S3 GetObject): requestHandler hands it to the SDK as the
   * runtime's stream type (a Node Readable in Node, a ReadableStream in browsers).
   */
  streaming?: boolean
}

export interface ProtocolCodec {
  /** Which operation a request is for, and its input in SDK shape; throws AwsError (e.g. UnknownOperationException). */
  decode(req: WireRequest, service: ServiceDefinition): { operation: string; input: Record<string, unknown> }
  encodeOutput(output: unknown, operation: string, service: ServiceDefinition, requestId: string): WireResponse
  encodeError(err: AwsError, service: ServiceDefinition, requestId: string): WireResponse
}

/** A route of a restJson1 service: method + path template (+ query/header bindings) → operation. */
export interface RestRoute {
  operation: string
  method: string
  /** e.g. `/2015-03-31/functions/{FunctionName}/invocations`; `{Name+}` is a greedy label. */
  path: string
  /** Success status code (default 200). */
  statusCode?: number
  /** Input members bound to query parameters: member → query name. */
  query?: Record<string, string>
  /** Input members bound to request headers: member → header name. */
  headers?: Record<string, string>
  /** Output members sent as response headers: member → header name. */
  responseHeaders?: Record<string, string>
  /** The input member that receives the whole body (a blob or a structure), instead of the body's members. */
  payload?: string
  /** The output member sent as the whole body (a blob is sent raw). */
  responsePayload?: string
}

/**
 * Optional per-operation knowledge (proposed for OperationDefinition in src/aws/types.ts):
 * shapes for validation and for protocols that need them, and a latency hint for the network model.
 */
export interface OperationExtras<I = Record<string, unknown>> {
  /** The input shape: the gateway validates it (required members, types, lengths, enums, patterns). */
  input?: StructureShape
  /** The output shape: awsQuery / XML encoders use it for lists, maps and timestamps. */
  output?: StructureShape
  /** Typical service-side latency in ms (single-digit for DynamoDB), for the network model that comes later. */
  latencyMs?(input: I): number
}

export type ExtendedOperation<I = never, O = unknown> = OperationDefinition<I, O> &
  OperationExtras<I & Record<string, unknown>>

/** Optional per-service knowledge (proposed for ServiceDefinition in src/aws/types.ts). */
export interface ServiceExtras {
  /** JSON `__type` namespace of the service's own errors, e.g. `com.amazonaws.dynamodb.v20120810`. */
  errorNamespace?: string
  /** awsQuery / XML response namespace (default `https://<signingName>.amazonaws.com/doc/<apiVersion>/`). */
  xmlNamespace?: string
  /** How the service's request ids look: `uuid` (most), `dynamodb` (52 upper-case characters), `s3` (16 hex). */
  requestIdFormat?: 'uuid' | 'dynamodb' | 's3'
  /** The error name the service uses for shape validation (`ValidationException`, `ValidationError` for query services). */
  validationErrorName?: string
  /** How the service reports an IAM denial (default by protocol: JSON `AccessDeniedException` 400, query `AccessDenied` 403, …). */
  accessDenied?: { name: string; statusCode: number }
  /** awsJson services that kept their query error codes (SQS): the `x-amzn-query-error` header per error name. */
  queryErrorCodes?: Record<string, string>
  /** restJson1 services: the route table. */
  restRoutes?: RestRoute[]
  /** Extra endpoint prefixes the service answers to (DynamoDB's `<account>.ddb`). */
  endpointPrefixes?: string[]
}

export type ExtendedService = Omit<ServiceDefinition, 'operations'> &
  ServiceExtras & { operations: Record<string, ExtendedOperation<never, unknown>> }

export function extrasOf(service: ServiceDefinition): ServiceExtras {
  return service as ExtendedService
}

export function operationExtras(service: ServiceDefinition, operation: string): OperationExtras | undefined {
  const op = Object.prototype.hasOwnProperty.call(service.operations, operation)
    ? service.operations[operation]
    : undefined
  return op as OperationExtras | undefined
}
