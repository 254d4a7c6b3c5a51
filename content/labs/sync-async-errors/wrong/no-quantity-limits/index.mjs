// Known-wrong: rejects an empty order, a missing ID and a quantity of 0, but lets through 2.5
// teapots, 11 mugs or a quantity written as text.
import { reserveStock } from './lib/stock.mjs'

export const handler = async (event) => {
  const { orderId, items } = event
  let problem = null
  if (!orderId) problem = 'orderId is required'
  else if (!Array.isArray(items) || items.length === 0) problem = `order ${orderId} needs at least one item`
  else {
    const bad = items.find((item) => !(item.quantity > 0))
    if (bad) problem = `quantity for ${bad.sku} must be at least 1, not ${bad.quantity}`
  }
  if (problem) {
    console.warn(`Rejected order ${orderId}: ${problem}`)
    return { statusCode: 400, orderId: orderId ?? null, message: problem }
  }
  const itemCount = items.reduce((total, item) => total + item.quantity, 0)
  await reserveStock(orderId, items)
  console.log(`Accepted order ${orderId} with ${itemCount} items`)
  return { statusCode: 201, orderId, status: 'ACCEPTED', itemCount }
}
