// Kettle & Co. product lookup: { "sku": "TEAPOT-BLUE" } -> name and price (pence, VAT included).
import { connectCatalogue } from './lib/catalogue.mjs'
import { buildPriceList } from './lib/price-list.mjs'

// Init: top-level code runs once per execution environment, before its first invoke.
// Warm invokes reuse the connection.
const catalogue = await connectCatalogue()

// Built by the first invoke that needs it, then kept in memory for the life of the environment.
// (Lazy: an environment that never needs it never pays for it.)
let priceList

export const handler = async (event) => {
  priceList ??= buildPriceList()
  const product = await catalogue.getProduct(event.sku)
  if (!product) return { sku: event.sku, found: false }
  return { sku: product.sku, name: product.name, price: priceList.prices[product.sku], found: true }
}
