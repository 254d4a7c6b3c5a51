import { useId } from 'react'
import { Arrow, ArrowMarker, Box, c, Lines, svgStyle, Tag, useNarrow } from './svg'

const parts = [
  { title: 'Runtime', lines: ['a Node.js process: runs', 'init code and handler'], tone: 'accent' as const },
  { title: '/tmp', lines: ['local disk: 512 MB by', 'default, up to 10,240 MB'], tone: 'blue' as const },
  { title: 'Extensions', lines: ['optional processes, e.g.', 'a monitoring agent'], tone: 'purple' as const },
  { title: 'Shared by all', lines: ['memory and CPU, env', 'variables, role credentials'], tone: 'neutral' as const },
]

/** Lesson 3: what an execution environment holds, and how it talks to the Lambda service. */
export function ExecutionEnvironment() {
  const [ref, narrow] = useNarrow<HTMLDivElement>(600)
  const id = useId()
  const mk = `${id}-m`
  const W = narrow ? 360 : 720
  const H = narrow ? 520 : 262
  const env = narrow ? { x: 10, y: 120, w: 340, h: 390 } : { x: 250, y: 10, w: 460, h: 242 }
  const box = (i: number) =>
    narrow
      ? { x: 30, y: 178 + i * 82, w: 300, h: 70 }
      : { x: 266 + (i % 2) * 222, y: 62 + Math.floor(i / 2) * 96, w: 206, h: 80 }
  const svc = narrow ? { x: 80, y: 10, w: 200, h: 64 } : { x: 10, y: 62, w: 150, h: 176 }

  return (
    <div ref={ref}>
      <svg role="img" aria-labelledby={`${id}-t ${id}-d`} viewBox={`0 0 ${W} ${H}`} style={svgStyle}>
        <title id={`${id}-t`}>Inside an execution environment</title>
        <desc id={`${id}-d`}>
          The Lambda service talks to an execution environment, a Firecracker microVM that serves one function. Inside
          it run the language runtime (a Node.js process that runs your initialisation code and your handler) and any
          extensions (separate processes such as a monitoring agent), next to a /tmp directory of local disk, 512 MB by
          default and up to 10,240 MB. The runtime talks to Lambda through the Runtime API, extensions through the
          Extensions API. Memory and CPU, environment variables and the execution role's credentials are shared by
          everything inside.
        </desc>
        <defs>
          <ArrowMarker id={mk} />
        </defs>
        <rect
          {...{ x: env.x, y: env.y, width: env.w, height: env.h }}
          rx={14}
          style={{ fill: c.surface2, stroke: c.accent, strokeWidth: 2 }}
        />
        <Lines x={env.x + env.w / 2} y={env.y + 26} lines={['Execution environment']} size={16} weight={700} />
        <Lines
          x={env.x + env.w / 2}
          y={env.y + 44}
          lines={['a Firecracker microVM for one function']}
          size={12.5}
          color={c.muted}
        />
        {parts.map((p, i) => (
          <Box key={p.title} {...box(i)} title={p.title} lines={p.lines} tone={p.tone} titleSize={14.5} size={12.5} />
        ))}
        <Box
          {...svc}
          title="Lambda service"
          lines={['sends events,', 'collects results']}
          titleSize={14.5}
          size={12.5}
        />
        {narrow ? (
          <>
            <Arrow
              points={[
                [180, 74],
                [180, 118],
              ]}
              marker={mk}
              both
            />
            <Tag x={180} y={100} text="Runtime and Extensions APIs" size={11} />
          </>
        ) : (
          <>
            <Arrow
              points={[
                [160, 102],
                [264, 102],
              ]}
              marker={mk}
              both
            />
            <Arrow
              points={[
                [160, 198],
                [264, 198],
              ]}
              marker={mk}
              both
            />
            <Tag x={212} y={90} text="Runtime API" size={11} />
            <Tag x={212} y={186} text="Extensions API" size={11} />
          </>
        )}
      </svg>
    </div>
  )
}
