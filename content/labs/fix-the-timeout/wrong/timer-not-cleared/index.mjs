// Known-wrong: cancels the request with an AbortController after the time the function has left,
// but never clears its own timer: when the warehouse answers in time, the timer stays pending in
// the frozen environment and fires during a later invoke.
import { getStockLevel } from './lib/warehouse.mjs'

export const handler = async (event, context) => {
  const { sku } = event
  console.log(`Checking stock for ${sku}`)
  const budgetMs = context.getRemainingTimeInMillis() - 500
  const controller = new AbortController()
  setTimeout(() => controller.abort(), budgetMs)
  try {
    const inStock = await getStockLevel(sku, { signal: controller.signal })
    return { sku, inStock, source: 'warehouse' }
  } catch (err) {
    if (err.name !== 'AbortError') throw err
    console.warn(`Warehouse did not answer for ${sku} within ${budgetMs} ms: returning the fallback`)
    return { sku, inStock: null, source: 'fallback' }
  }
}
