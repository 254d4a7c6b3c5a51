/** Notices above the panel: a repaired saved workspace, a failed save, the engine's own notices, the network's. */
import { CloseIcon } from '../shared/icons.tsx'
import { useSession } from './hooks.ts'
import type { Session } from './session.ts'
import { playgroundStore, usePlayground } from './state.ts'

export function PanelNotices({ workspaceId, session }: { workspaceId: string; session: Session }) {
  const issues = usePlayground((s) => s.loadIssues)
  const saveError = usePlayground((s) => s.saveError)
  const notice = useSession(session, (s) => s.notice)
  const networkNotice = useSession(session, (s) => s.networkNotice)
  const mine = issues.filter((i) => i.workspaceId === workspaceId || i.workspaceId === undefined)
  return (
    <>
      {mine.length > 0 && (
        <div className="pg-notice" role="status" data-testid="pg-load-notice">
          <div>
            <strong>We repaired your saved playground.</strong>
            <ul>
              {mine.map((i) => (
                <li key={i.message}>{i.message}</li>
              ))}
            </ul>
            <p className="muted">
              Everything else was kept. The damaged original is kept in this browser’s storage as a backup.
            </p>
          </div>
          <button
            type="button"
            className="icon-btn"
            aria-label="Dismiss this notice"
            onClick={() => playgroundStore.getState().dismissLoadIssues(workspaceId)}
          >
            <CloseIcon />
          </button>
        </div>
      )}
      {saveError && (
        <div className="pg-notice pg-notice-error" role="alert">
          <p>{saveError}</p>
        </div>
      )}
      {notice && (
        <div className="pg-notice" role="alert" data-testid="pg-engine-notice">
          <p>{notice}</p>
          <button
            type="button"
            className="icon-btn"
            aria-label="Dismiss this notice"
            onClick={() => session.dismissNotice()}
          >
            <CloseIcon />
          </button>
        </div>
      )}
      {networkNotice && (
        <div className="pg-notice" role="status" data-testid="pg-network-notice">
          <p>{networkNotice}</p>
        </div>
      )}
    </>
  )
}
