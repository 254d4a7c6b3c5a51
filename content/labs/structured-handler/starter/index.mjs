// Kettle & Co. order pricing: { orderId, items: [{ sku, quantity, unitPrice }] } -> totals in pence.
//
// Everything is in the handler: the pricing rules, a hard-coded tax rate and plain-text logs.
// Split it up (see the instructions).

export const handler = async (event) => {
  const taxRate = 0.2

  let subtotal = 0
  for (const item of event.items) {
    subtotal += item.quantity * item.unitPrice
  }
  const tax = Math.round(subtotal * taxRate)
  const total = subtotal + tax

  console.log('priced order ' + event.orderId + ': total ' + total)
  return { orderId: event.orderId, subtotal, tax, total }
}
