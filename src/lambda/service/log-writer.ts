// Writes an environment's lines: into its CloudWatch stream, the invoke's tail, and Log events.
import type { EventBus } from './event-bus.ts'
import { truncateEvent, type LogStore } from './logs.ts'
import type { OutputLogEvent } from '../types.ts'
import type { Environment, Tail } from './state.ts'

export class LogWriter {
  constructor(
    private readonly logs: LogStore,
    private readonly events: EventBus,
  ) {}

  /** Lines the function (or its runtime) wrote; `platform` for lines Lambda itself writes. */
  write(env: Environment, lines: string[], at: number, tail: Tail | undefined, platform = false): void {
    const ts = Math.floor(at)
    const listening = this.events.listening
    for (let i = 0; i < lines.length; i++) {
      const message = truncateEvent(lines[i])
      if (env.cloudWatch) this.logs.append(env.logGroupName, env.logStreamName, ts, message, platform)
      tail?.add(message, platform)
      if (listening) {
        const event: OutputLogEvent = { timestamp: ts, message, ingestionTime: ts + 1 }
        if (platform) event.platform = true
        this.events.emit({
          type: 'Log',
          functionName: env.fn.config.FunctionName,
          environmentId: env.id,
          time: ts,
          logGroupName: env.logGroupName,
          logStreamName: env.logStreamName,
          event,
        })
      }
    }
  }

  /** A line Lambda itself writes (START, END, REPORT, …): skipped when SystemLogLevel hides them. */
  platform(env: Environment, line: string | undefined, at: number, tail: Tail | undefined): void {
    if (line === undefined || !env.platformOn) return
    // Platform lines are built by concatenation (a tree of V8 cons strings) and are kept in the
    // log store for a long time: reading a character makes V8 flatten the string now, so the
    // store retains one flat string instead of a dozen pieces (about a third less GC per invoke).
    line.charCodeAt(0)
    if (this.events.listening) {
      this.write(env, [line], at, tail, true)
      return
    }
    const message = truncateEvent(line)
    if (env.cloudWatch) this.logs.append(env.logGroupName, env.logStreamName, Math.floor(at), message, true)
    tail?.add(message, true)
  }
}
