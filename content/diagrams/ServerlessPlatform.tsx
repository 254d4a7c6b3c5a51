import { useId } from 'react'
import { c, svgStyle, tones, useNarrow, type Tone } from './svg'

const groups: Array<{ name: string; tone: Tone; services: string[]; role: string }> = [
  { name: 'Compute', tone: 'accent', services: ['AWS Lambda', 'AWS Fargate'], role: 'runs your code' },
  { name: 'API', tone: 'blue', services: ['Amazon API Gateway', 'AWS AppSync'], role: 'HTTP front doors' },
  { name: 'Storage', tone: 'green', services: ['Amazon S3', 'Amazon EFS'], role: 'keeps files' },
  { name: 'Data', tone: 'green', services: ['Amazon DynamoDB', 'Aurora Serverless'], role: 'keeps records' },
  {
    name: 'Integration',
    tone: 'purple',
    services: ['Amazon SQS', 'Amazon SNS', 'Amazon EventBridge'],
    role: 'messages and events',
  },
  { name: 'Orchestration', tone: 'purple', services: ['AWS Step Functions'], role: 'multi-step workflows' },
  {
    name: 'Developer tools',
    tone: 'neutral',
    services: ['AWS SAM', 'AWS CDK', 'AWS CloudFormation'],
    role: 'define and deploy',
  },
  {
    name: 'Observability',
    tone: 'neutral',
    services: ['Amazon CloudWatch', 'AWS X-Ray'],
    role: 'logs, metrics, traces',
  },
]

/** Lesson 1: the managed services a serverless application is built from. */
export function ServerlessPlatform() {
  const [ref, narrow] = useNarrow<HTMLDivElement>(600)
  const id = useId()
  const cols = narrow ? 2 : 4
  const W = narrow ? 360 : 720
  const gap = narrow ? 10 : 14
  const pad = narrow ? 8 : 12
  const cardW = (W - pad * 2 - gap * (cols - 1)) / cols
  const cardH = narrow ? 132 : 138
  const rowsN = Math.ceil(groups.length / cols)
  const H = pad * 2 + rowsN * cardH + (rowsN - 1) * gap
  const fs = narrow ? 12.5 : 13.5

  return (
    <div ref={ref}>
      <svg role="img" aria-labelledby={`${id}-t ${id}-d`} viewBox={`0 0 ${W} ${H}`} style={svgStyle}>
        <title id={`${id}-t`}>The AWS serverless platform, grouped by job</title>
        <desc id={`${id}-d`}>
          {groups.map((g) => `${g.name} (${g.role}): ${g.services.join(', ')}.`).join(' ')} AWS Lambda and AWS SAM are
          highlighted: Lambda runs your code, and SAM is the developer tool this course uses to describe and deploy
          serverless applications.
        </desc>
        {groups.map((g, i) => {
          const col = i % cols
          const row = Math.floor(i / cols)
          const x = pad + col * (cardW + gap)
          const y = pad + row * (cardH + gap)
          const t = tones[g.tone]
          return (
            <g key={g.name}>
              <rect
                x={x}
                y={y}
                width={cardW}
                height={cardH}
                rx={10}
                style={{ fill: c.surface, stroke: c.border, strokeWidth: 1.25 }}
              />
              <rect x={x} y={y} width={cardW} height={6} rx={3} style={{ fill: t.stroke }} />
              <text x={x + 12} y={y + 28} style={{ fill: c.text, fontSize: fs + 1.5, fontWeight: 700 }}>
                {g.name}
              </text>
              <text x={x + 12} y={y + 46} style={{ fill: c.muted, fontSize: fs - 1.5 }}>
                {g.role}
              </text>
              {g.services.map((s, j) => {
                const hi = s === 'AWS Lambda' || s === 'AWS SAM'
                const sy = y + 58 + j * 24
                return (
                  <g key={s}>
                    <rect
                      x={x + 8}
                      y={sy}
                      width={cardW - 16}
                      height={20}
                      rx={5}
                      style={{
                        fill: hi ? c.accentSoft : c.surface2,
                        stroke: hi ? c.accent : 'none',
                        strokeWidth: 1.25,
                      }}
                    />
                    <text
                      x={x + 14}
                      y={sy + 14.5}
                      style={{ fill: c.text, fontSize: fs - 0.5, fontWeight: hi ? 700 : 400 }}
                    >
                      {s}
                    </text>
                  </g>
                )
              })}
            </g>
          )
        })}
      </svg>
    </div>
  )
}
