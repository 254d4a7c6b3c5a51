import { useId, useState } from 'react'
import { Arrow, ArrowMarker, Box, c, svgStyle, Tag, useNarrow } from './svg'

const EVENTS = [
  { type: 'OrderPlaced', label: 'Order placed', detail: '{ "orderId": "1042", "items": 2, "total": 59.9 }' },
  { type: 'OrderCancelled', label: 'Order cancelled', detail: '{ "orderId": "1042", "reason": "changed mind" }' },
  { type: 'PaymentFailed', label: 'Payment failed', detail: '{ "orderId": "1043", "code": "card_declined" }' },
  { type: 'QuestionAsked', label: 'Question asked', detail: '{ "sku": "MUG-01", "text": "Back in stock soon?" }' },
] as const
type EventType = (typeof EVENTS)[number]['type']

const CONSUMERS = [
  { key: 'warehouse', name: 'Warehouse', does: 'picks, packs, restocks' },
  { key: 'finance', name: 'Finance', does: 'charges and refunds' },
  { key: 'support', name: 'Customer service', does: 'talks to customers' },
] as const
type ConsumerKey = (typeof CONSUMERS)[number]['key']

type Subs = Record<ConsumerKey, EventType[]>
const DEFAULT_SUBS: Subs = {
  warehouse: ['OrderPlaced', 'OrderCancelled', 'QuestionAsked'],
  finance: ['OrderPlaced', 'OrderCancelled', 'PaymentFailed'],
  support: ['PaymentFailed', 'QuestionAsked'],
}

const labelOf = (t: EventType) => EVENTS.find((e) => e.type === t)!.label
const listText = (items: string[]) =>
  items.length === 0
    ? 'nobody'
    : items.length === 1
      ? items[0]
      : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`

const css = `
.lf-er { display: grid; gap: 1rem; line-height: 1.45; }
.lf-er button, .lf-er input { font: inherit; }
.lf-er-publish { display: flex; flex-wrap: wrap; gap: .5rem; margin: 0; padding: 0; border: 0; }
.lf-er-publish legend, .lf-er-rules > p { font-weight: 650; margin-bottom: .5rem; padding: 0; }
.lf-er-btn { cursor: pointer; border-radius: 999px; padding: .4rem .9rem; border: 1.5px solid var(--lf-accent);
  background: var(--lf-surface); color: var(--lf-text); }
.lf-er-btn:hover { background: var(--lf-accent-soft); }
.lf-er-btn[aria-pressed="true"] { background: var(--lf-accent-soft); font-weight: 650; }
.lf-er-btn:focus-visible, .lf-er input:focus-visible, .lf-er-reset:focus-visible {
  outline: 3px solid var(--lf-accent); outline-offset: 2px; }
.lf-er-live { margin: 0; padding: .75rem 1rem; border-radius: 10px; background: var(--lf-surface-2);
  color: var(--lf-text); min-height: 1.5em; }
.lf-er-rules { display: grid; gap: .75rem; grid-template-columns: repeat(auto-fit, minmax(200px, 1fr)); }
.lf-er-rules fieldset { margin: 0; border: 1px solid var(--lf-border); border-radius: 10px; padding: .5rem .9rem .75rem;
  background: var(--lf-surface); min-width: 0; }
.lf-er-rules legend { font-weight: 650; padding: 0 .25rem; color: var(--lf-text); }
.lf-er-rules label { display: flex; gap: .5rem; align-items: center; padding: .2rem 0; color: var(--lf-text); cursor: pointer; }
.lf-er-rules input { width: 1.1rem; height: 1.1rem; accent-color: var(--lf-accent); }
.lf-er-pattern { display: block; margin-top: .4rem; font-size: .8rem; color: var(--lf-text-muted);
  overflow-wrap: anywhere; }
.lf-er-reset { justify-self: start; cursor: pointer; border: 1px solid var(--lf-border); border-radius: 8px;
  padding: .3rem .75rem; background: var(--lf-surface); color: var(--lf-text); }
.lf-er-event { margin: 0; font-size: .8rem; white-space: pre-wrap; overflow-wrap: anywhere; padding: .5rem .75rem; border-radius: 8px;
  background: var(--lf-surface-2); color: var(--lf-text); }
