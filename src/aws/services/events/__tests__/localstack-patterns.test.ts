// EventBridge's own answers, recorded by LocalStack against AWS (tests/aws/services/events/
// event_pattern_templates, Apache-2.0): each template pairs a pattern with an event; a name ending
// in _NEG must not match, _EXC must be refused (the message AWS gave is in the snapshot file).
// Read from the fetched snapshot of localstack/localstack when present; skipped otherwise.
import { describe, expect, it } from 'vitest'
import { AwsError } from '../../../errors.ts'
import { compileEventPattern, patternMatchesJson } from '../pattern/index.ts'
import { gitList, gitShow, j5Get, mirror, parseJson5, pyDumps } from './reference-data.ts'

const repo = mirror('localstack/localstack')
const DIR = 'tests/aws/services/events/event_pattern_templates'
const SNAPSHOT = 'tests/aws/services/events/test_events_patterns.snapshot.json'

interface Case {
  label: string
  pattern: string
  event: string
  expected: 'match' | 'no-match' | { message: string }
}

function loadCases(): Case[] {
  if (!repo) return []
  const snapshot = JSON.parse(gitShow(repo, SNAPSHOT)) as Record<string, { 'recorded-content': any }>
  const cases: Case[] = []
  for (const file of gitList(repo, DIR).filter((f) => f.endsWith('.json5'))) {
    const label = file.slice(DIR.length + 1, -'.json5'.length)
    const t = parseJson5(gitShow(repo, file))
    const pattern = pyDumps(j5Get(t, 'EventPattern')!)
    const event = pyDumps(j5Get(t, 'Event')!)
    let expected: Case['expected'] = label.endsWith('_NEG') ? 'no-match' : 'match'
    if (label.endsWith('_EXC')) {
      const key = Object.keys(snapshot).find((k) => k.endsWith(`test_event_pattern[${label}]`))
      const raw = key && snapshot[key]['recorded-content'][label]?.exception_message?.Error?.MessageRaw
      if (!raw) continue
      expected = { message: raw }
    }
    cases.push({ label, pattern, event, expected })
  }
  return cases
}

const cases = loadCases()

describe.skipIf(!repo)('EventBridge behaviour recorded by LocalStack against AWS', () => {
  it('has the recorded cases', () => {
    expect(cases.length).toBeGreaterThan(100)
  })
  for (const c of cases) {
    it(c.label, () => {
      if (typeof c.expected === 'object') {
        let err: unknown
        try {
          compileEventPattern(c.pattern)
        } catch (e) {
          err = e
        }
        expect(err).toBeInstanceOf(AwsError)
        expect((err as AwsError).name).toBe('InvalidEventPatternException')
        // LocalStack's snapshots replace the partition and region in what AWS said.
        const said = (err as AwsError).message
          .replaceAll('arn:aws:', 'arn:<partition>:')
          .replaceAll('us-east-1', '<region>')
        expect(said).toBe(c.expected.message)
      } else {
        const compiled = compileEventPattern(c.pattern)
        expect(patternMatchesJson(compiled, c.event)).toBe(c.expected === 'match')
      }
    })
  }
})
