/* global __LF_NODE_VERSION__ */
// internal/process: the `process` global. process.env is the object the engine fills (__lf.env).
export default function factory(load, internals) {
  // The simulated runtime's versions (set by the engine before the function's code runs).
  const rt = internals.runtime()
  const NODE_VERSION = rt !== undefined ? rt.node : __LF_NODE_VERSION__
  const nowMs = internals.nowMs
  const inspect = (v) => internals.inspect(v)

  function argTypeError(name, expected, value) {
    const e = new TypeError(`The "${name}" argument must be ${expected}. Received ${inspect(value)}`)
    e.code = 'ERR_INVALID_ARG_TYPE'
    return e
  }

  function hrtime(prev) {
    const ms = nowMs()
    let sec = Math.floor(ms / 1000)
    let nsec = Math.round((ms - sec * 1000) * 1e6)
    if (prev !== undefined) {
      if (!Array.isArray(prev)) throw argTypeError('time', 'an instance of Array', prev)
      sec -= prev[0]
      nsec -= prev[1]
      if (nsec < 0) {
        sec -= 1
        nsec += 1e9
      }
    }
    return [sec, nsec]
  }
  hrtime.bigint = function bigint() {
    return BigInt(Math.round(nowMs() * 1e6))
  }

  // Thrown by process.exit(); the engine maps it to Runtime.ExitError (see __lf.isProcessExit).
  class ProcessExit extends Error {
    constructor(code) {
      super(`process.exit(${code}) called`)
      this.name = 'ProcessExit'
      this.code = code
    }
  }

  const listeners = Object.create(null)
  const process = {
    title: 'node',
    version: `v${NODE_VERSION}`,
    versions: {
      node: NODE_VERSION,
      acorn: '8.14.0',
      ada: '2.9.2',
      ares: '1.34.5',
      modules: rt !== undefined ? rt.modules : '115',
      napi: '10',
      uv: '1.51.0',
      v8: rt !== undefined ? rt.v8 : '11.3.244.8-node.30',
      zlib: '1.3.0.1-motley',
    },
    arch: 'x64',
    platform: 'linux',
    release: { name: 'node', lts: rt !== undefined ? rt.lts : 'Iron' },
    argv: ['/var/lang/bin/node', '/var/runtime/index.mjs'],
    argv0: '/var/lang/bin/node',
    execArgv: [],
    execPath: '/var/lang/bin/node',
    pid: 8,
    ppid: 1,
    // Like Node's, process.env stores strings: assigned values are converted.
    env: new Proxy(internals.env, {
      set(target, key, value) {
        if (typeof key === 'symbol') throw new TypeError('Cannot convert a Symbol value to a string')
        target[key] = `${value}`
        return true
      },
    }),
    exitCode: undefined,
    config: { variables: {} },
    features: { inspector: false, ipv6: true, tls: true },
    cwd: () => '/var/task',
    chdir(dir) {
      const e = new Error(`ENOENT: no such file or directory, chdir '/var/task' -> '${dir}'`)
      e.errno = -2
      e.code = 'ENOENT'
      e.syscall = 'chdir'
      throw e
    },
    umask: () => 0o22,
    getuid: () => 993,
    geteuid: () => 993,
    getgid: () => 990,
    getegid: () => 990,
    uptime: () => (nowMs() - internals.startMs) / 1000,
    hrtime,
    memoryUsage() {
      const used = internals.hostMemoryUsage ? internals.hostMemoryUsage() : 4 * 1024 * 1024
      return {
        rss: used + 30 * 1024 * 1024,
        heapTotal: used + 1024 * 1024,
        heapUsed: used,
        external: 1024 * 1024,
        arrayBuffers: 16 * 1024,
      }
    },
    cpuUsage() {
      return { user: Math.round((nowMs() - internals.startMs) * 1000), system: 0 }
    },
    nextTick(fn, ...args) {
      if (typeof fn !== 'function') throw argTypeError('callback', 'of type function', fn)
      const run = () => fn(...args)
      if (typeof globalThis.queueMicrotask === 'function') globalThis.queueMicrotask(run)
      else Promise.resolve().then(run)
    },
    exit(code) {
      const c = code === undefined ? (process.exitCode === undefined ? 0 : process.exitCode) : code
      throw new ProcessExit(c | 0)
    },
    abort() {
      throw new ProcessExit(134)
    },
    kill: () => true,
    emitWarning(warning, type) {
      const name = typeof type === 'string' ? type : (type && type.type) || (warning && warning.name) || 'Warning'
      const msg = typeof warning === 'string' ? warning : warning && warning.message
      if (process.emit('warning', warning) === false) {
        // Node writes warnings straight to stderr (Lambda logs such lines as they are).
        const line = `(node:8) ${name}: ${msg}\n`
        const hook = internals.hooks.write
        if (typeof hook === 'function') hook(2, line)
        else if (globalThis.console !== undefined && typeof globalThis.console.error === 'function')
          globalThis.console.error(line.slice(0, -1))
      }
    },
    on(event, fn) {
      ;(listeners[event] || (listeners[event] = [])).push(fn)
      return process
    },
    once(event, fn) {
      const w = (...a) => {
        process.off(event, w)
        return fn(...a)
      }
      w.listener = fn
      return process.on(event, w)
    },
    off(event, fn) {
      const l = listeners[event]
      if (l !== undefined) {
        for (let i = l.length - 1; i >= 0; i--) {
          if (l[i] === fn || l[i].listener === fn) {
            l.splice(i, 1)
            break
          }
        }
      }
      return process
    },
    emit(event, ...args) {
      const l = listeners[event]
      if (l === undefined || l.length === 0) return false
      for (const fn of l.slice()) fn(...args)
      return true
    },
    listeners: (event) => (listeners[event] ? listeners[event].slice() : []),
    listenerCount: (event) => (listeners[event] ? listeners[event].length : 0),
    removeAllListeners(event) {
      if (event === undefined) for (const k of Object.keys(listeners)) delete listeners[k]
      else delete listeners[event]
      return process
    },
    setMaxListeners: () => process,
    getMaxListeners: () => 10,
  }
  process.addListener = process.on
  process.removeListener = process.off
  process.prependListener = process.on
  process.prependOnceListener = process.once

  function makeStream(fd) {
    return {
      fd,
      isTTY: false,
      writable: true,
      write(chunk, encoding, cb) {
        const text =
          typeof chunk === 'string'
            ? chunk
            : load('buffer')
                .Buffer.from(chunk)
                .toString(typeof encoding === 'string' ? encoding : 'utf8')
        const hook = internals.hooks.write
        if (typeof hook === 'function') hook(fd, text)
        const done = typeof encoding === 'function' ? encoding : cb
        if (typeof done === 'function') process.nextTick(done)
        return true
      },
      end() {},
      on() {
        return this
      },
      once() {
        return this
      },
    }
  }
  let stdout
  let stderr
  Object.defineProperty(process, 'stdout', {
    enumerable: true,
    configurable: true,
    get: () => stdout || (stdout = makeStream(1)),
  })
  Object.defineProperty(process, 'stderr', {
    enumerable: true,
    configurable: true,
    get: () => stderr || (stderr = makeStream(2)),
  })
  Object.defineProperty(process, Symbol.toStringTag, { value: 'process', configurable: true })
  internals.ProcessExit = ProcessExit // for isProcessExit (core.js); no name on `process`
  return process
}
