/**
 * The playground's seam to the learner's simulated AWS account (the Worker's main instance):
 * every UI call goes through the account's gateway as its admin user, exactly as a handler's SDK
 * call or a lab check does, so IAM, validation and AWS's errors apply to the UI too.
 *
 * - `accountSend(service, operation, input)`: one operation (`accountSend('dynamodb', 'ListTables')`).
 *   Resolves to the output as the SDK returns it; rejects with an `AccountCallError` carrying AWS's
 *   name, message, status and, when IAM denied the call, the decision's explanation.
 * - `useAccountRevision()`: a number that changes after every call the account answers (from the
 *   UI, a handler or a check), so a view re-reads what it shows.
 * - `useAccountCalls()`: the account's recent call log (newest last), for a Calls view.
 *
 * Feature views (Resources, Permissions, Calls) import this module, never the Worker client.
 */
import { useSyncExternalStore } from 'react'
import type { CallRecord } from '../../aws/public.ts'
import { getLambdaClient, onEngineEvent } from '../engine.ts'

/** An AWS error answered by the account (or the Worker's own failure). */
export class AccountCallError extends Error {
  readonly statusCode?: number
  readonly requestId?: string
  /** Why IAM denied the call, when it did (src/aws/iam/explain.ts's shape). */
  readonly explanation?: unknown
  constructor(from: unknown) {
    const e = (from ?? {}) as {
      name?: unknown
      message?: unknown
      statusCode?: unknown
      requestId?: unknown
      explanation?: unknown
    }
    super(typeof e.message === 'string' ? e.message : String(from))
    this.name = typeof e.name === 'string' ? e.name : 'Error'
    if (typeof e.statusCode === 'number') this.statusCode = e.statusCode
    if (typeof e.requestId === 'string') this.requestId = e.requestId
    if (e.explanation !== undefined) this.explanation = e.explanation
  }
}

/** One operation of the learner's account, as its admin user. */
export async function accountSend<T = Record<string, unknown>>(
  service: string,
  operation: string,
  input: Record<string, unknown> = {},
): Promise<T> {
  try {
    return (await getLambdaClient().send(service, operation, input)) as T
  } catch (err) {
    throw new AccountCallError(err)
  }
}

/** Calls kept for the Calls view (the newest). */
export const MAX_KEPT_CALLS = 200

let revision = 0
let calls: readonly CallRecord[] = []
let listening = false
const listeners = new Set<() => void>()

function listen(): void {
  if (listening) return
  listening = true
  onEngineEvent((e) => {
    if (e.type !== 'AwsCall') return
    revision++
    const next = calls.length >= MAX_KEPT_CALLS ? calls.slice(calls.length - MAX_KEPT_CALLS + 1) : calls.slice()
    next.push(e.call)
    calls = next
    listeners.forEach((l) => l())
  })
}

function subscribe(l: () => void): () => void {
  listen()
  listeners.add(l)
  return () => listeners.delete(l)
}

/** Changes after every call the learner's account answers. */
export function useAccountRevision(): number {
  return useSyncExternalStore(subscribe, () => revision)
}

/** The account's recent calls (at most MAX_KEPT_CALLS), oldest first. */
export function useAccountCalls(): readonly CallRecord[] {
  return useSyncExternalStore(subscribe, () => calls)
}

/** The account's recent calls now, outside React (starts listening if nothing did yet). */
export function getAccountCalls(): readonly CallRecord[] {
  listen()
  return calls
}

/** The account as plain JSON now (an AccountSnapshot), or undefined when the Worker has none. */
export function accountSnapshot(): Promise<unknown> {
  return getLambdaClient().refreshAccountSnapshot()
}

/** Replace the account with a snapshot; rejects with an AccountCallError naming the refused part. */
export async function restoreAccount(snapshot: unknown): Promise<void> {
  try {
    await getLambdaClient().restoreAccount(snapshot)
  } catch (err) {
    throw new AccountCallError(err)
  }
}

/** Listen to the account's calls outside React (for saving it after changes). */
export function onAccountCall(listener: (call: CallRecord) => void): () => void {
  return onEngineEvent((e) => {
    if (e.type === 'AwsCall') listener(e.call)
  })
}

/** Replace the Worker (the client restores the account, then the functions, in fresh environments). */
export function restartEngine(): Promise<void> {
  return getLambdaClient().restart()
}
