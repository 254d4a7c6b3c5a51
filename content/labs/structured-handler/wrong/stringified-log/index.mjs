// Known-wrong: logs the object as JSON text. With the JSON log format the record's "message" is
// then a string, so orderId is buried in it instead of being a field you can filter on.
import { priceOrder } from './lib/orders.mjs'

// Configuration comes from the environment, read and checked once during Init.
function readTaxRate() {
  const raw = process.env.TAX_RATE
  if (raw === undefined || raw.trim() === '') {
    throw new Error("TAX_RATE is not set: add it to the function's environment variables (0.2 means 20% VAT)")
  }
  const rate = Number(raw)
  if (!Number.isFinite(rate) || rate < 0 || rate > 1) {
    throw new Error(`TAX_RATE must be a number from 0 to 1, not "${raw}"`)
  }
  return rate
}

const TAX_RATE = readTaxRate()

export const handler = async (event) => {
  const result = priceOrder(event, TAX_RATE)
  console.info(JSON.stringify({ msg: 'Order priced', orderId: result.orderId, total: result.total }))
  return result
}
