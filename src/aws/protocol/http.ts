// requestHandler: a Smithy HttpHandler that answers an @aws-sdk client's HTTP requests from the
// simulated account. It routes by host (`<signingName>.<region>.amazonaws.com`, DynamoDB's
// account endpoints, S3's virtual-hosted and path-style hosts) or, for custom endpoints, by the
// SigV4 credential scope; verifies the signature; decodes with the service's codec; calls the
// gateway; and encodes the output or the error as the service does on the wire.
import type { HttpRequest } from '@smithy/types'
import type { CredentialStore } from '../credentials.ts'
import { credentialScope } from '../credentials.ts'
import { AwsError, isAwsError } from '../errors.ts'
import type { Gateway } from '../gateway.ts'
import { principalArn } from '../gateway.ts'
import type { Principal, ServiceDefinition } from '../types.ts'
import { utf8 } from './encoding.ts'
import { authError, codecFor } from './index.ts'
import type { WireRequest, WireResponse } from './types.ts'

export interface SimHttpResponse {
  statusCode: number
  reason?: string
  headers: Record<string, string>
  body: unknown
}

/** The subset of Smithy's HttpHandler the SDK uses. */
export interface SimRequestHandler {
  handle(request: HttpRequest, options?: { abortSignal?: unknown }): Promise<{ response: SimHttpResponse }>
  updateHttpClientConfig(key: never, value: never): void
  httpHandlerConfigs(): Record<string, never>
  destroy(): void
  metadata: { handlerProtocol: string }
}

/** Thrown for hosts the account does not serve (the network layer decides what happens to them). */
export class UnroutableHostError extends Error {
  readonly code = 'ENOTFOUND'
  constructor(readonly hostname: string) {
    super(`getaddrinfo ENOTFOUND ${hostname} (the simulated account serves only AWS service endpoints it has)`)
    this.name = 'UnroutableHostError'
  }
}

export interface RequestHandlerDeps {
  gateway: Gateway
  credentials: CredentialStore
  /** Verify SigV4 signatures (default true). */
  verifySignatures?: boolean
}

const MAX_BODY = 64 * 1024 * 1024

/** Read whatever body the SDK gives (string, bytes, Node stream, web stream, Blob) into bytes. */
export async function bodyBytes(body: unknown): Promise<Uint8Array> {
  if (body === undefined || body === null) return new Uint8Array(0)
  if (typeof body === 'string') return utf8(body)
  if (body instanceof Uint8Array) return body
  if (body instanceof ArrayBuffer) return new Uint8Array(body)
  if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer, body.byteOffset, body.byteLength)
  const b = body as { arrayBuffer?: () => Promise<ArrayBuffer>; getReader?: unknown; [Symbol.asyncIterator]?: unknown }
  if (typeof b.arrayBuffer === 'function') return new Uint8Array(await b.arrayBuffer())
  const chunks: Uint8Array[] = []
  let total = 0
  const push = (c: unknown) => {
    const bytes = typeof c === 'string' ? utf8(c) : c instanceof Uint8Array ? c : new Uint8Array(c as ArrayBuffer)
    total += bytes.length
    if (total > MAX_BODY) throw new AwsError('RequestEntityTooLarge', 'Request body is too large', 413)
    chunks.push(bytes)
  }
  if (typeof b[Symbol.asyncIterator] === 'function') {
    for await (const c of body as AsyncIterable<unknown>) push(c)
  } else if (typeof b.getReader === 'function') {
    const reader = (body as ReadableStream<Uint8Array>).getReader()
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      push(value)
    }
  } else throw new TypeError('requestHandler: unsupported request body type')
  const out = new Uint8Array(total)
  let o = 0
  for (const c of chunks) {
    out.set(c, o)
    o += c.length
  }
  return out
}

/** Node's Readable when running in Node (the SDK's Node stream mixin insists on it), else a web ReadableStream. */
function streamBody(bytes: Uint8Array): unknown {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process
  const stream = proc?.getBuiltinModule?.('node:stream') as { Readable?: { from(x: unknown[]): unknown } } | undefined
  if (stream?.Readable) return stream.Readable.from([bytes])
  if (typeof ReadableStream === 'function') {
    return new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes)
        controller.close()
      },
    })
  }
  return bytes
}

