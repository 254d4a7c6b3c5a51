// Builds today's price list: every product in every pack size, with VAT. It is slow CPU work,
// so build it once per execution environment and keep the result in memory.
// Don't change this file: the checks count its log lines.
const BASE_PRICES = { 'MUG-CLASSIC': 1000, 'MUG-ESPRESSO': 750, 'TEAPOT-BLUE': 2900, 'TEAPOT-CAST-IRON': 4500 }
const VAT = 0.2

export function buildPriceList() {
  console.log('Building the price list...')
  const prices = {}
  for (const [sku, base] of Object.entries(BASE_PRICES)) {
    for (let pack = 1; pack <= 100; pack++) {
      // Bigger packs get up to 20% off.
      const discount = Math.min(0.2, (pack - 1) * 0.01)
      prices[`${sku}x${pack}`] = Math.round(base * pack * (1 - discount) * (1 + VAT))
    }
    prices[sku] = prices[`${sku}x1`]
  }
  return { currency: 'GBP', generatedAt: new Date().toISOString(), prices }
}
