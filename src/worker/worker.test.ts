// Issue 3, §10: the Worker host, the typed RPC client, streamed events and the watchdog.
// Runs in Node: a MessageChannel stands in for the Worker boundary.
import { MessageChannel, type MessagePort } from 'node:worker_threads'
import { afterEach, describe, expect, it } from 'vitest'
import { createLambda, type LambdaEvent } from '../lambda/index.ts'
import { LambdaClient, type ClientEvent, type WorkerLike } from './client.ts'
import { serveLambda, type HostHandle } from './host.ts'
import type { Endpoint } from './protocol.ts'

interface FakeWorker extends WorkerLike {
  hang(): void
  terminated: boolean
}

const hosts: Promise<HostHandle | undefined>[] = []
const clients: LambdaClient[] = []
afterEach(async () => {
  for (const c of clients.splice(0)) c.dispose()
  for (const h of hosts.splice(0)) (await h)?.close()
})

/** A "Worker" whose other end is served by serveLambda in this process. `hang()` makes it stop answering. */
function fakeWorker(): FakeWorker {
  const { port1, port2 } = new MessageChannel()
  let hung = false
  const inner = port2 as unknown as Endpoint
  // Messages to a hung worker are swallowed, as a busy Worker never reads them.
  const gate: Endpoint = {
    postMessage: (m) => inner.postMessage(m),
    addEventListener: (type, l) =>
      inner.addEventListener(type, (ev) => {
        if (!hung) l(ev)
      }),
    start: () => (port2 as MessagePort).start(),
  }
  hosts.push(serveLambda(gate, () => createLambda({ prewarm: 0, warmUp: false })))
  const w: FakeWorker = {
    terminated: false,
    postMessage: (m) => port1.postMessage(m),
    addEventListener: ((type: string, l: (ev: { data: unknown }) => void) => {
      if (type === 'message') port1.addEventListener('message', (ev) => l({ data: (ev as MessageEvent).data }))
    }) as WorkerLike['addEventListener'],
    start: () => port1.start(),
    terminate: () => {
      w.terminated = true
      port1.close()
      port2.close()
    },
    hang: () => {
      hung = true
    },
  }
  return w
}

const HANDLER = 'export const handler = async (e) => { console.log("got", e.n); return { doubled: e.n * 2 } }'

describe('Worker RPC', () => {
  it('mirrors the engine API and streams lifecycle and log events', async () => {
    const client = new LambdaClient({ createWorker: fakeWorker })
    clients.push(client)
    const events: (LambdaEvent | ClientEvent)[] = []
    client.onEvent((e) => events.push(e), { logs: true })
    const cfg = await client.createFunction({
      FunctionName: 'rpc',
      Runtime: 'nodejs24.x',
      Handler: 'index.handler',
      Code: { Files: { 'index.mjs': HANDLER } },
    })
    expect(cfg.FunctionArn).toBe('arn:aws:lambda:us-east-1:123456789012:function:rpc')
    const out = await client.invoke({ FunctionName: 'rpc', Payload: '{"n":21}', LogType: 'Tail' })
    expect(JSON.parse(out.Payload)).toEqual({ doubled: 42 })
    expect(Buffer.from(out.LogResult!, 'base64').toString()).toContain('\tINFO\tgot 21')
    const types = events.map((e) => e.type)
    expect(types).toContain('WorkerReady')
    expect(types).toContain('EnvironmentCreated')
    expect(types).toContain('InvokeEnd')
    expect(
      events.filter((e) => e.type === 'Log').map((e) => (e as Extract<LambdaEvent, { type: 'Log' }>).event.message),
    ).toEqual(
      expect.arrayContaining([expect.stringMatching(/^START RequestId: /), expect.stringMatching(/\tINFO\tgot 21$/)]),
    )
    // Events of a call arrive before its result.
    expect(types.lastIndexOf('InvokeEnd')).toBeGreaterThan(-1)
    const streams = await client.describeLogStreams({ logGroupName: '/aws/lambda/rpc' })
    expect(streams.logStreams).toHaveLength(1)
    const now = (await client.clock.now()).now
    expect((await client.clock.advance(1000)).now).toBeGreaterThanOrEqual(now + 1000)
  })

  it('streams log events only while a listener asks for them', async () => {
    // Everything the "Worker" posts to the page, as the page would deserialise it.
    const posted: unknown[] = []
    const client = new LambdaClient({
      createWorker: () => {
        const w = fakeWorker()
        const add = w.addEventListener.bind(w) as (type: string, l: (ev: { data: unknown }) => void) => void
        w.addEventListener = ((type: string, l: (ev: { data: unknown }) => void) =>
          add(
            type,
            type === 'message'
              ? (ev) => {
                  posted.push(ev.data)
                  l(ev)
                }
              : l,
          )) as WorkerLike['addEventListener']
        return w
      },
    })
    clients.push(client)
    const logLines = () =>
      posted
        .flatMap((m) => ((m as { kind: string }).kind === 'events' ? (m as { events: LambdaEvent[] }).events : []))
        .filter((e) => e.type === 'Log').length
    const lifecycle: string[] = []
    client.onEvent((e) => lifecycle.push(e.type))
    await client.createFunction({
      FunctionName: 'quiet',
      Runtime: 'nodejs24.x',
      Handler: 'index.handler',
      Code: {
        Files: {
          'index.mjs':
            'export const handler = async () => { for (let i = 0; i < 1000; i++) console.log("line", i); return "ok" }',
        },
      },
    })
    await client.invoke({ FunctionName: 'quiet', Payload: '{}' })
    expect(lifecycle).toContain('InvokeEnd')
    expect(lifecycle).not.toContain('Log')
    expect(logLines()).toBe(0)
    // The logs are still there, read on demand.
    expect(
      (await client.filterLogEvents({ logGroupName: '/aws/lambda/quiet', filterPattern: '"line 999"' })).events,
    ).toHaveLength(1)

    const logs: string[] = []
    const stop = client.onEvent((e) => e.type === 'Log' && logs.push(e.event.message), { logs: true })
    await client.invoke({ FunctionName: 'quiet', Payload: '{}' })
    expect(logs.filter((m) => /\tINFO\tline \d+$/.test(m))).toHaveLength(1000)
    expect(lifecycle).not.toContain('Log')
    stop()
    const before = logLines()
    await client.invoke({ FunctionName: 'quiet', Payload: '{}' })
    expect(logLines()).toBe(before)
  })

  it('keeps AWS exception names across the boundary', async () => {
    const client = new LambdaClient({ createWorker: fakeWorker })
    clients.push(client)
    await expect(client.invoke({ FunctionName: 'missing' })).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'Function not found: arn:aws:lambda:us-east-1:123456789012:function:missing',
    })
    await expect(
      client.createFunction({
        FunctionName: 'x',
        Runtime: 'nodejs24.x',
        Handler: 'index.handler',
        MemorySize: 1,
        Code: { Files: {} },
      }),
    ).rejects.toMatchObject({
      name: 'ValidationException',
    })
  })
})

