// awsQuery (IAM, STS, SNS): form-encoded `Action=…&Version=…` requests with flattened members
// (`Tags.member.1.Key=…`, `Attributes.entry.1.key=…`), XML responses
// `<XResponse><XResult>…</XResult><ResponseMetadata><RequestId>…` and XML errors
// `<ErrorResponse><Error><Type>Sender</Type><Code>…</Code><Message>…</Message></Error><RequestId>…`.
//
// Lists, maps and non-string scalars need the operation's shapes (OperationDefinition.input / output):
// a service supplies them next to its operations. Without shapes, members decode as nested strings
// (`a.member.N` → arrays) and outputs encode by their JavaScript types.
import { AwsError } from '../errors.ts'
import { operationOf, type ServiceDefinition } from '../types.ts'
import { base64Problem, fromBase64, fromUtf8, isoTimestamp, setOwn, toBase64, utf8, xmlEscape } from './encoding.ts'
import { structure, type ListShape, type MapShape, type Shape, type StructureShape } from './shapes.ts'
import type { ProtocolCodec, WireRequest, WireResponse } from './types.ts'

const MAX_PARAMS = 10_000

/** Parse `a=b&c=d` (application/x-www-form-urlencoded). */
export function parseForm(text: string): Map<string, string> {
  const out = new Map<string, string>()
  if (!text) return out
  let count = 0
  for (const part of text.split('&')) {
    if (!part) continue
    if (++count > MAX_PARAMS) throw new AwsError('MalformedQueryString', 'Too many parameters in the request', 400)
    const eq = part.indexOf('=')
    const k = eq >= 0 ? part.slice(0, eq) : part
    const v = eq >= 0 ? part.slice(eq + 1) : ''
    out.set(decodeComponent(k), decodeComponent(v))
  }
  return out
}

function decodeComponent(s: string): string {
  const plus = s.includes('+') ? s.replace(/\+/g, ' ') : s
  try {
    return decodeURIComponent(plus)
  } catch {
    throw new AwsError('MalformedQueryString', `Invalid percent-encoding: ${s.slice(0, 64)}`, 400)
  }
}

export function queryNamespace(service: ServiceDefinition): string {
  return service.xmlNamespace ?? `https://${service.signingName}.amazonaws.com/doc/${service.apiVersion ?? ''}/`
}

function invalidValue(param: string, value: string): AwsError {
  return new AwsError('ValidationError', `Value (${value}) for parameter ${param} is invalid.`, 400)
}

class FormReader {
  /** Every dotted prefix present (`Tags`, `Tags.member`, `Tags.member.1`, …) for O(1) presence checks. */
  private prefixes = new Set<string>()
  constructor(readonly params: Map<string, string>) {
    for (const key of params.keys()) {
      let i = key.indexOf('.')
      while (i >= 0) {
        this.prefixes.add(key.slice(0, i))
        i = key.indexOf('.', i + 1)
      }
      this.prefixes.add(key)
    }
  }
  has(key: string) {
    return this.prefixes.has(key)
  }

  struct(shape: StructureShape, prefix: string, depth: number): Record<string, unknown> {
    const out: Record<string, unknown> = {}
    for (const name of Object.keys(shape.members)) {
      const member = shape.members[name]
      const key = prefix + (member.locationName ?? name)
      const v = this.value(member, key, depth + 1)
      if (v !== undefined) out[name] = v
    }
    return out
  }

