// JSON.parse and JSON.stringify as handler code sees them (part of PRELUDE_CORE).
//
// - JSON.parse throws V8's error messages (Node 20's wording, or 22's with line and column): the
//   engine parses; only when it refuses the text does the lazy 'internal/json-error' scan it again
//   to name the problem as V8 would, on the same error object (so e.message, the stack and the
//   runtime's report all agree).
// - Deep JSON. QuickJS's parser and serialiser recurse on the host's native stack, which QuickJS
//   cannot measure: in a browser Worker a few thousand levels exhaust it inside WebAssembly and the
//   environment is lost. Node parses any depth and throws a catchable RangeError from
//   JSON.stringify past its stack (measured on Node 20: 4,000 nested arrays pass, 5,000 throw). So
//   a text longer than DEEP_JSON characters is measured by the host (one linear scan); one nested
//   deeper than DEEP_JSON levels is checked by V8's scanner (iterative) and parsed by the runtime's
//   non-recursive parser, the one deep payloads go through (runtime/bootstrap/deep-json.js), with
//   the reviver applied the way JSON.parse applies it. JSON.stringify counts the nesting as it goes
//   (its replacer sees every holder) and throws Node's RangeError past MAX_STRINGIFY_DEPTH.
// - JSON.stringify of a circular structure throws V8's multi-line message (`circularMessage`).
const DEEP_JSON = 500
/** Below what a Chromium Worker's stack allows QuickJS (~2,800), as for results (deep-json.js). */
export const MAX_STRINGIFY_DEPTH = 2000

/**
 * Replace JSON.parse and JSON.stringify. `hooks`: `call` (uncurried), `load` (a lazy module),
 * `major` (Node's major version, a function), the host's `jsonDepth`, `parseDeep`, `reviveDeep`, and
 * `circularMessage(value)` (V8's message for a circular value, or undefined).
 */
export function installJSON(hooks) {
  const { call, load, major, jsonDepth, parseDeep, reviveDeep, circularMessage } = hooks
  const ObjectDefineProperty = Object.defineProperty
  const StringCtor = String
  const SyntaxErrorCtor = SyntaxError
  const RangeErrorCtor = RangeError
  const TypeErrorCtor = TypeError
  const isArray = Array.isArray
  // Without the runtime (the prelude's own test harness), only the engine's parser.
  const deep = typeof jsonDepth === 'function' && typeof parseDeep === 'function'
  const nativeParse = JSON.parse
  const nativeStringify = JSON.stringify
  const indexOf = String.prototype.indexOf
  const slice = String.prototype.slice

  // QuickJS's frames "at <input>:1:1", "at parse (native)" and this module's own become V8's one
  // "at JSON.parse (<anonymous>)" (`deep`: the error was made here, so that frame is added;
  // `fn`: 'parse' or 'stringify').
  function v8JsonStack(e, deep, fn = 'parse') {
    const st = e.stack
    if (typeof st !== 'string') return
    let out = deep ? `    at JSON.${fn} (<anonymous>)\n` : ''
    let from = 0
    while (from < st.length) {
      let end = call(indexOf, st, '\n', from)
      if (end < 0) end = st.length
      const line = call(slice, st, from, end)
      from = end + 1
      if (call(indexOf, line, '    at <input>:') === 0 || call(indexOf, line, '(node:internal/prelude') >= 0) continue
      out += (line === `    at ${fn} (native)` ? `    at JSON.${fn} (<anonymous>)` : line) + '\n'
    }
    ObjectDefineProperty(e, 'stack', { value: out, writable: true, configurable: true, enumerable: false })
  }

  function v8Message(source) {
    try {
      return load('internal/json-error').v8JsonMessage(source, major())
    } catch {
      return undefined
    }
  }
  function parses(source) {
    try {
      call(nativeParse, JSON, source)
      return true
    } catch {
      return false
    }
  }
  function parseDeepText(source, reviver) {
    const message = v8Message(source)
    if (message !== undefined) {
      const e = new SyntaxErrorCtor(message)
      v8JsonStack(e, true)
      throw e
    }
    const value = parseDeep(source)
    return typeof reviver === 'function' ? reviveDeep(value, reviver) : value
  }
  function parse(text, reviver) {
    if (typeof text === 'symbol') return call(nativeParse, JSON, text, reviver) // throws the TypeError
    const source = StringCtor(text)
    if (deep && source.length > DEEP_JSON && jsonDepth(source, DEEP_JSON) > DEEP_JSON)
      return parseDeepText(source, reviver)
    try {
      return call(nativeParse, JSON, source, reviver)
    } catch (e) {
      // A SyntaxError thrown by a reviver is the reviver's: the text had parsed.
      if (e instanceof SyntaxErrorCtor && (typeof reviver !== 'function' || !parses(source))) {
        const message = v8Message(source)
        if (message !== undefined) {
          ObjectDefineProperty(e, 'message', { value: message, writable: true, configurable: true, enumerable: false })
          v8JsonStack(e, false)
        }
      }
      throw e
    }
  }

  // One function (no helper frame): V8 shows only `at JSON.stringify (<anonymous>)` for errors
  // raised inside it (runtime/bootstrap/errors.js folds this frame into the native one).
  function stringify(value, replacer, space) {
    try {
      // Primitives have no nesting; an array replacer (a property list) keeps the engine's own
      // handling and no depth guard (a function replacer cannot reproduce its semantics).
      if (value === null || (typeof value !== 'object' && typeof value !== 'function') || isArray(replacer))
        return call(nativeStringify, JSON, value, replacer, space)
      const user = typeof replacer === 'function' ? replacer : undefined
      // The objects being serialised, outermost first: JSON.stringify walks depth first and calls the
      // replacer with the holder as `this` before it descends into a value, so the holder is always
      // on this chain, and the chain's length above it is the value's depth.
      const chain = []
      function guard(key, v) {
        if (user !== undefined) v = call(user, this, key, v)
        if (v !== null && typeof v === 'object') {
          let n = chain.length
          while (n > 0 && chain[n - 1] !== this) n--
          if (n >= MAX_STRINGIFY_DEPTH) throw new RangeErrorCtor('Maximum call stack size exceeded')
          chain.length = n
          chain[n] = v
        }
        return v
      }
      return call(nativeStringify, JSON, value, guard, space)
    } catch (e) {
      if (e instanceof TypeErrorCtor && e.message === 'circular reference' && typeof circularMessage === 'function') {
        let message
        try {
          message = circularMessage(value)
        } catch {
          message = undefined
        }
        if (message !== undefined) {
          ObjectDefineProperty(e, 'message', { value: message, writable: true, configurable: true, enumerable: false })
          v8JsonStack(e, false, 'stringify')
        }
      }
      throw e
    }
  }

  ObjectDefineProperty(parse, 'name', { value: 'parse', configurable: true }) // the bundle renames them
  ObjectDefineProperty(stringify, 'name', { value: 'stringify', configurable: true })
  ObjectDefineProperty(JSON, 'parse', { value: parse, writable: true, configurable: true, enumerable: false })
  ObjectDefineProperty(JSON, 'stringify', { value: stringify, writable: true, configurable: true, enumerable: false })
}
