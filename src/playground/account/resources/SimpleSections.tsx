/** SQS queues and SNS topics in the Resources view: list, create, delete (each through the account, as the admin user). */
import { useState, type ReactNode } from 'react'
import { arnName, queueName, requiredName } from './model.ts'
import { ActionNote, DeleteButton, Field, ListState, accountSend, useAccountData, useAction } from './shared.tsx'

export interface NamedResource {
  /** What the list shows. */
  name: string
  /** What identifies it for delete (a URL, an ARN). */
  id: string
  detail?: ReactNode
}

/** A list of named resources with a create-by-name form and delete. */
export function NamedResources({
  title,
  what,
  testId,
  load,
  create,
  remove,
  nameHelp,
  extraFields,
  children,
}: {
  title: string
  /** "queue", "topic" */
  what: string
  testId: string
  load(): Promise<NamedResource[]>
  create(name: string): Promise<unknown>
  remove(r: NamedResource): Promise<unknown>
  nameHelp?: string
  extraFields?: ReactNode
  children?: (r: NamedResource) => ReactNode
}) {
  const list = useAccountData(load, [])
  const action = useAction()
  const [name, setName] = useState('')
  const [tried, setTried] = useState(false)
  const nameError = tried ? requiredName(name, `a ${what} name`) : undefined
  return (
    <div className="pg-rs-section" data-testid={testId}>
      <h2 className="pg-h3">{title}</h2>
      <ListState data={list} empty={`No ${what}s yet.`} isEmpty={(l) => l.length === 0} />
      {list.data && list.data.length > 0 && (
        <ul className="pg-rs-list" aria-label={title}>
          {list.data.map((r) => (
            <li key={r.id} className="pg-rs-row">
              <span className="pg-rs-name pg-rs-mono">{r.name}</span>
              {r.detail && <span className="pg-rs-muted pg-rs-detail-text">{r.detail}</span>}
              {children?.(r)}
              <DeleteButton
                name={r.name}
                what={what}
                disabled={action.busy}
                onDelete={() => void action.run(() => remove(r), `Deleted ${r.name}.`)}
              />
            </li>
          ))}
        </ul>
      )}
      <form
        className="pg-rs-inline-form"
        onSubmit={(e) => {
          e.preventDefault()
          setTried(true)
          if (requiredName(name, `a ${what} name`)) return
          const n = name.trim()
          void action
            .run(() => create(n), `Created ${n}.`)
            .then((ok) => {
              if (!ok) return
              setName('')
              setTried(false)
            })
        }}
      >
        <Field label={`New ${what} name`} error={nameError} help={nameHelp}>
          {(p) => (
            <input
              {...p}
              value={name}
              onChange={(e) => setName(e.target.value)}
              spellCheck={false}
              autoCapitalize="off"
              data-testid={`${testId}-name`}
            />
          )}
        </Field>
        {extraFields}
        <button type="submit" className="btn btn-sm btn-secondary" disabled={action.busy}>
          Create {what}
        </button>
      </form>
      <ActionNote action={action} />
    </div>
  )
}

export function SqsSection() {
  return (
    <NamedResources
      title="Queues"
      what="queue"
      testId="rs-sqs"
      nameHelp="Up to 80 letters, digits, hyphens and underscores; a FIFO queue’s name ends in .fifo."
      load={() =>
        accountSend<{ QueueUrls?: string[] }>('sqs', 'ListQueues', {}).then((o) =>
          (o.QueueUrls ?? []).map((url) => ({ name: queueName(url), id: url, detail: url })),
        )
      }
      create={(name) =>
        accountSend('sqs', 'CreateQueue', {
          QueueName: name,
          ...(name.endsWith('.fifo') ? { Attributes: { FifoQueue: 'true' } } : {}),
        })
      }
      remove={(r) => accountSend('sqs', 'DeleteQueue', { QueueUrl: r.id })}
    />
  )
}

export function SnsSection() {
  return (
    <NamedResources
      title="Topics"
      what="topic"
      testId="rs-sns"
      nameHelp="Up to 256 letters, digits, hyphens and underscores; a FIFO topic’s name ends in .fifo."
      load={() =>
        accountSend<{ Topics?: { TopicArn: string }[] }>('sns', 'ListTopics', {}).then((o) =>
          (o.Topics ?? []).map((t) => ({ name: arnName(t.TopicArn), id: t.TopicArn, detail: t.TopicArn })),
        )
      }
      create={(name) =>
        accountSend('sns', 'CreateTopic', {
          Name: name,
          ...(name.endsWith('.fifo') ? { Attributes: { FifoTopic: 'true' } } : {}),
        })
      }
      remove={(r) => accountSend('sns', 'DeleteTopic', { TopicArn: r.id })}
    />
  )
}
