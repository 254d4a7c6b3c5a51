// The round trip lesson 4's lab does, for every service, with the real SDK through requestHandler: a
// role session (credentials as Lambda hands them to a function) is denied with that service's own
// exception name, HTTP status and wording; PutRolePolicy grants the one action; the same call then
// succeeds. Plus the IAM client itself: a happy path and its errors.
import { PutEventsCommand } from '@aws-sdk/client-eventbridge'
import {
  AttachRolePolicyCommand,
  CreateRoleCommand,
  EntityAlreadyExistsException,
  GetRoleCommand,
  GetRolePolicyCommand,
  ListAttachedRolePoliciesCommand,
  ListRolePoliciesCommand,
  MalformedPolicyDocumentException,
  NoSuchEntityException,
  PutRolePolicyCommand,
} from '@aws-sdk/client-iam'
import { ListBucketsCommand, PutObjectCommand } from '@aws-sdk/client-s3'
import { ListQueuesCommand, SendMessageCommand } from '@aws-sdk/client-sqs'
import { ListTopicsCommand, PublishCommand } from '@aws-sdk/client-sns'
import { ListEventBusesCommand } from '@aws-sdk/client-eventbridge'
import { ListRolesCommand } from '@aws-sdk/client-iam'
import { describe, expect, it } from 'vitest'
import { createAccount, type Account } from '../index.ts'
import { eventbridge, iam, policy, rejection, roleSession, s3, sns, sqs, trustService } from './account-helpers.ts'
import type { Keys } from './account-helpers.ts'

const SESSION = 'arn:aws:sts::123456789012:assumed-role/app-role/handler'

interface Case {
  service: string
  action: string
  resource: string
  setup(aws: Account): Promise<void>
  call(aws: Account, keys: Keys): Promise<unknown>
  name: string
  status: number
  message: string
}

const cases: Case[] = [
  {
    service: 's3',
    action: 's3:PutObject',
    resource: 'arn:aws:s3:::uploads/a.txt',
    setup: async (aws) => void (await aws.send('s3', 'CreateBucket', { Bucket: 'uploads' })),
    call: (aws, keys) => s3(aws, keys).send(new PutObjectCommand({ Bucket: 'uploads', Key: 'a.txt', Body: 'hi' })),
    name: 'AccessDenied',
    status: 403,
    // S3 quotes the resource.
    message: `User: ${SESSION} is not authorized to perform: s3:PutObject on resource: "arn:aws:s3:::uploads/a.txt" because no identity-based policy allows the s3:PutObject action`,
  },
  {
    service: 'sqs',
    action: 'sqs:SendMessage',
    resource: 'arn:aws:sqs:us-east-1:123456789012:orders',
    setup: async (aws) => void (await aws.send('sqs', 'CreateQueue', { QueueName: 'orders' })),
    call: (aws, keys) =>
      sqs(aws, keys).send(
        new SendMessageCommand({
          QueueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/orders',
          MessageBody: 'order 1',
        }),
      ),
    name: 'AccessDenied',
    status: 403,
    // SQS writes the action in lower case.
    message: `User: ${SESSION} is not authorized to perform: sqs:sendmessage on resource: arn:aws:sqs:us-east-1:123456789012:orders because no identity-based policy allows the sqs:sendmessage action`,
  },
  {
    service: 'sns',
    action: 'sns:Publish',
    resource: 'arn:aws:sns:us-east-1:123456789012:alerts',
    setup: async (aws) => void (await aws.send('sns', 'CreateTopic', { Name: 'alerts' })),
    call: (aws, keys) =>
      sns(aws, keys).send(
        new PublishCommand({ TopicArn: 'arn:aws:sns:us-east-1:123456789012:alerts', Message: 'disk full' }),
      ),
    // The wire code is AuthorizationError; the SDK's class for it is AuthorizationErrorException.
    name: 'AuthorizationErrorException',
    status: 403,
    // SNS writes the prefix in upper case.
    message: `User: ${SESSION} is not authorized to perform: SNS:Publish on resource: arn:aws:sns:us-east-1:123456789012:alerts because no identity-based policy allows the SNS:Publish action`,
  },
  {
    service: 'events',
    action: 'events:PutEvents',
    resource: 'arn:aws:events:us-east-1:123456789012:event-bus/default',
    setup: async () => {},
    call: (aws, keys) =>
      eventbridge(aws, keys).send(
        new PutEventsCommand({ Entries: [{ Source: 'shop.orders', DetailType: 'placed', Detail: '{"id":1}' }] }),
      ),
    name: 'AccessDeniedException',
    status: 400,
    message: `User: ${SESSION} is not authorized to perform: events:PutEvents on resource: arn:aws:events:us-east-1:123456789012:event-bus/default because no identity-based policy allows the events:PutEvents action`,
  },
  {
    service: 'iam',
    action: 'iam:CreateRole',
    resource: 'arn:aws:iam::123456789012:role/escalate',
    setup: async () => {},
    call: (aws, keys) =>
      iam(aws, keys).send(new CreateRoleCommand({ RoleName: 'escalate', AssumeRolePolicyDocument: trustService() })),
    name: 'AccessDenied',
    status: 403,
    message: `User: ${SESSION} is not authorized to perform: iam:CreateRole on resource: arn:aws:iam::123456789012:role/escalate because no identity-based policy allows the iam:CreateRole action`,
  },
]

