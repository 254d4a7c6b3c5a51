// Kettle & Co. product lookup: { "sku": "TEAPOT-BLUE" } -> name and price (pence, VAT included).
import { connectCatalogue } from './lib/catalogue.mjs'
import { buildPriceList } from './lib/price-list.mjs'

export const handler = async (event) => {
  // Both of these are slow, and both run again on every single invoke.
  const catalogue = await connectCatalogue()
  const priceList = buildPriceList()

  const product = await catalogue.getProduct(event.sku)
  if (!product) return { sku: event.sku, found: false }
  return { sku: product.sku, name: product.name, price: priceList.prices[product.sku], found: true }
}
