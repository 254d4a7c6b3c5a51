import { describe, expect, it } from 'vitest'
import { accessDeniedError, accessDeniedMessage } from '../messages.ts'
import { ACCOUNT, doc, explain, roleSession, service, user } from './helpers.ts'

const TABLE = `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/orders`

describe('explanations', () => {
  it('an implicit deny says no identity statement allows it, and names the closest statement and why', () => {
    const policy = doc([
      { Sid: 'Logs', Effect: 'Allow', Action: 'logs:*', Resource: '*' },
      {
        Sid: 'ReadOrders',
        Effect: 'Allow',
        Action: 'dynamodb:*',
        Resource: `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/customers`,
      },
    ])
    const e = explain({ action: 'dynamodb:PutItem', resource: TABLE, identity: [policy] })
    expect(e.decision).toBe('ImplicitDeny')
    expect(e.allowed).toBe(false)
    expect(e.summary).toBe(
      `Denied, because no statement in the identity-based policies of role orders-role (session place-order) allows dynamodb:PutItem on ${TABLE}. ` +
        `Closest: statement 2 (Sid "ReadOrders") of the inline policy "policy-1" of role orders-role — its Resource ("arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/customers") does not match ${TABLE}.`,
    )
    const [logs, read] = e.policies[0].statements
    expect(logs.matched).toBe(false)
    expect(logs.action).toEqual({ element: 'Action', matched: false, matchedBy: undefined })
    expect(logs.reason).toBe('its Action ("logs:*") does not include dynamodb:PutItem')
    expect(read.action.matchedBy).toBe('dynamodb:*')
    expect(read.resource).toMatchObject({ element: 'Resource', matched: false })
    expect(e.nearMisses).toEqual([read])
    expect(e.deciding).toEqual([])
  })

  it('points at the statement in the policy text, by offsets and by line and column', () => {
    const policy = doc([
      { Sid: 'A', Effect: 'Allow', Action: 's3:GetObject', Resource: '*' },
      { Sid: 'B', Effect: 'Deny', Action: 's3:*', Resource: '*' },
    ])
    const e = explain({ action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', identity: [policy] })
    expect(e.decision).toBe('ExplicitDeny')
    const d = e.deciding[0]
    expect(d.sid).toBe('B')
    expect(JSON.parse(e.policies[0].document.slice(d.start, d.end))).toEqual({
      Sid: 'B',
      Effect: 'Deny',
      Action: 's3:*',
      Resource: '*',
    })
    const lines = e.policies[0].document.split('\n')
    expect(lines[d.startPosition.Line - 1][d.startPosition.Column - 1]).toBe('{')
    expect(lines[d.endPosition.Line - 1][d.endPosition.Column - 2]).toBe('}')
    expect(e.summary).toBe(
      'Denied, because statement 2 (Sid "B") of the inline policy "policy-1" of role orders-role explicitly denies s3:GetObject on arn:aws:s3:::b/k. An explicit deny overrides every allow.',
    )
  })

  it('an allow names the statement that granted it', () => {
    const e = explain({
      action: 's3:GetObject',
      resource: 'arn:aws:s3:::b/k',
      identity: [doc({ Effect: 'Allow', Action: 's3:Get*', Resource: 'arn:aws:s3:::b/*' })],
    })
    expect(e.allowed).toBe(true)
    expect(e.summary).toBe(
      'Allowed by statement 1 of the inline policy "policy-1" of role orders-role, which allows s3:GetObject on arn:aws:s3:::b/k for role orders-role (session place-order).',
    )
    expect(e.deciding[0].action.matchedBy).toBe('s3:Get*')
    expect(e.deciding[0].resource?.matchedBy).toBe('arn:aws:s3:::b/*')
  })

  it('explains each condition with the request’s value, or its absence', () => {
    const fn = `arn:aws:lambda:us-east-1:${ACCOUNT}:function:f`
    const policy = doc({
      Effect: 'Allow',
      Principal: { Service: 's3.amazonaws.com' },
      Action: 'lambda:InvokeFunction',
      Resource: fn,
      Condition: {
        StringEquals: { 'AWS:SourceAccount': ACCOUNT },
        ArnLike: { 'AWS:SourceArn': 'arn:aws:s3:::uploads' },
      },
    })
    const e = explain({
      principal: service('s3.amazonaws.com'),
      action: 'lambda:InvokeFunction',
      resource: fn,
      resourcePolicy: policy,
      context: { 'aws:SourceArn': 'arn:aws:s3:::photos' },
    })
    const s = e.policies[0].statements[0]
    expect(s.conditions).toEqual([
      {
        operator: 'StringEquals',
        key: 'AWS:SourceAccount',
        policyValues: [ACCOUNT],
        requestValues: undefined,
        matched: false,
        reason: 'AWS:SourceAccount is not in the request',
      },
      {
        operator: 'ArnLike',
        key: 'AWS:SourceArn',
        policyValues: ['arn:aws:s3:::uploads'],
        requestValues: ['arn:aws:s3:::photos'],
        matched: false,
        reason: 'AWS:SourceArn is "arn:aws:s3:::photos", which does not satisfy ArnLike "arn:aws:s3:::uploads"',
      },
    ])
    expect(e.summary).toMatch(
      /^Denied, because no statement in the resource-based policy of .* allows the service principal s3\.amazonaws\.com/,
    )
    const none = explain({ principal: service('s3.amazonaws.com'), action: 'lambda:InvokeFunction', resource: fn })
    expect(none.summary).toBe(
      `Denied, because ${fn} has no resource-based policy, and only one can allow the service principal s3.amazonaws.com to perform lambda:InvokeFunction.`,
    )
  })

  it('says when a principal has no identity-based policies, and explains a resource policy naming only the account', () => {
    const e = explain({
      principal: user('bob'),
      action: 'sqs:SendMessage',
      resource: `arn:aws:sqs:us-east-1:${ACCOUNT}:q`,
    })
    expect(e.summary).toBe(
      `Denied, because user bob has no identity-based policies, so nothing allows sqs:SendMessage on arn:aws:sqs:us-east-1:${ACCOUNT}:q.`,
    )
    const rp = doc({ Effect: 'Allow', Principal: { AWS: ACCOUNT }, Action: 'sqs:SendMessage', Resource: '*' })
    const f = explain({
      principal: user('bob'),
      action: 'sqs:SendMessage',
      resource: `arn:aws:sqs:us-east-1:${ACCOUNT}:q`,
      resourcePolicy: rp,
    })
    expect(f.summary).toMatch(
      /The resource-based policy names only the account, which leaves the decision to the identity-based policies\.$/,
    )
    expect(f.policies[0].statements[0].reason).toMatch(/its Principal names only the account 123456789012/)
  })
})

describe('AWS’s access-denied messages', () => {
  const session = roleSession()
  const base = { principal: session, action: 'dynamodb:PutItem', resource: TABLE }

  it('implicit and explicit denies, identity- and resource-based', () => {
    expect(accessDeniedMessage({ ...base, decision: 'ImplicitDeny', deniedBy: 'identity' })).toBe(
      `User: arn:aws:sts::${ACCOUNT}:assumed-role/orders-role/place-order is not authorized to perform: dynamodb:PutItem on resource: ${TABLE} because no identity-based policy allows the dynamodb:PutItem action`,
    )
    expect(accessDeniedMessage({ ...base, decision: 'ExplicitDeny', deniedBy: 'identity' })).toBe(
      `User: arn:aws:sts::${ACCOUNT}:assumed-role/orders-role/place-order is not authorized to perform: dynamodb:PutItem on resource: ${TABLE} with an explicit deny in an identity-based policy`,
    )
    expect(accessDeniedMessage({ ...base, decision: 'ExplicitDeny', deniedBy: 'resource' })).toMatch(
      /with an explicit deny in a resource-based policy$/,
    )
    expect(accessDeniedMessage({ ...base, decision: 'ImplicitDeny', deniedBy: 'resource' })).toMatch(
      /because no resource-based policy allows the dynamodb:PutItem action$/,
    )
  })

  it('leaves out "on resource" for actions without a resource, and names a service principal plainly', () => {
    expect(
      accessDeniedMessage({
        principal: user('bob'),
        action: 'sqs:ListQueues',
        resource: '*',
        decision: 'ImplicitDeny',
      }),
    ).toBe(
      `User: arn:aws:iam::${ACCOUNT}:user/bob is not authorized to perform: sqs:ListQueues because no identity-based policy allows the sqs:ListQueues action`,
    )
    expect(
      accessDeniedMessage({
        principal: service('sns.amazonaws.com'),
        action: 'lambda:InvokeFunction',
        resource: 'arn:aws:lambda:us-east-1:1:function:f',
        decision: 'ImplicitDeny',
        deniedBy: 'resource',
      }),
    ).toBe(
      'User: sns.amazonaws.com is not authorized to perform: lambda:InvokeFunction on resource: arn:aws:lambda:us-east-1:1:function:f because no resource-based policy allows the lambda:InvokeFunction action',
    )
  })

  it('uses each service’s exception name, status and wording', () => {
    const denied = (service: Parameters<typeof accessDeniedError>[0], action: string, resource: string) =>
      accessDeniedError(service, {
        principal: session,
        action,
        resource,
        decision: 'ImplicitDeny',
        deniedBy: 'identity',
      })
    const ddb = denied('dynamodb', 'dynamodb:PutItem', TABLE)
    expect([ddb.name, ddb.$metadata.httpStatusCode, ddb.$fault]).toEqual(['AccessDeniedException', 400, 'client'])
    const lambda = denied('lambda', 'lambda:InvokeFunction', 'arn:aws:lambda:us-east-1:1:function:f')
    expect([lambda.name, lambda.$metadata.httpStatusCode]).toEqual(['AccessDeniedException', 403])
    const s3 = denied('s3', 's3:GetObject', 'arn:aws:s3:::b/k')
    expect([s3.name, s3.$metadata.httpStatusCode]).toEqual(['AccessDenied', 403])
    expect(s3.message).toContain(
      'on resource: "arn:aws:s3:::b/k" because no identity-based policy allows the s3:GetObject action',
    )
    const sqs = denied('sqs', 'sqs:SendMessage', 'arn:aws:sqs:us-east-1:1:q')
    expect(sqs.message).toContain(
      'not authorized to perform: sqs:sendmessage on resource: arn:aws:sqs:us-east-1:1:q because no identity-based policy allows the sqs:sendmessage action',
    )
    const sns = denied('sns', 'sns:Publish', 'arn:aws:sns:us-east-1:1:t')
    expect([sns.name, sns.$metadata.httpStatusCode]).toEqual(['AuthorizationError', 403])
    expect(sns.message).toContain('perform: SNS:Publish on resource')
    expect(denied('iam', 'iam:CreateRole', '*').name).toBe('AccessDenied')
  })
})
