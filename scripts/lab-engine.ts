// A lab engine in Node (check-labs, the labs' tests): the Lambda engine inside a simulated account,
// as the Worker's instances are. Lives with the scripts: src/labs (a UI feature) reaches the engine
// only through its public entries.
import { attachLambda, createAccount, createNetwork, type Account } from '../src/aws/index.ts'
import type { LambdaOptions } from '../src/lambda/index.ts'
import type { InvokeAnswer, InvokeQuestion, LabEngine } from '../src/labs/types.ts'

/** A lab engine in Node: a Lambda engine inside a simulated account (as the Worker's instances are). */
export interface NodeLabEngine extends LabEngine {
  send(service: string, operation: string, input?: unknown): Promise<Record<string, unknown>>
  mayInvoke(q: InvokeQuestion): InvokeAnswer
  readonly account: Account
  dispose(): void
}

/**
 * What the Worker gives the lab checks, in Node: an account (IAM, DynamoDB, S3…) with the engine
 * attached and the account's network, so handlers' SDK calls reach it. CreateFunction and
 * UpdateFunctionConfiguration go through the gateway as the admin (Role checks, the default role),
 * as they do in the Worker.
 */
export async function createLabEngine(options: LambdaOptions = {}): Promise<NodeLabEngine> {
  const account = await createAccount()
  const network = createNetwork({ account })
  const { engine, lambda } = await attachLambda(account, { prewarm: 0, network, ...options })
  const viaGateway = async <T>(operation: string, input: unknown): Promise<T> => {
    const { $metadata: _m, ...out } = await account.send('lambda', operation, input)
    return out as T
  }
  return {
    account,
    createFunction: (req) => viaGateway('CreateFunction', req),
    updateFunctionConfiguration: (req) => viaGateway('UpdateFunctionConfiguration', req),
    updateFunctionCode: (req) => engine.updateFunctionCode(req),
    deleteFunction: (req) => engine.deleteFunction(req),
    invoke: (req) => engine.invoke(req),
    filterLogEvents: (req) => engine.filterLogEvents(req),
    describeEnvironments: (name) => engine.describeEnvironments(name),
    clock: engine.clock,
    send: (service, operation, input = {}) => account.send(service, operation, input),
    mayInvoke(q) {
      const r = lambda.mayInvoke(q)
      return {
        allowed: r.allowed,
        ...(r.error ? { error: { name: r.error.name, message: r.error.message } } : {}),
        explanation: r.explanation,
      }
    },
    dispose: () => engine.dispose(),
  }
}
