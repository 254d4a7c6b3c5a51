// Object operations: PutObject, GetObject (ranges, conditions, checksums), HeadObject,
// DeleteObject, DeleteObjects, CopyObject.
import type {
  CopyObjectRequest,
  CopyObjectOutput,
  DeleteObjectRequest,
  DeleteObjectOutput,
  DeleteObjectsRequest,
  DeleteObjectsOutput,
  GetObjectRequest,
  HeadObjectRequest,
  PutObjectRequest,
  PutObjectOutput,
} from '@aws-sdk/client-s3'
import { AwsError } from '../../errors.ts'
import type { AuthorizationRequirement, OperationContext, OperationDefinition } from '../../types.ts'
import { bucketArn } from './operations-buckets.ts'
import {
  CHECKSUM_ALGORITHMS,
  checksum,
  DIGEST_LENGTH,
  fromBase64,
  md5Base64,
  md5Hex,
  type ChecksumAlgorithm,
} from './checksums.ts'
import {
  invalidArgument,
  invalidRequest,
  noSuchKey,
  notImplemented,
  notModified,
  preconditionFailed,
  s3Error,
} from './errors.ts'
import { checkKey, checkMetadata, parseTagging, type S3Object } from './model.ts'
import type { S3Context } from './service.ts'

type Op<I, O> = OperationDefinition<I, O>
const enc = new TextEncoder()
const objectArn = (bucket: unknown, key: unknown) =>
  `arn:aws:s3:::${typeof bucket === 'string' ? bucket : '*'}/${typeof key === 'string' ? key : '*'}`
const STORAGE_CLASSES = [
  'STANDARD',
  'REDUCED_REDUNDANCY',
  'STANDARD_IA',
  'ONEZONE_IA',
  'INTELLIGENT_TIERING',
  'GLACIER',
  'DEEP_ARCHIVE',
  'GLACIER_IR',
]

function bodyBytes(body: unknown): Uint8Array {
  if (body === undefined || body === null) return new Uint8Array(0)
  if (body instanceof Uint8Array) return body
  if (typeof body === 'string') return enc.encode(body)
  if (body instanceof ArrayBuffer) return new Uint8Array(body)
  throw invalidArgument('The request body must be a string or bytes.')
}

/** Checks the checksums an upload carries; returns the one to store (CRC64NVME when none is given). */
function uploadChecksum(input: Record<string, unknown>, body: Uint8Array): S3Object['checksum'] {
  const given = CHECKSUM_ALGORITHMS.filter((a) => input[`Checksum${a}`] !== undefined)
  if (given.length > 1)
    throw invalidRequest('Expecting a single x-amz-checksum- header. Multiple checksum Types are not allowed.')
  if (input.ContentMD5 !== undefined) {
    const md5 = String(input.ContentMD5)
    const bytes = fromBase64(md5)
    if (!bytes || bytes.length !== 16)
      throw s3Error('InvalidDigest', 'The Content-MD5 you specified was invalid.', 400, { 'Content-MD5': md5 })
    if (md5Base64(body) !== md5) {
      throw s3Error('BadDigest', 'The Content-MD5 you specified did not match what we received.', 400, {
        ExpectedDigest: md5,
        CalculatedDigest: md5Base64(body),
      })
    }
  }
  const algorithm = given[0]
  if (!algorithm) {
    const declared = input.ChecksumAlgorithm
    const a =
      typeof declared === 'string' && CHECKSUM_ALGORITHMS.includes(declared as ChecksumAlgorithm)
        ? (declared as ChecksumAlgorithm)
        : 'CRC64NVME'
    return { algorithm: a, value: checksum(a, body) }
  }
  const value = String(input[`Checksum${algorithm}`])
  const bytes = fromBase64(value)
  if (!bytes || bytes.length !== DIGEST_LENGTH[algorithm])
    throw invalidRequest(`Value for x-amz-checksum-${algorithm.toLowerCase()} header is invalid.`)
  if (checksum(algorithm, body) !== value)
    throw s3Error('BadDigest', `The ${algorithm} you specified did not match the calculated checksum.`, 400)
  return { algorithm, value }
}

