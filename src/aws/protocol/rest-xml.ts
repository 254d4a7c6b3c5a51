// The REST-XML wire protocol (Amazon S3's), so a real @aws-sdk/client-s3 can use the account.
//
// The codec is generic: what goes where (URI labels, headers, header-prefix maps such as
// x-amz-meta-*, query parameters, raw or XML bodies, status codes) comes from the service's
// bindings (`definition.restXml`, see services/s3/rest-bindings.ts). It decodes a request into the
// operation's input in SDK shape (Uint8Array for blobs, Date for timestamps) and encodes outputs and
// AwsErrors as S3 writes them: `<Error><Code>…</Code><Message>…</Message>…<RequestId>…</RequestId>
// <HostId>…</HostId></Error>`, and no body at all for HEAD requests (SDKs then name the error from
// the status code: 404 → NotFound).
import { AwsError } from '../errors.ts'
import type { ServiceDefinition } from '../types.ts'
import { fromBase64, toBase64, xmlEscape } from './encoding.ts'
import type { ProtocolCodec, WireRequest, WireResponse } from './types.ts'
import { parseXml, type XmlElement } from './xml.ts'

export type Scalar = 'string' | 'integer' | 'long' | 'boolean' | 'timestamp'
export type XmlShape =
  Scalar | 'blob' | { struct: Record<string, XmlMember> } | { list: XmlShape; member?: string; flattened?: boolean }
/** A structure member: its shape, and its element name when it differs from the member name. */
export type XmlMember = XmlShape | { shape: XmlShape; name: string }

export type InputBinding =
  | { in: 'label'; name: string }
  | { in: 'header'; name: string; type?: Scalar }
  | { in: 'headers'; prefix: string }
  | { in: 'query'; name: string; type?: Scalar }
  | { in: 'body'; type: 'blob' | 'string' }
  | { in: 'xml'; root: string; shape: { struct: Record<string, XmlMember> } }

export type OutputBinding =
  | { in: 'header'; name: string; type?: Scalar }
  | { in: 'headers'; prefix: string }
  | { in: 'body'; type: 'blob' | 'string' }
  | { in: 'xml'; root: string; shape: { struct: Record<string, XmlMember> } }
  /** A string payload written as the text of a root element (GetBucketLocation's LocationConstraint). */
  | { in: 'xmlText'; root: string }

export interface RestXmlOperation {
  input: Record<string, InputBinding>
  output: Record<string, OutputBinding>
  /** Output members written as the XML body's children (the output structure itself is the payload). */
  xmlBody?: { root: string; members: Record<string, XmlMember> }
  successCode?: number
  /** A status that depends on the output (GetObject answers 206 with a Content-Range). */
  statusFrom?(output: Record<string, unknown>): number | undefined
}

export interface RestXmlBindings {
  xmlNamespace: string
  requestIdHeader: string
  /** Which operation a request is, and its URI labels (decoded). Throws AwsError for requests it cannot route. */
  route(req: WireRequest): { operation: string; labels: Record<string, string> }
  operations: Record<string, RestXmlOperation>
  /** Extra response headers (S3's x-amz-id-2). */
  extraHeaders?(requestId: string): Record<string, string>
}

export const malformedXml = () =>
  new AwsError(
    'MalformedXML',
    'The XML you provided was not well-formed or did not validate against our published schema',
    400,
  )

const enc = new TextEncoder()
const dec = new TextDecoder()

function bindingsOf(service: ServiceDefinition): RestXmlBindings {
  const b = service.restXml
  if (!b) throw new Error(`service ${service.id} has no REST-XML bindings`)
  return b
}

function scalarFrom(text: string, type: Scalar | 'blob'): unknown {
  switch (type) {
    case 'integer':
    case 'long': {
      if (!/^-?\d+$/.test(text.trim())) throw malformedXml()
      return Number(text)
    }
    case 'boolean':
      return text.trim() === 'true'
    case 'timestamp': {
      const d = new Date(text)
      if (Number.isNaN(d.getTime())) throw malformedXml()
      return d
    }
    case 'blob':
      return fromBase64(text.trim())
    default:
      return text
  }
}

