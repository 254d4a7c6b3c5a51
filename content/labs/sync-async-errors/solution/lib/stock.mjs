// Stands in for Kettle & Co.'s stock service, reached over the network. Don't change this file.
// Like any real service it can fail: with the STOCK_SERVICE environment variable set to "down"
// (the checks do this), every call throws a StockServiceError, as an overloaded service would.
export class StockServiceError extends Error {
  constructor(message) {
    super(message)
    this.name = 'StockServiceError'
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

export async function reserveStock(orderId, items) {
  await sleep(30)
  if (process.env.STOCK_SERVICE === 'down') {
    throw new StockServiceError('The stock service is unavailable (503 Service Unavailable): try again later')
  }
  return { reservationId: `R-${orderId}`, lines: items.length }
}
