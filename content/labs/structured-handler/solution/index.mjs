// Kettle & Co. order pricing: { orderId, items: [{ sku, quantity, unitPrice }] } -> totals in pence.
// The handler only adapts Lambda to the business logic: configuration in, event in, result out.
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
  // The function uses Lambda's JSON log format: the object stays an object, in the record's
  // "message" field, so orderId becomes a field you can filter on ({ $.message.orderId = "KC-2001" }).
  console.info({ msg: 'Order priced', orderId: result.orderId, total: result.total })
  return result
}
