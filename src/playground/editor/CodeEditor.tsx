/**
 * The multi-file code editor: a tab bar (new / rename / delete / format) and the Monaco editor,
 * loaded lazily. This module does not import Monaco: until the editor's chunk arrives it shows a
 * read-only placeholder of the open file, of the same size, and Ctrl/Cmd+Enter already runs.
 *
 * The parts: FileTabs.tsx (the bar), FileForms.tsx (new/rename form, delete confirmation),
 * useFileActions.ts (what those do), monaco/MonacoPane.tsx (the editor itself, lazy.ts).
 */
import {
  type ComponentType,
  type KeyboardEvent,
  useCallback,
  useEffect,
  useId,
  useImperativeHandle,
  useMemo,
  useRef,
  useState,
} from 'react'
import { useNearViewport } from '../../shared/useNearViewport.ts'
import { sourcePathFor } from './build.ts'
import './editor.css'
import { DeleteConfirm, FileNameForm } from './FileForms.tsx'
import { FileTabs, type Badge } from './FileTabs.tsx'
import { loadPane } from './lazy.ts'
import type { CodeEditorProps, EditorMarker, PaneApi, PaneProps } from './types.ts'
import { useDocumentTheme } from './useDocumentTheme.ts'
import { useFileActions, type Focus } from './useFileActions.ts'