const memberShape = (m: XmlMember): XmlShape => (typeof m === 'object' && 'shape' in m ? m.shape : m)
const memberName = (key: string, m: XmlMember) => (typeof m === 'object' && 'shape' in m ? m.name : key)

function fromXml(el: XmlElement, shape: XmlShape): unknown {
  if (typeof shape === 'string') return scalarFrom(el.text, shape)
  if ('list' in shape) return el.children.map((c) => fromXml(c, shape.list))
  const out: Record<string, unknown> = {}
  for (const [key, m] of Object.entries(shape.struct)) {
    const s = memberShape(m)
    const name = memberName(key, m)
    const matching = el.children.filter((c) => c.name === name)
    if (matching.length === 0) continue
    if (typeof s === 'object' && 'list' in s && s.flattened) out[key] = matching.map((c) => fromXml(c, s.list))
    else out[key] = fromXml(matching[0], s)
  }
  return out
}

// ---- XML writing ----------------------------------------------------------------------------------

function scalarText(v: unknown, type: XmlShape): string {
  if (type === 'timestamp' && v instanceof Date) return v.toISOString()
  if (type === 'blob' && v instanceof Uint8Array) return toBase64(v)
  return xmlEscape(String(v))
}

function toXml(v: unknown, shape: XmlShape): string {
  if (typeof shape === 'string') return scalarText(v, shape)
  if ('list' in shape) {
    const tag = shape.member ?? 'member'
    return (v as unknown[]).map((x) => `<${tag}>${toXml(x, shape.list)}</${tag}>`).join('')
  }
  let out = ''
  for (const [key, m] of Object.entries(shape.struct)) {
    const x = (v as Record<string, unknown>)[key]
    if (x === undefined || x === null) continue
    const s = memberShape(m)
    const name = memberName(key, m)
    if (typeof s === 'object' && 'list' in s && s.flattened) {
      for (const item of x as unknown[]) out += `<${name}>${toXml(item, s.list)}</${name}>`
    } else out += `<${name}>${toXml(x, s)}</${name}>`
  }
  return out
}

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'

// ---- headers --------------------------------------------------------------------------------------

function headerValue(raw: string, type: Scalar = 'string'): unknown {
  switch (type) {
    case 'integer':
    case 'long':
      return /^-?\d+$/.test(raw) ? Number(raw) : raw
    case 'boolean':
      return raw === 'true'
    case 'timestamp': {
      const d = new Date(raw)
      return Number.isNaN(d.getTime()) ? raw : d
    }
    default:
      return raw
  }
}

function headerText(v: unknown, type: Scalar = 'string'): string {
  if (type === 'timestamp' && v instanceof Date) return v.toUTCString()
  return String(v)
}

// ---- the codec ------------------------------------------------------------------------------------

export function decode(
  req: WireRequest,
  service: ServiceDefinition,
): { operation: string; input: Record<string, unknown> } {
  const b = bindingsOf(service)
  const { operation, labels } = b.route(req)
  const op = b.operations[operation]
  const input: Record<string, unknown> = {}
  const headers: Record<string, string> = {}
  for (const [k, v] of Object.entries(req.headers)) headers[k.toLowerCase()] = v
  for (const [member, binding] of Object.entries(op.input)) {
    switch (binding.in) {
      case 'label':
        if (labels[binding.name] !== undefined) input[member] = labels[binding.name]
        break
      case 'header': {
        const raw = headers[binding.name.toLowerCase()]
        if (raw !== undefined) input[member] = headerValue(raw, binding.type)
        break
      }
      case 'headers': {
        const map: Record<string, string> = {}
        for (const [k, v] of Object.entries(headers))
          if (k.startsWith(binding.prefix)) map[k.slice(binding.prefix.length)] = v
        if (Object.keys(map).length) input[member] = map
        break
      }
      case 'query': {
        const raw = req.query[binding.name]
        const value = Array.isArray(raw) ? raw[0] : raw
        if (value !== undefined) input[member] = headerValue(value ?? '', binding.type)
        break
      }
      case 'body':
        input[member] = binding.type === 'blob' ? req.body : dec.decode(req.body)
        break
      case 'xml': {
        if (req.body.length === 0) break
        try {
          const root = parseXml(dec.decode(req.body), malformedXml)
          if (root.name !== binding.root) throw malformedXml()
          input[member] = fromXml(root, binding.shape)
        } catch (e) {
          if (e instanceof AwsError) throw e
          throw malformedXml()
        }
        break
      }
    }
  }
  return { operation, input }
}

