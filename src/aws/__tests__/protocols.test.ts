// The wire codecs on hand-made requests: awsJson (errors the SDK never provokes), awsQuery with
// shape hints (lists, maps, nested members) and its XML, restJson1 with a synthetic route table,
// and requestHandler's routing.
import { describe, expect, it } from 'vitest'
import { fromUtf8, utf8 } from '../protocol/encoding.ts'
import { UnroutableHostError } from '../protocol/http.ts'
import { queryCodec } from '../protocol/query.ts'
import { restJsonCodec, matchRoute } from '../protocol/rest-json.ts'
import { blob, boolean, integer, list, map, required, string, structure, timestamp } from '../protocol/shapes.ts'
import type { RestRoute, WireRequest } from '../protocol/types.ts'
import type { ServiceDefinition } from '../types.ts'
import { AwsError } from '../errors.ts'
import { testAccount } from './account-helpers.ts'

function wire(partial: Omit<Partial<WireRequest>, 'body'> & { body?: string | Uint8Array }): WireRequest {
  return {
    method: 'POST',
    protocol: 'https:',
    hostname: 'example.amazonaws.com',
    path: '/',
    query: {},
    headers: {},
    ...partial,
    body: typeof partial.body === 'string' ? utf8(partial.body) : (partial.body ?? new Uint8Array(0)),
  }
}

async function raw(
  aws: Awaited<ReturnType<typeof testAccount>>['aws'],
  req: Omit<Partial<WireRequest>, 'body'> & { body?: string },
) {
  const w = wire(req)
  const { response } = await aws.requestHandler.handle({ ...w, body: w.body } as never)
  const text = fromUtf8(response.body as Uint8Array)
  return {
    status: response.statusCode,
    headers: response.headers,
    text,
    json: text.startsWith('{') ? JSON.parse(text) : undefined,
  }
}

describe('awsJson codec', () => {
  it('answers what a hand-made request can get wrong', async () => {
    const { aws } = await testAccount({ verifySignatures: false })
    const host = {
      hostname: 'dynamodb.us-east-1.amazonaws.com',
      headers: { 'content-type': 'application/x-amz-json-1.0' },
    }
    const bad = await raw(aws, {
      ...host,
      headers: { ...host.headers, 'x-amz-target': 'DynamoDB_20120810.ListTables' },
      body: 'not json',
    })
    expect(bad.status).toBe(400)
    expect(bad.json).toEqual({ __type: 'com.amazon.coral.service#SerializationException' })
    const unknown = await raw(aws, {
      ...host,
      headers: { ...host.headers, 'x-amz-target': 'DynamoDB_20120810.ListTable' },
      body: '{}',
    })
    expect(unknown.json).toEqual({ __type: 'com.amazon.coral.service#UnknownOperationException' })
    expect(unknown.headers['x-amzn-errortype']).toBe('UnknownOperationException')
    const wrongType = await raw(aws, {
      ...host,
      headers: { ...host.headers, 'x-amz-target': 'DynamoDB_20120810.GetItem' },
      body: '{"TableName": 5}',
    })
    expect(wrongType.json).toEqual({
      __type: 'com.amazon.coral.service#SerializationException',
      message: 'NUMBER_VALUE cannot be converted to String',
    })
    const badB64 = await raw(aws, {
      ...host,
      headers: { ...host.headers, 'x-amz-target': 'DynamoDB_20120810.GetItem' },
      body: '{"TableName":"users","Key":{"id":{"B":"abc"}}}',
    })
    expect(badB64.json.message).toBe('Base64 encoded length is expected a multiple of 4 bytes but found: 3')
    const notFound = await raw(aws, {
      ...host,
      headers: { ...host.headers, 'x-amz-target': 'DynamoDB_20120810.DescribeTable' },
      body: '{"TableName":"users"}',
    })
    expect(notFound.json).toEqual({
      __type: 'com.amazonaws.dynamodb.v20120810#ResourceNotFoundException',
      message: 'Requested resource not found: Table: users not found',
    })
    expect(notFound.headers['x-amzn-requestid']).toMatch(/^[0-9A-Z]{52}$/)
    expect(notFound.headers['x-amz-crc32']).toMatch(/^\d+$/)
    const unsigned = await raw((await testAccount()).aws, {
      ...host,
      headers: { ...host.headers, 'x-amz-target': 'DynamoDB_20120810.ListTables' },
      body: '{}',
    })
    expect(unsigned.json).toEqual({
      __type: 'com.amazon.coral.service#MissingAuthenticationTokenException',
      message: 'Request is missing Authentication Token',
    })
  })
})

