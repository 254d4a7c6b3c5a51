import { defineLab, type LabTestContext } from '../../../src/labs/define.ts'
import type { LabInvokeResult } from '../../../src/labs/types.ts'

const TEAPOT = 'blue-teapot'
const IRON = 'cast-iron-teapot'
/** Answer within this much virtual time, out of the 3-second timeout. */
const RESPOND_WITHIN_MS = 2700

/** Invoke while the warehouse is slow (the lab's configuration) and insist on an answer. */
async function slowInvoke(t: LabTestContext, timeout = 3): Promise<LabInvokeResult> {
  const r = await t.invoke(t.event(TEAPOT))
  if (r.timedOut) {
    const lastLines = r.logLines
      .filter((l) => l.source === 'platform' && /Task timed out|^REPORT/.test(l.message))
      .map((l) => l.raw)
      .join('\n')
    t.fail(
      `Your function still times out while the warehouse is slow: Lambda stops it after ${timeout} seconds, and the customer gets an error instead of a product page. Don't wait for the warehouse longer than your function has left: give the request a deadline taken from context.getRemainingTimeInMillis().`,
      lastLines || r.error?.errorMessage,
    )
  }
  t.expect.succeeded(r, 'the warehouse was slow')
  return r
}

const setWarehouse = (t: LabTestContext, latencyMs: number, timeout?: number) =>
  t.updateConfiguration({
    Environment: { Variables: { WAREHOUSE_LATENCY_MS: String(latencyMs) } },
    ...(timeout !== undefined ? { Timeout: timeout } : {}),
  })

const answered = (r: LabInvokeResult) =>
  r.logLines.filter((l) => l.source === 'app' && l.message.startsWith('[warehouse] answered'))

// A probe deployed next to the learner's files: it counts the timers the handler leaves pending
// when it returns. AbortSignal.timeout's own timer is left out: Node unrefs it, and nothing
// happens when it fires for a request that has already finished.
const TIMER_PROBE = `const live = new Set()
const realSet = globalThis.setTimeout
const realClear = globalThis.clearTimeout
let untracked = 0
globalThis.setTimeout = function (fn, ms, ...args) {
  const tracked = untracked === 0
  const id = realSet(function () {
    live.delete(id)
    return typeof fn === 'function' ? fn.apply(this, args) : undefined
  }, ms)
  if (tracked) live.add(id)
  return id
}
globalThis.clearTimeout = function (id) {
  live.delete(id)
  return realClear(id)
}
const realSignalTimeout = AbortSignal.timeout
AbortSignal.timeout = function (ms) {
  untracked++
  try {
    return realSignalTimeout.call(AbortSignal, ms)
  } finally {
    untracked--
  }
}
const { handler: learnerHandler } = await import('./index.mjs')
export const handler = async (event, context) => {
  live.clear()
  const response = await learnerHandler(event, context)
  return { response, pendingTimers: live.size }
}
`

