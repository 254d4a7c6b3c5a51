// Node API behaviour of the lazy modules, compared with the host's Node 20 where possible.
import { createHash, createHmac, pbkdf2Sync } from 'node:crypto'
import { EventEmitter } from 'node:events'
import path from 'node:path'
import querystring from 'node:querystring'
import util from 'node:util'
import { StringDecoder } from 'node:string_decoder'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PreludeSandbox } from './testing.ts'

let sb: PreludeSandbox
beforeAll(async () => {
  sb = await PreludeSandbox.create()
})
afterAll(() => sb.dispose())

const SAMPLES = ['', 'hello', 'héllo wörld €', '😀 emoji', 'a\u0000b', 'x'.repeat(1000), '\u00ff\u0080binary', '?>>?~~']

describe('Buffer', () => {
  const ENCODINGS = ['utf8', 'base64', 'base64url', 'hex', 'latin1', 'binary', 'ascii', 'utf16le', 'ucs2']
  it('encodes strings like Node in every encoding', () => {
    for (const enc of ENCODINGS) {
      for (const s of SAMPLES) {
        const expected = Buffer.from(s, 'utf8').toString(enc as BufferEncoding)
        const actual = sb.eval<string>(`Buffer.from(${JSON.stringify(s)}, 'utf8').toString(${JSON.stringify(enc)})`)
        expect(actual, `${enc} of ${JSON.stringify(s).slice(0, 20)}`).toBe(expected)
      }
    }
  })

  it('decodes strings like Node in every encoding', () => {
    const inputs: Record<string, string[]> = {
      base64: ['aGk=', 'aGk', 'aG k=', '4pyTIMOgIGxhIG1vZGU=', '-_8', '!!!'],
      base64url: ['aGk', '4pyTIMOgIGxhIG1vZGU', '-_8'],
      hex: ['6869', '686', 'zz41', ''],
      latin1: ['héllo'],
      utf16le: ['hi€'],
      utf8: ['\ud800 lone surrogate', 'ok'],
    }
    for (const [enc, list] of Object.entries(inputs)) {
      for (const s of list) {
        const expected = [...Buffer.from(s, enc as BufferEncoding)]
        const actual = sb.eval<number[]>(`[...Buffer.from(${JSON.stringify(s)}, ${JSON.stringify(enc)})]`)
        expect(actual, `${enc} ${s}`).toEqual(expected)
      }
    }
  })

  it('byteLength, isEncoding, write, concat, compare, slice and JSON', () => {
    const expr = `[
      Buffer.byteLength('héllo'), Buffer.byteLength('aGk', 'base64url'), Buffer.isEncoding('base64url'), Buffer.isEncoding('nope'),
      (() => { const b = Buffer.alloc(6); const n = b.write('aGk', 0, 'base64url'); return [n, b.toString('hex')] })(),
      Buffer.concat([Buffer.from('a'), Buffer.from('bc')]).toString(),
      Buffer.compare(Buffer.from('a'), Buffer.from('b')),
      Buffer.from('hello').subarray(1, 3).toString(),
      JSON.stringify(Buffer.from('hi')),
      Buffer.from([1, 2, 3]).readUInt16BE(1), Buffer.from('abc').equals(Buffer.from('abc')), Buffer.isBuffer(new Uint8Array(1)),
    ]`

    const expected = new Function('Buffer', `return ${expr}`)(Buffer) as unknown
    expect(sb.eval(expr)).toEqual(expected)
  })

  it('inspects like Node 20', () => {
    for (const expr of [
      `Buffer.from('hi')`,
      `Buffer.alloc(0)`,
      `Buffer.alloc(51)`,
      `Buffer.alloc(52, 1)`,
      `[Buffer.from('x')]`,
    ]) {
      const expected = util.inspect(new Function('Buffer', `return ${expr}`)(Buffer))
      expect(sb.eval(`__lf.inspect(${expr})`), expr).toBe(expected)
    }
  })

  it('atob / btoa follow the forgiving-base64 rules', () => {
    for (const s of ['aGk=', 'aGk', ' aG k= ', 'YQ==', ''])
      expect(sb.eval(`atob(${JSON.stringify(s)})`), s).toBe(atob(s))
    for (const s of ['hi', '\u00ff', '']) expect(sb.eval(`btoa(${JSON.stringify(s)})`), s).toBe(btoa(s))
    for (const bad of ['a', '*^', 'aGk==x']) {
      expect(
        sb.eval(`(() => { try { atob(${JSON.stringify(bad)}); return 'ok' } catch (e) { return e.name } })()`),
        bad,
      ).toBe('InvalidCharacterError')
    }
    expect(sb.eval(`(() => { try { btoa('€'); return 'ok' } catch (e) { return e.name } })()`)).toBe(
      'InvalidCharacterError',
    )
  })
})

