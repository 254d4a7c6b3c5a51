// The five course labs against common wrong answers: each check must fail for the right reason,
// with a message that says what to fix. (`npm run check:content` runs every lab's solution, starter
// and known-wrong solutions in wrong/; this file checks the messages for the mistakes in between.)
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createLambda, type Lambda } from '../../lambda/index.ts'
import { loadLabFromDisk } from '../node.ts'
import { runLabChecks } from '../runner.ts'
import type { LoadedLab } from '../types.ts'

const labsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../content/labs')
let lambda: Lambda
beforeAll(async () => {
  lambda = await createLambda({ prewarm: 0, wallClockCapMs: 1000 })
})
afterAll(() => lambda.dispose())

async function lab(id: string): Promise<LoadedLab> {
  const out = await loadLabFromDisk(labsDir, id)
  if (!out.ok) throw new Error(out.problems.join('\n'))
  return out.loaded
}

/** Run the lab on the solution with `edits` applied ([file, from, to] text replacements); results by check name. */
async function variant(id: string, edits: [string, string | RegExp, string][]) {
  const l = await lab(id)
  const files = { ...l.solution }
  for (const [file, from, to] of edits) {
    const before = files[file]
    files[file] = before.replace(from, to)
    if (files[file] === before) throw new Error(`edit did not apply: ${file} ${String(from)}`)
  }
  const out = await runLabChecks(l.lab, files, lambda)
  return Object.fromEntries(out.results.map((r) => [r.name, r]))
}

describe('first-handler', () => {
  it('an object body, a missing Content-Type, a crash on null pathParameters, a 404 without the id', async () => {
    let r = await variant('first-handler', [['index.mjs', 'body: JSON.stringify(data),', 'body: data,']])
    expect(r['Returns an API Gateway proxy response'].message).toMatch(
      /"body" must be a string: pass your data through JSON\.stringify\(\)/,
    )
    expect(r['Returns an API Gateway proxy response'].detail).toBe('body was an object.')
    r = await variant('first-handler', [['index.mjs', "headers: { 'Content-Type': 'application/json' },", '']])
    expect(r['Returns an API Gateway proxy response'].message).toMatch(
      /add a "Content-Type": "application\/json" header/,
    )
    r = await variant('first-handler', [['index.mjs', 'event.pathParameters?.id', 'event.pathParameters.id']])
    expect(r['Lists the whole catalogue when there is no ID'].message).toMatch(
      /API Gateway sends "pathParameters": null, not \{\}\. Read it with optional chaining/,
    )
    expect(r['Returns the product as JSON with status 200'].pass).toBe(true)
    r = await variant('first-handler', [['index.mjs', 'No product with ID "${id}"', 'Not found']])
    expect(r['Answers 404 with a message for an unknown product'].message).toMatch(
      /give the 404 a JSON body with a "message" that names the ID/,
    )
  })
})

