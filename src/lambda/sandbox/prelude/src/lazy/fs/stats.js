// fs.Stats and fs.Dirent, as Node shapes them.
import { Buffer } from 'buffer'
import { S_IFDIR, S_IFREG, UV_DIRENT_DIR, UV_DIRENT_FILE, kType } from './constants.js'

export class Dirent {
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

export class Stats {
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
export function makeStats(node, bigint) {
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
