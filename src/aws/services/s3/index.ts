// S3 for the simulated account.
export { createS3Service, type S3Service, type S3ServiceOptions } from './service.ts'
export type { S3ObjectEvent } from './model.ts'
export { S3_BINDINGS, routeS3, addressOf } from './rest-bindings.ts'
export { DEFAULT_MAX_OBJECT_BYTES, DEFAULT_MAX_TOTAL_BYTES } from './model.ts'
