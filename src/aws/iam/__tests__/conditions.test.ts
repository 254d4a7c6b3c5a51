import { describe, expect, it } from 'vitest'
import type { ConditionValues } from '../../types.ts'
import { doc, evaluate } from './helpers.ts'

const RESOURCE = 'arn:aws:s3:::bucket/key'

/** Allowed or not, by one identity statement with this Condition block. */
function allowedWith(condition: object, context: ConditionValues): boolean {
  const policy = doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: condition })
  return evaluate({ action: 's3:GetObject', resource: RESOURCE, identity: [policy], context }) === 'Allow'
}

describe('string operators', () => {
  it('StringEquals is exact and case-sensitive; several values are ORed', () => {
    expect(allowedWith({ StringEquals: { 'aws:username': 'alice' } }, { 'aws:username': 'alice' })).toBe(true)
    expect(allowedWith({ StringEquals: { 'aws:username': 'alice' } }, { 'aws:username': 'Alice' })).toBe(false)
    expect(allowedWith({ StringEquals: { 'aws:username': ['bob', 'alice'] } }, { 'aws:username': 'alice' })).toBe(true)
    // Wildcards are literal in StringEquals.
    expect(allowedWith({ StringEquals: { 'aws:username': 'a*' } }, { 'aws:username': 'alice' })).toBe(false)
  })

  it('condition keys are case-insensitive', () => {
    expect(allowedWith({ StringEquals: { 'AWS:UserName': 'alice' } }, { 'aws:username': 'alice' })).toBe(true)
  })

  it('StringNotEquals with several values is true only when none equals (an AND)', () => {
    const c = { StringNotEquals: { 'aws:PrincipalAccount': ['111111111111', '222222222222'] } }
    expect(allowedWith(c, { 'aws:PrincipalAccount': '333333333333' })).toBe(true)
    expect(allowedWith(c, { 'aws:PrincipalAccount': '222222222222' })).toBe(false)
  })

  it('IgnoreCase variants ignore case', () => {
    expect(allowedWith({ StringEqualsIgnoreCase: { 'aws:username': 'ALICE' } }, { 'aws:username': 'alice' })).toBe(true)
    expect(allowedWith({ StringNotEqualsIgnoreCase: { 'aws:username': 'ALICE' } }, { 'aws:username': 'alice' })).toBe(
      false,
    )
  })

  it('StringLike and StringNotLike use * and ?', () => {
    expect(allowedWith({ StringLike: { 's3:prefix': 'home/*' } }, { 's3:prefix': 'home/alice/' })).toBe(true)
    expect(allowedWith({ StringLike: { 's3:prefix': 'home/?' } }, { 's3:prefix': 'home/ab' })).toBe(false)
    expect(allowedWith({ StringNotLike: { 's3:prefix': 'tmp/*' } }, { 's3:prefix': 'home/x' })).toBe(true)
    expect(allowedWith({ StringNotLike: { 's3:prefix': 'tmp/*' } }, { 's3:prefix': 'tmp/x' })).toBe(false)
  })
})

