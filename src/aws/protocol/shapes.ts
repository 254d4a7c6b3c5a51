// Shapes: a small Smithy-like description of an operation's input and output. One description
// serves three purposes:
//   - the gateway validates inputs with it, in AWS's words ("1 validation error detected: Value
//     'x' at 'tableName' failed to satisfy constraint: Member must have length greater than or equal to 3");
//   - the JSON codec turns wire values into SDK values (base64 → Uint8Array, epoch seconds → Date);
//   - the query codec decodes flattened form parameters (`Tags.member.1.Key`) and writes XML.
//
// Shapes may be recursive (DynamoDB's AttributeValue contains maps and lists of itself): build the
// object first, then patch its members. Every walker here bounds its depth.
import { AwsError, constraintError, formatValue } from '../errors.ts'
import { base64Problem, fromBase64, setOwn } from './encoding.ts'

interface Base {
  /** Member-level: the member must be present. */
  required?: boolean
  /** Member-level: the wire name when it differs (query/XML `locationName`). */
  locationName?: string
}

export interface StringShape extends Base {
  type: 'string'
  min?: number
  max?: number
  enum?: readonly string[]
  /** The pattern as AWS prints it in its message, and a linear-time test for it. */
  pattern?: { source: string; test: (s: string) => boolean }
  /** Constraints beyond these (e.g. a name that may also be an ARN): returns the broken constraints' texts. */
  extra?: (s: string) => string[]
}
export interface NumberShape extends Base {
  type: 'integer' | 'long' | 'double'
  min?: number
  max?: number
}
export interface BooleanShape extends Base {
  type: 'boolean'
}
export interface BlobShape extends Base {
  type: 'blob'
  min?: number
  max?: number
}
export interface TimestampShape extends Base {
  type: 'timestamp'
}
export interface ListShape extends Base {
  type: 'list'
  member: Shape
  min?: number
  max?: number
  /** query/XML: list items are not wrapped in `<member>` / `.member.N`. */
  flattened?: boolean
  /** query/XML: the item element name (default `member`). */
  memberName?: string
}
export interface MapShape extends Base {
  type: 'map'
  key: StringShape
  value: Shape
  min?: number
  max?: number
  flattened?: boolean
  /** query/XML entry names (default `key` / `value`). */
  keyName?: string
  valueName?: string
}
export interface StructureShape extends Base {
  type: 'structure'
  members: Record<string, Shape>
}
/** Exactly one member set (DynamoDB's AttributeValue). Validation of "exactly one" is the service's. */
export interface UnionShape extends Base {
  type: 'union'
  members: Record<string, Shape>
}
/** Anything JSON (policy documents, free-form). */
export interface DocumentShape extends Base {
  type: 'document'
}

export type Shape =
  | StringShape
  | NumberShape
  | BooleanShape
  | BlobShape
  | TimestampShape
  | ListShape
  | MapShape
  | StructureShape
  | UnionShape
  | DocumentShape

/** How deep a value may nest before the walkers refuse it (DynamoDB's own limit, 32, is checked by the service). */
export const MAX_SHAPE_DEPTH = 100

// ---- builders (keep service shape files short) ----------------------------------------------------

export const string = (o: Omit<StringShape, 'type'> = {}): StringShape => ({ type: 'string', ...o })
export const integer = (o: Omit<NumberShape, 'type'> = {}): NumberShape => ({ type: 'integer', ...o })
export const long = (o: Omit<NumberShape, 'type'> = {}): NumberShape => ({ type: 'long', ...o })
export const double = (o: Omit<NumberShape, 'type'> = {}): NumberShape => ({ type: 'double', ...o })
export const boolean = (o: Omit<BooleanShape, 'type'> = {}): BooleanShape => ({ type: 'boolean', ...o })
export const blob = (o: Omit<BlobShape, 'type'> = {}): BlobShape => ({ type: 'blob', ...o })
export const timestamp = (o: Omit<TimestampShape, 'type'> = {}): TimestampShape => ({ type: 'timestamp', ...o })
export const document = (o: Omit<DocumentShape, 'type'> = {}): DocumentShape => ({ type: 'document', ...o })
export const list = (member: Shape, o: Omit<ListShape, 'type' | 'member'> = {}): ListShape => ({
  type: 'list',
  member,
  ...o,
})
export const map = (key: StringShape, value: Shape, o: Omit<MapShape, 'type' | 'key' | 'value'> = {}): MapShape => ({
  type: 'map',
  key,
  value,
  ...o,
})
export const structure = (members: Record<string, Shape>, o: Omit<StructureShape, 'type' | 'members'> = {}) =>
  ({ type: 'structure', members, ...o }) as StructureShape
export const required = <S extends Shape>(s: S): S => ({ ...s, required: true })
/** A pattern made of one character class and a quantifier (`[a-zA-Z0-9_.-]+`): tested in linear time. */
export function charClassPattern(source: string, allowed: RegExp, minCount = 1): StringShape['pattern'] {
  const test = (s: string) => {
    if (s.length < minCount) return false
    for (const ch of s) if (!allowed.test(ch)) return false
    return true
  }
  return { source, test }
}

