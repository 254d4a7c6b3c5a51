// S3's state: buckets (one namespace per account here, each with its region) and their objects,
// and the rules S3 applies to names, sizes and metadata.
import type { ChecksumAlgorithm } from './checksums.ts'
import { invalidBucketName, s3Error } from './errors.ts'

export interface S3Object {
  key: string
  body: Uint8Array
  /** Quoted MD5 hex, as S3 writes ETags. */
  etag: string
  lastModified: number
  contentType: string
  cacheControl?: string
  contentDisposition?: string
  contentEncoding?: string
  contentLanguage?: string
  expires?: number
  websiteRedirectLocation?: string
  metadata: Record<string, string>
  storageClass: string
  checksum: { algorithm: ChecksumAlgorithm; value: string }
  tags: Record<string, string>
}

export interface Bucket {
  name: string
  region: string
  createdAt: number
  policy?: string
  objects: Map<string, S3Object>
}

/** Limits of the simulation (S3 itself accepts 5 GB per PUT): objects live in the browser's memory. */
export const DEFAULT_MAX_OBJECT_BYTES = 10 * 1024 * 1024
export const DEFAULT_MAX_TOTAL_BYTES = 100 * 1024 * 1024
export const MAX_KEY_BYTES = 1024
export const MAX_METADATA_BYTES = 2048
export const MAX_BUCKETS = 10_000

const enc = new TextEncoder()
export const utf8Length = (s: string) => enc.encode(s).length

/** S3's general-purpose bucket naming rules. */
export function checkBucketName(name: unknown): string {
  if (typeof name !== 'string') throw invalidBucketName(String(name))
  const ok =
    /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(name) &&
    !name.includes('..') &&
    !/^\d+\.\d+\.\d+\.\d+$/.test(name) &&
    !/^(xn--|sthree-|amzn-s3-demo-)/.test(name) &&
    !/(-s3alias|--ol-s3|\.mrap|--x-s3|--table-s3)$/.test(name)
  if (!ok) throw invalidBucketName(name)
  return name
}

export function checkKey(key: unknown): string {
  if (typeof key !== 'string' || key === '') {
    throw s3Error('InvalidArgument', 'The specified key is not valid.', 400)
  }
  if (utf8Length(key) > MAX_KEY_BYTES)
    throw s3Error('KeyTooLongError', 'Your key is too long', 400, {
      Size: utf8Length(key),
      MaxSizeAllowed: MAX_KEY_BYTES,
    })
  return key
}

export function checkMetadata(metadata: unknown): Record<string, string> {
  if (metadata === undefined || metadata === null) return {}
  if (typeof metadata !== 'object' || Array.isArray(metadata))
    throw s3Error('InvalidArgument', 'Metadata must be a map of strings.', 400)
  const out: Record<string, string> = {}
  let size = 0
  for (const [k, v] of Object.entries(metadata)) {
    if (typeof v !== 'string') throw s3Error('InvalidArgument', 'Metadata must be a map of strings.', 400)
    const key = k.toLowerCase()
    out[key] = v
    size += utf8Length(key) + utf8Length(v)
  }
  if (size > MAX_METADATA_BYTES) {
    throw s3Error('MetadataTooLarge', 'Your metadata headers exceed the maximum allowed metadata size.', 400, {
      Size: size,
      MaxSizeAllowed: MAX_METADATA_BYTES,
    })
  }
  return out
}

/** Parses x-amz-tagging (URL query syntax). */
export function parseTagging(tagging: unknown): Record<string, string> {
  if (tagging === undefined || tagging === '') return {}
  if (typeof tagging !== 'string') throw s3Error('InvalidArgument', 'The tag provided was not a valid tag.', 400)
  const tags: Record<string, string> = {}
  for (const [k, v] of new URLSearchParams(tagging)) {
    if (k in tags) {
      throw s3Error(
        'InvalidArgument',
        "The header 'x-amz-tagging' shall be encoded as UTF-8 then URLEncoded URL query parameters without tag name duplicates.",
        400,
      )
    }
    if (k.startsWith('aws:')) throw s3Error('InvalidTag', 'Your TagKey cannot be prefixed with aws:', 400)
    if (k.length < 1 || k.length > 128) throw s3Error('InvalidTag', 'The TagKey you have provided is invalid', 400)
    if (v.length > 256) throw s3Error('InvalidTag', 'The TagValue you have provided is invalid', 400)
    tags[k] = v
  }
  if (Object.keys(tags).length > 10) throw s3Error('BadRequest', 'Object tags cannot be greater than 10', 400)
  return tags
}

/** What the change listener hears (the next issue turns these into S3 event notifications). */
export interface S3ObjectEvent {
  eventName: 'ObjectCreated:Put' | 'ObjectCreated:Copy' | 'ObjectRemoved:Delete'
  bucket: string
  region: string
  key: string
  size?: number
  eTag?: string
  /** Increasing per bucket, as S3's `sequencer` is, to order events on one key. */
  sequencer: string
  eventTime: number
  principalArn?: string
}
