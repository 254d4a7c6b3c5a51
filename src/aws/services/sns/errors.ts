// SNS's errors, named by their query-protocol codes (`<Code>InvalidParameter</Code>`), which is
// what the wire carries. The JavaScript SDK turns each code into its exception class:
// SDK_ERROR_NAMES says which (InvalidParameter → InvalidParameterException).
import { AwsError } from '../../errors.ts'

export const SDK_ERROR_NAMES: Record<string, string> = {
  AuthorizationError: 'AuthorizationErrorException',
  BatchEntryIdsNotDistinct: 'BatchEntryIdsNotDistinctException',
  BatchRequestTooLong: 'BatchRequestTooLongException',
  EmptyBatchRequest: 'EmptyBatchRequestException',
  InvalidBatchEntryId: 'InvalidBatchEntryIdException',
  InvalidParameter: 'InvalidParameterException',
  ParameterValueInvalid: 'InvalidParameterValueException',
  NotFound: 'NotFoundException',
  SubscriptionLimitExceeded: 'SubscriptionLimitExceededException',
  TagLimitExceeded: 'TagLimitExceededException',
  TooManyEntriesInBatchRequest: 'TooManyEntriesInBatchRequestException',
  TopicLimitExceeded: 'TopicLimitExceededException',
  ValidationError: 'ValidationException',
  InternalError: 'InternalErrorException',
}

const STATUS: Record<string, number> = {
  NotFound: 404,
  AuthorizationError: 403,
  TopicLimitExceeded: 403,
  SubscriptionLimitExceeded: 403,
}

export const snsError = (code: string, message: string) => new AwsError(code, message, STATUS[code] ?? 400)

export const invalidParameter = (what: string, reason?: string) =>
  snsError('InvalidParameter', `Invalid parameter: ${what}${reason ? ` Reason: ${reason}` : ''}`)

export const topicNotFound = () => snsError('NotFound', 'Topic does not exist')
export const subscriptionNotFound = () => snsError('NotFound', 'Subscription does not exist')
export const parameterValueInvalid = (message: string) => snsError('ParameterValueInvalid', message)

/** Checks an ARN's shape as SNS does ("An ARN must have at least 6 elements, not N"). */
export function checkArnShape(param: string, arn: unknown): string {
  if (arn === undefined || arn === null || arn === '') throw invalidParameter(param, 'no value for required parameter')
  if (typeof arn !== 'string') throw invalidParameter(param)
  const n = arn.split(':').length
  if (n < 6) throw invalidParameter(param, `An ARN must have at least 6 elements, not ${n}`)
  return arn
}
