/**
 * The Monaco editor itself. Loaded lazily by ../CodeEditor.tsx (through ../lazy.ts): this module
 * and everything it imports (Monaco, its workers, @types/aws-lambda) form the editor's chunk.
 */
import Editor, { type OnMount } from '@monaco-editor/react'
import type { editor as EditorNS } from 'monaco-editor/editor/editor.api'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { PaneProps } from '../types.ts'
import { languageOf, ProjectModels } from './project.ts'
import { monaco, THEMES } from './setup.ts'

export default function MonacoPane(props: PaneProps) {
  const { files, activeFile, readOnly, ariaLabel, theme, markers, placeholder, api, onProblems } = props
  const [project] = useState(() => new ProjectModels(monaco))
  const editorRef = useRef<EditorNS.IStandaloneCodeEditor | null>(null)
  const latest = useRef(props)
  latest.current = props

  // Declared first so that after a StrictMode remount the project is active again before sync.
  useEffect(() => {
    project.activate()
    return () => project.dispose()
  }, [project])
  // Models for every file, before the editor mounts (the wrapper's loader resolves a tick later).
  useEffect(() => {
    project.sync(files)
  }, [project, files])
  useEffect(() => {
    project.setLambdaMarkers(markers)
  }, [project, markers])

  // Error counts for the tab badges.
  useEffect(() => {
    let raf = 0
    const report = () => {
      cancelAnimationFrame(raf)
      raf = requestAnimationFrame(() => latest.current.onProblems(project.problemCounts()))
    }
    const sub = monaco.editor.onDidChangeMarkers(report)
    report()
    return () => {
      cancelAnimationFrame(raf)
      sub.dispose()
    }
  }, [project, onProblems])

  useEffect(() => {
    api.current = {
      async format() {
        const ed = editorRef.current
        if (!ed || latest.current.readOnly) return false
        const action = ed.getAction('editor.action.formatDocument')
        if (!action) return false
        await action.run()
        return true
      },
      focus() {
        editorRef.current?.focus()
      },
    }
    return () => {
      api.current = null
    }
  }, [api])

  const onMount = useCallback<OnMount>((ed) => {
    editorRef.current = ed
    ed.addAction({
      id: 'lambda-foundations.run',
      label: 'Run function',
      keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter],
      run: () => latest.current.onRun?.(),
    })
  }, [])

  const onChange = useCallback(
    (value: string | undefined) => {
      const model = editorRef.current?.getModel()
      const path = model ? project.pathOf(model.uri) : undefined
      if (path === undefined) return
      const text = value ?? model!.getValue()
      project.noteEmitted(path, text)
      latest.current.onChange(path, text)
    },
    [project],
  )

  const options = useMemo<EditorNS.IStandaloneEditorConstructionOptions>(
    () => ({
      ariaLabel,
      readOnly,
      domReadOnly: readOnly,
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 14,
      lineHeight: 21,
      tabSize: 2,
      insertSpaces: true,
      scrollBeyondLastLine: false,
      fixedOverflowWidgets: true,
      renderLineHighlight: 'line',
      padding: { top: 8, bottom: 8 },
      wordWrap: 'off',
      lineNumbersMinChars: 3,
      stickyScroll: { enabled: false },
      'semanticHighlighting.enabled': true,
      accessibilitySupport: 'auto',
    }),
    [ariaLabel, readOnly],
  )

  return (
    <Editor
      path={project.uriOf(activeFile).toString()}
      language={languageOf(activeFile)}
      // Not `value`: a controlled value would overwrite keystrokes typed while React re-renders.
      // External changes to `files` reach the models through project.sync().
      defaultValue={files[activeFile] ?? ''}
      theme={THEMES[theme]}
      options={options}
      keepCurrentModel
      saveViewState
      loading={placeholder}
      onMount={onMount}
      onChange={onChange}
      wrapperProps={{ className: 'pg-editor-monaco', 'data-testid': 'monaco-editor' }}
    />
  )
}
