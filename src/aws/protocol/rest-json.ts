// restJson1 (Lambda, later API Gateway-like services): the operation comes from the method and the
// path, matched against the service's route table (ServiceDefinition.restRoutes); members are bound to
// path labels, query parameters, headers, or the JSON body. Errors carry `x-amzn-ErrorType` and a
// JSON body `{"Type": "User", "Message": …}`.
import { AwsError } from '../errors.ts'
import { operationOf, type ServiceDefinition } from '../types.ts'
import { fromUtf8, utf8 } from './encoding.ts'
import { toJsonWire } from './json.ts'
import { coerce, serializationError, type Shape } from './shapes.ts'
import type { ProtocolCodec, RestRoute, WireRequest } from './types.ts'

interface CompiledRoute {
  route: RestRoute
  segments: { literal?: string; label?: string; greedy?: boolean }[]
}

const compiled = new WeakMap<RestRoute[], CompiledRoute[]>()

function compile(routes: RestRoute[]): CompiledRoute[] {
  let c = compiled.get(routes)
  if (!c) {
    c = routes.map((route) => ({
      route,
      segments: route.path
        .split('?')[0]
        .split('/')
        .filter((s, i) => i > 0 || s !== '')
        .map((s) => {
          const m = /^\{([A-Za-z0-9_]+)(\+?)\}$/.exec(s)
          return m ? { label: m[1], greedy: m[2] === '+' } : { literal: s }
        }),
    }))
    compiled.set(routes, c)
  }
  return c
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}

/** Match `path` against a route; returns the label values, or undefined. */
export function matchRoute(
  routes: RestRoute[],
  method: string,
  path: string,
): { route: RestRoute; labels: Record<string, string> } | undefined {
  const parts = path.split('?')[0].split('/').slice(1)
  if (parts.length > 0 && parts[parts.length - 1] === '') parts.pop()
  for (const { route, segments } of compile(routes)) {
    if (route.method.toUpperCase() !== method.toUpperCase()) continue
    const labels: Record<string, string> = {}
    let i = 0
    let ok = true
    for (let s = 0; s < segments.length && ok; s++) {
      const seg = segments[s]
      if (seg.greedy && seg.label) {
        const rest = parts.slice(i, parts.length - (segments.length - s - 1))
        if (rest.length === 0) ok = false
        else labels[seg.label] = rest.map(safeDecode).join('/')
        i += rest.length
      } else if (i >= parts.length) ok = false
      else if (seg.label) {
        if (parts[i] === '') ok = false
        labels[seg.label] = safeDecode(parts[i++])
      } else if (seg.literal !== parts[i++]) ok = false
    }
    if (ok && i === parts.length) return { route, labels }
  }
  return undefined
}

function fromText(shape: Shape | undefined, text: string, name: string): unknown {
  if (!shape) return text
  switch (shape.type) {
    case 'integer':
    case 'long':
    case 'double': {
      const n = Number(text)
      if (text.trim() === '' || !Number.isFinite(n))
        throw serializationError(`STRING_VALUE can not be converted to a number: ${name}`)
      return n
    }
    case 'boolean':
      return text === 'true'
    case 'timestamp':
      return new Date(/^\d+(\.\d+)?$/.test(text) ? Number(text) * 1000 : Date.parse(text))
    case 'list':
      return [fromText(shape.member, text, name)]
    default:
      return text
  }
}

export const restJsonCodec: ProtocolCodec = {
  decode(req: WireRequest, service: ServiceDefinition) {
    const routes = service.restRoutes ?? []
    const match = matchRoute(routes, req.method, req.path)
    if (!match || !Object.prototype.hasOwnProperty.call(service.operations, match.route.operation)) {
      throw new AwsError('UnknownOperationException', '', 404)
    }
    const { route, labels } = match
    const shape = operationOf(service, route.operation)?.input
    const members = shape?.members ?? {}
    const input: Record<string, unknown> = {}
    if (route.payload) {
      const ps = members[route.payload]
      if (!ps || ps.type === 'blob') {
        if (req.body.length > 0) input[route.payload] = req.body
      } else if (req.body.length > 0) {
        input[route.payload] = coerce(ps, parseJson(req.body), 'json')
      }
    } else if (req.body.length > 0) {
      const body = parseJson(req.body)
      if (typeof body !== 'object' || body === null || Array.isArray(body))
        throw serializationError('Expected a JSON object')
      Object.assign(input, shape ? (coerce(shape, body, 'json') as Record<string, unknown>) : body)
    }
    for (const [member, value] of Object.entries(labels)) input[member] = fromText(members[member], value, member)
    for (const [member, qname] of Object.entries(route.query ?? {})) {
      const v = req.query[qname]
      if (v === undefined || v === null) continue
      const ms = members[member]
      if (Array.isArray(v))
        input[member] = ms?.type === 'list' ? v.map((x) => fromText(ms.member, x, qname)) : fromText(ms, v[0], qname)
      else input[member] = fromText(ms, v, qname)
    }
    for (const [member, hname] of Object.entries(route.headers ?? {})) {
      const v = req.headers[hname.toLowerCase()]
      if (v !== undefined) input[member] = fromText(members[member], v, hname)
    }
    return { operation: route.operation, input }
  },

  encodeOutput(output, operation, service, requestId) {
    const route = (service.restRoutes ?? []).find((r) => r.operation === operation)
    const out = { ...((output ?? {}) as Record<string, unknown>) }
    const headers: Record<string, string> = { 'x-amzn-requestid': requestId }
    let status = route?.statusCode ?? 200
    if (route?.responseStatus) {
      const code = out[route.responseStatus]
      if (typeof code === 'number' && Number.isInteger(code) && code >= 200 && code < 300) status = code
      delete out[route.responseStatus]
    }
    for (const [member, hname] of Object.entries(route?.responseHeaders ?? {})) {
      if (out[member] !== undefined && out[member] !== null) headers[hname.toLowerCase()] = String(out[member])
      delete out[member]
    }
    let body: Uint8Array
    if (route?.responsePayload) {
      const payload = out[route.responsePayload]
      if (payload instanceof Uint8Array) {
        body = payload
        headers['content-type'] = 'application/octet-stream'
      } else if (typeof payload === 'string') {
        body = utf8(payload)
        headers['content-type'] = 'application/json'
      } else {
        body = payload === undefined ? new Uint8Array(0) : utf8(JSON.stringify(toJsonWire(payload)))
        headers['content-type'] = 'application/json'
      }
    } else {
      body = utf8(JSON.stringify(toJsonWire(out)))
      headers['content-type'] = 'application/json'
    }
    if (status === 204) {
      // No Content: no body, whatever the output held (RemovePermission, an Invoke's DryRun).
      body = new Uint8Array(0)
      delete headers['content-type']
    }
    headers['content-length'] = String(body.length)
    return { statusCode: status, headers, body }
  },

  encodeError(err, _service, requestId) {
    const payload = {
      Type: err.$fault === 'server' ? 'Server' : 'User',
      ...(toJsonWire(err.members) as Record<string, unknown>),
      ...(err.message ? { Message: err.message } : { Message: null }),
    }
    const body = utf8(JSON.stringify(payload))
    return {
      statusCode: err.statusCode,
      headers: {
        'content-type': 'application/json',
        'content-length': String(body.length),
        'x-amzn-requestid': requestId,
        'x-amzn-errortype': err.name,
      },
      body,
    }
  },
}

function parseJson(body: Uint8Array): unknown {
  try {
    return JSON.parse(fromUtf8(body))
  } catch {
    throw serializationError('')
  }
}
