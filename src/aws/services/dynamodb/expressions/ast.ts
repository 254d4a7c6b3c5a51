// The expression syntax tree the parser builds (names and values still unresolved).

export type TokenType = 'ident' | 'name' | 'value' | 'number' | 'punct' | 'eof' | 'invalid'

export interface Token {
  type: TokenType
  text: string
  start: number
  end: number
}

/** Set on a node written in parentheses; `redundant` when it was written in two pairs. */
export interface NodeBase {
  paren?: boolean
  redundant?: boolean
}

export interface PathElementName {
  kind: 'name'
  /** The identifier as written, or the #placeholder. */
  name: string
  placeholder: boolean
}
export interface PathElementIndex {
  kind: 'index'
  index: number
}
export type PathElement = PathElementName | PathElementIndex

export interface PathNode extends NodeBase {
  type: 'path'
  elements: PathElement[]
}
export interface ValueNode extends NodeBase {
  type: 'value'
  name: string
}
export interface FunctionNode extends NodeBase {
  type: 'function'
  name: string
  args: Node[]
}
export interface ArithmeticNode extends NodeBase {
  type: 'arith'
  op: '+' | '-'
  left: Node
  right: Node
}
export type Comparator = '=' | '<>' | '<' | '<=' | '>' | '>='
export interface CompareNode extends NodeBase {
  type: 'compare'
  op: Comparator
  left: Node
  right: Node
}
export interface BetweenNode extends NodeBase {
  type: 'between'
  operand: Node
  low: Node
  high: Node
}
export interface InNode extends NodeBase {
  type: 'in'
  operand: Node
  list: Node[]
}
export interface LogicalNode extends NodeBase {
  type: 'and' | 'or'
  left: Node
  right: Node
}
export interface NotNode extends NodeBase {
  type: 'not'
  arg: Node
}
export type Node =
  PathNode | ValueNode | FunctionNode | ArithmeticNode | CompareNode | BetweenNode | InNode | LogicalNode | NotNode

export interface SetAction {
  path: PathNode
  value: Node
}
export interface UpdateAst {
  set: SetAction[]
  remove: PathNode[]
  add: { path: PathNode; value: ValueNode }[]
  delete: { path: PathNode; value: ValueNode }[]
  /** Sections in the order written (for error ordering). */
  sections: ('SET' | 'REMOVE' | 'ADD' | 'DELETE')[]
}
