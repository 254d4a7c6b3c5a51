// Seeded random requests and policies for comparing our evaluator with an independent one
// (oracle.test.ts). Actions are real ones (the oracle checks them against AWS's action list);
// policies mix wildcards, NotAction/NotResource, conditions with every operator family,
// explicit denies, and resource policies naming principals in every way IAM allows.
import type { ConditionValues, Principal } from '../../types.ts'
import { ACCOUNT, OTHER } from './helpers.ts'

export function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export interface OracleCase {
  id: number
  principal: Principal
  /** The principal as the oracle takes it (an ARN, or a service principal name). */
  principalString: string
  action: string
  resource: string
  resourceAccount: string
  context: ConditionValues
  identity: object[]
  resourcePolicy?: object
}

const REGION = 'us-east-1'

interface ActionSpec {
  action: string
  resource: (acct: string, pick: <T>(xs: T[]) => T) => string
}

const TABLES = ['orders', 'customers', 'order-archive']
const BUCKETS = ['uploads', 'photos', 'logs-2026']
const QUEUES = ['jobs', 'jobs-dlq', 'emails']
const FUNCTIONS = ['place-order', 'thumbnail', 'send-email']

const ACTIONS: ActionSpec[] = [
  ...['GetItem', 'PutItem', 'DeleteItem', 'Query', 'UpdateItem'].map((a) => ({
    action: `dynamodb:${a}`,
    resource: (acct: string, pick: <T>(xs: T[]) => T) => `arn:aws:dynamodb:${REGION}:${acct}:table/${pick(TABLES)}`,
  })),
  { action: 'dynamodb:ListTables', resource: () => '*' },
  ...['GetObject', 'PutObject', 'DeleteObject'].map((a) => ({
    action: `s3:${a}`,
    resource: (_: string, pick: <T>(xs: T[]) => T) =>
      `arn:aws:s3:::${pick(BUCKETS)}/${pick(['a.txt', 'dir/b.png', 'x'])}`,
  })),
  { action: 's3:ListBucket', resource: (_: string, pick: <T>(xs: T[]) => T) => `arn:aws:s3:::${pick(BUCKETS)}` },
  ...['SendMessage', 'ReceiveMessage', 'DeleteMessage'].map((a) => ({
    action: `sqs:${a}`,
    resource: (acct: string, pick: <T>(xs: T[]) => T) => `arn:aws:sqs:${REGION}:${acct}:${pick(QUEUES)}`,
  })),
  ...['InvokeFunction', 'GetFunction'].map((a) => ({
    action: `lambda:${a}`,
    resource: (acct: string, pick: <T>(xs: T[]) => T) => `arn:aws:lambda:${REGION}:${acct}:function:${pick(FUNCTIONS)}`,
  })),
  { action: 'lambda:ListFunctions', resource: () => '*' },
  { action: 'sns:Publish', resource: (acct: string) => `arn:aws:sns:${REGION}:${acct}:order-events` },
  { action: 'events:PutEvents', resource: (acct: string) => `arn:aws:events:${REGION}:${acct}:event-bus/default` },
]

const SERVICES = ['s3.amazonaws.com', 'sns.amazonaws.com', 'events.amazonaws.com']

