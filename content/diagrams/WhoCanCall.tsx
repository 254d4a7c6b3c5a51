import { useId, useState } from 'react'
import { Arrow, ArrowMarker, Box, c, svgStyle, Tag, useNarrow } from './svg'

type P = 'resource' | 'role' | 'identity'
type Check = { p: P; text: string }
const POLICY: Record<P, string> = {
  resource: 'function policy',
  role: 'execution role',
  identity: 'caller’s IAM policy',
}

const CALLERS = [
  {
    key: 's3',
    label: 'Amazon S3',
    box: ['Amazon S3', 'bucket kettle-invoices'],
    invoke: [
      {
        p: 'resource',
        text: 'allows s3.amazonaws.com to invoke, only for the bucket kettle-invoices (aws:SourceArn) in your account (aws:SourceAccount).',
      },
    ],
  },
  {
    key: 'api',
    label: 'API Gateway',
    box: ['API Gateway', 'POST /orders'],
    invoke: [{ p: 'resource', text: 'allows apigateway.amazonaws.com to invoke, only from this API (aws:SourceArn).' }],
  },
  {
    key: 'sqs',
    label: 'SQS queue (polled)',
    box: ['SQS queue', 'read by Lambda'],
    invoke: [
      {
        p: 'role',
        text: 'no function policy involved: Lambda’s event source mapping reads the queue with the execution role (sqs:ReceiveMessage, sqs:DeleteMessage…), then invokes the function itself.',
      },
    ],
  },
  {
    key: 'partner',
    label: 'Another AWS account',
    box: ['Partner account', '210987654321'],
    invoke: [
      { p: 'resource', text: 'allows account 210987654321 to invoke.' },
      {
        p: 'identity',
        text: 'in the partner’s account, an IAM policy allows their user or role to invoke your function. Across accounts, both sides must agree.',
      },
    ],
  },
  {
    key: 'fn',
    label: 'Another function of yours',
    box: ['send-receipt', 'your other function'],
    invoke: [
      {
        p: 'identity',
        text: 'send-receipt’s own execution role allows lambda:InvokeFunction on place-order. Within one account that is enough.',
      },
    ],
  },
] as const satisfies ReadonlyArray<{ key: string; label: string; box: readonly string[]; invoke: readonly Check[] }>
type CallerKey = (typeof CALLERS)[number]['key']

const WRITE: Check = {
  p: 'role',
  text: 'place-order’s role allows dynamodb:PutItem on Orders. The caller’s permissions play no part.',
}

const css = `
.lf-wc{display:grid;gap:.75rem;line-height:1.45}
.lf-wc-f{display:grid;gap:.75rem;grid-template-columns:repeat(auto-fit,minmax(230px,1fr))}
.lf-wc fieldset{margin:0;min-width:0;border:1px solid var(--lf-border);border-radius:10px;padding:.4rem .85rem .6rem;background:var(--lf-surface)}
.lf-wc legend{font-weight:650;padding:0 .25rem}
.lf-wc label{display:flex;gap:.5rem;align-items:center;padding:.15rem 0;cursor:pointer}
.lf-wc input{accent-color:var(--lf-accent);width:1.05rem;height:1.05rem;margin:0}
.lf-wc input:focus-visible{outline:3px solid var(--lf-accent);outline-offset:2px}
.lf-wc-out{margin:0;padding:.75rem 1rem;border-radius:10px;background:var(--lf-surface-2)}
.lf-wc-out ol{margin:.4rem 0 0;padding-left:1.3rem}
`

/**
 * Lesson 4, interactive: choose a caller and what it wants to reach; see which policy Lambda
 * or IAM checks at each hop (function policy, execution role, or the caller's own policy).
 */
