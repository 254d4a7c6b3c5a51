// Known-wrong: validates well, then turns every failure into a result. When the stock service is
// down the invoke "succeeds" with a 500: Lambda counts no error, and an asynchronous invoke is
// never retried, so the order is lost.
import { reserveStock } from './lib/stock.mjs'

function problemWith(order) {
  if (typeof order.orderId !== 'string' || order.orderId === '') return 'orderId is required'
  if (!Array.isArray(order.items) || order.items.length === 0) return `order ${order.orderId} needs at least one item`
  for (const item of order.items) {
    const q = item?.quantity
    if (!Number.isInteger(q) || q < 1 || q > 10) {
      return `quantity for ${item?.sku} must be a whole number from 1 to 10, not ${JSON.stringify(q)}`
    }
  }
  return null
}

export const handler = async (event) => {
  const problem = problemWith(event)
  if (problem) {
    console.warn(`Rejected order ${event.orderId}: ${problem}`)
    return { statusCode: 400, orderId: event.orderId ?? null, message: problem }
  }
  try {
    const itemCount = event.items.reduce((total, item) => total + item.quantity, 0)
    await reserveStock(event.orderId, event.items)
    console.log(`Accepted order ${event.orderId} with ${itemCount} items`)
    return { statusCode: 201, orderId: event.orderId, status: 'ACCEPTED', itemCount }
  } catch (err) {
    console.error(err)
    return { statusCode: 500, orderId: event.orderId, message: 'Something went wrong' }
  }
}
