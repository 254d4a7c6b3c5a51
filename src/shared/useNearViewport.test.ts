import { describe, expect, it } from 'vitest'
import { watchNear } from './useNearViewport.ts'

/** A stand-in for IntersectionObserver that the test drives by hand. */
function fakeObserver() {
  const made: {
    options: { rootMargin: string }
    observed: unknown[]
    disconnected: boolean
    fire(i: boolean): void
  }[] = []
  class IO {
    rec
    constructor(cb: (entries: { isIntersecting: boolean }[]) => void, options: { rootMargin: string }) {
      this.rec = {
        options,
        observed: [] as unknown[],
        disconnected: false,
        fire: (i: boolean) => cb([{ isIntersecting: i }]),
      }
      made.push(this.rec)
    }
    observe(el: unknown) {
      this.rec.observed.push(el)
    }
    disconnect() {
      this.rec.disconnected = true
    }
  }
  return { IO, made }
}

const element = () => new EventTarget() as unknown as Element

describe('watchNear', () => {
  it('observes the element with the margin above and below the viewport', () => {
    const { IO, made } = fakeObserver()
    const el = element()
    watchNear(el, '200%', () => {}, IO)
    expect(made).toHaveLength(1)
    expect(made[0]!.options.rootMargin).toBe('200% 0px 200% 0px')
    expect(made[0]!.observed).toEqual([el])
  })

  it('fires once when the element comes near, then stops watching', () => {
    const { IO, made } = fakeObserver()
    const el = element()
    let calls = 0
    watchNear(el, '100%', () => calls++, IO)
    made[0]!.fire(false)
    expect(calls).toBe(0)
    made[0]!.fire(true)
    made[0]!.fire(true)
    el.dispatchEvent(new Event('pointerenter'))
    expect(calls).toBe(1)
    expect(made[0]!.disconnected).toBe(true)
  })

  it('fires on intent: the pointer entering, or focus moving in', () => {
    for (const type of ['pointerenter', 'focusin']) {
      const { IO, made } = fakeObserver()
      const el = element()
      let calls = 0
      watchNear(el, '100%', () => calls++, IO)
      el.dispatchEvent(new Event(type))
      expect(calls, type).toBe(1)
      expect(made[0]!.disconnected, type).toBe(true)
    }
  })

  it('does not fire after it was stopped', () => {
    const { IO, made } = fakeObserver()
    const el = element()
    let calls = 0
    const stop = watchNear(el, '100%', () => calls++, IO)
    stop()
    el.dispatchEvent(new Event('focusin'))
    expect(calls).toBe(0)
    expect(made[0]!.disconnected).toBe(true)
  })

  it('without IntersectionObserver, the element counts as near at once', () => {
    let calls = 0
    watchNear(element(), '100%', () => calls++, undefined)
    expect(calls).toBe(1)
  })
})
