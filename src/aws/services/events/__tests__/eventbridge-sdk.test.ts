// The real @aws-sdk/client-eventbridge against the EventBridge service, through account.requestHandler (JSON 1.1).
import {
  CreateEventBusCommand,
  DescribeEventBusCommand,
  ListRulesCommand,
  PutEventsCommand,
  PutRuleCommand,
  PutTargetsCommand,
  TestEventPatternCommand,
} from '@aws-sdk/client-eventbridge'
import { describe, expect, it } from 'vitest'
import { eventbridge } from '../../../__tests__/account-helpers.ts'
import { createAccount } from '../../../index.ts'
import type { EventDelivery } from '../index.ts'

async function client() {
  const aws = await createAccount()
  const seen: EventDelivery[] = []
  aws.services.events.onEvent((d) => seen.push(d))
  return { c: eventbridge(aws), seen, aws }
}

describe('@aws-sdk/client-eventbridge', () => {
  it('buses, rules, targets and PutEvents with a Time', async () => {
    const { c, seen } = await client()
    await c.send(new CreateEventBusCommand({ Name: 'shop' }))
    const bus = await c.send(new DescribeEventBusCommand({ Name: 'shop' }))
    expect(bus.CreationTime).toBeInstanceOf(Date)
    await c.send(
      new PutRuleCommand({
        Name: 'big',
        EventBusName: 'shop',
        EventPattern: JSON.stringify({ detail: { total: [{ numeric: ['>', 100] }] } }),
      }),
    )
    await c.send(
      new PutTargetsCommand({
        Rule: 'big',
        EventBusName: 'shop',
        Targets: [{ Id: 'q', Arn: 'arn:aws:sqs:us-east-1:123456789012:big-orders' }],
      }),
    )
    expect((await c.send(new ListRulesCommand({ EventBusName: 'shop' }))).Rules!.map((r) => r.Name)).toEqual(['big'])
    const out = await c.send(
      new PutEventsCommand({
        Entries: [
          {
            EventBusName: 'shop',
            Source: 'shop.orders',
            DetailType: 'OrderPlaced',
            Detail: JSON.stringify({ total: 250 }),
            Time: new Date(Date.UTC(2025, 5, 1, 8, 30, 0)),
          },
          {
            EventBusName: 'shop',
            Source: 'shop.orders',
            DetailType: 'OrderPlaced',
            Detail: JSON.stringify({ total: 5 }),
          },
        ],
      }),
    )
    expect(out.FailedEntryCount).toBe(0)
    expect(seen[0].matched.map((m) => m.targets[0].Arn)).toEqual(['arn:aws:sqs:us-east-1:123456789012:big-orders'])
    expect(JSON.parse(seen[0].event).time).toBe('2025-06-01T08:30:00Z')
    expect(seen[1].matched).toEqual([])
  })
  it('errors by name: InvalidEventPatternException, ResourceNotFoundException', async () => {
    const { c } = await client()
    const bad = await c.send(new PutRuleCommand({ Name: 'r', EventPattern: '{"source":"x"}' })).catch((e) => e)
    expect(bad.name).toBe('InvalidEventPatternException')
    expect(bad.message).toMatch(
      /^Event pattern is not valid\. Reason: "source" must be an object or an array\n at \[Source/,
    )
    const missing = await c.send(new DescribeEventBusCommand({ Name: 'ghost' })).catch((e) => e)
    expect(missing.name).toBe('ResourceNotFoundException')
    const r = await c.send(
      new TestEventPatternCommand({
        EventPattern: '{"source":["a"]}',
        Event: JSON.stringify({
          id: '1',
          account: '123456789012',
          source: 'a',
          time: 'x',
          region: 'us-east-1',
          'detail-type': 't',
        }),
      }),
    )
    expect(r.Result).toBe(true)
  })
})
