// The Worker's network: each engine instance has one (no internet), the page declares hosts with
// setHosts, and each request reaches the UI as a NetworkRequest event.
import { afterEach, describe, expect, it } from 'vitest'
import { createNetwork } from '../aws/public.ts'
import { createLambda, type LambdaEvent } from '../lambda/index.ts'
import { LambdaClient } from './client.ts'
import { channelWorker } from './testing.ts'

const clients: LambdaClient[] = []
afterEach(() => {
  for (const c of clients.splice(0)) c.dispose()
})

describe('the Worker’s network', () => {
  it('declares hosts from a JSON route table, refuses a bad one plainly, and streams NetworkRequest events', async () => {
    const client = new LambdaClient({
      createWorker: () => channelWorker(() => createLambda({ prewarm: 0, warmUp: false, network: createNetwork() })),
    })
    clients.push(client)
    const events: Extract<LambdaEvent, { type: 'NetworkRequest' }>[] = []
    client.onEvent((e) => {
      if (e.type === 'NetworkRequest') events.push(e)
    })
    await expect(client.setHosts({ 'https://x': {} })).rejects.toMatchObject({
      name: 'InvalidRequestContentException',
      message: expect.stringContaining('is not a host name'),
    })
    expect(await client.setHosts({ 'api.test': { routes: { 'GET /hi': { json: 'hello' } } } })).toEqual({
      hosts: ['api.test'],
    })
    await client.createFunction({
      FunctionName: 'f',
      Runtime: 'nodejs22.x',
      Handler: 'index.handler',
      Code: {
        Files: {
          'index.mjs': `export const handler = async (e) => { try { return await (await fetch(e.url)).json() } catch (err) { return err.cause.code } }`,
        },
      },
    })
    const run = async (url: string) =>
      JSON.parse((await client.invoke({ FunctionName: 'f', Payload: JSON.stringify({ url }) })).Payload)
    expect(await run('http://api.test/hi')).toBe('hello')
    expect(await run('http://elsewhere.test/')).toBe('ENOTFOUND')
    expect(events.map((e) => [e.host, e.route, e.status ?? e.error?.code])).toEqual([
      ['api.test', 'declared', 200],
      ['elsewhere.test', 'unknown', 'ENOTFOUND'],
    ])
  })
})
