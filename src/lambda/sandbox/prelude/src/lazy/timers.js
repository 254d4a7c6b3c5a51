// timers: the engine owns the timer globals (virtual clock); this module forwards to them.
export default function factory() {
  const g = globalThis
  const names = ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'clearImmediate']
  const timers = {}
  for (const name of names) {
    Object.defineProperty(timers, name, {
      enumerable: true,
      configurable: true,
      writable: true,
      value: function (...args) {
        return g[name](...args)
      },
    })
    Object.defineProperty(timers[name], 'name', { value: name })
  }
  return timers
}