const formService: ServiceDefinition = {
  id: 'sns',
  signingName: 'sns',
  actionPrefix: 'sns',
  protocol: 'awsQuery',
  apiVersion: '2010-03-31',
  xmlNamespace: 'http://sns.amazonaws.com/doc/2010-03-31/',
  operations: {
    Publish: {
      input: structure({
        TopicArn: string(),
        Message: required(string()),
        Tags: list(structure({ Key: string(), Value: string() })),
        Attributes: map(string(), string()),
        MessageAttributes: map(
          string(),
          structure({ DataType: string(), StringValue: string(), BinaryValue: blob() }),
          {
            keyName: 'Name',
            valueName: 'Value',
          },
        ),
        Count: integer(),
        Flag: boolean(),
        At: timestamp(),
        Flat: list(string(), { flattened: true }),
      }),
      output: structure({
        MessageId: string(),
        Ids: list(string()),
        Attributes: map(string(), string()),
        When: timestamp(),
      }),
      authorize: () => [],
      handler: () => ({}),
    },
  },
}

describe('awsQuery codec', () => {
  it('decodes flattened members with the operation’s shape', () => {
    const body =
      'Action=Publish&Version=2010-03-31&Message=hello+world%21&TopicArn=arn%3Aaws%3Asns%3Aus-east-1%3A1%3At' +
      '&Tags.member.1.Key=a&Tags.member.1.Value=1&Tags.member.2.Key=b&Tags.member.2.Value=2' +
      '&Attributes.entry.1.key=k1&Attributes.entry.1.value=v1' +
      '&MessageAttributes.entry.1.Name=color&MessageAttributes.entry.1.Value.DataType=String&MessageAttributes.entry.1.Value.StringValue=red' +
      '&MessageAttributes.entry.2.Name=bin&MessageAttributes.entry.2.Value.DataType=Binary&MessageAttributes.entry.2.Value.BinaryValue=AQI%3D' +
      '&Count=3&Flag=true&At=2024-01-02T03%3A04%3A05Z&Flat.1=x&Flat.2=y'
    const { operation, input } = queryCodec.decode(
      wire({ headers: { 'content-type': 'application/x-www-form-urlencoded' }, body }),
      formService,
    )
    expect(operation).toBe('Publish')
    expect(input).toEqual({
      TopicArn: 'arn:aws:sns:us-east-1:1:t',
      Message: 'hello world!',
      Tags: [
        { Key: 'a', Value: '1' },
        { Key: 'b', Value: '2' },
      ],
      Attributes: { k1: 'v1' },
      MessageAttributes: {
        color: { DataType: 'String', StringValue: 'red' },
        bin: { DataType: 'Binary', BinaryValue: new Uint8Array([1, 2]) },
      },
      Count: 3,
      Flag: true,
      At: new Date('2024-01-02T03:04:05Z'),
      Flat: ['x', 'y'],
    })
    expect(queryCodec.decode(wire({ body: 'Action=Publish&Message=m&Tags=' }), formService).input).toEqual({
      Message: 'm',
      Tags: [],
    })
  })

  it('refuses unknown actions and malformed values', () => {
    const err = (body: string) => {
      try {
        queryCodec.decode(wire({ body }), formService)
      } catch (e) {
        return `${(e as AwsError).name}: ${(e as AwsError).message}`
      }
    }
    expect(err('Action=Nope&Version=2010-03-31')).toBe(
      'InvalidAction: Could not find operation Nope for version 2010-03-31',
    )
    expect(err('Action=Publish&Message=m&Count=abc')).toBe(
      'ValidationError: Value (abc) for parameter Count is invalid.',
    )
    expect(err('Action=Publish&Message=%E0%A4%A')).toMatch(/^MalformedQueryString: /)
  })

  it('writes XML results and errors as AWS query services do', () => {
    const out = queryCodec.encodeOutput(
      { MessageId: 'm-1', Ids: ['a', 'b<c'], Attributes: { k: 'v' }, When: new Date('2024-01-02T03:04:05Z') },
      'Publish',
      formService,
      'req-1',
    )
    expect(out.headers['content-type']).toBe('text/xml')
    expect(fromUtf8(out.body)).toBe(
      '<PublishResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><PublishResult><MessageId>m-1</MessageId>' +
        '<Ids><member>a</member><member>b&lt;c</member></Ids><Attributes><entry><key>k</key><value>v</value></entry></Attributes>' +
        '<When>2024-01-02T03:04:05Z</When></PublishResult><ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata></PublishResponse>\n',
    )
    const err = queryCodec.encodeError(new AwsError('NotFound', 'Topic does not exist', 404), formService, 'req-2')
    expect(err.statusCode).toBe(404)
    expect(fromUtf8(err.body)).toContain(
      '<Error>\n    <Type>Sender</Type>\n    <Code>NotFound</Code>\n    <Message>Topic does not exist</Message>\n  </Error>',
    )
    expect(fromUtf8(err.body)).toContain('<RequestId>req-2</RequestId>')
  })
})

