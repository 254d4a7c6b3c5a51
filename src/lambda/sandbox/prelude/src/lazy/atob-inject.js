// Injected into lazy bundles in place of the global `atob`, so a library that decodes base64
// tables while loading (whatwg-url-minimum) doesn't pull in the whole `buffer` module.
let table

export function __lf_atob(input) {
  if (table === undefined) {
    table = new Int8Array(128).fill(-1)
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
    for (let i = 0; i < 64; i++) table[alphabet.charCodeAt(i)] = i
  }
  const str = `${input}`
  const codes = []
  let bits = 0
  let acc = 0
  for (let i = 0; i < str.length; i++) {
    const c = str.charCodeAt(i)
    if (c === 61 || c === 32 || c === 9 || c === 10 || c === 12 || c === 13) continue
    const v = c < 128 ? table[c] : -1
    if (v === -1) {
      const err = new Error('Invalid character')
      err.name = 'InvalidCharacterError'
      throw err
    }
    acc = ((acc << 6) | v) & 0xffffff
    bits += 6
    if (bits >= 8) {
      bits -= 8
      codes.push((acc >> bits) & 0xff)
    }
  }
  let out = ''
  for (let i = 0; i < codes.length; i += 4096) out += String.fromCharCode.apply(null, codes.slice(i, i + 4096))
  return out
}
