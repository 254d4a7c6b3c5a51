// Compiled policies, cached: by document text (an LRU of bounded size) and by object identity
// (resource policies that services hand over as parsed JSON). A document is parsed, checked and
// compiled once; every later decision reuses the matchers.
import { compilePolicy, type CompiledPolicy } from './compile.ts'
import { parsePolicyDocument, PolicyGrammarError, type PolicyParseOptions } from './grammar.ts'
import type { PolicyKind } from './policy.ts'

export class PolicyCache {
  private readonly byText = new Map<string, CompiledPolicy | PolicyGrammarError>()
  private readonly byObject = new WeakMap<object, CompiledPolicy | PolicyGrammarError>()

  constructor(private readonly capacity = 2048) {}

  /** Compile a policy document (text); throws PolicyGrammarError for a malformed one. */
  compile(text: string, kind: PolicyKind, options: Omit<PolicyParseOptions, 'kind'> = {}): CompiledPolicy {
    const key = `${kind}\u0000${options.requireCurrentVersion ? 1 : 0}\u0000${text}`
    let hit = this.byText.get(key)
    if (hit !== undefined) {
      // Refresh its place in the LRU order.
      this.byText.delete(key)
      this.byText.set(key, hit)
    } else {
      try {
        hit = compilePolicy(parsePolicyDocument(text, { ...options, kind }))
      } catch (e) {
        if (!(e instanceof PolicyGrammarError)) throw e
        hit = e
      }
      this.byText.set(key, hit)
      if (this.byText.size > this.capacity) this.byText.delete(this.byText.keys().next().value!)
    }
    if (hit instanceof PolicyGrammarError) throw hit
    return hit
  }

  /** Compile a policy given as text or as parsed JSON (cached by object identity; don't mutate it afterwards). */
  compileAny(policy: unknown, kind: PolicyKind): CompiledPolicy {
    if (typeof policy === 'string') return this.compile(policy, kind)
    if (typeof policy !== 'object' || policy === null) throw new PolicyGrammarError('Syntax errors in policy.')
    let hit = this.byObject.get(policy)
    if (hit === undefined) {
      let text: string
      try {
        text = JSON.stringify(policy, null, 2)
      } catch {
        throw new PolicyGrammarError('Syntax errors in policy.')
      }
      try {
        hit = this.compile(text, kind)
      } catch (e) {
        if (!(e instanceof PolicyGrammarError)) throw e
        hit = e
      }
      this.byObject.set(policy, hit)
    }
    if (hit instanceof PolicyGrammarError) throw hit
    return hit
  }
}
