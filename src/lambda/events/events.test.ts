// Sample events: API checks that always run, and a structural comparison with the SAM CLI's own
// templates that runs whenever ../shared/reference/sam-events exists (it is not in the repository;
// set LF_SAM_EVENTS_DIR to point elsewhere). The templates are read here, never copied.
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'
import { describe, expect, it } from 'vitest'
import {
  DEFAULT_TIME,
  findSampleEvent,
  sampleEventGroups,
  sampleEventId,
  sampleEvents,
  type SampleEvent,
} from './index.ts'

const here = path.dirname(fileURLToPath(import.meta.url))
const repoRoot = path.resolve(here, '../../..')
const REF_DIR = process.env.LF_SAM_EVENTS_DIR ?? path.resolve(repoRoot, '../shared/reference/sam-events')
const REF_MISSING = `SAM CLI reference templates not found at ${REF_DIR} (they live outside the repository, in ../shared; set LF_SAM_EVENTS_DIR to check against another copy)`
const refExists = existsSync(path.join(REF_DIR, 'event-mapping.json'))

const REQUIRED = [
  'apigateway aws-proxy',
  'apigateway http-api-proxy',
  's3 put',
  's3 delete',
  'sns notification',
  'sqs receive-message',
  'dynamodb update',
  'kinesis get-records',
  'cloudwatch scheduled-event',
  'alexa-skills-kit start-session',
  'cognito sync-trigger',
  'cloudfront modify-querystring',
  'cloudformation create-request',
  'alb request',
  'lex make-appointment',
  'cognito-user-pool pre-sign-up',
  'lex-v2 book-car',
]

/** Samples the SAM CLI has no template for, and what their shape is checked against instead. */
const NO_SAM_TEMPLATE: Record<string, string> = {
  'cognito-user-pool pre-sign-up':
    'the Cognito developer guide, through its type in @types/aws-lambda (PreSignUpTriggerEvent) and the test below',
}

/**
 * Maps whose keys are user data (query parameters, stage variables, message attributes, item
 * attributes, JWT claims, dataset records…): there our keys are the shop's own, and each of our
 * entries must have the shape of one of the template's entries. Everywhere else the key sets must
 * be identical. `[]` stands for any array index.
 */
const DATA_MAPS: Record<string, string[]> = {
  'apigateway aws-proxy': [
    'queryStringParameters',
    'multiValueQueryStringParameters',
    'pathParameters',
    'stageVariables',
  ],
  'apigateway http-api-proxy': [
    'headers',
    'queryStringParameters',
    'pathParameters',
    'stageVariables',
    'requestContext.authorizer.jwt.claims',
  ],
  'alb request': ['queryStringParameters'],
  'sns notification': ['Records[].Sns.MessageAttributes'],
  'dynamodb update': ['Records[].dynamodb.Keys', 'Records[].dynamodb.NewImage', 'Records[].dynamodb.OldImage'],
  'cognito sync-trigger': ['datasetRecords'],
  'lex-v2 book-car': ['interpretations[].intent.slots', 'proposedNextState.intent.slots', 'sessionState.intent.slots'],
}

// ---- Structural comparison -------------------------------------------------------------------

type JsonType = 'null' | 'array' | 'object' | 'string' | 'number' | 'boolean' | 'undefined' | 'other'
function jsonType(v: unknown): JsonType {
  if (v === null) return 'null'
  if (Array.isArray(v)) return 'array'
  const t = typeof v
  if (t === 'object' || t === 'string' || t === 'number' || t === 'boolean' || t === 'undefined') return t
  return 'other'
}

const keyPath = (base: string, key: string) =>
  /^[A-Za-z_$][\w$]*$/.test(key) ? (base ? `${base}.${key}` : key) : `${base}[${JSON.stringify(key)}]`
const pattern = (p: string) => p.replace(/\[\d+\]/g, '[]')

/**
 * Differences between `ours` and the template `tpl`, each naming its path: the same key set at every
 * level of objects (except the data maps), the same JSON type at every leaf; arrays are compared
 * element by element against the template's element at the same index, or its last one.
 */
