// The bundled SDK inside QuickJS on the wire path, through the TEST-ONLY stand-in channel
// (testing/standin.ts) to a real createAccount(): the SDK's own signing, serialisation and errors,
// the account's SigV4 check, codecs and IAM. Credentials come from the environment as Lambda sets it.
import { describe, expect, it } from 'vitest'
import { createAccount, type Account } from '../../../aws/index.ts'
import { policy, roleSession, USERS } from '../../../aws/__tests__/account-helpers.ts'
import { SdkStandin } from '../testing/standin.ts'
import type { SdkPackage } from '../packages.ts'

interface Keys {
  AccessKeyId: string
  SecretAccessKey: string
  SessionToken?: string
}

function lambdaEnv(aws: Account, k: Keys): Record<string, string> {
  return {
    AWS_REGION: aws.region,
    AWS_ACCESS_KEY_ID: k.AccessKeyId,
    AWS_SECRET_ACCESS_KEY: k.SecretAccessKey,
    ...(k.SessionToken ? { AWS_SESSION_TOKEN: k.SessionToken } : {}),
  }
}

async function sandbox(aws: Account, keys: Keys, packages: SdkPackage[] = ['@aws-sdk/client-dynamodb']) {
  return SdkStandin.create(packages, aws.requestHandler as never, lambdaEnv(aws, keys))
}

async function failure(p: Promise<unknown>): Promise<Record<string, any>> {
  try {
    await p
  } catch (e) {
    return (e as { sandbox: Record<string, any> }).sandbox
  }
  throw new Error('expected the call to fail')
}

describe('@aws-sdk/client-dynamodb in the sandbox', () => {
  it('puts and gets an item with the credentials Lambda puts in the environment', async () => {
    const aws = await createAccount()
    await aws.send('dynamodb', 'CreateTable', USERS)
    const { keys } = await roleSession(aws, 'app-role', 'handler', {
      name: 'rw',
      document: policy({ Effect: 'Allow', Action: ['dynamodb:PutItem', 'dynamodb:GetItem'], Resource: '*' }),
    })
    const sb = await sandbox(aws, keys)
    try {
      const item = await sb.run(`(async () => {
        const { DynamoDBClient, PutItemCommand, GetItemCommand } = __lf.provided('@aws-sdk/client-dynamodb')
        const client = new DynamoDBClient({})
        const put = await client.send(new PutItemCommand({ TableName: 'users', Item: { id: { S: 'u1' }, name: { S: 'Ada' } } }))
        const got = await client.send(new GetItemCommand({ TableName: 'users', Key: { id: { S: 'u1' } } }))
        return { status: put.$metadata.httpStatusCode, item: got.Item }
      })()`)
      expect(item).toEqual({ status: 200, item: { id: { S: 'u1' }, name: { S: 'Ada' } } })
      const req = sb.requests[0]
      expect(req.url).toBe('https://dynamodb.us-east-1.amazonaws.com/')
      expect(req.headers['x-amz-target']).toBe('DynamoDB_20120810.PutItem')
      expect(req.headers.authorization).toMatch(
        new RegExp(`^AWS4-HMAC-SHA256 Credential=${keys.AccessKeyId}/\\d{8}/us-east-1/dynamodb/aws4_request`),
      )
      expect(req.headers['x-amz-security-token']).toBe(keys.SessionToken)
      expect(req.headers['user-agent']).toMatch(/aws-sdk-js\/3\.1178\.0/)
      const stored = await aws.send('dynamodb', 'GetItem', { TableName: 'users', Key: { id: { S: 'u1' } } })
      expect(stored).toMatchObject({ Item: { name: { S: 'Ada' } } })
    } finally {
      sb.dispose()
    }
  })

  it("AccessDeniedException with AWS's message when the role lacks the permission", async () => {
    const aws = await createAccount()
    await aws.send('dynamodb', 'CreateTable', USERS)
    const { keys } = await roleSession(aws, 'app-role', 'handler')
    const sb = await sandbox(aws, keys)
    try {
      const e = await failure(
        sb.run(`(async () => {
          const { DynamoDBClient, PutItemCommand } = __lf.provided('@aws-sdk/client-dynamodb')
          return new DynamoDBClient({}).send(new PutItemCommand({ TableName: 'users', Item: { id: { S: 'u1' } } }))
        })()`),
      )
      expect(e.name).toBe('AccessDeniedException')
      expect(e.message).toBe(
        'User: arn:aws:sts::123456789012:assumed-role/app-role/handler is not authorized to perform: dynamodb:PutItem on resource: arn:aws:dynamodb:us-east-1:123456789012:table/users because no identity-based policy allows the dynamodb:PutItem action',
      )
      expect(e.$fault).toBe('client')
      expect(e.$metadata.httpStatusCode).toBe(400)
      expect(e.$metadata.requestId).toMatch(/^[A-Z0-9]{52}$/)
    } finally {
      sb.dispose()
    }
  })

  it('forged credentials in process.env or passed to the client get the gateway’s errors', async () => {
    const aws = await createAccount()
    const sb = await sandbox(aws, aws.adminCredentials)
    try {
      const names = await sb.run(`(async () => {
        const { DynamoDBClient, ListTablesCommand } = __lf.provided('@aws-sdk/client-dynamodb')
        const out = []
        const name = (p) => p.then(() => 'ok', (e) => e.name + ' ' + e.$metadata.httpStatusCode)
        out.push(await name(new DynamoDBClient({}).send(new ListTablesCommand({}))))
        out.push(await name(new DynamoDBClient({ credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' } }).send(new ListTablesCommand({}))))
        process.env.AWS_SECRET_ACCESS_KEY = 'x'.repeat(40)
        out.push(await name(new DynamoDBClient({}).send(new ListTablesCommand({}))))
        return out
      })()`)
      expect(names).toEqual(['ok', 'UnrecognizedClientException 400', 'InvalidSignatureException 400'])
    } finally {
      sb.dispose()
    }
  })

  it('@aws-sdk/lib-dynamodb: the DocumentClient marshals and unmarshals', async () => {
    const aws = await createAccount()
    await aws.send('dynamodb', 'CreateTable', USERS)
    const sb = await sandbox(aws, aws.adminCredentials, ['@aws-sdk/client-dynamodb', '@aws-sdk/lib-dynamodb'])
    try {
      const out = await sb.run(`(async () => {
        const { DynamoDBClient } = __lf.provided('@aws-sdk/client-dynamodb')
        const { DynamoDBDocumentClient, PutCommand, GetCommand } = __lf.provided('@aws-sdk/lib-dynamodb')
        const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}))
        await doc.send(new PutCommand({ TableName: 'users', Item: { id: 'u2', tags: new Set(['a', 'b']), n: 3 } }))
        const { Item } = await doc.send(new GetCommand({ TableName: 'users', Key: { id: 'u2' } }))
        return { id: Item.id, tags: [...Item.tags].sort(), n: Item.n }
      })()`)
      expect(out).toEqual({ id: 'u2', tags: ['a', 'b'], n: 3 })
      const raw = await aws.send('dynamodb', 'GetItem', { TableName: 'users', Key: { id: { S: 'u2' } } })
      expect(raw).toMatchObject({ Item: { tags: { SS: ['a', 'b'] }, n: { N: '3' } } })
    } finally {
      sb.dispose()
    }
  })
})
