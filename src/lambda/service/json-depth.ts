// How deeply a JSON text nests, by a linear scan (no recursion, no parse): the invoke path uses it
// to hand deep payloads to the runtime's non-recursive parser, and to refuse absurd nesting.

/** Payloads nested deeper than this are parsed without native recursion inside the sandbox. */
export const DEEP_PAYLOAD_DEPTH = 500

/**
 * Nesting Lambda's front end accepts. Lambda parses payloads with Jackson; we could not confirm
 * its nesting limit, so this is our choice (documented in docs/runtime.md): far above what Node
 * programs meet (Node itself parses any depth), below what would exhaust a 128 MB sandbox.
 */
export const MAX_PAYLOAD_DEPTH = 100_000

/** Maximum nesting of `[`/`{` in a JSON text (strings skipped); stops counting past `stopAt`. */
export function jsonDepth(text: string, stopAt = Infinity): number {
  let depth = 0
  let max = 0
  const n = text.length
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i)
    if (c === 34) {
      // Skip the string (the text is valid JSON: every string ends).
      for (i++; i < n; i++) {
        const d = text.charCodeAt(i)
        if (d === 34) break
        if (d === 92) i++
      }
    } else if (c === 91 || c === 123) {
      if (++depth > max) {
        max = depth
        if (max > stopAt) return max
      }
    } else if (c === 93 || c === 125) depth--
  }
  return max
}

/** Jackson's message for a document nested past its limit, as Lambda's front end words it. */
export function nestingMessage(depth: number): string {
  return (
    `Could not parse request body into json: Could not parse payload into json: Document nesting depth (${depth}) ` +
    `exceeds the maximum allowed (${MAX_PAYLOAD_DEPTH}, from \`StreamReadConstraints.getMaxNestingDepth()\`)`
  )
}
