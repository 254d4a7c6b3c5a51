// Kettle & Co. order intake. The web shop sends each new order here.
//
// An order looks like:
//   { "orderId": "KC-1042", "items": [ { "sku": "MUG-CLASSIC", "quantity": 2 } ] }

// A typed error: Lambda reports error.name as the errorType, so callers (and your
// alarms) can tell a bad order apart from a bug in the code.
class ValidationError extends Error {
  constructor(message) {
    super(message)
    this.name = 'ValidationError'
  }
}

function validate(order) {
  if (typeof order.orderId !== 'string' || order.orderId === '') {
    throw new ValidationError('orderId is required')
  }
  if (!Array.isArray(order.items) || order.items.length === 0) {
    throw new ValidationError(`order ${order.orderId} needs at least one item`)
  }
  for (const item of order.items) {
    const q = item.quantity
    if (!Number.isInteger(q) || q < 1 || q > 10) {
      throw new ValidationError(`quantity for ${item.sku} must be a whole number from 1 to 10, not ${q}`)
    }
  }
}

export const handler = async (event) => {
  validate(event)
  const { orderId, items } = event
  const itemCount = items.reduce((total, item) => total + item.quantity, 0)
  console.log(`Accepted order ${orderId} with ${itemCount} items`)
  return { orderId, status: 'ACCEPTED', itemCount }
}
