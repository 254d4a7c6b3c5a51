// npx tsx scripts/bench-aws.ts — the simulated account's speed, measured in one run on this machine.
// (The integrator can fold these sections into `npm run bench`.)
//
//  (a) warm DynamoDB GetItem through the real @aws-sdk/client-dynamodb in Node against
//      account.requestHandler — the full path: SDK middleware, SigV4 signing, JSON codec, signature
//      verification, gateway (validation, authorisation), service — median µs per call, with
//      same-run baselines: account.send('dynamodb', 'GetItem', …) (gateway + service, no wire), and
//      the same SDK call with signature verification off (what SigV4 verification costs).
//      The target, ≤ 2 ms from a handler, includes the sandbox crossing; this Node figure
//      is a lower bound for it.
//  (b) warm PutItem / UpdateItem / Query (10 items) through the SDK.
//  (c) hostile input: a 10,000-token expression, a 401 KB item, 1,500 nested parentheses —
//      how long AWS's error takes (they must be answered fast, in linear time).
import {
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb'
import { createAccount, type Account } from '../src/aws/index.ts'

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true'

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const us = (ms: number) => `${(ms * 1000).toFixed(1)} µs`

async function measure(n: number, batches: number, op: (i: number) => Promise<unknown>): Promise<number> {
  const per: number[] = []
  let k = 0
  for (let b = 0; b < batches; b++) {
    const t0 = performance.now()
    for (let i = 0; i < n; i++) await op(k++)
    per.push((performance.now() - t0) / n)
  }
  return median(per)
}

async function setup(verifySignatures: boolean): Promise<{ aws: Account; ddb: DynamoDBClient }> {
  const aws = await createAccount({ verifySignatures })
  await aws.send('dynamodb', 'CreateTable', {
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
  for (let i = 0; i < 10; i++)
    await aws.send('dynamodb', 'PutItem', {
      TableName: 'orders',
      Item: { customer: { S: 'ana' }, orderId: { N: String(i) }, amount: { N: '19.99' }, note: { S: 'x'.repeat(200) } },
    })
  const ddb = new DynamoDBClient({
    region: aws.region,
    credentials: {
      accessKeyId: aws.adminCredentials.AccessKeyId,
      secretAccessKey: aws.adminCredentials.SecretAccessKey,
    },
    requestHandler: aws.requestHandler as never,
    maxAttempts: 1,
  })
  return { aws, ddb }
}

const key = { customer: { S: 'ana' }, orderId: { N: '3' } }

async function main() {
  const { aws, ddb } = await setup(true)
  const { ddb: unverified } = await setup(false)
  const get = new GetItemCommand({ TableName: 'orders', Key: key })
  const sdkGet = () => ddb.send(get)
  const unverifiedGet = () => unverified.send(get)
  const sendGet = () => aws.send('dynamodb', 'GetItem', { TableName: 'orders', Key: key })
  for (let i = 0; i < 500; i++) {
    await sdkGet()
    await unverifiedGet()
    await sendGet()
  }
  // Interleave the three so machine noise hits them alike.
  const rounds = { sdk: [] as number[], unverified: [] as number[], send: [] as number[] }
  for (let r = 0; r < 5; r++) {
    rounds.sdk.push(await measure(300, 3, sdkGet))
    rounds.unverified.push(await measure(300, 3, unverifiedGet))
    rounds.send.push(await measure(1000, 3, sendGet))
  }
  const sdk = median(rounds.sdk)
  const unv = median(rounds.unverified)
  const send = median(rounds.send)
  // CPU time per call: less sensitive than wall time when the machine is shared.
  const cpu = async (n: number, op: () => Promise<unknown>) => {
    const c0 = process.cpuUsage()
    for (let i = 0; i < n; i++) await op()
    const c = process.cpuUsage(c0)
    return (c.user + c.system) / 1000 / n
  }
  const [cSdk, cUnv, cSend] = [await cpu(1000, sdkGet), await cpu(1000, unverifiedGet), await cpu(3000, sendGet)]
  const load = (await import('node:os')).loadavg()[0]
  console.log(`(a) warm DynamoDB GetItem (median wall time; CPU time per call; load average ${load.toFixed(1)})`)
  console.log(
    `    real SDK → requestHandler (full path)      ${us(sdk)}  cpu ${us(cSdk)}   target ≤ 2000 µs from a handler`,
  )
  console.log(
    `    same, signature verification off           ${us(unv)}  cpu ${us(cUnv)}   (SigV4 verification ≈ ${us(cSdk - cUnv)} cpu)`,
  )
  console.log(
    `    account.send (gateway + service, no wire)  ${us(send)}  cpu ${us(cSend)}   (SDK + wire ≈ ${(cSdk / cSend).toFixed(1)}x the cpu)`,
  )

  const put = (i: number) =>
    ddb.send(
      new PutItemCommand({
        TableName: 'orders',
        Item: { customer: { S: 'bo' }, orderId: { N: String(i % 50) }, v: { N: String(i) } },
      }),
    )
  const update = () =>
    ddb.send(
      new UpdateItemCommand({
        TableName: 'orders',
        Key: key,
        UpdateExpression: 'SET amount = amount + :d ADD hits :one',
        ExpressionAttributeValues: { ':d': { N: '0.01' }, ':one': { N: '1' } },
      }),
    )
  const query = () =>
    ddb.send(
      new QueryCommand({
        TableName: 'orders',
        KeyConditionExpression: 'customer = :c',
        ExpressionAttributeValues: { ':c': { S: 'ana' } },
      }),
    )
  for (let i = 0; i < 200; i++) {
    await put(i)
    await update()
    await query()
  }
  console.log('(b) other warm calls through the SDK')
  console.log(`    PutItem                                    ${us(await measure(300, 5, put))}`)
  console.log(`    UpdateItem (SET + ADD expression)          ${us(await measure(300, 5, update))}`)
  console.log(`    Query (10 items of ~230 B)                 ${us(await measure(300, 5, query))}`)

  console.log('(c) hostile input, answered with AWS’s error')
  const hostile = async (label: string, input: object, op = 'PutItem') => {
    const times: number[] = []
    let message = ''
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now()
      try {
        await aws.send('dynamodb', op, input)
      } catch (e) {
        message = (e as Error).message.slice(0, 70)
      }
      times.push(performance.now() - t0)
    }
    console.log(`    ${label.padEnd(42)} ${median(times).toFixed(2)} ms  → ${message}`)
  }
  const tokens = Array.from({ length: 2500 }, (_, i) => `a${i} = :v`).join(' AND ')
  await hostile('10,000-token ConditionExpression', {
    TableName: 'orders',
    Item: { customer: { S: 'x' }, orderId: { N: '1' } },
    ConditionExpression: tokens,
    ExpressionAttributeValues: { ':v': { N: '1' } },
  })
  await hostile('401 KB item', {
    TableName: 'orders',
    Item: { customer: { S: 'x' }, orderId: { N: '1' }, d: { S: 'x'.repeat(401 * 1024) } },
  })
  await hostile('1,500 nested parentheses (within 4 KB)', {
    TableName: 'orders',
    Item: { customer: { S: 'x' }, orderId: { N: '1' } },
    ConditionExpression: '('.repeat(1500) + 'a = :v' + ')'.repeat(1500),
    ExpressionAttributeValues: { ':v': { N: '1' } },
  })
  let deep: unknown = { S: 'x' }
  for (let i = 0; i < 10_000; i++) deep = { L: [deep] }
  await hostile('item nested 10,000 levels', {
    TableName: 'orders',
    Item: { customer: { S: 'x' }, orderId: { N: '1' }, d: deep },
  })
}

await main()
