// Kettle & Co. order intake. The web shop sends each new order here.
//
// An order looks like:
//   { "orderId": "KC-1042", "items": [ { "sku": "MUG-CLASSIC", "quantity": 2 } ] }
//
// The answer has a statusCode, as an HTTP response would: 201 when the order is accepted.
import { reserveStock } from './lib/stock.mjs'

/** What is wrong with an order, in words the caller can act on, or null when it is fine. */
function problemWith(order) {
  if (typeof order.orderId !== 'string' || order.orderId === '') return 'orderId is required'
  if (!Array.isArray(order.items) || order.items.length === 0) {
    return `order ${order.orderId} needs at least one item`
  }
  for (const item of order.items) {
    const q = item?.quantity
    if (!Number.isInteger(q) || q < 1 || q > 10) {
      return `quantity for ${item?.sku} must be a whole number from 1 to 10, not ${JSON.stringify(q)}`
    }
  }
  return null
}

export const handler = async (event) => {
  const order = event ?? {}
  const problem = problemWith(order)
  if (problem) {
    // The caller's mistake, not a failure of this function: say what is wrong in the answer.
    // Throwing would not help: a retry sends the same bad order again.
    console.warn(`Rejected order ${order.orderId ?? '(no orderId)'}: ${problem}`)
    return { statusCode: 400, orderId: order.orderId ?? null, message: problem }
  }
  const { orderId, items } = order
  const itemCount = items.reduce((total, item) => total + item.quantity, 0)
  // A failure on our side (the stock service is down) is a real error: let it throw, so Lambda
  // records it and an asynchronous invoke is tried again later, when the service may be back.
  await reserveStock(orderId, items)
  console.log(`Accepted order ${orderId} with ${itemCount} items`)
  return { statusCode: 201, orderId, status: 'ACCEPTED', itemCount }
}
