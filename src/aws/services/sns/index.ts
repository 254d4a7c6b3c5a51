// SNS for the simulated account.
export { createSnsService, type SnsService, type ConfirmationRequest } from './service.ts'
export type { PublishRecord, Delivery } from './model.ts'
export { notification } from './model.ts'
export { SDK_ERROR_NAMES } from './errors.ts'
export { compileFilterPolicy, filterPolicyMatches, attributesAsEvent } from './filter-policy.ts'
export { SNS_QUERY_SHAPES } from './query-shapes.ts'
