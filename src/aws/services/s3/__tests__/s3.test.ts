import { describe, expect, it } from 'vitest'
import { decode, encodeError, malformedXml } from '../../../protocol/rest-xml.ts'
import type { WireRequest } from '../../../protocol/types.ts'
import { parseXml } from '../../../protocol/xml.ts'
import { expectOnlyAwsErrors, testAccount } from '../../events/__tests__/context.ts'
import { checksum } from '../checksums.ts'
import { createS3Service } from '../index.ts'

function setup(options = {}) {
  const s3 = createS3Service(options)
  const acct = testAccount([s3.definition])
  const call = (op: string, input: unknown) => acct.call('s3', op, input)
  const error = (op: string, input: unknown) => acct.error('s3', op, input)
  return { s3, acct, call, error }
}

const req = (
  method: string,
  hostname: string,
  path: string,
  query: Record<string, string> = {},
  headers: Record<string, string> = {},
  body = '',
): WireRequest => ({
  method,
  protocol: 'https:',
  hostname,
  path,
  query,
  headers,
  body: new TextEncoder().encode(body),
})

describe('routing and the REST-XML codec', () => {
  const def = createS3Service().definition
  it('routes virtual-hosted and path-style requests to operations', () => {
    expect(decode(req('GET', 's3.us-east-1.amazonaws.com', '/'), def).operation).toBe('ListBuckets')
    expect(decode(req('GET', 'b.s3.us-east-1.amazonaws.com', '/', { 'list-type': '2', prefix: 'a/' }), def)).toEqual({
      operation: 'ListObjectsV2',
      input: { Bucket: 'b', Prefix: 'a/' },
    })
    expect(decode(req('GET', 's3.amazonaws.com', '/b/dir/f%20g.txt', {}, { range: 'bytes=0-1' }), def)).toEqual({
      operation: 'GetObject',
      input: { Bucket: 'b', Key: 'dir/f g.txt', Range: 'bytes=0-1' },
    })
    expect(
      decode(req('PUT', 'b.s3.amazonaws.com', '/k', {}, { 'x-amz-copy-source': 'b/src', 'x-amz-meta-a': '1' }), def),
    ).toMatchObject({
      operation: 'CopyObject',
      input: { Bucket: 'b', Key: 'k', CopySource: 'b/src', Metadata: { a: '1' } },
    })
    expect(decode(req('PUT', 'localhost', '/b', { policy: '' }, {}, '{"x":1}'), def)).toEqual({
      operation: 'PutBucketPolicy',
      input: { Bucket: 'b', Policy: '{"x":1}' },
    })
    expect(() => decode(req('GET', 'b.s3.amazonaws.com', '/', { versioning: '' }), def)).toThrow(/not implemented/)
  })
  it('reads XML bodies and refuses malformed or hostile XML with MalformedXML', () => {
    const del = (body: string) => decode(req('POST', 'b.s3.amazonaws.com', '/', { delete: '' }, {}, body), def)
    expect(
      del(
        '<?xml version="1.0"?><Delete xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Object><Key>a&amp;b</Key></Object><Object><Key>c</Key></Object><Quiet>true</Quiet></Delete>',
      ).input,
    ).toEqual({
      Bucket: 'b',
      Delete: { Objects: [{ Key: 'a&b' }, { Key: 'c' }], Quiet: true },
    })
    for (const bad of [
      '<Delete><Object><Key>a</Object></Delete>',
      '<!DOCTYPE x [<!ENTITY e "boom">]><Delete><Object><Key>&e;</Key></Object></Delete>',
      '<Delete><Object><Key>&e;</Key></Object></Delete>',
      '<Other/>',
      '<Delete>' + '<a>'.repeat(5000) + '</a>'.repeat(5000) + '</Delete>',
      '<Delete></Delete><Delete></Delete>',
      'not xml',
    ]) {
      expect(() => del(bad)).toThrow(malformedXml().message)
    }
    expect(parseXml('<a><b>1</b><b>2</b></a>', malformedXml).children.map((c) => c.text)).toEqual(['1', '2'])
  })
  it("writes S3's error document, and no body for HEAD", () => {
    const e = createS3Service().definition
    const { AwsError } = { AwsError: malformedXml().constructor as new (...a: any[]) => any }
    const err = new AwsError('NoSuchKey', 'The specified key does not exist.', 404, { Key: 'a<b' })
    const out = encodeError(err, e, 'RID')
    const xml = new TextDecoder().decode(out.body)
    expect(xml).toBe(
      `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message><Key>a&lt;b</Key><RequestId>RID</RequestId><HostId>${btoa('simulated/RID')}</HostId></Error>`,
    )
    expect(out).toMatchObject({
      statusCode: 404,
      headers: { 'x-amz-request-id': 'RID', 'content-type': 'application/xml' },
    })
    expect(encodeError(err, e, 'RID', { method: 'HEAD' }).body.length).toBe(0)
  })
})

