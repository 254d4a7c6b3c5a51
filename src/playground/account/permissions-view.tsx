/**
 * The function's Permissions, as the Lambda console's Configuration → Permissions shows them: the
 * execution role (name, ARN, a jump to its details), the actions its policies allow grouped by
 * service ("Resource summary"), and the resource-based policy's statements. Read through the account
 * (accountSend), again after every call that changes something.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react'
import { accountSend, useAccountCalls } from './api.ts'
import { PolicyJson } from './calls-policy.tsx'
import { lastChange } from './calls.ts'
import { loadPermissions, type PermissionsResult } from './permissions-load.ts'
import { prettyJson, resourcePolicyStatements, resourceSummary, type RolePolicy } from './permissions.ts'
import './account.css'

const POLICY_TYPE: Record<RolePolicy['type'], string> = {
  inline: 'Customer inline',
  'aws-managed': 'AWS managed',
  managed: 'Customer managed',
}

/** `active`: the view is shown; it reads the account only then (its reads show in the Calls view too). */
export function PermissionsView({ functionName, active }: { functionName: string; active: boolean }) {
  const calls = useAccountCalls()
  const changed = lastChange(calls)
  const [state, setState] = useState<PermissionsResult | null>(null)
  const ids = useId()
  const roleRef = useRef<HTMLDetailsElement>(null)

  useEffect(() => {
    if (!active) return
    let live = true
    void loadPermissions(functionName, (s, o, i) => accountSend(s, o, i)).then((r) => {
      if (live) setState(r)
    })
    return () => {
      live = false
    }
  }, [functionName, changed, active])

  const summary = useMemo(() => (state?.ok ? resourceSummary(state.permissions.policies) : []), [state])
  const statements = useMemo(
    () =>
      state?.ok && state.permissions.resourcePolicy ? resourcePolicyStatements(state.permissions.resourcePolicy) : [],
    [state],
  )

  if (!state) return <p className="pg-running">Reading the function’s permissions…</p>
  if (!state.ok)
    return (
      <div className="pg-acct-view" data-testid="permissions">
        {state.notFound ? (
          <p className="pg-empty">
            The function <code>{functionName}</code> does not exist in your account yet. Invoke it once: Lambda creates
            it with the console’s default execution role, and its permissions appear here.
          </p>
        ) : (
          <p className="pg-field-error" role="alert">
            The permissions could not be read: {state.error}
          </p>
        )}
      </div>
    )

  const p = state.permissions
  const openRole = () => {
    const el = roleRef.current
    if (!el) return
    el.open = true
    el.scrollIntoView({ block: 'nearest' })
    el.querySelector('summary')?.focus()
  }

  return (
    <div className="pg-acct-view" data-testid="permissions">
      <section className="pg-block" aria-labelledby={`${ids}-role`}>
        <h3 id={`${ids}-role`} className="pg-h4">
          Execution role
        </h3>
        <dl className="pg-kv">
          <dt>Role name</dt>
          <dd>
            <button type="button" className="pg-linkbtn pg-acct-mono" onClick={openRole} data-testid="role-name">
              {p.role.name}
            </button>
          </dd>
          <dt>Role ARN</dt>
          <dd className="pg-acct-mono pg-acct-wrap">{p.role.arn}</dd>
        </dl>
        {p.role.error && <p className="pg-field-error">The role could not be read: {p.role.error}</p>}
      </section>

      <section className="pg-block" aria-labelledby={`${ids}-sum`}>
        <h3 id={`${ids}-sum`} className="pg-h4">
          Resource summary
        </h3>
        {summary.length === 0 ? (
          <p className="pg-empty">
            The role has no policies, so the function may not call any AWS service (not even CloudWatch Logs).
          </p>
        ) : (
          <div className="pg-acct-table-wrap">
            <table className="pg-acct-table" data-testid="resource-summary">
              <thead>
                <tr>
                  <th scope="col">Service</th>
                  <th scope="col">Actions</th>
                  <th scope="col">Resources</th>
                  <th scope="col">From</th>
                </tr>
              </thead>
              <tbody>
                {summary.map((s) => (
                  <tr key={s.service}>
                    <th scope="row">{s.label}</th>
                    <td className="pg-acct-mono">
                      {s.allowed.map((a) => (
                        <div key={a}>
                          <span className="pg-acct-effect pg-acct-effect-allow">Allow</span> {a}
                        </div>
                      ))}
                      {s.denied.map((a) => (
                        <div key={a}>
                          <span className="pg-acct-effect pg-acct-effect-deny">Deny</span> {a}
                        </div>
                      ))}
                      {s.conditional && <div className="pg-help">Some statements have conditions.</div>}
                    </td>
                    <td className="pg-acct-mono pg-acct-wrap">{s.resources.join(', ') || '—'}</td>
                    <td>{s.policies.join(', ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {p.policyErrors.map((e) => (
          <p key={e.name} className="pg-field-error">
            The policy {e.name} could not be read: {e.error}
          </p>
        ))}
      </section>

      <section className="pg-block" aria-labelledby={`${ids}-rbp`}>
        <h3 id={`${ids}-rbp`} className="pg-h4">
          Resource-based policy statements ({statements.length})
        </h3>
        {p.resourcePolicyError ? (
          <p className="pg-field-error">The resource-based policy could not be read: {p.resourcePolicyError}</p>
        ) : statements.length === 0 ? (
          <p className="pg-empty" data-testid="no-resource-policy">
            No resource-based policy statements. A resource-based policy lets other AWS services and accounts invoke
            this function (for example S3 when an object is uploaded); add a statement with <code>AddPermission</code>.
          </p>
        ) : (
          <>
            <div className="pg-acct-table-wrap">
              <table className="pg-acct-table" data-testid="resource-policy">
                <thead>
                  <tr>
                    <th scope="col">Statement ID</th>
                    <th scope="col">Principal</th>
                    <th scope="col">Action</th>
                    <th scope="col">Conditions</th>
                  </tr>
                </thead>
                <tbody>
                  {statements.map((s, i) => (
                    <tr key={`${s.sid}-${i}`}>
                      <th scope="row" className="pg-acct-mono">
                        {s.sid || '—'}
                        {s.effect === 'Deny' && <span className="pg-acct-effect pg-acct-effect-deny">Deny</span>}
                      </th>
                      <td className="pg-acct-mono pg-acct-wrap">{s.principal}</td>
                      <td className="pg-acct-mono">{s.action}</td>
                      <td className="pg-acct-mono pg-acct-wrap">
                        {s.conditions.length === 0
                          ? 'None'
                          : s.conditions.map((c) => (
                              <div key={`${c.operator}-${c.key}`}>
                                {c.key} {c.operator} {c.values.join(', ')}
                              </div>
                            ))}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <details className="pg-details">
              <summary>View policy document</summary>
              <PolicyJson document={prettyJson(p.resourcePolicy ?? '')} />
            </details>
          </>
        )}
      </section>

      <details className="pg-details pg-acct-role" ref={roleRef} data-testid="role-details">
        <summary>Role {p.role.name}: its policies and trust policy</summary>
        {p.policies.map((pol) => (
          <div key={`${pol.type}-${pol.name}`} className="pg-acct-policy-block">
            <h4 className="pg-h5">
              {pol.name} <span className="pg-acct-chip">{POLICY_TYPE[pol.type]}</span>
            </h4>
            <PolicyJson document={prettyJson(pol.document)} />
          </div>
        ))}
        {p.role.trustPolicy && (
          <div className="pg-acct-policy-block">
            <h4 className="pg-h5">
              Trust policy <span className="pg-acct-chip">Who may assume the role</span>
            </h4>
            <PolicyJson document={prettyJson(p.role.trustPolicy)} />
          </div>
        )}
      </details>
    </div>
  )
}
