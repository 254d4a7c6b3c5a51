// The "hostile invokes" section of npm run bench: the real time each attack of issue 10 holds the
// thread (the worst of a few runs), against a same-run baseline (a trivial cold invoke), with the
// engine's default real-time budget.
import { createLambda } from '../../src/lambda/index.ts'
import { ATTACKS } from './attacks.mjs'

export { ATTACKS }

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
