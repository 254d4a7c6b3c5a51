// Lambda and CloudWatch Logs for the simulated account (the engine in src/lambda does the work).
export { attachLambda, logsPermission, type EngineOptions } from './attach.ts'
export {
  createLambdaService,
  type InvokeQuestion,
  type LambdaServiceModule,
  type LambdaServiceOptions,
} from './service.ts'
export { createLogsService } from './logs.ts'
export {
  functionPrincipal,
  issueFunctionCredentials,
  checkExecutionRole,
  createDefaultRole,
  defaultRoleOf,
  BASIC_EXECUTION_ROLE_ARN,
  FUNCTION_CREDENTIALS_SECONDS,
} from './identity.ts'
export { FunctionPolicies, MAX_POLICY_BYTES, type PolicyStatement } from './policy.ts'
export { unzipPackage, MAX_UNZIPPED_BYTES } from './zip.ts'
export { LAMBDA_ROUTES } from './shapes.ts'
