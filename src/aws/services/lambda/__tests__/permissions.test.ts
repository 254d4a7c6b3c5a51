// Functions' resource-based policies through the real SDK (AddPermission, GetPolicy,
// RemovePermission with AWS's errors), the gateway evaluating them, and mayInvoke for triggers.
import { AddPermissionCommand, GetPolicyCommand, RemovePermissionCommand } from '@aws-sdk/client-lambda'
import { beforeEach, describe, expect, it } from 'vitest'
import { rejection, roleSession } from '../../../__tests__/account-helpers.ts'
import type { Account, LambdaServiceModule } from '../../../index.ts'
import { HELLO, lambdaAccount, lambdaClient, lambdaRole } from './helpers.ts'

const FN = 'arn:aws:lambda:us-east-1:123456789012:function:thumbs'
const BUCKET = 'arn:aws:s3:::photos'

let aws: Account
let lambda: LambdaServiceModule

beforeEach(async () => {
  ;({ aws, lambda } = await lambdaAccount())
  const Role = await lambdaRole(aws, 'r')
  await aws.send('lambda', 'CreateFunction', {
    FunctionName: 'thumbs',
    Runtime: 'nodejs24.x',
    Handler: 'index.handler',
    Role,
    Code: { Files: HELLO },
  })
})

describe('AddPermission / GetPolicy / RemovePermission', () => {
  it('builds statements as Lambda does and returns the policy JSON', async () => {
    const c = lambdaClient(aws)
    const none = await rejection(c.send(new GetPolicyCommand({ FunctionName: 'thumbs' })))
    expect(none.name).toBe('ResourceNotFoundException')
    expect(none.message).toBe('The resource you requested does not exist.')
    expect(none.$metadata.httpStatusCode).toBe(404)

    const added = await c.send(
      new AddPermissionCommand({
        FunctionName: 'thumbs',
        StatementId: 's3-invoke',
        Action: 'lambda:InvokeFunction',
        Principal: 's3.amazonaws.com',
        SourceArn: BUCKET,
        SourceAccount: '123456789012',
      }),
    )
    expect(added.$metadata.httpStatusCode).toBe(201)
    expect(JSON.parse(added.Statement!)).toEqual({
      Sid: 's3-invoke',
      Effect: 'Allow',
      Principal: { Service: 's3.amazonaws.com' },
      Action: 'lambda:InvokeFunction',
      Resource: FN,
      Condition: { StringEquals: { 'AWS:SourceAccount': '123456789012' }, ArnLike: { 'AWS:SourceArn': BUCKET } },
    })
    await c.send(
      new AddPermissionCommand({
        FunctionName: 'thumbs',
        StatementId: 'account',
        Action: 'lambda:GetFunction',
        Principal: '111122223333',
      }),
    )
    await c.send(
      new AddPermissionCommand({
        FunctionName: 'thumbs',
        StatementId: 'url',
        Action: 'lambda:InvokeFunctionUrl',
        Principal: '*',
        FunctionUrlAuthType: 'NONE',
      }),
    )
    const got = await c.send(new GetPolicyCommand({ FunctionName: 'thumbs' }))
    const doc = JSON.parse(got.Policy!)
    expect(doc).toMatchObject({ Version: '2012-10-17', Id: 'default' })
    expect(doc.Statement.map((s: { Sid: string }) => s.Sid)).toEqual(['s3-invoke', 'account', 'url'])
    expect(doc.Statement[1].Principal).toEqual({ AWS: 'arn:aws:iam::111122223333:root' })
    expect(doc.Statement[2]).toMatchObject({
      Principal: '*',
      Condition: { StringEquals: { 'lambda:FunctionUrlAuthType': 'NONE' } },
    })
    expect(got.RevisionId).toMatch(/^[0-9a-f-]{36}$/)

    const dup = await rejection(
      c.send(
        new AddPermissionCommand({
          FunctionName: 'thumbs',
          StatementId: 's3-invoke',
          Action: 'lambda:InvokeFunction',
          Principal: 'sns.amazonaws.com',
        }),
      ),
    )
    expect(dup.name).toBe('ResourceConflictException')
    expect(dup.message).toBe(
      'The statement id (s3-invoke) provided already exists. Please provide a new statement id, or remove the existing statement.',
    )
    expect(dup.$metadata.httpStatusCode).toBe(409)

    const stale = await rejection(
      c.send(
        new AddPermissionCommand({
          FunctionName: 'thumbs',
          StatementId: 'x',
          Action: 'lambda:InvokeFunction',
          Principal: 'sns.amazonaws.com',
          RevisionId: '00000000-0000-0000-0000-000000000000',
        }),
      ),
    )
    expect(stale.name).toBe('PreconditionFailedException')

    const missing = await rejection(
      c.send(new RemovePermissionCommand({ FunctionName: 'thumbs', StatementId: 'nope' })),
    )
    expect(missing.name).toBe('ResourceNotFoundException')
    expect(missing.message).toBe('Statement nope is not found in resource policy.')
    for (const sid of ['s3-invoke', 'account', 'url'])
      await c.send(new RemovePermissionCommand({ FunctionName: 'thumbs', StatementId: sid }))
    const empty = await rejection(c.send(new RemovePermissionCommand({ FunctionName: 'thumbs', StatementId: 'url' })))
    expect(empty.message).toBe('No policy is associated with the given resource.')
    expect((await rejection(c.send(new GetPolicyCommand({ FunctionName: 'thumbs' })))).name).toBe(
      'ResourceNotFoundException',
    )
  })

  it('refuses a bad action, principal or source account with Lambda’s errors', async () => {
    const base = {
      FunctionName: 'thumbs',
      StatementId: 's',
      Action: 'lambda:InvokeFunction',
      Principal: 's3.amazonaws.com',
    }
    const action = await rejection(aws.send('lambda', 'AddPermission', { ...base, Action: 's3:GetObject' }))
    expect(action.name).toBe('ValidationException')
    expect(action.message).toContain("at 'action' failed to satisfy constraint")
    const principal = await rejection(aws.send('lambda', 'AddPermission', { ...base, Principal: 'not a principal' }))
    expect(principal.name).toBe('InvalidParameterValueException')
    const account = await rejection(aws.send('lambda', 'AddPermission', { ...base, SourceAccount: '12' }))
    expect(account.message).toContain("at 'sourceAccount'")
    const fn = await rejection(aws.send('lambda', 'AddPermission', { ...base, FunctionName: 'other' }))
    expect(fn.name).toBe('ResourceNotFoundException')
  })

  it('a deleted function loses its policy; the policy is saved with the account', async () => {
    await aws.send('lambda', 'AddPermission', {
      FunctionName: 'thumbs',
      StatementId: 's',
      Action: 'lambda:InvokeFunction',
      Principal: 's3.amazonaws.com',
    })
    const snap = aws.snapshot()
    expect(lambda.definition.resourcePolicy!(FN)).toContain('"Sid":"s"')
    await aws.send('lambda', 'DeleteFunction', { FunctionName: 'thumbs' })
    expect(lambda.definition.resourcePolicy!(FN)).toBeUndefined()
    aws.restore(snap)
    expect(lambda.definition.resourcePolicy!(FN)).toContain('"Sid":"s"')
    expect(() => aws.restore({ ...snap, services: { ...snap.services, lambda: { policies: { thumbs: 5 } } } })).toThrow(
      /account\.services\.lambda/,
    )
  })
})

