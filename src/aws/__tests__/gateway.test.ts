// The gateway: routing, validation, authorisation (global keys, resource policies), errors with
// $metadata, the call log; and the account around it (register seam, snapshot / restore).
import { describe, expect, it } from 'vitest'
import { AwsError } from '../errors.ts'
import { AccountRestoreError, createAccount, type ServiceModule } from '../index.ts'
import { integer, required, string, structure } from '../protocol/shapes.ts'
import type { Principal, ServiceDefinition } from '../types.ts'
import { rejection, testAccount, USERS } from './account-helpers.ts'

/** A small service to exercise the gateway with (JSON protocol, one resource policy). */
function widgets(): ServiceModule & { state: Map<string, number>; failRestore?: boolean } {
  const state = new Map<string, number>()
  const mod: ServiceModule & { state: Map<string, number>; failRestore?: boolean } = {
    state,
    definition: {
      id: 'events',
      signingName: 'events',
      actionPrefix: 'events',
      protocol: 'awsJson1_1',
      targetPrefix: 'AWSEvents',
      operations: {
        PutWidget: {
          input: structure({ Name: required(string({ min: 1, max: 8 })), Size: integer({ min: 1, max: 10 }) }),
          authorize: (input: { Name: string }, ctx) => [
            {
              action: 'events:PutWidget',
              resource: `arn:aws:events:${ctx.region}:${ctx.accountId}:widget/${input.Name}`,
              context: { 'events:size': '1' },
            },
          ],
          handler: (input: { Name: string; Size?: number }) => {
            state.set(input.Name, input.Size ?? 1)
            return { Stored: input.Name }
          },
        },
        Boom: { authorize: () => [], handler: () => JSON.parse('{') },
        WhoAmI: {
          authorize: () => [],
          handler: async (_input, ctx) => ({
            principal: ctx.principal,
            inner: await ctx.send('sts', 'GetCallerIdentity', {}),
          }),
        },
      },
      resourcePolicy: (arn: string) =>
        arn.endsWith('/shared') ? { Statement: [{ Effect: 'Allow', Principal: '*' }] } : undefined,
    } as ServiceDefinition,
    snapshot: () => Object.fromEntries(state),
    restore(json: unknown) {
      if (mod.failRestore) throw new Error('widgets: corrupt')
      state.clear()
      for (const [k, v] of Object.entries(json as Record<string, number>)) state.set(k, v)
    },
  }
  return mod
}

