// Host I/O from handlers (issue 13, item 1): requests leave the sandbox with a step result and
// their answers come back at a virtual time (runtime/bootstrap/io.js, service/io.ts, drive.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { HostNetwork, HttpIoRequest, IoCaller, IoOutcome, Lambda } from '../index.ts'
import { call, deploy, newLambda } from './helpers.ts'

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64')

/** Answers `http://svc.test/<latency>/<text>` after <latency> virtual ms with <text>; `async.test` answers later in real time. */
const seen: { request: HttpIoRequest; caller: IoCaller }[] = []
const network: HostNetwork = {
  request(_kind, request, caller): IoOutcome | Promise<IoOutcome> {
    seen.push({ request, caller })
    const u = new URL(request.url)
    const [, latency, text] = u.pathname.split('/')
    const out: IoOutcome = {
      latencyMs: Number(latency) || 0,
      response: {
        status: 200,
        statusText: 'OK',
        headers: { 'content-type': 'text/plain', 'x-method': request.method },
        body: b64(
          decodeURIComponent(text ?? '') + (request.body ? ':' + Buffer.from(request.body, 'base64').toString() : ''),
        ),
      },
    }
    if (u.hostname === 'svc.test') return out
    if (u.hostname === 'async.test') return new Promise((resolve) => setTimeout(() => resolve(out), 5))
    return {
      latencyMs: 1,
      error: {
        code: 'ENOTFOUND',
        errno: -3008,
        syscall: 'getaddrinfo',
        hostname: u.hostname,
        message: `getaddrinfo ENOTFOUND ${u.hostname}`,
      },
    }
  },
}

let lambda: Lambda
beforeAll(async () => {
  lambda = await newLambda({ network })
})
afterAll(() => lambda.dispose())

describe('host I/O channel', () => {
  it('an awaited fetch keeps the async handler alive and takes its latency in virtual time', async () => {
    const fn = await deploy(
      lambda,
      `export const handler = async () => {
        const t0 = Date.now()
        const r = await fetch('http://svc.test/250/hello', { method: 'POST', body: 'x' })
        return { status: r.status, text: await r.text(), ms: Date.now() - t0, method: r.headers.get('x-method') }
      }`,
      { MemorySize: 1769 }, // a full vCPU: little CPU time around the 250 ms of latency
    )
    const out = await call(lambda, fn)
    expect(out.FunctionError).toBeUndefined()
    expect(out.json.status).toBe(200)
    expect(out.json.text).toBe('hello:x')
    expect(out.json.method).toBe('POST')
    expect(out.json.ms).toBeGreaterThanOrEqual(250)
    expect(out.json.ms).toBeLessThan(1000)
    const last = seen[seen.length - 1]
    expect(last.caller.functionName).toBe(fn)
    expect(last.caller.requestId).toBe(out.$metadata.requestId)
    expect(last.request.headers['content-type']).toBe('text/plain;charset=UTF-8')
  })

  it("a response's body reads as a ReadableStream, and a request body can be one", async () => {
    const fn = await deploy(
      lambda,
      `export const handler = async () => {
        const r = await fetch('http://svc.test/5/streamed')
        let text = ''
        for await (const chunk of r.body) text += new TextDecoder().decode(chunk)
        const body = new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode('up')); c.close() } })
        const p = await fetch('http://svc.test/5/sent', { method: 'POST', body, duplex: 'half' })
        return { text, used: r.bodyUsed, posted: await p.text() }
      }`,
    )
    const out = await call(lambda, fn)
    expect(out.FunctionError).toBeUndefined()
    expect(out.json).toEqual({ text: 'streamed', used: true, posted: 'sent:up' })
  })

  it('answers and timers run in virtual-time order (a timer first on a tie)', async () => {
    const fn = await deploy(
      lambda,
      `export const handler = async () => {
        const order = []
        const f = fetch('http://svc.test/50/a').then(() => order.push('fetch50'))
        const g = fetch('http://svc.test/10/b').then(() => order.push('fetch10'))
        setTimeout(() => order.push('timer30'), 30)
        setTimeout(() => order.push('timer50'), 50)
        setTimeout(() => order.push('timer70'), 70)
        await Promise.all([f, g, new Promise((r) => setTimeout(r, 80))])
        return order
      }`,
    )
    const out = await call(lambda, fn)
    expect(out.json).toEqual(['fetch10', 'timer30', 'timer50', 'fetch50', 'timer70'])
  })

  it('a Timeout while waiting for an answer is Task timed out', async () => {
    const fn = await deploy(
      lambda,
      `export const handler = async () => { await fetch('http://svc.test/5000/slow'); return 'late' }`,
      { Timeout: 1 },
    )
    const out = await call(lambda, fn)
    expect(out.FunctionError).toBe('Unhandled')
    expect(out.json.errorMessage).toBe(`RequestId: ${out.$metadata.requestId} Error: Task timed out after 1.00 seconds`)
  })

  it('many concurrent requests are all answered, each its own', async () => {
    const fn = await deploy(
      lambda,
      `export const handler = async () => {
        const rs = await Promise.all(Array.from({ length: 300 }, (_, i) => fetch('http://svc.test/' + (i % 7) + '/n' + i).then((r) => r.text())))
        return rs.every((t, i) => t === 'n' + i)
      }`,
    )
    const out = await call(lambda, fn)
    expect(out.json).toBe(true)
  })

  it('a flood of requests is bounded: past 1,000 in flight, connect fails with EMFILE', async () => {
    const fn = await deploy(
      lambda,
      `export const handler = async () => {
        const rs = await Promise.allSettled(Array.from({ length: 1200 }, () => fetch('http://svc.test/100/x')))
        const ok = rs.filter((r) => r.status === 'fulfilled').length
        const bad = rs.filter((r) => r.status === 'rejected')
        return { ok, bad: bad.length, message: bad[0].reason.message, code: bad[0].reason.cause.code }
      }`,
      { Timeout: 10 },
    )
    const before = seen.length
    const out = await call(lambda, fn)
    expect(out.json).toEqual({ ok: 1000, bad: 200, message: 'fetch failed', code: 'EMFILE' })
    expect(seen.length - before).toBe(1000)
  })

  it('an answer computed asynchronously by the network (the account) is delivered', async () => {
    const fn = await deploy(
      lambda,
      `export const handler = async () => (await fetch('http://async.test/20/later')).text()`,
    )
    const out = await call(lambda, fn)
    expect(out.json).toBe('later')
  })

  it('a request in flight when the invoke ends completes in the frozen environment when it thaws', async () => {
    const fn = await deploy(
      lambda,
      `let pending
      export const handler = async (e) => {
        if (e.first) { pending = fetch('http://svc.test/10000/from-before').then((r) => r.text()); return 'sent' }
        return await pending
      }`,
    )
    const a = await call(lambda, fn, { first: true })
    expect(a.json).toBe('sent')
    await lambda.clock.advance(20_000)
    const b = await call(lambda, fn, {})
    expect(b.$metadata.environmentId).toBe(a.$metadata.environmentId)
    expect(b.json).toBe('from-before')
    expect(b.$metadata.durationMs).toBeLessThan(1000)
  })

  it('a network error rejects fetch with TypeError: fetch failed and Node’s cause', async () => {
    const fn = await deploy(
      lambda,
      `export const handler = async () => {
        try { await fetch('https://api.example.com/x') } catch (e) {
          const c = e.cause
          return { name: e.name, message: e.message, cause: [c instanceof Error, c.message, c.code, c.errno, c.syscall, c.hostname] }
        }
      }`,
    )
    const out = await call(lambda, fn)
    expect(out.json).toEqual({
      name: 'TypeError',
      message: 'fetch failed',
      cause: [true, 'getaddrinfo ENOTFOUND api.example.com', 'ENOTFOUND', -3008, 'getaddrinfo', 'api.example.com'],
    })
  })

  it('AbortSignal.timeout gives up on a slow answer with a TimeoutError DOMException', async () => {
    const fn = await deploy(
      lambda,
      `export const handler = async () => {
        const t0 = Date.now()
        try { await fetch('http://svc.test/3000/slow', { signal: AbortSignal.timeout(200) }) } catch (e) {
          return { name: e.name, message: e.message, code: e.code, dom: e instanceof DOMException, ms: Date.now() - t0 }
        }
      }`,
      { Timeout: 10 },
    )
    const out = await call(lambda, fn)
    expect(out.json).toMatchObject({
      name: 'TimeoutError',
      message: 'The operation was aborted due to timeout',
      code: 23,
      dom: true,
    })
    expect(out.json.ms).toBeGreaterThanOrEqual(200)
    expect(out.json.ms).toBeLessThan(1000)
    // The abandoned answer does not keep the invoke going: it ends at the abort, not at 3 s.
    expect(out.$metadata.durationMs).toBeLessThan(1000)
  })

  it('without a network (createLambda() default) every host is unknown', async () => {
    const bare = await newLambda()
    try {
      const fn = await deploy(
        bare,
        `export const handler = async () => { try { await fetch('http://example.com/') } catch (e) { return e.cause.code + ' ' + e.cause.message } }`,
      )
      const out = await call(bare, fn)
      expect(out.json).toBe('ENOTFOUND getaddrinfo ENOTFOUND example.com')
    } finally {
      bare.dispose()
    }
  })
})

