// internal/format: Node 20's util.format rules (%s %d %i %f %j %o %O %c %%) and the entry point
// to util.inspect. Strings, numbers and other primitives are formatted here; objects go to the
// inspector (internal/inspect), which is loaded only then.
//
// Loaded under withPristine, so the built-ins captured below are the originals even if user code
// replaced them; later calls only use these captures.
export default function factory(load, internals) {
  const fcall = Function.prototype.call
  const uncurry = fcall.bind.bind(fcall)
  const charCodeAt = uncurry(String.prototype.charCodeAt)
  const slice = uncurry(String.prototype.slice)
  const split = uncurry(String.prototype.split)
  const symbolToString = uncurry(Symbol.prototype.toString)
  const regExpExec = uncurry(RegExp.prototype.exec)
  const hasOwn = uncurry(Object.prototype.hasOwnProperty)
  const setAdd = uncurry(Set.prototype.add)
  const setHas = uncurry(Set.prototype.has)
  const { getPrototypeOf, getOwnPropertyDescriptor, getOwnPropertyNames, assign } = Object
  const SetCtor = Set
  const StringCtor = String
  const NumberCtor = Number
  const toPrimitive = Symbol.toPrimitive
  const { parseInt, parseFloat } = Number
  const jsonStringify = JSON.stringify

  let inspector
  function fullInspect(value, opts) {
    if (inspector === undefined) inspector = load('internal/inspect')
    return internals.withPristine(() => inspector.inspect(value, opts))
  }

  const formatNumber = (n) => (n === 0 && 1 / n < 0 ? '-0' : StringCtor(n))

  function inspect(value, opts) {
    if (opts === undefined) {
      switch (typeof value) {
        case 'number':
          return formatNumber(value)
        case 'bigint':
          return `${StringCtor(value)}n`
        case 'boolean':
          return value ? 'true' : 'false'
        case 'undefined':
          return 'undefined'
        case 'symbol':
          return symbolToString(value)
        default:
          if (value === null) return 'null'
      }
    }
    return fullInspect(value, opts)
  }

  let builtInNames // global constructor names, like Node's `builtInObjects`
  function isBuiltInName(name) {
    if (builtInNames === undefined) {
      builtInNames = new SetCtor()
      const names = getOwnPropertyNames(globalThis)
      for (let i = 0; i < names.length; i++) {
        if (regExpExec(/^[A-Z][a-zA-Z0-9]+$/, names[i]) !== null) setAdd(builtInNames, names[i])
      }
    }
    return setHas(builtInNames, name)
  }

  // Node 20's rule for `%s` with an object: objects whose toString / Symbol.toPrimitive come from
  // a built-in prototype are inspected (depth 0); user-defined ones are stringified.
  function hasBuiltInToString(value) {
    const no = () => false
    let ownToString = hasOwn
    let ownToPrimitive = hasOwn
    if (typeof value.toString !== 'function') {
      if (typeof value[toPrimitive] !== 'function') return true
      if (hasOwn(value, toPrimitive)) return false
      ownToString = no
    } else if (hasOwn(value, 'toString')) {
      return false
    } else if (typeof value[toPrimitive] !== 'function') {
      ownToPrimitive = no
    } else if (hasOwn(value, toPrimitive)) {
      return false
    }
    let p = value
    do {
      p = getPrototypeOf(p)
    } while (p !== null && !ownToString(p, 'toString') && !ownToPrimitive(p, toPrimitive))
    if (p === null) return true
    const d = getOwnPropertyDescriptor(p, 'constructor')
    return d !== undefined && typeof d.value === 'function' && isBuiltInName(d.value.name)
  }

  let circularMessage
  const firstLine = (err) => split(StringCtor(err.message), '\n', 1)[0]
  function tryStringify(value) {
    try {
      return jsonStringify(value)
    } catch (err) {
      if (circularMessage === undefined) {
        try {
          const a = {}
          a.a = a
          jsonStringify(a)
        } catch (e) {
          circularMessage = firstLine(e)
        }
      }
      if (err !== null && typeof err === 'object' && err.name === 'TypeError' && firstLine(err) === circularMessage)
        return '[Circular]'
      throw err
    }
  }

  const withOpts = (base, extra) => (base === undefined ? extra : assign({}, base, extra))

  function formatWithOptions(opts, args) {
    const first = args[0]
    let a = 0
    let out = ''
    let join = ''
    if (typeof first === 'string') {
      if (args.length === 1) return first
      let piece
      let lastPos = 0
      const len = first.length
      for (let i = 0; i < len - 1; i++) {
        if (charCodeAt(first, i) !== 37) continue // '%'
        const next = charCodeAt(first, ++i)
        if (a + 1 === args.length) {
          if (next === 37) {
            out += slice(first, lastPos, i)
            lastPos = i + 1
          }
          continue
        }
        switch (next) {
          case 115: {
            // s
            const v = args[++a]
            if (typeof v === 'number') piece = formatNumber(v)
            else if (typeof v === 'bigint') piece = `${StringCtor(v)}n`
            else if (typeof v !== 'object' || v === null || !hasBuiltInToString(v)) piece = StringCtor(v)
            else piece = fullInspect(v, withOpts(opts, { compact: 3, colors: false, depth: 0 }))
            break
          }
          case 106: // j
            piece = tryStringify(args[++a])
            break
          case 100: {
            // d
            const v = args[++a]
            if (typeof v === 'bigint') piece = `${StringCtor(v)}n`
            else if (typeof v === 'symbol') piece = 'NaN'
            else piece = formatNumber(NumberCtor(v))
            break
          }
          case 79: // O
            piece = inspect(args[++a], opts)
            break
          case 111: // o
            piece = fullInspect(args[++a], withOpts(opts, { showHidden: true, showProxy: true, depth: 4 }))
            break
          case 105: {
            // i
            const v = args[++a]
            if (typeof v === 'bigint') piece = `${StringCtor(v)}n`
            else if (typeof v === 'symbol') piece = 'NaN'
            else piece = formatNumber(parseInt(v))
            break
          }
          case 102: {
            // f
            const v = args[++a]
            piece = typeof v === 'symbol' ? 'NaN' : formatNumber(parseFloat(v))
            break
          }
          case 99: // c: consumes an argument, prints nothing
            a += 1
            piece = ''
            break
          case 37: // %%
            out += slice(first, lastPos, i)
            lastPos = i + 1
            continue
          default:
            continue
        }
        if (lastPos !== i - 1) out += slice(first, lastPos, i - 1)
        out += piece
        lastPos = i + 1
      }
      if (lastPos !== 0) {
        a++
        join = ' '
        if (lastPos < len) out += slice(first, lastPos)
      }
    }
    while (a < args.length) {
      const v = args[a]
      out += join
      out += typeof v === 'string' ? v : inspect(v, opts)
      join = ' '
      a++
    }
    return out
  }

  return {
    format: (args) => formatWithOptions(undefined, args),
    formatWithOptions,
    inspect,
  }
}
