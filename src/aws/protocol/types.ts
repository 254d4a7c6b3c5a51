// The wire side of the simulated account: what a protocol codec sees of an HTTP request and what it
// answers. What a codec needs to know about a service (shapes, namespaces, REST routes and bindings)
// is part of its ServiceDefinition (src/aws/types.ts).
import type { AwsError } from '../errors.ts'
import type { ServiceDefinition } from '../types.ts'

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
  /** `request` is the request being answered, when there is one (REST codecs read its method). */
  encodeOutput(
    output: unknown,
    operation: string,
    service: ServiceDefinition,
    requestId: string,
    request?: WireRequest,
  ): WireResponse
  encodeError(err: AwsError, service: ServiceDefinition, requestId: string, request?: WireRequest): WireResponse
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
  /** The output member that is the HTTP status code (Lambda's Invoke: 200, 202, 204), instead of `statusCode`. */
  responseStatus?: string
}
