// TEST-ONLY: a HostNetwork (createLambda({ network })) that hands every request to a simulated
// account's requestHandler, as the account's own network will (src/aws/network.ts, built in
// wt/sdk-core; switch the tests to it when it lands). Hosts the account does not serve get
// getaddrinfo ENOTFOUND. Every request is recorded for the tests to read.
import type { HostNetwork, HttpIoRequest, IoCaller, IoOutcome } from '../../types.ts'

/** The part of Account['requestHandler'] used here. */
export interface AccountHandler {
  handle(request: never): Promise<{ response: { statusCode: number; headers: Record<string, string>; body: unknown } }>
}

async function bytesOf(body: unknown): Promise<Uint8Array> {
  if (body === undefined || body === null) return new Uint8Array(0)
  if (typeof body === 'string') return new TextEncoder().encode(body)
  if (body instanceof Uint8Array) return body
  const chunks: Uint8Array[] = []
  for await (const c of body as AsyncIterable<Uint8Array>) chunks.push(c)
  return Buffer.concat(chunks)
}

export interface RecordingNetwork extends HostNetwork {
  readonly seen: { request: HttpIoRequest; caller: IoCaller }[]
}

export function accountNetwork(handler: AccountHandler, latencyMs = 1): RecordingNetwork {
  const seen: RecordingNetwork['seen'] = []
  return {
    seen,
    async request(_kind, request, caller): Promise<IoOutcome> {
      seen.push({ request, caller })
      const u = new URL(request.url)
      const query: Record<string, string | string[]> = {}
      for (const [k, v] of u.searchParams) {
        const prev = query[k]
        query[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v]
      }
      try {
        const out = await handler.handle({
          method: request.method,
          protocol: u.protocol,
          hostname: u.hostname,
          port: u.port ? Number(u.port) : undefined,
          path: decodeURIComponent(u.pathname),
          query,
          headers: request.headers,
          body: Buffer.from(request.body, 'base64'),
        } as never)
        const r = out.response
        const body = Buffer.from(await bytesOf(r.body)).toString('base64')
        return { latencyMs, response: { status: r.statusCode, statusText: '', headers: r.headers, body } }
      } catch (e) {
        const code = (e as { code?: string }).code === 'ENOTFOUND' ? 'ENOTFOUND' : 'ECONNRESET'
        const message = code === 'ENOTFOUND' ? `getaddrinfo ENOTFOUND ${u.hostname}` : String((e as Error).message ?? e)
        return { latencyMs, error: { code, message, hostname: u.hostname, syscall: 'getaddrinfo' } }
      }
    },
  }
}
