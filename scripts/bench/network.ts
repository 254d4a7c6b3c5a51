// (i) Host I/O: a warm handler making one fetch to a declared host (through the runtime's I/O
// channel and src/aws/network.ts), and the real time per request of a handler making many
// sequential requests, both against a warm trivial invoke measured in the same run.
import { createNetwork } from '../../src/aws/public.ts'
import { createLambda } from '../../src/lambda/index.ts'
import { measure } from './measure.ts'

export interface NetworkBench {
  trivialMs: number
  fetchMs: number
  perRequestMs: number
}

export async function benchNetwork(): Promise<NetworkBench> {
  const network = createNetwork({ hosts: { 'api.bench': { latencyMs: 5, routes: { 'GET /x': { json: { ok: 1 } } } } } })
  const lambda = await createLambda({ network, prewarm: 0 })
  const deploy = (name: string, code: string) =>
    lambda.createFunction({
      FunctionName: name,
      Runtime: 'nodejs22.x',
      Handler: 'index.handler',
      MemorySize: 1769,
      Code: { Files: { 'index.mjs': code } },
    })
  await deploy('trivial', 'export const handler = async (e) => ({ ok: true, n: e.n })')
  await deploy('fetch1', `export const handler = async () => (await fetch('http://api.bench/x')).json()`)
  const N = 50
  await deploy(
    'fetchN',
    `export const handler = async () => { let n = 0; for (let i = 0; i < ${N}; i++) n += (await (await fetch('http://api.bench/x')).json()).ok; return n }`,
  )
  const invoke = (name: string) => async (i: number) => {
    const out = await lambda.invoke({ FunctionName: name, Payload: `{"n":${i}}` })
    if (out.FunctionError) throw new Error(`${name}: ${out.Payload}`)
  }
  for (const f of ['trivial', 'fetch1', 'fetchN']) for (let i = 0; i < 20; i++) await invoke(f)(i)
  const trivialMs = await measure(300, 9, invoke('trivial'))
  const fetchMs = await measure(200, 9, invoke('fetch1'))
  const manyMs = await measure(10, 9, invoke('fetchN'))
  lambda.dispose()
  return { trivialMs, fetchMs, perRequestMs: (manyMs - trivialMs) / N }
}
