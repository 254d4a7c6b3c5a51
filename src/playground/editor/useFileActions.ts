/**
 * The editor's file operations: new, rename and delete, with their form, their confirmation and
 * the notice that refuses to delete the last file. Where focus goes after each action is left in
 * `pendingFocus`, which the editor applies once React has rendered the result.
 */
import { useEffect, useRef, useState } from 'react'
import { neighbourAfterDelete, removeFromFiles, renameInFiles, suggestNewFileName, validateFilePath } from './files.ts'

export type FileForm =
  | { mode: 'new'; value: string; error: string | null }
  | { mode: 'rename'; path: string; value: string; error: string | null }
export type Focus = { kind: 'tab'; path: string } | { kind: 'editor' } | null

export interface FileActionsInput {
  files: Record<string, string>
  paths: string[]
  activeFile: string
  /** The file shown (the active one, or the first if the active one does not exist). */
  shown: string | undefined
  readOnly: boolean
  onFilesChange(files: Record<string, string>, activeFile: string): void
  pendingFocus: { current: Focus }
}

export function useFileActions({
  files,
  paths,
  activeFile,
  shown,
  readOnly,
  onFilesChange,
  pendingFocus,
}: FileActionsInput) {
  const [form, setForm] = useState<FileForm | null>(null)
  const [confirmDelete, setConfirmDelete] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const inputRef = useRef<HTMLInputElement | null>(null)
  const cancelDeleteRef = useRef<HTMLButtonElement | null>(null)

  useEffect(() => {
    if (form) inputRef.current?.focus()
  }, [form?.mode, form && 'path' in form ? form.path : null]) // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    if (confirmDelete) cancelDeleteRef.current?.focus()
  }, [confirmDelete])

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

  function cancelDelete() {
    setConfirmDelete(null)
    if (shown) pendingFocus.current = { kind: 'tab', path: shown }
  }

  return {
    form,
    setForm,
    confirmDelete,
    setConfirmDelete,
    notice,
    inputRef,
    cancelDeleteRef,
    openNew,
    openRename,
    askDelete,
    closeForm,
    submitForm,
    doDelete,
    cancelDelete,
  }
}

export type FileActions = ReturnType<typeof useFileActions>
