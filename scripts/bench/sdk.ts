// The AWS SDK inside handlers: section (i) of `npm run bench` (`npm run bench -- sdk` alone).
//
//  (i) warm DynamoDB GetItem from a handler through the bundled @aws-sdk/client-dynamodb: the whole
//      invoke (START/END/REPORT, Tail) with the SDK's middleware, SigV4 signing and JSON codec in
//      QuickJS, the I/O channel, the account's signature check, gateway and DynamoDB — wall time per
//      invoke, beside an invoke of a trivial handler and the same GetItem from Node's SDK straight
//      to account.requestHandler, measured in this run. Target ≤ 2 ms.
//      Cold start of a function whose handler imports @aws-sdk/client-dynamodb at the top level
//      (new environment, Init with the SDK load, first invoke): wall time; target ≤ 100 ms in Node.
//      Where the time goes (profile, same run): the SDK alone in QuickJS (a stub request handler
//      inside the sandbox, no I/O), the same without SigV4 signing, the account's side of each
//      request (the network's time: signature check, gateway, IAM, DynamoDB), and for the cold
//      start: a trivial cold start, and parsing + compiling the package's scripts in a fresh
//      QuickJS context without running them (quickjs-emscripten 0.32 exposes no bytecode cache:
//      its binary-JSON write takes no functions).
//      The bytes each package loads (its chunks included), raw and gzip.
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb'
import { ORDERS } from '../../src/aws/__tests__/account-helpers.ts'
import { attachLambda, createAccount, createNetwork } from '../../src/aws/index.ts'
import type { HostNetwork, Lambda } from '../../src/lambda/index.ts'
import { SDK_MANIFEST } from '../../src/lambda/sdk/generated/manifest.ts'
import { loadSdkSources } from '../../src/lambda/sdk/sources.ts'
import { loadNodeQuickJS } from '../../src/lambda/sandbox/quickjs.ts'
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

/** The same handler with a request handler inside the sandbox (no I/O): the SDK's own work in QuickJS. */
const stubbed = (signing: boolean) => `import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb'
const body = new TextEncoder().encode('{"Item":{"amount":{"N":"19.99"}}}')
const headers = { 'content-type': 'application/x-amz-json-1.0' }
const client = new DynamoDBClient({ requestHandler: { handle: async () => ({ response: { statusCode: 200, headers, body } }) } })
${signing ? '' : "client.middlewareStack.remove('httpSigningMiddleware')"}
export const handler = async () => (await client.send(new GetItemCommand({ TableName: 'orders', Key: { customer: { S: 'ana' }, orderId: { N: '3' } } }))).Item.amount.N`

/** The account's network, timing each request it answers (the host side of a handler's call). */
function timedNetwork(inner: HostNetwork): HostNetwork & { reset(): void; perRequest(): number } {
  let ms = 0
  let n = 0
  const done = (t0: number) => {
    ms += performance.now() - t0
    n++
  }
  return {
    request(kind, request, caller) {
      const t0 = performance.now()
      const out = inner.request(kind, request, caller)
      if (out instanceof Promise) return out.finally(() => done(t0))
      done(t0)
      return out
    },
    reset() {
      ms = 0
      n = 0
    },
    perRequest: () => (n ? ms / n : NaN),
  }
}

async function setup(): Promise<{
  lambda: Lambda
  role: string
  ddb: DynamoDBClient
  network: ReturnType<typeof timedNetwork>
}> {
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
  const network = timedNetwork(createNetwork({ account: aws }))
  const { engine: lambda } = await attachLambda(aws, { network })
  const ddb = new DynamoDBClient({
    region: aws.region,
    credentials: {
      accessKeyId: aws.adminCredentials.AccessKeyId,
      secretAccessKey: aws.adminCredentials.SecretAccessKey,
    },
    requestHandler: aws.requestHandler as never,
    maxAttempts: 1,
  })
  return { lambda, role: created.Role.Arn, ddb, network }
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
  const { lambda, role, ddb, network } = await setup()
  const get = await deploy(lambda, role, GET)
  const trivial = await deploy(lambda, role, 'export const handler = async () => 1')
  const stub = await deploy(lambda, role, stubbed(true))
  const stubNoSign = await deploy(lambda, role, stubbed(false))
  for (let i = 0; i < 200; i++) {
    await invoke(lambda, get)
    await invoke(lambda, trivial)
    await invoke(lambda, stub)
    await invoke(lambda, stubNoSign)
    await ddb.send(new GetItemCommand({ TableName: 'orders', Key: { customer: { S: 'ana' }, orderId: { N: '3' } } }))
  }
  network.reset()
  const warm = await measure(100, 9, () => invoke(lambda, get))
  const hostSide = network.perRequest()
  const sdkAlone = await measure(100, 9, () => invoke(lambda, stub))
  const sdkNoSign = await measure(100, 9, () => invoke(lambda, stubNoSign))
  const bare = await measure(100, 9, () => invoke(lambda, trivial))
  const node = await measure(100, 9, () =>
    ddb.send(new GetItemCommand({ TableName: 'orders', Key: { customer: { S: 'ana' }, orderId: { N: '3' } } })),
  )
  console.log(`(k) the AWS SDK in handlers (load average ${load()})`)
  console.log(`    warm GetItem from a handler, whole invoke   ${fmtMs(warm)}   (target <= 2 ms: ${met(warm <= 2)})`)
  console.log(`    trivial handler, whole invoke               ${fmtMs(bare)}`)
  console.log(`    same GetItem, Node's SDK -> requestHandler  ${fmtMs(node)}   (the host side alone)`)
  console.log('    where the warm GetItem goes (same run):')
  console.log(`      the SDK in QuickJS, no I/O (stub handler)  ${fmtMs(sdkAlone)}   (whole invoke)`)
  console.log(
    `      the same without SigV4 signing           ${fmtMs(sdkNoSign)}   (signing ${fmtMs(sdkAlone - sdkNoSign)})`,
  )
  console.log(
    `      the account's side of the request         ${fmtMs(hostSide)}   (signature check, gateway, IAM, DynamoDB)`,
  )
  console.log(
    `      the rest: I/O channel and engine          ${fmtMs(warm - sdkAlone - hostSide)}   (bodies, step results, delivery)`,
  )

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
  const trivialColds: number[] = []
  for (let i = 0; i < 7; i++) {
    const name = await deploy(lambda, role, 'export const handler = async () => 1')
    const t0 = performance.now()
    await invoke(lambda, name)
    trivialColds.push(performance.now() - t0)
  }
  console.log(`      a trivial handler's cold start           ${fmtMs(median(trivialColds))}`)
  console.log(
    `      parse + compile client-dynamodb's scripts ${fmtMs(await compileOnly())}   (fresh QuickJS context, not run)`,
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

/** Median ms to parse and compile (not run) client-dynamodb's factory scripts in a fresh QuickJS context. */
async function compileOnly(): Promise<number> {
  const sources = await loadSdkSources(['@aws-sdk/client-dynamodb'])
  const qjs = await loadNodeQuickJS()
  const times: number[] = []
  for (let i = 0; i < 7; i++) {
    const ctx = qjs.newContext()
    const t0 = performance.now()
    for (const [key, source] of sources) {
      const r = ctx.evalCode(source, key)
      if (r.error) throw new Error(`${key} did not compile: ${JSON.stringify(ctx.dump(r.error))}`)
      r.value.dispose()
    }
    times.push(performance.now() - t0)
    ctx.dispose()
  }
  return median(times)
}
