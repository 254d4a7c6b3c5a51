/** EventBridge in the Resources view: buses (list, create, delete) and a bus's rules, whose event pattern is validated as you type with EventBridge's own messages. */
import { useDeferredValue, useId, useMemo, useState } from 'react'
import { eventPatternProblem } from '../../../aws/public.ts'
import { requiredName } from './model.ts'
import { NamedResources } from './SimpleSections.tsx'
import { ActionNote, DeleteButton, Field, ListState, accountSend, useAccountData, useAction } from './shared.tsx'

const STARTER_PATTERN = JSON.stringify({ source: ['orders'], 'detail-type': ['OrderPlaced'] }, null, 2)

interface Rule {
  Name: string
  State?: string
  EventPattern?: string
  ScheduleExpression?: string
}

export function EventsSection() {
  const buses = useAccountData(
    () =>
      accountSend<{ EventBuses?: { Name: string }[] }>('events', 'ListEventBuses', {}).then((o) =>
        (o.EventBuses ?? []).map((b) => b.Name),
      ),
    [],
  )
  const [bus, setBus] = useState('default')
  const ids = useId()
  const current = buses.data?.includes(bus) ? bus : 'default'
  return (
    <div className="pg-rs-section" data-testid="rs-events">
      <NamedResources
        title="Event buses"
        what="event bus"
        testId="rs-buses"
        nameHelp="The default bus is always there and cannot be deleted."
        load={() =>
          accountSend<{ EventBuses?: { Name: string; Arn: string }[] }>('events', 'ListEventBuses', {}).then((o) =>
            (o.EventBuses ?? []).map((b) => ({ name: b.Name, id: b.Arn })),
          )
        }
        create={(name) => accountSend('events', 'CreateEventBus', { Name: name })}
        remove={(r) => accountSend('events', 'DeleteEventBus', { Name: r.name })}
      />
      <h2 className="pg-h3 pg-rs-gap">Rules</h2>
      <div className="pg-field">
        <label htmlFor={`${ids}-bus`}>Event bus</label>
        <select id={`${ids}-bus`} value={current} onChange={(e) => setBus(e.target.value)}>
          {(buses.data ?? ['default']).map((b) => (
            <option key={b} value={b}>
              {b}
            </option>
          ))}
        </select>
      </div>
      <Rules key={current} bus={current} />
    </div>
  )
}

function Rules({ bus }: { bus: string }) {
  const rules = useAccountData(
    () => accountSend<{ Rules?: Rule[] }>('events', 'ListRules', { EventBusName: bus }).then((o) => o.Rules ?? []),
    [bus],
  )
  const action = useAction()
  const [name, setName] = useState('')
  const [pattern, setPattern] = useState(STARTER_PATTERN)
  const [tried, setTried] = useState(false)
  const deferred = useDeferredValue(pattern)
  const problem = useMemo(() => eventPatternProblem(deferred), [deferred])
  const nameError = tried ? requiredName(name, 'a rule name') : undefined
  const ids = useId()
  return (
    <>
      <ListState data={rules} empty={`No rules on ${bus}.`} isEmpty={(r) => r.length === 0} />
      {rules.data && rules.data.length > 0 && (
        <ul className="pg-rs-list" aria-label={`Rules on ${bus}`}>
          {rules.data.map((r) => (
            <li key={r.Name} className="pg-rs-row pg-rs-row-wrap">
              <span className="pg-rs-name pg-rs-mono">{r.Name}</span>
              <span className="pg-rs-muted">{r.State}</span>
              <DeleteButton
                name={r.Name}
                what="rule"
                disabled={action.busy}
                onDelete={() =>
                  void action.run(
                    () => accountSend('events', 'DeleteRule', { Name: r.Name, EventBusName: bus }),
                    `Deleted ${r.Name}.`,
                  )
                }
              />
              {(r.EventPattern ?? r.ScheduleExpression) && (
                <code className="pg-rs-pattern">{r.EventPattern ?? r.ScheduleExpression}</code>
              )}
            </li>
          ))}
        </ul>
      )}
      <details className="pg-rs-create">
        <summary>Create a rule on {bus}</summary>
        <form
          onSubmit={(e) => {
            e.preventDefault()
            setTried(true)
            if (requiredName(name, 'a rule name') || eventPatternProblem(pattern)) return
            const n = name.trim()
            void action
              .run(
                () => accountSend('events', 'PutRule', { Name: n, EventBusName: bus, EventPattern: pattern }),
                `Created ${n}.`,
              )
              .then((ok) => {
                if (!ok) return
                setName('')
                setTried(false)
              })
          }}
        >
          <Field label="Rule name" error={nameError}>
            {(p) => (
              <input
                {...p}
                value={name}
                onChange={(e) => setName(e.target.value)}
                spellCheck={false}
                autoCapitalize="off"
              />
            )}
          </Field>
          <div className="pg-field">
            <label htmlFor={`${ids}-pattern`}>Event pattern</label>
            <textarea
              id={`${ids}-pattern`}
              className="pg-rs-textarea"
              rows={6}
              value={pattern}
              onChange={(e) => setPattern(e.target.value)}
              spellCheck={false}
              autoCapitalize="off"
              aria-invalid={!!problem}
              aria-describedby={`${ids}-pattern-check`}
              data-testid="rs-rule-pattern"
            />
            <p
              id={`${ids}-pattern-check`}
              className={problem ? 'pg-field-error' : 'pg-ok-text'}
              data-testid="rs-rule-pattern-check"
            >
              {problem ? (
                <>
                  <strong>{problem.name}</strong>: {problem.message}
                </>
              ) : (
                'EventBridge accepts this pattern.'
              )}
            </p>
          </div>
          <button type="submit" className="btn btn-sm btn-secondary" disabled={action.busy || !!problem}>
            Create rule
          </button>
        </form>
      </details>
      <ActionNote action={action} />
    </>
  )
}
