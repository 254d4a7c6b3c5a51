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

  const syncApi = {
    readFile: sync.readFileSync,
    writeFile: sync.writeFileSync,
    appendFile: sync.appendFileSync,
    access: sync.accessSync,
    stat: sync.statSync,
    lstat: sync.lstatSync,
    mkdir: sync.mkdirSync,
    mkdtemp: sync.mkdtempSync,
    readdir: sync.readdirSync,
    unlink: sync.unlinkSync,
    rmdir: sync.rmdirSync,
    rm: sync.rmSync,
    rename: sync.renameSync,
    copyFile: sync.copyFileSync,
    truncate: sync.truncateSync,
    realpath: sync.realpathSync,
    utimes: sync.utimesSync,
    chmod: sync.chmodSync,
    open: fds.openSync,
    close: fds.closeSync,
    fstat: fds.fstatSync,
  }

  const fs = { constants, Stats, Dirent, F_OK: 0, R_OK: 4, W_OK: 2, X_OK: 1 }
  for (const name of Object.keys(syncApi)) {
    fs[`${name}Sync`] = syncApi[name]
    fs[name] = callbackify(syncApi[name], name)
  }
  fs.existsSync = sync.existsSync
  fs.exists = function exists(p, cb) {
    if (typeof cb !== 'function')
      throw typeError('ERR_INVALID_ARG_TYPE', `The "cb" argument must be of type function. Received ${describeArg(cb)}`)
    const result = sync.existsSync(p)
    later(cb, result)
  }
  fs.readSync = fds.readSync
  fs.writeSync = fds.writeSync
  fs.read = function read(fd, buffer, offset, length, position, cb) {
    const callback = [buffer, offset, length, position, cb].find((v) => typeof v === 'function')
    try {
      const n = fds.readSync(
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
      const n = fds.writeSync(fd, data, ...rest)
      later(callback, null, n, data)
    } catch (err) {
      later(callback, err)
    }
  }
  fs.realpathSync = sync.realpathSync
  fs.realpath.native = fs.realpath

  const promises = { constants }
  for (const name of Object.keys(syncApi)) {
    if (name === 'open' || name === 'close' || name === 'fstat') continue
    promises[name] = promisify(syncApi[name], name)
  }
  promises.open = async function open(p, flags) {
    return new FileHandle(fds.openSync(p, flags))
  }
  fs.promises = promises
  fs.createWriteStream = createWriteStream
  fs.createReadStream = createReadStream
  fs.WriteStream = undefined
  fs.ReadStream = undefined
  delete fs.WriteStream
  delete fs.ReadStream

  internals.remountFs = mount // for mountTask (core.js); no name on the module learners see
  return fs
}
