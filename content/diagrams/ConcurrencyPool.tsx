import { useId } from 'react'
import { c, svgStyle, tones, useNarrow, type Tone } from './svg'

const PARTS: Array<{ n: number; tone: Tone; solid?: boolean; text: string }> = [
  { n: 50, tone: 'blue', solid: true, text: 'place-order: 50 provisioned, ready in advance' },
  { n: 150, tone: 'blue', text: 'place-order: 150 more reserved, 200 in all' },
  { n: 50, tone: 'purple', text: 'sync-stock: 50 reserved, spares the warehouse' },
  { n: 750, tone: 'neutral', text: 'Unreserved: 750, shared by all other functions' },
]

/** Lesson 6: one Region's account concurrency (1,000) split into reserved, provisioned and unreserved. */
export function ConcurrencyPool() {
  const id = useId()
  const [ref, narrow] = useNarrow<HTMLDivElement>(560)
  const W = narrow ? 360 : 680
  const k = (W - 8) / 1000
  const rowH = narrow ? 26 : 30
  const legendY = 78
  const items = [
    ...PARTS.map((p) => ({ tone: p.tone, solid: p.solid, text: p.text })),
    { tone: 'red' as Tone, solid: false, text: 'send-newsletter: 0 reserved, so switched off' },
  ]
  const H = legendY + items.length * rowH + 6
  const fs = narrow ? 12.5 : 14.5
  let x = 4
  return (
    <div ref={ref}>
      <svg role="img" aria-labelledby={`${id}-t ${id}-d`} viewBox={`0 0 ${W} ${H}`} style={svgStyle}>
        <title id={`${id}-t`}>An account's concurrency in one Region, divided between functions</title>
        <desc id={`${id}-d`}>
          A bar of 1,000 units, the default account concurrency. The place-order function reserves 200, of which 50 are
          provisioned concurrency, initialised in advance. The sync-stock function reserves 50 to protect the warehouse
          API. The remaining 750 are unreserved and shared by every other function; at least 100 must always stay
          unreserved. The send-newsletter function has reserved concurrency 0, which switches it off.
        </desc>
        <text x={4} y={16} style={{ fill: c.text, fontSize: fs, fontWeight: 650 }}>
          Account concurrency in one Region: 1,000
        </text>
        {PARTS.map((p, i) => {
          const w = p.n * k
          const t = tones[p.tone]
          const seg = (
            <g key={i}>
              <rect
                x={x}
                y={28}
                width={w}
                height={32}
                style={{ fill: p.solid ? t.stroke : t.fill, stroke: t.stroke, strokeWidth: 1.25 }}
              />
              {w > 34 && (
                <text
                  x={x + w / 2}
                  y={49}
                  textAnchor="middle"
                  style={{ fill: p.solid ? c.bg : c.text, fontSize: fs, fontWeight: 650 }}
                >
                  {p.n}
                </text>
              )}
            </g>
          )
          x += w
          return seg
        })}
        {items.map((it, i) => {
          const lx = 4
          const ly = legendY + i * rowH
          const t = tones[it.tone]
          return (
            <g key={i}>
              <rect
                x={lx}
                y={ly - 12}
                width={14}
                height={14}
                rx={3}
                style={{ fill: it.solid ? t.stroke : t.fill, stroke: t.stroke }}
              />
              <text x={lx + 22} y={ly} style={{ fill: c.text, fontSize: fs }}>
                {it.text}
              </text>
            </g>
          )
        })}
      </svg>
    </div>
  )
}
