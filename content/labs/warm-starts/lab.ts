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

// A probe deployed next to the learner's files: it runs their handler, then looks at /tmp in the
// same execution environment.
const PROBE = `import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { handler as learnerHandler } from './index.mjs'
export const handler = async (event, context) => {
  const response = await learnerHandler(event, context)
  const tmp = readdirSync('/tmp')
  let priceList = 'missing'
  if (existsSync('/tmp/price-list.json')) {
    try {
      const parsed = JSON.parse(readFileSync('/tmp/price-list.json', 'utf8'))
      priceList = parsed && typeof parsed.prices === 'object' ? 'ok' : 'no prices'
    } catch (err) {
      priceList = 'not JSON: ' + err.message
    }
  }
  return { response, tmp, priceList }
}
`

export default defineLab({
  id: 'warm-starts',
  title: 'Warm starts: initialise once, cache in /tmp',
  lesson: 'execution-environment',
  summary:
    'Move slow set-up out of the handler so warm invokes reuse it, and keep a generated file in /tmp for the life of the execution environment.',
  instructions: `### Goal

This function looks up a product and its price. It is slow on **every** invoke, because the
handler does all its set-up each time:

- \`connectCatalogue()\` opens a (simulated) database connection: about 400 ms;
- \`buildPriceList()\` computes every price in every pack size: slow CPU work with a large result.

Lambda keeps an execution environment for later invokes, so set-up done once can be reused.
Make the second and later invokes in an environment fast.

### Steps

1. Run the "${TEAPOT}" event three times. Look at each \`REPORT\` line: the first invoke has an
   \`Init Duration\` (a **cold start**), the others don't (**warm starts**), yet every one takes
   more than 400 ms, and the log shows both "Connecting…" and "Building…" every time.
2. Move \`await connectCatalogue()\` out of the handler to the top level of \`index.mjs\`. Code
   there runs once per environment, during **Init**; ES modules may use \`await\` at the top level.
   Run again: the connection now shows in the first invoke's \`Init Duration\`, and warm
   invokes are quick.
3. Cache the price list in \`/tmp/price-list.json\`: if the file exists, read it; if not, build the
   list and write the file. \`/tmp\` is the environment's own disk: it survives warm invokes and
   disappears with the environment.
4. Press **Run checks**. One check waits 30 minutes of simulated time: Lambda shuts idle
   environments down, so the next invoke is cold and everything starts from scratch.

### Don't change

\`lib/catalogue.mjs\` and \`lib/price-list.mjs\` stand in for a database and a heavy job; the
checks count the lines they log.

### Done when

In one environment, the catalogue is connected once (during Init) and the price list is built
once and read from \`/tmp\` afterwards; a new environment does both again.`,
  function: { Handler: 'index.handler', Runtime: 'nodejs22.x', MemorySize: 128, Timeout: 3 },
  events: [
    { name: TEAPOT, payload: { sku: 'TEAPOT-BLUE' } },
    { name: MUG, payload: { sku: 'MUG-CLASSIC' } },
    { name: 'unknown-product', payload: { sku: 'KETTLE-GOLD' } },
  ],
  hints: [
    "Code at the top level of a module runs once, during Init, when Lambda creates the execution environment. Code inside the handler runs on every invoke. Which of the handler's lines really need to run every time?",
    'Move `const catalogue = await connectCatalogue()` above `export const handler`. Top-level `await` is allowed in an `.mjs` file, and Lambda finishes Init before the first invoke.',
    "For the price list, import `existsSync` from `'node:fs'` and `readFile`, `writeFile` from `'node:fs/promises'`. `existsSync('/tmp/price-list.json')` tells you whether this environment has built it already.",
    "Nearly the answer:\n\n```js\nconst FILE = '/tmp/price-list.json'\n\nasync function getPriceList() {\n  if (existsSync(FILE)) return JSON.parse(await readFile(FILE, 'utf8'))\n  const list = buildPriceList()\n  await writeFile(FILE, JSON.stringify(list))\n  return list\n}\n```\n\nThen, in the handler: `const priceList = await getPriceList()`.",
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
          `The catalogue connection was opened ${n} times in three invokes of one environment. Open it once: move await connectCatalogue() out of the handler, to the top level of index.mjs, so warm invokes reuse it.`,
          `"${CONNECTING}..." was logged ${n} times.`,
        )
      },
    },
    {
      name: 'Connects during Init, so warm invokes are quick',
      async run(t) {
        const [cold, warm] = await invokeTimes(t, t, 2)
        const line = (await t.parsedLogs()).find((l) => l.source === 'app' && l.message.startsWith(CONNECTING))
        if (!line)
          return t.fail(`The log should show "${CONNECTING}...": call connectCatalogue() from lib/catalogue.mjs.`)
        t.expect.ok(
          line.requestId === 'undefined',
          'The catalogue is connected inside the handler (its log line carries a request ID). Connect at the top level of index.mjs instead: that code runs during Init, where the log shows the request ID as "undefined", and it is counted in the cold start\'s Init Duration.',
          line.raw.slice(0, 160),
        )
        t.expect.ok(
          (cold.initDurationMs ?? 0) >= 400,
          "The first invoke's Init Duration should include the 400 ms connection: await it at the top level so Init waits for it.",
          `Init Duration was ${cold.initDurationMs?.toFixed(2)} ms.`,
        )
        t.expect.ok(
          warm.durationMs < 300,
          `A warm invoke took ${warm.durationMs.toFixed(0)} ms; with the connection reused it should take well under 300 ms. Look for other slow work left in the handler.`,
        )
      },
    },
    {
      name: 'Keeps the price list in /tmp/price-list.json',
      async run(t) {
        const probe = await t.deploy({
          files: { '__lab_probe.mjs': PROBE },
          config: { Handler: '__lab_probe.handler' },
        })
        const r = await probe.invoke(t.event(TEAPOT))
        t.expect.succeeded(r, 'it looked up the blue teapot')
        const out = r.payload as { tmp: string[]; priceList: string }
        t.expect.ok(
          out.tmp.includes('price-list.json'),
          "After the first invoke, /tmp should hold price-list.json. When the file is missing, build the price list and write it with writeFile('/tmp/price-list.json', JSON.stringify(priceList)).",
          `/tmp held: ${out.tmp.length ? out.tmp.join(', ') : 'nothing'}.`,
        )
        t.expect.ok(
          out.priceList === 'ok',
          '/tmp/price-list.json should hold the price list as JSON (JSON.stringify of what buildPriceList() returns).',
          `It was: ${out.priceList}.`,
        )
      },
    },
    {
      name: 'Builds the price list once per environment and reads /tmp after that',
      async run(t) {
        const rs = await invokeTimes(t, t, 3)
        const n = count(await t.parsedLogs(), BUILDING)
        t.expect.ok(
          n === 1,
          `The price list was built ${n} times in three invokes of one environment. Build it only when /tmp/price-list.json doesn't exist yet; otherwise read the file.`,
          `"${BUILDING}..." was logged ${n} times.`,
        )
        t.expect.equal(
          rs.map((r) => (r.payload as { price?: unknown }).price),
          [3480, 1200, 3480],
          'Prices read back from /tmp should be the same as freshly built ones (blue teapot 3480, classic mug 1200, in pence).',
        )
      },
    },
    {
      name: 'A new execution environment starts from scratch',
      async run(t) {
        const [first] = await invokeTimes(t, t, 1)
        await t.advance(30 * 60_000)
        const [later] = await invokeTimes(t, t, 1)
        t.expect.ok(
          later.coldStart && later.environmentId !== first.environmentId,
          'After 30 idle minutes Lambda has shut the environment down, so the next invoke should be a cold start in a new environment.',
        )
        const lines = await t.parsedLogs()
        t.expect.equal(
          count(lines, CONNECTING),
          2,
          'A new environment has no connection yet: expect one connection per environment (two in all).',
        )
        t.expect.equal(
          count(lines, BUILDING),
          2,
          "A new environment has an empty /tmp, so it must build the price list again: check that the file exists before reading it, don't assume it does.",
        )
      },
    },
  ],
})
