// Compiles an EventBridge event pattern into a tree the matcher walks, refusing bad patterns with
// the rule compiler's own reasons (EventBridge wraps them as "Event pattern is not valid. Reason: …").
//
// The grammar, its checks and the order they happen in follow event-ruler's JsonRuleCompiler,
// the engine EventBridge runs: every field holds an array of values or an object; values are
// strings, numbers, true/false/null, or one-key objects naming an operator; `$or` holds two or
// more objects. Field names are joined with dots, so `{"a.b": …}` and `{"a": {"b": …}}` name the
// same field, as in EventBridge.
import { ipExactRange, parseCidr } from './cidr.ts'
import { isNumberToken, JsonTokens, PatternError, type TokenType } from './json-tokens.ts'
import {
  makeLeaf,
  newNode,
  RESERVED_IN_OR,
  type CompiledPattern,
  type Leaf,
  type Matcher,
  type PatternNode,
} from './model.ts'
import { compareNumbers, numberInfo, numberKey } from './numbers.ts'
import { checkWildcardComplexity, parseWildcard, type Wildcard } from './wildcard.ts'

export type { AnythingBut, CompiledPattern, Leaf, Matcher, PatternNode } from './model.ts'

/** A comparable number or event-ruler's "Cannot compare number" (an IllegalArgumentException). */
function comparable(text: string): number {
  const info = numberInfo(text)
  if (!info.comparable) throw new Error(`Cannot compare number : ${text}`)
  return info.value
}

class Compiler {
  readonly wildcards = new Map<string, Wildcard[]>()
  constructor(readonly p: JsonTokens) {}

  /** Runs `fn`; an Error that is not a PatternError (event-ruler's IllegalArgumentException) is reported here. */
  private located<T>(fn: () => T): T {
    try {
      return fn()
    } catch (e) {
      if (e instanceof PatternError) throw e
      return this.p.fail((e as Error).message)
    }
  }

  /**
   * event-ruler reads anything-but lists inside a try that reports any failure again at the
   * current position: a failure that already had a location gets a second one (AWS's messages
   * show both), a plain one (a number it cannot compare) gets its first.
   */
  private rewrapped<T>(fn: () => T): T {
    try {
      return fn()
    } catch (e) {
      if (e instanceof PatternError && !e.location) throw e
      return this.p.fail((e as Error).message)
    }
  }

  private nodeAt(node: PatternNode, name: string): PatternNode {
    let n = node
    for (const seg of name.split('.')) {
      let next = n.fields.get(seg)
      if (!next) n.fields.set(seg, (next = newNode()))
      n = next
    }
    return n
  }

  parseObject(node: PatternNode, path: string, inOr: boolean): void {
    const p = this.p
    let fieldsPresent = false
    while (p.next() !== 'END_OBJECT') {
      fieldsPresent = true
      const name = p.currentName()
      if (name === '$or') {
        this.parseOr(node, path)
        continue
      }
      if (inOr && RESERVED_IN_OR.includes(name))
        p.fail(`${name} is Ruler reserved fieldName which cannot be used inside $or.`)
      const t = p.next()
      const full = path ? `${path}.${name}` : name
      if (t === 'START_OBJECT') this.parseObject(this.nodeAt(node, name), full, inOr)
      else if (t === 'START_ARRAY') this.nodeAt(node, name).leaf = this.parseValues(full)
      else p.fail(`"${name}" must be an object or an array`)
    }
    if (!fieldsPresent) p.fail('Empty objects are not allowed')
  }

  private parseOr(node: PatternNode, path: string): void {
    const p = this.p
    if (p.next() !== 'START_ARRAY') p.fail('It must be an Array followed with $or.')
    const branches: PatternNode[] = []
    let t: TokenType | null
    while ((t = p.next()) !== 'END_ARRAY') {
      if (t !== 'START_OBJECT') p.fail('Only JSON object is allowed in array of $or relationship.')
      const branch = newNode()
      this.parseObject(branch, path, true)
      branches.push(branch)
    }
    if (branches.length < 2) p.fail('There must have at least 2 Objects in $or relationship.')
    node.ors.push(branches)
  }

  private parseValues(path: string): Leaf {
    const p = this.p
    const matchers: Matcher[] = []
    let t: TokenType | null
    while ((t = p.next()) !== 'END_ARRAY') {
      switch (t) {
        case 'START_OBJECT':
          matchers.push(this.matchExpression(path))
          break
        case 'VALUE_STRING': {
          const text = p.text()
          const range = ipExactRange(text)
          matchers.push(range ? { kind: 'ip', range } : { kind: 'exact', value: text })
          break
        }
        case 'VALUE_NUMBER_INT':
        case 'VALUE_NUMBER_FLOAT':
          matchers.push({ kind: 'number', text: p.text(), info: numberInfo(p.text()) })
          break
        case 'VALUE_NULL':
        case 'VALUE_TRUE':
        case 'VALUE_FALSE':
          matchers.push({ kind: 'literal', value: p.text() as 'true' | 'false' | 'null' })
          break
        default:
          p.fail('Match value must be String, number, true, false, or null')
      }
    }
    if (matchers.length === 0) p.fail('Empty arrays are not allowed')
    return makeLeaf(matchers)
  }

