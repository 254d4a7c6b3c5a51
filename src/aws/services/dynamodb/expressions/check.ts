// The semantic pass over parsed expressions: resolve #names and :values, refuse reserved words,
// unknown functions, wrong arities and literal operand types, and report them in the order DynamoDB
// does (redundant parentheses, then unknown functions, misused functions, reserved words, then
// undefined names/values, operand counts, non-distinct operands, operand types).
// The result is a resolved tree the evaluator runs without further checks.
import { pathToString, ExpressionError, type Node, type PathNode, type UpdateAst } from './parser.ts'
import { isReserved } from './reserved.ts'
import { compareValues, describeValue, typeOf, LONG_TYPE_NAMES, type AttributeValue, type AvType } from '../values.ts'

export type Path = (string | number)[]

export type Operand =
  | { k: 'path'; path: Path }
  | { k: 'value'; value: AttributeValue }
  | { k: 'size'; path: Path }
  | { k: 'if_not_exists'; path: Path; fallback: Operand }
  | { k: 'list_append'; a: Operand; b: Operand }
  | { k: 'arith'; op: '+' | '-'; left: Operand; right: Operand }

export type Condition =
  | { k: 'cmp'; op: '=' | '<>' | '<' | '<=' | '>' | '>='; left: Operand; right: Operand }
  | { k: 'between'; x: Operand; lo: Operand; hi: Operand }
  | { k: 'in'; x: Operand; list: Operand[] }
  | { k: 'and' | 'or'; l: Condition; r: Condition }
  | { k: 'not'; c: Condition }
  | { k: 'exists' | 'not_exists'; path: Path }
  | { k: 'type'; path: Path; type: AvType }
  | { k: 'begins_with'; x: Operand; prefix: Operand }
  | { k: 'contains'; x: Operand; y: Operand }

export interface ResolvedUpdate {
  set: { path: Path; value: Operand }[]
  remove: Path[]
  add: { path: Path; value: AttributeValue }[]
  delete: { path: Path; value: AttributeValue }[]
}

/** Names and values of one request, shared by all its expressions (so "unused" can be reported after all). */
export class ExpressionScope {
  readonly usedNames = new Set<string>()
  readonly usedValues = new Set<string>()
  constructor(
    readonly names: Record<string, string> | undefined,
    readonly values: Record<string, AttributeValue> | undefined,
  ) {}
}

const CONDITION_FUNCTIONS: Record<string, number> = {
  attribute_exists: 1,
  attribute_not_exists: 1,
  attribute_type: 2,
  begins_with: 2,
  contains: 2,
  size: 1,
}
const VALID_TYPES = ['S', 'SS', 'N', 'NS', 'B', 'BS', 'BOOL', 'NULL', 'L', 'M']

type Category =
  'parens' | 'unknownFunction' | 'misusedFunction' | 'reserved' | 'attrNameVal' | 'operand' | 'distinct' | 'function'
const PRIORITY: Category[] = [
  'parens',
  'unknownFunction',
  'misusedFunction',
  'reserved',
  'attrNameVal',
  'operand',
  'distinct',
  'function',
]

class Checker {
  private errors = new Map<Category, string>()
  constructor(readonly scope: ExpressionScope) {}

  error(category: Category, message: string) {
    if (!this.errors.has(category)) this.errors.set(category, message)
  }
  throwIfAny() {
    for (const c of PRIORITY) {
      const m = this.errors.get(c)
      if (m) throw new ExpressionError(m)
    }
  }

  path(node: PathNode): Path {
    if (node.redundant) this.error('parens', 'The expression has redundant parentheses;')
    const out: Path = []
    for (const e of node.elements) {
      if (e.kind === 'index') out.push(e.index)
      else if (e.placeholder) {
        const resolved = this.scope.names?.[e.name]
        if (resolved === undefined) {
          this.error(
            'attrNameVal',
            `An expression attribute name used in the document path is not defined; attribute name: ${e.name}`,
          )
          out.push(e.name)
        } else {
          this.scope.usedNames.add(e.name)
          out.push(resolved)
        }
      } else {
        if (isReserved(e.name))
          this.error('reserved', `Attribute name is a reserved keyword; reserved keyword: ${e.name}`)
        out.push(e.name)
      }
    }
    return out
  }

