// fetch's classes (Headers, Request, Response, Blob), DOMException and AbortSignal reasons,
// compared with the host's Node: the same script runs here and in the sandbox's prelude.
// (fetch itself over the network is tested through the engine: src/lambda/__tests__/io.test.ts.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PreludeSandbox } from './testing.ts'

let sb: PreludeSandbox
beforeAll(async () => {
  sb = await PreludeSandbox.create()
})
afterAll(() => sb.dispose())

/** Runs `body` (an async function body returning JSON-able data) in host Node and in the sandbox. */
async function both(body: string): Promise<[unknown, unknown]> {
  const src = `(async () => { ${body} })()`
  const host = await (0, eval)(src)
  const sandbox = await sb.evalAsync(src)
  return [JSON.parse(JSON.stringify(host ?? null)), sandbox ?? null]
}

const CASES: Record<string, string> = {
  'Headers: case-insensitive, sorted, combined values, set-cookie kept apart': `
    const h = new Headers({ B: '1', a: ' 2 ' })
    h.append('A', '3'); h.append('Set-Cookie', 'x=1'); h.append('set-cookie', 'y=2')
    const out = { list: [...h], get: h.get('a'), none: h.get('zz'), has: h.has('B'), cookies: h.getSetCookie() }
    h.delete('b'); h.set('c', '4')
    out.after = [...h.keys()]
    try { h.append('bad name', 'x') } catch (e) { out.err = e.name }
    return out`,
  'Request: method normalisation, body rules, content types': `
    const out = {}
    const r = new Request('http://x.com/a?b', { method: 'post', body: new URLSearchParams({ a: '1' }) })
    out.r = [r.method, r.url, r.headers.get('content-type'), await r.text(), r.bodyUsed]
    out.patch = new Request('http://x.com', { method: 'patch' }).method
    out.text = new Request('http://x.com', { method: 'PUT', body: 'hi' }).headers.get('content-type')
    out.bytes = new Request('http://x.com', { method: 'PUT', body: new Uint8Array([1]) }).headers.get('content-type')
    try { new Request('http://a/', { body: 'x' }) } catch (e) { out.get = [e.name, e.message] }
    try { new Request('/relative') } catch (e) { out.rel = [e.name, e.message] }
    try { new Request('http://a/', { method: 'CONNECT' }) } catch (e) { out.connect = e.name }
    return out`,
  'Response: defaults, json(), status range, single use, clone': `
    const out = {}
    const r = new Response('hi')
    out.r = [r.status, r.statusText, r.type, r.headers.get('content-type'), r.url, r.ok, r.redirected, r.bodyUsed]
    const j = Response.json({ a: 1 }, { status: 201 })
    out.j = [j.status, j.headers.get('content-type'), await j.json()]
    try { new Response(null, { status: 99 }) } catch (e) { out.range = [e.name, e.message] }
    const u = new Response('x'); await u.text()
    try { await u.text() } catch (e) { out.used = [e.name, e.message] }
    try { await new Response('{').json() } catch (e) { out.json = e.name }
    const c = new Response('copy', { status: 404, statusText: 'Nope' }).clone()
    out.clone = [c.status, c.statusText, c.ok, await c.text()]
    const e = Response.error(); out.error = [e.status, e.type]
    const ab = await new Response('abc').arrayBuffer(); out.ab = [ab instanceof ArrayBuffer, ab.byteLength]
    out.empty = await new Response().text()
    return out`,
  'Blob: size, type, text, slice': `
    const b = new Blob(['héllo', new Uint8Array([33])], { type: 'Text/Plain' })
    return [b.size, b.type, await b.text(), await b.slice(1, 3).text(), await b.slice(-1).text(), Object.prototype.toString.call(b)]`,
  'DOMException and abort reasons': `
    const d = new DOMException('m', 'NotFoundError')
    const c = new AbortController(); c.abort()
    const r = c.signal.reason
    const t = AbortSignal.abort().reason
    return {
      d: [d.name, d.message, d.code, d instanceof Error, String(d)],
      r: [r.name, r.message, r.code, r instanceof DOMException],
      t: [t.name, t.code],
      consts: [DOMException.ABORT_ERR, DOMException.TIMEOUT_ERR, DOMException.DATA_CLONE_ERR],
      plain: [new DOMException().name, new DOMException('x', { name: 'TimeoutError' }).code],
    }`,
  'fetch refuses an aborted signal and unknown schemes before any request': `
    const out = {}
    try { await fetch('http://example.com/', { signal: AbortSignal.abort() }) } catch (e) { out.aborted = [e.name, e.message, e.code] }
    try { await fetch('ftp://example.com/') } catch (e) { out.ftp = [e.name, e.message, e.cause.message] }
    try { await fetch('nope') } catch (e) { out.bad = [e.name, e.message] }
    return out`,
}

describe('fetch classes behave as Node 20’s', () => {
  for (const [name, body] of Object.entries(CASES)) {
    it(name, async () => {
      const [host, sandbox] = await both(body)
      expect(sandbox).toEqual(host)
    })
  }
})
