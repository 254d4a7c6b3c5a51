/**
 * What the Resources view's sections share: reading from the account (re-read after every call that
 * changed it, whoever made it), running an action with AWS's error shown when it fails, the error
 * line, an inline-confirmed delete and a labelled field.
 */
import { useCallback, useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react'
import { AccountCallError, accountSend, useAccountCalls } from '../api.ts'
import { lastChangeSeq } from './model.ts'

export { accountSend }

/** The account's change counter: moves after a successful write (from the UI, a handler or a check). */
export function useAccountChange(): number {
  const calls = useAccountCalls()
  return useMemo(() => lastChangeSeq(calls), [calls])
}

export interface AccountData<T> {
  data?: T
  error?: AccountCallError
  loading: boolean
}

/**
 * Reads from the account now, again when `deps` change and after every change to the account.
 * `load` may use anything in `deps`; a late answer for older deps is dropped.
 */
export function useAccountData<T>(load: () => Promise<T>, deps: readonly unknown[]): AccountData<T> {
  const change = useAccountChange()
  const [state, setState] = useState<AccountData<T>>({ loading: true })
  const loadRef = useRef(load)
  loadRef.current = load
  useEffect(() => {
    let live = true
    setState((s) => ({ ...s, loading: true }))
    loadRef.current().then(
      (data) => live && setState({ data, loading: false }),
      (e: unknown) => live && setState({ error: toCallError(e), loading: false }),
    )
    return () => {
      live = false
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [change, ...deps])
  return state
}

function toCallError(e: unknown): AccountCallError {
  return e instanceof AccountCallError ? e : new AccountCallError(e)
}

export interface Action {
  busy: boolean
  error?: AccountCallError
  done?: string
  /** Runs the calls; on success shows `done` (when given) and returns true. */
  run(calls: () => Promise<unknown>, done?: string): Promise<boolean>
  clear(): void
}

/** One section's actions: one at a time, AWS's error kept until the next action. */
export function useAction(): Action {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<AccountCallError>()
  const [done, setDone] = useState<string>()
  const run = useCallback(async (calls: () => Promise<unknown>, message?: string) => {
    setBusy(true)
    setError(undefined)
    setDone(undefined)
    try {
      await calls()
      setDone(message)
      return true
    } catch (e) {
      setError(toCallError(e))
      return false
    } finally {
      setBusy(false)
    }
  }, [])
  const clear = useCallback(() => {
    setError(undefined)
    setDone(undefined)
  }, [])
  return { busy, error, done, run, clear }
}

/** AWS's error as the API answered it: its name, then its message. */
export function AwsErrorNote({ error, testId }: { error?: AccountCallError; testId?: string }) {
  if (!error) return null
  return (
    <div className="pg-rs-error" role="alert" data-testid={testId ?? 'rs-error'}>
      <strong className="pg-rs-error-name">{error.name}</strong>
      {error.statusCode ? <span className="pg-rs-error-status"> ({error.statusCode})</span> : null}:{' '}
      <span className="pg-rs-error-message">{error.message}</span>
    </div>
  )
}

/** An action's outcome: AWS's error or what was done. */
export function ActionNote({ action, testId }: { action: Action; testId?: string }) {
  return (
    <div aria-live="polite" className="pg-rs-action-note">
      <AwsErrorNote error={action.error} testId={testId} />
      {!action.error && action.done && (
        <p className="pg-ok-text" data-testid={testId ? `${testId}-done` : 'rs-done'}>
          {action.done}
        </p>
      )}
    </div>
  )
}

/** A Delete button that asks once, inline ("Delete “orders”? Delete · Cancel"). */
export function DeleteButton({
  name,
  what,
  onDelete,
  disabled,
  label = 'Delete',
}: {
  name: string
  what: string
  onDelete(): void
  disabled?: boolean
  label?: string
}) {
  const [asking, setAsking] = useState(false)
  const confirmRef = useRef<HTMLButtonElement>(null)
  const askRef = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    if (asking) confirmRef.current?.focus()
  }, [asking])
  if (!asking)
    return (
      <button
        ref={askRef}
        type="button"
        className="btn btn-sm btn-ghost"
        disabled={disabled}
        aria-label={`${label} ${what} ${name}`}
        onClick={() => setAsking(true)}
      >
        {label}
      </button>
    )
  const cancel = () => {
    setAsking(false)
    requestAnimationFrame(() => askRef.current?.focus())
  }
  return (
    <span
      className="pg-inline-confirm"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault()
          cancel()
        }
      }}
    >
      <span>
        {label} {what} “{name}”?
      </span>
      <button
        ref={confirmRef}
        type="button"
        className="btn btn-sm btn-secondary btn-danger"
        onClick={() => {
          setAsking(false)
          onDelete()
        }}
      >
        {label}
      </button>
      <button type="button" className="btn btn-sm btn-ghost" onClick={cancel}>
        Cancel
      </button>
    </span>
  )
}

/** A label, the control, help and an error, wired with ids. */
export function Field({
  label,
  help,
  error,
  children,
}: {
  label: string
  help?: ReactNode
  error?: string
  children(props: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean }): ReactNode
}) {
  const id = useId()
  const describedBy = [help ? `${id}-help` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined
  return (
    <div className="pg-field">
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-describedby': describedBy, ...(error ? { 'aria-invalid': true } : {}) })}
      {help && (
        <p id={`${id}-help`} className="pg-help">
          {help}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="pg-field-error">
          {error}
        </p>
      )}
    </div>
  )
}

/** A list's loading/error/empty line. */
export function ListState<T>({
  data,
  empty,
  isEmpty,
}: {
  data: AccountData<T>
  empty: string
  isEmpty(d: T): boolean
}) {
  if (data.error) return <AwsErrorNote error={data.error} />
  if (data.data === undefined) return <p className="pg-empty">Loading…</p>
  if (isEmpty(data.data)) return <p className="pg-empty">{empty}</p>
  return null
}
