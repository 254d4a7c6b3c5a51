import { describe, expect, it } from 'vitest'
import { ACCOUNT, doc, roleSession, user } from './helpers.ts'
import { call, failure, newIam, trust } from './harness.ts'

const put = (Action: string, Resource = '*') => doc({ Effect: 'Allow', Action, Resource })
type P = { Policy: Record<string, unknown> & { Arn: string } }

describe('customer managed policies', () => {
  it('CreatePolicy, GetPolicy and GetPolicyVersion (URL-encoded document)', async () => {
    const iam = newIam()
    const text = put('dynamodb:PutItem', `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/orders`)
    const { Policy } = await call<P>(iam, 'CreatePolicy', {
      PolicyName: 'orders-writer',
      PolicyDocument: text,
      Description: 'Writes orders',
    })
    expect(Policy).toEqual({
      PolicyName: 'orders-writer',
      PolicyId: expect.stringMatching(/^ANPA[A-Z2-7]{17}$/),
      Arn: `arn:aws:iam::${ACCOUNT}:policy/orders-writer`,
      Path: '/',
      DefaultVersionId: 'v1',
      AttachmentCount: 0,
      PermissionsBoundaryUsageCount: 0,
      IsAttachable: true,
      CreateDate: new Date(Date.UTC(2026, 0, 15, 12)),
      UpdateDate: new Date(Date.UTC(2026, 0, 15, 12)),
    })
    const got = await call<P>(iam, 'GetPolicy', { PolicyArn: Policy.Arn })
    expect(got.Policy.Description).toBe('Writes orders')
    const v = await call<{ PolicyVersion: { Document: string; VersionId: string; IsDefaultVersion: boolean } }>(
      iam,
      'GetPolicyVersion',
      {
        PolicyArn: Policy.Arn,
        VersionId: 'v1',
      },
    )
    expect(decodeURIComponent(v.PolicyVersion.Document)).toBe(text)
    expect([v.PolicyVersion.VersionId, v.PolicyVersion.IsDefaultVersion]).toEqual(['v1', true])
  })

  it('keeps up to five versions, one of them the default', async () => {
    const iam = newIam()
    const { Policy } = await call<P>(iam, 'CreatePolicy', { PolicyName: 'p', PolicyDocument: put('s3:GetObject') })
    await iam.clock.advance(1000)
    const v2 = await call<{ PolicyVersion: Record<string, unknown> }>(iam, 'CreatePolicyVersion', {
      PolicyArn: Policy.Arn,
      PolicyDocument: put('s3:PutObject'),
      SetAsDefault: true,
    })
    expect(v2.PolicyVersion).toEqual({
      VersionId: 'v2',
      IsDefaultVersion: true,
      CreateDate: new Date(Date.UTC(2026, 0, 15, 12, 0, 1)),
    })
    for (let i = 3; i <= 5; i++)
      await call(iam, 'CreatePolicyVersion', { PolicyArn: Policy.Arn, PolicyDocument: put(`s3:V${i}`) })
    let e = await failure(call(iam, 'CreatePolicyVersion', { PolicyArn: Policy.Arn, PolicyDocument: put('s3:V6') }))
    expect([e.name, e.message]).toEqual([
      'LimitExceeded',
      'A managed policy can have up to 5 versions. Before you create a new version, you must delete an existing version.',
    ])
    const list = await call<{ Versions: { VersionId: string; IsDefaultVersion: boolean }[] }>(
      iam,
      'ListPolicyVersions',
      { PolicyArn: Policy.Arn },
    )
    expect(list.Versions.map((v) => `${v.VersionId}${v.IsDefaultVersion ? '*' : ''}`)).toEqual([
      'v5',
      'v4',
      'v3',
      'v2*',
      'v1',
    ])
    e = await failure(call(iam, 'DeletePolicyVersion', { PolicyArn: Policy.Arn, VersionId: 'v2' }))
    expect([e.name, e.message]).toEqual(['DeleteConflict', 'Cannot delete the default version of a policy.'])
    await call(iam, 'DeletePolicyVersion', { PolicyArn: Policy.Arn, VersionId: 'v1' })
    e = await failure(call(iam, 'GetPolicyVersion', { PolicyArn: Policy.Arn, VersionId: 'v1' }))
    expect([e.name, e.message]).toEqual([
      'NoSuchEntity',
      `Policy ${Policy.Arn} version v1 does not exist or is not attachable.`,
    ])
    // Version ids are never reused.
    const v6 = await call<{ PolicyVersion: { VersionId: string } }>(iam, 'CreatePolicyVersion', {
      PolicyArn: Policy.Arn,
      PolicyDocument: put('s3:V6'),
    })
    expect(v6.PolicyVersion.VersionId).toBe('v6')
    await call(iam, 'SetDefaultPolicyVersion', { PolicyArn: Policy.Arn, VersionId: 'v6' })
    expect((await call<P>(iam, 'GetPolicy', { PolicyArn: Policy.Arn })).Policy.DefaultVersionId).toBe('v6')
  })

  it('the default version is what the authorizer evaluates', async () => {
    const iam = newIam()
    await call(iam, 'CreateRole', { RoleName: 'orders-role', AssumeRolePolicyDocument: trust() })
    const { Policy } = await call<P>(iam, 'CreatePolicy', { PolicyName: 'p', PolicyDocument: put('s3:GetObject') })
    await call(iam, 'AttachRolePolicy', { RoleName: 'orders-role', PolicyArn: Policy.Arn })
    const ask = () =>
      iam.authorizer.authorize({
        principal: roleSession(),
        action: 's3:PutObject',
        resource: 'arn:aws:s3:::b/k',
        context: {},
        resourceAccount: ACCOUNT,
      }).allowed
    expect(ask()).toBe(false)
    await call(iam, 'CreatePolicyVersion', {
      PolicyArn: Policy.Arn,
      PolicyDocument: put('s3:PutObject'),
      SetAsDefault: true,
    })
    expect(ask()).toBe(true)
    await call(iam, 'SetDefaultPolicyVersion', { PolicyArn: Policy.Arn, VersionId: 'v1' })
    expect(ask()).toBe(false)
  })

  it('refuses old-language, oversized and duplicate policies with IAM’s messages', async () => {
    const iam = newIam()
    let e = await failure(
      call(iam, 'CreatePolicy', {
        PolicyName: 'p',
        PolicyDocument: JSON.stringify({ Statement: { Effect: 'Allow', Action: 's3:*', Resource: '*' } }),
      }),
    )
    expect([e.name, e.message]).toEqual([
      'MalformedPolicyDocument',
      'Policy document must be version 2012-10-17 or greater.',
    ])
    const big = put('s3:GetObject', `arn:aws:s3:::${'b'.repeat(6200)}/*`)
    e = await failure(call(iam, 'CreatePolicy', { PolicyName: 'p', PolicyDocument: big }))
    expect([e.name, e.message, e.$metadata.httpStatusCode]).toEqual([
      'LimitExceeded',
      'Cannot exceed quota for PolicySize: 6144',
      409,
    ])
    // White space does not count.
    const spaced = put('s3:GetObject', 'arn:aws:s3:::b/*').replace(/\n/g, '\n' + ' '.repeat(3000))
    await call(iam, 'CreatePolicy', { PolicyName: 'spaced', PolicyDocument: spaced })
    e = await failure(call(iam, 'CreatePolicy', { PolicyName: 'SPACED', PolicyDocument: put('s3:*') }))
    expect([e.name, e.message]).toEqual([
      'EntityAlreadyExists',
      'A policy called SPACED already exists. Duplicate names are not allowed.',
    ])
  })

  it('DeletePolicy refuses while attached or with extra versions', async () => {
    const iam = newIam()
    await call(iam, 'CreateRole', { RoleName: 'r', AssumeRolePolicyDocument: trust() })
    const { Policy } = await call<P>(iam, 'CreatePolicy', { PolicyName: 'p', PolicyDocument: put('s3:*') })
    await call(iam, 'AttachRolePolicy', { RoleName: 'r', PolicyArn: Policy.Arn })
    expect((await call<P>(iam, 'GetPolicy', { PolicyArn: Policy.Arn })).Policy.AttachmentCount).toBe(1)
    let e = await failure(call(iam, 'DeletePolicy', { PolicyArn: Policy.Arn }))
    expect([e.name, e.message]).toEqual(['DeleteConflict', 'Cannot delete a policy attached to entities.'])
    expect(await call(iam, 'ListEntitiesForPolicy', { PolicyArn: Policy.Arn })).toEqual({
      PolicyGroups: [],
      PolicyUsers: [],
      PolicyRoles: [{ RoleName: 'r', RoleId: expect.stringMatching(/^AROA/) }],
      IsTruncated: false,
    })
    await call(iam, 'DetachRolePolicy', { RoleName: 'r', PolicyArn: Policy.Arn })
    await call(iam, 'CreatePolicyVersion', { PolicyArn: Policy.Arn, PolicyDocument: put('s3:GetObject') })
    e = await failure(call(iam, 'DeletePolicy', { PolicyArn: Policy.Arn }))
    expect(e.message).toMatch(
      /^This policy has more than one version\. Before you delete a policy, you must delete the policy's versions\./,
    )
    await call(iam, 'DeletePolicyVersion', { PolicyArn: Policy.Arn, VersionId: 'v2' })
    await call(iam, 'DeletePolicy', { PolicyArn: Policy.Arn })
    e = await failure(call(iam, 'GetPolicy', { PolicyArn: Policy.Arn }))
    expect([e.name, e.message]).toEqual(['NoSuchEntity', `Policy ${Policy.Arn} was not found.`])
  })
})

