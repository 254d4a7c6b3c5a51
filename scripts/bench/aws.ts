// The simulated account's section of `npm run bench` (`npm run bench -- aws` alone), measured in the
// same run as its baselines:
//
//  (d) warm DynamoDB GetItem through the real @aws-sdk/client-dynamodb in Node against
//      account.requestHandler — the full path: SDK middleware, SigV4 signing, JSON codec, signature
//      verification, gateway (validation, IAM authorisation), service — median µs per call and CPU
//      per call, with same-run baselines: account.send('dynamodb', 'GetItem', …) (gateway + service,
//      no wire), and the same SDK call with signature verification off (what SigV4 verification
//      costs). The target, ≤ 2 ms from a handler, includes the sandbox crossing; this Node
//      figure is a lower bound for it.
//  (e) warm PutItem / UpdateItem / Query (10 items) through the SDK, beside (d)'s GetItem.
//  (f) hostile input: a 10,000-token expression, a 401 KB item, 1,500 nested parentheses, an item
//      nested 10,000 levels — how long AWS's error takes, beside a valid PutItem through send (they
//      must be answered fast, in linear time).
import {
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb'
import { ORDERS } from '../../src/aws/__tests__/account-helpers.ts'
import { createAccount, type Account } from '../../src/aws/index.ts'
import { cpuPerCall, load, measure, median, us } from './measure.ts'

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true'

async function setup(verifySignatures: boolean): Promise<{ aws: Account; ddb: DynamoDBClient }> {
  const aws = await createAccount({ verifySignatures })
  await aws.send('dynamodb', 'CreateTable', ORDERS)
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

export async function benchAccount(): Promise<void> {
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
  const [cSdk, cUnv, cSend] = [
    await cpuPerCall(1000, sdkGet),
    await cpuPerCall(1000, unverifiedGet),
    await cpuPerCall(3000, sendGet),
  ]
  console.log(`(d) warm DynamoDB GetItem (median wall time; CPU time per call; load average ${load()})`)
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
  console.log('(e) other warm calls through the SDK (baseline: GetItem above)')
  console.log(`    PutItem                                    ${us(await measure(300, 5, put))}`)
  console.log(`    UpdateItem (SET + ADD expression)          ${us(await measure(300, 5, update))}`)
  console.log(`    Query (10 items of ~230 B)                 ${us(await measure(300, 5, query))}`)

  console.log('(f) hostile input, answered with AWS’s error')
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
  const valid = (i: number) =>
    aws.send('dynamodb', 'PutItem', { TableName: 'orders', Item: { customer: { S: 'x' }, orderId: { N: String(i) } } })
  console.log(`    baseline: a valid PutItem through send     ${(await measure(200, 5, valid)).toFixed(2)} ms`)
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