function shapeDiff(
  ours: unknown,
  tpl: unknown,
  dataMaps: readonly string[] = [],
  at = '',
  used = new Set<string>(),
): string[] {
  const where = at || '(root)'
  const ot = jsonType(ours)
  const tt = jsonType(tpl)
  if (ot !== tt) return [`${where}: the template has ${tt}, ours has ${ot}`]
  if (ot === 'array') {
    const o = ours as unknown[]
    const t = tpl as unknown[]
    if (t.length === 0) return o.length ? [`${where}: the template's array is empty, ours has ${o.length} item(s)`] : []
    if (o.length === 0) return [`${where}: ours is an empty array; the template's has ${t.length} item(s)`]
    return o.flatMap((item, i) => shapeDiff(item, t[Math.min(i, t.length - 1)], dataMaps, `${at}[${i}]`, used))
  }
  if (ot !== 'object') return []
  const o = ours as Record<string, unknown>
  const t = tpl as Record<string, unknown>
  if (dataMaps.includes(pattern(at))) {
    used.add(pattern(at))
    const entries = Object.values(t)
    if (entries.length === 0) return Object.keys(o).length ? [`${where}: the template's map is empty, ours is not`] : []
    if (Object.keys(o).length === 0)
      return [`${where}: ours is an empty map; the template's has ${entries.length} entries`]
    return Object.entries(o).flatMap(([k, v]) => {
      const p = keyPath(at, k)
      const tries = entries.map((e) => shapeDiff(v, e, dataMaps, p, used))
      return tries.some((d) => d.length === 0) ? [] : tries[0]
    })
  }
  const diffs: string[] = []
  for (const k of Object.keys(t))
    if (!Object.hasOwn(o, k)) diffs.push(`${keyPath(at, k)}: missing (the template has this key)`)
  for (const k of Object.keys(o))
    if (!Object.hasOwn(t, k)) diffs.push(`${keyPath(at, k)}: extra key (not in the template)`)
  for (const k of Object.keys(o))
    if (Object.hasOwn(t, k)) diffs.push(...shapeDiff(o[k], t[k], dataMaps, keyPath(at, k), used))
  return diffs
}

// ---- Rendering the SAM templates as `sam local generate-event` does (see SOURCE.md) ----------

interface TagSpec {
  type?: string
  default?: string
  encoding?: 'base64' | 'url'
  hashing?: 'md5'
  children?: Record<string, TagSpec>
}

/** Python's urllib.parse.quote (safe='/'). */
const pyQuote = (s: string) =>
  encodeURIComponent(s)
    .replace(/%2F/g, '/')
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)

function transform(value: string, spec: TagSpec): string {
  let v = value
  if (spec.encoding === 'base64') v = Buffer.from(v, 'utf8').toString('base64')
  else if (spec.encoding === 'url') v = pyQuote(v)
  if (spec.hashing === 'md5') v = createHash('md5').update(v, 'utf8').digest('hex')
  return v
}

function renderTemplate(service: string, event: string): { file: string; json: unknown } {
  const mapping = JSON.parse(readFileSync(path.join(REF_DIR, 'event-mapping.json'), 'utf8')) as Record<
    string,
    Record<string, { filename: string; tags?: Record<string, TagSpec> }>
  >
  const entry = mapping[service]?.[event]
  if (!entry) throw new Error(`event-mapping.json has no "${service} ${event}"`)
  const file = path.join(service, `${entry.filename}.json`)
  const values = new Map<string, string>()
  const dicts: [string, unknown][] = []
  for (const [tag, spec] of Object.entries(entry.tags ?? {})) {
    const raw = spec.default ?? ''
    if (spec.type === 'dict') dicts.push([tag, JSON.parse(raw)])
    const value = transform(raw, spec)
    values.set(tag.replace(/-/g, '_'), value)
    for (const [child, cspec] of Object.entries(spec.children ?? {}))
      values.set(child.replace(/-/g, '_'), transform(value, cspec))
  }
  // Every placeholder sits inside a JSON string, so the file parses before rendering; a missing
  // value renders as '' (Mustache).
  const render = (v: unknown): unknown => {
    if (typeof v === 'string')
      return v.replace(/\{\{\{?\s*([\w-]+)\s*\}?\}\}/g, (_, name: string) => values.get(name) ?? '')
    if (Array.isArray(v)) return v.map(render)
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, render(x)]))
    return v
  }
  const json = render(JSON.parse(readFileSync(path.join(REF_DIR, file), 'utf8'))) as Record<string, unknown>
  // "dict" tags replace a top-level key matched case-insensitively with the parsed default.
  for (const [tag, dict] of dicts) {
    for (const k of Object.keys(json)) if (k.toLowerCase() === tag.toLowerCase()) json[k] = dict
  }
  return { file, json }
}

