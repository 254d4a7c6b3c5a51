// events: Node's EventEmitter (the `events` npm package), plus the newer static helpers.
import EventEmitter from 'events/events.js'

export default function factory() {
  const EE = EventEmitter
  // Node 20 emitters carry two symbol-keyed fields; they show in util.inspect output.
  const kShapeMode = Symbol('shapeMode')
  const kCapture = Symbol('kCapture')
  const init = EE.init
  EE.init = function initWithSymbols(opts) {
    init.call(this, opts)
    if (!Object.prototype.hasOwnProperty.call(this, kShapeMode)) {
      this[kShapeMode] = false
      this[kCapture] = !!(opts && opts.captureRejections)
    }
  }
  if (EE.errorMonitor === undefined) EE.errorMonitor = Symbol('events.errorMonitor')
  if (EE.captureRejectionSymbol === undefined) EE.captureRejectionSymbol = Symbol.for('nodejs.rejection')
  EE.getEventListeners = (emitter, name) => (typeof emitter.listeners === 'function' ? emitter.listeners(name) : [])
  EE.setMaxListeners = (n, ...targets) => {
    if (targets.length === 0) EE.defaultMaxListeners = n
    for (const t of targets) if (typeof t.setMaxListeners === 'function') t.setMaxListeners(n)
  }
  EE.on = function on(emitter, event) {
    const queue = []
    const waiting = []
    let error = null
    const onEvent = (...args) => {
      const w = waiting.shift()
      if (w) w.resolve({ value: args, done: false })
      else queue.push(args)
    }
    const onError = (err) => {
      const w = waiting.shift()
      if (w) w.reject(err)
      else error = err
    }
    emitter.on(event, onEvent)
    if (event !== 'error') emitter.on('error', onError)
    const remove = () => {
      emitter.removeListener(event, onEvent)
      emitter.removeListener('error', onError)
    }
    return {
      next() {
        if (queue.length) return Promise.resolve({ value: queue.shift(), done: false })
        if (error) {
          const e = error
          error = null
          return Promise.reject(e)
        }
        return new Promise((resolve, reject) => waiting.push({ resolve, reject }))
      },
      return() {
        remove()
        for (const w of waiting.splice(0)) w.resolve({ value: undefined, done: true })
        return Promise.resolve({ value: undefined, done: true })
      },
      throw(err) {
        remove()
        return Promise.reject(err)
      },
      [Symbol.asyncIterator]() {
        return this
      },
    }
  }
  return EE
}
