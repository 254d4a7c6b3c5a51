/** Test events: the picker (saved events, the console's hello-world, SAM CLI samples by service), the JSON editor with validation, and saved events (10 per function). */
import { memo, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import { MAX_SAVED_EVENTS, findSampleEvent, sampleEventGroups, type Invocation } from '../../lambda/public.ts'
import { checkEventJson } from '../event-json.ts'
import { HELLO_WORLD_EVENT, type EventSource } from '../schema.ts'
import { playgroundStore, usePlayground } from '../state.ts'
import './tabs.css'
import './EventTab.css'

const INVOCATION: Record<Invocation, string> = {
  sync: 'The service invokes the function synchronously and waits for its response.',
  async: 'The service invokes the function asynchronously (an event): Lambda queues it and retries on errors.',
  poll: 'Lambda polls the source and invokes the function synchronously with a batch of records.',
}

function sourceValue(s: EventSource): string {
  switch (s.kind) {
    case 'hello-world':
      return 'hello-world'
    case 'sample':
      return `sample:${s.service} ${s.event}`
    case 'saved':
      return `saved:${s.name}`
    default:
      return ''
  }
}

export function sampleText(service: string, event: string): string | undefined {
  const s = findSampleEvent(service, event)
  return s ? JSON.stringify(s.build(), null, 2) : undefined
}

export const EventTab = memo(function EventTab({
  workspaceId,
  onRun,
  hideSaved,
}: {
  workspaceId: string
  onRun(): void
  hideSaved: boolean
}) {
  const eventText = usePlayground((s) => s.workspaces[workspaceId]?.eventText ?? '')
  const source = usePlayground((s) => s.workspaces[workspaceId]?.eventSource ?? { kind: 'custom' })
  const saved = usePlayground((s) => s.workspaces[workspaceId]?.savedEvents ?? [])
  const check = useMemo(() => checkEventJson(eventText), [eventText])
  const [undo, setUndo] = useState<{ text: string; source: EventSource; label: string } | null>(null)
  const ids = useId()
  const areaRef = useRef<HTMLTextAreaElement>(null)

  const load = (text: string, next: EventSource, label: string) => {
    const st = playgroundStore.getState()
    const cur = st.workspaces[workspaceId]
    if (!cur) return
    if (cur.eventText !== text) setUndo({ text: cur.eventText, source: cur.eventSource, label })
    st.setEvent(workspaceId, text, next)
  }

  const onPick = (value: string) => {
    if (value === 'hello-world') load(HELLO_WORLD_EVENT, { kind: 'hello-world' }, 'hello-world')
    else if (value.startsWith('sample:')) {
      const [service, event] = value.slice(7).split(' ')
      const text = sampleText(service, event)
      if (text !== undefined) load(text, { kind: 'sample', service, event }, `${service} ${event}`)
    } else if (value.startsWith('saved:')) {
      const name = value.slice(6)
      const e = saved.find((x) => x.name === name)
      if (e) load(e.text, { kind: 'saved', name }, name)
    }
  }

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
      e.preventDefault()
      onRun()
    }
  }

  const goToError = () => {
    const el = areaRef.current
    if (!el || check.ok || check.offset === undefined) return
    el.focus()
    el.setSelectionRange(check.offset, Math.min(check.offset + 1, el.value.length))
  }

  const sample = source.kind === 'sample' ? findSampleEvent(source.service, source.event) : undefined
  const pickValue = sourceValue(source)

  return (
    <div className="pg-event">
      <div className="pg-field">
        <label htmlFor={`${ids}-pick`}>Event template</label>
        <select
          id={`${ids}-pick`}
          value={pickValue}
          onChange={(e) => onPick(e.target.value)}
          data-testid="event-picker"
        >
          {pickValue === '' && (
            <option value="">{source.kind === 'shared' ? 'From the shared link' : 'Custom event (not saved)'}</option>
          )}
          {!hideSaved && saved.length > 0 && (
            <optgroup label="Saved events">
              {saved.map((e) => (
                <option key={e.name} value={`saved:${e.name}`}>
                  {e.name}
                </option>
              ))}
            </optgroup>
          )}
          <optgroup label="Lambda console">
            <option value="hello-world">hello-world</option>
          </optgroup>
          {sampleEventGroups.map((g) => (
            <optgroup key={g.service} label={`${g.label} — sam local generate-event ${g.service} …`}>
              {g.events.map((e) => (
                <option key={e.event} value={`sample:${e.service} ${e.event}`}>
                  {`${e.service} ${e.event}`}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        {sample && (
          <p className="pg-help">
            <strong>{sample.label}.</strong> {sample.description} {INVOCATION[sample.invocation]}
          </p>
        )}
      </div>
      {undo && (
        <p className="pg-inline-confirm" role="status">
          Loaded {undo.label}.{' '}
          <button
            type="button"
            className="pg-linkbtn"
            onClick={() => {
              playgroundStore.getState().setEvent(workspaceId, undo.text, undo.source)
              setUndo(null)
            }}
          >
            Undo
          </button>
        </p>
      )}
      <div className="pg-field">
        <div className="pg-field-head">
          <label htmlFor={`${ids}-json`}>Event JSON</label>
          <button
            type="button"
            className="btn btn-sm btn-ghost"
            disabled={!check.ok}
            onClick={() =>
              check.ok && playgroundStore.getState().setEvent(workspaceId, JSON.stringify(check.value, null, 2), source)
            }
          >
            Format
          </button>
        </div>
        <textarea
          ref={areaRef}
          id={`${ids}-json`}
          className="pg-json"
          value={eventText}
          spellCheck={false}
          autoCapitalize="off"
          autoCorrect="off"
          rows={10}
          aria-invalid={!check.ok}
          aria-describedby={`${ids}-json-status`}
          onKeyDown={onKeyDown}
          onChange={(e) => {
            setUndo(null)
            const next: EventSource =
              source.kind === 'saved' || source.kind === 'sample' || source.kind === 'hello-world'
                ? { kind: 'custom' }
                : source
            playgroundStore.getState().setEvent(workspaceId, e.target.value, next)
          }}
          data-testid="event-json"
        />
        <div id={`${ids}-json-status`}>
          {check.ok ? (
            <p className="pg-ok-text">Valid JSON.</p>
          ) : (
            <div className="pg-field-error" data-testid="event-json-error">
              <p>{check.message}</p>
              {check.hint && <p className="pg-hint">{check.hint}</p>}
              {check.offset !== undefined && (
                <button type="button" className="pg-linkbtn" onClick={goToError}>
                  Go to line {check.line}, column {check.column}
                </button>
              )}
            </div>
          )}
        </div>
      </div>
      {!hideSaved && (
        <SavedEvents
          workspaceId={workspaceId}
          source={source}
          eventText={eventText}
          valid={check.ok}
          onUse={(e) => load(e.text, { kind: 'saved', name: e.name }, e.name)}
        />
      )}
    </div>
  )
})

function SavedEvents(props: {
  workspaceId: string
  source: EventSource
  eventText: string
  valid: boolean
  onUse(e: { name: string; text: string }): void
}) {
  const { workspaceId, source, eventText, valid } = props
  const saved = usePlayground((s) => s.workspaces[workspaceId]?.savedEvents ?? [])
  const [name, setName] = useState(source.kind === 'saved' ? source.name : '')
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null)
  const [confirmOverwrite, setConfirmOverwrite] = useState(false)
  const [confirmDelete, setConfirmDelete] = useState<string | null>(null)
  const ids = useId()

  const doSave = (overwrite: boolean) => {
    const trimmed = name.trim()
    if (!overwrite && saved.some((e) => e.name === trimmed)) {
      setConfirmOverwrite(true)
      setMessage(null)
      return
    }
    const r = playgroundStore.getState().saveEvent(workspaceId, trimmed, eventText)
    setConfirmOverwrite(false)
    setMessage(
      r.ok
        ? { kind: 'ok', text: r.replaced ? `Saved over “${trimmed}”.` : `Saved “${trimmed}”.` }
        : { kind: 'error', text: r.error },
    )
  }

  return (
    <section className="pg-saved" aria-labelledby={`${ids}-h`}>
      <h2 id={`${ids}-h`} className="pg-h3">
        Saved events{' '}
        <span className="muted">
          ({saved.length} of {MAX_SAVED_EVENTS})
        </span>
      </h2>
      <form
        className="pg-save-row"
        onSubmit={(e) => {
          e.preventDefault()
          doSave(false)
        }}
      >
        <label htmlFor={`${ids}-name`} className="sr-only">
          Event name
        </label>
        <input
          id={`${ids}-name`}
          value={name}
          placeholder="Event name, e.g. order-created"
          maxLength={40}
          onChange={(e) => {
            setName(e.target.value)
            setConfirmOverwrite(false)
          }}
          aria-describedby={`${ids}-msg`}
          data-testid="save-event-name"
        />
        <button
          type="submit"
          className="btn btn-sm btn-secondary"
          disabled={!valid}
          title={valid ? undefined : 'Fix the JSON before saving'}
          data-testid="save-event"
        >
          Save
        </button>
      </form>
      <div id={`${ids}-msg`} aria-live="polite">
        {confirmOverwrite && (
          <p className="pg-inline-confirm">
            An event named “{name.trim()}” exists.{' '}
            <button type="button" className="btn btn-sm btn-secondary" onClick={() => doSave(true)}>
              Overwrite
            </button>{' '}
            <button type="button" className="btn btn-sm btn-ghost" onClick={() => setConfirmOverwrite(false)}>
              Cancel
            </button>
          </p>
        )}
        {message && (
          <p className={message.kind === 'ok' ? 'pg-ok-text' : 'pg-field-error'} data-testid="save-event-message">
            {message.text}
          </p>
        )}
      </div>
      {saved.length > 0 && (
        <ul className="pg-saved-list">
          {saved.map((e) => (
            <li key={e.name}>
              <span className="pg-saved-name">{e.name}</span>
              {confirmDelete === e.name ? (
                <span className="pg-inline-confirm">
                  Delete “{e.name}”?{' '}
                  <button
                    type="button"
                    className="btn btn-sm btn-secondary btn-danger"
                    onClick={() => {
                      playgroundStore.getState().deleteEvent(workspaceId, e.name)
                      setConfirmDelete(null)
                      setMessage({ kind: 'ok', text: `Deleted “${e.name}”.` })
                    }}
                  >
                    Delete
                  </button>{' '}
                  <button type="button" className="btn btn-sm btn-ghost" onClick={() => setConfirmDelete(null)}>
                    Cancel
                  </button>
                </span>
              ) : (
                <span className="pg-saved-actions">
                  <button
                    type="button"
                    className="btn btn-sm btn-ghost"
                    onClick={() => {
                      props.onUse(e)
                      setName(e.name)
                    }}
                    aria-label={`Use the saved event ${e.name}`}
                  >
                    Use
                  </button>
                  <button
                    type="button"
                    className="btn btn-sm btn-ghost"
                    onClick={() => setConfirmDelete(e.name)}
                    aria-label={`Delete the saved event ${e.name}`}
                  >
                    Delete
                  </button>
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
