/**
 * The page's one connection to the simulated Lambda: a lazily created LambdaClient whose Worker
 * hosts src/lambda (QuickJS stays in the Worker; this module imports none of it). Created when
 * the first playground panel mounts, so the Worker starts and compiles the WebAssembly while the
 * learner reads the code, not on their first click.
 *
 * The client's watchdog replaces a Worker that stops answering and re-creates the functions from
 * the latest definitions the playground deployed; `useEngineStatus()` tells the UI what happened.
 */
import { useSyncExternalStore } from 'react'
import type { LambdaEvent } from '../lambda/public.ts'
import { LambdaClient, createLambdaWorker, type ClientEvent, type RemoteLambda } from '../worker/client.ts'

export type EngineState = 'starting' | 'ready' | 'restarting' | 'failed'

export interface EngineStatus {
  state: EngineState
  /** How many times the Worker was replaced. */
  restarts: number
  /** The last replacement, for a notice. */
  lastRestart?: { reason: 'unresponsive' | 'crashed' | 'manual'; at: number; restored: string[] }
  /** When the Worker could not start at all (e.g. the WebAssembly file failed to load). */
  error?: string
  /** Real time (performance.now) at which the Worker was first ready, for diagnostics. */
  readyAt?: number
  startedAt?: number
}

/** A Worker that has not answered a ping for this long is replaced. */
export const WATCHDOG_MS = 15_000

let client: LambdaClient | undefined
let status: EngineStatus = { state: 'starting', restarts: 0 }
const statusListeners = new Set<() => void>()
const eventListeners = new Set<(e: LambdaEvent | ClientEvent) => void>()

function setStatus(next: Partial<EngineStatus>): void {
  status = { ...status, ...next }
  statusListeners.forEach((l) => l())
}

/** The page's client (created on first use). */
export function getLambdaClient(): LambdaClient {
  if (client) return client
  setStatus({ state: 'starting', startedAt: performance.now() })
  performance.mark('lf:engine-start')
  client = new LambdaClient({
    createWorker: createLambdaWorker,
    // The engine stops runaway code itself (timeout, wall-clock cap); the watchdog is for a Worker
    // that is really stuck, so it waits long enough not to replace one that is merely slow (a
    // memory-hungry run on a busy machine).
    unresponsiveMs: WATCHDOG_MS,
  })
  client.onEvent((e) => {
    if (e.type === 'WorkerReady') {
      if (status.readyAt === undefined) performance.mark('lf:engine-ready')
      setStatus({
        state: 'ready',
        error: undefined,
        ...(status.readyAt === undefined ? { readyAt: performance.now() } : {}),
      })
    } else if (e.type === 'WorkerRestarted') {
      setStatus({
        state: 'ready',
        restarts: status.restarts + 1,
        lastRestart: { reason: e.reason, at: Date.now(), restored: e.restored },
      })
    }
    // Log events are read on demand (filterLogEvents): this listener does not ask for them, so
    // the Worker does not even send them.
    for (const l of eventListeners) l(e)
  })
  // Say so when the Worker cannot start (the first call fails with the Worker's fatal error).
  void client.clock.now().catch((err: unknown) => {
    if (status.state === 'starting')
      setStatus({ state: 'failed', error: err instanceof Error ? err.message : String(err) })
  })
  return client
}

/** The Worker's engine instance for lab checks. */
export const LAB_CHECKS_INSTANCE = 'lab-checks'

/**
 * Where lab checks run: an engine instance of their own in the page's Worker, with its own
 * functions and its own clock, so a check that advances time (warm-starts' 30 minutes) never
 * idles the learner's environments.
 */
export function getLabCheckEngine(): RemoteLambda {
  return getLambdaClient().engine(LAB_CHECKS_INSTANCE)
}

/** Marks the engine as restarting (the watchdog is about to replace it) — set by the session on a ServiceException. */
export function noteRestarting(): void {
  if (status.state === 'ready') setStatus({ state: 'restarting' })
}

export function getEngineStatus(): EngineStatus {
  return status
}

export function onEngineEvent(listener: (e: LambdaEvent | ClientEvent) => void): () => void {
  eventListeners.add(listener)
  return () => eventListeners.delete(listener)
}

function subscribe(l: () => void): () => void {
  statusListeners.add(l)
  return () => statusListeners.delete(l)
}

export function useEngineStatus(): EngineStatus {
  return useSyncExternalStore(subscribe, getEngineStatus)
}
