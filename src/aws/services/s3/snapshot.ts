// S3 state to plain JSON (object bodies as base64) and back, refusing corrupt or hostile input.
import { base64, CHECKSUM_ALGORITHMS, checksum, fromBase64, md5Hex, type ChecksumAlgorithm } from './checksums.ts'
import { checkBucketName, type Bucket, type S3Object } from './model.ts'

export const SNAPSHOT_VERSION = 1

export function snapshotBuckets(buckets: Map<string, Bucket>): unknown {
  return {
    version: SNAPSHOT_VERSION,
    buckets: [...buckets.values()].map((b) => ({
      name: b.name,
      region: b.region,
      createdAt: b.createdAt,
      policy: b.policy,
      objects: [...b.objects.values()].map((o) => ({ ...o, body: base64(o.body) })),
    })),
  }
}

class RestoreError extends Error {
  constructor(message: string) {
    super(`Saved S3 state is not valid: ${message}`)
  }
}
const fail = (m: string): never => {
  throw new RestoreError(m)
}
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const str = (v: unknown, what: string, max = 4096) =>
  typeof v === 'string' && v.length <= max ? v : fail(`${what} must be a string`)
const optStr = (v: unknown, what: string) => (v === undefined ? undefined : str(v, what))
const num = (v: unknown, what: string) =>
  typeof v === 'number' && Number.isFinite(v) ? v : fail(`${what} must be a number`)
function strMap(v: unknown, what: string): Record<string, string> {
  if (!isObj(v) || Object.keys(v).length > 100) return fail(`${what} must be a map of strings`)
  const out: Record<string, string> = {}
  for (const [k, x] of Object.entries(v)) out[str(k, `${what} key`, 256)] = str(x, `${what}.${k}`, 2048)
  return out
}

export function restoreBuckets(json: unknown, limits: { maxObject: number; maxTotal: number }): Map<string, Bucket> {
  if (!isObj(json) || json.version !== SNAPSHOT_VERSION || !Array.isArray(json.buckets))
    fail(`expected { version: ${SNAPSHOT_VERSION}, buckets: […] }`)
  const buckets = new Map<string, Bucket>()
  let total = 0
  for (const raw of (json as { buckets: unknown[] }).buckets) {
    if (!isObj(raw)) fail('a bucket must be an object')
    const r = raw as Record<string, unknown>
    let name: string
    try {
      name = checkBucketName(r.name)
    } catch {
      return fail(`bucket name ${JSON.stringify(r.name)} is not valid`)
    }
    if (buckets.has(name)) fail(`bucket ${name} appears twice`)
    const region = str(r.region, 'region', 30)
    if (!/^[a-z]{2}(-[a-z]+)+-\d$/.test(region)) fail(`region of ${name} is not valid`)
    if (!Array.isArray(r.objects)) fail(`objects of ${name} must be a list`)
    const objects = new Map<string, S3Object>()
    for (const o of r.objects as unknown[]) {
      if (!isObj(o)) fail(`an object of ${name} must be an object`)
      const x = o as Record<string, unknown>
      const key = str(x.key, 'key', 1024)
      const body = fromBase64(str(x.body, `body of ${key}`, Math.ceil((limits.maxObject * 4) / 3) + 4))
      if (!body) fail(`body of ${key} must be base64`)
      total += body!.length
      if (total > limits.maxTotal) fail('the objects exceed the storage limit')
      if (!isObj(x.checksum)) fail(`checksum of ${key} must be an object`)
      const c = x.checksum as Record<string, unknown>
      const algorithm = str(c.algorithm, 'checksum algorithm', 10) as ChecksumAlgorithm
      if (!CHECKSUM_ALGORITHMS.includes(algorithm)) fail(`checksum algorithm of ${key} is unknown`)
      const obj: S3Object = {
        key,
        body: body!,
        etag: `"${md5Hex(body!)}"`,
        lastModified: num(x.lastModified, 'lastModified'),
        contentType: str(x.contentType, 'contentType', 1024),
        cacheControl: optStr(x.cacheControl, 'cacheControl'),
        contentDisposition: optStr(x.contentDisposition, 'contentDisposition'),
        contentEncoding: optStr(x.contentEncoding, 'contentEncoding'),
        contentLanguage: optStr(x.contentLanguage, 'contentLanguage'),
        expires: x.expires === undefined ? undefined : num(x.expires, 'expires'),
        websiteRedirectLocation: optStr(x.websiteRedirectLocation, 'websiteRedirectLocation'),
        metadata: strMap(x.metadata, `metadata of ${key}`),
        storageClass: str(x.storageClass, 'storageClass', 40),
        // Recomputed: a saved checksum that does not match its body would fail every SDK download.
        checksum: { algorithm, value: checksum(algorithm, body!) },
        tags: strMap(x.tags, `tags of ${key}`),
      }
      objects.set(key, obj)
    }
    buckets.set(name, {
      name,
      region,
      createdAt: num(r.createdAt, 'createdAt'),
      policy: optStr(r.policy, 'policy'),
      objects,
    })
  }
  return buckets
}
