// Small assertions for lab checks. Each one fails with the check author's message, written for
// the learner ("Return a statusCode of 404 when the product doesn't exist"), plus a short detail
// with what actually came back.
import { CheckFailed, type LabExpect, type LabInvokeResult } from './types.ts'

/** A short, readable rendering of a value for a detail line. */
export function show(value: unknown, max = 300): string {
  let s: string
  if (value === undefined) s = 'undefined'
  else if (typeof value === 'string') s = JSON.stringify(value)
  else {
    try {
      s = JSON.stringify(value) ?? String(value)
    } catch {
      s = String(value)
    }
  }
  return s.length > max ? `${s.slice(0, max - 1)}…` : s
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  if (Array.isArray(a)) {
    const bb = b as unknown[]
    return a.length === bb.length && a.every((x, i) => deepEqual(x, bb[i]))
  }
  const ka = Object.keys(a as object).filter((k) => (a as Record<string, unknown>)[k] !== undefined)
  const kb = Object.keys(b as object).filter((k) => (b as Record<string, unknown>)[k] !== undefined)
  if (ka.length !== kb.length) return false
  return ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
}

/** "TypeError: cannot read property 'name' of null" (+ where, from the trace). */
export function describeFunctionError(r: LabInvokeResult): string {
  if (r.timedOut) return r.error?.errorMessage.replace(/^RequestId: \S+ Error: /, '') ?? 'Task timed out'
  if (!r.error) return r.rawPayload
  const where = r.error.trace?.find((l) => /\/var\/task\//.test(l))?.trim()
  return `${r.error.errorType}: ${r.error.errorMessage}${where ? ` (${where.replace(/^at /, 'at ').replace(/file:\/\/\/var\/task\//, '')})` : ''}`
}

export function createExpect(): LabExpect {
  return {
    ok(condition: unknown, message: string, detail?: string): void {
      if (!condition) throw new CheckFailed(message, detail)
    },
    equal(actual, expected, message) {
      if (!deepEqual(actual, expected))
        throw new CheckFailed(message, `Expected ${show(expected)}, got ${show(actual)}.`)
    },
    match(actual, pattern, message) {
      if (typeof actual !== 'string' || !pattern.test(actual)) throw new CheckFailed(message, `Got ${show(actual)}.`)
    },
    succeeded(r, when) {
      if (r.timedOut) {
        throw new CheckFailed(
          `Your function timed out when ${when}: Lambda stopped it after its ${r.error?.errorMessage.match(/after ([\d.]+) seconds/)?.[1] ?? ''} second timeout. Look for what it is still waiting for.`,
          describeFunctionError(r),
        )
      }
      if (r.functionError) {
        throw new CheckFailed(
          `Your function failed when ${when}, instead of returning a response. Read the error, fix the line it points at, and run the checks again.`,
          describeFunctionError(r),
        )
      }
    },
    failed(r, message) {
      if (!r.functionError) throw new CheckFailed(message, `It returned ${show(r.payload ?? r.rawPayload)} instead.`)
    },
    json(text, message) {
      if (typeof text !== 'string') throw new CheckFailed(message, `Got ${show(text)}, which is not a string.`)
      try {
        return JSON.parse(text)
      } catch (err) {
        throw new CheckFailed(message, `${show(text, 120)} is not JSON (${(err as Error).message}).`)
      }
    },
  }
}
