// The simulated account's network: where a handler's HTTP requests (fetch, node:http, the AWS SDK
// inside the sandbox) go. Pure TypeScript, deterministic (seeded), on the virtual clock.
//
//   - AWS service endpoints (<service>.<region>.amazonaws.com, S3 hosts, iam/sts globals, …) go to
//     the account's requestHandler, signed request as the SDK sent it;
//   - hosts a lab or the playground declares: a route table (JSON a learner can write) or a
//     function run on the host (what a lab author writes in lab.ts), with latency and a failure
//     rate on the virtual clock;
//   - anything else fails as Node does without DNS: getaddrinfo ENOTFOUND <host> (fetch wraps it
//     in `TypeError: fetch failed`);
//   - a function in a VPC (VpcConfig with subnets) has no route out unless the network has a NAT
//     gateway (`natGateway: true`): every connection times out as undici's connect timeout does,
//     AWS endpoints included unless listed in `vpcEndpoints`.
//
// Every request ends in a NetworkEvent (host, route, status, latency or the error) the UI shows.
import type {
  HttpIoRequest,
  HttpIoResponse,
  HostNetwork,
  IoCaller,
  IoOutcome,
  NetworkErrorShape,
} from '../lambda/public.ts'
// Light on purpose (the Worker and the UI import it through src/aws/public.ts): no runtime import
// of the account's code.
import type { SimRequestHandler } from './protocol/http.ts'

/** A declared host's answer (a route table entry or what its handler returns). */
export interface HostAnswer {
  status?: number
  headers?: Record<string, string>
  /** Text, bytes, or (with `json`) a value sent as JSON. */
  body?: string | Uint8Array
  json?: unknown
  /** Extra virtual latency of this answer, ms. */
  latencyMs?: number
}

/** A request as a declared host's handler sees it. */
export interface HostRequest {
  method: string
  url: string
  path: string
  query: Record<string, string>
  headers: Record<string, string>
  /** The body as text (UTF-8). */
  body: string
  caller: IoCaller
}

export interface HostSpec {
  /** Virtual latency per request, ms, or a [min, max] range drawn from the seeded generator. Default 20. */
  latencyMs?: number | [number, number]
  /** Share of requests (0–1) that fail with ECONNRESET instead of an answer. Default 0. */
  failureRate?: number
  /**
   * Route table: "METHOD /path" → answer. METHOD may be `*`; a path ending in `*` matches by
   * prefix. The first match in insertion order wins; no match: 404.
   */
  routes?: Record<string, HostAnswer>
  /** Or a function run on the host (lab authors). */
  handler?: (request: HostRequest) => HostAnswer | Promise<HostAnswer>
}

export type NetworkRoute = 'aws' | 'declared' | 'unknown' | 'vpc'

/** What became of one request (for the UI: the simulation has no internet). */
export interface NetworkEvent {
  type: 'NetworkRequest'
  /** Virtual time the request was sent. */
  time: number
  functionName: string
  environmentId: string
  requestId?: string
  method: string
  url: string
  host: string
  route: NetworkRoute
  status?: number
  latencyMs: number
  error?: { code: string; message: string }
}

export interface NetworkOptions {
  /** The simulated account (its requestHandler answers AWS endpoints). None: AWS hosts are unknown too. */
  account?: { requestHandler: Pick<SimRequestHandler, 'handle'> }
  /** Declared hosts by host name (lower case, no port). */
  hosts?: Record<string, HostSpec>
  /** Seed of the generator behind latency ranges and failures. Default 1. */
  seed?: number
  /** Virtual latency of an AWS endpoint call, ms. Default 8. */
  awsLatencyMs?: number
  /** VPC functions reach the internet (a NAT gateway in their subnets' route table). Default false. */
  natGateway?: boolean
  /** AWS services a VPC function reaches without NAT (interface/gateway endpoints), e.g. ['dynamodb', 's3']. */
  vpcEndpoints?: string[]
}

export interface SimNetwork extends HostNetwork {
  /** Declare (or replace) a host. */
  declare(host: string, spec: HostSpec): void
  /** Remove a declared host. */
  undeclare(host: string): void
  /** The declared host names, sorted. */
  declaredHosts(): string[]
  onEvent(listener: (e: NetworkEvent) => void): () => void
}

/** undici's connect timeout (ms): what a connection that gets no answer (VPC without NAT) takes. */
export const CONNECT_TIMEOUT_MS = 10_000
const DEFAULT_HOST_LATENCY = 20
const MAX_ANSWER_BYTES = 16 * 1024 * 1024

const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  204: 'No Content',
  301: 'Moved Permanently',
  302: 'Found',
  304: 'Not Modified',
  307: 'Temporary Redirect',
  308: 'Permanent Redirect',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
}

export const statusText = (status: number): string => STATUS_TEXT[status] ?? ''

