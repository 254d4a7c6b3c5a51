// The Permissions view's model: the resource summary, the resource-based policy's statements, and
// reading them from a real simulated account through the console's operations.
import { describe, expect, it } from 'vitest'
import { attachLambda, createAccount } from '../../aws/index.ts'
import { loadPermissions } from './permissions-load.ts'
import { decodePolicyDocument, resourcePolicyStatements, resourceSummary, roleNameFromArn } from './permissions.ts'

describe('resourceSummary', () => {
  it('groups allowed and denied actions by service, with resources and policies', () => {
    const rows = resourceSummary([
      {
        name: 'AWSLambdaBasicExecutionRole',
        type: 'aws-managed',
        document: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Action: 'logs:CreateLogGroup', Resource: 'arn:aws:logs:*:*:*' },
            { Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: '*' },
          ],
        }),
      },
      {
        name: 'orders',
        type: 'inline',
        document: JSON.stringify({
          Statement: {
            Effect: 'Allow',
            Action: 'dynamodb:PutItem',
            Resource: 'arn:aws:dynamodb:us-east-1:123456789012:table/orders',
            Condition: { Bool: { 'aws:SecureTransport': 'true' } },
          },
        }),
      },
      {
        name: 'no-s3-delete',
        type: 'inline',
        document: '{"Statement":[{"Effect":"Deny","NotAction":"s3:Get*","Resource":"*"}]}',
      },
      { name: 'broken', type: 'inline', document: 'not json' },
    ])
    expect(rows.map((r) => r.service)).toEqual(['*', 'logs', 'dynamodb'])
    expect(rows[0]).toMatchObject({ label: 'All services', denied: ['All actions except s3:Get*'], allowed: [] })
    expect(rows[1]).toMatchObject({
      label: 'Amazon CloudWatch Logs',
      allowed: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'],
      resources: ['arn:aws:logs:*:*:*', '*'],
      policies: ['AWSLambdaBasicExecutionRole'],
      conditional: false,
    })
    expect(rows[2]).toMatchObject({ label: 'Amazon DynamoDB', allowed: ['dynamodb:PutItem'], conditional: true })
  })
})

describe('resourcePolicyStatements', () => {
  it('lists Sid, principal, action and each condition', () => {
    const rows = resourcePolicyStatements(
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 's3-invoke',
            Effect: 'Allow',
            Principal: { Service: 's3.amazonaws.com' },
            Action: 'lambda:InvokeFunction',
            Resource: 'arn:aws:lambda:us-east-1:123456789012:function:f',
            Condition: {
              StringEquals: { 'AWS:SourceAccount': '123456789012' },
              ArnLike: { 'AWS:SourceArn': 'arn:aws:s3:::orders' },
            },
          },
          { Sid: 'acct', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'lambda:*' },
        ],
      }),
    )
    expect(rows[0]).toEqual({
      sid: 's3-invoke',
      effect: 'Allow',
      principal: 's3.amazonaws.com',
      action: 'lambda:InvokeFunction',
      resource: 'arn:aws:lambda:us-east-1:123456789012:function:f',
      conditions: [
        { operator: 'StringEquals', key: 'AWS:SourceAccount', values: ['123456789012'] },
        { operator: 'ArnLike', key: 'AWS:SourceArn', values: ['arn:aws:s3:::orders'] },
      ],
    })
    expect(rows[1]).toMatchObject({ sid: 'acct', principal: 'arn:aws:iam::111122223333:root', conditions: [] })
    expect(resourcePolicyStatements('{"Statement": 5')).toEqual([])
  })

  it('decodes IAM documents and role names', () => {
    expect(decodePolicyDocument('%7B%22a%22%3A1%7D')).toBe('{"a":1}')
    expect(decodePolicyDocument('{"a":"%"}')).toBe('{"a":"%"}')
    expect(decodePolicyDocument('%E0%A4%A')).toBe('%E0%A4%A')
    expect(roleNameFromArn('arn:aws:iam::123456789012:role/service-role/f-role-abc')).toBe('f-role-abc')
  })
})

describe('loadPermissions', () => {
  it('reads the role, its policies and the resource-based policy from the account', async () => {
    const account = await createAccount()
    const { engine } = await attachLambda(account, { prewarm: 0, warmUp: false })
    const send = (s: string, o: string, i: Record<string, unknown>) => account.send(s, o, i)
    const missing = await loadPermissions('orders', send)
    expect(missing).toMatchObject({ ok: false, notFound: true })
    expect(!missing.ok && missing.error).toMatch(/^ResourceNotFoundException: /)

    const fn = await account.send('lambda', 'CreateFunction', {
      FunctionName: 'orders',
      Runtime: 'nodejs22.x',
      Handler: 'index.handler',
      Code: { Files: { 'index.mjs': 'export const handler = async () => 1' } },
    })
    const roleName = roleNameFromArn(String(fn.Role))
    await account.send('iam', 'PutRolePolicy', {
      RoleName: roleName,
      PolicyName: 'orders-write',
      PolicyDocument: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: 'dynamodb:PutItem', Resource: '*' }],
      }),
    })
    const created = await account.send('iam', 'CreatePolicy', {
      PolicyName: 'read-orders',
      PolicyDocument: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::orders/*' }],
      }),
    })
    await account.send('iam', 'AttachRolePolicy', {
      RoleName: roleName,
      PolicyArn: (created.Policy as { Arn: string }).Arn,
    })
    let r = await loadPermissions('orders', send)
    if (!r.ok) throw new Error(r.error)
    expect(r.permissions.role).toMatchObject({ arn: fn.Role, name: roleName, path: '/service-role/' })
    expect(JSON.parse(r.permissions.role.trustPolicy!).Statement[0].Principal).toEqual({
      Service: 'lambda.amazonaws.com',
    })
    expect(r.permissions.policies.map((p) => [p.type, p.name])).toEqual([
      ['inline', 'orders-write'],
      ['aws-managed', 'AWSLambdaBasicExecutionRole'],
      ['managed', 'read-orders'],
    ])
    expect(resourceSummary(r.permissions.policies).map((s) => s.service)).toEqual(['logs', 'dynamodb', 's3'])
    expect(r.permissions.resourcePolicy).toBeUndefined()
    expect(r.permissions.resourcePolicyError).toBeUndefined()

    await account.send('lambda', 'AddPermission', {
      FunctionName: 'orders',
      StatementId: 's3-invoke',
      Action: 'lambda:InvokeFunction',
      Principal: 's3.amazonaws.com',
      SourceArn: 'arn:aws:s3:::orders',
      SourceAccount: account.accountId,
    })
    r = await loadPermissions('orders', send)
    if (!r.ok) throw new Error(r.error)
    expect(resourcePolicyStatements(r.permissions.resourcePolicy!)[0]).toMatchObject({
      sid: 's3-invoke',
      principal: 's3.amazonaws.com',
    })
    engine.dispose()
  })
})
