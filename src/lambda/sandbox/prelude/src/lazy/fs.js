// fs / fs/promises: Node's fs API over an in-memory volume that lives inside the context
// (./fs/volume.js). The parts: errors, constants, the volume, Stats and Dirent, the sync API,
// file descriptors, the callback and promise forms, streams. This factory puts them together.
import { constants } from './fs/constants.js'
import { Dirent, Stats } from './fs/stats.js'
import { typeError } from './fs/errors.js'
import { createVolume } from './fs/volume.js'
import { createFileDescriptors } from './fs/fd.js'
import { createSyncApi } from './fs/sync.js'
import { createAsyncForms, createFileHandle } from './fs/async.js'
import { createStreams } from './fs/streams.js'

export default function factory(load, internals) {
  const vol = createVolume(internals)
  const { describeArg, mount } = vol
  const fds = createFileDescriptors(vol)
  const sync = createSyncApi(vol, fds, load)
  const { later, callbackify, promisify } = createAsyncForms(internals, describeArg)
  const FileHandle = createFileHandle(sync, fds)
  const { createWriteStream, createReadStream } = createStreams(load, internals, vol, sync, fds)
  const {
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
  } = sync
  const { openSync, closeSync, readSync, writeSync, fstatSync } = fds

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

  const promises = { constants }
  for (const name of Object.keys(syncApi)) {
    if (name === 'open' || name === 'close' || name === 'fstat') continue
    promises[name] = promisify(syncApi[name], name)
  }
  promises.open = async function open(p, flags) {
    return new FileHandle(openSync(p, flags))
  }
  fs.promises = promises
  fs.createWriteStream = createWriteStream
  fs.createReadStream = createReadStream
  fs.WriteStream = undefined
  fs.ReadStream = undefined
  delete fs.WriteStream
  delete fs.ReadStream

  Object.defineProperty(fs, '__lfRemount', { value: mount, enumerable: false })
  return fs
}