describe('watchdog', () => {
  it('terminates a Worker that stops answering, starts a new one and re-creates the functions', async () => {
    const workers: FakeWorker[] = []
    const client = new LambdaClient({
      createWorker: () => {
        const w = fakeWorker()
        workers.push(w)
        return w
      },
      heartbeatMs: 20,
      unresponsiveMs: 150,
    })
    clients.push(client)
    const restarted = new Promise<ClientEvent>((resolve) =>
      client.onEvent((e) => e.type === 'WorkerRestarted' && resolve(e as ClientEvent)),
    )
    await client.createFunction({
      FunctionName: 'keep',
      Runtime: 'nodejs24.x',
      Handler: 'index.handler',
      Code: { Files: { 'index.mjs': HANDLER } },
    })
    await client.updateFunctionCode({
      FunctionName: 'keep',
      Files: { 'index.mjs': HANDLER.replace('e.n * 2', 'e.n * 3') },
    })
    await client.updateFunctionConfiguration({ FunctionName: 'keep', MemorySize: 256 })
    await client.createFunction({
      FunctionName: 'gone',
      Runtime: 'nodejs24.x',
      Handler: 'index.handler',
      Code: { Files: { 'index.mjs': HANDLER } },
    })
    await client.deleteFunction({ FunctionName: 'gone' })

    workers[0].hang()
    const stuck = client.invoke({ FunctionName: 'keep', Payload: '{"n":1}' })
    await expect(stuck).rejects.toMatchObject({
      name: 'ServiceException',
      message: expect.stringContaining('stopped responding and was restarted'),
    })
    const ev = await restarted
    expect(ev).toMatchObject({ type: 'WorkerRestarted', reason: 'unresponsive', restored: ['keep'] })
    expect(workers[0].terminated).toBe(true)
    expect(workers).toHaveLength(2)
    expect(client.restarts).toBe(1)

    // The new Worker has the latest code and configuration.
    const out = await client.invoke({ FunctionName: 'keep', Payload: '{"n":5}' })
    expect(JSON.parse(out.Payload)).toEqual({ doubled: 15 })
    expect((await client.getFunction({ FunctionName: 'keep' })).Configuration.MemorySize).toBe(256)
    await expect(client.getFunction({ FunctionName: 'gone' })).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    })
  })

  it('restores from the store when a restore() callback is given', async () => {
    const client = new LambdaClient({
      createWorker: fakeWorker,
      heartbeatMs: 1000,
      restore: () => [
        {
          FunctionName: 'from-store',
          Runtime: 'nodejs24.x',
          Handler: 'index.handler',
          Code: { Files: { 'index.mjs': HANDLER } },
        },
      ],
    })
    clients.push(client)
    await client.restart()
    const out = await client.invoke({ FunctionName: 'from-store', Payload: '{"n":2}' })
    expect(JSON.parse(out.Payload)).toEqual({ doubled: 4 })
  })
})
