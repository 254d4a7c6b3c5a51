// DynamoDB expression grammar: a tokeniser and recursive-descent parsers for condition (and filter
// and key-condition), update and projection expressions. Parsing is linear (LL(1), no backtracking)
// and nesting is bounded. Syntax errors are worded as DynamoDB words them:
//   Syntax error; token: "<token>", near: "<previous token … next token>"
// Names (#n) and values (:v) stay unresolved here; check.ts resolves and validates them.
import type { Comparator, Node, PathElement, PathElementName, PathNode, SetAction, Token, UpdateAst } from './ast.ts'

export type * from './ast.ts'

/** A syntax or semantic problem in an expression; the caller prefixes "Invalid <Kind>Expression: ". */
export class ExpressionError extends Error {}

/** Deepest nesting of parentheses / NOT the parsers accept. */
export const MAX_DEPTH = 100

const PUNCT2 = ['<>', '<=', '>=']
const PUNCT1 = '()[],.=<>+-'
const isIdentStart = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95
const isIdentPart = (c: number) => isIdentStart(c) || (c >= 48 && c <= 57)
const isDigit = (c: number) => c >= 48 && c <= 57
const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13

export function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  let i = 0
  while (i < text.length) {
    const c = text.charCodeAt(i)
    if (isSpace(c)) {
      i++
      continue
    }
    const start = i
    if (isIdentStart(c)) {
      while (i < text.length && isIdentPart(text.charCodeAt(i))) i++
      tokens.push({ type: 'ident', text: text.slice(start, i), start, end: i })
    } else if (c === 35 /* # */ || c === 58 /* : */) {
      i++
      while (i < text.length && isIdentPart(text.charCodeAt(i))) i++
      tokens.push({ type: c === 35 ? 'name' : 'value', text: text.slice(start, i), start, end: i })
    } else if (isDigit(c)) {
      while (i < text.length && isDigit(text.charCodeAt(i))) i++
      tokens.push({ type: 'number', text: text.slice(start, i), start, end: i })
    } else if (PUNCT2.includes(text.slice(i, i + 2))) {
      i += 2
      tokens.push({ type: 'punct', text: text.slice(start, i), start, end: i })
    } else if (PUNCT1.includes(text[i])) {
      i++
      tokens.push({ type: 'punct', text: text[start], start, end: i })
    } else {
      const cp = text.codePointAt(i)!
      i += cp > 0xffff ? 2 : 1
      tokens.push({ type: 'invalid', text: text.slice(start, i), start, end: i })
    }
  }
  tokens.push({ type: 'eof', text: '<EOF>', start: text.length, end: text.length })
  return tokens
}

const KEYWORDS = new Set(['AND', 'OR', 'NOT', 'BETWEEN', 'IN'])
const UPDATE_SECTIONS = new Set(['SET', 'REMOVE', 'ADD', 'DELETE'])

class Parser {
  private pos = 0
  private depth = 0
  /** In update expressions SET / REMOVE / ADD / DELETE start sections and are never attribute names. */
  updateMode = false
  private readonly tokens: Token[]