export default defineLab({
  id: 'fix-the-timeout',
  title: 'Fix the timeout',
  lesson: 'monitoring-and-troubleshooting',
  summary:
    'Read a timeout in the logs, then give a slow dependency a deadline from context.getRemainingTimeInMillis() that cancels the request, and answer with a fallback.',
  instructions: `### Goal

The product page shows a stock badge ("7 in stock"), and this function provides it by asking
the warehouse's stock API. Today the warehouse is having a bad day: it takes 8 seconds to
answer (the function's \`WAREHOUSE_LATENCY_MS\` environment variable sets this). The function
has a 3-second timeout. Find out what happens, then fix it so the page always gets an answer.

### Steps

1. Run the "${TEAPOT}" event and read the log. You'll find the two lines that tell the story:
   - \`Task timed out after 3.00 seconds\`
   - the \`REPORT\` line, with \`Duration: 3000.00 ms\` and \`Status: timeout\`.

   The invoke's response is an error (\`Sandbox.Timedout\`), and Lambda has thrown the execution
   environment away: the next invoke is a cold start.
2. Raising the timeout is not the fix: the customer would still wait 8 seconds for a badge.
   Stop waiting in time instead. \`context.getRemainingTimeInMillis()\` tells you how long the
   function has left: keep half a second in reserve and give the request the rest.
3. \`getStockLevel(sku, { signal })\` takes a signal, as \`fetch\` does. Pass
   \`AbortSignal.timeout(ms)\`: when the time is up, the request is **cancelled** and the call
   rejects with a \`TimeoutError\`. (Racing the call against a timer with \`Promise.race\` only stops
   *you* waiting: the request goes on, and answers during a later invoke. Try it: the warehouse
   logs every answer it sends.)
4. Catch the \`TimeoutError\`, log a warning with \`console.warn\` that names the SKU, and answer
   with a fallback: \`{ sku, inStock: null, source: 'fallback' }\` (the page then shows "check
   availability"). Let any other error throw. If the warehouse answers in time, answer as before
   with \`source: 'warehouse'\`.
5. Run it again: \`Duration\` is now about 2500 ms and the response is the fallback. Press
   **Run checks**; they also change the timeout and the warehouse's speed.

### Don't change

\`lib/warehouse.mjs\` stands in for the real warehouse API.

### Done when

With a slow warehouse the function answers the fallback in time and logs a warning; with a
fast one it answers the real stock level; the deadline follows the function's timeout; and
nothing it started is still running after it answers.`,
  function: {
    Handler: 'index.handler',
    Runtime: 'nodejs24.x',
    MemorySize: 128,
    Timeout: 3,
    Environment: { Variables: { WAREHOUSE_LATENCY_MS: '8000' } },
  },
  events: [
    { name: TEAPOT, payload: { sku: 'TEAPOT-BLUE' } },
    { name: IRON, payload: { sku: 'TEAPOT-CAST-IRON' } },
  ],
  hints: [
    "The timeout isn't a bug in the warehouse call: it is a wait with no limit. Your function decides how long it is willing to wait, and that must be less than the time Lambda gives it.",
    "`context` is the handler's second argument: `export const handler = async (event, context) => { … }`. `context.getRemainingTimeInMillis()` is about 3000 at the start of an invoke with a 3-second timeout, and about 6000 with a 6-second one.",
    '`AbortSignal.timeout(ms)` gives a signal that aborts by itself after `ms` milliseconds. Pass it on: `getStockLevel(sku, { signal: AbortSignal.timeout(ms) })`. When it fires, the call rejects with an error whose `name` is `TimeoutError`.',
    "Nearly the answer:\n\n```js\nconst budgetMs = context.getRemainingTimeInMillis() - 500\ntry {\n  const inStock = await getStockLevel(sku, { signal: AbortSignal.timeout(budgetMs) })\n  return { sku, inStock, source: 'warehouse' }\n} catch (err) {\n  if (err.name !== 'TimeoutError') throw err\n  console.warn(`Warehouse too slow for ${sku}: returning the fallback`)\n  return { sku, inStock: null, source: 'fallback' }\n}\n```",
  ],
  checks: [
    {
      name: 'No longer times out when the warehouse is slow',
      async run(t) {
        await slowInvoke(t)
      },
    },
    {
      name: 'Answers with the fallback when the warehouse is slow',
      async run(t) {
        const r = await slowInvoke(t)
        t.expect.equal(
          r.payload,
          { sku: 'TEAPOT-BLUE', inStock: null, source: 'fallback' },
          "When the warehouse doesn't answer in time, return { sku, inStock: null, source: 'fallback' } so the page can still show the product.",
        )
      },
    },
    {
      name: `Answers within ${RESPOND_WITHIN_MS} ms, keeping time in reserve`,
      async run(t) {
        const r = await slowInvoke(t)
        t.expect.ok(
          r.durationMs <= RESPOND_WITHIN_MS,
          `Your function answered after ${Math.round(r.durationMs)} ms (the REPORT line's Duration): too close to its 3-second timeout, where a little extra work would tip it over. Keep at least 500 ms in reserve: wait at most context.getRemainingTimeInMillis() - 500.`,
        )
      },
    },
    {
      name: 'Logs a warning that names the product when it falls back',
      async run(t) {
        const r = await slowInvoke(t)
        const warnings = r.logLines.filter((l) => l.source === 'app' && l.level === 'WARN')
        t.expect.ok(
          warnings.length > 0,
          'When you return the fallback, log it with console.warn(…): a WARN line in the logs is how you (and a metric filter or alarm) find out that customers are getting fallbacks.',
          r.logLines
            .filter((l) => l.source === 'app')
            .map((l) => `${l.level ?? ''} ${l.message}`.trim())
            .join(' | ')
            .slice(0, 300) || 'The function logged nothing of its own.',
        )
        t.expect.ok(
          warnings.some((l) => l.message.includes('TEAPOT-BLUE')),
          'Name the SKU in the warning (e.g. "Warehouse did not answer for TEAPOT-BLUE …"), so the log says which product was affected.',
          warnings
            .map((l) => l.message)
            .join(' | ')
            .slice(0, 300),
        )
      },
    },
    {
      name: 'Still uses the warehouse when it answers in time',
      async run(t) {
        await setWarehouse(t, 200)
        const r = await t.invoke(t.event(TEAPOT))
        t.expect.succeeded(r, 'the warehouse answered in 200 ms')
        t.expect.equal(
          r.payload,
          { sku: 'TEAPOT-BLUE', inStock: 7, source: 'warehouse' },
          "When the warehouse answers in time (here in 200 ms), return its stock level: { sku, inStock: 7, source: 'warehouse' }. The fallback is only for when it doesn't.",
        )
        t.expect.ok(
          !r.logLines.some((l) => l.source === 'app' && l.level === 'WARN'),
          'Only warn when you actually fall back: with a fast warehouse there should be no WARN line.',
        )
      },
    },
    {
      name: 'Takes its deadline from the time left, not from a fixed number',
      async run(t) {
        // A longer timeout: a warehouse answering in 4.5 s is in time for a 6-second function.
        await setWarehouse(t, 4500, 6)
        const long = await t.invoke(t.event(TEAPOT))
        if (long.timedOut)
          return t.fail(
            'With a 6-second timeout and a warehouse answering in 4.5 seconds, your function timed out. Wait at most context.getRemainingTimeInMillis() - 500.',
          )
        t.expect.succeeded(long, 'the timeout was 6 seconds and the warehouse answered in 4.5')
        t.expect.equal(
          long.payload,
          { sku: 'TEAPOT-BLUE', inStock: 7, source: 'warehouse' },
          "The checks raised the function's timeout to 6 seconds and made the warehouse answer in 4.5: there was time to wait for it, but your function gave up. Don't write the deadline as a fixed number: take it from context.getRemainingTimeInMillis(), so it follows the timeout.",
        )
        // A shorter timeout: 2 seconds, a slow warehouse.
        await setWarehouse(t, 8000, 2)
        const short = await slowInvoke(t, 2)
        t.expect.equal(
          short.payload,
          { sku: 'TEAPOT-BLUE', inStock: null, source: 'fallback' },
          "With a 2-second timeout and a slow warehouse, answer the fallback in time: { sku, inStock: null, source: 'fallback' }.",
        )
        t.expect.ok(
          short.durationMs <= 1800,
          `With a 2-second timeout your function answered after ${Math.round(short.durationMs)} ms, too close to the limit. The deadline should shrink with the timeout: context.getRemainingTimeInMillis() - 500.`,
        )
      },
    },
    {
      name: 'Cancels the warehouse request when it gives up',
      async run(t) {
        const first = await slowInvoke(t)
        t.expect.equal(
          (first.payload as { source?: unknown } | undefined)?.source,
          'fallback',
          'With a slow warehouse, answer the fallback first.',
        )
        // The environment is frozen between invokes; whatever the first invoke left running
        // resumes during the next one, and the warehouse logs its late answer there.
        await t.advance(10_000)
        const second = await slowInvoke(t)
        const late = answered(second)
        t.expect.ok(
          late.length === 0 && !second.coldStart,
          'The warehouse answered the first request during the next invoke: your function stopped waiting, but the request went on running in the frozen environment. Promise.race only stops you waiting; cancel the request itself by passing a signal: getStockLevel(sku, { signal: AbortSignal.timeout(ms) }).',
          late.map((l) => l.message).join(' | ') || (second.coldStart ? 'The second invoke was a cold start.' : ''),
        )
      },
    },
    {
      name: 'Leaves no timer running after it answers',
      async run(t) {
        // A second function: the learner's files plus the probe, with a fast warehouse.
        const probe = await t.deploy({
          files: { '__lab_probe.mjs': TIMER_PROBE },
          config: { Handler: '__lab_probe.handler', Environment: { Variables: { WAREHOUSE_LATENCY_MS: '200' } } },
        })
        const r = await probe.invoke(t.event(TEAPOT))
        t.expect.succeeded(r, 'the warehouse answered in 200 ms')
        const out = r.payload as { response?: unknown; pendingTimers?: number }
        t.expect.ok(
          out.pendingTimers === 0,
          `When the warehouse answered in time, your handler returned with ${out.pendingTimers} timer${out.pendingTimers === 1 ? '' : 's'} still pending. Lambda freezes the environment with it, and it fires during a later invoke. Clear a timer of your own with clearTimeout (in a finally block), or let AbortSignal.timeout(ms) keep the time for you.`,
          `The handler returned ${JSON.stringify(out.response).slice(0, 160)}.`,
        )
      },
    },
  ],
})
