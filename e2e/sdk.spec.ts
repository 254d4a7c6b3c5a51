/**
 * The real AWS SDK inside handlers, in Chromium (issue 13): a handler imports
 * `@aws-sdk/client-dynamodb` (its chunks fetched by the Worker only then), writes and reads an item
 * as its execution role allows, and a call the role does not allow is AWS's AccessDeniedException
 * with AWS's message — in the built Worker (the engine the playground talks to), driven through its
 * RPC protocol (src/worker/protocol.ts) as the playground's client drives it. The cold start's wall
 * time in Chromium is logged (target ≤ 250 ms), not asserted: timings are for benchmarks.
 */
import { readdirSync } from 'node:fs'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'

const SLOW = { timeout: 60_000 }
const dist = path.resolve(import.meta.dirname, '..', 'dist', 'assets')

const ORDERS_HANDLER = `import { DynamoDBClient, PutItemCommand, GetItemCommand, DeleteItemCommand } from '@aws-sdk/client-dynamodb'
const ddb = new DynamoDBClient({})
const Key = { customer: { S: 'ana' }, orderId: { N: '1' } }
export const handler = async (event) => {
  await ddb.send(new PutItemCommand({ TableName: 'orders', Item: { ...Key, amount: { N: String(event.amount) } } }))
  const got = await ddb.send(new GetItemCommand({ TableName: 'orders', Key }))
  const denied = await ddb.send(new DeleteItemCommand({ TableName: 'orders', Key })).catch((e) => ({
    name: e.name, status: e.$metadata.httpStatusCode, fault: e.$fault, message: e.message,
  }))
  return { amount: got.Item.amount.N, denied }
}`

const deniedMessage = (action: string, role: string, fn: string) =>
  `User: arn:aws:sts::123456789012:assumed-role/${role}/${fn} is not authorized to perform: dynamodb:${action} on resource: arn:aws:dynamodb:us-east-1:123456789012:table/orders because no identity-based policy allows the dynamodb:${action} action`

/** The built Worker's file (what the playground's client starts). */
function workerFile(): string {
  const file = readdirSync(dist).find((f) => /^lambda\.worker-[\w-]+\.js$/.test(f))
  if (!file) throw new Error('no lambda.worker-*.js in dist/assets: run npm run build')
  return file
}

interface WorkerRun {
  cold: { wallMs: number; report: string; payload: string }
  warmMs: number
}