describe('a key the request does not have', () => {
  it('makes positive operators false and negated operators true', () => {
    expect(allowedWith({ StringEquals: { 'aws:SourceAccount': '123456789012' } }, {})).toBe(false)
    expect(allowedWith({ StringNotEquals: { 'aws:SourceAccount': '123456789012' } }, {})).toBe(true)
    expect(allowedWith({ ArnNotLike: { 'aws:SourceArn': 'arn:aws:s3:::b' } }, {})).toBe(true)
    expect(allowedWith({ NotIpAddress: { 'aws:SourceIp': '10.0.0.0/8' } }, {})).toBe(true)
    expect(allowedWith({ Bool: { 'aws:SecureTransport': 'true' } }, {})).toBe(false)
    expect(allowedWith({ NumericLessThan: { 's3:max-keys': '10' } }, {})).toBe(false)
  })

  it('…IfExists makes any operator true for a missing key, and tests the key when present', () => {
    expect(allowedWith({ StringEqualsIfExists: { 'aws:SourceAccount': '123456789012' } }, {})).toBe(true)
    expect(
      allowedWith({ StringEqualsIfExists: { 'aws:SourceAccount': '123456789012' } }, { 'aws:SourceAccount': '9' }),
    ).toBe(false)
    expect(
      allowedWith({ ArnLikeIfExists: { 'aws:SourceArn': 'arn:aws:s3:::b' } }, { 'aws:SourceArn': 'arn:aws:s3:::b' }),
    ).toBe(true)
  })

  it('Null tests presence: "true" when absent, "false" when present', () => {
    expect(allowedWith({ Null: { 'aws:TokenIssueTime': 'true' } }, {})).toBe(true)
    expect(
      allowedWith({ Null: { 'aws:TokenIssueTime': 'true' } }, { 'aws:TokenIssueTime': '2026-01-01T00:00:00Z' }),
    ).toBe(false)
    expect(allowedWith({ Null: { 'aws:TokenIssueTime': 'false' } }, { 'aws:TokenIssueTime': 'x' })).toBe(true)
    expect(allowedWith({ Null: { 'aws:TokenIssueTime': 'FALSE' } }, {})).toBe(false)
  })
})

describe('set operators (multivalued keys)', () => {
  const tags = { 'aws:TagKeys': ['Department', 'CostCenter'] }

  it('ForAllValues: every request value must match; true when the key is absent or empty', () => {
    expect(
      allowedWith({ 'ForAllValues:StringEquals': { 'aws:TagKeys': ['Department', 'CostCenter', 'Team'] } }, tags),
    ).toBe(true)
    expect(allowedWith({ 'ForAllValues:StringEquals': { 'aws:TagKeys': ['Department'] } }, tags)).toBe(false)
    expect(allowedWith({ 'ForAllValues:StringEquals': { 'aws:TagKeys': ['Department'] } }, {})).toBe(true)
    expect(allowedWith({ 'ForAllValues:StringEquals': { 'aws:TagKeys': ['Department'] } }, { 'aws:TagKeys': [] })).toBe(
      true,
    )
  })

  it('ForAnyValue: one request value matching is enough; false when absent or empty', () => {
    expect(allowedWith({ 'ForAnyValue:StringEquals': { 'aws:TagKeys': 'CostCenter' } }, tags)).toBe(true)
    expect(allowedWith({ 'ForAnyValue:StringEquals': { 'aws:TagKeys': 'Team' } }, tags)).toBe(false)
    expect(allowedWith({ 'ForAnyValue:StringEquals': { 'aws:TagKeys': 'Team' } }, {})).toBe(false)
  })

  it('negated set operators', () => {
    // Every request value is none of the listed ones.
    expect(allowedWith({ 'ForAllValues:StringNotEquals': { 'aws:TagKeys': 'Secret' } }, tags)).toBe(true)
    expect(allowedWith({ 'ForAllValues:StringNotEquals': { 'aws:TagKeys': 'CostCenter' } }, tags)).toBe(false)
    // At least one request value is none of the listed ones.
    expect(allowedWith({ 'ForAnyValue:StringNotEquals': { 'aws:TagKeys': 'CostCenter' } }, tags)).toBe(true)
    expect(allowedWith({ 'ForAnyValue:StringNotEquals': { 'aws:TagKeys': ['CostCenter', 'Department'] } }, tags)).toBe(
      false,
    )
  })

  it('ForAnyValue:StringLike with wildcards', () => {
    expect(allowedWith({ 'ForAnyValue:StringLike': { 'aws:TagKeys': 'Cost*' } }, tags)).toBe(true)
  })
})

