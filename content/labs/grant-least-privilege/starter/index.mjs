// place-order: writes one order to the Orders table with the AWS SDK for JavaScript v3.
// You don't need to change this file: the fix is in the account, not in the code.
import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb'

// Created once per execution environment, during Init, and reused by every invoke.
const ddb = new DynamoDBClient({})
const TABLE = process.env.TABLE_NAME

export const handler = async (event) => {
  const { orderId, product, quantity } = event
  if (typeof orderId !== 'string' || typeof product !== 'string' || !Number.isInteger(quantity)) {
    throw new Error('An order needs an orderId, a product and a whole-number quantity')
  }
  await ddb.send(
    new PutItemCommand({
      TableName: TABLE,
      Item: {
        orderId: { S: orderId },
        product: { S: product },
        quantity: { N: String(quantity) },
      },
    }),
  )
  console.log(JSON.stringify({ message: 'order saved', orderId, product, quantity }))
  return { statusCode: 201, body: JSON.stringify({ orderId }) }
}
