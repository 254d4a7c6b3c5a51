// The Calls view's model against a real simulated account: a role session's denied calls (implicit
// and explicit), the statement to highlight, the calls an invoke made, and what counts as a change.
import { describe, expect, it } from 'vitest'
import { createAccount, type Account, type CallRecord } from '../../aws/index.ts'
import type { Principal } from '../../aws/public.ts'
import {
  callerLabel,
  deniedCallsAfter,
  isPageRead,
  denialFromExplanation,
  denialOf,
  isReadOperation,
  lastChange,
} from './calls.ts'

const TABLE = {
  TableName: 'orders',
  KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
  AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
  BillingMode: 'PAY_PER_REQUEST',
}

async function setUp(): Promise<{ account: Account; session: Principal }> {
  const account = await createAccount()
  await account.send('dynamodb', 'CreateTable', TABLE)
  await account.send('iam', 'CreateRole', {
    RoleName: 'orders-role',
    AssumeRolePolicyDocument: JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    }),
  })
  const id = account.accountId
  const session: Principal = {
    kind: 'assumed-role',
    arn: `arn:aws:sts::${id}:assumed-role/orders-role/place-order`,
    accountId: id,
    roleArn: `arn:aws:iam::${id}:role/orders-role`,
    roleName: 'orders-role',
    sessionName: 'place-order',
  }
  return { account, session }
}

const PUT = { TableName: 'orders', Item: { id: { S: '1' } } }

async function denied(account: Account, session: Principal): Promise<CallRecord> {
  await account.send('dynamodb', 'PutItem', PUT, { principal: session }).then(
    () => {
      throw new Error('expected a denial')
    },
    () => {},
  )
  // The Worker sends explanations as plain JSON.
  return JSON.parse(JSON.stringify(account.callLog().at(-1))) as CallRecord
}

describe('denialOf', () => {
  it('a call no statement allows: "Denied, because", no statement matched, the closest highlighted', async () => {
    const { account, session } = await setUp()
    const doc = JSON.stringify(
      {
        Version: '2012-10-17',
        Statement: [
          { Sid: 'Logs', Effect: 'Allow', Action: 'logs:PutLogEvents', Resource: '*' },
          {
            Sid: 'OtherTable',
            Effect: 'Allow',
            Action: 'dynamodb:PutItem',
            Resource: `arn:aws:dynamodb:us-east-1:${account.accountId}:table/archive`,
          },
        ],
      },
      null,
      2,
    )
    await account.send('iam', 'PutRolePolicy', { RoleName: 'orders-role', PolicyName: 'app', PolicyDocument: doc })
    const call = await denied(account, session)
    expect(call.errorName).toBe('AccessDeniedException')
    const d = denialOf(call)!
    expect(d.summary).toMatch(/^Denied, because no statement in the identity-based policies of role orders-role/)
    expect(d).toMatchObject({ decision: 'ImplicitDeny', noneMatched: true, statementDecided: false })
    expect(d.statement).toMatchObject({ sid: 'OtherTable', policyName: 'app', policyType: 'inline' })
    expect(d.policy?.document).toBe(doc)
    const text = d.policy!.document.slice(d.statement!.start, d.statement!.end)
    expect(JSON.parse(text)).toMatchObject({ Sid: 'OtherTable' })
  })

  it('an explicit deny: the deny statement decided and is highlighted', async () => {
    const { account, session } = await setUp()
    const doc = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: 'dynamodb:*', Resource: '*' },
        { Sid: 'NoWrites', Effect: 'Deny', Action: ['dynamodb:PutItem', 'dynamodb:DeleteItem'], Resource: '*' },
      ],
    })
    await account.send('iam', 'PutRolePolicy', { RoleName: 'orders-role', PolicyName: 'app', PolicyDocument: doc })
    const d = denialOf(await denied(account, session))!
    expect(d).toMatchObject({ decision: 'ExplicitDeny', statementDecided: true, noneMatched: false })
    expect(d.summary).toMatch(/^Denied, because statement 2 \(Sid "NoWrites"\) of the inline policy "app"/)
    expect(JSON.parse(doc.slice(d.statement!.start, d.statement!.end))).toMatchObject({ Sid: 'NoWrites' })
  })

  it('a role without policies, an allowed call, and hostile explanations', async () => {
    const { account, session } = await setUp()
    const d = denialOf(await denied(account, session))!
    expect(d.noneMatched).toBe(true)
    expect(d.statement).toBeUndefined()
    expect(d.summary).toMatch(/has no identity-based policies/)
    expect(denialOf(account.callLog()[0])).toBeUndefined()
    for (const junk of [null, 5, 'x', [], { deciding: 'no', policies: [1, null], nearMisses: [{ start: 'a' }] }]) {
      const j = denialFromExplanation(junk, { message: 'AWS said no' })
      expect(j.summary).toBeTypeOf('string')
      expect(j.policy).toBeUndefined()
    }
  })
})

describe('the calls of an invoke, and changes', () => {
  it('deniedCallsAfter keeps the function’s denied calls after the marker', async () => {
    const { account, session } = await setUp()
    const before = await denied(account, session)
    await account.send('dynamodb', 'GetItem', { TableName: 'orders', Key: { id: { S: '1' } } })
    const after = await denied(account, session)
    const log = [before, JSON.parse(JSON.stringify(account.callLog().at(-2))) as CallRecord, after]
    expect(deniedCallsAfter(log, undefined, 'place-order')).toEqual([before, after])
    expect(deniedCallsAfter(log, before, 'place-order')).toEqual([after])
    expect(deniedCallsAfter(log, after, 'place-order')).toEqual([])
    expect(deniedCallsAfter(log, undefined, 'other-function')).toEqual([])
    // A marker that fell out of the kept window: everything kept is newer.
    expect(deniedCallsAfter([after], before, 'place-order')).toEqual([after])
  })

  it('lastChange moves on writes, not on reads or failures', async () => {
    const { account } = await setUp()
    const log = account.callLog().slice()
    const created = lastChange(log)
    expect(created).toBe(log.at(-1)!.requestId)
    await account.send('dynamodb', 'DescribeTable', { TableName: 'orders' })
    await account.send('dynamodb', 'Scan', { TableName: 'orders' })
    await account.send('dynamodb', 'DeleteTable', { TableName: 'nope' }).catch(() => {})
    expect(lastChange(account.callLog())).toBe(created)
    await account.send('dynamodb', 'PutItem', PUT)
    expect(lastChange(account.callLog())).toBe(account.callLog().at(-1)!.requestId)
    expect(lastChange([])).toBe('')
    expect(['GetItem', 'ListTables', 'HeadObject', 'Query'].every(isReadOperation)).toBe(true)
    expect(['PutItem', 'CreateTable', 'AddPermission'].some(isReadOperation)).toBe(false)
  })

  it('callerLabel names role sessions and users', () => {
    expect(callerLabel('arn:aws:sts::123456789012:assumed-role/orders-role/place-order')).toBe('place-order')
    expect(callerLabel('arn:aws:iam::123456789012:user/admin')).toBe('user admin')
    expect(callerLabel('s3.amazonaws.com')).toBe('s3.amazonaws.com')
    const admin = 'arn:aws:iam::123456789012:user/admin'
    expect(isPageRead({ principal: admin, operation: 'GetRole', outcome: 'success' })).toBe(true)
    expect(isPageRead({ principal: admin, operation: 'PutItem', outcome: 'success' })).toBe(false)
    expect(isPageRead({ principal: admin, operation: 'GetItem', outcome: 'error' })).toBe(false)
  })
})
