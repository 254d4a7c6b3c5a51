// The account's network (src/aws/network.ts): AWS endpoints to the account, declared hosts, unknown
// hosts, VPC without NAT, seeded latency and failures, and the events the UI shows.
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb'
import type { HttpRequest } from '@smithy/types'
import { describe, expect, it } from 'vitest'
import type { HttpIoResponse, IoCaller, IoOutcome } from '../../lambda/public.ts'
import {
  createAccount,
  createNetwork,
  replaceHosts,
  validateHosts,
  type NetworkEvent,
  type SimNetwork,
} from '../index.ts'

const caller = (over: Partial<IoCaller> = {}): IoCaller => ({
  functionName: 'fn',
  functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:fn',
  environmentId: 'env-1',
  requestId: 'req-1',
  vpc: false,
  at: 1_000,
  ...over,
})
const get = (url: string, body = '') => ({ method: body ? 'POST' : 'GET', url, headers: {}, body: btoa(body) })
const text = (r: HttpIoResponse) => Buffer.from(r.body, 'base64').toString('utf8')
const send = async (net: SimNetwork, url: string, over: Partial<IoCaller> = {}, body = ''): Promise<IoOutcome> =>
  net.request('http', get(url, body), caller(over))

describe('network', () => {
  it('an unknown host fails as Node does without DNS (ENOTFOUND), and says so in an event', async () => {
    const net = createNetwork()
    const events: NetworkEvent[] = []
    net.onEvent((e) => events.push(e))
    const o = await send(net, 'https://api.example.com/v1/items?x=1')
    expect(o).toEqual({
      latencyMs: 1,
      route: 'unknown',
      error: {
        code: 'ENOTFOUND',
        errno: -3008,
        syscall: 'getaddrinfo',
        hostname: 'api.example.com',
        message: 'getaddrinfo ENOTFOUND api.example.com',
      },
    })
    expect(events).toEqual([
      {
        type: 'NetworkRequest',
        time: 1000,
        functionName: 'fn',
        environmentId: 'env-1',
        requestId: 'req-1',
        method: 'GET',
        url: 'https://api.example.com/v1/items?x=1',
        host: 'api.example.com',
        route: 'unknown',
        latencyMs: 1,
        error: { code: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND api.example.com' },
      },
    ])
  })

  it('a declared host answers from its route table (method, exact and prefix paths, 404 otherwise)', async () => {
    const net = createNetwork({
      hosts: {
        'Warehouse.Example.com': {
          latencyMs: 120,
          routes: {
            'GET /stock': { json: { apples: 3 } },
            'POST /orders/*': { status: 201, body: 'created', headers: { 'X-Id': '7' }, latencyMs: 30 },
          },
        },
      },
    })
    const a = await send(net, 'https://warehouse.example.com/stock')
    if (!('response' in a)) throw new Error('expected a response')
    expect(a.latencyMs).toBe(120)
    expect(a.response.status).toBe(200)
    expect(a.response.statusText).toBe('OK')
    expect(a.response.headers['content-type']).toBe('application/json')
    expect(JSON.parse(text(a.response))).toEqual({ apples: 3 })
    const b = await send(net, 'https://warehouse.example.com/orders/1', {}, '{"n":1}')
    if (!('response' in b)) throw new Error('expected a response')
    expect([
      b.response.status,
      b.response.statusText,
      text(b.response),
      b.response.headers['x-id'],
      b.latencyMs,
    ]).toEqual([201, 'Created', 'created', '7', 150])
    const c = await send(net, 'https://warehouse.example.com/stock', {}, 'x') // POST: no route
    if (!('response' in c)) throw new Error('expected a response')
    expect(c.response.status).toBe(404)
    expect(net.declaredHosts()).toEqual(['warehouse.example.com'])
  })

  it('a declared host can be a function run on the host (what lab authors write), sync or async', async () => {
    const net = createNetwork()
    net.declare('echo.test', {
      latencyMs: 5,
      handler: async (req) => ({
        json: { method: req.method, path: req.path, q: req.query, body: req.body, fn: req.caller.functionName },
      }),
    })
    net.declare('boom.test', {
      handler: () => {
        throw new Error('bad handler')
      },
    })
    const a = await send(net, 'http://echo.test/a/b?k=v', {}, 'hi')
    if (!('response' in a)) throw new Error('expected a response')
    expect(JSON.parse(text(a.response))).toEqual({ method: 'POST', path: '/a/b', q: { k: 'v' }, body: 'hi', fn: 'fn' })
    const b = await send(net, 'http://boom.test/')
    if (!('response' in b)) throw new Error('expected a response')
    expect(b.response.status).toBe(500)
    expect(text(b.response)).toContain('bad handler')
    net.undeclare('echo.test')
    const c = await send(net, 'http://echo.test/')
    expect('error' in c && c.error.code).toBe('ENOTFOUND')
  })

  it('latency ranges and failures are drawn from a seeded generator: the same seed, the same run', async () => {
    const run = async (seed: number) => {
      const net = createNetwork({
        seed,
        hosts: { 'flaky.test': { latencyMs: [50, 500], failureRate: 0.3, routes: { '* /*': {} } } },
      })
      const out: string[] = []
      for (let i = 0; i < 40; i++) {
        const o = await send(net, 'http://flaky.test/x')
        out.push('error' in o ? `${o.error.code}@${o.latencyMs}` : `${o.response.status}@${o.latencyMs}`)
      }
      return out
    }
    const a = await run(7)
    expect(await run(7)).toEqual(a)
    expect(await run(8)).not.toEqual(a)
    const failures = a.filter((s) => s.startsWith('ECONNRESET')).length
    expect(failures).toBeGreaterThan(3)
    expect(failures).toBeLessThan(25)
    for (const s of a) {
      const ms = Number(s.split('@')[1])
      expect(ms).toBeGreaterThanOrEqual(50)
      expect(ms).toBeLessThanOrEqual(500)
    }
  })

  it('a function in a VPC without a NAT gateway reaches nothing outside: the connection times out', async () => {
    const account = await createAccount()
    const hosts = { 'api.test': { routes: { '* /*': { body: 'ok' } } } }
    const noNat = createNetwork({ hosts, account, vpcEndpoints: ['dynamodb'] })
    const events: NetworkEvent[] = []
    noNat.onEvent((e) => events.push(e))
    const o = await send(noNat, 'https://api.test/', { vpc: true })
    expect(o).toEqual({
      latencyMs: 10_000,
      route: 'vpc',
      error: {
        name: 'ConnectTimeoutError',
        code: 'UND_ERR_CONNECT_TIMEOUT',
        message: 'Connect Timeout Error (attempted address: api.test:443, timeout: 10000ms)',
      },
    })
    const sqs = await send(noNat, 'https://sqs.us-east-1.amazonaws.com/', { vpc: true })
    expect('error' in sqs && sqs.error.code).toBe('UND_ERR_CONNECT_TIMEOUT')
    const ddb = await send(noNat, 'https://dynamodb.us-east-1.amazonaws.com/', { vpc: true }, '{}')
    expect('response' in ddb).toBe(true) // through the VPC endpoint (unsigned: refused by DynamoDB itself)
    expect(events.map((e) => e.route)).toEqual(['vpc', 'vpc', 'aws'])
    const nat = createNetwork({ hosts, natGateway: true })
    const ok = await send(nat, 'https://api.test/', { vpc: true })
    expect('response' in ok && text(ok.response)).toBe('ok')
  })

  it('AWS endpoints go to the account’s requestHandler: the real SDK, signed, through the network', async () => {
    const account = await createAccount()
    await account.send('dynamodb', 'CreateTable', {
      TableName: 'Orders',
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      BillingMode: 'PAY_PER_REQUEST',
    })
    const net = createNetwork({ account, awsLatencyMs: 12 })
    const events: NetworkEvent[] = []
    net.onEvent((e) => events.push(e))
    // What the bundled SDK's request handler does inside the sandbox: the wire request through io.request.
    const handler = {
      metadata: { handlerProtocol: 'http/1.1' },
      destroy() {},
      updateHttpClientConfig() {},
      httpHandlerConfigs: () => ({}),
      async handle(req: HttpRequest) {
        const qs = new URLSearchParams(req.query as Record<string, string>).toString()
        const url = `${req.protocol}//${req.hostname}${req.port ? ':' + req.port : ''}${req.path}${qs ? '?' + qs : ''}`
        const body = typeof req.body === 'string' ? btoa(req.body) : Buffer.from(req.body ?? []).toString('base64')
        const o = await net.request('http', { method: req.method, url, headers: req.headers, body }, caller())
        if ('error' in o) throw Object.assign(new Error(o.error.message), o.error)
        return {
          response: {
            statusCode: o.response.status,
            headers: o.response.headers,
            body: Buffer.from(o.response.body, 'base64'),
          },
        }
      },
    }
    const client = new DynamoDBClient({
      region: 'us-east-1',
      credentials: {
        accessKeyId: account.adminCredentials.AccessKeyId,
        secretAccessKey: account.adminCredentials.SecretAccessKey,
      },
      requestHandler: handler as never,
      maxAttempts: 1,
    })
    const out = await client.send(new ListTablesCommand({}))
    expect(out.TableNames).toEqual(['Orders'])
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({
      route: 'aws',
      host: 'dynamodb.us-east-1.amazonaws.com',
      status: 200,
      latencyMs: 12,
    })
  })

  it('a JSON route table (the playground’s hosts.json) is checked with plain messages, then replaces the hosts', () => {
    const ok = validateHosts({ 'Api.Test': { latencyMs: [10, 20], routes: { 'GET /x': { json: { a: 1 } } } } })
    expect(Object.keys(ok)).toEqual(['api.test'])
    const bad: [unknown, RegExp][] = [
      [[], /must be an object/],
      [{ 'https://api.test': {} }, /is not a host name/],
      [{ 'dynamodb.us-east-1.amazonaws.com': {} }, /AWS endpoint/],
      [{ 'a.test': { route: {} } }, /unknown field "route"/],
      [{ 'a.test': { latencyMs: -1 } }, /latencyMs/],
      [{ 'a.test': { failureRate: 2 } }, /failureRate/],
      [{ 'a.test': { routes: { '/x': {} } } }, /should look like "GET \/path"/],
      [{ 'a.test': { routes: { 'GET /x': { status: 700 } } } }, /status/],
      [{ 'a.test': { routes: { 'GET /x': { body: { a: 1 } } } } }, /use "json"/],
    ]
    for (const [value, message] of bad) expect(() => validateHosts(value)).toThrow(message)
    const net = createNetwork({ hosts: { 'old.test': {} } })
    replaceHosts(net, ok)
    expect(net.declaredHosts()).toEqual(['api.test'])
  })
})