describe('gateway', () => {
  it('answers unknown services and operations as each protocol does', async () => {
    const { aws } = await testAccount()
    const svc = await rejection(aws.send('nosuch', 'Op', {}))
    expect(svc.name).toBe('UnknownServiceException')
    expect(svc.message).toMatch(/no service 'nosuch'\. Services: dynamodb, events, iam, s3, sns, sqs, sts\./)
    const json = await rejection(aws.send('dynamodb', 'Nope', {}))
    expect(json.name).toBe('UnknownOperationException')
    expect(json.$metadata.httpStatusCode).toBe(400)
    const query = await rejection(aws.send('sts', 'Nope', {}))
    expect(query.name).toBe('InvalidAction')
    expect(query.message).toBe('Could not find operation Nope for version 2011-06-15')
  })

  it('validates types (SerializationException) and constraints (ValidationException) before anything runs', async () => {
    const { aws } = await testAccount()
    const mod = widgets()
    aws.register(mod)
    const type = await rejection(aws.send('events', 'PutWidget', { Name: 5 }))
    expect(type.name).toBe('SerializationException')
    expect(type.message).toBe('NUMBER_VALUE cannot be converted to String')
    const both = await rejection(aws.send('events', 'PutWidget', { Name: 'far-too-long', Size: 0 }))
    expect(both.message).toBe(
      "2 validation errors detected: Value 'far-too-long' at 'name' failed to satisfy constraint: Member must have length less than or equal to 8; Value '0' at 'size' failed to satisfy constraint: Member must have value greater than or equal to 1",
    )
    expect(mod.state.size).toBe(0)
  })

  it('asks the authorizer with global condition keys and the resource policy, and denies in AWS words', async () => {
    const { aws, authz } = await testAccount()
    aws.register(widgets())
    const bob: Principal = {
      kind: 'user',
      arn: 'arn:aws:iam::123456789012:user/bob',
      accountId: '123456789012',
      name: 'bob',
    }
    const err = await rejection(aws.send('events', 'PutWidget', { Name: 'shared' }, { principal: bob }))
    expect(err).toBeInstanceOf(AwsError)
    expect(err.name).toBe('AccessDeniedException')
    expect(err.message).toBe(
      'User: arn:aws:iam::123456789012:user/bob is not authorized to perform: events:PutWidget on resource: arn:aws:events:us-east-1:123456789012:widget/shared because no identity-based policy allows the events:PutWidget action',
    )
    expect(err.$metadata.httpStatusCode).toBe(400)
    expect(err.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/)
    const q = authz.questions.at(-1)!
    expect(q.resourcePolicy).toEqual({ Statement: [{ Effect: 'Allow', Principal: '*' }] })
    expect(q.resourceAccount).toBe('123456789012')
    expect(q.context).toMatchObject({
      'aws:PrincipalArn': bob.arn,
      'aws:PrincipalAccount': '123456789012',
      'aws:PrincipalType': 'User',
      'aws:username': 'bob',
      'aws:RequestedRegion': 'us-east-1',
      'aws:SecureTransport': 'true',
      'aws:PrincipalIsAWSService': 'false',
      'events:size': '1',
    })
    expect(q.context['aws:CurrentTime']).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/)

    const s3: Principal = {
      kind: 'service',
      service: 's3.amazonaws.com',
      sourceArn: 'arn:aws:s3:::uploads',
      sourceAccount: '123456789012',
    }
    await rejection(aws.send('events', 'PutWidget', { Name: 'x' }, { principal: s3 }))
    expect(authz.questions.at(-1)!.context).toMatchObject({
      'aws:SourceArn': 'arn:aws:s3:::uploads',
      'aws:SourceAccount': '123456789012',
      'aws:PrincipalServiceName': 's3.amazonaws.com',
      'aws:PrincipalIsAWSService': 'true',
    })
    expect(authz.questions.at(-1)!.context['aws:PrincipalArn']).toBeUndefined()
  })

  it("reads AWS managed policies (account 'aws') with identity-based permission alone", async () => {
    const aws = await createAccount()
    const arn = 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole'
    const out = (await aws.send('iam', 'GetPolicy', { PolicyArn: arn })) as { Policy: { Arn: string } }
    expect(out.Policy.Arn).toBe(arn)
    const version = (await aws.send('iam', 'GetPolicyVersion', { PolicyArn: arn, VersionId: 'v1' })) as {
      PolicyVersion: { Document: string }
    }
    expect(decodeURIComponent(version.PolicyVersion.Document)).toContain('logs:CreateLogGroup')
  })

  it('turns unexpected failures into InternalFailure (500), and lets ctx.send call on as the same principal', async () => {
    const { aws } = await testAccount()
    aws.register(widgets())
    const boom = await rejection(aws.send('events', 'Boom', {}))
    expect(boom.name).toBe('InternalFailure')
    expect(boom.$fault).toBe('server')
    expect(boom.$metadata.httpStatusCode).toBe(500)
    const out = await aws.send<any>('events', 'WhoAmI', {})
    expect(out.principal.arn).toBe('arn:aws:iam::123456789012:user/admin')
    expect(out.inner.Arn).toBe('arn:aws:iam::123456789012:user/admin')
  })

  it('keeps a bounded call log with explanations, and tells listeners', async () => {
    const { aws } = await testAccount({ callLogSize: 3 })
    const heard: string[] = []
    const stop = aws.onCall((r) => heard.push(`${r.operation}:${r.outcome}`))
    await aws.send('dynamodb', 'CreateTable', USERS)
    await aws.send('dynamodb', 'ListTables', {})
    await rejection(aws.send('dynamodb', 'GetItem', { TableName: 'nope', Key: { id: { S: 'x' } } }))
    stop()
    await aws.send('dynamodb', 'ListTables', {})
    expect(heard).toEqual(['CreateTable:success', 'ListTables:success', 'GetItem:error'])
    const log = aws.callLog()
    expect(log).toHaveLength(3)
    expect(log[1]).toMatchObject({
      operation: 'GetItem',
      outcome: 'error',
      errorName: 'ResourceNotFoundException',
      httpStatusCode: 400,
      principal: 'arn:aws:iam::123456789012:user/admin',
      via: 'send',
      authorization: [
        {
          action: 'dynamodb:GetItem',
          resource: 'arn:aws:dynamodb:us-east-1:123456789012:table/nope',
          decision: 'Allow',
          allowed: true,
        },
      ],
    })
    expect(log[1].latencyMs).toBeGreaterThan(0)
    expect(log[2].operation).toBe('ListTables')
  })
})

