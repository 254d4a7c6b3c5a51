import { describe, expect, it } from 'vitest'
import { decide } from '../evaluate.ts'
import { ACCOUNT, OTHER, doc, evaluate, request, roleSession, root, service, user } from './helpers.ts'

const TABLE = `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/orders`
const allow = (Action: unknown, Resource: unknown = '*', extra: object = {}) =>
  doc({ Effect: 'Allow', Action, Resource, ...extra })
const deny = (Action: unknown, Resource: unknown = '*', extra: object = {}) =>
  doc({ Effect: 'Deny', Action, Resource, ...extra })

describe('the decision, as AWS documents it', () => {
  it('denies by default (implicit deny)', () => {
    expect(evaluate({ action: 'dynamodb:PutItem', resource: TABLE })).toBe('ImplicitDeny')
    expect(
      evaluate({ action: 'dynamodb:PutItem', resource: TABLE, identity: [allow('dynamodb:GetItem', TABLE)] }),
    ).toBe('ImplicitDeny')
  })

  it('allows with an Allow in an identity-based policy', () => {
    expect(
      evaluate({ action: 'dynamodb:PutItem', resource: TABLE, identity: [allow('dynamodb:PutItem', TABLE)] }),
    ).toBe('Allow')
  })

  it('lets an explicit deny anywhere win over every allow', () => {
    const identity = [allow('dynamodb:*'), deny('dynamodb:DeleteItem', TABLE)]
    expect(evaluate({ action: 'dynamodb:DeleteItem', resource: TABLE, identity })).toBe('ExplicitDeny')
    expect(evaluate({ action: 'dynamodb:PutItem', resource: TABLE, identity })).toBe('Allow')
    const resourcePolicy = doc({ Effect: 'Deny', Principal: '*', Action: 'dynamodb:PutItem', Resource: TABLE })
    const d = decide(request({ action: 'dynamodb:PutItem', resource: TABLE, identity, resourcePolicy }))
    expect(d.decision).toBe('ExplicitDeny')
    expect(d.deniedBy).toBe('resource')
  })

  it('matches actions without regard to case, with wildcards', () => {
    expect(evaluate({ action: 'dynamodb:PutItem', resource: TABLE, identity: [allow('DynamoDB:put*')] })).toBe('Allow')
    expect(evaluate({ action: 'dynamodb:PutItem', resource: TABLE, identity: [allow('dynamodb:?utItem')] })).toBe(
      'Allow',
    )
    expect(evaluate({ action: 'dynamodb:PutItem', resource: TABLE, identity: [allow('*')] })).toBe('Allow')
    expect(evaluate({ action: 'dynamodb:PutItem', resource: TABLE, identity: [allow('dynamodb:Get*')] })).toBe(
      'ImplicitDeny',
    )
  })

  it('NotAction allows everything except the listed actions', () => {
    const identity = [doc({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' })]
    expect(evaluate({ action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', identity })).toBe('Allow')
    expect(evaluate({ action: 'iam:CreateUser', resource: `arn:aws:iam::${ACCOUNT}:user/x`, identity })).toBe(
      'ImplicitDeny',
    )
  })

  it('NotResource with Deny denies everywhere except the listed resources', () => {
    const identity = [
      allow('s3:*'),
      doc({ Effect: 'Deny', Action: 's3:*', NotResource: ['arn:aws:s3:::mine', 'arn:aws:s3:::mine/*'] }),
    ]
    expect(evaluate({ action: 's3:GetObject', resource: 'arn:aws:s3:::mine/key', identity })).toBe('Allow')
    expect(evaluate({ action: 's3:GetObject', resource: 'arn:aws:s3:::theirs/key', identity })).toBe('ExplicitDeny')
  })

  it('matches resources with wildcards, segment by segment', () => {
    const identity = [allow('dynamodb:Query', 'arn:aws:dynamodb:*:*:table/orders/index/*')]
    expect(evaluate({ action: 'dynamodb:Query', resource: `${TABLE}/index/byCustomer`, identity })).toBe('Allow')
    expect(evaluate({ action: 'dynamodb:Query', resource: TABLE, identity })).toBe('ImplicitDeny')
  })

  it('a wildcard in the resource type matches nothing (IAM: "You cannot use a wildcard in the portion … that specifies the resource type")', () => {
    expect(
      evaluate({
        action: 'dynamodb:PutItem',
        resource: TABLE,
        identity: [allow('dynamodb:PutItem', `arn:aws:dynamodb:us-east-1:${ACCOUNT}:?able/orders`)],
      }),
    ).toBe('ImplicitDeny')
    expect(
      evaluate({
        action: 'dynamodb:PutItem',
        resource: TABLE,
        identity: [allow('dynamodb:PutItem', 'arn:aws:dynamodb:*:*:tab*')],
      }),
    ).toBe('Allow')
    // S3 and execute-api resources have no type portion.
    expect(
      evaluate({
        action: 's3:GetObject',
        resource: 'arn:aws:s3:::photos/a.png',
        identity: [allow('s3:GetObject', 'arn:aws:s3:::ph?tos/*')],
      }),
    ).toBe('Allow')
    const api = `arn:aws:execute-api:us-east-1:${ACCOUNT}:a1b2c3/prod/GET/pets`
    expect(
      evaluate({
        action: 'execute-api:Invoke',
        resource: api,
        identity: [allow('execute-api:Invoke', 'arn:aws:execute-api:*:*:*/prod/*')],
      }),
    ).toBe('Allow')
  })

  it('covers actions that take no resource only with "Resource": "*"', () => {
    expect(
      evaluate({
        action: 'dynamodb:ListTables',
        resource: '*',
        identity: [allow('dynamodb:*', 'arn:aws:dynamodb:*:*:table/*')],
      }),
    ).toBe('ImplicitDeny')
    expect(evaluate({ action: 'dynamodb:ListTables', resource: '*', identity: [allow('dynamodb:*')] })).toBe('Allow')
  })

  it('reads short resource ARNs: padded in identity policies, wildcard-only in resource policies', () => {
    const q = `arn:aws:sqs:us-east-1:${ACCOUNT}:orders`
    expect(evaluate({ action: 'sqs:SendMessage', resource: q, identity: [allow('sqs:*', 'arn:aws:sqs:*')] })).toBe(
      'Allow',
    )
    const rp = (Resource: string) =>
      doc({ Effect: 'Allow', Principal: { Service: 'sns.amazonaws.com' }, Action: 'sqs:SendMessage', Resource })
    expect(
      evaluate({
        principal: service('sns.amazonaws.com'),
        action: 'sqs:SendMessage',
        resource: q,
        resourcePolicy: rp('arn:aws:sqs:*'),
      }),
    ).toBe('Allow')
  })

  it('reproduces the documentation’s example (Carlos and his log buckets)', () => {
    const carlos = user('carlossalazar')
    const identity = [
      doc([
        {
          Sid: 'AllowS3ListRead',
          Effect: 'Allow',
          Action: [
            's3:GetBucketLocation',
            's3:GetAccountPublicAccessBlock',
            's3:ListAccessPoints',
            's3:ListAllMyBuckets',
          ],
          Resource: 'arn:aws:s3:::*',
        },
        {
          Sid: 'AllowS3Self',
          Effect: 'Allow',
          Action: 's3:*',
          Resource: ['arn:aws:s3:::carlossalazar/*', 'arn:aws:s3:::carlossalazar'],
        },
        { Sid: 'DenyS3Logs', Effect: 'Deny', Action: 's3:*', Resource: 'arn:aws:s3:::*log*' },
      ]),
    ]
    const bucketPolicy = doc({
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/carlossalazar` },
      Action: 's3:*',
      Resource: ['arn:aws:s3:::carlossalazar/*', 'arn:aws:s3:::carlossalazar'],
    })
    const put = (resource: string) =>
      evaluate({ principal: carlos, action: 's3:PutObject', resource, identity, resourcePolicy: bucketPolicy })
    expect(put('arn:aws:s3:::carlossalazar-logs/file')).toBe('ExplicitDeny')
    expect(put('arn:aws:s3:::carlossalazar/file')).toBe('Allow')
  })
})

describe('resource-based policies in one account', () => {
  const fn = `arn:aws:lambda:us-east-1:${ACCOUNT}:function:place-order`
  const grant = (AWS: string) =>
    doc({ Effect: 'Allow', Principal: { AWS }, Action: 'lambda:InvokeFunction', Resource: fn })

  it('allow a role session, its role, or a user named in Principal, without any identity policy', () => {
    const session = roleSession()
    const invoke = (resourcePolicy: string, principal = session) =>
      evaluate({ principal, action: 'lambda:InvokeFunction', resource: fn, resourcePolicy })
    expect(invoke(grant(session.kind === 'assumed-role' ? session.arn : ''))).toBe('Allow')
    expect(invoke(grant(`arn:aws:iam::${ACCOUNT}:role/orders-role`))).toBe('Allow')
    expect(invoke(grant(`arn:aws:iam::${ACCOUNT}:user/alice`), user('alice'))).toBe('Allow')
    expect(invoke(grant(`arn:aws:iam::${ACCOUNT}:role/other-role`))).toBe('ImplicitDeny')
  })

  it('naming only the account delegates to the account’s identity policies', () => {
    for (const AWS of [ACCOUNT, `arn:aws:iam::${ACCOUNT}:root`]) {
      expect(evaluate({ action: 'lambda:InvokeFunction', resource: fn, resourcePolicy: grant(AWS) })).toBe(
        'ImplicitDeny',
      )
      expect(
        evaluate({
          action: 'lambda:InvokeFunction',
          resource: fn,
          resourcePolicy: grant(AWS),
          identity: [allow('lambda:InvokeFunction')],
        }),
      ).toBe('Allow')
    }
  })

  it('"Principal": "*" allows everyone, service principals too', () => {
    const everyone = doc({ Effect: 'Allow', Principal: '*', Action: 'lambda:InvokeFunction', Resource: fn })
    expect(evaluate({ action: 'lambda:InvokeFunction', resource: fn, resourcePolicy: everyone })).toBe('Allow')
    expect(
      evaluate({
        principal: service('events.amazonaws.com'),
        action: 'lambda:InvokeFunction',
        resource: fn,
        resourcePolicy: everyone,
      }),
    ).toBe('Allow')
  })
})

describe('service principals', () => {
  const fn = `arn:aws:lambda:us-east-1:${ACCOUNT}:function:thumbnail`
  const s3Trigger = doc({
    Sid: 's3-trigger',
    Effect: 'Allow',
    Principal: { Service: 's3.amazonaws.com' },
    Action: 'lambda:InvokeFunction',
    Resource: fn,
    Condition: { StringEquals: { 'AWS:SourceAccount': ACCOUNT }, ArnLike: { 'AWS:SourceArn': 'arn:aws:s3:::uploads' } },
  })
  const invoke = (context: Record<string, string>, resourcePolicy?: string) =>
    evaluate({
      principal: service('s3.amazonaws.com'),
      action: 'lambda:InvokeFunction',
      resource: fn,
      context,
      resourcePolicy,
    })

  it('are allowed only by the resource’s policy, with its conditions', () => {
    const from = { 'aws:SourceArn': 'arn:aws:s3:::uploads', 'aws:SourceAccount': ACCOUNT }
    expect(invoke(from, s3Trigger)).toBe('Allow')
    expect(invoke({ ...from, 'aws:SourceArn': 'arn:aws:s3:::other' }, s3Trigger)).toBe('ImplicitDeny')
    expect(invoke({ ...from, 'aws:SourceAccount': OTHER }, s3Trigger)).toBe('ImplicitDeny')
    expect(invoke(from)).toBe('ImplicitDeny')
  })

  it('ignore identity policies (a service has none)', () => {
    const d = decide(
      request({ principal: service(), action: 'lambda:InvokeFunction', resource: fn, identity: [allow('*')] }),
    )
    expect(d.decision).toBe('ImplicitDeny')
    expect(d.deniedBy).toBe('resource')
  })
})

describe('across accounts', () => {
  const bucket = 'arn:aws:s3:::shared/data.csv'
  const from = roleSession('reader', 'job', OTHER)
  const bucketPolicy = (AWS: string) =>
    doc({ Effect: 'Allow', Principal: { AWS }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::shared/*' })
  const get = (identity: string[], resourcePolicy?: string) =>
    decide(
      request({
        principal: from,
        action: 's3:GetObject',
        resource: bucket,
        identity,
        resourcePolicy,
        resourceAccount: ACCOUNT,
      }),
    )

  it('need an Allow on both sides', () => {
    expect(get([allow('s3:GetObject')]).decision).toBe('ImplicitDeny')
    expect(get([allow('s3:GetObject')]).deniedBy).toBe('resource')
    expect(get([], bucketPolicy(OTHER)).decision).toBe('ImplicitDeny')
    expect(get([], bucketPolicy(OTHER)).deniedBy).toBe('identity')
    expect(get([allow('s3:GetObject')], bucketPolicy(OTHER)).decision).toBe('Allow')
    expect(get([allow('s3:GetObject')], bucketPolicy(`arn:aws:iam::${OTHER}:role/reader`)).decision).toBe('Allow')
    expect(get([allow('s3:GetObject')], bucketPolicy(ACCOUNT)).decision).toBe('ImplicitDeny')
  })
})

describe('the root user and NotPrincipal', () => {
  const fn = `arn:aws:lambda:us-east-1:${ACCOUNT}:function:f`
  it('the root user may do anything in its account unless a resource policy denies it', () => {
    expect(evaluate({ principal: root(), action: 'lambda:DeleteFunction', resource: fn })).toBe('Allow')
    const lock = doc({ Effect: 'Deny', Principal: '*', Action: 'lambda:DeleteFunction', Resource: fn })
    expect(evaluate({ principal: root(), action: 'lambda:DeleteFunction', resource: fn, resourcePolicy: lock })).toBe(
      'ExplicitDeny',
    )
    expect(evaluate({ principal: root(OTHER), action: 'lambda:DeleteFunction', resource: fn })).toBe('ImplicitDeny')
  })

  it('Deny with NotPrincipal spares a session only when its account, role and session are all listed', () => {
    const session = roleSession('auditor', 'app')
    const sessionArn = session.kind === 'assumed-role' ? session.arn : ''
    const policy = (list: string[]) =>
      doc([
        { Effect: 'Allow', Principal: '*', Action: 'lambda:GetFunction', Resource: fn },
        { Effect: 'Deny', NotPrincipal: { AWS: list }, Action: 'lambda:GetFunction', Resource: fn },
      ])
    const get = (list: string[]) =>
      evaluate({ principal: session, action: 'lambda:GetFunction', resource: fn, resourcePolicy: policy(list) })
    expect(get([sessionArn])).toBe('ExplicitDeny')
    expect(get([sessionArn, `arn:aws:iam::${ACCOUNT}:role/auditor`, `arn:aws:iam::${ACCOUNT}:root`])).toBe('Allow')
    expect(
      evaluate({
        principal: roleSession('other', 'x'),
        action: 'lambda:GetFunction',
        resource: fn,
        resourcePolicy: policy([sessionArn]),
      }),
    ).toBe('ExplicitDeny')
  })
})
