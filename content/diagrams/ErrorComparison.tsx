import type { ReactNode } from 'react'
import { useNarrow } from './svg'

const MODELS = ['Synchronous', 'Asynchronous', 'Polling: SQS', 'Polling: streams'] as const

const ROWS: Array<{ aspect: string; cells: [ReactNode, ReactNode, ReactNode, ReactNode] }> = [
  {
    aspect: 'Who sees the error',
    cells: [
      'The caller, at once',
      'Nobody directly: logs, metrics, destinations',
      'The event source mapping',
      'The event source mapping',
    ],
  },
  {
    aspect: 'Who retries',
    cells: [
      'The caller, if it chooses to',
      'Lambda',
      'The queue: the message reappears after the visibility timeout',
      'Lambda retries the batch, in order',
    ],
  },
  {
    aspect: 'By default',
    cells: [
      'No retries',
      '2 retries; the event is kept for up to 6 hours',
      'Until the queue’s maxReceiveCount, or until the message expires',
      'Until success, or until the records expire',
    ],
  },
  {
    aspect: 'Where a failed event ends up',
    cells: [
      'Nowhere: the caller has the error',
      'On-failure destination or DLQ; otherwise discarded',
      'The queue’s dead-letter queue (redrive policy)',
      'On-failure destination; otherwise skipped',
    ],
  },
  {
    aspect: 'What you tune',
    cells: [
      'The caller’s retry logic',
      'Retry attempts (0–2), maximum event age, destinations',
      'Visibility timeout, maxReceiveCount, partial batch responses',
      'Retry attempts, record age, bisect, partial batch responses, destination',
    ],
  },
]

const css = `
.lf-ec table { width: 100%; border-collapse: collapse; font-size: .92rem; line-height: 1.45; }
.lf-ec th, .lf-ec td { text-align: left; vertical-align: top; padding: .55rem .6rem; border-bottom: 1px solid var(--lf-border); }
.lf-ec thead th { color: var(--lf-text); background: var(--lf-surface-2); }
.lf-ec tbody th { color: var(--lf-text); font-weight: 650; width: 17%; }
.lf-ec td { color: var(--lf-text); }
.lf-ec-cards { display: grid; gap: .75rem; margin: 0; padding: 0; list-style: none; }
.lf-ec-cards > li { border: 1px solid var(--lf-border); border-radius: 10px; padding: .6rem .9rem; background: var(--lf-surface); }
.lf-ec-cards h3 { margin: 0 0 .35rem; font-size: 1rem; color: var(--lf-text); }
.lf-ec-cards dl { margin: 0; display: grid; gap: .35rem; line-height: 1.4; }
.lf-ec-cards dt { font-size: .8rem; font-weight: 650; color: var(--lf-text-muted); text-transform: uppercase; letter-spacing: .03em; }
.lf-ec-cards dd { margin: 0 0 .25rem; color: var(--lf-text); }
`

/** Lesson 2: error behaviour of the invocation models, as a table (wide) or one card per model (narrow). */
export function ErrorComparison() {
  const [ref, narrow] = useNarrow<HTMLDivElement>(620)
  return (
    <div ref={ref} className="lf-ec">
      <style>{css}</style>
      {narrow ? (
        <ul className="lf-ec-cards" aria-label="Error behaviour by invocation model">
          {MODELS.map((m, i) => (
            <li key={m}>
              <h3>{m}</h3>
              <dl>
                {ROWS.map((r) => (
                  <div key={r.aspect}>
                    <dt>{r.aspect}</dt>
                    <dd>{r.cells[i]}</dd>
                  </div>
                ))}
              </dl>
            </li>
          ))}
        </ul>
      ) : (
        <table>
          <caption
            className="lf-sr-only"
            style={{
              position: 'absolute',
              width: 1,
              height: 1,
              overflow: 'hidden',
              clip: 'rect(0 0 0 0)',
              whiteSpace: 'nowrap',
            }}
          >
            Error behaviour by invocation model
          </caption>
          <thead>
            <tr>
              <td />
              {MODELS.map((m) => (
                <th key={m} scope="col">
                  {m}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {ROWS.map((r) => (
              <tr key={r.aspect}>
                <th scope="row">{r.aspect}</th>
                {r.cells.map((cell, i) => (
                  <td key={i}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  )
}