export function encodeOutput(
  output: unknown,
  operation: string,
  service: ServiceDefinition,
  requestId: string,
): WireResponse {
  const b = bindingsOf(service)
  const op = b.operations[operation]
  let streaming = false
  const out = (output ?? {}) as Record<string, unknown>
  const headers: Record<string, string> = { [b.requestIdHeader]: requestId, ...(b.extraHeaders?.(requestId) ?? {}) }
  let statusCode = op.successCode ?? 200
  let body: Uint8Array = new Uint8Array(0)
  for (const [member, binding] of Object.entries(op.output)) {
    const v = out[member]
    if (v === undefined || v === null) continue
    switch (binding.in) {
      case 'header':
        headers[binding.name.toLowerCase()] = headerText(v, binding.type)
        break
      case 'headers':
        for (const [k, x] of Object.entries(v as Record<string, string>)) headers[`${binding.prefix}${k}`] = x
        break
      case 'body':
        body = v instanceof Uint8Array ? v : enc.encode(String(v))
        // A blob payload (GetObject's Body) is a stream in the SDK's output.
        streaming = binding.type === 'blob'
        break
      case 'xml':
        body = enc.encode(
          `${XML_DECLARATION}<${binding.root} xmlns="${b.xmlNamespace}">${toXml(v, binding.shape)}</${binding.root}>`,
        )
        headers['content-type'] = 'application/xml'
        break
      case 'xmlText':
        body = enc.encode(
          `${XML_DECLARATION}<${binding.root} xmlns="${b.xmlNamespace}">${xmlEscape(String(v))}</${binding.root}>`,
        )
        headers['content-type'] = 'application/xml'
        break
    }
  }
  statusCode = op.statusFrom?.(out) ?? statusCode
  if (op.xmlBody) {
    const { root, members } = op.xmlBody
    body = enc.encode(
      `${XML_DECLARATION}<${root} xmlns="${b.xmlNamespace}">${toXml(out, { struct: members })}</${root}>`,
    )
    headers['content-type'] = 'application/xml'
  }
  if (!('content-length' in headers)) headers['content-length'] = String(body.length)
  return streaming ? { statusCode, headers, body, streaming } : { statusCode, headers, body }
}

/**
 * S3's error document. Answers to HEAD requests (and 304s) carry no body: SDKs then name the error
 * from the status code (404 → NotFound).
 */
export function encodeError(
  err: AwsError,
  service: ServiceDefinition,
  requestId: string,
  request?: Pick<WireRequest, 'method'>,
): WireResponse {
  const b = bindingsOf(service)
  const headers: Record<string, string> = { [b.requestIdHeader]: requestId, ...(b.extraHeaders?.(requestId) ?? {}) }
  const statusCode = err.statusCode
  if (request?.method === 'HEAD' || statusCode === 304) {
    headers['content-length'] = '0'
    return { statusCode, headers, body: new Uint8Array(0) }
  }
  let extra = ''
  for (const [k, v] of Object.entries(err.members)) {
    if (v !== undefined && v !== null && /^[A-Za-z][\w-]*$/.test(k)) extra += `<${k}>${xmlEscape(String(v))}</${k}>`
  }
  const hostId = headers['x-amz-id-2']
  const xml =
    `${XML_DECLARATION}<Error><Code>${xmlEscape(err.name)}</Code><Message>${xmlEscape(err.message)}</Message>${extra}` +
    `<RequestId>${xmlEscape(requestId)}</RequestId>${hostId ? `<HostId>${xmlEscape(hostId)}</HostId>` : ''}</Error>`
  const body = enc.encode(xml)
  headers['content-type'] = 'application/xml'
  headers['content-length'] = String(body.length)
  return { statusCode, headers, body }
}

/** The codec, as protocol/index.ts registers it for `restXml`. */
export const restXmlCodec: ProtocolCodec = { decode, encodeOutput, encodeError }
