// Policy variables: `${aws:username}` in Resource elements and condition values, with default
// values (`${aws:PrincipalTag/team, 'company-wide'}`) and the special `${*}`, `${?}`, `${$}`.
//
// A resolved pattern must keep the wildcards the author wrote apart from characters that came
// from a variable or from `${*}`/`${?}` (those match literally). Literal `*` and `?` are therefore
// written as two private-use characters that wildcardMatch() treats as plain `*` and `?`.

/** Stands for a literal `*` inside a resolved pattern. */
export const LITERAL_STAR = '\ue000'
/** Stands for a literal `?` inside a resolved pattern. */
export const LITERAL_QUESTION = '\ue001'

export function hasVariables(text: string): boolean {
  return text.includes('${')
}

export type VariableLookup = (key: string) => string[] | undefined

/**
 * Replace the policy variables in `text`. Returns undefined when a variable has no value and no
 * default ("the resource that includes a policy variable with no value will not match any
 * resource"; a condition value with one equals nothing). Multivalued keys cannot be variables.
 */
export function resolveVariables(text: string, lookup: VariableLookup, escapeWildcards = true): string | undefined {
  let out = ''
  let i = 0
  while (i < text.length) {
    const open = text.indexOf('${', i)
    if (open < 0) {
      out += text.slice(i)
      break
    }
    const close = text.indexOf('}', open + 2)
    if (close < 0) {
      out += text.slice(i)
      break
    }
    out += text.slice(i, open)
    const inner = text.slice(open + 2, close)
    i = close + 1
    if (inner === '*') {
      out += escapeWildcards ? LITERAL_STAR : '*'
      continue
    }
    if (inner === '?') {
      out += escapeWildcards ? LITERAL_QUESTION : '?'
      continue
    }
    if (inner === '$') {
      out += '$'
      continue
    }
    const { name, fallback } = splitDefault(inner)
    const values = lookup(name)
    const value = values && values.length === 1 ? values[0] : fallback
    if (value === undefined) return undefined
    out += escapeWildcards ? escapeLiteral(value) : value
  }
  return out
}

function splitDefault(inner: string): { name: string; fallback?: string } {
  const comma = inner.indexOf(',')
  if (comma < 0) return { name: inner.trim() }
  const rest = inner.slice(comma + 1).trim()
  if (rest.length < 2 || !rest.startsWith("'") || !rest.endsWith("'")) return { name: inner.trim() }
  return { name: inner.slice(0, comma).trim(), fallback: rest.slice(1, -1) }
}

function escapeLiteral(value: string): string {
  return value.replaceAll('*', LITERAL_STAR).replaceAll('?', LITERAL_QUESTION)
}

/** Turn the literal markers back into `*` and `?` (for equality comparisons and display). */
export function unescapeLiteral(value: string): string {
  return value.replaceAll(LITERAL_STAR, '*').replaceAll(LITERAL_QUESTION, '?')
}
