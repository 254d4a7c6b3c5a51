// The S3 service (restXml, IAM prefix `s3`).
//
//   const s3 = createS3Service({ maxObjectBytes?, maxTotalBytes? })
//   s3.definition                 // the ServiceDefinition, with `restXml` bindings for the REST-XML codec
//   s3.onObjectEvent(listener)    // objects created and removed (for S3 event notifications, next issue)
//   s3.snapshot() / s3.restore(json)
import type { Owner } from '@aws-sdk/client-s3'
import type { OperationContext, ServiceDefinition } from '../../types.ts'
import { noSuchBucket, s3Error } from './errors.ts'
import { listOperation } from './list.ts'
import { DEFAULT_MAX_OBJECT_BYTES, DEFAULT_MAX_TOTAL_BYTES, type Bucket, type S3ObjectEvent } from './model.ts'
import { bucketOperations } from './operations-buckets.ts'
import { objectOperations } from './operations-objects.ts'
import { S3_BINDINGS } from './rest-bindings.ts'
import { restoreBuckets, snapshotBuckets } from './snapshot.ts'

export interface S3ServiceOptions {
  /** Largest object accepted (default 10 MiB). */
  maxObjectBytes?: number
  /** All objects together (default 100 MiB). */
  maxTotalBytes?: number
}

export interface S3Context {
  readonly buckets: Map<string, Bucket>
  /** The bucket, or NoSuchBucket. */
  bucket(name: unknown): Bucket
  owner(ctx: OperationContext): Owner
  checkSize(bytes: number): void
  /** Makes room for an object (replacing `key`), or refuses with EntityTooLarge. */
  reserve(bucket: Bucket, key: string, bytes: number): void
  emit(ctx: OperationContext, event: Omit<S3ObjectEvent, 'sequencer' | 'eventTime'>): void
  changed(): void
}

export interface S3Service {
  readonly definition: ServiceDefinition
  onObjectEvent(listener: (event: S3ObjectEvent) => void): () => void
  onChange(listener: () => void): () => void
  /** Bytes stored in all buckets. */
  usage(): number
  snapshot(): unknown
  restore(json: unknown): void
}

const tooLarge = (size: number, max: number) =>
  s3Error('EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size', 400, {
    ProposedSize: size,
    MaxSizeAllowed: max,
  })

export function createS3Service(options: S3ServiceOptions = {}): S3Service {
  const maxObject = options.maxObjectBytes ?? DEFAULT_MAX_OBJECT_BYTES
  const maxTotal = options.maxTotalBytes ?? DEFAULT_MAX_TOTAL_BYTES
  let buckets = new Map<string, Bucket>()
  let sequence = 0
  const eventListeners = new Set<(e: S3ObjectEvent) => void>()
  const changeListeners = new Set<() => void>()
  const usage = () => {
    let n = 0
    for (const b of buckets.values()) for (const o of b.objects.values()) n += o.body.length
    return n
  }

  const s: S3Context = {
    get buckets() {
      return buckets
    },
    bucket(name) {
      const b = typeof name === 'string' ? buckets.get(name) : undefined
      if (!b) throw noSuchBucket(String(name))
      return b
    },
    owner: (ctx) => ({
      DisplayName: 'webfile',
      ID: `${ctx.accountId}`.padStart(64, '0').replace(/^0+(?=\d{12}$)/, ''),
    }),
    checkSize(bytes) {
      if (bytes > maxObject) throw tooLarge(bytes, maxObject)
    },
    reserve(bucket, key, bytes) {
      const replaced = bucket.objects.get(key)?.body.length ?? 0
      if (usage() - replaced + bytes > maxTotal) throw tooLarge(bytes, Math.max(0, maxTotal - usage() + replaced))
    },
    emit(ctx, event) {
      const full: S3ObjectEvent = {
        ...event,
        sequencer: (++sequence).toString(16).toUpperCase().padStart(18, '0'),
        eventTime: ctx.clock.now(),
        principalArn: 'arn' in ctx.principal ? ctx.principal.arn : undefined,
      }
      for (const l of eventListeners) l(full)
    },
    changed() {
      for (const l of changeListeners) l()
    },
  }

  const definition: ServiceDefinition = {
    id: 's3',
    signingName: 's3',
    actionPrefix: 's3',
    protocol: 'restXml',
    restXml: S3_BINDINGS,
    requestIdFormat: 's3',
    operations: { ...bucketOperations(s), ...objectOperations(s), ListObjectsV2: listOperation(s) as never },
    resourcePolicy(arn) {
      const m = /^arn:aws:s3:::([^/]+)/.exec(arn)
      return (m && buckets.get(m[1])?.policy) || undefined
    },
  }

  return {
    definition,
    onObjectEvent(listener) {
      eventListeners.add(listener)
      return () => eventListeners.delete(listener)
    },
    onChange(listener) {
      changeListeners.add(listener)
      return () => changeListeners.delete(listener)
    },
    usage,
    snapshot: () => snapshotBuckets(buckets),
    restore(json) {
      buckets = restoreBuckets(json, { maxObject, maxTotal })
      s.changed()
    },
  }
}
