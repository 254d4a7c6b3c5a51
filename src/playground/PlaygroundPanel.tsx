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
  lazy,
  memo,
  Suspense,
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from 'react'
import { CallsView } from './account/calls-view.tsx'
import { startAccountPersistence } from './account/persist.ts'
import { PermissionsView } from './account/permissions-view.tsx'
import { CodeEditor } from './editor/index.ts'
import { useMediaQuery, useNarrowerThan, useSession } from './hooks.ts'
import { PanelNotices } from './PanelNotices.tsx'
import { invokeBlocker, workspaceFromInitial, type PlaygroundPanelProps, type SideTab } from './panel.ts'
import { workspaceLabel } from './schema.ts'
import { getSession, type Session } from './session.ts'
import { playgroundStore, usePlayground } from './state.ts'
import { ConfigTab } from './tabs/ConfigTab.tsx'
import { EventTab } from './tabs/EventTab.tsx'
import { LogsTab } from './tabs/LogsTab.tsx'
import { ResultTab } from './tabs/ResultTab.tsx'
import { TimelineTab } from './tabs/TimelineTab.tsx'
import { Toolbar } from './Toolbar.tsx'

// The account's Resources view loads when its tab is first opened (not with the page).
const ResourcesView = lazy(() => import('./account/resources/ResourcesView.tsx'))

export {
  invokeBlocker,
  workspaceFromInitial,
  type PanelPart,
  type PlaygroundInitial,
  type PlaygroundPanelProps,
  type SideTab,
} from './panel.ts'

const TAB_LABEL: Record<SideTab, string> = {
  code: 'Code',
  event: 'Test event',
  config: 'Configuration',
  result: 'Result',
  logs: 'Logs',
  timeline: 'Timeline',
  permissions: 'Permissions',
  calls: 'Calls',
  resources: 'Resources',
}

export function PlaygroundPanel(props: PlaygroundPanelProps) {
  const { workspaceId, initial, hide = {}, label = 'Playground' } = props
  const session = useMemo(() => getSession(workspaceId), [workspaceId])
  const initialRef = useRef(initial)
  initialRef.current = initial
  const exists = usePlayground((s) => !!s.workspaces[workspaceId])

  // Create the workspace (or refill parts that could not be loaded), and start the engine now:
  // the Worker and its WebAssembly compile are ready by the time the learner clicks Invoke. The
  // editor loads Monaco at once too (EditorArea): a panel mounts only when it is about to be used
  // (a lesson mounts its lab two screens ahead of the reader), so Monaco's download and its second
  // of main-thread start-up happen while the learner reads, not in the middle of their first click.
  useEffect(() => {
    playgroundStore.getState().ensureWorkspace(workspaceId, () => workspaceFromInitial(initialRef.current))
  }, [workspaceId])
  useEffect(() => {
    // The saved account goes back into the Worker first: its roles exist before any function is deployed.
    void startAccountPersistence()
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
    if (!hide.permissions) t.push('permissions')
    if (!hide.calls) t.push('calls')
    if (!hide.resources) t.push('resources')
    return t
  }, [narrow, hide.events, hide.config, hide.logs, hide.timeline, hide.permissions, hide.calls, hide.resources])
  // Until the learner picks a tab: the code on a phone, the test event (or the result) on a desktop.
  const [tabState, setTab] = useState<SideTab | null>(null)
  const preferred: SideTab = tabState ?? (narrow ? 'code' : (props.defaultTab ?? (hide.events ? 'result' : 'event')))
  const tab: SideTab = tabs.includes(preferred) ? preferred : tabs.includes('event') ? 'event' : 'result'
  const [nudge, setNudge] = useState<string | null>(null)
  const resourcesOpened = useRef(false)
  if (tab === 'resources') resourcesOpened.current = true
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
      case 'permissions':
        return <PermissionsView functionName={session.functionName} active={tab === 'permissions'} />
      case 'calls':
        return <CallsView />
      case 'resources':
        return tab === 'resources' || resourcesOpened.current ? (
          <Suspense fallback={<p className="pg-empty">Loading the account’s resources…</p>}>
            <ResourcesView />
          </Suspense>
        ) : null
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
      load="now"
    />
  )
})