describe('AccessDenied per service, then allowed after PutRolePolicy (real SDK clients)', () => {
  for (const c of cases) {
    it(`${c.service}: ${c.name} ${c.status}, then ${c.action} succeeds`, async () => {
      const aws = await createAccount()
      await c.setup(aws)
      const { keys } = await roleSession(aws, 'app-role', 'handler')
      const denied = await rejection(c.call(aws, keys))
      expect(denied.name).toBe(c.name)
      expect(denied.$metadata.httpStatusCode).toBe(c.status)
      expect(denied.message).toBe(c.message)
      const log = aws.callLog().at(-1)!
      expect(log).toMatchObject({ service: c.service, outcome: 'error', principal: SESSION })
      expect(log.authorization[0]).toMatchObject({ action: c.action, resource: c.resource, decision: 'ImplicitDeny' })

      // A permission for another resource changes nothing.
      await iam(aws).send(
        new PutRolePolicyCommand({
          RoleName: 'app-role',
          PolicyName: 'other',
          PolicyDocument: policy({ Effect: 'Allow', Action: c.action, Resource: `${c.resource}-other` }),
        }),
      )
      expect((await rejection(c.call(aws, keys))).name).toBe(c.name)

      await iam(aws).send(
        new PutRolePolicyCommand({
          RoleName: 'app-role',
          PolicyName: 'least-privilege',
          PolicyDocument: policy({ Effect: 'Allow', Action: c.action, Resource: c.resource }),
        }),
      )
      await c.call(aws, keys)
      expect(aws.callLog().at(-1)).toMatchObject({
        service: c.service,
        outcome: 'success',
        authorization: [{ action: c.action, decision: 'Allow' }],
      })
    })
  }
})

