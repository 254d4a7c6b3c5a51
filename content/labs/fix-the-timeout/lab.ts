import { defineLab, type LabTestContext } from '../../../src/labs/define.ts'
import type { LabInvokeResult } from '../../../src/labs/types.ts'

const TEAPOT = 'blue-teapot'
const IRON = 'cast-iron-teapot'
/** Answer within this much virtual time, out of the 3-second timeout. */
const RESPOND_WITHIN_MS = 2700

/** Invoke while the warehouse is slow (the lab's configuration) and insist on an answer. */
async function slowInvoke(t: LabTestContext): Promise<LabInvokeResult> {
  const r = await t.invoke(t.event(TEAPOT))
  if (r.timedOut) {
    const lastLines = r.logs.filter((l) => /Task timed out|^REPORT/.test(l)).join('\n')
    t.fail(
      "Your function still times out while the warehouse is slow: Lambda stops it after 3 seconds, and the customer gets an error instead of a product page. Don't wait for the warehouse longer than your function has left: race the call against a deadline taken from context.getRemainingTimeInMillis().",
      lastLines || r.error?.errorMessage,
    )
  }
  t.expect.succeeded(r, 'the warehouse was slow')
  return r
}

export default defineLab({
  id: 'fix-the-timeout',
  title: 'Fix the timeout',
  lesson: 'monitoring-and-troubleshooting',
  summary:
    'Read a timeout in the logs, then bound a slow dependency with a deadline from context.getRemainingTimeInMillis() and answer with a fallback.',
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
   Instead, stop waiting in time. \`context.getRemainingTimeInMillis()\` tells you how long the
   function has left. Keep half a second in reserve and wait at most the rest, by racing
   \`getStockLevel(sku)\` against a timer with \`Promise.race\`.
3. If the timer wins, log a warning with \`console.warn\` that names the SKU, and answer with a
   fallback: \`{ sku, inStock: null, source: 'fallback' }\` (the page then shows "check
   availability"). If the warehouse wins, answer as before with \`source: 'warehouse'\`.
4. Clear the timer when you are done (\`clearTimeout\`), so it doesn't fire during a later invoke.
5. Run it again: \`Duration\` is now about 2500 ms and the response is the fallback. Press
   **Run checks**; they also try a fast warehouse.

### Don't change

\`lib/warehouse.mjs\` stands in for the real warehouse API.

### Done when

With a slow warehouse the function answers the fallback within ${RESPOND_WITHIN_MS} ms and
logs a warning; with a fast one it answers the real stock level.`,
  function: {
    Handler: 'index.handler',
    Runtime: 'nodejs22.x',
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
    "`context` is the handler's second argument: `export const handler = async (event, context) => { … }`. `context.getRemainingTimeInMillis()` is about 3000 at the start of an invoke with a 3-second timeout.",
    '`Promise.race([a, b])` settles with whichever settles first. Make `b` a promise that resolves to a marker after (remaining − 500) ms: `new Promise((resolve) => { timer = setTimeout(() => resolve(TIMED_OUT), ms) })`.',
    "Nearly the answer:\n\n```js\nconst result = await Promise.race([getStockLevel(sku), deadline])\nclearTimeout(timer)\nif (result === TIMED_OUT) {\n  console.warn(`Warehouse too slow for ${sku}: returning the fallback`)\n  return { sku, inStock: null, source: 'fallback' }\n}\nreturn { sku, inStock: result, source: 'warehouse' }\n```",
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
        await t.updateConfiguration({ Environment: { Variables: { WAREHOUSE_LATENCY_MS: '200' } } })
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
  ],
})
