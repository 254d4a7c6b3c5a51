import { useId, useRef, useState } from 'react'
import { Arrow, Box, c, svgStyle, useNarrow } from './svg'
import { uiCss } from './controls'

/** A small seeded random generator (mulberry32): varied splits, no dependency. */
function generator(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * Lesson 7, interactive: the alias "live" points at version 3 and sends a weighted share of
 * requests to version 4. Send batches and see how each request is routed.
 */
export function WeightedAliasRouter() {
  const id = useId()
  const mk = `${id}-m`
  const [ref, narrow] = useNarrow<HTMLDivElement>(560)
  const [weight, setWeight] = useState(10)
  const [sent, setSent] = useState<boolean[]>([])
  const rand = useRef(generator(7))
  const send = (n: number) => {
    const out: boolean[] = []
    for (let k = 0; k < n; k++) out.push(rand.current() < weight / 100)
    setSent(out)
  }
  const v4 = sent.filter(Boolean).length
  const v3 = sent.length - v4

  const W = narrow ? 340 : 600
  const fs = narrow ? 13 : 14.5
  const cols = narrow ? 20 : 25
  const step = (W - 8) / cols
  const vx = narrow ? 180 : 360
  const vw = W - vx - 4
  const gridY = 156
  const rows = Math.ceil(Math.max(sent.length, 1) / cols)
  const H = gridY + rows * step + 4
  const result = sent.length
    ? `Sent ${sent.length} requests to live at a weight of ${weight}%: version 3 ran ${v3}, version 4 ran ${v4}.`
    : `The alias live sends ${100 - weight}% of requests to version 3 and ${weight}% to version 4. Send a batch to see the split.`

  return (
    <div className="lf-ui" ref={ref}>
      <style>{uiCss}</style>
      <fieldset>
        <legend>Routing on the alias live</legend>
        <label htmlFor={`${id}-w`}>
          Weight of version 4: <strong>{weight}%</strong>
          <span className="lf-ui-hint">version 3 gets the other {100 - weight}%</span>
        </label>
        <input
          id={`${id}-w`}
          type="range"
          min={0}
          max={100}
          step={5}
          value={weight}
          aria-valuetext={`${weight}% to version 4`}
          onChange={(e) => {
            setWeight(Number(e.target.value))
            setSent([])
          }}
        />
        <div className="lf-ui-row">
          <button type="button" onClick={() => send(10)}>
            Send 10 requests
          </button>
          <button type="button" onClick={() => send(100)}>
            Send 100 requests
          </button>
        </div>
      </fieldset>
      <svg role="img" aria-labelledby={`${id}-t ${id}-d`} viewBox={`0 0 ${W} ${H}`} style={svgStyle}>
        <title id={`${id}-t`}>A weighted alias splitting requests between two versions</title>
        <desc id={`${id}-d`}>{`${result} Each dot below is one request, coloured by the version that ran it.`}</desc>
        <defs>
          {/* Fixed-size head, whatever the line's width. */}
          <marker
            id={mk}
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="11"
            markerHeight="11"
            markerUnits="userSpaceOnUse"
            orient="auto"
          >
            <path d="M0,0 L10,5 L0,10 z" style={{ fill: c.muted }} />
          </marker>
        </defs>
        <Box
          x={4}
          y={42}
          w={narrow ? 110 : 150}
          h={60}
          title="live"
          lines={['alias']}
          tone="accent"
          titleSize={fs + 1}
          size={fs}
        />
        {[0, 1].map((k) => {
          const share = k ? weight : 100 - weight
          const y = k ? 82 : 2
          const n = k ? v4 : v3
          return (
            <g key={k}>
              <Arrow
                points={[
                  [narrow ? 114 : 154, 72],
                  [vx - 2, y + 30],
                ]}
                marker={mk}
                width={1 + share / 14}
                color={share ? (k ? c.accent : c.blue) : c.border}
              />
              <Box
                x={vx}
                y={y}
                w={vw}
                h={60}
                title={`Version ${k ? 4 : 3}`}
                lines={[sent.length ? `${n} of ${sent.length} requests` : `${share}% of requests`]}
                tone={k ? 'accent' : 'blue'}
                titleSize={fs}
                size={fs}
              />
            </g>
          )
        })}
        {!sent.length && (
          <text x={4} y={gridY + step * 0.6} style={{ fill: c.muted, fontSize: fs }}>
            Each request you send appears here as a dot.
          </text>
        )}
        {sent.map((isV4, k) => (
          <circle
            key={k}
            cx={4 + (k % cols) * step + step / 2}
            cy={gridY + Math.floor(k / cols) * step + step / 2}
            r={step * 0.36}
            style={{ fill: isV4 ? c.accent : c.blue }}
          />
        ))}
      </svg>
      <p className="lf-ui-out" aria-live="polite">
        {result}
      </p>
    </div>
  )
}
