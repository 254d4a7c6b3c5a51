/**
 * Lazy loading on approach: true once an element comes within `margin` of the viewport, or the
 * learner points at it or moves focus into it (intent), and true from then on. Heavy parts
 * (Monaco, a lab's engine) start loading a little before they are needed, never at page load.
 *
 *   const [el, setEl] = useState<HTMLElement | null>(null)
 *   const near = useNearViewport(el, '100%')   // within one screen above or below
 *   return <div ref={setEl}>{near ? <Heavy /> : <Placeholder />}</div>
 *
 * `margin` is how far beyond the viewport counts as near, above and below (a CSS length or a
 * percentage of the viewport's height). Without IntersectionObserver (old browsers) the element
 * counts as near at once.
 */
import { useEffect, useState } from 'react'

export function useNearViewport(el: Element | null, margin = '100%'): boolean {
  const [near, setNear] = useState(false)
  useEffect(() => {
    if (near || !el) return
    return watchNear(el, margin, () => setNear(true))
  }, [el, margin, near])
  return near
}

type Observer = { observe(el: Element): void; disconnect(): void }
type ObserverClass = new (
  cb: (entries: { isIntersecting: boolean }[]) => void,
  options: { rootMargin: string },
) => Observer

/**
 * Calls `onNear` (once) when `el` comes within `margin` of the viewport, or on pointerenter or
 * focusin. Returns the function that stops watching. The observer class can be passed in (tests).
 */
export function watchNear(
  el: Element,
  margin: string,
  onNear: () => void,
  IO: ObserverClass | undefined = globalThis.IntersectionObserver,
): () => void {
  if (!IO) {
    onNear()
    return () => {}
  }
  let done = false
  const fire = () => {
    if (done) return
    done = true
    stop()
    onNear()
  }
  // The observer reports asynchronously, so `io` exists by the time `fire` runs.
  const io = new IO((entries) => entries.some((e) => e.isIntersecting) && fire(), {
    rootMargin: `${margin} 0px ${margin} 0px`,
  })
  const stop = () => {
    io.disconnect()
    el.removeEventListener('pointerenter', fire)
    el.removeEventListener('focusin', fire)
  }
  io.observe(el)
  el.addEventListener('pointerenter', fire)
  el.addEventListener('focusin', fire)
  return stop
}