describe('mayInvoke: the question a trigger asks before it invokes', () => {
  const ask = (o: { sourceArn?: string; sourceAccount?: string } = {}) =>
    lambda.mayInvoke({ service: 's3.amazonaws.com', functionArn: FN, ...o })

  it('is denied without a permission, with AWS’s message and an explanation', () => {
    const r = ask({ sourceArn: BUCKET, sourceAccount: '123456789012' })
    expect(r.allowed).toBe(false)
    expect(r.error?.name).toBe('AccessDeniedException')
    expect(r.error?.message).toContain('lambda:InvokeFunction')
    expect(r.explanation).toBeTruthy()
  })

  it('is allowed with one, and denied when SourceArn or SourceAccount do not match', async () => {
    await aws.send('lambda', 'AddPermission', {
      FunctionName: 'thumbs',
      StatementId: 's3',
      Action: 'lambda:InvokeFunction',
      Principal: 's3.amazonaws.com',
      SourceArn: BUCKET,
      SourceAccount: '123456789012',
    })
    expect(ask({ sourceArn: BUCKET, sourceAccount: '123456789012' }).allowed).toBe(true)
    expect(ask({ sourceArn: 'arn:aws:s3:::other', sourceAccount: '123456789012' }).allowed).toBe(false)
    expect(ask({ sourceArn: BUCKET, sourceAccount: '999999999999' }).allowed).toBe(false)
    expect(ask({ sourceArn: BUCKET }).allowed).toBe(false)
    expect(
      lambda.mayInvoke({
        service: 'sns.amazonaws.com',
        functionArn: FN,
        sourceArn: BUCKET,
        sourceAccount: '123456789012',
      }).allowed,
    ).toBe(false)
  })

  it('the gateway evaluates the function policy for callers too (a role session the policy names)', async () => {
    const { principal } = await roleSession(aws, 'caller', 'me')
    const invoke = () =>
      aws.send<{ StatusCode: number }>(
        'lambda',
        'Invoke',
        { FunctionName: 'thumbs', Payload: new TextEncoder().encode('{"name":"x"}') },
        { principal },
      )
    expect((await rejection(invoke())).name).toBe('AccessDeniedException')
    await aws.send('lambda', 'AddPermission', {
      FunctionName: 'thumbs',
      StatementId: 'caller',
      Action: 'lambda:InvokeFunction',
      Principal: 'arn:aws:iam::123456789012:role/caller',
    })
    expect((await invoke()).StatusCode).toBe(200)
    const denied = await rejection(aws.send('lambda', 'GetFunction', { FunctionName: 'thumbs' }, { principal }))
    expect(denied.name).toBe('AccessDeniedException')
  })
})