describe('numeric, date, bool, binary, IP and ARN operators', () => {
  it('Numeric*', () => {
    const k = 's3:max-keys'
    expect(allowedWith({ NumericLessThanEquals: { [k]: '10' } }, { [k]: '10' })).toBe(true)
    expect(allowedWith({ NumericLessThan: { [k]: '10' } }, { [k]: '10' })).toBe(false)
    expect(allowedWith({ NumericGreaterThan: { [k]: '1.5' } }, { [k]: '2' })).toBe(true)
    expect(allowedWith({ NumericGreaterThanEquals: { [k]: '3' } }, { [k]: '2' })).toBe(false)
    expect(allowedWith({ NumericEquals: { [k]: '10' } }, { [k]: '10.0' })).toBe(true)
    expect(allowedWith({ NumericNotEquals: { [k]: '10' } }, { [k]: '11' })).toBe(true)
    expect(allowedWith({ NumericEquals: { [k]: '10' } }, { [k]: 'ten' })).toBe(false)
  })

  it('Date* compares instants, ISO 8601 or epoch seconds', () => {
    const now = { 'aws:CurrentTime': '2026-05-01T12:00:00Z', 'aws:EpochTime': '1777636800' }
    expect(allowedWith({ DateGreaterThan: { 'aws:CurrentTime': '2026-01-01T00:00:00Z' } }, now)).toBe(true)
    expect(allowedWith({ DateLessThan: { 'aws:CurrentTime': '2026-01-01' } }, now)).toBe(false)
    expect(allowedWith({ DateEquals: { 'aws:CurrentTime': '2026-05-01T14:00:00+02:00' } }, now)).toBe(true)
    expect(allowedWith({ DateLessThanEquals: { 'aws:EpochTime': '1777636800' } }, now)).toBe(true)
    expect(allowedWith({ DateNotEquals: { 'aws:CurrentTime': '2026-05-01T12:00:00Z' } }, now)).toBe(false)
    expect(allowedWith({ DateGreaterThanEquals: { 'aws:CurrentTime': '1767225600' } }, now)).toBe(true)
  })

  it('Bool compares true/false without case; BinaryEquals compares base64 text', () => {
    expect(allowedWith({ Bool: { 'aws:SecureTransport': 'false' } }, { 'aws:SecureTransport': 'false' })).toBe(true)
    expect(allowedWith({ Bool: { 'aws:SecureTransport': 'TRUE' } }, { 'aws:SecureTransport': 'true' })).toBe(true)
    expect(allowedWith({ Bool: { 'aws:SecureTransport': 'true' } }, { 'aws:SecureTransport': 'false' })).toBe(false)
    expect(allowedWith({ BinaryEquals: { 'k:b': 'QmluYXJ5' } }, { 'k:b': 'QmluYXJ5' })).toBe(true)
  })

  it('IpAddress / NotIpAddress with IPv4 and IPv6 CIDRs (a bare address is /32)', () => {
    const ip = (v: string) => ({ 'aws:SourceIp': v })
    expect(allowedWith({ IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } }, ip('203.0.113.77'))).toBe(true)
    expect(allowedWith({ IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } }, ip('203.0.114.1'))).toBe(false)
    expect(allowedWith({ IpAddress: { 'aws:SourceIp': '203.0.113.5' } }, ip('203.0.113.5'))).toBe(true)
    expect(
      allowedWith({ IpAddress: { 'aws:SourceIp': '2001:DB8:1234:5678::/64' } }, ip('2001:db8:1234:5678::42')),
    ).toBe(true)
    expect(allowedWith({ IpAddress: { 'aws:SourceIp': '2001:db8::/32' } }, ip('2001:db9::1'))).toBe(false)
    expect(allowedWith({ IpAddress: { 'aws:SourceIp': ['10.0.0.0/8', '2001:db8::/32'] } }, ip('2001:db8::1'))).toBe(
      true,
    )
    expect(allowedWith({ IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } }, ip('::ffff:10.1.2.3'))).toBe(true)
    expect(allowedWith({ NotIpAddress: { 'aws:SourceIp': '10.0.0.0/8' } }, ip('192.168.0.1'))).toBe(true)
    expect(allowedWith({ IpAddress: { 'aws:SourceIp': '0.0.0.0/0' } }, ip('not an ip'))).toBe(false)
  })

  it('Arn* match segment by segment; ArnEquals behaves like ArnLike', () => {
    const src = { 'aws:SourceArn': 'arn:aws:s3:::my-bucket' }
    expect(allowedWith({ ArnLike: { 'aws:SourceArn': 'arn:aws:s3:::my-*' } }, src)).toBe(true)
    expect(allowedWith({ ArnEquals: { 'aws:SourceArn': 'arn:aws:s3:::my-*' } }, src)).toBe(true)
    expect(allowedWith({ ArnNotEquals: { 'aws:SourceArn': 'arn:aws:s3:::my-bucket' } }, src)).toBe(false)
    expect(allowedWith({ ArnLike: { 'aws:SourceArn': 'arn:aws:s3:*' } }, src)).toBe(false)
    expect(
      allowedWith({ ArnLike: { 'aws:SourceArn': 'arn:aws:s3:::my-bucket' } }, { 'aws:SourceArn': 'my-bucket' }),
    ).toBe(false)
  })
})