describe('node:http and node:https clients over the channel', () => {
  it('request/get: status, headers, body as data events, errors as Node’s', async () => {
    const fn = await deploy(
      lambda,
      {
        'index.js': `const http = require('node:http'), https = require('https')
        const get = (mod, url) => new Promise((resolve) => {
          mod.get(url, (res) => {
            let body = ''
            res.setEncoding('utf8')
            res.on('data', (c) => { body += c })
            res.on('end', () => resolve({ status: res.statusCode, message: res.statusMessage, type: res.headers['content-type'], body }))
          }).on('error', (e) => resolve({ error: e.message, code: e.code, errno: e.errno, syscall: e.syscall, hostname: e.hostname }))
        })
        exports.handler = async () => {
          const posted = await new Promise((resolve, reject) => {
            const req = http.request({ hostname: 'svc.test', path: '/20/ok', method: 'POST', headers: { 'Content-Type': 'text/plain' } }, async (res) => {
              const chunks = []
              for await (const c of res) chunks.push(c)
              resolve(Buffer.concat(chunks).toString())
            })
            req.on('error', reject)
            req.write('da')
            req.end('ta')
          })
          let bad
          try { http.get('https://svc.test/') } catch (e) { bad = e.code + ': ' + e.message }
          return { a: await get(http, 'http://svc.test/10/hello'), b: await get(https, 'https://nowhere.example/'), posted, bad }
        }`,
      },
      { Handler: 'index.handler' },
    )
    const out = await call(lambda, fn)
    expect(out.json).toEqual({
      a: { status: 200, message: 'OK', type: 'text/plain', body: 'hello' },
      b: {
        error: 'getaddrinfo ENOTFOUND nowhere.example',
        code: 'ENOTFOUND',
        errno: -3008,
        syscall: 'getaddrinfo',
        hostname: 'nowhere.example',
      },
      posted: 'ok:data',
      bad: 'ERR_INVALID_PROTOCOL: Protocol "https:" not supported. Expected "http:"',
    })
    const last = seen.filter((s) => s.request.method === 'POST').pop()!
    expect(last.request.headers['content-type']).toBe('text/plain')
  })
})
