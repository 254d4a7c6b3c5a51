// Request validation with AWS's exception names and messages.
import { constraint, invalidParameter } from '../errors.ts'
import { NODE_RUNTIMES } from '../runtime/node-runtime.ts'
import type { LoggingConfig } from '../types.ts'

export const SUPPORTED_RUNTIMES = ['nodejs18.x', 'nodejs20.x', 'nodejs22.x', 'nodejs24.x'] as const
const DEPRECATED_NODE = [
  'nodejs',
  'nodejs4.3',
  'nodejs4.3-edge',
  'nodejs6.10',
  'nodejs8.10',
  'nodejs10.x',
  'nodejs12.x',
  'nodejs14.x',
  'nodejs16.x',
]
const RUNTIME_ENUM = [
  'nodejs',
  'nodejs4.3',
  'nodejs6.10',
  'nodejs8.10',
  'nodejs10.x',
  'nodejs12.x',
  'nodejs14.x',
  'nodejs16.x',
  'java8',
  'java8.al2',
  'java11',
  'python2.7',
  'python3.6',
  'python3.7',
  'python3.8',
  'python3.9',
  'dotnetcore1.0',
  'dotnetcore2.0',
  'dotnetcore2.1',
  'dotnetcore3.1',
  'dotnet6',
  'dotnet8',
  'nodejs4.3-edge',
  'go1.x',
  'ruby2.5',
  'ruby2.7',
  'provided',
  'provided.al2',
  'nodejs18.x',
  'python3.10',
  'java17',
  'ruby3.2',
  'ruby3.3',
  'ruby3.4',
  'python3.11',
  'nodejs20.x',
  'provided.al2023',
  'python3.12',
  'java21',
  'python3.13',
  'nodejs22.x',
  'python3.14',
  'java25',
  'nodejs24.x',
]

export const FUNCTION_NAME_PATTERN =
  '(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?'
const NAME_RE = new RegExp(`^${FUNCTION_NAME_PATTERN}$`)
const SIMPLE_NAME_RE = /^[a-zA-Z0-9-_]{1,64}$/

export const RESERVED_ENV = [
  '_HANDLER',
  '_X_AMZN_TRACE_ID',
  'AWS_DEFAULT_REGION',
  'AWS_REGION',
  'AWS_EXECUTION_ENV',
  'AWS_LAMBDA_FUNCTION_NAME',
  'AWS_LAMBDA_FUNCTION_MEMORY_SIZE',
  'AWS_LAMBDA_FUNCTION_VERSION',
  'AWS_LAMBDA_INITIALIZATION_TYPE',
  'AWS_LAMBDA_LOG_GROUP_NAME',
  'AWS_LAMBDA_LOG_STREAM_NAME',
  'AWS_ACCESS_KEY',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_LAMBDA_RUNTIME_API',
  'LAMBDA_TASK_ROOT',
  'LAMBDA_RUNTIME_DIR',
]

/** Extracts the bare function name from a name, partial ARN or ARN ("my-fn", "123456789012:function:my-fn", …). */
export function parseFunctionName(input: unknown, field = 'functionName'): { name: string; qualifier?: string } {
  if (typeof input !== 'string' || input.length < 1 || input.length > 170 || !NAME_RE.test(input)) {
    throw constraint([
      { value: input, field, constraint: `Member must satisfy regular expression pattern: ${FUNCTION_NAME_PATTERN}` },
    ])
  }
  const m = NAME_RE.exec(input)!
  return { name: m[7], qualifier: m[9] }
}

export function validateCreateName(name: unknown): string {
  if (typeof name === 'string' && name.length > 64 && !name.includes(':')) {
    throw constraint([
      { value: name, field: 'functionName', constraint: 'Member must have length less than or equal to 64' },
    ])
  }
  const { name: n } = parseFunctionName(name)
  if (!SIMPLE_NAME_RE.test(n))
    throw constraint([
      { value: name, field: 'functionName', constraint: 'Member must have length less than or equal to 64' },
    ])
  return n
}

export function validateNumbers(req: {
  MemorySize?: unknown
  Timeout?: unknown
  EphemeralStorage?: { Size?: unknown }
}): void {
  const errors: { value: unknown; field: string; constraint: string }[] = []
  const m = req.MemorySize
  if (m !== undefined) {
    if (typeof m !== 'number' || !Number.isInteger(m))
      throw invalidParameter(`MemorySize must be an integer, got '${String(m)}'.`)
    if (m < 128)
      errors.push({ value: m, field: 'memorySize', constraint: 'Member must have value greater than or equal to 128' })
    if (m > 10240)
      errors.push({ value: m, field: 'memorySize', constraint: 'Member must have value less than or equal to 10240' })
  }
  const t = req.Timeout
  if (t !== undefined) {
    if (typeof t !== 'number' || !Number.isInteger(t))
      throw invalidParameter(`Timeout must be an integer, got '${String(t)}'.`)
    if (t < 1)
      errors.push({ value: t, field: 'timeout', constraint: 'Member must have value greater than or equal to 1' })
  }
  const e = req.EphemeralStorage?.Size
  if (e !== undefined) {
    if (typeof e !== 'number' || e < 512)
      errors.push({
        value: e,
        field: 'ephemeralStorage.size',
        constraint: 'Member must have value greater than or equal to 512',
      })
    else if (e > 10240)
      errors.push({
        value: e,
        field: 'ephemeralStorage.size',
        constraint: 'Member must have value less than or equal to 10240',
      })
  }
  if (errors.length) throw constraint(errors)
  if (typeof t === 'number' && t > 900) {
    throw invalidParameter(
      `1 validation error detected: Value '${t}' at 'timeout' failed to satisfy constraint: Member must have value less than or equal to 900`,
    )
  }
}

