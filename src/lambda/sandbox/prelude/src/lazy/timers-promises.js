// timers/promises on top of the engine's timer globals.
function abortError(signal) {
  const err = new Error('The operation was aborted')
  err.name = 'AbortError'
  err.code = 'ABORT_ERR'
  if (signal && signal.reason !== undefined) err.cause = signal.reason
  return err
}

export default function factory() {
  const g = globalThis
  function setTimeout(delay, value, options) {
    const signal = options && options.signal
    if (signal && signal.aborted) return Promise.reject(abortError(signal))
    return new Promise((resolve, reject) => {
      const id = g.setTimeout(() => resolve(value), delay)
      if (signal && typeof signal.addEventListener === 'function') {
        signal.addEventListener(
          'abort',
          () => {
            g.clearTimeout(id)
            reject(abortError(signal))
          },
          { once: true },
        )
      }
    })
  }
  function setImmediate(value, options) {
    const signal = options && options.signal
    if (signal && signal.aborted) return Promise.reject(abortError(signal))
    return new Promise((resolve) => g.setImmediate(() => resolve(value)))
  }
  async function* setInterval(delay, value) {
    for (;;) yield await setTimeout(delay, value)
  }
  return {
    setTimeout,
    setImmediate,
    setInterval,
    scheduler: { wait: (ms, opts) => setTimeout(ms, undefined, opts), yield: () => setImmediate() },
  }
}
