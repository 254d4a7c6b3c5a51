// url: WHATWG URL/URLSearchParams (whatwg-url-minimum: whatwg-url without IDNA/unicode hosts),
// file URL helpers and a legacy url.parse/format/resolve.
import { URL, URLSearchParams } from 'whatwg-url-minimum'

function invalidArg(code, message, Ctor = TypeError) {
  const err = new Ctor(message)
  err.code = code
  return err
}

const kInspect = Symbol.for('nodejs.util.inspect.custom')

// Node 20 prints URL / URLSearchParams through these custom inspectors.
function installInspect() {
  Object.defineProperty(URL.prototype, kInspect, {
    configurable: true,
    writable: true,
    value: function inspectURL(depth, opts, inspect) {
      const name = this.constructor.name
      if (typeof depth === 'number' && depth < 0) return `${name} {}`
      const obj = {
        href: this.href,
        origin: this.origin,
        protocol: this.protocol,
        username: this.username,
        password: this.password,
        host: this.host,
        hostname: this.hostname,
        port: this.port,
        pathname: this.pathname,
        search: this.search,
        searchParams: this.searchParams,
        hash: this.hash,
      }
      return `${name} ${inspect(obj, opts)}`
    },
  })
  Object.defineProperty(URLSearchParams.prototype, kInspect, {
    configurable: true,
    writable: true,
    value: function inspectParams(depth, opts, inspect) {
      const name = this.constructor.name
      if (typeof depth === 'number' && depth < 0) return '[Object]'
      const inner = { ...opts }
      if (depth !== null && depth !== undefined) inner.depth = depth - 1
      const output = []
      for (const [k, v] of this) output.push(`${inspect(k, inner)} => ${inspect(v, inner)}`)
      const separator = ', '
      const length = output.reduce((n, cur) => n + cur.length + separator.length, -separator.length)
      const breakLength = opts && typeof opts.breakLength === 'number' ? opts.breakLength : 80
      if (length > breakLength) return `${name} {\n  ${output.join(',\n  ')} }`
      if (output.length) return `${name} { ${output.join(separator)} }`
      return `${name} {}`
    },
  })
}

