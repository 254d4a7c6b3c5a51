import { describe, expect, it } from 'vitest'
import { createEventsService, type EventDelivery } from '../index.ts'
import { ACCOUNT, REGION, expectOnlyAwsErrors, testAccount } from './context.ts'

function setup() {
  const events = createEventsService()
  const acct = testAccount([events.definition])
  const call = (op: string, input: unknown) => acct.call('events', op, input)
  const error = (op: string, input: unknown) => acct.error('events', op, input)
  return { events, acct, call, error }
}

const entry = (detail: unknown = { state: 'running' }, extra: Record<string, unknown> = {}) => ({
  Source: 'orders',
  DetailType: 'OrderPlaced',
  Detail: JSON.stringify(detail),
  ...extra,
})

describe('event buses', () => {
  it('has a default bus, creates, describes, lists and deletes custom ones', async () => {
    const { call } = setup()
    const d = await call('DescribeEventBus', {})
    expect(d).toMatchObject({ Name: 'default', Arn: `arn:aws:events:${REGION}:${ACCOUNT}:event-bus/default` })
    expect(d.CreationTime).toBeInstanceOf(Date)
    expect(await call('CreateEventBus', { Name: 'orders', Description: 'test bus' })).toEqual({
      EventBusArn: `arn:aws:events:${REGION}:${ACCOUNT}:event-bus/orders`,
      Description: 'test bus',
    })
    const list = await call('ListEventBuses', {})
    expect(list.EventBuses.map((b: any) => b.Name)).toEqual(['default', 'orders'])
    expect((await call('ListEventBuses', { NamePrefix: 'ord' })).EventBuses).toHaveLength(1)
    await call('DeleteEventBus', { Name: 'orders' })
    expect((await call('ListEventBuses', {})).EventBuses).toHaveLength(1)
  })
  it('answers with AWS errors', async () => {
    const { call, error } = setup()
    await call('CreateEventBus', { Name: 'b' })
    expect(await error('CreateEventBus', { Name: 'b' })).toMatchObject({
      name: 'ResourceAlreadyExistsException',
      message: 'Event bus b already exists.',
    })
    expect(await error('DescribeEventBus', { Name: 'nope' })).toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'Event bus nope does not exist.',
    })
    expect(await error('DeleteEventBus', { Name: 'nope' })).toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'Event bus nope does not exist.',
    })
    expect(await error('DeleteEventBus', { Name: 'default' })).toMatchObject({
      name: 'ValidationException',
      message: 'Cannot delete event bus default.',
    })
    const bad = await error('CreateEventBus', { Name: 'has space' })
    expect(bad.message).toBe(
      "1 validation error detected: Value 'has space' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: [/\\.\\-_A-Za-z0-9]+",
    )
    expect((await error('CreateEventBus', {})).message).toBe(
      "1 validation error detected: Value null at 'name' failed to satisfy constraint: Member must not be null",
    )
    expect((await error('CreateEventBus', { Name: 5 })).name).toBe('SerializationException')
  })
  it('bus permissions are the resource policy', async () => {
    const { call, error, events } = setup()
    await call('PutPermission', { StatementId: 'other', Action: 'events:PutEvents', Principal: '111122223333' })
    const arn = `arn:aws:events:${REGION}:${ACCOUNT}:event-bus/default`
    expect(JSON.parse(events.definition.resourcePolicy!(arn) as string)).toMatchObject({
      Statement: [
        {
          Sid: 'other',
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::111122223333:root' },
          Action: 'events:PutEvents',
          Resource: arn,
        },
      ],
    })
    await call('RemovePermission', { StatementId: 'other' })
    expect(events.definition.resourcePolicy!(arn)).toBeUndefined()
    expect(await error('RemovePermission', { StatementId: 'other' })).toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'Statement with the provided id does not exist.',
    })
  })
})

