// querystring: Node's legacy query-string module (parse/stringify/escape/unescape), written for
// the sandbox with Node's rules: '+' is a space, maxKeys 1000, null-prototype results, invalid
// percent-escapes decoded byte-wise instead of throwing.
export default function factory(load) {
  function unescapeBuffer(s, decodeSpaces) {
    const bytes = []
    const str = `${s}`
    for (let i = 0; i < str.length; i++) {
      const c = str.charCodeAt(i)
      if (c === 43 && decodeSpaces) bytes.push(32)
      else if (c === 37 && i + 2 < str.length + 0 && /^[0-9a-fA-F]{2}$/.test(str.slice(i + 1, i + 3))) {
        bytes.push(parseInt(str.slice(i + 1, i + 3), 16))
        i += 2
      } else if (c < 0x80) bytes.push(c)
      else {
        const enc = load('buffer').Buffer.from(
          str[i] + (c >= 0xd800 && c <= 0xdbff && i + 1 < str.length ? str[++i] : ''),
          'utf8',
        )
        for (const b of enc) bytes.push(b)
      }
    }
    return load('buffer').Buffer.from(bytes)
  }

  function unescape(s, decodeSpaces) {
    try {
      return decodeURIComponent(s)
    } catch {
      return unescapeBuffer(s, decodeSpaces).toString()
    }
  }

  function escape(str) {
    if (typeof str !== 'string') str = typeof str === 'object' ? String(str) : `${str}`
    try {
      return encodeURIComponent(str)
    } catch {
      const err = new URIError('URI malformed')
      err.code = 'ERR_INVALID_URI'
      throw err
    }
  }

  function primitive(v) {
    if (typeof v === 'string') return v
    if (typeof v === 'number' && Number.isFinite(v)) return `${v}`
    if (typeof v === 'bigint') return `${v}`
    if (typeof v === 'boolean') return v ? 'true' : 'false'
    return ''
  }

  function stringify(obj, sep = '&', eq = '=', options) {
    const encode = options && typeof options.encodeURIComponent === 'function' ? options.encodeURIComponent : qs.escape
    if (obj === null || typeof obj !== 'object') return ''
    const parts = []
    for (const k of Object.keys(obj)) {
      const v = obj[k]
      const ks = encode(primitive(k)) + eq
      if (Array.isArray(v)) {
        for (const item of v) parts.push(ks + encode(primitive(item)))
      } else {
        parts.push(ks + encode(primitive(v)))
      }
    }
    return parts.join(sep)
  }

  function parse(str, sep = '&', eq = '=', options) {
    const obj = Object.create(null)
    if (typeof str !== 'string' || str.length === 0) return obj
    const maxKeys = options && typeof options.maxKeys === 'number' ? options.maxKeys : 1000
    const decode =
      options && typeof options.decodeURIComponent === 'function' ? options.decodeURIComponent : qs.unescape
    let pairs = str.split(sep)
    if (maxKeys > 0 && pairs.length > maxKeys) pairs = pairs.slice(0, maxKeys)
    for (const pair of pairs) {
      if (pair.length === 0) continue
      const idx = pair.indexOf(eq)
      const rawKey = idx >= 0 ? pair.slice(0, idx) : pair
      const rawValue = idx >= 0 ? pair.slice(idx + eq.length) : ''
      const key = decodeComponent(rawKey, decode)
      const value = decodeComponent(rawValue, decode)
      if (!(key in obj)) obj[key] = value
      else if (Array.isArray(obj[key])) obj[key].push(value)
      else obj[key] = [obj[key], value]
    }
    return obj
  }

  function decodeComponent(s, decode) {
    const spaced = s.replace(/\+/g, ' ')
    try {
      return decode(spaced, true)
    } catch {
      return qs.unescape(spaced, true)
    }
  }

  const qs = { unescapeBuffer, unescape, escape, stringify, encode: stringify, parse, decode: parse }
  return qs
}
