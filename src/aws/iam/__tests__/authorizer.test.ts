import { describe, expect, it } from 'vitest'
import { ACCOUNT, OTHER, doc, roleSession, root, service, user } from './helpers.ts'
import { call, newIam, trust } from './harness.ts'

const TABLE = `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/orders`

async function lab() {
  const iam = newIam()
  await call(iam, 'CreateRole', { RoleName: 'orders-role', AssumeRolePolicyDocument: trust() })
  await call(iam, 'AttachRolePolicy', {
    RoleName: 'orders-role',
    PolicyArn: 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole',
  })
  return iam
}

describe('the Authorizer', () => {
  it('finds a role session’s policies in the store and sees changes at once', async () => {
    const iam = await lab()
    const ask = () =>
      iam.authorizer.authorize({
        principal: roleSession(),
        action: 'dynamodb:PutItem',
        resource: TABLE,
        context: {},
        resourceAccount: ACCOUNT,
      })
    const denied = ask()
    expect(denied.allowed).toBe(false)
    expect(denied.decision).toBe('ImplicitDeny')
    expect(denied.message).toBe(
      `User: arn:aws:sts::${ACCOUNT}:assumed-role/orders-role/place-order is not authorized to perform: dynamodb:PutItem on resource: ${TABLE} because no identity-based policy allows the dynamodb:PutItem action`,
    )
    const e = denied.error('dynamodb')
    expect([e.name, e.message, e.$metadata.httpStatusCode]).toEqual(['AccessDeniedException', denied.message, 400])
    expect(denied.explanation.summary).toMatch(
      /^Denied, because no statement in the identity-based policies of role orders-role/,
    )
    expect(denied.explanation.policies.map((p) => [p.type, p.name])).toEqual([
      ['aws-managed', 'AWSLambdaBasicExecutionRole'],
    ])

    await call(iam, 'PutRolePolicy', {
      RoleName: 'orders-role',
      PolicyName: 'put-orders',
      PolicyDocument: doc({ Effect: 'Allow', Action: 'dynamodb:PutItem', Resource: TABLE }),
    })
    const allowed = ask()
    expect(allowed.allowed).toBe(true)
    expect(allowed.message).toBeUndefined()
    expect(allowed.explanation.deciding[0].policy).toEqual({
      type: 'inline',
      name: 'put-orders',
      attachedTo: 'role orders-role',
    })

    await call(iam, 'DeleteRolePolicy', { RoleName: 'orders-role', PolicyName: 'put-orders' })
    expect(ask().allowed).toBe(false)
  })

  it('fills in the global keys the caller implies', async () => {
    const iam = await lab()
    await call(iam, 'CreateUser', { UserName: 'alice' })
    const role = iam.store.getRole('orders-role')!
    const alice = iam.store.getUser('alice')!
    const cond = (Condition: object) =>
      doc({ Effect: 'Allow', Principal: '*', Action: 'sqs:SendMessage', Resource: '*', Condition })
    const ask = (principal: Parameters<typeof iam.authorizer.authorize>[0]['principal'], Condition: object) =>
      iam.authorizer.authorize({
        principal,
        action: 'sqs:SendMessage',
        resource: `arn:aws:sqs:us-east-1:${ACCOUNT}:q`,
        context: {},
        resourceAccount: ACCOUNT,
        resourcePolicy: cond(Condition),
      }).allowed
    expect(ask(roleSession(), { ArnEquals: { 'aws:PrincipalArn': `arn:aws:iam::${ACCOUNT}:role/orders-role` } })).toBe(
      true,
    )
    expect(
      ask(roleSession(), {
        StringEquals: { 'aws:userid': `${role.id}:place-order`, 'aws:PrincipalType': 'AssumedRole' },
      }),
    ).toBe(true)
    expect(
      ask(roleSession(), { StringEquals: { 'aws:PrincipalAccount': ACCOUNT, 'aws:RequestedRegion': 'us-east-1' } }),
    ).toBe(true)
    expect(
      ask(user('alice'), {
        StringEquals: { 'aws:username': 'alice', 'aws:userid': alice.id, 'aws:PrincipalType': 'User' },
      }),
    ).toBe(true)
    expect(ask(root(), { StringEquals: { 'aws:PrincipalType': 'Account' } })).toBe(true)
    expect(
      ask(roleSession(), {
        DateGreaterThan: { 'aws:CurrentTime': '2026-01-15T11:59:59Z' },
        DateLessThan: { 'aws:EpochTime': '1768478401' },
      }),
    ).toBe(true)
    expect(ask(roleSession(), { Bool: { 'aws:SecureTransport': 'true', 'aws:PrincipalIsAWSService': 'false' } })).toBe(
      true,
    )
    const s3 = service('s3.amazonaws.com', { sourceArn: 'arn:aws:s3:::uploads', sourceAccount: ACCOUNT })
    expect(
      ask(s3, { ArnLike: { 'aws:SourceArn': 'arn:aws:s3:::uploads' }, StringEquals: { 'aws:SourceAccount': ACCOUNT } }),
    ).toBe(true)
    expect(
      ask(s3, {
        StringEquals: { 'aws:PrincipalServiceName': 's3.amazonaws.com', 'aws:PrincipalIsAWSService': 'true' },
      }),
    ).toBe(true)
    // Keys the gateway passes win over the implied ones.
    const r = iam.authorizer.authorize({
      principal: roleSession(),
      action: 'sqs:SendMessage',
      resource: `arn:aws:sqs:us-east-1:${ACCOUNT}:q`,
      context: { 'aws:RequestedRegion': 'eu-west-1' },
      resourceAccount: ACCOUNT,
      resourcePolicy: cond({ StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } }),
    })
    expect(r.allowed).toBe(true)
  })

  it('records when a role was last used', async () => {
    const iam = await lab()
    await iam.clock.advance(60_000)
    iam.authorizer.authorize({
      principal: roleSession(),
      action: 'logs:PutLogEvents',
      resource: '*',
      context: {},
      resourceAccount: ACCOUNT,
    })
    const { Role } = await call<{ Role: { RoleLastUsed: unknown } }>(iam, 'GetRole', { RoleName: 'orders-role' })
    expect(Role.RoleLastUsed).toEqual({ LastUsedDate: new Date(Date.UTC(2026, 0, 15, 12, 1)), Region: 'us-east-1' })
  })

  it('a principal of another account has no identity policies here; the root user may do anything', async () => {
    const iam = await lab()
    const foreign = roleSession('orders-role', 'x', OTHER)
    expect(
      iam.authorizer.authorize({
        principal: foreign,
        action: 'logs:PutLogEvents',
        resource: '*',
        context: {},
        resourceAccount: ACCOUNT,
      }).allowed,
    ).toBe(false)
    expect(
      iam.authorizer.authorize({
        principal: root(),
        action: 'iam:DeleteRole',
        resource: '*',
        context: {},
        resourceAccount: ACCOUNT,
      }).allowed,
    ).toBe(true)
  })

  it('the explanation is computed only when read, and is plain data', async () => {
    const iam = await lab()
    const r = iam.authorizer.authorize({
      principal: roleSession(),
      action: 'dynamodb:PutItem',
      resource: TABLE,
      context: {},
      resourceAccount: ACCOUNT,
    })
    const copy = structuredClone({ explanation: r.explanation })
    expect(copy.explanation.decision).toBe('ImplicitDeny')
    expect(JSON.parse(JSON.stringify(r)).explanation.summary).toBe(r.explanation.summary)
  })
})
