import { useId, useState } from 'react'
import { c, svgStyle, useNarrow } from './svg'
import { fmt, uiCss } from './controls'

const RPS = [10, 100, 500, 2000, 5000]
const DUR = [0.1, 0.5, 1, 3]
const LIMITS = [
  { v: -1, label: 'None: shares the unreserved pool' },
  { v: 100, label: 'Reserved concurrency: 100' },
  { v: 20, label: 'Reserved concurrency: 20' },
  { v: 0, label: 'Reserved concurrency: 0' },
]
const ACCOUNT = [1000, 10000]

/** Steady state: how many environments a load needs, how many it gets, and what is throttled. */
function simulate(rps: number, dur: number, limit: number, account: number) {
  const need = rps * dur
  const cap = limit >= 0 ? limit : account
  const running = Math.min(need, cap)
  const served = running / dur
  const ramp = running > 1000 ? (Math.ceil(running / 1000) - 1) * 10 : 0
  return { need, cap, running, served, throttled: rps - served, ramp }
}

/**
 * Lesson 6, interactive: requests per second × average duration = concurrency. Set a
 * reserved limit or the account limit and see which requests are served and which get 429.
 */
export function ConcurrencySimulator() {
  const id = useId()
  const [ref, narrow] = useNarrow<HTMLDivElement>(560)
  const [rps, setRps] = useState(500)
  const [dur, setDur] = useState(0.5)
  const [limit, setLimit] = useState(100)
  const [account, setAccount] = useState(1000)
  const r = simulate(rps, dur, limit, account)

  const W = narrow ? 340 : 600
  const bx = 4
  const bw = W - 8
  const fs = narrow ? 13 : 14.5
  const bar = (y: number, title: string, total: number, ok: number, okText: string, badText: string, mark?: number) => {
    const k = total > 0 ? bw / total : 0
    return (
      <g>
        <text x={bx} y={y} style={{ fill: c.text, fontSize: fs, fontWeight: 650 }}>
          {title}
        </text>
        <rect x={bx} y={y + 8} width={bw} height={26} rx={5} style={{ fill: c.surface, stroke: c.border }} />
        {ok > 0 && <rect x={bx} y={y + 8} width={Math.max(3, ok * k)} height={26} rx={5} style={{ fill: c.green }} />}
        {total - ok > 0.001 && (
          <rect
            x={bx + ok * k}
            y={y + 8}
            width={Math.max(3, (total - ok) * k)}
            height={26}
            rx={5}
            style={{ fill: c.redSoft, stroke: c.red }}
          />
        )}
        {mark !== undefined && (
          <line
            x1={bx + mark * k}
            x2={bx + mark * k}
            y1={y + 3}
            y2={y + 39}
            style={{ stroke: c.text, strokeWidth: 2.5, strokeDasharray: '4 3' }}
          />
        )}
        <text x={bx} y={y + 56} style={{ fill: c.text, fontSize: fs }}>
          {okText}
        </text>
        {badText && (
          <text
            x={narrow ? bx : bw + bx}
            y={y + (narrow ? 74 : 56)}
            textAnchor={narrow ? 'start' : 'end'}
            style={{ fill: c.red, fontSize: fs, fontWeight: 650 }}
          >
            {badText}
          </text>
        )}
      </g>
    )
  }
  const g2 = narrow ? 120 : 96
  const H = g2 + (narrow ? 82 : 64)
  const limitText = limit >= 0 ? `its reserved concurrency, ${fmt(limit)}` : `the account's, ${fmt(account)}`
  const summary =
    `${fmt(rps)} requests/s × ${dur} s needs ${fmt(r.need)} concurrent environments, and the limit is ${limitText}. ` +
    (r.throttled > 0.001
      ? `${fmt(r.served)} requests/s are served and ${fmt(r.throttled)} requests/s are throttled (429 TooManyRequestsException).`
      : `Every request is served.`) +
    (r.ramp > 0
      ? ` From a standing start, Lambda needs about ${r.ramp} s to add ${fmt(r.running)} environments (1,000 every 10 s).`
      : '')

  const sel = (label: string, value: number, set: (n: number) => void, opts: { v: number; label: string }[]) => (
    <label>
      {label}
      <select value={value} onChange={(e) => set(Number(e.target.value))}>
        {opts.map((o) => (
          <option key={o.v} value={o.v}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  )

  return (
    <div className="lf-ui" ref={ref}>
      <style>{uiCss}</style>
      <div className="lf-ui-grid">
        <fieldset>
          <legend>Traffic</legend>
          {sel(
            'Requests per second',
            rps,
            setRps,
            RPS.map((v) => ({ v, label: fmt(v) })),
          )}
          {sel(
            'Average duration',
            dur,
            setDur,
            DUR.map((v) => ({ v, label: v < 1 ? `${v * 1000} ms` : `${v} s` })),
          )}
        </fieldset>
        <fieldset>
          <legend>Limits</legend>
          {sel('Function', limit, setLimit, LIMITS)}
          {sel(
            'Account concurrency',
            account,
            setAccount,
            ACCOUNT.map((v) => ({ v, label: v === 1000 ? '1,000 (default)' : `${fmt(v)} (raised)` })),
          )}
        </fieldset>
      </div>
      <svg role="img" aria-labelledby={`${id}-t ${id}-d`} viewBox={`0 0 ${W} ${H}`} style={svgStyle}>
        <title id={`${id}-t`}>Concurrency needed, concurrency allowed, and throttled requests</title>
        <desc id={`${id}-d`}>{summary}</desc>
        {bar(
          16,
          'Concurrency',
          Math.max(r.need, r.cap),
          r.running,
          `Running ${fmt(r.running)} of ${fmt(r.need)} needed`,
          r.need > r.cap ? `${fmt(r.need - r.cap)} missing` : '',
          r.cap,
        )}
        {bar(
          g2,
          'Requests per second',
          rps,
          r.served,
          `Served ${fmt(r.served)}/s`,
          r.throttled > 0.001 ? `Throttled ${fmt(r.throttled)}/s (429)` : '',
        )}
      </svg>
      <p className="lf-ui-out" aria-live="polite">
        {summary}
      </p>
    </div>
  )
}