describe('account', () => {
  it('checks its own options', async () => {
    await expect(createAccount({ accountId: '42' })).rejects.toThrow('accountId must be 12 digits')
    await expect(createAccount({ region: 'moon' })).rejects.toThrow('not a region')
    const aws = await createAccount({ accountId: '111122223333', region: 'eu-west-1' })
    const out = await aws.send<any>('sts', 'GetCallerIdentity', {})
    expect(out.Arn).toBe('arn:aws:iam::111122223333:user/admin')
    expect(out.$metadata).toMatchObject({ httpStatusCode: 200 })
  })

  it('asks IAM by default: the admin is a real IAM user with AdministratorAccess, others need policies', async () => {
    const aws = await createAccount()
    const admin = await aws.send<any>('iam', 'GetUser', { UserName: 'admin' })
    expect(admin.User.Arn).toBe('arn:aws:iam::123456789012:user/admin')
    const attached = await aws.send<any>('iam', 'ListAttachedUserPolicies', { UserName: 'admin' })
    expect(attached.AttachedPolicies).toEqual([
      { PolicyName: 'AdministratorAccess', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' },
    ])
    expect(aws.callLog().at(-1)!.authorization[0]).toMatchObject({
      decision: 'Allow',
      action: 'iam:ListAttachedUserPolicies',
    })
    const bob: Principal = {
      kind: 'user',
      arn: 'arn:aws:iam::123456789012:user/bob',
      accountId: '123456789012',
      name: 'bob',
    }
    const err = await rejection(aws.send('dynamodb', 'ListTables', {}, { principal: bob }))
    expect(err.name).toBe('AccessDeniedException')
    // ListTables takes no resource: AWS leaves "on resource" out.
    expect(err.message).toBe(
      'User: arn:aws:iam::123456789012:user/bob is not authorized to perform: dynamodb:ListTables because no identity-based policy allows the dynamodb:ListTables action',
    )
    // Detaching the admin's policy takes its rights away, as on AWS.
    await aws.send('iam', 'DetachUserPolicy', {
      UserName: 'admin',
      PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess',
    })
    expect((await rejection(aws.send('dynamodb', 'ListTables', {}))).name).toBe('AccessDeniedException')
  })

  it('snapshots and restores every service, and refuses a bad snapshot without changing anything', async () => {
    const { aws } = await testAccount()
    const mod = widgets()
    aws.register(mod)
    await aws.send('dynamodb', 'CreateTable', USERS)
    await aws.send('dynamodb', 'PutItem', { TableName: 'users', Item: { id: { S: 'a' } } })
    await aws.send('events', 'PutWidget', { Name: 'w', Size: 3 })
    const snap = JSON.parse(JSON.stringify(aws.snapshot()))
    expect(Object.keys(snap.services).sort()).toEqual(['dynamodb', 'events', 'iam', 's3', 'sns', 'sqs'])

    await aws.send('dynamodb', 'PutItem', { TableName: 'users', Item: { id: { S: 'b' } } })
    aws.restore(snap)
    expect(aws.services.dynamodb.items('users')).toEqual([{ id: { S: 'a' } }])

    // A part that fails puts back the parts already restored.
    await aws.send('dynamodb', 'PutItem', { TableName: 'users', Item: { id: { S: 'c' } } })
    mod.failRestore = true
    const err = (() => {
      try {
        aws.restore(snap)
      } catch (e) {
        return e as AccountRestoreError
      }
    })()
    expect(err).toBeInstanceOf(AccountRestoreError)
    expect(err!.part).toBe('account.services.events')
    expect(err!.message).toBe('account.services.events: widgets: corrupt')
    expect(
      aws.services.dynamodb
        .items('users')
        .map((i) => i.id.S)
        .sort(),
    ).toEqual(['a', 'c'])

    expect(() => aws.restore({ ...snap, accountId: '999999999999' })).toThrow(
      'account.accountId: the snapshot is of account 999999999999',
    )
    expect(() => aws.restore({ ...snap, services: { lambda: {} } })).toThrow(
      'account.services.lambda: no such service in this account',
    )
    expect(() => aws.restore({ ...snap, credentials: [{ accessKeyId: 'nope' }] })).toThrow(
      /^account\.credentials: credentials\[0\]\.accessKeyId/,
    )
    expect(() => aws.restore('garbage')).toThrow('account: expected an object')
  })

  it('keeps working credentials across a snapshot', async () => {
    const { aws } = await testAccount()
    const keys = aws.credentials.issue({
      kind: 'user',
      arn: 'arn:aws:iam::123456789012:user/bob',
      accountId: '123456789012',
      name: 'bob',
    })
    const snap = JSON.parse(JSON.stringify(aws.snapshot()))
    const { aws: other } = await testAccount()
    other.restore(snap)
    expect(other.credentials.principalFor(keys.AccessKeyId)).toMatchObject({ name: 'bob' })
    expect(other.credentials.principalFor(other.adminCredentials.AccessKeyId)).toEqual(other.adminPrincipal)
  })
})
