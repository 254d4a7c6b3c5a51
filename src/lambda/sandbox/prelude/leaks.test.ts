// The harness (and the prelude protocol it demonstrates) frees every QuickJS handle: checked with
// the debug build, which tracks allocations.
import { describe, expect, it } from 'vitest'
import { TestQuickJSWASMModule, newQuickJSWASMModuleFromVariant } from 'quickjs-emscripten-core'
import debugSync from '@jitl/quickjs-wasmfile-debug-sync'
import { PreludeSandbox } from './testing.ts'

describe('handles', () => {
  it('leaves nothing allocated after loading lazy modules through every host function', async () => {
    const qjs = new TestQuickJSWASMModule(await newQuickJSWASMModuleFromVariant(debugSync))
    const sb = await PreludeSandbox.create({ module: qjs, taskFiles: { 'index.js': 'x' } })
    const out = sb.eval<string>(`(() => {
      __lf.builtin('fs').writeFileSync('/tmp/a', 'b')
      return __lf.format('%s %O', 'x', { p: Promise.resolve(1), b: Buffer.from('hi'), id: crypto.randomUUID().length })
    })()`)
    expect(out).toContain('id: 36')
    await sb.evalAsync(`__lf.builtin('fs/promises').readFile('/tmp/a', 'utf8')`)
    sb.dispose()
    qjs.disposeAll()
    qjs.assertNoMemoryAllocated()
  }, 60_000)
})