  value(name: string): AttributeValue {
    const v = this.scope.values?.[name]
    if (v === undefined) {
      this.error(
        'attrNameVal',
        `An expression attribute value used in expression is not defined; attribute value: ${name}`,
      )
      return { NULL: true }
    }
    this.scope.usedValues.add(name)
    return v
  }

  /** The literal type of an operand when known without an item (values and size()). */
  static literalType(o: Operand): AvType | undefined {
    if (o.k === 'value') return typeOf(o.value)
    if (o.k === 'size') return 'N'
    return undefined
  }

  operand(node: Node): Operand {
    if (node.redundant) this.error('parens', 'The expression has redundant parentheses;')
    switch (node.type) {
      case 'path':
        return { k: 'path', path: this.path(node) }
      case 'value':
        return { k: 'value', value: this.value(node.name) }
      case 'function': {
        if (node.name !== 'size') {
          if (CONDITION_FUNCTIONS[node.name] === undefined)
            this.error('unknownFunction', `Invalid function name; function: ${node.name}`)
          else
            this.error(
              'misusedFunction',
              `The function is not allowed to be used this way in an expression; function: ${node.name}`,
            )
          node.args.forEach((a) => this.operand(a))
          return { k: 'value', value: { NULL: true } }
        }
        const args = node.args.map((a) => this.operand(a))
        if (args.length !== 1) {
          this.error(
            'operand',
            `Incorrect number of operands for operator or function; operator or function: size, number of operands: ${args.length}`,
          )
          return { k: 'size', path: [] }
        }
        const a = args[0]
        const t = Checker.literalType(a)
        if (t === 'N' || t === 'BOOL' || t === 'NULL')
          this.error(
            'function',
            `Incorrect operand type for operator or function; operator or function: size, operand type: ${t}`,
          )
        if (a.k !== 'path') {
          this.error('function', 'Operator or function requires a document path; operator or function: size')
          return { k: 'size', path: [] }
        }
        return { k: 'size', path: a.path }
      }
      default:
        this.error(
          'misusedFunction',
          'The function is not allowed to be used this way in an expression; function: ' + node.type,
        )
        return { k: 'value', value: { NULL: true } }
    }
  }

  distinct(op: string, a: Operand, b: Operand) {
    if (
      a.k === 'path' &&
      b.k === 'path' &&
      pathToString(a.path) === pathToString(b.path) &&
      a.path.length === b.path.length
    )
      this.error(
        'distinct',
        `The first operand must be distinct from the remaining operands for this operator or function; operator: ${op}, first operand: ${pathToString(a.path)}`,
      )
  }

  condition(node: Node): Condition {
    if (node.redundant) this.error('parens', 'The expression has redundant parentheses;')
    switch (node.type) {
      case 'and':
      case 'or':
        return { k: node.type, l: this.condition(node.left), r: this.condition(node.right) }
      case 'not':
        return { k: 'not', c: this.condition(node.arg) }
      case 'compare': {
        const left = this.operand(node.left)
        const right = this.operand(node.right)
        this.distinct(node.op, left, right)
        return { k: 'cmp', op: node.op, left, right }
      }
      case 'between': {
        const x = this.operand(node.operand)
        const lo = this.operand(node.low)
        const hi = this.operand(node.high)
        if (lo.k === 'value' && hi.k === 'value') {
          const tl = typeOf(lo.value)
          const th = typeOf(hi.value)
          const bounds = `lower bound operand: AttributeValue: ${describeValue(lo.value)}, upper bound operand: AttributeValue: ${describeValue(hi.value)}`
          if (tl !== th)
            this.error('function', `The BETWEEN operator requires same data type for lower and upper bounds; ${bounds}`)
          else if ((compareValues(lo.value, hi.value) ?? 0) > 0)
            this.error(
              'function',
              `The BETWEEN operator requires upper bound to be greater than or equal to lower bound; ${bounds}`,
            )
        }
        return { k: 'between', x, lo, hi }
      }
      case 'in': {
        const x = this.operand(node.operand)
        if (node.list.length > 100)
          this.error(
            'operand',
            `Too many operands for the IN operator; number of operands: ${node.list.length}, maximum: 100`,
          )
        return { k: 'in', x, list: node.list.map((n) => this.operand(n)) }
      }
      case 'function':
        return this.functionCondition(node.name, node.args)
      default:
        // A bare operand where a condition belongs (the parser lets `(a)` through for `(a) = :v`).
        throw new ExpressionError('Syntax error; token: "<EOF>", near: ""')
    }
  }

