/** The lifecycle timeline: one lane per execution environment on the virtual clock (Init with its sub-phases, Invoke cold/warm, idle, Shutdown), with controls that make warm reuse, idle shutdown and the next cold start visible. */
import { memo, useId, useMemo, useState, type KeyboardEvent } from 'react'
import { useSession } from '../hooks.ts'
import type { Session } from '../session.ts'
import {
  buildTimeline,
  describeSegment,
  formatMs,
  isCompressed,
  position,
  shutdownReasonText,
  timelineRows,
  type Lane,
  type Segment,
  type TimelineModel,
} from '../timeline.ts'
import './tabs.css'
import './TimelineTab.css'

const ADVANCE = [
  { label: '+1 min', ms: 60_000 },
  { label: '+5 min', ms: 5 * 60_000 },
  { label: '+15 min', ms: 15 * 60_000 },
]

export const TimelineTab = memo(function TimelineTab({
  session,
  onInvoke,
}: {
  session: Session
  onInvoke(how: 'once' | 'five' | 'five-concurrent'): void
}) {
  const { events, now, busy, epoch } = useSession(session, (s) => ({
    events: s.events,
    now: s.now,
    busy: s.busy,
    epoch: s.epoch,
  }))
  const model = useMemo(() => buildTimeline(events, session.functionName, now), [events, now, session.functionName])
  const [detail, setDetail] = useState<string | null>(null)
  const [advancing, setAdvancing] = useState(false)
  const ids = useId()
  const t = model.totals

  const advance = async (ms: number) => {
    setAdvancing(true)
    try {
      await session.advanceClock(ms)
    } finally {
      setAdvancing(false)
    }
  }

  return (
    <div className="pg-timeline" data-testid="timeline">
      <div className="pg-tl-controls">
        <div className="pg-btn-group" role="group" aria-label="Invoke">
          <button
            type="button"
            className="btn btn-sm btn-secondary"
            onClick={() => onInvoke('once')}
            disabled={busy !== null}
          >
            Invoke
          </button>
          <button
            type="button"
            className="btn btn-sm btn-secondary"
            onClick={() => onInvoke('five')}
            disabled={busy !== null}
            data-testid="invoke-5"
          >
            Invoke 5 times
          </button>
          <button
            type="button"
            className="btn btn-sm btn-secondary"
            onClick={() => onInvoke('five-concurrent')}
            disabled={busy !== null}
            title="Five requests that arrive together: each needs its own execution environment"
          >
            5 at once
          </button>
        </div>
        <div className="pg-btn-group" role="group" aria-label="Advance the virtual clock">
          <span className="pg-btn-group-label" aria-hidden="true">
            Advance clock
          </span>
          {ADVANCE.map((a) => (
            <button
              key={a.ms}
              type="button"
              className="btn btn-sm btn-ghost"
              onClick={() => void advance(a.ms)}
              disabled={busy !== null || advancing}
              aria-label={`Advance the clock by ${a.label.slice(1)}`}
              data-testid={`advance-${a.ms / 60_000}`}
            >
              {a.label}
            </button>
          ))}
        </div>
        <button
          type="button"
          className="btn btn-sm btn-ghost"
          onClick={() => session.clearTimeline()}
          disabled={events.length === 0}
        >
          Clear
        </button>
      </div>
      <p className="pg-help" aria-live="polite" data-testid="timeline-summary">
        {t.invocations === 0
          ? epoch > 0
            ? 'The timeline starts again (the engine was restarted or the timeline cleared). Invoke to see execution environments.'
            : 'Invoke the function to see its execution environments. Idle environments are shut down after 5 minutes (virtual time).'
          : `${t.invocations} invocation${t.invocations === 1 ? '' : 's'}: ${t.coldStarts} cold start${t.coldStarts === 1 ? '' : 's'}, ${t.warmStarts} warm. ${t.environments} environment${t.environments === 1 ? '' : 's'} created, ${t.alive} still alive.`}
      </p>
      {model.lanes.length > 0 && (
        <>
          <Legend />
          <div className="pg-tl-scroll">
            <div
              className="pg-tl-chart"
              role="group"
              aria-label="Lifecycle timeline, one lane per execution environment"
              onMouseLeave={() => setDetail(null)}
            >
              {model.lanes.map((lane) => (
                <LaneRow key={lane.environmentId} lane={lane} model={model} onDetail={setDetail} />
              ))}
              <div className="pg-tl-axis" aria-hidden="true">
                <span>{clockTime(model.start)}</span>
                <span>{formatMs(model.end - model.start)} of virtual time (long idle periods drawn shorter)</span>
                <span>{clockTime(model.end)}</span>
              </div>
            </div>
          </div>
          <p className="pg-tl-detail" aria-live="polite" data-testid="timeline-detail">
            {detail ??
              'Hover over a segment, or focus a lane and use the arrow keys, for its request ID and durations.'}
          </p>
          <details className="pg-details">
            <summary>Timeline as a table</summary>
            <TimelineTable model={model} caption={`Lifecycle of ${session.functionName}`} id={`${ids}-table`} />
          </details>
        </>
      )}
    </div>
  )
})