// ---- Tests -------------------------------------------------------------------------------------

describe('sample events: API', () => {
  it('has every required sample, each once, with label, description and invocation', () => {
    const ids = sampleEvents.map(sampleEventId)
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of REQUIRED) expect(ids, id).toContain(id)
    for (const e of sampleEvents) {
      expect(e.label.length, sampleEventId(e)).toBeGreaterThan(3)
      expect(e.description.length, sampleEventId(e)).toBeGreaterThan(20)
      expect(['sync', 'async', 'poll']).toContain(e.invocation)
    }
  })

  it('groups every sample exactly once under its service', () => {
    const grouped = sampleEventGroups.flatMap((g) => g.events.map((e) => [g.service, e] as const))
    expect(grouped.map(([, e]) => e)).toHaveLength(sampleEvents.length)
    expect(new Set(grouped.map(([, e]) => e)).size).toBe(sampleEvents.length)
    for (const [service, e] of grouped) expect(e.service).toBe(service)
    for (const g of sampleEventGroups) expect(g.label).toMatch(/\w/)
  })

  it('cognito-user-pool pre-sign-up has the shape of a user pool trigger event', () => {
    const e = findSampleEvent('cognito-user-pool', 'pre-sign-up')!.build({ region: 'eu-west-2' }) as Record<string, any>
    // The parameters every user pool trigger shares, then the pre sign-up request and response.
    expect(Object.keys(e).sort()).toEqual([
      'callerContext',
      'region',
      'request',
      'response',
      'triggerSource',
      'userName',
      'userPoolId',
      'version',
    ])
    expect(e).toMatchObject({
      version: '1',
      triggerSource: 'PreSignUp_SignUp',
      region: 'eu-west-2',
      userPoolId: expect.stringMatching(/^eu-west-2_\w+$/),
    })
    expect(Object.keys(e.callerContext).sort()).toEqual(['awsSdkVersion', 'clientId'])
    expect(Object.keys(e.request).sort()).toEqual(['userAttributes', 'validationData'])
    expect(Object.values(e.request.userAttributes).every((v) => typeof v === 'string')).toBe(true)
    expect(e.response).toEqual({ autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false })
  })

  it('findSampleEvent finds by service and event name', () => {
    expect(findSampleEvent('s3', 'put')?.label).toBe('S3 object created (put)')
    expect(findSampleEvent('s3', 'nope')).toBeUndefined()
    expect(findSampleEvent('aws-proxy', 'apigateway')).toBeUndefined()
  })

  it('builds plain JSON data, a fresh object each time', () => {
    for (const e of sampleEvents) {
      const a = e.build() as Record<string, unknown>
      expect(JSON.parse(JSON.stringify(a)), sampleEventId(e)).toEqual(a)
      ;(a as Record<string, unknown>).mutated = true
      expect(e.build(), sampleEventId(e)).not.toHaveProperty('mutated')
    }
  })

  it('puts the region and account id from the options everywhere, and the partition of the region', () => {
    for (const e of sampleEvents) {
      const id = sampleEventId(e)
      const plain = JSON.stringify(e.build())
      const custom = JSON.stringify(e.build({ region: 'eu-west-2', accountId: '210987654321' }))
      expect(custom, id).not.toContain('us-east-1')
      expect(custom, id).not.toContain('123456789012')
      if (plain.includes('us-east-1')) expect(custom, id).toContain('eu-west-2')
      if (plain.includes('123456789012')) expect(custom, id).toContain('210987654321')
      const china = JSON.stringify(e.build({ region: 'cn-north-1' }))
      if (plain.includes('arn:aws:')) {
        expect(china, id).toContain('arn:aws-cn:')
        expect(china, id).not.toContain('arn:aws:')
      }
      if (plain.includes('.amazonaws.com')) expect(china, id).toContain('amazonaws.com.cn')
    }
    expect(JSON.stringify(findSampleEvent('sns', 'notification')!.build({ region: 'us-gov-west-1' }))).toContain(
      'arn:aws-us-gov:sns:us-gov-west-1:',
    )
  })

  it('uses the time option for every timestamp', () => {
    const t = Date.UTC(2030, 0, 2, 3, 4, 5, 678)
    const ev = (s: string, n: string) => findSampleEvent(s, n)!.build({ time: t }) as any
    expect(ev('cloudwatch', 'scheduled-event').time).toBe('2030-01-02T03:04:05Z')
    expect(ev('s3', 'put').Records[0].eventTime).toBe('2030-01-02T03:04:05.678Z')
    expect(ev('apigateway', 'aws-proxy').requestContext.requestTime).toBe('02/Jan/2030:03:04:05 +0000')
    expect(ev('apigateway', 'aws-proxy').requestContext.requestTimeEpoch).toBe(t)
    expect(ev('apigateway', 'http-api-proxy').requestContext.timeEpoch).toBe(t)
    expect(ev('sqs', 'receive-message').Records[0].attributes.ApproximateFirstReceiveTimestamp).toBe(String(t))
    expect(ev('dynamodb', 'update').Records[0].dynamodb.ApproximateCreationDateTime).toBe(Math.floor(t / 1000))
    expect(ev('kinesis', 'get-records').Records[0].kinesis.approximateArrivalTimestamp).toBe(t / 1000)
    expect(ev('alexa-skills-kit', 'start-session').request.timestamp).toBe('2030-01-02T03:04:05Z')
    const def = findSampleEvent('cloudwatch', 'scheduled-event')!.build() as any
    expect(def.time).toBe(new Date(DEFAULT_TIME).toISOString().slice(0, 19) + 'Z')
  })

  it('rejects a bad region, account id or time with a clear message', () => {
    const e = findSampleEvent('s3', 'put')!
    expect(() => e.build({ region: 'mars-1' })).toThrow(
      'A sample event needs an AWS Region such as "us-east-1"; got "mars-1".',
    )
    expect(() => e.build({ accountId: '1234' })).toThrow(
      'A sample event needs a 12-digit AWS account id such as "123456789012"; got "1234".',
    )
    expect(() => e.build({ time: Number.NaN })).toThrow('A sample event needs a time in epoch milliseconds')
  })

  it('keeps the values consistent: SQS md5OfBody, Kinesis base64 data, API bodies, headers', () => {
    const md5 = (s: string) => createHash('md5').update(s, 'utf8').digest('hex')
    const sqs = findSampleEvent('sqs', 'receive-message')!.build() as any
    for (const r of sqs.Records) {
      expect(r.md5OfBody).toBe(md5(r.body))
      expect(() => JSON.parse(r.body)).not.toThrow()
    }
    const kin = findSampleEvent('kinesis', 'get-records')!.build() as any
    for (const r of kin.Records)
      expect(JSON.parse(Buffer.from(r.kinesis.data, 'base64').toString('utf8')).sku).toMatch(/^[A-Z]/)
    const rest = findSampleEvent('apigateway', 'aws-proxy')!.build() as any
    expect(JSON.parse(rest.body)).toEqual({ sku: 'MUG-STONE-BLUE', quantity: 2 })
    for (const [k, v] of Object.entries(rest.headers)) expect(rest.multiValueHeaders[k]).toEqual([v])
    expect(rest.requestContext.path).toBe(`/${rest.requestContext.stage}${rest.path}`)
    const http = findSampleEvent('apigateway', 'http-api-proxy')!.build() as any
    expect(http.headers['content-length']).toBe(String(new TextEncoder().encode(http.body).length))
    expect(http.rawPath).toBe(http.requestContext.http.path)
    const s3 = findSampleEvent('s3', 'put')!.build() as any
    expect(s3.Records[0].s3.bucket.arn).toBe(`arn:aws:s3:::${s3.Records[0].s3.bucket.name}`)
  })

  it('stays under 8 KB gzip, bundled and minified', async () => {
    const out = await build({
      entryPoints: [path.join(here, 'index.ts')],
      bundle: true,
      minify: true,
      write: false,
      format: 'esm',
      target: 'es2022',
    })
    const code = out.outputFiles[0].contents
    const gz = gzipSync(code, { level: 9 }).length
    expect(gz).toBeLessThan(8 * 1024)
  })
})

