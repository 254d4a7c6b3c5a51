// Known-wrong: the variable lives at the top level, but the handler connects again on every
// invoke, so warm invokes gain nothing (and the old connections are never closed).
import { connectCatalogue } from './lib/catalogue.mjs'
import { buildPriceList } from './lib/price-list.mjs'

let catalogue
let priceList

export const handler = async (event) => {
  catalogue = await connectCatalogue()
  priceList ??= buildPriceList()
  const product = await catalogue.getProduct(event.sku)
  if (!product) return { sku: event.sku, found: false }
  return { sku: product.sku, name: product.name, price: priceList.prices[product.sku], found: true }
}
