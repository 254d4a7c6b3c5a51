import { useId, useState } from 'react'
import { c, svgStyle } from './svg'

type Key = 'inv' | 'err' | 'thr' | 'dur' | 'conc'
type Stat = 'avg' | 'p99' | 'max'
type Q = 'slow' | 'rejected' | 'timeouts'

// One story, minute by minute from 11:45 (t = 0) to 12:30 (t = 45). The sale starts at 12:00;
// the payment provider slows down at 12:05; the fix (a 2-second limit on that call) is live at 12:23.
const T = Array.from({ length: 46 }, (_, t) => t)
const wig = (t: number, k: number) => 1 + 0.04 * Math.sin(t * 1.7 + k)
const mOf = (t: number) => t - 15
const fixed = (m: number) => m >= 23
const demand = (m: number) => (m < 0 ? 120 : m === 0 ? 2000 : m === 1 ? 4000 : 6000)
const avg = (m: number) =>
  fixed(m) ? 0.56 : m === 22 ? 0.6 : m < 5 ? 0.25 : Math.min(1.2, 0.25 + (0.95 * (m - 4)) / 5)
const p99 = (m: number) => (fixed(m) ? 2.05 : m < 5 ? 0.6 : m === 5 ? 2.5 : m === 6 ? 4.5 : 6)
const mx = (m: number) => (fixed(m) ? 2.2 : m < 5 ? 1 : 6)
const cap = (m: number) => (100 / avg(m)) * 60 // invocations a minute that 100 environments can serve
const inv = (m: number) => Math.min(demand(m), cap(m))
const conc = (m: number) => Math.max(1, Math.min(100, Math.round((demand(m) / 60) * avg(m))))
const thr = (m: number) => Math.max(0, demand(m) - cap(m))
const errFrac = (m: number) => (fixed(m) || m < 5 ? 0 : m === 22 ? 0.07 : Math.min(0.15, 0.04 * (m - 4)))

const SERIES: Record<Key, (t: number, s: Stat) => number> = {
  inv: (t) => inv(mOf(t)) * wig(t, 1),
  err: (t) => inv(mOf(t)) * errFrac(mOf(t)) * wig(t, 2),
  thr: (t) => thr(mOf(t)) * wig(t, 3),
  dur: (t, s) => {
    const m = mOf(t)
    const v = s === 'avg' ? avg(m) : s === 'p99' ? p99(m) : mx(m)
    return v >= 6 ? 6 : v * wig(t, 4)
  },
  conc: (t) => {
    const v = conc(mOf(t))
    return v >= 100 ? 100 : v * wig(t, 5)
  },
}

const STATS: Record<Stat, string> = { avg: 'Average', p99: 'p99', max: 'Maximum' }

const CHARTS: Array<{ key: Key; name: string; unit: string; top: number; topLabel: string; ref?: [number, string] }> = [
  { key: 'inv', name: 'Invocations', unit: 'Sum per minute', top: 7000, topLabel: '7k' },
  { key: 'err', name: 'Errors', unit: 'Sum per minute', top: 1000, topLabel: '1k' },
  { key: 'thr', name: 'Throttles', unit: 'Sum per minute', top: 1200, topLabel: '1.2k' },
  { key: 'dur', name: 'Duration', unit: 'seconds', top: 7, topLabel: '7 s', ref: [6, 'timeout 6 s'] },
  { key: 'conc', name: 'ConcurrentExecutions', unit: 'Maximum', top: 120, topLabel: '120', ref: [100, 'reserved 100'] },
]

// Text alternative: the value every five minutes (the dotted lines mark 12:00 and 12:23).
const SAMPLES = [0, 15, 20, 25, 30, 35, 40, 45]
const clock = (t: number) => `${t < 15 ? 11 : 12}:${String((t + 45) % 60).padStart(2, '0')}`
const describe = (k: (typeof CHARTS)[number], stat: Stat) =>
  SAMPLES.map((t) => {
    const v = SERIES[k.key](t, stat)
    return `${clock(t)} ${k.key === 'dur' ? `${v.toFixed(2)} s` : Math.round(v).toLocaleString('en-GB')}`
  }).join(', ') + (k.ref ? `. Dashed line: ${k.ref[1]}.` : '.')