// ---- type conversion ----------------------------------------------------------------------------

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Uint8Array) && !(v instanceof Date)

function javaType(shape: Shape): string {
  switch (shape.type) {
    case 'string':
      return 'String'
    case 'integer':
      return 'Integer'
    case 'long':
      return 'Long'
    case 'double':
      return 'Double'
    case 'boolean':
      return 'Boolean'
    case 'timestamp':
      return 'Date'
    default:
      return 'Object'
  }
}

function tokenName(v: unknown): string {
  if (v === true) return 'TRUE_VALUE'
  if (v === false) return 'FALSE_VALUE'
  if (typeof v === 'number') return Number.isInteger(v) ? 'NUMBER_VALUE' : 'DECIMAL_VALUE'
  return 'STRING_VALUE'
}

/** The SerializationException JSON services answer a value of the wrong JSON type with. */
export function serializationError(message: string): AwsError {
  return new AwsError('SerializationException', message, 400)
}

function typeMismatch(shape: Shape, v: unknown): AwsError {
  if (isPlainObject(v)) return serializationError('Start of structure or map found where not expected')
  if (Array.isArray(v)) {
    if (shape.type === 'map') return serializationError('Unexpected field type')
    return serializationError(`Unrecognized collection type class java.lang.${javaType(shape)}`)
  }
  if (shape.type === 'list' || shape.type === 'map' || shape.type === 'structure' || shape.type === 'union')
    return serializationError('Unexpected field type')
  if (shape.type === 'blob') return serializationError('only base-64-encoded strings are convertible to bytes')
  return serializationError(`${tokenName(v)} cannot be converted to ${javaType(shape)}`)
}

/**
 * Check `value` against `shape` and convert it to the SDK's types.
 * - `json`: values as they arrive in awsJson / restJson bodies (blobs are base64, timestamps epoch seconds).
 * - `sdk`: values as `account.send()` receives them (Uint8Array, Date); nothing is converted.
 * Null members are dropped, as the SDK and Coral do. Throws SerializationException on a wrong type.
 */
export function coerce(shape: Shape, value: unknown, mode: 'json' | 'sdk', depth = 0): unknown {
  if (value === null || value === undefined) return undefined
  if (depth > MAX_SHAPE_DEPTH) throw serializationError('Document nesting exceeds the maximum depth')
  switch (shape.type) {
    case 'string':
      if (typeof value !== 'string') throw typeMismatch(shape, value)
      return value
    case 'integer':
    case 'long':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw typeMismatch(shape, value)
      return Number.isInteger(value) ? value : Math.trunc(value)
    case 'double':
      if (typeof value !== 'number') throw typeMismatch(shape, value)
      return value
    case 'boolean':
      if (typeof value !== 'boolean') throw typeMismatch(shape, value)
      return value
    case 'blob':
      if (value instanceof Uint8Array) return value
      if (mode === 'json' && typeof value === 'string') {
        const problem = base64Problem(value)
        if (problem) throw serializationError(problem)
        return fromBase64(value)
      }
      throw typeMismatch(shape, value)
    case 'timestamp':
      if (value instanceof Date) return value
      if (typeof value === 'number' && Number.isFinite(value)) return new Date(value * 1000)
      if (typeof value === 'string' && mode === 'sdk' && !Number.isNaN(Date.parse(value))) return new Date(value)
      throw typeMismatch(shape, value)
    case 'document':
      return value
    case 'list': {
      if (!Array.isArray(value)) throw typeMismatch(shape, value)
      const out: unknown[] = new Array(value.length)
      for (let i = 0; i < value.length; i++) {
        const item = coerce(shape.member, value[i], mode, depth + 1)
        out[i] = item === undefined ? null : item
      }
      return out
    }
    case 'map': {
      if (!isPlainObject(value)) throw typeMismatch(shape, value)
      const out: Record<string, unknown> = {}
      for (const k of Object.keys(value)) {
        const item = coerce(shape.value, value[k], mode, depth + 1)
        if (item !== undefined) setOwn(out, k, item)
      }
      return out
    }
    case 'structure':
    case 'union': {
      if (!isPlainObject(value)) throw typeMismatch(shape, value)
      const out: Record<string, unknown> = {}
      for (const k of Object.keys(value)) {
        const member = Object.prototype.hasOwnProperty.call(shape.members, k) ? shape.members[k] : undefined
        // Unknown members are ignored, as AWS's JSON services ignore them.
        if (!member) continue
        const item = coerce(member, value[k], mode, depth + 1)
        if (item !== undefined) out[k] = item
      }
      return out
    }
  }
}

// ---- constraints --------------------------------------------------------------------------------

export interface ConstraintViolation {
  /** As AWS prints it: lowerCamel members, `.N.member` in lists, `.key.member` in maps. */
  path: string
  value: unknown
  constraint: string
}