export function generateCases(count: number, seed: number): OracleCase[] {
  const r = rng(seed)
  const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)]
  const chance = (p: number) => r() < p
  const cases: OracleCase[] = []

  for (let id = 0; id < count; id++) {
    const spec = pick(ACTIONS)
    const kind = pick(['role', 'role', 'role', 'user', 'user', 'foreign', 'service', 'root'] as const)
    const roleName = pick(['orders-role', 'reader'])
    let principal: Principal
    if (kind === 'role' || kind === 'foreign') {
      const acct = kind === 'foreign' ? OTHER : ACCOUNT
      principal = {
        kind: 'assumed-role',
        arn: `arn:aws:sts::${acct}:assumed-role/${roleName}/${pick(['s1', 'worker'])}`,
        accountId: acct,
        roleArn: `arn:aws:iam::${acct}:role/${roleName}`,
        roleName,
        sessionName: 's1',
      }
      principal.sessionName = principal.arn.split('/').pop()!
    } else if (kind === 'user') {
      const name = pick(['alice', 'bob'])
      principal = { kind: 'user', arn: `arn:aws:iam::${ACCOUNT}:user/${name}`, accountId: ACCOUNT, name }
    } else if (kind === 'root') {
      principal = { kind: 'root', arn: `arn:aws:iam::${ACCOUNT}:root`, accountId: ACCOUNT }
    } else {
      principal = { kind: 'service', service: pick(SERVICES) }
    }
    const resourceAccount = ACCOUNT
    const resource = spec.resource(resourceAccount, pick)
    const context = makeContext(principal, r, pick, chance)

    const identity: object[] = []
    if (principal.kind !== 'service' && principal.kind !== 'root') {
      const n = Math.floor(r() * 3)
      for (let i = 0; i < n; i++)
        identity.push(
          policy(Array.from({ length: 1 + Math.floor(r() * 3) }, () => statement(spec, resource, pick, chance, r))),
        )
    }
    let resourcePolicy: object | undefined
    if (chance(principal.kind === 'service' || kind === 'foreign' ? 0.8 : 0.4)) {
      resourcePolicy = policy(
        Array.from({ length: 1 + Math.floor(r() * 2) }, () => ({
          ...statement(spec, resource, pick, chance, r),
          ...principalElement(principal, pick, chance),
        })),
      )
    }
    const principalString = principal.kind === 'service' ? principal.service : principal.arn
    cases.push({
      id,
      principal,
      principalString,
      action: spec.action,
      resource,
      resourceAccount,
      context,
      identity,
      resourcePolicy,
    })
  }
  return cases
}

const policy = (Statement: object[]) => ({ Version: '2012-10-17', Statement })

function makeContext(
  principal: Principal,
  r: () => number,
  pick: <T>(xs: T[]) => T,
  chance: (p: number) => boolean,
): ConditionValues {
  const ctx: ConditionValues = {
    'aws:RequestedRegion': pick(['us-east-1', 'eu-west-1']),
    'aws:CurrentTime': pick(['2026-01-15T12:00:00Z', '2025-06-01T00:00:00Z']),
    'aws:EpochTime': pick(['1768478400', '1748736000']),
    'aws:SecureTransport': pick(['true', 'false']),
  }
  if (chance(0.8)) ctx['aws:SourceIp'] = pick(['203.0.113.10', '198.51.100.7', '2001:db8::5'])
  if (principal.kind !== 'service') {
    ctx['aws:PrincipalArn'] = principal.kind === 'assumed-role' ? principal.roleArn : principal.arn
    ctx['aws:PrincipalAccount'] = principal.accountId
  }
  if (principal.kind === 'user') ctx['aws:username'] = principal.name
  if (principal.kind === 'service' || chance(0.2)) {
    ctx['aws:SourceArn'] = pick([
      'arn:aws:s3:::uploads',
      'arn:aws:sns:us-east-1:123456789012:order-events',
      'arn:aws:events:us-east-1:123456789012:rule/nightly',
    ])
    ctx['aws:SourceAccount'] = pick([ACCOUNT, ACCOUNT, OTHER])
  }
  if (chance(0.3))
    ctx['aws:CalledVia'] = pick([['athena.amazonaws.com'], ['athena.amazonaws.com', 'dynamodb.amazonaws.com'], []])
  if (chance(0.3)) ctx['aws:PrincipalTag/team'] = pick(['shop', 'ops'])
  void r
  return ctx
}