/** Which service a request is for: by host, else by the credential scope; undefined when the host is foreign. */
export function resolveService(gateway: Gateway, req: WireRequest): ServiceDefinition | undefined {
  const host = req.hostname.toLowerCase()
  const suffix = host.endsWith('.amazonaws.com')
    ? '.amazonaws.com'
    : host.endsWith('.amazonaws.com.cn')
      ? '.amazonaws.com.cn'
      : ''
  if (suffix) {
    // <prefix>.<region>.amazonaws.com; global <prefix>.amazonaws.com (sts, iam, s3); with leading labels
    // for DynamoDB's account endpoints (<account>.ddb.<region>) and S3's virtual hosts (<bucket>.s3.<region>).
    const labels = host.slice(0, -suffix.length).split('.')
    const last = labels[labels.length - 1]
    const regional = labels.length >= 2 && /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d+$/.test(last)
    const name = regional ? labels[labels.length - 2] : last
    return gateway.serviceBySigningName(name)
  }
  const scope = credentialScope(req.headers)
  if (
    scope &&
    (host === 'localhost' || host === '127.0.0.1' || host.endsWith('.localhost') || host.endsWith('.internal'))
  ) {
    return gateway.serviceBySigningName(scope.service)
  }
  return undefined
}

export function toWireRequest(request: HttpRequest, body: Uint8Array): WireRequest {
  const headers: Record<string, string> = {}
  for (const [k, v] of Object.entries(request.headers ?? {})) if (v !== undefined) headers[k.toLowerCase()] = String(v)
  return {
    method: request.method ?? 'GET',
    protocol: request.protocol ?? 'https:',
    hostname: request.hostname ?? '',
    port: request.port,
    path: request.path ?? '/',
    query: (request.query ?? {}) as WireRequest['query'],
    headers,
    body,
  }
}

export function createRequestHandler(deps: RequestHandlerDeps): SimRequestHandler {
  const { gateway, credentials } = deps
  const verify = deps.verifySignatures ?? true

  function toResponse(wire: WireResponse, request: WireRequest): { response: SimHttpResponse } {
    // An answer to HEAD has no body, whatever the codec wrote (HTTP; S3's HEAD errors rely on it).
    const body = request.method === 'HEAD' ? new Uint8Array(0) : wire.body
    return {
      response: {
        statusCode: wire.statusCode,
        headers: wire.headers,
        body: wire.streaming ? streamBody(body) : body,
      },
    }
  }

  async function handle(request: HttpRequest): Promise<{ response: SimHttpResponse }> {
    const wire = toWireRequest(request, await bodyBytes(request.body))
    const service = resolveService(gateway, wire)
    if (!service) throw new UnroutableHostError(wire.hostname)
    const codec = codecFor(service)
    const requestId = gateway.newRequestId(service)

    let principal: Principal | undefined
    if (verify) {
      const result = await credentials.verify(wire)
      if (!result.ok) {
        const err = authError(service, result.failure)
        err.$metadata = { httpStatusCode: err.statusCode, requestId }
        gateway.logRejected({ service: service.id, requestId, error: err, operation: guessOperation(wire) })
        return toResponse(codec.encodeError(err, service, requestId, wire), wire)
      }
      principal = result.principal
    }

    let operation: string | undefined
    try {
      const decoded = codec.decode(wire, service)
      operation = decoded.operation
      const output = await gateway.call(service.id, decoded.operation, decoded.input, {
        principal,
        via: 'http',
        requestId,
        decoded: true,
      })
      return toResponse(codec.encodeOutput(output, decoded.operation, service, requestId, wire), wire)
    } catch (e) {
      if (!isAwsError(e)) throw e
      if (operation === undefined)
        gateway.logRejected({
          service: service.id,
          requestId,
          error: e,
          principal: principal && principalArn(principal),
          operation: guessOperation(wire),
        })
      return toResponse(codec.encodeError(e, service, requestId, wire), wire)
    }
  }

  return {
    handle,
    updateHttpClientConfig() {},
    httpHandlerConfigs: () => ({}),
    destroy() {},
    metadata: { handlerProtocol: 'http/1.1' },
  }
}

/** The operation a refused request was for, when it can be read without decoding it (for the call log). */
function guessOperation(req: WireRequest): string | undefined {
  const target = req.headers['x-amz-target']
  if (target) return target.slice(target.lastIndexOf('.') + 1)
  const action = req.query['Action']
  if (typeof action === 'string') return action
  if ((req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
    const m = /(?:^|&)Action=([A-Za-z0-9]{1,64})(?:&|$)/.exec(new TextDecoder().decode(req.body.subarray(0, 4096)))
    if (m) return m[1]
  }
  return undefined
}
