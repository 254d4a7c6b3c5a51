// Hostile input: huge, deep, malformed. Each gets IAM's own error, and quickly (these tests would
// hit the test timeout if anything went quadratic or recursed without bound).
import { describe, expect, it } from 'vitest'
import { parsePolicyDocument, PolicyGrammarError } from '../grammar.ts'
import { ACCOUNT, doc, roleSession } from './helpers.ts'
import { call, failure, newIam, trust } from './harness.ts'

const statement = (i: number) => ({
  Sid: `S${i}`,
  Effect: 'Allow',
  Action: `s3:Get${i}`,
  Resource: `arn:aws:s3:::b${i}/*`,
})

describe('hostile policies', () => {
  it('a 1 MB policy is refused by the API’s length constraint, without being read', async () => {
    const iam = newIam()
    await call(iam, 'CreateRole', { RoleName: 'r', AssumeRolePolicyDocument: trust() })
    const huge = doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::${'x'.repeat(1_048_576)}` })
    for (const [op, input] of [
      ['PutRolePolicy', { RoleName: 'r', PolicyName: 'p', PolicyDocument: huge }],
      ['CreatePolicy', { PolicyName: 'p', PolicyDocument: huge }],
      ['UpdateAssumeRolePolicy', { RoleName: 'r', PolicyDocument: huge }],
    ] as const) {
      const e = await failure(call(iam, op, input))
      expect(e.name).toBe('ValidationError')
      expect(e.message).toBe(
        "1 validation error detected: Value at 'policyDocument' failed to satisfy constraint: Member must have length less than or equal to 131072",
      )
      expect(e.message.length).toBeLessThan(200)
    }
  })

  it('10,000 statements are refused at every entry point before being parsed', async () => {
    const statements = Array.from({ length: 10_000 }, (_, i) => statement(i))
    const text = JSON.stringify({ Version: '2012-10-17', Statement: statements })
    expect(() => parsePolicyDocument(text, { kind: 'identity' })).toThrow(
      'Policy document is longer than 131072 characters.',
    )
    const iam = newIam()
    await call(iam, 'CreateRole', { RoleName: 'r', AssumeRolePolicyDocument: trust() })
    for (const [op, input] of [
      ['PutRolePolicy', { RoleName: 'r', PolicyName: 'p', PolicyDocument: text }],
      ['CreatePolicy', { PolicyName: 'p', PolicyDocument: text }],
      ['SimulateCustomPolicy', { PolicyInputList: [text], ActionNames: ['s3:GetObject'] }],
    ] as const)
      expect((await failure(call(iam, op, input))).name).toBe('ValidationError')
    // Within the API's length limit, a policy is refused by IAM's size quota before it is parsed.
    const compact = JSON.stringify({ Version: '2012-10-17', Statement: statements.slice(0, 1500) })
    expect(compact.length).toBeLessThan(131072)
    const e = await failure(call(iam, 'CreatePolicy', { PolicyName: 'p', PolicyDocument: compact }))
    expect([e.name, e.message]).toEqual(['LimitExceeded', 'Cannot exceed quota for PolicySize: 6144'])
    // The simulator has no quota: 1,500 statements are read and evaluated.
    const out = await call<{ EvaluationResults: { EvalDecision: string }[] }>(iam, 'SimulateCustomPolicy', {
      PolicyInputList: [compact],
      ActionNames: ['s3:Get1499'],
      ResourceArns: ['arn:aws:s3:::b1499/k'],
    })
    expect(out.EvaluationResults[0].EvalDecision).toBe('allowed')
  })

  it('deeply nested JSON is a syntax error, never a stack overflow', async () => {
    const deep = `{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"StringEquals":{"k":${'['.repeat(60_000)}${']'.repeat(60_000)}}}}}`
    expect(deep.length).toBeLessThan(131072)
    expect(() => parsePolicyDocument(deep, { kind: 'identity' })).toThrow(PolicyGrammarError)
    const e = await failure(
      call(newIam(), 'SimulateCustomPolicy', { PolicyInputList: [deep], ActionNames: ['s3:GetObject'] }),
    )
    expect([e.name, e.message]).toEqual(['MalformedPolicyDocument', 'Syntax errors in policy.'])
    const objects = '{"a":'.repeat(20_000) + '1' + '}'.repeat(20_000)
    expect(() => parsePolicyDocument(objects, { kind: 'identity' })).toThrow('Syntax errors in policy.')
  })

  it('characters outside what IAM accepts in a policy are a ValidationError', async () => {
    const e = await failure(
      call(newIam(), 'CreatePolicy', {
        PolicyName: 'p',
        PolicyDocument: doc({ Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::→' }),
      }),
    )
    expect(e.name).toBe('ValidationError')
    expect(e.message).toBe(
      "1 validation error detected: Value at 'policyDocument' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\u0009\\u000A\\u000D\\u0020-\\u00FF]+",
    )
  })

  it('a resource policy object the grammar refuses grants nothing (and a cyclic one does not crash)', () => {
    const iam = newIam()
    const cyclic: Record<string, unknown> = { Version: '2012-10-17' }
    cyclic.Statement = cyclic
    for (const resourcePolicy of [cyclic, { Statement: 'everyone' }, 42, 'not json'])
      expect(
        iam.authorizer.authorize({
          principal: roleSession(),
          action: 'sqs:SendMessage',
          resource: `arn:aws:sqs:us-east-1:${ACCOUNT}:q`,
          context: {},
          resourceAccount: ACCOUNT,
          resourcePolicy,
        }).decision,
      ).toBe('ImplicitDeny')
  })

  it('hostile wildcards in a policy evaluate without stalling', () => {
    const iam = newIam()
    const pattern = `arn:aws:s3:::${'*a'.repeat(1500)}b`
    const rp = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: pattern }],
    })
    const result = iam.authorizer.authorize({
      principal: roleSession(),
      action: 's3:GetObject',
      resource: `arn:aws:s3:::${'a'.repeat(4000)}`,
      context: {},
      resourceAccount: ACCOUNT,
      resourcePolicy: rp,
    })
    expect(result.decision).toBe('ImplicitDeny')
  })

  it('hostile operation input: wrong types are ValidationErrors, not crashes', async () => {
    const iam = newIam()
    let e = await failure(call(iam, 'CreateRole', { RoleName: { $ne: 1 }, AssumeRolePolicyDocument: 7 }))
    expect(e.name).toBe('ValidationError')
    e = await failure(call(iam, 'SimulateCustomPolicy', { PolicyInputList: 'x', ActionNames: 5 }))
    expect(e.name).toBe('ValidationError')
    e = await failure(call(iam, 'TagRole', { RoleName: 'r', Tags: 'x' }))
    expect(e.name).toBe('ValidationError')
  })
})
