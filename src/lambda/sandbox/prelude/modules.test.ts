// Built-in module resolution, lazy globals and process.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PRELUDE_BUILTIN_MODULES, PRELUDE_CORE } from './generated.ts'
import { PreludeSandbox, SandboxError, getQuickJS } from './testing.ts'

let sb: PreludeSandbox
beforeAll(async () => {
  sb = await PreludeSandbox.create()
})
afterAll(() => sb.dispose())

describe('__lf.builtin', () => {
  it('loads every listed module, with and without node:, once', () => {
    for (const name of PRELUDE_BUILTIN_MODULES) {
      const same = sb.eval<boolean>(
        `__lf.builtin(${JSON.stringify(name)}) === __lf.builtin(${JSON.stringify(`node:${name}`)})`,
      )
      expect(same, name).toBe(true)
      expect(sb.eval(`typeof __lf.builtin(${JSON.stringify(name)})`), name).toMatch(/object|function/)
    }
  })

  it('aliases share one instance (fs/promises, path/posix, util/types, assert/strict)', () => {
    expect(sb.eval(`__lf.builtin('fs/promises') === __lf.builtin('fs').promises`)).toBe(true)
    expect(
      sb.eval(
        `__lf.builtin('path/posix') === __lf.builtin('path') && __lf.builtin('path').posix === __lf.builtin('path')`,
      ),
    ).toBe(true)
    expect(sb.eval(`__lf.builtin('util/types') === __lf.builtin('util').types`)).toBe(true)
    expect(sb.eval(`__lf.builtin('assert/strict') === __lf.builtin('assert').strict`)).toBe(true)
  })

  it("throws MODULE_NOT_FOUND for modules we don't provide", () => {
    for (const name of ['http2', 'node:child_process', 'aws-sdk', 'internal/inspect', 'fs/', '']) {
      const out = sb.eval<{ message: string; code: string }>(
        `(() => { try { __lf.builtin(${JSON.stringify(name)}); return null } catch (e) { return { message: e.message, code: e.code } } })()`,
      )
      expect(out, name).toEqual({ message: `Cannot find module '${name}'`, code: 'MODULE_NOT_FOUND' })
    }
    expect(sb.eval(`__lf.hasBuiltin('node:fs') && __lf.hasBuiltin('crypto') && !__lf.hasBuiltin('http2')`)).toBe(true)
    expect(sb.eval(`__lf.builtinModules`)).toEqual([...PRELUDE_BUILTIN_MODULES])
  })

  it('preload() loads modules ahead of use, including internal ones', async () => {
    const fresh = await PreludeSandbox.create()
    try {
      fresh.evalVoid(`__lf.preload(['internal/format', 'internal/inspect', 'buffer'])`)
      expect(fresh.loads).toEqual(['internal/format', 'internal/inspect', 'buffer'])
      fresh.eval(`__lf.format({ a: Buffer.from('x') })`)
      expect(fresh.loads).toEqual(['internal/format', 'internal/inspect', 'buffer'])
    } finally {
      fresh.dispose()
    }
  })

  it('loads modules lazily, on first use only', async () => {
    const fresh = await PreludeSandbox.create()
    try {
      expect(fresh.loads).toEqual([])
      fresh.eval(`typeof Buffer`)
      expect(fresh.loads).toEqual(['buffer'])
      fresh.eval(`Buffer.from('x'); __lf.builtin('buffer'); typeof Buffer`)
      expect(fresh.loads).toEqual(['buffer'])
      fresh.eval(`__lf.builtin('fs').existsSync('/tmp')`)
      expect(fresh.loads).toEqual(['buffer', 'fs'])
    } finally {
      fresh.dispose()
    }
  })
})