  private functionCondition(name: string, argNodes: Node[]): Condition {
    const arity = CONDITION_FUNCTIONS[name]
    const args = argNodes.map((a) => this.operand(a))
    if (arity === undefined) {
      this.error('unknownFunction', `Invalid function name; function: ${name}`)
      return { k: 'exists', path: [] }
    }
    if (name === 'size') {
      this.error('misusedFunction', 'The function is not allowed to be used this way in an expression; function: size')
      return { k: 'exists', path: [] }
    }
    if (args.length !== arity) {
      this.error(
        'operand',
        `Incorrect number of operands for operator or function; operator or function: ${name}, number of operands: ${args.length}`,
      )
      return { k: 'exists', path: [] }
    }
    if (args.length === 2) this.distinct(name, args[0], args[1])
    const requirePath = (o: Operand): Path => {
      if (o.k !== 'path') {
        this.error('function', `Operator or function requires a document path; operator or function: ${name}`)
        return []
      }
      return o.path
    }
    switch (name) {
      case 'attribute_exists':
        return { k: 'exists', path: requirePath(args[0]) }
      case 'attribute_not_exists':
        return { k: 'not_exists', path: requirePath(args[0]) }
      case 'attribute_type': {
        const path = requirePath(args[0])
        const t = Checker.literalType(args[1])
        if (t !== 'S') {
          this.error(
            'function',
            `Incorrect operand type for operator or function; operator or function: attribute_type, operand type: ${t ?? 'M'}`,
          )
          return { k: 'type', path, type: 'S' }
        }
        const typeName = (args[1] as { value: AttributeValue }).value.S!
        if (!VALID_TYPES.includes(typeName)) {
          this.error(
            'function',
            `Invalid attribute type name found; type: ${typeName}, valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}`,
          )
          return { k: 'type', path, type: 'S' }
        }
        return { k: 'type', path, type: typeName as AvType }
      }
      case 'begins_with':
        for (const a of args) {
          const t = Checker.literalType(a)
          if (t && t !== 'S' && t !== 'B')
            this.error(
              'function',
              `Incorrect operand type for operator or function; operator or function: begins_with, operand type: ${t}`,
            )
        }
        return { k: 'begins_with', x: args[0], prefix: args[1] }
      default:
        return { k: 'contains', x: args[0], y: args[1] }
    }
  }

  setValue(node: Node, top = true): Operand {
    switch (node.type) {
      case 'path':
        return { k: 'path', path: this.path(node) }
      case 'value':
        return { k: 'value', value: this.value(node.name) }
      case 'arith': {
        if (!top) throw new ExpressionError('Syntax error; token: "' + node.op + '", near: ""')
        const left = this.setValue(node.left, false)
        const right = this.setValue(node.right, false)
        for (const o of [left, right]) {
          const t = Checker.literalType(o)
          if (t && t !== 'N')
            this.error(
              'function',
              `Incorrect operand type for operator or function; operator or function: ${node.op}, operand type: ${t}`,
            )
        }
        return { k: 'arith', op: node.op, left, right }
      }
      case 'function': {
        const args = node.args.map((a) => this.setValue(a, false))
        if (node.name !== 'if_not_exists' && node.name !== 'list_append') {
          this.error('unknownFunction', `Invalid function name; function: ${node.name}`)
          return { k: 'value', value: { NULL: true } }
        }
        if (args.length !== 2) {
          this.error(
            'operand',
            `Incorrect number of operands for operator or function; operator or function: ${node.name}, number of operands: ${args.length}`,
          )
          return { k: 'value', value: { NULL: true } }
        }
        if (node.name === 'if_not_exists') {
          if (args[0].k !== 'path') {
            this.error('function', 'Operator or function requires a document path; operator or function: if_not_exists')
            return { k: 'value', value: { NULL: true } }
          }
          return { k: 'if_not_exists', path: args[0].path, fallback: args[1] }
        }
        for (const a of args) {
          const t = Checker.literalType(a)
          if (t && t !== 'L')
            this.error(
              'function',
              `Incorrect operand type for operator or function; operator or function: list_append, operand type: ${t}`,
            )
        }
        return { k: 'list_append', a: args[0], b: args[1] }
      }
      default:
        throw new ExpressionError('Syntax error; token: "(", near: ""')
    }
  }
}

