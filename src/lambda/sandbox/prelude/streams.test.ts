// node:stream/web and fetch bodies as streams, compared with the host's Node: the same script runs
// here and in the sandbox's prelude.
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
  'the stream globals exist, with their tags': `
    return ['ReadableStream', 'WritableStream', 'TransformStream', 'ReadableStreamDefaultReader',
      'WritableStreamDefaultWriter', 'ByteLengthQueuingStrategy', 'CountQueuingStrategy',
      'TextEncoderStream', 'TextDecoderStream'].map((n) => [n, typeof globalThis[n]])
      .concat([[Object.prototype.toString.call(new ReadableStream()), Object.prototype.toString.call(new TransformStream())]])`,
  'a ReadableStream read with a reader and with for await': `
    const make = () => new ReadableStream({ start(c) { c.enqueue('a'); c.enqueue('b'); c.close() } })
    const r = make().getReader()
    const out = [await r.read(), await r.read(), await r.read()]
    const seen = []
    for await (const chunk of make()) seen.push(chunk)
    const locked = make(); locked.getReader()
    let err
    try { locked.getReader() } catch (e) { err = [e.name, e.constructor === TypeError] }
    return { out, seen, locked: locked.locked, err }`,
  'pipeThrough a TransformStream and TextDecoderStream, pipeTo a WritableStream': `
    const bytes = new TextEncoder().encode('héllo wörld')
    const src = new ReadableStream({ start(c) { c.enqueue(bytes.slice(0, 2)); c.enqueue(bytes.slice(2)); c.close() } })
    const upper = new TransformStream({ transform(chunk, c) { c.enqueue(chunk.toUpperCase()) } })
    const got = []
    await src.pipeThrough(new TextDecoderStream()).pipeThrough(upper).pipeTo(new WritableStream({ write(c) { got.push(c) } }))
    const enc = new TextEncoderStream()
    const w = enc.writable.getWriter(); w.write('ok'); w.close()
    const r = enc.readable.getReader()
    return { got: got.join(''), enc: [...(await r.read()).value], encoding: enc.encoding }`,
  'a Response body is one ReadableStream of bytes; reading it uses the body': `
    const res = new Response('abc')
    const out = { same: res.body === res.body, tag: Object.prototype.toString.call(res.body), used0: res.bodyUsed }
    const reader = res.body.getReader()
    out.lockedUsed = res.bodyUsed
    try { await res.text() } catch (e) { out.locked = [e.name, e.message] }
    const first = await reader.read()
    out.first = [first.done, first.value instanceof Uint8Array, [...first.value]]
    out.used1 = res.bodyUsed
    out.end = (await reader.read()).done
    out.nullBody = new Response(null).body
    const it = new Response('xyz'); let text = ''
    for await (const c of it.body) text += new TextDecoder().decode(c)
    out.iter = [text, it.bodyUsed]
    try { await it.arrayBuffer() } catch (e) { out.again = e.message }
    return out`,
  'a Response or Request made from a stream': `
    const s = (...chunks) => new ReadableStream({ start(c) { for (const x of chunks) c.enqueue(x); c.close() } })
    const enc = (t) => new TextEncoder().encode(t)
    const out = { text: await new Response(s(enc('he'), enc('llo'))).text() }
    try { await new Response(s('str')).text() } catch (e) { out.nonBytes = [e.name, e.message] }
    const locked = s(); locked.getReader()
    try { new Response(locked) } catch (e) { out.lockedCtor = [e.name, e.message] }
    try { new Request('http://x/', { method: 'POST', body: s(enc('a')) }) } catch (e) { out.duplex = [e.name, e.message] }
    out.req = await new Request('http://x/', { method: 'POST', body: s(enc('a'), enc('b')), duplex: 'half' }).text()
    const a = new Response(s(enc('t'), enc('ee')))
    const b = a.clone()
    out.tee = [await a.text(), await b.text()]
    const blob = new Blob(['bl', 'ob'])
    out.blob = [Object.prototype.toString.call(blob.stream()), await new Response(blob.stream()).text()]
    return out`,
}

describe('web streams behave as Node 20’s', () => {
  it('node:stream/web has Node’s classes (but the compression streams), the same as the globals', async () => {
    const { createRequire } = await import('node:module')
    const hostKeys = Object.keys(createRequire(import.meta.url)('node:stream/web')).filter(
      (k) => !/^(Compression|Decompression)Stream$/.test(k),
    )
    const keys = sb.eval<string[]>(`Object.keys(__lf.builtin('node:stream/web')).sort()`)
    expect(keys).toEqual(hostKeys.sort())
    expect(sb.eval(`__lf.builtin('stream/web').ReadableStream === ReadableStream`)).toBe(true)
  })

  for (const [name, body] of Object.entries(CASES)) {
    it(name, async () => {
      const [host, sandbox] = await both(body)
      expect(sandbox).toEqual(host)
    })
  }
})
