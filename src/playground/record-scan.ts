/**
 * Reading a large stored playground record without building what load would throw away.
 *
 * `JSON.parse` of a 5 MB record of 200,000 tiny workspaces builds 200,000 objects and a
 * 200,000-key dictionary, only for load to keep at most MAX_WORKSPACES of them: most of the load
 * time. This scanner walks the record `{"state":{"workspaces":{…}…},"version":n}` (the shape the
 * store writes) once, character by character: an entry whose id could never be kept (not a
 * workspace id, or past the limit) is skipped without being built and only counted; the others
 * are parsed with `JSON.parse` of their own text. Anything else (another shape, text that is not
 * JSON where it matters) returns null, and the caller parses the whole text as before.
 * Pure (no DOM).
 */

export interface ScannedRecord {
  /** `{ state: { workspaces, …the rest of state }, version }`, as JSON.parse would give, minus the skipped entries. */
  value: { state: Record<string, unknown>; version: unknown }
  /** Entries skipped unread: ids no workspace can have, and entries past the limit. */
  skipped: number
}

const QUOTE = 34
const BACKSLASH = 92
const OPEN_BRACE = 123
const CLOSE_BRACE = 125
const OPEN_BRACKET = 91
const CLOSE_BRACKET = 93
const COMMA = 44

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9
}

/** Position after the string that starts at `p` (a quote), or -1 if it never ends. */
function skipString(s: string, p: number): number {
  for (let i = p + 1; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c === BACKSLASH) i++
    else if (c === QUOTE) return i + 1
  }
  return -1
}

/** Position after the JSON value that starts at `p`, or -1 (only brackets and strings are checked). */
function skipValue(s: string, p: number): number {
  const c = s.charCodeAt(p)
  if (c === QUOTE) return skipString(s, p)
  if (c === OPEN_BRACE || c === OPEN_BRACKET) {
    let depth = 0
    for (let i = p; i < s.length; i++) {
      const d = s.charCodeAt(i)
      if (d === QUOTE) {
        i = skipString(s, i) - 1
        if (i < 0) return -1
      } else if (d === OPEN_BRACE || d === OPEN_BRACKET) depth++
      else if (d === CLOSE_BRACE || d === CLOSE_BRACKET) {
        depth--
        if (depth === 0) return i + 1
      }
    }
    return -1
  }
  // A number, true, false or null: up to the next delimiter.
  let i = p
  while (i < s.length) {
    const d = s.charCodeAt(i)
    if (d === COMMA || d === CLOSE_BRACE || d === CLOSE_BRACKET || isSpace(d)) break
    i++
  }
  return i > p ? i : -1
}

function ws(s: string, p: number): number {
  while (p < s.length && isSpace(s.charCodeAt(p))) p++
  return p
}

/** The literal `text` (after whitespace) at `p`: the position after it, or -1. */
function expect(s: string, p: number, text: string): number {
  p = ws(s, p)
  return s.startsWith(text, p) ? p + text.length : -1
}

/**
 * Scans `raw` as described above. `keep(id)` says whether an entry with that id may be kept;
 * at most `max` object entries are kept (others are counted as skipped).
 */
export function scanPlaygroundRecord(raw: string, keep: (id: string) => boolean, max: number): ScannedRecord | null {
  let p = expect(raw, 0, '{')
  if (p < 0) return null
  p = expect(raw, p, '"state"')
  if (p < 0) return null
  p = expect(raw, p, ':')
  if (p < 0) return null
  p = expect(raw, p, '{')
  if (p < 0) return null
  p = expect(raw, p, '"workspaces"')
  if (p < 0) return null
  p = expect(raw, p, ':')
  if (p < 0) return null
  p = expect(raw, p, '{')
  if (p < 0) return null

  const workspaces: Record<string, unknown> = {}
  let kept = 0
  let others = 0
  let skipped = 0
  p = ws(raw, p)
  if (raw.charCodeAt(p) === CLOSE_BRACE) p++
  else {
    for (;;) {
      p = ws(raw, p)
      if (raw.charCodeAt(p) !== QUOTE) return null
      const keyEnd = skipString(raw, p)
      if (keyEnd < 0) return null
      let id = raw.slice(p + 1, keyEnd - 1)
      if (id.includes('\\')) {
        try {
          id = JSON.parse(raw.slice(p, keyEnd)) as string
        } catch {
          return null
        }
      }
      p = expect(raw, keyEnd, ':')
      if (p < 0) return null
      p = ws(raw, p)
      const end = skipValue(raw, p)
      if (end < 0) return null
      const isObject = raw.charCodeAt(p) === OPEN_BRACE
      // The same rule as sanitizePlayground: up to `max` workspaces are kept; an entry that is not an
      // object is kept too (load names it as unreadable), up to `max` of those as well.
      if (keep(id) && (isObject ? kept < max : others < max)) {
        try {
          Object.defineProperty(workspaces, id, {
            value: JSON.parse(raw.slice(p, end)),
            enumerable: true,
            writable: true,
            configurable: true,
          })
        } catch {
          return null
        }
        if (isObject) kept++
        else others++
      } else skipped++
      p = ws(raw, end)
      const c = raw.charCodeAt(p)
      p++
      if (c === CLOSE_BRACE) break
      if (c !== COMMA) return null
    }
  }
  // The rest of the record (other parts of `state`, the version) is small: JSON.parse checks it.
  let rest: { state: Record<string, unknown>; version: unknown }
  try {
    rest = JSON.parse(`{"state":{"workspaces":{}${raw.slice(p)}`)
  } catch {
    return null
  }
  const w = rest?.state?.workspaces
  // A second "workspaces" later in the text would win in JSON.parse: leave such a record to it.
  if (w === null || typeof w !== 'object' || Object.keys(w).length !== 0) return null
  rest.state.workspaces = workspaces
  return { value: rest, skipped }
}