function actionPattern(action: string, pick: <T>(xs: T[]) => T): string {
  const [svc, name] = action.split(':')
  return pick([
    action,
    action,
    action.toLowerCase(),
    `${svc}:*`,
    `${svc}:${name.slice(0, 3)}*`,
    `${svc}:*${name.slice(-4)}`,
    `${svc}:?${name.slice(1)}`,
    '*',
    pick([
      'dynamodb:GetItem',
      's3:GetObject',
      'sqs:SendMessage',
      'lambda:InvokeFunction',
      'sns:Publish',
      'logs:PutLogEvents',
    ]),
    `${pick(['dynamodb', 's3', 'sqs'])}:List*`,
  ])
}

function resourcePattern(resource: string, pick: <T>(xs: T[]) => T): string {
  if (resource === '*') return pick(['*', '*', 'arn:aws:dynamodb:*:*:table/*', 'arn:aws:lambda:*:*:function:*'])
  const parts = resource.split(':')
  const lastSlash = resource.lastIndexOf('/')
  return pick([
    resource,
    resource,
    '*',
    lastSlash > 0 ? `${resource.slice(0, lastSlash)}/*` : `${resource}*`,
    `${parts.slice(0, 3).join(':')}:*:*:*`,
    `${parts.slice(0, 3).join(':')}:${parts[3] ? '*' : ''}:${parts[4] ? '*' : ''}:${parts.slice(5).join(':').slice(0, 4)}*`,
    resource.replace(/[a-z](?=[^:]*$)/, '?'),
    resource.replace(/(orders|uploads|jobs|place-order)/, 'other'),
    `${parts.slice(0, 3).join(':')}:*`,
    'arn:aws:s3:::photos/*',
  ])
}

function condition(pick: <T>(xs: T[]) => T, chance: (p: number) => boolean): object {
  const ifExists = chance(0.15) ? 'IfExists' : ''
  const choice = pick([
    () => ({
      [`StringEquals${ifExists}`]: {
        'aws:RequestedRegion': pick([['us-east-1'], ['us-east-1', 'eu-west-1'], 'eu-central-1']),
      },
    }),
    () => ({ [`StringNotEquals${ifExists}`]: { 'aws:PrincipalAccount': pick([ACCOUNT, OTHER, [ACCOUNT, OTHER]]) } }),
    () => ({
      [`StringLike${ifExists}`]: {
        'aws:PrincipalArn': pick(['arn:aws:iam::*:role/orders-*', 'arn:aws:iam::123456789012:user/?lice', '*']),
      },
    }),
    () => ({ [`StringNotLike${ifExists}`]: { 'aws:SourceArn': pick(['arn:aws:s3:::*', 'arn:aws:sns:*']) } }),
    () => ({ [`StringEqualsIgnoreCase${ifExists}`]: { 'aws:PrincipalTag/team': pick(['SHOP', 'ops']) } }),
    () => ({ [`StringNotEqualsIgnoreCase${ifExists}`]: { 'aws:username': pick(['ALICE', 'carol']) } }),
    () => ({
      [`ArnLike${ifExists}`]: {
        'aws:SourceArn': pick([
          'arn:aws:s3:::uploads',
          'arn:aws:sns:*:123456789012:*',
          'arn:aws:events:us-east-1:*:rule/*',
        ]),
      },
    }),
    () => ({
      [`ArnEquals${ifExists}`]: {
        'aws:PrincipalArn': pick(['arn:aws:iam::123456789012:role/orders-role', 'arn:aws:iam::123456789012:user/bob']),
      },
    }),
    () => ({ [`ArnNotLike${ifExists}`]: { 'aws:SourceArn': 'arn:aws:s3:::uploads' } }),
    () => ({ [`ArnNotEquals${ifExists}`]: { 'aws:PrincipalArn': 'arn:aws:iam::123456789012:role/reader' } }),
    () => ({ [`StringEquals${ifExists}`]: { 'aws:SourceAccount': pick([ACCOUNT, OTHER]) } }),
    () => ({ [`Bool${ifExists}`]: { 'aws:SecureTransport': pick(['true', 'false']) } }),
    () => ({ [`NumericLessThan${ifExists}`]: { 'aws:EpochTime': pick(['1760000000', '1800000000']) } }),
    () => ({ [`NumericGreaterThanEquals${ifExists}`]: { 'aws:EpochTime': '1768478400' } }),
    () => ({ [`DateGreaterThan${ifExists}`]: { 'aws:CurrentTime': pick(['2026-01-01T00:00:00Z', '2025-01-01']) } }),
    () => ({ [`DateLessThanEquals${ifExists}`]: { 'aws:CurrentTime': '2026-01-15T12:00:00Z' } }),
    () => ({
      [`IpAddress${ifExists}`]: {
        'aws:SourceIp': pick(['203.0.113.0/24', ['198.51.100.0/24', '2001:db8::/32'], '10.0.0.0/8']),
      },
    }),
    () => ({ [`NotIpAddress${ifExists}`]: { 'aws:SourceIp': pick(['203.0.113.0/24', '2001:db8::/32']) } }),
    () => ({ Null: { [pick(['aws:SourceArn', 'aws:PrincipalTag/team', 'aws:SourceIp'])]: pick(['true', 'false']) } }),
    () => ({
      [pick([
        'ForAnyValue:StringEquals',
        'ForAllValues:StringEquals',
        'ForAnyValue:StringLike',
        'ForAllValues:StringNotEquals',
      ])]: {
        'aws:CalledVia': pick([
          ['athena.amazonaws.com'],
          ['dynamodb.amazonaws.com', 'athena.amazonaws.com'],
          'athena.*',
        ]),
      },
    }),
  ])
  return choice()
}

