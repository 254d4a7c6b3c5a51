// Where S3's operations put each member on the wire (from the S3 API model), and how a request
// is routed: bucket from the host (virtual-hosted style, `bucket.s3.<region>.amazonaws.com`) or from
// the first path segment (path style), operation from the method, key and sub-resource.
import type {
  InputBinding,
  OutputBinding,
  RestXmlBindings,
  RestXmlOperation,
  XmlMember,
} from '../../protocol/rest-xml.ts'
import type { WireRequest } from '../../protocol/types.ts'
import { notImplemented } from './errors.ts'

const h = (
  name: string,
  type?: 'integer' | 'long' | 'boolean' | 'timestamp',
): { in: 'header'; name: string; type?: typeof type } => ({
  in: 'header',
  name,
  type,
})
const q = (name: string, type?: 'integer' | 'boolean' | 'timestamp'): InputBinding => ({ in: 'query', name, type })
const bucket: Record<string, InputBinding> = {
  Bucket: { in: 'label', name: 'Bucket' },
  ExpectedBucketOwner: h('x-amz-expected-bucket-owner'),
}
const object: Record<string, InputBinding> = { ...bucket, Key: { in: 'label', name: 'Key' } }

const CHECKSUM_HEADERS = {
  ChecksumCRC32: h('x-amz-checksum-crc32'),
  ChecksumCRC32C: h('x-amz-checksum-crc32c'),
  ChecksumCRC64NVME: h('x-amz-checksum-crc64nvme'),
  ChecksumSHA1: h('x-amz-checksum-sha1'),
  ChecksumSHA256: h('x-amz-checksum-sha256'),
}

/** The headers GetObject and HeadObject answer with. */
const OBJECT_HEADERS: Record<string, OutputBinding> = {
  DeleteMarker: h('x-amz-delete-marker', 'boolean'),
  AcceptRanges: h('accept-ranges'),
  LastModified: h('Last-Modified', 'timestamp'),
  ContentLength: h('Content-Length', 'long'),
  ETag: h('ETag'),
  ...CHECKSUM_HEADERS,
  ChecksumType: h('x-amz-checksum-type'),
  VersionId: h('x-amz-version-id'),
  CacheControl: h('Cache-Control'),
  ContentDisposition: h('Content-Disposition'),
  ContentEncoding: h('Content-Encoding'),
  ContentLanguage: h('Content-Language'),
  ContentRange: h('Content-Range'),
  ContentType: h('Content-Type'),
  Expires: h('Expires', 'timestamp'),
  WebsiteRedirectLocation: h('x-amz-website-redirect-location'),
  ServerSideEncryption: h('x-amz-server-side-encryption'),
  Metadata: { in: 'headers', prefix: 'x-amz-meta-' },
  StorageClass: h('x-amz-storage-class'),
  TagCount: h('x-amz-tagging-count', 'integer'),
}

const GET_INPUT: Record<string, InputBinding> = {
  ...object,
  IfMatch: h('If-Match'),
  IfModifiedSince: h('If-Modified-Since', 'timestamp'),
  IfNoneMatch: h('If-None-Match'),
  IfUnmodifiedSince: h('If-Unmodified-Since', 'timestamp'),
  Range: h('Range'),
  VersionId: q('versionId'),
  PartNumber: q('partNumber', 'integer'),
  ChecksumMode: h('x-amz-checksum-mode'),
}

const owner: XmlMember = { struct: { DisplayName: 'string', ID: 'string' } }
const objectEntry: XmlMember = {
  struct: {
    Key: 'string',
    LastModified: 'timestamp',
    ETag: 'string',
    ChecksumAlgorithm: { shape: { list: 'string', flattened: true }, name: 'ChecksumAlgorithm' },
    ChecksumType: 'string',
    Size: 'long',
    StorageClass: 'string',
    Owner: owner,
  },
}

