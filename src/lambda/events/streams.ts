// DynamoDB Streams and Kinesis Data Streams records (Lambda polls them).
import { iso, type Ctx } from './context.ts'

export function dynamodb(c: Ctx) {
  const s = Math.floor(c.t / 1000)
  const key = { productId: { N: '2041' } }
  const v1 = { productId: { N: '2041' }, name: { S: 'Stoneware mug, blue glaze' }, stock: { N: '40' } }
  const v2 = { ...v1, stock: { N: '38' } }
  const rec = (n: number, eventName: string, images: object, SizeBytes: number) => ({
    eventID: [
      'd95819cc7de343bb9368fd2647e02d27',
      '72c9e3030f7544528b69af8aa1935513',
      'c046d94a9b964b4d942ce9c6543a3878',
    ][n],
    eventName,
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: c.r,
    dynamodb: {
      Keys: key,
      ...images,
      ApproximateCreationDateTime: s + n * 60,
      SequenceNumber: `11400000000012345678${n}`,
      SizeBytes,
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    },
    eventSourceARN: `arn:${c.p}:dynamodb:${c.r}:${c.a}:table/kettle-products/stream/2025-06-01T08:00:00.000`,
  })
  return {
    Records: [
      rec(0, 'INSERT', { NewImage: v1 }, 58),
      rec(1, 'MODIFY', { NewImage: v2, OldImage: v1 }, 104),
      rec(2, 'REMOVE', { OldImage: v2 }, 58),
    ],
  }
}

export function kinesis(c: Ctx) {
  const views: [string, string][] = [
    ['session-8f2c', 'TPT-CAST-IRON-1L'],
    ['session-51d0', 'MUG-STONE-BLUE'],
  ]
  return {
    Records: views.map(([session, sku], i) => {
      const seq = `4965662616642435871338901612840542747839637456738580889${8 + i}`
      return {
        kinesis: {
          partitionKey: session,
          kinesisSchemaVersion: '1.0',
          data: btoa(JSON.stringify({ type: 'product_view', session, sku, at: iso(c.t - 500 + i * 250) })),
          sequenceNumber: seq,
          approximateArrivalTimestamp: (c.t + i * 250) / 1000,
        },
        eventSource: 'aws:kinesis',
        eventID: `shardId-000000000000:${seq}`,
        invokeIdentityArn: `arn:${c.p}:iam::${c.a}:role/kettle-clickstream-consumer`,
        eventVersion: '1.0',
        eventName: 'aws:kinesis:record',
        eventSourceARN: `arn:${c.p}:kinesis:${c.r}:${c.a}:stream/kettle-clickstream`,
        awsRegion: c.r,
      }
    }),
  }
}
