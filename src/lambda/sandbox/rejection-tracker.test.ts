// The rejection tracker's two halves: the .wasm patch (wasm-patch.ts) and QuickJS's own tracker hook
// installed through it (rejection-tracker.ts). The engine-level behaviour, compared with Node, is in
// src/lambda/__tests__/rejections.test.ts.
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import variant from '@jitl/quickjs-wasmfile-release-sync'
import type { QuickJSContext, QuickJSWASMModule } from 'quickjs-emscripten-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { compileTrackable, instantiateTracked, rejectionTrackingOf } from './rejection-tracker.ts'
import { TABLE_EXPORT, exportFunctionTable, wasmFunction } from './wasm-patch.ts'

let bytes: Uint8Array
beforeAll(async () => {
  bytes = await readFile(createRequire(import.meta.url).resolve('@jitl/quickjs-wasmfile-release-sync/wasm'))
})

describe('exportFunctionTable', () => {
  it('adds one export for the function table and leaves the rest of the module as it was', () => {
    const out = exportFunctionTable(bytes)
    expect(WebAssembly.validate(out as Uint8Array<ArrayBuffer>)).toBe(true)
    const before = WebAssembly.Module.exports(new WebAssembly.Module(bytes as Uint8Array<ArrayBuffer>))
    const after = WebAssembly.Module.exports(new WebAssembly.Module(out as Uint8Array<ArrayBuffer>))
    expect(after).toEqual([...before, { name: TABLE_EXPORT, kind: 'table' }])
    expect(out.length - bytes.length).toBeLessThan(16)
  })

  it('refuses what is not a module, or a module without a table of its own', () => {
    expect(() => exportFunctionTable(new TextEncoder().encode('not wasm at all'))).toThrow(/not a WebAssembly module/)
    const empty = Uint8Array.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0])
    expect(() => exportFunctionTable(empty)).toThrow(/no table or export section/)
    const cut = bytes.slice(0, 5000)
    expect(() => exportFunctionTable(cut)).toThrow(/past the end/)
  })
})

describe('wasmFunction', () => {
  it('wraps a JavaScript function as a WebAssembly function a table can hold (i64 as BigInt)', () => {
    const seen: unknown[] = []
    const f = wasmFunction((a: number, b: bigint) => void seen.push(a, b), ['i32', 'i64'])
    const table = new WebAssembly.Table({ element: 'anyfunc', initial: 1 })
    table.set(0, f as never)
    ;(table.get(0) as (a: number, b: bigint) => void)(7, 2n ** 40n)
    expect(seen).toEqual([7, 2n ** 40n])
  })
})

describe('QuickJS rejection tracking', () => {
  let qjs: QuickJSWASMModule
  beforeAll(async () => {
    qjs = await instantiateTracked(variant, await compileTrackable(bytes))
  })

  function withRuntime<T>(fn: (ctx: QuickJSContext, take: () => unknown) => T): T {
    const rt = qjs.newRuntime()
    const tracker = rejectionTrackingOf(qjs)!.install(rt)
    const ctx = rt.newContext()
    const take = () => {
      rt.executePendingJobs().unwrap()
      const u = tracker.take(ctx)
      if (!u) return undefined
      const reason = ctx.dump(u.reason)
      u.reason.dispose()
      u.promise.dispose()
      return reason
    }
    try {
      return fn(ctx, take)
    } finally {
      tracker.dispose()
      ctx.dispose()
      rt.dispose() // QuickJS asserts that every object was freed: the references balance
    }
  }
  const run = (ctx: QuickJSContext, code: string) => ctx.evalCode(code).unwrap().dispose()

  it('finds the tracker field by probing JSRuntime', () => {
    const t = rejectionTrackingOf(qjs)
    expect(t).toBeDefined()
    expect(t!.offset % 4).toBe(0)
  })

  it('reports what is still unhandled after a drain, first rejection first, and nothing handled', () => {
    withRuntime((ctx, take) => {
      run(ctx, `Promise.reject(1)`)
      expect(take()).toBe(1)
      run(ctx, `const p = Promise.reject(2); Promise.resolve().then(() => p.catch(() => {}))`)
      expect(take()).toBeUndefined()
      run(ctx, `(async () => { try { await Promise.reject(3) } catch {} })()`)
      expect(take()).toBeUndefined()
      run(ctx, `Promise.reject('first'); Promise.reject('second')`)
      expect(take()).toBe('first')
      expect(take()).toBeUndefined()
      run(ctx, `(async () => { await null; throw new Error('later') })()`)
      expect(take()).toMatchObject({ message: 'later' })
    })
  })

  it("a module's top-level throw is not a rejection of its own (QuickJS's internal promise)", () => {
    const rt = qjs.newRuntime()
    const tracker = rejectionTrackingOf(qjs)!.install(rt)
    rt.setModuleLoader((name) => (name === 'bad.mjs' ? 'throw new Error("bad")' : 'import "bad.mjs"'))
    const ctx = rt.newContext()
    try {
      for (const code of [
        `import('bad.mjs').catch(() => {})`,
        `import('imports-bad.mjs').catch(() => {})`,
        `const e = new Error('same'); Promise.reject(e); Promise.reject(new Error('other')).catch(() => {})`,
      ]) {
        ctx.evalCode(code, 'main.mjs', { type: 'global' }).unwrap().dispose()
        rt.executePendingJobs().unwrap()
        const u = tracker.take(ctx)
        const got = u && ctx.dump(u.reason)
        u?.reason.dispose()
        u?.promise.dispose()
        if (code.includes('same')) expect(got).toMatchObject({ message: 'same' })
        else expect(got).toBeUndefined()
      }
    } finally {
      tracker.dispose()
      ctx.dispose()
      rt.dispose()
    }
  })

  it('a runtime of its own: two runtimes do not see each other', () => {
    withRuntime((a, takeA) =>
      withRuntime((b, takeB) => {
        run(a, `Promise.reject('a')`)
        run(b, `Promise.reject('b')`)
        expect(takeB()).toBe('b')
        expect(takeA()).toBe('a')
      }),
    )
  })

  it('fails closed: a module whose table is not exported still works, untracked, and says why', async () => {
    const why: string[] = []
    const plain = await instantiateTracked(
      variant,
      await WebAssembly.compile(bytes as Uint8Array<ArrayBuffer>),
      (w) => void why.push(w),
    )
    expect(rejectionTrackingOf(plain)).toBeUndefined()
    expect(why).toEqual(['the function table is not exported'])
    expect(plain.evalCode('6 * 7')).toBe(42)
  })
})
