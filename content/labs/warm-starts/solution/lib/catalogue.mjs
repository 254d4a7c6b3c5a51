// Stands in for a database client. Connecting is slow (about 400 ms: DNS, TLS, authentication);
// each query after that is quick. Don't change this file: the checks count its log lines.
const PRODUCTS = [
  { sku: 'MUG-CLASSIC', name: 'Classic mug' },
  { sku: 'MUG-ESPRESSO', name: 'Espresso cup' },
  { sku: 'TEAPOT-BLUE', name: 'Blue teapot' },
  { sku: 'TEAPOT-CAST-IRON', name: 'Cast-iron teapot' },
]

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

export async function connectCatalogue() {
  console.log('Connecting to the catalogue database...')
  await sleep(400)
  const bySku = new Map(PRODUCTS.map((p) => [p.sku, p]))
  return {
    async getProduct(sku) {
      await sleep(5)
      return bySku.get(sku) ?? null
    },
  }
}
