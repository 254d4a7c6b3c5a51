/** "Share": the workspace's files, event and configuration → a `#/playground?s=<code>` link, copied to the clipboard. */
import { useEffect, useId, useRef, useState } from 'react'
import { accountSnapshot } from './account/api.ts'
import { accountForShare } from './account/persist-schema.ts'
import { checkConfig, firstConfigProblem, sharedFromSettings } from './config.ts'
import { encodeShare, type SharedState } from './share.ts'
import { playgroundStore } from './state.ts'
import './ShareButton.css'

type State =
  | { kind: 'idle' }
  | { kind: 'working' }
  | { kind: 'done'; url: string; copied: boolean; note?: string; withAccount: boolean }
  | { kind: 'error'; message: string }

/** The link for a share code, on this page's own address (works under any sub-path). */
export function shareUrl(
  code: string,
  loc: Pick<Location, 'origin' | 'pathname' | 'search'> = window.location,
): string {
  return `${loc.origin}${loc.pathname}${loc.search}#/playground?s=${code}`
}

export function ShareButton({ workspaceId }: { workspaceId: string }) {
  const [state, setState] = useState<State>({ kind: 'idle' })
  const inputRef = useRef<HTMLInputElement>(null)
  const ids = useId()

  useEffect(() => {
    if (state.kind === 'done' && !state.copied) inputRef.current?.select()
  }, [state])

  const share = async () => {
    const ws = playgroundStore.getState().workspaces[workspaceId]
    if (!ws) return
    const cfg = checkConfig(ws.config)
    if (!cfg.ok || !cfg.settings) {
      const p = firstConfigProblem(cfg)
      setState({ kind: 'error', message: `Fix the configuration before sharing${p ? `: ${p.message}` : '.'}` })
      return
    }
    setState({ kind: 'working' })
    // The account (roles, tables, policies) goes with the function when it is small enough.
    const { account, note } = accountForShare(await accountSnapshot().catch(() => undefined))
    const shared: SharedState = {
      v: 1,
      files: ws.files,
      activeFile: ws.activeFile,
      event: ws.eventText,
      config: sharedFromSettings(cfg.settings),
      ...(account ? { account } : {}),
    }
    let url: string
    try {
      url = shareUrl(await encodeShare(shared))
    } catch (e) {
      setState({ kind: 'error', message: e instanceof Error ? e.message : String(e) })
      return
    }
    let copied: boolean
    try {
      await navigator.clipboard.writeText(url)
      copied = true
    } catch {
      copied = false
    }
    setState({ kind: 'done', url, copied, note, withAccount: !!account })
  }

  return (
    <span className="pg-share">
      <button
        type="button"
        className="btn btn-sm btn-secondary"
        onClick={() => void share()}
        disabled={state.kind === 'working'}
        aria-describedby={`${ids}-status`}
        data-testid="share"
      >
        {state.kind === 'working' ? 'Sharing…' : 'Share'}
      </button>
      <span id={`${ids}-status`} role="status" className="pg-share-status">
        {state.kind === 'done' && (
          <span className="pg-share-pop" data-testid="share-result">
            <span className={state.copied ? 'pg-ok-text' : undefined}>
              {state.copied
                ? `Link copied to the clipboard (${state.url.length.toLocaleString('en-US')} characters). Whoever opens it sees this code; nothing runs until they invoke.`
                : 'Copy this link:'}
              {state.withAccount && ' It carries your AWS account too (roles, tables, policies), without its keys.'}
            </span>
            {state.note && (
              <span className="pg-help" data-testid="share-note">
                {state.note}
              </span>
            )}
            <label className="sr-only" htmlFor={`${ids}-url`}>
              Share link
            </label>
            <input
              id={`${ids}-url`}
              ref={inputRef}
              readOnly
              value={state.url}
              onFocus={(e) => e.currentTarget.select()}
              data-testid="share-url"
            />
            <button type="button" className="pg-linkbtn" onClick={() => setState({ kind: 'idle' })}>
              Close
            </button>
          </span>
        )}
        {state.kind === 'error' && (
          <span className="pg-field-error" data-testid="share-error">
            {state.message}
          </span>
        )}
      </span>
    </span>
  )
}
