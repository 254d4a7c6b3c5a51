// The callback and promise forms of the fs API (callbacks run on process.nextTick, as after
// Node's thread pool), and fs/promises' FileHandle.
import { Buffer } from 'buffer'
import { typeError } from './errors.js'

export function createAsyncForms(internals, describeArg) {
  function later(fn, ...args) {
    internals.process.nextTick(fn, ...args)
  }
  function callbackify(sync, name) {
    const fn = {
      [name](...args) {
        const cb = args[args.length - 1]
        if (typeof cb !== 'function') {
          const shown = args.length > 1 ? cb : undefined
          throw typeError(
            'ERR_INVALID_ARG_TYPE',
            `The "cb" argument must be of type function. Received ${describeArg(shown)}`,
          )
        }
        args.pop()
        let result
        try {
          result = sync(...args)
        } catch (err) {
          later(cb, err)
          return
        }
        later(cb, null, result)
      },
    }[name]
    return fn
  }
  function promisify(sync, name) {
    return {
      [name](...args) {
        return new Promise((resolve, reject) => {
          try {
            resolve(sync(...args))
          } catch (err) {
            reject(err)
          }
        })
      },
    }[name]
  }

  return { later, callbackify, promisify }
}

export function createFileHandle(sync, fds) {
  const { readFileSync, writeFileSync, appendFileSync, truncateSync } = sync
  const { readSync, writeSync, closeSync, fstatSync } = fds

  class FileHandle {
    constructor(fd) {
      this.fd = fd
    }
    async readFile(options) {
      return readFileSync(this.fd, options)
    }
    async writeFile(data, options) {
      return writeFileSync(this.fd, data, options)
    }
    async appendFile(data, options) {
      return appendFileSync(this.fd, data, options)
    }
    async stat(options) {
      return fstatSync(this.fd, options)
    }
    async truncate(len) {
      return truncateSync(this.fd, len)
    }
    async read(buffer, offset, length, position) {
      const buf = buffer || Buffer.alloc(16384)
      const bytesRead = readSync(this.fd, buf, offset, length, position)
      return { bytesRead, buffer: buf }
    }
    async write(data, ...rest) {
      const bytesWritten = writeSync(this.fd, data, ...rest)
      return { bytesWritten, buffer: data }
    }
    async close() {
      closeSync(this.fd)
    }
  }

  return FileHandle
}
