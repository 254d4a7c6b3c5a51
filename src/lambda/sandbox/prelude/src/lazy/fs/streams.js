// fs streams: a small subset (events, write/end, data/end, pipe, async iteration).
import { Buffer } from 'buffer'

export function createStreams(load, internals, vol, sync, fds) {
  const { toPathString } = vol
  const { readFileSync } = sync
  const { openSync, closeSync, writeSync } = fds

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

  return { createWriteStream, createReadStream }
}
