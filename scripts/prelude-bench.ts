// Measures the in-sandbox Node compatibility prelude (prints figures; asserts nothing):
//   npx tsx scripts/prelude-bench.ts
// - PRELUDE_CORE evaluation in a fresh context, next to an empty context and a 10 KB reference
//   script (QuickJS compile speed varies a lot with machine load: compare against the reference);
// - first use of Buffer / inspect / fs / URL ... in a fresh context: total, and the part spent
//   compiling the lazy module (the engine does not bill that part);
// - steady-state __lf.format for strings and objects.
import type { QuickJSWASMModule } from 'quickjs-emscripten-core'
import { PreludeSandbox, getQuickJS } from '../src/lambda/sandbox/prelude/testing.ts'
import { PRELUDE_CORE, PRELUDE_LAZY } from '../src/lambda/sandbox/prelude/generated.ts'

const stats = (xs: number[]): { min: number; median: number } => {
  const s = [...xs].sort((a, b) => a - b)
  return { min: s[0] ?? NaN, median: s[Math.floor(s.length / 2)] ?? NaN }
}
const us = (ms: number): string => `${(ms * 1000).toFixed(0).padStart(6)} µs`
const line = (label: string, xs: number[]): void => {
  const { min, median } = stats(xs)
  console.log(`${label.padEnd(34)} median ${us(median)}   min ${us(min)}`)
}

function evalInFreshContext(qjs: QuickJSWASMModule, code: string, withHost: boolean): number {
  const rt = qjs.newRuntime()
  const ctx = rt.newContext()
  if (withHost) {
    const host = ctx.newObject()
    const noop = ctx.newFunction('noop', () => ctx.undefined)
    ctx.setProp(host, 'loadBuiltin', noop)
    ctx.setProp(host, 'randomBytes', noop)
    ctx.setProp(ctx.global, '__lf_host', host)
    noop.dispose()
    host.dispose()
  }
  const t = performance.now()
  const r = ctx.evalCode(code, 'node:internal/prelude')
  const elapsed = performance.now() - t
  if (r.error) {
    const err = ctx.dump(r.error) as unknown
    r.error.dispose()
    throw new Error(JSON.stringify(err))
  }
  r.value.dispose()
  ctx.dispose()
  rt.dispose()
  return elapsed
}

async function main(): Promise<void> {
  const qjs = await getQuickJS()
  const N = 300
  for (let i = 0; i < 20; i++) (await PreludeSandbox.create()).dispose() // warm up

  const reference = 'var a=1;'.repeat(1280)
  const core: number[] = []
  const empty: number[] = []
  const ref: number[] = []
  const context: number[] = []
  for (let i = 0; i < N; i++) {
    core.push(evalInFreshContext(qjs, PRELUDE_CORE, true))
    empty.push(evalInFreshContext(qjs, '1', false))
    ref.push(evalInFreshContext(qjs, reference, false))
    const t = performance.now()
    qjs.newRuntime().dispose()
    context.push(performance.now() - t)
  }
  console.log(
    `PRELUDE_CORE: ${(PRELUDE_CORE.length / 1024).toFixed(1)} KiB; lazy modules: ${Object.keys(PRELUDE_LAZY).length}, ${(Object.values(PRELUDE_LAZY).reduce((n, s) => n + s.length, 0) / 1024).toFixed(0)} KiB`,
  )
  line('new runtime (+dispose)', context)
  line("eval '1' in a fresh context", empty)
  line('eval 10 KB reference script', ref)
  line('eval PRELUDE_CORE', core)

  const firstUse: Record<string, string> = {
    "format('a', 1) (core only)": `__lf.format('a', 1)`,
    "format('%s=%d', ...)": `__lf.format('%s=%d', 'a', 1)`,
    'format({ a: 1 }) (inspector)': `__lf.format({ a: 1, b: [1, 2] })`,
    'process.env.X': `process.env.X`,
    "Buffer.from('hello')": `Buffer.from('hello').toString('base64')`,
    'fs write+read /tmp': `__lf.builtin('fs').writeFileSync('/tmp/x', 'y'); __lf.builtin('fs').readFileSync('/tmp/x', 'utf8')`,
    'new URL()': `new URL('https://example.com/a?b=1').searchParams.get('b')`,
    'crypto.randomUUID()': `crypto.randomUUID()`,
    "createHash('sha256')": `__lf.builtin('crypto').createHash('sha256').update('x').digest('hex')`,
    TextEncoder: `new TextEncoder().encode('x').length`,
    structuredClone: `structuredClone({ a: [1] }).a[0]`,
    events: `new (__lf.builtin('events'))().emit('x')`,
    'path.join': `__lf.builtin('path').join('/a', 'b')`,
  }
  console.log('\nfirst use in a fresh environment (total / of which compiling lazy modules):')
  for (const [name, code] of Object.entries(firstUse)) {
    const total: number[] = []
    const compile: number[] = []
    for (let i = 0; i < 30; i++) {
      const sb = await PreludeSandbox.create()
      const t = performance.now()
      sb.eval(code)
      total.push(performance.now() - t)
      compile.push(sb.loadMs)
      sb.dispose()
    }
    console.log(`  ${name.padEnd(32)} median ${us(stats(total).median)}  compile ${us(stats(compile).median)}`)
  }

  const sb = await PreludeSandbox.create()
  sb.eval(`__lf.format({ warm: true })`)
  const steady = (code: string): number[] => {
    const times: number[] = []
    for (let i = 0; i < 300; i++) {
      const t = performance.now()
      sb.eval(code)
      times.push(performance.now() - t)
    }
    return times
  }
  console.log('\nsteady state (warm environment, includes one eval round trip):')
  line("  eval '1' (floor)", steady('1'))
  line("  format('a', 'b', 1)", steady(`__lf.format('a', 'b', 1)`))
  line("  format('%s %d', 'a', 1)", steady(`__lf.format('%s %d', 'a', 1)`))
  line('  format small object', steady(`__lf.format('x', { a: 1, b: 'two', c: [3] })`))
  sb.dispose()
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
