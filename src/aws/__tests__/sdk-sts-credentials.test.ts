// STS through the real @aws-sdk/client-sts (awsQuery + XML), and credentials: issuing, mapping back to
// principals, SigV4 verification, forged / unknown / expired keys answered per protocol.
import { GetItemCommand, ListTablesCommand } from '@aws-sdk/client-dynamodb'
import { AssumeRoleCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts'
import { Sha256, Sha256Js } from '@smithy/core/checksum'
import { SignatureV4 } from '@smithy/signature-v4'
import { describe, expect, it } from 'vitest'
import { CredentialStore } from '../credentials.ts'
import { utf8 } from '../protocol/encoding.ts'
import { CreateRoleCommand, GetUserCommand } from '@aws-sdk/client-iam'
import { VirtualClock } from '../../lambda/public.ts'
import { createAccount } from '../index.ts'
import { dynamo, iam, policy, rejection, sts, testAccount } from './account-helpers.ts'

const ROLE_ARN = 'arn:aws:iam::123456789012:role/service-role/orders-role'
const trustAdmin = policy({
  Effect: 'Allow',
  Principal: { AWS: 'arn:aws:iam::123456789012:user/admin' },
  Action: 'sts:AssumeRole',
})

/** An account with the role orders-role (path /service-role/) that the admin user may assume. */
async function withRole(clock?: VirtualClock) {
  const aws = await createAccount({ clock })
  const out = await iam(aws).send(
    new CreateRoleCommand({
      RoleName: 'orders-role',
      Path: '/service-role/',
      AssumeRolePolicyDocument: trustAdmin,
      MaxSessionDuration: 7200,
    }),
  )
  return { aws, roleId: out.Role!.RoleId! }
}

describe('STS with the real SDK', () => {
  it('GetCallerIdentity returns UserId, Account and Arn as AWS formats them', async () => {
    const aws = await createAccount()
    const out = await sts(aws).send(new GetCallerIdentityCommand({}))
    const admin = await iam(aws).send(new GetUserCommand({ UserName: 'admin' }))
    expect(out).toMatchObject({
      UserId: admin.User!.UserId,
      Account: '123456789012',
      Arn: 'arn:aws:iam::123456789012:user/admin',
    })
    expect(out.UserId).toMatch(/^AIDA[A-Z2-7]{17}$/)
    expect(out.$metadata.requestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  })

  it('AssumeRole checks the trust policy and returns working role-session credentials', async () => {
    const clock = new VirtualClock({ auto: false })
    const { aws, roleId } = await withRole(clock)
    const out = await sts(aws).send(
      new AssumeRoleCommand({ RoleArn: ROLE_ARN, RoleSessionName: 'place-order', DurationSeconds: 900 }),
    )
    expect(out.Credentials?.AccessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/)
    expect(out.Credentials?.SecretAccessKey).toHaveLength(40)
    expect(out.Credentials?.SessionToken).toMatch(/^IQoJb3JpZ2luX2Vj/)
    expect(out.Credentials?.Expiration).toEqual(new Date(clock.now() + 900_000))
    expect(out.AssumedRoleUser).toEqual({
      AssumedRoleId: `${roleId}:place-order`,
      Arn: 'arn:aws:sts::123456789012:assumed-role/orders-role/place-order',
    })
    expect(aws.callLog().at(-1)!.authorization[0]).toMatchObject({
      action: 'sts:AssumeRole',
      resource: ROLE_ARN,
      decision: 'Allow',
    })

    const session = {
      AccessKeyId: out.Credentials!.AccessKeyId!,
      SecretAccessKey: out.Credentials!.SecretAccessKey!,
      SessionToken: out.Credentials!.SessionToken!,
    }
    const me = await sts(aws, session).send(new GetCallerIdentityCommand({}))
    expect(me).toMatchObject({
      UserId: `${roleId}:place-order`,
      Arn: 'arn:aws:sts::123456789012:assumed-role/orders-role/place-order',
    })
    const denied = await rejection(dynamo(aws, session).send(new ListTablesCommand({})))
    expect(denied.name).toBe('AccessDeniedException')
    expect(denied.message).toBe(
      'User: arn:aws:sts::123456789012:assumed-role/orders-role/place-order is not authorized to perform: dynamodb:ListTables because no identity-based policy allows the dynamodb:ListTables action',
    )

    await clock.advance(901_000)
    const expired = await rejection(dynamo(aws, session).send(new ListTablesCommand({})))
    expect(expired.name).toBe('ExpiredTokenException')
    expect(expired.message).toBe('The security token included in the request is expired')
    const expiredQuery = await rejection(sts(aws, session).send(new GetCallerIdentityCommand({})))
    expect(expiredQuery.name).toBe('ExpiredToken')
    expect(expiredQuery.$metadata.httpStatusCode).toBe(403)
  })

  it('needs the trust policy to name the caller: an identity policy alone is not enough', async () => {
    const { aws } = await withRole()
    await aws.send('iam', 'CreateUser', { UserName: 'bob' })
    await aws.send('iam', 'PutUserPolicy', {
      UserName: 'bob',
      PolicyName: 'assume',
      PolicyDocument: policy({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }),
    })
    const bob = aws.credentials.issue({
      kind: 'user',
      arn: 'arn:aws:iam::123456789012:user/bob',
      accountId: '123456789012',
      name: 'bob',
    })
    const assume = () => sts(aws, bob).send(new AssumeRoleCommand({ RoleArn: ROLE_ARN, RoleSessionName: 's1' }))
    const denied = await rejection(assume())
    expect(denied.name).toBe('AccessDenied')
    expect(denied.$metadata.httpStatusCode).toBe(403)
    // STS words it without a reason, the same whether the trust policy refused or the role is unknown.
    expect(denied.message).toBe(
      `User: arn:aws:iam::123456789012:user/bob is not authorized to perform: sts:AssumeRole on resource: ${ROLE_ARN}`,
    )
    expect(aws.callLog().at(-1)!.authorization[0].explanation).toMatchObject({ decision: 'ImplicitDeny' })
    const unknown = await rejection(
      sts(aws).send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::123456789012:role/nope', RoleSessionName: 's1' })),
    )
    expect(unknown.name).toBe('AccessDenied')
    expect(unknown.message).toBe(
      'User: arn:aws:iam::123456789012:user/admin is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::123456789012:role/nope',
    )
    // Trusting the account hands the decision to bob's identity policy, which allows it.
    await aws.send('iam', 'UpdateAssumeRolePolicy', {
      RoleName: 'orders-role',
      PolicyDocument: policy({ Effect: 'Allow', Principal: { AWS: '123456789012' }, Action: 'sts:AssumeRole' }),
    })
    expect((await assume()).AssumedRoleUser!.Arn).toBe('arn:aws:sts::123456789012:assumed-role/orders-role/s1')
  })

  it('validates AssumeRole input as STS does (ValidationError)', async () => {
    const { aws } = await withRole()
    const err = await rejection(sts(aws).send(new AssumeRoleCommand({ RoleArn: ROLE_ARN, RoleSessionName: 'x' })))
    expect(err.name).toBe('ValidationError')
    expect(err.message).toBe(
      "1 validation error detected: Value 'x' at 'roleSessionName' failed to satisfy constraint: Member must have length greater than or equal to 2",
    )
    const tooLong = await rejection(
      sts(aws).send(new AssumeRoleCommand({ RoleArn: ROLE_ARN, RoleSessionName: 'ok', DurationSeconds: 10800 })),
    )
    expect(tooLong.message).toBe('The requested DurationSeconds exceeds the MaxSessionDuration set for this role.')
  })
})

describe('credentials and SigV4', () => {
  it('refuses forged and unknown keys with each protocol’s error', async () => {
    const { aws } = await testAccount()
    const forged = { ...aws.adminCredentials, SecretAccessKey: 'x'.repeat(40) }
    const badSig = await rejection(dynamo(aws, forged).send(new ListTablesCommand({})))
    expect(badSig.name).toBe('InvalidSignatureException')
    expect(badSig.message).toBe(
      'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
    )
    const badSigQuery = await rejection(sts(aws, forged).send(new GetCallerIdentityCommand({})))
    expect(badSigQuery.name).toBe('SignatureDoesNotMatch')
    expect(badSigQuery.$metadata.httpStatusCode).toBe(403)

    const unknown = { AccessKeyId: 'AKIAIOSFODNN7EXAMPLE', SecretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' }
    const json = await rejection(dynamo(aws, unknown).send(new ListTablesCommand({})))
    expect(json.name).toBe('UnrecognizedClientException')
    expect(json.message).toBe('The security token included in the request is invalid.')
    expect(json.$metadata.httpStatusCode).toBe(400)
    const query = await rejection(sts(aws, unknown).send(new GetCallerIdentityCommand({})))
    expect(query.name).toBe('InvalidClientTokenId')
    expect(query.$metadata.httpStatusCode).toBe(403)
    expect(aws.callLog().at(-1)).toMatchObject({
      service: 'sts',
      operation: 'GetCallerIdentity',
      outcome: 'error',
      errorName: 'InvalidClientTokenId',
    })
  })

  it('checks the session token of temporary credentials', async () => {
    const { aws } = await testAccount()
    const keys = aws.credentials.issue(aws.adminPrincipal, { temporary: true })
    await dynamo(aws, keys).send(new ListTablesCommand({}))
    const noToken = await rejection(dynamo(aws, { ...keys, SessionToken: undefined }).send(new ListTablesCommand({})))
    expect(noToken.name).toBe('UnrecognizedClientException')
    const wrong = await rejection(
      dynamo(aws, { ...keys, SessionToken: keys.SessionToken + 'x' }).send(new ListTablesCommand({})),
    )
    expect(wrong.name).toBe('UnrecognizedClientException')
  })

  it('maps keys back to principals, and stops honouring revoked or inactive keys', async () => {
    const { aws } = await testAccount()
    const bob = {
      kind: 'user' as const,
      arn: 'arn:aws:iam::123456789012:user/bob',
      accountId: '123456789012',
      name: 'bob',
    }
    const keys = aws.credentials.issue(bob)
    expect(keys.AccessKeyId).toMatch(/^AKIA[A-Z2-7]{16}$/)
    expect(aws.credentials.principalFor(keys.AccessKeyId)).toEqual(bob)
    aws.credentials.setStatus(keys.AccessKeyId, 'Inactive')
    expect((await rejection(dynamo(aws, keys).send(new ListTablesCommand({})))).name).toBe(
      'UnrecognizedClientException',
    )
    aws.credentials.setStatus(keys.AccessKeyId, 'Active')
    aws.credentials.revokePrincipal(bob.arn)
    expect(aws.credentials.principalFor(keys.AccessKeyId)).toBeUndefined()
  })

  it('notices a body changed after signing', async () => {
    const { aws } = await testAccount()
    const tamper = {
      ...aws.requestHandler,
      handle: (req: any) => {
        req.body = String(req.body).replace('"orders"', '"users!"')
        return aws.requestHandler.handle(req)
      },
    }
    const client = dynamo(aws)
    ;(client.config as any).requestHandler = tamper
    const err = await rejection(client.send(new GetItemCommand({ TableName: 'orders', Key: { id: { S: 'a' } } })))
    expect(err.name).toBe('InvalidSignatureException')
  })

  it('can be turned off for hand-made requests (verifySignatures: false)', async () => {
    const { aws } = await testAccount({ verifySignatures: false })
    const { response } = await aws.requestHandler.handle({
      method: 'POST',
      protocol: 'https:',
      hostname: 'dynamodb.us-east-1.amazonaws.com',
      path: '/',
      query: {},
      headers: { 'x-amz-target': 'DynamoDB_20120810.ListTables', 'content-type': 'application/x-amz-json-1.0' },
      body: '{}',
    } as any)
    expect(response.statusCode).toBe(200)
    expect(JSON.parse(new TextDecoder().decode(response.body as Uint8Array))).toEqual({ TableNames: [] })
  })
})

describe('CredentialStore.verify on its own', () => {
  it('verifies with the pure-JS hash the browser build uses', async () => {
    const store = new CredentialStore(new VirtualClock(), { hash: Sha256Js })
    const keys = store.issue({
      kind: 'user',
      arn: 'arn:aws:iam::123456789012:user/bob',
      accountId: '123456789012',
      name: 'bob',
    })
    const signer = new SignatureV4({
      credentials: { accessKeyId: keys.AccessKeyId, secretAccessKey: keys.SecretAccessKey },
      region: 'us-east-1',
      service: 'dynamodb',
      sha256: Sha256,
    })
    const body = utf8('{"TableName":"orders"}')
    const signed = await signer.sign({
      method: 'POST',
      protocol: 'https:',
      hostname: 'dynamodb.us-east-1.amazonaws.com',
      path: '/',
      query: {},
      headers: { host: 'dynamodb.us-east-1.amazonaws.com', 'x-amz-target': 'DynamoDB_20120810.DescribeTable' },
      body,
    })
    const wire = { ...signed, body, headers: signed.headers as Record<string, string>, query: {} }
    const ok = await store.verify(wire)
    expect(ok.ok && ok.principal).toMatchObject({ name: 'bob' })
    const tampered = await store.verify({
      ...wire,
      headers: { ...wire.headers, 'x-amz-target': 'DynamoDB_20120810.DeleteTable' },
    })
    expect(tampered).toEqual({ ok: false, failure: { kind: 'bad-signature' } })
    const partial = await store.verify({
      ...wire,
      headers: { ...wire.headers, authorization: 'AWS4-HMAC-SHA256 Credential=x' },
    })
    expect(partial.ok === false && partial.failure.kind).toBe('incomplete')
  })
})
