// Known-wrong: the deadline comes from the context and the timer is cleared, but Promise.race only
// stops waiting: the warehouse request goes on running, and answers during a later invoke.
import { getStockLevel } from './lib/warehouse.mjs'

const TIMED_OUT = Symbol('timed out')

export const handler = async (event, context) => {
  const { sku } = event
  console.log(`Checking stock for ${sku}`)
  const budgetMs = context.getRemainingTimeInMillis() - 500
  let timer
  const deadline = new Promise((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), budgetMs)
  })
  try {
    const inStock = await Promise.race([getStockLevel(sku), deadline])
    if (inStock === TIMED_OUT) {
      console.warn(`Warehouse did not answer for ${sku} within ${budgetMs} ms: returning the fallback`)
      return { sku, inStock: null, source: 'fallback' }
    }
    return { sku, inStock, source: 'warehouse' }
  } finally {
    clearTimeout(timer)
  }
}
