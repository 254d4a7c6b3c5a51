import { useId, useState } from 'react'

type Source = 'api' | 'sqs' | 's3'
type Part = 'handler' | 'event' | 'context' | 'result'
// A code line and the parts it shows.
type Line = [string, Part[]]

const HEAD: Line = ['export const handler = async (event, context) => {', ['handler']]
const END: Line = ['};', ['handler']]

const SOURCES: Record<
  Source,
  { label: string; hint: string; fn: string; code: Line[]; event: string; result: string }
> = {
  api: {
    label: 'API Gateway',
    hint: 'the checkout sends POST /orders',
    fn: 'place-order',
    code: [
      HEAD,
      ['  const order = JSON.parse(event.body);', ['event']],
      ["  console.log('request', context.awsRequestId);", ['context']],
      ['  const saved = await saveOrder(order);', []],
      ['  return { statusCode: 201, body: JSON.stringify(saved) };', ['result']],
      END,
    ],
    event: `{
  "httpMethod": "POST",
  "path": "/orders",
  "headers": { "content-type": "application/json" },
  "queryStringParameters": null,
  "body": "{\\"items\\":[{\\"sku\\":\\"MUG-01\\",\\"qty\\":2}]}",
  "requestContext": { "stage": "Prod", "requestId": "…" }
}`,
    result:
      'API Gateway turns the returned object into the HTTP response: status 201, with the saved order as the body. A thrown error becomes a 5xx response.',
  },
  sqs: {
    label: 'Amazon SQS',
    hint: 'an event source mapping delivers a batch',
    fn: 'reserve-stock',
    code: [
      HEAD,
      ['  const left = context.getRemainingTimeInMillis();', ['context']],
      ['  console.log(`${event.Records.length} messages, ${left} ms`);', ['event', 'context']],
      ['  const failures = await reserveAll(event.Records);', ['event']],
      ['  return { batchItemFailures: failures };', ['result']],
      END,
    ],
    event: `{
  "Records": [{
    "messageId": "19dd0b57-b21e-4ac1-bd88-01bbb068cb78",
    "body": "{\\"orderId\\":\\"1042\\",\\"sku\\":\\"MUG-01\\"}",
    "attributes": { "ApproximateReceiveCount": "1" },
    "eventSource": "aws:sqs"
  }]
}`,
    result:
      'The event source mapping reads the result: messages listed in batchItemFailures return to the queue, and Lambda deletes the rest.',
  },
  s3: {
    label: 'Amazon S3',
    hint: 'a supplier uploads an invoice',
    fn: 'file-invoice',
    code: [
      HEAD,
      ['  const { bucket, object } = event.Records[0].s3;', ['event']],
      ['  console.log(context.functionName, object.key);', ['context']],
      ['  await fileInvoice(bucket.name, object.key);', []],
      ['  // invoked asynchronously: no caller reads a result', ['result']],
      END,
    ],
    event: `{
  "Records": [{
    "eventSource": "aws:s3",
    "eventName": "ObjectCreated:Put",
    "s3": {
      "bucket": { "name": "kettle-invoices" },
      "object": { "key": "2026/INV-881.pdf", "size": 48213 }
    }
  }]
}`,
    result:
      'Nobody waits: S3 invoked the function asynchronously and got 202 at once. The return value is discarded, unless an on-success destination records it.',
  },
}

const PARTS: Record<Part, string> = {
  handler: 'Handler',
  event: 'Event object',
  context: 'Context object',
  result: 'Return value',
}

