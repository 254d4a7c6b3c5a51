/**
 * Keeps the learner's account with the playground: restored into the Worker when the first panel
 * mounts (before any function is deployed, so the functions find their roles), and saved again
 * (without credentials) a moment after every call that changed it — from the page, a handler's SDK,
 * or a service. A fresh Worker (the watchdog's restart) gets the latest snapshot back from the client.
 * A saved account the Worker refuses is kept aside in the browser's storage, the account starts
 * fresh, and a notice says so; nothing else of the playground changes.
 */
import { browserStorage } from '../../shared/browser-storage.ts'
import { playgroundStore } from '../state.ts'
import { accountSnapshot, onAccountCall, restartEngine, restoreAccount } from './api.ts'
import { isReadOperation } from './calls.ts'
import { ACCOUNT_LIMITS, storableSnapshot } from './persist-schema.ts'

/** Where a saved account the Worker refused is kept (once), so it is not destroyed. */
export const ACCOUNT_BACKUP_KEY = 'lf-playground:account-backup'
/** Wait this long after a change before saving (a handler's burst of PutItems is one save). */
const SAVE_DELAY_MS = 300

let started: Promise<void> | undefined

/** Starts once per page; later calls return the same promise (settled when the saved account is back). */
export function startAccountPersistence(): Promise<void> {
  if (started) return started
  const saved = playgroundStore.getState().account
  const restored = saved
    ? restoreAccount(saved.snapshot).catch((e: unknown) => {
        try {
          const storage = browserStorage()
          if (storage.getItem(ACCOUNT_BACKUP_KEY) === null)
            storage.setItem(ACCOUNT_BACKUP_KEY, JSON.stringify(saved).slice(0, ACCOUNT_LIMITS.storedChars))
        } catch {
          // storage full or blocked: the notice still says what happened
        }
        const why = e instanceof Error ? e.message : String(e)
        playgroundStore.getState().setAccount(null)
        playgroundStore
          .getState()
          .noteAccountIssue(
            `Your saved AWS account could not be restored (${why}), so the account starts fresh; your code, test events and configuration were kept.`,
          )
      })
    : Promise.resolve()
  started = restored.then(() => {
    if (saved) lastSaved = JSON.stringify(saved.snapshot)
    let timer: ReturnType<typeof setTimeout> | undefined
    onAccountCall((call) => {
      if (call.outcome !== 'success' || isReadOperation(call.operation)) return
      if (timer === undefined)
        timer = setTimeout(() => {
          timer = undefined
          void saveAccountNow()
        }, SAVE_DELAY_MS)
    })
  })
  return started
}

let lastSaved = ''

/** Saves the account as it is now (when it changed since the last save). */
export async function saveAccountNow(): Promise<void> {
  const snap = storableSnapshot(await accountSnapshot())
  if (!snap) return
  const json = JSON.stringify(snap)
  if (json === lastSaved) return
  const refused = playgroundStore.getState().setAccount(snap)
  if (refused) {
    playgroundStore
      .getState()
      .noteAccountIssue(
        `Your AWS account can no longer be saved in this browser (${refused}); it keeps working until you close the page.`,
      )
    return
  }
  lastSaved = json
}

/**
 * Replaces the learner's account with a shared one (a share link's), then restarts the engine so
 * every function runs in a fresh environment with credentials of the new account, and saves it.
 */
export async function adoptAccount(snapshot: Record<string, unknown>): Promise<void> {
  await startAccountPersistence()
  await restoreAccount(snapshot)
  await restartEngine()
  await saveAccountNow()
}
