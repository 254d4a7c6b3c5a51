// The in-memory fs: /tmp writable (bounded), /var/task read-only with the function's files, and
// Node's exact error shapes, checked against the host's real fs doing the same operations.
import { mkdtempSync, rmSync, mkdirSync, writeFileSync } from 'node:fs'
import * as realFs from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import util from 'node:util'
import { PreludeSandbox } from './testing.ts'

interface ErrShape {
  message: string
  code?: unknown
  errno?: unknown
  syscall?: unknown
  path?: unknown
  dest?: unknown
  keys: string[]
}

let sb: PreludeSandbox
let hostRoot: string
beforeAll(async () => {
  sb = await PreludeSandbox.create({
    taskFiles: {
      'index.mjs': 'export const handler = async () => 1',
      'lib/data.json': '{"answer":42}',
      'README.md': 'héllo',
    },
  })
})
afterAll(() => sb.dispose())

// A fresh layout on both sides before each case: <root>/d (dir with file z), <root>/f (file "hi\n").
beforeEach(() => {
  hostRoot = mkdtempSync(join(tmpdir(), 'lf-fs-'))
  mkdirSync(join(hostRoot, 'd'))
  writeFileSync(join(hostRoot, 'd', 'z'), '1')
  writeFileSync(join(hostRoot, 'f'), 'hi\n')
  sb.evalVoid(
    `(() => { const fs = __lf.builtin('fs'); fs.rmSync('/tmp/t', { recursive: true, force: true }); fs.mkdirSync('/tmp/t/d', { recursive: true }); fs.writeFileSync('/tmp/t/d/z', '1'); fs.writeFileSync('/tmp/t/f', 'hi\\n') })()`,
  )
})
afterEach(() => rmSync(hostRoot, { recursive: true, force: true }))

function hostError(op: (fs: typeof realFs, r: string) => unknown): ErrShape | 'ok' {
  try {
    op(realFs, hostRoot)
    return 'ok'
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { dest?: string }
    const fix = (v: unknown): unknown => (typeof v === 'string' ? v.split(hostRoot).join('/tmp/t') : v)
    return {
      message: fix(err.message) as string,
      code: err.code,
      errno: err.errno,
      syscall: err.syscall,
      path: fix(err.path),
      dest: fix(err.dest),
      keys: Object.keys(err),
    }
  }
}

function sandboxError(op: string): ErrShape | 'ok' {
  return sb.eval<ErrShape | 'ok'>(`(() => {
    const fs = __lf.builtin('fs'); const r = '/tmp/t'
    try { (${op})(fs, r); return 'ok' } catch (err) {
      return { message: err.message, code: err.code, errno: err.errno, syscall: err.syscall, path: err.path, dest: err.dest, keys: Object.keys(err) }
    }
  })()`)
}

