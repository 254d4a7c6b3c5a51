// AWS service exceptions, shaped like the SDK's ServiceException: `name` is the exception type.

export type LambdaExceptionName =
  | 'ValidationException'
  | 'InvalidParameterValueException'
  | 'ResourceConflictException'
  | 'ResourceNotFoundException'
  | 'InvalidRequestContentException'
  | 'RequestTooLargeException'
  | 'ServiceException'

export class LambdaServiceException extends Error {
  readonly $fault: 'client' | 'server'
  readonly Type: 'User' | 'Service'
  constructor(
    override readonly name: LambdaExceptionName,
    message: string,
    readonly statusCode: number,
  ) {
    super(message)
    this.$fault = statusCode >= 500 ? 'server' : 'client'
    this.Type = statusCode >= 500 ? 'Service' : 'User'
  }

  toJSON(): { name: string; message: string; statusCode: number } {
    return { name: this.name, message: this.message, statusCode: this.statusCode }
  }
}

export const validation = (message: string) => new LambdaServiceException('ValidationException', message, 400)
export const invalidParameter = (message: string) =>
  new LambdaServiceException('InvalidParameterValueException', message, 400)
export const conflict = (message: string) => new LambdaServiceException('ResourceConflictException', message, 409)
export const notFound = (message: string) => new LambdaServiceException('ResourceNotFoundException', message, 404)
export const invalidContent = (message: string) =>
  new LambdaServiceException('InvalidRequestContentException', message, 400)
export const tooLarge = (message: string) => new LambdaServiceException('RequestTooLargeException', message, 413)

/** "1 validation error detected: Value '…' at '…' failed to satisfy constraint: …" */
export function constraint(errors: { value: unknown; field: string; constraint: string }[]): LambdaServiceException {
  const parts = errors.map(
    (e) =>
      `Value '${e.value === undefined ? 'null' : String(e.value)}' at '${e.field}' failed to satisfy constraint: ${e.constraint}`,
  )
  return validation(`${errors.length} validation error${errors.length === 1 ? '' : 's'} detected: ${parts.join('; ')}`)
}
