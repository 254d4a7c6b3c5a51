// Known-wrong: the connection is reused, but the price list is rebuilt by every invoke.
import { connectCatalogue } from './lib/catalogue.mjs'
import { buildPriceList } from './lib/price-list.mjs'

const catalogue = await connectCatalogue()

export const handler = async (event) => {
  const priceList = buildPriceList()
  const product = await catalogue.getProduct(event.sku)
  if (!product) return { sku: event.sku, found: false }
  return { sku: product.sku, name: product.name, price: priceList.prices[product.sku], found: true }
}
