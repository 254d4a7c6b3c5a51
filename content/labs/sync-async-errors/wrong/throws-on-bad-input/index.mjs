// Known-wrong: rejects a bad order by throwing. A synchronous caller gets FunctionError and a
// stack trace instead of an answer it can show, and an asynchronous invoke is retried for nothing.
import { reserveStock } from './lib/stock.mjs'

class ValidationError extends Error {
  constructor(message) {
    super(message)
    this.name = 'ValidationError'
  }
}

export const handler = async (event) => {
  const { orderId, items } = event
  if (typeof orderId !== 'string' || orderId === '') throw new ValidationError('orderId is required')
  if (!Array.isArray(items) || items.length === 0) {
    throw new ValidationError(`order ${orderId} needs at least one item`)
  }
  for (const item of items) {
    const q = item.quantity
    if (!Number.isInteger(q) || q < 1 || q > 10) {
      throw new ValidationError(`quantity for ${item.sku} must be a whole number from 1 to 10, not ${q}`)
    }
  }
  const itemCount = items.reduce((total, item) => total + item.quantity, 0)
  await reserveStock(orderId, items)
  console.log(`Accepted order ${orderId} with ${itemCount} items`)
  return { statusCode: 201, orderId, status: 'ACCEPTED', itemCount }
}
