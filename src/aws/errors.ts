// AWS-shaped errors, as the AWS SDK v3 surfaces them: `name` is the exception type, `message` is
// AWS's text, `$fault` says whose fault it is, `$metadata` carries the HTTP status and request id.
// Every service in the simulated account throws these; the gateway fills in `$metadata`.

export interface ResponseMetadata {
  httpStatusCode: number
  requestId: string
  attempts?: number
  totalRetryDelay?: number
}

export class AwsError extends Error {
  readonly $fault: 'client' | 'server'
  $metadata: ResponseMetadata
  /** Extra members some errors carry on the wire (e.g. DynamoDB's CancellationReasons, S3's Key). */
  readonly members: Record<string, unknown>

  constructor(
    name: string,
    message: string,
    readonly statusCode = 400,
    members: Record<string, unknown> = {},
  ) {
    super(message)
    this.name = name
    this.$fault = statusCode >= 500 ? 'server' : 'client'
    this.$metadata = { httpStatusCode: statusCode, requestId: '' }
    this.members = members
  }

  toJSON(): { name: string; message: string; $fault: 'client' | 'server'; $metadata: ResponseMetadata } & Record<
    string,
    unknown
  > {
    return { ...this.members, name: this.name, message: this.message, $fault: this.$fault, $metadata: this.$metadata }
  }
}

export function isAwsError(e: unknown): e is AwsError {
  return e instanceof AwsError
}

/** A 400 `ValidationException` (the name most JSON services use for bad input). */
export const validationError = (message: string) => new AwsError('ValidationException', message, 400)

/** One broken constraint: the member's path as AWS prints it (`tableName`, `tags.1.member.key`). */
export interface ConstraintFailure {
  field: string
  value: unknown
  constraint: string
  /** Don't echo the value (IAM leaves policy documents out): `Value at '…'`. */
  hideValue?: boolean
}

/**
 * "2 validation errors detected: Value 'a;' at 'tableName' failed to satisfy constraint: …; Value
 * null at 'key' failed to satisfy constraint: Member must not be null", as AWS's services word it:
 * a missing value is `null` without quotes, lists and maps are printed as Java prints them.
 * Every service's validation messages go through here.
 */
export function constraintError(errors: ConstraintFailure[], name = 'ValidationException'): AwsError {
  const parts = errors.map((e) => {
    const shown = e.hideValue
      ? 'Value'
      : e.value === undefined || e.value === null
        ? 'Value null'
        : `Value '${formatValue(e.value)}'`
    return `${shown} at '${e.field}' failed to satisfy constraint: ${e.constraint}`
  })
  const n = errors.length
  return new AwsError(name, `${n} validation error${n === 1 ? '' : 's'} detected: ${parts.join('; ')}`, 400)
}

/** How AWS (Java) prints a value inside "Value '…' at": lists `[a, b]`, maps `{k=v}`. */
export function formatValue(v: unknown, depth = 0): string {
  if (v === null || v === undefined) return 'null'
  if (depth > 4) return '…'
  if (typeof v === 'string') return v
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v)
  if (v instanceof Uint8Array) return `java.nio.HeapByteBuffer[pos=0 lim=${v.length} cap=${v.length}]`
  if (v instanceof Date) return v.toISOString()
  if (Array.isArray(v)) return '[' + v.map((x) => formatValue(x, depth + 1)).join(', ') + ']'
  if (typeof v === 'object')
    return (
      '{' +
      Object.entries(v as Record<string, unknown>)
        .map(([k, x]) => `${k}=${formatValue(x, depth + 1)}`)
        .join(', ') +
      '}'
    )
  return String(v)
}
