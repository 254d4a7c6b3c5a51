// DynamoDB attribute values in the SDK's shape ({ S }, { N }, { B: Uint8Array }, { SS }, { NS },
// { BS }, { M }, { L }, { NULL: true }, { BOOL }): validation with DynamoDB's messages, sizes as
// DynamoDB counts them, ordering (for sort keys and comparisons), equality, and cloning.
import { AwsError } from '../../errors.ts'
import { setOwn, toBase64, utf8Length } from '../../protocol/encoding.ts'
import { NumberError, compareNumbers, normalizeNumber, numberSize } from './numbers.ts'

export interface AttributeValue {
  S?: string
  N?: string
  B?: Uint8Array
  SS?: string[]
  NS?: string[]
  BS?: Uint8Array[]
  M?: Record<string, AttributeValue>
  L?: AttributeValue[]
  NULL?: boolean
  BOOL?: boolean
}
export type Item = Record<string, AttributeValue>
export type AvType = 'S' | 'N' | 'B' | 'SS' | 'NS' | 'BS' | 'M' | 'L' | 'NULL' | 'BOOL'

export const AV_TYPES: readonly AvType[] = ['S', 'N', 'B', 'SS', 'NS', 'BS', 'M', 'L', 'NULL', 'BOOL']

/** DynamoDB's item and nesting limits. */
export const MAX_ITEM_SIZE = 400 * 1024
export const MAX_NESTING = 32

export const validation = (message: string) => new AwsError('ValidationException', message, 400)
export const invalidParam = (message: string) => validation(`One or more parameter values were invalid: ${message}`)

/** The type of a validated value. */
export function typeOf(av: AttributeValue): AvType {
  for (const t of AV_TYPES) if ((av as Record<string, unknown>)[t] !== undefined) return t
  return 'NULL'
}

/** Type names as DynamoDB prints them in update-expression operand errors. */
export const LONG_TYPE_NAMES: Record<AvType, string> = {
  S: 'STRING',
  N: 'NUMBER',
  B: 'BINARY',
  SS: 'STRING_SET',
  NS: 'NUMBER_SET',
  BS: 'BINARY_SET',
  M: 'MAP',
  L: 'LIST',
  NULL: 'NULL',
  BOOL: 'BOOLEAN',
}

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length)
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1
}

