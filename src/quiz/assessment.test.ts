import { describe, expect, it } from 'vitest'
import { assessmentItems, percent, scoreAttempt } from './assessment.ts'
import type { Question } from './types.ts'

const q = (id: string, kind: 'single' | 'select' | 'match' = 'single'): Question =>
  kind === 'match'
    ? {
        id,
        kind,
        prompt: 'p',
        section: 's',
        explanation: 'e',
        pairs: [
          { left: 'a', right: 'x' },
          { left: 'b', right: 'y' },
        ],
      }
    : kind === 'select'
      ? {
          id,
          kind,
          select: 2,
          prompt: 'p',
          section: 's',
          explanation: 'e',
          options: [
            { text: 'a', correct: true, why: 'w' },
            { text: 'b', correct: true, why: 'w' },
            { text: 'c', why: 'w' },
          ],
        }
      : {
          id,
          kind,
          prompt: 'p',
          section: 's',
          explanation: 'e',
          options: [
            { text: 'a', correct: true, why: 'w' },
            { text: 'b', why: 'w' },
          ],
        }

describe('assessment', () => {
  const groups = [
    { slug: 'two', checks: [q('b1')], assessment: [q('b2', 'match')] },
    { slug: 'one', checks: [q('a1'), q('a2', 'select')], assessment: [] },
  ]
  const items = assessmentItems(groups, ['one', 'two'])
  it('orders questions by lesson, checks before assessment-only questions', () => {
    expect(items.map((i) => `${i.lesson}:${i.question.id}`)).toEqual(['one:a1', 'one:a2', 'two:b1', 'two:b2'])
  })
  it('scores per lesson and in total, with partial credit, and lists what was wrong', () => {
    const answers = new Map([
      ['a1', [0]],
      ['a2', [0, 2]],
      ['b2', [0, -1]],
    ])
    const { attempt, scored } = scoreAttempt(items, answers, '2026-11-27T00:00:00.000Z')
    expect(attempt.perLesson).toEqual({ one: { points: 1.5, max: 2 }, two: { points: 0.5, max: 2 } })
    expect(attempt.points).toBe(2)
    expect(attempt.max).toBe(4)
    expect(attempt.wrong).toEqual(['a2', 'b1', 'b2'])
    expect(scored.find((s) => s.question.id === 'b1')?.answered).toBe(false)
    expect(percent(attempt.points, attempt.max)).toBe(50)
  })
})
