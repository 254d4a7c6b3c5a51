// The real @aws-sdk/client-sqs against the SQS service, through account.requestHandler (JSON 1.0,
// query-compatible errors): the SDK checks the MD5 of every body it sends and receives, and names
// errors from the wire.
import {
  CreateQueueCommand,
  DeleteMessageCommand,
  GetQueueUrlCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SendMessageCommand,
} from '@aws-sdk/client-sqs'
import { describe, expect, it } from 'vitest'
import { sqs } from '../../../__tests__/account-helpers.ts'
import { createAccount } from '../../../index.ts'

async function client() {
  return sqs(await createAccount())
}

describe('@aws-sdk/client-sqs', () => {
  it('sends and receives; the SDK verifies the body MD5s', async () => {
    const c = await client()
    const { QueueUrl } = await c.send(new CreateQueueCommand({ QueueName: 'orders' }))
    expect(QueueUrl).toBe('https://sqs.us-east-1.amazonaws.com/123456789012/orders')
    const sent = await c.send(
      new SendMessageCommand({
        QueueUrl,
        MessageBody: 'héllo ✓',
        MessageAttributes: {
          n: { DataType: 'Number', StringValue: '42' },
          b: { DataType: 'Binary', BinaryValue: Uint8Array.of(1, 2, 3) },
        },
      }),
    )
    expect(sent.MessageId).toBeTruthy()
    const batch = await c.send(
      new SendMessageBatchCommand({
        QueueUrl,
        Entries: [
          { Id: 'a', MessageBody: 'one' },
          { Id: 'b', MessageBody: 'two' },
        ],
      }),
    )
    expect(batch.Successful).toHaveLength(2)
    const got = await c.send(
      new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, MessageAttributeNames: ['All'] }),
    )
    expect(got.Messages!.map((m) => m.Body)).toEqual(['héllo ✓', 'one', 'two'])
    expect(got.Messages![0].MessageAttributes!.b.BinaryValue).toEqual(Uint8Array.of(1, 2, 3))
    await c.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: got.Messages![0].ReceiptHandle }))
  })
  it("the SDK's checker is active: a wrong MD5 is refused", async () => {
    const aws = await createAccount()
    const tampering = {
      async handle(req: never) {
        const out = await aws.requestHandler.handle(req)
        const text = new TextDecoder()
          .decode(out.response.body as Uint8Array)
          .replace(/"MD5OfMessageBody":"[0-9a-f]+"/, '"MD5OfMessageBody":"00000000000000000000000000000000"')
        return { response: { ...out.response, body: new TextEncoder().encode(text) } }
      },
    }
    const c = sqs(aws)
    ;(c.config as { requestHandler: unknown }).requestHandler = tampering
    const { QueueUrl } = await c.send(new CreateQueueCommand({ QueueName: 'q' }))
    await expect(c.send(new SendMessageCommand({ QueueUrl, MessageBody: 'x' }))).rejects.toThrow(/Checksum/)
  })
  it('surfaces SQS errors with the names and codes the SDK gives them', async () => {
    const c = await client()
    const err = await c.send(new GetQueueUrlCommand({ QueueName: 'missing' })).catch((e) => e)
    expect(err.name).toBe('QueueDoesNotExist')
    expect(err.message).toBe('The specified queue does not exist.')
    expect(err.$metadata.httpStatusCode).toBe(400)
    expect(err.Code).toBe('AWS.SimpleQueueService.NonExistentQueue')
    const { QueueUrl } = await c.send(new CreateQueueCommand({ QueueName: 'q' }))
    const empty = await c.send(new SendMessageCommand({ QueueUrl, MessageBody: '' })).catch((e) => e)
    expect(empty.name).toBe('MissingParameter')
    expect(empty.message).toBe('The request must contain the parameter MessageBody.')
  })
})