describe('rules and targets', () => {
  it('PutRule, DescribeRule, ListRules, Enable/Disable, DeleteRule', async () => {
    const { call } = setup()
    await call('CreateEventBus', { Name: 'shop' })
    const pattern = JSON.stringify({ source: ['orders'] })
    expect(await call('PutRule', { Name: 'r1', EventPattern: pattern })).toEqual({
      RuleArn: `arn:aws:events:${REGION}:${ACCOUNT}:rule/r1`,
    })
    expect(await call('PutRule', { Name: 'r2', EventPattern: pattern, EventBusName: 'shop' })).toEqual({
      RuleArn: `arn:aws:events:${REGION}:${ACCOUNT}:rule/shop/r2`,
    })
    expect(await call('DescribeRule', { Name: 'r1' })).toEqual({
      Name: 'r1',
      Arn: `arn:aws:events:${REGION}:${ACCOUNT}:rule/r1`,
      EventPattern: pattern,
      State: 'ENABLED',
      EventBusName: 'default',
      CreatedBy: ACCOUNT,
    })
    await call('DisableRule', { Name: 'r1' })
    expect((await call('DescribeRule', { Name: 'r1' })).State).toBe('DISABLED')
    await call('EnableRule', { Name: 'r1' })
    await call('PutRule', { Name: 'nightly', ScheduleExpression: 'cron(0 2 * * ? *)' })
    expect((await call('ListRules', {})).Rules.map((r: any) => r.Name)).toEqual(['nightly', 'r1'])
    expect((await call('ListRules', { EventBusName: 'shop' })).Rules.map((r: any) => r.Name)).toEqual(['r2'])
    await call('DeleteRule', { Name: 'r1' })
    await call('DeleteRule', { Name: 'r1' }) // deleting a missing rule succeeds, as on AWS
    expect((await call('ListRules', { NamePrefix: 'r' })).Rules).toEqual([])
  })
  it('paginates ListRules', async () => {
    const { call } = setup()
    for (let i = 0; i < 5; i++) await call('PutRule', { Name: `r${i}`, EventPattern: '{"source":["x"]}' })
    const p1 = await call('ListRules', { Limit: 2 })
    expect(p1.Rules.map((r: any) => r.Name)).toEqual(['r0', 'r1'])
    const p2 = await call('ListRules', { Limit: 2, NextToken: p1.NextToken })
    expect(p2.Rules.map((r: any) => r.Name)).toEqual(['r2', 'r3'])
    const p3 = await call('ListRules', { Limit: 2, NextToken: p2.NextToken })
    expect(p3).toEqual({ Rules: [expect.objectContaining({ Name: 'r4' })] })
  })
  it('refuses bad rules with AWS errors', async () => {
    const { call, error } = setup()
    await call('CreateEventBus', { Name: 'shop' })
    expect(await error('PutRule', { Name: 'r' })).toMatchObject({
      name: 'ValidationException',
      message: 'Parameter(s) EventPattern or ScheduleExpression must be specified.',
    })
    expect(await error('PutRule', { Name: 'r', EventPattern: '{"source":"x"}' })).toMatchObject({
      name: 'InvalidEventPatternException',
      message:
        'Event pattern is not valid. Reason: "source" must be an object or an array\n at [Source: (String)"{"source":"x"}"; line: 1, column: 12]',
    })
    expect(
      await error('PutRule', { Name: 'r', ScheduleExpression: 'rate(5 minutes)', EventBusName: 'shop' }),
    ).toMatchObject({
      message: 'ScheduleExpression is supported only on the default event bus.',
    })
    for (const bad of ['cron(INVALID)', 'rate(1 minutes)', 'rate(0 minutes)', 'cron(0 12 * * * *)', 'every day']) {
      expect(await error('PutRule', { Name: 'r', ScheduleExpression: bad })).toMatchObject({
        message: 'Parameter ScheduleExpression is not valid.',
      })
    }
    for (const good of [
      'rate(1 minute)',
      'rate(5 hours)',
      'cron(0/15 * * * ? *)',
      'cron(0 18 ? * MON-FRI *)',
      'cron(0 10 L * ? 2030)',
    ]) {
      await call('PutRule', { Name: 'ok', ScheduleExpression: good })
    }
    expect(await error('DescribeRule', { Name: 'nope' })).toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'Rule nope does not exist on EventBus default.',
    })
    expect(
      await error('PutRule', { Name: 'r', EventPattern: '{"a":[1]}', EventPattern2: 1, EventBusName: 'ghost' }),
    ).toMatchObject({
      message: 'Event bus ghost does not exist.',
    })
    expect((await error('PutRule', { Name: 'x'.repeat(65), EventPattern: '{"a":[1]}' })).message).toMatch(
      /^1 validation error detected: Value 'x{65}' at 'name' failed to satisfy constraint: Member must have length less than or equal to 64$/,
    )
  })
  it('targets: put, list, replace by id, limit of 5, remove; a rule with targets cannot be deleted', async () => {
    const { call, error } = setup()
    await call('PutRule', { Name: 'r', EventPattern: '{"source":["orders"]}' })
    const t = (id: string) => ({ Id: id, Arn: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${id}` })
    expect(await call('PutTargets', { Rule: 'r', Targets: [t('a'), t('b')] })).toEqual({
      FailedEntryCount: 0,
      FailedEntries: [],
    })
    await call('PutTargets', { Rule: 'r', Targets: [{ ...t('a'), Input: '{"x":1}' }] })
    const list = await call('ListTargetsByRule', { Rule: 'r' })
    expect(list.Targets).toEqual([t('b'), { ...t('a'), Input: '{"x":1}' }])
    expect(await call('ListRuleNamesByTarget', { TargetArn: t('b').Arn })).toEqual({ RuleNames: ['r'] })
    expect(await error('PutTargets', { Rule: 'r', Targets: [t('c'), t('d'), t('e'), t('f')] })).toMatchObject({
      name: 'LimitExceededException',
      message: 'The requested resource exceeds the maximum number allowed.',
    })
    expect(await error('DeleteRule', { Name: 'r' })).toMatchObject({
      message: "Rule can't be deleted since it has targets.",
    })
    expect((await error('PutTargets', { Rule: 'r', Targets: [{ Id: '!@#$@!#$', Arn: 'x' }] })).message).toBe(
      "1 validation error detected: Value '!@#$@!#$' at 'targets.1.member.id' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_A-Za-z0-9]+",
    )
    expect(
      (await error('PutTargets', { Rule: 'r', Targets: [{ ...t('a'), Input: '{}', InputPath: '$.detail' }] })).message,
    ).toBe('Only one of Input, InputPath, or InputTransformer must be provided for target a.')
    expect(await error('PutTargets', { Rule: 'nope', Targets: [t('a')] })).toMatchObject({
      message: 'Rule nope does not exist on EventBus default.',
    })
    await call('RemoveTargets', { Rule: 'r', Ids: ['a', 'b'] })
    await call('DeleteRule', { Name: 'r' })
  })
})

describe('PutEvents', () => {
  it('accepts entries, matches rules and tells the delivery hook (targets included)', async () => {
    const { call, events } = setup()
    const seen: EventDelivery[] = []
    events.onEvent((d) => seen.push(d))
    await call('PutRule', { Name: 'running', EventPattern: '{"detail":{"state":["running"]}}' })
    await call('PutRule', { Name: 'off', EventPattern: '{"source":["orders"]}', State: 'DISABLED' })
    await call('PutTargets', {
      Rule: 'running',
      Targets: [{ Id: 'fn', Arn: 'arn:aws:lambda:us-east-1:123456789012:function:f' }],
    })
    const out = await call('PutEvents', { Entries: [entry(), entry({ state: 'stopped' }, { Resources: ['arn:x'] })] })
    expect(out.FailedEntryCount).toBe(0)
    expect(out.Entries).toHaveLength(2)
    expect(out.Entries[0].EventId).toMatch(/^[0-9a-f-]{36}$/)
    expect(seen).toHaveLength(2)
    expect(seen[0].matched).toEqual([
      {
        ruleArn: `arn:aws:events:${REGION}:${ACCOUNT}:rule/running`,
        ruleName: 'running',
        targets: [{ Id: 'fn', Arn: 'arn:aws:lambda:us-east-1:123456789012:function:f' }],
      },
    ])
    expect(seen[1].matched).toEqual([])
    const ev = JSON.parse(seen[0].event)
    expect(Object.keys(ev)).toEqual([
      'version',
      'id',
      'detail-type',
      'source',
      'account',
      'time',
      'region',
      'resources',
      'detail',
    ])
    expect(ev).toMatchObject({
      version: '0',
      id: out.Entries[0].EventId,
      'detail-type': 'OrderPlaced',
      source: 'orders',
      account: ACCOUNT,
      region: REGION,
      time: '2025-01-15T12:00:00Z',
      resources: [],
      detail: { state: 'running' },
    })
    expect(JSON.parse(seen[1].event).resources).toEqual(['arn:x'])
  })
  it('reports per-entry failures with AWS codes', async () => {
    const { call } = setup()
    const out = await call('PutEvents', {
      Entries: [
        { DetailType: 'x', Detail: '{}' },
        { Source: 's', Detail: '{}' },
        { Source: 's', DetailType: 'x' },
        { Source: 's', DetailType: 'x', Detail: 'NotJSON' },
        { Source: 's', DetailType: 'x', Detail: '[]' },
        { Source: 's', DetailType: 'x', Detail: '"NotJSON"' },
        entry(),
      ],
    })
    expect(out.FailedEntryCount).toBe(6)
    expect(out.Entries.slice(0, 6)).toEqual([
      {
        ErrorCode: 'InvalidArgument',
        ErrorMessage: 'Parameter Source is not valid. Reason: Source is a required argument.',
      },
      {
        ErrorCode: 'InvalidArgument',
        ErrorMessage: 'Parameter DetailType is not valid. Reason: DetailType is a required argument.',
      },
      {
        ErrorCode: 'InvalidArgument',
        ErrorMessage: 'Parameter Detail is not valid. Reason: Detail is a required argument.',
      },
      { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' },
      { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' },
      { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' },
    ])
    expect(out.Entries[6].EventId).toBeTruthy()
  })
  it('limits: at most 10 entries and 256 KB per request', async () => {
    const { error, call } = setup()
    const tooMany = await error('PutEvents', { Entries: Array.from({ length: 11 }, () => entry()) })
    expect(tooMany.message).toMatch(
      /^1 validation error detected: Value '\[PutEventsRequestEntry\(time=null, source=orders, resources=null, detailType=OrderPlaced, detail=\{"state":"running"\}, eventBusName=null, traceHeader=null, kmsKeyIdentifier=null, internalMetadata=null\), /,
    )
    expect(tooMany.message).toMatch(
      /\]' at 'entries' failed to satisfy constraint: Member must have length less than or equal to 10$/,
    )
    const big = 'x'.repeat(256 * 1024 - 'orders'.length - 'OrderPlaced'.length - 10)
    await call('PutEvents', { Entries: [entry({ big })] }) // exactly 256 KB - 2 bytes: accepted
    expect(await error('PutEvents', { Entries: [entry({ big: big + 'xxx' })] })).toMatchObject({
      name: 'ValidationException',
      message: 'Total size of the entries in the request is over the limit.',
    })
  })
  it('events sent to a bus that does not exist are accepted and dropped, as on AWS', async () => {
    const { call, events } = setup()
    const seen: EventDelivery[] = []
    events.onEvent((d) => seen.push(d))
    const out = await call('PutEvents', { Entries: [entry({}, { EventBusName: 'ghost' })] })
    expect(out.FailedEntryCount).toBe(0)
    expect(seen[0].matched).toEqual([])
  })
})

describe('TestEventPattern', () => {
  const event = JSON.stringify({
    id: '1',
    account: ACCOUNT,
    source: 'orders',
    time: '2025-01-01T00:00:00Z',
    region: REGION,
    'detail-type': 'x',
    detail: { n: 5 },
  })
  it('matches, and refuses events without the envelope fields', async () => {
    const { call, error } = setup()
    expect(
      await call('TestEventPattern', { EventPattern: '{"detail":{"n":[{"numeric":[">",1]}]}}', Event: event }),
    ).toEqual({ Result: true })
    expect(await call('TestEventPattern', { EventPattern: '{"source":["other"]}', Event: event })).toEqual({
      Result: false,
    })
    for (const bad of ['plain string', '["x"]', '{"testEvent":"value"}']) {
      expect(await error('TestEventPattern', { EventPattern: '{"source":["x"]}', Event: bad })).toMatchObject({
        name: 'ValidationException',
        message: 'Parameter Event is not valid.',
      })
    }
    expect((await error('TestEventPattern', { EventPattern: 'x'.repeat(4097), Event: event })).message).toMatch(
      /at 'eventPattern' failed to satisfy constraint: Member must have length less than or equal to 4096$/,
    )
  })
})

describe('snapshot and restore', () => {
  it('round-trips buses, rules and targets', async () => {
    const { call, events } = setup()
    await call('CreateEventBus', { Name: 'shop', Tags: [{ Key: 'team', Value: 'a' }] })
    await call('PutRule', { Name: 'r', EventBusName: 'shop', EventPattern: '{"source":["orders"]}' })
    await call('PutTargets', {
      Rule: 'r',
      EventBusName: 'shop',
      Targets: [{ Id: 't', Arn: 'arn:aws:sqs:us-east-1:123456789012:q' }],
    })
    const json = JSON.parse(JSON.stringify(events.snapshot()))
    const copy = createEventsService()
    copy.restore(json)
    const acct = testAccount([copy.definition])
    expect((await acct.call('events', 'ListTargetsByRule', { Rule: 'r', EventBusName: 'shop' })).Targets).toEqual([
      { Id: 't', Arn: 'arn:aws:sqs:us-east-1:123456789012:q' },
    ])
    expect(JSON.parse(JSON.stringify(copy.snapshot()))).toEqual(json)
  })
  it('refuses corrupt or hostile state and keeps what it had', async () => {
    const { call, events } = setup()
    await call('CreateEventBus', { Name: 'keep' })
    const before = JSON.stringify(events.snapshot())
    const bad: unknown[] = [
      null,
      'x',
      { version: 2, regions: {} },
      { version: 1, regions: { 'us-east-1': [{ name: 'b', rules: [], creationTime: 0, lastModifiedTime: 0 }] } },
      {
        version: 1,
        regions: {
          'us-east-1': [
            {
              name: 'default',
              rules: [{ name: 'r', state: 'ENABLED', createdBy: ACCOUNT, targets: [], eventPattern: '{"a":"b"}' }],
              creationTime: 0,
              lastModifiedTime: 0,
            },
          ],
        },
      },
      { version: 1, regions: { '../../etc': [] } },
      { version: 1, regions: { 'us-east-1': Array.from({ length: 500 }, (_, i) => ({ name: `b${i}` })) } },
    ]
    for (const json of bad) {
      expect(() => events.restore(json)).toThrow(/^Saved EventBridge state is not valid: /)
      expect(JSON.stringify(events.snapshot())).toBe(before)
    }
  })
})

describe('hostile input', () => {
  it('every operation answers malformed input with an AWS error', async () => {
    const { acct, events, call } = setup()
    await call('PutRule', { Name: 'r', EventPattern: '{"a":[1]}' })
    expect(await expectOnlyAwsErrors(acct, 'events', events.definition)).toBeGreaterThan(100)
  })
})