export default function factory(load) {
  installInspect()
  function fileURLToPath(input) {
    const url = typeof input === 'string' ? new URL(input) : input
    if (url === null || typeof url !== 'object' || typeof url.href !== 'string') {
      throw invalidArg(
        'ERR_INVALID_ARG_TYPE',
        `The "path" argument must be of type string or an instance of URL. Received ${typeof input === 'object' ? 'an instance of Object' : `type ${typeof input}`}`,
      )
    }
    if (url.protocol !== 'file:') throw invalidArg('ERR_INVALID_URL_SCHEME', 'The URL must be of scheme file')
    if (url.hostname !== '')
      throw invalidArg('ERR_INVALID_FILE_URL_HOST', 'File URL host must be "localhost" or empty on linux')
    const pathname = url.pathname
    if (/%2f/i.test(pathname))
      throw invalidArg('ERR_INVALID_FILE_URL_PATH', 'File URL path must not include encoded / characters')
    return decodeURIComponent(pathname)
  }

  function pathToFileURL(filepath) {
    const path = load('path')
    let resolved = path.resolve(filepath)
    if (filepath.endsWith('/') && !resolved.endsWith('/')) resolved += '/'
    const url = new URL('file://')
    url.pathname = resolved
      .replace(/%/g, '%25')
      .replace(/\\/g, '%5C')
      .replace(/\n/g, '%0A')
      .replace(/\r/g, '%0D')
      .replace(/\t/g, '%09')
    return url
  }

  class Url {
    constructor() {
      this.protocol = null
      this.slashes = null
      this.auth = null
      this.host = null
      this.port = null
      this.hostname = null
      this.hash = null
      this.search = null
      this.query = null
      this.pathname = null
      this.path = null
      this.href = null
    }
  }

  function parse(input, parseQueryString, slashesDenoteHost) {
    if (input instanceof Url) return input
    if (typeof input !== 'string') {
      throw invalidArg(
        'ERR_INVALID_ARG_TYPE',
        `The "url" argument must be of type string. Received ${input === null ? 'null' : `type ${typeof input}`}`,
      )
    }
    const out = new Url()
    let rest = input.trim()
    const hashAt = rest.indexOf('#')
    if (hashAt !== -1) {
      out.hash = rest.slice(hashAt)
      rest = rest.slice(0, hashAt)
    }
    const qAt = rest.indexOf('?')
    if (qAt !== -1) {
      out.search = rest.slice(qAt)
      out.query = rest.slice(qAt + 1)
      rest = rest.slice(0, qAt)
    } else if (parseQueryString) {
      out.search = ''
      out.query = {}
    }
    const proto = /^([a-zA-Z][a-zA-Z0-9+.-]*:)/.exec(rest)
    if (proto) {
      out.protocol = proto[1].toLowerCase()
      rest = rest.slice(proto[1].length)
    }
    if (rest.startsWith('//') && (proto || slashesDenoteHost)) {
      out.slashes = true
      rest = rest.slice(2)
      let end = rest.search(/[/]/)
      if (end === -1) end = rest.length
      let host = rest.slice(0, end)
      rest = rest.slice(end)
      const at = host.lastIndexOf('@')
      if (at !== -1) {
        out.auth = decodeURIComponent(host.slice(0, at))
        host = host.slice(at + 1)
      }
      const portMatch = /:([0-9]*)$/.exec(host)
      if (portMatch) {
        if (portMatch[1] !== '') out.port = portMatch[1]
        host = host.slice(0, host.length - portMatch[0].length)
      }
      out.hostname = host.toLowerCase()
      out.host = out.port ? `${out.hostname}:${out.port}` : out.hostname
      if (rest === '' && /^(https?|ftp|gopher|file|wss?):$/.test(out.protocol || '')) rest = '/'
    }
    out.pathname = rest === '' ? null : rest
    if (parseQueryString) {
      out.query = load('querystring').parse(out.query || '')
    }
    out.path = (out.pathname || '') + (out.search || '') || null
    out.href = format(out)
    return out
  }

  function format(obj, options) {
    if (typeof obj === 'string') obj = parse(obj)
    if (obj instanceof URL) {
      const o = options || {}
      let s = `${obj.protocol}//`
      if (o.auth !== false && (obj.username || obj.password))
        s += `${obj.username}${obj.password ? `:${obj.password}` : ''}@`
      s += obj.host + obj.pathname
      if (o.search !== false) s += obj.search
      if (o.fragment !== false) s += obj.hash
      return s
    }
    if (obj === null || typeof obj !== 'object') {
      throw invalidArg(
        'ERR_INVALID_ARG_TYPE',
        `The "urlObject" argument must be one of type object or string. Received ${obj === null ? 'null' : `type ${typeof obj}`}`,
      )
    }
    let protocol = obj.protocol || ''
    if (protocol && !protocol.endsWith(':')) protocol += ':'
    let host = ''
    const auth = obj.auth ? `${encodeURIComponent(obj.auth).replace(/%3A/i, ':')}@` : ''
    if (obj.host) host = auth + obj.host
    else if (obj.hostname) host = auth + obj.hostname + (obj.port ? `:${obj.port}` : '')
    let search = obj.search || ''
    if (!search && obj.query && typeof obj.query === 'object') {
      const q = load('querystring').stringify(obj.query)
      if (q) search = `?${q}`
    }
    if (search && search[0] !== '?') search = `?${search}`
    let hash = obj.hash || ''
    if (hash && hash[0] !== '#') hash = `#${hash}`
    let pathname = obj.pathname || ''
    const slashes = obj.slashes || /^(https?|ftp|gopher|file|wss?):$/.test(protocol)
    if (slashes || host) {
      if (pathname && pathname[0] !== '/') pathname = `/${pathname}`
      host = `//${host}`
    }
    return protocol + host + pathname.replace(/[?#]/g, encodeURIComponent) + search.replace('#', '%23') + hash
  }

  function resolve(from, to) {
    return new URL(to, new URL(from, 'resolve://')).href.replace(/^resolve:\/\/\/?/, from.startsWith('/') ? '/' : '')
  }

  return {
    URL,
    URLSearchParams,
    Url,
    parse,
    format,
    resolve,
    fileURLToPath,
    pathToFileURL,
    domainToASCII(domain) {
      try {
        return new URL(`ws://${domain}`).hostname
      } catch {
        return ''
      }
    },
    domainToUnicode: (d) => `${d}`,
    urlToHttpOptions(url) {
      return {
        protocol: url.protocol,
        hostname: url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname,
        hash: url.hash,
        search: url.search,
        pathname: url.pathname,
        path: `${url.pathname || ''}${url.search || ''}`,
        href: url.href,
        ...(url.port !== '' ? { port: Number(url.port) } : {}),
        ...(url.username || url.password
          ? { auth: `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}` }
          : {}),
      }
    },
  }
}
