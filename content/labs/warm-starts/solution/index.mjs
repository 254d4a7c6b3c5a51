// Kettle & Co. product lookup: { "sku": "TEAPOT-BLUE" } -> name and price (pence, VAT included).
import { existsSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import { connectCatalogue } from './lib/catalogue.mjs'
import { buildPriceList } from './lib/price-list.mjs'

const PRICE_LIST_FILE = '/tmp/price-list.json'

// Init: top-level code runs once per execution environment, before its first invoke.
// Warm invokes reuse the connection.
const catalogue = await connectCatalogue()

// /tmp lives as long as the execution environment: build the file once, then read it.
async function getPriceList() {
  if (existsSync(PRICE_LIST_FILE)) {
    return JSON.parse(await readFile(PRICE_LIST_FILE, 'utf8'))
  }
  const priceList = buildPriceList()
  await writeFile(PRICE_LIST_FILE, JSON.stringify(priceList))
  return priceList
}

export const handler = async (event) => {
  const priceList = await getPriceList()
  const product = await catalogue.getProduct(event.sku)
  if (!product) return { sku: event.sku, found: false }
  return { sku: product.sku, name: product.name, price: priceList.prices[product.sku], found: true }
}
