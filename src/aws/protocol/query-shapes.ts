// A compact notation for the members of awsQuery operations (IAM, SNS), as their shape tables
// write them, and its translation into the gateway's shapes (protocol/shapes.ts), which the query
// codec reads and writes with and the gateway validates with.
//
//   'string' | 'integer' | 'long' | 'double' | 'boolean' | 'timestamp' | 'blob'
//   { list: S }                         Name.member.N (member: the item name, default `member`)
//   { map: { key: S, value: S } }       Name.entry.N.key / .value (keyName / valueName rename them)
//   { structure: { Member: S, … } }     Name.Member
import type { OperationDefinition } from '../types.ts'
import { list, map, string, structure, type Shape, type StructureShape } from './shapes.ts'

export type QueryShape =
  | 'string'
  | 'integer'
  | 'long'
  | 'double'
  | 'boolean'
  | 'timestamp'
  | 'blob'
  | { list: QueryShape; member?: string; flattened?: boolean }
  | { map: { key: QueryShape; value: QueryShape }; keyName?: string; valueName?: string; flattened?: boolean }
  | { structure: Record<string, QueryShape> }

export interface QueryOperationShapes {
  input: Record<string, QueryShape>
  /** Members of the `<Operation>Result` element; none (or absent): the response has no Result element. */
  output?: Record<string, QueryShape>
}

/** The gateway's shape for a compact one. */
export function fromQueryShape(shape: QueryShape): Shape {
  if (typeof shape === 'string') return { type: shape }
  if ('list' in shape) return list(fromQueryShape(shape.list), { memberName: shape.member, flattened: shape.flattened })
  if ('map' in shape)
    return map(string(), fromQueryShape(shape.map.value), {
      keyName: shape.keyName,
      valueName: shape.valueName,
      flattened: shape.flattened,
    })
  return queryStructure(shape.structure)
}

export function queryStructure(members: Record<string, QueryShape>): StructureShape {
  const out: Record<string, Shape> = {}
  for (const [name, member] of Object.entries(members)) out[name] = fromQueryShape(member)
  return structure(out)
}

/**
 * The operations with their input and output shapes from a table (an operation that already has
 * a shape keeps it). Operations missing from the table are returned as they are. An output
 * without members is written as an empty Result element (SNS: `<TagResourceResult/>`), or not at
 * all with `emptyResult: 'omit'` (IAM: `<DeleteRoleResponse><ResponseMetadata>…`).
 */
export function withQueryShapes<T extends Record<string, OperationDefinition<never, unknown>>>(
  operations: T,
  table: Record<string, QueryOperationShapes>,
  options: { emptyResult?: 'element' | 'omit' } = {},
): T {
  const out: Record<string, OperationDefinition<never, unknown>> = {}
  for (const [name, op] of Object.entries(operations)) {
    const shapes = Object.prototype.hasOwnProperty.call(table, name) ? table[name] : undefined
    out[name] = shapes
      ? {
          ...op,
          input: op.input ?? queryStructure(shapes.input),
          output: op.output ?? resultShape(shapes.output, options.emptyResult ?? 'element'),
        }
      : op
  }
  return out as T
}

function resultShape(
  members: Record<string, QueryShape> | undefined,
  empty: 'element' | 'omit',
): StructureShape | undefined {
  if (!members) return undefined
  return Object.keys(members).length === 0 && empty === 'omit' ? undefined : queryStructure(members)
}
