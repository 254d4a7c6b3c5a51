/**
 * The /playground route. `#/playground` opens the learner's own playground; a share link
 * `#/playground?s=<code>` is decoded (never run) into a separate workspace `share:<id>` and the
 * address becomes `#/playground?w=share:<id>`, so a reload keeps the learner's edits to it. From
 * there they can make it their playground (after confirming) or go back to their own.
 */
import { useEffect, useState } from 'react'
import { Link, useNavigate, useSearchParams } from 'react-router'
import { usePageTitle } from '../shared/usePageTitle.ts'
import { draftFromShared } from './config.ts'
import { PlaygroundPanel } from './PlaygroundPanel.tsx'
import { DEFAULT_WORKSPACE_ID, defaultWorkspace, isWorkspaceId, type Workspace } from './schema.ts'
import { decodeShare, type SharedState } from './share.ts'
import { SharedAccountOffer, rememberSharedAccount } from './account/persist-share.tsx'
import { playgroundStore, usePlayground } from './state.ts'
import './PlaygroundPage.css'

const MAX_SHARE_WORKSPACES = 5

/** A short stable id for shared content (FNV-1a, base 36). */
export function shareId(code: string): string {
  let h = 0x811c9dc5
  for (let i = 0; i < code.length; i++) {
    h ^= code.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h.toString(36)
}

export function workspaceFromShared(s: SharedState, now = new Date()): Workspace {
  const files = { ...s.files }
  return {
    ...defaultWorkspace(now),
    files,
    activeFile: s.activeFile && Object.hasOwn(files, s.activeFile) ? s.activeFile : Object.keys(files)[0],
    config: draftFromShared(s.config),
    eventText: s.event,
    eventSource: { kind: 'shared' },
  }
}

function pruneShared(keep: string): void {
  const st = playgroundStore.getState()
  const shared = Object.entries(st.workspaces)
    .filter(([id]) => id.startsWith('share:') && id !== keep)
    .sort((a, b) => b[1].updatedAt.localeCompare(a[1].updatedAt))
  for (const [id] of shared.slice(MAX_SHARE_WORKSPACES - 1)) st.removeWorkspace(id)
}

type Opening = { kind: 'none' } | { kind: 'decoding' } | { kind: 'error'; message: string }

export function PlaygroundPage() {
  usePageTitle('Playground')
  const [params] = useSearchParams()
  const navigate = useNavigate()
  const code = params.get('s')
  const w = params.get('w')
  const [opening, setOpening] = useState<Opening>(code ? { kind: 'decoding' } : { kind: 'none' })
  const workspaceExists = usePlayground((s) => (w ? !!s.workspaces[w] : false))

  useEffect(() => {
    if (!code) {
      setOpening({ kind: 'none' })
      return
    }
    let live = true
    setOpening({ kind: 'decoding' })
    void decodeShare(code).then((r) => {
      if (!live) return
      if (!r.ok) {
        setOpening({ kind: 'error', message: r.error })
        return
      }
      const id = `share:${shareId(code)}`
      pruneShared(id)
      playgroundStore.getState().replaceWorkspace(id, workspaceFromShared(r.state))
      rememberSharedAccount(id, r.state.account)
      playgroundStore.flush()
      setOpening({ kind: 'none' })
      navigate(`/playground?w=${encodeURIComponent(id)}`, { replace: true })
    })
    return () => {
      live = false
    }
  }, [code, navigate])

  const sharedId = w && isWorkspaceId(w) && w.startsWith('share:') && workspaceExists ? w : null
  const missingShared = !!w && !sharedId && !code
  const workspaceId = sharedId ?? DEFAULT_WORKSPACE_ID

  return (
    <div className="container pg-page">
      <header className="page-header pg-page-header">
        <p className="eyebrow">Simulated AWS Lambda</p>
        <h1 className="page-title">Playground</h1>
        <p className="page-lead">
          Write a handler, pick a test event, invoke. Everything runs in your browser, in a simulated Lambda execution
          environment: break it freely.
        </p>
      </header>
      {opening.kind === 'decoding' && (
        <p className="pg-notice" role="status">
          Opening the shared link…
        </p>
      )}
      {opening.kind === 'error' && (
        <div className="pg-notice pg-notice-error" role="alert" data-testid="share-open-error">
          <div>
            <p>
              <strong>This share link could not be opened.</strong> {opening.message}
            </p>
            <p>Nothing was run and nothing was changed. Below is your own playground.</p>
          </div>
          <Link className="btn btn-sm btn-secondary" to="/playground" replace>
            Dismiss
          </Link>
        </div>
      )}
      {missingShared && (
        <div className="pg-notice" role="status">
          <p>That shared copy is no longer in this browser. Here is your own playground.</p>
        </div>
      )}
      {sharedId && <SharedBanner id={sharedId} />}
      {opening.kind !== 'decoding' && (
        <PlaygroundPanel
          key={workspaceId}
          workspaceId={workspaceId}
          label={sharedId ? 'Shared function' : 'Playground'}
        />
      )}
    </div>
  )
}

function SharedBanner({ id }: { id: string }) {
  const navigate = useNavigate()
  const [confirming, setConfirming] = useState(false)
  const hasOwn = usePlayground((s) => !!s.workspaces[DEFAULT_WORKSPACE_ID])
  const adopt = () => {
    const st = playgroundStore.getState()
    const shared = st.workspaces[id]
    if (!shared) return
    const own = st.workspaces[DEFAULT_WORKSPACE_ID]
    st.replaceWorkspace(DEFAULT_WORKSPACE_ID, { ...shared, savedEvents: own?.savedEvents ?? shared.savedEvents })
    st.removeWorkspace(id)
    playgroundStore.flush()
    navigate('/playground', { replace: true })
  }
  return (
    <div
      className="pg-notice pg-notice-share"
      role="region"
      aria-label="About this shared link"
      data-testid="shared-banner"
    >
      <div>
        <p>
          <strong>You opened a shared function.</strong> It is a separate copy: your own playground is unchanged.
          Nothing has run — read the code, then invoke it if you want to.
        </p>
        <SharedAccountOffer workspaceId={id} />
        {confirming ? (
          <p className="pg-inline-confirm">
            Replace the code, test event and settings of your playground with this one? Your saved events are kept.{' '}
            <button type="button" className="btn btn-sm btn-primary" onClick={adopt} data-testid="adopt-confirm">
              Replace my playground
            </button>{' '}
            <button type="button" className="btn btn-sm btn-ghost" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </p>
        ) : (
          <p className="pg-banner-actions">
            <button
              type="button"
              className="btn btn-sm btn-secondary"
              onClick={() => (hasOwn ? setConfirming(true) : adopt())}
              data-testid="adopt"
            >
              Make it my playground
            </button>{' '}
            <Link className="btn btn-sm btn-ghost" to="/playground">
              Back to my playground
            </Link>
          </p>
        )}
      </div>
    </div>
  )
}
