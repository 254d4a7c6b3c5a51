// TEST-ONLY: a minimal awsQuery request handler driven by SNS_QUERY_SHAPES, so the real
// @aws-sdk/client-sns can talk to the SNS service before the gateway's own query codec is merged.
// It checks that the shape hints the integrator will wire are right.
import { AwsError } from '../../../errors.ts'
import type { ServiceDefinition } from '../../../types.ts'
import type { TestAccount } from '../../events/__tests__/context.ts'
import { SNS_XML_NAMESPACE, type QueryOperationShape, type QueryShape } from '../query-shapes.ts'

function decode(shape: QueryShape, prefix: string, params: Map<string, string>): unknown {
  if (typeof shape === 'string') {
    const v = params.get(prefix)
    if (v === undefined) return undefined
    if (shape === 'boolean') return v === 'true'
    if (shape === 'integer') return Number(v)
    if (shape === 'blob') return new Uint8Array(Buffer.from(v, 'base64'))
    if (shape === 'timestamp') return new Date(v)
    return v
  }
  if ('list' in shape) {
    if (params.get(prefix) === '') return []
    const out: unknown[] = []
    for (let i = 1; ; i++) {
      const p = `${prefix}.${shape.member ?? 'member'}.${i}`
      if (![...params.keys()].some((k) => k === p || k.startsWith(`${p}.`))) break
      out.push(decode(shape.list, p, params))
    }
    return out.length ? out : undefined
  }
  if ('map' in shape) {
    const out: Record<string, unknown> = {}
    for (let i = 1; ; i++) {
      const p = `${prefix}.entry.${i}`
      const key = params.get(`${p}.${shape.key ?? 'key'}`)
      if (key === undefined) break
      out[key] = decode(shape.map, `${p}.${shape.value ?? 'value'}`, params)
    }
    return Object.keys(out).length ? out : undefined
  }
  const out: Record<string, unknown> = {}
  for (const [k, s] of Object.entries(shape.struct)) {
    const v = decode(s, prefix ? `${prefix}.${k}` : k, params)
    if (v !== undefined) out[k] = v
  }
  return out
}

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/\r/g, '&#xD;')

function encode(shape: QueryShape, v: unknown): string {
  if (v === undefined || v === null) return ''
  if (typeof shape === 'string') {
    if (shape === 'blob') return Buffer.from(v as Uint8Array).toString('base64')
    if (shape === 'timestamp') return (v as Date).toISOString()
    return esc(String(v))
  }
  if ('list' in shape)
    return (v as unknown[])
      .map((x) => `<${shape.member ?? 'member'}>${encode(shape.list, x)}</${shape.member ?? 'member'}>`)
      .join('')
  if ('map' in shape) {
    const k = shape.key ?? 'key'
    const val = shape.value ?? 'value'
    return Object.entries(v as object)
      .map(([key, x]) => `<entry><${k}>${esc(key)}</${k}><${val}>${encode(shape.map, x)}</${val}></entry>`)
      .join('')
  }
  return Object.entries(shape.struct)
    .filter(([name]) => (v as Record<string, unknown>)[name] !== undefined)
    .map(([name, s]) => `<${name}>${encode(s, (v as Record<string, unknown>)[name])}</${name}>`)
    .join('')
}

export function queryRequestHandler(
  acct: TestAccount,
  def: ServiceDefinition,
  shapes: Record<string, QueryOperationShape>,
) {
  return {
    async handle(request: { body?: unknown }) {
      const text =
        typeof request.body === 'string' ? request.body : new TextDecoder().decode(request.body as Uint8Array)
      const params = new Map(new URLSearchParams(text))
      const op = params.get('Action')!
      const shape = shapes[op]
      const headers = { 'content-type': 'text/xml', 'x-amzn-requestid': 'test-req' }
      try {
        if (!shape) throw new AwsError('InvalidAction', `The action ${op} is not valid for this endpoint.`, 400)
        const input = decode({ struct: shape.input }, '', params)
        const out = await acct.call(def.id, op, input)
        const result = shape.output ? `<${op}Result>${encode({ struct: shape.output }, out)}</${op}Result>` : ''
        const xml = `<${op}Response xmlns="${SNS_XML_NAMESPACE}">${result}<ResponseMetadata><RequestId>test-req</RequestId></ResponseMetadata></${op}Response>`
        return { response: { statusCode: 200, headers, body: new TextEncoder().encode(xml) } }
      } catch (e) {
        if (!(e instanceof AwsError)) throw e
        const xml = `<ErrorResponse xmlns="${SNS_XML_NAMESPACE}"><Error><Type>${e.$fault === 'server' ? 'Receiver' : 'Sender'}</Type><Code>${esc(e.name)}</Code><Message>${esc(e.message)}</Message></Error><RequestId>test-req</RequestId></ErrorResponse>`
        return { response: { statusCode: e.statusCode, headers, body: new TextEncoder().encode(xml) } }
      }
    },
  }
}
