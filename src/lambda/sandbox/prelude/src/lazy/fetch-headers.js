// fetch's Headers class (Node 20's undici: names checked as tokens, values trimmed, entries sorted
// by name, set-cookie values kept apart), for lazy/fetch.js.
/** An HTTP token (header names, methods). */
export const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/

export function makeHeaders() {
  const normValue = (v) => `${v}`.replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, '')
  function checkName(name) {
    if (!TOKEN.test(name)) throw new TypeError(`Headers.append: "${name}" is an invalid header name.`)
  }
  class Headers {
    #map = new Map() // lower-case name -> values[]
    constructor(init) {
      if (init == null) return
      if (init instanceof Headers) {
        for (const [k, v] of init.#map) this.#map.set(k, v.slice())
      } else if (typeof init === 'object' && typeof init[Symbol.iterator] === 'function') {
        for (const pair of init) {
          const arr = [...pair]
          if (arr.length !== 2)
            throw new TypeError(
              'Headers constructor: expected name/value pair to be length 2, found ' + arr.length + '.',
            )
          this.append(arr[0], arr[1])
        }
      } else if (typeof init === 'object') {
        for (const k of Object.keys(init)) this.append(k, init[k])
      } else
        throw new TypeError(
          "Failed to construct 'Headers': The provided value is not of type '(record<ByteString, ByteString> or sequence<sequence<ByteString>>)'.",
        )
    }
    append(name, value) {
      name = `${name}`
      checkName(name)
      const key = name.toLowerCase()
      const list = this.#map.get(key)
      if (list) list.push(normValue(value))
      else this.#map.set(key, [normValue(value)])
    }
    set(name, value) {
      name = `${name}`
      checkName(name)
      this.#map.set(name.toLowerCase(), [normValue(value)])
    }
    get(name) {
      const list = this.#map.get(`${name}`.toLowerCase())
      return list === undefined ? null : list.join(', ')
    }
    getSetCookie() {
      return (this.#map.get('set-cookie') || []).slice()
    }
    has(name) {
      return this.#map.has(`${name}`.toLowerCase())
    }
    delete(name) {
      this.#map.delete(`${name}`.toLowerCase())
    }
    forEach(cb, thisArg) {
      for (const [k, v] of this) cb.call(thisArg, v, k, this)
    }
    *entries() {
      const names = [...this.#map.keys()].sort()
      for (const k of names) {
        if (k === 'set-cookie') for (const v of this.#map.get(k)) yield [k, v]
        else yield [k, this.#map.get(k).join(', ')]
      }
    }
    *keys() {
      for (const [k] of this.entries()) yield k
    }
    *values() {
      for (const [, v] of this.entries()) yield v
    }
    [Symbol.iterator]() {
      return this.entries()
    }
    get [Symbol.toStringTag]() {
      return 'Headers'
    }
  }
  return Headers
}
