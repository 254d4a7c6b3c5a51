// The event-pattern language, as one light entry: compile (with EventBridge's errors) and match.
// SNS filter policies share the matcher (src/aws/services/sns/filter-policy.ts).
import { AwsError } from '../../../errors.ts'
import { compilePattern, type CompiledPattern } from './compile.ts'
import { parseEventJson, type EventValue } from './event-json.ts'
import { PatternError } from './json-tokens.ts'
import { matchesPattern } from './match.ts'

export { compilePattern, type CompiledPattern, type PatternNode, type Leaf, type Matcher } from './compile.ts'
export { matchesPattern, matchLeaf } from './match.ts'
export { parseEventJson, EventJsonError, EventNumber, isEventObject, type EventValue } from './event-json.ts'
export { PatternError } from './json-tokens.ts'

/** Compiles an EventBridge pattern or throws AWS's InvalidEventPatternException. */
export function compileEventPattern(text: string): CompiledPattern {
  try {
    return compilePattern(text)
  } catch (e) {
    if (e instanceof PatternError) {
      throw new AwsError('InvalidEventPatternException', `Event pattern is not valid. Reason: ${e.message}`, 400)
    }
    throw e
  }
}

/** Parses an event (JSON text) and tells whether the pattern matches it. */
export function patternMatchesJson(pattern: CompiledPattern, eventJson: string): boolean {
  return matchesPattern(pattern, parseEventJson(eventJson))
}

export function patternMatches(pattern: CompiledPattern, event: EventValue): boolean {
  return matchesPattern(pattern, event)
}