describe('TextEncoder / TextDecoder', () => {
  it('round-trips UTF-8 like Node', () => {
    for (const s of SAMPLES) {
      const bytes = [...new TextEncoder().encode(s)]
      expect(sb.eval(`[...new TextEncoder().encode(${JSON.stringify(s)})]`)).toEqual(bytes)
      expect(sb.eval(`new TextDecoder().decode(new Uint8Array(${JSON.stringify(bytes)}))`)).toBe(
        new TextDecoder().decode(new Uint8Array(bytes)),
      )
    }
  })

  it('replaces invalid sequences like Node (and throws when fatal)', () => {
    const cases = [
      [0xff],
      [0xc3],
      [0xe2, 0x82],
      [0xf0, 0x9f, 0x98],
      [0xed, 0xa0, 0x80],
      [0x80, 0x41],
      [0xc0, 0xaf],
      [0xef, 0xbb, 0xbf, 0x41],
      [0xf4, 0x90, 0x80, 0x80],
    ]
    for (const c of cases) {
      expect(sb.eval(`new TextDecoder().decode(new Uint8Array(${JSON.stringify(c)}))`), String(c)).toBe(
        new TextDecoder().decode(new Uint8Array(c)),
      )
      expect(
        sb.eval(`new TextDecoder('utf-8', { ignoreBOM: true }).decode(new Uint8Array(${JSON.stringify(c)}))`),
        String(c),
      ).toBe(new TextDecoder('utf-8', { ignoreBOM: true }).decode(new Uint8Array(c)))
    }
    expect(
      sb.eval(
        `(() => { try { new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array([0xff])) } catch (e) { return [e.name, e.code] } })()`,
      ),
    ).toEqual(['TypeError', 'ERR_ENCODING_INVALID_ENCODED_DATA'])
  })

  it('streams multi-byte characters split across chunks', () => {
    expect(
      sb.eval(
        `(() => { const d = new TextDecoder(); return d.decode(new Uint8Array([0xe2, 0x82]), { stream: true }) + '|' + d.decode(new Uint8Array([0xac])) })()`,
      ),
    ).toBe('|€')
  })

  it('encodeInto and utf-16le / latin1 decoding', () => {
    expect(
      sb.eval(
        `(() => { const out = new Uint8Array(4); const r = new TextEncoder().encodeInto('a€b', out); return [r.read, r.written, [...out]] })()`,
      ),
    ).toEqual([2, 4, [97, 226, 130, 172]])
    expect(sb.eval(`new TextDecoder('utf-16le').decode(new Uint8Array([104, 0, 105, 0]))`)).toBe('hi')
    expect(sb.eval(`new TextDecoder('latin1').decode(new Uint8Array([233]))`)).toBe('é')
  })
})

