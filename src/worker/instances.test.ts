// Engine instances in one Worker: lab checks run on their own instance, with their own functions
// and their own clock, so advancing the checks' clock never idles the learner's environments.
// Runs in Node: a MessageChannel stands in for the Worker boundary.
import { afterEach, describe, expect, it } from 'vitest'
import { createLambda, type Lambda, type LambdaEvent } from '../lambda/index.ts'
import { LambdaClient } from './client.ts'
import type { HostHandle } from './host.ts'
import { MAX_INSTANCES } from './protocol.ts'
import { channelWorker } from './testing.ts'

const hosts: Promise<HostHandle | undefined>[] = []
const clients: LambdaClient[] = []
afterEach(async () => {
  for (const c of clients.splice(0)) c.dispose()
  for (const h of hosts.splice(0)) (await h)?.close()
})

/** A client whose "Worker" is served in this process; `made` lists the instances the host created. */
function connect(made: string[] = []): LambdaClient {
  const client = new LambdaClient({
    createWorker: () => {
      const worker = channelWorker((name): Promise<Lambda> => {
        made.push(name)
        return createLambda({ prewarm: 0, warmUp: false })
      })
      hosts.push(worker.host)
      return worker
    },
  })
  clients.push(client)
  return client
}

const fn = (FunctionName: string) => ({
  FunctionName,
  Runtime: 'nodejs24.x' as const,
  Handler: 'index.handler',
  Code: { Files: { 'index.mjs': 'export const handler = async (e) => ({ got: e })' } },
})

const MINUTES_30 = 30 * 60_000

describe('engine instances in one Worker', () => {
  it('advancing the lab checks’ clock does not idle the learner’s environments', async () => {
    const made: string[] = []
    const client = connect(made)
    const checks = client.engine('lab-checks')
    await client.createFunction(fn('learner'))
    expect((await client.invoke({ FunctionName: 'learner', Payload: '{}' })).$metadata.coldStart).toBe(true)
    const learnerTime = (await client.clock.now()).now

    await checks.createFunction(fn('lab-check-1'))
    await checks.invoke({ FunctionName: 'lab-check-1', Payload: '{}' })
    const after = await checks.clock.advance(MINUTES_30)
    expect(after.now).toBeGreaterThanOrEqual(MINUTES_30)
    expect(await checks.describeEnvironments('lab-check-1')).toEqual([])

    // The learner's clock did not move, and their environment is still warm.
    expect((await client.clock.now()).now).toBe(learnerTime)
    expect(await client.describeEnvironments('learner')).toHaveLength(1)
    expect((await client.invoke({ FunctionName: 'learner', Payload: '{}' })).$metadata.coldStart).toBe(false)
    expect(made).toEqual(['main', 'lab-checks'])

    // The same advance on the learner's own clock does idle it (so the check above can fail).
    await client.clock.advance(MINUTES_30)
    expect(await client.describeEnvironments('learner')).toEqual([])
    expect((await client.invoke({ FunctionName: 'learner', Payload: '{}' })).$metadata.coldStart).toBe(true)
  })

  it('keeps each instance’s functions and events apart', async () => {
    const client = connect()
    const checks = client.engine('lab-checks')
    expect(client.engine('lab-checks')).toBe(checks)
    expect(client.engine('main')).toBe(client)
    const mainEvents: LambdaEvent[] = []
    const checkEvents: LambdaEvent[] = []
    client.onEvent((e) => 'functionName' in e && mainEvents.push(e))
    checks.onEvent((e) => 'functionName' in e && checkEvents.push(e))
    await client.createFunction(fn('mine'))
    await checks.createFunction(fn('theirs'))
    await client.invoke({ FunctionName: 'mine', Payload: '{}' })
    await checks.invoke({ FunctionName: 'theirs', Payload: '{}' })

    expect((await client.listFunctions()).Functions.map((f) => f.FunctionName)).toEqual(['mine'])
    expect((await checks.listFunctions()).Functions.map((f) => f.FunctionName)).toEqual(['theirs'])
    await expect(checks.invoke({ FunctionName: 'mine' })).rejects.toMatchObject({ name: 'ResourceNotFoundException' })
    const names = (events: LambdaEvent[]) => [...new Set(events.map((e) => e.functionName))]
    expect(names(mainEvents)).toEqual(['mine'])
    expect(names(checkEvents)).toEqual(['theirs'])
  })

  it('re-creates every instance’s functions in a fresh Worker', async () => {
    const client = connect()
    const checks = client.engine('lab-checks')
    await client.createFunction(fn('mine'))
    await checks.createFunction(fn('theirs'))
    await checks.deleteFunction({ FunctionName: 'theirs' })
    await checks.createFunction(fn('kept'))
    await client.restart()
    expect((await client.listFunctions()).Functions.map((f) => f.FunctionName)).toEqual(['mine'])
    expect((await checks.listFunctions()).Functions.map((f) => f.FunctionName)).toEqual(['kept'])
    expect(JSON.parse((await checks.invoke({ FunctionName: 'kept', Payload: '{"n":1}' })).Payload)).toEqual({
      got: { n: 1 },
    })
  })

  it('answers a bad instance name, an unknown method and too many instances with AWS-style errors', async () => {
    const client = connect()
    await expect(client.engine('Not a name').listFunctions()).rejects.toMatchObject({
      name: 'InvalidRequestContentException',
      message: 'Unknown engine instance: Not a name',
    })
    await expect(client.callInstance('main', 'nope' as 'now', [])).rejects.toMatchObject({
      name: 'InvalidRequestContentException',
      message: 'Unknown method: nope',
    })
    for (let i = 1; i < MAX_INSTANCES; i++) await client.engine(`extra-${i}`).listFunctions()
    await expect(client.engine('one-too-many').listFunctions()).rejects.toMatchObject({
      name: 'InvalidRequestContentException',
      message: `At most ${MAX_INSTANCES} engine instances can run in one Worker.`,
    })
  })
})