describe('S3 operations', () => {
  it('buckets: create (us-east-1 legacy re-create), location constraints, list with prefix and pages', async () => {
    const { call, error, acct } = setup()
    await call('CreateBucket', { Bucket: 'alpha' })
    expect(await call('CreateBucket', { Bucket: 'alpha' })).toEqual({ Location: '/alpha' })
    await call('CreateBucket', { Bucket: 'beta' })
    expect((await call('ListBuckets', { Prefix: 'al' })).Buckets.map((b: any) => b.Name)).toEqual(['alpha'])
    const p1 = await call('ListBuckets', { MaxBuckets: 1 })
    expect(p1.Buckets.map((b: any) => b.Name)).toEqual(['alpha'])
    expect(
      (await call('ListBuckets', { MaxBuckets: 1, ContinuationToken: p1.ContinuationToken })).Buckets.map(
        (b: any) => b.Name,
      ),
    ).toEqual(['beta'])
    expect(
      await error('CreateBucket', { Bucket: 'gamma', CreateBucketConfiguration: { LocationConstraint: 'us-east-1' } }),
    ).toMatchObject({
      name: 'InvalidLocationConstraint',
      message: 'The specified location-constraint is not valid',
    })
    expect(
      await error('CreateBucket', { Bucket: 'gamma', CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' } }),
    ).toMatchObject({
      name: 'IllegalLocationConstraintException',
      message:
        'The eu-west-1 location constraint is incompatible for the region specific endpoint this request was sent to.',
    })
    const eu = acct.ctx({ region: 'eu-west-1' })
    const euCall = (op: string, input: unknown) =>
      (createS3Service().definition.operations[op] as any).handler(input, eu)
    expect(() => euCall('CreateBucket', { Bucket: 'delta' })).toThrow(
      'The unspecified location constraint is incompatible for the region specific endpoint this request was sent to.',
    )
    for (const bad of ['ab', 'UPPER', 'a..b', '192.168.1.1', 'xn--abc', 'bucket-s3alias', '-start', 'a'.repeat(64)]) {
      expect(await error('CreateBucket', { Bucket: bad })).toMatchObject({
        name: 'InvalidBucketName',
        message: 'The specified bucket is not valid.',
      })
    }
  })
  it('ListObjectsV2: prefix, delimiter, pages, StartAfter, url encoding, and the IAM question it asks', async () => {
    const { call, error, s3, acct } = setup()
    await call('CreateBucket', { Bucket: 'bkt' })
    for (const k of ['a/1', 'a/2', 'b/1', 'c', 'd e', 'z/9'])
      await call('PutObject', { Bucket: 'bkt', Key: k, Body: k })
    const all: string[] = []
    let token: string | undefined
    for (;;) {
      const page = await call('ListObjectsV2', { Bucket: 'bkt', MaxKeys: 2, ContinuationToken: token })
      all.push(...page.Contents.map((c: any) => c.Key))
      if (!page.IsTruncated) break
      token = page.NextContinuationToken
    }
    expect(all).toEqual(['a/1', 'a/2', 'b/1', 'c', 'd e', 'z/9'])
    const grouped = await call('ListObjectsV2', { Bucket: 'bkt', Delimiter: '/', MaxKeys: 2 })
    expect(grouped).toMatchObject({
      CommonPrefixes: [{ Prefix: 'a/' }, { Prefix: 'b/' }],
      KeyCount: 2,
      IsTruncated: true,
    })
    const rest = await call('ListObjectsV2', {
      Bucket: 'bkt',
      Delimiter: '/',
      ContinuationToken: grouped.NextContinuationToken,
    })
    expect(rest.Contents.map((c: any) => c.Key)).toEqual(['c', 'd e'])
    expect(rest.CommonPrefixes).toEqual([{ Prefix: 'z/' }])
    expect((await call('ListObjectsV2', { Bucket: 'bkt', StartAfter: 'c' })).Contents.map((c: any) => c.Key)).toEqual([
      'd e',
      'z/9',
    ])
    expect((await call('ListObjectsV2', { Bucket: 'bkt', Prefix: 'd', EncodingType: 'url' })).Contents[0].Key).toBe(
      'd+e',
    )
    expect((await call('ListObjectsV2', { Bucket: 'bkt', MaxKeys: 0 })).KeyCount).toBe(0)
    expect(await error('ListObjectsV2', { Bucket: 'bkt', ContinuationToken: 'garbage!' })).toMatchObject({
      name: 'InvalidArgument',
      message: 'The continuation token provided is incorrect',
    })
    expect(await error('ListObjectsV2', { Bucket: 'bkt', EncodingType: 'gzip' })).toMatchObject({
      message: 'Invalid Encoding Method specified in Request',
    })
    const reqs = (s3.definition.operations.ListObjectsV2 as any).authorize({ Bucket: 'bkt', Prefix: 'a/' }, acct.ctx())
    expect(reqs).toEqual([
      { action: 's3:ListBucket', resource: 'arn:aws:s3:::bkt', context: { 's3:prefix': 'a/', 's3:max-keys': '1000' } },
    ])
  })
  it('checks upload checksums and Content-MD5 as S3 does', async () => {
    const { call, error } = setup()
    await call('CreateBucket', { Bucket: 'bkt' })
    const body = new TextEncoder().encode('data')
    await call('PutObject', { Bucket: 'bkt', Key: 'k', Body: body, ChecksumSHA256: checksum('SHA256', body) })
    expect(
      await error('PutObject', {
        Bucket: 'bkt',
        Key: 'k',
        Body: body,
        ChecksumCRC32: checksum('CRC32', new Uint8Array([1])),
      }),
    ).toMatchObject({
      name: 'BadDigest',
      message: 'The CRC32 you specified did not match the calculated checksum.',
    })
    expect(await error('PutObject', { Bucket: 'bkt', Key: 'k', Body: body, ChecksumCRC32: 'nope' })).toMatchObject({
      name: 'InvalidRequest',
      message: 'Value for x-amz-checksum-crc32 header is invalid.',
    })
    expect(
      await error('PutObject', {
        Bucket: 'bkt',
        Key: 'k',
        Body: body,
        ChecksumCRC32: checksum('CRC32', body),
        ChecksumSHA1: checksum('SHA1', body),
      }),
    ).toMatchObject({
      message: 'Expecting a single x-amz-checksum- header. Multiple checksum Types are not allowed.',
    })
    expect(await error('PutObject', { Bucket: 'bkt', Key: 'k', Body: body, ContentMD5: 'x' })).toMatchObject({
      name: 'InvalidDigest',
      message: 'The Content-MD5 you specified was invalid.',
    })
    expect(
      await error('PutObject', { Bucket: 'bkt', Key: 'k', Body: body, ContentMD5: btoa('0123456789abcdef') }),
    ).toMatchObject({
      name: 'BadDigest',
      message: 'The Content-MD5 you specified did not match what we received.',
    })
    const got = await call('GetObject', { Bucket: 'bkt', Key: 'k', ChecksumMode: 'ENABLED' })
    expect(got.ChecksumSHA256).toBe(checksum('SHA256', body))
    await call('PutObject', { Bucket: 'bkt', Key: 'plain', Body: 'x' })
    expect((await call('GetObject', { Bucket: 'bkt', Key: 'plain', ChecksumMode: 'ENABLED' })).ChecksumCRC64NVME).toBe(
      checksum('CRC64NVME', new TextEncoder().encode('x')),
    )
  })
  it('conditional requests: If-None-Match on PUT, 304 and 412 on GET', async () => {
    const { call, error } = setup()
    await call('CreateBucket', { Bucket: 'bkt' })
    const put = await call('PutObject', { Bucket: 'bkt', Key: 'k', Body: 'v1', IfNoneMatch: '*' })
    expect(await error('PutObject', { Bucket: 'bkt', Key: 'k', Body: 'v2', IfNoneMatch: '*' })).toMatchObject({
      name: 'PreconditionFailed',
      members: { Condition: 'If-None-Match' },
    })
    expect(await error('PutObject', { Bucket: 'bkt', Key: 'k', Body: 'v2', IfNoneMatch: 'x' })).toMatchObject({
      name: 'NotImplemented',
      $metadata: { httpStatusCode: 501 },
    })
    expect(await error('GetObject', { Bucket: 'bkt', Key: 'k', IfNoneMatch: put.ETag })).toMatchObject({
      name: 'NotModified',
      $metadata: { httpStatusCode: 304 },
    })
    expect(
      await error('GetObject', { Bucket: 'bkt', Key: 'k', IfModifiedSince: new Date(Date.UTC(2030, 0, 1)) }),
    ).toMatchObject({ name: 'NotModified' })
    expect(
      await error('GetObject', { Bucket: 'bkt', Key: 'k', IfUnmodifiedSince: new Date(Date.UTC(2000, 0, 1)) }),
    ).toMatchObject({ name: 'PreconditionFailed' })
    await call('PutObject', { Bucket: 'bkt', Key: 'k', Body: 'v3', IfMatch: put.ETag })
    expect(await error('PutObject', { Bucket: 'bkt', Key: 'k', Body: 'v4', IfMatch: put.ETag })).toMatchObject({
      name: 'PreconditionFailed',
      members: { Condition: 'If-Match' },
    })
  })
  it('limits: key length, metadata size, object and total size', async () => {
    const { call, error } = setup({ maxObjectBytes: 100, maxTotalBytes: 150 })
    await call('CreateBucket', { Bucket: 'bkt' })
    expect(await error('PutObject', { Bucket: 'bkt', Key: 'k'.repeat(1025), Body: 'x' })).toMatchObject({
      name: 'KeyTooLongError',
      message: 'Your key is too long',
    })
    expect(
      await error('PutObject', { Bucket: 'bkt', Key: 'k', Body: 'x', Metadata: { big: 'x'.repeat(2100) } }),
    ).toMatchObject({
      name: 'MetadataTooLarge',
      message: 'Your metadata headers exceed the maximum allowed metadata size.',
    })
    expect(await error('PutObject', { Bucket: 'bkt', Key: 'k', Body: 'x'.repeat(101) })).toMatchObject({
      name: 'EntityTooLarge',
      message: 'Your proposed upload exceeds the maximum allowed size',
      members: { ProposedSize: 101, MaxSizeAllowed: 100 },
    })
    await call('PutObject', { Bucket: 'bkt', Key: 'a', Body: 'x'.repeat(100) })
    expect((await error('PutObject', { Bucket: 'bkt', Key: 'b', Body: 'x'.repeat(60) })).name).toBe('EntityTooLarge')
    await call('PutObject', { Bucket: 'bkt', Key: 'a', Body: 'x'.repeat(90) }) // replacing frees its old size
  })
  it('copies: metadata COPY and REPLACE, copy to itself refused, missing source', async () => {
    const { call, error } = setup()
    await call('CreateBucket', { Bucket: 'bkt' })
    await call('PutObject', { Bucket: 'bkt', Key: 'src', Body: 'x', ContentType: 'text/plain', Metadata: { a: '1' } })
    await call('CopyObject', { Bucket: 'bkt', Key: 'c1', CopySource: 'bkt/src' })
    expect(await call('HeadObject', { Bucket: 'bkt', Key: 'c1' })).toMatchObject({
      ContentType: 'text/plain',
      Metadata: { a: '1' },
    })
    await call('CopyObject', {
      Bucket: 'bkt',
      Key: 'c2',
      CopySource: '/bkt/src',
      MetadataDirective: 'REPLACE',
      Metadata: { b: '2' },
    })
    expect(await call('HeadObject', { Bucket: 'bkt', Key: 'c2' })).toMatchObject({
      ContentType: 'binary/octet-stream',
      Metadata: { b: '2' },
    })
    expect((await error('CopyObject', { Bucket: 'bkt', Key: 'src', CopySource: 'bkt/src' })).message).toMatch(
      /^This copy request is illegal/,
    )
    expect(await error('CopyObject', { Bucket: 'bkt', Key: 'x', CopySource: 'bkt/missing' })).toMatchObject({
      name: 'NoSuchKey',
    })
    expect(await error('CopyObject', { Bucket: 'bkt', Key: 'x', CopySource: 'nokey' })).toMatchObject({
      name: 'InvalidArgument',
      message: 'Invalid copy source object key',
    })
  })
  it('DeleteObjects asks IAM once per key', async () => {
    const { s3, acct } = setup()
    const reqs = (s3.definition.operations.DeleteObjects as any).authorize(
      { Bucket: 'b', Delete: { Objects: [{ Key: 'x' }, { Key: 'y' }] } },
      acct.ctx(),
    )
    expect(reqs).toEqual([
      { action: 's3:DeleteObject', resource: 'arn:aws:s3:::b/x' },
      { action: 's3:DeleteObject', resource: 'arn:aws:s3:::b/y' },
    ])
  })
})

describe('snapshot, restore, hostile input', () => {
  it('round-trips buckets and objects (binary bodies included)', async () => {
    const { s3, call } = setup()
    await call('CreateBucket', { Bucket: 'bkt' })
    await call('PutObject', { Bucket: 'bkt', Key: 'bin', Body: new Uint8Array([0, 255, 7]), Metadata: { m: 'v' } })
    await call('PutBucketPolicy', {
      Bucket: 'bkt',
      Policy: JSON.stringify({
        Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bkt/*' }],
      }),
    })
    const json = JSON.parse(JSON.stringify(s3.snapshot()))
    const copy = createS3Service()
    copy.restore(json)
    expect(JSON.parse(JSON.stringify(copy.snapshot()))).toEqual(json)
    const acct = testAccount([copy.definition])
    expect((await acct.call('s3', 'GetObject', { Bucket: 'bkt', Key: 'bin' })).Body).toEqual(
      new Uint8Array([0, 255, 7]),
    )
  })
  it('refuses corrupt state and keeps what it had', async () => {
    const { s3, call } = setup()
    await call('CreateBucket', { Bucket: 'keep' })
    const before = JSON.stringify(s3.snapshot())
    const obj = {
      key: 'k',
      body: 'AAA=',
      lastModified: 0,
      contentType: 't',
      metadata: {},
      storageClass: 'STANDARD',
      checksum: { algorithm: 'CRC32' },
      tags: {},
    }
    const bad: unknown[] = [
      [],
      { version: 1, buckets: [{ name: 'BAD', region: 'us-east-1', createdAt: 0, objects: [] }] },
      {
        version: 1,
        buckets: [{ name: 'ok-name', region: 'us-east-1', createdAt: 0, objects: [{ ...obj, body: '%%%' }] }],
      },
      {
        version: 1,
        buckets: [
          { name: 'ok-name', region: 'us-east-1', createdAt: 0, objects: [{ ...obj, checksum: { algorithm: 'MD4' } }] },
        ],
      },
      { version: 1, buckets: [{ name: 'ok-name', region: 'mars', createdAt: 0, objects: [] }] },
    ]
    for (const json of bad) {
      expect(() => s3.restore(json)).toThrow(/^Saved S3 state is not valid: /)
      expect(JSON.stringify(s3.snapshot())).toBe(before)
    }
  })
  it('every operation answers malformed input with an AWS error', async () => {
    const { acct, s3, call } = setup()
    await call('CreateBucket', { Bucket: 'bkt' })
    expect(await expectOnlyAwsErrors(acct, 's3', s3.definition)).toBeGreaterThan(100)
  })
})