const OPS: Record<string, string> = {
  'readFileSync missing': `(fs, r) => fs.readFileSync(r + '/nope')`,
  'readFileSync directory': `(fs, r) => fs.readFileSync(r + '/d')`,
  'writeFileSync into missing dir': `(fs, r) => fs.writeFileSync(r + '/no/x', 'a')`,
  'writeFileSync onto directory': `(fs, r) => fs.writeFileSync(r + '/d', 'a')`,
  'writeFileSync wx on existing': `(fs, r) => fs.writeFileSync(r + '/f', 'a', { flag: 'wx' })`,
  'writeFileSync under a file': `(fs, r) => fs.writeFileSync(r + '/f/x', 'a')`,
  'mkdirSync existing': `(fs, r) => fs.mkdirSync(r + '/d')`,
  'mkdirSync without parent': `(fs, r) => fs.mkdirSync(r + '/a/b')`,
  'mkdirSync recursive under a file': `(fs, r) => fs.mkdirSync(r + '/f/x', { recursive: true })`,
  'mkdirSync recursive onto a file': `(fs, r) => fs.mkdirSync(r + '/f', { recursive: true })`,
  'mkdirSync recursive existing dir': `(fs, r) => fs.mkdirSync(r + '/d', { recursive: true })`,
  'readdirSync file': `(fs, r) => fs.readdirSync(r + '/f')`,
  'readdirSync missing': `(fs, r) => fs.readdirSync(r + '/nope')`,
  'rmSync missing': `(fs, r) => fs.rmSync(r + '/nope')`,
  'rmSync missing with force': `(fs, r) => fs.rmSync(r + '/nope', { force: true })`,
  'rmSync directory': `(fs, r) => fs.rmSync(r + '/d')`,
  'rmdirSync non-empty': `(fs, r) => fs.rmdirSync(r + '/d')`,
  'rmdirSync file': `(fs, r) => fs.rmdirSync(r + '/f')`,
  'rmdirSync missing': `(fs, r) => fs.rmdirSync(r + '/nope')`,
  'unlinkSync directory': `(fs, r) => fs.unlinkSync(r + '/d')`,
  'unlinkSync missing': `(fs, r) => fs.unlinkSync(r + '/nope')`,
  'statSync missing': `(fs, r) => fs.statSync(r + '/nope')`,
  'lstatSync missing': `(fs, r) => fs.lstatSync(r + '/nope')`,
  'statSync missing, throwIfNoEntry false': `(fs, r) => { if (fs.statSync(r + '/nope', { throwIfNoEntry: false }) !== undefined) throw new Error('defined') }`,
  'renameSync missing': `(fs, r) => fs.renameSync(r + '/nope', r + '/n2')`,
  'renameSync dir over file': `(fs, r) => fs.renameSync(r + '/d', r + '/f')`,
  'renameSync file over dir': `(fs, r) => fs.renameSync(r + '/f', r + '/d')`,
  'copyFileSync missing': `(fs, r) => fs.copyFileSync(r + '/nope', r + '/n2')`,
  'copyFileSync COPYFILE_EXCL': `(fs, r) => fs.copyFileSync(r + '/f', r + '/d/z', fs.constants.COPYFILE_EXCL)`,
  'accessSync missing': `(fs, r) => fs.accessSync(r + '/nope')`,
  'realpathSync missing': `(fs, r) => fs.realpathSync(r + '/nope')`,
  'openSync missing': `(fs, r) => fs.openSync(r + '/nope', 'r')`,
  'readFileSync without path': `(fs) => fs.readFileSync()`,
  'readFile without callback': `(fs, r) => fs.readFile(r + '/f')`,
  'writeFileSync with a number': `(fs, r) => fs.writeFileSync(r + '/n', 42)`,
  'existsSync never throws': `(fs, r) => { if (fs.existsSync(r + '/f') !== true || fs.existsSync(r + '/nope') !== false || fs.existsSync() !== false) throw new Error('exists') }`,
}

describe('fs errors match Node 20 on a real file system', () => {
  for (const [name, op] of Object.entries(OPS)) {
    it(name, () => {
      const hostOp = new Function(`return ${op}`)() as (fs: typeof realFs, r: string) => unknown
      expect(sandboxError(op)).toEqual(hostError(hostOp))
    })
  }
})

