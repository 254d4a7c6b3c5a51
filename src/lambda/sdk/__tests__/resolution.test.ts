// The AWS SDK as the Node.js runtime provides it: `import` and `require` find the bundled packages
// (unless the function ships its own copy), their package.json says 3.1178.0, a client the
// runtime does not have fails as Node does, and loading the SDK is Init work (Init Duration).
import { describe, expect, it } from 'vitest'
import { call, deploy, newLambda } from '../../__tests__/helpers.ts'

function initDuration(log: string[]): number {
  const report = log.find((l) => l.startsWith('REPORT'))
  const m = /Init Duration: ([\d.]+) ms/.exec(report ?? '')
  if (!m) throw new Error(`no Init Duration in ${report}`)
  return Number(m[1])
}

describe('the provided AWS SDK', () => {
  it('ES module import: named exports, the namespace and package.json', async () => {
    const lambda = await newLambda()
    const name = await deploy(
      lambda,
      `import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb'
import * as lib from '@aws-sdk/lib-dynamodb'
import sdk from '@aws-sdk/client-dynamodb'
import pj from '@aws-sdk/client-dynamodb/package.json' with { type: 'json' }
export const handler = async () => {
  const client = new DynamoDBClient({})
  return {
    client: typeof DynamoDBClient,
    command: new GetItemCommand({ TableName: 't', Key: {} }).constructor.name,
    same: sdk.DynamoDBClient === DynamoDBClient,
    doc: typeof lib.DynamoDBDocumentClient,
    region: await client.config.region(),
    version: pj.version,
    name: pj.name,
  }
}`,
    )
    const r = await call(lambda, name)
    expect(r.json).toEqual({
      client: 'function',
      command: 'GetItemCommand',
      same: true,
      doc: 'function',
      region: 'us-east-1',
      version: '3.1178.0',
      name: '@aws-sdk/client-dynamodb',
    })
  })

  it('CommonJS require, require.resolve and the package.json', async () => {
    const lambda = await newLambda()
    const name = await deploy(lambda, {
      'index.js': `const { S3Client } = require('@aws-sdk/client-s3')
const again = require('@aws-sdk/client-s3')
exports.handler = async () => ({
  client: typeof S3Client,
  cached: again.S3Client === S3Client,
  path: require.resolve('@aws-sdk/client-s3'),
  version: require('@aws-sdk/client-s3/package.json').version,
})`,
    })
    const r = await call(lambda, name)
    expect(r.json).toEqual({
      client: 'function',
      cached: true,
      path: '/var/runtime/node_modules/@aws-sdk/client-s3/dist-cjs/index.js',
      version: '3.1178.0',
    })
  })

  it("a function's own node_modules/@aws-sdk wins over the runtime's", async () => {
    const lambda = await newLambda()
    const files = {
      'node_modules/@aws-sdk/client-sqs/package.json':
        '{"name":"@aws-sdk/client-sqs","version":"3.0.0","main":"index.js"}',
      'node_modules/@aws-sdk/client-sqs/index.js': 'exports.SQSClient = "mine"',
    }
    const cjs = await deploy(lambda, {
      ...files,
      'index.js': `exports.handler = async () => require('@aws-sdk/client-sqs').SQSClient`,
    })
    expect((await call(lambda, cjs)).json).toBe('mine')
    const esm = await deploy(lambda, {
      ...files,
      'index.mjs': `import { SQSClient } from '@aws-sdk/client-sqs'\nexport const handler = async () => SQSClient`,
    })
    expect((await call(lambda, esm)).json).toBe('mine')
  })

  it('a package the runtime does not provide fails as in Node', async () => {
    const lambda = await newLambda()
    const esm = await deploy(
      lambda,
      `import { KinesisClient } from '@aws-sdk/client-kinesis'\nexport const handler = async () => 1`,
    )
    const r = await call(lambda, esm)
    expect(r.json.errorType).toBe('Runtime.ImportModuleError')
    expect(r.json.errorMessage).toBe(
      "Error: Cannot find package '@aws-sdk/client-kinesis' imported from /var/task/index.mjs",
    )
    const cjs = await deploy(lambda, {
      'index.js': `exports.handler = async () => { try { require('@aws-sdk/client-kinesis') } catch (e) { return [e.code, e.message.split('\\n')[0]] } }`,
    })
    expect((await call(lambda, cjs)).json).toEqual(['MODULE_NOT_FOUND', "Cannot find module '@aws-sdk/client-kinesis'"])
  })

  it('loading a client happens during Init and counts in Init Duration', async () => {
    const lambda = await newLambda()
    const plain = await deploy(lambda, `export const handler = async () => 1`)
    const sdk = await deploy(
      lambda,
      `import { DynamoDBClient } from '@aws-sdk/client-dynamodb'\nexport const handler = async () => typeof DynamoDBClient`,
    )
    const a = await call(lambda, plain)
    const b = await call(lambda, sdk)
    expect(b.json).toBe('function')
    // Compiling and evaluating ~300 KB of SDK code is tens of ms of CPU, scaled to 128 MB's vCPU share.
    expect(initDuration(b.log) - initDuration(a.log)).toBeGreaterThan(20)
    // The next invoke is warm: no Init, the client is already loaded.
    expect((await call(lambda, sdk)).log.find((l) => l.startsWith('REPORT'))).not.toMatch(/Init Duration/)
  })
})
