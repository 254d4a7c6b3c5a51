/**
 * The knowledge-check engine's pure core: stable shuffles, grading, and the validation that
 * content checks run. No DOM, no React.
 *
 * An answer is a list of numbers, always in terms of the author's original order:
 * - single/select: the indices of the chosen options;
 * - match: for each pair i (its left side), the index of the pair whose right side the learner
 *   placed there, or -1 when nothing is placed yet.
 */
import type { Question } from './types.ts'

export type Answer = number[]

/* ---------------------------------------------------------------------------------------- */
/* Stable shuffle                                                                             */
/* ---------------------------------------------------------------------------------------- */

/** FNV-1a, 32-bit. */
function hash32(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

/** mulberry32: a small, good-enough PRNG for shuffling. */
function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * A permutation of 0..n-1 that depends only on (learner seed, key): the same learner sees the
 * same order every time, different learners see different orders.
 */
export function stableOrder(seed: string, key: string, n: number): number[] {
  const order = Array.from({ length: n }, (_, i) => i)
  const next = rng(hash32(`${seed}\u0000${key}`))
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1))
    ;[order[i], order[j]] = [order[j]!, order[i]!]
  }
  // Never show the author's order for questions with 3+ options: "the first one is right" must not leak.
  if (n >= 3 && order.every((v, i) => v === i)) order.push(order.shift()!)
  return order
}

/* ---------------------------------------------------------------------------------------- */
/* Grading                                                                                    */
/* ---------------------------------------------------------------------------------------- */

export interface Grade {
  /** 0..1: partial credit for select-N and matching. */
  score: number
  /** Points earned and available: 1 per question for single, N for select-N, 1 per pair for matching. */
  points: number
  max: number
  passed: boolean
  /** Per option (choice questions) or per pair (matching): was the learner right about it? */
  marks: boolean[]
}

export type AnswerProblem = { ok: true } | { ok: false; message: string }

/** Is this answer complete enough to check? (Doesn't count as an attempt when it is not.) */
export function answerProblem(q: Question, answer: Answer): AnswerProblem {
  if (q.kind === 'single') {
    return answer.length === 1 ? { ok: true } : { ok: false, message: 'Choose one answer first.' }
  }
  if (q.kind === 'select') {
    if (answer.length === q.select) return { ok: true }
    return {
      ok: false,
      message: `Select exactly ${q.select} options: you have selected ${answer.length}.`,
    }
  }
  const empty = answer.filter((v) => v < 0).length + Math.max(0, q.pairs.length - answer.length)
  return empty === 0
    ? { ok: true }
    : { ok: false, message: `Match every item first: ${empty} ${empty === 1 ? 'is' : 'are'} still unmatched.` }
}

export function grade(q: Question, answer: Answer): Grade {
  if (q.kind === 'match') {
    const marks = q.pairs.map((_, i) => answer[i] === i)
    const points = marks.filter(Boolean).length
    return { score: points / q.pairs.length, points, max: q.pairs.length, passed: points === q.pairs.length, marks }
  }
  const chosen = new Set(answer)
  // For every option: right if chosen and correct, or not chosen and not correct.
  const marks = q.options.map((o, i) => chosen.has(i) === Boolean(o.correct))
  if (q.kind === 'single') {
    const right = answer.length === 1 && Boolean(q.options[answer[0]!]?.correct)
    return { score: right ? 1 : 0, points: right ? 1 : 0, max: 1, passed: right, marks }
  }
  // Select N: one point per correct option chosen. Choosing more than N is refused before
  // grading; if it ever gets here, each extra wrong choice costs a point.
  const hits = answer.filter((i) => q.options[i]?.correct).length
  const wrong = answer.length - hits
  const extra = Math.max(0, answer.length - q.select)
  const points = Math.max(0, hits - Math.min(wrong, extra))
  return { score: points / q.select, points, max: q.select, passed: hits === q.select && wrong === 0, marks }
}

/** The most points a question is worth (for scoring the assessment). */
export function maxPoints(q: Question): number {
  return q.kind === 'single' ? 1 : q.kind === 'select' ? q.select : q.pairs.length
}

/** Is a stored answer well formed for this question? (Stored answers may be from an older version.) */
export function isAnswerFor(q: Question, answer: unknown): answer is Answer {
  if (!Array.isArray(answer) || !answer.every((v) => Number.isInteger(v))) return false
  if (q.kind === 'match') {
    return answer.length === q.pairs.length && answer.every((v) => v >= -1 && v < q.pairs.length)
  }
  if (new Set(answer).size !== answer.length) return false
  const limit = q.kind === 'single' ? 1 : q.select
  return answer.length <= limit && answer.every((v) => v >= 0 && v < q.options.length)
}

/* ---------------------------------------------------------------------------------------- */
/* Validation of authored checks (content validation)                                         */
/* ---------------------------------------------------------------------------------------- */

export const QUESTION_ID_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