describe('AWS managed policies', () => {
  const basic = 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole'

  it('are listed, described and readable, with their real documents', async () => {
    const iam = newIam()
    const { Policy } = await call<P>(iam, 'GetPolicy', { PolicyArn: basic })
    expect(Policy).toMatchObject({
      PolicyName: 'AWSLambdaBasicExecutionRole',
      PolicyId: 'ANPAJNCQGXC42545SKXIK',
      Path: '/service-role/',
      DefaultVersionId: 'v1',
      Description: 'Provides write permissions to CloudWatch Logs.',
      CreateDate: new Date('2015-04-09T15:03:43Z'),
    })
    const v = await call<{ PolicyVersion: { Document: string } }>(iam, 'GetPolicyVersion', {
      PolicyArn: basic,
      VersionId: 'v1',
    })
    expect(JSON.parse(decodeURIComponent(v.PolicyVersion.Document))).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'],
          Resource: '*',
        },
      ],
    })
    const aws = await call<{ Policies: { PolicyName: string }[] }>(iam, 'ListPolicies', {
      Scope: 'AWS',
      MaxItems: 1000,
    })
    expect(aws.Policies.map((p) => p.PolicyName)).toEqual(
      expect.arrayContaining([
        'AWSLambdaBasicExecutionRole',
        'AmazonDynamoDBReadOnlyAccess',
        'AmazonS3ReadOnlyAccess',
        'AWSLambdaSQSQueueExecutionRole',
      ]),
    )
    expect((await call<{ Policies: unknown[] }>(iam, 'ListPolicies', { Scope: 'Local' })).Policies).toEqual([])
    expect((await call<{ Policies: unknown[] }>(iam, 'ListPolicies', { OnlyAttached: true })).Policies).toEqual([])
  })

  it('cannot be changed or deleted', async () => {
    const iam = newIam()
    const e = await failure(call(iam, 'DeletePolicy', { PolicyArn: basic }))
    expect([e.name, e.$metadata.httpStatusCode]).toEqual(['AccessDenied', 403])
    expect(e.message).toBe(
      `User: arn:aws:iam::${ACCOUNT}:root is not authorized to perform: iam:DeletePolicy on resource: ${basic} because no resource-based policy allows the iam:DeletePolicy action`,
    )
    expect((await failure(call(iam, 'CreatePolicyVersion', { PolicyArn: basic, PolicyDocument: put('*') }))).name).toBe(
      'AccessDenied',
    )
  })
})

