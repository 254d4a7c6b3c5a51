// internal/json-error: V8's message for a JSON.parse failure (Node 20's wording), so a handler
// that parses a bad event.body reads what it would read on Lambda, not QuickJS's "unexpected
// token: 'x'". Loaded by core.js's JSON.parse only after the engine's own parser has refused the
// text. The scanner is the runtime's (src/lambda/runtime/json-syntax.js), shared with the
// playground's event editor.
import { v8JsonMessage } from '../../../../runtime/json-syntax.js'

export { v8JsonMessage }

export default function factory() {
  return { v8JsonMessage }
}
