/**
 * The reusable playground panel: code editor, test events, configuration, execution result,
 * CloudWatch-like logs and the lifecycle timeline, for one workspace of the playground store.
 *
 *   <PlaygroundPanel workspaceId="playground:default" />
 *   <PlaygroundPanel workspaceId="lab:orders" initial={{ files, config, event }} hide={{ share: true }} toolbarExtra={…} />
 *
 * The workspace (code, config, event, saved events) lives in the persisted store; the session
 * (results, timeline) lives for the page. The Worker starts when the panel mounts.
 */
import './PlaygroundPanel.css'
import {
  memo,
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from 'react'
import { CloseIcon } from '../app/components/icons.tsx'
import { checkConfig, firstConfigProblem, fieldLabel, type SharedConfig } from './config.ts'
import { CodeEditor } from './editor/index.ts'
import { useEngineStatus } from './engine.ts'
import { checkEventJson } from './event-json.ts'
import { useMediaQuery, useNarrowerThan, useSession } from './hooks.ts'
import type { ExecutionResult } from './results.ts'
import { defaultWorkspace, workspaceLabel, type EventSource, type Workspace } from './schema.ts'
import { getSession, type Session } from './session.ts'
import { playgroundStore, usePlayground } from './state.ts'
import { ConfigTab } from './tabs/ConfigTab.tsx'
import { EventTab } from './tabs/EventTab.tsx'
import { LogsTab } from './tabs/LogsTab.tsx'
import { ResultTab } from './tabs/ResultTab.tsx'
import { TimelineTab } from './tabs/TimelineTab.tsx'
import { ShareButton } from './ShareButton.tsx'
import { draftFromShared } from './config.ts'

export type PanelPart = 'events' | 'savedEvents' | 'config' | 'logs' | 'timeline' | 'share' | 'reset'
export type SideTab = 'code' | 'event' | 'config' | 'result' | 'logs' | 'timeline'

/** A workspace's starting point (a lab's starter, a shared function). */
export interface PlaygroundInitial {
  files: Record<string, string>
  activeFile?: string
  config?: Partial<SharedConfig>
  /** The test event as JSON text. */
  event?: string
  eventSource?: EventSource
}

export interface PlaygroundPanelProps {
  workspaceId: string
  /** Used when the workspace does not exist yet (and to refill parts that could not be loaded). */
  initial?: PlaygroundInitial
  /** Accessible name of the panel. Default "Playground". */
  label?: string
  /** Parts to leave out (e.g. a lab without sharing). */
  hide?: Partial<Record<PanelPart, boolean>>
  /** Extra controls for the toolbar (a lab's "Run checks", "Reset", …). */
  toolbarExtra?: ReactNode
  /** Called with every execution result shown. */
  onResult?(result: ExecutionResult): void
  /** The side tab shown first. Default 'event'. */
  defaultTab?: Exclude<SideTab, 'code'>
}

export function workspaceFromInitial(initial: PlaygroundInitial | undefined, now = new Date()): Workspace {
  const base = defaultWorkspace(now)
  if (!initial) return base
  const files = initial.files && Object.keys(initial.files).length ? { ...initial.files } : base.files
  return {
    ...base,
    files,
    activeFile:
      initial.activeFile && Object.hasOwn(files, initial.activeFile) ? initial.activeFile : Object.keys(files)[0],
    config: initial.config ? draftFromShared({ ...sharedDefaults, ...initial.config }) : base.config,
    eventText: initial.event ?? base.eventText,
    eventSource: initial.eventSource ?? (initial.event !== undefined ? { kind: 'custom' } : base.eventSource),
  }
}
const sharedDefaults: SharedConfig = { Handler: 'index.handler', Runtime: 'nodejs20.x', MemorySize: 128, Timeout: 3 }

/** Why Invoke is not possible now, or null. */
export function invokeBlocker(ws: Pick<Workspace, 'eventText' | 'config'>): { tab: SideTab; message: string } | null {
  const ev = checkEventJson(ws.eventText)
  if (!ev.ok) return { tab: 'event', message: `Fix the test event first: ${ev.message}` }
  const cfg = checkConfig(ws.config)
  const p = firstConfigProblem(cfg)
  if (p) return { tab: 'config', message: `Fix the configuration first (${fieldLabel(p.field)}): ${p.message}` }
  return null
}

const TAB_LABEL: Record<SideTab, string> = {
  code: 'Code',
  event: 'Test event',
  config: 'Configuration',
  result: 'Result',
  logs: 'Logs',
  timeline: 'Timeline',
}

export function PlaygroundPanel(props: PlaygroundPanelProps) {
  const { workspaceId, initial, hide = {}, label = 'Playground' } = props
  const session = useMemo(() => getSession(workspaceId), [workspaceId])
  const initialRef = useRef(initial)
  initialRef.current = initial
  const exists = usePlayground((s) => !!s.workspaces[workspaceId])

  // Create the workspace (or refill parts that could not be loaded), and start the engine now:
  // the Worker and its WebAssembly compile are ready by the time the learner clicks Invoke. (They
  // run off the main thread. Monaco does not: the editor loads it when it nears the viewport.)
  useEffect(() => {
    playgroundStore.getState().ensureWorkspace(workspaceId, () => workspaceFromInitial(initialRef.current))
  }, [workspaceId])
  useEffect(() => {
    session.warm()
  }, [session])

  if (!exists)
    return (
      <div className="pg pg-loading" role="status">
        Opening {workspaceLabel(workspaceId)}…
      </div>
    )
  return <PanelBody {...props} hide={hide} label={label} session={session} />
}

function PanelBody(
  props: PlaygroundPanelProps & { session: Session; label: string; hide: NonNullable<PlaygroundPanelProps['hide']> },
) {
  const { workspaceId, session, hide, label, onResult, toolbarExtra } = props
  // Narrow when the window is, or when the panel's own box is (a lesson column, an embed).
  const [rootEl, setRootEl] = useState<HTMLElement | null>(null)
  const narrowWindow = useMediaQuery('(max-width: 899px)')
  const narrowBox = useNarrowerThan(rootEl, 860)
  const narrow = narrowWindow || narrowBox
  const tabs = useMemo(() => {
    const t: SideTab[] = []
    if (narrow) t.push('code')
    if (!hide.events) t.push('event')
    if (!hide.config) t.push('config')
    t.push('result')
    if (!hide.logs) t.push('logs')
    if (!hide.timeline) t.push('timeline')
    return t
  }, [narrow, hide.events, hide.config, hide.logs, hide.timeline])
  // Until the learner picks a tab: the code on a phone, the test event (or the result) on a desktop.
  const [tabState, setTab] = useState<SideTab | null>(null)
  const preferred: SideTab = tabState ?? (narrow ? 'code' : (props.defaultTab ?? (hide.events ? 'result' : 'event')))
  const tab: SideTab = tabs.includes(preferred) ? preferred : tabs.includes('event') ? 'event' : 'result'
  const [nudge, setNudge] = useState<string | null>(null)
  const ids = useId()

  // Results go to the lab (checks) as they arrive.
  const onResultRef = useRef(onResult)
  onResultRef.current = onResult
  useEffect(() => {
    let prev = session.store.getState().result
    return session.store.subscribe((s) => {
      if (s.result && s.result !== prev) onResultRef.current?.(s.result)
      prev = s.result
    })
  }, [session])

  const focusTab = useCallback(
    (t: SideTab) => {
      setTab(t)
      requestAnimationFrame(() => document.getElementById(`${ids}-tab-${t}`)?.focus())
    },
    [ids],
  )

  const run = useCallback(
    (how: 'once' | 'five' | 'five-concurrent' = 'once') => {
      const ws = playgroundStore.getState().workspaces[workspaceId]
      if (!ws) return
      const blocked = invokeBlocker(ws)
      if (blocked) {
        setNudge(blocked.message)
        return
      }
      setNudge(null)
      playgroundStore.flush()
      setTab((t) => (t === 'timeline' || t === 'logs' ? t : 'result'))
      if (how === 'once') void session.invoke(ws)
      else void session.invokeMany(ws, 5, how === 'five' ? 'sequential' : 'concurrent')
    },
    [session, workspaceId],
  )

  const runOnce = useCallback(() => run('once'), [run])

  const onTabKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    const i = tabs.indexOf(tab)
    let next: SideTab | undefined
    if (e.key === 'ArrowRight') next = tabs[(i + 1) % tabs.length]
    else if (e.key === 'ArrowLeft') next = tabs[(i - 1 + tabs.length) % tabs.length]
    else if (e.key === 'Home') next = tabs[0]
    else if (e.key === 'End') next = tabs[tabs.length - 1]
    if (next) {
      e.preventDefault()
      focusTab(next)
    }
  }

  const panelFor = (t: SideTab): ReactNode => {
    switch (t) {
      case 'code':
        return null
      case 'event':
        return <EventTab workspaceId={workspaceId} onRun={runOnce} hideSaved={!!hide.savedEvents} />
      case 'config':
        return <ConfigTab workspaceId={workspaceId} onRun={runOnce} />
      case 'result':
        return <ResultTab session={session} />
      case 'logs':
        return <LogsTab session={session} active={tab === 'logs'} />
      case 'timeline':
        return <TimelineTab session={session} onInvoke={run} />
    }
  }

  return (
    <section ref={setRootEl} className={`pg${narrow ? ' pg-narrow' : ''}`} aria-label={label} data-testid="playground">
      <PanelNotices workspaceId={workspaceId} session={session} />
      <Toolbar
        workspaceId={workspaceId}
        session={session}
        onRun={runOnce}
        nudge={nudge}
        onNudgeFix={focusTab}
        hide={hide}
        extra={toolbarExtra}
      />
      <div className="pg-body">
        <div className="pg-code" hidden={narrow && tab !== 'code'}>
          <EditorArea workspaceId={workspaceId} session={session} onRun={runOnce} />
        </div>
        <div className="pg-side">
          <div className="pg-tabs" role="tablist" aria-label="Playground views">
            {tabs.map((t) => (
              <button
                key={t}
                type="button"
                role="tab"
                id={`${ids}-tab-${t}`}
                aria-controls={`${ids}-panel-${t}`}
                aria-selected={tab === t}
                tabIndex={tab === t ? 0 : -1}
                className="pg-tab"
                onClick={() => setTab(t)}
                onKeyDown={onTabKey}
                data-testid={`pg-tab-${t}`}
              >
                {TAB_LABEL[t]}
                {t === 'result' && <ResultBadge session={session} />}
              </button>
            ))}
          </div>
          {tabs
            .filter((t) => t !== 'code')
            .map((t) => (
              <div
                key={t}
                role="tabpanel"
                id={`${ids}-panel-${t}`}
                aria-labelledby={`${ids}-tab-${t}`}
                hidden={tab !== t}
                className="pg-tabpanel"
                tabIndex={-1}
              >
                {panelFor(t)}
              </div>
            ))}
          {narrow && (
            <div
              role="tabpanel"
              id={`${ids}-panel-code`}
              aria-labelledby={`${ids}-tab-code`}
              hidden
              className="pg-tabpanel"
            />
          )}
        </div>
      </div>
    </section>
  )
}