export function validateRuntime(runtime: unknown): void {
  if (typeof runtime !== 'string' || !RUNTIME_ENUM.includes(runtime)) {
    throw constraint([
      {
        value: runtime,
        field: 'runtime',
        constraint: `Member must satisfy enum value set: [${RUNTIME_ENUM.join(', ')}]`,
      },
    ])
  }
  if (DEPRECATED_NODE.includes(runtime)) {
    throw invalidParameter(noLongerSupported(runtime))
  }
  if (!(SUPPORTED_RUNTIMES as readonly string[]).includes(runtime)) {
    throw invalidParameter(
      `The runtime ${runtime} is valid on AWS Lambda, but this simulator only runs ${SUPPORTED_RUNTIMES.join(', ')}.`,
    )
  }
}

// AWS's words (as CloudFormation and the CLI relay them since 2024; before, "…use the new runtime (x)…").
function noLongerSupported(runtime: string): string {
  return `The runtime parameter of ${runtime} is no longer supported for creating or updating AWS Lambda functions. We recommend you use a supported runtime while creating or updating functions.`
}

/**
 * Lambda's deprecation schedule ("Lambda runtimes" in the developer guide): from the "block function
 * create" date a runtime can no longer be given to CreateFunction, from "block function update" no
 * function using it can be updated (code or configuration). `today` is the engine's clock (YYYY-MM-DD).
 */
export function validateRuntimeSchedule(runtime: string, today: string, op: 'create' | 'update'): void {
  const r = NODE_RUNTIMES[runtime]
  if (r === undefined) return
  const from = op === 'create' ? r.deprecation.blockCreate : r.deprecation.blockUpdate
  if (from <= today) throw invalidParameter(noLongerSupported(runtime))
}

export function validateHandler(handler: unknown): void {
  if (typeof handler !== 'string' || handler.length > 128 || !/^[^\s]+$/.test(handler)) {
    throw constraint([
      { value: handler, field: 'handler', constraint: 'Member must satisfy regular expression pattern: [^\\s]+' },
    ])
  }
}

export function validateEnvironment(vars: Record<string, string> | undefined): void {
  if (!vars) return
  const reserved = Object.keys(vars).filter((k) => RESERVED_ENV.includes(k))
  if (reserved.length) {
    throw invalidParameter(
      `Lambda was unable to configure your environment variables because the environment variables you have provided contains reserved keys that are currently not supported for modification. Reserved keys used in this request: ${reserved.join(', ')}`,
    )
  }
  for (const [k, v] of Object.entries(vars)) {
    if (!/^[a-zA-Z]([a-zA-Z0-9_])+$/.test(k)) {
      throw constraint([
        {
          value: `[${k}]`,
          field: 'environment.variables',
          constraint: 'Member must satisfy regular expression pattern: [a-zA-Z]([a-zA-Z0-9_])+',
        },
      ])
    }
    if (typeof v !== 'string') throw invalidParameter(`Environment variable ${k} must be a string.`)
  }
  const measured = JSON.stringify(vars)
  if (new TextEncoder().encode(measured).length > 4096) {
    throw invalidParameter(
      `Lambda was unable to configure your environment variables because the environment variables you have provided exceeded the 4KB limit. String measured: ${measured}`,
    )
  }
}

export function validateLogging(cfg: LoggingConfig | undefined): void {
  if (!cfg) return
  if (cfg.LogFormat !== undefined && cfg.LogFormat !== 'Text' && cfg.LogFormat !== 'JSON') {
    throw constraint([
      {
        value: cfg.LogFormat,
        field: 'loggingConfig.logFormat',
        constraint: 'Member must satisfy enum value set: [JSON, Text]',
      },
    ])
  }
  const app = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'FATAL']
  if (cfg.ApplicationLogLevel !== undefined && !app.includes(cfg.ApplicationLogLevel)) {
    throw constraint([
      {
        value: cfg.ApplicationLogLevel,
        field: 'loggingConfig.applicationLogLevel',
        constraint: `Member must satisfy enum value set: [${app.join(', ')}]`,
      },
    ])
  }
  if (cfg.SystemLogLevel !== undefined && !['DEBUG', 'INFO', 'WARN'].includes(cfg.SystemLogLevel)) {
    throw constraint([
      {
        value: cfg.SystemLogLevel,
        field: 'loggingConfig.systemLogLevel',
        constraint: 'Member must satisfy enum value set: [DEBUG, INFO, WARN]',
      },
    ])
  }
  if ((cfg.ApplicationLogLevel || cfg.SystemLogLevel) && cfg.LogFormat !== 'JSON') {
    throw invalidParameter(
      'Log level configuration is only supported when LogFormat is set to JSON. Update LogFormat to JSON and try again.',
    )
  }
}
