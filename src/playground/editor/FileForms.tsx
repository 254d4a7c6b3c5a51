/** The editor's "new file" / "rename" form and its delete confirmation. */
import { ALLOWED_EXTENSIONS } from './files.ts'
import type { FileActions } from './useFileActions.ts'

export function FileNameForm({ id, actions }: { id: string; actions: FileActions }) {
  const { form, setForm, inputRef, submitForm, closeForm } = actions
  if (!form) return null
  return (
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
  )
}

export function DeleteConfirm({ id, actions }: { id: string; actions: FileActions }) {
  const { confirmDelete, setConfirmDelete, cancelDeleteRef, doDelete, cancelDelete } = actions
  if (!confirmDelete) return null
  return (
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
        onClick={cancelDelete}
        onKeyDown={(e) => {
          if (e.key === 'Escape') setConfirmDelete(null)
        }}
      >
        Cancel
      </button>
    </div>
  )
}
