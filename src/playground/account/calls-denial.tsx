/** "Denied, because …": IAM's explanation of a denied call, with the deciding statement (or the closest miss) highlighted in its policy. */
import { PolicyJson } from './calls-policy.tsx'
import type { Denial, ExplainedStatement } from './calls.ts'

const POLICY_KIND: Record<string, string> = {
  inline: 'inline policy',
  managed: 'customer managed policy',
  'aws-managed': 'AWS managed policy',
  resource: 'resource-based policy',
  custom: 'policy',
}

function statementName(s: ExplainedStatement): string {
  return `Statement ${s.index + 1}${s.sid ? ` (Sid "${s.sid}")` : ''} of the ${POLICY_KIND[s.policyType] ?? 'policy'} ${s.policyName}`
}

export function DenialExplanation({ denial, testId }: { denial: Denial; testId?: string }) {
  const s = denial.statement
  const policy = denial.policy ?? (denial.policies.length === 1 ? denial.policies[0] : undefined)
  return (
    <div className="pg-acct-denial" data-testid={testId ?? 'denial'}>
      <p className="pg-acct-denial-summary">
        <strong>{denial.summary.startsWith('Denied, because') ? 'Denied, because' : 'Denied:'}</strong>
        {denial.summary.startsWith('Denied, because')
          ? denial.summary.slice('Denied, because'.length)
          : ` ${denial.summary}`}
      </p>
      {s && denial.statementDecided && (
        <p className="pg-help">
          <span className="pg-acct-effect pg-acct-effect-deny">Explicit deny</span> {statementName(s)} decided:{' '}
          {s.reason}.
        </p>
      )}
      {denial.noneMatched && (
        <p className="pg-help" data-testid="no-statement-matched">
          <span className="pg-acct-effect pg-acct-effect-miss">No statement matched</span>
          {s
            ? ` The closest, ${statementName(s)}, is highlighted below.`
            : denial.policies.length
              ? ' None of the statements below allows this action on this resource.'
              : ' The caller has no policy that could allow it.'}
        </p>
      )}
      {policy && (
        <>
          <p className="pg-help">
            {POLICY_KIND[policy.type] ? `The ${POLICY_KIND[policy.type]}` : 'The policy'} <code>{policy.name}</code>:
          </p>
          <PolicyJson
            document={policy.document}
            highlight={
              s && s.policyName === policy.name
                ? {
                    start: s.start,
                    end: s.end,
                    tone: denial.statementDecided ? 'deny' : 'miss',
                    label: denial.statementDecided ? 'the statement that denied' : 'the closest statement',
                  }
                : undefined
            }
          />
        </>
      )}
      {!policy && denial.policies.length > 1 && (
        <details className="pg-details">
          <summary>The {denial.policies.length} policies IAM evaluated</summary>
          {denial.policies.map((p) => (
            <div key={`${p.type}-${p.name}`} className="pg-acct-policy-block">
              <h4 className="pg-h5">{p.name}</h4>
              <PolicyJson document={p.document} />
            </div>
          ))}
        </details>
      )}
    </div>
  )
}
