import { useId, useState } from 'react'
import { c, svgStyle, useNarrow } from './svg'
import { uiCss } from './controls'

const TYPES = {
  Canary10Percent5Minutes: {
    hint: '10% for 5 minutes, then the rest',
    steps: [
      [0, 10],
      [5, 100],
    ],
  },
  Linear10PercentEvery1Minute: {
    hint: '10% more every minute',
    steps: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((t) => [t, (t + 1) * 10]),
  },
  AllAtOnce: { hint: 'everything immediately', steps: [[0, 100]] },
}
type Kind = keyof typeof TYPES
const END = 11

/** What CodeDeploy does, minute by minute, for a deployment type, an alarm time and a hook result. */
function deploy(kind: Kind, alarm: number, hookFails: boolean) {
  const steps = TYPES[kind].steps
  const done = steps[steps.length - 1][0]
  const events = [
    `Before any traffic moves, the PreTraffic hook tests version 4 and reports ${hookFails ? 'Failed' : 'Succeeded'}.`,
  ]
  if (hookFails) {
    events.push(
      'CodeDeploy stops the deployment. Version 4 never receives traffic, and CloudFormation rolls the stack back.',
    )
    return {
      points: [
        [0, 0],
        [END, 0],
      ],
      events,
      done: -1,
      back: -1,
      outcome: 'Failed before any customer saw version 4.',
    }
  }
  const back = alarm >= 0 && alarm < done ? alarm : -1
  const points: number[][] = []
  let last = 0
  for (const [t, p] of steps) {
    if (back >= 0 && t >= back) break
    points.push([t, last], [t, p])
    last = p
    events.push(`Minute ${t}: the alias sends ${p}% of requests to version 4.`)
  }
  if (back >= 0) {
    points.push([back, last], [back, 0], [END, 0])
    events.push(
      `Minute ${back}: an alarm fires. CodeDeploy moves all traffic back to version 3 and the deployment fails.`,
    )
    return {
      points,
      events,
      done: -1,
      back,
      outcome: `Rolled back at minute ${back}, when ${last}% of requests were on version 4.`,
    }
  }
  points.push([END, 100])
  events.push(`Minute ${done}: all traffic is on version 4. The PostTraffic hook passes and the deployment succeeds.`)
  if (alarm >= 0)
    events.push(`Minute ${alarm}: an alarm fires, but the deployment is over, so nothing rolls back by itself.`)
  return {
    points,
    events,
    done,
    back,
    outcome: alarm >= 0 ? 'Succeeded, then failed in front of every customer.' : `Succeeded after ${done} minutes.`,
  }
}

/**
 * Lesson 7, interactive: choose a CodeDeploy traffic-shifting type and what goes wrong;
 * the chart shows the share of traffic on the new version over time, with any rollback.
 */
export function TrafficShiftTimeline() {
  const id = useId()
  const [ref, narrow] = useNarrow<HTMLDivElement>(560)
  const [kind, setKind] = useState<Kind>('Canary10Percent5Minutes')
  const [alarm, setAlarm] = useState(3)
  const [hookFails, setHookFails] = useState(false)
  const r = deploy(kind, alarm, hookFails)

  const W = narrow ? 340 : 600
  const fs = narrow ? 12.5 : 13.5
  const x0 = 44
  const x1 = W - 10
  const y0 = 16
  const y1 = 176
  const X = (t: number) => x0 + (t / END) * (x1 - x0)
  const Y = (p: number) => y1 - (p / 100) * (y1 - y0)
  const mark = (t: number, color: string, text: string) => (
    <g>
      <line x1={X(t)} x2={X(t)} y1={y0} y2={y1} style={{ stroke: color, strokeWidth: 2, strokeDasharray: '5 4' }} />
      <text x={X(t) + 5} y={y0 + 12} style={{ fill: color, fontSize: fs, fontWeight: 650 }}>
        {text}
      </text>
    </g>
  )

  return (
    <div className="lf-ui" ref={ref}>
      <style>{uiCss}</style>
      <div className="lf-ui-grid">
        <fieldset>
          <legend>Deployment preference</legend>
          {(Object.keys(TYPES) as Kind[]).map((k) => (
            <label key={k} className="lf-ui-opt">
              <input type="radio" name={`${id}-k`} checked={kind === k} onChange={() => setKind(k)} />
              <span>
                <code>{k}</code> <span className="lf-ui-hint">{TYPES[k].hint}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>What goes wrong</legend>
          <label>
            Error alarm
            <select value={alarm} onChange={(e) => setAlarm(Number(e.target.value))}>
              <option value={-1}>never fires</option>
              <option value={3}>fires at minute 3</option>
              <option value={7}>fires at minute 7</option>
            </select>
          </label>
          <label className="lf-ui-opt">
            <input type="checkbox" checked={hookFails} onChange={(e) => setHookFails(e.target.checked)} />
            <span>The PreTraffic hook fails</span>
          </label>
        </fieldset>
      </div>
      <svg role="img" aria-labelledby={`${id}-t ${id}-d`} viewBox={`0 0 ${W} ${y1 + 30}`} style={svgStyle}>
        <title id={`${id}-t`}>{`Share of traffic on version 4 during a ${kind} deployment`}</title>
        <desc id={`${id}-d`}>{`${r.events.join(' ')} Outcome: ${r.outcome}`}</desc>
        {[0, 50, 100].map((p) => (
          <g key={p}>
            <line x1={x0} x2={x1} y1={Y(p)} y2={Y(p)} style={{ stroke: c.border }} />
            <text x={x0 - 6} y={Y(p) + 4} textAnchor="end" style={{ fill: c.muted, fontSize: fs }}>
              {p}%
            </text>
          </g>
        ))}
        {Array.from({ length: END }, (_, t) =>
          narrow && t % 2 ? null : (
            <text key={t} x={X(t)} y={y1 + 18} textAnchor="middle" style={{ fill: c.muted, fontSize: fs }}>
              {t === 0 ? '0 min' : t}
            </text>
          ),
        )}
        <polyline
          points={r.points.map(([t, p]) => `${X(t)},${Y(p)}`).join(' ')}
          style={{
            fill: 'none',
            stroke: r.back >= 0 || hookFails ? c.red : c.accent,
            strokeWidth: 3,
            strokeLinejoin: 'round',
          }}
        />
        {r.done >= 0 && mark(r.done, c.green, 'done')}
        {alarm >= 0 && !hookFails && mark(alarm, c.red, 'alarm')}
      </svg>
      <div aria-live="polite">
        <p className="lf-ui-out">
          <strong>Outcome:</strong> {r.outcome}
        </p>
      </div>
      <ol className="lf-ui-hint" style={{ margin: 0, paddingLeft: '1.4rem' }}>
        {r.events.map((e, k) => (
          <li key={k}>{e}</li>
        ))}
      </ol>
    </div>
  )
}