function clockTime(t: number): string {
  return new Date(t).toISOString().slice(11, 23)
}

function Legend() {
  return (
    <ul className="pg-legend" aria-label="Legend">
      <li>
        <span className="pg-sw pg-seg-init" aria-hidden="true" /> Init (extension, runtime, function)
      </li>
      <li>
        <span className="pg-sw pg-seg-cold" aria-hidden="true" /> Invoke, cold start
      </li>
      <li>
        <span className="pg-sw pg-seg-warm" aria-hidden="true" /> Invoke, warm start
      </li>
      <li>
        <span className="pg-sw pg-seg-fail" aria-hidden="true" /> Failed
      </li>
      <li>
        <span className="pg-sw pg-seg-idle" aria-hidden="true" /> Idle (frozen)
      </li>
      <li>
        <span className="pg-sw pg-sw-shutdown" aria-hidden="true" /> Shutdown
      </li>
    </ul>
  )
}

function pct(model: TimelineModel, t: number): number {
  return model.width > 0 ? (position(model, t) / model.width) * 100 : 0
}

function segClass(s: Segment): string {
  if (s.kind === 'init') return `pg-seg pg-seg-init${s.status && s.status !== 'success' ? ' pg-seg-fail' : ''}`
  if (s.kind === 'idle') return `pg-seg pg-seg-idle${isCompressed(s.start, s.end) ? ' pg-seg-compressed' : ''}`
  const failed = s.status !== undefined && s.status !== 'success'
  return `pg-seg ${s.coldStart ? 'pg-seg-cold' : 'pg-seg-warm'}${failed ? ' pg-seg-fail' : ''}${s.open ? ' pg-seg-open' : ''}`
}

interface Item {
  key: string
  text: string
  kind: string
  className: string
  left: number
  width?: number
  seg?: Segment
}

/**
 * One lane: a listbox whose options are the segments (Init, Invoke, idle, Shutdown). Tab focuses
 * the lane; the arrow keys, Home and End move between its segments (aria-activedescendant), and
 * the details region reads the current one; hovering a segment shows the same.
 */
