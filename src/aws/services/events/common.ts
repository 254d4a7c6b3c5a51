// Small helpers the message services share (EventBridge, SNS): input checks worded as AWS words
// them, ids, and pagination tokens.
import { AwsError, constraintError } from '../../errors.ts'

export interface Constraint {
  field: string
  value: unknown
  constraint: string
}

/** Collects constraint violations and throws them together, as AWS's validators do. */
export class Violations {
  readonly list: Constraint[] = []

  /** `Member must have length less than or equal to N` / `greater than or equal to N`. */
  length(field: string, value: unknown, min: number, max: number): this {
    if (typeof value !== 'string' && !Array.isArray(value)) return this
    if (value.length < min)
      this.list.push({
        field,
        value: show(value),
        constraint: `Member must have length greater than or equal to ${min}`,
      })
    if (value.length > max)
      this.list.push({ field, value: show(value), constraint: `Member must have length less than or equal to ${max}` })
    return this
  }

  /** `Member must satisfy regular expression pattern: …` (the pattern is matched whole). */
  pattern(field: string, value: unknown, pattern: string): this {
    if (typeof value === 'string' && !new RegExp(`^(?:${pattern})$`).test(value)) {
      this.list.push({ field, value, constraint: `Member must satisfy regular expression pattern: ${pattern}` })
    }
    return this
  }

  oneOf(field: string, value: unknown, allowed: readonly string[]): this {
    if (value !== undefined && !allowed.includes(value as string)) {
      this.list.push({ field, value, constraint: `Member must satisfy enum value set: [${allowed.join(', ')}]` })
    }
    return this
  }

  range(field: string, value: unknown, min: number, max: number): this {
    if (typeof value !== 'number') return this
    if (value < min)
      this.list.push({ field, value, constraint: `Member must have value greater than or equal to ${min}` })
    if (value > max) this.list.push({ field, value, constraint: `Member must have value less than or equal to ${max}` })
    return this
  }

  required(field: string, value: unknown): this {
    if (value === undefined || value === null)
      this.list.push({ field, value: undefined, constraint: 'Member must not be null' })
    return this
  }

  throwIfAny(name = 'ValidationException'): void {
    if (this.list.length > 0) throw validationErrors(this.list, name)
  }
}

/** The constraints as one ValidationException (errors.ts words it as AWS does). */
export function validationErrors(list: Constraint[], name = 'ValidationException'): AwsError {
  return constraintError(list, name)
}

function show(value: string | unknown[]): unknown {
  return Array.isArray(value)
    ? `[${value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join(', ')}]`
    : value
}

/**
 * A member whose JSON type is wrong. The JSON protocols answer these before validation, with
 * a SerializationException; inputs given directly to `send()` meet the same check.
 */
export function expectType(
  field: string,
  value: unknown,
  type: 'string' | 'number' | 'boolean' | 'array' | 'object',
): void {
  if (value === undefined || value === null) return
  const ok =
    type === 'array'
      ? Array.isArray(value)
      : type === 'object'
        ? typeof value === 'object' && !Array.isArray(value)
        : typeof value === type
  if (!ok) {
    throw new AwsError(
      'SerializationException',
      `Unexpected value type for ${field}: expected ${type === 'object' ? 'a structure' : `a ${type}`}`,
      400,
    )
  }
}

/** A list member that must be a structure (null included: JSON lists of structures hold no nulls). */
export function expectStruct(field: string, value: unknown): asserts value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new AwsError('SerializationException', `Unexpected value type for ${field}: expected a structure`, 400)
  }
}

export function randomId(): string {
  return crypto.randomUUID()
}

/** Opaque, tamper-evident enough pagination tokens: base64 of a JSON position. */
export function encodeToken(position: unknown): string {
  return btoa(JSON.stringify({ p: position }))
}

export function decodeToken(token: unknown, invalid: () => AwsError): unknown {
  if (typeof token !== 'string' || token.length > 2048) throw invalid()
  try {
    const parsed = JSON.parse(atob(token)) as { p?: unknown }
    if (!parsed || typeof parsed !== 'object' || !('p' in parsed)) throw invalid()
    return parsed.p
  } catch {
    throw invalid()
  }
}

/** Byte length of a string in UTF-8. */
export function utf8Length(s: string): number {
  let n = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c < 0x80) n += 1
    else if (c < 0x800) n += 2
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4
      i++
    } else n += 3
  }
  return n
}

/** ISO-8601 without milliseconds ("2017-12-22T18:43:48Z"), as events carry their time. */
export function isoSeconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z')
}
