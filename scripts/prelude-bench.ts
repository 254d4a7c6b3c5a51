// Measures the in-sandbox Node compatibility prelude (figures only, no assertions):
//   npx tsx scripts/prelude-bench.ts
// - PRELUDE_CORE evaluation in a fresh context (median µs), against an empty context;
// - first use of Buffer / inspect / fs / URL in a fresh context (lazy module load + call);
// - steady-state __lf.format for strings and objects.
import { PreludeSandbox, getQuickJS } from '../src/lambda/sandbox/prelude/testing.ts'
import { PRELUDE_CORE, PRELUDE_LAZY } from '../src/lambda/sandbox/prelude/generated.ts'

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)] ?? NaN
}

function us(ms: number): string {
  return `${(ms * 1000).toFixed(0)} µs`
}

async function main(): Promise<void> {
  const qjs = await getQuickJS()
  const N = 300

  // Warm the WASM module.
  for (let i = 0; i < 20; i++) (await PreludeSandbox.create()).dispose()

  const ctxOnly: number[] = []
  const coreEval: number[] = []
  for (let i = 0; i < N; i++) {
    const rt = qjs.newRuntime()
    let t = performance.now()
    const ctx = rt.newContext()
    ctxOnly.push(performance.now() - t)
    const host = ctx.newObject()
    const noop = ctx.newFunction('noop', () => ctx.undefined)
    ctx.setProp(host, 'loadBuiltin', noop)
    ctx.setProp(host, 'randomBytes', noop)
    ctx.setProp(ctx.global, '__lf_host', host)
    noop.dispose()
    host.dispose()
    t = performance.now()
    const r = ctx.evalCode(PRELUDE_CORE, 'node:internal/prelude')
    coreEval.push(performance.now() - t)
    if (r.error) throw new Error(JSON.stringify(ctx.dump(r.error)))
    r.value.dispose()
    ctx.dispose()
    rt.dispose()
  }
  console.log(`PRELUDE_CORE size            ${(PRELUDE_CORE.length / 1024).toFixed(1)} KiB`)
  console.log(`new runtime+context          median ${us(median(ctxOnly))}`)
  console.log(`PRELUDE_CORE eval            median ${us(median(coreEval))}  (target well under 500 µs)`)

  const firstUse: Record<string, string> = {
    'format(strings)': `__lf.format('%s=%d', 'a', 1)`,
    'inspect (first object)': `__lf.format({ a: 1, b: [1, 2] })`,
    'Buffer.from': `Buffer.from('hello').toString('base64')`,
    'fs write+read /tmp': `__lf.builtin('fs').writeFileSync('/tmp/x', 'y'); __lf.builtin('fs').readFileSync('/tmp/x', 'utf8')`,
    'URL': `new URL('https://example.com/a?b=1').searchParams.get('b')`,
    'crypto.randomUUID': `crypto.randomUUID()`,
    'createHash sha256': `__lf.builtin('crypto').createHash('sha256').update('x').digest('hex')`,
    'TextEncoder': `new TextEncoder().encode('x').length`,
    'structuredClone': `structuredClone({ a: [1] }).a[0]`,
    'events': `new (__lf.builtin('events'))().emit('x')`,
    'path.join': `__lf.builtin('path').join('/a', 'b')`,
  }
  for (const [name, code] of Object.entries(firstUse)) {
    const times: number[] = []
    for (let i = 0; i < 40; i++) {
      const sb = await PreludeSandbox.create()
      const t = performance.now()
      sb.eval(code)
      times.push(performance.now() - t)
      sb.dispose()
    }
    console.log(`first use: ${name.padEnd(24)} median ${us(median(times))}`)
  }

  const sb = await PreludeSandbox.create()
  sb.eval(`__lf.format({ warm: true })`)
  const steady = (code: string): string => {
    const times: number[] = []
    for (let i = 0; i < 200; i++) {
      const t = performance.now()
      sb.eval(code)
      times.push(performance.now() - t)
    }
    return us(median(times))
  }
  console.log(`steady: format 3 strings      median ${steady(`__lf.format('%s %s', 'a', 'b', 'c')`)}`)
  console.log(`steady: format small object   median ${steady(`__lf.format('x', { a: 1, b: 'two', c: [3] })`)}`)
  console.log(`steady: eval '1' (floor)      median ${steady('1')}`)
  sb.dispose()
  console.log(`lazy modules: ${Object.keys(PRELUDE_LAZY).length}, total ${(Object.values(PRELUDE_LAZY).reduce((n, s) => n + s.length, 0) / 1024).toFixed(1)} KiB`)
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