/** Node's `getaddrinfo ENOTFOUND <host>` (the cause of fetch's TypeError). */
export function notFound(hostname: string): NetworkErrorShape {
  return {
    code: 'ENOTFOUND',
    errno: -3008,
    syscall: 'getaddrinfo',
    hostname,
    message: `getaddrinfo ENOTFOUND ${hostname}`,
  }
}

/** undici's ConnectTimeoutError: a connection nobody answers. */
export function connectTimeout(hostname: string, port: number): NetworkErrorShape {
  return {
    name: 'ConnectTimeoutError',
    code: 'UND_ERR_CONNECT_TIMEOUT',
    message: `Connect Timeout Error (attempted address: ${hostname}:${port}, timeout: ${CONNECT_TIMEOUT_MS}ms)`,
  }
}

/** The peer closed the connection (a declared host's simulated failure). */
export function connectionReset(): NetworkErrorShape {
  return { code: 'ECONNRESET', errno: -104, syscall: 'read', message: 'read ECONNRESET' }
}

/** Whether a host name is an AWS service endpoint. */
export const isAwsHost = (host: string): boolean =>
  host.endsWith('.amazonaws.com') || host.endsWith('.amazonaws.com.cn')

/** The account's response body (bytes, or a stream for S3's GetObject) as bytes. */
async function readBody(body: unknown): Promise<Uint8Array> {
  if (body === undefined || body === null) return new Uint8Array(0)
  if (body instanceof Uint8Array) return body
  if (typeof body === 'string') return new TextEncoder().encode(body)
  const b = body as { arrayBuffer?: () => Promise<ArrayBuffer>; getReader?: () => ReadableStreamDefaultReader }
  if (typeof b.arrayBuffer === 'function') return new Uint8Array(await b.arrayBuffer())
  const chunks: Uint8Array[] = []
  const add = (c: unknown) =>
    chunks.push(typeof c === 'string' ? new TextEncoder().encode(c) : new Uint8Array(c as ArrayBuffer))
  if (typeof b.getReader === 'function') {
    const reader = b.getReader()
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      add(value)
    }
  } else if (typeof (body as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function') {
    for await (const c of body as AsyncIterable<unknown>) add(c)
  }
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0))
  let o = 0
  for (const c of chunks) {
    out.set(c, o)
    o += c.length
  }
  return out
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function toBase64(bytes: Uint8Array): string {
  let s = ''
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(s)
}

function fromBase64(b64: string): Uint8Array {
  const s = atob(b64)
  const out = new Uint8Array(s.length)
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i)
  return out
}

/** Does a route key ("GET /items/*") match? */
function routeMatches(key: string, method: string, path: string): boolean {
  const sp = key.trim().indexOf(' ')
  const m = sp < 0 ? '*' : key.slice(0, sp).toUpperCase()
  const p = sp < 0 ? key.trim() : key.slice(sp + 1).trim()
  if (m !== '*' && m !== method.toUpperCase()) return false
  return p.endsWith('*') ? path.startsWith(p.slice(0, -1)) : path === p
}

function answerToResponse(a: HostAnswer): HttpIoResponse {
  const status = typeof a.status === 'number' && a.status >= 100 && a.status <= 599 ? Math.floor(a.status) : 200
  const headers: Record<string, string> = {}
  for (const [k, v] of Object.entries(a.headers ?? {})) headers[k.toLowerCase()] = String(v)
  let bytes: Uint8Array
  if (a.json !== undefined) {
    bytes = new TextEncoder().encode(JSON.stringify(a.json))
    headers['content-type'] ??= 'application/json'
  } else if (a.body instanceof Uint8Array) bytes = a.body
  else {
    bytes = new TextEncoder().encode(a.body === undefined ? '' : String(a.body))
    if (a.body !== undefined) headers['content-type'] ??= 'text/plain; charset=utf-8'
  }
  if (bytes.length > MAX_ANSWER_BYTES) throw new Error(`a declared host answered ${bytes.length} bytes (over 16 MiB)`)
  headers['content-length'] = String(bytes.length)
  return { status, statusText: statusText(status), headers, body: toBase64(bytes) }
}

