// Stands in for Kettle & Co.'s warehouse stock API, reached over the network.
// How long it takes to answer comes from the WAREHOUSE_LATENCY_MS environment variable, so you
// can give the warehouse a bad day (8000) or a good one (200). Don't change this file.
const STOCK = { 'MUG-CLASSIC': 42, 'TEAPOT-BLUE': 7, 'TEAPOT-CAST-IRON': 0 }

export function getStockLevel(sku) {
  const latency = Number(process.env.WAREHOUSE_LATENCY_MS ?? 200)
  return new Promise((resolve) => {
    setTimeout(() => resolve(STOCK[sku] ?? 0), latency)
  })
}
