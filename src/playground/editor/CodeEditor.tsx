/**
 * The multi-file code editor: a tab bar (new / rename / delete / format) and the Monaco editor,
 * loaded lazily. This module does not import Monaco: until the editor's chunk arrives it shows a
 * read-only placeholder of the open file, of the same size, and Ctrl/Cmd+Enter already runs.
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
import { sourcePathFor } from './build.ts'
import './editor.css'
import {
  ALLOWED_EXTENSIONS,
  kindLabel,
  neighbourAfterDelete,
  removeFromFiles,
  renameInFiles,
  suggestNewFileName,
  validateFilePath,
} from './files.ts'
import { loadPane } from './lazy.ts'
import type { CodeEditorProps, EditorMarker, PaneApi, PaneProps } from './types.ts'
import { useDocumentTheme } from './useDocumentTheme.ts'

type FileForm =
  | { mode: 'new'; value: string; error: string | null }
  | { mode: 'rename'; path: string; value: string; error: string | null }
type Focus = { kind: 'tab'; path: string } | { kind: 'editor' } | null

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
    ref,
  } = props
  const id = useId()
  const paths = useMemo(() => Object.keys(files), [files])
  const theme = useDocumentTheme()
  const [Pane, setPane] = useState<ComponentType<PaneProps> | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [attempt, setAttempt] = useState(0)
  const [problems, setProblems] = useState<Record<string, number>>({})
  const [form, setForm] = useState<FileForm | null>(null)
  const [confirmDelete, setConfirmDelete] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const paneApi = useRef<PaneApi | null>(null)
  const placeholderRef = useRef<HTMLElement | null>(null)
  const tabRefs = useRef(new Map<string, HTMLButtonElement>())
  const inputRef = useRef<HTMLInputElement | null>(null)
  const cancelDeleteRef = useRef<HTMLButtonElement | null>(null)
  const pendingFocus = useRef<Focus>(null)
  const onRunRef = useRef(onRun)
  onRunRef.current = onRun
  const rootRef = useRef<HTMLDivElement | null>(null)
  // Monaco is large (about 1 MB gzip, and a second or more of main-thread work to start), so it
  // loads only when the editor is within a screen of the viewport, or is pointed at or focused:
  // a lab at the end of a lesson costs nothing to a learner who is reading the top of it.
  const [wanted, setWanted] = useState(false)
  useEffect(() => {
    const el = rootRef.current
    if (wanted || !el) return
    if (typeof IntersectionObserver === 'undefined') {
      setWanted(true)
      return
    }
    const want = () => setWanted(true)
    const io = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && want(), {
      rootMargin: '100% 0px 100% 0px',
    })
    io.observe(el)
    el.addEventListener('pointerenter', want)
    el.addEventListener('focusin', want)
    return () => {
      io.disconnect()
      el.removeEventListener('pointerenter', want)
      el.removeEventListener('focusin', want)
    }
  }, [wanted])

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
    const out: Record<string, { count: number; severity: 'error' | 'warning' }> = {}
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

  useEffect(() => {
    if (form) inputRef.current?.focus()
  }, [form?.mode, form && 'path' in form ? form.path : null]) // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    if (confirmDelete) cancelDeleteRef.current?.focus()
  }, [confirmDelete])

  function select(p: string, focusTab = false) {
    if (p !== activeFile) onActiveFileChange(p)
    if (focusTab) pendingFocus.current = { kind: 'tab', path: p }
  }

  function openNew() {
    setConfirmDelete(null)
    setNotice(null)
    setForm({ mode: 'new', value: suggestNewFileName(paths, shown), error: null })
  }

  function openRename(p: string) {
    if (readOnly) return
    setConfirmDelete(null)
    setNotice(null)
    setForm({ mode: 'rename', path: p, value: p, error: null })
  }

  function askDelete(p: string) {
    if (readOnly) return
    setForm(null)
    if (paths.length <= 1) {
      setNotice('A function needs at least one file, so the last one can’t be deleted.')
      return
    }
    setNotice(null)
    setConfirmDelete(p)
  }

  function closeForm(focusBack = true) {
    setForm(null)
    if (focusBack && shown) pendingFocus.current = { kind: 'tab', path: shown }
  }

  function submitForm() {
    if (!form) return
    const check = validateFilePath(form.value, paths, form.mode === 'rename' ? form.path : undefined)
    if (!check.ok) {
      setForm({ ...form, error: check.message })
      inputRef.current?.focus()
      return
    }
    if (form.mode === 'new') {
      const text = check.path.endsWith('.json') ? '{}\n' : ''
      onFilesChange({ ...files, [check.path]: text }, check.path)
      setForm(null)
      pendingFocus.current = { kind: 'editor' }
    } else {
      const from = form.path
      if (check.path !== from)
        onFilesChange(renameInFiles(files, from, check.path), activeFile === from ? check.path : activeFile)
      setForm(null)
      pendingFocus.current = { kind: 'tab', path: activeFile === from ? check.path : activeFile }
    }
  }

  function doDelete() {
    const p = confirmDelete
    setConfirmDelete(null)
    if (!p || !(p in files) || paths.length <= 1) return
    const next = p === activeFile ? (neighbourAfterDelete(paths, p) ?? paths[0]) : activeFile
    onFilesChange(removeFromFiles(files, p), next)
    pendingFocus.current = { kind: 'tab', path: next }
  }

  function onTabKeyDown(e: KeyboardEvent<HTMLButtonElement>, p: string) {
    const i = paths.indexOf(p)
    let target: string | undefined
    switch (e.key) {
      case 'ArrowRight':
        target = paths[(i + 1) % paths.length]
        break
      case 'ArrowLeft':
        target = paths[(i - 1 + paths.length) % paths.length]
        break
      case 'Home':
        target = paths[0]
        break
      case 'End':
        target = paths[paths.length - 1]
        break
      case 'F2':
        e.preventDefault()
        openRename(p)
        return
      case 'Delete':
        e.preventDefault()
        askDelete(p)
        return
      case 'Enter':
        if (e.ctrlKey || e.metaKey) return // Run: handled by the root
        e.preventDefault()
        select(p)
        focusEditor()
        return
      default:
        return
    }
    e.preventDefault()
    select(target, true)
    tabRefs.current.get(target)?.focus()
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
    <div ref={rootRef} className="pg-editor" style={rootStyle} onKeyDown={onRootKeyDown} data-theme-editor={theme}>
      <div className="pg-editor-bar">
        <div role="tablist" aria-label={`${labelPrefix}: files`} className="pg-editor-tabs">
          {paths.map((p) => {
            const badge = badges[p]
            const selected = p === shown
            return (
              <button
                key={p}
                ref={(el) => {
                  if (el) tabRefs.current.set(p, el)
                  else tabRefs.current.delete(p)
                }}
                type="button"
                role="tab"
                id={tabId(p)}
                aria-selected={selected}
                aria-controls={panelId}
                tabIndex={selected ? 0 : -1}
                className="pg-editor-tab"
                title={`${p} (${kindLabel(p)})${readOnly ? '' : ' — F2 to rename, Delete to delete'}`}
                onClick={() => select(p)}
                onDoubleClick={() => openRename(p)}
                onKeyDown={(e) => onTabKeyDown(e, p)}
              >
                <span className="pg-editor-tab-name">{p}</span>
                {badge && (
                  <>
                    <span className={`pg-editor-badge is-${badge.severity}`} aria-hidden="true">
                      {badge.count}
                    </span>
                    <span className="sr-only">
                      , {badge.count}{' '}
                      {badge.severity === 'error'
                        ? badge.count === 1
                          ? 'error'
                          : 'errors'
                        : badge.count === 1
                          ? 'warning'
                          : 'warnings'}
                    </span>
                  </>
                )}
              </button>
            )
          })}
        </div>
        {!readOnly && (
          <div className="pg-editor-actions" role="group" aria-label="File actions">
            <button type="button" className="pg-editor-action" onClick={openNew} aria-label="New file" title="New file">
              <PlusIcon />
              <span className="pg-editor-action-text">New</span>
            </button>
            <button
              type="button"
              className="pg-editor-action"
              onClick={() => shown && openRename(shown)}
              aria-label={`Rename ${shown}`}
              title={`Rename ${shown} (F2)`}
            >
              <PencilIcon />
              <span className="pg-editor-action-text">Rename</span>
            </button>
            <button
              type="button"
              className="pg-editor-action"
              onClick={() => shown && askDelete(shown)}
              aria-label={`Delete ${shown}`}
              title={paths.length <= 1 ? 'A function needs at least one file' : `Delete ${shown}`}
              aria-disabled={paths.length <= 1 || undefined}
            >
              <TrashIcon />
              <span className="pg-editor-action-text">Delete</span>
            </button>
            {formatButton && (
              <button
                type="button"
                className="pg-editor-action"
                onClick={() => void paneApi.current?.format()}
                disabled={!Pane}
                aria-label={`Format ${shown}`}
                title="Format document (Shift+Alt+F)"
              >
                <FormatIcon />
                <span className="pg-editor-action-text">Format</span>
              </button>
            )}
          </div>
        )}
      </div>

      {form && (
        <form
          className="pg-editor-form"
          aria-label={form.mode === 'new' ? 'New file' : `Rename ${form.path}`}
          onSubmit={(e) => {
            e.preventDefault()
            submitForm()
          }}
        >
          <label htmlFor={`${id}-name`}>{form.mode === 'new' ? 'New file name' : `Rename ${form.path} to`}</label>
          <input
            ref={inputRef}
            id={`${id}-name`}
            className="pg-editor-input"
            value={form.value}
            autoComplete="off"
            autoCapitalize="off"
            spellCheck={false}
            aria-invalid={form.error ? true : undefined}
            aria-describedby={form.error ? `${id}-error` : `${id}-hint`}
            onChange={(e) => setForm({ ...form, value: e.target.value, error: null })}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                e.preventDefault()
                closeForm()
              }
            }}
            onFocus={(e) => {
              // Select the name without the extension, as file managers do.
              const v = e.target.value
              const dot = v.lastIndexOf('.')
              const slash = v.lastIndexOf('/')
              if (dot > slash + 1) e.target.setSelectionRange(slash + 1, dot)
            }}
          />
          <button type="submit" className="pg-editor-btn pg-editor-btn-primary">
            {form.mode === 'new' ? 'Create' : 'Rename'}
          </button>
          <button type="button" className="pg-editor-btn" onClick={() => closeForm()}>
            Cancel
          </button>
          {form.error ? (
            <p id={`${id}-error`} className="pg-editor-error" role="alert">
              {form.error}
            </p>
          ) : (
            <p id={`${id}-hint`} className="pg-editor-hint">
              A path inside the function, like lib/orders.mjs. Extensions: {ALLOWED_EXTENSIONS.join(' ')}
            </p>
          )}
        </form>
      )}

      {confirmDelete && (
        <div className="pg-editor-form" role="group" aria-labelledby={`${id}-confirm`}>
          <p id={`${id}-confirm`} className="pg-editor-confirm">
            Delete <strong>{confirmDelete}</strong>? Its code will be lost.
          </p>
          <button type="button" className="pg-editor-btn pg-editor-btn-danger" onClick={doDelete}>
            Delete
          </button>
          <button
            ref={cancelDeleteRef}
            type="button"
            className="pg-editor-btn"
            onClick={() => {
              setConfirmDelete(null)
              if (shown) pendingFocus.current = { kind: 'tab', path: shown }
            }}
            onKeyDown={(e) => {
              if (e.key === 'Escape') setConfirmDelete(null)
            }}
          >
            Cancel
          </button>
        </div>
      )}

      {notice && (
        <p className="pg-editor-notice" role="status">
          {notice}
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
              <button
                type="button"
                className="pg-editor-btn"
                onClick={() => {
                  setLoadError(null)
                  setAttempt((n) => n + 1)
                }}
              >
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

const iconProps = {
  width: 16,
  height: 16,
  viewBox: '0 0 24 24',
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 2,
  strokeLinecap: 'round' as const,
  strokeLinejoin: 'round' as const,
  'aria-hidden': true,
  focusable: false,
}
const PlusIcon = () => (
  <svg {...iconProps}>
    <path d="M12 5v14M5 12h14" />
  </svg>
)
const PencilIcon = () => (
  <svg {...iconProps}>
    <path d="M4 20h4L19 9l-4-4L4 16v4z" />
    <path d="M13.5 6.5l4 4" />
  </svg>
)
const TrashIcon = () => (
  <svg {...iconProps}>
    <path d="M4 7h16M10 11v6M14 11v6M6 7l1 13h10l1-13M9 7V4h6v3" />
  </svg>
)
const FormatIcon = () => (
  <svg {...iconProps}>
    <path d="M4 6h16M4 10h10M4 14h16M4 18h10" />
  </svg>
)
