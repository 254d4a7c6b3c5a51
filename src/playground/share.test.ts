import { deflateRawSync, inflateRawSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { findSampleEvent } from '../lambda/public.ts'
import { SHARE_LIMITS, decodeShare, encodeShare, filePathProblem, type SharedState } from './share.ts'

const HANDLER = `// Lambda calls this handler with the test event and a context object.
export const handler = async (event, context) => {
  console.log('Received event:', JSON.stringify(event));
  return {
    statusCode: 200,
    body: JSON.stringify({ message: 'Hello from Lambda!', requestId: context.awsRequestId }),
  };
};
`
const HELLO_EVENT = '{\n  "key1": "value1",\n  "key2": "value2",\n  "key3": "value3"\n}'

function typical(): SharedState {
  return {
    v: 1,
    files: { 'index.mjs': HANDLER },
    activeFile: 'index.mjs',
    event: HELLO_EVENT,
    config: { Handler: 'index.handler', Runtime: 'nodejs20.x', MemorySize: 128, Timeout: 3 },
  }
}

/** A link code for arbitrary bytes / JSON, made with Node's zlib (not our encoder), to craft hostile links. */
const b64url = (b: Uint8Array) => Buffer.from(b).toString('base64url')
const rawLink = (data: string | Uint8Array) =>
  `z1.${b64url(deflateRawSync(typeof data === 'string' ? Buffer.from(data, 'utf8') : data))}`
const jsonLink = (value: unknown) => rawLink(JSON.stringify(value))
/** A typical state with some fields replaced (for shape errors). */
const withState = (patch: Record<string, unknown>) => jsonLink({ ...typical(), ...patch })
const withConfig = (patch: Record<string, unknown>) => withState({ config: { ...typical().config, ...patch } })

async function error(link: unknown): Promise<string> {
  const out = await decodeShare(link as string)
  if (out.ok) throw new Error(`expected a decode error for ${String(link).slice(0, 80)}`)
  return out.error
}

describe('share links: round trip', () => {
  it('round-trips several files, unicode, environment and log settings exactly', async () => {
    const state: SharedState = {
      v: 1,
      files: {
        'index.mjs': `import { price } from './lib/price.mjs'\nexport const handler = async (e) => ({ msg: 'Thé ☕ für dich — 茶壶 🫖', total: price(e) })\n`,
        'lib/price.mjs': 'export const price = (e) => e.qty * 12.5 // ¥ € £ \u{1F600} \u0301 עברית\n',
        // A lone surrogate is not UTF-8-encodable; JSON.stringify escapes it, so it survives.
        'data/notes.txt': 'Stoneware, Enamel, lone surrogate: \ud800 (end)',
        'package.json': '{ "type": "module" }',
      },
      activeFile: 'lib/price.mjs',
      event: '{ "qty": 2, "note": "😀 — not even valid JSON yet',
      config: {
        Handler: 'index.handler',
        Runtime: 'nodejs22.x',
        MemorySize: 1769,
        Timeout: 30,
        Environment: { SHOP_NAME: 'Kettle & Co. 🫖', CURRENCY: 'EUR' },
        LogFormat: 'JSON',
        ApplicationLogLevel: 'DEBUG',
        SystemLogLevel: 'WARN',
      },
    }
    const link = await encodeShare(state)
    expect(link).toMatch(/^z1\.[A-Za-z0-9_-]+$/)
    const out = await decodeShare(link)
    expect(out).toEqual({ ok: true, state })
    if (out.ok) expect(out.state.files['data/notes.txt']).toContain('\ud800')
  })

  it('keeps optional fields absent when they were absent, and ignores surrounding whitespace', async () => {
    const state = typical()
    delete state.activeFile
    const out = await decodeShare(`  ${await encodeShare(state)}\n`)
    expect(out).toEqual({ ok: true, state })
    expect(out.ok && Object.keys(out.state)).toEqual(['v', 'files', 'event', 'config'])
  })

  it('is raw deflate + base64url: zlib reads what it writes and the other way round', async () => {
    const state = typical()
    const link = await encodeShare(state)
    expect(JSON.parse(inflateRawSync(Buffer.from(link.slice(3), 'base64url')).toString('utf8'))).toEqual(state)
    expect(await decodeShare(jsonLink(state))).toEqual({ ok: true, state })
  })

  it('measures typical link lengths', async () => {
    const small = await encodeShare(typical())
    const apiEvent = JSON.stringify(findSampleEvent('apigateway', 'aws-proxy')!.build(), null, 2)
    const withApiEvent = await encodeShare({ ...typical(), event: apiEvent })
    console.log(
      `share link length: starter handler + hello-world event ${small.length} chars (JSON ${JSON.stringify(typical()).length}); ` +
        `with the API Gateway aws-proxy sample event ${withApiEvent.length} chars (JSON ${JSON.stringify({ ...typical(), event: apiEvent }).length})`,
    )
    expect(small.length).toBeLessThan(600)
    expect(withApiEvent.length).toBeLessThan(2500)
  })
})

describe('share links: hostile input never throws and says what is wrong', () => {
  it('rejects what is not one of our links', async () => {
    expect(await error(42)).toBe('A share link must be text, not a number.')
    expect(await error('   ')).toBe('The share link is empty.')
    expect(await error('https://example.com/#/playground')).toBe(
      'This is not a Lambda Foundations share link: it should start with "z1.".',
    )
    expect(await error('z2.eJwLycgsVgCi')).toBe(
      'This share link was made by a newer version of Lambda Foundations (format z2); this version reads z1 links.',
    )
    expect(await error('x'.repeat(SHARE_LIMITS.linkChars + 1))).toBe(
      'The share link is too long: 1,000,001 characters; at most 1,000,000.',
    )
  })

  it('rejects bad base64url', async () => {
    expect(await error('z1.')).toBe('The share link is damaged: nothing follows "z1.".')
    expect(await error('z1.abc$def')).toBe(
      'The share link is damaged: it contains "$" at position 7, which is not a base64url character (A–Z, a–z, 0–9, - and _).',
    )
    expect(await error('z1.ab+/')).toContain('it contains "+" at position 6')
    expect(await error('z1.abcd=')).toContain('it contains "=" at position 8')
    expect(await error('z1.abcde')).toBe(
      'The share link is damaged: its length is impossible for base64url. Was it cut short when copied?',
    )
  })

  it('rejects corrupt or truncated deflate data', async () => {
    expect(await error(`z1.${b64url(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff]))}`)).toMatch(
      /^The share link is damaged: its compressed data is corrupt \(.+\)\. Was it cut short or changed when copied\?$/,
    )
    const link = await encodeShare(typical())
    expect(await error(link.slice(0, link.length - 12))).toMatch(
      /^The share link is damaged: its compressed data is corrupt/,
    )
  })

  it('stops inflating a decompression bomb at 1 MB', async () => {
    const bomb = rawLink(new Uint8Array(64 * 1024 * 1024).fill(0x20)) // 64 MB of spaces
    expect(bomb.length).toBeLessThan(100_000)
    const t0 = performance.now()
    expect(await error(bomb)).toBe(
      'The share link is too large: it unpacks to more than 1,048,576 bytes (1024 KB), the most a shared playground may hold.',
    )
    expect(performance.now() - t0).toBeLessThan(2000)
    // Exactly at the limit is inflated (and then judged on its content); one byte over is not.
    const atLimit = `"${'a'.repeat(SHARE_LIMITS.jsonBytes - 2)}"`
    expect(await error(rawLink(atLimit))).toContain('The shared playground is invalid: expected an object')
    expect(await error(rawLink(`${atLimit} `))).toMatch(/^The share link is too large/)
  })

  it('rejects content that is not UTF-8 or not JSON', async () => {
    expect(await error(rawLink(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])))).toBe(
      'The share link is damaged: its content is not UTF-8 text.',
    )
    expect(await error(rawLink('{"v":1,'))).toMatch(
      /^The share link is damaged: its content is not valid JSON \(.+\)\.$/,
    )
    expect(await error(rawLink('['.repeat(400_000) + ']'.repeat(400_000)))).toBe(
      'The shared playground is invalid: expected an object with "v", "files", "event" and "config", got an array.',
    )
  })

  it('rejects the wrong shape', async () => {
    const bad = (s: string) => `The shared playground is invalid: ${s}.`
    expect(await error(jsonLink('hello'))).toBe(
      bad('expected an object with "v", "files", "event" and "config", got a string'),
    )
    expect(await error(withState({ v: 2 }))).toBe(
      bad('it was made by a newer version of Lambda Foundations (format 2); this version reads format 1'),
    )
    expect(await error(withState({ v: '1' }))).toBe(bad('its format version "v" must be 1, got "1"'))
    expect(await error(withState({ v: undefined }))).toBe(bad('its format version "v" must be 1, got nothing'))
    expect(await error(withState({ extra: true }))).toBe(bad('it has an unexpected field "extra"'))
    expect(await error(withState({ files: ['index.mjs'] }))).toBe(
      bad('"files" must be an object mapping file paths to their text, got an array'),
    )
    expect(await error(withState({ files: {} }))).toBe(bad('it has no files'))
    expect(await error(withState({ activeFile: 'other.mjs' }))).toBe(
      bad('"activeFile" names "other.mjs", which is not one of its files'),
    )
    expect(await error(withState({ activeFile: 3 }))).toBe(bad('"activeFile" must be text, not a number'))
    expect(await error(withState({ event: { key1: 'value1' } }))).toBe(
      bad('"event" must be text (the test event\'s JSON as written), not an object'),
    )
    expect(await error(withState({ config: null }))).toBe(
      bad('"config" must be an object with Handler, Runtime, MemorySize and Timeout, got null'),
    )
    expect(await error(withConfig({ Role: 'arn:aws:iam::123456789012:role/x' }))).toBe(
      bad('"config" has an unexpected field "Role"'),
    )
    expect(await error(withConfig({ Timeout: undefined }))).toBe(bad('"config.Timeout" is missing'))
    expect(await error(withConfig({ Environment: 'A=1' }))).toBe(
      bad('"config.Environment" must be an object of variable names and values, got a string'),
    )
  })

  it('rejects too many files', async () => {
    const files = Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`f${i}.mjs`, '']))
    expect(await error(withState({ files, activeFile: 'f0.mjs' }))).toBe(
      'The shared playground is invalid: it has 21 files; a shared playground holds at most 20.',
    )
    const twenty = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`f${i}.mjs`, '']))
    expect((await decodeShare(withState({ files: twenty, activeFile: 'f0.mjs' }))).ok).toBe(true)
  })

  it('rejects absurd file paths', async () => {
    const cases: [string, string][] = [
      ['../secret.mjs', 'file path "../secret.mjs" goes up a folder (".."), out of the function\'s folder'],
      ['lib/../../x.mjs', 'file path "lib/../../x.mjs" goes up a folder (".."), out of the function\'s folder'],
      [
        '/etc/passwd',
        'file path "/etc/passwd" is absolute; paths must be relative to the function\'s folder (like "lib/util.mjs")',
      ],
      [
        'C:/Windows/x.js',
        'file path "C:/Windows/x.js" is absolute; paths must be relative to the function\'s folder (like "lib/util.mjs")',
      ],
      ['', 'a file path is empty'],
      ['a'.repeat(201), `file path "${'a'.repeat(57)}…" is 201 characters long; at most 200 are allowed`],
      ['index\u0000.mjs', 'file path "index\\u0000.mjs" contains a control character'],
      ['lib\nx.mjs', 'file path "lib\\nx.mjs" contains a control character'],
      ['lib\\x.mjs', 'file path "lib\\\\x.mjs" contains "\\"; use "/" between folders'],
      ['lib//x.mjs', 'file path "lib//x.mjs" has an empty or "." part'],
      ['./index.mjs', 'file path "./index.mjs" has an empty or "." part'],
      ['lib/', 'file path "lib/" has an empty or "." part'],
      ['constructor', 'file path "constructor" is a reserved name'],
      ['my handler.mjs', 'file path "my handler.mjs" may only use letters, digits and . _ - + @ in its names'],
    ]
    for (const [path, reason] of cases) {
      expect(filePathProblem(path), JSON.stringify(path)).toBe(reason)
      expect(await error(withState({ files: { [path]: 'x' }, activeFile: undefined })), JSON.stringify(path)).toBe(
        `The shared playground is invalid: ${reason}.`,
      )
    }
    for (const ok of [
      'index.mjs',
      'lib/util.mjs',
      'node_modules/@kettle/prices/index.js',
      'a'.repeat(200),
      '.env',
      'v1.2+build',
    ]) {
      expect(filePathProblem(ok), ok).toBeUndefined()
    }
  })

  it('rejects file contents that are not text or too large', async () => {
    const bad = (s: string) => `The shared playground is invalid: ${s}.`
    const files = (f: Record<string, unknown>) => withState({ files: f, activeFile: undefined })
    expect(await error(files({ 'index.mjs': 5 }))).toBe(bad('file "index.mjs" must be text, not a number'))
    expect(await error(files({ 'index.mjs': null }))).toBe(bad('file "index.mjs" must be text, not null'))
    expect(await error(files({ 'index.mjs': { code: 'x' } }))).toBe(bad('file "index.mjs" must be text, not an object'))
    // Measured in UTF-8 bytes: 131,073 × "é" is 262,146 bytes.
    expect(await error(files({ 'big.mjs': 'é'.repeat(131_073) }))).toBe(
      bad('file "big.mjs" is 262,146 bytes; each file may be at most 262,144 bytes (256 KB)'),
    )
    expect((await decodeShare(files({ 'big.mjs': 'x'.repeat(SHARE_LIMITS.fileBytes) }))).ok).toBe(true)
    const three = { 'a.mjs': 'a'.repeat(200_000), 'b.mjs': 'b'.repeat(200_000), 'c.mjs': 'c'.repeat(200_000) }
    expect(await error(files(three))).toBe(
      bad('its files add up to 600,000 bytes; at most 524,288 bytes (512 KB) in all'),
    )
    expect(await error(withState({ event: ' '.repeat(SHARE_LIMITS.eventBytes + 1) }))).toBe(
      bad('its test event is 262,145 bytes; at most 262,144 bytes (256 KB)'),
    )
  })

  it("rejects bad configuration values with Lambda's own messages", async () => {
    const bad = (s: string) =>
      `The shared playground is invalid: the function configuration is invalid: ${s}${s.endsWith('.') ? '' : '.'}`
    expect(await error(withConfig({ MemorySize: 64 }))).toBe(
      bad(
        "ValidationException: 1 validation error detected: Value '64' at 'memorySize' failed to satisfy constraint: Member must have value greater than or equal to 128",
      ),
    )
    expect(await error(withConfig({ MemorySize: '128' }))).toBe(
      bad("InvalidParameterValueException: MemorySize must be an integer, got '128'."),
    )
    expect(await error(withConfig({ Timeout: 901 }))).toBe(
      bad(
        "InvalidParameterValueException: 1 validation error detected: Value '901' at 'timeout' failed to satisfy constraint: Member must have value less than or equal to 900",
      ),
    )
    expect(await error(withConfig({ Handler: undefined }))).toBe(
      'The shared playground is invalid: the function configuration is invalid: InvalidParameterValueException: Runtime and Handler are mandatory parameters for functions created with deployment packages.',
    )
    expect(await error(withConfig({ Handler: 'index handler' }))).toBe(
      bad(
        "ValidationException: 1 validation error detected: Value 'index handler' at 'handler' failed to satisfy constraint: Member must satisfy regular expression pattern: [^\\s]+",
      ),
    )
    expect(await error(withConfig({ Runtime: 'nodejs16.x' }))).toBe(
      bad(
        'InvalidParameterValueException: The runtime parameter of nodejs16.x is no longer supported for creating or updating AWS Lambda functions. We recommend you use a supported runtime while creating or updating functions.',
      ),
    )
    expect(await error(withConfig({ Runtime: 'cobol' }))).toMatch(
      /^The shared playground is invalid: the function configuration is invalid: ValidationException: 1 validation error detected: Value 'cobol' at 'runtime' failed to satisfy constraint: Member must satisfy enum value set: \[/,
    )
    expect(await error(withConfig({ Environment: { AWS_REGION: 'eu-west-1' } }))).toBe(
      bad(
        'InvalidParameterValueException: Lambda was unable to configure your environment variables because the environment variables you have provided contains reserved keys that are currently not supported for modification. Reserved keys used in this request: AWS_REGION',
      ),
    )
    expect(await error(withConfig({ Environment: { STAGE: 1 } }))).toBe(
      bad('InvalidParameterValueException: Environment variable STAGE must be a string.'),
    )
    expect(await error(withConfig({ LogFormat: 'XML' }))).toBe(
      bad(
        "ValidationException: 1 validation error detected: Value 'XML' at 'loggingConfig.logFormat' failed to satisfy constraint: Member must satisfy enum value set: [JSON, Text]",
      ),
    )
    expect(await error(withConfig({ ApplicationLogLevel: 'DEBUG' }))).toBe(
      bad(
        'InvalidParameterValueException: Log level configuration is only supported when LogFormat is set to JSON. Update LogFormat to JSON and try again.',
      ),
    )
  })

  it('rejects __proto__ keys anywhere and pollutes nothing', async () => {
    const proto = 'The shared playground is invalid: it contains a "__proto__" key, which is never allowed.'
    const t = JSON.stringify(typical())
    const inject = (where: string, json: string) => rawLink(t.replace(where, json))
    expect(await error(inject('{"v":1,', '{"__proto__":{"polluted":1},"v":1,'))).toBe(proto)
    expect(await error(inject('"files":{', '"files":{"__proto__":"x",'))).toBe(proto)
    expect(await error(inject('"config":{', '"config":{"__proto__":{"polluted":1},'))).toBe(proto)
    expect(await error(inject('"Timeout":3', '"Timeout":3,"Environment":{"__proto__":{"polluted":1}}'))).toBe(proto)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined()
  })
})

describe('share links: encoding', () => {
  it('refuses a state that could not be decoded, with the same message', async () => {
    await expect(encodeShare({ ...typical(), files: { '../x.mjs': '' }, activeFile: undefined })).rejects.toThrow(
      'This playground cannot be shared: file path "../x.mjs" goes up a folder (".."), out of the function\'s folder.',
    )
    await expect(encodeShare({ ...typical(), config: { ...typical().config, MemorySize: 99999 } })).rejects.toThrow(
      "This playground cannot be shared: the function configuration is invalid: ValidationException: 1 validation error detected: Value '99999' at 'memorySize' failed to satisfy constraint: Member must have value less than or equal to 10240.",
    )
  })

  it('refuses a state whose JSON would exceed the 1 MB a link may unpack to', async () => {
    // Within every per-field limit, but control characters triple in JSON (\u0001 is 6 bytes).
    const files = { 'a.txt': '\u0001'.repeat(100_000), 'b.txt': '\u0001'.repeat(100_000) }
    await expect(encodeShare({ ...typical(), files, activeFile: undefined })).rejects.toThrow(
      /^This playground cannot be shared: it takes 1,200,\d{3} bytes; a share link holds at most 1,048,576 bytes \(1024 KB\)\.$/,
    )
  })
})
