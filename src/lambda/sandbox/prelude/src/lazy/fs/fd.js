// File descriptors: open/close/read/write/fstat over the volume's nodes.
import { Buffer } from 'buffer'
import { constants } from './constants.js'
import { uvError } from './errors.js'
import { makeStats } from './stats.js'

export function createFileDescriptors(vol) {
  const { now, fileBytes, resolve, isTmp, lookup, toBytes, reserve, writeNode } = vol

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

  return { fdEntry, openSync, closeSync, readSync, writeSync, fstatSync }
}
