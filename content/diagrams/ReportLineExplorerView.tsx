import { useId, useState } from 'react'
import { c, svgStyle, useNarrow } from './svg'

type Case = 'warm' | 'cold' | 'timeout' | 'oom'
type Field = 'id' | 'dur' | 'billed' | 'size' | 'used' | 'init' | 'status'

interface Report {
  label: string
  dur: number
  billed: number
  size: number
  used: number
  init?: number
  status?: string
  story: string
}

const RID = '8f3c1a2e-5b7d-4c0f-9e61-2d4a7b9c0e13'

const CASES: Record<Case, Report> = {
  warm: {
    label: 'Warm start',
    dur: 12.34,
    billed: 13,
    size: 128,
    used: 67,
    story: 'Warm: the environment was reused, so there is no Init Duration.',
  },
  cold: {
    label: 'Cold start',
    dur: 12.34,
    billed: 163,
    size: 128,
    used: 67,
    init: 150.2,
    story: 'Cold start: Lambda initialised a new environment, then ran the handler. You pay for both.',
  },
  timeout: {
    label: 'Timed out',
    dur: 3000,
    billed: 3000,
    size: 128,
    used: 88,
    status: 'Status: timeout',
    story:
      'Still running at the 3-second timeout, so Lambda stopped it; the log also says “Task timed out after 3.00 seconds”.',
  },
  oom: {
    label: 'Out of memory',
    dur: 1843.52,
    billed: 1844,
    size: 128,
    used: 128,
    status: 'Status: error  Error Type: Runtime.OutOfMemory',
    story: 'Memory ran out and the runtime was killed. Give it more memory, or hold less at once.',
  },
}

const ms = (n: number) => `${n.toFixed(2)} ms`

const HELP: Record<Field, (r: Report) => string> = {
  id: () =>
    'RequestId: this invocation’s ID. START, END, REPORT and your own log lines carry it, so you can gather everything one request did.',
  dur: (r) =>
    `Duration (${ms(r.dur)}): how long the handler ran, not counting initialisation. The Duration metric is this number.`,
  billed: (r) =>
    `Billed Duration (${r.billed} ms): what you pay for: Duration${r.init ? ' plus Init Duration' : ''}, rounded up to the next millisecond.`,
  size: (r) => `Memory Size (${r.size} MB): the memory you configured; CPU is in proportion.`,
  used: (r) =>
    `Max Memory Used (${r.used} MB): the peak during this invocation. ${r.used >= r.size ? 'Here it hit the limit.' : `${r.size - r.used} MB of headroom.`}`,
  init: (r) =>
    r.init
      ? `Init Duration (${ms(r.init)}): the Init phase, starting any extensions and the runtime and running your code outside the handler. Only on a cold start.`
      : '',
  status: (r) =>
    r.status
      ? `${r.status.replace(/\s+/g, ' ')}. Lambda adds these fields when an invocation fails, even if your code logged nothing.`
      : '',
}

const css = `
.lf-rl { display: grid; gap: .9rem; color: var(--lf-text); line-height: 1.45; }
.lf-rl fieldset { margin: 0; border: 0; padding: 0; display: flex; flex-wrap: wrap; gap: .5rem; min-width: 0; }
.lf-rl legend { font-weight: 650; margin-bottom: .4rem; padding: 0; }
.lf-rl label { display: inline-flex; gap: .4rem; align-items: center; cursor: pointer; padding: .3rem .75rem; border: 1.5px solid var(--lf-border); border-radius: 999px; }
.lf-rl label:has(:checked) { border-color: var(--lf-accent); background: var(--lf-accent-soft); }
.lf-rl input { accent-color: var(--lf-accent); margin: 0; }
.lf-rl-line { margin: 0; padding: .6rem .75rem; border-radius: 8px; background: var(--lf-surface-2); font: .86rem var(--font-mono, monospace); display: flex; flex-wrap: wrap; gap: .3rem; align-items: center; }
.lf-rl button { font: inherit; cursor: pointer; color: var(--lf-text); background: var(--lf-bg); border: 1px solid var(--lf-border); border-radius: 6px; padding: .1rem .4rem; overflow-wrap: anywhere; }
.lf-rl button[aria-pressed=true] { border-color: var(--lf-accent); background: var(--lf-accent-soft); }
.lf-rl button[data-bad] { border-color: var(--lf-red); }
.lf-rl :is(input, button):focus-visible { outline: 3px solid var(--lf-accent); outline-offset: 2px; }
.lf-rl-out { margin: 0; padding: .7rem 1rem; border-radius: 10px; background: var(--lf-surface-2); min-height: 3em; }
`

