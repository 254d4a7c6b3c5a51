import { describe, expect, it } from 'vitest'
import { ACCOUNT, doc } from './helpers.ts'
import { call, failure, newIam, trust } from './harness.ts'

type Results = { EvaluationResults: Record<string, unknown>[]; IsTruncated: boolean }

async function roleWithPolicies() {
  const iam = newIam()
  await call(iam, 'CreateRole', { RoleName: 'orders-role', AssumeRolePolicyDocument: trust() })
  await call(iam, 'AttachRolePolicy', {
    RoleName: 'orders-role',
    PolicyArn: 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole',
  })
  await call(iam, 'PutRolePolicy', {
    RoleName: 'orders-role',
    PolicyName: 'orders',
    PolicyDocument: doc([
      {
        Sid: 'Write',
        Effect: 'Allow',
        Action: 'dynamodb:PutItem',
        Resource: `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/orders`,
      },
      { Sid: 'NoDelete', Effect: 'Deny', Action: 'dynamodb:DeleteItem', Resource: '*' },
      {
        Sid: 'Business',
        Effect: 'Allow',
        Action: 'dynamodb:Scan',
        Resource: '*',
        Condition: { DateGreaterThan: { 'aws:CurrentTime': '2026-01-01T00:00:00Z' } },
      },
    ]),
  })
  return iam
}

describe('SimulatePrincipalPolicy', () => {
  it('returns EvaluationResults as IAM does, with matched statements and their positions', async () => {
    const iam = await roleWithPolicies()
    const table = `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/orders`
    const out = await call<Results>(iam, 'SimulatePrincipalPolicy', {
      PolicySourceArn: `arn:aws:iam::${ACCOUNT}:role/orders-role`,
      ActionNames: ['dynamodb:PutItem', 'dynamodb:DeleteItem', 'dynamodb:GetItem', 'logs:PutLogEvents'],
      ResourceArns: [table],
    })
    expect(out.IsTruncated).toBe(false)
    expect(out.EvaluationResults.map((r) => [r.EvalActionName, r.EvalResourceName, r.EvalDecision])).toEqual([
      ['dynamodb:PutItem', table, 'allowed'],
      ['dynamodb:DeleteItem', table, 'explicitDeny'],
      ['dynamodb:GetItem', table, 'implicitDeny'],
      ['logs:PutLogEvents', table, 'allowed'],
    ])
    const put = out.EvaluationResults[0]
    expect(put.MatchedStatements).toEqual([
      {
        SourcePolicyId: 'orders',
        SourcePolicyType: 'role',
        StartPosition: { Line: 4, Column: 5 },
        EndPosition: { Line: 9, Column: 6 },
      },
    ])
    expect(
      (out.EvaluationResults[3].MatchedStatements as { SourcePolicyId: string; SourcePolicyType: string }[])[0],
    ).toMatchObject({
      SourcePolicyId: 'AWSLambdaBasicExecutionRole',
      SourcePolicyType: 'aws-managed',
    })
    expect(out.EvaluationResults[2].MatchedStatements).toEqual([])
  })

  it('uses only the context entries given, and lists the keys it was missing', async () => {
    const iam = await roleWithPolicies()
    const arn = `arn:aws:iam::${ACCOUNT}:role/orders-role`
    let out = await call<Results>(iam, 'SimulatePrincipalPolicy', {
      PolicySourceArn: arn,
      ActionNames: ['dynamodb:Scan'],
    })
    expect(out.EvaluationResults[0]).toMatchObject({
      EvalResourceName: '*',
      EvalDecision: 'implicitDeny',
      MissingContextValues: ['aws:CurrentTime'],
    })
    out = await call<Results>(iam, 'SimulatePrincipalPolicy', {
      PolicySourceArn: arn,
      ActionNames: ['dynamodb:Scan'],
      ContextEntries: [
        { ContextKeyName: 'aws:CurrentTime', ContextKeyValues: ['2026-03-01T00:00:00Z'], ContextKeyType: 'date' },
      ],
    })
    expect(out.EvaluationResults[0]).toMatchObject({ EvalDecision: 'allowed', MissingContextValues: [] })
  })

  it('adds PolicyInputList policies and a resource policy', async () => {
    const iam = await roleWithPolicies()
    const out = await call<Results>(iam, 'SimulatePrincipalPolicy', {
      PolicySourceArn: `arn:aws:iam::${ACCOUNT}:role/orders-role`,
      ActionNames: ['s3:GetObject', 'sqs:SendMessage'],
      ResourceArns: ['arn:aws:s3:::b/k'],
      PolicyInputList: [doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' })],
      ResourcePolicy: doc({
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/orders-role` },
        Action: 'sqs:SendMessage',
        Resource: '*',
      }),
    })
    expect(out.EvaluationResults.map((r) => r.EvalDecision)).toEqual(['allowed', 'allowed'])
    expect(out.EvaluationResults[0].MatchedStatements).toMatchObject([
      { SourcePolicyId: 'PolicyInputList.1', SourcePolicyType: 'none' },
    ])
    expect(out.EvaluationResults[1].MatchedStatements).toMatchObject([
      { SourcePolicyId: 'ResourcePolicy', SourcePolicyType: 'resource' },
    ])
  })

  it('answers unknown sources and bad input as IAM does', async () => {
    const iam = newIam()
    let e = await failure(
      call(iam, 'SimulatePrincipalPolicy', {
        PolicySourceArn: `arn:aws:iam::${ACCOUNT}:role/ghost`,
        ActionNames: ['s3:*'],
      }),
    )
    expect([e.name, e.message]).toEqual(['NoSuchEntity', 'The role with name ghost cannot be found.'])
    e = await failure(call(iam, 'SimulatePrincipalPolicy', { PolicySourceArn: `arn:aws:iam::${ACCOUNT}:role/ghost` }))
    expect(e.message).toBe(
      "1 validation error detected: Value null at 'actionNames' failed to satisfy constraint: Member must not be null",
    )
    e = await failure(call(iam, 'SimulateCustomPolicy', { PolicyInputList: ['nope'], ActionNames: ['s3:GetObject'] }))
    expect([e.name, e.message]).toEqual(['MalformedPolicyDocument', 'Syntax errors in policy.'])
  })
})

describe('SimulateCustomPolicy', () => {
  it('evaluates the given policies for each action and resource', async () => {
    const out = await call<Results>(newIam(), 'SimulateCustomPolicy', {
      PolicyInputList: [doc({ Effect: 'Allow', Action: 's3:Get*', Resource: 'arn:aws:s3:::b/*' })],
      ActionNames: ['s3:GetObject', 's3:PutObject'],
      ResourceArns: ['arn:aws:s3:::b/k', 'arn:aws:s3:::c/k'],
      MaxItems: 3,
    })
    expect(out.EvaluationResults.map((r) => `${r.EvalActionName} ${r.EvalResourceName} ${r.EvalDecision}`)).toEqual([
      's3:GetObject arn:aws:s3:::b/k allowed',
      's3:GetObject arn:aws:s3:::c/k implicitDeny',
      's3:PutObject arn:aws:s3:::b/k implicitDeny',
    ])
    expect(out.IsTruncated).toBe(true)
  })
})
