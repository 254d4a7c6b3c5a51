// What an environment's sandbox is given: the function's files and handler, and the process
// environment Lambda sets (reserved variables first, then the function's own).
import { fetchFailedFrames, handlerReceiver, invokeFrames, nodeRuntime } from '../runtime/node-runtime.ts'
import type { RuntimeProfile, SandboxConfig } from '../sandbox/types.ts'
import { sdkPackagesNamedIn } from '../sdk/packages.ts'
import type { Environment, EnvironmentCredentials, FunctionState } from './state.ts'

/** The example values a function sees when no account issues its role's credentials (a bare engine). */
export const EXAMPLE_CREDENTIALS: Required<EnvironmentCredentials> = {
  AccessKeyId: 'ASIAEXAMPLEACCESSKEY',
  SecretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  SessionToken: 'IQoJb3JpZ2luX2VjEXAMPLESESSIONTOKEN',
}

export function sandboxConfig(
  fn: FunctionState,
  env: Environment,
  at: number,
  region: string,
  credentials: EnvironmentCredentials = EXAMPLE_CREDENTIALS,
): SandboxConfig {
  const c = fn.config
  const vars: Record<string, string> = {
    AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
    AWS_SESSION_TOKEN: credentials.SessionToken ?? '',
    AWS_LAMBDA_LOG_GROUP_NAME: env.logGroupName,
    LAMBDA_TASK_ROOT: '/var/task',
    LD_LIBRARY_PATH: '/var/lang/lib:/lib64:/usr/lib64:/var/runtime:/var/runtime/lib:/var/task:/var/task/lib:/opt/lib',
    AWS_LAMBDA_RUNTIME_API: '127.0.0.1:9001',
    AWS_LAMBDA_LOG_STREAM_NAME: env.logStreamName,
    AWS_EXECUTION_ENV: `AWS_Lambda_${c.Runtime}`,
    AWS_XRAY_DAEMON_ADDRESS: '169.254.79.129:2000',
    AWS_LAMBDA_FUNCTION_NAME: c.FunctionName,
    PATH: '/var/lang/bin:/usr/local/bin:/usr/bin/:/bin:/opt/bin',
    AWS_DEFAULT_REGION: region,
    PWD: '/var/task',
    AWS_SECRET_ACCESS_KEY: credentials.SecretAccessKey,
    LANG: 'en_US.UTF-8',
    LAMBDA_RUNTIME_DIR: '/var/runtime',
    AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
    TZ: ':UTC',
    AWS_REGION: region,
    NODE_PATH: `/opt/nodejs/node${runtimeProfile(c.Runtime, '').major}/node_modules:/opt/nodejs/node_modules:/var/runtime/node_modules:/var/runtime:/var/task`,
    AWS_ACCESS_KEY_ID: credentials.AccessKeyId,
    SHLVL: '0',
    _AWS_XRAY_DAEMON_ADDRESS: '169.254.79.129',
    _AWS_XRAY_DAEMON_PORT: '2000',
    AWS_XRAY_CONTEXT_MISSING: 'LOG_ERROR',
    _HANDLER: c.Handler,
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(c.MemorySize),
    NODE_EXTRA_CA_CERTS: '/var/runtime/ca-cert.pem',
    ...(c.LoggingConfig.LogFormat === 'JSON'
      ? { AWS_LAMBDA_LOG_FORMAT: 'JSON', AWS_LAMBDA_LOG_LEVEL: c.LoggingConfig.ApplicationLogLevel ?? 'INFO' }
      : {}),
    ...(c.Environment?.Variables ?? {}),
  }
  return {
    files: fn.files,
    provided: sdkPackagesNamedIn(fn.files),
    handler: c.Handler,
    env: vars,
    logFormat: c.LoggingConfig.LogFormat,
    functionName: c.FunctionName,
    version: '$LATEST',
    memory: String(c.MemorySize),
    logGroupName: env.logGroupName,
    logStreamName: env.logStreamName,
    tmpSize: c.EphemeralStorage.Size * 1024 * 1024,
    perfOrigin: at,
    runtime: runtimeProfile(c.Runtime, vars.NODE_OPTIONS ?? ''),
  }
}

/** Flags in NODE_OPTIONS, as Node reads them (space-separated). */
function hasFlag(nodeOptions: string, flag: string): boolean {
  return nodeOptions.split(/\s+/).includes(flag)
}

/**
 * The runtime's facts for the in-sandbox client. Lambda disables require(esm) on nodejs20.x and
 * nodejs22.x (`--no-experimental-require-module`) and module syntax detection on nodejs22.x
 * (`--no-experimental-detect-module`); `NODE_OPTIONS=--experimental-require-module` /
 * `--experimental-detect-module` re-enable them (AWS Lambda developer guide, "Building Lambda
 * functions with Node.js"). Node 24 has both on.
 */
export function runtimeProfile(runtime: string, nodeOptions: string): RuntimeProfile {
  const r = nodeRuntime(runtime)
  const major = Number(r.nodeVersion.split('.')[0])
  const frames = invokeFrames(r.client)
  const receiver = handlerReceiver(r.client)
  const on = (flag: string, byDefault: boolean) =>
    hasFlag(nodeOptions, `--no-${flag}`) ? false : byDefault || hasFlag(nodeOptions, `--${flag}`)
  return {
    id: runtime,
    node: r.nodeVersion,
    major,
    v8: r.v8Version,
    modules: r.modules,
    lts: r.lts,
    client: r.client,
    syncFrames: frames.sync,
    asyncFrames: frames.async,
    receiver: receiver.type,
    receiverAs: receiver.as,
    rejectionFrames: r.rejectionFrames,
    fetchFrames: fetchFailedFrames(major),
    requireModule: on('experimental-require-module', major >= 24),
    detectModule: on('experimental-detect-module', major >= 24),
  }
}