describe('crypto', () => {
  it('createHash matches Node for md5, sha1, sha256, sha384, sha512', () => {
    for (const alg of ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512']) {
      for (const s of ['', 'abc', 'héllo €'.repeat(50)]) {
        for (const enc of ['hex', 'base64', 'base64url']) {
          const expected = createHash(alg)
            .update(s)
            .digest(enc as 'hex')
          expect(
            sb.eval(
              `__lf.builtin('crypto').createHash(${JSON.stringify(alg)}).update(${JSON.stringify(s)}).digest(${JSON.stringify(enc)})`,
            ),
            `${alg} ${enc}`,
          ).toBe(expected)
        }
      }
    }
    expect(
      sb.eval(`__lf.builtin('crypto').createHash('sha256').update('a').update(Buffer.from('b')).digest().length`),
    ).toBe(32)
  })

  it('createHmac and pbkdf2Sync match Node', () => {
    expect(sb.eval(`__lf.builtin('crypto').createHmac('sha256', 'key').update('data').digest('hex')`)).toBe(
      createHmac('sha256', 'key').update('data').digest('hex'),
    )
    expect(sb.eval(`__lf.builtin('crypto').pbkdf2Sync('pw', 'salt', 10, 16, 'sha256').toString('hex')`)).toBe(
      pbkdf2Sync('pw', 'salt', 10, 16, 'sha256').toString('hex'),
    )
  })

  it('unsupported digests fail like Node', () => {
    expect(
      sb.eval(`(() => { try { __lf.builtin('crypto').createHash('whirlpool9') } catch (e) { return e.message } })()`),
    ).toBe('Digest method not supported')
  })

  it('randomUUID, randomBytes, getRandomValues, randomInt', () => {
    const out = sb.eval<
      unknown[]
    >(`(() => { const c = __lf.builtin('crypto'); const a = new Uint32Array(4); crypto.getRandomValues(a)
      return [crypto.randomUUID(), c.randomUUID(), c.randomBytes(8).length, Buffer.isBuffer(c.randomBytes(2)), a.some((x) => x !== 0), c.randomInt(5, 6), c.randomInt(3) < 3, crypto === c.webcrypto] })()`)
    expect(out[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(out[1]).not.toBe(out[0])
    expect(out.slice(2)).toEqual([8, true, true, 5, true, true])
  })
})

describe('url', () => {
  const URLS = [
    'https://user:pw@example.com:8080/p/a/t/h?query=string&a=1#hash',
    'http://EXAMPLE.com/../a/./b/%7Efoo?x=%20y',
    'https://example.com',
    'file:///var/task/index.mjs',
    'https://example.com/path with spaces?q=a b',
    'http://[::1]:3000/x',
    'https://example.com:443/',
  ]
  it('parses like Node', () => {
    for (const u of URLS) {
      const h = new URL(u)
      const expected = {
        href: h.href,
        origin: h.origin,
        protocol: h.protocol,
        username: h.username,
        password: h.password,
        host: h.host,
        hostname: h.hostname,
        port: h.port,
        pathname: h.pathname,
        search: h.search,
        hash: h.hash,
      }
      expect(
        sb.eval(
          `(() => { const h = new URL(${JSON.stringify(u)}); return { href: h.href, origin: h.origin, protocol: h.protocol, username: h.username, password: h.password, host: h.host, hostname: h.hostname, port: h.port, pathname: h.pathname, search: h.search, hash: h.hash } })()`,
        ),
        u,
      ).toEqual(expected)
    }
    expect(sb.eval(`new URL('../x?y', 'https://a.com/b/c/d').href`)).toBe(new URL('../x?y', 'https://a.com/b/c/d').href)
    expect(sb.eval(`(() => { try { new URL('not a url') } catch (e) { return e instanceof TypeError } })()`)).toBe(true)
    expect(sb.eval(`new URL('https://münchen.de/').hostname`)).toBe(new URL('https://münchen.de/').hostname)
    expect(sb.eval(`__lf.builtin('url').domainToASCII('Español.com')`)).toBe('xn--espaol-zwa.com')
  })

  it('URLSearchParams behaves like Node', () => {
    const expr = `(() => { const p = new URLSearchParams('a=1&b=2&a=3&c=%20x+y'); p.append('d', 'é&='); p.sort(); return [p.toString(), p.getAll('a'), p.get('c'), p.has('b'), [...p.keys()]] })()`

    expect(sb.eval(expr)).toEqual(new Function(`return ${expr}`)())
    expect(sb.eval(`new URLSearchParams({ x: '1', y: 'two' }).toString()`)).toBe('x=1&y=two')
  })

  it('fileURLToPath / pathToFileURL', () => {
    expect(sb.eval(`__lf.builtin('url').fileURLToPath('file:///var/task/a%20b.js')`)).toBe('/var/task/a b.js')
    expect(sb.eval(`__lf.builtin('url').pathToFileURL('/tmp/x y').href`)).toBe('file:///tmp/x%20y')
    expect(sb.eval(`__lf.builtin('url').pathToFileURL('rel.js').href`)).toBe('file:///var/task/rel.js')
  })

  it('legacy url.parse / url.format for common inputs', async () => {
    const legacy = await import('node:url')
    for (const u of [
      'https://user:pw@host.com:8080/p/a/t/h?query=string#hash',
      'http://example.com',
      '/just/a/path?x=1',
    ]) {
      const h = legacy.parse(u)
      const expected = {
        protocol: h.protocol,
        slashes: h.slashes,
        auth: h.auth,
        host: h.host,
        port: h.port,
        hostname: h.hostname,
        hash: h.hash,
        search: h.search,
        query: h.query,
        pathname: h.pathname,
        path: h.path,
        href: h.href,
      }
      expect(sb.eval(`JSON.parse(JSON.stringify(__lf.builtin('url').parse(${JSON.stringify(u)})))`), u).toEqual(
        JSON.parse(JSON.stringify(expected)),
      )
    }
    expect(
      sb.eval(
        `__lf.builtin('url').format({ protocol: 'https', hostname: 'a.com', pathname: '/x', query: { q: 'a b' } })`,
      ),
    ).toBe(legacy.format({ protocol: 'https', hostname: 'a.com', pathname: '/x', query: { q: 'a b' } }))
  })
})

describe('path, querystring, string_decoder', () => {
  it('path matches Node path.posix', () => {
    const calls: [string, unknown[]][] = [
      ['join', ['/a', '../b', 'c.txt']],
      ['join', ['a', '', '.']],
      ['resolve', ['x', '../y']],
      ['resolve', ['/tmp', 'a']],
      ['normalize', ['/a//b/../c/.']],
      ['dirname', ['/a/b/c.txt']],
      ['basename', ['/a/b/c.txt', '.txt']],
      ['extname', ['x.tar.gz']],
      ['relative', ['/a/b/c', '/a/d']],
      ['isAbsolute', ['a/b']],
      ['parse', ['/home/u/file.txt']],
      ['format', [{ dir: '/x', base: 'y.js' }]],
    ]
    for (const [fn, args] of calls) {
      const hostArgs =
        fn === 'resolve'
          ? args.map((a, i) => (i === 0 && typeof a === 'string' && !a.startsWith('/') ? `/var/task/${a}` : a))
          : args
      const expected = (path.posix as unknown as Record<string, (...a: unknown[]) => unknown>)[fn]!(...hostArgs)
      expect(sb.eval(`__lf.builtin('path').${fn}(...${JSON.stringify(args)})`), fn).toEqual(expected)
    }
    expect(sb.eval(`[__lf.builtin('path').sep, __lf.builtin('path').delimiter]`)).toEqual(['/', ':'])
  })

  it('querystring matches Node', () => {
    for (const s of ['a=1&b=2&a=3', 'x=%20y+z&empty=&flag', 'bad=%E0%A4%A', 'k=v;w']) {
      expect(sb.eval(`JSON.stringify(__lf.builtin('querystring').parse(${JSON.stringify(s)}))`), s).toBe(
        JSON.stringify(querystring.parse(s)),
      )
    }
    const obj = { a: [1, 2], b: 'x y', c: 'é&=', d: true, e: null, f: undefined }
    expect(
      sb.eval(
        `__lf.builtin('querystring').stringify(${JSON.stringify(obj).replace('"f":undefined', '"f":undefined')})`,
      ),
    ).toBe(querystring.stringify(JSON.parse(JSON.stringify(obj))))
    expect(sb.eval(`__lf.builtin('querystring').escape('a b&c')`)).toBe(querystring.escape('a b&c'))
    expect(sb.eval(`__lf.builtin('querystring').unescape('a%20b%zz')`)).toBe(querystring.unescape('a%20b%zz'))
  })

  it('StringDecoder keeps partial characters between writes', () => {
    const host = new StringDecoder('utf8')
    const expected = [host.write(Buffer.from([0xe2])), host.write(Buffer.from([0x82, 0xac, 0x41])), host.end()]
    expect(
      sb.eval(
        `(() => { const d = new (__lf.builtin('string_decoder').StringDecoder)('utf8'); return [d.write(Buffer.from([0xe2])), d.write(Buffer.from([0x82, 0xac, 0x41])), d.end()] })()`,
      ),
    ).toEqual(expected)
  })
})

describe('util', () => {
  it('promisify and callbackify', async () => {
    const out = await sb.evalAsync<unknown[]>(`(async () => {
      const util = __lf.builtin('util')
      const ok = util.promisify((a, cb) => cb(null, a * 2))
      const bad = util.promisify((cb) => cb(new Error('nope')))
      const r = [await ok(21)]
      try { await bad() } catch (e) { r.push(e.message) }
      const cbf = util.callbackify(async (x) => x + 1)
      r.push(await new Promise((res) => cbf(1, (err, v) => res([err, v]))))
      const custom = function () {}; custom[util.promisify.custom] = () => Promise.resolve('custom')
      r.push(await util.promisify(custom)())
      return r
    })()`)
    expect(out).toEqual([42, 'nope', [null, 2], 'custom'])
  })

  it('isDeepStrictEqual matches Node on a table of pairs', () => {
    const pairs = [
      ['{ a: [1, { b: 2 }] }', '{ a: [1, { b: 2 }] }'],
      ['{ a: 1 }', '{ a: "1" }'],
      ['[1, 2]', '[2, 1]'],
      ['new Map([[1, { a: 1 }]])', 'new Map([[1, { a: 1 }]])'],
      ['new Set([1, { a: 1 }])', 'new Set([{ a: 1 }, 1])'],
      ['new Date(1)', 'new Date(1)'],
      ['new Date(1)', 'new Date(2)'],
      ['/a/g', '/a/i'],
      ['NaN', 'NaN'],
      ['0', '-0'],
      ['new Uint8Array([1])', 'new Uint8Array([1])'],
      ['Object.create(null)', '{}'],
      ['[1, , 3]', '[1, undefined, 3]'],
      ['(() => { const a = {}; a.a = a; return a })()', '(() => { const b = {}; b.a = b; return b })()'],
      ['new Error("x")', 'new Error("x")'],
      ['{ [Symbol.for("s")]: 1 }', '{}'],
    ]
    for (const [a, b] of pairs) {
      const expected = util.isDeepStrictEqual(new Function(`return ${a}`)(), new Function(`return ${b}`)())
      expect(sb.eval(`__lf.builtin('util').isDeepStrictEqual(${a}, ${b})`), `${a} vs ${b}`).toBe(expected)
    }
  })

  it('types and inherits', () => {
    const checks = [
      'isDate(new Date())',
      'isRegExp(/x/)',
      'isMap(new Map())',
      'isSet(new Map())',
      'isPromise(Promise.resolve())',
      'isTypedArray(new Uint8Array())',
      'isUint8Array(Buffer.alloc(1))',
      'isArrayBuffer(new ArrayBuffer(1))',
      'isNativeError(new TypeError())',
      'isNativeError({ message: "x" })',
      'isAsyncFunction(async () => {})',
      'isGeneratorFunction(function* () {})',
      'isBoxedPrimitive(new String("x"))',
      'isDate({})',
    ]
    for (const c of checks) {
      const expected = new Function('types', 'Buffer', `return types.${c}`)(util.types, Buffer)
      expect(sb.eval(`__lf.builtin('util').types.${c}`), c).toBe(expected)
    }
    expect(
      sb.eval(
        `(() => { const util = __lf.builtin('util'); function A() {} function B() {} util.inherits(B, A); return [new B() instanceof A, B.super_ === A] })()`,
      ),
    ).toEqual([true, true])
  })

  it('util.inspect and util.format are Node-compatible', () => {
    expect(sb.eval(`__lf.builtin('util').inspect({ a: { b: { c: {} } } }, { depth: 0 })`)).toBe(
      util.inspect({ a: { b: { c: {} } } }, { depth: 0 }),
    )
    expect(sb.eval(`__lf.builtin('util').inspect('str')`)).toBe(util.inspect('str'))
    expect(sb.eval(`__lf.builtin('util').format('%s:%d', 'a', 1)`)).toBe('a:1')
    expect(sb.eval(`__lf.builtin('util').inspect.custom === Symbol.for('nodejs.util.inspect.custom')`)).toBe(true)
    expect(sb.eval(`__lf.inspect({ [Symbol.for('nodejs.util.inspect.custom')]() { return 'CUSTOM' } })`)).toBe('CUSTOM')
  })
})

describe('events, assert, structuredClone, os, timers', () => {
  it('EventEmitter', () => {
    expect(
      sb.eval(
        `(() => { const EE = __lf.builtin('events'); const e = new EE(); const seen = []; e.on('x', (a) => seen.push(a)); e.once('x', (a) => seen.push('once' + a)); e.emit('x', 1); e.emit('x', 2); return [seen, e.listenerCount('x'), EE.EventEmitter === EE, typeof EE.once] })()`,
      ),
    ).toEqual([[1, 'once1', 2], 1, true, 'function'])
    expect(
      sb.eval(
        `(() => { try { new (__lf.builtin('events'))().emit('error', new Error('unhandled')) } catch (e) { return e.message } })()`,
      ),
    ).toBe('unhandled')
    const hostEmitter = new EventEmitter()
    hostEmitter.on('x', function listener() {})
    expect(
      sb.eval(
        `(() => { const e = new (__lf.builtin('events'))(); e.on('x', function listener() {}); return __lf.inspect(e) })()`,
      ),
    ).toBe(util.inspect(hostEmitter))
    class Sub extends EventEmitter {}
    expect(sb.eval(`__lf.inspect(new (class Sub extends __lf.builtin('events') {})())`)).toBe(util.inspect(new Sub()))
  })

  it('assert', () => {
    const err = sb.eval<unknown>(
      `(() => { try { __lf.builtin('assert').strictEqual(1, 2) } catch (e) { return [e.name, e.code, e.actual, e.expected, e.operator, e.message] } })()`,
    )
    expect(err).toEqual([
      'AssertionError',
      'ERR_ASSERTION',
      1,
      2,
      'strictEqual',
      'Expected values to be strictly equal:\n\n1 !== 2\n',
    ])
    expect(
      sb.eval(
        `(() => { const a = __lf.builtin('assert'); a.deepStrictEqual({ x: [1] }, { x: [1] }); a.ok(1); a.throws(() => { throw new TypeError('t') }, TypeError); a.match('abc', /b/); try { a.deepStrictEqual({ x: 1 }, { x: '1' }) } catch (e) { return e.code } })()`,
      ),
    ).toBe('ERR_ASSERTION')
    expect(sb.eval(`(() => { try { __lf.builtin('assert')(false) } catch (e) { return e.message } })()`)).toBe(
      'The expression evaluated to a falsy value:\n\n  assert.ok(false)\n',
    )
  })

  it('structuredClone', () => {
    expect(
      sb.eval(
        `(() => { const src = { d: new Date(5), m: new Map([[1, new Set([2])]]), r: /x/g, a: [1, { b: 2n }], u: new Uint8Array([1, 2]) }; src.self = src; const c = structuredClone(src); return [c !== src, c.self === c, c.d.getTime(), c.m.get(1).has(2), c.r.flags, c.a[1].b === 2n, c.u[1], c.d instanceof Date] })()`,
      ),
    ).toEqual([true, true, 5, true, 'g', true, 2, true])
    expect(sb.eval(`(() => { try { structuredClone({ f() {} }) } catch (e) { return e.name } })()`)).toBe(
      'DataCloneError',
    )
  })

  it('os reports a Lambda-like Linux x64 box', () => {
    expect(
      sb.eval(
        `(() => { const os = __lf.builtin('os'); return [os.platform(), os.type(), os.arch(), os.EOL, os.tmpdir(), os.endianness(), os.cpus().length >= 2] })()`,
      ),
    ).toEqual(['linux', 'Linux', 'x64', '\n', '/tmp', 'LE', true])
  })

  it('timers and timers/promises forward to the engine globals', async () => {
    sb.evalVoid(
      `globalThis.setTimeout = (fn, ms, ...a) => { Promise.resolve().then(() => fn(...a)); return 1 }; globalThis.clearTimeout = () => {}; globalThis.setImmediate = (fn) => { Promise.resolve().then(fn) }`,
    )
    expect(await sb.evalAsync(`__lf.builtin('timers/promises').setTimeout(10, 'value')`)).toBe('value')
    expect(await sb.evalAsync(`new Promise((r) => __lf.builtin('timers').setTimeout(r, 5, 'cb'))`)).toBe('cb')
  })
})
