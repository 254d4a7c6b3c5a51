import { useId, useState } from 'react'
import { c, svgStyle, useNarrow } from './svg'
import { fmt, uiCss } from './controls'

const STEPS = [128, 256, 512, 1024, 1769, 2048, 3008, 4096, 6144, 8192, 10240]
const SHORT = ['128', '256', '512', '1G', '1.7G', '2G', '3G', '4G', '6G', '8G', '10G']
// Model prices: x86, US East (N. Virginia), at the time of writing.
const PER_GBS = 0.0000166667
const PER_REQ = 0.2 / 1e6

const LOADS = {
  cpu: {
    label: 'Resize a product photo',
    hint: 'CPU-bound: 900 ms of work for one vCPU, slower when memory is tight',
    work: 900,
    wait: 30,
    heap: 200,
  },
  io: {
    label: 'Look up an order',
    hint: 'mostly waiting: 25 ms of work, 180 ms waiting for the database',
    work: 25,
    wait: 180,
    heap: 0,
  },
}
type Load = keyof typeof LOADS

const vcpu = (mb: number) => Math.min(mb / 1769, 6)
// One thread: beyond one vCPU this work gets no faster. Below its working set ("heap"),
// the garbage collector adds work.
const ms = (mb: number, l: Load) => {
  const { work, wait, heap } = LOADS[l]
  return wait + (work * (1 + 0.5 * (heap / mb) ** 2)) / Math.min(vcpu(mb), 1)
}
const cost = (mb: number, l: Load) => 1e6 * ((mb / 1024) * (ms(mb, l) / 1000) * PER_GBS + PER_REQ)
const money = (n: number) => `$${fmt(n, 2)}`

/**
 * Lesson 6, interactive model: choose a memory size and a workload; see the CPU share,
 * the modelled duration and the cost per million invocations at every memory size.
 */
