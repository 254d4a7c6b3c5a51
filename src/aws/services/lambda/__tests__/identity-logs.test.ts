// A function's identity (its role session's credentials in process.env, mapped back by the
// gateway) and CloudWatch Logs through the real @aws-sdk/client-cloudwatch-logs, including a
// function whose role may not write logs.
import {
  CreateLogGroupCommand,
  DeleteLogGroupCommand,
  DescribeLogGroupsCommand,
  DescribeLogStreamsCommand,
  FilterLogEventsCommand,
  GetLogEventsCommand,
} from '@aws-sdk/client-cloudwatch-logs'
import { describe, expect, it } from 'vitest'
import { rejection } from '../../../__tests__/account-helpers.ts'
import type { LambdaEvent } from '../../../../lambda/index.ts'
import { HELLO, LOGS_ALLOWED, lambdaAccount, lambdaRole, logsClient } from './helpers.ts'

const payload = (s: string) => new TextEncoder().encode(s)
const json = (b: unknown) => JSON.parse(new TextDecoder().decode(b as Uint8Array))

describe('function identity', () => {
  it('each environment gets temporary credentials of arn:aws:sts::<account>:assumed-role/<role>/<function>', async () => {
    const { aws } = await lambdaAccount()
    const Role = await lambdaRole(aws, 'orders-role', LOGS_ALLOWED)
    await aws.send('lambda', 'CreateFunction', {
      FunctionName: 'place-order',
      Runtime: 'nodejs24.x',
      Handler: 'index.handler',
      Role,
      Code: {
        Files: {
          'index.mjs':
            'export const handler = async () => [process.env.AWS_ACCESS_KEY_ID, process.env.AWS_SECRET_ACCESS_KEY, process.env.AWS_SESSION_TOKEN]',
        },
      },
    })
    const out = await aws.send<{ Payload: Uint8Array }>('lambda', 'Invoke', { FunctionName: 'place-order' })
    const [key, secret, token] = json(out.Payload) as string[]
    expect(key).toMatch(/^ASIA/)
    expect(key).not.toBe('ASIAEXAMPLEACCESSKEY')
    const record = aws.credentials.lookup(key)!
    expect(record.secretAccessKey).toBe(secret)
    expect(record.sessionToken).toBe(token)
    expect(record.principal).toMatchObject({
      kind: 'assumed-role',
      arn: 'arn:aws:sts::123456789012:assumed-role/orders-role/place-order',
      roleArn: Role,
    })
  })
})

describe('CloudWatch Logs (@aws-sdk/client-cloudwatch-logs)', () => {
  it('describes, reads and filters a function’s logs', async () => {
    const { aws } = await lambdaAccount()
    const Role = await lambdaRole(aws, 'r', LOGS_ALLOWED)
    await aws.send('lambda', 'CreateFunction', {
      FunctionName: 'hello',
      Runtime: 'nodejs24.x',
      Handler: 'index.handler',
      Role,
      Code: { Files: HELLO },
    })
    await aws.send('lambda', 'Invoke', { FunctionName: 'hello', Payload: payload('{"name":"Ada"}') })
    const c = logsClient(aws)
    const groups = await c.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: '/aws/lambda/' }))
    expect(groups.logGroups?.map((g) => g.logGroupName)).toEqual(['/aws/lambda/hello'])
    expect(groups.logGroups?.[0].arn).toBe('arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/hello:*')
    const streams = await c.send(new DescribeLogStreamsCommand({ logGroupName: '/aws/lambda/hello' }))
    expect(streams.logStreams).toHaveLength(1)
    const name = streams.logStreams![0].logStreamName!
    expect(name).toMatch(/^\d{4}\/\d{2}\/\d{2}\/\[\$LATEST\][0-9a-f]{32}$/)
    const events = await c.send(
      new GetLogEventsCommand({ logGroupName: '/aws/lambda/hello', logStreamName: name, startFromHead: true }),
    )
    const messages = events.events!.map((e) => e.message!)
    expect(messages.some((m) => m.startsWith('START RequestId:'))).toBe(true)
    expect(messages.some((m) => m.includes('hello Ada'))).toBe(true)
    expect(events.events![0]).not.toHaveProperty('platform')
    const filtered = await c.send(
      new FilterLogEventsCommand({ logGroupName: '/aws/lambda/hello', filterPattern: 'REPORT' }),
    )
    expect(filtered.events).toHaveLength(1)
    expect(filtered.events![0].logStreamName).toBe(name)
  })

  it('creates and deletes log groups with CloudWatch’s errors', async () => {
    const { aws } = await lambdaAccount()
    const c = logsClient(aws)
    await c.send(new CreateLogGroupCommand({ logGroupName: 'app' }))
    const dup = await rejection(c.send(new CreateLogGroupCommand({ logGroupName: 'app' })))
    expect(dup.name).toBe('ResourceAlreadyExistsException')
    expect(dup.message).toBe('The specified log group already exists')
    expect((await c.send(new DescribeLogGroupsCommand({}))).logGroups?.map((g) => g.logGroupName)).toEqual(['app'])
    await c.send(new DeleteLogGroupCommand({ logGroupName: 'app' }))
    const gone = await rejection(c.send(new DeleteLogGroupCommand({ logGroupName: 'app' })))
    expect(gone.name).toBe('ResourceNotFoundException')
    expect(gone.message).toBe('The specified log group does not exist.')
    const streams = await rejection(c.send(new DescribeLogStreamsCommand({ logGroupName: 'app' })))
    expect(streams.name).toBe('ResourceNotFoundException')
    const bad = await rejection(c.send(new CreateLogGroupCommand({ logGroupName: 'bad name!' })))
    expect(bad.name).toBe('InvalidParameterException')
  })

  it('a function whose role may not write logs gets none in CloudWatch (Tail still works; an event says why)', async () => {
    const { aws, engine } = await lambdaAccount()
    const Role = await lambdaRole(aws, 'silent-role', { Effect: 'Allow', Action: 'dynamodb:GetItem', Resource: '*' })
    const events: LambdaEvent[] = []
    engine.onEvent((e) => events.push(e))
    await aws.send('lambda', 'CreateFunction', {
      FunctionName: 'silent',
      Runtime: 'nodejs24.x',
      Handler: 'index.handler',
      Role,
      Code: { Files: HELLO },
    })
    const out = await aws.send<{ LogResult: string }>('lambda', 'Invoke', {
      FunctionName: 'silent',
      Payload: payload('{"name":"x"}'),
      LogType: 'Tail',
    })
    expect(Buffer.from(out.LogResult, 'base64').toString()).toContain('hello x')
    const denied = events.find((e) => e.type === 'LogsDenied')
    expect(denied).toMatchObject({ functionName: 'silent', logGroupName: '/aws/lambda/silent' })
    expect((denied as { reason: string }).reason).toContain(
      'arn:aws:sts::123456789012:assumed-role/silent-role/silent is not authorized to perform: logs:CreateLogGroup',
    )
    const groups = await logsClient(aws).send(new DescribeLogGroupsCommand({}))
    expect(groups.logGroups).toEqual([])
  })
})
