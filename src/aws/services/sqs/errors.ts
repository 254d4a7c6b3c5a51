// SQS's errors. The JSON protocol names an error by its shape (`QueueDoesNotExist`) and, because
// SQS is "awsQueryCompatible", also sends the old query code in the x-amzn-query-error header
// (`AWS.SimpleQueueService.NonExistentQueue;Sender`), which SDKs expose as `Code`. The JSON codec
// writes that header from the definition's queryErrorCodes (QUERY_CODES below).
import { AwsError } from '../../errors.ts'

/** Error name → [query error code, HTTP status]. Names not listed use their own name and 400. */
export const QUERY_ERROR_CODES: Record<string, [code: string, status: number]> = {
  BatchEntryIdsNotDistinct: ['AWS.SimpleQueueService.BatchEntryIdsNotDistinct', 400],
  BatchRequestTooLong: ['AWS.SimpleQueueService.BatchRequestTooLong', 400],
  EmptyBatchRequest: ['AWS.SimpleQueueService.EmptyBatchRequest', 400],
  InvalidBatchEntryId: ['AWS.SimpleQueueService.InvalidBatchEntryId', 400],
  MessageNotInflight: ['AWS.SimpleQueueService.MessageNotInflight', 400],
  PurgeQueueInProgress: ['AWS.SimpleQueueService.PurgeQueueInProgress', 403],
  QueueDeletedRecently: ['AWS.SimpleQueueService.QueueDeletedRecently', 400],
  QueueDoesNotExist: ['AWS.SimpleQueueService.NonExistentQueue', 400],
  QueueNameExists: ['QueueAlreadyExists', 400],
  ReceiptHandleIsInvalid: ['ReceiptHandleIsInvalid', 404],
  TooManyEntriesInBatchRequest: ['AWS.SimpleQueueService.TooManyEntriesInBatchRequest', 400],
  UnsupportedOperation: ['AWS.SimpleQueueService.UnsupportedOperation', 400],
  InvalidSecurity: ['InvalidSecurity', 403],
  OverLimit: ['OverLimit', 403],
  RequestThrottled: ['RequestThrottled', 403],
  ResourceNotFoundException: ['ResourceNotFoundException', 404],
  InvalidAddress: ['InvalidAddress', 404],
}

/** Error name → the query error code the JSON codec sends in `x-amzn-query-error` (ServiceDefinition.queryErrorCodes). */
export const QUERY_CODES: Record<string, string> = Object.fromEntries(
  Object.entries(QUERY_ERROR_CODES).map(([name, [code]]) => [name, code]),
)

export function sqsError(name: string, message: string): AwsError {
  return new AwsError(name, message, QUERY_ERROR_CODES[name]?.[1] ?? 400)
}

export const queueDoesNotExist = () => sqsError('QueueDoesNotExist', 'The specified queue does not exist.')

export const invalidParameter = (message: string) => sqsError('InvalidParameterValue', message)

/** "Value X for parameter P is invalid. Reason: R" */
export const invalidValue = (value: unknown, parameter: string, reason: string) =>
  invalidParameter(`Value ${String(value)} for parameter ${parameter} is invalid. Reason: ${reason}`)

export const missingParameter = (parameter: string) =>
  sqsError('MissingParameter', `The request must contain the parameter ${parameter}.`)

export const receiptHandleIsInvalid = (handle: unknown) =>
  sqsError('ReceiptHandleIsInvalid', `The input receipt handle "${String(handle)}" is not a valid receipt handle.`)