describe('fs behaviour', () => {
  it('writes, appends and reads /tmp in sync, callback and promise forms', async () => {
    const out = await sb.evalAsync<string[]>(`(async () => {
      const fs = __lf.builtin('fs'); const fsp = __lf.builtin('node:fs/promises')
      const results = []
      fs.writeFileSync('/tmp/t/a.txt', 'one')
      fs.appendFileSync('/tmp/t/a.txt', Buffer.from('+two'))
      results.push(fs.readFileSync('/tmp/t/a.txt', 'utf8'))
      results.push(await new Promise((res, rej) => fs.readFile('/tmp/t/a.txt', { encoding: 'utf8' }, (e, d) => e ? rej(e) : res(d))))
      await fsp.writeFile('/tmp/t/b.json', JSON.stringify({ x: 1 }))
      await fsp.appendFile('/tmp/t/b.json', '\\n')
      results.push(await fsp.readFile('/tmp/t/b.json', 'utf8'))
      results.push(String(Buffer.isBuffer(fs.readFileSync('/tmp/t/a.txt'))))
      results.push(String(await new Promise((res) => fs.exists('/tmp/t/a.txt', res))))
      return results
    })()`)
    expect(out).toEqual(['one+two', 'one+two', '{"x":1}\n', 'true', 'true'])
  })

  it('rejects promises with the same error shape', async () => {
    const out = await sb.evalAsync<{ message: string; code: string }>(
      `__lf.builtin('fs/promises').readFile('/tmp/t/missing').then(() => null, (e) => ({ message: e.message, code: e.code }))`,
    )
    expect(out).toEqual({ message: "ENOENT: no such file or directory, open '/tmp/t/missing'", code: 'ENOENT' })
  })

  it('calls callbacks asynchronously with (err) on failure', async () => {
    const out = await sb.evalAsync<string[]>(`new Promise((resolve) => {
      const order = []
      __lf.builtin('fs').mkdir('/tmp/t/d', (err) => { order.push('cb:' + err.code); resolve(order) })
      order.push('after call')
    })`)
    expect(out).toEqual(['after call', 'cb:EEXIST'])
  })

  it('mounts the function files read-only at /var/task (relative paths resolve there)', () => {
    expect(sb.eval(`__lf.builtin('fs').readFileSync('/var/task/lib/data.json', 'utf8')`)).toBe('{"answer":42}')
    expect(sb.eval(`__lf.builtin('fs').readFileSync('lib/data.json', 'utf8')`)).toBe('{"answer":42}')
    expect(sb.eval(`__lf.builtin('fs').readdirSync('/var/task')`)).toEqual(['README.md', 'index.mjs', 'lib'])
    expect(sb.eval(`__lf.builtin('fs').statSync('/var/task/README.md').size`)).toBe(Buffer.byteLength('héllo'))
    const erofs = sandboxError(`(fs) => fs.writeFileSync('/var/task/x.txt', 'a')`)
    expect(erofs).toEqual({
      message: "EROFS: read-only file system, open '/var/task/x.txt'",
      code: 'EROFS',
      errno: -30,
      syscall: 'open',
      path: '/var/task/x.txt',
      keys: ['errno', 'code', 'syscall', 'path'],
    })
    expect(sandboxError(`(fs) => fs.unlinkSync('/var/task/index.mjs')`)).toMatchObject({
      message: "EROFS: read-only file system, unlink '/var/task/index.mjs'",
    })
    expect(sandboxError(`(fs) => fs.mkdirSync('/opt/x')`)).toMatchObject({
      message: "EROFS: read-only file system, mkdir '/opt/x'",
    })
  })

  it('remounts when the engine mounts new code', async () => {
    const other = await PreludeSandbox.create({ taskFiles: { 'a.js': 'A' } })
    try {
      expect(other.eval(`__lf.builtin('fs').readdirSync('/var/task')`)).toEqual(['a.js'])
      other.evalVoid(`__lf.fs.mountTask({ 'b.js': 'B' })`)
      expect(other.eval(`__lf.builtin('fs').readdirSync('/var/task')`)).toEqual(['b.js'])
    } finally {
      other.dispose()
    }
  })

  it('lists directories, with Dirent objects like Node 20 and recursively', () => {
    const out = sb.eval<unknown>(`(() => {
      const fs = __lf.builtin('fs')
      fs.mkdirSync('/tmp/t/d/sub/deeper', { recursive: true })
      return {
        names: fs.readdirSync('/tmp/t'),
        dirents: fs.readdirSync('/tmp/t', { withFileTypes: true }).map((d) => [d.name, d.isFile(), d.isDirectory(), d.parentPath, d.path]),
        recursive: fs.readdirSync('/tmp/t', { recursive: true }),
        inspected: __lf.inspect(fs.readdirSync('/tmp/t', { withFileTypes: true })[0]),
      }
    })()`)
    expect(out).toEqual({
      names: ['d', 'f'],
      dirents: [
        ['d', false, true, '/tmp/t', '/tmp/t'],
        ['f', true, false, '/tmp/t', '/tmp/t'],
      ],
      recursive: ['d', 'd/sub', 'd/sub/deeper', 'd/z', 'f'],
      inspected: util
        .inspect(realFs.readdirSync(hostRoot, { withFileTypes: true })[0])
        .split(hostRoot)
        .join('/tmp/t'),
    })
  })

  it('stat reports sizes, kinds and virtual-clock times', () => {
    const out = sb.eval<unknown>(`(() => {
      const fs = __lf.builtin('fs'); fs.writeFileSync('/tmp/t/s', 'abcd')
      const s = fs.statSync('/tmp/t/s'), d = fs.statSync('/tmp/t/d')
      return [s.size, s.isFile(), s.isDirectory(), d.isDirectory(), s.mtime instanceof Date, typeof s.mtimeMs, s.constructor.name]
    })()`)
    expect(out).toEqual([4, true, false, true, true, 'number', 'Stats'])
  })

  it('mkdir recursive returns the first created directory; rm recursive removes trees', () => {
    expect(sb.eval(`__lf.builtin('fs').mkdirSync('/tmp/t/x/y/z', { recursive: true })`)).toBe('/tmp/t/x')
    expect(sb.eval(`__lf.builtin('fs').mkdirSync('/tmp/t/x/y', { recursive: true })`)).toBeUndefined()
    sb.evalVoid(`__lf.builtin('fs').rmSync('/tmp/t/x', { recursive: true })`)
    expect(sb.eval(`__lf.builtin('fs').existsSync('/tmp/t/x')`)).toBe(false)
  })

  it('renames and copies files, and works with file descriptors', () => {
    const out = sb.eval<unknown>(`(() => {
      const fs = __lf.builtin('fs')
      fs.renameSync('/tmp/t/f', '/tmp/t/g')
      fs.copyFileSync('/tmp/t/g', '/tmp/t/h')
      const fd = fs.openSync('/tmp/t/w', 'w'); fs.writeSync(fd, 'abc'); fs.writeSync(fd, Buffer.from('def')); fs.closeSync(fd)
      const rd = fs.openSync('/tmp/t/w', 'r'); const buf = Buffer.alloc(4); const n = fs.readSync(rd, buf, 0, 4, 1); fs.closeSync(rd)
      return [fs.existsSync('/tmp/t/f'), fs.readFileSync('/tmp/t/h', 'utf8'), fs.readFileSync('/tmp/t/w', 'latin1'), n, buf.toString()]
    })()`)
    expect(out).toEqual([false, 'hi\n', 'abcdef', 4, 'bcde'])
  })

  it('fails with ENOSPC past the ephemeral storage size, and frees space on delete', async () => {
    const small = await PreludeSandbox.create()
    try {
      small.evalVoid(`__lf.fs.setTmpLimit(1000)`)
      const out = small.eval<unknown>(`(() => {
        const fs = __lf.builtin('fs'); const r = []
        fs.writeFileSync('/tmp/a', Buffer.alloc(600))
        try { fs.writeFileSync('/tmp/b', Buffer.alloc(600)) } catch (e) { r.push([e.message, e.code, e.errno, e.syscall]) }
        fs.unlinkSync('/tmp/a')
        fs.writeFileSync('/tmp/b', Buffer.alloc(600))
        r.push(fs.statSync('/tmp/b').size)
        return r
      })()`)
      expect(out).toEqual([['ENOSPC: no space left on device, write', 'ENOSPC', -28, 'write'], 600])
    } finally {
      small.dispose()
    }
  })

  it('defaults /tmp to 512 MB like Lambda; mountTask can set the ephemeral storage size', async () => {
    const other = await PreludeSandbox.create()
    try {
      expect(other.eval(`__lf.fs.getTmpLimit()`)).toBe(512 * 1024 * 1024)
      other.evalVoid(`__lf.fs.mountTask({}, { tmpSizeBytes: 2048 })`)
      expect(other.eval(`__lf.fs.getTmpLimit()`)).toBe(2048)
    } finally {
      other.dispose()
    }
  })

  it('streams: createWriteStream / createReadStream (events, pipe, async iteration)', async () => {
    const out = await sb.evalAsync<unknown[]>(`(async () => {
      const fs = __lf.builtin('fs'); const r = []
      const ws = fs.createWriteStream('/tmp/t/stream.txt')
      ws.write('hello ')
      ws.write(Buffer.from('world'))
      await new Promise((res) => ws.end('!', res))
      r.push(fs.readFileSync('/tmp/t/stream.txt', 'utf8'), ws.bytesWritten)
      const rs = fs.createReadStream('/tmp/t/stream.txt', { encoding: 'utf8', highWaterMark: 4 })
      const parts = []
      await new Promise((res) => { rs.on('data', (c) => parts.push(c)); rs.on('end', res) })
      r.push(parts)
      const copy = fs.createWriteStream('/tmp/t/copy.txt')
      await new Promise((res) => { fs.createReadStream('/tmp/t/stream.txt').pipe(copy); copy.on('finish', res) })
      r.push(fs.readFileSync('/tmp/t/copy.txt', 'utf8'))
      let joined = ''
      for await (const c of fs.createReadStream('/tmp/t/stream.txt', { start: 6, end: 10 })) joined += c.toString()
      r.push(joined)
      r.push(await new Promise((res) => fs.createReadStream('/tmp/t/nope').on('error', (e) => res(e.code))))
      r.push(await new Promise((res) => fs.createWriteStream('/var/task/x').on('error', (e) => res(e.code))))
      return r
    })()`)
    expect(out).toEqual(['hello world!', 12, ['hell', 'o wo', 'rld!'], 'hello world!', 'world', 'ENOENT', 'EROFS'])
  })

  it('keeps /tmp in the context: state survives across evaluations (warm invokes)', () => {
    sb.evalVoid(`__lf.builtin('fs').writeFileSync('/tmp/cache.json', '{"hits":1}')`)
    expect(sb.eval(`JSON.parse(__lf.builtin('fs').readFileSync('/tmp/cache.json', 'utf8')).hits`)).toBe(1)
  })
})