const ROUTES: RestRoute[] = [
  {
    operation: 'Invoke',
    method: 'POST',
    path: '/2015-03-31/functions/{FunctionName}/invocations',
    query: { Qualifier: 'Qualifier' },
    headers: { InvocationType: 'X-Amz-Invocation-Type' },
    payload: 'Payload',
    responsePayload: 'Payload',
    responseHeaders: { FunctionError: 'X-Amz-Function-Error' },
  },
  { operation: 'GetFunction', method: 'GET', path: '/2015-03-31/functions/{FunctionName}' },
  { operation: 'CreateFunction', method: 'POST', path: '/2015-03-31/functions', statusCode: 201 },
  { operation: 'GetObjectish', method: 'GET', path: '/files/{Key+}/meta' },
]

const restService: ServiceDefinition = {
  id: 'lambda',
  signingName: 'lambda',
  actionPrefix: 'lambda',
  protocol: 'restJson1',
  restRoutes: ROUTES,
  operations: {
    Invoke: {
      input: structure({
        FunctionName: required(string()),
        Qualifier: string(),
        InvocationType: string(),
        Payload: blob(),
      }),
      authorize: () => [],
      handler: (input: any) => ({
        StatusCode: 200,
        FunctionError: input.Qualifier === 'bad' ? 'Unhandled' : undefined,
        Payload: input.Payload,
      }),
    },
    GetFunction: {
      authorize: () => [],
      handler: (input: any) => {
        if (input.FunctionName === 'missing')
          throw new AwsError(
            'ResourceNotFoundException',
            'Function not found: arn:aws:lambda:us-east-1:123456789012:function:missing',
            404,
          )
        return { Configuration: { FunctionName: input.FunctionName, LastModified: new Date(0) } }
      },
    },
    CreateFunction: {
      input: structure({ FunctionName: required(string()), MemorySize: integer() }),
      authorize: () => [],
      handler: (input: any) => ({ FunctionName: input.FunctionName, MemorySize: input.MemorySize }),
    },
    GetObjectish: { authorize: () => [], handler: (input: any) => ({ Key: input.Key }) },
  },
}

