/** DynamoDB in the Resources view: tables (list, create, delete) and a table's items (Scan in pages, put as DynamoDB JSON, delete). */
import { useId, useMemo, useState } from 'react'
import {
  attributeText,
  checkTableForm,
  createTableInput,
  itemKey,
  parseItemJson,
  sampleItem,
  tableKeys,
  type Item,
  type KeyAttribute,
  type TableForm,
  type TableKeys,
} from './model.ts'
import { ActionNote, DeleteButton, Field, ListState, accountSend, useAccountData, useAction } from './shared.tsx'

const PAGE_SIZE = 25
const KEY_TYPES: { value: KeyAttribute['type']; label: string }[] = [
  { value: 'S', label: 'String (S)' },
  { value: 'N', label: 'Number (N)' },
  { value: 'B', label: 'Binary (B)' },
]

export function DynamoDbSection() {
  const tables = useAccountData(
    () => accountSend<{ TableNames?: string[] }>('dynamodb', 'ListTables', {}).then((o) => o.TableNames ?? []),
    [],
  )
  const [selected, setSelected] = useState<string | null>(null)
  const action = useAction()
  const current = selected && tables.data?.includes(selected) ? selected : null

  return (
    <div className="pg-rs-section" data-testid="rs-dynamodb">
      <h2 className="pg-h3">Tables</h2>
      <ListState data={tables} empty="No tables yet." isEmpty={(t) => t.length === 0} />
      {tables.data && tables.data.length > 0 && (
        <ul className="pg-rs-list" aria-label="Tables">
          {tables.data.map((name) => (
            <li key={name} className={name === current ? 'pg-rs-row pg-rs-row-current' : 'pg-rs-row'}>
              <button
                type="button"
                className="pg-linkbtn pg-rs-name"
                aria-pressed={name === current}
                onClick={() => setSelected(name === current ? null : name)}
              >
                {name}
              </button>
              <DeleteButton
                name={name}
                what="table"
                disabled={action.busy}
                onDelete={() =>
                  void action.run(() => accountSend('dynamodb', 'DeleteTable', { TableName: name }), `Deleted ${name}.`)
                }
              />
            </li>
          ))}
        </ul>
      )}
      <ActionNote action={action} testId="rs-table-error" />
      {current && <TableItems key={current} table={current} />}
      <CreateTable onCreated={setSelected} />
    </div>
  )
}