/** Strings compare by their UTF-8 bytes in DynamoDB, which is code point order. */
export function compareStrings(a: string, b: string): number {
  const n = Math.min(a.length, b.length)
  for (let i = 0; i < n; i++) {
    const ca = a.charCodeAt(i)
    const cb = b.charCodeAt(i)
    if (ca === cb) continue
    const sa = ca >= 0xd800 && ca <= 0xdfff
    const sb = cb >= 0xd800 && cb <= 0xdfff
    // A surrogate (code point ≥ U+10000) sorts after every BMP character.
    if (sa !== sb) return sa ? 1 : -1
    return ca < cb ? -1 : 1
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1
}

interface ValidateOptions {
  /** Message suffix, e.g. ` for key :v` for ExpressionAttributeValues. */
  suffix?: string
}

/**
 * Check a value as DynamoDB does and return a normalised copy (numbers in canonical form, sets
 * de-aliased). Throws DynamoDB's ValidationException.
 */
export function validateValue(av: unknown, options: ValidateOptions = {}, depth = 0): AttributeValue {
  const suffix = options.suffix ?? ''
  if (depth > MAX_NESTING) throw validation('Nesting Levels have exceeded supported limits')
  if (typeof av !== 'object' || av === null || Array.isArray(av))
    throw validation(`Supplied AttributeValue is empty, must contain exactly one of the supported datatypes${suffix}`)
  const o = av as Record<string, unknown>
  let found: AvType | undefined
  let count = 0
  for (const t of AV_TYPES) {
    if (o[t] !== undefined && o[t] !== null) {
      if (!found) found = t
      count++
    }
  }
  if (count === 0)
    throw validation(`Supplied AttributeValue is empty, must contain exactly one of the supported datatypes${suffix}`)
  if (count > 1)
    throw validation(
      `Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes${suffix}`,
    )
  const v = o[found!]
  const num = (s: unknown) => {
    if (typeof s !== 'string') throw validation(`The parameter cannot be converted to a numeric value${suffix}`)
    try {
      return normalizeNumber(s)
    } catch (e) {
      if (e instanceof NumberError) throw validation(e.message + suffix)
      throw e
    }
  }
  const invalid = (m: string) => invalidParam(m + suffix)
  switch (found!) {
    case 'S':
      if (typeof v !== 'string') throw validation(`STRING_VALUE expected for S${suffix}`)
      return { S: v }
    case 'N':
      return { N: num(v) }
    case 'B':
      if (!(v instanceof Uint8Array)) throw validation(`Binary value expected for B${suffix}`)
      return { B: v.slice() }
    case 'BOOL':
      if (typeof v !== 'boolean') throw validation(`Boolean value expected for BOOL${suffix}`)
      return { BOOL: v }
    case 'NULL':
      if (v !== true) throw invalid('Null attribute value types must have the value of true')
      return { NULL: true }
    case 'SS': {
      if (!Array.isArray(v) || v.length === 0) throw invalid('An string set  may not be empty')
      const seen = new Set<string>()
      for (const s of v) {
        if (typeof s !== 'string') throw validation(`STRING_VALUE expected in SS${suffix}`)
        if (seen.has(s)) throw invalid(`Input collection [${v.join(', ')}] contains duplicates.`)
        seen.add(s)
      }
      return { SS: [...v] }
    }
    case 'NS': {
      if (!Array.isArray(v) || v.length === 0) throw invalid('An number set  may not be empty')
      const out = v.map(num)
      if (new Set(out).size !== out.length) throw validation(`Input collection contains duplicates${suffix}`)
      return { NS: out }
    }
    case 'BS': {
      if (!Array.isArray(v) || v.length === 0) throw invalid('Binary sets should not be empty')
      const out: Uint8Array[] = []
      for (const b of v) {
        if (!(b instanceof Uint8Array)) throw validation(`Binary value expected in BS${suffix}`)
        out.push(b.slice())
      }
      const keys = out.map(toBase64)
      if (new Set(keys).size !== keys.length)
        throw invalid(`Input collection [${keys.join(', ')}]of type BS contains duplicates.`)
      return { BS: out }
    }
    case 'L': {
      if (!Array.isArray(v)) throw validation(`List expected for L${suffix}`)
      return { L: v.map((x) => validateValue(x, options, depth + 1)) }
    }
    case 'M': {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) throw validation(`Map expected for M${suffix}`)
      const out: Record<string, AttributeValue> = {}
      for (const k of Object.keys(v))
        setOwn(out, k, validateValue((v as Record<string, unknown>)[k], options, depth + 1))
      return { M: out }
    }
  }
}

/** Validate every attribute of an item (returns a normalised copy). */
export function validateItem(item: unknown, suffix = ''): Item {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return {}
  const out: Item = {}
  for (const k of Object.keys(item)) setOwn(out, k, validateValue((item as Record<string, unknown>)[k], { suffix }))
  return out
}

/** Size of a value in bytes, as DynamoDB counts it. */
export function valueSize(av: AttributeValue): number {
  switch (typeOf(av)) {
    case 'S':
      return utf8Length(av.S!)
    case 'N':
      return numberSize(av.N!)
    case 'B':
      return av.B!.length
    case 'SS':
      return av.SS!.reduce((n, s) => n + utf8Length(s), 0)
    case 'NS':
      return av.NS!.reduce((n, s) => n + numberSize(s), 0)
    case 'BS':
      return av.BS!.reduce((n, b) => n + b.length, 0)
    case 'NULL':
    case 'BOOL':
      return 1
    case 'L':
      return 3 + av.L!.reduce((n, v) => n + 1 + valueSize(v), 0)
    case 'M':
      return 3 + Object.keys(av.M!).reduce((n, k) => n + utf8Length(k) + 1 + valueSize(av.M![k]), 0)
  }
}

