// Input validation for the iam service, with IAM's ValidationError texts:
//   1 validation error detected: Value 'x y' at 'roleName' failed to satisfy constraint: Member
//   must satisfy regular expression pattern: [\w+=,.@-]+
// (several errors are joined with "; "; a missing value reads "Value null at 'roleName' …").
import { constraintError, type AwsError, type ConstraintFailure } from '../errors.ts'

export type Violation = ConstraintFailure

export function validationError(violations: Violation[]): AwsError {
  return constraintError(violations, 'ValidationError')
}

/** A checker that collects violations and throws them together, as IAM reports them. */
export class Checks {
  readonly violations: Violation[] = []

  required(field: string, value: unknown): boolean {
    if (value === undefined || value === null) {
      this.violations.push({ field, value, constraint: 'Member must not be null' })
      return false
    }
    return true
  }

  string(
    field: string,
    value: unknown,
    opts: { required?: boolean; min?: number; max?: number; pattern?: RegExp; patternText?: string; hide?: boolean },
  ): void {
    if (value === undefined || value === null) {
      if (opts.required) this.required(field, value)
      return
    }
    if (typeof value !== 'string') {
      this.violations.push({ field, value, constraint: 'Member must be a string' })
      return
    }
    const hideValue = opts.hide ?? false
    if (opts.min !== undefined && value.length < opts.min)
      this.violations.push({
        field,
        value,
        hideValue,
        constraint: `Member must have length greater than or equal to ${opts.min}`,
      })
    if (opts.max !== undefined && value.length > opts.max)
      this.violations.push({
        field,
        value,
        hideValue: hideValue || value.length > 2048,
        constraint: `Member must have length less than or equal to ${opts.max}`,
      })
    else if (opts.pattern && value.length > 0 && !opts.pattern.test(value))
      this.violations.push({
        field,
        value,
        hideValue,
        constraint: `Member must satisfy regular expression pattern: ${opts.patternText ?? opts.pattern.source}`,
      })
  }

  integer(field: string, value: unknown, min: number, max: number): void {
    if (value === undefined || value === null) return
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      this.violations.push({ field, value, constraint: 'Member must be an integer' })
      return
    }
    if (value < min)
      this.violations.push({ field, value, constraint: `Member must have value greater than or equal to ${min}` })
    if (value > max)
      this.violations.push({ field, value, constraint: `Member must have value less than or equal to ${max}` })
  }

  stringList(field: string, value: unknown, opts: { required?: boolean; maxItems?: number }): void {
    if (value === undefined || value === null) {
      if (opts.required) this.required(field, value)
      return
    }
    if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
      this.violations.push({ field, value: '[…]', constraint: 'Member must be a list of strings' })
      return
    }
    if (opts.maxItems !== undefined && value.length > opts.maxItems)
      this.violations.push({
        field,
        value: `[${value.join(', ')}]`,
        hideValue: value.length > 20,
        constraint: `Member must have length less than or equal to ${opts.maxItems}`,
      })
  }

  done(): void {
    if (this.violations.length) throw validationError(this.violations)
  }
}

// The patterns of the IAM API reference (as its ValidationError messages print them).
export const NAME = { pattern: /^[\w+=,.@-]+$/, patternText: '[\\w+=,.@-]+' }
export const PATH = {
  pattern: /^(\/|\/[\u0021-\u007e]+\/)$/,
  patternText: '(\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)',
}
export const DOCUMENT = {
  pattern: /^[\u0009\u000a\u000d\u0020-\u00ff]+$/,
  patternText: '[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+',
}
export const DESCRIPTION = {
  pattern: /^[\u0009\u000a\u000d\u0020-\u007e\u00a1-\u00ff]*$/,
  patternText: '[\\u0009\\u000A\\u000D\\u0020-\\u007E\\u00A1-\\u00FF]*',
}
export const VERSION_ID = {
  pattern: /^v[1-9][0-9]*(\.[A-Za-z0-9-]*)?$/,
  patternText: 'v[1-9][0-9]*(\\.[A-Za-z0-9-]*)?',
}
export const ARN = {
  pattern: /^[\u0009\u000a\u000d\u0020-\u00ff]+$/,
  patternText: '[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+',
}
