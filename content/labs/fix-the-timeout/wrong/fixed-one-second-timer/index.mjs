// Known-wrong: races the warehouse against a fixed 1-second timer. It ignores the time the function
// has left (too short with a long timeout, too long with a short one), never clears the timer, and
// leaves the warehouse request running after it answers.
import { getStockLevel } from './lib/warehouse.mjs'

export const handler = async (event) => {
  const { sku } = event
  console.log(`Checking stock for ${sku}`)
  const tooSlow = new Promise((resolve) => setTimeout(() => resolve('too slow'), 1000))
  const inStock = await Promise.race([getStockLevel(sku), tooSlow])
  if (inStock === 'too slow') {
    console.warn(`Warehouse too slow for ${sku}: returning the fallback`)
    return { sku, inStock: null, source: 'fallback' }
  }
  return { sku, inStock, source: 'warehouse' }
}
