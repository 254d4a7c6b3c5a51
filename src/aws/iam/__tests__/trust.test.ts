import { describe, expect, it } from 'vitest'
import { ACCOUNT, doc, roleSession, service, user } from './helpers.ts'
import { call, newIam, trust } from './harness.ts'

describe('trust policies', () => {
  it('let the service they name assume the role, and nobody else', async () => {
    const iam = newIam()
    await call(iam, 'CreateRole', { RoleName: 'fn-role', AssumeRolePolicyDocument: trust('lambda.amazonaws.com') })
    expect(iam.trustPolicyAllows('fn-role', service('lambda.amazonaws.com')).allowed).toBe(true)
    const no = iam.trustPolicyAllows('fn-role', service('ec2.amazonaws.com'))
    expect(no.decision).toBe('ImplicitDeny')
    expect(no.explanation?.summary).toMatch(
      /no statement in the resource-based policy of arn:aws:iam::123456789012:role\/fn-role allows the service principal ec2\.amazonaws\.com/,
    )
    expect(iam.trustPolicyAllows('no-such-role', service('lambda.amazonaws.com')).allowed).toBe(false)
  })

  it('must name the caller: an identity policy allowing sts:AssumeRole is not enough', async () => {
    const iam = newIam()
    await call(iam, 'CreateRole', { RoleName: 'target', AssumeRolePolicyDocument: trust() })
    await call(iam, 'CreateUser', { UserName: 'alice' })
    await call(iam, 'PutUserPolicy', {
      UserName: 'alice',
      PolicyName: 'p',
      PolicyDocument: doc({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }),
    })
    expect(iam.trustPolicyAllows('target', user('alice')).allowed).toBe(false)
    // Naming the account delegates to identity policies, which then decide.
    await call(iam, 'UpdateAssumeRolePolicy', {
      RoleName: 'target',
      PolicyDocument: doc({
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
        Action: 'sts:AssumeRole',
      }),
    })
    expect(iam.trustPolicyAllows('target', user('alice')).allowed).toBe(true)
    expect(iam.trustPolicyAllows('target', roleSession('other-role', 's')).allowed).toBe(false)
    // An explicit deny in the trust policy wins.
    await call(iam, 'UpdateAssumeRolePolicy', {
      RoleName: 'target',
      PolicyDocument: doc([
        { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/alice` }, Action: 'sts:AssumeRole' },
        {
          Effect: 'Deny',
          Principal: '*',
          Action: 'sts:AssumeRole',
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        },
      ]),
    })
    expect(iam.trustPolicyAllows('target', user('alice')).allowed).toBe(true)
    expect(
      iam.trustPolicyAllows('target', user('alice'), 'sts:AssumeRole', { 'aws:SecureTransport': 'false' }).decision,
    ).toBe('ExplicitDeny')
  })
})