`

/**
 * Lesson 1, interactive: an online shop publishes events to an EventBridge event bus;
 * rules decide which consumers receive each event type. The learner edits the rules
 * (checkboxes) and publishes events (buttons) to see who receives what.
 */
export function EventRouter() {
  const [ref, narrow] = useNarrow<HTMLDivElement>(600)
  const id = useId()
  const [subs, setSubs] = useState<Subs>(DEFAULT_SUBS)
  const [last, setLast] = useState<EventType | null>(null)
  const [message, setMessage] = useState('')

  const receivers = (t: EventType) => CONSUMERS.filter((k) => subs[k.key].includes(t))

  const publish = (t: EventType) => {
    setLast(t)
    const got = receivers(t).map((k) => k.name)
    const skipped = CONSUMERS.filter((k) => !subs[k.key].includes(t)).map((k) => k.name)
    setMessage(
      got.length === 0
        ? `“${labelOf(t)}” published. No rule matches it, so the event bus delivers it to nobody.`
        : `“${labelOf(t)}” published. Delivered to ${listText(got)}.` +
            (skipped.length ? ` Not delivered to ${listText(skipped)}: no matching rule.` : ''),
    )
  }

  const toggle = (k: ConsumerKey, t: EventType) => {
    setSubs((s) => {
      const on = s[k].includes(t)
      const next = on
        ? s[k].filter((x) => x !== t)
        : EVENTS.map((e) => e.type).filter((x) => x === t || s[k].includes(x))
      return { ...s, [k]: next }
    })
    setLast(null)
    setMessage('')
  }

  const reset = () => {
    setSubs(DEFAULT_SUBS)
    setLast(null)
    setMessage('Rules reset to the starting set-up.')
  }

  // ---- drawing ----
  const mk = `${id}-m`
  const mkOn = `${id}-mon`
  const W = narrow ? 360 : 720
  const H = narrow ? 404 : 318
  const producer = narrow ? { x: 90, y: 10, w: 180, h: 64 } : { x: 8, y: 114, w: 160, h: 92 }
  const bus = narrow ? { x: 70, y: 132, w: 220, h: 76 } : { x: 236, y: 110, w: 206, h: 100 }
  const consumerBoxes = CONSUMERS.map((k, i) =>
    narrow ? { ...k, x: 6 + i * 118, y: 300, w: 112, h: 92 } : { ...k, x: 512, y: 12 + i * 102, w: 200, h: 92 },
  )
  const statusOf = (k: ConsumerKey) => (last === null ? 'idle' : subs[k].includes(last) ? 'got' : 'skip')

  const desc =
    'An online shop (the producer) publishes events to an Amazon EventBridge event bus (the router). ' +
    'Rules on the bus send each event only to the consumers subscribed to its type. Current rules: ' +
    CONSUMERS.map((k) => {
      const types = subs[k.key].map(labelOf)
      return `${k.name} receives ${types.length ? listText(types) : 'nothing'}`
    }).join('; ') +
    '. ' +
    (last
      ? `Last event published: ${labelOf(last)}, delivered to ${listText(receivers(last).map((k) => k.name))}.`
      : 'No event published yet.')

  return (
    <div ref={ref} className="lf-er">
      <style>{css}</style>
      <svg role="img" aria-labelledby={`${id}-t ${id}-d`} viewBox={`0 0 ${W} ${H}`} style={svgStyle}>
        <title id={`${id}-t`}>Producer, router and consumers in an online shop</title>
        <desc id={`${id}-d`}>{desc}</desc>
        <defs>
          <ArrowMarker id={mk} />
          <ArrowMarker id={mkOn} color={c.green} />
        </defs>
        <Box
          {...producer}
          title={narrow ? 'Online shop' : ['Online shop']}
          lines={narrow ? ['producer'] : ['producer', 'knows only the bus']}
          tone="blue"
        />
        <Box
          {...bus}
          title="Amazon EventBridge"
          lines={narrow ? ['event bus + rules (router)'] : ['event bus + rules', 'router']}
          tone="purple"
        />
        {/* producer -> bus */}
        {narrow ? (
          <Arrow
            points={[
              [180, producer.y + producer.h],
              [180, bus.y - 2],
            ]}
            marker={last ? mkOn : mk}
            color={last ? c.green : c.muted}
            width={last ? 2.5 : 1.75}
          />
        ) : (
          <Arrow
            points={[
              [producer.x + producer.w, 160],
              [bus.x - 2, 160],
            ]}
            marker={last ? mkOn : mk}
            color={last ? c.green : c.muted}
            width={last ? 2.5 : 1.75}
          />
        )}
        {last && (
          <Tag
            x={narrow ? 180 : (producer.x + producer.w + bus.x) / 2}
            y={narrow ? 106 : 97}
            text={last}
            tone="green"
            size={narrow ? 11.5 : 12}
          />
        )}
        {consumerBoxes.map((b) => {
          const st = statusOf(b.key)
          const from: [number, number] = narrow ? [b.x + b.w / 2, bus.y + bus.h] : [bus.x + bus.w, 160]
          const to: [number, number] = narrow ? [b.x + b.w / 2, b.y - 2] : [b.x - 2, b.y + b.h / 2]
          const mid: Array<[number, number]> = narrow
            ? [from, [from[0], 254], [to[0], 254], to]
            : [from, [477, 160], [477, to[1]], to]
          if (narrow) mid[0] = [180, bus.y + bus.h]
          const count = subs[b.key].length
          return (
            <g key={b.key}>
              <Arrow
                points={mid}
                marker={st === 'got' ? mkOn : mk}
                color={st === 'got' ? c.green : c.muted}
                width={st === 'got' ? 2.5 : 1.5}
                dashed={st === 'skip'}
              />
              <Box
                x={b.x}
                y={b.y}
                w={b.w}
                h={b.h}
                tone={st === 'got' ? 'green' : 'neutral'}
                strokeWidth={st === 'got' ? 2.5 : 1.5}
                title={narrow && b.key === 'support' ? ['Customer', 'service'] : b.name}
                titleSize={narrow ? 13.5 : 16}
                size={narrow ? 11.5 : 13.5}
                lines={[
                  st === 'got' ? '✓ received' : st === 'skip' ? '– not subscribed' : narrow ? 'consumer' : b.does,
                  narrow ? `${count} of 4 types` : `subscribed to ${count} of 4 types`,
                ]}
              />
            </g>
          )
        })}
      </svg>

      <fieldset className="lf-er-publish">
        <legend>Publish an event from the shop</legend>
        {EVENTS.map((e) => (
          <button
            key={e.type}
            type="button"
            className="lf-er-btn"
            aria-pressed={last === e.type}
            onClick={() => publish(e.type)}
          >
            {e.label}
          </button>
        ))}
      </fieldset>

      <p className="lf-er-live" aria-live="polite" role="status">
        {message || 'Choose an event to publish. Then change the rules below and publish it again.'}
      </p>

      {last && (
        <pre className="lf-er-event" style={{ whiteSpace: 'pre-wrap', overflow: 'visible', overflowWrap: 'anywhere' }}>
          <code>{`{\n  "source": "shop.orders",\n  "detail-type": "${last}",\n  "detail": ${EVENTS.find((e) => e.type === last)!.detail}\n}`}</code>
        </pre>
      )}

      <div className="lf-er-rules">
        <p style={{ gridColumn: '1 / -1', margin: 0 }}>
          Rules on the event bus: which consumer receives which event type
        </p>
        {CONSUMERS.map((k) => (
          <fieldset key={k.key}>
            <legend>{k.name} receives</legend>
            {EVENTS.map((e) => (
              <label key={e.type}>
                <input type="checkbox" checked={subs[k.key].includes(e.type)} onChange={() => toggle(k.key, e.type)} />
                {e.label}
              </label>
            ))}
            <code className="lf-er-pattern">
              {subs[k.key].length
                ? `pattern: { "detail-type": [${subs[k.key].map((t) => `"${t}"`).join(', ')}] }`
                : 'no rule: receives nothing'}
            </code>
          </fieldset>
        ))}
      </div>
      <button type="button" className="lf-er-reset" onClick={reset}>
        Reset the rules
      </button>
    </div>
  )
}
