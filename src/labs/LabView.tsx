/**
 * A hands-on lab: instructions, hints revealed one at a time, the playground preloaded with the
 * starter, "Run checks" (each check passed or failed with its message), reset and "show
 * solution" as a diff (both undoable). Passing saves completion in progress.
 *
 *   <Lab id="first-handler" />            in a lesson (through the MDX components)
 *   #/embed/lab/first-handler             for an instructor's iframe
 */
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { progressStore, useCurrentLesson, useProgress } from '../course/index.ts'
import { CopyEmbed } from '../shared/CopyEmbed.tsx'
import {
  PlaygroundPanel,
  buildFunction,
  functionNameFor,
  getLabCheckEngine,
  getSession,
  playgroundStore,
  usePlayground,
  workspaceFromInitial,
  type PlaygroundInitial,
} from '../playground/index.ts'
import { diffFiles, withContext } from './diff.ts'
import { renderMarkdown } from './markdown.ts'
import { LabLoadError, loadLab } from './registry.ts'
import { runLabChecks } from './runner.ts'
import type { CheckResult, LabDefinition, LoadedLab } from './types.ts'
import './LabView.css'

export interface LabRunEvent {
  lab: LabDefinition
  passed: number
  total: number
  pass: boolean
}

export interface LabViewProps {
  id: string
  /** In an embed: no "Copy embed code". */
  embedded?: boolean
  /** After every "Run checks" (embeds post a statement). */
  onRun?(e: LabRunEvent): void
  /** Shown while the lab's definition loads (a lesson passes the placeholder that held the lab's place). */
  placeholder?: ReactNode
}

type Loaded = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; loaded: LoadedLab }

export default function LabView(props: LabViewProps) {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' })
  useEffect(() => {
    let live = true
    loadLab(props.id).then(
      (l) => live && setLoaded({ state: 'ready', loaded: l }),
      (e: unknown) =>
        live &&
        setLoaded({
          state: 'error',
          message:
            e instanceof LabLoadError
              ? e.message
              : 'The lab could not be loaded. Your connection may have dropped, or the course was updated: reload the page.',
        }),
    )
    return () => {
      live = false
    }
  }, [props.id])
  if (loaded.state === 'loading' && props.placeholder) return props.placeholder
  if (loaded.state === 'loading')
    return (
      <div className="lab not-prose lab-loading" role="status">
        <span className="sr-only">Loading the lab…</span>
      </div>
    )
  if (loaded.state === 'error') {
    return (
      <div className="lab lab-error" role="alert">
        {loaded.message}
      </div>
    )
  }
  return <Lab {...props} loaded={loaded.loaded} />
}

function toInitial(l: LoadedLab): PlaygroundInitial {
  const f = l.lab.function
  const first = l.lab.events[0]
  return {
    files: { ...l.starter },
    activeFile: f.Handler.includes('.')
      ? Object.keys(l.starter).find((p) => p.replace(/\.[^.]+$/, '') === f.Handler.slice(0, f.Handler.lastIndexOf('.')))
      : undefined,
    config: {
      Handler: f.Handler,
      Runtime: f.Runtime,
      MemorySize: f.MemorySize ?? 128,
      Timeout: f.Timeout ?? 3,
      ...(f.Environment ? { Environment: { ...f.Environment.Variables } } : {}),
      ...(f.LoggingConfig?.LogFormat ? { LogFormat: f.LoggingConfig.LogFormat } : {}),
      ...(f.LoggingConfig?.ApplicationLogLevel ? { ApplicationLogLevel: f.LoggingConfig.ApplicationLogLevel } : {}),
      ...(f.LoggingConfig?.SystemLogLevel ? { SystemLogLevel: f.LoggingConfig.SystemLogLevel } : {}),
    },
    event: first ? JSON.stringify(first.payload, null, 2) : undefined,
    eventSource: first ? { kind: 'saved', name: first.name } : undefined,
  }
}

