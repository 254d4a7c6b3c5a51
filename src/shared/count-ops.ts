// A test helper: wraps an object or array in a Proxy that counts every operation a reader performs
// on it (get, has, ownKeys, getOwnPropertyDescriptor), so a test can assert that a reader's work
// grows linearly with its input (4× the input, about 4× the operations) without timing anything.

/** `target` behind a counting Proxy, and the count so far. */
export function counted<T extends object>(target: T): { value: T; ops: () => number } {
  let n = 0
  const value = new Proxy(target, {
    get(t, k, r) {
      n++
      return Reflect.get(t, k, r)
    },
    has(t, k) {
      n++
      return Reflect.has(t, k)
    },
    ownKeys(t) {
      n++
      return Reflect.ownKeys(t)
    },
    getOwnPropertyDescriptor(t, k) {
      n++
      return Reflect.getOwnPropertyDescriptor(t, k)
    },
  })
  return { value, ops: () => n }
}
