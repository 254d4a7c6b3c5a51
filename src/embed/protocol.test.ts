import { describe, expect, it } from 'vitest'
import { embedSnippet } from '../shared/embed-snippet.ts'
import { acceptHostMessage, buildStatement, configuredOrigins, postTargets, resizeTargets } from './protocol.ts'

describe('embedding protocol', () => {
  it('builds an xAPI-shaped statement', () => {
    const s = buildStatement({
      kind: 'check',
      id: 'lambda-features',
      name: 'Which are features of Lambda?',
      verb: 'answered',
      raw: 3,
      max: 4,
      success: false,
      activityUrl: 'https://course.example/#/embed/check/lambda-features',
      attempts: 2,
      now: new Date('2026-11-27T10:00:00Z'),
      uuid: 'u-1',
    })
    expect(s).toEqual({
      id: 'u-1',
      timestamp: '2026-11-27T10:00:00.000Z',
      verb: { id: 'http://adlnet.gov/expapi/verbs/answered', display: { 'en-US': 'answered' } },
      object: {
        objectType: 'Activity',
        id: 'https://course.example/#/embed/check/lambda-features',
        definition: {
          name: { 'en-US': 'Which are features of Lambda?' },
          type: 'http://adlnet.gov/expapi/activities/cmi.interaction',
        },
      },
      result: {
        score: { scaled: 0.75, raw: 3, min: 0, max: 4 },
        success: false,
        completion: true,
        extensions: { 'https://lambda-foundations.dev/xapi/attempts': 2 },
      },
      context: { platform: 'Lambda Foundations' },
    })
    expect(
      buildStatement({
        kind: 'lab',
        id: 'x',
        name: 'n',
        verb: 'passed',
        raw: 9,
        max: 3,
        success: true,
        activityUrl: 'u',
      }).result.score,
    ).toEqual({ scaled: 1, raw: 3, min: 0, max: 3 })
  })
  it('keeps only well-formed configured origins', () => {
    expect(
      configuredOrigins(
        'https://lms.example.edu, http://localhost:8080,javascript:alert(1),https://x.test/path,nonsense',
      ),
    ).toEqual(['https://lms.example.edu', 'http://localhost:8080'])
    expect(configuredOrigins(null)).toEqual([])
  })
  it('ignores messages from other origins and unknown shapes', () => {
    const own = 'https://course.example'
    expect(acceptHostMessage('https://evil.example', own, [], { type: 'lambda-foundations:get-height' })).toBeNull()
    expect(
      acceptHostMessage('https://lms.example', own, ['https://lms.example'], { type: 'lambda-foundations:get-height' }),
    ).toEqual({ type: 'lambda-foundations:get-height' })
    expect(acceptHostMessage(own, own, [], { type: 'lambda-foundations:set-theme', theme: 'dark' })).toEqual({
      type: 'lambda-foundations:set-theme',
      theme: 'dark',
    })
    expect(acceptHostMessage(own, own, [], { type: 'lambda-foundations:set-theme', theme: '<script>' })).toBeNull()
    expect(acceptHostMessage(own, own, [], 'lambda-foundations:get-height')).toBeNull()
  })
  it('posts to configured origins, else the referrer, else nowhere', () => {
    expect(postTargets(['https://a.test'], 'https://b.test/page')).toEqual(['https://a.test'])
    expect(postTargets([], 'https://b.test/page?x')).toEqual(['https://b.test'])
    expect(postTargets([], 'http://localhost:8080/lms/')).toEqual(['http://localhost:8080'])
  })
  it('never posts to * nor to an opaque origin, and never throws', () => {
    // No referrer (Referrer-Policy: no-referrer), about:blank or srcdoc frames, files, data: URLs…
    for (const referrer of [
      '',
      'about:blank',
      'about:srcdoc',
      'file:///home/a/page.html',
      'data:text/html,x',
      'nope',
      'javascript:0',
    ])
      expect(() => postTargets([], referrer), referrer).not.toThrow()
    for (const referrer of [
      '',
      'about:blank',
      'about:srcdoc',
      'file:///home/a/page.html',
      'data:text/html,x',
      'nope',
      'javascript:0',
    ])
      expect(postTargets([], referrer), referrer).toEqual([])
  })
  it("resize goes where everything goes, or to '*' when the host is unknown (a height, no learner data)", () => {
    expect(resizeTargets(['https://a.test'], '')).toEqual(['https://a.test'])
    expect(resizeTargets([], 'https://b.test/page')).toEqual(['https://b.test'])
    for (const referrer of ['', 'about:blank', 'file:///x.html', 'data:text/html,x', 'not a url'])
      expect(resizeTargets([], referrer), referrer).toEqual(['*'])
    // …while statements still have nowhere to go.
    expect(postTargets([], '')).toEqual([])
  })
  it('makes a copyable iframe snippet', () => {
    expect(embedSnippet('check', 'a-b', 'https://c.example/course/#/lessons/x', 'Quiz "1" <b>')).toBe(
      '<iframe src="https://c.example/course/#/embed/check/a-b" title="Quiz &quot;1&quot; &lt;b>" width="100%" height="420" style="border:0;max-width:100%" loading="lazy" allow="clipboard-write"></iframe>',
    )
  })
})
