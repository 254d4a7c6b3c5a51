/**
 * The LMS route's engine, without React: starts the LMS session, puts what the LMS kept into the
 * learner's progress store (the LMS wins; nothing from this browser's storage is mixed in), then
 * watches the store and reports each meaningful change (a check answered, a lab run, another
 * item opened) to the LMS, saving at most once per `saveDelay` and at once on exit or unload.
 * Pure enough for Node tests: the store, the session, the clock and the timers are injected.
 */
import { emptyProgress, type ProgressData } from '../course/index.ts'
import type { Pack, Unit } from './pack.ts'
import { progressOf, snapshotOf } from './restore.ts'
import { evaluate, type Evaluation } from './score.ts'
import type { LaunchMode, LmsKind, LmsReport, LmsSession } from './session.ts'
import { decodeSnapshot, encodeSnapshot } from './suspend.ts'

export interface ProgressStoreLike {
  getState(): ProgressData & { replaceAll(data: ProgressData): void }
  subscribe(listener: () => void): () => void
}

export interface ControllerOptions {
  pack: Pack
  units: readonly Unit[]
  session: LmsSession
  store: ProgressStoreLike
  /** Stops the store writing to this browser's storage (the LMS keeps the progress). */
  detachStorage(): void
  now?: () => number
  /** Milliseconds between a change and the save that carries it (changes in between ride along). */
  saveDelay?: number
  setTimer?: (fn: () => void, ms: number) => unknown
  clearTimer?: (t: unknown) => void
}

export type SaveState = 'saved' | 'pending' | 'saving' | 'failed' | 'off'

export interface ControllerState {
  phase: 'connecting' | 'ready' | 'failed' | 'ended'
  kind: LmsKind
  mode: LaunchMode
  learner: string | null
  returnUrl: string | null
  evaluation: Evaluation
  /** The item to open first (from the LMS's bookmark), or null. */
  resumeAt: string | null
  /** About the saved progress (damaged, too large…), shown until dismissed. */
  notice: string | null
  /** Why the session could not start. */
  error: string | null
  save: SaveState
  problems: string[]
}

export class LmsController {
  private readonly o: Required<Omit<ControllerOptions, 'setTimer' | 'clearTimer'>> &
    Pick<ControllerOptions, 'setTimer' | 'clearTimer'>
  private state: ControllerState
  private readonly listeners = new Set<() => void>()
  private unsubscribe: (() => void) | null = null
  private at: string | null = null
  private lastKey = ''
  private timer: unknown = null
  private saving: Promise<unknown> = Promise.resolve()
  private mastery: number | null = null

  constructor(options: ControllerOptions) {
    this.o = { now: Date.now, saveDelay: 2000, ...options }
    const mastery = options.pack.masteryScore
    this.state = {
      phase: 'connecting',
      kind: options.session.kind,
      mode: 'normal',
      learner: null,
      returnUrl: null,
      evaluation: evaluate(options.units, { checks: {}, labs: {}, lessons: {} }, mastery),
      resumeAt: null,
      notice: null,
      error: null,
      save: options.session.kind === 'none' ? 'off' : 'saved',
      problems: [],
    }
  }