  private expectEnd(message = 'Only one key allowed in match expression'): void {
    if (this.p.next() !== 'END_OBJECT') this.p.fail(message)
  }

  private stringOperand(message: string): string {
    if (this.p.next() !== 'VALUE_STRING') this.p.fail(message)
    return this.p.text()
  }

  private addWildcard(path: string, w: Wildcard): void {
    const list = this.wildcards.get(path) ?? []
    list.push(w)
    this.wildcards.set(path, list)
  }

  private wildcard(path: string, value: string): Wildcard {
    const w = this.located(() => parseWildcard(value))
    this.addWildcard(path, w)
    return w
  }

  private matchExpression(path: string): Matcher {
    const p = this.p
    if (p.next() !== 'FIELD_NAME') p.fail('Match expression name not found')
    const op = p.currentName()
    switch (op) {
      case 'exactly': {
        const value = this.stringOperand('exact match pattern must be a string')
        this.expectEnd()
        return { kind: 'exact', value }
      }
      case 'prefix':
      case 'suffix': {
        const t = p.next()
        if (t === 'START_OBJECT') return this.ignoreCaseAffix(op)
        if (t !== 'VALUE_STRING') p.fail(`${op} match pattern must be a string`)
        const value = p.text()
        this.expectEnd()
        return { kind: op, value, ignoreCase: false }
      }
      case 'numeric': {
        if (p.next() !== 'START_ARRAY') p.fail('Value of numeric must be an array.')
        const m = this.numeric()
        this.expectEnd('Too many elements in numeric expression')
        return m
      }
      case 'anything-but':
        return this.anythingBut(path)
      case 'exists': {
        const t = p.next()
        if (t !== 'VALUE_TRUE' && t !== 'VALUE_FALSE') p.fail('exists match pattern must be either true or false.')
        this.expectEnd()
        return { kind: 'exists', value: t === 'VALUE_TRUE' }
      }
      case 'cidr': {
        const text = this.stringOperand('prefix match pattern must be a string')
        const range = parseCidr(text)
        this.expectEnd()
        return { kind: 'cidr', range }
      }
      case 'equals-ignore-case': {
        const value = this.stringOperand('equals-ignore-case match pattern must be a string')
        this.expectEnd()
        return { kind: 'equals-ignore-case', value }
      }
      case 'wildcard': {
        const value = this.stringOperand('wildcard match pattern must be a string')
        const wildcard = this.wildcard(path, value)
        this.expectEnd()
        return { kind: 'wildcard', wildcard }
      }
      default:
        return p.fail(`Unrecognized match type ${op}`)
    }
  }

  private ignoreCaseAffix(op: 'prefix' | 'suffix'): Matcher {
    const p = this.p
    const Op = op === 'prefix' ? 'Prefix' : 'Suffix'
    if (p.next() !== 'FIELD_NAME') p.fail(`${Op} expression name not found`)
    const inner = p.currentName()
    if (inner !== 'equals-ignore-case') p.fail(`Unsupported ${op} pattern: ${inner}`)
    const value = this.stringOperand('equals-ignore-case match pattern must be a string')
    this.expectEnd()
    this.expectEnd()
    return { kind: op, value, ignoreCase: true }
  }

  private numeric(): Matcher {
    const p = this.p
    if (p.next() !== 'VALUE_STRING') p.fail(`Invalid member in numeric match: ${p.text()}`)
    const op = p.text()
    p.next()
    const needNumber = (what: string) => {
      if (!isNumberToken(p.token)) p.fail(`Value of ${what} must be numeric`)
    }
    switch (op) {
      case '=': {
        needNumber('equals')
        const text = p.text()
        if (p.next() !== 'END_ARRAY') p.fail('Too many elements in numeric expression')
        const v = this.located(() => comparable(text))
        return { kind: 'numeric', min: v, max: v }
      }
      case '>=':
      case '>': {
        needNumber(op)
        const text = p.text()
        const next = p.next()
        if (next === 'END_ARRAY')
          return { kind: 'numeric', min: this.located(() => comparable(text)), minOpen: op === '>' }
        return this.range(next, text, op === '>')
      }
      case '<=':
      case '<': {
        needNumber(op)
        const text = p.text()
        if (p.next() !== 'END_ARRAY') p.fail('Too many elements in numeric expression')
        return { kind: 'numeric', max: this.located(() => comparable(text)), maxOpen: op === '<' }
      }
      default:
        return p.fail(`Unrecognized numeric range operator: ${op}`)
    }
  }

  private range(t: TokenType | null, bottomText: string, minOpen: boolean): Matcher {
    const p = this.p
    if (t !== 'VALUE_STRING') p.fail(`Bad value in numeric range: ${p.text()}`)
    const op = p.text()
    if (op !== '<' && op !== '<=') p.fail(`Bad numeric range operator: ${op}`)
    p.next()
    if (!isNumberToken(p.token)) p.fail(`Value of ${op} must be numeric`)
    const topText = p.text()
    if (p.next() !== 'END_ARRAY') p.fail('Too many terms in numeric range expression')
    return this.located(() => {
      const min = comparable(bottomText)
      const max = comparable(topText)
      if (compareNumbers(min, max) >= 0) throw new Error('Bottom must be less than top')
      return { kind: 'numeric' as const, min, minOpen, max, maxOpen: op === '<' }
    })
  }

