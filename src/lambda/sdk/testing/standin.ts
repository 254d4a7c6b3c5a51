// TEST-ONLY STAND-IN for the runtime's host I/O channel (`io.request('http', …)`, built in
// wt/sdk-core). Until that channel is in this branch, the SDK bundles are exercised here: a bare
// prelude host (prelude/testing.ts) that also serves the SDK's factory scripts and an
// `internal/io` module whose requests the test forwards to a simulated account's requestHandler
// in Node — the same wire path (the SDK's signing, serialisation and errors; the account's
// SigV4 check, codecs and gateway). Never used by the engine.
import { PRELUDE_CORE, PRELUDE_LAZY } from '../../sandbox/prelude/generated.ts'
import { PreludeSandbox } from '../../sandbox/prelude/testing.ts'
import { loadSdkSources } from '../sources.ts'
import type { SdkPackage } from '../packages.ts'

interface WireIn {
  method: string
  url: string
  headers: Record<string, string>
  body: string
}
interface Answer {
  status: number
  statusText: string
  headers: Record<string, string>
  body: string
}

/** What the account's requestHandler is to this stand-in (Account['requestHandler']). */
export interface StandinHandler {
  handle(request: never): Promise<{ response: { statusCode: number; headers: Record<string, string>; body: unknown } }>
}

const IO_STANDIN = `(function () {
  var host = globalThis.__lf_host, pending = {}, next = 1
  host.ioDeliver = function (id, ok, json) {
    var p = pending[id]
    delete pending[id]
    if (ok) p.resolve(JSON.parse(json))
    else p.reject(JSON.parse(json))
  }
  return {
    request: function (kind, req) {
      var id = next++
      return new Promise(function (resolve, reject) {
        pending[id] = { resolve: resolve, reject: reject }
        host.ioSend(id, JSON.stringify(req))
      })
    },
  }
})`

async function bytesOf(body: unknown): Promise<Uint8Array> {
  if (body === undefined || body === null) return new Uint8Array(0)
  if (typeof body === 'string') return new TextEncoder().encode(body)
  if (body instanceof Uint8Array) return body
  const chunks: Uint8Array[] = []
  for await (const c of body as AsyncIterable<Uint8Array>) chunks.push(c)
  return Buffer.concat(chunks)
}

export class SdkStandin {
  readonly requests: WireIn[] = []
  private queue: [number, WireIn][] = []

  private constructor(
    readonly sb: PreludeSandbox,
    private readonly handler: StandinHandler,
  ) {}

  static async create(
    packages: readonly SdkPackage[],
    handler: StandinHandler,
    env: Record<string, string>,
  ): Promise<SdkStandin> {
    const sdk = await loadSdkSources(packages)
    const lazy: Record<string, string> = { ...PRELUDE_LAZY, 'internal/io': IO_STANDIN }
    for (const [k, v] of sdk) lazy[k] = v
    const sb = await PreludeSandbox.create({ sources: { core: PRELUDE_CORE, lazy } })
    const s = new SdkStandin(sb, handler)
    const ctx = sb.context
    const host = ctx.getProp(ctx.global, '__lf_host')
    const send = ctx.newFunction('ioSend', (idH, jsonH) => {
      s.queue.push([ctx.getNumber(idH), JSON.parse(ctx.getString(jsonH)) as WireIn])
      return ctx.undefined
    })
    ctx.setProp(host, 'ioSend', send)
    send.dispose()
    host.dispose()
    sb.evalVoid(`Object.assign(__lf.env, ${JSON.stringify(env)})`)
    // The runtime's console is not part of a bare prelude: lines are kept for the test to read.
    sb.evalVoid(
      `globalThis.__lines = []; globalThis.console = Object.fromEntries(['log', 'info', 'warn', 'error', 'debug', 'trace'].map((k) => [k, (...a) => __lines.push(k + ' ' + __lf.format(...a))]))`,
    )
    return s
  }

  private async forward(req: WireIn): Promise<Answer> {
    const u = new URL(req.url)
    const query: Record<string, string | string[]> = {}
    for (const [k, v] of u.searchParams) {
      const prev = query[k]
      query[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v]
    }
    const out = await this.handler.handle({
      method: req.method,
      protocol: u.protocol,
      hostname: u.hostname,
      port: u.port ? Number(u.port) : undefined,
      path: decodeURIComponent(u.pathname),
      query,
      headers: req.headers,
      body: Buffer.from(req.body, 'base64'),
    } as never)
    const r = out.response
    return {
      status: r.statusCode,
      statusText: '',
      headers: r.headers,
      body: Buffer.from(await bytesOf(r.body)).toString('base64'),
    }
  }

  /** Evaluate `(async () => {…})()` in the sandbox, serving its requests until it settles. */
  async run<T = unknown>(code: string): Promise<T> {
    const ctx = this.sb.context
    const r = ctx.evalCode(
      `globalThis.__done = undefined; (${code}).then((v) => { __done = { ok: true, v } }, (e) => { __done = { ok: false, e: { name: e?.name, message: e?.message, code: e?.code, $metadata: e?.$metadata, $fault: e?.$fault, stack: e?.stack } } })`,
      '/var/task/index.js',
    )
    if (r.error) {
      const d = ctx.dump(r.error)
      r.error.dispose()
      throw new Error(`eval failed: ${JSON.stringify(d)}`)
    }
    r.value.dispose()
    for (let rounds = 0; rounds < 1000; rounds++) {
      this.sb.drain()
      const done = this.sb.eval<{ ok: boolean; v?: T; e?: Record<string, unknown> } | undefined>('__done')
      if (done) {
        if (done.ok) return done.v as T
        throw Object.assign(new Error(String(done.e?.message)), { sandbox: done.e })
      }
      const batch = this.queue
      this.queue = []
      if (batch.length === 0) throw new Error('the sandbox waits on nothing (no request in flight)')
      for (const [id, req] of batch) {
        this.requests.push(req)
        let ok = 1
        let json: string
        try {
          json = JSON.stringify(await this.forward(req))
        } catch (e) {
          ok = 0
          json = JSON.stringify({
            code: (e as { code?: string }).code ?? 'ECONNRESET',
            message: String((e as Error).message),
          })
        }
        this.sb.evalVoid(`__lf_host.ioDeliver(${id}, ${ok}, ${JSON.stringify(json)})`)
      }
    }
    throw new Error('too many rounds')
  }

  dispose(): void {
    this.sb.dispose()
  }
}
