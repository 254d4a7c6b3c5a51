// The check runner: results per check, failure and crash messages, bounded hangs, clean-up,
// isolation between checks, probes, Event invokes, and the Worker client as the engine.
import { MessageChannel } from 'node:worker_threads'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createLambda, type Lambda } from '../../lambda/index.ts'
import { LambdaClient, type WorkerLike } from '../../worker/client.ts'
import { serveLambda, type HostHandle } from '../../worker/host.ts'
import type { Endpoint } from '../../worker/protocol.ts'
import { invokeStatus } from '../logs.ts'
import { runLabChecks } from '../runner.ts'
import type { LabCheck, LabDefinition, LabEngine } from '../types.ts'
import { ECHO, lab } from './runner-fixtures.ts'

let lambda: Lambda
beforeAll(async () => {
  lambda = await createLambda({ wallClockCapMs: 400, prewarm: 0 })
})
afterAll(() => lambda.dispose())

async function functionNames(engine: Lambda = lambda): Promise<string[]> {
  return (await engine.listFunctions()).Functions.map((f) => f.FunctionName)
}

describe('runLabChecks', () => {
  it('the engine and the Worker client both fit LabEngine', () => {
    const a: LabEngine = lambda
    const b = (c: LambdaClient): LabEngine => c
    expect(a).toBeTruthy()
    expect(b).toBeTypeOf('function')
  })

  it('passes a lab whose checks pass, gives each check a fresh function and deletes them all', async () => {
    const seen: string[] = []
    const out = await runLabChecks(
      lab([
        {
          name: 'echoes the event',
          async run(t) {
            seen.push(t.functionName)
            const r = await t.invoke(t.event('One'))
            t.expect.succeeded(r, 'it got the One event')
            t.expect.equal(r.payload, { echo: { n: 1 }, left: true }, 'should echo')
            t.expect.ok(r.coldStart, 'first invoke is cold')
            t.expect.ok(
              r.logs.some((l) => l.includes('got {"n":1}')),
              'logs the event',
            )
            const again = await t.invoke({ n: 2 })
            t.expect.ok(!again.coldStart && again.environmentId === r.environmentId, 'second invoke is warm')
          },
        },
        {
          name: 'starts cold again: checks are isolated',
          async run(t) {
            seen.push(t.functionName)
            const r = await t.invoke({})
            t.expect.ok(r.coldStart, 'a new check starts on a new function', `coldStart=${r.coldStart}`)
            const logs = await t.parsedLogs()
            t.expect.equal(logs.filter((l) => l.message.startsWith('START')).length, 1, 'one START line')
          },
        },
      ]),
      { 'index.mjs': ECHO },
      lambda,
    )
    expect(out.results.map((r) => [r.name, r.pass, r.outcome, r.message])).toEqual([
      ['echoes the event', true, 'passed', ''],
      ['starts cold again: checks are isolated', true, 'passed', ''],
    ])
    expect(out.pass).toBe(true)
    // Every check's function has the learner's own function's name (default: the playground's).
    expect(seen).toEqual(['lab-test-lab', 'lab-test-lab'])
    const names = await functionNames()
    for (const n of seen) expect(names).not.toContain(n)
  })

  it('reports a failed check with its message and detail, and still runs the others', async () => {
    const out = await runLabChecks(
      lab([
        {
          name: 'wants 404',
          async run(t) {
            const r = await t.invoke({ statusCode: 200 })
            t.expect.equal(
              (r.payload as { echo: { statusCode: number } }).echo.statusCode,
              404,
              'Return 404 when the product does not exist.',
            )
          },
        },
        {
          name: 'succeeds with a bad order',
          async run(t) {
            t.expect.succeeded(await t.invoke({ fail: 'quantity' }), 'it got a bad order')
          },
        },
        { name: 'passes', run: () => {} },
      ]),
      { 'index.mjs': ECHO },
      lambda,
    )
    expect(out.pass).toBe(false)
    const [a, b, c] = out.results
    expect(a).toMatchObject({
      pass: false,
      outcome: 'failed',
      message: 'Return 404 when the product does not exist.',
      detail: 'Expected 404, got 200.',
    })
    expect(b.outcome).toBe('failed')
    expect(b.message).toMatch(/^Your function failed when it got a bad order, instead of returning a response/)
    expect(b.detail).toMatch(/^OrderError: bad quantity \(at Runtime\.handler \(index\.mjs:3:\d+\)\)$/)
    expect(c).toMatchObject({ pass: true, outcome: 'passed' })
  })

  it('reports a check that crashes (not a CheckFailed) as "the check itself crashed", naming the error', async () => {
    const out = await runLabChecks(
      lab([
        {
          name: 'reads a missing field',
          async run(t) {
            const r = await t.invoke({})
            ;(r.payload as { nope: { deeper: number } }).nope.deeper.toFixed()
          },
        },
        { name: 'next', run: () => {} },
      ]),
      { 'index.mjs': ECHO },
      lambda,
    )
    expect(out.results[0].outcome).toBe('crashed')
    expect(out.results[0].message).toMatch(
      /^The check itself crashed \(TypeError: Cannot read properties of undefined \(reading 'deeper'\)\)\./,
    )
    expect(out.results[1].pass).toBe(true)
  })

  it('bounds hanging handlers (busy loop, sleep past the timeout, a promise that never settles) by the engine', async () => {
    const hang = `export const handler = async (event) => {
  if (event.mode === 'busy') { for (;;) {} }
  if (event.mode === 'sleep') await new Promise((r) => setTimeout(r, 60_000))
  if (event.mode === 'never') await new Promise(() => {})
  return 'done'
}`
    const t0 = Date.now()
    const out = await runLabChecks(
      lab(
        ['busy', 'sleep', 'never'].map((mode) => ({
          name: mode,
          async run(t) {
            t.expect.succeeded(await t.invoke({ mode }), `it ran in ${mode} mode`)
          },
        })),
        { function: { Handler: 'index.handler', Runtime: 'nodejs22.x', Timeout: 2 } },
      ),
      { 'index.mjs': hang },
      lambda,
    )
    expect(Date.now() - t0).toBeLessThan(8000)
    const [busy, sleep, never] = out.results
    expect(busy.message).toMatch(
      /^Your function timed out when it ran in busy mode: Lambda stopped it after its 2\.00 second timeout/,
    )
    expect(busy.detail).toBe('Task timed out after 2.00 seconds')
    expect(sleep.message).toMatch(/timed out when it ran in sleep mode/)
    expect(never.message).toMatch(/^Your function failed when it ran in never mode/)
    expect(never.detail).toMatch(/^Runtime\.NodeJsExit: /)
  })

  it('caps a check that never finishes by wall-clock time, cleans up and goes on', async () => {
    let name = ''
    const out = await runLabChecks(
      lab([
        {
          name: 'waits forever',
          async run(t) {
            name = t.functionName
            await t.invoke({})
            await new Promise(() => {})
          },
        },
        { name: 'runs after', run: () => {} },
      ]),
      { 'index.mjs': ECHO },
      lambda,
      { checkTimeoutMs: 300 },
    )
    expect(out.results[0]).toMatchObject({ pass: false, outcome: 'timeout' })
    expect(out.results[0].message).toBe(
      'This check did not finish within 300 ms of real time, so it was stopped. If your code loops or waits forever, fix that and run the checks again.',
    )
    expect(out.results[0].wallMs).toBeGreaterThanOrEqual(290)
    expect(out.results[1].pass).toBe(true)
    expect(await functionNames()).not.toContain(name)
  })

  it('a probe function from t.deploy sees the learner files plus its own, and is deleted too', async () => {
    const names: string[] = []
    const out = await runLabChecks(
      lab([
        {
          name: 'probe',
          async run(t) {
            const probe = await t.deploy({
              files: {
                'probe.mjs': `import { handler as h } from './index.mjs'\nexport const handler = async () => ({ inner: await h({ x: 1 }, { getRemainingTimeInMillis: () => 5 }), env: process.env.MODE })`,
              },
              config: { Handler: 'probe.handler', Environment: { Variables: { MODE: 'probe' } } },
            })
            names.push(t.functionName, probe.functionName)
            const r = await probe.invoke()
            t.expect.equal(r.payload, { inner: { echo: { x: 1 }, left: true }, env: 'probe' }, 'probe sees the module')
          },
        },
      ]),
      { 'index.mjs': ECHO },
      lambda,
    )
    expect(out.results[0]).toMatchObject({ pass: true })
    expect(names[1]).toBe(`${names[0]}-p1`)
    const left = await functionNames()
    for (const n of names) expect(left).not.toContain(n)
  })

  it('Event invokes return 202 with no payload; settle() lets them run; their logs show up', async () => {
    const out = await runLabChecks(
      lab([
        {
          name: 'async',
          async run(t) {
            const r = await t.invoke({ fail: 'async' }, { InvocationType: 'Event' })
            t.expect.equal(
              [r.statusCode, r.payload, r.rawPayload, r.functionError, r.logs, r.logLines],
              [202, undefined, '', undefined, [], []],
              'Event',
            )
            await t.settle()
            const lines = await t.parsedLogs()
            const err = lines.find((l) => l.message.startsWith('Invoke Error'))
            t.expect.ok(
              err && err.source === 'app' && err.level === 'ERROR' && err.message.includes('"errorType":"OrderError"'),
              'the async error is logged',
              JSON.stringify(lines),
            )
            t.expect.equal(invokeStatus(lines, r.requestId), 'error', 'the REPORT says error')
            t.expect.ok(
              lines.some((l) => l.source === 'app' && l.message === 'got {"fail":"async"}' && l.level === 'INFO'),
              'app line parsed',
            )
            t.expect.ok(
              lines.some(
                (l) => l.source === 'platform' && l.message.startsWith('REPORT') && l.requestId === r.requestId,
              ),
              'REPORT with the request id',
            )
          },
        },
      ]),
      { 'index.mjs': ECHO },
      lambda,
    )
    expect(out.results[0]).toMatchObject({ pass: true, message: '' })
  })

  it('updateConfiguration and environments() act on the check function', async () => {
    const out = await runLabChecks(
      lab([
        {
          name: 'config',
          async run(t) {
            await t.invoke({})
            t.expect.equal((await t.environments()).length, 1, 'one environment')
            await t.updateConfiguration({ Environment: { Variables: { AB: 'c' } } })
            t.expect.equal((await t.environments()).length, 0, 'idle environment replaced')
            await t.advance(1000)
          },
        },
      ]),
      { 'index.mjs': ECHO },
      lambda,
    )
    expect(out.results[0]).toMatchObject({ pass: true, message: '' })
  })

  it('when the function cannot be created from the files, each check says so, with the service error', async () => {
    const out = await runLabChecks(
      lab([
        { name: 'a', run: () => {} },
        { name: 'b', run: () => {} },
      ]),
      { 'index.mjs': 42 } as unknown as Record<string, string>,
      lambda,
    )
    expect(out.pass).toBe(false)
    for (const r of out.results) {
      expect(r.outcome).toBe('failed')
      expect(r.message).toBe(
        'The simulator could not create your function from these files, so this check could not run.',
      )
      expect(r.detail).toBe('InvalidParameterValueException: Code file index.mjs must be text.')
    }
  })

  it('an AWS exception from a request the check made counts as the check crashing; a ServiceException (Worker restarted) says to run again', async () => {
    const flaky: LabEngine = Object.assign(Object.create(lambda) as Lambda, {
      invoke: async () => {
        throw Object.assign(new Error('The simulated Lambda service stopped responding and was restarted.'), {
          name: 'ServiceException',
        })
      },
    })
    const checks: LabCheck[] = [
      { name: 'bad request', run: (t) => t.updateConfiguration({ Timeout: 0 }) },
      { name: 'service down', run: (t) => t.invoke({}).then(() => {}) },
    ]
    const direct = await runLabChecks(lab(checks.slice(0, 1)), { 'index.mjs': ECHO }, lambda)
    expect(direct.results[0].outcome).toBe('crashed')
    expect(direct.results[0].message).toMatch(
      /^The check itself crashed \(ValidationException: 1 validation error detected: Value '0' at 'timeout'/,
    )
    const down = await runLabChecks(lab(checks.slice(1)), { 'index.mjs': ECHO }, flaky)
    expect(down.results[0]).toMatchObject({ outcome: 'crashed' })
    expect(down.results[0].message).toBe(
      'The simulated Lambda service reported an error during this check (ServiceException: The simulated Lambda service stopped responding and was restarted.). Run the checks again; if it keeps happening, reload the page.',
    )
  })

  it('an unknown event name in t.event is a crash that names it', async () => {
    const out = await runLabChecks(
      lab([{ name: 'x', run: (t) => void t.event('Nope') }]),
      { 'index.mjs': ECHO },
      lambda,
    )
    expect(out.results[0].message).toMatch(/^The check itself crashed \(Error: The lab has no event named "Nope"\)/)
  })

  it('a malformed definition gives one clear result instead of throwing', async () => {
    const out = await runLabChecks(
      { ...lab([]), checks: 'nope' } as unknown as LabDefinition,
      { 'index.mjs': ECHO },
      lambda,
    )
    expect(out).toMatchObject({
      pass: false,
      results: [
        {
          name: 'The lab itself',
          pass: false,
          outcome: 'crashed',
          message: 'This lab cannot be checked: "checks" must list at least one { name, run }.',
        },
      ],
    })
  })

  it('an aborted run reports the remaining checks as skipped; callbacks report progress', async () => {
    const ctrl = new AbortController()
    const events: string[] = []
    const out = await runLabChecks(
      lab([
        { name: 'one', run: () => ctrl.abort() },
        { name: 'two', run: () => {} },
      ]),
      { 'index.mjs': ECHO },
      lambda,
      {
        signal: ctrl.signal,
        onCheckStart: (n, i) => events.push(`start ${i} ${n}`),
        onCheckResult: (r, i) => events.push(`done ${i} ${r.outcome}`),
      },
    )
    expect(out.results.map((r) => r.outcome)).toEqual(['passed', 'skipped'])
    expect(out.pass).toBe(false)
    expect(events).toEqual(['start 0 one', 'done 0 passed', 'done 1 skipped'])
  })

  it('runs the same checks through the Worker RPC client (LambdaClient)', async () => {
    const { port1, port2 } = new MessageChannel()
    const host: Promise<HostHandle | undefined> = serveLambda(port2 as unknown as Endpoint, () =>
      createLambda({ prewarm: 0, warmUp: false, wallClockCapMs: 400 }),
    )
    const worker: WorkerLike = {
      postMessage: (m) => port1.postMessage(m),
      addEventListener: ((type: string, l: (ev: { data: unknown }) => void) => {
        if (type === 'message') port1.addEventListener('message', (ev) => l({ data: (ev as MessageEvent).data }))
      }) as WorkerLike['addEventListener'],
      start: () => port1.start(),
      terminate: () => {
        port1.close()
        port2.close()
      },
    }
    const client = new LambdaClient({ createWorker: () => worker })
    try {
      let fn = ''
      const out = await runLabChecks(
        lab([
          {
            name: 'through the client',
            async run(t) {
              fn = t.functionName
              const r = await t.invoke({ n: 5 })
              t.expect.equal(r.payload, { echo: { n: 5 }, left: true }, 'echo')
              t.expect.equal((await t.environments()).length, 1, 'one environment')
              await t.advance(10 * 60_000)
              t.expect.equal((await t.environments()).length, 0, 'idle shutdown after advance')
              t.expect.ok(
                (await t.logs()).some((l) => l.message.startsWith('REPORT')),
                'logs through the client',
              )
            },
          },
          {
            name: 'fails through the client',
            async run(t) {
              t.expect.failed(await t.invoke({ n: 1 }), 'should have failed')
            },
          },
        ]),
        { 'index.mjs': ECHO },
        client,
      )
      expect(out.results.map((r) => [r.pass, r.message, r.detail])).toEqual([
        [true, '', undefined],
        [false, 'should have failed', 'It returned {"echo":{"n":1},"left":true} instead.'],
      ])
      expect((await client.listFunctions()).Functions.map((f) => f.FunctionName)).not.toContain(fn)
    } finally {
      client.dispose()
      ;(await host)?.close()
    }
  })
})
