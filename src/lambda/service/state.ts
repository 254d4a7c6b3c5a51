// The service's records: a function, one of its execution environments, an invoke's log tail.
import type { VirtualClock } from '../clock.ts'
import type { PlatformFormatter, RuntimeInfo } from '../runtime/platform.ts'
import type { QuickJSProvider } from '../sandbox/quickjs.ts'
import type { Sandbox } from '../sandbox/sandbox.ts'
import type { FunctionConfiguration } from '../types.ts'
import type { EventBus } from './event-bus.ts'
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
  readonly settings: ServiceSettings
  readonly stats: ServiceStats
  disposed: boolean
}
