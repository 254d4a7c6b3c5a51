// util: format/inspect (core + node-inspect-extracted), promisify, callbackify, inherits,
// deprecate, types, isDeepStrictEqual, TextEncoder/TextDecoder.
import { isDeepStrictEqual, isDeepEqual } from './deep-equal.js'
import { makeTypes } from './types.js'

const kCustomPromisify = Symbol.for('nodejs.util.promisify.custom')
const kCustomInspect = Symbol.for('nodejs.util.inspect.custom')

function argType(name, expected, value, internals) {
  const err = new TypeError(
    `The "${name}" argument must be of type ${expected}. Received ${describe(value, internals)}`,
  )
  err.code = 'ERR_INVALID_ARG_TYPE'
  return err
}

function describe(value, internals) {
  if (value == null) return `${value}`
  if (typeof value === 'function') return `function ${value.name}`
  if (typeof value === 'object') {
    if (value.constructor && value.constructor.name) return `an instance of ${value.constructor.name}`
    return internals.inspect(value, { depth: -1 })
  }
  let shown = internals.inspect(value, { colors: false })
  if (shown.length > 28) shown = `${shown.slice(0, 25)}...`
  return `type ${typeof value} (${shown})`
}

export default function factory(load, internals) {
  const { TextEncoder, TextDecoder } = load('internal/encoding')
  const inspector = () => load('internal/inspect')

  function inspect(value, opts, ...rest) {
    if (
      arguments.length === 1 &&
      (value === null || (typeof value !== 'object' && typeof value !== 'function' && typeof value !== 'string'))
    ) {
      return internals.inspect(value)
    }
    return internals.withPristine(() => inspector().inspect(value, opts, ...rest))
  }
  inspect.custom = kCustomInspect
  Object.defineProperty(inspect, 'defaultOptions', {
    enumerable: true,
    get() {
      return inspector().inspect.defaultOptions
    },
    set(v) {
      inspector().inspect.defaultOptions = v
    },
  })
  Object.defineProperty(inspect, 'colors', {
    enumerable: true,
    get() {
      return inspector().inspect.colors
    },
  })
  Object.defineProperty(inspect, 'styles', {
    enumerable: true,
    get() {
      return inspector().inspect.styles
    },
  })

  function format(...args) {
    return internals.format(...args)
  }
  function formatWithOptions(inspectOptions, ...args) {
    if (inspectOptions === null || typeof inspectOptions !== 'object')
      throw argType('inspectOptions', 'object', inspectOptions, internals)
    return internals.formatWithOptions(inspectOptions, args)
  }

  function promisify(original) {
    if (typeof original !== 'function') throw argType('original', 'function', original, internals)
    if (original[kCustomPromisify]) {
      const fn = original[kCustomPromisify]
      if (typeof fn !== 'function') throw argType('util.promisify.custom', 'function', fn, internals)
      return Object.defineProperty(fn, kCustomPromisify, {
        value: fn,
        enumerable: false,
        writable: false,
        configurable: true,
      })
    }
    function fn(...args) {
      return new Promise((resolve, reject) => {
        Reflect.apply(original, this, [
          ...args,
          (err, ...values) => {
            if (err) return reject(err)
            resolve(values[0])
          },
        ])
      })
    }
    Object.setPrototypeOf(fn, Object.getPrototypeOf(original))
    Object.defineProperty(fn, kCustomPromisify, { value: fn, enumerable: false, writable: false, configurable: true })
    Object.defineProperties(fn, Object.getOwnPropertyDescriptors(original))
    return fn
  }
  promisify.custom = kCustomPromisify

  function callbackify(original) {
    if (typeof original !== 'function') throw argType('original', 'function', original, internals)
    function callbackified(...args) {
      const cb = args.pop()
      if (typeof cb !== 'function') throw argType('last argument', 'function', cb, internals)
      const onOk = (ret) => internals.process.nextTick(cb, null, ret)
      const onErr = (rej) => {
        if (!rej) {
          const err = new Error('Promise was rejected with a falsy value')
          err.code = 'ERR_FALSY_VALUE_REJECTION'
          err.reason = rej
          rej = err
        }
        internals.process.nextTick(cb, rej)
      }
      Reflect.apply(original, this, args).then(onOk, onErr)
    }
    Object.defineProperty(callbackified, 'name', { value: `${original.name}Callbackified` })
    return callbackified
  }

  function inherits(ctor, superCtor) {
    if (ctor === undefined || ctor === null) throw argType('ctor', 'function', ctor, internals)
    if (superCtor === undefined || superCtor === null) throw argType('superCtor', 'function', superCtor, internals)
    if (superCtor.prototype === undefined)
      throw argType('superCtor.prototype', 'object', superCtor.prototype, internals)
    Object.defineProperty(ctor, 'super_', { value: superCtor, writable: true, configurable: true })
    Object.setPrototypeOf(ctor.prototype, superCtor.prototype)
  }

  const warned = new Set()
  function deprecate(fn, msg, code) {
    let warnedHere = false
    function deprecated(...args) {
      if (!warnedHere && !(code !== undefined && warned.has(code))) {
        warnedHere = true
        if (code !== undefined) warned.add(code)
        internals.process.emitWarning(code !== undefined ? `[${code}] ${msg}` : msg, 'DeprecationWarning')
      }
      return new.target ? Reflect.construct(fn, args, new.target) : Reflect.apply(fn, this, args)
    }
    Object.setPrototypeOf(deprecated, fn)
    return deprecated
  }

  function debuglog() {
    const log = () => {}
    log.enabled = false
    return log
  }

  const types = makeTypes()

  const util = {
    format,
    formatWithOptions,
    inspect,
    promisify,
    callbackify,
    inherits,
    deprecate,
    debuglog,
    debug: debuglog,
    isDeepStrictEqual,
    types,
    TextEncoder,
    TextDecoder,
    stripVTControlCharacters: (s) => `${s}`.replace(/\u001b\[[0-9;]*[A-Za-z]/g, ''),
    toUSVString: (s) =>
      `${s}`.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'),
    isArray: Array.isArray,
    isBoolean: (v) => typeof v === 'boolean',
    isNull: (v) => v === null,
    isNullOrUndefined: (v) => v === null || v === undefined,
    isNumber: (v) => typeof v === 'number',
    isString: (v) => typeof v === 'string',
    isSymbol: (v) => typeof v === 'symbol',
    isUndefined: (v) => v === undefined,
    isRegExp: types.isRegExp,
    isObject: (v) => v !== null && typeof v === 'object',
    isDate: types.isDate,
    isError: (v) => types.isNativeError(v) || v instanceof Error,
    isFunction: (v) => typeof v === 'function',
    isPrimitive: (v) => v === null || (typeof v !== 'object' && typeof v !== 'function'),
  }
  internals.isDeepEqual = isDeepEqual // for assert; no name on the module learners see
  return util
}
