import { describe, expect, it } from 'vitest'
import { parsePolicyDocument } from '../grammar.ts'
import { AWS_MANAGED_POLICIES, awsManagedPolicy } from '../managed-policies.ts'
import { ACCOUNT, evaluate, roleSession } from './helpers.ts'

describe('AWS managed policies', () => {
  it('include the ones the course needs, with AWS’s ARNs and paths', () => {
    const names = AWS_MANAGED_POLICIES.map((p) => p.PolicyName)
    for (const name of [
      'AWSLambdaBasicExecutionRole',
      'AmazonDynamoDBReadOnlyAccess',
      'AmazonS3ReadOnlyAccess',
      'AWSLambdaSQSQueueExecutionRole',
      'AdministratorAccess',
      'AWSLambdaDynamoDBExecutionRole',
      'AWSLambdaKinesisExecutionRole',
      'AWSLambdaRole',
      'AmazonSQSFullAccess',
      'AmazonDynamoDBFullAccess',
      'AmazonS3FullAccess',
    ])
      expect(names).toContain(name)
    for (const p of AWS_MANAGED_POLICIES) {
      expect(p.Arn).toBe(`arn:aws:iam::aws:policy${p.Path}${p.PolicyName}`)
      expect(p.PolicyId).toMatch(/^ANPA[A-Z0-9]{17}$/)
      expect(new Date(p.CreateDate).getTime()).toBeLessThanOrEqual(new Date(p.UpdateDate).getTime())
    }
    expect(awsManagedPolicy('arn:aws:iam::aws:policy/service-role/AWSLambdaSQSQueueExecutionRole')?.Path).toBe(
      '/service-role/',
    )
  })

  it('are all valid managed policies (Version 2012-10-17, IAM’s grammar)', () => {
    for (const p of AWS_MANAGED_POLICIES)
      expect(
        () => parsePolicyDocument(p.Document, { kind: 'identity', requireCurrentVersion: true }),
        p.PolicyName,
      ).not.toThrow()
  })

  it('grant what their documents say', () => {
    const doc = (name: string) => AWS_MANAGED_POLICIES.find((p) => p.PolicyName === name)!.Document
    const can = (name: string, action: string, resource = '*') =>
      evaluate({ principal: roleSession(), action, resource, identity: [doc(name)] }) === 'Allow'
    const table = `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/orders`
    expect(
      can(
        'AWSLambdaBasicExecutionRole',
        'logs:PutLogEvents',
        `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/aws/lambda/f:*`,
      ),
    ).toBe(true)
    expect(can('AWSLambdaBasicExecutionRole', 'dynamodb:GetItem', table)).toBe(false)
    expect(can('AmazonDynamoDBReadOnlyAccess', 'dynamodb:GetItem', table)).toBe(true)
    expect(can('AmazonDynamoDBReadOnlyAccess', 'dynamodb:DescribeTable', table)).toBe(true)
    expect(can('AmazonDynamoDBReadOnlyAccess', 'dynamodb:PutItem', table)).toBe(false)
    expect(can('AmazonS3ReadOnlyAccess', 's3:GetObject', 'arn:aws:s3:::b/k')).toBe(true)
    expect(can('AmazonS3ReadOnlyAccess', 's3:PutObject', 'arn:aws:s3:::b/k')).toBe(false)
    expect(can('AWSLambdaSQSQueueExecutionRole', 'sqs:ReceiveMessage', `arn:aws:sqs:us-east-1:${ACCOUNT}:q`)).toBe(true)
    expect(can('AWSLambdaSQSQueueExecutionRole', 'sqs:SendMessage', `arn:aws:sqs:us-east-1:${ACCOUNT}:q`)).toBe(false)
    expect(can('AdministratorAccess', 'iam:CreateUser', `arn:aws:iam::${ACCOUNT}:user/x`)).toBe(true)
  })
})