const checksumOutput = (o: S3Object) => ({
  [`Checksum${o.checksum.algorithm}`]: o.checksum.value,
  ChecksumType: 'FULL_OBJECT' as const,
})

/** Applies If-Match / If-None-Match / If-(Un)Modified-Since as S3 does (304 and 412). */
function checkConditions(o: S3Object, input: GetObjectRequest | HeadObjectRequest): void {
  const seconds = Math.floor(o.lastModified / 1000) * 1000
  const matches = (list: string) =>
    list.split(',').some((t) => t.trim() === '*' || t.trim() === o.etag || `"${t.trim()}"` === o.etag)
  if (input.IfMatch !== undefined && !matches(input.IfMatch)) throw preconditionFailed('If-Match')
  if (
    input.IfMatch === undefined &&
    input.IfUnmodifiedSince instanceof Date &&
    seconds > input.IfUnmodifiedSince.getTime()
  ) {
    throw preconditionFailed('If-Unmodified-Since')
  }
  if (input.IfNoneMatch !== undefined && matches(input.IfNoneMatch)) throw notModified()
  if (
    input.IfNoneMatch === undefined &&
    input.IfModifiedSince instanceof Date &&
    seconds <= input.IfModifiedSince.getTime()
  )
    throw notModified()
}

/** A byte range S3 would serve, or undefined for the whole object. */
function range(header: unknown, size: number): { start: number; end: number } | undefined {
  if (typeof header !== 'string') return undefined
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim())
  if (!m || (m[1] === '' && m[2] === '')) return undefined // S3 ignores ranges it cannot parse
  let start: number
  let end: number
  if (m[1] === '') {
    const n = Number(m[2])
    if (n === 0)
      throw s3Error('InvalidRange', 'The requested range is not satisfiable', 416, {
        RangeRequested: header,
        ActualObjectSize: size,
      })
    start = Math.max(0, size - n)
    end = size - 1
  } else {
    start = Number(m[1])
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1)
    if (m[2] !== '' && Number(m[2]) < start) return undefined
  }
  if (start >= size)
    throw s3Error('InvalidRange', 'The requested range is not satisfiable', 416, {
      RangeRequested: header,
      ActualObjectSize: size,
    })
  return { start, end }
}

function describe(o: S3Object) {
  return {
    LastModified: new Date(Math.floor(o.lastModified / 1000) * 1000),
    ETag: o.etag,
    CacheControl: o.cacheControl,
    ContentDisposition: o.contentDisposition,
    ContentEncoding: o.contentEncoding,
    ContentLanguage: o.contentLanguage,
    ContentType: o.contentType,
    Expires: o.expires !== undefined ? new Date(o.expires) : undefined,
    WebsiteRedirectLocation: o.websiteRedirectLocation,
    ServerSideEncryption: 'AES256' as const,
    Metadata: { ...o.metadata },
    StorageClass: o.storageClass === 'STANDARD' ? undefined : (o.storageClass as never),
    TagCount: Object.keys(o.tags).length || undefined,
  }
}