export function CodeEditor(props: CodeEditorProps) {
  const {
    files,
    activeFile,
    onChange,
    onActiveFileChange,
    onFilesChange,
    markers,
    onRun,
    readOnly = false,
    height,
    label = 'Code editor',
    formatButton = true,
    load = 'near',
    ref,
  } = props
  const id = useId()
  const paths = useMemo(() => Object.keys(files), [files])
  const theme = useDocumentTheme()
  const [problems, setProblems] = useState<Record<string, number>>({})
  const paneApi = useRef<PaneApi | null>(null)
  const placeholderRef = useRef<HTMLElement | null>(null)
  const tabRefs = useRef(new Map<string, HTMLButtonElement>())
  const pendingFocus = useRef<Focus>(null)
  const onRunRef = useRef(onRun)
  onRunRef.current = onRun
  const [rootEl, setRootEl] = useState<HTMLDivElement | null>(null)
  const { Pane, loadError, retry } = useMonacoPane(rootEl, load === 'now')

  // The file shown must exist; if the parent passes an unknown one, show the first file.
  const shown = activeFile in files ? activeFile : paths[0]
  // "Code editor, index.mjs". A label that already names the open file is used as it is.
  const labelPrefix = shown !== undefined && label.endsWith(`, ${shown}`) ? label.slice(0, -(shown.length + 2)) : label
  const ariaLabel = `${labelPrefix}, ${shown ?? 'no file'}`
  const panelId = `${id}-panel`
  const tabId = (p: string) => `${id}-tab-${paths.indexOf(p)}`

  const mappedMarkers = useMemo<EditorMarker[]>(() => {
    if (!markers?.length) return []
    return markers.map((m) => ({ ...m, file: sourcePathFor(m.file, paths) })).filter((m) => m.file in files)
  }, [markers, paths, files])

  const badges = useMemo(() => {
    const out: Record<string, Badge> = {}
    for (const p of paths) {
      const mine = mappedMarkers.filter((m) => m.file === p)
      const count = mine.length + (problems[p] ?? 0)
      if (count)
        out[p] = { count, severity: mine.some((m) => m.severity === 'error') || problems[p] ? 'error' : 'warning' }
    }
    return out
  }, [paths, mappedMarkers, problems])

  const focusEditor = useCallback(() => {
    if (paneApi.current) paneApi.current.focus()
    else placeholderRef.current?.focus()
  }, [])

  useImperativeHandle(
    ref,
    () => ({
      formatDocument: () => (paneApi.current && !readOnly ? paneApi.current.format() : Promise.resolve(false)),
      focus: focusEditor,
    }),
    [focusEditor, readOnly],
  )

  // Move focus where an action left it, once React has rendered the result.
  useEffect(() => {
    const f = pendingFocus.current
    if (!f) return
    pendingFocus.current = null
    if (f.kind === 'tab') tabRefs.current.get(f.path)?.focus()
    else focusEditor()
  })
  // After the effect above, so a form's own focus (its input, its Cancel button) wins.
  const actions = useFileActions({ files, paths, activeFile, shown, readOnly, onFilesChange, pendingFocus })

  function select(p: string, focusTab = false) {
    if (p === activeFile) return
    onActiveFileChange(p)
    // Once the parent has re-rendered with the new file (without a change there is no render to wait for).
    if (focusTab) pendingFocus.current = { kind: 'tab', path: p }
  }

  function onRootKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    if (e.key !== 'Enter' || !(e.ctrlKey || e.metaKey) || e.defaultPrevented) return
    if ((e.target as HTMLElement).tagName === 'INPUT') return
    e.preventDefault()
    onRunRef.current?.()
  }

  const text = shown !== undefined ? files[shown] : ''
  const placeholder = (
    <div className="pg-editor-placeholder">
      <pre
        ref={(el) => {
          placeholderRef.current = el
        }}
        className="pg-editor-pre"
        tabIndex={0}
        role="textbox"
        aria-readonly="true"
        aria-multiline="true"
        aria-label={`${ariaLabel} (loading)`}
      >
        <code>{text}</code>
      </pre>
      <p className="pg-editor-status" role="status">
        Loading editor…
      </p>
    </div>
  )

  const rootStyle = height === undefined ? undefined : { height: typeof height === 'number' ? `${height}px` : height }

  return (
    <div ref={setRootEl} className="pg-editor" style={rootStyle} onKeyDown={onRootKeyDown} data-theme-editor={theme}>
      <FileTabs
        paths={paths}
        shown={shown}
        badges={badges}
        readOnly={readOnly}
        formatButton={formatButton}
        canFormat={!!Pane}
        labelPrefix={labelPrefix}
        panelId={panelId}
        tabId={tabId}
        tabRefs={tabRefs}
        select={select}
        focusEditor={focusEditor}
        onFormat={() => void paneApi.current?.format()}
        actions={actions}
      />
      <FileNameForm id={id} actions={actions} />
      <DeleteConfirm id={id} actions={actions} />

      {actions.notice && (
        <p className="pg-editor-notice" role="status">
          {actions.notice}
        </p>
      )}

      <div className="pg-editor-panel" role="tabpanel" id={panelId} aria-labelledby={shown ? tabId(shown) : undefined}>
        {loadError ? (
          <div className="pg-editor-placeholder">
            <textarea
              className="pg-editor-pre pg-editor-fallback"
              value={text}
              readOnly={readOnly}
              spellCheck={false}
              aria-label={ariaLabel}
              ref={(el) => {
                placeholderRef.current = el
              }}
              onChange={(e) => shown && onChange(shown, e.target.value)}
            />
            <p className="pg-editor-status is-error" role="alert">
              The code editor could not load ({loadError}), so this is a plain text box.{' '}
              <button type="button" className="pg-editor-btn" onClick={retry}>
                Try again
              </button>
            </p>
          </div>
        ) : Pane && shown !== undefined ? (
          <Pane
            files={files}
            activeFile={shown}
            onChange={onChange}
            onRun={() => onRunRef.current?.()}
            readOnly={readOnly}
            ariaLabel={ariaLabel}
            theme={theme}
            markers={mappedMarkers}
            placeholder={placeholder}
            api={paneApi}
            onProblems={setProblems}
          />
        ) : (
          placeholder
        )}
      </div>
    </div>
  )
}

/**
 * Monaco is large (about 1 MB gzip, and a second or more of main-thread work to start), so it
 * loads only when the editor is within a screen of the viewport, or is pointed at or focused
 * (or at once, when the parent says it is about to be used).
 */
function useMonacoPane(root: Element | null, now: boolean) {
  const wanted = useNearViewport(root, '100%') || now
  const [Pane, setPane] = useState<ComponentType<PaneProps> | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [attempt, setAttempt] = useState(0)
  useEffect(() => {
    if (!wanted) return
    let live = true
    loadPane().then(
      (m) => live && setPane(() => m.default),
      (err: unknown) => live && setLoadError(err instanceof Error ? err.message : String(err)),
    )
    return () => {
      live = false
    }
  }, [attempt, wanted])
  const retry = () => {
    setLoadError(null)
    setAttempt((n) => n + 1)
  }
  return { Pane, loadError, retry }
}
