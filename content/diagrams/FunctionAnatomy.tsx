import { useId } from 'react'
import { Arrow, ArrowMarker, Box, c, Lines, svgStyle, useNarrow } from './svg'

const triggers = ['API Gateway request', 'S3 object created', 'SQS message', 'EventBridge rule']
const parts = [
  { title: 'Code', lines: ['index.mjs exports handler', '+ its dependencies'], tone: 'accent' as const },
  { title: 'Configuration', lines: ['runtime, memory, timeout,', 'environment variables'], tone: 'blue' as const },
  { title: 'Execution role', lines: ['IAM permissions: what', 'the code may call'], tone: 'purple' as const },
]

/** Lesson 1: a Lambda function is code + configuration, started by triggers. */
export function FunctionAnatomy() {
  const [ref, narrow] = useNarrow<HTMLDivElement>(600)
  const id = useId()
  const mk = `${id}-m`

  const W = narrow ? 360 : 720
  const H = narrow ? 600 : 330

  const trig = triggers.map((t, i) =>
    narrow
      ? { t, x: 10 + (i % 2) * 175, y: 10 + Math.floor(i / 2) * 46, w: 165, h: 38 }
      : { t, x: 10, y: 52 + i * 62, w: 180, h: 46 },
  )
  const fn = narrow ? { x: 30, y: 140, w: 300, h: 330 } : { x: 240, y: 14, w: 260, h: 302 }
  const out = narrow ? { x: 60, y: 520, w: 240, h: 70 } : { x: 560, y: 120, w: 150, h: 90 }

  return (
    <div ref={ref}>
      <svg role="img" aria-labelledby={`${id}-t ${id}-d`} viewBox={`0 0 ${W} ${H}`} style={svgStyle}>
        <title id={`${id}-t`}>What a Lambda function is made of</title>
        <desc id={`${id}-d`}>
          Triggers such as an API Gateway request, an S3 object being created, an SQS message or an EventBridge rule
          start the function. The function itself has three parts: its code (a file such as index.mjs that exports a
          handler, plus dependencies), its configuration (runtime, memory, timeout and environment variables), and an
          execution role that grants the IAM permissions the code needs to call other services, such as DynamoDB or S3.
        </desc>
        <defs>
          <ArrowMarker id={mk} />
        </defs>
        {!narrow && <Lines x={100} y={36} lines={['Triggers (events)']} size={13} weight={650} color={c.muted} />}
        {trig.map((b) => (
          <g key={b.t}>
            <Box x={b.x} y={b.y} w={b.w} h={b.h} title={b.t} titleSize={narrow ? 12.5 : 13.5} />
            {!narrow && (
              <Arrow
                points={[
                  [b.x + b.w, b.y + b.h / 2],
                  [fn.x - 2, b.y + b.h / 2],
                ]}
                marker={mk}
              />
            )}
          </g>
        ))}
        {narrow && (
          <Arrow
            points={[
              [180, 102],
              [180, fn.y - 2],
            ]}
            marker={mk}
          />
        )}
        <rect
          x={fn.x}
          y={fn.y}
          width={fn.w}
          height={fn.h}
          rx={14}
          style={{ fill: c.surface, stroke: c.accent, strokeWidth: 2 }}
        />
        <Lines x={fn.x + fn.w / 2} y={fn.y + 28} lines={['Lambda function']} size={16} weight={700} />
        <Lines x={fn.x + fn.w / 2} y={fn.y + 46} lines={['name: place-order']} size={12.5} color={c.muted} />
        {parts.map((p, i) => (
          <Box
            key={p.title}
            x={fn.x + 16}
            y={fn.y + 62 + i * (narrow ? 88 : 78)}
            w={fn.w - 32}
            h={narrow ? 78 : 68}
            title={p.title}
            lines={p.lines}
            tone={p.tone}
            titleSize={14}
            size={12.5}
          />
        ))}
        <Arrow
          points={
            narrow
              ? [
                  [180, fn.y + fn.h],
                  [180, out.y - 2],
                ]
              : [
                  [fn.x + fn.w, fn.y + fn.h / 2],
                  [out.x - 2, fn.y + fn.h / 2],
                ]
          }
          marker={mk}
          dashed
        />
        <Box
          {...out}
          title="Other services"
          lines={['DynamoDB, S3, APIs…', 'as the role allows']}
          titleSize={14}
          size={12.5}
        />
      </svg>
    </div>
  )
}
