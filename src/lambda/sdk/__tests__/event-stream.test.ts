// Operations whose output is an event stream load the SDK's event-stream codec on demand (an
// `import()` in @smithy/core, which scripts/build-sdk.ts turns into the runtime's loader): they
// reach the account and fail as it answers, and decode a real event stream when one comes back —
// never a module error.
import { EventStreamCodec } from '@smithy/core/event-streams'
import { describe, expect, it } from 'vitest'
import { call, deploy } from '../../__tests__/helpers.ts'
import type { HostNetwork } from '../../index.ts'
import { role, wired } from './sdk-helpers.ts'

const utf8 = new TextEncoder()
const codec = new EventStreamCodec(
  (s) => (typeof s === 'string' ? s : new TextDecoder().decode(s)),
  (s) => (typeof s === 'string' ? utf8.encode(s) : s),
)

/** One event-stream message, framed as AWS sends it (prelude, headers, payload, CRCs). */
function message(eventType: string, payload: string): Uint8Array {
  return codec.encode({
    headers: {
      ':message-type': { type: 'string', value: 'event' },
      ':event-type': { type: 'string', value: eventType },
      ':content-type': {
        type: 'string',
        value: eventType === 'PayloadChunk' ? 'application/octet-stream' : 'application/json',
      },
    },
    body: utf8.encode(payload),
  })
}

const HANDLER = `import { LambdaClient, InvokeWithResponseStreamCommand } from '@aws-sdk/client-lambda'
const client = new LambdaClient({ maxAttempts: 1 })
export const handler = async () => {
  try {
    const out = await client.send(new InvokeWithResponseStreamCommand({ FunctionName: 'echo' }))
    const events = []
    for await (const e of out.EventStream) {
      if (e.PayloadChunk) events.push(['chunk', new TextDecoder().decode(e.PayloadChunk.Payload)])
      else events.push(Object.keys(e))
    }
    return { ok: true, status: out.StatusCode, events }
  } catch (e) {
    return { ok: false, name: e.name, status: e.$metadata && e.$metadata.httpStatusCode, message: e.message }
  }
}`

const STREAM_URL = 'https://lambda.us-east-1.amazonaws.com/2021-11-15/functions/echo/response-streaming-invocations'

describe('event-stream operations in a handler (@aws-sdk/client-lambda InvokeWithResponseStream)', () => {
  it('reach the account and get its error as the SDK shapes it', async () => {
    const { aws, lambda, network } = await wired()
    const Role = await role(aws, 'streamer', { Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource: '*' })
    const name = await deploy(lambda, HANDLER, { Role })
    const out = await call(lambda, name)
    expect(network.seen.map((s) => s.request.url)).toEqual([STREAM_URL])
    // The account does not stream responses yet (docs/aws-account.md): its answer, not a module error.
    expect(out.json).toMatchObject({ ok: false, name: 'UnknownOperationException', status: 404 })
  })

  it('decode a real event stream (PayloadChunk, InvokeComplete) with the codec loaded on demand', async () => {
    const bytes = [message('PayloadChunk', 'hello '), message('PayloadChunk', 'world'), message('InvokeComplete', '{}')]
    const body = Buffer.concat(bytes.map((b) => Buffer.from(b))).toString('base64')
    const streaming: HostNetwork = {
      request: (_kind, request) => ({
        latencyMs: 1,
        response: {
          status: 200,
          statusText: 'OK',
          headers: {
            'content-type': 'application/vnd.amazon.eventstream',
            'x-amzn-requestid': 'b2b7d8a8-0000-4000-8000-000000000001',
            'x-amz-executed-version': '$LATEST',
          },
          body: request.url === STREAM_URL ? body : '',
        },
      }),
    }
    const { aws, lambda } = await wired({ network: streaming })
    const Role = await role(aws, 'streamer2')
    const name = await deploy(lambda, HANDLER, { Role })
    const out = await call(lambda, name)
    expect(out.json).toEqual({
      ok: true,
      status: 200,
      events: [['chunk', 'hello '], ['chunk', 'world'], ['InvokeComplete']],
    })
  })
})
