// crypto.subtle (internal/subtle) compared with the host's Node: the same script runs in both.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PreludeSandbox } from './testing.ts'

let sb: PreludeSandbox
beforeAll(async () => {
  sb = await PreludeSandbox.create()
})
afterAll(() => sb.dispose())

async function both(body: string): Promise<[unknown, unknown]> {
  const src = `(async () => { const hex = (b) => Array.from(new Uint8Array(b), (x) => x.toString(16).padStart(2, '0')).join(''); const enc = (s) => new TextEncoder().encode(s); ${body} })()`
  const host = await (0, eval)(src)
  return [JSON.parse(JSON.stringify(host ?? null)), (await sb.evalAsync(src)) ?? null]
}

const CASES: Record<string, string> = {
  'digest SHA-1/256/384/512 of text and bytes': `
    const out = []
    for (const a of ['SHA-1', 'sha-256', { name: 'SHA-384' }, 'SHA-512'])
      for (const d of [enc(''), enc('hello wörld'), new Uint8Array(1000).fill(7)]) out.push(hex(await crypto.subtle.digest(a, d)))
    try { await crypto.subtle.digest('SHA-3', enc('x')) } catch (e) { out.push(e.name, e.message) }
    return out`,
  'HMAC importKey, sign, verify, key shape and errors': `
    const k = await crypto.subtle.importKey('raw', enc('secret'), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify'])
    const sig = await crypto.subtle.sign('HMAC', k, enc('message'))
    const out = { sig: hex(sig), ok: await crypto.subtle.verify('HMAC', k, sig, enc('message')),
      bad: await crypto.subtle.verify({ name: 'HMAC' }, k, sig, enc('other')),
      key: [k.type, k.extractable, k.algorithm, k.usages, Object.prototype.toString.call(k)] }
    const k512 = await crypto.subtle.importKey('raw', enc('k'), { name: 'HMAC', hash: { name: 'SHA-512' } }, true, ['sign'])
    out.sig512 = hex(await crypto.subtle.sign('HMAC', k512, enc('m')))
    out.raw = hex(await crypto.subtle.exportKey('raw', k512))
    try { await crypto.subtle.verify('HMAC', k512, sig, enc('m')) } catch (e) { out.usage = [e.name, e.message] }
    try { await crypto.subtle.exportKey('raw', k) } catch (e) { out.export = [e.name, e.message] }
    const g = await crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-512' }, true, ['sign'])
    out.generated = [g.algorithm, (await crypto.subtle.exportKey('raw', g)).byteLength]
    return out`,
  'AES-GCM encrypt/decrypt with additional data, tampering and key errors': `
    const raw = new Uint8Array(32).map((_, i) => i)
    const k = await crypto.subtle.importKey('raw', raw, 'AES-GCM', true, ['encrypt', 'decrypt'])
    const iv = new Uint8Array(12).fill(9)
    const ct = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: enc('aad') }, k, enc('attack at dawn'))
    const pt = await crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: enc('aad') }, k, ct)
    const out = { ct: hex(ct), pt: new TextDecoder().decode(pt), alg: k.algorithm, usages: k.usages }
    const bad = new Uint8Array(ct); bad[0] ^= 1
    try { await crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: enc('aad') }, k, bad) } catch (e) { out.tamper = [e.name, e.message] }
    try { await crypto.subtle.importKey('raw', new Uint8Array(5), 'AES-GCM', false, ['encrypt']) } catch (e) { out.len = [e.name, e.message] }
    try { await crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['sign']) } catch (e) { out.usage = [e.name, e.message] }
    const g = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 128 }, false, ['encrypt'])
    out.generated = [g.algorithm, g.extractable]
    return out`,
}

describe('crypto.subtle behaves as Node 20’s', () => {
  for (const [name, body] of Object.entries(CASES)) {
    it(name, async () => {
      const [host, sandbox] = await both(body)
      expect(sandbox).toEqual(host)
    })
  }
})
