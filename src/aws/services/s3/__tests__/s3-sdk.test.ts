// The real @aws-sdk/client-s3, end to end through account.requestHandler (SigV4, the REST-XML codec,
// the gateway, IAM) and the S3 service, in both virtual-hosted and path-style addressing.
import {
  CopyObjectCommand,
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteBucketPolicyCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetBucketLocationCommand,
  GetBucketPolicyCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListBucketsCommand,
  ListObjectsV2Command,
  PutBucketPolicyCommand,
  PutObjectCommand,
} from '@aws-sdk/client-s3'
import { describe, expect, it } from 'vitest'
import { s3 as s3Client, type SeenRequest } from '../../../__tests__/account-helpers.ts'
import { createAccount } from '../../../index.ts'
import type { S3ObjectEvent } from '../index.ts'

async function setup(forcePathStyle = false) {
  const aws = await createAccount()
  const s3 = aws.services.s3
  const seen: SeenRequest[] = []
  const client = s3Client(aws, aws.adminCredentials, { forcePathStyle, seen })
  const events: S3ObjectEvent[] = []
  s3.onObjectEvent((e) => events.push(e))
  return { aws, s3, client, seen, events }
}

const err = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected an error')
    },
    (e) => e,
  )

for (const pathStyle of [false, true]) {
  describe(`@aws-sdk/client-s3 (${pathStyle ? 'path style' : 'virtual-hosted style'})`, () => {
    it('buckets and objects: put, get (checksum verified by the SDK), head, list, copy, delete', async () => {
      const { client, seen, events } = await setup(pathStyle)
      await client.send(new CreateBucketCommand({ Bucket: 'photos' }))
      expect(seen[0].hostname).toBe(pathStyle ? 's3.us-east-1.amazonaws.com' : 'photos.s3.us-east-1.amazonaws.com')
      await client.send(new HeadBucketCommand({ Bucket: 'photos' }))
      const put = await client.send(
        new PutObjectCommand({
          Bucket: 'photos',
          Key: 'a/b c.txt',
          Body: 'hello',
          ContentType: 'text/plain',
          Metadata: { Owner: 'ana' },
        }),
      )
      expect(put.ETag).toBe('"5d41402abc4b2a76b9719d911017c592"')
      expect(put.ChecksumCRC32).toBe('NhCmhg==')
      const got = await client.send(new GetObjectCommand({ Bucket: 'photos', Key: 'a/b c.txt' }))
      expect(await got.Body!.transformToString()).toBe('hello')
      expect(got).toMatchObject({
        ContentType: 'text/plain',
        ContentLength: 5,
        ETag: put.ETag,
        Metadata: { owner: 'ana' },
        ServerSideEncryption: 'AES256',
      })
      expect(got.LastModified).toBeInstanceOf(Date)
      const part = await client.send(new GetObjectCommand({ Bucket: 'photos', Key: 'a/b c.txt', Range: 'bytes=1-3' }))
      expect(await part.Body!.transformToString()).toBe('ell')
      expect(part.ContentRange).toBe('bytes 1-3/5')
      expect(seen[seen.length - 1].status).toBe(206)
      const head = await client.send(new HeadObjectCommand({ Bucket: 'photos', Key: 'a/b c.txt' }))
      expect(head.ContentLength).toBe(5)
      await client.send(new PutObjectCommand({ Bucket: 'photos', Key: 'a/x.txt', Body: new Uint8Array([1, 2, 3]) }))
      await client.send(new PutObjectCommand({ Bucket: 'photos', Key: 'top.txt', Body: 'top' }))
      const list = await client.send(new ListObjectsV2Command({ Bucket: 'photos', Delimiter: '/' }))
      expect(list.Contents!.map((c) => c.Key)).toEqual(['top.txt'])
      expect(list.CommonPrefixes).toEqual([{ Prefix: 'a/' }])
      expect(list.KeyCount).toBe(2)
      const inA = await client.send(new ListObjectsV2Command({ Bucket: 'photos', Prefix: 'a/' }))
      expect(inA.Contents!.map((c) => [c.Key, c.Size])).toEqual([
        ['a/b c.txt', 5],
        ['a/x.txt', 3],
      ])
      const copy = await client.send(
        new CopyObjectCommand({ Bucket: 'photos', Key: 'copy.txt', CopySource: 'photos/a/b%20c.txt' }),
      )
      expect(copy.CopyObjectResult!.ETag).toBe(put.ETag)
      const del = await client.send(
        new DeleteObjectsCommand({ Bucket: 'photos', Delete: { Objects: [{ Key: 'a/x.txt' }, { Key: 'copy.txt' }] } }),
      )
      expect(del.Deleted!.map((d) => d.Key)).toEqual(['a/x.txt', 'copy.txt'])
      await client.send(new DeleteObjectCommand({ Bucket: 'photos', Key: 'top.txt' }))
      await client.send(new DeleteObjectCommand({ Bucket: 'photos', Key: 'a/b c.txt' }))
      await client.send(new DeleteBucketCommand({ Bucket: 'photos' }))
      expect((await client.send(new ListBucketsCommand({}))).Buckets).toEqual([])
      expect(events.map((e) => `${e.eventName} ${e.key}`)).toEqual([
        'ObjectCreated:Put a/b c.txt',
        'ObjectCreated:Put a/x.txt',
        'ObjectCreated:Put top.txt',
        'ObjectCreated:Copy copy.txt',
        'ObjectRemoved:Delete a/x.txt',
        'ObjectRemoved:Delete copy.txt',
        'ObjectRemoved:Delete top.txt',
        'ObjectRemoved:Delete a/b c.txt',
      ])
    })
  })
}