/** Lesson 8, interactive: pick a kind of invocation, then select each field of its REPORT line to see what it means. */
export default function ReportLineExplorerView() {
  const id = useId()
  const [ref, narrow] = useNarrow<HTMLDivElement>(520)
  const [kase, setKase] = useState<Case>('cold')
  const [field, setField] = useState<Field>('billed')
  const r = CASES[kase]

  const parts: Array<{ f: Field; text: string; bad?: boolean }> = [
    { f: 'id', text: `RequestId: ${RID}` },
    { f: 'dur', text: `Duration: ${ms(r.dur)}` },
    { f: 'billed', text: `Billed Duration: ${r.billed} ms` },
    { f: 'size', text: `Memory Size: ${r.size} MB` },
    { f: 'used', text: `Max Memory Used: ${r.used} MB`, bad: r.used >= r.size },
  ]
  if (r.init) parts.push({ f: 'init', text: `Init Duration: ${ms(r.init)}` })
  if (r.status) parts.push({ f: 'status', text: r.status, bad: true })
  const shown = parts.some((p) => p.f === field) ? field : 'billed'

  // Drawing: a time bar (init + handler = billed) and a memory bar (used of size).
  const W = narrow ? 340 : 680
  const x0 = narrow ? 10 : 150
  const bw = W - x0 - 10
  const total = (r.init ?? 0) + r.dur
  const initW = r.init ? (r.init / total) * bw : 0
  const usedW = (r.used / r.size) * bw
  const row = (y: number, label: string) =>
    narrow ? (
      <text x={x0} y={y - 8} style={{ fill: c.text, fontSize: 13, fontWeight: 650 }}>
        {label}
      </text>
    ) : (
      <text x={x0 - 12} y={y + 17} textAnchor="end" style={{ fill: c.text, fontSize: 14, fontWeight: 650 }}>
        {label}
      </text>
    )
  const y1 = narrow ? 24 : 10
  const y2 = narrow ? 104 : 80
  const H = narrow ? 160 : 130
  const desc =
    `${r.label}. Time: ` +
    (r.init
      ? `initialisation ${ms(r.init)}, then the handler ${ms(r.dur)}; `
      : `the handler ran ${ms(r.dur)} with no initialisation; `) +
    `billed ${r.billed} ms. Memory: ${r.used} MB used of ${r.size} MB configured.` +
    (r.status ? ` ${r.status.replace(/\s+/g, ' ')}.` : '')

  return (
    <div ref={ref} className="lf-rl">
      <style>{css}</style>
      <fieldset>
        <legend>Which invocation?</legend>
        {(Object.keys(CASES) as Case[]).map((k) => (
          <label key={k}>
            <input type="radio" name={`${id}-case`} checked={kase === k} onChange={() => setKase(k)} />
            {CASES[k].label}
          </label>
        ))}
      </fieldset>
      <div className="lf-rl-line" role="group" aria-label="REPORT line: select a field to explain it">
        <span style={{ color: c.muted }}>REPORT</span>
        {parts.map((p) => (
          <button
            key={p.f}
            type="button"

            aria-pressed={shown === p.f}
            data-bad={p.bad ? '' : undefined}
            onClick={() => setField(p.f)}
          >
            {p.text}
          </button>
        ))}
      </div>
      <p className="lf-rl-out" aria-live="polite">
        <strong>{r.story}</strong> {HELP[shown](r)}
      </p>
      <svg role="img" aria-labelledby={`${id}-t ${id}-d`} viewBox={`0 0 ${W} ${H}`} style={svgStyle}>
        <title id={`${id}-t`}>What this REPORT line says about time and memory</title>
        <desc id={`${id}-d`}>{desc}</desc>
        {row(y1, 'Time')}
        <rect x={x0} y={y1} width={bw} height={26} rx={6} style={{ fill: c.surface2, stroke: c.border }} />
        {r.init ? (
          <rect x={x0} y={y1} width={initW} height={26} rx={6} style={{ fill: c.purpleSoft, stroke: c.purple }} />
        ) : null}
        <rect
          x={x0 + initW}
          y={y1}
          width={bw - initW}
          height={26}
          rx={6}
          style={{ fill: r.status ? c.redSoft : c.blueSoft, stroke: r.status ? c.red : c.blue }}
        />
        <text x={x0 + 8} y={y1 + 45} style={{ fill: c.muted, fontSize: 13.5 }}>
          {r.init
            ? `init ${r.init.toFixed(2)} + handler ${r.dur.toFixed(2)} = ${r.billed} ms billed`
            : `handler ${ms(r.dur)}: ${r.billed} ms billed`}
        </text>
        {row(y2, 'Memory')}
        <rect x={x0} y={y2} width={bw} height={26} rx={6} style={{ fill: c.surface2, stroke: c.border }} />
        <rect
          x={x0}
          y={y2}
          width={usedW}
          height={26}
          rx={6}
          style={{ fill: r.used >= r.size ? c.redSoft : c.greenSoft, stroke: r.used >= r.size ? c.red : c.green }}
        />
        <text x={x0 + 8} y={y2 + 45} style={{ fill: c.muted, fontSize: 13.5 }}>
          {`${r.used} MB used of ${r.size} MB`}
        </text>
      </svg>
    </div>
  )
}