function nonEmpty(v: unknown): v is string {
  return typeof v === 'string' && v.trim().length > 0
}

/**
 * Problems with one question, as sentences that name the question. `sections` are the heading
 * ids of the lesson the question belongs to.
 */
export function questionProblems(q: unknown, sections: ReadonlySet<string>, where: string): string[] {
  const out: string[] = []
  if (typeof q !== 'object' || q === null || Array.isArray(q)) return [`${where}: is not an object.`]
  const r = q as Record<string, unknown>
  const id = r.id
  const name = typeof id === 'string' && id ? `${where} "${id}"` : where
  if (!nonEmpty(id)) out.push(`${where}: has no id.`)
  else if (!QUESTION_ID_RE.test(id) || id.length > 80)
    out.push(`${name}: id must be lowercase words joined by dashes (at most 80 characters).`)
  if (!nonEmpty(r.prompt)) out.push(`${name}: has no prompt.`)
  if (!nonEmpty(r.explanation)) out.push(`${name}: has no explanation.`)
  if (!nonEmpty(r.section)) out.push(`${name}: has no section (the id of the heading that teaches it).`)
  else if (!sections.has(r.section)) out.push(`${name}: section "${r.section}" is not a heading id in its lesson.`)
  if (r.source !== undefined && !nonEmpty(r.source)) out.push(`${name}: source must be a non-empty string when given.`)

  if (r.kind === 'single' || r.kind === 'select') {
    const options = r.options
    if (!Array.isArray(options) || options.length < 2) {
      out.push(`${name}: needs at least 2 options.`)
      return out
    }
    if (options.length > 8) out.push(`${name}: has ${options.length} options; at most 8 fit on a phone.`)
    const texts = new Set<string>()
    let correct = 0
    options.forEach((o: unknown, i) => {
      if (typeof o !== 'object' || o === null) {
        out.push(`${name}: option ${i + 1} is not an object.`)
        return
      }
      const opt = o as Record<string, unknown>
      if (!nonEmpty(opt.text)) out.push(`${name}: option ${i + 1} has no text.`)
      else if (texts.has(opt.text.trim())) out.push(`${name}: option ${i + 1} repeats the text of another option.`)
      else texts.add(opt.text.trim())
      if (!nonEmpty(opt.why)) out.push(`${name}: option ${i + 1} has no "why" (every option explains itself).`)
      if (opt.correct !== undefined && typeof opt.correct !== 'boolean')
        out.push(`${name}: option ${i + 1}'s "correct" must be true or false.`)
      if (opt.correct === true) correct++
    })
    if (r.kind === 'single') {
      if (correct !== 1)
        out.push(
          `${name}: a single-choice question needs exactly 1 correct option, but ${correct} ${correct === 1 ? 'is' : 'are'} marked correct.`,
        )
      if (r.select !== undefined) out.push(`${name}: "select" only applies to kind "select".`)
    } else {
      const n = r.select
      if (typeof n !== 'number' || !Number.isInteger(n) || n < 2) {
        out.push(`${name}: a "select N" question needs select: N (a whole number, at least 2).`)
      } else {
        if (correct !== n)
          out.push(
            `${name}: says "select ${n}" but ${correct} ${correct === 1 ? 'option is' : 'options are'} marked correct.`,
          )
        if (n >= options.length)
          out.push(`${name}: select ${n} of ${options.length} options leaves nothing wrong to choose.`)
      }
    }
  } else if (r.kind === 'match') {
    const pairs = r.pairs
    if (!Array.isArray(pairs) || pairs.length < 2) {
      out.push(`${name}: a matching question needs at least 2 pairs.`)
      return out
    }
    if (pairs.length > 8) out.push(`${name}: has ${pairs.length} pairs; at most 8.`)
    const lefts = new Set<string>()
    const rights = new Set<string>()
    pairs.forEach((p: unknown, i) => {
      if (typeof p !== 'object' || p === null) {
        out.push(`${name}: pair ${i + 1} is not an object.`)
        return
      }
      const pair = p as Record<string, unknown>
      if (!nonEmpty(pair.left) || !nonEmpty(pair.right)) {
        out.push(`${name}: pair ${i + 1} is missing its ${!nonEmpty(pair.left) ? 'left' : 'right'} side.`)
        return
      }
      if (lefts.has(pair.left.trim())) out.push(`${name}: pair ${i + 1} repeats the left side "${pair.left}".`)
      if (rights.has(pair.right.trim()))
        out.push(
          `${name}: pair ${i + 1} repeats the right side "${pair.right}" (each right side matches exactly one item).`,
        )
      lefts.add(pair.left.trim())
      rights.add(pair.right.trim())
      if (pair.why !== undefined && !nonEmpty(pair.why))
        out.push(`${name}: pair ${i + 1}'s "why" must be text when given.`)
    })
  } else {
    out.push(`${name}: kind must be "single", "select" or "match" (got ${JSON.stringify(r.kind)}).`)
  }
  return out
}
