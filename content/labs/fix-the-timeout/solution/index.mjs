// Kettle & Co. stock badge for the product page: { "sku": "TEAPOT-BLUE" } -> how many are in stock.
import { getStockLevel } from './lib/warehouse.mjs'

// Keep this much of the function's time for answering, logging and the unexpected.
const SAFETY_MARGIN_MS = 500

export const handler = async (event, context) => {
  const { sku } = event
  console.log(`Checking stock for ${sku}`)
  // The deadline comes from the time this invoke has left, so it follows the function's timeout.
  const budgetMs = context.getRemainingTimeInMillis() - SAFETY_MARGIN_MS
  try {
    // AbortSignal.timeout cancels the request itself when the time is up: nothing is left running.
    const inStock = await getStockLevel(sku, { signal: AbortSignal.timeout(budgetMs) })
    return { sku, inStock, source: 'warehouse' }
  } catch (err) {
    if (err.name !== 'TimeoutError') throw err
    console.warn(`Warehouse did not answer for ${sku} within ${budgetMs} ms: returning the fallback`)
    return { sku, inStock: null, source: 'fallback' }
  }
}
