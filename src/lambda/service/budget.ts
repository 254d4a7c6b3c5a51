// The real time one invoke may hold the thread (in the browser, the Worker) in total: its Init
// phases and its handler, the QuickJS crossings and the host's work between them, whatever the
// memory size, the timers or the log volume. Time spent waiting on the virtual clock (other
// invokes may run meanwhile) does not count.
export class HoldBudget {
  private held = 0
  private since = -1

  constructor(readonly capMs: number) {}

  /** The invoke has the thread from now on. */
  resume(): void {
    if (this.since < 0) this.since = performance.now()
  }

  /** The invoke waits: the thread is free for others. */
  pause(): void {
    if (this.since >= 0) {
      this.held += performance.now() - this.since
      this.since = -1
    }
  }

  /** performance.now() at which the budget is spent if the invoke keeps the thread until then. */
  end(): number {
    return (this.since >= 0 ? this.since : performance.now()) + this.capMs - this.held
  }

  /** Whether the budget is spent. */
  spent(): boolean {
    return performance.now() >= this.end()
  }

  /** Real ms held so far. */
  get heldMs(): number {
    return this.held + (this.since >= 0 ? performance.now() - this.since : 0)
  }
}
