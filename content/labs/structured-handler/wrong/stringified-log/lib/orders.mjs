// Kettle & Co.'s pricing rules: plain business logic, with no Lambda (no event, no context,
// no process.env) in sight, so it can be tested and reused on its own.

/** Totals in pence. taxRate is a fraction: 0.2 for 20% VAT. */
export function priceOrder(order, taxRate) {
  let subtotal = 0
  for (const item of order.items) {
    subtotal += item.quantity * item.unitPrice
  }
  const tax = Math.round(subtotal * taxRate)
  return { orderId: order.orderId, subtotal, tax, total: subtotal + tax }
}