describe('restJson1 codec (synthetic service)', () => {
  it('matches routes, labels (greedy too), query and header bindings', () => {
    expect(matchRoute(ROUTES, 'GET', '/2015-03-31/functions/my-fn')?.labels).toEqual({ FunctionName: 'my-fn' })
    expect(matchRoute(ROUTES, 'GET', '/files/a/b%20c/meta')?.labels).toEqual({ Key: 'a/b c' })
    expect(matchRoute(ROUTES, 'DELETE', '/2015-03-31/functions/my-fn')).toBeUndefined()
    const inv = restJsonCodec.decode(
      wire({
        path: '/2015-03-31/functions/arn%3Aaws%3Alambda%3Aus-east-1%3A1%3Afunction%3Af/invocations',
        query: { Qualifier: '$LATEST' },
        headers: { 'x-amz-invocation-type': 'Event' },
        body: '{"a":1}',
      }),
      restService,
    )
    expect(inv).toEqual({
      operation: 'Invoke',
      input: {
        FunctionName: 'arn:aws:lambda:us-east-1:1:function:f',
        Qualifier: '$LATEST',
        InvocationType: 'Event',
        Payload: utf8('{"a":1}'),
      },
    })
    expect(
      restJsonCodec.decode(
        wire({ path: '/2015-03-31/functions', body: '{"FunctionName":"f","MemorySize":256}' }),
        restService,
      ),
    ).toEqual({
      operation: 'CreateFunction',
      input: { FunctionName: 'f', MemorySize: 256 },
    })
  })

  it('answers through requestHandler with status codes, payloads, headers and errors', async () => {
    const { aws } = await testAccount({ verifySignatures: false })
    aws.register({ definition: restService })
    const host = 'lambda.us-east-1.amazonaws.com'
    const created = await raw(aws, { hostname: host, path: '/2015-03-31/functions', body: '{"FunctionName":"f"}' })
    expect(created.status).toBe(201)
    const invoked = await raw(aws, {
      hostname: host,
      path: '/2015-03-31/functions/f/invocations',
      query: { Qualifier: 'bad' },
      body: '{"x":1}',
    })
    expect(invoked.text).toBe('{"x":1}')
    expect(invoked.headers['x-amz-function-error']).toBe('Unhandled')
    const fn = await raw(aws, { hostname: host, method: 'GET', path: '/2015-03-31/functions/f' })
    expect(fn.json).toEqual({ Configuration: { FunctionName: 'f', LastModified: 0 } })
    const missing = await raw(aws, { hostname: host, method: 'GET', path: '/2015-03-31/functions/missing' })
    expect(missing.status).toBe(404)
    expect(missing.headers['x-amzn-errortype']).toBe('ResourceNotFoundException')
    expect(missing.json).toEqual({
      Type: 'User',
      Message: 'Function not found: arn:aws:lambda:us-east-1:123456789012:function:missing',
    })
    const nowhere = await raw(aws, { hostname: host, method: 'PATCH', path: '/nowhere' })
    expect(nowhere.status).toBe(404)
    expect(nowhere.headers['x-amzn-errortype']).toBe('UnknownOperationException')
  })
})

describe('requestHandler routing', () => {
  it('routes regional, account-based and custom endpoints, and refuses foreign hosts', async () => {
    const { aws } = await testAccount({ verifySignatures: false })
    const list = { headers: { 'x-amz-target': 'DynamoDB_20120810.ListTables' }, body: '{}' }
    expect((await raw(aws, { ...list, hostname: 'dynamodb.us-east-1.amazonaws.com' })).status).toBe(200)
    expect((await raw(aws, { ...list, hostname: '123456789012.ddb.us-east-1.amazonaws.com' })).status).toBe(200)
    const scoped = {
      ...list,
      hostname: 'localhost',
      headers: {
        ...list.headers,
        authorization:
          'AWS4-HMAC-SHA256 Credential=AKIA/20240101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=00',
      },
    }
    expect((await raw(aws, scoped)).status).toBe(200)
    expect(
      (
        await raw(aws, {
          hostname: 'sts.amazonaws.com',
          body: 'Action=GetCallerIdentity&Version=2011-06-15',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        })
      ).text,
    ).toContain('<Arn>arn:aws:iam::123456789012:user/admin</Arn>')
    await expect(raw(aws, { ...list, hostname: 'api.example.com' })).rejects.toBeInstanceOf(UnroutableHostError)
    await expect(raw(aws, { ...list, hostname: 'api.example.com' })).rejects.toThrow(
      'getaddrinfo ENOTFOUND api.example.com',
    )
    await expect(raw(aws, { ...list, hostname: 'kinesis.us-east-1.amazonaws.com' })).rejects.toThrow(
      'ENOTFOUND kinesis.us-east-1.amazonaws.com',
    )
  })

  it('hands streaming payloads to the SDK as a Node stream', async () => {
    const { aws } = await testAccount({ verifySignatures: false })
    aws.register({
      definition: {
        ...restService,
        id: 's3',
        signingName: 's3',
        restRoutes: [{ operation: 'Get', method: 'GET', path: '/{Key}', responsePayload: 'Body' }],
        operations: { Get: { authorize: () => [], handler: () => ({ Body: utf8('streamed') }) } },
      } as ServiceDefinition,
    })
    const codec = (await import('../protocol/index.ts')).restJsonCodec
    const original = codec.encodeOutput
    codec.encodeOutput = (...args) => ({ ...original(...args), streaming: true })
    try {
      const { response } = await aws.requestHandler.handle({
        ...wire({ hostname: 's3.us-east-1.amazonaws.com', method: 'GET', path: '/k' }),
      } as never)
      const chunks: Uint8Array[] = []
      for await (const c of response.body as AsyncIterable<Uint8Array>) chunks.push(c)
      expect(fromUtf8(chunks[0])).toBe('streamed')
    } finally {
      codec.encodeOutput = original
    }
  })
})
