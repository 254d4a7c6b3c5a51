/**
 * The editor's bar: one tab per file (arrow keys, Home/End, F2 to rename, Delete to delete,
 * Enter to edit), with a problem count per file, and the New / Rename / Delete / Format buttons.
 */
import type { KeyboardEvent, RefObject } from 'react'
import { FormatIcon, PencilIcon, PlusIcon, TrashIcon } from './editor-icons.tsx'
import { kindLabel } from './files.ts'
import type { FileActions } from './useFileActions.ts'

export interface Badge {
  count: number
  severity: 'error' | 'warning'
}

export interface FileTabsProps {
  paths: string[]
  shown: string | undefined
  badges: Record<string, Badge>
  readOnly: boolean
  formatButton: boolean
  /** Monaco is loaded (formatting needs it). */
  canFormat: boolean
  /** "Code editor" (the tab list is "Code editor: files"). */
  labelPrefix: string
  panelId: string
  tabId(path: string): string
  tabRefs: RefObject<Map<string, HTMLButtonElement>>
  select(path: string, focusTab?: boolean): void
  focusEditor(): void
  onFormat(): void
  actions: Pick<FileActions, 'openNew' | 'openRename' | 'askDelete'>
}

export function FileTabs(props: FileTabsProps) {
  const { paths, shown, badges, readOnly, formatButton, canFormat, labelPrefix, panelId, tabId, tabRefs } = props
  const { select, focusEditor, actions } = props

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
        actions.openRename(p)
        return
      case 'Delete':
        e.preventDefault()
        actions.askDelete(p)
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

  return (
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
              onDoubleClick={() => actions.openRename(p)}
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
          <button
            type="button"
            className="pg-editor-action"
            onClick={actions.openNew}
            aria-label="New file"
            title="New file"
          >
            <PlusIcon />
            <span className="pg-editor-action-text">New</span>
          </button>
          <button
            type="button"
            className="pg-editor-action"
            onClick={() => shown && actions.openRename(shown)}
            aria-label={`Rename ${shown}`}
            title={`Rename ${shown} (F2)`}
          >
            <PencilIcon />
            <span className="pg-editor-action-text">Rename</span>
          </button>
          <button
            type="button"
            className="pg-editor-action"
            onClick={() => shown && actions.askDelete(shown)}
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
              onClick={props.onFormat}
              disabled={!canFormat}
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
  )
}
