import { useId, useState } from 'react'

type Model = 'sync' | 'async' | 'sqs' | 'kinesis'
type Failure = 'once' | 'always'
type Step = { t: string; text: string; kind: 'ok' | 'fail' | 'info' | 'end' }

const MODELS: Array<{ key: Model; label: string; hint: string }> = [
  { key: 'sync', label: 'Synchronous', hint: 'API Gateway calls the function' },
  { key: 'async', label: 'Asynchronous', hint: 'S3 reports an uploaded invoice' },
  { key: 'sqs', label: 'Polling: SQS', hint: 'an event source mapping reads a queue' },
  { key: 'kinesis', label: 'Polling: Kinesis', hint: 'an event source mapping reads a stream' },
]

type Settings = {
  asyncRetries: 0 | 1 | 2
  asyncDest: boolean
  sqsMaxReceive: 0 | 3 | 5 // 0 = no redrive policy
  kinesisRetries: -1 | 0 | 2
  kinesisDest: boolean
}

const DEFAULTS: Settings = { asyncRetries: 2, asyncDest: true, sqsMaxReceive: 3, kinesisRetries: -1, kinesisDest: true }

/** Pure: what happens, step by step, when the function fails under a given model. */
function simulate(model: Model, failure: Failure, s: Settings): { steps: Step[]; who: string; outcome: string } {
  const fails = (attempt: number) => failure === 'always' || attempt === 1
  const steps: Step[] = []
  if (model === 'sync') {
    steps.push({
      t: '0 s',
      kind: 'info',
      text: 'A customer’s browser sends POST /orders. API Gateway invokes the function and waits.',
    })
    steps.push({
      t: '0 s',
      kind: 'fail',
      text: 'The function throws. Lambda returns the error to API Gateway straight away (the Invoke response carries FunctionError: Unhandled).',
    })
    steps.push({
      t: '0 s',
      kind: 'info',
      text: 'API Gateway answers the browser with an error (502 Bad Gateway for a REST API proxy integration). Lambda does not retry.',
    })
    if (failure === 'once') {
      steps.push({
        t: 'later',
        kind: 'ok',
        text: 'The customer clicks “Place order” again: a brand-new request, which succeeds.',
      })
    } else {
      steps.push({
        t: 'later',
        kind: 'fail',
        text: 'Every new attempt by the customer fails the same way until the bug is fixed.',
      })
    }
    return {
      steps,
      who: 'The caller. Lambda never retries a synchronous invocation.',
      outcome:
        failure === 'once'
          ? 'The first request failed; the caller’s own retry succeeded.'
          : 'Every request fails; only the caller sees the errors.',
    }
  }
  if (model === 'async') {
    const delays = ['0 s', '+1 min', '+3 min']
    steps.push({
      t: '0 s',
      kind: 'info',
      text: 'S3 hands the event to Lambda and gets 202 Accepted. S3’s part is over: it never learns the result.',
    })
    const attempts = 1 + s.asyncRetries
    for (let a = 1; a <= attempts; a++) {
      if (fails(a)) {
        const last = a === attempts
        steps.push({
          t: delays[a - 1],
          kind: 'fail',
          text:
            `Attempt ${a} fails.` +
            (last
              ? ''
              : ` Lambda puts the event back on its internal queue and waits ${a === 1 ? 'about a minute' : 'about two minutes'}.`),
        })
      } else {
        steps.push({ t: delays[a - 1], kind: 'ok', text: `Attempt ${a} succeeds. The event is processed.` })
        return {
          steps,
          who: 'Lambda, from its internal queue.',
          outcome: `Processed on attempt ${a}, without S3 ever knowing there was a problem.`,
        }
      }
    }
    steps.push({
      t: 'end',
      kind: 'end',
      text: s.asyncDest
        ? 'Retries exhausted. Lambda sends an invocation record (the event plus the error) to the on-failure destination.'
        : 'Retries exhausted and no destination or dead-letter queue is configured: Lambda discards the event.',
    })
    return {
      steps,
      who: `Lambda: ${s.asyncRetries} ${s.asyncRetries === 1 ? 'retry' : 'retries'} (you can choose 0, 1 or 2).`,
      outcome: s.asyncDest
        ? 'Failed for good; the details are waiting in the on-failure destination.'
        : 'Failed for good, and the event is lost.',
    }
  }
  if (model === 'sqs') {
    steps.push({
      t: '0 s',
      kind: 'info',
      text: 'The event source mapping receives the message (receive count 1) and invokes the function with the batch.',
    })
    let count = 1
    const limit = s.sqsMaxReceive === 0 ? 5 : s.sqsMaxReceive
    for (;;) {
      const t = `${(count - 1) * 60} s`
      if (!fails(count)) {
        steps.push({ t, kind: 'ok', text: 'The function succeeds. Lambda deletes the message from the queue.' })
        return {
          steps,
          who: 'The queue: the message reappears after the visibility timeout and is received again.',
          outcome: `Processed on receive ${count}.`,
        }
      }
      steps.push({
        t,
        kind: 'fail',
        text:
          count === 1
            ? 'The function throws. Lambda does not delete the message; it stays invisible until the visibility timeout (60 s here) runs out.'
            : `Receive ${count} fails too.`,
      })
      if (s.sqsMaxReceive !== 0 && count >= s.sqsMaxReceive) {
        steps.push({
          t: 'end',
          kind: 'end',
          text: `The message has been received ${count} times, the queue’s maxReceiveCount. SQS moves it to the dead-letter queue.`,
        })
        return {
          steps,
          who: 'The queue, until its redrive policy gives up.',
          outcome: 'Failed for good; the message is parked in the dead-letter queue for you to inspect and redrive.',
        }
      }
      if (s.sqsMaxReceive === 0 && count >= limit) {
        steps.push({ t: '…', kind: 'fail', text: 'No redrive policy: the message keeps coming back every 60 s…' })
        steps.push({
          t: 'end',
          kind: 'end',
          text: 'until the queue’s message retention period ends (4 days by default). Then SQS deletes it.',
        })
        return {
          steps,
          who: 'The queue, for as long as it keeps the message.',
          outcome: 'Retried for days, then lost. Always give a queue a dead-letter queue.',
        }
      }
      count++
      steps.push({
        t: `${(count - 1) * 60} s`,
        kind: 'info',
        text: `The message is visible again; the event source mapping receives it (receive count ${count}).`,
      })
    }
  }
  // kinesis
  steps.push({
    t: '0 s',
    kind: 'info',
    text: 'The event source mapping reads a batch of records from the shard and invokes the function.',
  })
  steps.push({
    t: '0 s',
    kind: 'fail',
    text: 'The function throws. Lambda retries the same batch, in order. Newer records on this shard wait behind it.',
  })
  if (failure === 'once') {
    if (s.kinesisRetries === 0) {
      steps.push({
        t: 'end',
        kind: 'end',
        text: s.kinesisDest
          ? 'No retries allowed: the batch is skipped and its details go to the on-failure destination.'
          : 'No retries allowed: the batch is skipped and lost.',
      })
      return {
        steps,
        who: 'Nobody: retries are set to 0.',
        outcome: 'The batch was skipped after one failure, even though a retry would have worked.',
      }
    }
    steps.push({
      t: 'seconds',
      kind: 'ok',
      text: 'The retry succeeds. The shard’s checkpoint moves on and the waiting records flow again.',
    })
    return {
      steps,
      who: 'The event source mapping, retrying the whole batch.',
      outcome: 'Processed on the first retry; the shard was blocked only briefly.',
    }
  }
  if (s.kinesisRetries === -1) {
    steps.push({
      t: 'hours',
      kind: 'fail',
      text: 'Retries continue. The shard is stuck: IteratorAge climbs as new records pile up behind the bad one.',
    })
  } else {
    steps.push({ t: 'seconds', kind: 'fail', text: `All ${s.kinesisRetries} retries fail.` })
  }
  steps.push({
    t: 'end',
    kind: 'end',
    text:
      (s.kinesisRetries === -1
        ? 'Only when the records expire from the stream does Lambda give up (24 hours by default; longer if the stream keeps records longer). '
        : 'Lambda gives up on the batch. ') +
      (s.kinesisDest
        ? 'Details of the discarded batch go to the on-failure destination, and the shard moves on.'
        : 'The batch is discarded and the shard moves on.'),
  })
  return {
    steps,
    who: 'The event source mapping, retrying the whole batch while the shard waits.',
    outcome:
      s.kinesisRetries === -1
        ? 'One bad record blocked its shard until it expired. Set a retry limit or a maximum record age.'
        : 'The bad batch was set aside after a bounded number of retries.',
  }
}

