// Bucket operations: CreateBucket, DeleteBucket, HeadBucket, ListBuckets, GetBucketLocation,
// PutBucketPolicy, GetBucketPolicy, DeleteBucketPolicy.
import type {
  CreateBucketRequest,
  CreateBucketOutput,
  DeleteBucketPolicyRequest,
  DeleteBucketRequest,
  GetBucketLocationRequest,
  GetBucketPolicyRequest,
  GetBucketPolicyOutput,
  HeadBucketRequest,
  HeadBucketOutput,
  ListBucketsRequest,
  ListBucketsOutput,
  PutBucketPolicyRequest,
} from '@aws-sdk/client-s3'
import type { OperationDefinition } from '../../types.ts'
import { base64, fromBase64 } from './checksums.ts'
import { invalidArgument, s3Error } from './errors.ts'
import { checkBucketName, MAX_BUCKETS } from './model.ts'
import type { S3Context } from './service.ts'

type Op<I, O> = OperationDefinition<I, O>

const REGION = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/

export function bucketArn(bucket: unknown): string {
  return `arn:aws:s3:::${typeof bucket === 'string' ? bucket : '*'}`
}

function checkPolicy(policy: unknown, bucket: string): string {
  if (typeof policy !== 'string' || !policy.trimStart().startsWith('{')) {
    throw s3Error('MalformedPolicy', "Policies must be valid JSON and the first byte must be '{'", 400)
  }
  if (policy.length > 20 * 1024)
    throw s3Error('PolicyTooLarge', 'Policy exceeds the maximum allowed document size.', 400)
  let doc: Record<string, unknown>
  try {
    doc = JSON.parse(policy)
  } catch {
    throw s3Error('MalformedPolicy', "Policies must be valid JSON and the first byte must be '{'", 400)
  }
  const statements = doc.Statement
  if (statements === undefined) throw s3Error('MalformedPolicy', 'Missing required field Statement', 400)
  const list = Array.isArray(statements) ? statements : [statements]
  for (const st of list) {
    if (!st || typeof st !== 'object') throw s3Error('MalformedPolicy', 'Invalid policy syntax.', 400)
    const s = st as Record<string, unknown>
    if (s.Effect !== 'Allow' && s.Effect !== 'Deny')
      throw s3Error('MalformedPolicy', 'Invalid effect: ' + String(s.Effect), 400)
    if (s.Principal === undefined && s.NotPrincipal === undefined)
      throw s3Error('MalformedPolicy', 'Missing required field Principal', 400)
    if (s.Action === undefined && s.NotAction === undefined)
      throw s3Error('MalformedPolicy', 'Missing required field Action', 400)
    const resources = [s.Resource ?? s.NotResource].flat()
    for (const r of resources) {
      if (
        typeof r !== 'string' ||
        !(r === `arn:aws:s3:::${bucket}` || r.startsWith(`arn:aws:s3:::${bucket}/`) || r === '*')
      ) {
        throw s3Error('MalformedPolicy', 'Policy has invalid resource', 400)
      }
    }
  }
  return policy
}

