// Lifecycle and log events for the UI timeline: one bus per service.
import type { LambdaEvent, LambdaEventListener } from '../types.ts'

export class EventBus {
  private readonly listeners = new Set<LambdaEventListener>()

  /** Whether anyone listens: the hot path builds events only then. */
  get listening(): boolean {
    return this.listeners.size > 0
  }

  on(listener: LambdaEventListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  emit(event: LambdaEvent): void {
    if (this.listeners.size === 0) return
    for (const l of this.listeners) {
      try {
        l(event)
      } catch {
        /* a listener's failure is not the platform's */
      }
    }
  }
}