describe('@aws-sdk/client-iam', () => {
  it('creates a role, puts and reads an inline policy, attaches a managed one', async () => {
    const aws = await createAccount()
    const client = iam(aws)
    const { Role } = await client.send(
      new CreateRoleCommand({ RoleName: 'orders-role', AssumeRolePolicyDocument: trustService(), Path: '/app/' }),
    )
    expect(Role!.Arn).toBe('arn:aws:iam::123456789012:role/app/orders-role')
    expect(Role!.RoleId).toMatch(/^AROA[A-Z0-9]{17}$/)
    expect(Role!.CreateDate).toBeInstanceOf(Date)
    const got = await client.send(new GetRoleCommand({ RoleName: 'orders-role' }))
    // IAM returns policy documents URL-encoded; the SDK hands them over as sent on the wire.
    expect(JSON.parse(decodeURIComponent(got.Role!.AssumeRolePolicyDocument!))).toEqual(JSON.parse(trustService()))
    const doc = policy({ Effect: 'Allow', Action: 'dynamodb:GetItem', Resource: '*' })
    await client.send(new PutRolePolicyCommand({ RoleName: 'orders-role', PolicyName: 'read', PolicyDocument: doc }))
    expect((await client.send(new ListRolePoliciesCommand({ RoleName: 'orders-role' }))).PolicyNames).toEqual(['read'])
    const inline = await client.send(new GetRolePolicyCommand({ RoleName: 'orders-role', PolicyName: 'read' }))
    expect(JSON.parse(decodeURIComponent(inline.PolicyDocument!))).toEqual(JSON.parse(doc))
    await client.send(
      new AttachRolePolicyCommand({
        RoleName: 'orders-role',
        PolicyArn: 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole',
      }),
    )
    const attached = await client.send(new ListAttachedRolePoliciesCommand({ RoleName: 'orders-role' }))
    expect(attached.AttachedPolicies).toEqual([
      {
        PolicyName: 'AWSLambdaBasicExecutionRole',
        PolicyArn: 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole',
      },
    ])
  })

  it('raises IAM exceptions: NoSuchEntity, EntityAlreadyExists, MalformedPolicyDocument', async () => {
    const aws = await createAccount()
    const client = iam(aws)
    const missing = await rejection(client.send(new GetRoleCommand({ RoleName: 'nope' })))
    expect(missing).toBeInstanceOf(NoSuchEntityException)
    expect(missing.$metadata.httpStatusCode).toBe(404)
    expect(missing.message).toBe('The role with name nope cannot be found.')
    await client.send(new CreateRoleCommand({ RoleName: 'r', AssumeRolePolicyDocument: trustService() }))
    const twice = await rejection(
      client.send(new CreateRoleCommand({ RoleName: 'r', AssumeRolePolicyDocument: trustService() })),
    )
    expect(twice).toBeInstanceOf(EntityAlreadyExistsException)
    expect(twice.$metadata.httpStatusCode).toBe(409)
    expect(twice.message).toBe('Role with name r already exists.')
    const malformed = await rejection(
      client.send(new PutRolePolicyCommand({ RoleName: 'r', PolicyName: 'p', PolicyDocument: '{"Version":' })),
    )
    expect(malformed).toBeInstanceOf(MalformedPolicyDocumentException)
    expect(malformed.$metadata.httpStatusCode).toBe(400)
  })
})

// Forged credentials, per protocol: an unknown key, a wrong secret, a wrong session token.
describe('forged credentials, answered with each protocol’s own error (real SDK clients)', () => {
  const calls: [string, (aws: Account, keys: Keys) => Promise<unknown>, [string, number][]][] = [
    [
      's3 (restXml)',
      (aws, k) => s3(aws, k).send(new ListBucketsCommand({})),
      [
        ['InvalidAccessKeyId', 403],
        ['SignatureDoesNotMatch', 403],
        ['InvalidToken', 400],
      ],
    ],
    [
      'sqs (awsJson1_0, query-compatible)',
      // Coral's own front-end errors, as for the other JSON services.
      (aws, k) => sqs(aws, k).send(new ListQueuesCommand({})),
      [
        ['UnrecognizedClientException', 400],
        ['InvalidSignatureException', 400],
        ['UnrecognizedClientException', 400],
      ],
    ],
    [
      'sns (awsQuery)',
      (aws, k) => sns(aws, k).send(new ListTopicsCommand({})),
      [
        ['InvalidClientTokenId', 403],
        ['SignatureDoesNotMatch', 403],
        ['InvalidClientTokenId', 403],
      ],
    ],
    [
      'events (awsJson1_1)',
      (aws, k) => eventbridge(aws, k).send(new ListEventBusesCommand({})),
      [
        ['UnrecognizedClientException', 400],
        ['InvalidSignatureException', 400],
        ['UnrecognizedClientException', 400],
      ],
    ],
    [
      'iam (awsQuery)',
      (aws, k) => iam(aws, k).send(new ListRolesCommand({})),
      [
        ['InvalidClientTokenId', 403],
        ['SignatureDoesNotMatch', 403],
        ['InvalidClientTokenId', 403],
      ],
    ],
  ]
  for (const [label, call, expected] of calls) {
    it(label, async () => {
      const aws = await createAccount()
      const session = aws.credentials.issue(aws.adminPrincipal, { temporary: true })
      await call(aws, session)
      const forged: Keys[] = [
        { AccessKeyId: 'AKIAIOSFODNN7EXAMPLE', SecretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
        { ...aws.adminCredentials, SecretAccessKey: 'x'.repeat(40) },
        { ...session, SessionToken: session.SessionToken + 'x' },
      ]
      const got: [string, number][] = []
      for (const keys of forged) {
        const e = await rejection(call(aws, keys))
        got.push([e.name, e.$metadata.httpStatusCode])
      }
      expect(got).toEqual(expected)
    })
  }
})
