import { useId } from 'react'
import { c, svgStyle, tones, useNarrow, type Tone } from './svg'

const END = 6.2 // seconds shown on the axis

const ROWS: Array<{ label: string; sub?: number; from: number; to: number; tone: Tone; note: string }> = [
  { label: 'API Gateway  kettle-shop/prod', from: 0, to: 6.012, tone: 'blue', note: '6.01 s · 502' },
  { label: 'Lambda  checkout', from: 0.003, to: 6.01, tone: 'purple', note: 'service segment' },
  { label: 'checkout (function)', from: 0.004, to: 6.004, tone: 'accent', note: 'function segment' },
  { label: 'Invocation', sub: 1, from: 0.004, to: 6.0, tone: 'red', note: 'timed out at 6.00 s' },
  { label: 'DynamoDB  GetItem Products', sub: 2, from: 0.006, to: 0.018, tone: 'green', note: '12 ms' },
  { label: 'POST  payments provider', sub: 2, from: 0.02, to: 6.0, tone: 'red', note: 'no response yet' },
]

/** Lesson 8: the X-Ray trace of one timed-out checkout request, as a timeline of segments and subsegments. */
export default function TraceWaterfallView() {
  const id = useId()
  const [ref, narrow] = useNarrow<HTMLDivElement>(560)
  const W = narrow ? 360 : 720
  const px = narrow ? 12 : 250
  const pw = W - px - 14
  const rowH = narrow ? 50 : 40
  const top = 8
  const H = top + ROWS.length * rowH + 34
  const x = (s: number) => px + (s / END) * pw

  return (
    <div ref={ref}>
      <svg role="img" aria-labelledby={`${id}-t ${id}-d`} viewBox={`0 0 ${W} ${H}`} style={svgStyle}>
        <title id={`${id}-t`}>X-Ray trace of one checkout request that timed out</title>
        <desc id={`${id}-d`}>
          A timeline from 0 to 6 seconds. API Gateway waited 6.01 seconds and then returned 502 to the browser. Inside
          it, the Lambda service segment and the checkout function segment each last about 6 seconds. The function’s
          Invocation subsegment ends at 6.00 seconds: the function timed out. Under it are two calls the code made: a
          DynamoDB GetItem on the Products table, which took 12 milliseconds, and a POST to the payment provider, which
          started at 0.02 seconds and had still not answered when Lambda stopped the function at 6 seconds.
        </desc>
        {[0, 1, 2, 3, 4, 5, 6].map((s) => (
          <g key={s}>
            <line x1={x(s)} x2={x(s)} y1={top} y2={H - 26} style={{ stroke: c.border, strokeDasharray: '2 4' }} />
            <text x={x(s)} y={H - 10} textAnchor="middle" style={{ fill: c.muted, fontSize: 12 }}>{`${s} s`}</text>
          </g>
        ))}
        {ROWS.map((r, i) => {
          const y = top + i * rowH + (narrow ? 20 : 8)
          const t = tones[r.tone]
          const indent = (r.sub ?? 0) * 14
          return (
            <g key={r.label}>
              {narrow ? (
                <text x={px + indent} y={y - 6} style={{ fill: c.text, fontSize: 13, fontWeight: 600 }}>
                  {r.label.replace('  ', ' · ')}
                </text>
              ) : (
                <text
                  x={12 + indent}
                  y={y + 14}
                  style={{ fill: c.text, fontSize: 13.5, fontWeight: r.sub ? 500 : 650 }}
                >
                  {r.label.replace('  ', ' · ')}
                </text>
              )}
              <rect
                x={x(r.from)}
                y={y}
                width={Math.max(4, x(r.to) - x(r.from))}
                height={20}
                rx={4}
                style={{ fill: t.fill, stroke: t.stroke, strokeWidth: 1.25 }}
              />
              {r.to - r.from > 2 ? (
                <text x={x(r.to) - 6} y={y + 14} textAnchor="end" style={{ fill: c.text, fontSize: 12 }}>
                  {r.note}
                </text>
              ) : (
                <text x={x(r.to) + 8} y={y + 14} style={{ fill: c.text, fontSize: 12 }}>
                  {r.note}
                </text>
              )}
            </g>
          )
        })}
      </svg>
    </div>
  )
}
