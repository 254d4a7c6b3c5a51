// Memory over many invokes: 10,000 warm invokes keep the heap flat (release build), and every
// path (success, errors, timers, timeouts, OOM, init errors, updates) frees all it allocates
// (debug build with QuickJS's leak checks).
import { TestQuickJSWASMModule, newQuickJSWASMModuleFromVariant, type QuickJSWASMModule } from 'quickjs-emscripten-core'
import debugVariant from '@jitl/quickjs-wasmfile-debug-sync'
import { describe, expect, it } from 'vitest'
import { createLambda } from '../index.ts'

const HANDLER = `let n = 0
export const handler = async (event, context) => {
  n++
  console.log('invoke', n, { id: context.awsRequestId })
  if (event.wait) await new Promise((r) => setTimeout(r, 1))
  if (event.fail) throw new Error('failing on purpose')
  if (event.spin) while (true) {}
  if (event.bomb) { const a = []; while (true) a.push('x'.repeat(1 << 16) + a.length) }
  if (event.big) { const a = []; for (let i = 0; i < 64; i++) a.push('x'.repeat(1 << 22) + i); return a.length }
  return { n, echo: event.i }
}`

describe('memory over many invokes', () => {
  it('10,000 warm invokes keep the QuickJS heap and the WebAssembly memory flat', async () => {
    const lambda = await createLambda({ prewarm: 0 })
    await lambda.createFunction({
      FunctionName: 'flat',
      Runtime: 'nodejs24.x',
      Handler: 'index.handler',
      MemorySize: 256,
      Code: { Files: { 'index.mjs': HANDLER } },
    })
    let heapAt100 = 0
    let errors = 0
    for (let i = 1; i <= 10_000; i++) {
      const event = { i, wait: i % 100 === 0, fail: i % 250 === 0 }
      const out = await lambda.invoke({
        FunctionName: 'flat',
        Payload: JSON.stringify(event),
        LogType: i % 10 === 0 ? 'Tail' : 'None',
      })
      if (out.FunctionError) errors++
      if (i === 100) heapAt100 = lambda.describeEnvironments('flat')[0].heapBytes
    }
    const envs = lambda.describeEnvironments('flat')
    expect(envs).toHaveLength(1) // one warm environment served all of them
    expect(envs[0].invocations).toBe(10_000)
    expect(errors).toBe(40)
    // No growth beyond noise, by QuickJS's own accounting.
    expect(envs[0].heapBytes - heapAt100).toBeLessThan(64 * 1024)
    expect(lambda.stats.faults).toBe(0)
    lambda.dispose()
  }, 60_000)

  it('every path frees what it allocates (debug build leak check)', async () => {
    const qjs = new TestQuickJSWASMModule(await newQuickJSWASMModuleFromVariant(debugVariant))
    const lambda = await createLambda({
      quickjs: qjs as unknown as QuickJSWASMModule,
      prewarm: 0,
      warmUp: false,
      // The debug build is slow: the budget must not end ordinary invokes on a loaded machine.
      wallClockCapMs: 60_000,
    })
    // The debug build runs many times slower than the release build: a generous Timeout for the
    // ordinary paths, and a separate function (Timeout 1) for the timeout path.
    await lambda.createFunction({
      FunctionName: 'paths',
      Runtime: 'nodejs24.x',
      Handler: 'index.handler',
      Timeout: 60,
      Code: { Files: { 'index.mjs': HANDLER } },
    })
    await lambda.createFunction({
      FunctionName: 'spinner',
      Runtime: 'nodejs24.x',
      Handler: 'index.handler',
      Timeout: 1,
      Code: { Files: { 'index.mjs': HANDLER } },
    })
    await lambda.createFunction({
      FunctionName: 'broken',
      Runtime: 'nodejs24.x',
      Handler: 'index.nope',
      Code: { Files: { 'index.js': 'require("./missing")' } },
    })
    const kinds: string[] = []
    for (let i = 0; i < 30; i++) {
      const event = { i, wait: i % 3 === 0, fail: i % 7 === 0, spin: i === 20 }
      const FunctionName = event.spin ? 'spinner' : 'paths'
      const out = await lambda.invoke({ FunctionName, Payload: JSON.stringify(event), LogType: 'Tail' })
      kinds.push(out.FunctionError ? JSON.parse(out.Payload).errorType : 'ok')
    }
    expect(kinds).toContain('Sandbox.Timedout')
    expect(kinds).toContain('Error')
    expect(kinds.filter((k) => k === 'ok').length).toBeGreaterThan(20)
    expect(JSON.parse((await lambda.invoke({ FunctionName: 'broken' })).Payload).errorType).toBe(
      'Runtime.ImportModuleError',
    )
    await lambda.updateFunctionCode({
      FunctionName: 'paths',
      Files: { 'index.js': 'exports.handler = async () => "v2"' },
    })
    expect((await lambda.invoke({ FunctionName: 'paths' })).Payload).toBe('"v2"')
    await lambda.clock.advance(60 * 60_000) // idle shutdown
    lambda.dispose()
    expect(lambda.stats.faults).toBe(0) // no runtime aborted on free (leaked handles would abort)
    expect(lambda.stats.sandboxesDisposed).toBe(lambda.stats.sandboxesCreated)
    expect(qjs.contexts.size).toBe(0)
    expect(qjs.getFFI().QTS_RecoverableLeakCheck()).toBe(0)
  }, 300_000) // the debug build is slow, and slower still on a loaded machine

  it('an out-of-memory runtime is dropped, not freed, and the engine carries on', async () => {
    // QuickJS may keep objects referenced after an allocation failure; freeing that runtime would
    // abort the WebAssembly module, so the engine abandons it (with a shared module, as here, the
    // module's memory is not reclaimed; with one module per environment it goes with it).
    const qjs = new TestQuickJSWASMModule(await newQuickJSWASMModuleFromVariant(debugVariant))
    const lambda = await createLambda({
      quickjs: qjs as unknown as QuickJSWASMModule,
      prewarm: 0,
      warmUp: false,
      wallClockCapMs: 60_000,
    })
    await lambda.createFunction({
      FunctionName: 'bomb',
      Runtime: 'nodejs24.x',
      Handler: 'index.handler',
      Timeout: 60,
      Code: { Files: { 'index.mjs': HANDLER } },
    })
    // 4 MB strings reach the limit in a few dozen steps: quick even in the (slow) debug build.
    const out = await lambda.invoke({ FunctionName: 'bomb', Payload: '{"big":true}' })
    expect(JSON.parse(out.Payload).errorType).toBe('Runtime.OutOfMemory')
    expect(lambda.stats.abandoned).toBe(1)
    const next = await lambda.invoke({ FunctionName: 'bomb', Payload: '{"i":1}' })
    expect(JSON.parse(next.Payload)).toEqual({ n: 1, echo: 1 })
    lambda.dispose()
    expect(lambda.stats.faults).toBe(0)
  }, 300_000)
})
