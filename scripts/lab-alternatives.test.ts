// Correct solutions that differ from a lab's solution/ must pass too: a check that tests where the
// code sits, rather than what it does, fails learners who got it right. (check:content runs each
// lab's solution, starter and wrong/ solutions; these are the other right answers.)
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createLambda, type Lambda } from '../src/lambda/index.ts'
import { loadLabFromDisk } from '../src/labs/node.ts'
import { runLabChecks } from '../src/labs/runner.ts'
import type { LoadedLab } from '../src/labs/types.ts'

const labsDir = path.resolve(import.meta.dirname, '..', 'content', 'labs')
let lambda: Lambda
beforeAll(async () => {
  lambda = await createLambda({ prewarm: 0 })
})
afterAll(() => lambda.dispose())

async function lab(id: string): Promise<LoadedLab> {
  const r = await loadLabFromDisk(labsDir, id)
  if (!r.ok) throw new Error(r.problems.join('; '))
  return r.loaded
}

async function failedChecks(id: string, files: Record<string, string>) {
  const { lab: def, starter } = await lab(id)
  const out = await runLabChecks(def, { ...starter, ...files }, lambda)
  return out.results.filter((r) => !r.pass).map((r) => `${r.name}: ${r.message}`)
}

describe('labs accept every correct solution, not just their own', () => {
  it('warm-starts: connecting lazily on the first invoke passes (not only connecting during Init)', async () => {
    const lazy = `import { connectCatalogue } from './lib/catalogue.mjs'
import { buildPriceList } from './lib/price-list.mjs'

let catalogue
const priceList = buildPriceList()

export const handler = async (event) => {
  catalogue ??= await connectCatalogue()
  const product = await catalogue.getProduct(event.sku)
  if (!product) return { sku: event.sku, found: false }
  return { sku: product.sku, name: product.name, price: priceList.prices[product.sku], found: true }
}
`
    expect(await failedChecks('warm-starts', { 'index.mjs': lazy })).toEqual([])
  })

  it('warm-starts: a connection kept as a promise, shared by every invoke, passes', async () => {
    const promised = `import { connectCatalogue } from './lib/catalogue.mjs'
import { buildPriceList } from './lib/price-list.mjs'

const catalogueReady = connectCatalogue()
let priceList

export const handler = async (event) => {
  const catalogue = await catalogueReady
  priceList ??= buildPriceList()
  const product = await catalogue.getProduct(event.sku)
  if (!product) return { sku: event.sku, found: false }
  return { sku: product.sku, name: product.name, price: priceList.prices[product.sku], found: true }
}
`
    expect(await failedChecks('warm-starts', { 'index.mjs': promised })).toEqual([])
  })

  it('fix-the-timeout: an AbortController with a cleared timer passes (not only AbortSignal.timeout)', async () => {
    const controller = `import { getStockLevel } from './lib/warehouse.mjs'

export const handler = async (event, context) => {
  const { sku } = event
  const budgetMs = context.getRemainingTimeInMillis() - 500
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), budgetMs)
  try {
    const inStock = await getStockLevel(sku, { signal: controller.signal })
    return { sku, inStock, source: 'warehouse' }
  } catch (err) {
    if (err.name !== 'AbortError') throw err
    console.warn('Warehouse too slow for ' + sku + ': returning the fallback')
    return { sku, inStock: null, source: 'fallback' }
  } finally {
    clearTimeout(timer)
  }
}
`
    expect(await failedChecks('fix-the-timeout', { 'index.mjs': controller })).toEqual([])
  })

  it('sync-async-errors: validating with a schema-like table of rules passes', async () => {
    const table = `import { reserveStock } from './lib/stock.mjs'

const rules = [
  [(o) => typeof o.orderId === 'string' && o.orderId.length > 0, () => 'orderId is required'],
  [(o) => Array.isArray(o.items) && o.items.length > 0, (o) => 'order ' + o.orderId + ' needs at least one item'],
  [
    (o) => o.items.every((i) => Number.isInteger(i.quantity) && i.quantity >= 1 && i.quantity <= 10),
    () => 'every quantity must be a whole number from 1 to 10',
  ],
]

export const handler = async (order) => {
  const broken = rules.find(([ok]) => !ok(order))
  if (broken) {
    const message = broken[1](order)
    console.warn('Rejected order ' + order.orderId + ': ' + message)
    return { statusCode: 400, orderId: order.orderId ?? null, message }
  }
  await reserveStock(order.orderId, order.items)
  const itemCount = order.items.reduce((n, i) => n + i.quantity, 0)
  console.log('Accepted order ' + order.orderId)
  return { statusCode: 201, orderId: order.orderId, status: 'ACCEPTED', itemCount }
}
`
    expect(await failedChecks('sync-async-errors', { 'index.mjs': table })).toEqual([])
  })
})
