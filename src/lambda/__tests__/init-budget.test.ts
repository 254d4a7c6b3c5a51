// The Init of a function that loads the AWS SDK has a real-time budget of its own beside the
// handler's (Lambda's Init limit is separate from the function's Timeout too): importing the SDK is
// legitimate Init work that can take longer than the handler's cap in a slow browser. Any other
// function's Init keeps the handler's cap, and a module that never finishes still releases the
// thread, as an Init timeout.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Lambda } from '../index.ts'
import { call, deploy, newLambda } from './helpers.ts'

const HANDLER_CAP_MS = 150
const INIT_CAP_MS = 3000

let lambda: Lambda
beforeAll(async () => {
  lambda = await newLambda({ wallClockCapMs: HANDLER_CAP_MS, initWallClockCapMs: INIT_CAP_MS })
})
afterAll(() => lambda.dispose())

describe('the Init phase has its own real-time budget', () => {
  it('a module that loads the SDK and never finishes holds the thread for the Init budget, then Init times out', async () => {
    const fn = await deploy(lambda, "import '@aws-sdk/client-sts'\nfor (;;) {}\nexport const handler = async () => 1")
    const t0 = performance.now()
    const out = await call(lambda, fn)
    const ms = performance.now() - t0
    // More than the handler's cap (Init had its own budget), and finite.
    expect(ms).toBeGreaterThanOrEqual(INIT_CAP_MS)
    expect(ms).toBeLessThan(30_000)
    expect(out.FunctionError).toBe('Unhandled')
    const logs = out.log.join('\n')
    expect(logs).toMatch(/INIT_REPORT Init Duration: [\d.]+ ms\tPhase: init\tStatus: timeout/)
  })

  it("a module that loads no SDK has the handler's cap for its Init", async () => {
    const fn = await deploy(lambda, 'for (;;) {}\nexport const handler = async () => 1')
    const t0 = performance.now()
    const out = await call(lambda, fn)
    expect(performance.now() - t0).toBeLessThan(INIT_CAP_MS)
    expect(out.log.join('\n')).toMatch(/INIT_REPORT Init Duration: [\d.]+ ms\tPhase: init\tStatus: timeout/)
  })

  it("the handler's own budget is unchanged: a busy handler is a timeout after its cap", async () => {
    const fn = await deploy(lambda, 'export const handler = async () => { for (;;) {} }', { Timeout: 5 })
    const out = await call(lambda, fn)
    expect(out.json).toEqual({
      errorType: 'Sandbox.Timedout',
      errorMessage: `RequestId: ${out.$metadata.requestId} Error: Task timed out after 5.00 seconds`,
    })
  })

  it('a cap for Init below the handler’s is raised to it', async () => {
    const small = await newLambda({ wallClockCapMs: 400, initWallClockCapMs: 100 })
    try {
      const fn = await deploy(small, "import '@aws-sdk/client-sts'\nfor (;;) {}\nexport const handler = async () => 1")
      const t0 = performance.now()
      await call(small, fn)
      expect(performance.now() - t0).toBeGreaterThanOrEqual(400)
    } finally {
      small.dispose()
    }
  })
})
