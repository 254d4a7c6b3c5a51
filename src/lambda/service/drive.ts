// Runs a phase (Init or an invocation) to completion: the first crossing, then whatever the
// sandbox is waiting for on the virtual clock, until the runtime reports a result, the deadline
// passes, the invoke's real-time budget is spent or the sandbox faults.
//
// The loop has ONE place that decides what happens next (next()): the sandbox's next due timer
// against the function's deadline. A later source of work (host I/O completing at a virtual
// time, e.g. an AWS SDK call) joins there: next() takes the earliest of them.
import type { Sandbox } from '../sandbox/sandbox.ts'
import { SandboxFault, type StepResult } from '../sandbox/types.ts'
import type { HoldBudget } from './budget.ts'
import { outcomeOfFault, settle, type Outcome } from './outcome.ts'
import type { Environment, ServiceCore, Tail } from './state.ts'

/** What the phase does next. */
type Next =
  | { kind: 'run'; at: number } // fire what is due at `at` (waiting for the clock first if needed)
  | { kind: 'deadline' } // nothing can run before the deadline: the phase times out there

/** The one place that picks the next thing due. */
function next(st: StepResult, deadline: number): Next {
  const due = st.t
  if (due < 0 || due > deadline) return { kind: 'deadline' }
  return { kind: 'run', at: due }
}

export class PhaseDriver {
  constructor(
    private readonly core: ServiceCore,
    private readonly onFault: (err: unknown, sb: Sandbox | undefined) => void,
  ) {}

  /** The outcome of a crossing that threw: a SandboxFault is reported, anything else rethrown. */
  faultOutcome(err: unknown, sb: Sandbox | undefined): Outcome {
    if (err instanceof SandboxFault) {
      this.onFault(err, sb)
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
    budget: HoldBudget,
    begin: () => StepResult | undefined | void,
  ): Outcome | Promise<Outcome> {
    const { writer } = this.core
    budget.resume()
    let waiting = false
    try {
      sb.setDeadline(deadline, budget.end())
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
      waiting = true
      return this.driveTimers(env, sb, deadline, tail, budget, st)
    } catch (err) {
      return this.faultOutcome(err, sb)
    } finally {
      if (!waiting) budget.pause()
    }
  }

  private async driveTimers(
    env: Environment,
    sb: Sandbox,
    deadline: number,
    tail: Tail | undefined,
    budget: HoldBudget,
    first: StepResult,
  ): Promise<Outcome> {
    const { clock, writer } = this.core
    let st = first
    try {
      while (st.s === 0) {
        // However many timers are due at once (setImmediate loops, busy intervals), the invoke
        // never holds the thread past its budget: it is then a timeout, as a busy loop is.
        if (budget.spent()) return { kind: 'timeout' }
        const n = next(st, deadline)
        if (n.kind === 'deadline') {
          // The process just waits until it times out.
          budget.pause()
          const w = clock.waitUntil(deadline)
          if (w) await w
          return { kind: 'timeout' }
        }
        if (n.at > sb.vclock && !clock.advanceIfIdle(n.at)) {
          budget.pause()
          const w = clock.waitUntil(n.at)
          if (w) await w
          budget.resume()
          // The sandbox was lost meanwhile (its module faulted under another environment).
          if (!sb.alive) return { kind: 'killed' }
        }
        const at = Math.max(sb.vclock, n.at)
        sb.setDeadline(deadline, budget.end())
        sb.fire(at)
        sb.runJobs()
        st = sb.step()
        if (st.l) writer.write(env, st.l, at, tail)
      }
      return settle(st, sb.vclock, deadline)
    } catch (err) {
      return this.faultOutcome(err, sb)
    } finally {
      budget.pause()
    }
  }
}
