// The compiled form of an event pattern: a tree of fields, each field's accepted values, and the
// `$or` alternatives, as compile.ts builds it and match.ts walks it.
import type { IpRange } from './cidr.ts'
import type { NumberInfo } from './numbers.ts'
import { numberKey } from './numbers.ts'
import type { Wildcard } from './wildcard.ts'

export type Matcher =
  | { kind: 'exact'; value: string }
  | { kind: 'literal'; value: 'true' | 'false' | 'null' }
  | { kind: 'number'; text: string; info: NumberInfo }
  | { kind: 'ip'; range: IpRange }
  | { kind: 'prefix' | 'suffix'; value: string; ignoreCase: boolean }
  | { kind: 'equals-ignore-case'; value: string }
  | { kind: 'wildcard'; wildcard: Wildcard }
  | { kind: 'numeric'; min?: number; minOpen?: boolean; max?: number; maxOpen?: boolean }
  | { kind: 'cidr'; range: IpRange }
  | { kind: 'exists'; value: boolean }
  | AnythingBut

export type AnythingBut =
  | { kind: 'anything-but'; mode: 'strings'; values: Set<string> }
  | { kind: 'anything-but'; mode: 'numbers'; values: Set<string> }
  | { kind: 'anything-but'; mode: 'prefix' | 'suffix' | 'equals-ignore-case'; values: string[] }
  | { kind: 'anything-but'; mode: 'wildcard'; values: Wildcard[] }

/** The values one field may take (any one matches), indexed for speed. */
export interface Leaf {
  readonly matchers: Matcher[]
  /** Exact strings, for O(1) lookup. */
  readonly strings: Set<string>
  /** Keys of comparable exact numbers (numberKey), and texts of all exact numbers. */
  readonly numberKeys: Set<string>
  readonly numberTexts: Set<string>
  /** Every matcher that is not an exact string or number. */
  readonly others: Matcher[]
}

export interface PatternNode {
  leaf: Leaf | null
  readonly fields: Map<string, PatternNode>
  /** Each entry is one `$or`: alternatives evaluated where the `$or` stands. */
  readonly ors: PatternNode[][]
}

export interface CompiledPattern {
  readonly root: PatternNode
  /** How many alternatives the pattern expands to (event-ruler's sub-rules). */
  readonly branches: number
}

export const RESERVED_IN_OR = [
  'exactly',
  'equals-ignore-case',
  'prefix',
  'suffix',
  'anything-but',
  'exists',
  'wildcard',
  'numeric',
  'cidr',
  '=',
  '<',
  '<=',
  '>',
  '>=',
  'regex',
  'not-wildcard',
  'not-equals-ignore-case',
  'date-after',
  'date-on-or-after',
  'date-before',
  'date-on-or-before',
  'in-date-range',
  'ip-address-in-range',
  'ip-address-not-in-range',
]

export const newNode = (): PatternNode => ({ leaf: null, fields: new Map(), ors: [] })

export function makeLeaf(matchers: Matcher[]): Leaf {
  const strings = new Set<string>()
  const numberKeys = new Set<string>()
  const numberTexts = new Set<string>()
  const others: Matcher[] = []
  for (const m of matchers) {
    if (m.kind === 'exact') strings.add(m.value)
    else if (m.kind === 'number') {
      numberTexts.add(m.text)
      if (m.info.comparable) numberKeys.add(numberKey(m.info.value))
    } else others.push(m)
  }
  return { matchers, strings, numberKeys, numberTexts, others }
}
