/**
 * The panel's toolbar: Invoke (with why it is blocked, and what the engine is doing), the test
 * event's name, the host's extra controls (a lab's "Run checks"), Share and Reset.
 */
import { memo, useEffect, useId, useMemo, useState, type ReactNode } from 'react'
import { CloseIcon } from '../shared/icons.tsx'
import { useEngineStatus } from './engine.ts'
import { useSession } from './hooks.ts'
import { invokeBlocker, type PlaygroundPanelProps, type SideTab } from './panel.ts'
import { defaultWorkspace, type EventSource, type Workspace } from './schema.ts'
import type { Session } from './session.ts'
import { ShareButton } from './ShareButton.tsx'
import { playgroundStore, usePlayground } from './state.ts'

export const Toolbar = memo(function Toolbar(props: {
  workspaceId: string
  session: Session
  onRun(): void
  nudge: string | null
  onNudgeFix(t: SideTab): void
  hide: NonNullable<PlaygroundPanelProps['hide']>
  extra?: ReactNode
}) {
  const { workspaceId, session, onRun, nudge, hide } = props
  const eventText = usePlayground((s) => s.workspaces[workspaceId]?.eventText ?? '')
  const config = usePlayground((s) => s.workspaces[workspaceId]?.config)
  const source = usePlayground((s) => s.workspaces[workspaceId]?.eventSource)
  const blocker = useMemo(() => (config ? invokeBlocker({ eventText, config }) : null), [eventText, config])
  const { busy, startedAt } = useSession(session, (s) => ({ busy: s.busy, startedAt: s.startedAt }))
  const engine = useEngineStatus()
  const reasonId = useId()
  const running = busy !== null
  const label =
    busy === 'building'
      ? 'Building…'
      : busy === 'deploying'
        ? 'Deploying…'
        : busy === 'invoking'
          ? 'Running…'
          : 'Invoke'
  const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)

  return (
    <div className="pg-toolbar">
      <div className="pg-toolbar-main">
        <button
          type="button"
          className="btn btn-primary pg-invoke"
          onClick={onRun}
          disabled={!!blocker || running}
          aria-describedby={blocker ? reasonId : undefined}
          aria-keyshortcuts="Control+Enter Meta+Enter"
          data-testid="invoke"
          data-engine={engine.state}
          title={`Invoke with the test event (${isMac ? '⌘' : 'Ctrl'}+Enter)${engine.state === 'starting' ? '. The Lambda engine is starting: a click now runs as soon as it is ready.' : ''}`}
        >
          <PlayIcon />
          {label}
        </button>
        {blocker ? (
          <p className="pg-blocker" id={reasonId} data-testid="invoke-blocked">
            <span>{blocker.message}</span>{' '}
            <button type="button" className="pg-linkbtn" onClick={() => props.onNudgeFix(blocker.tab)}>
              Go to {blocker.tab === 'event' ? 'the test event' : 'the configuration'}
            </button>
          </p>
        ) : (
          <span className="pg-event-name">
            <span className="muted">Event:</span> <EventSourceName source={source} />
          </span>
        )}
        {/* Said, not shown: a line that appears for a second and goes would move the page (the
            Invoke button's icon pulses instead). The live region is always there, so the change is announced. */}
        <span className="sr-only" role="status">
          {engine.state === 'starting' ? 'Starting the Lambda engine…' : ''}
        </span>
        <div className="pg-toolbar-extra">
          {props.extra}
          {!hide.share && <ShareButton workspaceId={workspaceId} />}
          {!hide.reset && <ResetButton workspaceId={workspaceId} />}
        </div>
      </div>
      {!blocker && nudge && <p className="pg-blocker">{nudge}</p>}
      <StillRunning startedAt={startedAt} busy={busy} />
      {engine.state === 'failed' && (
        <p className="pg-blocker" role="alert">
          The Lambda engine could not start: {engine.error}. Reload the page to try again; your code is saved.
        </p>
      )}
    </div>
  )
})

function EventSourceName({ source }: { source: EventSource | undefined }) {
  if (!source) return null
  switch (source.kind) {
    case 'hello-world':
      return <>hello-world</>
    case 'sample':
      return <code>{`${source.service} ${source.event}`}</code>
    case 'saved':
      return <>{source.name} (saved)</>
    case 'shared':
      return <>from the shared link</>
    case 'custom':
      return <>custom (not saved)</>
  }
}

/** After a second and a half of a run: say what is going on (a busy loop is stopped by the engine). */
function StillRunning({ startedAt, busy }: { startedAt: number | null; busy: string | null }) {
  const [, force] = useState(0)
  useEffect(() => {
    if (startedAt === null) return
    const t1 = setTimeout(() => force((n) => n + 1), 1500)
    const t2 = setTimeout(() => force((n) => n + 1), 5000)
    return () => {
      clearTimeout(t1)
      clearTimeout(t2)
    }
  }, [startedAt])
  if (startedAt === null || busy !== 'invoking') return null
  const elapsed = performance.now() - startedAt
  if (elapsed < 1500) return null
  return (
    <p className="pg-engine muted" role="status">
      {elapsed < 5000
        ? 'Still running… The page stays responsive: your code runs in a separate worker, and a function that runs past its timeout is stopped.'
        : 'Still running… If the engine is stuck, the watchdog replaces it after 15 seconds without an answer; your code and settings are kept.'}
    </p>
  )
}

function ResetButton({ workspaceId }: { workspaceId: string }) {
  const [confirming, setConfirming] = useState(false)
  const [undo, setUndo] = useState<Workspace | null>(null)
  if (undo) {
    return (
      <span className="pg-inline-confirm" role="status">
        Reset to the starter code.{' '}
        <button
          type="button"
          className="pg-linkbtn"
          onClick={() => {
            playgroundStore.getState().replaceWorkspace(workspaceId, undo)
            setUndo(null)
          }}
        >
          Undo
        </button>
        <button type="button" className="icon-btn pg-icon-sm" aria-label="Dismiss" onClick={() => setUndo(null)}>
          <CloseIcon width={16} height={16} />
        </button>
      </span>
    )
  }
  if (confirming) {
    return (
      <span className="pg-inline-confirm">
        Replace your code, event and settings with the starter?{' '}
        <button
          type="button"
          className="btn btn-sm btn-secondary"
          onClick={() => {
            const st = playgroundStore.getState()
            const cur = st.workspaces[workspaceId]
            if (cur) {
              setUndo(cur)
              st.replaceWorkspace(workspaceId, { ...defaultWorkspace(), savedEvents: cur.savedEvents })
            }
            setConfirming(false)
          }}
        >
          Reset
        </button>
        <button type="button" className="btn btn-sm btn-ghost" onClick={() => setConfirming(false)}>
          Cancel
        </button>
      </span>
    )
  }
  return (
    <button type="button" className="btn btn-sm btn-ghost" onClick={() => setConfirming(true)}>
      Reset
    </button>
  )
}

function PlayIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d="M7 4.5v15l13-7.5z" fill="currentColor" />
    </svg>
  )
}
