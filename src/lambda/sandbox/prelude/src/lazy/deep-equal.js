// Deep equality with Node's rules (util.isDeepStrictEqual / assert.deepStrictEqual and the loose
// assert.deepEqual). Written for the sandbox; covers plain objects, arrays, Map, Set, Date, RegExp,
// boxed primitives, typed arrays, ArrayBuffer, Error and cycles.
const toString = Object.prototype.toString
const hasOwn = Object.prototype.hasOwnProperty
const isEnumerable = Object.prototype.propertyIsEnumerable

function ownKeys(obj, strict) {
  const keys = Object.keys(obj)
  if (strict) {
    for (const s of Object.getOwnPropertySymbols(obj)) if (isEnumerable.call(obj, s)) keys.push(s)
  }
  return keys
}

function looseEqualPrimitive(a, b) {
  return a == b || (a !== a && b !== b)
}

function check(a, b, strict, memo) {
  if (a === b) return a !== 0 || !strict || Object.is(a, b)
  if (strict) {
    if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
      return typeof a === 'number' && typeof b === 'number' && a !== a && b !== b
    }
    if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false
  } else {
    if (a === null || typeof a !== 'object') {
      if (b === null || typeof b !== 'object') return looseEqualPrimitive(a, b)
      return false
    }
    if (b === null || typeof b !== 'object') return false
  }
  const tagA = toString.call(a)
  if (tagA !== toString.call(b)) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false

  // Cycle detection: pairs already being compared are assumed equal.
  let seen = memo.get(a)
  if (seen !== undefined && seen.has(b)) return true
  if (seen === undefined) memo.set(a, (seen = new Set()))
  seen.add(b)

  if (tagA === '[object Date]') {
    if (a.getTime() !== b.getTime()) return false
  } else if (tagA === '[object RegExp]') {
    if (a.source !== b.source || a.flags !== b.flags || a.lastIndex !== b.lastIndex) return false
  } else if (a instanceof Error || b instanceof Error) {
    if (a.message !== b.message || a.name !== b.name) return false
  } else if (ArrayBuffer.isView(a)) {
    if (!ArrayBuffer.isView(b) || a.byteLength !== b.byteLength) return false
    const x = new Uint8Array(a.buffer, a.byteOffset, a.byteLength)
    const y = new Uint8Array(b.buffer, b.byteOffset, b.byteLength)
    if (!strict && !(a instanceof Float32Array || a instanceof Float64Array)) {
      for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false
    } else {
      if (a.length !== b.length) return false
      for (let i = 0; i < a.length; i++) if (!check(a[i], b[i], strict, memo)) return false
    }
    if (strict) return keysEqual(a, b, strict, memo, true)
    return true
  } else if (tagA === '[object ArrayBuffer]') {
    if (a.byteLength !== b.byteLength) return false
    const x = new Uint8Array(a)
    const y = new Uint8Array(b)
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false
  } else if (
    tagA === '[object Number]' ||
    tagA === '[object String]' ||
    tagA === '[object Boolean]' ||
    tagA === '[object BigInt]' ||
    tagA === '[object Symbol]'
  ) {
    if (!Object.is(a.valueOf(), b.valueOf())) return false
  }

  if (Array.isArray(a)) {
    if (a.length !== b.length) return false
    for (let i = 0; i < a.length; i++) {
      if (strict && hasOwn.call(a, i) !== hasOwn.call(b, i)) return false
      if (!check(a[i], b[i], strict, memo)) return false
    }
    return keysEqual(a, b, strict, memo, true)
  }
  if (tagA === '[object Map]') {
    if (a.size !== b.size || !mapEqual(a, b, strict, memo)) return false
  } else if (tagA === '[object Set]') {
    if (a.size !== b.size || !setEqual(a, b, strict, memo)) return false
  }
  return keysEqual(a, b, strict, memo, false)
}

function keysEqual(a, b, strict, memo, skipIndices) {
  let ka = ownKeys(a, strict)
  let kb = ownKeys(b, strict)
  if (skipIndices) {
    const notIndex = (k) => typeof k !== 'string' || !/^(0|[1-9][0-9]*)$/.test(k)
    ka = ka.filter(notIndex)
    kb = kb.filter(notIndex)
  }
  if (ka.length !== kb.length) return false
  for (const k of ka) {
    if (!isEnumerable.call(b, k)) return false
    if (!check(a[k], b[k], strict, memo)) return false
  }
  return true
}

function setEqual(a, b, strict, memo) {
  let pending
  for (const v of a) {
    if (v !== null && typeof v === 'object') (pending || (pending = [])).push(v)
    else if (!b.has(v)) {
      if (strict) return false
      let found = false
      for (const w of b)
        if (looseEqualPrimitive(v, w)) {
          found = true
          break
        }
      if (!found) return false
    }
  }
  if (pending === undefined) return true
  const candidates = []
  for (const w of b) if (w !== null && typeof w === 'object') candidates.push(w)
  for (const v of pending) {
    const i = candidates.findIndex((w) => check(v, w, strict, memo))
    if (i === -1) return false
    candidates.splice(i, 1)
  }
  return true
}

function mapEqual(a, b, strict, memo) {
  const pending = []
  for (const [k, v] of a) {
    if (k !== null && typeof k === 'object') pending.push([k, v])
    else {
      if (!b.has(k)) return false
      if (!check(v, b.get(k), strict, memo)) return false
    }
  }
  if (pending.length === 0) return true
  const candidates = []
  for (const [k, v] of b) if (k !== null && typeof k === 'object') candidates.push([k, v])
  for (const [k, v] of pending) {
    const i = candidates.findIndex(([k2, v2]) => check(k, k2, strict, memo) && check(v, v2, strict, memo))
    if (i === -1) return false
    candidates.splice(i, 1)
  }
  return true
}

export function isDeepStrictEqual(a, b) {
  return check(a, b, true, new Map())
}

export function isDeepEqual(a, b) {
  return check(a, b, false, new Map())
}
