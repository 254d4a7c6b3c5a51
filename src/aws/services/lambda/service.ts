// The Lambda engine as the account's `lambda` service (restJson1, IAM prefix `lambda`): the control
// plane (functions), Invoke, and functions' resource-based policies. The engine (src/lambda) does
// the work and checks values with Lambda's own messages; this layer adds what an account needs:
// IAM on every call (iam:PassRole for a function's role), Role checks, Code.ZipFile, function
// policies for the gateway (resourcePolicy) and for triggers (mayInvoke).
import {
  LambdaServiceException,
  type CreateFunctionRequest,
  type FunctionConfiguration,
  type Lambda,
} from '../../../lambda/index.ts'
import { parseFunctionName, validateCreateName, validateHandler, validateRuntime } from '../../../lambda/public.ts'
import type { ServiceModule } from '../../account.ts'
import { AwsError } from '../../errors.ts'
import type { Gateway } from '../../gateway.ts'
import type { Iam } from '../../iam/index.ts'
import type {
  AuthorizationRequirement,
  OperationContext,
  OperationDefinition,
  Principal,
  ServiceDefinition,
} from '../../types.ts'
import { checkExecutionRole, createDefaultRole, defaultRoleOf } from './identity.ts'
import { FunctionPolicies, type PermissionInput } from './policy.ts'
import { LAMBDA_ROUTES, SHAPES } from './shapes.ts'
import { unzipPackage } from './zip.ts'

export interface LambdaServiceOptions {
  engine: Lambda
  accountId: string
  region: string
  iam: Iam
  gateway: Gateway
}

/** A trigger's question: may `service` (for `sourceArn` in `sourceAccount`) invoke the function? */
export interface InvokeQuestion {
  /** The calling service's principal, e.g. `s3.amazonaws.com`. */
  service: string
  sourceArn?: string
  sourceAccount?: string
  functionArn: string
}

export interface LambdaServiceModule extends ServiceModule {
  definition: ServiceDefinition
  engine: Lambda
  /**
   * Ask IAM (through the gateway, the function's policy included) whether a service may invoke a
   * function, as Lambda does before a trigger's invoke. `allowed: false` carries the AccessDenied
   * error AWS reports and the explanation.
   */
  mayInvoke(q: InvokeQuestion): { allowed: boolean; error?: AwsError; explanation: unknown }
  snapshot(): unknown
  restore(json: unknown): void
}

/** The members the operations read (each operation's shape says which it takes). */
interface Input {
  FunctionName: string
  Qualifier?: string
  Role?: string
  Runtime?: string
  Handler?: string
  Code?: { ZipFile?: Uint8Array; Files?: Record<string, string> }
  ZipFile?: Uint8Array
  Files?: Record<string, string>
  RevisionId?: string
  Payload?: Uint8Array
  InvocationType?: 'Event' | 'RequestResponse' | 'DryRun'
  LogType?: 'None' | 'Tail'
  ClientContext?: string
  StatementId?: string
  [member: string]: unknown
}

/** The engine's errors become the account's (same names, messages and statuses). */
function lambdaError(e: unknown): unknown {
  if (e instanceof LambdaServiceException) return new AwsError(e.name, e.message, e.statusCode)
  return e
}

async function engineCall<T>(f: () => T | Promise<T>): Promise<T> {
  try {
    return await f()
  } catch (e) {
    throw lambdaError(e)
  }
}

function syncCall<T>(f: () => T): T {
  try {
    return f()
  } catch (e) {
    throw lambdaError(e)
  }
}

const decoder = new TextDecoder()
const encoder = new TextEncoder()

