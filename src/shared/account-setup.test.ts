// The account setup a lab declares, applied through a real simulated account (src/aws) with the
// Lambda engine attached: resources and role once, files turned into IAM and Lambda calls, and
// every refusal answered with AWS's own name and message, naming the file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createLabEngine, type NodeLabEngine } from '../../scripts/lab-engine.ts'
import {
  accountContext,
  applyAccountFiles,
  functionPermissionFile,
  prepareAccount,
  rolePolicyFile,
  type AccountSend,
  type AccountSetup,
} from './account-setup.ts'

let engine: NodeLabEngine
let send: AccountSend
beforeAll(async () => {
  engine = await createLabEngine({ warmUp: false })
  send = (service, operation, input = {}) => engine.send(service, operation, input)
})
afterAll(() => engine.dispose())

const SETUP: AccountSetup = {
  resources: [
    {
      service: 'dynamodb',
      operation: 'CreateTable',
      input: {
        TableName: 'Orders',
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        BillingMode: 'PAY_PER_REQUEST',
      },
      ignore: ['ResourceInUseException'],
    },
    { service: 's3', operation: 'CreateBucket', input: { Bucket: 'uploads' }, ignore: ['BucketAlreadyOwnedByYou'] },
  ],
  role: { name: 'orders-role', managedPolicies: ['arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole'] },
  files: { 'policy.json': rolePolicyFile('inline'), 'permission.json': functionPermissionFile() },
}

const POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Action: 'dynamodb:PutItem', Resource: 'arn:aws:dynamodb:us-east-1:123456789012:table/Orders' },
  ],
})

async function deployed(name: string) {
  const prepared = await prepareAccount(send, SETUP)
  if (!prepared.ok) throw new Error(prepared.message)
  const fn = (await send('lambda', 'CreateFunction', {
    FunctionName: name,
    Runtime: 'nodejs22.x',
    Handler: 'index.handler',
    Role: prepared.roleArn,
    Code: { Files: { 'index.mjs': 'export const handler = async () => 1' } },
  })) as { FunctionArn: string }
  return accountContext(fn.FunctionArn, { name: 'orders-role', arn: prepared.roleArn })!
}

describe('prepareAccount', () => {
  it('creates the resources and a role Lambda trusts, with its managed policies; again, it changes nothing', async () => {
    const first = await prepareAccount(send, SETUP)
    expect(first).toEqual({ ok: true, roleArn: 'arn:aws:iam::123456789012:role/orders-role' })
    expect(await prepareAccount(send, SETUP)).toEqual(first)
    expect(((await send('dynamodb', 'ListTables')) as { TableNames: string[] }).TableNames).toContain('Orders')
    const attached = (await send('iam', 'ListAttachedRolePolicies', { RoleName: 'orders-role' })) as {
      AttachedPolicies: { PolicyName: string }[]
    }
    expect(attached.AttachedPolicies.map((p) => p.PolicyName)).toEqual(['AWSLambdaBasicExecutionRole'])
  })

  it('a resource AWS refuses gives its error, not a crash', async () => {
    const out = await prepareAccount(send, {
      resources: [{ service: 's3', operation: 'CreateBucket', input: { Bucket: 'A' } }],
    })
    expect(out.ok).toBe(false)
    if (!out.ok) {
      expect(out.errorName).toBe('InvalidBucketName')
      expect(out.message).toMatch(/^The account could not be set up for this function: InvalidBucketName: /)
    }
  })
})