function statement(
  spec: ActionSpec,
  resource: string,
  pick: <T>(xs: T[]) => T,
  chance: (p: number) => boolean,
  r: () => number,
): object {
  const s: Record<string, unknown> = { Effect: chance(0.25) ? 'Deny' : 'Allow' }
  const actions = Array.from({ length: 1 + Math.floor(r() * 2) }, () => actionPattern(spec.action, pick))
  s[chance(0.15) ? 'NotAction' : 'Action'] = actions.length === 1 && chance(0.5) ? actions[0] : actions
  const resources = Array.from({ length: 1 + Math.floor(r() * 2) }, () => resourcePattern(resource, pick))
  s[chance(0.15) ? 'NotResource' : 'Resource'] = resources.length === 1 && chance(0.5) ? resources[0] : resources
  if (chance(0.45)) {
    const c = condition(pick, chance)
    s.Condition = chance(0.3) ? { ...c, ...condition(pick, chance) } : c
  }
  return s
}

function principalElement(principal: Principal, pick: <T>(xs: T[]) => T, chance: (p: number) => boolean): object {
  const candidates: (string | object)[] = [
    '*',
    { AWS: '*' },
    { AWS: ACCOUNT },
    { AWS: `arn:aws:iam::${ACCOUNT}:root` },
    { AWS: `arn:aws:iam::${OTHER}:root` },
    { AWS: `arn:aws:iam::${ACCOUNT}:role/orders-role` },
    { AWS: `arn:aws:iam::${OTHER}:role/orders-role` },
    { AWS: `arn:aws:iam::${ACCOUNT}:user/alice` },
    { AWS: `arn:aws:sts::${ACCOUNT}:assumed-role/reader/worker` },
    { Service: pick(SERVICES) },
    { Service: SERVICES },
  ]
  if (principal.kind !== 'service') candidates.push({ AWS: principal.arn }, { AWS: [principal.arn, OTHER] })
  const p = pick(candidates)
  if (chance(0.06)) return { NotPrincipal: typeof p === 'string' ? { AWS: `arn:aws:iam::${ACCOUNT}:root` } : p }
  return { Principal: p }
}
