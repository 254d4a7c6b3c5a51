import { describe, expect, it } from 'vitest'
import { answerProblem, grade, isAnswerFor, questionProblems, stableOrder } from './grade.ts'
import type { MatchQuestion, SelectQuestion, SingleQuestion } from './types.ts'

const single: SingleQuestion = {
  id: 'q-single',
  kind: 'single',
  prompt: 'Pick',
  section: 's',
  explanation: 'e',
  options: [
    { text: 'a', why: 'w' },
    { text: 'b', correct: true, why: 'w' },
    { text: 'c', why: 'w' },
  ],
}
const select: SelectQuestion = {
  id: 'q-select',
  kind: 'select',
  select: 2,
  prompt: 'Pick two',
  section: 's',
  explanation: 'e',
  options: [
    { text: 'a', correct: true, why: 'w' },
    { text: 'b', correct: true, why: 'w' },
    { text: 'c', why: 'w' },
    { text: 'd', why: 'w' },
  ],
}
const match: MatchQuestion = {
  id: 'q-match',
  kind: 'match',
  prompt: 'Match',
  section: 's',
  explanation: 'e',
  pairs: [
    { left: 'l1', right: 'r1' },
    { left: 'l2', right: 'r2' },
    { left: 'l3', right: 'r3' },
  ],
}
const sections = new Set(['s'])

describe('stableOrder', () => {
  it('is a permutation that depends only on seed and key', () => {
    const a = stableOrder('seed-1', 'q', 6)
    expect([...a].sort()).toEqual([0, 1, 2, 3, 4, 5])
    expect(stableOrder('seed-1', 'q', 6)).toEqual(a)
    const others = ['seed-2', 'seed-3', 'seed-4', 'seed-5'].map((s) => stableOrder(s, 'q', 6).join())
    expect(others.some((o) => o !== a.join())).toBe(true)
  })
  it('never shows the authored order for 3+ items', () => {
    for (let i = 0; i < 500; i++) expect(stableOrder(`s${i}`, 'k', 3).join()).not.toBe('0,1,2')
  })
})

describe('grade', () => {
  it('single choice', () => {
    expect(grade(single, [1])).toMatchObject({ score: 1, passed: true, points: 1, max: 1 })
    const wrong = grade(single, [0])
    expect(wrong).toMatchObject({ score: 0, passed: false })
    expect(wrong.marks).toEqual([false, false, true])
  })
  it('select N gives partial credit and explains each option', () => {
    expect(grade(select, [0, 1])).toMatchObject({ score: 1, passed: true, points: 2 })
    const half = grade(select, [0, 2])
    expect(half).toMatchObject({ score: 0.5, passed: false, points: 1, max: 2 })
    expect(half.marks).toEqual([true, false, false, true])
    expect(grade(select, [2, 3])).toMatchObject({ score: 0, passed: false })
  })
  it('select N penalises extra choices if they ever get through', () => {
    expect(grade(select, [0, 1, 2]).passed).toBe(false)
    expect(grade(select, [0, 1, 2]).points).toBe(1)
  })
  it('matching scores per pair', () => {
    expect(grade(match, [0, 1, 2])).toMatchObject({ score: 1, passed: true })
    const g = grade(match, [1, 0, 2])
    expect(g).toMatchObject({ points: 1, max: 3, passed: false })
    expect(g.marks).toEqual([false, false, true])
  })
})

describe('answerProblem enforces complete answers', () => {
  it('select N must choose exactly N', () => {
    expect(answerProblem(select, [0])).toEqual({ ok: false, message: 'Select exactly 2 options: you have selected 1.' })
    expect(answerProblem(select, [0, 1, 2]).ok).toBe(false)
    expect(answerProblem(select, [0, 3]).ok).toBe(true)
  })
  it('single needs one, match needs every pair placed', () => {
    expect(answerProblem(single, []).ok).toBe(false)
    expect(answerProblem(match, [0, -1, -1])).toEqual({
      ok: false,
      message: 'Match every item first: 2 are still unmatched.',
    })
    expect(answerProblem(match, [2, 1, 0]).ok).toBe(true)
  })
})

describe('isAnswerFor (stored answers)', () => {
  it('accepts well-formed answers and refuses others', () => {
    expect(isAnswerFor(select, [0, 1])).toBe(true)
    expect(isAnswerFor(select, [0, 0])).toBe(false)
    expect(isAnswerFor(select, [0, 9])).toBe(false)
    expect(isAnswerFor(single, [0, 1])).toBe(false)
    expect(isAnswerFor(match, [0, -1, 2])).toBe(true)
    expect(isAnswerFor(match, [0, 1])).toBe(false)
    expect(isAnswerFor(match, 'x')).toBe(false)
  })
})

describe('questionProblems', () => {
  it('accepts good questions', () => {
    for (const q of [single, select, match]) expect(questionProblems(q, sections, 'f.ts')).toEqual([])
  })
  it('names a select-N question whose correct count is not N', () => {
    const bad = { ...select, select: 3 }
    expect(questionProblems(bad, sections, 'f.ts')).toContain(
      'f.ts "q-select": says "select 3" but 2 options are marked correct.',
    )
  })
  it('names a matching question with a missing or duplicate pair', () => {
    const dup = { ...match, pairs: [...match.pairs, { left: 'l4', right: 'r1' }] }
    expect(questionProblems(dup, sections, 'f.ts').join('\n')).toMatch(/repeats the right side "r1"/)
    const missing = { ...match, pairs: [{ left: 'l1', right: 'r1' }, { left: 'l2' }] }
    expect(questionProblems(missing, sections, 'f.ts').join('\n')).toMatch(/pair 2 is missing its right side/)
  })
  it('names a single-choice question with two right answers, a missing why, and a dead section', () => {
    const bad = {
      ...single,
      section: 'nowhere',
      options: [
        { text: 'a', correct: true, why: 'w' },
        { text: 'b', correct: true, why: '' },
      ],
    }
    const p = questionProblems(bad, sections, 'f.ts').join('\n')
    expect(p).toMatch(/exactly 1 correct option, but 2 are marked correct/)
    expect(p).toMatch(/option 2 has no "why"/)
    expect(p).toMatch(/section "nowhere" is not a heading id/)
  })
  it('refuses an unknown kind', () => {
    expect(questionProblems({ ...single, kind: 'essay' }, sections, 'f.ts').join()).toMatch(/kind must be/)
  })
})