export function createNetwork(options: NetworkOptions = {}): SimNetwork {
  const hosts = new Map<string, HostSpec>()
  for (const [h, spec] of Object.entries(options.hosts ?? {})) hosts.set(h.toLowerCase(), spec)
  const random = mulberry32(options.seed ?? 1)
  const listeners = new Set<(e: NetworkEvent) => void>()
  const awsLatency = options.awsLatencyMs ?? 8
  const endpoints = new Set(options.vpcEndpoints ?? [])

  function emit(e: NetworkEvent): void {
    for (const l of listeners) l(e)
  }

  function latencyOf(spec: HostSpec): number {
    const l = spec.latencyMs ?? DEFAULT_HOST_LATENCY
    if (Array.isArray(l)) {
      const [lo, hi] = l
      return Math.max(0, lo + Math.floor(random() * (Math.max(lo, hi) - lo + 1)))
    }
    return Math.max(0, Number(l) || 0)
  }

  async function viaAccount(request: HttpIoRequest, url: URL): Promise<HttpIoResponse> {
    const query: Record<string, string | string[]> = {}
    for (const [k, v] of url.searchParams) {
      const prev = query[k]
      query[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v]
    }
    const { response } = await options.account!.requestHandler.handle({
      method: request.method,
      protocol: url.protocol,
      hostname: url.hostname,
      port: url.port ? Number(url.port) : undefined,
      path: decodeURIComponent(url.pathname),
      query,
      headers: { ...request.headers },
      body: fromBase64(request.body),
    } as never)
    const bytes = await readBody(response.body)
    const headers: Record<string, string> = {}
    for (const [k, v] of Object.entries(response.headers)) headers[k.toLowerCase()] = String(v)
    return {
      status: response.statusCode,
      statusText: response.reason ?? statusText(response.statusCode),
      headers,
      body: toBase64(bytes),
    }
  }

  async function viaHost(spec: HostSpec, request: HttpIoRequest, url: URL, caller: IoCaller): Promise<HostAnswer> {
    if (spec.handler) {
      const query: Record<string, string> = {}
      for (const [k, v] of url.searchParams) query[k] = v
      return spec.handler({
        method: request.method,
        url: request.url,
        path: url.pathname,
        query,
        headers: { ...request.headers },
        body: new TextDecoder().decode(fromBase64(request.body)),
        caller,
      })
    }
    for (const [key, answer] of Object.entries(spec.routes ?? {}))
      if (routeMatches(key, request.method, url.pathname)) return answer
    return { status: 404, json: { message: 'Not Found' } }
  }

  function request(_kind: 'http', request: HttpIoRequest, caller: IoCaller): IoOutcome | Promise<IoOutcome> {
    let url: URL
    try {
      url = new URL(request.url)
    } catch {
      return { latencyMs: 0, error: notFound('') }
    }
    const host = url.hostname.toLowerCase()
    const port = url.port ? Number(url.port) : url.protocol === 'http:' ? 80 : 443
    const base = { type: 'NetworkRequest' as const, time: caller.at, functionName: caller.functionName }
    const event = (route: NetworkRoute, o: IoOutcome): IoOutcome => {
      emit({
        ...base,
        environmentId: caller.environmentId,
        requestId: caller.requestId,
        method: request.method,
        url: request.url,
        host,
        route,
        latencyMs: o.latencyMs,
        ...('response' in o
          ? { status: o.response.status }
          : { error: { code: o.error.code, message: o.error.message } }),
      })
      return { ...o, route }
    }
    const aws = isAwsHost(host) && options.account !== undefined
    const spec = hosts.get(host)
    if (caller.vpc && !options.natGateway) {
      const service = aws ? host.split('.').find((l) => endpoints.has(l)) : undefined
      if (service === undefined)
        return event('vpc', { latencyMs: CONNECT_TIMEOUT_MS, error: connectTimeout(host, port) })
    }
    if (aws) {
      return viaAccount(request, url).then(
        (response) => event('aws', { latencyMs: awsLatency, response }),
        (err: unknown) =>
          event('aws', {
            latencyMs: awsLatency,
            error:
              err instanceof Error && err.name === 'UnroutableHostError'
                ? notFound(host)
                : { code: 'ECONNRESET', errno: -104, syscall: 'read', message: `read ECONNRESET (${String(err)})` },
          }),
      )
    }
    if (!spec) return event('unknown', { latencyMs: 1, error: notFound(host) })
    const latency = latencyOf(spec)
    if ((spec.failureRate ?? 0) > 0 && random() < (spec.failureRate ?? 0))
      return event('declared', { latencyMs: latency, error: connectionReset() })
    const answered = (a: HostAnswer): IoOutcome => {
      try {
        return event('declared', {
          latencyMs: latency + Math.max(0, Number(a?.latencyMs) || 0),
          response: answerToResponse(a ?? {}),
        })
      } catch (e) {
        return event('declared', {
          latencyMs: latency,
          error: { ...connectionReset(), message: `read ECONNRESET (${String(e)})` },
        })
      }
    }
    const failed = (e: unknown): IoOutcome =>
      event('declared', {
        latencyMs: latency,
        response: answerToResponse({ status: 500, body: `The declared host's handler threw: ${String(e)}` }),
      })
    try {
      const a = viaHost(spec, request, url, caller)
      return a.then(answered, failed)
    } catch (e) {
      return failed(e)
    }
  }

  return {
    request,
    declare(host, spec) {
      hosts.set(host.toLowerCase(), spec)
    },
    undeclare(host) {
      hosts.delete(host.toLowerCase())
    },
    declaredHosts: () => [...hosts.keys()].sort(),
    onEvent(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