  constructor(private readonly text: string) {
    this.tokens = tokenize(text)
  }

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.pos + offset, this.tokens.length - 1)]
  }
  private next(): Token {
    return this.tokens[this.pos < this.tokens.length - 1 ? this.pos++ : this.pos]
  }
  private isKeyword(t: Token, word: string): boolean {
    return t.type === 'ident' && t.text.toUpperCase() === word
  }
  private isPunct(t: Token, p: string): boolean {
    return t.type === 'punct' && t.text === p
  }

  /** DynamoDB's syntax error at the token at `pos`: near = previous token through next token. */
  fail(at = this.pos): never {
    const i = Math.min(at, this.tokens.length - 1)
    const tok = this.tokens[i]
    const from = i > 0 ? this.tokens[i - 1].start : tok.start
    const nextTok = i + 1 < this.tokens.length ? this.tokens[i + 1] : tok
    const to = Math.max(tok.end, nextTok.end)
    throw new ExpressionError(`Syntax error; token: "${tok.text}", near: "${this.text.slice(from, to)}"`)
  }

  private expectPunct(p: string): Token {
    if (!this.isPunct(this.peek(), p)) this.fail()
    return this.next()
  }

  private enter() {
    if (++this.depth > MAX_DEPTH)
      throw new ExpressionError(`The expression nests parentheses or NOT more than ${MAX_DEPTH} levels deep;`)
  }
  private leave() {
    this.depth--
  }

  end(): void {
    if (this.peek().type !== 'eof') this.fail()
  }

  // ---- conditions ----

  condition(): Node {
    const node = this.or()
    this.end()
    return this.condition_(node)
  }

  /** An operand (path or value) where a condition must stand: a syntax error at the current token. */
  private condition_(node: Node): Node {
    if (node.type === 'path' || node.type === 'value' || node.type === 'arith') this.fail()
    return node
  }

  private or(): Node {
    let left = this.and()
    while (this.isKeyword(this.peek(), 'OR')) {
      this.condition_(left)
      this.next()
      left = { type: 'or', left, right: this.condition_(this.and()) }
    }
    return left
  }

  private and(): Node {
    let left = this.not()
    while (this.isKeyword(this.peek(), 'AND')) {
      this.condition_(left)
      this.next()
      left = { type: 'and', left, right: this.condition_(this.not()) }
    }
    return left
  }

  private not(): Node {
    if (this.isKeyword(this.peek(), 'NOT')) {
      this.next()
      this.enter()
      const arg = this.condition_(this.not())
      this.leave()
      return { type: 'not', arg }
    }
    return this.comparison()
  }

  private comparison(): Node {
    const left = this.operandOrGroup()
    const t = this.peek()
    if (t.type === 'punct' && ['=', '<>', '<', '<=', '>', '>='].includes(t.text)) {
      this.next()
      return { type: 'compare', op: t.text as Comparator, left, right: this.operandOrGroup() }
    }
    if (this.isKeyword(t, 'BETWEEN')) {
      this.next()
      const low = this.operandOrGroup()
      if (!this.isKeyword(this.peek(), 'AND')) this.fail()
      this.next()
      return { type: 'between', operand: left, low, high: this.operandOrGroup() }
    }
    if (this.isKeyword(t, 'IN')) {
      this.next()
      this.expectPunct('(')
      const list = [this.operandOrGroup()]
      while (this.isPunct(this.peek(), ',')) {
        this.next()
        list.push(this.operandOrGroup())
      }
      this.expectPunct(')')
      return { type: 'in', operand: left, list }
    }
    // No comparator: only a condition can stand alone (a function call or a parenthesised condition),
    // except inside parentheses that close right here: `(a) = :v`.
    if ((left.type === 'path' || left.type === 'value') && !(this.depth > 0 && this.isPunct(t, ')'))) this.fail()
    return left
  }

  /** An operand, or a parenthesised condition or operand. */
  private operandOrGroup(): Node {
    const t = this.peek()
    if (this.isPunct(t, '(')) {
      this.next()
      this.enter()
      const inner = this.or()
      this.leave()
      this.expectPunct(')')
      return { ...inner, paren: true, redundant: inner.redundant || inner.paren }
    }
    return this.operand()
  }

  operand(allowFunctions = true): Node {
    const t = this.peek()
    if (t.type === 'value') {
      this.next()
      if (t.text.length === 1) this.fail(this.pos - 1)
      return { type: 'value', name: t.text }
    }
    if (t.type === 'ident' && this.isPunct(this.peek(1), '(') && allowFunctions) {
      if (KEYWORDS.has(t.text.toUpperCase())) this.fail()
      this.next()
      this.next()
      this.enter()
      const args: Node[] = []
      if (!this.isPunct(this.peek(), ')')) {
        args.push(this.functionArg())
        while (this.isPunct(this.peek(), ',')) {
          this.next()
          args.push(this.functionArg())
        }
      }
      this.leave()
      this.expectPunct(')')
      return { type: 'function', name: t.text, args }
    }
    return this.path()
  }

  private functionArg(): Node {
    return this.isPunct(this.peek(), '(') ? this.operandOrGroup() : this.operand()
  }

  path(): PathNode {
    const elements: PathElement[] = [this.pathName()]
    for (;;) {
      const t = this.peek()
      if (this.isPunct(t, '.')) {
        this.next()
        elements.push(this.pathName())
      } else if (this.isPunct(t, '[')) {
        this.next()
        const n = this.peek()
        if (n.type !== 'number' || n.text.length > 9) this.fail()
        this.next()
        this.expectPunct(']')
        elements.push({ kind: 'index', index: Number(n.text) })
        if (elements.length > 10_000) this.fail()
      } else break
    }
    return { type: 'path', elements }
  }

  private pathName(): PathElementName {
    const t = this.peek()
    if (t.type === 'name' && t.text.length > 1) {
      this.next()
      return { kind: 'name', name: t.text, placeholder: true }
    }
    if (
      t.type === 'ident' &&
      !KEYWORDS.has(t.text.toUpperCase()) &&
      !(this.updateMode && UPDATE_SECTIONS.has(t.text.toUpperCase()))
    ) {
      this.next()
      return { kind: 'name', name: t.text, placeholder: false }
    }
    this.fail()
  }

  // ---- update ----

  update(): UpdateAst {
    const ast: UpdateAst = { set: [], remove: [], add: [], delete: [], sections: [] }
    if (this.peek().type === 'eof') this.fail()
    while (this.peek().type !== 'eof') {
      const t = this.peek()
      const section = t.type === 'ident' ? t.text.toUpperCase() : ''
      if (!UPDATE_SECTIONS.has(section)) this.fail()
      this.next()
      const name = section as UpdateAst['sections'][number]
      if (ast.sections.includes(name))
        throw new ExpressionError(`The "${name}" section can only be used once in an update expression;`)
      ast.sections.push(name)
      do {
        if (name === 'SET') ast.set.push(this.setAction())
        else if (name === 'REMOVE') ast.remove.push(this.path())
        else {
          const path = this.path()
          const v = this.peek()
          if (v.type !== 'value' || v.text.length === 1) this.fail()
          this.next()
          ;(name === 'ADD' ? ast.add : ast.delete).push({ path, value: { type: 'value', name: v.text } })
        }
      } while (this.isPunct(this.peek(), ',') && this.next())
    }
    return ast
  }

  private setAction(): SetAction {
    const path = this.path()
    this.expectPunct('=')
    const left = this.setOperand()
    const t = this.peek()
    if (this.isPunct(t, '+') || this.isPunct(t, '-')) {
      this.next()
      return { path, value: { type: 'arith', op: t.text as '+' | '-', left, right: this.setOperand() } }
    }
    return { path, value: left }
  }

  private setOperand(): Node {
    if (this.isPunct(this.peek(), '(')) {
      this.next()
      this.enter()
      const left = this.setOperand()
      let node = left
      const t = this.peek()
      if (this.isPunct(t, '+') || this.isPunct(t, '-')) {
        this.next()
        node = { type: 'arith', op: t.text as '+' | '-', left, right: this.setOperand() }
      }
      this.leave()
      this.expectPunct(')')
      return node
    }
    const t = this.peek()
    if (t.type === 'ident' && this.isPunct(this.peek(1), '(')) {
      this.next()
      this.next()
      this.enter()
      const args: Node[] = [this.setOperand()]
      while (this.isPunct(this.peek(), ',')) {
        this.next()
        args.push(this.setOperand())
      }
      this.leave()
      this.expectPunct(')')
      return { type: 'function', name: t.text, args }
    }
    return this.operand(false)
  }

  // ---- projection ----

  projection(): PathNode[] {
    const paths = [this.path()]
    while (this.isPunct(this.peek(), ',')) {
      this.next()
      paths.push(this.path())
    }
    this.end()
    return paths
  }
}

export function parseCondition(text: string): Node {
  return new Parser(text).condition()
}

export function parseUpdate(text: string): UpdateAst {
  const p = new Parser(text)
  p.updateMode = true
  const ast = p.update()
  p.end()
  return ast
}

export function parseProjection(text: string): PathNode[] {
  return new Parser(text).projection()
}

/** `[a, [1], b]`, as DynamoDB prints document paths in its messages (names resolved). */
export function pathToString(elements: (string | number)[]): string {
  return '[' + elements.map((e) => (typeof e === 'number' ? `[${e}]` : e)).join(', ') + ']'
}