describe('globals', () => {
  const GLOBALS = [
    'Buffer',
    'TextEncoder',
    'TextDecoder',
    'URL',
    'URLSearchParams',
    'structuredClone',
    'atob',
    'btoa',
    'crypto',
    'process',
    'global',
    'EventTarget',
    'Event',
    'AbortController',
    'AbortSignal',
    'DOMException',
    'fetch',
    'Headers',
    'Request',
    'Response',
    'Blob',
    'ReadableStream',
    'ReadableStreamDefaultReader',
    'ReadableStreamBYOBReader',
    'ReadableStreamBYOBRequest',
    'ReadableByteStreamController',
    'ReadableStreamDefaultController',
    'TransformStream',
    'TransformStreamDefaultController',
    'WritableStream',
    'WritableStreamDefaultWriter',
    'WritableStreamDefaultController',
    'ByteLengthQueuingStrategy',
    'CountQueuingStrategy',
    'TextEncoderStream',
    'TextDecoderStream',
  ]

  it('are non-enumerable, writable and configurable, like Node', () => {
    for (const name of GLOBALS) {
      const d = sb.eval<{ enumerable: boolean; configurable: boolean }>(
        `(() => { const d = Object.getOwnPropertyDescriptor(globalThis, ${JSON.stringify(name)}); return { enumerable: d.enumerable, configurable: d.configurable } })()`,
      )
      expect(d, name).toEqual({ enumerable: false, configurable: true })
    }
    expect(
      sb.eval(`Object.keys(globalThis).filter((k) => ${JSON.stringify(GLOBALS)}.includes(k) || k.startsWith('__lf'))`),
    ).toEqual([])
  })

  it('PRELUDE_CORE adds exactly these globals (its own variables stay private)', async () => {
    const qjs = await getQuickJS()
    const ctx = qjs.newContext()
    try {
      const names = (): string[] => {
        const r = ctx.unwrapResult(ctx.evalCode('JSON.stringify(Object.getOwnPropertyNames(globalThis))'))
        const out = JSON.parse(ctx.getString(r)) as string[]
        r.dispose()
        return out
      }
      ctx
        .unwrapResult(ctx.evalCode('globalThis.__lf_host = { loadBuiltin() {}, randomBytes() { return "" } }'))
        .dispose()
      const before = new Set(names())
      ctx.unwrapResult(ctx.evalCode(PRELUDE_CORE)).dispose()
      const added = names()
        .filter((n) => !before.has(n))
        .sort()
      expect(added).toEqual([...GLOBALS, '__lf'].filter((n) => n !== '__lf_host').sort())
    } finally {
      ctx.dispose()
    }
  })

  it('can be overwritten by user code (before and after first use)', async () => {
    const fresh = await PreludeSandbox.create()
    try {
      expect(fresh.eval(`globalThis.URL = 'mine'; URL`)).toBe('mine')
      expect(fresh.eval(`typeof Buffer.from; Buffer = 5; Buffer`)).toBe(5)
      expect(fresh.loads).toEqual(['buffer'])
    } finally {
      fresh.dispose()
    }
  })

  it('does not provide network or host access (fetch goes through the engine, absent here)', async () => {
    expect(
      sb.eval(
        `[typeof XMLHttpRequest, typeof postMessage, typeof importScripts, typeof require, typeof __lf_host.loadBuiltin]`,
      ),
    ).toEqual(['undefined', 'undefined', 'undefined', 'undefined', 'function'])
    expect(
      await sb.evalAsync(
        `fetch('http://example.com/').then(() => 'reached', (e) => e.message + ': ' + e.cause.message)`,
      ),
    ).toBe('fetch failed: the simulation has no network here')
  })
})