const css = `
.lf-rx { display: grid; gap: 1rem; color: var(--lf-text); line-height: 1.4; }
.lf-rx fieldset { margin: 0; border: 1px solid var(--lf-border); border-radius: 10px; padding: .5rem .9rem .75rem;
  background: var(--lf-surface); min-width: 0; }
.lf-rx legend { font-weight: 650; padding: 0 .25rem; }
.lf-rx label { display: flex; flex-wrap: wrap; gap: .25rem .5rem; align-items: flex-start; padding: .3rem 0; cursor: pointer; }
.lf-rx label > span { flex: 1; min-width: 0; }
.lf-rx input, .lf-rx select, .lf-rx button { font: inherit; }
.lf-rx input[type=radio], .lf-rx input[type=checkbox] { accent-color: var(--lf-accent); width: 1.05rem; height: 1.05rem; flex: none; margin-top: .15rem; }
.lf-rx select { border: 1px solid var(--lf-border); border-radius: 6px; background: var(--lf-bg); color: var(--lf-text); padding: .15rem .35rem; max-width: 100%; }
.lf-rx .lf-rx-hint { display: block; color: var(--lf-text-muted); font-size: .88em; }
.lf-rx-grid { display: grid; gap: .75rem; grid-template-columns: repeat(auto-fit, minmax(240px, 1fr)); }
.lf-rx-run { justify-self: start; cursor: pointer; border-radius: 999px; padding: .45rem 1.1rem; border: 1.5px solid var(--lf-accent);
  background: var(--lf-accent-soft); color: var(--lf-text); font-weight: 650; }
.lf-rx input:focus-visible, .lf-rx select:focus-visible, .lf-rx-run:focus-visible { outline: 3px solid var(--lf-accent); outline-offset: 2px; }
.lf-rx ol { list-style: none; margin: 0; padding: 0; display: grid; gap: .4rem; }
.lf-rx li { display: grid; grid-template-columns: 3.25rem 1fr; gap: .75rem; padding: .5rem .75rem; border-radius: 8px;
  border-left: 4px solid var(--lf-border); background: var(--lf-surface); }
.lf-rx li[data-kind=ok] { border-left-color: var(--lf-green); background: var(--lf-green-soft); }
.lf-rx li[data-kind=fail] { border-left-color: var(--lf-red); background: var(--lf-red-soft); }
.lf-rx li[data-kind=end] { border-left-color: var(--lf-purple); background: var(--lf-purple-soft); }
.lf-rx li > span:first-child { font-variant-numeric: tabular-nums; color: var(--lf-text-muted); font-size: .9em; }
.lf-rx-out { margin: 0; padding: .75rem 1rem; border-radius: 10px; background: var(--lf-surface-2); }
.lf-rx-out p { margin: .2rem 0; }
`