export const S3_OPERATIONS: Record<string, RestXmlOperation> = {
  ListBuckets: {
    input: {
      MaxBuckets: q('max-buckets', 'integer'),
      ContinuationToken: q('continuation-token'),
      Prefix: q('prefix'),
      BucketRegion: q('bucket-region'),
    },
    output: {},
    xmlBody: {
      root: 'ListAllMyBucketsResult',
      members: {
        Owner: owner,
        Buckets: {
          list: { struct: { Name: 'string', CreationDate: 'timestamp', BucketRegion: 'string' } },
          member: 'Bucket',
        },
        ContinuationToken: 'string',
        Prefix: 'string',
      },
    },
  },
  CreateBucket: {
    input: {
      ...bucket,
      ACL: h('x-amz-acl'),
      ObjectOwnership: h('x-amz-object-ownership'),
      CreateBucketConfiguration: {
        in: 'xml',
        root: 'CreateBucketConfiguration',
        shape: { struct: { LocationConstraint: 'string' } },
      },
    },
    output: { Location: h('Location'), BucketArn: h('x-amz-bucket-arn') },
  },
  DeleteBucket: { input: bucket, output: {}, successCode: 204 },
  HeadBucket: {
    input: bucket,
    output: {
      BucketRegion: h('x-amz-bucket-region'),
      AccessPointAlias: h('x-amz-access-point-alias', 'boolean'),
      BucketArn: h('x-amz-bucket-arn'),
    },
  },
  GetBucketLocation: { input: bucket, output: { LocationConstraint: { in: 'xmlText', root: 'LocationConstraint' } } },
  PutBucketPolicy: {
    input: {
      ...bucket,
      Policy: { in: 'body', type: 'string' },
      ContentMD5: h('Content-MD5'),
      ConfirmRemoveSelfBucketAccess: h('x-amz-confirm-remove-self-bucket-access', 'boolean'),
    },
    output: {},
    successCode: 204,
  },
  GetBucketPolicy: { input: bucket, output: { Policy: { in: 'body', type: 'string' } } },
  DeleteBucketPolicy: { input: bucket, output: {}, successCode: 204 },
  PutObject: {
    input: {
      ...object,
      Body: { in: 'body', type: 'blob' },
      ACL: h('x-amz-acl'),
      CacheControl: h('Cache-Control'),
      ContentDisposition: h('Content-Disposition'),
      ContentEncoding: h('Content-Encoding'),
      ContentLanguage: h('Content-Language'),
      ContentLength: h('Content-Length', 'long'),
      ContentMD5: h('Content-MD5'),
      ContentType: h('Content-Type'),
      ChecksumAlgorithm: h('x-amz-sdk-checksum-algorithm'),
      ...CHECKSUM_HEADERS,
      Expires: h('Expires', 'timestamp'),
      IfMatch: h('If-Match'),
      IfNoneMatch: h('If-None-Match'),
      Metadata: { in: 'headers', prefix: 'x-amz-meta-' },
      ServerSideEncryption: h('x-amz-server-side-encryption'),
      StorageClass: h('x-amz-storage-class'),
      Tagging: h('x-amz-tagging'),
      WebsiteRedirectLocation: h('x-amz-website-redirect-location'),
    },
    output: {
      ETag: h('ETag'),
      ...CHECKSUM_HEADERS,
      ChecksumType: h('x-amz-checksum-type'),
      ServerSideEncryption: h('x-amz-server-side-encryption'),
      VersionId: h('x-amz-version-id'),
      Size: h('x-amz-object-size', 'long'),
    },
  },
  GetObject: {
    input: {
      ...GET_INPUT,
      ResponseCacheControl: q('response-cache-control'),
      ResponseContentDisposition: q('response-content-disposition'),
      ResponseContentEncoding: q('response-content-encoding'),
      ResponseContentLanguage: q('response-content-language'),
      ResponseContentType: q('response-content-type'),
      ResponseExpires: q('response-expires', 'timestamp'),
    },
    output: { Body: { in: 'body', type: 'blob' }, ...OBJECT_HEADERS },
    statusFrom: (out) => (out.ContentRange ? 206 : undefined),
  },
  HeadObject: { input: GET_INPUT, output: OBJECT_HEADERS, statusFrom: (out) => (out.ContentRange ? 206 : undefined) },
  ListObjectsV2: {
    input: {
      ...bucket,
      Delimiter: q('delimiter'),
      EncodingType: q('encoding-type'),
      MaxKeys: q('max-keys', 'integer'),
      Prefix: q('prefix'),
      ContinuationToken: q('continuation-token'),
      FetchOwner: q('fetch-owner', 'boolean'),
      StartAfter: q('start-after'),
    },
    output: {},
    xmlBody: {
      root: 'ListBucketResult',
      members: {
        Name: 'string',
        Prefix: 'string',
        Delimiter: 'string',
        MaxKeys: 'integer',
        KeyCount: 'integer',
        IsTruncated: 'boolean',
        ContinuationToken: 'string',
        NextContinuationToken: 'string',
        StartAfter: 'string',
        EncodingType: 'string',
        Contents: { shape: { list: objectEntry, flattened: true }, name: 'Contents' },
        CommonPrefixes: { shape: { list: { struct: { Prefix: 'string' } }, flattened: true }, name: 'CommonPrefixes' },
      },
    },
  },
  DeleteObject: {
    input: { ...object, VersionId: q('versionId'), MFA: h('x-amz-mfa') },
    output: { DeleteMarker: h('x-amz-delete-marker', 'boolean'), VersionId: h('x-amz-version-id') },
    successCode: 204,
  },
  DeleteObjects: {
    input: {
      ...bucket,
      MFA: h('x-amz-mfa'),
      ChecksumAlgorithm: h('x-amz-sdk-checksum-algorithm'),
      Delete: {
        in: 'xml',
        root: 'Delete',
        shape: {
          struct: {
            Objects: {
              shape: { list: { struct: { Key: 'string', VersionId: 'string', ETag: 'string' } }, flattened: true },
              name: 'Object',
            },
            Quiet: 'boolean',
          },
        },
      },
    },
    output: {},
    xmlBody: {
      root: 'DeleteResult',
      members: {
        Deleted: {
          shape: {
            list: {
              struct: { Key: 'string', VersionId: 'string', DeleteMarker: 'boolean', DeleteMarkerVersionId: 'string' },
            },
            flattened: true,
          },
          name: 'Deleted',
        },
        Errors: {
          shape: {
            list: { struct: { Key: 'string', VersionId: 'string', Code: 'string', Message: 'string' } },
            flattened: true,
          },
          name: 'Error',
        },
      },
    },
  },
  CopyObject: {
    input: {
      ...object,
      CopySource: h('x-amz-copy-source'),
      CopySourceIfMatch: h('x-amz-copy-source-if-match'),
      CopySourceIfModifiedSince: h('x-amz-copy-source-if-modified-since', 'timestamp'),
      CopySourceIfNoneMatch: h('x-amz-copy-source-if-none-match'),
      CopySourceIfUnmodifiedSince: h('x-amz-copy-source-if-unmodified-since', 'timestamp'),
      MetadataDirective: h('x-amz-metadata-directive'),
      TaggingDirective: h('x-amz-tagging-directive'),
      Metadata: { in: 'headers', prefix: 'x-amz-meta-' },
      CacheControl: h('Cache-Control'),
      ContentDisposition: h('Content-Disposition'),
      ContentEncoding: h('Content-Encoding'),
      ContentLanguage: h('Content-Language'),
      ContentType: h('Content-Type'),
      Expires: h('Expires', 'timestamp'),
      ChecksumAlgorithm: h('x-amz-checksum-algorithm'),
      StorageClass: h('x-amz-storage-class'),
      ServerSideEncryption: h('x-amz-server-side-encryption'),
      Tagging: h('x-amz-tagging'),
    },
    output: {
      CopyObjectResult: {
        in: 'xml',
        root: 'CopyObjectResult',
        shape: {
          struct: {
            ETag: 'string',
            LastModified: 'timestamp',
            ChecksumType: 'string',
            ChecksumCRC32: 'string',
            ChecksumCRC32C: 'string',
            ChecksumCRC64NVME: 'string',
            ChecksumSHA1: 'string',
            ChecksumSHA256: 'string',
          },
        },
      },
      CopySourceVersionId: h('x-amz-copy-source-version-id'),
      VersionId: h('x-amz-version-id'),
      ServerSideEncryption: h('x-amz-server-side-encryption'),
    },
  },
}

