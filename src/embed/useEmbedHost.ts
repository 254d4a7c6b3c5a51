/**
 * The embed side of the protocol (see protocol.ts and docs/embedding.md): posts the content
 * height on every change (to any page when the host is unknown), posts statements (only to a
 * known host), and answers host messages from allowed origins.
 */
import { useCallback, useEffect, useMemo, useRef } from 'react'
import { applyTheme } from '../shared/theme.ts'
import {
  acceptHostMessage,
  configuredOrigins,
  postTargets,
  resizeTargets,
  type EmbedKind,
  type EmbedToHost,
  type XapiStatement,
} from './protocol.ts'

function originParam(): string | null {
  // Hash routes: the parameters live after the '?' inside the hash, or in the real query string.
  const inHash = window.location.hash.split('?')[1]
  const fromHash = inHash ? new URLSearchParams(inHash).get('origin') : null
  return fromHash ?? new URLSearchParams(window.location.search).get('origin')
}

export function useEmbedHost(kind: EmbedKind, id: string) {
  const allowed = useMemo(() => configuredOrigins(originParam()), [])
  // Empty when the host is unknown (no ?origin=, no usable referrer): nothing but `resize` is
  // posted then, and `resize` (a height, no learner data) goes to '*' so the frame still sizes itself.
  const targets = useMemo(() => postTargets(allowed, document.referrer), [allowed])
  const sizeTargets = useMemo(() => resizeTargets(allowed, document.referrer), [allowed])
  const lastHeight = useRef(0)
  const framed = window.parent !== window

  const post = useCallback(
    (msg: EmbedToHost) => {
      if (!framed) return
      for (const t of msg.type === 'lambda-foundations:resize' ? sizeTargets : targets) {
        try {
          window.parent.postMessage(msg, t)
        } catch {
          // A target that does not match the parent's origin is dropped by the browser; postTargets
          // gives only http(s) origins, so nothing here should throw: this is belt and braces.
        }
      }
    },
    [framed, targets, sizeTargets],
  )

  const height = () => Math.ceil(document.documentElement.getBoundingClientRect().height)

  useEffect(() => {
    document.documentElement.classList.add('is-embed')
    post({ type: 'lambda-foundations:ready', id, kind, height: height() })
    const ro = new ResizeObserver(() => {
      const h = height()
      if (h === lastHeight.current) return
      lastHeight.current = h
      post({ type: 'lambda-foundations:resize', id, kind, height: h })
    })
    ro.observe(document.body)
    const onMessage = (e: MessageEvent) => {
      const msg = acceptHostMessage(e.origin, window.location.origin, allowed, e.data)
      if (!msg) return
      if (msg.type === 'lambda-foundations:get-height')
        post({ type: 'lambda-foundations:resize', id, kind, height: height() })
      else if (msg.type === 'lambda-foundations:set-theme') applyTheme(msg.theme)
    }
    window.addEventListener('message', onMessage)
    return () => {
      ro.disconnect()
      window.removeEventListener('message', onMessage)
      document.documentElement.classList.remove('is-embed')
    }
  }, [allowed, id, kind, post])

  const postStatement = useCallback(
    (statement: XapiStatement) => post({ type: 'lambda-foundations:statement', id, kind, statement }),
    [id, kind, post],
  )
  return { postStatement, framed }
}

/** The canonical URL of an embeddable activity (used as the xAPI object id). */
export function activityUrl(kind: EmbedKind, id: string): string {
  return `${window.location.origin}${window.location.pathname}#/embed/${kind}/${encodeURIComponent(id)}`
}
