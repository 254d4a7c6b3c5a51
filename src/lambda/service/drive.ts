// Runs a phase (Init or an invocation) to completion: the first crossing, then whatever the
// sandbox is waiting for on the virtual clock, until the runtime reports a result, the deadline
// passes, the invoke's real-time budget is spent or the sandbox faults.
//
// The loop has ONE place that decides what happens next (next()): the earliest of the sandbox's
// next due timer and the next host I/O answer due on the virtual clock (io.ts), against the
// function's deadline. Requests the handler sent leave with each step result (accept()); their
// answers go back in with the next step, in one crossing (Sandbox.deliver). Waiting for an
// answer is waiting on the virtual clock: the invoke's real-time budget is paused meanwhile.
import type { Sandbox } from '../sandbox/sandbox.ts'
import { SandboxFault, type StepResult } from '../sandbox/types.ts'
import type { HoldBudget } from './budget.ts'
import type { IoQueue } from './io.ts'
import { outcomeOfFault, settle, type Outcome } from './outcome.ts'
import type { Environment, ServiceCore, Tail } from './state.ts'

/** What the phase does next. */
type Next =
  | { kind: 'run'; at: number } // fire what is due at `at` (waiting for the clock first if needed)
  | { kind: 'io'; at: number } // deliver the I/O answers due at `at`
  | { kind: 'network' } // the network is still working out an answer (an async route): wait for it
  | { kind: 'deadline' } // nothing can run before the deadline: the phase times out there

/**
 * The one place that picks the next thing due: a timer before an I/O answer due at the same
 * time (Node's timers phase comes before its poll phase).
 */
export function next(timerDue: number, io: Pick<IoQueue, 'nextDue' | 'inflight'>, deadline: number): Next {
  const ioDue = io.nextDue()
  let kind: 'run' | 'io' | undefined
  let at = -1
  if (timerDue >= 0) {
    kind = 'run'
    at = timerDue
  }
  if (ioDue >= 0 && (at < 0 || ioDue < at)) {
    kind = 'io'
    at = ioDue
  }
  if (kind !== undefined && at <= deadline) return { kind, at }
  if (io.inflight > 0) return { kind: 'network' }
  return { kind: 'deadline' }
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

  /** Run a phase: `begin` makes the first crossing. Synchronous when nothing waits on a timer or I/O. */
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
      // A process thawing with answers that arrived while it was frozen gets them first.
      if (env.io.size > 0) {
        const answers = env.io.take(at0)
        if (answers !== undefined) sb.deliverOnly(answers, at0)
      }
      let st = begin()
      if (!st) {
        sb.runJobs()
        st = sb.step()
      }
      if (st.l) writer.write(env, st.l, at0, tail)
      if (st.q || st.c) env.io.accept(st, sb.vclock, env.requestId)
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
        const n = next(st.t, env.io, deadline)
        if (n.kind === 'network') {
          // Real time only (the network's own work, e.g. the account answering): the virtual
          // clock is free to run other invokes meanwhile.
          budget.pause()
          await env.io.whenAnswered()
          budget.resume()
          if (!sb.alive) return { kind: 'killed' }
          continue
        }
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
        const answers = n.kind === 'io' ? env.io.take(at) : undefined
        if (answers !== undefined) st = sb.deliver(answers, at)
        else {
          sb.fire(at)
          sb.runJobs()
          st = sb.step()
        }
        if (st.l) writer.write(env, st.l, at, tail)
        if (st.q || st.c) env.io.accept(st, sb.vclock, env.requestId)
      }
      return settle(st, sb.vclock, deadline)
    } catch (err) {
      return this.faultOutcome(err, sb)
    } finally {
      budget.pause()
    }
  }
}
