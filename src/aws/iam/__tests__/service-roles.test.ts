import { describe, expect, it } from 'vitest'
import { ACCOUNT, doc, user } from './helpers.ts'
import { call, failure, newIam, trust } from './harness.ts'

const put = (Action: string, Resource = '*') => doc({ Effect: 'Allow', Action, Resource })

describe('roles', () => {
  it('CreateRole returns the role as IAM does (URL-encoded trust policy, AROA id, path in the ARN)', async () => {
    const iam = newIam()
    const out = await call<{ Role: Record<string, unknown> }>(iam, 'CreateRole', {
      RoleName: 'orders-role',
      Path: '/service-role/',
      AssumeRolePolicyDocument: trust(),
      Description: 'Runs place-order',
    })
    expect(out.Role).toEqual({
      Path: '/service-role/',
      RoleName: 'orders-role',
      RoleId: expect.stringMatching(/^AROA[A-Z2-7]{17}$/),
      Arn: `arn:aws:iam::${ACCOUNT}:role/service-role/orders-role`,
      CreateDate: new Date(Date.UTC(2026, 0, 15, 12)),
      AssumeRolePolicyDocument: encodeURIComponent(trust()).replace(
        /[!'()*]/g,
        (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
      ),
      Description: 'Runs place-order',
    })
    expect(decodeURIComponent(out.Role.AssumeRolePolicyDocument as string)).toBe(trust())
  })

  it('GetRole adds MaxSessionDuration, tags and RoleLastUsed; names are found without regard to case', async () => {
    const iam = newIam()
    await call(iam, 'CreateRole', {
      RoleName: 'Orders',
      AssumeRolePolicyDocument: trust(),
      Tags: [{ Key: 'team', Value: 'shop' }],
    })
    const { Role } = await call<{ Role: Record<string, unknown> }>(iam, 'GetRole', { RoleName: 'orders' })
    expect(Role.RoleName).toBe('Orders')
    expect(Role.MaxSessionDuration).toBe(3600)
    expect(Role.Tags).toEqual([{ Key: 'team', Value: 'shop' }])
    expect(Role.RoleLastUsed).toEqual({})
  })

  it('refuses a second role with the same name in another case', async () => {
    const iam = newIam()
    await call(iam, 'CreateRole', { RoleName: 'orders', AssumeRolePolicyDocument: trust() })
    const e = await failure(call(iam, 'CreateRole', { RoleName: 'ORDERS', AssumeRolePolicyDocument: trust() }))
    expect([e.name, e.message, e.$metadata.httpStatusCode]).toEqual([
      'EntityAlreadyExists',
      'Role with name ORDERS already exists.',
      409,
    ])
  })

  it('answers a missing role with NoSuchEntity (404)', async () => {
    const e = await failure(call(newIam(), 'GetRole', { RoleName: 'ghost' }))
    expect([e.name, e.message, e.$metadata.httpStatusCode]).toEqual([
      'NoSuchEntity',
      'The role with name ghost cannot be found.',
      404,
    ])
  })

  it('validates names, paths and durations with IAM’s ValidationError texts', async () => {
    const iam = newIam()
    let e = await failure(call(iam, 'CreateRole', { RoleName: 'bad name', AssumeRolePolicyDocument: trust() }))
    expect([e.name, e.message]).toEqual([
      'ValidationError',
      "1 validation error detected: Value 'bad name' at 'roleName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+",
    ])
    e = await failure(
      call(iam, 'CreateRole', { AssumeRolePolicyDocument: trust(), Path: 'nope', MaxSessionDuration: 60 }),
    )
    expect(e.message).toBe(
      "3 validation errors detected: Value null at 'roleName' failed to satisfy constraint: Member must not be null; " +
        "Value 'nope' at 'path' failed to satisfy constraint: Member must satisfy regular expression pattern: (\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F); " +
        "Value '60' at 'maxSessionDuration' failed to satisfy constraint: Member must have value greater than or equal to 3600",
    )
    e = await failure(call(iam, 'CreateRole', { RoleName: 'x'.repeat(65), AssumeRolePolicyDocument: trust() }))
    expect(e.message).toContain('Member must have length less than or equal to 64')
  })

  it('checks the trust policy: grammar, principals, size', async () => {
    const iam = newIam()
    const bad = (AssumeRolePolicyDocument: string) =>
      failure(call(iam, 'CreateRole', { RoleName: 'r', AssumeRolePolicyDocument }))
    let e = await bad(put('s3:*'))
    expect([e.name, e.message]).toEqual(['MalformedPolicyDocument', 'Has prohibited field Resource'])
    e = await bad(
      doc({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/not-there` }, Action: 'sts:AssumeRole' }),
    )
    expect(e.message).toBe(`Invalid principal in policy: "AWS":"arn:aws:iam::${ACCOUNT}:role/not-there"`)
    const long = doc({
      Effect: 'Allow',
      Principal: { Service: Array.from({ length: 100 }, (_, i) => `svc${i}.amazonaws.com`) },
      Action: 'sts:AssumeRole',
    })
    e = await bad(long)
    expect([e.name, e.message, e.$metadata.httpStatusCode]).toEqual([
      'LimitExceeded',
      'Cannot exceed quota for ACLSizePerRole: 2048',
      409,
    ])
    // An existing role can be named.
    await call(iam, 'CreateRole', { RoleName: 'a', AssumeRolePolicyDocument: trust() })
    await call(iam, 'CreateRole', {
      RoleName: 'b',
      AssumeRolePolicyDocument: doc({
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/a` },
        Action: 'sts:AssumeRole',
      }),
    })
  })

  it('keeps inline policies: Put, Get (URL-encoded), List, Delete', async () => {
    const iam = newIam()
    await call(iam, 'CreateRole', { RoleName: 'r', AssumeRolePolicyDocument: trust() })
    const policy = put('dynamodb:PutItem', `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/orders`)
    await call(iam, 'PutRolePolicy', { RoleName: 'r', PolicyName: 'write-orders', PolicyDocument: policy })
    await call(iam, 'PutRolePolicy', { RoleName: 'r', PolicyName: 'another', PolicyDocument: put('s3:GetObject') })
    const got = await call<Record<string, string>>(iam, 'GetRolePolicy', { RoleName: 'r', PolicyName: 'write-orders' })
    expect(got.RoleName).toBe('r')
    expect(got.PolicyName).toBe('write-orders')
    expect(decodeURIComponent(got.PolicyDocument)).toBe(policy)
    expect(got.PolicyDocument).toMatch(/^%7B/)
    expect(await call(iam, 'ListRolePolicies', { RoleName: 'r' })).toEqual({
      PolicyNames: ['another', 'write-orders'],
      IsTruncated: false,
    })
    await call(iam, 'DeleteRolePolicy', { RoleName: 'r', PolicyName: 'another' })
    const e = await failure(call(iam, 'GetRolePolicy', { RoleName: 'r', PolicyName: 'another' }))
    expect([e.name, e.message]).toEqual(['NoSuchEntity', 'The role policy with name another cannot be found.'])
  })

  it('refuses a malformed inline policy and the 10,240-character inline limit', async () => {
    const iam = newIam()
    await call(iam, 'CreateRole', { RoleName: 'r', AssumeRolePolicyDocument: trust() })
    let e = await failure(call(iam, 'PutRolePolicy', { RoleName: 'r', PolicyName: 'p', PolicyDocument: trust() }))
    expect([e.name, e.message]).toEqual(['MalformedPolicyDocument', 'Policy document should not specify a principal.'])
    const big = (n: number) => put('s3:GetObject', `arn:aws:s3:::${'b'.repeat(n)}/*`)
    await call(iam, 'PutRolePolicy', { RoleName: 'r', PolicyName: 'one', PolicyDocument: big(5000) })
    e = await failure(call(iam, 'PutRolePolicy', { RoleName: 'r', PolicyName: 'two', PolicyDocument: big(5300) }))
    expect([e.name, e.message]).toEqual(['LimitExceeded', 'Maximum policy size of 10240 bytes exceeded for role r'])
    // Replacing the same policy counts only the new text.
    await call(iam, 'PutRolePolicy', { RoleName: 'r', PolicyName: 'one', PolicyDocument: big(9000) })
  })

  it('attaches managed policies (at most 10) and detaches them', async () => {
    const iam = newIam()
    await call(iam, 'CreateRole', { RoleName: 'r', AssumeRolePolicyDocument: trust() })
    const basic = 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole'
    await call(iam, 'AttachRolePolicy', { RoleName: 'r', PolicyArn: basic })
    await call(iam, 'AttachRolePolicy', { RoleName: 'r', PolicyArn: basic })
    expect(await call(iam, 'ListAttachedRolePolicies', { RoleName: 'r' })).toEqual({
      AttachedPolicies: [{ PolicyName: 'AWSLambdaBasicExecutionRole', PolicyArn: basic }],
      IsTruncated: false,
    })
    expect(await call(iam, 'ListAttachedRolePolicies', { RoleName: 'r', PathPrefix: '/other/' })).toEqual({
      AttachedPolicies: [],
      IsTruncated: false,
    })
    let e = await failure(
      call(iam, 'AttachRolePolicy', { RoleName: 'r', PolicyArn: 'arn:aws:iam::aws:policy/NoSuchPolicy' }),
    )
    expect([e.name, e.message]).toEqual([
      'NoSuchEntity',
      'Policy arn:aws:iam::aws:policy/NoSuchPolicy does not exist or is not attachable.',
    ])
    for (let i = 0; i < 9; i++) {
      const { Policy } = await call<{ Policy: { Arn: string } }>(iam, 'CreatePolicy', {
        PolicyName: `p${i}`,
        PolicyDocument: put('s3:*'),
      })
      await call(iam, 'AttachRolePolicy', { RoleName: 'r', PolicyArn: Policy.Arn })
    }
    const { Policy } = await call<{ Policy: { Arn: string } }>(iam, 'CreatePolicy', {
      PolicyName: 'p10',
      PolicyDocument: put('s3:*'),
    })
    e = await failure(call(iam, 'AttachRolePolicy', { RoleName: 'r', PolicyArn: Policy.Arn }))
    expect([e.name, e.message]).toEqual(['LimitExceeded', 'Cannot exceed quota for PoliciesPerRole: 10'])
    e = await failure(call(iam, 'DetachRolePolicy', { RoleName: 'r', PolicyArn: Policy.Arn }))
    expect([e.name, e.message]).toEqual(['NoSuchEntity', `Policy ${Policy.Arn} was not found.`])
  })

  it('DeleteRole needs the role bare: no attached, then no inline policies', async () => {
    const iam = newIam()
    const basic = 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole'
    await call(iam, 'CreateRole', { RoleName: 'r', AssumeRolePolicyDocument: trust() })
    await call(iam, 'AttachRolePolicy', { RoleName: 'r', PolicyArn: basic })
    await call(iam, 'PutRolePolicy', { RoleName: 'r', PolicyName: 'p', PolicyDocument: put('s3:*') })
    let e = await failure(call(iam, 'DeleteRole', { RoleName: 'r' }))
    expect([e.name, e.message, e.$metadata.httpStatusCode]).toEqual([
      'DeleteConflict',
      'Cannot delete entity, must detach all policies first.',
      409,
    ])
    await call(iam, 'DetachRolePolicy', { RoleName: 'r', PolicyArn: basic })
    e = await failure(call(iam, 'DeleteRole', { RoleName: 'r' }))
    expect(e.message).toBe('Cannot delete entity, must delete policies first.')
    await call(iam, 'DeleteRolePolicy', { RoleName: 'r', PolicyName: 'p' })
    await call(iam, 'DeleteRole', { RoleName: 'r' })
    expect((await failure(call(iam, 'GetRole', { RoleName: 'r' }))).name).toBe('NoSuchEntity')
  })

  it('ListRoles sorts by name, filters by path and pages with Marker', async () => {
    const iam = newIam()
    for (const [name, path] of [
      ['c', '/'],
      ['a', '/app/'],
      ['b', '/app/'],
    ])
      await call(iam, 'CreateRole', { RoleName: name, Path: path, AssumeRolePolicyDocument: trust() })
    const first = await call<{ Roles: { RoleName: string }[]; IsTruncated: boolean; Marker?: string }>(
      iam,
      'ListRoles',
      { MaxItems: 2 },
    )
    expect(first.Roles.map((r) => r.RoleName)).toEqual(['a', 'b'])
    expect(first.IsTruncated).toBe(true)
    const second = await call<{ Roles: { RoleName: string }[]; IsTruncated: boolean }>(iam, 'ListRoles', {
      Marker: first.Marker,
    })
    expect(second.Roles.map((r) => r.RoleName)).toEqual(['c'])
    expect(second.IsTruncated).toBe(false)
    const app = await call<{ Roles: { RoleName: string; Tags?: unknown }[] }>(iam, 'ListRoles', { PathPrefix: '/app/' })
    expect(app.Roles.map((r) => r.RoleName)).toEqual(['a', 'b'])
    expect((await failure(call(iam, 'ListRoles', { Marker: 'forged' }))).name).toBe('InvalidInput')
  })

  it('updates the trust policy, description and session duration; tags and untags', async () => {
    const iam = newIam()
    await call(iam, 'CreateRole', { RoleName: 'r', AssumeRolePolicyDocument: trust() })
    await call(iam, 'UpdateAssumeRolePolicy', { RoleName: 'r', PolicyDocument: trust('events.amazonaws.com') })
    await call(iam, 'UpdateRole', { RoleName: 'r', Description: 'd', MaxSessionDuration: 7200 })
    await call(iam, 'TagRole', {
      RoleName: 'r',
      Tags: [
        { Key: 'a', Value: '1' },
        { Key: 'b', Value: '2' },
      ],
    })
    await call(iam, 'TagRole', { RoleName: 'r', Tags: [{ Key: 'A', Value: '3' }] })
    await call(iam, 'UntagRole', { RoleName: 'r', TagKeys: ['b'] })
    const { Role } = await call<{ Role: Record<string, unknown> }>(iam, 'GetRole', { RoleName: 'r' })
    expect(decodeURIComponent(Role.AssumeRolePolicyDocument as string)).toBe(trust('events.amazonaws.com'))
    expect([Role.Description, Role.MaxSessionDuration, Role.Tags]).toEqual(['d', 7200, [{ Key: 'A', Value: '3' }]])
    expect(await call(iam, 'ListRoleTags', { RoleName: 'r' })).toEqual({
      Tags: [{ Key: 'A', Value: '3' }],
      IsTruncated: false,
    })
    const e = await failure(
      call(iam, 'TagRole', {
        RoleName: 'r',
        Tags: [
          { Key: 'x', Value: '1' },
          { Key: 'X', Value: '2' },
        ],
      }),
    )
    expect([e.name, e.message]).toEqual([
      'InvalidInput',
      'Duplicate tag keys found. Please note that Tag keys are case insensitive.',
    ])
  })

  it('refuses permissions boundaries clearly (out of scope)', async () => {
    const e = await failure(
      call(newIam(), 'CreateRole', {
        RoleName: 'r',
        AssumeRolePolicyDocument: trust(),
        PermissionsBoundary: 'arn:aws:iam::aws:policy/AdministratorAccess',
      }),
    )
    expect(e.name).toBe('InvalidInput')
    expect(e.message).toMatch(/Permissions boundaries are not part of this simulation/)
  })

  it('authorises every call: a user without iam permissions is denied with IAM’s AccessDenied (403)', async () => {
    const iam = newIam()
    await call(iam, 'CreateUser', { UserName: 'alice' })
    await call(iam, 'PutUserPolicy', { UserName: 'alice', PolicyName: 'read', PolicyDocument: put('iam:Get*') })
    const alice = user('alice')
    const e = await failure(call(iam, 'CreateRole', { RoleName: 'x', AssumeRolePolicyDocument: trust() }, alice))
    expect([e.name, e.$metadata.httpStatusCode]).toEqual(['AccessDenied', 403])
    expect(e.message).toBe(
      `User: arn:aws:iam::${ACCOUNT}:user/alice is not authorized to perform: iam:CreateRole on resource: arn:aws:iam::${ACCOUNT}:role/x because no identity-based policy allows the iam:CreateRole action`,
    )
    await call(iam, 'CreateRole', { RoleName: 'x', AssumeRolePolicyDocument: trust() })
    expect((await call<{ Role: { RoleName: string } }>(iam, 'GetRole', { RoleName: 'x' }, alice)).Role.RoleName).toBe(
      'x',
    )
  })
})