describe('users', () => {
  it('CreateUser, GetUser (also of the caller), ListUsers, DeleteUser', async () => {
    const iam = newIam()
    const { User } = await call<{ User: Record<string, unknown> }>(iam, 'CreateUser', {
      UserName: 'alice',
      Path: '/dev/',
    })
    expect(User).toEqual({
      Path: '/dev/',
      UserName: 'alice',
      UserId: expect.stringMatching(/^AIDA[A-Z2-7]{17}$/),
      Arn: `arn:aws:iam::${ACCOUNT}:user/dev/alice`,
      CreateDate: new Date(Date.UTC(2026, 0, 15, 12)),
    })
    await call(iam, 'PutUserPolicy', { UserName: 'alice', PolicyName: 'self', PolicyDocument: put('iam:GetUser') })
    const alice = { ...user('alice'), arn: `arn:aws:iam::${ACCOUNT}:user/dev/alice` }
    expect((await call<{ User: { UserName: string } }>(iam, 'GetUser', {}, alice)).User.UserName).toBe('alice')
    const e = await failure(call(iam, 'GetUser', {}, roleSession()))
    expect([e.name, e.message]).toEqual([
      'ValidationError',
      'Must specify userName when calling with non-User credentials',
    ])
    const root = await call<{ User: { Arn: string; UserId: string } }>(iam, 'GetUser', {})
    expect(root.User).toMatchObject({ Arn: `arn:aws:iam::${ACCOUNT}:root`, UserId: ACCOUNT })
    expect((await call<{ Users: { UserName: string }[] }>(iam, 'ListUsers', {})).Users.map((u) => u.UserName)).toEqual([
      'alice',
    ])
    expect((await failure(call(iam, 'DeleteUser', { UserName: 'alice' }))).message).toBe(
      'Cannot delete entity, must delete policies first.',
    )
    await call(iam, 'DeleteUserPolicy', { UserName: 'alice', PolicyName: 'self' })
    await call(iam, 'DeleteUser', { UserName: 'alice' })
    expect((await failure(call(iam, 'GetUser', { UserName: 'alice' }))).message).toBe(
      'The user with name alice cannot be found.',
    )
  })

  it('user inline policies are limited to 2,048 characters in all', async () => {
    const iam = newIam()
    await call(iam, 'CreateUser', { UserName: 'bob' })
    const e = await failure(
      call(iam, 'PutUserPolicy', {
        UserName: 'bob',
        PolicyName: 'p',
        PolicyDocument: put('s3:GetObject', `arn:aws:s3:::${'b'.repeat(2100)}`),
      }),
    )
    expect([e.name, e.message]).toEqual(['LimitExceeded', 'Maximum policy size of 2048 bytes exceeded for user bob'])
    expect((await failure(call(iam, 'GetUserPolicy', { UserName: 'bob', PolicyName: 'p' }))).message).toBe(
      'The user policy with name p cannot be found.',
    )
  })

  it('attaches managed policies to users and lists them', async () => {
    const iam = newIam()
    await call(iam, 'CreateUser', { UserName: 'carol' })
    await call(iam, 'AttachUserPolicy', {
      UserName: 'carol',
      PolicyArn: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
    })
    expect(await call(iam, 'ListAttachedUserPolicies', { UserName: 'carol' })).toEqual({
      AttachedPolicies: [
        { PolicyName: 'AmazonS3ReadOnlyAccess', PolicyArn: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess' },
      ],
      IsTruncated: false,
    })
    const read = iam.authorizer.authorize({
      principal: user('carol'),
      action: 's3:GetObject',
      resource: 'arn:aws:s3:::any/key',
      context: {},
      resourceAccount: ACCOUNT,
    })
    expect(read.allowed).toBe(true)
    await call(iam, 'DetachUserPolicy', {
      UserName: 'carol',
      PolicyArn: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
    })
    await call(iam, 'TagUser', { UserName: 'carol', Tags: [{ Key: 'team', Value: 'ops' }] })
    expect(await call(iam, 'ListUserTags', { UserName: 'carol' })).toEqual({
      Tags: [{ Key: 'team', Value: 'ops' }],
      IsTruncated: false,
    })
    await call(iam, 'UntagUser', { UserName: 'carol', TagKeys: ['TEAM'] })
    expect(await call(iam, 'ListUserPolicies', { UserName: 'carol' })).toEqual({ PolicyNames: [], IsTruncated: false })
  })
})
