import { useId } from 'react'
import { c, svgStyle, tones, useNarrow } from './svg'

type Owner = 'you' | 'aws'
const rows: Array<{ task: string; servers: Owner; lambda: Owner }> = [
  { task: 'Write the business logic', servers: 'you', lambda: 'you' },
  { task: 'Choose memory, timeout, permissions', servers: 'you', lambda: 'you' },
  { task: 'Provision and size servers', servers: 'you', lambda: 'aws' },
  { task: 'Install and patch the OS', servers: 'you', lambda: 'aws' },
  { task: 'Install and patch the language runtime', servers: 'you', lambda: 'aws' },
  { task: 'Scale up and down with traffic', servers: 'you', lambda: 'aws' },
  { task: 'Spread across Availability Zones', servers: 'you', lambda: 'aws' },
  { task: 'Collect logs and basic metrics', servers: 'you', lambda: 'aws' },
]

const label = (o: Owner) => (o === 'you' ? 'You' : 'AWS')

/** Lesson 1: who does each operational task, on your own servers and on Lambda. */
export function WhoDoesWhat() {
  const [ref, narrow] = useNarrow<HTMLDivElement>(600)
  const id = useId()
  const W = narrow ? 360 : 720
  const rowH = narrow ? 58 : 40
  const head = narrow ? 64 : 56
  const H = head + rows.length * rowH + 16
  const colA = narrow ? 20 : 430
  const colB = narrow ? 190 : 580
  const cellW = narrow ? 150 : 130

  const pill = (x: number, y: number, o: Owner, prefix?: string) => {
    const t = o === 'you' ? tones.accent : tones.blue
    return (
      <g>
        <rect
          x={x}
          y={y}
          width={cellW}
          height={26}
          rx={13}
          style={{ fill: t.fill, stroke: t.stroke, strokeWidth: 1.25 }}
        />
        <text
          x={x + cellW / 2}
          y={y + 17.5}
          textAnchor="middle"
          style={{ fill: c.text, fontSize: 13, fontWeight: o === 'you' ? 650 : 500 }}
        >
          {prefix ? `${prefix}: ${label(o)}` : label(o)}
        </text>
      </g>
    )
  }

  return (
    <div ref={ref}>
      <svg role="img" aria-labelledby={`${id}-t ${id}-d`} viewBox={`0 0 ${W} ${H}`} style={svgStyle}>
        <title id={`${id}-t`}>Who does each operational task: your own servers compared with Lambda</title>
        <desc id={`${id}-d`}>
          {rows
            .map((r) => `${r.task}: on your own servers, ${label(r.servers)}; on Lambda, ${label(r.lambda)}.`)
            .join(' ')}{' '}
          In short, with Lambda you keep the code and its configuration; AWS takes the servers, the operating system,
          the runtime, scaling, availability and log collection.
        </desc>
        {narrow ? (
          <text x={20} y={26} style={{ fill: c.muted, fontSize: 13 }}>
            <tspan x={20}>Each task: who does it on your own</tspan>
            <tspan x={20} dy={17}>
              servers, and who does it on Lambda.
            </tspan>
          </text>
        ) : (
          <>
            <text x={20} y={34} style={{ fill: c.muted, fontSize: 13, fontWeight: 600 }}>
              OPERATIONAL TASK
            </text>
            <text
              x={colA + cellW / 2}
              y={34}
              textAnchor="middle"
              style={{ fill: c.text, fontSize: 14, fontWeight: 650 }}
            >
              Your own servers
            </text>
            <text
              x={colB + cellW / 2}
              y={34}
              textAnchor="middle"
              style={{ fill: c.text, fontSize: 14, fontWeight: 650 }}
            >
              AWS Lambda
            </text>
          </>
        )}
        {rows.map((r, i) => {
          const y = head + i * rowH
          return (
            <g key={r.task}>
              {i > 0 && <line x1={12} x2={W - 12} y1={y - 4} y2={y - 4} style={{ stroke: c.border, strokeWidth: 1 }} />}
              {narrow ? (
                <>
                  <text x={20} y={y + 14} style={{ fill: c.text, fontSize: 14 }}>
                    {r.task}
                  </text>
                  {pill(colA, y + 22, r.servers, 'Servers')}
                  {pill(colB, y + 22, r.lambda, 'Lambda')}
                </>
              ) : (
                <>
                  <text x={20} y={y + 18} style={{ fill: c.text, fontSize: 14.5 }}>
                    {r.task}
                  </text>
                  {pill(colA, y + 1, r.servers)}
                  {pill(colB, y + 1, r.lambda)}
                </>
              )}
            </g>
          )
        })}
      </svg>
    </div>
  )
}