describe('sync-async-errors', () => {
  it('bad input thrown instead of answered; a quantity rule half written; a rejection not logged', async () => {
    let r = await variant('sync-async-errors', [
      [
        'index.mjs',
        'return { statusCode: 400, orderId: order.orderId ?? null, message: problem }',
        'throw new Error(problem)',
      ],
    ])
    expect(r['Answers an order with no items with a 400, not an error'].message).toMatch(
      /your function threw \(Error\) instead of answering\. A bad order is the caller's mistake/,
    )
    expect(r['A bad order sent with Event: 202, no error to retry, and a warning in the logs'].message).toMatch(
      /the log has an "Invoke Error" line\. On AWS, Lambda would try the same bad order twice more/,
    )
    expect(r['Lets a failing stock service throw'].pass).toBe(true)
    r = await variant('sync-async-errors', [['index.mjs', '!Number.isInteger(q) || q < 1 || q > 10', 'q < 1']])
    expect(r['Checks every quantity: a whole number from 1 to 10'].message).toMatch(
      /^Your function accepted an order with a quantity of 2\.5 \(one of the checks' own orders\)/,
    )
    expect(r['Says what is wrong in the message'].pass).toBe(true)
    r = await variant('sync-async-errors', [['index.mjs', /console\.warn\([^\n]*\n/, '\n']])
    expect(r['A bad order sent with Event: 202, no error to retry, and a warning in the logs'].message).toMatch(
      /log the rejection with console\.warn/,
    )
  })
})

describe('warm-starts', () => {
  it('a connection made on every invoke; a price list rebuilt on every invoke', async () => {
    let r = await variant('warm-starts', [
      ['index.mjs', 'const catalogue = await connectCatalogue()\n', 'let catalogue\n'],
      [
        'index.mjs',
        'priceList ??= buildPriceList()',
        'priceList ??= buildPriceList()\n  catalogue = await connectCatalogue()',
      ],
    ])
    expect(r['Connects to the catalogue once per environment, not on every invoke'].message).toMatch(
      /^The catalogue connection was opened 3 times in three invokes of one environment/,
    )
    expect(r['Builds the price list once per environment'].pass).toBe(true)
    r = await variant('warm-starts', [['index.mjs', 'priceList ??= buildPriceList()', 'priceList = buildPriceList()']])
    expect(r['Builds the price list once per environment'].message).toMatch(
      /^The price list was built 3 times in three invokes of one environment/,
    )
    expect(r['Connects to the catalogue once per environment, not on every invoke'].pass).toBe(true)
  })
})

describe('structured-handler', () => {
  it('TAX_RATE read without validation; priceOrder that reads the environment itself', async () => {
    let r = await variant('structured-handler', [
      [
        'index.mjs',
        /function readTaxRate\(\) \{[\s\S]*?\n\}\n/,
        'function readTaxRate() { return Number(process.env.TAX_RATE) }\n',
      ],
    ])
    expect(r['Fails clearly when TAX_RATE is missing or not a number'].message).toMatch(
      /^When TAX_RATE is not set, your function still answered/,
    )
    expect(r['Reads the tax rate from the TAX_RATE environment variable'].pass).toBe(true)
    r = await variant('structured-handler', [
      ['lib/orders.mjs', 'Math.round(subtotal * taxRate)', 'Math.round(subtotal * Number(process.env.TAX_RATE))'],
    ])
    expect(r['Keeps the pricing rules in lib/orders.mjs, with the tax rate as a parameter'].message).toMatch(
      /^priceOrder\(order, 0\.1\) charged 20% tax: it ignored the rate it was given/,
    )
  })

  it('an object turned into JSON text is not structured; a priced order logged as a warning', async () => {
    const LOG = "console.info({ msg: 'Order priced', orderId: result.orderId, total: result.total })"
    let r = await variant('structured-handler', [
      ['index.mjs', LOG, "console.info(JSON.stringify({ msg: 'Order priced', orderId: result.orderId }))"],
    ])
    expect(r['Logs each priced order as an object with a msg and the orderId'].message).toMatch(
      /^Log the object itself, console\.info\(\{ msg, orderId, total \}\), not JSON\.stringify/,
    )
    r = await variant('structured-handler', [
      ['index.mjs', LOG, "console.info({ message: 'Order priced', orderId: result.orderId })"],
    ])
    expect(r['Logs each priced order as an object with a msg and the orderId'].message).toMatch(
      /Call it msg, not message/,
    )
    r = await variant('structured-handler', [
      ['index.mjs', LOG, "console.warn({ msg: 'Order priced', orderId: result.orderId })"],
    ])
    expect(r['Logs each priced order as an object with a msg and the orderId'].message).toMatch(
      /at INFO level .* This line is WARN\./,
    )
  })
})

describe('fix-the-timeout', () => {
  it('no warning; a deadline so short it always falls back; a deadline too close to the timeout', async () => {
    let r = await variant('fix-the-timeout', [['index.mjs', /console\.warn\([^\n]*\n/, '\n']])
    expect(r['Logs a warning that names the product when it falls back'].message).toMatch(
      /^When you return the fallback, log it with console\.warn/,
    )
    expect(r['Answers with the fallback when the warehouse is slow'].pass).toBe(true)
    r = await variant('fix-the-timeout', [['index.mjs', 'context.getRemainingTimeInMillis() - SAFETY_MARGIN_MS', '10']])
    expect(r['Still uses the warehouse when it answers in time'].message).toMatch(
      /When the warehouse answers in time \(here in 200 ms\), return its stock level/,
    )
    expect(r['No longer times out when the warehouse is slow'].pass).toBe(true)
    r = await variant('fix-the-timeout', [
      ['index.mjs', 'const SAFETY_MARGIN_MS = 500', 'const SAFETY_MARGIN_MS = 100'],
    ])
    // The handler waits until getRemainingTimeInMillis() - 100, so it answers a little under 2900 ms
    // after the start: how far under depends on when the deadline is read, so only the range is fixed.
    const late = r['Answers within 2700 ms, keeping time in reserve'].message.match(
      /^Your function answered after (\d+) ms \(the REPORT line's Duration\): too close to its 3-second timeout/,
    )
    expect(late).not.toBeNull()
    expect(Number(late![1])).toBeGreaterThan(2700)
    expect(Number(late![1])).toBeLessThan(3000)
    expect(r['No longer times out when the warehouse is slow'].pass).toBe(true)
  })
})
