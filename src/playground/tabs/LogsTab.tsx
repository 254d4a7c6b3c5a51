/**
 * A CloudWatch Logs view: the function's log group, its streams (one per execution environment),
 * events with a filter pattern. Up to 500 events are read; they are shown a page of 100 at a
 * time ("Show 100 more"), so a flood of log lines never blocks the page while it renders.
 */
import { memo, useCallback, useEffect, useId, useRef, useState } from 'react'
import type { FilteredLogEvent, LogStream } from '../../lambda/public.ts'
import { getLambdaClient } from '../engine.ts'
import { useSession } from '../hooks.ts'
import type { Session } from '../session.ts'
import './tabs.css'
import './LogsTab.css'

const LIMIT = 500
/** Rows rendered at first, and added by each "Show more". */
export const LOG_PAGE = 100
const MAX_MESSAGE = 4000

interface Loaded {
  streams: LogStream[]
  events: FilteredLogEvent[]
  capped: boolean
  error?: string
}

export const LogsTab = memo(function LogsTab({ session, active }: { session: Session; active: boolean }) {
  const group = `/aws/lambda/${session.functionName}`
  const { history, deployed, epoch } = useSession(session, (s) => ({
    history: s.history.length,
    deployed: s.deployed !== null,
    epoch: s.epoch,
  }))
  const [stream, setStream] = useState<string>('')
  const [filter, setFilter] = useState('')
  const [applied, setApplied] = useState('')
  const [data, setData] = useState<Loaded | null>(null)
  const [loading, setLoading] = useState(false)
  const seq = useRef(0)
  const ids = useId()
  // How many rows are shown, for the stream and filter it was set for (another view starts over).
  const view = `${stream}\n${applied}`
  const [page, setPage] = useState({ view, rows: LOG_PAGE })
  const rows = page.view === view ? page.rows : LOG_PAGE
  const [pageNote, setPageNote] = useState('')
  const tableRef = useRef<HTMLDivElement>(null)

  const load = useCallback(async () => {
    const n = ++seq.current
    setLoading(true)
    const client = getLambdaClient()
    try {
      const { logStreams } = await client.describeLogStreams({
        logGroupName: group,
        orderBy: 'LastEventTime',
        descending: true,
      })
      const names = logStreams.map((s) => s.logStreamName)
      const chosen = stream && names.includes(stream) ? stream : ''
      let events: FilteredLogEvent[]
      let capped = false
      if (chosen && !applied) {
        // One stream, no filter: its latest events, like opening a stream in the console.
        const r = await client.getLogEvents({
          logGroupName: group,
          logStreamName: chosen,
          limit: LIMIT,
          startFromHead: false,
        })
        events = r.events.map((e, i) => ({ ...e, logStreamName: chosen, eventId: String(i) }))
        const total = logStreams.find((s) => s.logStreamName === chosen)
        capped = !!total && r.events.length === LIMIT
      } else {
        const r = await client.filterLogEvents({
          logGroupName: group,
          ...(chosen ? { logStreamNames: [chosen] } : {}),
          ...(applied ? { filterPattern: applied } : {}),
          limit: LIMIT + 1,
        })
        capped = r.events.length > LIMIT
        events = r.events.slice(0, LIMIT)
      }
      if (n === seq.current) setData({ streams: logStreams, events, capped })
    } catch (e) {
      const err = e as { name?: string; message?: string }
      const message =
        err.name === 'ResourceNotFoundException'
          ? 'No logs yet: invoke the function and its log group appears here.'
          : `${err.name ?? 'Error'}: ${err.message ?? String(e)}`
      if (n === seq.current) setData({ streams: [], events: [], capped: false, error: message })
    } finally {
      if (n === seq.current) setLoading(false)
    }
  }, [group, stream, applied])

  // Refresh when shown, after invokes while shown, and when the stream or filter changes.
  useEffect(() => {
    if (active) void load()
  }, [active, load, history, deployed, epoch])

  return (
    <div className="pg-logs" data-testid="logs">
      <div className="pg-logs-head">
        <p className="pg-help">
          Log group <code data-testid="log-group">{group}</code>. One log stream per execution environment.
        </p>
        <button type="button" className="btn btn-sm btn-ghost" onClick={() => void load()} disabled={loading}>
          {loading ? 'Refreshing…' : 'Refresh'}
        </button>
      </div>
      <div className="pg-logs-controls">
        <div className="pg-field">
          <label htmlFor={`${ids}-stream`}>Log stream</label>
          <select
            id={`${ids}-stream`}
            value={stream}
            onChange={(e) => setStream(e.target.value)}
            data-testid="log-stream"
          >
            <option value="">All streams ({data?.streams.length ?? 0})</option>
            {(data?.streams ?? []).map((s) => (
              <option key={s.logStreamName} value={s.logStreamName}>
                {s.logStreamName}
              </option>
            ))}
          </select>
        </div>
        <form
          className="pg-field pg-filter"
          role="search"
          onSubmit={(e) => {
            e.preventDefault()
            setApplied(filter.trim())
          }}
        >
          <label htmlFor={`${ids}-filter`}>Filter events</label>
          <div className="pg-filter-row">
            <input
              id={`${ids}-filter`}
              type="search"
              value={filter}
              placeholder='e.g. ERROR, "Task timed out", ?WARN ?ERROR, -START'
              onChange={(e) => {
                setFilter(e.target.value)
                if (e.target.value === '') setApplied('')
              }}
              aria-describedby={`${ids}-filter-help`}
              data-testid="log-filter"
            />
            <button type="submit" className="btn btn-sm btn-secondary">
              Filter
            </button>
          </div>
          <p className="pg-help" id={`${ids}-filter-help`}>
            CloudWatch filter pattern: terms must all match; "quoted phrases"; ?either ?or; -exclude; JSON:{' '}
            {'{ $.level = "ERROR" }'}.
          </p>
        </form>
      </div>
      {data?.error ? (
        <p className="pg-empty">{data.error}</p>
      ) : data && data.events.length === 0 ? (
        <p className="pg-empty">{applied ? `No events match ${applied}.` : 'No events yet.'}</p>
      ) : data ? (
        <>
          <p className="pg-help" aria-live="polite">
            {data.events.length.toLocaleString('en-US')} event{data.events.length === 1 ? '' : 's'}
            {data.capped
              ? ` (the ${stream && !applied ? 'latest' : 'first'} ${LIMIT}; pick a stream or filter to narrow)`
              : ''}
            {applied ? ` matching ${applied}` : ''}.
          </p>
          <div className="pg-log-table-wrap" tabIndex={0} role="region" aria-label="Log events" ref={tableRef}>
            <table className="pg-log-table" data-testid="log-events">
              <thead>
                <tr>
                  <th scope="col">Timestamp</th>
                  <th scope="col">Message</th>
                </tr>
              </thead>
              <tbody>
                {data.events.slice(0, rows).map((e, i) => (
                  <tr key={`${e.logStreamName}/${e.eventId}/${i}`}>
                    <td className="pg-ts">
                      <time dateTime={new Date(e.timestamp).toISOString()} title={new Date(e.timestamp).toISOString()}>
                        {new Date(e.timestamp).toISOString().slice(11, 23)}
                      </time>
                      {!stream && (
                        <span className="pg-stream-tag" title={e.logStreamName}>
                          {shortStream(e.logStreamName, data.streams)}
                        </span>
                      )}
                    </td>
                    <td>
                      <pre className="pg-msg">
                        {e.message.length > MAX_MESSAGE
                          ? `${e.message.slice(0, MAX_MESSAGE)}… (${(e.message.length - MAX_MESSAGE).toLocaleString('en-US')} more characters)`
                          : e.message}
                      </pre>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {data.events.length > rows && (
            <p className="pg-logs-more">
              <button
                type="button"
                className="btn btn-sm btn-secondary"
                onClick={() => {
                  const next = Math.min(rows + LOG_PAGE, data.events.length)
                  setPage({ view, rows: next })
                  setPageNote(
                    `Showing ${next.toLocaleString('en-US')} of ${data.events.length.toLocaleString('en-US')} events.`,
                  )
                  // The button goes with the last page: keep the keyboard in the table.
                  if (next >= data.events.length) requestAnimationFrame(() => tableRef.current?.focus())
                }}
                data-testid="log-show-more"
              >
                Show {Math.min(LOG_PAGE, data.events.length - rows)} more
              </button>{' '}
              <span className="pg-help" data-testid="log-shown">
                Showing {rows.toLocaleString('en-US')} of {data.events.length.toLocaleString('en-US')}.
              </span>
            </p>
          )}
          <p className="sr-only" role="status">
            {pageNote}
          </p>
        </>
      ) : (
        <p className="pg-empty">Loading…</p>
      )}
    </div>
  )
})

/** "stream 2 of 3" style tag: streams listed oldest first get numbers by creation. */
function shortStream(name: string, streams: LogStream[]): string {
  const byCreation = [...streams].sort((a, b) => a.creationTime - b.creationTime)
  const i = byCreation.findIndex((s) => s.logStreamName === name)
  return i >= 0 ? `stream ${i + 1}` : 'stream'
}
