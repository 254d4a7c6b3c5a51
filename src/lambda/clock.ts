// The one virtual clock every part of the simulated platform shares.
//
// It is a small discrete-event scheduler: tasks are scheduled at virtual times and run in order
// when the clock moves. Invocations that wait for a timer inside the sandbox await
// `waitUntil(t)`; meanwhile other invocations can start (so concurrency and cold starts of extra
// environments show up as on Lambda). By default the clock advances by itself whenever the only
// thing left to do is to wait ("auto" mode); tests may turn that off and drive it with
// `advance(ms)` / `runUntilIdle()`.

export interface ClockTask {
  readonly at: number
  /** Background tasks (idle shutdowns) never keep runUntilIdle() or auto-advance going. */
  readonly background: boolean
  cancelled: boolean
}

interface InternalTask extends ClockTask {
  seq: number
  run: () => void
}

export interface VirtualClockOptions {
  /** Start time in epoch ms (default: Date.now() rounded to the millisecond). */
  start?: number
  /** Advance automatically when only waiting is left (default true). */
  auto?: boolean
}

function yieldMacrotask(): Promise<void> {
  const g = globalThis as { setImmediate?: (fn: () => void) => unknown }
  if (typeof g.setImmediate === 'function') {
    return new Promise((resolve) => {
      g.setImmediate!(resolve)
    })
  }
  return new Promise((resolve) => {
    const ch = new MessageChannel()
    ch.port1.onmessage = () => {
      ch.port1.close()
      resolve()
    }
    ch.port2.postMessage(0)
  })
}

export class VirtualClock {
  private t: number
  private tasks: InternalTask[] = []
  private seq = 0
  private pumping = false
  private pumpScheduled = false
  auto: boolean

  constructor(options: VirtualClockOptions = {}) {
    this.t = options.start ?? Math.floor(Date.now())
    this.auto = options.auto ?? true
  }

  /** Current virtual time, epoch milliseconds (may carry a fraction). */
  now(): number {
    return this.t
  }

  /** Schedule `run` at virtual time `at` (clamped to now). */
  schedule(at: number, run: () => void, background = false): ClockTask {
    const task: InternalTask = { at: Math.max(at, this.t), background, cancelled: false, seq: this.seq++, run }
    // Keep sorted by (at, seq); the list is short.
    let i = this.tasks.length
    while (
      i > 0 &&
      (this.tasks[i - 1].at > task.at || (this.tasks[i - 1].at === task.at && this.tasks[i - 1].seq > task.seq))
    )
      i--
    this.tasks.splice(i, 0, task)
    if (!background) this.schedulePump()
    return task
  }

  cancel(task: ClockTask | undefined): void {
    if (!task) return
    task.cancelled = true
    const i = this.tasks.indexOf(task as InternalTask)
    if (i >= 0) this.tasks.splice(i, 1)
  }

  /** Resolves once the clock has reached `at` (at once if it already has). */
  waitUntil(at: number): Promise<void> | undefined {
    if (at <= this.t) return undefined
    return new Promise((resolve) => {
      this.schedule(at, resolve)
    })
  }

  /**
   * Move the clock to `at` at once when, in auto mode, nothing else is due until then (an invoke
   * waiting on its own timer while nothing else is scheduled need not yield). False when the
   * caller must wait (waitUntil()).
   */
  advanceIfIdle(at: number): boolean {
    if (at <= this.t) return true
    if (!this.auto || (this.tasks.length > 0 && this.tasks[0].at <= at)) return false
    this.t = at
    return true
  }

  /**
   * Move the clock forward to `at` without going through the queue, as CPU time spent by a
   * running invocation does. Tasks due before `at` run (in order) on the next pump.
   */
  bump(at: number): void {
    if (at <= this.t) return
    if (this.tasks.some((task) => task.at < at)) {
      this.schedule(at, () => {})
      return
    }
    this.t = at
  }

  /** Advance by `ms`, running every task (background ones included) due on the way. */
  async advance(ms: number): Promise<void> {
    if (!(ms >= 0)) throw new RangeError('advance(ms) needs a non-negative number')
    const target = this.t + ms
    await this.runWhile((task) => task.at <= target)
    if (this.t < target) this.t = target
    // Let work resumed by the last tasks settle.
    await yieldMacrotask()
  }

  private readonly inFlight = new Set<Promise<unknown>>()

  /**
   * Foreground work that runs off the clock for a while (an asynchronous invocation waiting for its
   * sandbox to be built): runUntilIdle() waits for it.
   */
  track(work: Promise<unknown>): void {
    const p: Promise<void> = work.then(
      () => void this.inFlight.delete(p),
      () => void this.inFlight.delete(p),
    )
    this.inFlight.add(p)
  }

  /** Run until no foreground work (pending invocations, their timers) is left. */
  async runUntilIdle(): Promise<void> {
    for (let guard = 0; guard < 1_000_000; guard++) {
      await yieldMacrotask()
      if (this.inFlight.size > 0 && !this.tasks.some((task) => !task.background)) {
        await Promise.race(this.inFlight)
        continue
      }
      const next = this.tasks.find((task) => !task.background)
      if (!next) return
      await this.runWhile((task) => task.at <= next.at)
    }
  }

  /** True when foreground tasks are waiting. */
  get busy(): boolean {
    return this.tasks.some((task) => !task.background)
  }

  private async runWhile(pred: (task: InternalTask) => boolean): Promise<void> {
    while (this.tasks.length > 0 && pred(this.tasks[0])) {
      const task = this.tasks.shift()!
      if (task.at > this.t) this.t = task.at
      task.run()
      await yieldMacrotask()
    }
  }

  private schedulePump(): void {
    if (!this.auto || this.pumpScheduled) return
    this.pumpScheduled = true
    void yieldMacrotask().then(() => this.pump())
  }

  /** Auto mode: when the host is otherwise idle, jump to the next foreground task. */
  private async pump(): Promise<void> {
    this.pumpScheduled = false
    if (this.pumping || !this.auto) return
    this.pumping = true
    try {
      for (;;) {
        const next = this.tasks.find((task) => !task.background)
        if (!next) return
        await this.runWhile((task) => task.at <= next.at)
      }
    } finally {
      this.pumping = false
    }
  }
}
