// fs errors: Node's uvException shape (message "CODE: description, syscall 'path'", own
// properties errno, code, syscall, path and dest), argument TypeErrors with Node's wording.

export const ERRNO = {
  EPERM: [-1, 'operation not permitted'],
  ENOENT: [-2, 'no such file or directory'],
  EBADF: [-9, 'bad file descriptor'],
  EACCES: [-13, 'permission denied'],
  EBUSY: [-16, 'resource busy or locked'],
  EEXIST: [-17, 'file already exists'],
  EXDEV: [-18, 'cross-device link not permitted'],
  ENOTDIR: [-20, 'not a directory'],
  EISDIR: [-21, 'illegal operation on a directory'],
  EINVAL: [-22, 'invalid argument'],
  ENOSPC: [-28, 'no space left on device'],
  EROFS: [-30, 'read-only file system'],
  ENOTEMPTY: [-39, 'directory not empty'],
}

export function uvError(code, syscall, path, dest) {
  const [errno, desc] = ERRNO[code]
  let message = `${code}: ${desc}, ${syscall}`
  if (path !== undefined) message += ` '${path}'`
  if (dest !== undefined) message += ` -> '${dest}'`
  const err = new Error(message)
  err.errno = errno
  err.code = code
  err.syscall = syscall
  if (path !== undefined) err.path = path
  if (dest !== undefined) err.dest = dest
  return err
}

export function typeError(code, message) {
  const err = new TypeError(message)
  err.code = code
  return err
}

export function makeDescribe(internals) {
  return {
    describeArg(value) {
      if (value == null) return `${value}`
      if (typeof value === 'function') return `function ${value.name}`
      if (typeof value === 'object') {
        if (value.constructor && value.constructor.name) return `an instance of ${value.constructor.name}`
        return internals.inspect(value, { depth: -1 })
      }
      let shown = internals.inspect(value)
      if (typeof value === 'string') shown = `'${value}'`
      if (shown.length > 28) shown = `${shown.slice(0, 25)}...`
      return `type ${typeof value} (${shown})`
    },
  }
}
