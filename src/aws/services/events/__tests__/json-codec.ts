// TEST-ONLY: a minimal awsJson1_0/1_1 request handler, so the real AWS SDK clients can talk to
// our services before the gateway (another helper's work) is merged. It is not the product's
// codec: no auth, no IAM, only what these services need (blobs by member name, timestamps).
import { AwsError } from '../../../errors.ts'
import type { ServiceDefinition } from '../../../types.ts'
import type { TestAccount } from './context.ts'

const b64 = (u: Uint8Array) => Buffer.from(u).toString('base64')

function toWire(v: unknown): unknown {
  if (v instanceof Uint8Array) return b64(v)
  if (v instanceof Date) return v.getTime() / 1000
  if (Array.isArray(v)) return v.map(toWire)
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {}
    for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = toWire(x)
    return out
  }
  return v
}

function fromWire(v: unknown, key = '', dateKeys: string[] = []): unknown {
  if (key === 'BinaryValue' && typeof v === 'string') return new Uint8Array(Buffer.from(v, 'base64'))
  if (dateKeys.includes(key) && typeof v === 'number') return new Date(v * 1000)
  if (Array.isArray(v)) return v.map((x) => fromWire(x, '', dateKeys))
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {}
    for (const [k, x] of Object.entries(v)) out[k] = fromWire(x, k, dateKeys)
    return out
  }
  return v
}

export interface TestHttpRequest {
  method: string
  hostname: string
  path: string
  headers: Record<string, string>
  body?: unknown
}

export function jsonRequestHandler(
  acct: TestAccount,
  def: ServiceDefinition,
  options: { dateKeys?: string[]; queryErrorHeader?: (e: AwsError) => string; namespace: string },
) {
  return {
    async handle(request: TestHttpRequest) {
      const target = request.headers['x-amz-target'] ?? request.headers['X-Amz-Target']
      const op = target.split('.')[1]
      const text =
        typeof request.body === 'string' ? request.body : new TextDecoder().decode(request.body as Uint8Array)
      const input = fromWire(text ? JSON.parse(text) : {}, '', options.dateKeys)
      const contentType = `application/x-amz-json-${def.protocol === 'awsJson1_0' ? '1.0' : '1.1'}`
      try {
        const out = await acct.call(def.id, op, input)
        return {
          response: {
            statusCode: 200,
            headers: { 'content-type': contentType, 'x-amzn-requestid': 'test-req' },
            body: new TextEncoder().encode(JSON.stringify(toWire(out))),
          },
        }
      } catch (e) {
        if (!(e instanceof AwsError)) throw e
        const headers: Record<string, string> = { 'content-type': contentType, 'x-amzn-requestid': 'test-req' }
        if (options.queryErrorHeader) headers['x-amzn-query-error'] = options.queryErrorHeader(e)
        const body = { __type: `${options.namespace}#${e.name}`, message: e.message }
        return { response: { statusCode: e.statusCode, headers, body: new TextEncoder().encode(JSON.stringify(body)) } }
      }
    },
  }
}
