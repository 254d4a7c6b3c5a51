// The volume: an in-memory file system that lives inside the context.
//   /tmp       writable, bounded by the ephemeral storage size (512 MB default) -> ENOSPC
//   /var/task  the function's files, read-only (mounted by the engine via __lf.fs.mountTask)
//   elsewhere  read-only (EROFS on writes), mostly empty
// Nodes, path resolution, data conversions and the /tmp space accounting, for the fs API.
import { Buffer } from 'buffer'
import { S_IFDIR, S_IFREG } from './constants.js'
import { makeDescribe, typeError, uvError } from './errors.js'

export function createVolume(internals) {
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

  return {
    root,
    now,
    describeArg,
    makeDir,
    makeFile,
    fileBytes,
    mount,
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
  }
}
