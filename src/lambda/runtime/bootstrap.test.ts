// The bundled bootstrap (runtime/bootstrap/*.js -> generated.ts) evaluated alone in a fresh
// QuickJS context: what it adds to globalThis (and nothing else), what it removes, and the
// protocol object it leaves for the host.
import { newQuickJSWASMModuleFromVariant, type QuickJSContext } from 'quickjs-emscripten-core'
import releaseSync from '@jitl/quickjs-wasmfile-release-sync'
import { beforeAll, describe, expect, it } from 'vitest'
import { BOOTSTRAP } from './bootstrap/generated.ts'
import { BOOTSTRAP_FILENAME } from './node-runtime.ts'

let qjs: Awaited<ReturnType<typeof newQuickJSWASMModuleFromVariant>>
beforeAll(async () => {
  qjs = await newQuickJSWASMModuleFromVariant(releaseSync)
})

function withContext<T>(fn: (ctx: QuickJSContext) => T): T {
  const rt = qjs.newRuntime()
  const ctx = rt.newContext()
  try {
    return fn(ctx)
  } finally {
    ctx.dispose()
    rt.dispose()
  }
}

const evalJson = (ctx: QuickJSContext, code: string): unknown => {
  const h = ctx.evalCode(`JSON.stringify(${code})`).unwrap()
  const s = ctx.getString(h)
  h.dispose()
  return JSON.parse(s)
}

const HOST = 'globalThis.__lf_host = { now() { return 0 }, compile() {}, flushLogs() {} }'
const OWN = 'Object.getOwnPropertyNames(globalThis)'

describe('the runtime bootstrap', () => {
  it('defines only its globals (and hides InternalError); its own variables stay private', () => {
    const { before, after, enumerable } = withContext((ctx) => {
      ctx.evalCode(HOST).unwrap().dispose()
      const before = evalJson(ctx, OWN) as string[]
      ctx.evalCode(BOOTSTRAP, BOOTSTRAP_FILENAME, { type: 'global' }).unwrap().dispose()
      return {
        before,
        after: evalJson(ctx, OWN) as string[],
        enumerable: evalJson(ctx, 'Object.keys(globalThis)') as string[],
      }
    })
    expect(after.filter((n) => !before.includes(n)).sort()).toEqual(
      [
        '__lf_rt',
        'clearImmediate',
        'clearInterval',
        'clearTimeout',
        'console',
        'performance',
        'queueMicrotask',
        'setImmediate',
        'setInterval',
        'setTimeout',
      ].sort(),
    )
    expect(before.filter((n) => !after.includes(n))).toEqual(before.includes('InternalError') ? ['InternalError'] : [])
    expect(enumerable).toEqual([
      '__lf_host',
      'performance',
      'setTimeout',
      'setInterval',
      'clearTimeout',
      'clearInterval',
      'setImmediate',
      'clearImmediate',
      'queueMicrotask',
    ])
  })

  it('leaves the host a frozen, hidden, deletable __lf_rt with one function per call of the protocol', () => {
    const rt = withContext((ctx) => {
      ctx.evalCode(HOST).unwrap().dispose()
      ctx.evalCode(BOOTSTRAP, BOOTSTRAP_FILENAME, { type: 'global' }).unwrap().dispose()
      return evalJson(
        ctx,
        `{ frozen: Object.isFrozen(__lf_rt), desc: (({ writable, enumerable, configurable }) => ({ writable, enumerable, configurable }))(Object.getOwnPropertyDescriptor(globalThis, '__lf_rt')), fns: Object.keys(__lf_rt).map((k) => k + ':' + typeof __lf_rt[k] + ':' + __lf_rt[k].name) }`,
      )
    })
    expect(rt).toEqual({
      frozen: true,
      // Configurable: the host deletes it once it holds its handles (sandbox/host-bridge.ts).
      desc: { writable: false, enumerable: false, configurable: true },
      fns: [
        'configure:function:configure',
        'io:function:deliverIo',
        'init:function:initPhase',
        'start:function:start',
        'step:function:step',
        'fire:function:fire',
        'cjsKeys:function:cjsKeys',
        'cjsGet:function:cjsGet',
        'builtinKeys:function:builtinKeys',
        'moduleError:function:moduleError',
        'rejected:function:rejected',
        'caught:function:caught',
        'builtin:function:builtin',
      ],
    })
  })

  it("keeps the runtime's function names and reports its frames as /var/runtime/index.mjs", () => {
    const out = withContext((ctx) => {
      ctx.evalCode(HOST).unwrap().dispose()
      ctx.evalCode(BOOTSTRAP, BOOTSTRAP_FILENAME, { type: 'global' }).unwrap().dispose()
      return evalJson(
        ctx,
        `(() => { const t = setTimeout(() => {}, 1); const i = setImmediate(() => {}); let stack = ''; try { setTimeout('x') } catch (e) { stack = e.stack } return { names: [t.ref.name, t.unref.name, i.ref.name, i.unref.name, i.hasRef.name, performance.now.name, Date.now.name, Date.name, console.log.name, t.constructor.name, i.constructor.name], stack, code: (() => { try { setTimeout(1) } catch (e) { return e.code + ' ' + e.name } })() } })()`,
      )
    }) as { names: string[]; stack: string; code: string }
    expect(out.names).toEqual([
      'ref',
      'unref',
      'ref',
      'unref',
      'hasRef',
      'now',
      'now',
      'Date',
      'log',
      'Timeout',
      'Immediate',
    ])
    expect(out.stack).toMatch(
      /^ {4}at checkCallback \(file:\/\/\/var\/runtime\/index\.mjs:\d+:\d+\)\n {4}at setTimeout /,
    )
    expect(out.code).toBe('ERR_INVALID_ARG_TYPE TypeError')
  })
})
