// Hostile handlers with the SDK: the engine stays bounded and the learner gets AWS's answers. (A
// flood of requests is bounded by the I/O channel itself: 1,000 in flight, then EMFILE; see
// src/lambda/__tests__/io.test.ts.)
import { describe, expect, it } from 'vitest'
import { call, deploy } from '../../__tests__/helpers.ts'
import { role, USERS_TABLE, wired } from './sdk-helpers.ts'

describe('the SDK under hostile handlers', () => {
  it('a client created in an endless loop ends as a timeout, and the service keeps answering', async () => {
    const { aws, lambda } = await wired({ wallClockCapMs: 1500 })
    const Role = await role(aws, 'loop')
    const name = await deploy(
      lambda,
      `import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
export const handler = async () => { for (;;) new DynamoDBClient({}) }`,
      { Role, Timeout: 3 },
    )
    const out = await call(lambda, name)
    expect(out.FunctionError).toBe('Unhandled')
    expect(out.json.errorMessage).toMatch(/Task timed out after 3\.00 seconds/)
    const ok = await deploy(lambda, 'export const handler = async () => 42', { Role })
    expect((await call(lambda, ok)).json).toBe(42)
  })

  it("an item over 400 KB is DynamoDB's ValidationException", async () => {
    const { aws, lambda } = await wired()
    await aws.send('dynamodb', 'CreateTable', USERS_TABLE)
    const Role = await role(aws, 'big', { Effect: 'Allow', Action: 'dynamodb:PutItem', Resource: '*' })
    const name = await deploy(
      lambda,
      `import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb'
export const handler = async () => {
  try {
    await new DynamoDBClient({}).send(new PutItemCommand({ TableName: 'users', Item: { id: { S: 'a' }, blob: { S: 'x'.repeat(410 * 1024) } } }))
  } catch (e) { return [e.name, e.$metadata.httpStatusCode, e.message] }
}`,
      { Role },
    )
    expect((await call(lambda, name)).json).toEqual([
      'ValidationException',
      400,
      'Item size has exceeded the maximum allowed size',
    ])
  })
})