describe('applyAccountFiles', () => {
  it("puts the role's inline policy, and deletes it when the file is emptied", async () => {
    const ctx = await deployed('writer')
    expect(ctx).toMatchObject({ accountId: '123456789012', region: 'us-east-1', roleName: 'orders-role' })
    expect(await applyAccountFiles(send, SETUP, { 'policy.json': POLICY }, ctx)).toEqual({ ok: true })
    const got = (await send('iam', 'GetRolePolicy', { RoleName: 'orders-role', PolicyName: 'inline' })) as {
      PolicyDocument: string
    }
    expect(decodeURIComponent(got.PolicyDocument)).toContain('dynamodb:PutItem')
    expect(await applyAccountFiles(send, SETUP, { 'policy.json': '  ' }, ctx)).toEqual({ ok: true })
    const listed = (await send('iam', 'ListRolePolicies', { RoleName: 'orders-role' })) as { PolicyNames: string[] }
    expect(listed.PolicyNames).toEqual([])
  })

  it("a policy IAM refuses, or text that is not JSON, gets IAM's MalformedPolicyDocument, naming the file", async () => {
    const ctx = await deployed('malformed')
    const bad = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'dynamodb:PutItem' }] })
    const out = await applyAccountFiles(send, SETUP, { 'policy.json': bad }, ctx)
    expect(out).toMatchObject({ ok: false, file: 'policy.json', errorName: 'MalformedPolicyDocument' })
    if (!out.ok)
      expect(out.message).toMatch(
        /^policy\.json \(the execution role's inline policy "inline"\): MalformedPolicyDocument: /,
      )
    const notJson = await applyAccountFiles(send, SETUP, { 'policy.json': '{ "Version": ' }, ctx)
    expect(notJson).toMatchObject({ ok: false, errorName: 'MalformedPolicyDocument' })
  })

  it('a permission file becomes RemovePermission + AddPermission on this function, so an edit replaces it', async () => {
    const ctx = await deployed('on-upload')
    const permission = (extra: object) =>
      JSON.stringify({
        StatementId: 's3',
        Action: 'lambda:InvokeFunction',
        Principal: 's3.amazonaws.com',
        FunctionName: 'elsewhere',
        ...extra,
      })
    expect(await applyAccountFiles(send, SETUP, { 'permission.json': permission({}) }, ctx)).toEqual({ ok: true })
    const full = { SourceArn: 'arn:aws:s3:::uploads', SourceAccount: '123456789012' }
    expect(await applyAccountFiles(send, SETUP, { 'permission.json': permission(full) }, ctx)).toEqual({ ok: true })
    const policy = (await send('lambda', 'GetPolicy', { FunctionName: 'on-upload' })) as { Policy: string }
    const statements = (JSON.parse(policy.Policy) as { Statement: { Sid: string; Condition?: object }[] }).Statement
    expect(statements).toHaveLength(1)
    expect(statements[0].Condition).toEqual({
      StringEquals: { 'AWS:SourceAccount': '123456789012' },
      ArnLike: { 'AWS:SourceArn': 'arn:aws:s3:::uploads' },
    })
  })

  it("invalid input gets the CLI's or Lambda's message, naming the file", async () => {
    const ctx = await deployed('bad-permission')
    let out = await applyAccountFiles(send, SETUP, { 'permission.json': '{ "StatementId": ' }, ctx)
    expect(out).toMatchObject({ ok: false, file: 'permission.json', errorName: 'InvalidAccountFile' })
    if (!out.ok)
      expect(out.message).toMatch(/^permission\.json: Error parsing parameter 'cli-input-json': Invalid JSON: /)
    out = await applyAccountFiles(send, SETUP, { 'permission.json': '{ "Action": "lambda:InvokeFunction" }' }, ctx)
    if (!out.ok) expect(out.message).toMatch(/--statement-id/)
    else throw new Error('expected a refusal')
    out = await applyAccountFiles(
      send,
      SETUP,
      {
        'permission.json': JSON.stringify({
          StatementId: 'x',
          Action: 'lambda:InvokeFunction',
          Principal: 'not a principal',
        }),
      },
      ctx,
    )
    expect(out).toMatchObject({ ok: false, errorName: 'InvalidParameterValueException' })
  })

  it('a role policy file without a role says so', async () => {
    const ctx = accountContext('arn:aws:lambda:us-east-1:123456789012:function:x')!
    const out = await applyAccountFiles(send, SETUP, { 'policy.json': POLICY }, ctx)
    expect(out).toMatchObject({ ok: false, errorName: 'InvalidAccountFile' })
  })
})