export function bucketOperations(s: S3Context): Record<string, Op<never, unknown>> {
  const on = (action: string) => (input: { Bucket?: unknown }) => [
    { action: `s3:${action}`, resource: bucketArn(input.Bucket) },
  ]

  const CreateBucket: Op<CreateBucketRequest, Omit<CreateBucketOutput, '$metadata'>> = {
    authorize: on('CreateBucket'),
    handler(input, ctx) {
      const name = checkBucketName(input.Bucket)
      const constraint = input.CreateBucketConfiguration?.LocationConstraint as string | undefined
      if (constraint !== undefined && constraint !== '') {
        if (ctx.region === 'us-east-1' && constraint === 'us-east-1') {
          throw s3Error('InvalidLocationConstraint', 'The specified location-constraint is not valid', 400, {
            LocationConstraint: constraint,
          })
        }
        if (constraint !== ctx.region || !REGION.test(constraint)) {
          throw s3Error(
            'IllegalLocationConstraintException',
            `The ${constraint} location constraint is incompatible for the region specific endpoint this request was sent to.`,
            400,
          )
        }
      } else if (ctx.region !== 'us-east-1') {
        throw s3Error(
          'IllegalLocationConstraintException',
          'The unspecified location constraint is incompatible for the region specific endpoint this request was sent to.',
          400,
        )
      }
      if (
        input.ObjectOwnership !== undefined &&
        !['BucketOwnerPreferred', 'ObjectWriter', 'BucketOwnerEnforced'].includes(input.ObjectOwnership)
      ) {
        throw invalidArgument(
          `Invalid x-amz-object-ownership header: ${String(input.ObjectOwnership)}`,
          'x-amz-object-ownership',
          String(input.ObjectOwnership),
        )
      }
      const existing = s.buckets.get(name)
      if (existing) {
        // Legacy behaviour of us-east-1: re-creating your own bucket there succeeds.
        if (ctx.region === 'us-east-1' && existing.region === 'us-east-1') return { Location: `/${name}` }
        throw s3Error(
          'BucketAlreadyOwnedByYou',
          'Your previous request to create the named bucket succeeded and you already own it.',
          409,
          { BucketName: name },
        )
      }
      if (s.buckets.size >= MAX_BUCKETS)
        throw s3Error('TooManyBuckets', 'You have attempted to create more buckets than allowed', 400)
      s.buckets.set(name, { name, region: ctx.region, createdAt: ctx.clock.now(), objects: new Map() })
      s.changed()
      return {
        Location: ctx.region === 'us-east-1' ? `/${name}` : `http://${name}.s3.amazonaws.com/`,
        BucketArn: bucketArn(name),
      }
    },
  }

  const DeleteBucket: Op<DeleteBucketRequest, Record<string, never>> = {
    authorize: on('DeleteBucket'),
    handler(input) {
      const b = s.bucket(input.Bucket)
      if (b.objects.size > 0)
        throw s3Error('BucketNotEmpty', 'The bucket you tried to delete is not empty', 409, { BucketName: b.name })
      s.buckets.delete(b.name)
      s.changed()
      return {}
    },
  }

  const HeadBucket: Op<HeadBucketRequest, Omit<HeadBucketOutput, '$metadata'>> = {
    authorize: on('ListBucket'),
    handler(input) {
      const b = s.bucket(input.Bucket)
      return { BucketRegion: b.region, AccessPointAlias: false, BucketArn: bucketArn(b.name) }
    },
  }

  const ListBuckets: Op<ListBucketsRequest, Omit<ListBucketsOutput, '$metadata'>> = {
    authorize: () => [{ action: 's3:ListAllMyBuckets', resource: '*' }],
    handler(input, ctx) {
      const max = input.MaxBuckets
      if (max !== undefined && (typeof max !== 'number' || !Number.isInteger(max) || max < 1 || max > 10_000)) {
        throw invalidArgument('Argument value for max-buckets is invalid', 'max-buckets', String(max))
      }
      if (input.BucketRegion !== undefined && !REGION.test(String(input.BucketRegion))) {
        throw invalidArgument(
          `Argument value ${String(input.BucketRegion)} is not a valid AWS Region`,
          'bucket-region',
          String(input.BucketRegion),
        )
      }
      let names = [...s.buckets.values()]
        .filter(
          (b) =>
            (!input.Prefix || b.name.startsWith(input.Prefix)) &&
            (!input.BucketRegion || b.region === input.BucketRegion),
        )
        .sort((a, b) => (a.name < b.name ? -1 : 1))
      if (input.ContinuationToken !== undefined) {
        const bytes = fromBase64(String(input.ContinuationToken))
        if (!bytes)
          throw invalidArgument(
            'The continuation token provided is incorrect',
            'continuation-token',
            String(input.ContinuationToken),
          )
        const after = new TextDecoder().decode(bytes)
        names = names.filter((b) => b.name > after)
      }
      const page = max ? names.slice(0, max) : names
      return {
        Buckets: page.map((b) => ({ Name: b.name, CreationDate: new Date(b.createdAt), BucketRegion: b.region })),
        Owner: s.owner(ctx),
        ...(max && names.length > max
          ? { ContinuationToken: base64(new TextEncoder().encode(page[page.length - 1].name)) }
          : {}),
        ...(input.Prefix !== undefined ? { Prefix: input.Prefix } : {}),
      }
    },
  }

  const GetBucketLocation: Op<GetBucketLocationRequest, { LocationConstraint: string }> = {
    authorize: on('GetBucketLocation'),
    handler(input) {
      const b = s.bucket(input.Bucket)
      return { LocationConstraint: b.region === 'us-east-1' ? '' : b.region }
    },
  }

  const PutBucketPolicy: Op<PutBucketPolicyRequest, Record<string, never>> = {
    authorize: on('PutBucketPolicy'),
    handler(input) {
      const b = s.bucket(input.Bucket)
      b.policy = checkPolicy(input.Policy, b.name)
      s.changed()
      return {}
    },
  }

  const GetBucketPolicy: Op<GetBucketPolicyRequest, Omit<GetBucketPolicyOutput, '$metadata'>> = {
    authorize: on('GetBucketPolicy'),
    handler(input) {
      const b = s.bucket(input.Bucket)
      if (!b.policy)
        throw s3Error('NoSuchBucketPolicy', 'The bucket policy does not exist', 404, { BucketName: b.name })
      return { Policy: b.policy }
    },
  }

  const DeleteBucketPolicy: Op<DeleteBucketPolicyRequest, Record<string, never>> = {
    authorize: on('DeleteBucketPolicy'),
    handler(input) {
      const b = s.bucket(input.Bucket)
      b.policy = undefined
      s.changed()
      return {}
    },
  }

  return {
    CreateBucket,
    DeleteBucket,
    HeadBucket,
    ListBuckets,
    GetBucketLocation,
    PutBucketPolicy,
    GetBucketPolicy,
    DeleteBucketPolicy,
  } as Record<string, Op<never, unknown>>
}
