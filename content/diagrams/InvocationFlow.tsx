import { useId, type ReactNode } from 'react'
import { Arrow, ArrowMarker, Box, c, svgStyle, Tag, useNarrow, type Tone } from './svg'

type Model = 'sync' | 'async' | 'poll'

type Node = { title: string | string[]; lines: string[]; tone: Tone }
type Link = { forward: string; back: string; backTone?: Tone; forwardTone?: Tone }

const flows: Record<
  Model,
  { title: string; desc: string; nodes: [Node, Node, Node]; links: [Link, Link]; extra?: Node[]; extraLabel?: string }
> = {
  sync: {
    title: 'Synchronous invocation (RequestResponse)',
    desc:
      'A caller such as API Gateway, an Application Load Balancer or an SDK call with InvocationType RequestResponse sends an event to the Lambda service. ' +
      'Lambda runs the function and holds the connection open. The function result, or its error, travels back through Lambda to the caller, which has been waiting the whole time. ' +
      'Lambda does not retry; the caller decides what to do with an error.',
    nodes: [
      { title: 'Caller', lines: ['API Gateway, ALB,', 'SDK or CLI'], tone: 'blue' },
      { title: 'Lambda service', lines: ['runs the function', 'and waits'], tone: 'neutral' },
      { title: 'Function', lines: ['your handler'], tone: 'accent' },
    ],
    links: [
      { forward: 'event', back: 'result or error', backTone: 'green' },
      { forward: 'invoke', back: 'return / throw' },
    ],
  },
  async: {
    title: 'Asynchronous invocation (Event)',
    desc:
      'A producer such as Amazon S3, Amazon SNS, Amazon EventBridge or an SDK call with InvocationType Event hands an event to the Lambda service and immediately gets back HTTP 202: accepted, not processed. ' +
      'Lambda puts the event on an internal queue. A separate poller takes it from the queue and invokes the function. If the function fails, Lambda retries it, by default twice, and keeps the event for up to 6 hours. ' +
      'The outcome can be sent to an on-success destination, or, after the last failed attempt, to an on-failure destination or a dead-letter queue.',
    nodes: [
      { title: 'Producer', lines: ['S3, SNS,', 'EventBridge,', 'SDK (Event)'], tone: 'blue' },
      {
        title: ['Lambda service'],
        lines: ['internal queue', 'retries: 2 by default', 'event age: up to 6 h'],
        tone: 'neutral',
      },
      { title: 'Function', lines: ['your handler'], tone: 'accent' },
    ],
    links: [
      { forward: 'event', back: '202 at once', backTone: 'green' },
      { forward: 'invoke', back: 'error → retry', backTone: 'red' },
    ],
    extra: [
      { title: 'On success', lines: ['destination: SQS, SNS,', 'Lambda, EventBridge'], tone: 'green' },
      { title: 'On failure', lines: ['destination (also S3)', 'or dead-letter queue'], tone: 'red' },
    ],
    extraLabel: 'invocation record',
  },
  poll: {
    title: 'Polling invocation (event source mapping)',
    desc:
      'The source is a queue or stream: Amazon SQS, Kinesis, DynamoDB Streams, Amazon MSK or self-managed Kafka, Amazon MQ or Amazon DocumentDB. ' +
      'Nothing pushes events to Lambda. Instead an event source mapping, a poller that Lambda runs for you, reads batches of records from the source and invokes the function synchronously with each batch. ' +
      'On success the messages are deleted from the queue, or the stream position moves on. On error the batch is retried: SQS messages reappear after the visibility timeout, and stream records are retried in order until they succeed or expire.',
    nodes: [
      { title: 'Queue or stream', lines: ['SQS, Kinesis,', 'DynamoDB Streams,', 'Kafka, MQ…'], tone: 'purple' },
      { title: ['Event source', 'mapping'], lines: ['poller run by Lambda'], tone: 'neutral' },
      { title: 'Function', lines: ['your handler,', 'one batch per call'], tone: 'accent' },
    ],
    links: [
      { forward: 'batch', back: 'poll · delete', forwardTone: 'purple' },
      { forward: 'invoke (sync)', back: 'result or error' },
    ],
  },
}