export function MemoryPowerTuner() {
  const id = useId()
  const [ref, narrow] = useNarrow<HTMLDivElement>(560)
  const [load, setLoad] = useState<Load>('cpu')
  const [i, setI] = useState(3)
  const mb = STEPS[i]
  const durs = STEPS.map((m) => ms(m, load))
  const costs = STEPS.map((m) => cost(m, load))
  const maxD = Math.max(...durs)
  const maxC = Math.max(...costs)
  const cheapest = costs.indexOf(Math.min(...costs))

  const W = narrow ? 340 : 640
  const x0 = narrow ? 6 : 96
  const colW = (W - x0 - 6) / STEPS.length
  const barW = colW * 0.62
  const fs = narrow ? 12 : 13.5
  const meterY = 8
  const d0 = narrow ? 92 : 78 // top of the duration chart
  const ch = 74 // chart height
  const c0 = d0 + ch + 44
  const H = c0 + ch + 28

  const chart = (top: number, values: number[], max: number, title: string, label: (v: number) => string) => (
    <g>
      <text
        x={narrow ? x0 : 0}
        y={narrow ? top - 24 : top + ch / 2}
        style={{ fill: c.text, fontSize: fs, fontWeight: 650 }}
      >
        {title}
      </text>
      <line x1={x0} x2={W - 6} y1={top + ch} y2={top + ch} style={{ stroke: c.border }} />
      {values.map((v, k) => {
        const h = Math.max(2, (v / max) * ch)
        const x = x0 + k * colW + (colW - barW) / 2
        const on = k === i
        return (
          <g key={k}>
            <rect
              x={x}
              y={top + ch - h}
              width={barW}
              height={h}
              rx={3}
              style={{ fill: on ? c.accent : c.surface2, stroke: on ? c.accent : c.border }}
            />
            {on && (
              <text
                x={k < 2 ? x : k > STEPS.length - 3 ? x + barW : x + barW / 2}
                y={top + ch - h - 6}
                textAnchor={k < 2 ? 'start' : k > STEPS.length - 3 ? 'end' : 'middle'}
                style={{ fill: c.text, fontSize: fs, fontWeight: 650 }}
              >
                {label(v)}
              </text>
            )}
          </g>
        )
      })}
    </g>
  )

  const share = vcpu(mb)
  const meterX = narrow ? 6 : 96
  const cellW = (W - meterX - 6) / 6
  const summary =
    `${fmt(mb)} MB gives ${fmt(share, 2)} vCPU. ${LOADS[load].label}: about ${fmt(ms(mb, load))} ms per invocation, ` +
    `${money(cost(mb, load))} per million invocations. Cheapest in this model: ${fmt(STEPS[cheapest])} MB.`

  return (
    <div className="lf-ui" ref={ref}>
      <style>{uiCss}</style>
      <div className="lf-ui-grid">
        <fieldset>
          <legend>Workload</legend>
          {(Object.keys(LOADS) as Load[]).map((k) => (
            <label key={k} className="lf-ui-opt">
              <input type="radio" name={`${id}-load`} checked={load === k} onChange={() => setLoad(k)} />
              <span>
                {LOADS[k].label} <span className="lf-ui-hint">({LOADS[k].hint})</span>
              </span>
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>Memory</legend>
          <label htmlFor={`${id}-mem`}>
            <strong>{fmt(mb)} MB</strong>
            <span className="lf-ui-hint">128 MB to 10,240 MB</span>
          </label>
          <input
            id={`${id}-mem`}
            type="range"
            min={0}
            max={STEPS.length - 1}
            step={1}
            value={i}
            aria-valuetext={`${fmt(mb)} MB`}
            onChange={(e) => setI(Number(e.target.value))}
          />
        </fieldset>
      </div>
      <svg role="img" aria-labelledby={`${id}-t ${id}-d`} viewBox={`0 0 ${W} ${H}`} style={svgStyle}>
        <title id={`${id}-t`}>Model: CPU share, duration and cost by memory size</title>
        <desc id={`${id}-d`}>
          {`${summary} Durations from 128 MB to 10,240 MB: ${durs.map((d, k) => `${fmt(STEPS[k])} MB ${fmt(d)} ms`).join(', ')}. ` +
            `Cost per million: ${costs.map((v, k) => `${fmt(STEPS[k])} MB ${money(v)}`).join(', ')}.`}
        </desc>
        <text
          x={narrow ? meterX : 0}
          y={meterY + (narrow ? 11 : 14)}
          style={{ fill: c.text, fontSize: fs, fontWeight: 650 }}
        >
          {narrow ? `CPU: ${fmt(share, 2)} vCPU` : 'CPU'}
        </text>
        {!narrow && (
          <text x={0} y={meterY + 30} style={{ fill: c.muted, fontSize: fs }}>
            {`${fmt(share, 2)} vCPU`}
          </text>
        )}
        {[0, 1, 2, 3, 4, 5].map((k) => {
          const y = narrow ? meterY + 18 : meterY + 8
          const fill = Math.max(0, Math.min(1, share - k))
          return (
            <g key={k}>
              <rect
                x={meterX + k * cellW + 2}
                y={y}
                width={cellW - 4}
                height={22}
                rx={4}
                style={{ fill: c.surface, stroke: c.border }}
              />
              {fill > 0 && (
                <rect
                  x={meterX + k * cellW + 2}
                  y={y}
                  width={(cellW - 4) * fill}
                  height={22}
                  rx={4}
                  style={{ fill: c.blue }}
                />
              )}
            </g>
          )
        })}
        {chart(d0, durs, maxD, 'Duration', (v) => `${fmt(v)} ms`)}
        {chart(c0, costs, maxC, narrow ? 'Cost per million invocations' : 'Cost / 1M', money)}
        {STEPS.map((_, k) => (
          <text
            key={k}
            x={x0 + k * colW + colW / 2}
            y={c0 + ch + 18}
            textAnchor="middle"
            style={{
              fill: k === i ? c.text : c.muted,
              fontSize: narrow ? 11.5 : 12.5,
              fontWeight: k === i ? 650 : 400,
            }}
          >
            {narrow ? SHORT[k] : fmt(STEPS[k])}
          </text>
        ))}
      </svg>
      <p className="lf-ui-out" aria-live="polite">
        {summary}
      </p>
    </div>
  )
}