  private anythingBut(path: string): Matcher {
    const p = this.p
    let mode: 'plain' | 'prefix' | 'suffix' | 'equals-ignore-case' | 'wildcard' = 'plain'
    let t = p.next()
    if (t === 'START_OBJECT') {
      if (p.next() !== 'FIELD_NAME') p.fail('Anything-But expression name not found')
      const op = p.currentName()
      if (op !== 'equals-ignore-case' && op !== 'prefix' && op !== 'suffix' && op !== 'wildcard') {
        p.fail(`Unsupported anything-but pattern: ${op}`)
      }
      mode = op as typeof mode
      t = p.next()
    }
    if (t !== 'START_ARRAY' && t !== 'VALUE_STRING' && !isNumberToken(t)) {
      p.fail('Value of anything-but must be an array or single string/number value.')
    }
    let matcher: Matcher
    if (mode === 'plain') {
      matcher = t === 'START_ARRAY' ? this.anythingButList() : this.anythingButSingle(t!)
    } else {
      const values: string[] = []
      const wrongType = () =>
        p.fail(
          mode === 'equals-ignore-case'
            ? 'Inside anything-but/equals-ignore-case list, number|start|null|boolean is not supported.'
            : mode === 'wildcard'
              ? 'wildcard match pattern must be a string'
              : 'prefix/suffix match pattern must be a string',
        )
      const take = () => {
        const text = p.text()
        if ((mode === 'prefix' || mode === 'suffix') && text === '') p.fail('Null prefix/suffix not allowed')
        values.push(text)
      }
      if (t === 'START_ARRAY') {
        this.rewrapped(() => {
          let v: TokenType | null
          while ((v = p.next()) !== 'END_ARRAY') {
            if (v !== 'VALUE_STRING') wrongType()
            take()
          }
        })
      } else {
        if (t !== 'VALUE_STRING') wrongType()
        take()
      }
      if (mode === 'wildcard') {
        matcher = { kind: 'anything-but', mode, values: values.map((v) => this.wildcard(path, v)) }
      } else {
        matcher = { kind: 'anything-but', mode, values: [...new Set(values)] }
      }
    }
    this.expectEnd('Too many elements in numeric expression')
    if (mode !== 'plain') this.expectEnd('Too many elements in numeric expression')
    return matcher
  }

  private anythingButList(): Matcher {
    const p = this.p
    const strings = new Set<string>()
    const numbers = new Set<string>()
    this.rewrapped(() => {
      let t: TokenType | null
      while ((t = p.next()) !== 'END_ARRAY') {
        if (t === 'VALUE_STRING') strings.add(p.text())
        else if (isNumberToken(t)) numbers.add(numberKey(comparable(p.text())))
        else p.fail('Inside anything but list, start|null|boolean is not supported.')
      }
    })
    if (strings.size > 0 === numbers.size > 0) {
      p.fail('Inside anything but list, either all values are number or string, mixed type is not supported')
    }
    return strings.size > 0
      ? { kind: 'anything-but', mode: 'strings', values: strings }
      : { kind: 'anything-but', mode: 'numbers', values: numbers }
  }

  private anythingButSingle(t: TokenType): Matcher {
    const text = this.p.text()
    if (t === 'VALUE_STRING') return { kind: 'anything-but', mode: 'strings', values: new Set([text]) }
    // event-ruler does not catch this one: the reason comes without a location.
    const info = numberInfo(text)
    if (!info.comparable) throw new PatternError(`Cannot compare number : ${text}`)
    return { kind: 'anything-but', mode: 'numbers', values: new Set([numberKey(info.value)]) }
  }
}

function countBranches(node: PatternNode): number {
  let n = 1
  for (const child of node.fields.values()) n *= countBranches(child)
  for (const group of node.ors) n *= group.reduce((sum, b) => sum + countBranches(b), 0)
  return Math.min(n, Number.MAX_SAFE_INTEGER)
}

export interface CompileOptions {
  /** Deepest nesting accepted (default 1000, Jackson's limit). */
  maxDepth?: number
}

/**
 * Compiles a pattern; throws PatternError (its `reason` is the text after "Reason: ", its
 * `message` adds Jackson's location when event-ruler reports one).
 */
export function compilePattern(text: string, options: CompileOptions = {}): CompiledPattern {
  const p = new JsonTokens(text, options.maxDepth ?? 1000)
  if (p.next() !== 'START_OBJECT') p.fail('Filter is not an object')
  const compiler = new Compiler(p)
  const root = newNode()
  compiler.parseObject(root, '', false)
  for (const list of compiler.wildcards.values()) checkWildcardComplexity(list)
  return { root, branches: countBranches(root) }
}
