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
  /** The environment writes to CloudWatch Logs (false when its role may not: Tail and Log events still work). */
  cloudWatch: boolean
  cpuScale: number
  /** Requests its handler sent out, and their answers (host I/O). */
  io: IoQueue
  /** The invocation running in it (undefined between invokes and during Init). */
  requestId: string | undefined
}

/**
 * The end of one invocation's log, for LogResult (the last `bytes` of it): only the lines that
 * can still reach it are kept, so a flood of lines costs no memory here.
 */
export class Tail {
  private lines: string[] = []
  /** Parallel to `lines`: true where Lambda itself wrote the line. */
  private platform: boolean[] = []
  private chars = 0

  constructor(private readonly bytes: number) {}

  add(line: string, platform = false): void {
    // A UTF-8 byte per UTF-16 unit at least: the last `bytes` units of a line hold its last bytes.
    const l = line.length > 2 * this.bytes ? line.slice(line.length - 2 * this.bytes) : line
    this.lines.push(l)
    this.platform.push(platform)
    this.chars += l.length + 1
    while (this.lines.length > 1 && this.chars - (this.lines[0].length + 1) >= this.bytes) {
      this.chars -= this.lines[0].length + 1
      this.lines.shift()
      this.platform.shift()
    }
  }

  /** The kept lines, each followed by a line break. */
  text(): string {
    return this.lines.join('\n') + '\n'
  }

  /**
   * The text lines Lambda itself wrote, counted from the end of text() (1 = the last line; a
   * message with line breaks is several text lines). Counting from the end survives LogResult
   * keeping only the last 4 KB.
   */
  platformLinesFromEnd(): number[] {
    const out: number[] = []
    let fromEnd = 0
    for (let i = this.lines.length - 1; i >= 0; i--) {
      const l = this.lines[i]
      let n = 1
      for (let j = l.indexOf('\n'); j !== -1; j = l.indexOf('\n', j + 1)) n++
      if (this.platform[i]) for (let k = 1; k <= n; k++) out.push(fromEnd + k)
      fromEnd += n
    }
    return out.reverse()
  }
}

export interface ServiceSettings {
  /** Real time one invoke may hold the thread in total (its Init too, unless it loads the AWS SDK), ms. */
  wallCap: number
  /** Real time the Init phases of a function that loads the AWS SDK may hold the thread, ms (others share wallCap). */
  initWallCap: number
  /** Idle time after which an environment is shut down, virtual ms. */
  idleMs: number
  /** Blank environments kept ready. */
  prewarmCount: number
  cpuSpeed: number
  warmUp: boolean
  /** Credentials for an environment's process.env (the execution role's session); example values when absent. */
  credentials?: (fn: FunctionConfiguration) => EnvironmentCredentials | undefined
  /** Whether an environment may write to CloudWatch Logs (its role's logs permissions); true when absent. */
  cloudWatchLogs?: (fn: FunctionConfiguration, logGroupName: string, logStreamName: string) => LogsPermission
}

/** What a host says about a function's logs: allowed, or why not (the `LogsDenied` event carries it). */
export type LogsPermission = true | { denied: string }

/** AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN of an execution environment. */
export interface EnvironmentCredentials {
  AccessKeyId: string
  SecretAccessKey: string
  SessionToken?: string
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
  readonly settings: ServiceSettings
  readonly stats: ServiceStats
  disposed: boolean
}
