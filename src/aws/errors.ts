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

/** "1 validation error detected: Value '…' at '…' failed to satisfy constraint: …", as AWS words it. */
export function constraintError(
  errors: { value: unknown; field: string; constraint: string }[],
  name = 'ValidationException',
): AwsError {
  const parts = errors.map(
    (e) =>
      `Value '${e.value === undefined ? 'null' : String(e.value)}' at '${e.field}' failed to satisfy constraint: ${e.constraint}`,
  )
  return new AwsError(
    name,
    `${errors.length} validation error${errors.length === 1 ? '' : 's'} detected: ${parts.join('; ')}`,
    400,
  )
}