/** Starts the built Worker in the page and drives it through its RPC protocol (src/worker/protocol.ts). */
async function runInWorker(page: Page, workerUrl: string): Promise<WorkerRun> {
  return page.evaluate(
    async ({ url, handler }) => {
      const worker = new Worker(url, { type: 'module' })
      let seq = 0
      const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void }>()
      worker.addEventListener('message', (ev: MessageEvent) => {
        const m = ev.data as {
          kind: string
          id: number
          ok: boolean
          value?: unknown
          error?: { name: string; message: string }
        }
        if (m.kind === 'fatal') for (const p of pending.values()) p.reject(new Error(JSON.stringify(m)))
        if (m.kind !== 'result') return
        const p = pending.get(m.id)!
        pending.delete(m.id)
        if (m.ok) p.resolve(m.value)
        else p.reject(new Error(`${m.error!.name}: ${m.error!.message}`))
      })
      const call = (method: string, ...args: unknown[]) =>
        new Promise<any>((resolve, reject) => {
          const id = ++seq
          pending.set(id, { resolve, reject })
          worker.postMessage({ kind: 'call', id, method, args })
        })
      const send = (service: string, operation: string, input: unknown) => call('send', service, operation, input)
      const policy = (s: unknown) => JSON.stringify({ Version: '2012-10-17', Statement: [s] })
      const role = await send('iam', 'CreateRole', {
        RoleName: 'orders-role',
        AssumeRolePolicyDocument: policy({
          Effect: 'Allow',
          Principal: { Service: 'lambda.amazonaws.com' },
          Action: 'sts:AssumeRole',
        }),
      })
      await send('iam', 'PutRolePolicy', {
        RoleName: 'orders-role',
        PolicyName: 'write-and-read-orders',
        PolicyDocument: policy({
          Effect: 'Allow',
          Action: ['dynamodb:PutItem', 'dynamodb:GetItem'],
          Resource: 'arn:aws:dynamodb:us-east-1:123456789012:table/orders',
        }),
      })
      await send('dynamodb', 'CreateTable', {
        TableName: 'orders',
        KeySchema: [
          { AttributeName: 'customer', KeyType: 'HASH' },
          { AttributeName: 'orderId', KeyType: 'RANGE' },
        ],
        AttributeDefinitions: [
          { AttributeName: 'customer', AttributeType: 'S' },
          { AttributeName: 'orderId', AttributeType: 'N' },
        ],
        BillingMode: 'PAY_PER_REQUEST',
      })
      await call('createFunction', {
        FunctionName: 'place-order',
        Runtime: 'nodejs24.x',
        Handler: 'index.handler',
        Role: role.Role.Arn,
        Code: { Files: { 'index.mjs': handler } },
      })
      const t0 = performance.now()
      const out = await call('invoke', { FunctionName: 'place-order', Payload: '{"amount":42}', LogType: 'Tail' })
      const wallMs = performance.now() - t0
      const log = new TextDecoder().decode(Uint8Array.from(atob(out.LogResult), (c) => c.charCodeAt(0)))
      const warm: number[] = []
      for (let i = 0; i < 20; i++) {
        const t = performance.now()
        await call('invoke', { FunctionName: 'place-order', Payload: '{"amount":43}' })
        warm.push(performance.now() - t)
      }
      warm.sort((a, b) => a - b)
      worker.terminate()
      return {
        cold: { wallMs, report: log.split('\n').find((l) => l.startsWith('REPORT')) ?? '', payload: out.Payload },
        warmMs: warm[Math.floor(warm.length / 2)],
      }
    },
    { url: workerUrl, handler: ORDERS_HANDLER },
  )
}

test.describe('the AWS SDK in handlers (Chromium)', () => {
  test.describe.configure({ timeout: 180_000 })

  test('a handler imports client-dynamodb, writes and reads an item as its role allows; DeleteItem is AccessDeniedException', async ({
    page,
  }, testInfo) => {
    const requested: string[] = []
    page.context().on('request', (r) => requested.push(r.url()))
    await page.goto('./#/')
    await expect(page.locator('#main h1')).toBeVisible(SLOW)
    expect(requested.length).toBeGreaterThan(0)
    expect(requested.filter((u) => /client-dynamodb|lambda\.worker/.test(u))).toEqual([])
    const run = await runInWorker(page, `assets/${workerFile()}`)
    const payload = JSON.parse(run.cold.payload)
    expect(payload.amount).toBe('42')
    expect(payload.denied).toEqual({
      name: 'AccessDeniedException',
      status: 400,
      fault: 'client',
      message: deniedMessage('DeleteItem', 'orders-role', 'place-order'),
    })
    // The SDK's code reached the Worker only when the handler imported the client.
    expect(requested.some((u) => /client-dynamodb-[\w-]+\.js$/.test(u))).toBe(true)
    expect(run.cold.report).toMatch(/Init Duration: [\d.]+ ms/)
    const figure = `cold start importing @aws-sdk/client-dynamodb in Chromium: ${run.cold.wallMs.toFixed(1)} ms wall (target <= 250 ms); warm invoke (PutItem + GetItem + denied DeleteItem): ${run.warmMs.toFixed(1)} ms; ${run.cold.report.replace(/^REPORT RequestId: \S+\s*/, '').trim()}`
    console.log(figure)
    testInfo.annotations.push({ type: 'figure', description: figure })
  })
})
