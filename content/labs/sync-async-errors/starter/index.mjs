// Kettle & Co. order intake. The web shop sends each new order here.
//
// An order looks like:
//   { "orderId": "KC-1042", "items": [ { "sku": "MUG-CLASSIC", "quantity": 2 } ] }
//
// The answer has a statusCode, as an HTTP response would: 201 when the order is accepted.
import { reserveStock } from './lib/stock.mjs'

export const handler = async (event) => {
  const { orderId, items } = event

  // TODO: check the order first. When it is bad, answer
  //   { statusCode: 400, orderId, message: '…what is wrong…' }
  // and log a warning. The rules:
  //   - orderId must be a non-empty string
  //   - items must be an array with at least one item
  //   - every quantity must be a whole number from 1 to 10

  const itemCount = items.reduce((total, item) => total + item.quantity, 0)
  await reserveStock(orderId, items)
  console.log(`Accepted order ${orderId} with ${itemCount} items`)
  return { statusCode: 201, orderId, status: 'ACCEPTED', itemCount }
}