describe('sample events: the structural comparison itself', () => {
  const tpl = { a: 1, b: { c: 'x', d: [{ e: true }] }, m: { k1: { N: '1' }, k2: { S: 'x' } } }
  it('accepts an identical shape with other values', () => {
    expect(
      shapeDiff({ a: 2, b: { c: 'y', d: [{ e: false }, { e: true }] }, m: { k1: { N: '2' }, k2: { S: 'z' } } }, tpl),
    ).toEqual([])
  })
  it('names the path of a missing key, an extra key, a type change and an array element', () => {
    expect(shapeDiff({ a: 1, b: { d: [{ e: true }] }, m: tpl.m }, tpl)).toEqual([
      'b.c: missing (the template has this key)',
    ])
    expect(shapeDiff({ ...tpl, z: 1 }, tpl)).toEqual(['z: extra key (not in the template)'])
    expect(shapeDiff({ ...tpl, a: '1' }, tpl)).toEqual(['a: the template has number, ours has string'])
    expect(shapeDiff({ ...tpl, b: { c: 'x', d: [{ e: true }, { e: 1 }] } }, tpl)).toEqual([
      'b.d[1].e: the template has boolean, ours has number',
    ])
    expect(shapeDiff({ ...tpl, b: { c: 'x', d: [] } }, tpl)).toEqual([
      "b.d: ours is an empty array; the template's has 1 item(s)",
    ])
    expect(shapeDiff({ ...tpl, m: { 'my key': { N: '1' } } }, tpl).sort()).toEqual(
      [
        'm.k1: missing (the template has this key)',
        'm.k2: missing (the template has this key)',
        'm["my key"]: extra key (not in the template)',
      ].sort(),
    )
  })
  it('lets a data map have its own keys, each entry shaped like one of the template entries', () => {
    expect(shapeDiff({ ...tpl, m: { sku: { S: 'a' }, stock: { N: '3' } } }, tpl, ['m'])).toEqual([])
    expect(shapeDiff({ ...tpl, m: { sku: { B: 'a' } } }, tpl, ['m']).sort()).toEqual(
      ['m.sku.B: extra key (not in the template)', 'm.sku.N: missing (the template has this key)'].sort(),
    )
    expect(shapeDiff({ ...tpl, m: {} }, tpl, ['m'])).toEqual(["m: ours is an empty map; the template's has 2 entries"])
  })
})

