// The "hostile invokes" section of npm run bench: the real time each attack of issue 10 holds the
// thread (the worst of a few runs), against a same-run baseline (a trivial cold invoke), with the
// engine's default real-time budget.
import { createLambda } from '../../src/lambda/index.ts'

interface Attack {
  label: string
  source: string
  config?: { MemorySize?: number; Timeout?: number }
  payload?: string
}

export const ATTACKS: Attack[] = [
  { label: 'baseline: trivial handler, cold', source: 'export const handler = async () => 1' },
  {
    label: 'setImmediate loop (1,024 MB, Timeout 10)',
    source: 'export const handler = async () => { const f = () => setImmediate(f); f(); await new Promise(() => {}) }',
    config: { MemorySize: 1024, Timeout: 10 },
  },
  {
    label: 'setInterval(…, 0) (1,769 MB, Timeout 60)',
    source: 'export const handler = async () => { setInterval(() => {}, 0); await new Promise(() => {}) }',
    config: { MemorySize: 1769, Timeout: 60 },
  },
  {
    label: '20 MB log lines forever (1,024 MB, Timeout 3)',
    source: "export const handler = async () => { const s = 'x'.repeat(2e7); for (;;) console.log(s) }",
    config: { MemorySize: 1024, Timeout: 3 },
  },
  {
    label: '1 MB log lines forever (128 MB, Timeout 3)',
    source: "export const handler = async () => { const s = 'x'.repeat(1e6); for (;;) console.log(s) }",
    config: { Timeout: 3 },
  },
  {
    label: 'busy loop (128 MB, Timeout 900)',
    source: 'export const handler = async () => { for (;;) {} }',
    config: { Timeout: 900 },
  },
  {
    label: '100,000-deep result',
    source: 'export const handler = async () => { let a = []; for (let i = 0; i < 100000; i++) a = [a]; return a }',
  },
  {
    label: '10,000-deep payload',
    source: 'export const handler = async () => 1',
    payload: '['.repeat(10_000) + ']'.repeat(10_000),
  },
  {
    label: 'JSON.parse of a 10,000-deep text in the handler',
    source: "export const handler = async () => JSON.parse('['.repeat(10000) + ']'.repeat(10000)).length",
  },
  {
    label: 'JSON.stringify of a 10,000-deep value in the handler',
    source:
      'export const handler = async () => { let a = []; for (let i = 0; i < 10000; i++) a = [a]; return JSON.stringify(a) }',
  },
  {
    label: 'out of memory in console.log (128 MB)',
    source: "export const handler = async () => { let s = 'x'; for (let i = 0; i < 27; i++) s += s; console.log(s) }",
  },
  {
    label: '20 MB error message (1,024 MB)',
    source: "export const handler = async () => { throw new Error('x'.repeat(2e7)) }",
    config: { MemorySize: 1024 },
  },
]

/** Worst real time per attack (ms) over `runs` cold invokes each, and the outcome's error type. */
export async function hostileInvokes(runs = 3): Promise<{ label: string; worstMs: number; result: string }[]> {
  const lambda = await createLambda({ prewarm: 0 })
  const out: { label: string; worstMs: number; result: string }[] = []
  let n = 0
  for (const a of ATTACKS) {
    let worst = 0
    let result = ''
    for (let r = 0; r < runs; r++) {
      const name = `hostile-${++n}`
      await lambda.createFunction({
        FunctionName: name,
        Runtime: 'nodejs24.x',
        Handler: 'index.handler',
        Code: { Files: { 'index.mjs': a.source } },
        ...a.config,
      })
      const t0 = performance.now()
      const res = await lambda.invoke({ FunctionName: name, Payload: a.payload ?? '{}', LogType: 'Tail' })
      worst = Math.max(worst, performance.now() - t0)
      result = res.FunctionError ? (JSON.parse(res.Payload) as { errorType: string }).errorType : 'ok'
      await lambda.deleteFunction({ FunctionName: name })
    }
    out.push({ label: a.label, worstMs: worst, result })
  }
  lambda.dispose()
  return out
}
