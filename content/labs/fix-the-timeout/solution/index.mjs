// Kettle & Co. stock badge for the product page: { "sku": "TEAPOT-BLUE" } -> how many are in stock.
import { getStockLevel } from './lib/warehouse.mjs'

// Keep this much of the function's time for answering, logging and the unexpected.
const SAFETY_MARGIN_MS = 500
const TIMED_OUT = Symbol('timed out')

/** A promise that resolves to TIMED_OUT after `ms`, and a way to cancel its timer. */
function deadline(ms) {
  let timer
  const promise = new Promise((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), ms)
  })
  return { promise, cancel: () => clearTimeout(timer) }
}

export const handler = async (event, context) => {
  const { sku } = event
  console.log(`Checking stock for ${sku}`)
  const budgetMs = context.getRemainingTimeInMillis() - SAFETY_MARGIN_MS
  const limit = deadline(budgetMs)
  try {
    const inStock = await Promise.race([getStockLevel(sku), limit.promise])
    if (inStock === TIMED_OUT) {
      console.warn(`Warehouse did not answer for ${sku} within ${budgetMs} ms: returning the fallback`)
      return { sku, inStock: null, source: 'fallback' }
    }
    return { sku, inStock, source: 'warehouse' }
  } finally {
    limit.cancel()
  }
}
