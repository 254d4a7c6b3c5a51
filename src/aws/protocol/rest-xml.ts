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

// The codec interface shared by all wire protocols (defined with the gateway in protocol/types.ts;
// restated here structurally until the two branches meet).
export interface WireRequest {
  method: string
  protocol: string
  hostname: string
  port?: number
  path: string
  query: Record<string, string | string[] | null>
  headers: Record<string, string>
  body: Uint8Array
}
export interface WireResponse {
  statusCode: number
  headers: Record<string, string>
  body: Uint8Array
}

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

export interface RestXmlServiceDefinition extends ServiceDefinition {
  restXml: RestXmlBindings
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
  const b = (service as Partial<RestXmlServiceDefinition>).restXml
  if (!b) throw new Error(`service ${service.id} has no REST-XML bindings`)
  return b
}

// ---- XML reading (strict, iterative, no DTDs or custom entities) ---------------------------------

interface XmlElement {
  name: string
  children: XmlElement[]
  text: string
}

const NAME = /^[A-Za-z_][\w.:-]{0,255}/
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

function decodeText(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-z]{2,4});|&/g, (m, e?: string) => {
    if (!e) throw malformedXml()
    if (e[0] === '#') {
      const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)
      if (code > 0x10ffff) throw malformedXml()
      return String.fromCodePoint(code)
    }
    if (!(e in ENTITIES)) throw malformedXml()
    return ENTITIES[e]
  })
}

/** Parses an XML document into its root element; any problem is S3's MalformedXML. */
export function parseXml(text: string, maxDepth = 100): XmlElement {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0
  const n = text.length
  const stack: XmlElement[] = []
  const ws = () => {
    while (i < n && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t')) i++
  }
  const skipTo = (marker: string) => {
    const end = text.indexOf(marker, i)
    if (end < 0) throw malformedXml()
    i = end + marker.length
  }
  for (;;) {
    if (stack.length === 0) ws()
    if (i >= n) throw malformedXml()
    if (text.startsWith('<?', i)) skipTo('?>')
    else if (text.startsWith('<!--', i)) skipTo('-->')
    else if (text.startsWith('<![CDATA[', i) && stack.length) {
      const end = text.indexOf(']]>', i)
      if (end < 0) throw malformedXml()
      stack[stack.length - 1].text += text.slice(i + 9, end).replace(/&/g, '&amp;')
      i = end + 3
    } else if (text.startsWith('<!', i)) throw malformedXml()
    else if (text.startsWith('</', i)) {
      const m = NAME.exec(text.slice(i + 2, i + 258))
      const top = stack.pop()
      if (!m || !top || top.name !== m[0]) throw malformedXml()
      i += 2 + m[0].length
      ws()
      if (text[i++] !== '>') throw malformedXml()
      top.text = decodeText(top.text)
      if (stack.length === 0) {
        ws()
        if (i < n) throw malformedXml()
        return top
      }
    } else if (text[i] === '<') {
      const m = NAME.exec(text.slice(i + 1, i + 257))
      if (!m) throw malformedXml()
      i += 1 + m[0].length
      for (;;) {
        ws()
        if (text[i] === '>' || text.startsWith('/>', i)) break
        const a = NAME.exec(text.slice(i, i + 256))
        if (!a) throw malformedXml()
        i += a[0].length
        ws()
        if (text[i++] !== '=') throw malformedXml()
        ws()
        const q = text[i]
        if (q !== '"' && q !== "'") throw malformedXml()
        const end = text.indexOf(q, i + 1)
        if (end < 0) throw malformedXml()
        i = end + 1
      }
      const el: XmlElement = { name: m[0].slice(m[0].indexOf(':') + 1), children: [], text: '' }
      if (stack.length) stack[stack.length - 1].children.push(el)
      if (text.startsWith('/>', i)) {
        i += 2
        if (stack.length === 0) {
          ws()
          if (i < n) throw malformedXml()
          return el
        }
      } else {
        i++
        stack.push(el)
        if (stack.length > maxDepth) throw malformedXml()
      }
    } else {
      if (stack.length === 0) throw malformedXml()
      const next = text.indexOf('<', i)
      const end = next < 0 ? n : next
      stack[stack.length - 1].text += text.slice(i, end)
      i = end
    }
  }
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
      return Uint8Array.from(atob(text.trim()), (c) => c.charCodeAt(0))
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

export const escapeXml = (s: string) =>
  s.replace(/[&<>"\r]/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#xD;',
  )

function scalarText(v: unknown, type: XmlShape): string {
  if (type === 'timestamp' && v instanceof Date) return v.toISOString()
  if (type === 'blob' && v instanceof Uint8Array) return btoa(String.fromCharCode(...v))
  return escapeXml(String(v))
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
          const root = parseXml(dec.decode(req.body))
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
        break
      case 'xml':
        body = enc.encode(
          `${XML_DECLARATION}<${binding.root} xmlns="${b.xmlNamespace}">${toXml(v, binding.shape)}</${binding.root}>`,
        )
        headers['content-type'] = 'application/xml'
        break
      case 'xmlText':
        body = enc.encode(
          `${XML_DECLARATION}<${binding.root} xmlns="${b.xmlNamespace}">${escapeXml(String(v))}</${binding.root}>`,
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
  return { statusCode, headers, body }
}

/**
 * S3's error document. `method` is the request's: HEAD responses carry no body (pass it when known;
 * without it the gateway must drop bodies of HEAD responses, as HTTP requires).
 */
export function encodeError(
  err: AwsError,
  service: ServiceDefinition,
  requestId: string,
  method?: string,
): WireResponse {
  const b = bindingsOf(service)
  const headers: Record<string, string> = { [b.requestIdHeader]: requestId, ...(b.extraHeaders?.(requestId) ?? {}) }
  const statusCode = err.statusCode
  if (method === 'HEAD' || statusCode === 304) {
    headers['content-length'] = '0'
    return { statusCode, headers, body: new Uint8Array(0) }
  }
  let extra = ''
  for (const [k, v] of Object.entries(err.members)) {
    if (v !== undefined && v !== null && /^[A-Za-z][\w-]*$/.test(k)) extra += `<${k}>${escapeXml(String(v))}</${k}>`
  }
  const hostId = headers['x-amz-id-2']
  const xml =
    `${XML_DECLARATION}<Error><Code>${escapeXml(err.name)}</Code><Message>${escapeXml(err.message)}</Message>${extra}` +
    `<RequestId>${escapeXml(requestId)}</RequestId>${hostId ? `<HostId>${escapeXml(hostId)}</HostId>` : ''}</Error>`
  const body = enc.encode(xml)
  headers['content-type'] = 'application/xml'
  headers['content-length'] = String(body.length)
  return { statusCode, headers, body }
}

/** The codec object, as the gateway's protocol table expects it. */
export const restXmlCodec = { decode, encodeOutput, encodeError }
