// TEST-ONLY: a Smithy-style request handler that runs S3 requests through the REST-XML codec
// (src/aws/protocol/rest-xml.ts) and the S3 service, without the gateway (no auth, no IAM).
import { Readable } from 'node:stream'
import { AwsError } from '../../../errors.ts'
import { decode, encodeError, encodeOutput, type WireRequest } from '../../../protocol/rest-xml.ts'
import type { ServiceDefinition } from '../../../types.ts'
import type { TestAccount } from '../../events/__tests__/context.ts'

async function bytesOf(body: unknown): Promise<Uint8Array> {
  if (body === undefined || body === null) return new Uint8Array(0)
  if (typeof body === 'string') return new TextEncoder().encode(body)
  if (body instanceof Uint8Array) return body
  const chunks: Buffer[] = []
  for await (const c of body as AsyncIterable<Uint8Array | string>) chunks.push(Buffer.from(c))
  return new Uint8Array(Buffer.concat(chunks))
}

export interface SeenRequest {
  wire: WireRequest
  operation?: string
  status?: number
}

export function s3RequestHandler(acct: TestAccount, def: ServiceDefinition, seen: SeenRequest[] = []) {
  return {
    async handle(request: {
      method: string
      protocol: string
      hostname: string
      port?: number
      path: string
      query?: Record<string, string | string[] | null>
      headers: Record<string, string>
      body?: unknown
    }) {
      const wire: WireRequest = {
        method: request.method,
        protocol: request.protocol,
        hostname: request.hostname,
        port: request.port,
        path: request.path,
        query: request.query ?? {},
        headers: Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k.toLowerCase(), v])),
        body: await bytesOf(request.body),
      }
      const record: SeenRequest = { wire }
      seen.push(record)
      let response
      try {
        const { operation, input } = decode(wire, def)
        record.operation = operation
        const output = await acct.call(def.id, operation, input)
        response = encodeOutput(output, operation, def, 'REQ123')
      } catch (e) {
        if (!(e instanceof AwsError)) throw e
        response = encodeError(e, def, 'REQ123', wire.method)
      }
      record.status = response.statusCode
      return {
        response: {
          statusCode: response.statusCode,
          headers: response.headers,
          body: Readable.from([Buffer.from(response.body)]),
        },
      }
    },
  }
}
