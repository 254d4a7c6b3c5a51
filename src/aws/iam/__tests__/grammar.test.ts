import { describe, expect, it } from 'vitest'
import { AwsError } from '../../errors.ts'
import {
  checkPolicyDocument,
  MSG,
  parsePolicyDocument,
  PolicyGrammarError,
  type PolicyParseOptions,
} from '../grammar.ts'

const ok = { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/*' }
const v12 = (statement: unknown, extra: object = {}) =>
  JSON.stringify({ Version: '2012-10-17', Statement: statement, ...extra })

function messageOf(text: string, options: Partial<PolicyParseOptions> = {}): string | undefined {
  try {
    parsePolicyDocument(text, { kind: 'identity', ...options })
    return undefined
  } catch (e) {
    if (e instanceof PolicyGrammarError) return e.message
    throw e
  }
}

describe('policy grammar: syntax', () => {
  it.each([
    ['not JSON', 'this is not a policy'],
    ['a JSON array', '[]'],
    ['no Statement', JSON.stringify({ Version: '2012-10-17' })],
    ['an empty Statement list', v12([])],
    ['a statement that is a string', v12(['s3:*'])],
    ['an unknown top-level field', v12(ok, { Statements: [] })],
    ['an unknown statement field', v12({ ...ok, Actions: 's3:*' })],
    ['an unknown Version', JSON.stringify({ Version: '2012-10-18', Statement: ok })],
    ['a Version that is a number', JSON.stringify({ Version: 2012, Statement: ok })],
    ['an Id that is a list', v12(ok, { Id: ['x'] })],
    ['a missing Effect', v12({ Action: 's3:*', Resource: '*' })],
    ['an Effect that is neither allow nor deny', v12({ ...ok, Effect: 'Permit' })],
    ['Action and NotAction together', v12({ ...ok, NotAction: 's3:PutObject' })],
    ['Resource and NotResource together', v12({ ...ok, NotResource: '*' })],
    ['an Action that is an object', v12({ ...ok, Action: { s3: 'GetObject' } })],
    ['a Resource list holding an object', v12({ ...ok, Resource: ['arn:aws:s3:::b', {}] })],
    ['a nested Action list', v12({ ...ok, Action: [['s3:GetObject']] })],
    ['a Condition that is a list', v12({ ...ok, Condition: [] })],
    ['a Condition block that is a string', v12({ ...ok, Condition: { StringEquals: 'x' } })],
    ['an unknown condition operator', v12({ ...ok, Condition: { StringMatches: { 'aws:username': 'x' } } })],
    ['a malformed set operator', v12({ ...ok, Condition: { 'ForAnyValue::StringEquals': { 'aws:TagKeys': 'x' } } })],
    ['NullIfExists', v12({ ...ok, Condition: { NullIfExists: { 'aws:TagKeys': 'true' } } })],
    ['a condition value that is an object', v12({ ...ok, Condition: { StringEquals: { 'aws:username': {} } } })],
    ['a Sid that is a list', v12({ ...ok, Sid: ['a'] })],
    ['a Principal string other than *', v12({ ...ok, Principal: 'arn:aws:iam::123456789012:root' })],
    ['an unknown principal type', v12({ ...ok, Principal: { User: 'x' } })],
    [
      'JSON nested too deep',
      v12({ ...ok, Condition: { StringEquals: { k: JSON.parse('['.repeat(40) + ']'.repeat(40)) } } }),
    ],
  ])('%s → "Syntax errors in policy."', (_, text) => {
    expect(messageOf(text)).toBe(MSG.syntax)
  })

  it('tolerates an unknown operator with an empty block, as IAM does', () => {
    expect(messageOf(v12({ ...ok, Condition: { StringMatches: {} } }))).toBeUndefined()
  })

  it('reads effect case-insensitively in syntax, then fails legacy parsing', () => {
    expect(messageOf(v12({ ...ok, Effect: 'allow' }))).toBe(MSG.legacy)
    expect(messageOf(v12({ ...ok, Effect: 'DENY' }))).toBe(MSG.legacy)
  })

  it('accepts numbers and booleans as condition values, keeping the text written', () => {
    const text = v12({
      ...ok,
      Condition: { NumericLessThan: { 's3:max-keys': 0 }, Bool: { 'aws:SecureTransport': false } },
    })
    const d = parsePolicyDocument(text.replace('"s3:max-keys":0', '"s3:max-keys":10.50'), { kind: 'identity' })
    expect(d.statements[0].conditions.map((c) => c.values)).toEqual([['10.50'], ['false']])
  })

  it('says "This policy contains invalid Json" for a trust policy that is not JSON', () => {
    expect(messageOf('{"Version": "2012-10-17", ', { kind: 'trust' })).toBe(MSG.invalidJson)
  })
})

describe('policy grammar: what each kind of policy may hold', () => {
  it('refuses a principal in an identity-based policy', () => {
    expect(messageOf(v12({ ...ok, Principal: { AWS: '123456789012' } }))).toBe(
      'Policy document should not specify a principal.',
    )
    expect(messageOf(v12({ ...ok, NotPrincipal: { AWS: '123456789012' } }))).toBe(MSG.principalInIdentity)
  })

  it('refuses a Resource in a trust policy', () => {
    const trust = v12({
      Effect: 'Allow',
      Principal: { Service: 'lambda.amazonaws.com' },
      Action: 'sts:AssumeRole',
      Resource: '*',
    })
    expect(messageOf(trust, { kind: 'trust' })).toBe('Has prohibited field Resource')
  })

  it('refuses an identity policy pasted as a trust policy with IAM’s message (Resource first)', () => {
    expect(messageOf(v12({ Effect: 'Allow', Action: 'logs:*', Resource: '*' }), { kind: 'trust' })).toBe(
      MSG.prohibitedResource,
    )
  })

  it('refuses a trust policy statement without a principal', () => {
    expect(messageOf(v12({ Effect: 'Allow', Action: 'sts:AssumeRole' }), { kind: 'trust' })).toBe(
      'Invalid principal in policy: com.amazon.balsa.error.InvalidPolicyException: The passed in policy has a statement with no principals!',
    )
  })

  it('refuses a resource-based policy statement without a principal', () => {
    expect(messageOf(v12(ok), { kind: 'resource' })).toBe('Missing required field Principal')
  })

  it('allows only assume-role actions in a trust policy', () => {
    const trust = v12({
      Effect: 'Allow',
      Principal: { Service: 'lambda.amazonaws.com' },
      Action: 'lambda:InvokeFunction',
    })
    expect(messageOf(trust, { kind: 'trust' })).toBe(MSG.trustActions)
    const good = v12({
      Effect: 'Allow',
      Principal: { Service: 'lambda.amazonaws.com' },
      Action: ['sts:AssumeRole', 'sts:TagSession'],
    })
    expect(messageOf(good, { kind: 'trust' })).toBeUndefined()
  })

  it('names the first invalid principal as IAM does', () => {
    const bad = (p: object) => v12({ Effect: 'Allow', Principal: p, Action: 'sts:AssumeRole' })
    expect(messageOf(bad({ Service: 'amazonaws.com' }), { kind: 'trust' })).toBe(
      'Invalid principal in policy: "SERVICE":"amazonaws.com"',
    )
    expect(messageOf(bad({ AWS: 'bob' }), { kind: 'trust' })).toBe('Invalid principal in policy: "AWS":"bob"')
    const gone = 'arn:aws:iam::123456789012:role/gone'
    expect(messageOf(bad({ AWS: gone }), { kind: 'trust', principalExists: () => false })).toBe(
      `Invalid principal in policy: "AWS":"${gone}"`,
    )
    expect(
      messageOf(bad({ AWS: ['123456789012', 'arn:aws:iam::123456789012:root', 'AROAEXAMPLEID1234567'] }), {
        kind: 'trust',
      }),
    ).toBeUndefined()
  })
})

describe('policy grammar: later phases, in IAM’s order', () => {
  it('managed policies must be version 2012-10-17', () => {
    const managed = { requireCurrentVersion: true }
    expect(messageOf(JSON.stringify({ Statement: ok }), managed)).toBe(
      'Policy document must be version 2012-10-17 or greater.',
    )
    expect(messageOf(JSON.stringify({ Version: '2008-10-17', Statement: ok }), managed)).toBe(MSG.version)
    // Inline policies may still use the old language.
    expect(messageOf(JSON.stringify({ Version: '2008-10-17', Statement: ok }))).toBeUndefined()
    expect(messageOf(JSON.stringify({ Statement: ok }))).toBeUndefined()
  })

  it('fails legacy parsing on dates that are not dates and on ARNs with missing segments', () => {
    expect(messageOf(v12({ ...ok, Condition: { DateGreaterThan: { 'aws:CurrentTime': 'soon' } } }))).toBe(MSG.legacy)
    expect(messageOf(v12({ ...ok, Condition: { DateLessThan: { 'aws:CurrentTime': '2016-12-13T2:00:00+1' } } }))).toBe(
      MSG.legacy,
    )
    expect(messageOf(v12({ ...ok, Condition: { DateLessThan: { 'aws:EpochTime': '9223372036854775808' } } }))).toBe(
      MSG.legacy,
    )
    expect(messageOf(v12({ ...ok, Resource: 'arn:aws:s3::bucket' }))).toBe(MSG.legacy)
    expect(messageOf(v12({ ...ok, Resource: 'arn:aws::bucket' }))).toBe(MSG.legacy)
    expect(
      messageOf(v12({ ...ok, Condition: { DateGreaterThan: { 'aws:CurrentTime': '2026-01-01T00:00:00Z' } } })),
    ).toBeUndefined()
  })

  it('refuses duplicate statement ids', () => {
    expect(
      messageOf(
        v12([
          { ...ok, Sid: 'A' },
          { ...ok, Sid: 'A' },
        ]),
      ),
    ).toBe(MSG.sid)
  })

  it('needs actions, then well-formed resources, then well-formed actions, then resources', () => {
    expect(messageOf(v12({ Effect: 'Allow', Resource: '*' }))).toBe('Policy statement must contain actions.')
    expect(messageOf(v12({ ...ok, Action: [] }))).toBe(MSG.actions)
    expect(messageOf(v12({ Effect: 'Allow', Action: 's3:GetObject' }))).toBe('Policy statement must contain resources.')
    expect(messageOf(v12({ ...ok, Resource: [] }))).toBe(MSG.resources)
    // An unprefixed action is reported before the missing resource.
    expect(messageOf(v12({ Effect: 'Allow', Action: 'GetObject' }))).toBe(
      'Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.',
    )
  })

  it.each([
    ['bucket', 'Resource bucket must be in ARN format or "*".'],
    ['', 'Resource  must be in ARN format or "*".'],
    ['a:bucket', 'Partition "bucket" is not valid for resource "arn:bucket:*:*:*:*".'],
    ['aws:s3:::bucket', 'Partition "s3" is not valid for resource "arn:s3:::bucket:*".'],
    ['arn:nope:s3:::bucket', 'Partition "nope" is not valid for resource "arn:nope:s3:::bucket".'],
    ['arn:aws', 'Resource vendor must be fully qualified and cannot contain regexes.'],
    ['arn:aws:s*:::bucket', 'Resource vendor must be fully qualified and cannot contain regexes.'],
    [
      'arn:aws:iam:us-east-1:123456789012:role/x',
      'IAM resource arn:aws:iam:us-east-1:123456789012:role/x cannot contain region information.',
    ],
    ['arn:aws:s3:us-east-1::bucket', 'Resource arn:aws:s3:us-east-1::bucket can not contain region information.'],
  ])('Resource %j → %s', (resource, message) => {
    expect(messageOf(v12({ ...ok, Resource: resource }))).toBe(message)
  })

  it('checks IAM resource paths', () => {
    expect(messageOf(v12({ ...ok, Resource: 'arn:aws:iam::123456789012:bucket' }))).toMatch(
      /^IAM resource path must either be "\*" or start with user\/, federated-user\/, role\//,
    )
    expect(messageOf(v12({ ...ok, Resource: 'arn:aws:iam::123456789012:role/*' }))).toBeUndefined()
  })

  it.each([
    ['GetObject', 'Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.'],
    ['', 'Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.'],
    ['s3:Get:Object', 'Actions/Condition can contain only one colon.'],
    ['s 3:GetObject', 'Vendor s 3 is not valid'],
    ['*:GetObject', 'Action vendors (e.g., aws, ec2, etc.) must not contain wildcards'],
  ])('Action %j → %s', (action, message) => {
    expect(messageOf(v12({ ...ok, Action: action }))).toBe(message)
  })

  it('keeps each statement’s position in the text', () => {
    const text = v12([ok, { ...ok, Sid: 'Second' }])
    const d = parsePolicyDocument(text, { kind: 'identity' })
    expect(d.statements).toHaveLength(2)
    const second = text.slice(d.statements[1].start, d.statements[1].end)
    expect(JSON.parse(second)).toEqual({ ...ok, Sid: 'Second' })
  })

  it('reads a single statement object and Principal "*" / {"AWS": "*"} as everyone', () => {
    const d = parsePolicyDocument(v12({ ...ok, Principal: '*' }), { kind: 'resource' })
    expect(d.statements[0].principal?.all).toBe(true)
    const e = parsePolicyDocument(v12({ ...ok, Principal: { AWS: ['*'] } }), { kind: 'resource' })
    expect(e.statements[0].principal?.all).toBe(true)
  })

  it('checkPolicyDocument turns a grammar error into IAM’s MalformedPolicyDocument (400)', () => {
    try {
      checkPolicyDocument('nope', { kind: 'identity' })
      expect.unreachable()
    } catch (e) {
      expect(e).toBeInstanceOf(AwsError)
      expect((e as AwsError).name).toBe('MalformedPolicyDocument')
      expect((e as AwsError).message).toBe(MSG.syntax)
      expect((e as AwsError).$metadata.httpStatusCode).toBe(400)
    }
  })
})