function ResultBadge({ session }: { session: Session }) {
  const { status, busy } = useSession(session, (s) => ({
    status: s.serviceError ? 'Failed' : s.result?.status,
    busy: s.busy,
  }))
  if (busy === 'invoking' || busy === 'building' || busy === 'deploying')
    return <span className="pg-dot pg-dot-busy" aria-hidden="true" />
  if (!status) return null
  return (
    <span
      className={`pg-dot ${status === 'Succeeded' ? 'pg-dot-ok' : 'pg-dot-fail'}`}
      aria-label={status === 'Succeeded' ? '(succeeded)' : '(failed)'}
    />
  )
}

/** The editor, subscribed only to the files and markers (results never re-render it). */
const EditorArea = memo(function EditorArea({
  workspaceId,
  session,
  onRun,
}: {
  workspaceId: string
  session: Session
  onRun(): void
}) {
  const files = usePlayground((s) => s.workspaces[workspaceId]?.files)
  const activeFile = usePlayground((s) => s.workspaces[workspaceId]?.activeFile)
  const markers = useSession(session, (s) => s.markers)
  const onChange = useCallback(
    (path: string, text: string) => playgroundStore.getState().setFile(workspaceId, path, text),
    [workspaceId],
  )
  const onActive = useCallback(
    (path: string) => playgroundStore.getState().setActiveFile(workspaceId, path),
    [workspaceId],
  )
  const onFiles = useCallback(
    (f: Record<string, string>, active: string) => playgroundStore.getState().setFiles(workspaceId, f, active),
    [workspaceId],
  )
  const runRef = useRef(onRun)
  runRef.current = onRun
  const run = useCallback(() => runRef.current(), [])
  if (!files || !activeFile) return null
  return (
    <CodeEditor
      files={files}
      activeFile={activeFile}
      onChange={onChange}
      onActiveFileChange={onActive}
      onFilesChange={onFiles}
      markers={markers}
      onRun={run}
    />
  )
})