describe('process', () => {
  it('looks like Node 20 on Lambda', () => {
    const p = sb.eval<Record<string, unknown>>(
      `({ version: process.version, node: process.versions.node, platform: process.platform, arch: process.arch, cwd: process.cwd(), title: process.title, argv0: process.argv0, pid: typeof process.pid, tag: Object.prototype.toString.call(process) })`,
    )
    expect(p.version).toMatch(/^v20\.\d+\.\d+$/)
    expect(p.version).toBe(`v${String(p.node)}`)
    expect(p).toMatchObject({
      platform: 'linux',
      arch: 'x64',
      cwd: '/var/task',
      title: 'node',
      pid: 'number',
      tag: '[object process]',
    })
  })

  it('process.env shows what the engine fills through __lf.env, and stores strings like Node', () => {
    expect(sb.eval(`__lf.env.AWS_REGION = 'eu-west-1'; process.env.AWS_REGION`)).toBe('eu-west-1')
    expect(
      sb.eval(
        `process.env.COUNT = 5; process.env.NOTHING = undefined; [typeof process.env.COUNT, process.env.NOTHING, __lf.env.COUNT]`,
      ),
    ).toEqual(['string', 'undefined', '5'])
    expect(sb.eval(`delete process.env.COUNT; 'COUNT' in process.env`)).toBe(false)
    expect(
      sb.eval(
        `Object.keys(process.env).includes('AWS_REGION') && __lf.inspect(process.env).includes("AWS_REGION: 'eu-west-1'")`,
      ),
    ).toBe(true)
  })

  it('hrtime, hrtime.bigint, uptime, memoryUsage, nextTick', async () => {
    const out = sb.eval<unknown[]>(`(() => {
      const t = process.hrtime(); const d = process.hrtime(t)
      return [t.length, Number.isInteger(t[0]) && Number.isInteger(t[1]), d[0] >= 0, typeof process.hrtime.bigint(), typeof process.uptime(), Object.keys(process.memoryUsage())]
    })()`)
    expect(out).toEqual([
      2,
      true,
      true,
      'bigint',
      'number',
      ['rss', 'heapTotal', 'heapUsed', 'external', 'arrayBuffers'],
    ])
    const order = await sb.evalAsync<string[]>(
      `new Promise((resolve) => { const o = []; process.nextTick((a, b) => { o.push('tick ' + a + b); resolve(o) }, 1, 2); o.push('sync') })`,
    )
    expect(order).toEqual(['sync', 'tick 12'])
    expect(() => sb.eval(`process.nextTick(5)`)).toThrow(SandboxError)
  })

  it('process.exit throws the marker the engine maps to Runtime.ExitError', () => {
    const out = sb.eval<unknown>(
      `(() => { try { process.exit(3) } catch (e) { return [e.name, e.code, __lf.isProcessExit(e), __lf.isProcessExit(new Error('x'))] } })()`,
    )
    expect(out).toEqual(['ProcessExit', 3, true, false])
  })

  it('process.stdout.write goes to the engine hook', () => {
    const out = sb.eval<unknown>(
      `(() => { const seen = []; __lf.hooks.write = (fd, text) => seen.push([fd, text]); process.stdout.write('out'); process.stderr.write(Buffer.from('err')); __lf.hooks.write = undefined; return seen })()`,
    )
    expect(out).toEqual([
      [1, 'out'],
      [2, 'err'],
    ])
    const warned = sb.eval<unknown>(
      `(() => { const seen = []; __lf.hooks.write = (fd, text) => seen.push([fd, text]); process.emitWarning('careful'); process.emitWarning('old api', 'DeprecationWarning'); __lf.hooks.write = undefined; return seen })()`,
    )
    expect(warned).toEqual([
      [2, '(node:8) Warning: careful\n'],
      [2, '(node:8) DeprecationWarning: old api\n'],
    ])
  })

  it('process is an event emitter for process.on/emit', () => {
    expect(
      sb.eval(
        `(() => { let got; process.once('custom', (v) => { got = v }); const a = process.emit('custom', 7); const b = process.emit('custom', 8); return [got, a, b] })()`,
      ),
    ).toEqual([7, true, false])
  })
})

describe('randomness', () => {
  it('asks the host in batches, not per byte', async () => {
    const fresh = await PreludeSandbox.create()
    try {
      fresh.eval(`for (let i = 0; i < 10; i++) crypto.randomUUID()`)
      expect(fresh.randomCalls).toBe(1)
    } finally {
      fresh.dispose()
    }
  })
})
