import { useId, useState } from 'react'
import { Arrow, ArrowMarker, Box, c, Lines, svgStyle, useNarrow } from './svg'

type Step = 'init' | 'build' | 'local' | 'sync' | 'deploy' | 'logs'
type Rect = { x: number; y: number; w: number; h: number }

const STEPS: Array<{ key: Step; cmd: string; sub: string; reads: string; makes: string; text: string }> = [
  {
    key: 'init',
    cmd: 'sam init',
    sub: 'new project',
    reads: 'your choice of runtime and starter template',
    makes: 'a project: template.yaml, a handler in src/, sample events, tests',
    text: 'Starts a project from a template.',
  },
  {
    key: 'build',
    cmd: 'sam build',
    sub: '.aws-sam/build',
    reads: 'template.yaml, your code and package.json',
    makes: '.aws-sam/build: each function with its dependencies installed or bundled',
    text: 'Prepares exactly what will be deployed. Run it after every change.',
  },
  {
    key: 'local',
    cmd: 'sam local …',
    sub: 'run in a container',
    reads: 'the built function and an event file',
    makes: 'the result and logs, on your screen',
    text: 'sam local invoke runs one function with one event; sam local start-api serves the API on port 3000; sam local generate-event prints sample events.',
  },
  {
    key: 'sync',
    cmd: 'sam sync --watch',
    sub: 'development only',
    reads: 'your files, each time you save',
    makes: 'quick updates: code straight to Lambda, other changes through CloudFormation',
    text: 'A fast loop against real AWS services. Not for production.',
  },
  {
    key: 'deploy',
    cmd: 'sam deploy --guided',
    sub: 'S3 + change set',
    reads: 'the built template; samconfig.toml after the first run',
    makes: 'artefacts in a SAM-managed S3 bucket, a CloudFormation change set, an updated stack',
    text: 'Uploads the build and applies it through CloudFormation. The first time, the --guided option asks for a stack name, a Region and permission to create IAM roles, and saves the answers in samconfig.toml.',
  },
  {
    key: 'logs',
    cmd: 'sam logs --tail',
    sub: 'CloudWatch Logs',
    reads: 'the deployed function’s log group',
    makes: 'its log lines in your terminal, live',
    text: 'Watch a deployed function while you test it.',
  },
]

// Coordinates of each step's box, and of the stack it deploys to, per layout.
const WIDE: Record<Step | 'stack', Rect> = {
  init: { x: 18, y: 46, w: 124, h: 62 },
  build: { x: 158, y: 46, w: 124, h: 62 },
  local: { x: 158, y: 160, w: 124, h: 62 },
  sync: { x: 294, y: 160, w: 116, h: 62 },
  deploy: { x: 440, y: 46, w: 140, h: 62 },
  stack: { x: 440, y: 160, w: 140, h: 62 },
  logs: { x: 594, y: 160, w: 116, h: 62 },
}
const NARROW: Record<Step | 'stack', Rect> = {
  init: { x: 12, y: 50, w: 158, h: 58 },
  build: { x: 190, y: 50, w: 158, h: 58 },
  sync: { x: 12, y: 130, w: 158, h: 58 },
  local: { x: 190, y: 130, w: 158, h: 58 },
  deploy: { x: 190, y: 262, w: 158, h: 58 },
  stack: { x: 12, y: 262, w: 158, h: 58 },
  logs: { x: 12, y: 342, w: 158, h: 58 },
}

const css = `
.lf-sp { display: grid; gap: .9rem; color: var(--lf-text); line-height: 1.45; }
.lf-sp fieldset { margin: 0; border: 1px solid var(--lf-border); border-radius: 10px; padding: .45rem .9rem .7rem;
  background: var(--lf-surface); min-width: 0; }
.lf-sp legend { font-weight: 650; padding: 0 .25rem; }
.lf-sp-row { display: flex; flex-wrap: wrap; gap: .4rem; }
.lf-sp button { font: inherit; cursor: pointer; border-radius: 999px; padding: .35rem .85rem; border: 1.5px solid var(--lf-accent);
  background: var(--lf-surface); color: var(--lf-text); font-family: var(--font-mono, ui-monospace, monospace); font-size: .88rem; }
.lf-sp button[aria-pressed="true"] { background: var(--lf-accent-soft); font-weight: 650; }
.lf-sp button:focus-visible { outline: 3px solid var(--lf-accent); outline-offset: 2px; }
.lf-sp-out { padding: .75rem 1rem; border-radius: 10px; background: var(--lf-surface-2); }
.lf-sp-out p { margin: 0 0 .3rem; overflow-wrap: anywhere; }
`