function LaneRow({ lane, model, onDetail }: { lane: Lane; model: TimelineModel; onDetail(s: string | null): void }) {
  const ids = useId()
  const [active, setActive] = useState<number | null>(null)
  const items: Item[] = lane.segments.map((s, i) => {
    const left = pct(model, s.start)
    return {
      key: `s${i}`,
      text: describeSegment(s, lane),
      kind: s.kind === 'invoke' ? (s.coldStart ? 'cold' : 'warm') : s.kind,
      className: segClass(s),
      left,
      width: Math.max(0, pct(model, s.end) - left),
      seg: s,
    }
  })
  if (lane.shutdown) {
    const reason = shutdownReasonText(lane.shutdown.reason)
    items.push({
      key: 'shutdown',
      text: `Environment ${lane.index}: shut down at ${clockTime(lane.shutdown.time)} (${reason}).`,
      kind: 'shutdown',
      className: 'pg-shutdown',
      left: pct(model, lane.shutdown.time),
    })
  }
  const show = (i: number | null) => {
    setActive(i)
    onDetail(i === null ? null : items[i].text)
  }
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (items.length === 0) return
    const cur = active ?? -1
    let next: number | undefined
    if (e.key === 'ArrowRight' || e.key === 'ArrowDown') next = Math.min(items.length - 1, cur + 1)
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') next = Math.max(0, cur - 1)
    else if (e.key === 'Home') next = 0
    else if (e.key === 'End') next = items.length - 1
    if (next !== undefined) {
      e.preventDefault()
      show(next)
    }
  }
  return (
    <div className="pg-lane" data-testid="timeline-lane">
      <div className="pg-lane-label" id={`${ids}-label`}>
        <span>Environment {lane.index}</span>
        <span className="muted">
          {lane.memorySize ? `${lane.memorySize} MB · ` : ''}
          {lane.invocations} invoke{lane.invocations === 1 ? '' : 's'}
          {lane.shutdown ? ' · shut down' : ''}
        </span>
      </div>
      <div
        className="pg-lane-track"
        role="listbox"
        tabIndex={0}
        aria-labelledby={`${ids}-label`}
        aria-describedby={`${ids}-keys`}
        aria-activedescendant={active !== null && items[active] ? `${ids}-${items[active].key}` : undefined}
        onKeyDown={onKeyDown}
        onFocus={() => show(active ?? items.length - 1)}
        onBlur={() => setActive(null)}
        data-testid="timeline-track"
      >
        {items.map((it, i) => {
          const s = it.seg
          return (
            <div
              key={it.key}
              id={`${ids}-${it.key}`}
              role="option"
              aria-selected={active === i}
              aria-label={it.text}
              title={it.text}
              className={`${it.className}${active === i ? ' is-active' : ''}`}
              style={it.width === undefined ? { left: `${it.left}%` } : { left: `${it.left}%`, width: `${it.width}%` }}
              onMouseEnter={() => show(i)}
              data-kind={it.kind}
            >
              {s?.kind === 'init' && (
                <span className="pg-subphases" aria-hidden="true">
                  {s.phases
                    .filter((p) => p.duration > 0)
                    .map((p) => (
                      <span
                        key={p.name}
                        className={`pg-subphase pg-subphase-${p.name}`}
                        style={{
                          flexGrow: Math.max(0.001, position(model, p.start + p.duration) - position(model, p.start)),
                        }}
                      />
                    ))}
                </span>
              )}
              {s?.kind === 'idle' && isCompressed(s.start, s.end) && (it.width ?? 0) > 8 && (
                <span className="pg-seg-text" aria-hidden="true">
                  idle {formatMs(s.end - s.start)}
                </span>
              )}
            </div>
          )
        })}
      </div>
      <span id={`${ids}-keys`} className="sr-only">
        Use the arrow keys to move between the phases of this environment.
      </span>
    </div>
  )
}

function TimelineTable({ model, caption, id }: { model: TimelineModel; caption: string; id: string }) {
  const rows = timelineRows(model)
  return (
    <div className="pg-log-table-wrap" tabIndex={0} role="region" aria-label="Timeline table">
      <table className="pg-tl-table" id={id} data-testid="timeline-table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Environment</th>
            <th scope="col">Phase</th>
            <th scope="col">Start</th>
            <th scope="col">Duration</th>
            <th scope="col">Request ID</th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              <td>{r.environment}</td>
              <td>{r.phase}</td>
              <td>{r.start}</td>
              <td>{r.duration}</td>
              <td>
                <code>{r.requestId}</code>
              </td>
              <td>{r.details}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
