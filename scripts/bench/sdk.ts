// The AWS SDK inside handlers: section (i) of `npm run bench` (`npm run bench -- sdk` alone).
//
//  (i) warm DynamoDB GetItem from a handler through the bundled @aws-sdk/client-dynamodb: the whole
//      invoke (START/END/REPORT, Tail) with the SDK's middleware, SigV4 signing and JSON codec in
//      QuickJS, the I/O channel, the account's signature check, gateway and DynamoDB — wall time per
//      invoke, beside an invoke of a trivial handler and the same GetItem from Node's SDK straight
//      to account.requestHandler, measured in this run. Target ≤ 2 ms.
//      Cold start of a function whose handler imports @aws-sdk/client-dynamodb at the top level
//      (new environment, Init with the SDK load, first invoke): wall time; target ≤ 100 ms in Node.
//      The bytes each package loads (its chunks included), raw and gzip.
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb'
import { ORDERS } from '../../src/aws/__tests__/account-helpers.ts'
import { attachLambda, createAccount, createNetwork } from '../../src/aws/index.ts'
import type { Lambda } from '../../src/lambda/index.ts'
import { SDK_MANIFEST } from '../../src/lambda/sdk/generated/manifest.ts'
import { SDK_PACKAGES } from '../../src/lambda/sdk/packages.ts'
import { fmtMs, load, measure, median } from './measure.ts'

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true'

const met = (ok: boolean) => (ok ? 'target met' : 'TARGET NOT MET')
const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`

const GET = `import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb'
const client = new DynamoDBClient({})
export const handler = async () => {
  const out = await client.send(new GetItemCommand({ TableName: 'orders', Key: { customer: { S: 'ana' }, orderId: { N: '3' } } }))
  return out.Item.amount.N
}`

async function setup(): Promise<{ lambda: Lambda; role: string; ddb: DynamoDBClient }> {
  const aws = await createAccount()
  await aws.send('dynamodb', 'CreateTable', ORDERS)
  for (let i = 0; i < 10; i++)
    await aws.send('dynamodb', 'PutItem', {
      TableName: 'orders',
      Item: { customer: { S: 'ana' }, orderId: { N: String(i) }, amount: { N: '19.99' }, note: { S: 'x'.repeat(200) } },
    })
  const trust = JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
  })
  const created = (await aws.send('iam', 'CreateRole', { RoleName: 'reader', AssumeRolePolicyDocument: trust })) as {
    Role: { Arn: string }
  }
  await aws.send('iam', 'PutRolePolicy', {
    RoleName: 'reader',
    PolicyName: 'read',
    PolicyDocument: JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 'dynamodb:GetItem', Resource: '*' }],
    }),
  })
  const { engine: lambda } = await attachLambda(aws, { network: createNetwork({ account: aws }) })
  const ddb = new DynamoDBClient({
    region: aws.region,
    credentials: {
      accessKeyId: aws.adminCredentials.AccessKeyId,
      secretAccessKey: aws.adminCredentials.SecretAccessKey,
    },
    requestHandler: aws.requestHandler as never,
    maxAttempts: 1,
  })
  return { lambda, role: created.Role.Arn, ddb }
}

let seq = 0
async function deploy(lambda: Lambda, role: string, source: string): Promise<string> {
  const FunctionName = `sdk-bench-${++seq}`
  await lambda.createFunction({
    FunctionName,
    Runtime: 'nodejs24.x',
    Handler: 'index.handler',
    Role: role,
    Code: { Files: { 'index.mjs': source } },
  })
  return FunctionName
}

async function invoke(lambda: Lambda, name: string): Promise<string> {
  const out = await lambda.invoke({ FunctionName: name, Payload: '{}', LogType: 'Tail' })
  if (out.FunctionError) throw new Error(`bench handler failed: ${out.Payload}`)
  return out.LogResult ?? ''
}

export async function benchSdk(): Promise<void> {
  const { lambda, role, ddb } = await setup()
  const get = await deploy(lambda, role, GET)
  const trivial = await deploy(lambda, role, 'export const handler = async () => 1')
  for (let i = 0; i < 200; i++) {
    await invoke(lambda, get)
    await invoke(lambda, trivial)
    await ddb.send(new GetItemCommand({ TableName: 'orders', Key: { customer: { S: 'ana' }, orderId: { N: '3' } } }))
  }
  const warm = await measure(100, 9, () => invoke(lambda, get))
  const bare = await measure(100, 9, () => invoke(lambda, trivial))
  const node = await measure(100, 9, () =>
    ddb.send(new GetItemCommand({ TableName: 'orders', Key: { customer: { S: 'ana' }, orderId: { N: '3' } } })),
  )
  console.log(`(k) the AWS SDK in handlers (load average ${load()})`)
  console.log(`    warm GetItem from a handler, whole invoke   ${fmtMs(warm)}   (target <= 2 ms: ${met(warm <= 2)})`)
  console.log(`    trivial handler, whole invoke               ${fmtMs(bare)}`)
  console.log(`    same GetItem, Node's SDK -> requestHandler  ${fmtMs(node)}   (the host side alone)`)

  const colds: number[] = []
  let init = ''
  for (let i = 0; i < 7; i++) {
    const name = await deploy(lambda, role, GET)
    const t0 = performance.now()
    const log = await invoke(lambda, name)
    colds.push(performance.now() - t0)
    init = /Init Duration: ([\d.]+ ms)/.exec(Buffer.from(log, 'base64').toString())?.[1] ?? '?'
  }
  const cold = median(colds)
  console.log(
    `    cold start importing client-dynamodb        ${fmtMs(cold)}   (target <= 100 ms: ${met(cold <= 100)}; Init Duration ${init} at 128 MB)`,
  )
  lambda.dispose()

  console.log('    bytes a handler loads per package (its shared chunks included), raw / gzip:')
  for (const pkg of SDK_PACKAGES) {
    let raw = 0
    let gz = 0
    for (const key of SDK_MANIFEST.packages[pkg].requires) {
      raw += SDK_MANIFEST.sizes[key][0]
      gz += SDK_MANIFEST.sizes[key][1]
    }
    console.log(`      ${pkg.padEnd(30)} ${kb(raw).padStart(7)} / ${kb(gz).padStart(6)}`)
  }
  let total = 0
  let totalGz = 0
  for (const [raw, gz] of Object.values(SDK_MANIFEST.sizes)) {
    total += raw
    totalGz += gz
  }
  console.log(`      all packages together          ${kb(total).padStart(7)} / ${kb(totalGz).padStart(6)}`)
}