/** Lesson 2: the three ways a function gets invoked, one diagram per model. */
export function InvocationFlow({ model }: { model: Model }) {
  const [ref, narrow] = useNarrow<HTMLDivElement>(600)
  const id = useId()
  const mk = `${id}-m`
  const f = flows[model]
  const hasExtra = !!f.extra

  let content: ReactNode
  let W: number
  let H: number

  if (!narrow) {
    W = 720
    const boxW = 156
    const boxH = model === 'async' ? 112 : 96
    const y = 24
    const xs = [8, 282, 556]
    const fx = xs[2] + boxW / 2
    H = hasExtra ? 330 : y + boxH + 24
    const ay1 = y + boxH * 0.36
    const ay2 = y + boxH * 0.68
    content = (
      <>
        {f.nodes.map((n, i) => (
          <Box key={i} x={xs[i]} y={y} w={boxW} h={boxH} title={n.title} lines={n.lines} tone={n.tone} />
        ))}
        {f.links.map((l, i) => {
          const a = xs[i] + boxW
          const b = xs[i + 1]
          const mid = (a + b) / 2
          return (
            <g key={i}>
              <Arrow
                points={[
                  [a, ay1],
                  [b - 2, ay1],
                ]}
                marker={mk}
              />
              <Arrow
                points={[
                  [b, ay2],
                  [a + 2, ay2],
                ]}
                marker={mk}
                dashed={model === 'async' && i === 1}
              />
              <Tag x={mid} y={ay1 - 11} text={l.forward} tone={l.forwardTone} size={12} />
              <Tag x={mid} y={ay2 + 21} text={l.back} tone={l.backTone} size={12} />
            </g>
          )
        })}
        {f.extra && (
          <>
            <Arrow
              points={[
                [fx, y + boxH],
                [fx, 190],
                [400, 190],
                [400, 218],
              ]}
              marker={mk}
            />
            <Arrow
              points={[
                [fx, 190],
                [fx, 218],
              ]}
              marker={mk}
            />
            <Tag x={(400 + fx) / 2} y={179} text={f.extraLabel ?? ''} size={12} />
            <Box
              x={300}
              y={220}
              w={200}
              h={96}
              title={f.extra[0].title}
              lines={f.extra[0].lines}
              tone={f.extra[0].tone}
            />
            <Box
              x={522}
              y={220}
              w={190}
              h={96}
              title={f.extra[1].title}
              lines={f.extra[1].lines}
              tone={f.extra[1].tone}
            />
          </>
        )}
      </>
    )
  } else {
    W = 360
    const boxW = 230
    const x = 65
    const boxH = model === 'async' ? 100 : 84
    const gap = 84
    const ys = [8, 8 + boxH + gap, 8 + 2 * (boxH + gap)]
    const extraY = ys[2] + boxH + 60
    H = hasExtra ? extraY + 96 + 10 : ys[2] + boxH + 10
    const ax1 = x + boxW * 0.32
    const ax2 = x + boxW * 0.68
    content = (
      <>
        {f.nodes.map((n, i) => (
          <Box key={i} x={x} y={ys[i]} w={boxW} h={boxH} title={n.title} lines={n.lines} tone={n.tone} size={12.5} />
        ))}
        {f.links.map((l, i) => {
          const a = ys[i] + boxH
          const b = ys[i + 1]
          const mid = (a + b) / 2
          return (
            <g key={i}>
              <Arrow
                points={[
                  [ax1, a],
                  [ax1, b - 2],
                ]}
                marker={mk}
              />
              <Arrow
                points={[
                  [ax2, b],
                  [ax2, a + 2],
                ]}
                marker={mk}
                dashed={model === 'async' && i === 1}
              />
              <Tag x={ax1 - 8} y={mid + 4} text={l.forward} tone={l.forwardTone} size={11.5} anchor="end" />
              <Tag x={ax2 + 8} y={mid + 4} text={l.back} tone={l.backTone} size={11.5} anchor="start" />
            </g>
          )
        })}
        {f.extra && (
          <>
            <Arrow
              points={[
                [180, ys[2] + boxH],
                [180, extraY - 22],
                [92, extraY - 22],
                [92, extraY - 2],
              ]}
              marker={mk}
            />
            <Arrow
              points={[
                [180, extraY - 22],
                [268, extraY - 22],
                [268, extraY - 2],
              ]}
              marker={mk}
            />
            <Tag x={180} y={extraY - 38} text={f.extraLabel ?? ''} size={11} />
            <Box
              x={6}
              y={extraY}
              w={172}
              h={96}
              title={f.extra[0].title}
              lines={['SQS, SNS,', 'Lambda, EventBridge']}
              tone={f.extra[0].tone}
              size={12}
            />
            <Box
              x={182}
              y={extraY}
              w={172}
              h={96}
              title={f.extra[1].title}
              lines={['destination (+ S3)', 'or dead-letter queue']}
              tone={f.extra[1].tone}
              size={12}
            />
          </>
        )}
      </>
    )
  }

  return (
    <div ref={ref}>
      <svg role="img" aria-labelledby={`${id}-t ${id}-d`} viewBox={`0 0 ${W} ${H}`} style={svgStyle}>
        <title id={`${id}-t`}>{f.title}</title>
        <desc id={`${id}-d`}>{f.desc}</desc>
        <defs>
          <ArrowMarker id={mk} color={c.muted} />
        </defs>
        {content}
      </svg>
    </div>
  )
}