type RunState =
  | { state: 'idle' }
  | { state: 'running'; done: CheckResult[]; current: string | null }
  | { state: 'done'; results: CheckResult[]; pass: boolean }
  | { state: 'build-failed'; errors: string[] }

function Lab({ id, embedded, onRun, loaded }: LabViewProps & { loaded: LoadedLab }) {
  const { lab, starter, solution } = loaded
  const workspaceId = `lab:${id}`
  const lesson = useCurrentLesson()
  const initial = useMemo(() => toInitial(loaded), [loaded])
  const passedAt = useProgress((s) => s.labs[id]?.passedAt ?? null)
  const [hints, setHints] = useState(0)
  const [run, setRun] = useState<RunState>({ state: 'idle' })
  const [confirmReset, setConfirmReset] = useState(false)
  const [undo, setUndo] = useState<{ label: string; files: Record<string, string>; active: string } | null>(null)
  const [showSolution, setShowSolution] = useState(false)
  const [announce, setAnnounce] = useState('')
  const resultsRef = useRef<HTMLDivElement>(null)
  const instructions = useMemo(() => renderMarkdown(lab.instructions), [lab.instructions])

  // The lab's own events become the workspace's saved events, so the picker offers them. This
  // runs before the panel mounts (the panel would otherwise create the workspace without them).
  useState(() => {
    // The lab's account (resources, the execution role, files that configure it) applies to Run too.
    getSession(workspaceId).setAccountSetup(lab.account)
    const store = playgroundStore.getState()
    store.ensureWorkspace(workspaceId, () => ({
      ...workspaceFromInitial(initial),
      savedEvents: lab.events.slice(0, 10).map((e) => ({ name: e.name, text: JSON.stringify(e.payload, null, 2) })),
    }))
    // A workspace saved before the lab gained an event (or one whose events could not be read)
    // gets the missing ones back; events the learner edited under the same name are kept.
    const ws = playgroundStore.getState().workspaces[workspaceId]
    if (ws) {
      const have = new Set(ws.savedEvents.map((e) => e.name))
      const missing = lab.events
        .filter((e) => !have.has(e.name))
        .map((e) => ({ name: e.name, text: JSON.stringify(e.payload, null, 2) }))
      const savedEvents = [...ws.savedEvents, ...missing].slice(0, 10)
      if (savedEvents.length > ws.savedEvents.length) {
        // The event in the editor is one of them, unchanged: name it.
        const same = ws.eventSource.kind === 'custom' ? missing.find((e) => e.text === ws.eventText) : undefined
        store.replaceWorkspace(workspaceId, {
          ...ws,
          savedEvents,
          ...(same ? { eventSource: { kind: 'saved' as const, name: same.name } } : {}),
        })
      }
    }
    return true
  })

  const files = usePlayground((s) => s.workspaces[workspaceId]?.files)

  const replaceFiles = (next: Record<string, string>, label: string) => {
    const ws = playgroundStore.getState().workspaces[workspaceId]
    if (ws) setUndo({ label, files: ws.files, active: ws.activeFile })
    const active = Object.keys(next).includes(ws?.activeFile ?? '') ? ws!.activeFile : Object.keys(next)[0]!
    playgroundStore.getState().setFiles(workspaceId, { ...next }, active)
  }

  const runChecks = async () => {
    const ws = playgroundStore.getState().workspaces[workspaceId]
    if (!ws || run.state === 'running') return
    setRun({ state: 'running', done: [], current: null })
    setAnnounce('Running the checks…')
    const built = await buildFunction(ws.files)
    if (!built.ok) {
      const errors = built.errors.map((e) => `${e.file}:${e.line}:${e.column}: ${e.message}`)
      setRun({ state: 'build-failed', errors })
      setAnnounce('The build failed, so no check ran. Fix the errors shown and run the checks again.')
      return
    }
    const done: CheckResult[] = []
    const out = await runLabChecks(lab, built.files, getLabCheckEngine(), {
      functionName: functionNameFor(workspaceId),
      onCheckStart: (name) => setRun({ state: 'running', done: [...done], current: name }),
      onCheckResult: (r) => {
        done.push(r)
        setRun({ state: 'running', done: [...done], current: null })
      },
    })
    const passed = out.results.filter((r) => r.pass).length
    setRun({ state: 'done', results: out.results, pass: out.pass })
    const req =
      lesson && lesson.labs.includes(id) ? { slug: lesson.slug, checks: lesson.checks, labs: lesson.labs } : undefined
    progressStore.getState().recordLab(id, out.pass, req)
    setAnnounce(
      out.pass
        ? `All ${out.results.length} checks passed. Lab complete.`
        : `${passed} of ${out.results.length} checks passed.`,
    )
    onRun?.({ lab, passed, total: out.results.length, pass: out.pass })
    requestAnimationFrame(() => resultsRef.current?.focus())
  }

  const diffs = useMemo(
    () => (showSolution && files ? diffFiles(files, solution) : []),
    [showSolution, files, solution],
  )
  const changed = diffs.filter((d) => d.status !== 'same')

  return (
    <section
      className={`lab not-prose${passedAt ? ' is-passed' : ''}`}
      aria-labelledby={`lab-${id}-title`}
      data-lab-id={id}
    >
      <header className="lab-head">
        <p className="lab-eyebrow">Hands-on lab{passedAt ? ' · completed' : ''}</p>
        <h2 className="lab-title" id={`lab-${id}-title`}>
          {lab.title}
        </h2>
        <p className="lab-summary">{lab.summary}</p>
      </header>

      <details className="lab-instructions" open>
        <summary>Instructions</summary>
        <div className="lab-md" dangerouslySetInnerHTML={{ __html: instructions }} />
      </details>

      <div className="lab-hints">
        {lab.hints.slice(0, hints).map((h, i) => (
          <div key={i} className="lab-hint" role="note" aria-label={`Hint ${i + 1} of ${lab.hints.length}`}>
            <p className="lab-hint-label">
              Hint {i + 1} of {lab.hints.length}
            </p>
            <div className="lab-md" dangerouslySetInnerHTML={{ __html: renderMarkdown(h) }} />
          </div>
        ))}
        {hints < lab.hints.length && (
          <button
            type="button"
            className="btn btn-ghost btn-sm"
            onClick={() => {
              setHints(hints + 1)
              setAnnounce(`Hint ${hints + 1} shown.`)
            }}
          >
            {hints === 0 ? 'Show a hint' : 'Show the next hint'} ({hints + 1} of {lab.hints.length})
          </button>
        )}
      </div>

      <PlaygroundPanel
        workspaceId={workspaceId}
        initial={initial}
        label={`Lab: ${lab.title}`}
        hide={{ share: true, reset: true }}
        toolbarExtra={
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => void runChecks()}
            disabled={run.state === 'running'}
            data-testid="run-checks"
          >
            {run.state === 'running' ? 'Running checks…' : 'Run checks'}
          </button>
        }
      />

      <div className="lab-actions">
        {!confirmReset ? (
          <button type="button" className="btn btn-ghost btn-sm" onClick={() => setConfirmReset(true)}>
            Reset to the starter
          </button>
        ) : (
          <span className="lab-confirm" role="group" aria-label="Confirm reset">
            <span>Replace your code with the starter?</span>
            <button
              type="button"
              className="btn btn-secondary btn-sm"
              onClick={() => {
                replaceFiles(starter, 'Undo reset')
                setConfirmReset(false)
                setRun({ state: 'idle' })
                setAnnounce('Your code was reset to the starter. You can undo this.')
              }}
            >
              Reset
            </button>
            <button type="button" className="btn btn-ghost btn-sm" onClick={() => setConfirmReset(false)}>
              Cancel
            </button>
          </span>
        )}
        <button
          type="button"
          className="btn btn-ghost btn-sm"
          aria-expanded={showSolution}
          onClick={() => setShowSolution((s) => !s)}
        >
          {showSolution ? 'Hide the solution' : 'Show the solution'}
        </button>
        {undo && (
          <button
            type="button"
            className="btn btn-secondary btn-sm"
            onClick={() => {
              playgroundStore.getState().setFiles(workspaceId, undo.files, undo.active)
              setAnnounce('Undone: your code is back.')
              setUndo(null)
            }}
          >
            {undo.label}
          </button>
        )}
        {!embedded && <CopyEmbed kind="lab" id={id} title={`Lab: ${lab.title}`} />}
      </div>

      {showSolution && (
        <div className="lab-solution" role="region" aria-label="The solution, as changes to your code">
          {changed.length === 0 ? (
            <p>Your code is the same as the solution.</p>
          ) : (
            <>
              <p>
                What the solution changes in your code ({changed.length} {changed.length === 1 ? 'file' : 'files'}).
                Lines starting with + are added, − removed.
              </p>
              {changed.map((d) => (
                <figure key={d.path} className="lab-diff">
                  <figcaption>
                    <code>{d.path}</code>{' '}
                    {d.status === 'changed'
                      ? `+${d.added} −${d.removed}`
                      : d.status === 'added'
                        ? '(new file)'
                        : '(removed)'}
                  </figcaption>
                  <pre tabIndex={0}>
                    {withContext(d.lines).map((l, i) =>
                      l.kind === 'gap' ? (
                        <span key={i} className="lab-diff-gap">
                          ⋯ {l.count} unchanged {l.count === 1 ? 'line' : 'lines'}
                          {'\n'}
                        </span>
                      ) : (
                        <span key={i} className={`lab-diff-${l.kind}`}>
                          {l.kind === 'add' ? '+ ' : l.kind === 'del' ? '− ' : '  '}
                          {l.text}
                          {'\n'}
                        </span>
                      ),
                    )}
                  </pre>
                </figure>
              ))}
              <button
                type="button"
                className="btn btn-secondary btn-sm"
                onClick={() => {
                  replaceFiles(solution, 'Undo: restore my code')
                  setAnnounce('The solution replaced your code. You can undo this.')
                }}
              >
                Use the solution
              </button>
            </>
          )}
        </div>
      )}

      <div className="lab-results" ref={resultsRef} tabIndex={-1} role="region" aria-label="Check results">
        {run.state === 'build-failed' && (
          <div className="lab-result-box is-fail">
            <p className="lab-result-title">The build failed, so no check ran.</p>
            <ul>
              {run.errors.map((e) => (
                <li key={e}>
                  <code>{e}</code>
                </li>
              ))}
            </ul>
          </div>
        )}
        {(run.state === 'running' || run.state === 'done') && (
          <div className={`lab-result-box${run.state === 'done' ? (run.pass ? ' is-pass' : ' is-fail') : ''}`}>
            <p className="lab-result-title" data-testid="lab-result-title">
              {run.state === 'running'
                ? `Running checks… ${run.done.length} of ${lab.checks.length}`
                : run.pass
                  ? `All ${run.results.length} checks passed. Lab complete!`
                  : `${run.results.filter((r) => r.pass).length} of ${run.results.length} checks passed.`}
            </p>
            <ol className="lab-check-list">
              {(run.state === 'done' ? run.results : run.done).map((r) => (
                <li key={r.name} className={r.pass ? 'is-pass' : 'is-fail'} data-testid="lab-check">
                  <span className="lab-check-mark" aria-hidden="true">
                    {r.pass ? '✓' : '✗'}
                  </span>
                  <span className="lab-check-name">{r.name}</span>
                  <span className="sr-only">{r.pass ? ': passed' : ': failed'}</span>
                  {!r.pass && <p className="lab-check-message">{r.message}</p>}
                  {!r.pass && r.detail && <pre className="lab-check-detail">{r.detail}</pre>}
                </li>
              ))}
              {run.state === 'running' && run.current && <li className="is-running">{run.current}…</li>}
            </ol>
          </div>
        )}
      </div>
      <p className="sr-only" role="status" aria-live="polite">
        {announce}
      </p>
    </section>
  )
}
