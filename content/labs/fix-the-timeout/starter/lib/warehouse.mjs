// Stands in for Kettle & Co.'s warehouse stock API, reached over the network. Don't change this file.
//
// It answers after WAREHOUSE_LATENCY_MS milliseconds (an environment variable: 8000 is a bad day,
// 200 a good one). Like fetch(), it takes a `signal`: when the signal aborts, the request is
// cancelled and the promise rejects with the signal's reason, a TimeoutError for
// AbortSignal.timeout(ms) or an AbortError for controller.abort(). It logs every answer it sends,
// so a request that is left running shows up in the log, even after your function has answered.
const STOCK = { 'MUG-CLASSIC': 42, 'TEAPOT-BLUE': 7, 'TEAPOT-CAST-IRON': 0 }

export function getStockLevel(sku, { signal } = {}) {
  const latency = Number(process.env.WAREHOUSE_LATENCY_MS ?? 200)
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason)
      return
    }
    const onAbort = () => {
      clearTimeout(timer)
      reject(signal.reason)
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      console.log(`[warehouse] answered for ${sku} after ${latency} ms`)
      resolve(STOCK[sku] ?? 0)
    }, latency)
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}
