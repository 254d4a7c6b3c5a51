/**
 * The account's Calls: every call its gateway answered (from a handler's SDK, the page, a service),
 * newest first — time, caller, service:operation, outcome, status. A denied call opens IAM's
 * explanation: "Denied, because …" with the deciding statement highlighted in its policy.
 */
import { useId, useMemo, useState } from 'react'
import type { CallRecord } from '../../aws/public.ts'
import { useAccountCalls } from './api.ts'
import { DenialExplanation } from './calls-denial.tsx'
import { callerLabel, denialOf, isPageRead } from './calls.ts'
import './account.css'

/** Virtual time as the console's logs show it (UTC, to the millisecond). */
export function callTime(ms: number): string {
  const d = new Date(ms)
  return Number.isNaN(d.getTime()) ? '—' : d.toISOString().slice(11, 23)
}

export function CallsView() {
  const calls = useAccountCalls()
  const [deniedOnly, setDeniedOnly] = useState(false)
  const [pageReads, setPageReads] = useState(false)
  const [open, setOpen] = useState<string | null>(null)
  const ids = useId()
  const rows = useMemo(() => {
    const list = calls.filter((c) =>
      deniedOnly ? c.authorization.some((a) => !a.allowed) : pageReads || !isPageRead(c),
    )
    return list.reverse()
  }, [calls, deniedOnly, pageReads])
  const latestDenied = rows.find((c) => c.authorization.some((a) => !a.allowed))
  // A denied call opens by itself (the newest), until the learner picks another.
  const shown = open ?? latestDenied?.requestId ?? null

  return (
    <div className="pg-acct-view" data-testid="calls">
      <div className="pg-acct-toolbar">
        <p className="pg-help">
          Every call to your account: from your handlers (through the AWS SDK), from this page, and between services.
          IAM decides each one.
        </p>
        <label className="pg-acct-check">
          <input type="checkbox" checked={pageReads} onChange={(e) => setPageReads(e.currentTarget.checked)} /> This
          page’s reads
        </label>
        <label className="pg-acct-check">
          <input type="checkbox" checked={deniedOnly} onChange={(e) => setDeniedOnly(e.currentTarget.checked)} /> Denied
          only
        </label>
      </div>
      {rows.length === 0 ? (
        <p className="pg-empty">
          {deniedOnly
            ? 'No call was denied.'
            : 'No calls yet. When a handler calls an AWS service (for example a DynamoDB PutItem), the call shows here.'}
        </p>
      ) : (
        <div className="pg-acct-table-wrap pg-acct-calls-wrap">
          <table className="pg-acct-table pg-acct-calls" aria-describedby={`${ids}-cap`}>
            <caption id={`${ids}-cap`} className="sr-only">
              Calls to the account, newest first
            </caption>
            <thead>
              <tr>
                <th scope="col">Time (UTC)</th>
                <th scope="col">Caller</th>
                <th scope="col">Call</th>
                <th scope="col">Outcome</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => (
                <CallRow
                  key={`${c.seq}-${c.requestId}`}
                  call={c}
                  open={shown === c.requestId}
                  onToggle={() => setOpen(shown === c.requestId ? '' : c.requestId)}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  )
}

function CallRow({ call, open, onToggle }: { call: CallRecord; open: boolean; onToggle(): void }) {
  const denial = useMemo(() => denialOf(call), [call])
  const outcome = denial ? 'Denied' : call.outcome === 'success' ? 'Success' : 'Error'
  const detail = call.outcome === 'error'
  return (
    <>
      <tr className={denial ? 'pg-acct-row-denied' : undefined} data-testid="call-row" data-outcome={outcome}>
        <td className="pg-acct-mono">{callTime(call.time)}</td>
        <td className="pg-acct-mono pg-acct-wrap" title={call.principal}>
          {callerLabel(call.principal)}
        </td>
        <td className="pg-acct-mono">
          {call.service}:{call.operation}
        </td>
        <td>
          {detail ? (
            <button type="button" className="pg-linkbtn" aria-expanded={open} onClick={onToggle}>
              {outcome}
            </button>
          ) : (
            outcome
          )}
        </td>
        <td className="pg-acct-mono">{call.httpStatusCode}</td>
      </tr>
      {detail && open && (
        <tr className="pg-acct-detail-row">
          <td colSpan={5}>
            <p className="pg-acct-mono pg-acct-wrap pg-acct-error-line">
              {call.errorName}: {call.errorMessage}
            </p>
            {denial && <DenialExplanation denial={denial} />}
          </td>
        </tr>
      )}
    </>
  )
}
