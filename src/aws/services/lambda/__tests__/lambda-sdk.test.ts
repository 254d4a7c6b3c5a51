// The real @aws-sdk/client-lambda against the account's `lambda` service through requestHandler
// (restJson1): functions from a real zip, Invoke with its headers, roles, IAM on every call.
import {
  CreateFunctionCommand,
  DeleteFunctionCommand,
  GetFunctionCommand,
  GetFunctionConfigurationCommand,
  InvokeCommand,
  ListFunctionsCommand,
  UpdateFunctionCodeCommand,
  UpdateFunctionConfigurationCommand,
} from '@aws-sdk/client-lambda'
import { describe, expect, it } from 'vitest'
import { rejection, roleSession } from '../../../__tests__/account-helpers.ts'
import { HELLO, LOGS_ALLOWED, lambdaAccount, lambdaClient, lambdaRole, zip } from './helpers.ts'

const json = (bytes: Uint8Array | undefined) => JSON.parse(new TextDecoder().decode(bytes))

describe('@aws-sdk/client-lambda', () => {
  it('creates a function from a zip and invokes it: payload, Tail, executed version', async () => {
    const { aws } = await lambdaAccount()
    const c = lambdaClient(aws)
    const Role = await lambdaRole(aws, 'hello-role', LOGS_ALLOWED)
    const created = await c.send(
      new CreateFunctionCommand({
        FunctionName: 'hello',
        Runtime: 'nodejs24.x',
        Handler: 'index.handler',
        Role,
        Code: { ZipFile: zip(HELLO) },
      }),
    )
    expect(created.$metadata.httpStatusCode).toBe(201)
    expect(created.FunctionArn).toBe('arn:aws:lambda:us-east-1:123456789012:function:hello')
    expect(created.Role).toBe(Role)
    const out = await c.send(
      new InvokeCommand({
        FunctionName: 'hello',
        Payload: new TextEncoder().encode('{"name":"Ada"}'),
        LogType: 'Tail',
      }),
    )
    expect(out.StatusCode).toBe(200)
    expect(out.FunctionError).toBeUndefined()
    expect(out.ExecutedVersion).toBe('$LATEST')
    expect(json(out.Payload).greeting).toBe('hi Ada')
    const tail = Buffer.from(out.LogResult!, 'base64').toString()
    expect(tail).toMatch(/^START RequestId: /m)
    expect(tail).toContain('hello Ada')
    expect(tail).toMatch(/^REPORT RequestId: /m)
  })

  it('a handler error is X-Amz-Function-Error: Unhandled with the error payload', async () => {
    const { aws } = await lambdaAccount()
    const c = lambdaClient(aws)
    const Role = await lambdaRole(aws, 'r')
    await c.send(
      new CreateFunctionCommand({
        FunctionName: 'boom',
        Runtime: 'nodejs24.x',
        Handler: 'index.handler',
        Role,
        Code: { ZipFile: zip({ 'index.mjs': 'export const handler = async () => { throw new TypeError("nope") }' }) },
      }),
    )
    const out = await c.send(new InvokeCommand({ FunctionName: 'boom' }))
    expect(out.StatusCode).toBe(200)
    expect(out.FunctionError).toBe('Unhandled')
    expect(json(out.Payload)).toMatchObject({ errorType: 'TypeError', errorMessage: 'nope' })
    const event = await c.send(new InvokeCommand({ FunctionName: 'boom', InvocationType: 'Event' }))
    expect(event.StatusCode).toBe(202)
    const dry = await c.send(new InvokeCommand({ FunctionName: 'boom', InvocationType: 'DryRun' }))
    expect(dry.StatusCode).toBe(204)
    // A payload over the 6 MB synchronous limit: the engine's RequestTooLargeException, through the wire.
    const big = new TextEncoder().encode(JSON.stringify({ x: 'y'.repeat(6_300_000) }))
    const tooBig = await rejection(c.send(new InvokeCommand({ FunctionName: 'boom', Payload: big })))
    expect(tooBig.name).toBe('RequestTooLargeException')
    expect(tooBig.$metadata.httpStatusCode).toBe(413)
  })

  it('Role must exist and trust lambda.amazonaws.com; a malformed ARN is a ValidationException', async () => {
    const { aws } = await lambdaAccount()
    const c = lambdaClient(aws)
    await aws.send('iam', 'CreateRole', {
      RoleName: 'ec2-role',
      AssumeRolePolicyDocument: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
      }),
    })
    const base = {
      FunctionName: 'f',
      Runtime: 'nodejs24.x' as const,
      Handler: 'index.handler',
      Code: { ZipFile: zip(HELLO) },
    }
    for (const Role of ['arn:aws:iam::123456789012:role/ec2-role', 'arn:aws:iam::123456789012:role/missing']) {
      const e = await rejection(c.send(new CreateFunctionCommand({ ...base, Role })))
      expect(e.name).toBe('InvalidParameterValueException')
      expect(e.message).toBe('The role defined for the function cannot be assumed by Lambda.')
      expect(e.$metadata.httpStatusCode).toBe(400)
    }
    const bad = await rejection(c.send(new CreateFunctionCommand({ ...base, Role: 'not-an-arn' })))
    expect(bad.name).toBe('ValidationException')
    expect(bad.message).toContain("Value 'not-an-arn' at 'role' failed to satisfy constraint")
  })

  it('a function that names no role gets the console default role (service-role, basic execution)', async () => {
    const { aws } = await lambdaAccount()
    const out = await aws.send<{ Role: string }>('lambda', 'CreateFunction', {
      FunctionName: 'orders',
      Runtime: 'nodejs24.x',
      Handler: 'index.handler',
      Code: { Files: HELLO },
    })
    expect(out.Role).toMatch(/^arn:aws:iam::123456789012:role\/service-role\/orders-role-[a-z0-9]{8}$/)
    const roleName = out.Role.split('/').pop()!
    const attached = await aws.send<{ AttachedPolicies: { PolicyName: string }[] }>('iam', 'ListAttachedRolePolicies', {
      RoleName: roleName,
    })
    expect(attached.AttachedPolicies.map((p) => p.PolicyName)).toEqual(['AWSLambdaBasicExecutionRole'])
    // A second CreateFunction of the same name creates no second role.
    const again = await rejection(
      aws.send('lambda', 'CreateFunction', {
        FunctionName: 'orders',
        Runtime: 'nodejs24.x',
        Handler: 'index.handler',
        Code: { Files: HELLO },
      }),
    )
    expect(again.name).toBe('ResourceConflictException')
    const roles = await aws.send<{ Roles: unknown[] }>('iam', 'ListRoles', {})
    expect(roles.Roles).toHaveLength(1)
    // Re-created after a delete (the playground does so after a Worker restart): the same role.
    await aws.send('lambda', 'DeleteFunction', { FunctionName: 'orders' })
    const again2 = await aws.send<{ Role: string }>('lambda', 'CreateFunction', {
      FunctionName: 'orders',
      Runtime: 'nodejs24.x',
      Handler: 'index.handler',
      Code: { Files: HELLO },
    })
    expect(again2.Role).toBe(out.Role)
  })

  it('get, list, update code and configuration, delete', async () => {
    const { aws } = await lambdaAccount()
    const c = lambdaClient(aws)
    const Role = await lambdaRole(aws, 'r')
    await c.send(
      new CreateFunctionCommand({
        FunctionName: 'f',
        Runtime: 'nodejs24.x',
        Handler: 'index.handler',
        Role,
        Code: { ZipFile: zip(HELLO) },
      }),
    )
    const got = await c.send(new GetFunctionCommand({ FunctionName: 'f' }))
    expect(got.Configuration?.Handler).toBe('index.handler')
    expect(got.Code?.RepositoryType).toBe('S3')
    expect(got.Code?.Location).toMatch(/^https:\/\/awslambda-us-east-1-tasks\.s3\.us-east-1\.amazonaws\.com\//)
    const conf = await c.send(
      new GetFunctionConfigurationCommand({ FunctionName: 'arn:aws:lambda:us-east-1:123456789012:function:f' }),
    )
    expect(conf.Timeout).toBe(3)
    const updated = await c.send(
      new UpdateFunctionConfigurationCommand({
        FunctionName: 'f',
        Timeout: 10,
        Environment: { Variables: { AB: '1' } },
      }),
    )
    expect(updated.Timeout).toBe(10)
    expect(updated.Environment?.Variables).toEqual({ AB: '1' })
    await c.send(
      new UpdateFunctionCodeCommand({
        FunctionName: 'f',
        ZipFile: zip({ 'index.mjs': 'export const handler = async () => process.env.AB' }),
      }),
    )
    expect(json((await c.send(new InvokeCommand({ FunctionName: 'f' }))).Payload)).toBe('1')
    const list = await c.send(new ListFunctionsCommand({}))
    expect(list.Functions?.map((f) => f.FunctionName)).toEqual(['f'])
    const deleted = await c.send(new DeleteFunctionCommand({ FunctionName: 'f' }))
    expect(deleted.StatusCode).toBe(204)
    const gone = await rejection(c.send(new GetFunctionCommand({ FunctionName: 'f' })))
    expect(gone.name).toBe('ResourceNotFoundException')
    expect(gone.message).toBe('Function not found: arn:aws:lambda:us-east-1:123456789012:function:f')
    expect(gone.$metadata.httpStatusCode).toBe(404)
  })

  it('a zip that is not a zip, and a zip bomb, get Lambda’s InvalidParameterValueException', async () => {
    const { aws } = await lambdaAccount()
    const c = lambdaClient(aws)
    const Role = await lambdaRole(aws, 'r')
    const base = { FunctionName: 'f', Runtime: 'nodejs24.x' as const, Handler: 'index.handler', Role }
    const e = await rejection(
      c.send(new CreateFunctionCommand({ ...base, Code: { ZipFile: new TextEncoder().encode('hello') } })),
    )
    expect(e.name).toBe('InvalidParameterValueException')
    expect(e.message).toBe('Could not unzip uploaded file. Please check your file, then try to upload again.')
    // A small zip whose central directory declares 270 MB: refused before anything is inflated.
    const bomb = zip({ 'index.mjs': 'export const handler = async () => 1' })
    const view = new DataView(bomb.buffer, bomb.byteOffset, bomb.byteLength)
    for (let i = 0; i + 4 <= bomb.length; i++)
      if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, 270_000_000, true)
    const b = await rejection(c.send(new CreateFunctionCommand({ ...base, Code: { ZipFile: bomb } })))
    expect(b.message).toBe('Unzipped size must be smaller than 262144000 bytes')
  })

  it('IAM decides every call: a role session without lambda:InvokeFunction is denied', async () => {
    const { aws } = await lambdaAccount()
    const Role = await lambdaRole(aws, 'r')
    await aws.send('lambda', 'CreateFunction', {
      FunctionName: 'f',
      Runtime: 'nodejs24.x',
      Handler: 'index.handler',
      Role,
      Code: { Files: HELLO },
    })
    const { keys } = await roleSession(aws, 'caller', 'me', {
      name: 'read',
      document: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: 'lambda:GetFunction', Resource: '*' }],
      }),
    })
    const c = lambdaClient(aws, keys)
    await c.send(new GetFunctionCommand({ FunctionName: 'f' }))
    const e = await rejection(c.send(new InvokeCommand({ FunctionName: 'f' })))
    expect(e.name).toBe('AccessDeniedException')
    expect(e.$metadata.httpStatusCode).toBe(403)
    expect(e.message).toBe(
      'User: arn:aws:sts::123456789012:assumed-role/caller/me is not authorized to perform: lambda:InvokeFunction on resource: arn:aws:lambda:us-east-1:123456789012:function:f because no identity-based policy allows the lambda:InvokeFunction action',
    )
    const log = aws.callLog().at(-1)!
    expect(log.authorization[0]).toMatchObject({ action: 'lambda:InvokeFunction', allowed: false })
  })
})
