// Known-wrong: reads the tax rate from the environment here, ignoring the rate it is given, so it
// can't be tested or reused without Lambda's configuration.
export function priceOrder(order, taxRate = Number(process.env.TAX_RATE)) {
  const rate = Number(process.env.TAX_RATE ?? taxRate)
  let subtotal = 0
  for (const item of order.items) {
    subtotal += item.quantity * item.unitPrice
  }
  const tax = Math.round(subtotal * rate)
  return { orderId: order.orderId, subtotal, tax, total: subtotal + tax }
}
