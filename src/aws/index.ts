// The simulated AWS account's public entry: createAccount() and the types the UI, the Worker, labs
// and tests need. Pure TypeScript, no DOM.
export {
  createAccount,
  adminOnlyAuthorizer,
  AccountRestoreError,
  DEFAULT_ACCOUNT_ID,
  DEFAULT_REGION,
  type Account,
  type AccountOptions,
  type AccountSnapshot,
  type ServiceModule,
} from './account.ts'
export { AwsError, isAwsError } from './errors.ts'
export { Gateway, principalArn, type CallRecord, type AuthorizationRecord } from './gateway.ts'
export { CredentialStore, type IssuedCredentials, type CredentialRecord } from './credentials.ts'
export { UnroutableHostError, type SimRequestHandler } from './protocol/http.ts'
export { registerCodec, authError, s3AuthError, accessDeniedError, type AuthFailure } from './protocol/index.ts'
export type {
  ProtocolCodec,
  WireRequest,
  WireResponse,
  RestRoute,
  OperationExtras,
  ServiceExtras,
} from './protocol/types.ts'
export type { DynamoDbService, ItemChange, AttributeValue, Item } from './services/dynamodb/index.ts'
export type { StsService, IdentityDirectory, DirectoryRole } from './services/sts/index.ts'
export type * from './types.ts'