/** Sub-resources (query keys) that select an operation, and those we do not implement. */
const BUCKET_SUBRESOURCES = new Set([
  'accelerate',
  'acl',
  'analytics',
  'cors',
  'encryption',
  'intelligent-tiering',
  'inventory',
  'lifecycle',
  'location',
  'logging',
  'metrics',
  'notification',
  'object-lock',
  'ownershipControls',
  'policy',
  'policyStatus',
  'publicAccessBlock',
  'replication',
  'requestPayment',
  'tagging',
  'uploads',
  'versioning',
  'versions',
  'website',
  'delete',
  'session',
  'metadataTable',
])
const OBJECT_SUBRESOURCES = new Set([
  'acl',
  'attributes',
  'legal-hold',
  'retention',
  'restore',
  'select',
  'tagging',
  'torrent',
  'uploadId',
  'uploads',
])

function decodeSegment(s: string): string {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}

/** Bucket and key of a request, from the host (virtual-hosted style) or the path (path style). */
export function addressOf(req: WireRequest): { bucket?: string; key?: string } {
  const host = req.hostname.toLowerCase()
  const virtual = /^(.+)\.s3(?:[.-](?:dualstack\.)?[a-z0-9-]+)?\.amazonaws\.com$/.exec(host)
  const path = req.path.split('?')[0]
  if (virtual && virtual[1] !== 's3') {
    const key = path.length > 1 ? decodeSegment(path.slice(1)) : undefined
    return { bucket: virtual[1], key }
  }
  const rest = path.replace(/^\//, '')
  if (rest === '') return {}
  const slash = rest.indexOf('/')
  if (slash < 0) return { bucket: decodeSegment(rest) }
  const key = rest.slice(slash + 1)
  return {
    bucket: decodeSegment(rest.slice(0, slash)),
    key: key === '' ? undefined : key.split('/').map(decodeSegment).join('/'),
  }
}

export function routeS3(req: WireRequest): { operation: string; labels: Record<string, string> } {
  const { bucket, key } = addressOf(req)
  const method = req.method.toUpperCase()
  const query = Object.keys(req.query).filter((k) => k !== 'x-id')
  const labels: Record<string, string> = {}
  if (bucket !== undefined) labels.Bucket = bucket
  if (key !== undefined) labels.Key = key
  const has = (k: string) => query.includes(k)
  if (bucket === undefined) {
    if (method === 'GET') return { operation: 'ListBuckets', labels }
    throw notImplemented()
  }
  if (key === undefined) {
    const sub = query.find((k) => BUCKET_SUBRESOURCES.has(k))
    if (sub === 'policy') {
      const op = { PUT: 'PutBucketPolicy', GET: 'GetBucketPolicy', DELETE: 'DeleteBucketPolicy' }[method]
      if (op) return { operation: op, labels }
    } else if (sub === 'location' && method === 'GET') return { operation: 'GetBucketLocation', labels }
    else if (sub === 'delete' && method === 'POST') return { operation: 'DeleteObjects', labels }
    else if (sub === undefined) {
      if (method === 'GET' && req.query['list-type'] === '2') return { operation: 'ListObjectsV2', labels }
      const op = { PUT: 'CreateBucket', DELETE: 'DeleteBucket', HEAD: 'HeadBucket' }[method]
      if (op) return { operation: op, labels }
    }
    throw notImplemented()
  }
  if (query.some((k) => OBJECT_SUBRESOURCES.has(k)) || (has('partNumber') && method === 'PUT')) throw notImplemented()
  if (method === 'PUT') {
    const copy = Object.keys(req.headers).some((k) => k.toLowerCase() === 'x-amz-copy-source')
    return { operation: copy ? 'CopyObject' : 'PutObject', labels }
  }
  const op = { GET: 'GetObject', HEAD: 'HeadObject', DELETE: 'DeleteObject' }[method]
  if (op) return { operation: op, labels }
  throw notImplemented()
}

export const S3_BINDINGS: RestXmlBindings = {
  xmlNamespace: 'http://s3.amazonaws.com/doc/2006-03-01/',
  requestIdHeader: 'x-amz-request-id',
  route: routeS3,
  operations: S3_OPERATIONS,
  extraHeaders: (requestId) => ({ 'x-amz-id-2': btoa(`simulated/${requestId}`) }),
}
