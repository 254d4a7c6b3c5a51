// SQS for the simulated account.
export {
  createSqsService,
  parseQueueUrl,
  MAX_STORED_CHARS,
  type SqsService,
  type SqsServiceOptions,
  type QueuePeek,
} from './service.ts'
export { QUERY_ERROR_CODES, QUERY_CODES } from './errors.ts'
export { md5OfAttributes, md5Hex } from './md5.ts'
export { MAX_MESSAGE_SIZE } from './attributes.ts'
