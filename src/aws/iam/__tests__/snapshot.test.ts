import { describe, expect, it } from 'vitest'
import { SnapshotError } from '../snapshot.ts'
import { ACCOUNT, doc, roleSession } from './helpers.ts'
import { call, newIam, trust } from './harness.ts'

async function populated() {
  const iam = newIam()
  await call(iam, 'CreateRole', {
    RoleName: 'orders-role',
    AssumeRolePolicyDocument: trust(),
    Tags: [{ Key: 't', Value: 'v' }],
  })
  await call(iam, 'PutRolePolicy', {
    RoleName: 'orders-role',
    PolicyName: 'write',
    PolicyDocument: doc({ Effect: 'Allow', Action: 'dynamodb:PutItem', Resource: '*' }),
  })
  const { Policy } = await call<{ Policy: { Arn: string } }>(iam, 'CreatePolicy', {
    PolicyName: 'read',
    PolicyDocument: doc({ Effect: 'Allow', Action: 'dynamodb:GetItem', Resource: '*' }),
  })
  await call(iam, 'CreatePolicyVersion', {
    PolicyArn: Policy.Arn,
    PolicyDocument: doc({ Effect: 'Allow', Action: 'dynamodb:Query', Resource: '*' }),
  })
  await call(iam, 'AttachRolePolicy', { RoleName: 'orders-role', PolicyArn: Policy.Arn })
  await call(iam, 'AttachRolePolicy', {
    RoleName: 'orders-role',
    PolicyArn: 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole',
  })
  await call(iam, 'CreateUser', { UserName: 'alice' })
  return iam
}

const allowed = (iam: Awaited<ReturnType<typeof populated>>, action: string) =>
  iam.authorizer.authorize({ principal: roleSession(), action, resource: '*', context: {}, resourceAccount: ACCOUNT })
    .allowed

describe('snapshot and restore', () => {
  it('round-trips through JSON: same roles, users, policies and decisions', async () => {
    const iam = await populated()
    const json = JSON.parse(JSON.stringify(iam.snapshot()))
    const copy = newIam()
    copy.restore(json)
    expect(copy.snapshot()).toEqual(iam.snapshot())
    for (const action of ['dynamodb:PutItem', 'dynamodb:GetItem', 'logs:PutLogEvents', 'dynamodb:DeleteItem'])
      expect(allowed(copy, action)).toBe(allowed(iam, action))
    expect(allowed(copy, 'dynamodb:PutItem')).toBe(true)
    // New ids keep being unique after a restore.
    const { User } = await call<{ User: { UserId: string } }>(copy, 'CreateUser', { UserName: 'bob' })
    expect(User.UserId).not.toBe(copy.store.getUser('alice')!.id)
  })

  it('a snapshot is a copy: changing it does not change the store', async () => {
    const iam = await populated()
    const snap = iam.snapshot()
    snap.roles[0].inline = []
    expect(iam.store.getRole('orders-role')!.inline).toHaveLength(1)
  })

  const corrupt: [string, (s: Record<string, unknown>) => unknown, RegExp][] = [
    ['not an object', () => 'hello', /^The saved IAM data is not valid: iam: expected an object$/],
    ['an unknown version', (s) => ({ ...s, version: 2 }), /iam\.version: unknown version 2/],
    ['another account', (s) => ({ ...s, accountId: '999999999999' }), /belongs to account 999999999999/],
    [
      'a role name with spaces',
      (s) => ({ ...s, roles: [{ ...(s.roles as object[])[0], name: 'a b' }] }),
      /iam\.roles\[0\]\.name: not a valid value/,
    ],
    [
      'a malformed trust policy',
      (s) => ({ ...s, roles: [{ ...(s.roles as object[])[0], trust: '{"Statement": 5}' }] }),
      /iam\.roles\[0\]\.trust: Syntax errors in policy\./,
    ],
    [
      'an inline policy with a principal',
      (s) => ({ ...s, roles: [{ ...(s.roles as object[])[0], inline: [{ name: 'p', document: trust() }] }] }),
      /iam\.roles\[0\]\.inline\[0\]\.document: Policy document should not specify a principal\./,
    ],
    [
      'an attachment to a policy that is not there',
      (s) => ({ ...s, policies: [] }),
      /orders-role is attached to arn:aws:iam::123456789012:policy\/read, which does not exist/,
    ],
    [
      'two roles with one name',
      (s) => ({ ...s, roles: [(s.roles as object[])[0], (s.roles as object[])[0]] }),
      /two entries named orders-role/,
    ],
    [
      'a huge list',
      (s) => ({ ...s, users: Array.from({ length: 6000 }, () => ({})) }),
      /iam\.users: more than 5000 entries/,
    ],
    [
      'a default version that does not exist',
      (s) => ({ ...s, policies: [{ ...(s.policies as object[])[0], defaultVersion: 'v9' }] }),
      /defaultVersion: names no version of the policy/,
    ],
    [
      'a number where a string belongs',
      (s) => ({ ...s, users: [{ ...(s.users as object[])[0], path: 5 }] }),
      /iam\.users\[0\]\.path: expected a string/,
    ],
  ]

  it.each(corrupt)('refuses %s with a clear message and keeps the store as it was', async (_, mutate, message) => {
    const iam = await populated()
    const before = iam.snapshot()
    const bad = mutate(JSON.parse(JSON.stringify(before)))
    let error: unknown
    try {
      iam.restore(bad)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(SnapshotError)
    expect((error as Error).message).toMatch(message)
    expect(iam.snapshot()).toEqual(before)
  })
})