describe('@aws-sdk/client-s3 errors', () => {
  it('NoSuchKey, NoSuchBucket, BucketNotEmpty with S3 messages; HEAD errors have no body and read NotFound', async () => {
    const { client, seen } = await setup()
    const e1 = await err(client.send(new GetObjectCommand({ Bucket: 'nope', Key: 'k' })))
    expect(e1).toMatchObject({
      name: 'NoSuchBucket',
      message: 'The specified bucket does not exist',
      $metadata: { httpStatusCode: 404 },
    })
    expect(e1.BucketName).toBe('nope')
    await client.send(new CreateBucketCommand({ Bucket: 'b01' }))
    const e2 = await err(client.send(new GetObjectCommand({ Bucket: 'b01', Key: 'missing.txt' })))
    expect(e2).toMatchObject({
      name: 'NoSuchKey',
      message: 'The specified key does not exist.',
      $metadata: { httpStatusCode: 404, requestId: expect.stringMatching(/^[0-9A-F]{16}$/) },
    })
    expect(e2.Key).toBe('missing.txt')
    const e3 = await err(client.send(new HeadObjectCommand({ Bucket: 'b01', Key: 'missing.txt' })))
    expect(e3.name).toBe('NotFound')
    expect(e3.$metadata.httpStatusCode).toBe(404)
    expect(seen[seen.length - 1].status).toBe(404)
    const e4 = await err(client.send(new HeadBucketCommand({ Bucket: 'nope' })))
    expect(e4.name).toBe('NotFound')
    await client.send(new PutObjectCommand({ Bucket: 'b01', Key: 'k', Body: 'x' }))
    const e5 = await err(client.send(new DeleteBucketCommand({ Bucket: 'b01' })))
    expect(e5).toMatchObject({
      name: 'BucketNotEmpty',
      message: 'The bucket you tried to delete is not empty',
      $metadata: { httpStatusCode: 409 },
    })
    const e6 = await err(client.send(new CreateBucketCommand({ Bucket: 'Bad_Name' })))
    expect(e6).toMatchObject({ name: 'InvalidBucketName', message: 'The specified bucket is not valid.' })
    const e7 = await err(client.send(new GetObjectCommand({ Bucket: 'b01', Key: 'k', Range: 'bytes=10-20' })))
    expect(e7).toMatchObject({ name: 'InvalidRange', $metadata: { httpStatusCode: 416 } })
    const e8 = await err(client.send(new GetObjectCommand({ Bucket: 'b01', Key: 'k', IfMatch: '"nope"' })))
    expect(e8).toMatchObject({
      name: 'PreconditionFailed',
      message: 'At least one of the pre-conditions you specified did not hold',
      $metadata: { httpStatusCode: 412 },
    })
  })
  it('bucket policies', async () => {
    const { client, s3 } = await setup()
    await client.send(new CreateBucketCommand({ Bucket: 'site' }))
    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::site/*' }],
    })
    await client.send(new PutBucketPolicyCommand({ Bucket: 'site', Policy: policy }))
    expect((await client.send(new GetBucketPolicyCommand({ Bucket: 'site' }))).Policy).toBe(policy)
    expect(s3.definition.resourcePolicy!('arn:aws:s3:::site/index.html')).toBe(policy)
    await client.send(new DeleteBucketPolicyCommand({ Bucket: 'site' }))
    const e = await err(client.send(new GetBucketPolicyCommand({ Bucket: 'site' })))
    expect(e).toMatchObject({ name: 'NoSuchBucketPolicy', message: 'The bucket policy does not exist' })
    const bad = await err(client.send(new PutBucketPolicyCommand({ Bucket: 'site', Policy: 'nope' })))
    expect(bad).toMatchObject({
      name: 'MalformedPolicy',
      message: "Policies must be valid JSON and the first byte must be '{'",
    })
    expect((await client.send(new GetBucketLocationCommand({ Bucket: 'site' }))).LocationConstraint).toBeUndefined()
  })
})