/** Size of an item: each attribute's name (UTF-8 bytes) plus its value. */
export function itemSize(item: Item): number {
  let n = 0
  for (const k of Object.keys(item)) n += utf8Length(k) + valueSize(item[k])
  return n
}

/** Deep equality (sets compare as sets). */
export function valuesEqual(a: AttributeValue, b: AttributeValue): boolean {
  const t = typeOf(a)
  if (t !== typeOf(b)) return false
  switch (t) {
    case 'S':
      return a.S === b.S
    case 'N':
      return compareNumbers(a.N!, b.N!) === 0
    case 'B':
      return bytesEqual(a.B!, b.B!)
    case 'BOOL':
      return a.BOOL === b.BOOL
    case 'NULL':
      return true
    case 'SS': {
      const s = new Set(a.SS!)
      return a.SS!.length === b.SS!.length && b.SS!.every((x) => s.has(x))
    }
    case 'NS': {
      const s = new Set(a.NS!.map(normalizeNumber))
      return a.NS!.length === b.NS!.length && b.NS!.every((x) => s.has(normalizeNumber(x)))
    }
    case 'BS': {
      const s = new Set(a.BS!.map(toBase64))
      return a.BS!.length === b.BS!.length && b.BS!.every((x) => s.has(toBase64(x)))
    }
    case 'L':
      return a.L!.length === b.L!.length && a.L!.every((x, i) => valuesEqual(x, b.L![i]))
    case 'M': {
      const ka = Object.keys(a.M!)
      const kb = Object.keys(b.M!)
      return ka.length === kb.length && ka.every((k) => b.M![k] !== undefined && valuesEqual(a.M![k], b.M![k]))
    }
  }
}

/**
 * Order of two scalars of the same type (S, N, B), as comparisons and sort keys use it;
 * undefined when they cannot be ordered (different types, or non-scalar).
 */
export function compareValues(a: AttributeValue, b: AttributeValue): number | undefined {
  const t = typeOf(a)
  if (t !== typeOf(b)) return undefined
  if (t === 'S') return compareStrings(a.S!, b.S!)
  if (t === 'N') return compareNumbers(a.N!, b.N!)
  if (t === 'B') return compareBytes(a.B!, b.B!)
  return undefined
}

export function cloneValue(av: AttributeValue): AttributeValue {
  switch (typeOf(av)) {
    case 'B':
      return { B: av.B!.slice() }
    case 'SS':
      return { SS: [...av.SS!] }
    case 'NS':
      return { NS: [...av.NS!] }
    case 'BS':
      return { BS: av.BS!.map((b) => b.slice()) }
    case 'L':
      return { L: av.L!.map(cloneValue) }
    case 'M': {
      const out: Record<string, AttributeValue> = {}
      for (const k of Object.keys(av.M!)) setOwn(out, k, cloneValue(av.M![k]))
      return { M: out }
    }
    default:
      return { ...av }
  }
}

export function cloneItem(item: Item): Item {
  const out: Item = {}
  for (const k of Object.keys(item)) setOwn(out, k, cloneValue(item[k]))
  return out
}

/** How DynamoDB prints a value in messages: `{S:abc}`-like (`AttributeValue: {N:5}`). */
export function describeValue(av: AttributeValue): string {
  const t = typeOf(av)
  const v = (av as Record<string, unknown>)[t]
  if (t === 'B') return `{B:${toBase64(v as Uint8Array)}}`
  if (t === 'M' || t === 'L') return `{${t}:…}`
  if (Array.isArray(v))
    return `{${t}:[${v.map((x) => (x instanceof Uint8Array ? toBase64(x) : String(x))).join(', ')}]}`
  return `{${t}:${String(v)}}`
}

/** A string that identifies a key value (type + canonical content), for maps of items. */
export function keyString(av: AttributeValue): string {
  const t = typeOf(av)
  if (t === 'S') return 'S' + av.S
  if (t === 'N') return 'N' + normalizeNumber(av.N!)
  if (t === 'B') return 'B' + toBase64(av.B!)
  return t + JSON.stringify(av)
}