  getState = (): ControllerState => this.state

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn)
    return () => this.listeners.delete(fn)
  }

  private set(patch: Partial<ControllerState>) {
    this.state = { ...this.state, ...patch }
    for (const fn of [...this.listeners]) fn()
  }

  async start(): Promise<void> {
    const { session, pack, units, store } = this.o
    let start
    try {
      start = await session.start()
    } catch (e) {
      this.set({ phase: 'failed', error: e instanceof Error ? e.message : String(e), problems: session.problems() })
      return
    }
    this.mastery = start.mastery ?? pack.masteryScore
    let notice: string | null = null
    let data: ProgressData = emptyProgress()
    const decoded = decodeSnapshot(start.suspendData, pack.id)
    if (decoded.ok) {
      data = progressOf(decoded.snapshot, pack, units)
      this.at = decoded.snapshot.at
    } else if (decoded.reason !== 'empty') {
      notice = decoded.message
    }
    // The LMS is the record: the store stops writing to this browser's storage and takes its data.
    this.o.detachStorage()
    store.getState().replaceAll(data)
    this.lastKey = this.key()
    this.unsubscribe = store.subscribe(() => this.changed())
    this.set({
      phase: 'ready',
      mode: start.mode,
      learner: start.learner,
      returnUrl: start.returnUrl,
      resumeAt: this.at,
      notice,
      evaluation: this.evaluation(),
      problems: session.problems(),
    })
    // The LMS learns the status right away (e.g. SCORM's "incomplete" on a first launch).
    await this.report()
    this.schedule()
  }

  private evaluation(): Evaluation {
    return evaluate(this.o.units, this.o.store.getState(), this.mastery)
  }

  private snapshot() {
    return snapshotOf(this.o.store.getState(), this.o.pack, this.o.units, this.at, this.o.now())
  }

  /** What is saved, minus the save time: equal keys mean nothing worth saving changed. */
  private key(): string {
    return JSON.stringify({ ...this.snapshot(), savedAt: 0 })
  }

  private current(): LmsReport {
    const enc = encodeSnapshot(this.snapshot(), this.o.session.limit)
    if (!enc.ok && this.state.notice !== enc.message) this.set({ notice: enc.message })
    return { evaluation: this.evaluation(), suspendData: enc.ok ? enc.text : null, location: this.at }
  }

  private async report() {
    await this.o.session.report(this.current())
    this.set({ problems: this.o.session.problems() })
  }

  private changed() {
    if (this.state.phase !== 'ready') return
    const key = this.key()
    if (key === this.lastKey) return
    this.lastKey = key
    this.set({ evaluation: this.evaluation() })
    void this.report()
    this.schedule()
  }

  /** The learner opened another item: the LMS's bookmark follows. */
  setLocation(at: string) {
    if (this.at === at) return
    this.at = at
    this.changed()
  }

  private schedule() {
    if (this.o.session.kind === 'none' || this.state.phase !== 'ready') return
    if (this.timer !== null) return
    this.set({ save: 'pending' })
    const setTimer = this.o.setTimer ?? ((fn: () => void, ms: number) => setTimeout(fn, ms))
    this.timer = setTimer(() => {
      this.timer = null
      void this.flush()
    }, this.o.saveDelay)
  }

  private cancelTimer() {
    if (this.timer === null) return
    const clearTimer = this.o.clearTimer ?? ((t: unknown) => clearTimeout(t as ReturnType<typeof setTimeout>))
    clearTimer(this.timer)
    this.timer = null
  }

  /** Saves now (the pending save, if any, is done by this one). */
  async flush(): Promise<boolean> {
    this.cancelTimer()
    if (this.state.phase !== 'ready' || this.o.session.kind === 'none') return true
    this.set({ save: 'saving' })
    let ok = false
    this.saving = this.saving.then(async () => {
      ok = await this.o.session.save()
    })
    await this.saving
    this.set({ save: ok ? 'saved' : 'failed', problems: this.o.session.problems() })
    return ok
  }

  /** The learner leaves (an Exit button): the LMS gets everything, then the session ends. */
  async exit(): Promise<void> {
    if (this.state.phase !== 'ready') return
    this.cancelTimer()
    this.unsubscribe?.()
    await this.saving
    await this.o.session.finish(this.current(), 'exit')
    this.set({
      phase: 'ended',
      save: this.o.session.kind === 'none' ? 'off' : 'saved',
      problems: this.o.session.problems(),
    })
  }

  /** The page goes away (pagehide): finish without waiting for anything. */
  unload(): void {
    if (this.state.phase !== 'ready') return
    this.cancelTimer()
    this.unsubscribe?.()
    const last = this.current()
    // Shown if the page comes back from the back/forward cache: the session is over.
    this.set({ phase: 'ended' })
    void this.o.session.finish(last, 'unload')
  }

  dismissNotice() {
    this.set({ notice: null })
  }
}
