// The service's records: a function, one of its execution environments, an invoke's log tail.
import type { VirtualClock } from '../clock.ts'
import type { PlatformFormatter, RuntimeInfo } from '../runtime/platform.ts'
import type { QuickJSProvider } from '../sandbox/quickjs.ts'
import type { Sandbox } from '../sandbox/sandbox.ts'
import type { FunctionConfiguration, HostNetwork } from '../types.ts'
import type { EventBus } from './event-bus.ts'
import type { IoQueue } from './io.ts'
import type { LogWriter } from './log-writer.ts'

export interface FunctionState {
  config: FunctionConfiguration
  files: Record<string, string>
  envs: Environment[]
  generation: number
  runtime: RuntimeInfo
}

export interface Environment {
  id: string
  fn: FunctionState
  generation: number
  sandbox: Sandbox | undefined
  logStreamName: string
  logGroupName: string
  busy: boolean
  initialised: boolean
  dead: boolean
  lastUsed: number
  idleTask: ReturnType<VirtualClock['schedule']> | undefined
  invocations: number
  platform: PlatformFormatter
  /** platform lines are written when SystemLogLevel allows INFO */
  platformOn: boolean
  cpuScale: number
  /** Requests its handler sent out, and their answers (host I/O). */
  io: IoQueue
  /** The invocation running in it (undefined between invokes and during Init). */
  requestId: string | undefined
  /** Its lines go to CloudWatch Logs (false while the function's role may not write them). */
  cloudWatch: boolean
}

/** Lines collected for one invocation (for LogResult). */
export class Tail {
  lines: string[] = []
  add(line: string): void {
    this.lines.push(line)
  }
}

export interface ServiceSettings {
  /** Real-time cap for one uninterrupted run inside QuickJS, ms. */
  wallCap: number
  /** Idle time after which an environment is shut down, virtual ms. */
  idleMs: number
  /** Blank environments kept ready. */
  prewarmCount: number
  cpuSpeed: number
  warmUp: boolean
}

/**
 * The identity an execution environment runs as: the account's lambda service issues each one
 * credentials for its function's role session (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY,
 * AWS_SESSION_TOKEN), and may withhold CloudWatch Logs from a role that cannot write them.
 */
export interface EnvironmentIdentity {
  credentials(
    config: FunctionConfiguration,
    environmentId: string,
  ): { AccessKeyId: string; SecretAccessKey: string; SessionToken?: string }
  /** The environment is gone: its credentials can be revoked. */
  release?(environmentId: string): void
  /**
   * Why the function's role may not write this stream (logs:CreateLogStream / logs:PutLogEvents),
   * as AWS's access-denied message, or undefined when it may. Asked at each invoke: cache it.
   */
  logsDenied?(config: FunctionConfiguration, logGroupName: string, logStreamName: string): string | undefined
}

/** Counters for tests and diagnostics. */
export interface ServiceStats {
  faults: number
  sandboxesCreated: number
  sandboxesDisposed: number
  abandoned: number
}

/** What the parts of one service share. */
export interface ServiceCore {
  readonly clock: VirtualClock
  readonly region: string
  readonly accountId: string
  readonly provider: QuickJSProvider
  readonly events: EventBus
  readonly writer: LogWriter
  /** Where handlers' requests go (host I/O). */
  readonly network: HostNetwork
  /** Credentials and other identity a new environment gets (the account's lambda service sets it). */
  readonly identity: EnvironmentIdentity | undefined
  readonly settings: ServiceSettings
  readonly stats: ServiceStats
  disposed: boolean
}
