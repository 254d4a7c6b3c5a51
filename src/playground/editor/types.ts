import type { ReactNode, Ref } from 'react'

export interface EditorMarker {
  /** The file the marker belongs to. A built path (`index.mjs` for `index.ts`) is mapped to its source. */
  file: string
  /** 1-based. */
  line: number
  /** 1-based; without it the whole line is marked. */
  column?: number
  message: string
  severity: 'error' | 'warning'
}

export interface CodeEditorHandle {
  /** Runs Monaco's "Format Document" on the open file. Resolves false if the editor is not loaded yet or is read-only. */
  formatDocument(): Promise<boolean>
  /** Moves keyboard focus into the editor (or its placeholder while it loads). */
  focus(): void
}

export interface CodeEditorProps {
  /** path -> text. The key order is the tab order. */
  files: Record<string, string>
  activeFile: string
  onChange(path: string, text: string): void
  onActiveFileChange(path: string): void
  /** After a file is created, renamed or deleted: the new file map and the file to show. */
  onFilesChange(files: Record<string, string>, activeFile: string): void
  markers?: EditorMarker[]
  /** Ctrl/Cmd+Enter, in the editor and in its placeholder. */
  onRun?(): void
  readOnly?: boolean
  /** CSS height. Default: fills its container (at least 240px). */
  height?: number | string
  /** Accessible name prefix: "<label>, index.mjs". Default "Code editor". */
  label?: string
  /** Show a "Format" button in the toolbar (default true). Formatting is also on the `ref` handle. */
  formatButton?: boolean
  /**
   * When Monaco loads: 'near' (default) when the editor comes within a screen of the viewport or
   * the pointer or focus enters it; 'now' at once, for an editor that is about to be used.
   */
  load?: 'near' | 'now'
  ref?: Ref<CodeEditorHandle>
}

/** What the lazily loaded Monaco pane offers the light component. */
export interface PaneApi {
  format(): Promise<boolean>
  focus(): void
}

/** Props of the lazily loaded Monaco pane (internal). */
export interface PaneProps {
  files: Record<string, string>
  activeFile: string
  onChange(path: string, text: string): void
  onRun?(): void
  readOnly: boolean
  /** "Code editor, index.mjs" */
  ariaLabel: string
  theme: 'light' | 'dark'
  /** Markers whose file is one of `files`. */
  markers: EditorMarker[]
  /** Shown until the editor has mounted (the read-only placeholder). */
  placeholder: ReactNode
  api: { current: PaneApi | null }
  /** Error counts per file from the language services (TypeScript, JSON). */
  onProblems(counts: Record<string, number>): void
}
