// Wildcard patterns (`{"wildcard": "*.png"}`): parsing with event-ruler's messages, linear-time
// matching, and the complexity limit EventBridge enforces.
//
// Syntax: `*` matches any run of characters (none included); `\*` is a literal star and `\\` a
// literal backslash; any other escape and two stars in a row are refused. Positions in messages
// count UTF-8 bytes of the quoted value, as event-ruler's parser does ("Consecutive wildcard
// characters at pos 26").
//
// Matching splits the pattern at its stars: the first piece must be a prefix, the last a suffix,
// and the pieces between are found left to right (leftmost occurrence is always safe for `*`-only
// globs), each with a KMP search, so a value of n characters costs O(n + pattern) however hostile.
//
// Complexity: EventBridge refuses a rule whose wildcards could keep too many partial matches alive
// at once ("Rule is too complex - …"). event-ruler measures, per field, the largest number of
// wildcard-pattern prefixes that can all match one input string. We compute the same number by
// walking the sets of live prefixes (a subset construction over the patterns' characters). AWS's
// threshold is not published; behaviour recorded against AWS (a field with three `*:stack/X/*`
// patterns, 6, is accepted; four, 8, are refused; `/Users/*/dir/dir/dir/dir/dir/doc.txt`, 7, is
// accepted; `*:*:*:*:*:event-bus/*` is refused) puts it at 7.
import { PatternError } from './json-tokens.ts'

export const STAR = -1
export const MAX_WILDCARD_COMPLEXITY = 7
export const TOO_COMPLEX =
  'Rule is too complex - try using fewer wildcard characters or fewer repeating character sequences after a wildcard character'

export interface Wildcard {
  /** The literal pieces between stars (a pattern without stars has one piece). */
  readonly pieces: string[]
  /** Tokens for the complexity walk: UTF-16 code units, or STAR. */
  readonly tokens: number[]
  /** KMP failure tables of the middle pieces. */
  readonly tables: Int32Array[]
}

function utf8Length(code: number): number {
  return code < 0x80
    ? 1
    : code < 0x800
      ? 2
      : code >= 0xd800 && code <= 0xdbff
        ? 4
        : code >= 0xdc00 && code <= 0xdfff
          ? 0
          : 3
}

function failureTable(p: string): Int32Array {
  const t = new Int32Array(p.length)
  let k = 0
  for (let i = 1; i < p.length; i++) {
    while (k > 0 && p.charCodeAt(i) !== p.charCodeAt(k)) k = t[k - 1]
    if (p.charCodeAt(i) === p.charCodeAt(k)) k++
    t[i] = k
  }
  return t
}

/** Parses a wildcard value; throws event-ruler's message (without location: the caller adds it). */
export function parseWildcard(value: string): Wildcard {
  const pieces: string[] = []
  const tokens: number[] = []
  let piece = ''
  let bytePos = 1 // the leading quote of '"' + value + '"'
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i)
    if (c === 42 /* * */) {
      if (value.charCodeAt(i + 1) === 42) throw new Error(`Consecutive wildcard characters at pos ${bytePos}`)
      pieces.push(piece)
      piece = ''
      tokens.push(STAR)
    } else if (c === 92 /* \ */) {
      const n = value.charCodeAt(i + 1)
      if (n !== 42 && n !== 92) throw new Error(`Invalid escape character at pos ${bytePos}`)
      piece += value[i + 1]
      tokens.push(n)
      i++
      bytePos++
    } else {
      piece += value[i]
      tokens.push(c)
    }
    bytePos += utf8Length(c)
  }
  pieces.push(piece)
  return {
    pieces,
    tokens,
    tables: pieces.map((p, i) => (i > 0 && i < pieces.length - 1 ? failureTable(p) : new Int32Array(0))),
  }
}

function indexOfKmp(s: string, p: string, table: Int32Array, from: number, end: number): number {
  if (p.length === 0) return from
  let k = 0
  for (let i = from; i < end; i++) {
    const c = s.charCodeAt(i)
    while (k > 0 && c !== p.charCodeAt(k)) k = table[k - 1]
    if (c === p.charCodeAt(k)) k++
    if (k === p.length) return i - p.length + 1
  }
  return -1
}

export function matchWildcard(w: Wildcard, s: string): boolean {
  const { pieces } = w
  if (pieces.length === 1) return s === pieces[0]
  const first = pieces[0]
  const last = pieces[pieces.length - 1]
  if (s.length < first.length + last.length || !s.startsWith(first) || !s.endsWith(last)) return false
  let pos = first.length
  const end = s.length - last.length
  for (let i = 1; i < pieces.length - 1; i++) {
    const at = indexOfKmp(s, pieces[i], w.tables[i], pos, end)
    if (at < 0) return false
    pos = at + pieces[i].length
  }
  return true
}

/**
 * The largest number of prefixes of these patterns that one input string can match at once,
 * or MAX+1 as soon as it is exceeded (or the walk grows past a safety bound).
 */
export function wildcardComplexity(patterns: readonly Wildcard[], max = MAX_WILDCARD_COMPLEXITY): number {
  if (patterns.length === 0) return 0
  const offsets: number[] = []
  let size = 0
  for (const p of patterns) {
    offsets.push(size)
    size += p.tokens.length + 1
  }
  // state id -> (pattern, position): position k means "k tokens matched"
  const owner = new Int32Array(size)
  const position = new Int32Array(size)
  patterns.forEach((p, i) => {
    for (let k = 0; k <= p.tokens.length; k++) {
      owner[offsets[i] + k] = i
      position[offsets[i] + k] = k
    }
  })
  const alphabet = new Set<number>([-2])
  for (const p of patterns) for (const t of p.tokens) if (t !== STAR) alphabet.add(t)

  const closure = (states: number[]): number[] => {
    const seen = new Set<number>()
    const stack = [...states]
    while (stack.length) {
      const s = stack.pop()!
      if (seen.has(s)) continue
      seen.add(s)
      const p = patterns[owner[s]]
      const k = position[s]
      if (k < p.tokens.length && p.tokens[k] === STAR) stack.push(s + 1)
    }
    return [...seen].sort((a, b) => a - b)
  }
  const count = (set: number[]) => set.reduce((n, s) => n + (position[s] > 0 ? 1 : 0), 0)

  const start = closure(offsets)
  let best = count(start)
  const visited = new Set<string>([start.join(',')])
  const queue: number[][] = [start]
  for (let qi = 0; qi < queue.length; qi++) {
    if (best > max || visited.size > 20_000) return max + 1
    const set = queue[qi]
    for (const c of alphabet) {
      const next: number[] = []
      for (const s of set) {
        const p = patterns[owner[s]]
        const k = position[s]
        if (k > 0 && p.tokens[k - 1] === STAR) next.push(s)
        if (k < p.tokens.length && p.tokens[k] !== STAR && p.tokens[k] === c) next.push(s + 1)
      }
      if (next.length === 0) continue
      const closed = closure(next)
      const key = closed.join(',')
      if (visited.has(key)) continue
      visited.add(key)
      best = Math.max(best, count(closed))
      queue.push(closed)
    }
  }
  return best
}

/** Throws EventBridge's "Rule is too complex" when the wildcards of one field exceed the limit. */
export function checkWildcardComplexity(patterns: readonly Wildcard[]): void {
  if (wildcardComplexity(patterns) > MAX_WILDCARD_COMPLEXITY) throw new PatternError(TOO_COMPLEX)
}