/** Resolve a condition / filter / key-condition expression. */
export function checkCondition(ast: Node, scope: ExpressionScope): Condition {
  const c = new Checker(scope)
  const out = c.condition(ast)
  c.throwIfAny()
  return out
}

/**
 * Paths that overlap (one is a prefix of the other) or conflict (same prefix, then a list index where
 * the other has a map key) are refused; DynamoDB reports overlaps before conflicts.
 */
export function checkPathSet(paths: Path[]): void {
  const message = (kind: string, a: Path, b: Path) =>
    `Two document paths ${kind} with each other; must remove or rewrite one of these paths; path one: ${pathToString(a)}, path two: ${pathToString(b)}`
  const common = (a: Path, b: Path) => {
    const n = Math.min(a.length, b.length)
    let k = 0
    while (k < n && a[k] === b[k]) k++
    return k
  }
  for (let i = 1; i < paths.length; i++)
    for (let j = 0; j < i; j++) {
      const k = common(paths[j], paths[i])
      if (k === Math.min(paths[j].length, paths[i].length))
        throw new ExpressionError(message('overlap', paths[j], paths[i]))
    }
  for (let i = 1; i < paths.length; i++)
    for (let j = 0; j < i; j++) {
      const k = common(paths[j], paths[i])
      if (typeof paths[j][k] !== typeof paths[i][k]) throw new ExpressionError(message('conflict', paths[j], paths[i]))
    }
}

export function checkUpdate(ast: UpdateAst, scope: ExpressionScope): ResolvedUpdate {
  const c = new Checker(scope)
  const out: ResolvedUpdate = { set: [], remove: [], add: [], delete: [] }
  /** Paths in the order they were written (overlap/conflict messages name them in that order). */
  const written: Path[] = []
  for (const section of ast.sections) {
    if (section === 'SET') {
      for (const a of ast.set) {
        const path = c.path(a.path)
        out.set.push({ path, value: c.setValue(a.value) })
        written.push(path)
      }
    } else if (section === 'REMOVE') {
      for (const p of ast.remove) {
        const path = c.path(p)
        out.remove.push(path)
        written.push(path)
      }
    } else {
      const kind = section === 'ADD' ? 'add' : 'delete'
      for (const a of ast[kind]) {
        const path = c.path(a.path)
        const value = c.value(a.value.name)
        const t = typeOf(value)
        const ok =
          kind === 'add' ? t === 'N' || t === 'SS' || t === 'NS' || t === 'BS' : t === 'SS' || t === 'NS' || t === 'BS'
        if (!ok)
          c.error(
            'function',
            `Incorrect operand type for operator or function; operator: ${section}, operand type: ${LONG_TYPE_NAMES[t]}`,
          )
        out[kind].push({ path, value })
        written.push(path)
      }
    }
  }
  c.throwIfAny()
  checkPathSet(written)
  return out
}

export function checkProjection(paths: PathNode[], scope: ExpressionScope): Path[] {
  const c = new Checker(scope)
  const out = paths.map((p) => c.path(p))
  c.throwIfAny()
  checkPathSet(out)
  return out
}
