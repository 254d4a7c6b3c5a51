// Runs a phase (Init or an invocation) to completion: the first crossing, then timers on the
// virtual clock, until the runtime reports a result, the deadline passes or the sandbox faults.
import type { Sandbox } from '../sandbox/sandbox.ts'
import { SandboxFault, type StepResult } from '../sandbox/types.ts'
import { outcomeOfFault, settle, type Outcome } from './outcome.ts'
import type { Environment, ServiceCore, Tail } from './state.ts'

export class PhaseDriver {
  constructor(
    private readonly core: ServiceCore,
    private readonly onFault: (err: unknown) => void,
  ) {}

  /** The outcome of a crossing that threw: a SandboxFault is reported, anything else rethrown. */
  faultOutcome(err: unknown): Outcome {
    if (err instanceof SandboxFault) {
      this.onFault(err)
      return outcomeOfFault(err)
    }
    throw err
  }

  /** Run a phase: `begin` makes the first crossing. Synchronous when nothing waits on a timer. */
  drive(
    env: Environment,
    sb: Sandbox,
    deadline: number,
    tail: Tail | undefined,
    begin: () => StepResult | undefined | void,
  ): Outcome | Promise<Outcome> {
    const { writer, settings } = this.core
    try {
      sb.setDeadline(deadline, settings.wallCap)
      sb.onLogs = (lines, t) => writer.write(env, lines, t, tail)
      const at0 = sb.vclock
      let st = begin()
      if (!st) {
        sb.runJobs()
        st = sb.step()
      }
      if (st.l) writer.write(env, st.l, at0, tail)
      // Fast path: finished without waiting for anything.
      if (st.s !== 0) return settle(st, sb.vclock, deadline)
      return this.driveTimers(env, sb, deadline, tail, st)
    } catch (err) {
      return this.faultOutcome(err)
    }
  }

  private async driveTimers(
    env: Environment,
    sb: Sandbox,
    deadline: number,
    tail: Tail | undefined,
    first: StepResult,
  ): Promise<Outcome> {
    const { clock, writer, settings } = this.core
    let st = first
    try {
      while (st.s === 0) {
        const due = st.t
        if (due < 0 || due > deadline) {
          // Nothing can run before the deadline: the process just waits until it times out.
          const w = clock.waitUntil(deadline)
          if (w) await w
          return { kind: 'timeout' }
        }
        if (due > sb.vclock) {
          const w = clock.waitUntil(due)
          if (w) await w
          if (!sb.alive)
            return { kind: 'crash', error: { errorType: 'Runtime.ExitError', errorMessage: 'environment shut down' } }
        }
        const at = Math.max(sb.vclock, due)
        sb.setDeadline(deadline, settings.wallCap)
        sb.fire(at)
        sb.runJobs()
        st = sb.step()
        if (st.l) writer.write(env, st.l, at, tail)
      }
      return settle(st, sb.vclock, deadline)
    } catch (err) {
      return this.faultOutcome(err)
    }
  }
}
