/** The self-assessment's pure part: which questions, and how an attempt is scored. */
import type { AssessmentAttempt } from '../course/index.ts'
import { grade, type Answer } from './grade.ts'
import type { Question } from './types.ts'

export const PASS_MARK = 0.7

export interface AssessmentItem {
  question: Question
  lesson: string
}

/** Every lesson check, then the lesson's assessment-only questions, in course order. */
export function assessmentItems(
  groups: { slug: string; checks: readonly Question[]; assessment: readonly Question[] }[],
  order: readonly string[],
): AssessmentItem[] {
  const rank = (slug: string) => {
    const i = order.indexOf(slug)
    return i < 0 ? order.length : i
  }
  return [...groups]
    .sort((a, b) => rank(a.slug) - rank(b.slug))
    .flatMap((g) => [...g.checks, ...g.assessment].map((question) => ({ question, lesson: g.slug })))
}

export interface ScoredItem extends AssessmentItem {
  answer: Answer
  score: number
  passed: boolean
  answered: boolean
}

/** Each question is worth one point; select-N and matching earn partial points. */
export function scoreAttempt(
  items: readonly AssessmentItem[],
  answers: ReadonlyMap<string, Answer>,
  at: string,
): { attempt: AssessmentAttempt; scored: ScoredItem[] } {
  const perLesson: Record<string, { points: number; max: number }> = {}
  const scored: ScoredItem[] = items.map((it) => {
    const answer = answers.get(it.question.id) ?? []
    const answered = it.question.kind === 'match' ? answer.some((v) => v >= 0) : answer.length > 0
    const g = answered ? grade(it.question, answer) : { score: 0, passed: false }
    const p = (perLesson[it.lesson] ??= { points: 0, max: 0 })
    p.points += g.score
    p.max += 1
    return { ...it, answer, score: g.score, passed: g.passed, answered }
  })
  for (const p of Object.values(perLesson)) p.points = round(p.points)
  const points = round(scored.reduce((n, s) => n + s.score, 0))
  return {
    attempt: {
      at,
      points,
      max: items.length,
      perLesson,
      wrong: scored.filter((s) => !s.passed).map((s) => s.question.id),
    },
    scored,
  }
}

function round(n: number): number {
  return Math.round(n * 100) / 100
}

export function percent(points: number, max: number): number {
  return max === 0 ? 0 : Math.round((points / max) * 100)
}
