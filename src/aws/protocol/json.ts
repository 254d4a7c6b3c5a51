// awsJson1_0 / awsJson1_1: POST / with `X-Amz-Target: <prefix>.<Operation>` and a JSON body.
// Blobs travel as base64, timestamps as epoch seconds; errors are `{"__type": "<ns>#<Name>", "message": …}`.
import { AwsError } from '../errors.ts'
import { operationOf, type ServiceDefinition } from '../types.ts'
import { crc32, fromUtf8, setOwn, toBase64, utf8 } from './encoding.ts'
import { coerce, serializationError } from './shapes.ts'
import type { ProtocolCodec, WireRequest, WireResponse } from './types.ts'

/** Errors AWS's JSON front end (Coral) raises itself, with the namespace it puts in `__type`. */
const CORAL_SERVICE_ERRORS = new Set([
  'AccessDeniedException',
  'UnrecognizedClientException',
  'InvalidSignatureException',
  'IncompleteSignatureException',
  'MissingAuthenticationTokenException',
  'SerializationException',
  'UnknownOperationException',
  'ExpiredTokenException',
  'InternalFailure',
  'ServiceUnavailableException',
  'ThrottlingException',
  'RequestExpired',
])

export function jsonErrorType(name: string, service: ServiceDefinition): string {
  if (name === 'ValidationException') return 'com.amazon.coral.validate#ValidationException'
  if (CORAL_SERVICE_ERRORS.has(name)) return `com.amazon.coral.service#${name}`
  const ns = service.errorNamespace
  return ns ? `${ns}#${name}` : name
}

/** SDK values → JSON wire values: Uint8Array → base64, Date → epoch seconds. Depth is bounded by the caller's data. */
export function toJsonWire(value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== 'object') return value
  if (depth > 200) throw new Error('toJsonWire: value nests too deeply')
  if (value instanceof Uint8Array) return toBase64(value)
  if (value instanceof Date) return value.getTime() / 1000
  if (Array.isArray(value)) {
    const out = new Array(value.length)
    for (let i = 0; i < value.length; i++) out[i] = toJsonWire(value[i], depth + 1)
    return out
  }
  const out: Record<string, unknown> = {}
  for (const k of Object.keys(value)) {
    const v = (value as Record<string, unknown>)[k]
    if (v !== undefined) setOwn(out, k, toJsonWire(v, depth + 1))
  }
  return out
}

function jsonResponse(
  statusCode: number,
  payload: unknown,
  service: ServiceDefinition,
  requestId: string,
  extra: Record<string, string> = {},
): WireResponse {
  const body = utf8(JSON.stringify(payload))
  const headers: Record<string, string> = {
    'content-type': `application/x-amz-json-${service.protocol === 'awsJson1_1' ? '1.1' : '1.0'}`,
    'content-length': String(body.length),
    'x-amzn-requestid': requestId,
    ...extra,
  }
  if (service.requestIdFormat === 'dynamodb') headers['x-amz-crc32'] = String(crc32(body))
  return { statusCode, headers, body }
}

export const jsonCodec: ProtocolCodec = {
  decode(req: WireRequest, service: ServiceDefinition) {
    const target = req.headers['x-amz-target'] ?? ''
    const dot = target.lastIndexOf('.')
    const prefix = dot >= 0 ? target.slice(0, dot) : ''
    const operation = dot >= 0 ? target.slice(dot + 1) : ''
    if (
      !target ||
      (service.targetPrefix && prefix !== service.targetPrefix) ||
      !Object.prototype.hasOwnProperty.call(service.operations, operation)
    ) {
      throw new AwsError('UnknownOperationException', '', 400)
    }
    const text = fromUtf8(req.body)
    let parsed: unknown = {}
    if (text.trim() !== '') {
      try {
        parsed = JSON.parse(text)
      } catch {
        throw serializationError('')
      }
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw serializationError(
        Array.isArray(parsed) ? 'Start of list found where not expected' : 'Expected a JSON object as the request body',
      )
    }
    const shape = operationOf(service, operation)?.input
    const input = shape
      ? (coerce(shape, parsed, 'json') as Record<string, unknown>)
      : (parsed as Record<string, unknown>)
    return { operation, input }
  },

  encodeOutput(output, _operation, service, requestId) {
    return jsonResponse(200, toJsonWire(output ?? {}), service, requestId)
  },

  encodeError(err, service, requestId) {
    const payload: Record<string, unknown> = { __type: jsonErrorType(err.name, service) }
    const members = toJsonWire(err.members) as Record<string, unknown>
    Object.assign(payload, members)
    if (err.message) payload.message = err.message
    const extra: Record<string, string> = { 'x-amzn-errortype': err.name }
    // awsQueryCompatible services (SQS) name every error by its old query code too (the SDK's `Code`).
    const codes = service.queryErrorCodes
    if (codes) {
      const code = Object.prototype.hasOwnProperty.call(codes, err.name) ? codes[err.name] : err.name
      extra['x-amzn-query-error'] = `${code};${err.$fault === 'server' ? 'Receiver' : 'Sender'}`
    }
    return jsonResponse(err.statusCode, payload, service, requestId, extra)
  },
}