const css = `
.lf-ha { display: grid; gap: .8rem; line-height: 1.45; }
.lf-ha fieldset { margin: 0; border: 1px solid var(--lf-border); border-radius: 10px; padding: .4rem .9rem .7rem; background: var(--lf-surface); min-width: 0; }
.lf-ha legend { font-weight: 650; padding: 0 .25rem; }
.lf-ha-row { display: flex; flex-wrap: wrap; gap: .4rem .9rem; }
.lf-ha label { display: flex; gap: .45rem; align-items: flex-start; cursor: pointer; }
.lf-ha input { accent-color: var(--lf-accent); width: 1.05rem; height: 1.05rem; margin-top: .2rem; }
.lf-ha small { display: block; color: var(--lf-text-muted); font-size: .86em; }
.lf-ha button { font: inherit; cursor: pointer; border-radius: 999px; padding: .35rem .9rem; border: 1.5px solid var(--lf-accent); background: var(--lf-surface); color: var(--lf-text); }
.lf-ha button[aria-pressed="true"] { background: var(--lf-accent-soft); font-weight: 650; }
.lf-ha :focus-visible { outline: 3px solid var(--lf-accent); outline-offset: 2px; }
.lf-ha pre { margin: 0; padding: .6rem 0; border-radius: 8px; background: var(--lf-surface-2); color: var(--lf-text); overflow-x: auto; font-size: .84rem; line-height: 1.55; }
.lf-ha pre > span { display: block; padding: 0 .8rem; border-left: 4px solid transparent; white-space: pre; }
.lf-ha pre > span[data-on="true"] { background: var(--lf-accent-soft); border-left-color: var(--lf-accent); }
.lf-ha-out { display: grid; gap: .5rem; padding: .75rem 1rem; border-radius: 10px; border: 1px solid var(--lf-border); min-width: 0; }
.lf-ha-out p { margin: 0; }
.lf-ha-out pre { padding: .5rem .8rem; white-space: pre; }
.lf-ha dl { margin: 0; display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: .2rem .9rem; font-size: .88rem; }
.lf-ha dt { font-family: var(--font-mono, monospace); }
.lf-ha dd { margin: 0; overflow-wrap: anywhere; }
@media (max-width: 480px) {
  .lf-ha dl { grid-template-columns: minmax(0, 1fr); } .lf-ha dd { margin-bottom: .3rem; }
  .lf-ha pre > span, .lf-ha-out pre { white-space: pre-wrap; overflow-wrap: anywhere; }
  .lf-ha pre > span { padding-left: 2.2rem; text-indent: -1.4rem; }
}
`

/**
 * Lesson 5, interactive: pick a trigger and a part of the handler; the lines that use that part
 * are highlighted, and the panel shows what it holds for this invocation.
 */
export function HandlerAnatomy() {
  const id = useId()
  const [source, setSource] = useState<Source>('api')
  const [part, setPart] = useState<Part>('event')
  const s = SOURCES[source]
  const context: Array<[string, string]> = [
    ['functionName', `'${s.fn}'`],
    ['functionVersion', "'$LATEST'"],
    ['invokedFunctionArn', `'arn:aws:lambda:eu-west-1:123456789012:function:${s.fn}'`],
    ['memoryLimitInMB', "'256'"],
    ['awsRequestId', "'c6af9ac6-7b61-11e6-9a41-93e812345678'"],
    ['logGroupName', `'/aws/lambda/${s.fn}'`],
    ['logStreamName', "'2026/11/27/[$LATEST]8f3c…'"],
    ['getRemainingTimeInMillis()', '9412, counting down'],
  ]

  return (
    <div className="lf-ha">
      <style>{css}</style>
      <fieldset>
        <legend>1. What triggers the function?</legend>
        <div className="lf-ha-row">
          {(Object.keys(SOURCES) as Source[]).map((k) => (
            <label key={k}>
              <input type="radio" name={`${id}-src`} checked={source === k} onChange={() => setSource(k)} />
              <span>
                {SOURCES[k].label} <small>{SOURCES[k].hint}</small>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>2. Inspect a part</legend>
        <div className="lf-ha-row">
          {(Object.keys(PARTS) as Part[]).map((p) => (
            <button key={p} type="button" aria-pressed={part === p} onClick={() => setPart(p)}>
              {PARTS[p]}
            </button>
          ))}
        </div>
      </fieldset>
      <pre
        tabIndex={0}
        aria-label={`Handler code for ${s.label}. Highlighted: lines that use the ${PARTS[part].toLowerCase()}.`}
      >
        {s.code.map(([text, parts], i) => (
          <span key={i} data-on={parts.includes(part)}>
            {text}
          </span>
        ))}
      </pre>
      <div className="lf-ha-out" aria-live="polite">
        <p>
          <strong>
            {PARTS[part]}, {s.label} trigger.
          </strong>{' '}
          {part === 'handler' &&
            'The exported function Lambda calls once per event. Handler: index.handler means the handler export of index.mjs. Lambda passes the event and the context, and waits for the promise the handler returns.'}
          {part === 'event' && 'Sent by the trigger; its shape depends on the source.'}
          {part === 'context' &&
            'Made by Lambda for this invocation. The name and memory come from the configuration; the request ID and time left belong to this invocation only.'}
          {part === 'result' && s.result}
        </p>
        {part === 'event' && (
          <pre tabIndex={0} aria-label="Event object">
            {s.event}
          </pre>
        )}
        {part === 'context' && (
          <dl>
            {context.map(([k, v]) => (
              <div key={k} style={{ display: 'contents' }}>
                <dt>{k}</dt>
                <dd>{v}</dd>
              </div>
            ))}
          </dl>
        )}
      </div>
    </div>
  )
}
