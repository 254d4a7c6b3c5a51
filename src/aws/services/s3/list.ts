// ListObjectsV2: Prefix, Delimiter (CommonPrefixes), MaxKeys, ContinuationToken, StartAfter,
// EncodingType=url, FetchOwner. Keys come back in UTF-8 binary order, as S3 lists them.
import type { ListObjectsV2Output, ListObjectsV2Request } from '@aws-sdk/client-s3'
import type { OperationDefinition } from '../../types.ts'
import { base64, fromBase64 } from './checksums.ts'
import { invalidArgument } from './errors.ts'
import { bucketArn } from './operations-buckets.ts'
import type { S3Context } from './service.ts'

const enc = new TextEncoder()

/** Compares keys by their UTF-8 bytes (differs from UTF-16 order only above U+FFFF vs U+E000–U+FFFF). */
export function compareKeys(a: string, b: string): number {
  if (a === b) return 0
  const x = enc.encode(a)
  const y = enc.encode(b)
  const n = Math.min(x.length, y.length)
  for (let i = 0; i < n; i++) if (x[i] !== y[i]) return x[i] - y[i]
  return x.length - y.length
}

/** S3's url encoding for listing results (spaces as +, slashes kept). */
const urlEncode = (s: string) => encodeURIComponent(s).replace(/%20/g, '+').replace(/%2F/g, '/')

export function listOperation(
  s: S3Context,
): OperationDefinition<ListObjectsV2Request, Omit<ListObjectsV2Output, '$metadata'>> {
  return {
    authorize: (input) => [
      {
        action: 's3:ListBucket',
        resource: bucketArn(input.Bucket),
        context: {
          's3:prefix': typeof input.Prefix === 'string' ? input.Prefix : '',
          ...(typeof input.Delimiter === 'string' ? { 's3:delimiter': input.Delimiter } : {}),
          's3:max-keys': String(input.MaxKeys ?? 1000),
        },
      },
    ],
    handler(input, ctx) {
      const b = s.bucket(input.Bucket)
      const maxKeys = input.MaxKeys ?? 1000
      if (typeof maxKeys !== 'number' || !Number.isInteger(maxKeys) || maxKeys < 0) {
        throw invalidArgument('Provided max-keys not an integer or within integer range', 'max-keys', String(maxKeys))
      }
      if (input.EncodingType !== undefined && input.EncodingType !== 'url') {
        throw invalidArgument(
          'Invalid Encoding Method specified in Request',
          'encoding-type',
          String(input.EncodingType),
        )
      }
      const prefix = typeof input.Prefix === 'string' ? input.Prefix : ''
      const delimiter = typeof input.Delimiter === 'string' && input.Delimiter !== '' ? input.Delimiter : undefined
      let after: string | undefined = typeof input.StartAfter === 'string' ? input.StartAfter : undefined
      if (input.ContinuationToken !== undefined) {
        try {
          const bytes = fromBase64(String(input.ContinuationToken))
          if (!bytes) throw new Error('not base64')
          const parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as { after?: unknown }
          if (typeof parsed.after !== 'string') throw new Error('shape')
          after = parsed.after
        } catch {
          throw invalidArgument(
            'The continuation token provided is incorrect',
            'continuation-token',
            String(input.ContinuationToken),
          )
        }
      }
      const limit = Math.min(maxKeys, 1000)
      const keys = [...b.objects.keys()]
        .filter((k) => k.startsWith(prefix) && (after === undefined || compareKeys(k, after) > 0))
        .sort(compareKeys)
      const contents: string[] = []
      const prefixes: string[] = []
      let last: string | undefined
      let truncated = false
      for (const key of keys) {
        if (delimiter) {
          const at = key.indexOf(delimiter, prefix.length)
          if (at >= 0) {
            const common = key.slice(0, at + delimiter.length)
            if (prefixes[prefixes.length - 1] === common) continue
            if (contents.length + prefixes.length >= limit) {
              truncated = true
              break
            }
            prefixes.push(common)
            // Skip every other key under this common prefix: the next token starts after all of them.
            last = common + '\u{10FFFF}'
            continue
          }
        }
        if (contents.length + prefixes.length >= limit) {
          truncated = true
          break
        }
        contents.push(key)
        last = key
      }
      const e = input.EncodingType === 'url' ? urlEncode : (x: string) => x
      const owner = input.FetchOwner ? s.owner(ctx) : undefined
      return {
        Name: b.name,
        Prefix: e(prefix),
        ...(delimiter ? { Delimiter: e(delimiter) } : {}),
        MaxKeys: maxKeys,
        KeyCount: contents.length + prefixes.length,
        IsTruncated: truncated,
        ...(input.ContinuationToken !== undefined ? { ContinuationToken: String(input.ContinuationToken) } : {}),
        ...(truncated && last !== undefined
          ? { NextContinuationToken: base64(enc.encode(JSON.stringify({ after: last }))) }
          : {}),
        ...(typeof input.StartAfter === 'string' ? { StartAfter: e(input.StartAfter) } : {}),
        ...(input.EncodingType === 'url' ? { EncodingType: 'url' as const } : {}),
        ...(contents.length
          ? {
              Contents: contents.map((key) => {
                const o = b.objects.get(key)!
                return {
                  Key: e(key),
                  LastModified: new Date(Math.floor(o.lastModified / 1000) * 1000),
                  ETag: o.etag,
                  ChecksumAlgorithm: [o.checksum.algorithm],
                  ChecksumType: 'FULL_OBJECT' as const,
                  Size: o.body.length,
                  StorageClass: o.storageClass as never,
                  ...(owner ? { Owner: owner } : {}),
                }
              }),
            }
          : {}),
        ...(prefixes.length ? { CommonPrefixes: prefixes.map((p) => ({ Prefix: e(p) })) } : {}),
      }
    },
  }
}