describe('combining conditions', () => {
  it('keys within an operator and operators within a block are ANDed', () => {
    const c = {
      StringEquals: { 'aws:SourceAccount': '123456789012', 'aws:username': 'alice' },
      ArnLike: { 'aws:SourceArn': 'arn:aws:s3:::b' },
    }
    const all = { 'aws:SourceAccount': '123456789012', 'aws:username': 'alice', 'aws:SourceArn': 'arn:aws:s3:::b' }
    expect(allowedWith(c, all)).toBe(true)
    expect(allowedWith(c, { ...all, 'aws:username': 'bob' })).toBe(false)
    expect(allowedWith(c, { ...all, 'aws:SourceArn': 'arn:aws:s3:::c' })).toBe(false)
  })
})

describe('policy variables', () => {
  it('are resolved in Resource, with defaults, and a missing one matches nothing', () => {
    const policy = (resource: string) => doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: resource })
    const get = (resource: string, context: ConditionValues) =>
      evaluate({
        action: 's3:GetObject',
        resource: 'arn:aws:s3:::b/home/alice/f',
        identity: [policy(resource)],
        context,
      })
    expect(get('arn:aws:s3:::b/home/${aws:username}/*', { 'aws:username': 'alice' })).toBe('Allow')
    expect(get('arn:aws:s3:::b/home/${aws:username}/*', { 'aws:username': 'bob' })).toBe('ImplicitDeny')
    expect(get('arn:aws:s3:::b/home/${aws:username}/*', {})).toBe('ImplicitDeny')
    expect(get("arn:aws:s3:::b/home/${aws:PrincipalTag/team, 'alice'}/*", {})).toBe('Allow')
  })

  it('are literal text in policies without Version 2012-10-17', () => {
    const old = doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/${aws:username}' }, null)
    expect(
      evaluate({
        action: 's3:GetObject',
        resource: 'arn:aws:s3:::b/alice',
        identity: [old],
        context: { 'aws:username': 'alice' },
      }),
    ).toBe('ImplicitDeny')
    expect(
      evaluate({
        action: 's3:GetObject',
        resource: 'arn:aws:s3:::b/${aws:username}',
        identity: [old],
        context: { 'aws:username': 'alice' },
      }),
    ).toBe('Allow')
  })

  it('are resolved in condition values; ${*} is a literal asterisk', () => {
    expect(
      allowedWith(
        { StringEquals: { 's3:prefix': 'home/${aws:username}' } },
        { 's3:prefix': 'home/alice', 'aws:username': 'alice' },
      ),
    ).toBe(true)
    expect(allowedWith({ StringLike: { 's3:prefix': '${*}*' } }, { 's3:prefix': '*stars' })).toBe(true)
    expect(allowedWith({ StringLike: { 's3:prefix': '${*}*' } }, { 's3:prefix': 'stars' })).toBe(false)
    // A variable with no value equals nothing; the negated operator is then true.
    expect(allowedWith({ StringEquals: { 's3:prefix': '${aws:username}' } }, { 's3:prefix': 'x' })).toBe(false)
    expect(allowedWith({ StringNotEquals: { 's3:prefix': '${aws:username}' } }, { 's3:prefix': 'x' })).toBe(true)
  })
})
