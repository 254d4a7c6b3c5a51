// The synchronous fs API over the volume (the callback and promise forms wrap these).
import { Buffer } from 'buffer'
import { UV_DIRENT_DIR, UV_DIRENT_FILE, constants } from './constants.js'
import { uvError } from './errors.js'
import { Dirent, makeStats } from './stats.js'

export function createSyncApi(vol, fds, load) {
  const {
    root,
    now,
    makeDir,
    fileBytes,
    toPathString,
    resolve,
    isTmp,
    lookup,
    parentOf,
    existing,
    encodingOf,
    flagOf,
    toBytes,
    decode,
    reserve,
    writeNode,
    freeTree,
  } = vol
  const { fdEntry } = fds

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

  return {
    readFileSync,
    writeFileSync,
    appendFileSync,
    existsSync,
    accessSync,
    statSync,
    lstatSync,
    mkdirSync,
    mkdtempSync,
    readdirSync,
    unlinkSync,
    rmdirSync,
    rmSync,
    renameSync,
    copyFileSync,
    truncateSync,
    realpathSync,
    utimesSync,
    chmodSync,
  }
}
