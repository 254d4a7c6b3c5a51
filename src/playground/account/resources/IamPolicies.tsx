/** A role's policies (AWS and customer managed, attached and detached; inline, edited with IAM's grammar check) and the account's customer managed policies. */
import { useId, useState } from 'react'
import { AWS_MANAGED_POLICIES } from '../../../aws/public.ts'
import { STARTER_POLICY, decodePolicy, requiredName } from './model.ts'
import { PolicyEditor, usePolicyCheck } from './PolicyEditor.tsx'
import { ActionNote, DeleteButton, Field, ListState, accountSend, useAccountData, useAction } from './shared.tsx'

interface ManagedPolicy {
  PolicyName: string
  Arn: string
  Path?: string
  AttachmentCount?: number
}

function useCustomerPolicies() {
  return useAccountData(
    () =>
      accountSend<{ Policies?: ManagedPolicy[] }>('iam', 'ListPolicies', { Scope: 'Local', MaxItems: 1000 }).then(
        (o) => o.Policies ?? [],
      ),
    [],
  )
}

export function RolePolicies({ role }: { role: string }) {
  const attached = useAccountData(
    () =>
      accountSend<{ AttachedPolicies?: { PolicyName: string; PolicyArn: string }[] }>(
        'iam',
        'ListAttachedRolePolicies',
        { RoleName: role },
      ).then((o) => o.AttachedPolicies ?? []),
    [role],
  )
  const inline = useAccountData(
    () =>
      accountSend<{ PolicyNames?: string[] }>('iam', 'ListRolePolicies', { RoleName: role }).then(
        (o) => o.PolicyNames ?? [],
      ),
    [role],
  )
  const customer = useCustomerPolicies()
  const action = useAction()
  const [toAttach, setToAttach] = useState('')
  const [editing, setEditing] = useState<{ name: string; text: string; isNew: boolean } | null>(null)
  const ids = useId()
  const attachedArns = new Set(attached.data?.map((p) => p.PolicyArn))
  const choices = [
    ...AWS_MANAGED_POLICIES.map((p) => ({ arn: p.Arn, label: `${p.PolicyName} (AWS managed)` })),
    ...(customer.data ?? []).map((p) => ({ arn: p.Arn, label: `${p.PolicyName} (customer managed)` })),
  ].filter((c) => !attachedArns.has(c.arn))

  const edit = (name: string) =>
    void action.run(async () => {
      const out = await accountSend<{ PolicyDocument: string }>('iam', 'GetRolePolicy', {
        RoleName: role,
        PolicyName: name,
      })
      setEditing({ name, text: decodePolicy(out.PolicyDocument), isNew: false })
    })

  return (
    <>
      <h4 className="pg-rs-h5">Managed policies</h4>
      <ListState data={attached} empty="None attached." isEmpty={(a) => a.length === 0} />
      {attached.data && attached.data.length > 0 && (
        <ul className="pg-rs-list" aria-label={`Managed policies attached to ${role}`}>
          {attached.data.map((p) => (
            <li key={p.PolicyArn} className="pg-rs-row">
              <span className="pg-rs-name" title={p.PolicyArn}>
                {p.PolicyName}
              </span>
              <DeleteButton
                name={p.PolicyName}
                what="policy"
                label="Detach"
                disabled={action.busy}
                onDelete={() =>
                  void action.run(
                    () => accountSend('iam', 'DetachRolePolicy', { RoleName: role, PolicyArn: p.PolicyArn }),
                    `Detached ${p.PolicyName}.`,
                  )
                }
              />
            </li>
          ))}
        </ul>
      )}
      <form
        className="pg-rs-inline-form"
        onSubmit={(e) => {
          e.preventDefault()
          if (!toAttach) return
          void action
            .run(
              () => accountSend('iam', 'AttachRolePolicy', { RoleName: role, PolicyArn: toAttach }),
              'Policy attached.',
            )
            .then((ok) => ok && setToAttach(''))
        }}
      >
        <div className="pg-field">
          <label htmlFor={`${ids}-attach`}>Attach a managed policy</label>
          <select id={`${ids}-attach`} value={toAttach} onChange={(e) => setToAttach(e.target.value)}>
            <option value="">Choose a policy…</option>
            {choices.map((c) => (
              <option key={c.arn} value={c.arn}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn btn-sm btn-secondary" disabled={!toAttach || action.busy}>
          Attach
        </button>
      </form>

      <h4 className="pg-rs-h5">Inline policies</h4>
      <ListState data={inline} empty="No inline policies." isEmpty={(a) => a.length === 0} />
      {inline.data && inline.data.length > 0 && (
        <ul className="pg-rs-list" aria-label={`Inline policies of ${role}`}>
          {inline.data.map((name) => (
            <li key={name} className="pg-rs-row">
              <span className="pg-rs-name pg-rs-mono">{name}</span>
              <button
                type="button"
                className="btn btn-sm btn-ghost"
                aria-label={`Edit inline policy ${name}`}
                onClick={() => edit(name)}
              >
                Edit
              </button>
              <DeleteButton
                name={name}
                what="inline policy"
                disabled={action.busy}
                onDelete={() =>
                  void action.run(
                    () => accountSend('iam', 'DeleteRolePolicy', { RoleName: role, PolicyName: name }),
                    `Deleted ${name}.`,
                  )
                }
              />
            </li>
          ))}
        </ul>
      )}
      {!editing && (
        <button
          type="button"
          className="btn btn-sm btn-secondary"
          onClick={() => setEditing({ name: '', text: STARTER_POLICY, isNew: true })}
          data-testid="rs-inline-new"
        >
          Add an inline policy
        </button>
      )}
      <ActionNote action={action} testId="rs-role-policies-error" />
      {editing && (
        <InlinePolicyEditor
          key={`${editing.name}:${editing.isNew}`}
          role={role}
          initial={editing}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  )
}

function InlinePolicyEditor({
  role,
  initial,
  onClose,
}: {
  role: string
  initial: { name: string; text: string; isNew: boolean }
  onClose(): void
}) {
  const [name, setName] = useState(initial.name)
  const [text, setText] = useState(initial.text)
  const [tried, setTried] = useState(false)
  const check = usePolicyCheck(text, 'identity')
  const action = useAction()
  const nameError = tried ? requiredName(name, 'a policy name') : undefined
  return (
    <form
      className="pg-rs-editor"
      data-testid="rs-inline-editor"
      onSubmit={(e) => {
        e.preventDefault()
        setTried(true)
        if (requiredName(name, 'a policy name')) return
        const n = name.trim()
        void action
          .run(
            () => accountSend('iam', 'PutRolePolicy', { RoleName: role, PolicyName: n, PolicyDocument: text }),
            `Saved ${n}.`,
          )
          .then((ok) => ok && onClose())
      }}
    >
      <Field label="Policy name" error={nameError}>
        {(p) => (
          <input
            {...p}
            value={name}
            readOnly={!initial.isNew}
            onChange={(e) => setName(e.target.value)}
            spellCheck={false}
            autoCapitalize="off"
            data-testid="rs-inline-name"
          />
        )}
      </Field>
      <PolicyEditor
        label="Policy document (JSON)"
        help="Checked as you type with IAM’s own messages; Save sends PutRolePolicy."
        value={text}
        onChange={setText}
        check={check}
        testId="rs-inline-policy"
      />
      <div className="pg-rs-toolbar">
        <button type="submit" className="btn btn-sm btn-secondary" disabled={action.busy} data-testid="rs-inline-save">
          Save
        </button>
        <button type="button" className="btn btn-sm btn-ghost" onClick={onClose}>
          Cancel
        </button>
      </div>
      <ActionNote action={action} testId="rs-inline-save-error" />
    </form>
  )
}

/** The account's customer managed policies: list, create (the grammar checked as you type), delete. */
export function CustomerPolicies() {
  const policies = useCustomerPolicies()
  const action = useAction()
  const [name, setName] = useState('')
  const [text, setText] = useState(STARTER_POLICY)
  const [tried, setTried] = useState(false)
  const check = usePolicyCheck(text, 'identity', true)
  const nameError = tried ? requiredName(name, 'a policy name') : undefined
  return (
    <div className="pg-rs-section" data-testid="rs-policies">
      <h2 className="pg-h3">Customer managed policies</h2>
      <ListState data={policies} empty="No customer managed policies yet." isEmpty={(p) => p.length === 0} />
      {policies.data && policies.data.length > 0 && (
        <ul className="pg-rs-list" aria-label="Customer managed policies">
          {policies.data.map((p) => (
            <li key={p.Arn} className="pg-rs-row">
              <span className="pg-rs-name pg-rs-mono" title={p.Arn}>
                {p.PolicyName}
              </span>
              <span className="pg-rs-muted">
                {p.AttachmentCount ?? 0} attachment{p.AttachmentCount === 1 ? '' : 's'}
              </span>
              <DeleteButton
                name={p.PolicyName}
                what="policy"
                disabled={action.busy}
                onDelete={() =>
                  void action.run(
                    () => accountSend('iam', 'DeletePolicy', { PolicyArn: p.Arn }),
                    `Deleted ${p.PolicyName}.`,
                  )
                }
              />
            </li>
          ))}
        </ul>
      )}
      <details className="pg-rs-create">
        <summary>Create a policy</summary>
        <form
          onSubmit={(e) => {
            e.preventDefault()
            setTried(true)
            if (requiredName(name, 'a policy name')) return
            const n = name.trim()
            void action
              .run(() => accountSend('iam', 'CreatePolicy', { PolicyName: n, PolicyDocument: text }), `Created ${n}.`)
              .then((ok) => {
                if (!ok) return
                setName('')
                setTried(false)
              })
          }}
        >
          <Field label="Policy name" error={nameError}>
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
          <PolicyEditor
            label="Policy document (JSON)"
            help={
              <>
                A managed policy must say <code>"Version": "2012-10-17"</code>.
              </>
            }
            value={text}
            onChange={setText}
            check={check}
            testId="rs-managed-policy"
          />
          <button type="submit" className="btn btn-sm btn-secondary" disabled={action.busy}>
            Create policy
          </button>
        </form>
      </details>
      <ActionNote action={action} />
    </div>
  )
}