export function WhoCanCall() {
  const [ref, narrow] = useNarrow<HTMLDivElement>(600)
  const id = useId()
  const mk = `${id}-m`
  const mkOn = `${id}-a`
  const [caller, setCaller] = useState<CallerKey>('s3')
  const [target, setTarget] = useState<'fn' | 'table'>('fn')
  const cl = CALLERS.find((x) => x.key === caller)!
  const checks: Check[] = target === 'fn' ? [...cl.invoke] : [...cl.invoke, WRITE]
  const summary =
    (caller === 'sqs' ? 'Lambda polls the SQS queue, then invokes place-order' : `${cl.label} invokes place-order`) +
    (target === 'table' ? ', which writes the order to the Orders table with its own role' : '') +
    `. Checked: ${checks.map((k) => POLICY[k.p]).join(', then ')}.`

  const has = (p: P) => cl.invoke.some((k) => k.p === p)
  const poll = caller === 'sqs'
  // Layout: caller, function, table in a row (wide) or a column (narrow).
  const W = narrow ? 360 : 720
  const H = narrow ? 430 : 130
  const b = narrow
    ? [
        { x: 90, y: 10, w: 180, h: 70 },
        { x: 90, y: 180, w: 180, h: 70 },
        { x: 90, y: 350, w: 180, h: 70 },
      ]
    : [
        { x: 10, y: 44, w: 170, h: 76 },
        { x: 275, y: 44, w: 170, h: 76 },
        { x: 540, y: 44, w: 170, h: 76 },
      ]
  const a1: Array<[number, number]> = narrow
    ? [
        [180, 82],
        [180, 178],
      ]
    : [
        [182, 82],
        [273, 82],
      ]
  const a2: Array<[number, number]> = narrow
    ? [
        [180, 252],
        [180, 348],
      ]
    : [
        [447, 82],
        [538, 82],
      ]
  const t1 = narrow ? { x: 180, y: 128 } : { x: 228, y: 24 }
  const t2 = narrow ? { x: 180, y: 300 } : { x: 492, y: 24 }

  return (
    <div ref={ref} className="lf-wc">
      <style>{css}</style>
      <div className="lf-wc-f">
        <fieldset>
          <legend>Caller</legend>
          {CALLERS.map((x) => (
            <label key={x.key}>
              <input type="radio" name={`${id}-c`} checked={caller === x.key} onChange={() => setCaller(x.key)} />
              {x.label}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>What it wants</legend>
          <label>
            <input type="radio" name={`${id}-t`} checked={target === 'fn'} onChange={() => setTarget('fn')} />
            Invoke the place-order function
          </label>
          <label>
            <input type="radio" name={`${id}-t`} checked={target === 'table'} onChange={() => setTarget('table')} />
            Get an order written to the Orders table
          </label>
        </fieldset>
      </div>
      <svg role="img" aria-labelledby={`${id}-t ${id}-d`} viewBox={`0 0 ${W} ${H}`} style={svgStyle}>
        <title id={`${id}-t`}>Which policy is checked</title>
        <desc id={`${id}-d`}>{summary}</desc>
        <defs>
          <ArrowMarker id={mk} />
          <ArrowMarker id={mkOn} color={c.accent} />
        </defs>
        <Box
          {...b[0]}
          title={cl.box[0]}
          lines={[cl.box[1], ...(has('identity') ? ['✓ own IAM policy'] : [])]}
          tone={has('identity') ? 'accent' : 'blue'}
          titleSize={14}
          size={12.5}
        />
        <Box
          {...b[1]}
          title="place-order"
          lines={['Lambda function']}
          tone="neutral"
          titleSize={14}
          size={12.5}
          strokeWidth={2}
        />
        <Box
          {...b[2]}
          title="Orders table"
          lines={['Amazon DynamoDB']}
          tone={target === 'table' ? 'green' : 'neutral'}
          dashed={target !== 'table'}
          titleSize={14}
          size={12.5}
        />
        <Arrow points={poll ? [a1[1], a1[0]] : a1} marker={mkOn} color={c.accent} width={2.5} />
        <Arrow
          points={a2}
          marker={target === 'table' ? mkOn : mk}
          color={target === 'table' ? c.accent : c.muted}
          dashed={target !== 'table'}
          width={target === 'table' ? 2.5 : 1.5}
        />
        <Tag
          {...t1}
          text={poll ? 'poll: execution role' : has('resource') ? 'invoke: function policy' : 'invoke: caller’s role'}
          tone="accent"
          size={11.5}
        />
        <Tag
          {...t2}
          text={target === 'table' ? 'write: execution role' : 'not used'}
          tone={target === 'table' ? 'accent' : 'neutral'}
          size={11.5}
        />
      </svg>
      <div className="lf-wc-out" role="status" aria-live="polite">
        <strong>{summary}</strong>
        <ol>
          {checks.map((k, i) => (
            <li key={i}>
              <strong>{POLICY[k.p][0].toUpperCase() + POLICY[k.p].slice(1)}:</strong> {k.text}
            </li>
          ))}
        </ol>
      </div>
    </div>
  )
}
