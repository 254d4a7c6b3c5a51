// The members of SQS's send operations, for the JSON codec: message attribute values carry blobs
// (BinaryValue, BinaryListValues) that travel as base64. Constraints are checked by the service
// itself, in SQS's words (validate.ts).
import { blob, integer, list, map, string, structure } from '../../protocol/shapes.ts'

const attributeValue = structure({
  StringValue: string(),
  BinaryValue: blob(),
  StringListValues: list(string()),
  BinaryListValues: list(blob()),
  DataType: string(),
})

const message = {
  MessageBody: string(),
  DelaySeconds: integer(),
  MessageAttributes: map(string(), attributeValue),
  MessageSystemAttributes: map(string(), attributeValue),
  MessageDeduplicationId: string(),
  MessageGroupId: string(),
}

export const sendMessageInput = structure({ QueueUrl: string(), ...message })

export const sendMessageBatchInput = structure({
  QueueUrl: string(),
  Entries: list(structure({ Id: string(), ...message })),
})