/** Lesson 5, interactive: the SAM CLI workflow, from sam init on your computer to a deployed stack. */
export function SamPipeline() {
  const id = useId()
  const mk = `${id}-m`
  const mkOn = `${id}-mon`
  const [ref, narrow] = useNarrow<HTMLDivElement>(600)
  const [step, setStep] = useState<Step>('build')
  const pos = narrow ? NARROW : WIDE
  const W = narrow ? 360 : 720
  const H = narrow ? 412 : 236
  const cur = STEPS.find((s) => s.key === step)!

  const right = (r: Rect): [number, number] => [r.x + r.w, r.y + r.h / 2]
  const left = (r: Rect): [number, number] => [r.x - 2, r.y + r.h / 2]
  const top = (r: Rect): [number, number] => [r.x + r.w / 2, r.y - 2]
  const bottom = (r: Rect): [number, number] => [r.x + r.w / 2, r.y + r.h]

  // Arrows, highlighted when the step they belong to is selected.
  const arrows: Array<{ pts: Array<[number, number]>; on: Step[]; dashed?: boolean }> = narrow
    ? [
        { pts: [right(pos.init), left(pos.build)], on: ['init'] },
        { pts: [bottom(pos.build), top(pos.local)], on: ['local'] },
        { pts: [right(pos.build), [354, 79], [354, 291], [pos.deploy.x + pos.deploy.w + 2, 291]], on: ['deploy'] },
        {
          pts: [
            [pos.deploy.x, 291],
            [pos.stack.x + pos.stack.w + 2, 291],
          ],
          on: ['deploy'],
        },
        { pts: [bottom(pos.sync), top(pos.stack)], on: ['sync'], dashed: true },
        { pts: [bottom(pos.stack), top(pos.logs)], on: ['logs'] },
      ]
    : [
        { pts: [right(pos.init), left(pos.build)], on: ['init'] },
        { pts: [bottom(pos.build), top(pos.local)], on: ['local'] },
        { pts: [right(pos.build), left(pos.deploy)], on: ['deploy'] },
        { pts: [bottom(pos.deploy), top(pos.stack)], on: ['deploy'] },
        { pts: [right(pos.sync), left(pos.stack)], on: ['sync'], dashed: true },
        { pts: [right(pos.stack), left(pos.logs)], on: ['logs'] },
      ]

  const zones = narrow
    ? [
        { x: 4, y: 24, w: 352, h: 174, label: 'On your computer', lx: 12, ly: 18 },
        { x: 4, y: 236, w: 352, h: 172, label: 'In your AWS account', lx: 190, ly: 230 },
      ]
    : [
        { x: 6, y: 24, w: 410, h: 208, label: 'On your computer', lx: 14, ly: 17 },
        { x: 426, y: 24, w: 290, h: 208, label: 'In your AWS account', lx: 434, ly: 17 },
      ]

  const desc =
    'The SAM CLI workflow. On your computer: sam init creates a project; sam build prepares it in .aws-sam/build; ' +
    'sam local runs functions in a local container; sam sync --watch pushes changes to a development stack as you save. ' +
    'sam deploy uploads the build to S3 and applies a CloudFormation change set, creating or updating the stack in your AWS account; ' +
    `sam logs reads the deployed function's logs. Selected: ${cur.cmd}.`

  return (
    <div className="lf-sp" ref={ref}>
      <style>{css}</style>
      <svg role="img" aria-labelledby={`${id}-t ${id}-d`} viewBox={`0 0 ${W} ${H}`} style={svgStyle}>
        <title id={`${id}-t`}>From sam init to a deployed stack</title>
        <desc id={`${id}-d`}>{desc}</desc>
        <defs>
          <ArrowMarker id={mk} />
          <ArrowMarker id={mkOn} color={c.accent} />
        </defs>
        {zones.map((z) => (
          <g key={z.label}>
            <rect
              x={z.x}
              y={z.y}
              width={z.w}
              height={z.h}
              rx={12}
              style={{ fill: 'none', stroke: c.border, strokeWidth: 1.5, strokeDasharray: '4 4' }}
            />
            <Lines x={z.lx} y={z.ly} lines={[z.label]} size={12.5} weight={650} color={c.muted} anchor="start" />
          </g>
        ))}
        {arrows.map((a, i) => {
          const on = a.on.includes(step)
          return (
            <Arrow
              key={i}
              points={a.pts}
              marker={on ? mkOn : mk}
              color={on ? c.accent : c.muted}
              width={on ? 2.5 : 1.75}
              dashed={a.dashed}
            />
          )
        })}
        {STEPS.map((s) => (
          <Box
            key={s.key}
            {...pos[s.key]}
            title={
              s.key === 'sync' ? 'sam sync' : s.key === 'deploy' ? 'sam deploy' : s.key === 'logs' ? 'sam logs' : s.cmd
            }
            lines={[s.sub]}
            tone={s.key === step ? 'accent' : 'neutral'}
            dashed={s.key === 'sync'}
            titleSize={14.5}
            size={12.5}
            strokeWidth={s.key === step ? 2.5 : 1.5}
          />
        ))}
        <Box
          {...pos.stack}
          title="Your stack"
          lines={['function, API, table']}
          tone="blue"
          titleSize={14.5}
          size={12.5}
        />
      </svg>
      <fieldset>
        <legend>Pick a command to see what it does</legend>
        <div className="lf-sp-row">
          {STEPS.map((s) => (
            <button key={s.key} type="button" aria-pressed={step === s.key} onClick={() => setStep(s.key)}>
              {s.cmd}
            </button>
          ))}
        </div>
      </fieldset>
      <div className="lf-sp-out" aria-live="polite">
        <p>
          <strong>
            <code>{cur.cmd}</code>
          </strong>
          : {cur.text}
        </p>
        <p>
          <strong>Reads:</strong> {cur.reads}
        </p>
        <p>
          <strong>Produces:</strong> {cur.makes}
        </p>
      </div>
    </div>
  )
}
