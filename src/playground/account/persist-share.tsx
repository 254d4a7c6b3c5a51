/**
 * A share link's account: kept for this page (not stored — it replaces the learner's own account only
 * when they choose to), and the shared banner's offer to use it.
 */
import { useState } from 'react'
import { adoptAccount } from './persist.ts'
import { describeAccount } from './persist-schema.ts'

const shared = new Map<string, Record<string, unknown>>()

/** Remembers the account a share link carried, for its `share:` workspace. */
export function rememberSharedAccount(workspaceId: string, account: Record<string, unknown> | undefined): void {
  if (account) shared.set(workspaceId, account)
  else shared.delete(workspaceId)
}

export function SharedAccountOffer({ workspaceId }: { workspaceId: string }) {
  const account = shared.get(workspaceId)
  const [state, setState] = useState<'idle' | 'confirm' | 'working' | 'done' | { error: string }>('idle')
  if (!account) return null
  const holds = describeAccount(account)
  if (state === 'done')
    return (
      <p className="pg-ok-text" role="status" data-testid="shared-account-done">
        Your AWS account is now the shared one ({holds}). The engine restarted, so the next invoke is a cold start.
      </p>
    )
  const use = async () => {
    setState('working')
    try {
      await adoptAccount(account)
      setState('done')
    } catch (e) {
      setState({ error: e instanceof Error ? e.message : String(e) })
    }
  }
  return (
    <div className="pg-shared-account" data-testid="shared-account">
      <p>
        This link also carries the sharer’s AWS account ({holds}). Your own account is unchanged; the function may need
        theirs to work as it did for them.
      </p>
      {typeof state === 'object' && (
        <p className="pg-field-error" role="alert">
          The shared account could not be used: {state.error}. Your own account is unchanged.
        </p>
      )}
      {state === 'confirm' ? (
        <p className="pg-inline-confirm">
          Replace your AWS account (every role, table, bucket, queue and policy in it) with the shared one?{' '}
          <button
            type="button"
            className="btn btn-sm btn-primary"
            onClick={() => void use()}
            data-testid="shared-account-confirm"
          >
            Replace my account
          </button>{' '}
          <button type="button" className="btn btn-sm btn-ghost" onClick={() => setState('idle')}>
            Cancel
          </button>
        </p>
      ) : (
        <p className="pg-banner-actions">
          <button
            type="button"
            className="btn btn-sm btn-secondary"
            disabled={state === 'working'}
            onClick={() => setState('confirm')}
            data-testid="shared-account-use"
          >
            {state === 'working' ? 'Switching accounts…' : 'Use the shared account'}
          </button>
        </p>
      )}
    </div>
  )
}
