// Kettle & Co. stock badge for the product page: { "sku": "TEAPOT-BLUE" } -> how many are in stock.
import { getStockLevel } from './lib/warehouse.mjs'

export const handler = async (event) => {
  console.log(`Checking stock for ${event.sku}`)
  const inStock = await getStockLevel(event.sku)
  return { sku: event.sku, inStock, source: 'warehouse' }
}
