// structuredClone via @ungap/structured-clone; non-cloneable values throw a DataCloneError.
import clone from '@ungap/structured-clone'

function dataCloneError(value) {
  let shown
  try {
    shown = typeof value === 'symbol' ? value.toString() : String(value)
  } catch {
    shown = Object.prototype.toString.call(value)
  }
  const err = new Error(`${shown} could not be cloned.`)
  err.name = 'DataCloneError'
  err.code = 25
  return err
}

function findUncloneable(value, seen) {
  if (typeof value === 'function' || typeof value === 'symbol') return { value }
  if (value === null || typeof value !== 'object' || seen.has(value)) return undefined
  seen.add(value)
  if (value instanceof WeakMap || value instanceof WeakSet || value instanceof Promise) return { value }
  const entries =
    value instanceof Map
      ? [...value.keys(), ...value.values()]
      : value instanceof Set
        ? [...value]
        : Object.values(value)
  for (const v of entries) {
    const bad = findUncloneable(v, seen)
    if (bad) return bad
  }
  return undefined
}

export default function factory() {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the signature stays as written (function length)
  function structuredClone(value, options) {
    if (arguments.length === 0) {
      const err = new TypeError('The "value" argument must be specified')
      err.code = 'ERR_MISSING_ARGS'
      throw err
    }
    const bad = findUncloneable(value, new Set())
    if (bad) throw dataCloneError(bad.value)
    return clone(value)
  }
  return { structuredClone }
}