export function objectOperations(s: S3Context): Record<string, Op<never, unknown>> {
  function store(
    ctx: OperationContext,
    bucketName: string,
    o: S3Object,
    eventName: 'ObjectCreated:Put' | 'ObjectCreated:Copy',
  ): void {
    const b = s.bucket(bucketName)
    s.reserve(b, o.key, o.body.length)
    b.objects.set(o.key, o)
    s.changed()
    s.emit(ctx, {
      eventName,
      bucket: b.name,
      region: b.region,
      key: o.key,
      size: o.body.length,
      eTag: o.etag.slice(1, -1),
    })
  }

  const PutObject: Op<PutObjectRequest, Omit<PutObjectOutput, '$metadata'>> = {
    authorize: (input) => [{ action: 's3:PutObject', resource: objectArn(input.Bucket, input.Key) }],
    handler(input, ctx) {
      const b = s.bucket(input.Bucket)
      const key = checkKey(input.Key)
      const body = bodyBytes(input.Body)
      s.checkSize(body.length)
      if (input.IfNoneMatch !== undefined) {
        if (input.IfNoneMatch !== '*') throw notImplemented()
        if (b.objects.has(key)) throw preconditionFailed('If-None-Match')
      }
      if (input.IfMatch !== undefined) {
        const existing = b.objects.get(key)
        if (!existing) throw noSuchKey(key)
        if (input.IfMatch !== existing.etag && `"${input.IfMatch}"` !== existing.etag)
          throw preconditionFailed('If-Match')
      }
      if (input.StorageClass !== undefined && !STORAGE_CLASSES.includes(input.StorageClass)) {
        throw s3Error('InvalidStorageClass', 'The storage class you specified is not valid', 400, {
          StorageClassRequested: input.StorageClass,
        })
      }
      const sum = uploadChecksum(input as unknown as Record<string, unknown>, body)
      const o: S3Object = {
        key,
        body: new Uint8Array(body),
        etag: `"${md5Hex(body)}"`,
        lastModified: ctx.clock.now(),
        contentType: input.ContentType ?? 'binary/octet-stream',
        cacheControl: input.CacheControl,
        contentDisposition: input.ContentDisposition,
        contentEncoding: input.ContentEncoding,
        contentLanguage: input.ContentLanguage,
        expires: input.Expires instanceof Date ? input.Expires.getTime() : undefined,
        websiteRedirectLocation: input.WebsiteRedirectLocation,
        metadata: checkMetadata(input.Metadata),
        storageClass: input.StorageClass ?? 'STANDARD',
        checksum: sum,
        tags: parseTagging(input.Tagging),
      }
      store(ctx, b.name, o, 'ObjectCreated:Put')
      return { ETag: o.etag, ...checksumOutput(o), ServerSideEncryption: 'AES256', Size: o.body.length }
    },
  }

  function get(input: GetObjectRequest | HeadObjectRequest, withBody: boolean) {
    const b = s.bucket(input.Bucket)
    const key = checkKey(input.Key)
    const o = b.objects.get(key)
    if (!o) {
      // HEAD errors carry no body; S3 still answers 404 (403 when the caller may not list the bucket).
      throw noSuchKey(key)
    }
    if (input.VersionId !== undefined && input.VersionId !== 'null') {
      throw s3Error('InvalidArgument', 'Invalid version id specified', 400, {
        ArgumentName: 'versionId',
        ArgumentValue: input.VersionId,
      })
    }
    if (input.PartNumber !== undefined && input.Range !== undefined)
      throw invalidRequest('Cannot specify both Range header and partNumber query parameter')
    if (input.PartNumber !== undefined && input.PartNumber !== 1)
      throw s3Error('InvalidPartNumber', 'The requested partnumber is not satisfiable', 416, {
        PartNumberRequested: input.PartNumber,
        ActualPartCount: 1,
      })
    checkConditions(o, input)
    const r = range(input.Range, o.body.length)
    const out: Record<string, unknown> = {
      ...describe(o),
      AcceptRanges: 'bytes',
      ContentLength: r ? r.end - r.start + 1 : o.body.length,
    }
    if (r) out.ContentRange = `bytes ${r.start}-${r.end}/${o.body.length}`
    else if (input.ChecksumMode === 'ENABLED') Object.assign(out, checksumOutput(o))
    if (withBody) {
      const g = input as GetObjectRequest
      if (g.ResponseContentType) out.ContentType = g.ResponseContentType
      if (g.ResponseContentDisposition) out.ContentDisposition = g.ResponseContentDisposition
      if (g.ResponseContentEncoding) out.ContentEncoding = g.ResponseContentEncoding
      if (g.ResponseContentLanguage) out.ContentLanguage = g.ResponseContentLanguage
      if (g.ResponseCacheControl) out.CacheControl = g.ResponseCacheControl
      if (g.ResponseExpires instanceof Date) out.Expires = g.ResponseExpires
      out.Body = r ? o.body.slice(r.start, r.end + 1) : new Uint8Array(o.body)
    }
    return out
  }

  const GetObject: Op<GetObjectRequest, Record<string, unknown>> = {
    authorize: (input) => [{ action: 's3:GetObject', resource: objectArn(input.Bucket, input.Key) }],
    handler: (input) => get(input, true),
  }

  const HeadObject: Op<HeadObjectRequest, Record<string, unknown>> = {
    authorize: (input) => [{ action: 's3:GetObject', resource: objectArn(input.Bucket, input.Key) }],
    handler: (input) => get(input, false),
  }

  function remove(ctx: OperationContext, bucketName: string, key: string): void {
    const b = s.bucket(bucketName)
    if (b.objects.delete(key)) {
      s.changed()
      s.emit(ctx, { eventName: 'ObjectRemoved:Delete', bucket: b.name, region: b.region, key })
    }
  }

  const DeleteObject: Op<DeleteObjectRequest, Omit<DeleteObjectOutput, '$metadata'>> = {
    authorize: (input) => [{ action: 's3:DeleteObject', resource: objectArn(input.Bucket, input.Key) }],
    handler(input, ctx) {
      const b = s.bucket(input.Bucket)
      remove(ctx, b.name, checkKey(input.Key))
      return {}
    },
  }

  const DeleteObjects: Op<DeleteObjectsRequest, Omit<DeleteObjectsOutput, '$metadata'>> = {
    authorize(input) {
      const objects = Array.isArray(input.Delete?.Objects) ? input.Delete!.Objects : []
      const reqs: AuthorizationRequirement[] = objects
        .slice(0, 1000)
        .map((o) => ({ action: 's3:DeleteObject', resource: objectArn(input.Bucket, o?.Key) }))
      return reqs.length ? reqs : [{ action: 's3:DeleteObject', resource: `${bucketArn(input.Bucket)}/*` }]
    },
    handler(input, ctx) {
      const b = s.bucket(input.Bucket)
      const objects = input.Delete?.Objects
      if (!Array.isArray(objects) || objects.length === 0 || objects.length > 1000) {
        throw s3Error(
          'MalformedXML',
          'The XML you provided was not well-formed or did not validate against our published schema',
          400,
        )
      }
      const Deleted: { Key: string }[] = []
      const Errors: { Key: string; Code: string; Message: string }[] = []
      for (const o of objects) {
        try {
          const key = checkKey(o?.Key)
          remove(ctx, b.name, key)
          Deleted.push({ Key: key })
        } catch (e) {
          if (!(e instanceof AwsError)) throw e
          Errors.push({ Key: String(o?.Key ?? ''), Code: e.name, Message: e.message })
        }
      }
      return { ...(input.Delete!.Quiet ? {} : { Deleted }), ...(Errors.length ? { Errors } : {}) }
    },
  }

  function copySource(raw: unknown): { bucket: string; key: string } {
    if (typeof raw !== 'string' || raw === '')
      throw invalidArgument('Invalid copy source object key', 'x-amz-copy-source', String(raw))
    let text = raw.split('?')[0]
    try {
      text = decodeURIComponent(text)
    } catch {
      throw invalidArgument('Invalid copy source object key', 'x-amz-copy-source', raw)
    }
    text = text.replace(/^\//, '')
    const slash = text.indexOf('/')
    if (slash <= 0 || slash === text.length - 1)
      throw invalidArgument('Invalid copy source object key', 'x-amz-copy-source', raw)
    return { bucket: text.slice(0, slash), key: text.slice(slash + 1) }
  }

  const CopyObject: Op<CopyObjectRequest, Omit<CopyObjectOutput, '$metadata'>> = {
    authorize(input) {
      const reqs: AuthorizationRequirement[] = [
        { action: 's3:PutObject', resource: objectArn(input.Bucket, input.Key) },
      ]
      try {
        const src = copySource(input.CopySource)
        reqs.push({ action: 's3:GetObject', resource: objectArn(src.bucket, src.key) })
      } catch {
        // the handler reports the bad copy source
      }
      return reqs
    },
    handler(input, ctx) {
      const b = s.bucket(input.Bucket)
      const key = checkKey(input.Key)
      const src = copySource(input.CopySource)
      const from = s.bucket(src.bucket).objects.get(src.key)
      if (!from) throw noSuchKey(src.key)
      if (
        input.CopySourceIfMatch !== undefined &&
        input.CopySourceIfMatch !== from.etag &&
        `"${input.CopySourceIfMatch}"` !== from.etag
      ) {
        throw preconditionFailed('x-amz-copy-source-If-Match')
      }
      if (
        input.CopySourceIfNoneMatch !== undefined &&
        (input.CopySourceIfNoneMatch === from.etag || `"${input.CopySourceIfNoneMatch}"` === from.etag)
      ) {
        throw preconditionFailed('x-amz-copy-source-If-None-Match')
      }
      const directive = input.MetadataDirective ?? 'COPY'
      if (directive !== 'COPY' && directive !== 'REPLACE')
        throw invalidArgument('Unknown metadata directive.', 'x-amz-metadata-directive', String(directive))
      const replace = directive === 'REPLACE'
      if (
        src.bucket === b.name &&
        src.key === key &&
        !replace &&
        input.StorageClass === undefined &&
        input.ServerSideEncryption === undefined
      ) {
        throw invalidRequest(
          "This copy request is illegal because it is trying to copy an object to itself without changing the object's metadata, storage class, website redirect location or encryption attributes.",
        )
      }
      const algorithm = CHECKSUM_ALGORITHMS.includes(input.ChecksumAlgorithm as ChecksumAlgorithm)
        ? (input.ChecksumAlgorithm as ChecksumAlgorithm)
        : from.checksum.algorithm
      const o: S3Object = {
        ...from,
        key,
        body: new Uint8Array(from.body),
        lastModified: ctx.clock.now(),
        metadata: replace ? checkMetadata(input.Metadata) : { ...from.metadata },
        contentType: replace ? (input.ContentType ?? 'binary/octet-stream') : from.contentType,
        cacheControl: replace ? input.CacheControl : from.cacheControl,
        contentDisposition: replace ? input.ContentDisposition : from.contentDisposition,
        contentEncoding: replace ? input.ContentEncoding : from.contentEncoding,
        contentLanguage: replace ? input.ContentLanguage : from.contentLanguage,
        expires: replace ? (input.Expires instanceof Date ? input.Expires.getTime() : undefined) : from.expires,
        storageClass: input.StorageClass ?? from.storageClass,
        checksum: { algorithm, value: checksum(algorithm, from.body) },
        tags: input.TaggingDirective === 'REPLACE' ? parseTagging(input.Tagging) : { ...from.tags },
      }
      store(ctx, b.name, o, 'ObjectCreated:Copy')
      return {
        CopyObjectResult: {
          ETag: o.etag,
          LastModified: new Date(Math.floor(o.lastModified / 1000) * 1000),
          ...checksumOutput(o),
        } as never,
        ServerSideEncryption: 'AES256',
      }
    },
  }

  return { PutObject, GetObject, HeadObject, DeleteObject, DeleteObjects, CopyObject } as Record<
    string,
    Op<never, unknown>
  >
}