describe.runIf(!refExists)('sample events vs the SAM CLI templates', () => {
  it('is skipped', (ctx) => ctx.skip(REF_MISSING))
})

describe.runIf(refExists)('sample events vs the SAM CLI templates', () => {
  it('has a template for every sample but the listed ones', () => {
    const mapping = JSON.parse(readFileSync(path.join(REF_DIR, 'event-mapping.json'), 'utf8')) as Record<
      string,
      Record<string, unknown>
    >
    const missing = sampleEvents.map(sampleEventId).filter((id) => !mapping[id.split(' ')[0]]?.[id.split(' ')[1]])
    expect(missing.sort()).toEqual(Object.keys(NO_SAM_TEMPLATE).sort())
  })

  it.each(
    sampleEvents
      .filter((e) => !NO_SAM_TEMPLATE[sampleEventId(e)])
      .map((e) => [sampleEventId(e), e] as [string, SampleEvent]),
  )("%s has the template's structure", (id, e) => {
    const { file, json } = renderTemplate(e.service, e.event)
    const maps = DATA_MAPS[id] ?? []
    const used = new Set<string>()
    const diffs = shapeDiff(e.build(), json, maps, '', used)
    expect(diffs, `${id} differs from ${file}:\n  ${diffs.join('\n  ')}`).toEqual([])
    // A data-map exception that matches nothing is stale.
    expect([...used].sort(), `${id}: DATA_MAPS entries that match no path`).toEqual([...maps].sort())
  })

  it('renders the templates like the SAM CLI (dict tags, base64, url, md5 children)', () => {
    const proxy = renderTemplate('apigateway', 'aws-proxy').json as any
    expect(proxy.queryStringParameters).toEqual({ foo: 'bar' })
    expect(proxy.body).toBe(Buffer.from('{"test":"body"}').toString('base64'))
    expect(proxy.requestContext.path).toBe('/prod/path/to/resource')
    const sqs = renderTemplate('sqs', 'receive-message').json as any
    expect(sqs.Records[0].md5OfBody).toBe(createHash('md5').update('Hello from SQS!').digest('hex'))
    expect(sqs.Records[0].eventSourceARN).toBe('arn:aws:sqs:us-east-1:123456789012:MyQueue')
    expect(pyQuote('http://www.example.com/?a=1&b=2')).toBe('http%3A//www.example.com/%3Fa%3D1%26b%3D2')
    expect(() => renderTemplate('s3', 'no-such-event')).toThrow('event-mapping.json has no "s3 no-such-event"')
  })
})
