// The simulated AWS account's entry for the engine side (the Worker, labs' checks, tests, scripts):
// createAccount() and everything it is made of. Pure TypeScript, no DOM. The UI imports the light
// entry, src/aws/public.ts, instead.
export {
  createAccount,
  iamDirectory,
  AccountRestoreError,
  DEFAULT_ACCOUNT_ID,
  DEFAULT_REGION,
  ADMIN_USER_NAME,
  ADMINISTRATOR_ACCESS_ARN,
  type Account,
  type AccountOptions,
  type AccountSnapshot,
  type ServiceModule,
} from './account.ts'
export { AwsError, isAwsError, constraintError, type ConstraintFailure } from './errors.ts'
export { Gateway, principalArn, resourceAccount, type CallRecord, type AuthorizationRecord } from './gateway.ts'
export { CredentialStore, type IssuedCredentials, type CredentialRecord } from './credentials.ts'
export { UnroutableHostError, type SimRequestHandler } from './protocol/http.ts'
export {
  createNetwork,
  isAwsHost,
  notFound,
  connectTimeout,
  CONNECT_TIMEOUT_MS,
  type SimNetwork,
  type NetworkOptions,
  type NetworkEvent,
  type NetworkRoute,
  type HostSpec,
  type HostAnswer,
  type HostRequest,
} from './network.ts'
export { validateHosts, replaceHosts } from './network-hosts.ts'
export { registerCodec, authError, s3AuthError, accessDeniedError, type AuthFailure } from './protocol/index.ts'
export type { ProtocolCodec, WireRequest, WireResponse, RestRoute } from './protocol/types.ts'
export { createIam, type Iam, type IamAuthorizer, type IamAuthorizationResult } from './iam/index.ts'
export type { DynamoDbService, ItemChange, AttributeValue, Item } from './services/dynamodb/index.ts'
export type { StsService, IdentityDirectory, DirectoryRole } from './services/sts/index.ts'
export type { S3Service, S3ServiceOptions, S3ObjectEvent } from './services/s3/index.ts'
export type { SqsService, SqsServiceOptions, QueuePeek } from './services/sqs/index.ts'
export type { SnsService, PublishRecord, Delivery } from './services/sns/index.ts'
export type { EventsService, EventDelivery, MatchedRule } from './services/events/index.ts'
export {
  attachLambda,
  functionPrincipal,
  logsPermission,
  BASIC_EXECUTION_ROLE_ARN,
  type EngineOptions,
  type InvokeQuestion,
  type LambdaServiceModule,
} from './services/lambda/index.ts'
export { operationOf } from './types.ts'
export type * from './types.ts'
