// Input checks for SQS's JSON API, and its pagination tokens.
import { AwsError } from '../../errors.ts'
import { invalidParameter, missingParameter } from './errors.ts'

const serialization = (field: string, what: string) =>
  new AwsError('SerializationException', `Unexpected value type for ${field}: expected ${what}`, 400)

export function expectString(field: string, v: unknown, required = false): string | undefined {
  if (v === undefined || v === null) {
    if (required) throw missingParameter(field)
    return undefined
  }
  if (typeof v !== 'string') throw serialization(field, 'a string')
  if (required && v === '') throw missingParameter(field)
  return v
}

export function expectInteger(field: string, v: unknown): number | undefined {
  if (v === undefined || v === null) return undefined
  if (typeof v !== 'number' || !Number.isInteger(v)) throw serialization(field, 'an integer')
  return v
}

export function expectMap(field: string, v: unknown, required = false): void {
  if (v === undefined || v === null) {
    if (required) throw missingParameter(field)
    return
  }
  if (typeof v !== 'object' || Array.isArray(v)) throw serialization(field, 'a map')
  for (const [k, x] of Object.entries(v)) if (typeof x !== 'string') throw serialization(`${field}.${k}`, 'a string')
}

export function expectList(field: string, v: unknown, required = false): unknown[] {
  if (v === undefined || v === null) {
    if (required) throw missingParameter(field)
    return []
  }
  if (!Array.isArray(v)) throw serialization(field, 'a list')
  return v
}

export const pageToken = (n: number) => btoa(JSON.stringify({ sqsListOffset: n }))

export function readToken(token: unknown): number {
  if (token === undefined || token === null) return 0
  try {
    const n = (JSON.parse(atob(String(token))) as { sqsListOffset?: unknown }).sqsListOffset
    if (typeof n === 'number' && Number.isInteger(n) && n >= 0) return n
  } catch {
    // fall through
  }
  throw invalidParameter('Invalid NextToken value.')
}
