import { describe, expect, it } from 'vitest'
import { arnMatch, formatArn, isMatchAll, parseArn, splitSegments, wildcardMatch } from '../arn.ts'

describe('ARNs', () => {
  it('parses at the first five colons, keeping colons in the resource', () => {
    expect(parseArn('arn:aws:lambda:us-east-1:123456789012:function:my-fn:PROD')).toEqual({
      partition: 'aws',
      service: 'lambda',
      region: 'us-east-1',
      accountId: '123456789012',
      resource: 'function:my-fn:PROD',
    })
    expect(parseArn('arn:aws:s3:::bucket/key')?.resource).toBe('bucket/key')
    expect(parseArn('arn:aws:s3::bucket')).toBeUndefined()
    expect(parseArn('not-an-arn')).toBeUndefined()
    expect(formatArn(parseArn('arn:aws:sqs:eu-west-1:123456789012:q')!)).toBe('arn:aws:sqs:eu-west-1:123456789012:q')
    expect(splitSegments('a:b')).toEqual(['a', 'b'])
  })

  it('matches * and ? wildcards over the whole string', () => {
    expect(wildcardMatch('s3:get*', 's3:getobject')).toBe(true)
    expect(wildcardMatch('s3:get?bject', 's3:getobject')).toBe(true)
    expect(wildcardMatch('s3:get?', 's3:getobject')).toBe(false)
    expect(wildcardMatch('*', '')).toBe(true)
    expect(wildcardMatch('a*b*c', 'aXXbYYc')).toBe(true)
    expect(wildcardMatch('a*b*c', 'aXXbYY')).toBe(false)
    expect(wildcardMatch('GetObject', 'getobject')).toBe(false)
    expect(isMatchAll('**')).toBe(true)
    expect(isMatchAll('*a')).toBe(false)
  })

  it('treats the literal markers from ${*} and ${?} as plain characters', () => {
    expect(wildcardMatch('a\ue000b', 'a*b')).toBe(true)
    expect(wildcardMatch('a\ue000b', 'aXb')).toBe(false)
    expect(wildcardMatch('a\ue001', 'a?')).toBe(true)
  })

  it('answers hostile patterns quickly (no exponential backtracking)', () => {
    const pattern = '*a'.repeat(2000) + 'b'
    const text = 'a'.repeat(5000)
    // O(pattern × text) at worst: this returns (the test's own timeout would catch a stall).
    expect(wildcardMatch(pattern, text)).toBe(false)
    expect(wildcardMatch(pattern.slice(0, -1), text)).toBe(true)
  })

  it('matches ARNs segment by segment: a wildcard never crosses a colon before the resource part', () => {
    const table = 'arn:aws:dynamodb:us-east-1:123456789012:table/orders'
    expect(arnMatch('arn:aws:dynamodb:*:*:table/*', table)).toBe(true)
    expect(arnMatch('arn:aws:dynamodb:us-east-?:123456789012:table/ord*', table)).toBe(true)
    expect(arnMatch('arn:aws:dynamodb:*:table/orders', table)).toBe(false)
    // IAM's own example: ArnLike fails where StringLike would match.
    const doc = 'arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt'
    expect(arnMatch('arn:aws:someservice:*:111122223333:finance/*', doc)).toBe(false)
    expect(wildcardMatch('arn:aws:someservice:*:111122223333:finance/*', doc)).toBe(true)
    // In the resource part, * covers / and :.
    expect(arnMatch('arn:aws:s3:::bucket/*/test/*', 'arn:aws:s3:::bucket/1/2/test/3/object.jpg')).toBe(true)
    expect(
      arnMatch('arn:aws:logs:*:*:log-group:/aws/lambda/*', 'arn:aws:logs:us-east-1:1:log-group:/aws/lambda/f:*'),
    ).toBe(true)
  })

  it('reads short patterns as the mode says', () => {
    const q = 'arn:aws:sqs:us-east-1:123456789012:orders'
    expect(arnMatch('arn:aws:sqs:*', q, 'expand')).toBe(true)
    expect(arnMatch('arn:aws:sqs:*', q, 'wildcardOnly')).toBe(true)
    expect(arnMatch('arn:aws:sqs', q, 'wildcardOnly')).toBe(false)
    expect(arnMatch('arn:aws:sqs:*', q, 'exact')).toBe(false)
    expect(arnMatch('*', '*')).toBe(true)
    expect(arnMatch('arn:aws:s3:::b', '*')).toBe(false)
  })
})