const QUESTIONS: Record<Q, { text: string; answer: Key; feedback: Partial<Record<Key, string>>; right: string }> = {
  slow: {
    text: 'From about 12:05, some customers wait six seconds, then get an error page, yet the average checkout time is only about a second. Which graph shows what they go through?',
    answer: 'dur',
    right:
      'Yes. At p99 (or Maximum), Duration sits on the 6-second timeout from 12:07: the slowest checkouts wait until Lambda stops them. The Average blends them with thousands of fast ones.',
    feedback: {
      err: 'Errors counts the failures, not how long anyone waited.',
      inv: 'Invocations shows how many checkouts ran, not how long they took.',
    },
  },
  rejected: {
    text: 'From 12:08, the mobile app gets 429 TooManyRequestsException (“Rate Exceeded”). Which graph shows why Lambda turns requests away?',
    answer: 'conc',
    right:
      'Yes. ConcurrentExecutions climbs from 12:05 and flattens at 100, the reserved concurrency. With every environment busy, Lambda rejects the extra requests.',
    feedback: {
      thr: 'Throttles counts the 429s, but not why they happen. Look for a graph that hit a ceiling.',
      dur: 'Longer durations are part of the story, but this graph doesn’t show a limit being reached.',
    },
  },
  timeouts: {
    text: 'The log group fills with “Task timed out after 6.00 seconds”. Which graph counts those failed invocations?',
    answer: 'err',
    right: 'Yes. A timeout is a function error: the invocation started, so it counts in Errors.',
    feedback: {
      thr: 'Throttled requests never start, so they never time out. A timed-out invocation ran: it is a function error.',
      inv: 'Invocations includes them, mixed with every successful checkout.',
      dur: 'A p99 at 6 s hints at timeouts, but doesn’t count them.',
    },
  },
}

const css = `
.lf-md { display: grid; gap: .9rem; color: var(--lf-text); line-height: 1.45; }
.lf-md fieldset { margin: 0; border: 1px solid var(--lf-border); border-radius: 10px; padding: .5rem .9rem .7rem; min-width: 0; }
.lf-md legend { font-weight: 650; padding: 0 .25rem; }
.lf-md label { display: flex; gap: .5rem; align-items: flex-start; padding: .25rem 0; cursor: pointer; }
.lf-md input { accent-color: var(--lf-accent); width: 1rem; height: 1rem; flex: none; margin: .2rem 0 0; }
.lf-md-grid { display: grid; gap: .75rem; grid-template-columns: repeat(auto-fit, minmax(250px, 1fr)); }
.lf-md-card { display: grid; gap: .35rem; align-content: start; border: 1.5px solid var(--lf-border); border-radius: 10px; padding: .55rem .7rem .7rem; }
.lf-md-card[data-state=right] { border-color: var(--lf-green); background: var(--lf-green-soft); }
.lf-md-card[data-state=wrong] { border-color: var(--lf-red); }
.lf-md p { margin: 0; }
.lf-md-card span { color: var(--lf-text-muted); font-size: .88em; }
.lf-md .lf-md-stat { border: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0 .8rem; font-size: .9rem; }
.lf-md button { font: inherit; justify-self: start; cursor: pointer; border-radius: 999px; padding: .3rem .85rem; border: 1.5px solid var(--lf-accent); background: var(--lf-surface); color: var(--lf-text); }
.lf-md button[aria-pressed=true] { background: var(--lf-accent-soft); }
.lf-md :is(input, button):focus-visible { outline: 3px solid var(--lf-accent); outline-offset: 2px; }
.lf-md-out { padding: .75rem 1rem; border-radius: 10px; background: var(--lf-surface-2); min-height: 3em; }
`

const X0 = 34
const PW = 278
const Y0 = 8
const PH = 80
const xAt = (t: number) => X0 + (t / 45) * PW

function Chart({ k, stat }: { k: (typeof CHARTS)[number]; stat: Stat }) {
  const id = useId()
  const yAt = (v: number) => Y0 + PH - (Math.min(v, k.top) / k.top) * PH
  const pts = T.map((t) => `${xAt(t).toFixed(1)},${yAt(SERIES[k.key](t, stat)).toFixed(1)}`).join(' ')
  const line = k.key === 'err' || k.key === 'thr' ? c.red : k.key === 'dur' ? c.accent : c.blue
  const soft = k.key === 'err' || k.key === 'thr' ? c.redSoft : k.key === 'dur' ? c.accentSoft : c.blueSoft
  return (
    <svg role="img" aria-labelledby={`${id}-t ${id}-d`} viewBox="0 0 320 118" style={svgStyle}>
      <title id={`${id}-t`}>{`${k.name}${k.key === 'dur' ? `, ${STATS[stat]}` : ''}, 11:45 to 12:30`}</title>
      <desc id={`${id}-d`}>{describe(k, stat)}</desc>
      <line x1={X0} x2={X0 + PW} y1={Y0} y2={Y0} style={{ stroke: c.border }} />
      <line x1={X0} x2={X0 + PW} y1={Y0 + PH} y2={Y0 + PH} style={{ stroke: c.border }} />
      {[15, 38].map((t) => (
        <line
          key={t}
          x1={xAt(t)}
          x2={xAt(t)}
          y1={Y0}
          y2={Y0 + PH}
          style={{ stroke: c.muted, strokeDasharray: '2 3' }}
        />
      ))}
      {k.ref && (
        <g>
          <line
            x1={X0}
            x2={X0 + PW}
            y1={yAt(k.ref[0])}
            y2={yAt(k.ref[0])}
            style={{ stroke: c.purple, strokeDasharray: '6 4', strokeWidth: 1.5 }}
          />
          <text x={X0 + 4} y={yAt(k.ref[0]) - 4} style={{ fill: c.purple, fontSize: 12.5 }}>
            {k.ref[1]}
          </text>
        </g>
      )}
      <polygon points={`${X0},${Y0 + PH} ${pts} ${X0 + PW},${Y0 + PH}`} style={{ fill: soft, opacity: 0.8 }} />
      <polyline points={pts} style={{ fill: 'none', stroke: line, strokeWidth: 2 }} />
      <text x={X0 - 5} y={Y0 + 4} textAnchor="end" style={{ fill: c.muted, fontSize: 12 }}>
        {k.topLabel}
      </text>
      <text x={X0 - 5} y={Y0 + PH + 4} textAnchor="end" style={{ fill: c.muted, fontSize: 12 }}>
        0
      </text>
      {[0, 15, 30, 45].map((t, i) => (
        <text
          key={t}
          x={xAt(t)}
          y={Y0 + PH + 22}
          textAnchor={i === 0 ? 'start' : i === 3 ? 'end' : 'middle'}
          style={{ fill: c.muted, fontSize: 13 }}
        >
          {['11:45', '12:00', '12:15', '12:30'][i]}
        </text>
      ))}
    </svg>
  )
}

