/**
 * Knowledge checks: the data an author writes in `content/checks/<lesson-slug>.ts`.
 * The default export holds the lesson's checks (placed with `<Check id="…"/>`); the optional
 * `assessment` export holds extra questions used only by the final self-assessment.
 * Pure types, no React. Text fields accept a tiny inline markup: `code` and **bold**.
 */

export interface ChoiceOption {
  /** What the learner reads. */
  text: string
  /** True for a right answer. Omit (or false) for a wrong one. */
  correct?: boolean
  /** Why this option is right or wrong: shown next to it after the learner checks. */
  why: string
}

interface QuestionBase {
  /** Unique across the whole course: lowercase words joined by dashes. Never change it once published (progress is keyed by it). */
  id: string
  /** The question. Its accessible name on the page. */
  prompt: string
  /** The id of the `##`/`###` heading in the lesson that teaches this; the assessment's review links there. */
  section: string
  /** Shown after every check, right or wrong: the reasoning in two or three sentences. */
  explanation: string
  /** Which check of the source course this rewords, e.g. "KC1", "KC4b", "versions". Omit for new questions. */
  source?: string
}

/** Exactly one option is correct. */
export interface SingleQuestion extends QuestionBase {
  kind: 'single'
  options: ChoiceOption[]
}

/** "Select N": exactly `select` options are correct; the learner must choose exactly N. Partial credit. */
export interface SelectQuestion extends QuestionBase {
  kind: 'select'
  select: number
  options: ChoiceOption[]
}

export interface MatchPair {
  /** The item the learner places (a description, a step). */
  left: string
  /** Where it belongs (a term, a phase). Each right side is used by exactly one pair. */
  right: string
  /** Optional: why this pair belongs together. */
  why?: string
}

/** Matching: every left item is matched to one right item. Partial credit per pair. */
export interface MatchQuestion extends QuestionBase {
  kind: 'match'
  pairs: MatchPair[]
}

export type Question = SingleQuestion | SelectQuestion | MatchQuestion

/** Identity helpers so authors get type checking and completion in their editor. */
export function defineChecks<const T extends readonly Question[]>(checks: T): T {
  return checks
}