/**
 * Lesson 2, interactive: pick an invocation model and a kind of failure, then see who retries,
 * when, and where the event ends up.
 */
export function RetryExplorer() {
  const id = useId()
  const [model, setModel] = useState<Model>('async')
  const [failure, setFailure] = useState<Failure>('always')
  const [s, setS] = useState<Settings>(DEFAULTS)
  const [run, setRun] = useState<ReturnType<typeof simulate> | null>(null)

  const change = <K extends keyof Settings>(k: K, v: Settings[K]) => {
    setS((old) => ({ ...old, [k]: v }))
    setRun(null)
  }
  const pick = (m: Model) => {
    setModel(m)
    setRun(null)
  }

  return (
    <div className="lf-rx">
      <style>{css}</style>
      <div className="lf-rx-grid">
        <fieldset>
          <legend>1. Invocation model</legend>
          {MODELS.map((m) => (
            <label key={m.key}>
              <input type="radio" name={`${id}-model`} checked={model === m.key} onChange={() => pick(m.key)} />
              <span>
                {m.label} <span className="lf-rx-hint">{m.hint}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>2. How the function fails</legend>
          <label>
            <input
              type="radio"
              name={`${id}-fail`}
              checked={failure === 'once'}
              onChange={() => {
                setFailure('once')
                setRun(null)
              }}
            />
            <span>
              Once, then works <span className="lf-rx-hint">a database was briefly unavailable</span>
            </span>
          </label>
          <label>
            <input
              type="radio"
              name={`${id}-fail`}
              checked={failure === 'always'}
              onChange={() => {
                setFailure('always')
                setRun(null)
              }}
            />
            <span>
              Every time <span className="lf-rx-hint">a bug, or a malformed event</span>
            </span>
          </label>
        </fieldset>
        {model !== 'sync' && (
          <fieldset>
            <legend>3. Error handling</legend>
            {model === 'async' && (
              <>
                <label>
                  Retry attempts
                  <select
                    value={s.asyncRetries}
                    onChange={(e) => change('asyncRetries', Number(e.target.value) as 0 | 1 | 2)}
                  >
                    <option value={2}>2 (default)</option>
                    <option value={1}>1</option>
                    <option value={0}>0</option>
                  </select>
                </label>
                <label>
                  <input
                    type="checkbox"
                    checked={s.asyncDest}
                    onChange={(e) => change('asyncDest', e.target.checked)}
                  />
                  <span>On-failure destination configured</span>
                </label>
              </>
            )}
            {model === 'sqs' && (
              <label>
                Redrive to a dead-letter queue after
                <select
                  value={s.sqsMaxReceive}
                  onChange={(e) => change('sqsMaxReceive', Number(e.target.value) as 0 | 3 | 5)}
                >
                  <option value={3}>3 receives</option>
                  <option value={5}>5 receives</option>
                  <option value={0}>never (no redrive policy)</option>
                </select>
              </label>
            )}
            {model === 'kinesis' && (
              <>
                <label>
                  Maximum retry attempts
                  <select
                    value={s.kinesisRetries}
                    onChange={(e) => change('kinesisRetries', Number(e.target.value) as -1 | 0 | 2)}
                  >
                    <option value={-1}>-1 (default: until expiry)</option>
                    <option value={2}>2</option>
                    <option value={0}>0</option>
                  </select>
                </label>
                <label>
                  <input
                    type="checkbox"
                    checked={s.kinesisDest}
                    onChange={(e) => change('kinesisDest', e.target.checked)}
                  />
                  <span>On-failure destination configured</span>
                </label>
              </>
            )}
          </fieldset>
        )}
      </div>
      <button type="button" className="lf-rx-run" onClick={() => setRun(simulate(model, failure, s))}>
        Invoke and watch
      </button>
      <div aria-live="polite">
        {run ? (
          <div className="lf-rx-out">
            <p>
              <strong>Who retries:</strong> {run.who}
            </p>
            <p>
              <strong>Outcome:</strong> {run.outcome}
            </p>
          </div>
        ) : (
          <p className="lf-rx-out">Choose a model and a failure, then press “Invoke and watch”.</p>
        )}
      </div>
      {run && (
        <ol aria-label="What happened, step by step">
          {run.steps.map((st, i) => (
            <li key={i} data-kind={st.kind}>
              <span>{st.t}</span>
              <span>{st.text}</span>
            </li>
          ))}
        </ol>
      )}
    </div>
  )
}
