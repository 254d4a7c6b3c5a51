// The SDK's default Sha256 in the sandbox is computed by the host (runtime/hash.js, host-bridge's
// sha256): the same digests as Node's crypto for every shape of input the SDK hands it.
import { createHash, createHmac } from 'node:crypto'
import { expect, it } from 'vitest'
import { call, deploy, newLambda } from '../../__tests__/helpers.ts'

it('SHA-256 and HMAC-SHA256 equal Node’s for strings, bytes, views with an offset and several updates', async () => {
  const lambda = await newLambda()
  const name = await deploy(
    lambda,
    `import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
const Sha256 = new DynamoDBClient({}).config.sha256
const hex = (u8) => Buffer.from(u8).toString('hex')
export const handler = async () => {
  const out = {}
  const run = async (label, secret, parts) => {
    const h = new Sha256(secret)
    for (const p of parts) h.update(p)
    out[label] = hex(await h.digest())
  }
  await run('empty', undefined, [])
  await run('text', undefined, ['héllo wörld'])
  await run('bytes', undefined, [new Uint8Array([1, 2, 3, 255])])
  const big = new Uint8Array(100); for (let i = 0; i < 100; i++) big[i] = i
  await run('view', undefined, [big.subarray(10, 20)])
  await run('mixed', undefined, ['ab', new Uint8Array([99]), 'dé'])
  await run('hmacText', 'key', ['AWS4-HMAC-SHA256'])
  await run('hmacBytes', new Uint8Array(64).fill(7), [big.subarray(50)])
  await run('hmacLongKey', 'k'.repeat(200), ['x'])
  return { out, name: Sha256.name }
}`,
  )
  const r = await call(lambda, name)
  const big = Buffer.from(Array.from({ length: 100 }, (_, i) => i))
  const sha = (...parts: (string | Buffer)[]) => {
    const h = createHash('sha256')
    for (const p of parts) h.update(p)
    return h.digest('hex')
  }
  const mac = (key: string | Buffer, data: string | Buffer) => createHmac('sha256', key).update(data).digest('hex')
  expect(r.json.name).toBe('Sha256')
  expect(r.json.out).toEqual({
    empty: sha(''),
    text: sha('héllo wörld'),
    bytes: sha(Buffer.from([1, 2, 3, 255])),
    view: sha(big.subarray(10, 20)),
    mixed: sha('ab', Buffer.from([99]), 'dé'),
    hmacText: mac('key', 'AWS4-HMAC-SHA256'),
    hmacBytes: mac(Buffer.alloc(64, 7), big.subarray(50)),
    hmacLongKey: mac('k'.repeat(200), 'x'),
  })
})
