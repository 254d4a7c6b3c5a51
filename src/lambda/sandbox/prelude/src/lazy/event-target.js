// EventTarget, Event, AbortController, AbortSignal, DOMException (globals in Node 20), small
// WHATWG subset.
export default function factory() {
  // The legacy codes WebIDL gives DOMException names (AbortError is 20, TimeoutError 23).
  const CODES = {
    IndexSizeError: 1,
    HierarchyRequestError: 3,
    WrongDocumentError: 4,
    InvalidCharacterError: 5,
    NoModificationAllowedError: 7,
    NotFoundError: 8,
    NotSupportedError: 9,
    InvalidStateError: 11,
    SyntaxError: 12,
    InvalidModificationError: 13,
    NamespaceError: 14,
    InvalidAccessError: 15,
    TypeMismatchError: 17,
    SecurityError: 18,
    NetworkError: 19,
    AbortError: 20,
    URLMismatchError: 21,
    QuotaExceededError: 22,
    TimeoutError: 23,
    InvalidNodeTypeError: 24,
    DataCloneError: 25,
  }
  class DOMException extends Error {
    #name
    constructor(message = '', options = 'Error') {
      super(`${message}`)
      if (options !== null && typeof options === 'object') {
        this.#name = 'name' in options ? `${options.name}` : 'Error'
        if ('cause' in options)
          Object.defineProperty(this, 'cause', { value: options.cause, writable: true, configurable: true })
      } else this.#name = `${options}`
    }
    get name() {
      return this.#name
    }
    get code() {
      return CODES[this.#name] || 0
    }
  }
  for (const k of Object.keys(CODES)) {
    const key = k
      .replace(/([a-z])([A-Z])/g, '$1_$2')
      .toUpperCase()
      .replace(/_ERROR$/, '_ERR')
    Object.defineProperty(DOMException, key, { value: CODES[k], enumerable: true })
  }

  class Event {
    #type
    #defaultPrevented = false
    #stop = false
    constructor(type, options = {}) {
      if (arguments.length === 0) throw new TypeError('The "type" argument must be specified')
      this.#type = `${type}`
      this.bubbles = !!options.bubbles
      this.cancelable = !!options.cancelable
      this.composed = !!options.composed
      this.timeStamp = Date.now()
      this.target = null
      this.currentTarget = null
    }
    get type() {
      return this.#type
    }
    get defaultPrevented() {
      return this.cancelable && this.#defaultPrevented
    }
    preventDefault() {
      this.#defaultPrevented = true
    }
    stopPropagation() {}
    stopImmediatePropagation() {
      this.#stop = true
    }
    get __lfStopped() {
      return this.#stop
    }
  }

  class EventTarget {
    #listeners = new Map()
    addEventListener(type, listener, options) {
      if (listener == null) return
      const once = typeof options === 'object' && options !== null && !!options.once
      let list = this.#listeners.get(type)
      if (!list) this.#listeners.set(type, (list = []))
      if (list.some((l) => l.listener === listener)) return
      list.push({ listener, once })
      const signal = typeof options === 'object' && options !== null ? options.signal : undefined
      if (signal) signal.addEventListener('abort', () => this.removeEventListener(type, listener), { once: true })
    }
    removeEventListener(type, listener) {
      const list = this.#listeners.get(type)
      if (!list) return
      const i = list.findIndex((l) => l.listener === listener)
      if (i !== -1) list.splice(i, 1)
    }
    dispatchEvent(event) {
      if (!(event instanceof Event)) throw new TypeError('The "event" argument must be an instance of Event.')
      event.target = this
      event.currentTarget = this
      const list = (this.#listeners.get(event.type) || []).slice()
      for (const l of list) {
        if (l.once) this.removeEventListener(event.type, l.listener)
        if (typeof l.listener === 'function') l.listener.call(this, event)
        else l.listener.handleEvent(event)
        if (event.__lfStopped) break
      }
      const handler = this[`on${event.type}`]
      if (typeof handler === 'function') handler.call(this, event)
      return !event.defaultPrevented
    }
  }

  function abortReason(message = 'This operation was aborted') {
    return new DOMException(message, 'AbortError')
  }

  class AbortSignal extends EventTarget {
    #aborted = false
    #reason = undefined
    constructor(key) {
      super()
      if (key !== kCreate) throw new TypeError('Illegal constructor')
      this.onabort = null
    }
    get aborted() {
      return this.#aborted
    }
    get reason() {
      return this.#reason
    }
    throwIfAborted() {
      if (this.#aborted) throw this.#reason
    }
    __lfAbort(reason) {
      if (this.#aborted) return
      this.#aborted = true
      this.#reason = reason === undefined ? abortReason() : reason
      this.dispatchEvent(new Event('abort'))
    }
    static abort(reason) {
      const s = new AbortSignal(kCreate)
      s.__lfAbort(reason)
      return s
    }
    static timeout(ms) {
      const s = new AbortSignal(kCreate)
      // Unref'd, as Node's: the timer alone does not keep the event loop alive.
      const t = globalThis.setTimeout(() => {
        s.__lfAbort(new DOMException('The operation was aborted due to timeout', 'TimeoutError'))
      }, ms)
      if (t && typeof t.unref === 'function') t.unref()
      return s
    }
    static any(signals) {
      const s = new AbortSignal(kCreate)
      for (const sig of signals) {
        if (sig.aborted) {
          s.__lfAbort(sig.reason)
          return s
        }
        sig.addEventListener('abort', () => s.__lfAbort(sig.reason), { once: true })
      }
      return s
    }
  }
  const kCreate = Symbol('create')

  class AbortController {
    #signal = new AbortSignal(kCreate)
    get signal() {
      return this.#signal
    }
    abort(reason) {
      this.#signal.__lfAbort(reason)
    }
  }

  const kInspect = Symbol.for('nodejs.util.inspect.custom')
  AbortSignal.prototype[kInspect] = function inspect(depth, opts, inspectFn) {
    return `${this.constructor.name} ${inspectFn({ aborted: this.aborted }, opts)}`
  }
  AbortController.prototype[kInspect] = function inspect(depth, opts, inspectFn) {
    return `${this.constructor.name} ${inspectFn({ signal: this.signal }, opts)}`
  }
  for (const C of [AbortSignal, AbortController]) Object.defineProperty(C.prototype, kInspect, { enumerable: false })
  return { Event, EventTarget, AbortController, AbortSignal, DOMException }
}
