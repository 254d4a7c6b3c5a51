// internal/pristine: runs runtime code with the built-ins captured at bootstrap (see
// intrinsics.js), then puts the user's replacements back. Loaded only once tampering is seen.
// It must not rely on anything user code could have replaced: it takes its helpers from the
// snapshot and uses index loops only (no iterators, no prototype methods).
export default function factory() {
  return function runPristine(snapshot, fn) {
    const { holders, keys, values } = snapshot
    // Everything this function needs comes from the snapshot, never from (replaceable) globals.
    let defineProperty
    let getOwnPropertyDescriptor
    let ObjectPrototype
    let ArrayPrototype
    for (let i = 0; i < values.length; i++) {
      const k = keys[i]
      if (k === 'defineProperty' && defineProperty === undefined) defineProperty = values[i]
      else if (k === 'getOwnPropertyDescriptor' && getOwnPropertyDescriptor === undefined)
        getOwnPropertyDescriptor = values[i]
      else if (k === 'hasOwnProperty' && ObjectPrototype === undefined) ObjectPrototype = holders[i]
      else if (k === 'join' && ArrayPrototype === undefined) ArrayPrototype = holders[i]
    }
    const protos = [ArrayPrototype, ObjectPrototype]

    // 1. methods that differ from the snapshot
    const changed = []
    for (let i = 0; i < values.length; i++) {
      let same
      try {
        same = holders[i][keys[i]] === values[i]
      } catch {
        same = false
      }
      if (!same) changed[changed.length] = i
    }
    // 2. enumerable properties added to Object.prototype / Array.prototype
    const junk = []

    for (const k in []) junk[junk.length] = k

    const saved = []
    for (let j = 0; j < changed.length; j++) {
      const i = changed[j]
      const d = getOwnPropertyDescriptor(holders[i], keys[i])
      saved[j] = d
      if (d === undefined || d.configurable) {
        defineProperty(holders[i], keys[i], { value: values[i], writable: true, enumerable: false, configurable: true })
      } else if (d.writable) {
        holders[i][keys[i]] = values[i]
      }
    }
    const hidden = []
    for (let j = 0; j < junk.length; j++) {
      for (let h = 0; h < 2; h++) {
        const d = getOwnPropertyDescriptor(protos[h], junk[j])
        if (d !== undefined && d.configurable && d.enumerable) {
          d.enumerable = false
          defineProperty(protos[h], junk[j], d)
          hidden[hidden.length] = protos[h]
          hidden[hidden.length] = junk[j]
        }
      }
    }
    try {
      return fn()
    } finally {
      for (let j = hidden.length - 2; j >= 0; j -= 2) {
        const cur = getOwnPropertyDescriptor(hidden[j], hidden[j + 1])
        if (cur !== undefined && cur.configurable) {
          cur.enumerable = true
          defineProperty(hidden[j], hidden[j + 1], cur)
        }
      }
      for (let j = changed.length - 1; j >= 0; j--) {
        const i = changed[j]
        const d = saved[j]
        const cur = getOwnPropertyDescriptor(holders[i], keys[i])
        if (cur === undefined || !cur.configurable) {
          if (cur !== undefined && cur.writable && d !== undefined && 'value' in d) holders[i][keys[i]] = d.value
          continue
        }
        if (d === undefined) delete holders[i][keys[i]]
        else defineProperty(holders[i], keys[i], d)
      }
    }
  }
}
