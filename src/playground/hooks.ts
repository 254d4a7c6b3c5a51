import { useCallback, useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react'
import { useStore } from 'zustand'
import { useShallow } from 'zustand/react/shallow'
import type { Session, SessionState } from './session.ts'

/** Subscribe to part of a session's state (shallow-compared, so object selectors do not loop). */
export function useSession<T>(session: Session, selector: (s: SessionState) => T): T {
  return useStore(session.store, useShallow(selector))
}

/** True while the media query matches (e.g. the phone layout). */
export function useMediaQuery(query: string): boolean {
  const mqRef = useRef<MediaQueryList | null>(null)
  if (typeof window !== 'undefined' && (!mqRef.current || mqRef.current.media !== query))
    mqRef.current = window.matchMedia(query)
  const subscribe = useCallback(
    (cb: () => void) => {
      const mq = mqRef.current
      mq?.addEventListener('change', cb)
      return () => mq?.removeEventListener('change', cb)
    },
    [query],
  )
  return useSyncExternalStore(
    subscribe,
    () => mqRef.current?.matches ?? false,
    () => false,
  )
}

/**
 * True while the element is narrower than `width` CSS pixels: the panel lays itself out for the
 * space it has (a lesson column, an embed), not for the window.
 */
export function useNarrowerThan(el: HTMLElement | null, width: number): boolean {
  const [narrow, setNarrow] = useState(false)
  useLayoutEffect(() => {
    if (!el) return
    const measure = () => setNarrow(el.getBoundingClientRect().width < width)
    measure()
    const ro = new ResizeObserver(measure)
    ro.observe(el)
    return () => ro.disconnect()
  }, [el, width])
  return narrow
}