  value(shape: Shape, key: string, depth: number): unknown {
    if (depth > 40) throw new AwsError('MalformedQueryString', 'Parameters nest too deeply', 400)
    if (!this.has(key)) return undefined
    const raw = this.params.get(key)
    switch (shape.type) {
      case 'string':
        return raw
      case 'integer':
      case 'long':
      case 'double': {
        if (raw === undefined) return undefined
        const n = Number(raw)
        if (raw.trim() === '' || !Number.isFinite(n) || (shape.type !== 'double' && !Number.isInteger(n)))
          throw invalidValue(key, raw)
        return n
      }
      case 'boolean':
        if (raw === undefined) return undefined
        if (raw !== 'true' && raw !== 'false') throw invalidValue(key, raw)
        return raw === 'true'
      case 'timestamp': {
        if (raw === undefined) return undefined
        const t = /^\d+(\.\d+)?$/.test(raw) ? Number(raw) * 1000 : Date.parse(raw)
        if (Number.isNaN(t)) throw invalidValue(key, raw)
        return new Date(t)
      }
      case 'blob':
        if (raw === undefined) return undefined
        if (base64Problem(raw)) throw invalidValue(key, raw)
        return fromBase64(raw)
      case 'document':
        return raw
      case 'list':
        return this.list(shape, key, depth)
      case 'map':
        return this.map(shape, key, depth)
      case 'structure':
      case 'union':
        return this.struct(shape as StructureShape, key + '.', depth)
    }
  }

  private list(shape: ListShape, key: string, depth: number): unknown[] {
    if (this.params.get(key) === '') return []
    const base = shape.flattened ? key : `${key}.${shape.memberName ?? 'member'}`
    const out: unknown[] = []
    for (let i = 1; i <= this.params.size && this.has(`${base}.${i}`); i++)
      out.push(this.value(shape.member, `${base}.${i}`, depth + 1))
    return out
  }

  private map(shape: MapShape, key: string, depth: number): Record<string, unknown> {
    const base = shape.flattened ? key : `${key}.entry`
    const out: Record<string, unknown> = {}
    for (let i = 1; i <= this.params.size && this.has(`${base}.${i}`); i++) {
      const k = this.params.get(`${base}.${i}.${shape.keyName ?? 'key'}`)
      if (k === undefined) continue
      setOwn(out, k, this.value(shape.value, `${base}.${i}.${shape.valueName ?? 'value'}`, depth + 1))
    }
    return out
  }
}

/** Without shapes: `A.member.1=x` → { A: ['x'] }, `A.B=y` → { A: { B: 'y' } }. */
function genericDecode(params: Map<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of params) {
    if (key === 'Action' || key === 'Version') continue
    const parts = key.split('.')
    if (
      parts.length > 20 ||
      parts.includes('__proto__') ||
      parts.includes('constructor') ||
      parts.includes('prototype')
    )
      continue
    let node: Record<string, unknown> | unknown[] = out
    for (let i = 0; i < parts.length; i++) {
      let part: string | number = parts[i]
      if ((part === 'member' || part === 'entry') && i + 1 < parts.length && /^\d+$/.test(parts[i + 1])) continue
      if (/^\d+$/.test(part) && i > 0 && (parts[i - 1] === 'member' || parts[i - 1] === 'entry'))
        part = Number(part) - 1
      const last = i === parts.length - 1
      const nextIsIndex = !last && (parts[i + 1] === 'member' || parts[i + 1] === 'entry')
      const container = node as Record<string | number, unknown>
      if (last) container[part] = value
      else {
        if (typeof container[part] !== 'object' || container[part] === null) container[part] = nextIsIndex ? [] : {}
        node = container[part] as Record<string, unknown>
      }
    }
  }
  return out
}

// ---- XML output ---------------------------------------------------------------------------------

function scalarText(v: unknown): string {
  if (v instanceof Date) return isoTimestamp(v)
  if (v instanceof Uint8Array) return toBase64(v)
  return String(v)
}

