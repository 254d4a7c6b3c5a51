// Known-wrong: the pricing rules moved to lib/orders.mjs, but they read process.env themselves
// (see lib/orders.mjs), so the business logic still depends on Lambda's configuration.
import { priceOrder } from './lib/orders.mjs'

export const handler = async (event) => {
  if (!process.env.TAX_RATE || !Number.isFinite(Number(process.env.TAX_RATE))) {
    throw new Error('TAX_RATE is not set to a number')
  }
  const result = priceOrder(event)
  console.info({ msg: 'Order priced', orderId: result.orderId, total: result.total })
  return result
}
