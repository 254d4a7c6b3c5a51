// Public entry of the simulated platform. Pure TypeScript: runs in Node and in a Web Worker.
//
//   const lambda = await createLambda()                 // Node: loads QuickJS itself
//   await lambda.createFunction({ FunctionName: 'hello', Runtime: 'nodejs24.x', Handler: 'index.handler',
//                                 Code: { Files: { 'index.mjs': 'export const handler = async () => "hi"' } } })
//   const out = await lambda.invoke({ FunctionName: 'hello', Payload: '{}', LogType: 'Tail' })
import { VirtualClock } from './clock.ts'
import { LambdaService, type LambdaOptions } from './service/lambda.ts'

export type { LambdaOptions, EnvironmentCredentials, LogsPermission, LogGroupInfo } from './service/lambda.ts'
export {
  LambdaService,
  BASELINE_MEMORY_MB,
  HEAP_CAP_MB,
  MAX_STACK_BYTES,
  INIT_LIMIT_MS,
  SYNC_PAYLOAD_LIMIT,
  ASYNC_PAYLOAD_LIMIT,
} from './service/lambda.ts'
export { VirtualClock } from './clock.ts'
export { NO_NETWORK } from './service/io.ts'
export { LambdaServiceException } from './errors.ts'
export type { QuickJSSource } from './sandbox/quickjs.ts'
export * from './types.ts'

export type Lambda = LambdaService

/** Create a simulated Lambda service (QuickJS loaded and ready). */
export async function createLambda(options: LambdaOptions = {}): Promise<Lambda> {
  const lambda = new LambdaService({ ...options, clock: options.clock ?? new VirtualClock() })
  await lambda.ready()
  return lambda
}
