import { defineLab, type LabTestContext } from '../../../src/labs/define.ts'
import type { LabFunctionHandle, ParsedLogLine } from '../../../src/labs/types.ts'

const TEAPOT = 'blue-teapot'
const MUG = 'classic-mug'
const CONNECTING = 'Connecting to the catalogue database'
const BUILDING = 'Building the price list'

const count = (lines: ParsedLogLine[], text: string) =>
  lines.filter((l) => l.source === 'app' && l.message.startsWith(text)).length

/** Invoke `n` times with alternating events; fail with an explanation if an invoke fails. */
async function invokeTimes(t: LabTestContext, fn: LabFunctionHandle, n: number) {
  const out = []
  for (let i = 0; i < n; i++) {
    const name = i % 2 === 0 ? TEAPOT : MUG
    const r = await fn.invoke(t.event(name))
    t.expect.succeeded(r, `it looked up the ${name.toLowerCase()} (invoke ${i + 1})`)
    out.push(r)
  }
  return out
}

export default defineLab({
  id: 'warm-starts',
  title: 'Warm starts: set up once, reuse it',
  lesson: 'execution-environment',
  summary:
    'Make slow set-up happen once per execution environment, so warm invokes reuse the connection and the price list, and a new environment starts again from scratch.',
  instructions: `### Goal

This function looks up a product and its price. It is slow on **every** invoke, because the
handler does all its set-up each time:

- \`connectCatalogue()\` opens a (simulated) database connection: about 400 ms;
- \`buildPriceList()\` computes every price in every pack size: slow CPU work.

Lambda keeps an execution environment for later invokes, so whatever you set up once can be
reused. Make the second and later invokes in an environment fast.

### Steps

1. Run the "${TEAPOT}" event three times. Look at each \`REPORT\` line: the first invoke has an
   \`Init Duration\` (a **cold start**), the others don't (**warm starts**), yet every one takes
   more than 400 ms, and the log shows both "Connecting…" and "Building…" every time.
2. Keep the connection in a variable at the top level of \`index.mjs\`, so it outlives the invoke.
   Two ways work:
   - connect during **Init**: \`const catalogue = await connectCatalogue()\` at the top level
     (ES modules may use \`await\` there); the connection then counts in the cold start's
     \`Init Duration\`;
   - connect **lazily**, on the first invoke that needs it:
     \`catalogue ??= await connectCatalogue()\` inside the handler, with \`let catalogue\` above it.
3. Do the same for the price list: build it once and keep it in a module variable.
4. Run the event three times again: only the first invoke is slow. Press **Run checks**. One check
   lets 10 minutes of simulated time pass: this simulator shuts an environment down after 5 idle
   minutes (AWS publishes no such figure), so the next invoke is cold and starts from scratch.

### Why not /tmp?

\`/tmp\` is the environment's own disk, and it lasts exactly as long as a module variable. Use it
for **files**: a large download, such as a machine-learning model from S3, or a file a library
can only open by path. The price list is data your code already holds, and a variable keeps it
without writing and parsing a file.

### Don't change

\`lib/catalogue.mjs\` and \`lib/price-list.mjs\` stand in for a database and a heavy job; the
checks count the lines they log.

### Done when

In one environment, the catalogue is connected once and the price list is built once; warm
invokes are quick; a new environment does both again.`,
  function: { Handler: 'index.handler', Runtime: 'nodejs24.x', MemorySize: 128, Timeout: 3 },
  events: [
    { name: TEAPOT, payload: { sku: 'TEAPOT-BLUE' } },
    { name: MUG, payload: { sku: 'MUG-CLASSIC' } },
    { name: 'unknown-product', payload: { sku: 'KETTLE-GOLD' } },
  ],
  hints: [
    "Code at the top level of a module runs once, when Lambda creates the execution environment; code inside the handler runs on every invoke. A variable declared at the top level keeps its value between warm invokes. Which of the handler's lines really need to run every time?",
    'Move `const catalogue = await connectCatalogue()` above `export const handler`. Top-level `await` is allowed in an `.mjs` file, and Lambda finishes Init before the first invoke. Or keep the call in the handler and write `catalogue ??= await connectCatalogue()`, with `let catalogue` at the top level.',
    'The price list is the same: `let priceList` at the top level, and `priceList ??= buildPriceList()` in the handler. `??=` assigns only when the variable is still `undefined`, that is, on the first invoke of each environment.',
    'Nearly the answer:\n\n```js\nconst catalogue = await connectCatalogue()\nlet priceList\n\nexport const handler = async (event) => {\n  priceList ??= buildPriceList()\n  const product = await catalogue.getProduct(event.sku)\n  // ...\n}\n```',
  ],
  checks: [
    {
      name: 'Connects to the catalogue once per environment, not on every invoke',
      async run(t) {
        const rs = await invokeTimes(t, t, 3)
        t.expect.ok(
          rs[1].environmentId === rs[0].environmentId && !rs[1].coldStart && !rs[2].coldStart,
          "The second and third invokes should be warm starts in the first one's environment.",
        )
        const n = count(await t.parsedLogs(), CONNECTING)
        t.expect.ok(
          n === 1,
          `The catalogue connection was opened ${n} times in three invokes of one environment. Open it once and keep it in a variable at the top level of index.mjs: connect there during Init, or in the handler only when the variable is still empty (catalogue ??= await connectCatalogue()).`,
          `"${CONNECTING}..." was logged ${n} times.`,
        )
      },
    },
    {
      name: 'Builds the price list once per environment',
      async run(t) {
        const rs = await invokeTimes(t, t, 3)
        const n = count(await t.parsedLogs(), BUILDING)
        t.expect.ok(
          n === 1,
          `The price list was built ${n} times in three invokes of one environment. Build it once and keep it in a module variable: priceList ??= buildPriceList().`,
          `"${BUILDING}..." was logged ${n} times.`,
        )
        t.expect.equal(
          rs.map((r) => (r.payload as { price?: unknown }).price),
          [3480, 1200, 3480],
          'The reused price list should give the same prices as a fresh one (blue teapot 3480, classic mug 1200, in pence).',
        )
      },
    },
    {
      name: 'Warm invokes are quick',
      async run(t) {
        const [, warm, again] = await invokeTimes(t, t, 3)
        for (const r of [warm, again]) {
          t.expect.ok(
            !r.coldStart && r.durationMs < 300,
            `A warm invoke took ${r.durationMs.toFixed(0)} ms; with the connection and the price list reused it should take well under 300 ms. Look for slow work still done on every invoke.`,
          )
        }
      },
    },
    {
      name: 'A new execution environment starts from scratch',
      async run(t) {
        const [first] = await invokeTimes(t, t, 1)
        await t.advance(10 * 60_000)
        const [later] = await invokeTimes(t, t, 1)
        t.expect.ok(
          later.coldStart && later.environmentId !== first.environmentId,
          'After 10 idle minutes the simulator has shut the environment down, so the next invoke should be a cold start in a new environment.',
        )
        const lines = await t.parsedLogs()
        t.expect.equal(
          count(lines, CONNECTING),
          2,
          'A new environment has no connection yet: expect one connection per environment (two in all). Reuse only what this environment set up itself.',
        )
        t.expect.equal(
          count(lines, BUILDING),
          2,
          'A new environment has no price list yet: expect it to be built once per environment (twice in all).',
        )
      },
    },
  ],
})