/** Write `value` as the element `<name>…</name>`, guided by `shape` when there is one. */
export function writeXml(name: string, value: unknown, shape: Shape | undefined, depth = 0): string {
  if (value === undefined || value === null) return ''
  if (depth > 64) throw new Error('writeXml: value nests too deeply')
  if (Array.isArray(value)) {
    const ls = shape?.type === 'list' ? shape : undefined
    const itemName = ls?.flattened ? name : (ls?.memberName ?? 'member')
    const items = value.map((v) => writeXml(itemName, v, ls?.member, depth + 1)).join('')
    return ls?.flattened ? items : `<${name}>${items}</${name}>`
  }
  if (shape?.type === 'map' && typeof value === 'object') {
    const kn = shape.keyName ?? 'key'
    const vn = shape.valueName ?? 'value'
    const entries = Object.entries(value as Record<string, unknown>)
      .map(
        ([k, v]) =>
          `${shape.flattened ? `<${name}>` : '<entry>'}<${kn}>${xmlEscape(k)}</${kn}>${writeXml(vn, v, shape.value, depth + 1)}${shape.flattened ? `</${name}>` : '</entry>'}`,
      )
      .join('')
    return shape.flattened ? entries : `<${name}>${entries}</${name}>`
  }
  if (typeof value === 'object' && !(value instanceof Date) && !(value instanceof Uint8Array)) {
    const members = shape?.type === 'structure' || shape?.type === 'union' ? shape.members : undefined
    let inner = ''
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const ms = members?.[k]
      inner += writeXml(ms?.locationName ?? k, v, ms, depth + 1)
    }
    return `<${name}>${inner}</${name}>`
  }
  return `<${name}>${xmlEscape(scalarText(value))}</${name}>`
}

function xmlResponse(statusCode: number, xml: string, requestId: string): WireResponse {
  const body = utf8(xml)
  return {
    statusCode,
    headers: { 'content-type': 'text/xml', 'content-length': String(body.length), 'x-amzn-requestid': requestId },
    body,
  }
}

export const queryCodec: ProtocolCodec = {
  decode(req: WireRequest, service: ServiceDefinition) {
    const params = new Map<string, string>()
    for (const [k, v] of Object.entries(req.query)) {
      if (typeof v === 'string') params.set(k, v)
      else if (Array.isArray(v) && v.length) params.set(k, v[v.length - 1])
    }
    const ct = req.headers['content-type'] ?? ''
    if (req.body.length > 0 && (ct === '' || ct.startsWith('application/x-www-form-urlencoded'))) {
      for (const [k, v] of parseForm(fromUtf8(req.body))) params.set(k, v)
    }
    const action = params.get('Action') ?? ''
    if (!action || !Object.prototype.hasOwnProperty.call(service.operations, action)) {
      throw new AwsError(
        'InvalidAction',
        `Could not find operation ${action} for version ${params.get('Version') ?? service.apiVersion ?? ''}`,
        400,
      )
    }
    const shape = operationOf(service, action)?.input
    const input = shape ? new FormReader(params).struct(shape, '', 0) : genericDecode(params)
    return { operation: action, input }
  },

  encodeOutput(output, operation, service, requestId) {
    // The Result element is written when the operation declares an output shape or returns members.
    const shape = operationOf(service, operation)?.output
    const empty =
      output === undefined || output === null || (typeof output === 'object' && Object.keys(output).length === 0)
    const result = shape || !empty ? writeXml(`${operation}Result`, output ?? {}, shape ?? structure({})) : ''
    const xml =
      `<${operation}Response xmlns="${xmlEscape(queryNamespace(service))}">${result}` +
      `<ResponseMetadata><RequestId>${xmlEscape(requestId)}</RequestId></ResponseMetadata></${operation}Response>\n`
    return xmlResponse(200, xml, requestId)
  },

  encodeError(err, service, requestId) {
    const type = err.$fault === 'server' ? 'Receiver' : 'Sender'
    const xml =
      `<ErrorResponse xmlns="${xmlEscape(queryNamespace(service))}">\n  <Error>\n    <Type>${type}</Type>\n` +
      `    <Code>${xmlEscape(err.name)}</Code>\n    <Message>${xmlEscape(err.message)}</Message>\n  </Error>\n` +
      `  <RequestId>${xmlEscape(requestId)}</RequestId>\n</ErrorResponse>\n`
    return xmlResponse(err.statusCode, xml, requestId)
  },
}
