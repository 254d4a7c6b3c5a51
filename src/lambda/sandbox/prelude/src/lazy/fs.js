// fs / fs/promises: an in-memory file system that lives inside the context.
//   /tmp       writable, bounded by the ephemeral storage size (512 MB default) -> ENOSPC
//   /var/task  the function's files, read-only (mounted by the engine via __lf.fs.mountTask)
//   elsewhere  read-only (EROFS on writes), mostly empty
// Error objects follow Node's uvException shape: message "CODE: description, syscall 'path'",
// own properties errno, code, syscall, path (and dest).
import { Buffer } from 'buffer'

const ERRNO = {
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

function uvError(code, syscall, path, dest) {
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

function typeError(code, message) {
  const err = new TypeError(message)
  err.code = code
  return err
}

const S_IFREG = 0o100000
const S_IFDIR = 0o040000
const UV_DIRENT_FILE = 1
const UV_DIRENT_DIR = 2
const kType = Symbol('type')

const constants = {
  UV_FS_SYMLINK_DIR: 1,
  UV_FS_SYMLINK_JUNCTION: 2,
  O_RDONLY: 0,
  O_WRONLY: 1,
  O_RDWR: 2,
  UV_DIRENT_UNKNOWN: 0,
  UV_DIRENT_FILE: 1,
  UV_DIRENT_DIR: 2,
  UV_DIRENT_LINK: 3,
  S_IFMT: 0o170000,
  S_IFREG,
  S_IFDIR,
  S_IFLNK: 0o120000,
  O_CREAT: 64,
  O_EXCL: 128,
  O_TRUNC: 512,
  O_APPEND: 1024,
  O_SYNC: 1052672,
  F_OK: 0,
  R_OK: 4,
  W_OK: 2,
  X_OK: 1,
  COPYFILE_EXCL: 1,
  COPYFILE_FICLONE: 2,
  COPYFILE_FICLONE_FORCE: 4,
}

export default function factory(load, internals) {
  const { describeArg } = makeDescribe(internals)
  let inoCounter = 1000
  const now = () => internals.nowMs()

  function makeDir(readonly) {
    const t = now()
    return {
      dir: true,
      children: new Map(),
      readonly,
      ino: inoCounter++,
      mode: S_IFDIR | 0o755,
      mtimeMs: t,
      ctimeMs: t,
      birthtimeMs: t,
      atimeMs: t,
    }
  }
  function makeFile(data, readonly, text) {
    const t = now()
    return {
      dir: false,
      data,
      text,
      readonly,
      ino: inoCounter++,
      mode: S_IFREG | (readonly ? 0o644 : 0o664),
      mtimeMs: t,
      ctimeMs: t,
      birthtimeMs: t,
      atimeMs: t,
    }
  }
  function fileBytes(node) {
    if (node.data === undefined) {
      node.data = Buffer.from(node.text, 'utf8')
      node.text = undefined
    }
    return node.data
  }

  const root = makeDir(true)
  const tmp = makeDir(false)
  const varDir = makeDir(true)
  let task = makeDir(true)
  root.children.set('tmp', tmp)
  root.children.set('var', varDir)
  root.children.set('opt', makeDir(true))
  varDir.children.set('task', task)
  let tmpUsed = 0

  function mount() {
    task = makeDir(true)
    varDir.children.set('task', task)
    const files = internals.taskFiles()
    for (const name of Object.keys(files)) {
      const parts = name.split('/').filter((p) => p !== '' && p !== '.')
      let dir = task
      for (let i = 0; i < parts.length - 1; i++) {
        let next = dir.children.get(parts[i])
        if (next === undefined || !next.dir) {
          next = makeDir(true)
          dir.children.set(parts[i], next)
        }
        dir = next
      }
      if (parts.length > 0) dir.children.set(parts[parts.length - 1], makeFile(undefined, true, files[name]))
    }
  }
  mount()

  // ---- paths -------------------------------------------------------------------------------

  function toPathString(p, name = 'path') {
    if (typeof p === 'string') return p
    if (p instanceof Uint8Array) return Buffer.from(p).toString('utf8')
    if (p !== null && typeof p === 'object' && typeof p.href === 'string' && p.protocol !== undefined) {
      if (p.protocol !== 'file:') throw typeError('ERR_INVALID_URL_SCHEME', 'The URL must be of scheme file')
      return decodeURIComponent(p.pathname)
    }
    throw typeError(
      'ERR_INVALID_ARG_TYPE',
      `The "${name}" argument must be of type string or an instance of Buffer or URL. Received ${describeArg(p)}`,
    )
  }

  function resolve(p, name) {
    const s = toPathString(p, name)
    const abs = s.startsWith('/') ? s : `/var/task/${s}`
    const out = []
    for (const part of abs.split('/')) {
      if (part === '' || part === '.') continue
      if (part === '..') out.pop()
      else out.push(part)
    }
    return { parts: out, path: s }
  }

  const isTmp = (parts) => parts[0] === 'tmp'

  // Walks to the parent of the last component; throws ENOENT/ENOTDIR with `syscall` and the user's path.
  function lookup(parts, syscall, shown, dest) {
    let node = root
    for (let i = 0; i < parts.length; i++) {
      if (!node.dir) throw uvError('ENOTDIR', syscall, shown, dest)
      node = node.children.get(parts[i])
      if (node === undefined) return undefined
    }
    return node
  }
  function parentOf(parts, syscall, shown, dest) {
    const parent = lookup(parts.slice(0, -1), syscall, shown, dest)
    if (parent === undefined) throw uvError('ENOENT', syscall, shown, dest)
    if (!parent.dir) throw uvError('ENOTDIR', syscall, shown, dest)
    return parent
  }
  function existing(p, syscall, name) {
    const { parts, path } = resolve(p, name)
    const node = lookup(parts, syscall, path)
    if (node === undefined) throw uvError('ENOENT', syscall, path)
    return { node, parts, path }
  }

  // ---- data --------------------------------------------------------------------------------

  function encodingOf(options, fallback) {
    if (options === undefined || options === null || typeof options === 'function') return fallback
    if (typeof options === 'string') return options
    return options.encoding === undefined ? fallback : options.encoding
  }
  function flagOf(options, fallback) {
    if (options !== null && typeof options === 'object' && options.flag !== undefined) return options.flag
    return fallback
  }
  function toBytes(data, encoding) {
    if (typeof data === 'string') return Buffer.from(data, encoding || 'utf8')
    if (data instanceof Uint8Array) return Buffer.from(data)
    if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength)
    throw typeError(
      'ERR_INVALID_ARG_TYPE',
      `The "data" argument must be of type string or an instance of Buffer, TypedArray, or DataView. Received ${describeArg(data)}`,
    )
  }
  function decode(buf, encoding) {
    if (encoding === null || encoding === undefined || encoding === 'buffer') return buf
    return buf.toString(encoding)
  }

  function reserve(delta) {
    if (delta > 0 && tmpUsed + delta > internals.tmpLimit()) throw uvError('ENOSPC', 'write')
    tmpUsed += delta
  }

  function writeNode(p, bytes, flag, syscall = 'open') {
    const { parts, path } = resolve(p)
    const parent = parentOf(parts, syscall, path)
    const name = parts[parts.length - 1]
    let node = name === undefined ? root : parent.children.get(name)
    if (node !== undefined && node.dir) throw uvError('EISDIR', syscall, path)
    if (node !== undefined && flag[1] === 'x') throw uvError('EEXIST', syscall, path)
    if (!isTmp(parts) || parts.length < 2) throw uvError('EROFS', syscall, path)
    const append = flag[0] === 'a'
    if (node === undefined) {
      reserve(bytes.length)
      node = makeFile(bytes, false)
      parent.children.set(name, node)
      parent.mtimeMs = now()
      return node
    }
    const old = fileBytes(node)
    const next = append ? Buffer.concat([old, bytes]) : bytes
    reserve(next.length - old.length)
    node.data = next
    node.mtimeMs = node.ctimeMs = now()
    return node
  }

  function freeTree(node) {
    if (!node.dir) {
      tmpUsed -= node.data === undefined ? 0 : node.data.length
      return
    }
    for (const child of node.children.values()) freeTree(child)
  }

  // ---- sync API ----------------------------------------------------------------------------

  function readFileSync(p, options) {
    const encoding = encodingOf(options, null)
    if (typeof p === 'number') return decode(fdEntry(p, 'read').readAll(), encoding)
    const { parts, path } = resolve(p)
    const node = lookup(parts, 'open', path)
    if (node === undefined) throw uvError('ENOENT', 'open', path)
    if (node.dir) throw uvError('EISDIR', 'read')
    node.atimeMs = now()
    return decode(Buffer.from(fileBytes(node)), encoding)
  }

  function writeFileSync(p, data, options) {
    const encoding = encodingOf(options, 'utf8')
    const bytes = toBytes(data, encoding)
    if (typeof p === 'number') return void fdEntry(p, 'write').write(bytes)
    writeNode(p, bytes, flagOf(options, 'w'))
  }

  function appendFileSync(p, data, options) {
    const encoding = encodingOf(options, 'utf8')
    const bytes = toBytes(data, encoding)
    if (typeof p === 'number') return void fdEntry(p, 'write').write(bytes, true)
    writeNode(p, bytes, flagOf(options, 'a'))
  }

  function existsSync(p) {
    try {
      const { parts } = resolve(p)
      return lookup(parts, 'access') !== undefined
    } catch {
      return false
    }
  }

  function accessSync(p, mode = constants.F_OK) {
    const { node, parts, path } = existing(p, 'access')
    if (mode & constants.W_OK && (node.readonly || !isTmp(parts))) throw uvError('EROFS', 'access', path)
  }

  function statSync(p, options, syscall = 'stat') {
    const { parts, path } = resolve(p)
    const node = lookup(parts, syscall, path)
    if (node === undefined) {
      if (options && options.throwIfNoEntry === false) return undefined
      throw uvError('ENOENT', syscall, path)
    }
    return makeStats(node, options && options.bigint)
  }

  function lstatSync(p, options) {
    return statSync(p, options, 'lstat')
  }

  function mkdirSync(p, options) {
    const recursive = typeof options === 'object' && options !== null && !!options.recursive
    const { parts, path } = resolve(p)
    if (!recursive) {
      const parent = parentOf(parts, 'mkdir', path)
      if (parts.length === 0 || parent.children.has(parts[parts.length - 1])) throw uvError('EEXIST', 'mkdir', path)
      if (!isTmp(parts)) throw uvError('EROFS', 'mkdir', path)
      parent.children.set(parts[parts.length - 1], makeDir(false))
      return undefined
    }
    let node = root
    let first
    for (let i = 0; i < parts.length; i++) {
      let next = node.children.get(parts[i])
      if (next === undefined) {
        if (!isTmp(parts)) throw uvError('EROFS', 'mkdir', path)
        next = makeDir(false)
        node.children.set(parts[i], next)
        if (first === undefined) first = `/${parts.slice(0, i + 1).join('/')}`
      } else if (!next.dir) {
        throw uvError(i === parts.length - 1 ? 'EEXIST' : 'ENOTDIR', 'mkdir', path)
      }
      node = next
    }
    return first
  }

  function mkdtempSync(prefix) {
    const chars = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'
    for (;;) {
      let suffix = ''
      const bytes = load('crypto').randomBytes(6)
      for (let i = 0; i < 6; i++) suffix += chars[bytes[i] % chars.length]
      const candidate = `${toPathString(prefix, 'prefix')}${suffix}`
      if (!existsSync(candidate)) {
        mkdirSync(candidate)
        return candidate
      }
    }
  }

  class Dirent {
    constructor(name, type, parentPath) {
      this.name = name
      this.parentPath = parentPath
      this.path = parentPath
      this[kType] = type
    }
    isFile() {
      return this[kType] === UV_DIRENT_FILE
    }
    isDirectory() {
      return this[kType] === UV_DIRENT_DIR
    }
    isSymbolicLink() {
      return false
    }
    isBlockDevice() {
      return false
    }
    isCharacterDevice() {
      return false
    }
    isFIFO() {
      return false
    }
    isSocket() {
      return false
    }
  }

  function readdirSync(p, options) {
    const { node, path } = existing(p, 'scandir')
    if (!node.dir) throw uvError('ENOTDIR', 'scandir', path)
    const withFileTypes = options !== null && typeof options === 'object' && !!options.withFileTypes
    const recursive = options !== null && typeof options === 'object' && !!options.recursive
    const encoding = encodingOf(options, 'utf8')
    const out = []
    const walk = (dir, prefix, dirPath) => {
      const names = [...dir.children.keys()].sort()
      for (const name of names) {
        const child = dir.children.get(name)
        const rel = prefix === '' ? name : `${prefix}/${name}`
        if (withFileTypes) out.push(new Dirent(name, child.dir ? UV_DIRENT_DIR : UV_DIRENT_FILE, dirPath))
        else out.push(encoding === 'buffer' ? Buffer.from(rel) : rel)
        if (recursive && child.dir) walk(child, rel, `${dirPath}/${name}`)
      }
    }
    walk(node, '', typeof p === 'string' ? p : path)
    return out
  }

  function unlinkSync(p) {
    const { parts, path } = resolve(p)
    const parent = parentOf(parts, 'unlink', path)
    const node = parts.length === 0 ? root : parent.children.get(parts[parts.length - 1])
    if (node === undefined) throw uvError('ENOENT', 'unlink', path)
    if (node.dir) throw uvError('EISDIR', 'unlink', path)
    if (!isTmp(parts)) throw uvError('EROFS', 'unlink', path)
    freeTree(node)
    parent.children.delete(parts[parts.length - 1])
  }

  function rmdirSync(p, options) {
    const { parts, path } = resolve(p)
    const parent = parentOf(parts, 'rmdir', path)
    const node = parts.length === 0 ? root : parent.children.get(parts[parts.length - 1])
    if (node === undefined) throw uvError('ENOENT', 'rmdir', path)
    if (!node.dir) throw uvError('ENOTDIR', 'rmdir', path)
    if (!isTmp(parts)) throw uvError('EROFS', 'rmdir', path)
    if (parts.length === 1) throw uvError('EBUSY', 'rmdir', path)
    if (node.children.size > 0 && !(options && options.recursive)) throw uvError('ENOTEMPTY', 'rmdir', path)
    freeTree(node)
    parent.children.delete(parts[parts.length - 1])
  }

  function rmSync(p, options) {
    const recursive = !!(options && options.recursive)
    const force = !!(options && options.force)
    const { parts, path } = resolve(p)
    let node
    try {
      node = lookup(parts, 'lstat', path)
    } catch (err) {
      if (force) return
      throw err
    }
    if (node === undefined) {
      if (force) return
      throw uvError('ENOENT', 'lstat', path)
    }
    if (node.dir && !recursive) {
      const err = new Error(`Path is a directory: rm returned EISDIR (is a directory) ${path}`)
      Object.defineProperty(err, 'name', {
        value: 'SystemError',
        writable: true,
        configurable: true,
        enumerable: false,
      })
      err.code = 'ERR_FS_EISDIR'
      err.info = { code: 'EISDIR', message: 'is a directory', path, syscall: 'rm', errno: 21 }
      err.errno = 21
      err.syscall = 'rm'
      err.path = path
      throw err
    }
    if (!isTmp(parts)) throw uvError('EROFS', node.dir ? 'rmdir' : 'unlink', path)
    if (parts.length === 1) throw uvError('EBUSY', 'rmdir', path)
    freeTree(node)
    lookup(parts.slice(0, -1), 'rm', path).children.delete(parts[parts.length - 1])
  }

  function renameSync(from, to) {
    const a = resolve(from, 'oldPath')
    const b = resolve(to, 'newPath')
    const srcParent = parentOf(a.parts, 'rename', a.path, b.path)
    const node = a.parts.length === 0 ? root : srcParent.children.get(a.parts[a.parts.length - 1])
    if (node === undefined) throw uvError('ENOENT', 'rename', a.path, b.path)
    const dstParent = parentOf(b.parts, 'rename', a.path, b.path)
    if (!isTmp(a.parts) || !isTmp(b.parts) || b.parts.length < 2 || a.parts.length < 2)
      throw uvError('EROFS', 'rename', a.path, b.path)
    const target = dstParent.children.get(b.parts[b.parts.length - 1])
    if (target !== undefined && target !== node) {
      if (node.dir && !target.dir) throw uvError('ENOTDIR', 'rename', a.path, b.path)
      if (!node.dir && target.dir) throw uvError('EISDIR', 'rename', a.path, b.path)
      if (target.dir && target.children.size > 0) throw uvError('ENOTEMPTY', 'rename', a.path, b.path)
      freeTree(target)
    }
    if (node.dir) {
      for (let i = a.parts.length; i <= b.parts.length; i++) {
        if (b.parts.slice(0, a.parts.length).join('/') === a.parts.join('/') && b.parts.length > a.parts.length) {
          throw uvError('EINVAL', 'rename', a.path, b.path)
        }
      }
    }
    srcParent.children.delete(a.parts[a.parts.length - 1])
    dstParent.children.set(b.parts[b.parts.length - 1], node)
    node.ctimeMs = now()
  }

  function copyFileSync(src, dest, mode = 0) {
    const a = resolve(src, 'src')
    const b = resolve(dest, 'dest')
    const node = lookup(a.parts, 'copyfile', a.path, b.path)
    if (node === undefined) throw uvError('ENOENT', 'copyfile', a.path, b.path)
    if (node.dir) throw uvError('EISDIR', 'copyfile', a.path, b.path)
    const dstParent = parentOf(b.parts, 'copyfile', a.path, b.path)
    const existingDest = dstParent.children.get(b.parts[b.parts.length - 1])
    if (existingDest !== undefined && mode & constants.COPYFILE_EXCL)
      throw uvError('EEXIST', 'copyfile', a.path, b.path)
    if (existingDest !== undefined && existingDest.dir) throw uvError('EISDIR', 'copyfile', a.path, b.path)
    if (!isTmp(b.parts)) throw uvError('EROFS', 'copyfile', a.path, b.path)
    writeNode(b.parts.length ? `/${b.parts.join('/')}` : '/', Buffer.from(fileBytes(node)), 'w', 'copyfile')
  }

  function truncateSync(p, len = 0) {
    if (typeof p === 'number') return void fdEntry(p, 'ftruncate').truncate(len)
    const { node, parts, path } = existing(p, 'open')
    if (node.dir) throw uvError('EISDIR', 'open', path)
    if (!isTmp(parts)) throw uvError('EROFS', 'open', path)
    const old = fileBytes(node)
    const next = Buffer.alloc(len)
    old.copy(next, 0, 0, Math.min(len, old.length))
    reserve(next.length - old.length)
    node.data = next
  }

  function realpathSync(p) {
    const { parts } = existing(p, 'lstat')
    return `/${parts.join('/')}`
  }
  realpathSync.native = realpathSync

  function utimesSync(p, atime, mtime) {
    const { node } = existing(p, 'utime')
    node.atimeMs = typeof atime === 'number' ? atime * 1000 : +atime
    node.mtimeMs = typeof mtime === 'number' ? mtime * 1000 : +mtime
  }

  function chmodSync(p, mode) {
    const { node, parts, path } = existing(p, 'chmod')
    if (!isTmp(parts)) throw uvError('EROFS', 'chmod', path)
    node.mode = (node.mode & 0o170000) | (typeof mode === 'string' ? parseInt(mode, 8) : mode)
  }

  // ---- file descriptors ---------------------------------------------------------------------

  const fds = new Map()
  let nextFd = 20
  function fdEntry(fd, syscall) {
    const e = fds.get(fd)
    if (e === undefined) throw uvError('EBADF', syscall)
    return e
  }

  function openSync(p, flags = 'r') {
    const flag = typeof flags === 'number' ? numericFlag(flags) : flags
    const { parts, path } = resolve(p)
    let node = lookup(parts, 'open', path)
    const writing = /[wa+]/.test(flag)
    if (node === undefined) {
      if (!/[wa]/.test(flag)) throw uvError('ENOENT', 'open', path)
      node = writeNode(p, Buffer.alloc(0), flag)
    } else {
      if (/x/.test(flag)) throw uvError('EEXIST', 'open', path)
      if (node.dir && writing) throw uvError('EISDIR', 'open', path)
      if (writing && !isTmp(parts)) throw uvError('EROFS', 'open', path)
      if (flag[0] === 'w') writeNode(p, Buffer.alloc(0), 'w')
    }
    const fd = nextFd++
    let position = 0
    const entry = {
      node,
      readAll() {
        if (node.dir) throw uvError('EISDIR', 'read')
        const data = fileBytes(node)
        const out = Buffer.from(data.subarray(position))
        position = data.length
        return out
      },
      read(buffer, offset, length, pos) {
        if (node.dir) throw uvError('EISDIR', 'read')
        const data = fileBytes(node)
        const start = pos === null || pos === undefined || pos < 0 ? position : pos
        const n = Math.max(0, Math.min(length, data.length - start))
        buffer.set(data.subarray(start, start + n), offset)
        if (pos === null || pos === undefined || pos < 0) position += n
        return n
      },
      write(bytes, append, pos) {
        if (!writing) throw uvError('EBADF', 'write')
        const data = fileBytes(node)
        const start = append || flag[0] === 'a' ? data.length : pos === null || pos === undefined ? position : pos
        const end = start + bytes.length
        const next = Buffer.alloc(Math.max(end, data.length))
        data.copy(next, 0)
        next.set(bytes, start)
        reserve(next.length - data.length)
        node.data = next
        node.mtimeMs = now()
        if (pos === null || pos === undefined) position = end
        return bytes.length
      },
      truncate(len) {
        const data = fileBytes(node)
        const next = Buffer.alloc(len)
        data.copy(next, 0, 0, Math.min(len, data.length))
        reserve(next.length - data.length)
        node.data = next
      },
    }
    fds.set(fd, entry)
    return fd
  }
  function numericFlag(n) {
    const acc = n & 3
    if (n & constants.O_APPEND) return acc === 2 ? 'a+' : 'a'
    if (n & constants.O_CREAT) return (acc === 2 ? 'w+' : 'w') + (n & constants.O_EXCL ? 'x' : '')
    return acc === 2 ? 'r+' : acc === 1 ? 'w' : 'r'
  }
  function closeSync(fd) {
    fdEntry(fd, 'close')
    fds.delete(fd)
  }
  function readSync(fd, buffer, offsetOrOptions, length, position) {
    let offset = offsetOrOptions
    if (offsetOrOptions !== null && typeof offsetOrOptions === 'object') {
      ;({ offset = 0, length = buffer.byteLength - offset, position = null } = offsetOrOptions)
    }
    if (offset === undefined) offset = 0
    if (length === undefined) length = buffer.byteLength - offset
    return fdEntry(fd, 'read').read(buffer, offset, length, position)
  }
  function writeSync(fd, data, offsetOrPosition, lengthOrEncoding, position) {
    const e = fdEntry(fd, 'write')
    if (typeof data === 'string') {
      const enc = typeof lengthOrEncoding === 'string' ? lengthOrEncoding : 'utf8'
      return e.write(Buffer.from(data, enc), false, typeof offsetOrPosition === 'number' ? offsetOrPosition : null)
    }
    const bytes = toBytes(data)
    const offset = typeof offsetOrPosition === 'number' ? offsetOrPosition : 0
    const length = typeof lengthOrEncoding === 'number' ? lengthOrEncoding : bytes.length - offset
    return e.write(bytes.subarray(offset, offset + length), false, position)
  }
  function fstatSync(fd, options) {
    return makeStats(fdEntry(fd, 'fstat').node, options && options.bigint)
  }

  // ---- Stats --------------------------------------------------------------------------------

  class Stats {
    isFile() {
      return (this.mode & 0o170000) === S_IFREG
    }
    isDirectory() {
      return (this.mode & 0o170000) === S_IFDIR
    }
    isSymbolicLink() {
      return false
    }
    isBlockDevice() {
      return false
    }
    isCharacterDevice() {
      return false
    }
    isFIFO() {
      return false
    }
    isSocket() {
      return false
    }
  }
  function makeStats(node, bigint) {
    const s = new Stats()
    const size = node.dir ? 4096 : node.data !== undefined ? node.data.length : Buffer.byteLength(node.text, 'utf8')
    const n = bigint ? (v) => BigInt(Math.floor(v)) : (v) => v
    s.dev = n(node.readonly ? 2049 : 1048)
    s.mode = n(node.mode)
    s.nlink = n(node.dir ? 2 : 1)
    s.uid = n(node.readonly ? 0 : 993)
    s.gid = n(node.readonly ? 0 : 990)
    s.rdev = n(0)
    s.blksize = n(4096)
    s.ino = n(node.ino)
    s.size = n(size)
    s.blocks = n(Math.ceil(size / 4096) * 8)
    s.atimeMs = n(node.atimeMs)
    s.mtimeMs = n(node.mtimeMs)
    s.ctimeMs = n(node.ctimeMs)
    s.birthtimeMs = n(node.birthtimeMs)
    s.atime = new Date(node.atimeMs)
    s.mtime = new Date(node.mtimeMs)
    s.ctime = new Date(node.ctimeMs)
    s.birthtime = new Date(node.birthtimeMs)
    return s
  }

  // ---- callback and promise forms ------------------------------------------------------------

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

  const syncApi = {
    readFile: readFileSync,
    writeFile: writeFileSync,
    appendFile: appendFileSync,
    access: accessSync,
    stat: statSync,
    lstat: lstatSync,
    mkdir: mkdirSync,
    mkdtemp: mkdtempSync,
    readdir: readdirSync,
    unlink: unlinkSync,
    rmdir: rmdirSync,
    rm: rmSync,
    rename: renameSync,
    copyFile: copyFileSync,
    truncate: truncateSync,
    realpath: realpathSync,
    utimes: utimesSync,
    chmod: chmodSync,
    open: openSync,
    close: closeSync,
    fstat: fstatSync,
  }

  const fs = { constants, Stats, Dirent, F_OK: 0, R_OK: 4, W_OK: 2, X_OK: 1 }
  for (const name of Object.keys(syncApi)) {
    fs[`${name}Sync`] = syncApi[name]
    fs[name] = callbackify(syncApi[name], name)
  }
  fs.existsSync = existsSync
  fs.exists = function exists(p, cb) {
    if (typeof cb !== 'function')
      throw typeError('ERR_INVALID_ARG_TYPE', `The "cb" argument must be of type function. Received ${describeArg(cb)}`)
    const result = existsSync(p)
    later(cb, result)
  }
  fs.readSync = readSync
  fs.writeSync = writeSync
  fs.read = function read(fd, buffer, offset, length, position, cb) {
    const callback = [buffer, offset, length, position, cb].find((v) => typeof v === 'function')
    try {
      const n = readSync(
        fd,
        buffer,
        typeof offset === 'function' ? undefined : offset,
        typeof length === 'function' ? undefined : length,
        typeof position === 'function' ? undefined : position,
      )
      later(callback, null, n, buffer)
    } catch (err) {
      later(callback, err)
    }
  }
  fs.write = function write(fd, data, ...rest) {
    const callback = rest.pop()
    try {
      const n = writeSync(fd, data, ...rest)
      later(callback, null, n, data)
    } catch (err) {
      later(callback, err)
    }
  }
  fs.realpathSync = realpathSync
  fs.realpath.native = fs.realpath

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

  const promises = { constants }
  for (const name of Object.keys(syncApi)) {
    if (name === 'open' || name === 'close' || name === 'fstat') continue
    promises[name] = promisify(syncApi[name], name)
  }
  promises.open = async function open(p, flags) {
    return new FileHandle(openSync(p, flags))
  }
  fs.promises = promises

  // ---- streams (a small subset: events, write/end, data/end, pipe, async iteration) -----------

  function later2(fn) {
    internals.process.nextTick(fn)
  }

  function createWriteStream(p, options) {
    const EventEmitter = load('events')
    const opts = typeof options === 'string' ? { encoding: options } : options || {}
    const ws = new EventEmitter()
    ws.path = typeof p === 'string' ? p : toPathString(p)
    ws.bytesWritten = 0
    ws.writable = true
    ws.pending = true
    let fd
    let failed = false
    try {
      fd = openSync(p, opts.flags || 'w')
      later2(() => {
        ws.pending = false
        ws.emit('open', fd)
        ws.emit('ready')
      })
    } catch (err) {
      failed = true
      ws.writable = false
      later2(() => {
        ws.emit('error', err)
        ws.emit('close')
      })
    }
    ws.write = (chunk, encoding, cb) => {
      const done = typeof encoding === 'function' ? encoding : cb
      if (failed || !ws.writable) {
        const err = new Error('write after end')
        err.code = 'ERR_STREAM_WRITE_AFTER_END'
        later2(() => ws.emit('error', err))
        return false
      }
      try {
        ws.bytesWritten += writeSync(
          fd,
          typeof chunk === 'string'
            ? Buffer.from(chunk, typeof encoding === 'string' ? encoding : opts.encoding || 'utf8')
            : chunk,
        )
        if (typeof done === 'function') later2(() => done(null))
      } catch (err) {
        if (typeof done === 'function') later2(() => done(err))
        later2(() => ws.emit('error', err))
      }
      return true
    }
    ws.end = (chunk, encoding, cb) => {
      const done = [chunk, encoding, cb].find((v) => typeof v === 'function')
      if (chunk !== undefined && typeof chunk !== 'function')
        ws.write(chunk, typeof encoding === 'string' ? encoding : undefined)
      if (failed || !ws.writable) return ws
      ws.writable = false
      closeSync(fd)
      later2(() => {
        ws.emit('finish')
        if (done) done()
        ws.emit('close')
      })
      return ws
    }
    ws.destroy = () => {
      if (ws.writable && !failed) closeSync(fd)
      ws.writable = false
      later2(() => ws.emit('close'))
      return ws
    }
    return ws
  }

  function createReadStream(p, options) {
    const EventEmitter = load('events')
    const opts = typeof options === 'string' ? { encoding: options } : options || {}
    const rs = new EventEmitter()
    rs.path = typeof p === 'string' ? p : toPathString(p)
    rs.bytesRead = 0
    rs.readable = true
    let encoding = opts.encoding || null
    const highWaterMark = opts.highWaterMark || 64 * 1024
    let chunks
    let error
    try {
      let data = readFileSync(p)
      const start = opts.start || 0
      const end = opts.end === undefined ? data.length : opts.end + 1
      data = data.subarray(start, end)
      chunks = []
      for (let i = 0; i < data.length; i += highWaterMark) chunks.push(Buffer.from(data.subarray(i, i + highWaterMark)))
    } catch (err) {
      error = err
    }
    rs.setEncoding = (enc) => {
      encoding = enc
      return rs
    }
    const decode = (c) => (encoding ? c.toString(encoding) : c)
    // Opening happens right away (errors are emitted even without a 'data' listener).
    later2(() => {
      if (error) {
        rs.readable = false
        rs.emit('error', error)
        rs.emit('close')
        return
      }
      rs.emit('open', 0)
      rs.emit('ready')
    })
    let started = false
    const flow = () => {
      if (started || error) return
      started = true
      later2(() => {
        for (const c of chunks) {
          rs.bytesRead += c.length
          rs.emit('data', decode(c))
        }
        rs.readable = false
        rs.emit('end')
        rs.emit('close')
      })
    }
    const on = rs.on.bind(rs)
    rs.on = rs.addListener = (event, fn) => {
      on(event, fn)
      if (event === 'data') flow()
      return rs
    }
    rs.resume = () => {
      flow()
      return rs
    }
    rs.pipe = (dest, pipeOptions) => {
      rs.on('data', (c) => dest.write(c))
      if (!pipeOptions || pipeOptions.end !== false) rs.on('end', () => dest.end())
      return dest
    }
    rs.destroy = () => {
      chunks = []
      rs.readable = false
      return rs
    }
    rs[Symbol.asyncIterator] = async function* iterate() {
      if (error) throw error
      for (const c of chunks) {
        rs.bytesRead += c.length
        yield decode(c)
      }
    }
    return rs
  }

  fs.createWriteStream = createWriteStream
  fs.createReadStream = createReadStream
  fs.WriteStream = undefined
  fs.ReadStream = undefined
  delete fs.WriteStream
  delete fs.ReadStream

  Object.defineProperty(fs, '__lfRemount', { value: mount, enumerable: false })
  return fs
}

function makeDescribe(internals) {
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