function CreateTable({ onCreated }: { onCreated(name: string): void }) {
  const [form, setForm] = useState<TableForm>({
    name: '',
    partitionKey: 'id',
    partitionType: 'S',
    sortKey: '',
    sortType: 'S',
  })
  const [tried, setTried] = useState(false)
  const errors = tried ? checkTableForm(form) : {}
  const action = useAction()
  const set = (patch: Partial<TableForm>) => setForm((f) => ({ ...f, ...patch }))
  return (
    <details className="pg-rs-create">
      <summary>Create a table</summary>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          setTried(true)
          if (Object.keys(checkTableForm(form)).length) return
          const name = form.name.trim()
          void action
            .run(() => accountSend('dynamodb', 'CreateTable', createTableInput(form)), `Created ${name}.`)
            .then((ok) => ok && onCreated(name))
        }}
      >
        <Field label="Table name" error={errors.name}>
          {(p) => (
            <input
              {...p}
              value={form.name}
              onChange={(e) => set({ name: e.target.value })}
              spellCheck={false}
              autoCapitalize="off"
              data-testid="rs-table-name"
            />
          )}
        </Field>
        <div className="pg-rs-row-fields">
          <Field label="Partition key" error={errors.partitionKey}>
            {(p) => (
              <input
                {...p}
                value={form.partitionKey}
                onChange={(e) => set({ partitionKey: e.target.value })}
                spellCheck={false}
                autoCapitalize="off"
                data-testid="rs-table-pk"
              />
            )}
          </Field>
          <Field label="Partition key type">
            {(p) => (
              <select
                {...p}
                value={form.partitionType}
                onChange={(e) => set({ partitionType: e.target.value as KeyAttribute['type'] })}
              >
                {KEY_TYPES.map((t) => (
                  <option key={t.value} value={t.value}>
                    {t.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <div className="pg-rs-row-fields">
          <Field label="Sort key (optional)" error={errors.sortKey}>
            {(p) => (
              <input
                {...p}
                value={form.sortKey}
                onChange={(e) => set({ sortKey: e.target.value })}
                spellCheck={false}
                autoCapitalize="off"
                data-testid="rs-table-sk"
              />
            )}
          </Field>
          <Field label="Sort key type">
            {(p) => (
              <select
                {...p}
                value={form.sortType}
                disabled={!form.sortKey.trim()}
                onChange={(e) => set({ sortType: e.target.value as KeyAttribute['type'] })}
              >
                {KEY_TYPES.map((t) => (
                  <option key={t.value} value={t.value}>
                    {t.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <p className="pg-help">On-demand capacity (PAY_PER_REQUEST), as the console creates tables by default.</p>
        <button type="submit" className="btn btn-sm btn-secondary" disabled={action.busy} data-testid="rs-table-create">
          Create table
        </button>
        <ActionNote action={action} testId="rs-create-table-error" />
      </form>
    </details>
  )
}

interface ScanPage {
  Items?: Item[]
  LastEvaluatedKey?: Item
}

function TableItems({ table }: { table: string }) {
  const described = useAccountData(
    () =>
      accountSend<{ Table: Parameters<typeof tableKeys>[0] & { ItemCount?: number } }>('dynamodb', 'DescribeTable', {
        TableName: table,
      }),
    [table],
  )
  const keys = useMemo(() => (described.data ? tableKeys(described.data.Table) : undefined), [described.data])
  // The start key of each page seen so far: the first page has none.
  const [starts, setStarts] = useState<(Item | undefined)[]>([undefined])
  const page = starts.length - 1
  const scan = useAccountData(
    () =>
      accountSend<ScanPage>('dynamodb', 'Scan', {
        TableName: table,
        Limit: PAGE_SIZE,
        ...(starts[page] ? { ExclusiveStartKey: starts[page] } : {}),
      }),
    [table, starts],
  )
  const [editing, setEditing] = useState<string | null>(null)
  const action = useAction()
  const ids = useId()
  const items = scan.data?.Items ?? []

  return (
    <section className="pg-rs-detail" aria-labelledby={`${ids}-h`} data-testid="rs-table-items">
      <h3 id={`${ids}-h`} className="pg-h4">
        Items in <code>{table}</code>
        {keys && (
          <span className="pg-rs-muted">
            {' '}
            — key: {keys.partition.name} ({keys.partition.type})
            {keys.sort ? `, ${keys.sort.name} (${keys.sort.type})` : ''}
          </span>
        )}
      </h3>
      <ListState data={scan} empty="No items on this page." isEmpty={(d) => !d.Items?.length} />
      {keys && items.length > 0 && (
        <div className="pg-log-table-wrap">
          <table className="pg-log-table pg-rs-items">
            <thead>
              <tr>
                <th scope="col">{keys.partition.name}</th>
                {keys.sort && <th scope="col">{keys.sort.name}</th>}
                <th scope="col">Other attributes</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => {
                const id = JSON.stringify(itemKey(item, keys))
                const others = Object.keys(item).filter((k) => k !== keys.partition.name && k !== keys.sort?.name)
                return (
                  <tr key={id} data-testid="rs-item-row">
                    <td data-label={keys.partition.name}>{attributeText(item[keys.partition.name])}</td>
                    {keys.sort && <td data-label={keys.sort.name}>{attributeText(item[keys.sort.name])}</td>}
                    <td className="pg-rs-attrs" data-label="Other attributes">
                      {others.map((k) => `${k}: ${attributeText(item[k], 30)}`).join(', ') || '—'}
                    </td>
                    <td className="pg-rs-actions">
                      <button
                        type="button"
                        className="btn btn-sm btn-ghost"
                        aria-label={`Edit item ${attributeText(item[keys.partition.name])}`}
                        onClick={() => setEditing(JSON.stringify(item, null, 2))}
                      >
                        Edit
                      </button>
                      <DeleteButton
                        name={attributeText(item[keys.partition.name])}
                        what="item"
                        disabled={action.busy}
                        onDelete={() =>
                          void action.run(
                            () => accountSend('dynamodb', 'DeleteItem', { TableName: table, Key: itemKey(item, keys) }),
                            'Item deleted.',
                          )
                        }
                      />
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      )}
      <div className="pg-rs-toolbar">
        <button
          type="button"
          className="btn btn-sm btn-ghost"
          disabled={page === 0}
          onClick={() => setStarts((s) => s.slice(0, -1))}
        >
          Previous page
        </button>
        <span className="pg-rs-muted">Page {page + 1}</span>
        <button
          type="button"
          className="btn btn-sm btn-ghost"
          disabled={!scan.data?.LastEvaluatedKey}
          onClick={() => setStarts((s) => [...s, scan.data?.LastEvaluatedKey])}
        >
          Next page
        </button>
        {keys && (
          <button
            type="button"
            className="btn btn-sm btn-secondary"
            onClick={() => setEditing(sampleItem(keys))}
            data-testid="rs-item-new"
          >
            New item
          </button>
        )}
      </div>
      <ActionNote action={action} testId="rs-item-error" />
      {editing !== null && keys && (
        <ItemEditor key={editing} table={table} keys={keys} initial={editing} onClose={() => setEditing(null)} />
      )}
    </section>
  )
}

function ItemEditor({
  table,
  keys,
  initial,
  onClose,
}: {
  table: string
  keys: TableKeys
  initial: string
  onClose(): void
}) {
  const [text, setText] = useState(initial)
  const check = useMemo(() => parseItemJson(text, keys), [text, keys])
  const action = useAction()
  const ids = useId()
  return (
    <form
      className="pg-rs-editor"
      onSubmit={(e) => {
        e.preventDefault()
        if (!check.ok) return
        void action
          .run(() => accountSend('dynamodb', 'PutItem', { TableName: table, Item: check.item }), 'Item saved.')
          .then((ok) => ok && onClose())
      }}
    >
      <label htmlFor={`${ids}-json`} className="pg-rs-label">
        Item (DynamoDB JSON)
      </label>
      <p id={`${ids}-help`} className="pg-help">
        Each attribute names its type: <code>{'{"id": {"S": "1"}, "total": {"N": "42"}}'}</code>. Saving replaces the
        item with the same key (PutItem).
      </p>
      <textarea
        id={`${ids}-json`}
        className="pg-rs-textarea"
        rows={Math.min(14, Math.max(5, text.split('\n').length + 1))}
        value={text}
        onChange={(e) => setText(e.target.value)}
        spellCheck={false}
        autoCapitalize="off"
        aria-invalid={!check.ok}
        aria-describedby={`${ids}-help ${ids}-check`}
        data-testid="rs-item-json"
      />
      <p id={`${ids}-check`} className={check.ok ? 'pg-ok-text' : 'pg-field-error'} data-testid="rs-item-check">
        {check.ok ? 'Valid DynamoDB JSON.' : check.message}
      </p>
      <div className="pg-rs-toolbar">
        <button
          type="submit"
          className="btn btn-sm btn-secondary"
          disabled={!check.ok || action.busy}
          data-testid="rs-item-save"
        >
          Save item
        </button>
        <button type="button" className="btn btn-sm btn-ghost" onClick={onClose}>
          Cancel
        </button>
      </div>
      <ActionNote action={action} testId="rs-put-item-error" />
    </form>
  )
}
