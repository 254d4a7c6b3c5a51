import { defineLab } from '../../../src/labs/define.ts'

const ORDER = 'order-KC-2001'
const SMALL = 'order-KC-2002'

const order2001 = {
  orderId: 'KC-2001',
  items: [
    { sku: 'MUG-CLASSIC', quantity: 2, unitPrice: 1200 },
    { sku: 'TEAPOT-BLUE', quantity: 1, unitPrice: 3500 },
  ],
}

const PROBE = `import * as orders from './lib/orders.mjs'
export const handler = async (event) => {
  if (typeof orders.priceOrder !== 'function') return { exported: Object.keys(orders) }
  return { result: await orders.priceOrder(event, 0.1) }
}
`

export default defineLab({
  id: 'structured-handler',
  title: 'A well-structured handler',
  lesson: 'authoring-functions',
  summary:
    'Separate the business logic from the handler, read configuration from environment variables, and log one JSON object per line.',
  instructions: `### Goal

Kettle & Co.'s pricing function works, but everything is tangled in the handler: the pricing
rules, a tax rate written into the code, and a log line only a human can read. Reorganise it the
way AWS recommends, without changing what it returns.

### Steps

1. **Business logic in its own module.** Move the pricing code into \`lib/orders.mjs\` as
   \`export function priceOrder(order, taxRate)\`, returning
   \`{ orderId, subtotal, tax, total }\` (pence). It takes the rate as a parameter and knows
   nothing about Lambda: no \`event\`, no \`context\`, no \`process.env\`. The handler imports it.
2. **Configuration from the environment.** The function has an environment variable
   \`TAX_RATE\` (\`0.2\`). Read \`process.env.TAX_RATE\` instead of writing \`0.2\` into the code. If
   it is missing or not a number from 0 to 1, throw an \`Error\` whose message names
   \`TAX_RATE\`, so whoever deployed it sees at once what to fix. The top level of \`index.mjs\`
   (read once, during Init) is a good place.
3. **Structured logs.** This function already uses Lambda's **JSON log format**, so every
   \`console\` call becomes one JSON object with a timestamp, a level and the request ID. Run an
   event and look at the log: the starter's message is a sentence,
   \`"priced order KC-2001: total 7080"\`, with the order ID buried in the text. Log an object
   instead, \`console.info({ msg: 'Order priced', orderId, total })\`: Lambda puts it in the log
   record's \`message\` field as an object, so \`message.orderId\` becomes a field you can search
   and filter on. (Pass the object itself: \`JSON.stringify\` would turn it back into text.)
4. Run both events, read the log, then press **Run checks**. The checks change \`TAX_RATE\`
   themselves, and also try the function without it.

### Done when

\`lib/orders.mjs\` exports \`priceOrder(order, taxRate)\`; the handler reads \`TAX_RATE\` and fails
clearly without it; each priced order is logged as an object with a \`msg\` and the
\`orderId\`.`,
  function: {
    Handler: 'index.handler',
    Runtime: 'nodejs24.x',
    MemorySize: 128,
    Timeout: 3,
    Environment: { Variables: { TAX_RATE: '0.2' } },
    LoggingConfig: { LogFormat: 'JSON', ApplicationLogLevel: 'INFO' },
  },
  events: [
    { name: ORDER, payload: order2001 },
    {
      name: SMALL,
      payload: { orderId: 'KC-2002', items: [{ sku: 'TEAPOT-CAST-IRON', quantity: 1, unitPrice: 5400 }] },
    },
  ],
  hints: [
    "Start with `lib/orders.mjs`: cut the loop and the tax sum out of the handler, wrap them in `export function priceOrder(order, taxRate)`, and `import { priceOrder } from './lib/orders.mjs'` in `index.mjs`.",
    "`process.env.TAX_RATE` is a string, or `undefined` when it isn't set. `Number(raw)` turns `\"0.2\"` into `0.2`, and `Number.isFinite(rate) && rate >= 0 && rate <= 1` tells you whether it is usable. Otherwise `throw new Error('TAX_RATE is not set …')`.",
    'For the log: `console.info({ msg: \'Order priced\', orderId: result.orderId, total: result.total })`. With the JSON log format Lambda keeps the object as it is, in the log record\'s `message` field, so the record reads `"message": { "msg": "Order priced", "orderId": … }`.',
    "Nearly the answer, in `index.mjs`:\n\n```js\nconst TAX_RATE = readTaxRate() // throws an Error naming TAX_RATE\n\nexport const handler = async (event) => {\n  const result = priceOrder(event, TAX_RATE)\n  console.info({ msg: 'Order priced', orderId: result.orderId, total: result.total })\n  return result\n}\n```",
  ],
  checks: [
    {
      name: 'Prices an order (TAX_RATE 0.2)',
      async run(t) {
        const r = await t.invoke(t.event(ORDER))
        t.expect.succeeded(r, `it priced "${ORDER}" with TAX_RATE set to 0.2`)
        t.expect.equal(
          r.payload,
          { orderId: 'KC-2001', subtotal: 5900, tax: 1180, total: 7080 },
          'The result should stay { orderId, subtotal, tax, total } in pence: 2 × 1200 + 3500 = 5900, 20% tax 1180, total 7080.',
        )
      },
    },
    {
      name: 'Reads the tax rate from the TAX_RATE environment variable',
      async run(t) {
        await t.updateConfiguration({ Environment: { Variables: { TAX_RATE: '0.05' } } })
        const r = await t.invoke(t.event(ORDER))
        t.expect.succeeded(r, 'TAX_RATE was changed to 0.05')
        const out = r.payload as { tax?: unknown; total?: unknown }
        t.expect.ok(
          out.tax === 295 && out.total === 6195,
          'With TAX_RATE set to 0.05 the tax should be 295 (5% of 5900) and the total 6195. Read the rate from process.env.TAX_RATE instead of writing it into the code.',
          `Got tax ${JSON.stringify(out.tax)} and total ${JSON.stringify(out.total)}.`,
        )
      },
    },
    {
      name: 'Fails clearly when TAX_RATE is missing or not a number',
      async run(t) {
        for (const [vars, what] of [
          [{}, 'TAX_RATE is not set'],
          [{ TAX_RATE: 'twenty' }, 'TAX_RATE is "twenty"'],
        ] as const) {
          await t.updateConfiguration({ Environment: { Variables: { ...vars } } })
          const r = await t.invoke(t.event(ORDER))
          if (!r.functionError) {
            t.fail(
              `When ${what}, your function still answered. Check the variable and throw an Error whose message names TAX_RATE, so a misconfigured deployment fails loudly instead of charging the wrong tax.`,
              `It returned ${r.rawPayload.slice(0, 160)}.`,
            )
          }
          t.expect.ok(
            r.error?.errorMessage.includes('TAX_RATE'),
            `When ${what}, the error message should name TAX_RATE, so whoever deployed the function knows what to fix.`,
            `${r.error?.errorType}: ${r.error?.errorMessage}`,
          )
        }
      },
    },
    {
      name: 'Keeps the pricing rules in lib/orders.mjs, with the tax rate as a parameter',
      async run(t) {
        const probe = await t.deploy({
          files: { '__lab_probe.mjs': PROBE },
          config: { Handler: '__lab_probe.handler' },
        })
        const r = await probe.invoke(order2001)
        t.expect.succeeded(r, 'lib/orders.mjs was imported on its own and priceOrder(order, 0.1) was called')
        const out = r.payload as { exported?: string[]; result?: Record<string, unknown> }
        if (out.exported) {
          t.fail(
            'lib/orders.mjs should export a function priceOrder(order, taxRate). Move the pricing code there and export it.',
            `It exports: ${out.exported.length ? out.exported.join(', ') : 'nothing'}.`,
          )
        }
        const res = out.result ?? {}
        if (res.tax === 1180) {
          t.fail(
            'priceOrder(order, 0.1) charged 20% tax: it ignored the rate it was given. Use the taxRate parameter, and read TAX_RATE only in index.mjs.',
            `Got ${JSON.stringify(res)}.`,
          )
        }
        t.expect.equal(
          res,
          { orderId: 'KC-2001', subtotal: 5900, tax: 590, total: 6490 },
          'priceOrder(order, 0.1) should return { orderId, subtotal, tax, total }: 5900, 590 (10%) and 6490.',
        )
      },
    },
    {
      name: 'Logs each priced order as an object with a msg and the orderId',
      async run(t) {
        const r = await t.invoke(t.event(SMALL))
        t.expect.succeeded(r, `it priced "${SMALL}"`)
        const mine = r.logLines.filter((l) => l.source === 'app')
        t.expect.ok(
          mine.length > 0,
          "The handler should log what it did, e.g. console.info({ msg: 'Order priced', orderId: 'KC-2002', total: 6480 }).",
        )
        const structured = mine.find((l) => l.json?.orderId === 'KC-2002')
        if (!structured) {
          const buried = mine.find((l) => l.message.includes('KC-2002'))
          return t.fail(
            buried
              ? "The order ID is buried in a sentence, so you can't filter on it. Log an object instead: console.info({ msg: 'Order priced', orderId, total }). With the JSON log format it stays an object, and orderId becomes its own field."
              : "Log each priced order with its ID as a field: console.info({ msg: 'Order priced', orderId, total }).",
            (buried ?? mine[0]).raw.slice(0, 240),
          )
        }
        let record: { message?: unknown } = {}
        try {
          record = JSON.parse(structured.raw) as { message?: unknown }
        } catch {
          /* not a JSON record: the message check below explains */
        }
        t.expect.ok(
          record.message !== null && typeof record.message === 'object',
          'Log the object itself, console.info({ msg, orderId, total }), not JSON.stringify(…) of it: a string stays a string in the record\'s "message" field, so orderId is text inside it, not a field you can filter on.',
          structured.raw.slice(0, 240),
        )
        t.expect.ok(
          typeof structured.json?.msg === 'string',
          'Give the logged object a "msg" too (e.g. "Order priced"): a short text that says what happened, next to the fields. (Call it msg, not message: Lambda already puts your object in the record\'s "message" field.)',
          structured.raw.slice(0, 240),
        )
        t.expect.ok(
          structured.level === 'INFO',
          `Log a priced order at INFO level (console.info or console.log): it is normal operation. This line is ${structured.level}.`,
          structured.raw.slice(0, 240),
        )
      },
    },
  ],
})