/**
 * Lesson 8, interactive: a small CloudWatch-style dashboard for Kettle & Co.'s checkout function on sale day.
 * The learner picks a symptom, then the graph that explains it; Duration can be shown with three statistics.
 * Loaded lazily by MetricDashboard.tsx (it sits at the end of the lesson).
 */
export default function MetricDashboardCharts() {
  const id = useId()
  const [q, setQ] = useState<Q>('slow')
  const [stat, setStat] = useState<Stat>('avg')
  const [pick, setPick] = useState<Key | null>(null)
  const Qn = QUESTIONS[q]

  const verdict = (k: Key): { ok: boolean; text: string } => {
    const name = CHARTS.find((x) => x.key === k)!.name
    if (k === Qn.answer) {
      if (q === 'slow' && stat === 'avg')
        return {
          ok: false,
          text: 'Right graph, wrong statistic: the Average hides the slow checkouts. Switch Duration to p99 or Maximum.',
        }
      return { ok: true, text: Qn.right }
    }
    return { ok: false, text: `Not ${name}. ${Qn.feedback[k] ?? 'It doesn’t explain this symptom. Try another.'}` }
  }
  const v = pick ? verdict(pick) : null

  return (
    <div className="lf-md">
      <style>{css}</style>
      <fieldset>
        <legend>Pick a symptom</legend>
        {(Object.keys(QUESTIONS) as Q[]).map((k) => (
          <label key={k}>
            <input
              type="radio"
              name={`${id}-q`}
              checked={q === k}
              onChange={() => {
                setQ(k)
                setPick(null)
              }}
            />
            <span>{QUESTIONS[k].text}</span>
          </label>
        ))}
      </fieldset>
      <p style={{ fontSize: '.88rem', color: c.muted }}>
        The checkout function, 11:45 to 12:30. Dotted lines: the sale starts (12:00) and the fix goes live (12:23). Then
        choose the graph that answers the symptom.
      </p>
      <div className="lf-md-grid">
        {CHARTS.map((k) => {
          const state = pick === k.key ? (v!.ok ? 'right' : 'wrong') : undefined
          return (
            <div key={k.key} className="lf-md-card" data-state={state}>
              <p style={{ fontWeight: 650, overflowWrap: 'anywhere' }}>
                {k.name} <span>({k.key === 'dur' ? `${STATS[stat]}, ${k.unit}` : k.unit})</span>
              </p>
              <Chart k={k} stat={stat} />
              {k.key === 'dur' && (
                <fieldset className="lf-md-stat">
                  <legend style={{ fontWeight: 400 }}>Statistic:</legend>
                  {(Object.keys(STATS) as Stat[]).map((s) => (
                    <label key={s}>
                      <input
                        type="radio"
                        name={`${id}-stat`}
                        checked={stat === s}
                        onChange={() => {
                          setStat(s)
                          setPick(null)
                        }}
                      />
                      {STATS[s]}
                    </label>
                  ))}
                </fieldset>
              )}
              <button type="button" aria-pressed={pick === k.key} onClick={() => setPick(k.key)}>
                Choose {k.name}
              </button>
            </div>
          )
        })}
      </div>
      <p className="lf-md-out" aria-live="polite">
        {v ? v.text : 'Read the symptom, look at the graphs, then choose one.'}
      </p>
    </div>
  )
}
