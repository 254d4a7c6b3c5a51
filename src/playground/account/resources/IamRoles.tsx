/** IAM roles in the Resources view: list (with path), create (a trust policy for Lambda by default), delete, and a role's policies. */
import { useId, useState } from 'react'
import { LAMBDA_TRUST_POLICY, decodePolicy, requiredName } from './model.ts'
import { PolicyEditor, usePolicyCheck } from './PolicyEditor.tsx'
import { RolePolicies } from './IamPolicies.tsx'
import { ActionNote, DeleteButton, Field, ListState, accountSend, useAccountData, useAction } from './shared.tsx'

interface Role {
  RoleName: string
  Path: string
  Arn: string
  AssumeRolePolicyDocument?: string
}

export function IamRoles() {
  const roles = useAccountData(
    () => accountSend<{ Roles?: Role[] }>('iam', 'ListRoles', { MaxItems: 1000 }).then((o) => o.Roles ?? []),
    [],
  )
  const [selected, setSelected] = useState<string | null>(null)
  const action = useAction()
  const current = roles.data?.find((r) => r.RoleName === selected)

  return (
    <div className="pg-rs-section" data-testid="rs-roles">
      <h2 className="pg-h3">Roles</h2>
      <ListState data={roles} empty="No roles yet." isEmpty={(r) => r.length === 0} />
      {roles.data && roles.data.length > 0 && (
        <ul className="pg-rs-list" aria-label="Roles">
          {roles.data.map((r) => (
            <li key={r.RoleName} className={r === current ? 'pg-rs-row pg-rs-row-current' : 'pg-rs-row'}>
              <button
                type="button"
                className="pg-linkbtn pg-rs-name"
                aria-pressed={r === current}
                onClick={() => setSelected(r === current ? null : r.RoleName)}
              >
                {r.RoleName}
              </button>
              <span className="pg-rs-muted pg-rs-mono" title="Path">
                {r.Path}
              </span>
              <DeleteButton
                name={r.RoleName}
                what="role"
                disabled={action.busy}
                onDelete={() =>
                  void action.run(
                    () => accountSend('iam', 'DeleteRole', { RoleName: r.RoleName }),
                    `Deleted ${r.RoleName}.`,
                  )
                }
              />
            </li>
          ))}
        </ul>
      )}
      <ActionNote action={action} testId="rs-role-error" />
      {current && <RoleDetail key={current.RoleName} role={current} />}
      <CreateRole onCreated={setSelected} />
    </div>
  )
}

function RoleDetail({ role }: { role: Role }) {
  const ids = useId()
  return (
    <section className="pg-rs-detail" aria-labelledby={`${ids}-h`} data-testid="rs-role-detail">
      <h3 id={`${ids}-h`} className="pg-h4">
        Role <code>{role.RoleName}</code>
      </h3>
      <p className="pg-rs-muted pg-rs-mono pg-rs-arn">{role.Arn}</p>
      {role.AssumeRolePolicyDocument && (
        <details className="pg-details">
          <summary>Trust policy</summary>
          <pre className="pg-pre" tabIndex={0}>
            {decodePolicy(role.AssumeRolePolicyDocument)}
          </pre>
        </details>
      )}
      <RolePolicies role={role.RoleName} />
    </section>
  )
}

function CreateRole({ onCreated }: { onCreated(name: string): void }) {
  const [name, setName] = useState('')
  const [path, setPath] = useState('/')
  const [trust, setTrust] = useState(LAMBDA_TRUST_POLICY)
  const [tried, setTried] = useState(false)
  const check = usePolicyCheck(trust, 'trust')
  const action = useAction()
  const nameError = tried ? requiredName(name, 'a role name') : undefined
  return (
    <details className="pg-rs-create">
      <summary>Create a role</summary>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          setTried(true)
          if (requiredName(name, 'a role name')) return
          const n = name.trim()
          void action
            .run(
              () =>
                accountSend('iam', 'CreateRole', {
                  RoleName: n,
                  Path: path.trim() || '/',
                  AssumeRolePolicyDocument: trust,
                }),
              `Created ${n}.`,
            )
            .then((ok) => {
              if (!ok) return
              setName('')
              setTried(false)
              onCreated(n)
            })
        }}
      >
        <div className="pg-rs-row-fields">
          <Field label="Role name" error={nameError}>
            {(p) => (
              <input
                {...p}
                value={name}
                onChange={(e) => setName(e.target.value)}
                spellCheck={false}
                autoCapitalize="off"
                data-testid="rs-role-name"
              />
            )}
          </Field>
          <Field label="Path" help="/ or /like/this/">
            {(p) => (
              <input
                {...p}
                value={path}
                onChange={(e) => setPath(e.target.value)}
                spellCheck={false}
                autoCapitalize="off"
              />
            )}
          </Field>
        </div>
        <PolicyEditor
          label="Trust policy"
          help="Who may assume the role. Lambda’s service principal by default, as the console sets it."
          value={trust}
          onChange={setTrust}
          check={check}
          testId="rs-trust"
          rows={8}
        />
        <button type="submit" className="btn btn-sm btn-secondary" disabled={action.busy} data-testid="rs-role-create">
          Create role
        </button>
        <ActionNote action={action} testId="rs-create-role-error" />
      </form>
    </details>
  )
}