export function createLambdaService(options: LambdaServiceOptions): LambdaServiceModule {
  const { engine, accountId, region, iam, gateway } = options
  const policies = new FunctionPolicies()
  const functionArn = (name: string, qualifier?: string) =>
    `arn:aws:lambda:${region}:${accountId}:function:${name}${qualifier ? `:${qualifier}` : ''}`
  /** The function a FunctionName names (name, ARN or partial ARN, with an optional qualifier). */
  const target = (input: Input) => {
    const parsed = syncCall(() => parseFunctionName(input.FunctionName))
    const qualifier = (input.Qualifier as string | undefined) ?? parsed.qualifier
    return {
      name: parsed.name,
      qualifier,
      arn: functionArn(parsed.name, qualifier),
      key: qualifier ? `${parsed.name}:${qualifier}` : parsed.name,
    }
  }
  const on =
    (action: string) =>
    (input: Input): AuthorizationRequirement[] => [{ action: `lambda:${action}`, resource: target(input).arn }]
  const exists = async (name: string) => {
    try {
      await engine.getFunction({ FunctionName: name })
      return true
    } catch {
      return false
    }
  }
  const codeFiles = (zip: Uint8Array | undefined, files: Record<string, string> | undefined) =>
    zip !== undefined ? unzipPackage(zip) : files

  const op = <I extends Input>(
    d: Omit<OperationDefinition<I, unknown>, 'input'>,
    shape: keyof typeof SHAPES,
  ): OperationDefinition<never, unknown> =>
    ({ ...d, input: SHAPES[shape], latencyMs: () => 5 }) as unknown as OperationDefinition<never, unknown>

  const operations: Record<string, OperationDefinition<never, unknown>> = {
    CreateFunction: op(
      {
        authorize: (input: Input) => [
          { action: 'lambda:CreateFunction', resource: target(input).arn },
          ...(typeof input.Role === 'string' ? [{ action: 'iam:PassRole', resource: input.Role }] : []),
        ],
        async handler(input: Input, ctx: OperationContext) {
          const name = syncCall(() => validateCreateName(input.FunctionName))
          let role = input.Role as string | undefined
          if (role === undefined) {
            // The console's default role, created only for a function that can be created.
            syncCall(() => {
              if (input.Runtime !== undefined) validateRuntime(input.Runtime)
              if (input.Handler !== undefined) validateHandler(input.Handler)
            })
            if (await exists(name))
              throw new AwsError('ResourceConflictException', `Function already exist: ${name}`, 409)
            role = defaultRoleOf(iam, name) ?? (await createDefaultRole(name, ctx))
          } else checkExecutionRole(iam, role)
          const files = codeFiles(input.Code?.ZipFile, input.Code?.Files)
          const req = { ...input, Role: role, Code: { Files: files } } as CreateFunctionRequest
          return engineCall(() => engine.createFunction(req))
        },
      },
      'CreateFunction',
    ),
    GetFunction: op(
      {
        authorize: on('GetFunction'),
        async handler(input: Input) {
          const out = await engineCall(() =>
            engine.getFunction({ FunctionName: input.FunctionName, Qualifier: input.Qualifier }),
          )
          const name = out.Configuration.FunctionName
          return {
            ...out,
            Code: {
              ...out.Code,
              Location: `https://awslambda-${region}-tasks.s3.${region}.amazonaws.com/snapshots/${accountId}/${name}-${out.Configuration.RevisionId}`,
            },
          }
        },
      },
      'GetFunction',
    ),
    GetFunctionConfiguration: op(
      {
        authorize: on('GetFunctionConfiguration'),
        handler: (input: Input) =>
          engineCall(() =>
            engine.getFunctionConfiguration({ FunctionName: input.FunctionName, Qualifier: input.Qualifier }),
          ),
      },
      'GetFunctionConfiguration',
    ),
    ListFunctions: op(
      {
        authorize: () => [{ action: 'lambda:ListFunctions', resource: '*' }],
        handler: () => engineCall(() => engine.listFunctions()),
      },
      'ListFunctions',
    ),
    UpdateFunctionCode: op(
      {
        authorize: on('UpdateFunctionCode'),
        async handler(input: Input) {
          const files = codeFiles(input.ZipFile, input.Files)
          return engineCall(() =>
            engine.updateFunctionCode({ FunctionName: input.FunctionName, Files: files as Record<string, string> }),
          )
        },
      },
      'UpdateFunctionCode',
    ),
    UpdateFunctionConfiguration: op(
      {
        authorize: (input: Input) => [
          { action: 'lambda:UpdateFunctionConfiguration', resource: target(input).arn },
          ...(typeof input.Role === 'string' ? [{ action: 'iam:PassRole', resource: input.Role }] : []),
        ],
        async handler(input: Input) {
          const current = await engineCall(() => engine.getFunctionConfiguration({ FunctionName: input.FunctionName }))
          if (input.RevisionId !== undefined && input.RevisionId !== current.RevisionId)
            throw new AwsError(
              'PreconditionFailedException',
              'The Revision Id provided does not match the latest Revision Id. Call the GetFunction/GetAlias API to retrieve the latest Revision Id',
              412,
            )
          if (input.Role !== undefined) checkExecutionRole(iam, input.Role)
          const { RevisionId: _r, ...rest } = input
          void _r
          return engineCall(() => engine.updateFunctionConfiguration(rest as never))
        },
      },
      'UpdateFunctionConfiguration',
    ),
    DeleteFunction: op(
      {
        authorize: on('DeleteFunction'),
        async handler(input: Input) {
          const t = target(input)
          await engineCall(() =>
            engine.deleteFunction({ FunctionName: input.FunctionName, Qualifier: input.Qualifier }),
          )
          policies.forget(t.name)
          return { StatusCode: 204 }
        },
      },
      'DeleteFunction',
    ),
    Invoke: op(
      {
        authorize: on('InvokeFunction'),
        async handler(input: Input) {
          const payload = input.Payload instanceof Uint8Array ? decoder.decode(input.Payload) : undefined
          const out = await engineCall(() =>
            engine.invoke({
              FunctionName: input.FunctionName,
              Qualifier: input.Qualifier,
              InvocationType: input.InvocationType,
              LogType: input.LogType,
              ClientContext: input.ClientContext,
              Payload: payload,
            }),
          )
          return {
            StatusCode: out.StatusCode,
            ...(out.FunctionError ? { FunctionError: out.FunctionError } : {}),
            ...(out.LogResult !== undefined ? { LogResult: out.LogResult } : {}),
            ...(out.StatusCode === 200 ? { ExecutedVersion: out.ExecutedVersion ?? '$LATEST' } : {}),
            Payload: encoder.encode(out.Payload ?? ''),
          }
        },
      },
      'Invoke',
    ),
    AddPermission: op(
      {
        authorize: on('AddPermission'),
        async handler(input: Input) {
          const t = target(input)
          await engineCall(() => engine.getFunction({ FunctionName: t.name, Qualifier: t.qualifier }))
          const statement = policies.add(t.key, t.arn, input as unknown as PermissionInput)
          return { Statement: JSON.stringify(statement) }
        },
      },
      'AddPermission',
    ),
    GetPolicy: op(
      {
        authorize: on('GetPolicy'),
        async handler(input: Input) {
          const t = target(input)
          await engineCall(() => engine.getFunction({ FunctionName: t.name, Qualifier: t.qualifier }))
          return policies.get(t.key)
        },
      },
      'GetPolicy',
    ),
    RemovePermission: op(
      {
        authorize: on('RemovePermission'),
        async handler(input: Input) {
          const t = target(input)
          await engineCall(() => engine.getFunction({ FunctionName: t.name, Qualifier: t.qualifier }))
          policies.remove(t.key, input.StatementId as string, input.RevisionId)
          return {}
        },
      },
      'RemovePermission',
    ),
  }

  const definition: ServiceDefinition = {
    id: 'lambda',
    signingName: 'lambda',
    actionPrefix: 'lambda',
    protocol: 'restJson1',
    apiVersion: '2015-03-31',
    operations,
    restRoutes: LAMBDA_ROUTES,
    resourcePolicy(arn: string) {
      const m = /^arn:aws[a-zA-Z-]*:lambda:[a-z0-9-]+:(\d{12}):function:([a-zA-Z0-9_.-]+)(?::([a-zA-Z0-9$_-]+))?$/.exec(
        arn,
      )
      if (!m || m[1] !== accountId) return undefined
      return policies.text(m[3] ? `${m[2]}:${m[3]}` : m[2])
    },
  }

  return {
    definition,
    engine,
    mayInvoke(q: InvokeQuestion) {
      const principal: Principal = {
        kind: 'service',
        service: q.service,
        ...(q.sourceArn !== undefined ? { sourceArn: q.sourceArn } : {}),
        ...(q.sourceAccount !== undefined ? { sourceAccount: q.sourceAccount } : {}),
      }
      const { record, denial } = gateway.authorize('lambda', principal, {
        action: 'lambda:InvokeFunction',
        resource: q.functionArn,
      })
      return { allowed: record.allowed, ...(denial ? { error: denial } : {}), explanation: record.explanation }
    },
    snapshot: () => ({ policies: policies.snapshot() }),
    restore(json: unknown) {
      if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new Error('expected an object')
      policies.restore((json as { policies?: unknown }).policies ?? {})
    },
  }
}

export type { FunctionConfiguration }