const Toolbar = memo(function Toolbar(props: {
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

function PanelNotices({ workspaceId, session }: { workspaceId: string; session: Session }) {
  const issues = usePlayground((s) => s.loadIssues)
  const saveError = usePlayground((s) => s.saveError)
  const notice = useSession(session, (s) => s.notice)
  const mine = issues.filter((i) => i.workspaceId === workspaceId || i.workspaceId === undefined)
  return (
    <>
      {mine.length > 0 && (
        <div className="pg-notice" role="status" data-testid="pg-load-notice">
          <div>
            <strong>We repaired your saved playground.</strong>
            <ul>
              {mine.map((i) => (
                <li key={i.message}>{i.message}</li>
              ))}
            </ul>
            <p className="muted">
              Everything else was kept. The damaged original is kept in this browser’s storage as a backup.
            </p>
          </div>
          <button
            type="button"
            className="icon-btn"
            aria-label="Dismiss this notice"
            onClick={() => playgroundStore.getState().dismissLoadIssues(workspaceId)}
          >
            <CloseIcon />
          </button>
        </div>
      )}
      {saveError && (
        <div className="pg-notice pg-notice-error" role="alert">
          <p>{saveError}</p>
        </div>
      )}
      {notice && (
        <div className="pg-notice" role="alert" data-testid="pg-engine-notice">
          <p>{notice}</p>
          <button
            type="button"
            className="icon-btn"
            aria-label="Dismiss this notice"
            onClick={() => session.dismissNotice()}
          >
            <CloseIcon />
          </button>
        </div>
      )}
    </>
  )
}

function PlayIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d="M7 4.5v15l13-7.5z" fill="currentColor" />
    </svg>
  )
}
