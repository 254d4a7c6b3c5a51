// assert: the commonly used subset of Node's assert, with Node's AssertionError shape
// (name, code ERR_ASSERTION, actual, expected, operator, generatedMessage). Messages are simpler
// than Node's diffs.
export default function factory(load, internals) {
  const util = load('util')
  const inspect = (v) => util.inspect(v, { depth: 1000, breakLength: Infinity })

  class AssertionError extends Error {
    constructor(options) {
      const { message, actual, expected, operator } = options
      super(message !== undefined ? String(message) : `${inspect(actual)} ${operator} ${inspect(expected)}`)
      this.generatedMessage = message === undefined
      this.code = 'ERR_ASSERTION'
      this.actual = actual
      this.expected = expected
      this.operator = operator
    }
    get name() {
      return 'AssertionError'
    }
    toString() {
      return `AssertionError [ERR_ASSERTION]: ${this.message}`
    }
  }

  function fail(actual, expected, message, operator, defaultMessage) {
    if (message instanceof Error) throw message
    throw new AssertionError({ message: message === undefined ? defaultMessage : message, actual, expected, operator })
  }

  function ok(value, message) {
    if (!value) {
      if (message instanceof Error) throw message
      const err = new AssertionError({
        message:
          message === undefined
            ? arguments.length === 0
              ? 'No value argument passed to `assert.ok()`'
              : 'The expression evaluated to a falsy value:\n\n  assert.ok(' + inspect(value) + ')\n'
            : message,
        actual: value,
        expected: true,
        operator: '==',
      })
      throw err
    }
  }

  function matchesError(err, expected) {
    if (expected === undefined) return true
    if (typeof expected === 'function') {
      if (expected.prototype !== undefined && err instanceof expected) return true
      // eslint-disable-next-line no-prototype-builtins -- Node's own check: is `expected` an Error subclass?
      if (Error.isPrototypeOf(expected) || expected === Error) return false
      return expected.call({}, err) === true
    }
    if (expected instanceof RegExp) return expected.test(String(err))
    if (expected !== null && typeof expected === 'object') {
      for (const key of Object.keys(expected)) {
        const want = expected[key]
        const got = err[key]
        if (want instanceof RegExp && typeof got === 'string') {
          if (!want.test(got)) return false
        } else if (!util.isDeepStrictEqual(got, want)) return false
      }
      return true
    }
    return true
  }

  function throws(fn, expected, message) {
    if (typeof expected === 'string') {
      message = expected
      expected = undefined
    }
    try {
      fn()
    } catch (err) {
      if (!matchesError(err, expected)) {
        if (
          typeof expected === 'function' &&
          expected.prototype !== undefined &&
          !(err instanceof expected) &&
          // eslint-disable-next-line no-prototype-builtins -- as above
          (Error.isPrototypeOf(expected) || expected === Error)
        )
          throw err
        fail(err, expected, message, 'throws', `The error is expected to match the expected value`)
      }
      return
    }
    fail(undefined, expected, message, 'throws', 'Missing expected exception.')
  }

  async function rejects(promiseOrFn, expected, message) {
    if (typeof expected === 'string') {
      message = expected
      expected = undefined
    }
    const p = typeof promiseOrFn === 'function' ? promiseOrFn() : promiseOrFn
    try {
      await p
    } catch (err) {
      if (!matchesError(err, expected))
        fail(err, expected, message, 'rejects', 'The error is expected to match the expected value')
      return
    }
    fail(undefined, expected, message, 'rejects', 'Missing expected rejection.')
  }

  function doesNotThrow(fn, expected, message) {
    try {
      fn()
    } catch (err) {
      fail(
        err,
        expected,
        typeof expected === 'string' ? expected : message,
        'doesNotThrow',
        `Got unwanted exception.\nActual message: "${err && err.message}"`,
      )
    }
  }

  async function doesNotReject(promiseOrFn, expected, message) {
    try {
      await (typeof promiseOrFn === 'function' ? promiseOrFn() : promiseOrFn)
    } catch (err) {
      fail(
        err,
        expected,
        typeof expected === 'string' ? expected : message,
        'doesNotReject',
        `Got unwanted rejection.\nActual message: "${err && err.message}"`,
      )
    }
  }

  const assert = function assert(value, message) {
    ok.apply(null, arguments.length === 0 ? [] : [value, message])
  }
  Object.assign(assert, {
    AssertionError,
    ok,
    fail(message = 'Failed') {
      if (message instanceof Error) throw message
      throw new AssertionError({ message, operator: 'fail' })
    },
    equal(a, b, m) {
      if (!(a == b || (a !== a && b !== b))) fail(a, b, m, '==', `${inspect(a)} == ${inspect(b)}`)
    },
    notEqual(a, b, m) {
      if (a == b || (a !== a && b !== b)) fail(a, b, m, '!=', `${inspect(a)} != ${inspect(b)}`)
    },
    strictEqual(a, b, m) {
      if (!Object.is(a, b))
        fail(a, b, m, 'strictEqual', `Expected values to be strictly equal:\n\n${inspect(a)} !== ${inspect(b)}\n`)
    },
    notStrictEqual(a, b, m) {
      if (Object.is(a, b)) fail(a, b, m, 'notStrictEqual', `Expected "actual" to be strictly unequal to: ${inspect(b)}`)
    },
    deepEqual(a, b, m) {
      if (!internals.isDeepEqual(a, b))
        fail(
          a,
          b,
          m,
          'deepEqual',
          `Expected values to be loosely deep-equal:\n\n${inspect(a)}\n\nshould loosely deep-equal\n\n${inspect(b)}`,
        )
    },
    notDeepEqual(a, b, m) {
      if (internals.isDeepEqual(a, b)) fail(a, b, m, 'notDeepEqual', `"actual" is loosely deep-equal to "expected"`)
    },
    deepStrictEqual(a, b, m) {
      if (!util.isDeepStrictEqual(a, b))
        fail(
          a,
          b,
          m,
          'deepStrictEqual',
          `Expected values to be strictly deep-equal:\n${inspect(a)}\n\nshould equal\n\n${inspect(b)}`,
        )
    },
    notDeepStrictEqual(a, b, m) {
      if (util.isDeepStrictEqual(a, b))
        fail(a, b, m, 'notDeepStrictEqual', `Expected "actual" not to be strictly deep-equal to: ${inspect(b)}`)
    },
    throws,
    doesNotThrow,
    rejects,
    doesNotReject,
    ifError(value) {
      if (value !== null && value !== undefined) {
        if (value instanceof Error) throw value
        fail(value, null, undefined, 'ifError', `ifError got unwanted exception: ${inspect(value)}`)
      }
    },
    match(string, regexp, m) {
      if (typeof string !== 'string' || !regexp.test(string))
        fail(
          string,
          regexp,
          m,
          'match',
          `The input did not match the regular expression ${inspect(regexp)}. Input:\n\n${inspect(string)}\n`,
        )
    },
    doesNotMatch(string, regexp, m) {
      if (typeof string === 'string' && regexp.test(string))
        fail(
          string,
          regexp,
          m,
          'doesNotMatch',
          `The input was expected to not match the regular expression ${inspect(regexp)}. Input:\n\n${inspect(string)}\n`,
        )
    },
  })
  const strict = function strict(value, message) {
    ok.apply(null, arguments.length === 0 ? [] : [value, message])
  }
  Object.assign(strict, assert, {
    equal: assert.strictEqual,
    notEqual: assert.notStrictEqual,
    deepEqual: assert.deepStrictEqual,
    notDeepEqual: assert.notDeepStrictEqual,
  })
  strict.strict = strict
  assert.strict = strict
  return assert
}
