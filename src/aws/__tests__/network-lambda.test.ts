// A handler's fetch through the engine and the account's network (createLambda({ network })).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createLambda, type Lambda, type LambdaEvent } from '../../lambda/index.ts'
import { createAccount, createNetwork, type NetworkEvent } from '../index.ts'

let lambda: Lambda
const events: NetworkEvent[] = []
const engineEvents: Extract<LambdaEvent, { type: 'NetworkRequest' }>[] = []
beforeAll(async () => {
  const account = await createAccount()
  const network = createNetwork({
    account,
    hosts: { 'weather.example.com': { latencyMs: 80, routes: { 'GET /today': { json: { sky: 'clear' } } } } },
  })
  network.onEvent((e) => events.push(e))
  lambda = await createLambda({ network, prewarm: 0, wallClockCapMs: 10_000 })
  lambda.onEvent((e) => {
    if (e.type === 'NetworkRequest') engineEvents.push(e)
  })
})
afterAll(() => lambda.dispose())

const handler = `export const handler = async (e) => {
  try {
    const r = await fetch(e.url)
    return { status: r.status, body: (r.headers.get('content-type') || '').includes('json') ? await r.json() : await r.text() }
  } catch (err) {
    return { error: err.name + ': ' + err.message, cause: err.cause && { name: err.cause.name, code: err.cause.code, message: err.cause.message } }
  }
}`

async function invoke(name: string, url: string) {
  const out = await lambda.invoke({ FunctionName: name, Payload: JSON.stringify({ url }) })
  return JSON.parse(out.Payload)
}

describe('handlers on the account network', () => {
  it('a declared host answers; an unknown one is fetch failed / ENOTFOUND; both are network events', async () => {
    await lambda.createFunction({
      FunctionName: 'net',
      Runtime: 'nodejs22.x',
      Handler: 'index.handler',
      Code: { Files: { 'index.mjs': handler } },
    })
    expect(await invoke('net', 'https://weather.example.com/today')).toEqual({ status: 200, body: { sky: 'clear' } })
    expect(await invoke('net', 'https://api.openai.com/v1/models')).toEqual({
      error: 'TypeError: fetch failed',
      cause: { name: 'Error', code: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND api.openai.com' },
    })
    // The engine reports the same requests as LambdaEvents (what the Worker streams to the UI).
    expect(engineEvents.map((e) => [e.functionName, e.host, e.route, e.status ?? e.error?.code, e.latencyMs])).toEqual([
      ['net', 'weather.example.com', 'declared', 200, 80],
      ['net', 'api.openai.com', 'unknown', 'ENOTFOUND', 1],
    ])
    expect(events.map((e) => [e.functionName, e.host, e.route, e.status ?? e.error?.code])).toEqual([
      ['net', 'weather.example.com', 'declared', 200],
      ['net', 'api.openai.com', 'unknown', 'ENOTFOUND'],
    ])
  })

  it('AWS endpoints reach the account (an unsigned call is refused by the service itself)', async () => {
    const out = await invoke('net', 'https://sts.us-east-1.amazonaws.com/?Action=GetCallerIdentity&Version=2011-06-15')
    expect(out.status).toBe(403)
    expect(out.body).toContain('MissingAuthenticationToken')
    expect(events[events.length - 1]).toMatchObject({ route: 'aws', host: 'sts.us-east-1.amazonaws.com', status: 403 })
  })

  it('a function in a VPC without NAT times out on external hosts, as on AWS', async () => {
    await lambda.createFunction({
      FunctionName: 'vpc',
      Runtime: 'nodejs22.x',
      Handler: 'index.handler',
      Timeout: 3,
      VpcConfig: { SubnetIds: ['subnet-0abc'], SecurityGroupIds: ['sg-1'] },
      Code: { Files: { 'index.mjs': handler } },
    })
    const cfg = await lambda.getFunctionConfiguration({ FunctionName: 'vpc' })
    expect(cfg.VpcConfig).toMatchObject({ SubnetIds: ['subnet-0abc'], SecurityGroupIds: ['sg-1'] })
    expect(cfg.VpcConfig!.VpcId).toMatch(/^vpc-0[0-9a-f]{16}$/)
    const out = await lambda.invoke({
      FunctionName: 'vpc',
      Payload: JSON.stringify({ url: 'https://weather.example.com/today' }),
    })
    expect(out.FunctionError).toBe('Unhandled')
    expect(JSON.parse(out.Payload).errorMessage).toMatch(/Task timed out after 3\.00 seconds$/)
  })
})