const lowerFirst = (s: string) => (s.length ? s[0].toLowerCase() + s.slice(1) : s)

function lengthOf(shape: Shape, value: unknown): number {
  if (typeof value === 'string') return value.length
  if (value instanceof Uint8Array) return value.length
  if (Array.isArray(value)) return value.length
  if (shape.type === 'map' && isPlainObject(value)) return Object.keys(value).length
  return 0
}

function lengthConstraints(
  shape: { min?: number; max?: number },
  len: number,
  out: string[],
  order: 'minmax' | 'maxmin',
) {
  const tooShort = shape.min !== undefined && len < shape.min
  const tooLong = shape.max !== undefined && len > shape.max
  const min = tooShort ? `Member must have length greater than or equal to ${shape.min}` : undefined
  const max = tooLong ? `Member must have length less than or equal to ${shape.max}` : undefined
  if (order === 'minmax') {
    if (min) out.push(min)
    if (max) out.push(max)
  } else {
    if (max) out.push(max)
    if (min) out.push(min)
  }
}

function scalarConstraints(shape: Shape, value: unknown): string[] {
  const out: string[] = []
  if (shape.type === 'string' && typeof value === 'string') {
    if (shape.enum && !shape.enum.includes(value))
      out.push(`Member must satisfy enum value set: [${shape.enum.join(', ')}]`)
    if (shape.pattern && !shape.pattern.test(value))
      out.push(`Member must satisfy regular expression pattern: ${shape.pattern.source}`)
    lengthConstraints(shape, value.length, out, 'minmax')
    if (shape.extra) out.push(...shape.extra(value))
  } else if (
    (shape.type === 'integer' || shape.type === 'long' || shape.type === 'double') &&
    typeof value === 'number'
  ) {
    if (shape.min !== undefined && value < shape.min)
      out.push(`Member must have value greater than or equal to ${shape.min}`)
    if (shape.max !== undefined && value > shape.max)
      out.push(`Member must have value less than or equal to ${shape.max}`)
  } else if (shape.type === 'blob' || shape.type === 'list' || shape.type === 'map') {
    lengthConstraints(shape, lengthOf(shape, value), out, 'minmax')
  }
  return out
}

/** Every constraint `value` breaks, in the order AWS lists them (members in shape order). */
export function checkConstraints(shape: StructureShape, value: Record<string, unknown>): ConstraintViolation[] {
  const out: ConstraintViolation[] = []
  walkMembers(shape, value, '', out, 0)
  return out
}

function walkMembers(
  shape: StructureShape | UnionShape,
  value: Record<string, unknown>,
  prefix: string,
  out: ConstraintViolation[],
  depth: number,
) {
  for (const name of Object.keys(shape.members)) {
    const member = shape.members[name]
    const path = prefix + lowerFirst(name)
    walk(member, value[name], path, out, depth + 1)
  }
}

function walk(shape: Shape, value: unknown, path: string, out: ConstraintViolation[], depth: number) {
  if (depth > MAX_SHAPE_DEPTH || out.length >= 100) return
  if (value === undefined || value === null) {
    if (shape.required) out.push({ path, value: null, constraint: 'Member must not be null' })
    return
  }
  for (const constraint of scalarConstraints(shape, value)) out.push({ path, value, constraint })
  if (shape.type === 'list' && Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) walk(shape.member, value[i], `${path}.${i + 1}.member`, out, depth + 1)
  } else if (shape.type === 'map' && isPlainObject(value)) {
    const keyProblems = new Set<string>()
    for (const k of Object.keys(value)) {
      const issues: string[] = []
      if (shape.key.pattern && !shape.key.pattern.test(k))
        issues.push(`Member must satisfy regular expression pattern: ${shape.key.pattern.source}`)
      lengthConstraints(shape.key, k.length, issues, 'maxmin')
      if (shape.key.extra) issues.push(...shape.key.extra(k))
      for (const i of issues) keyProblems.add(i)
    }
    if (keyProblems.size > 0) {
      const ordered = [...keyProblems].sort((a, b) => constraintRank(a) - constraintRank(b))
      out.push({ path, value, constraint: `Map keys must satisfy constraint: [${ordered.join(', ')}]` })
    }
    for (const k of Object.keys(value)) walk(shape.value, value[k], `${path}.${k}.member`, out, depth + 1)
  } else if ((shape.type === 'structure' || shape.type === 'union') && isPlainObject(value)) {
    walkMembers(shape, value, path + '.', out, depth)
  }
}

const constraintRank = (c: string) => (c.includes('less than') ? 0 : c.includes('greater than') ? 1 : 2)

/** "N validation error(s) detected: Value … at '…' failed to satisfy constraint: …; …" */
export function validationFailure(violations: ConstraintViolation[], name = 'ValidationException'): AwsError {
  return constraintError(
    violations.map((v) => ({ field: v.path, value: v.value, constraint: v.constraint })),
    name,
  )
}

export { formatValue }
