/**
 * A workspace's live session with the engine: deploy (build TypeScript like `sam build`, then
 * createFunction / updateFunctionCode / updateFunctionConfiguration only when something changed),
 * invoke, "invoke 5 times", advance the virtual clock, and the results, markers and lifecycle
 * events the panel shows. Not persisted: the engine's state is ephemeral, the workspace (in the
 * playground store) is what lasts.
 *
 * One session per workspace id for the life of the page, so a panel that unmounts and mounts
 * again (tabs, route changes) finds its results and timeline where it left them.
 */
import { createStore, type StoreApi } from 'zustand/vanilla'
import type { CallRecord } from '../aws/public.ts'
import type { LambdaEvent } from '../lambda/public.ts'
import type { ClientEvent } from '../worker/client.ts'
import { getAccountCalls } from './account/api.ts'
import { deniedCallsAfter } from './account/calls.ts'
import { checkConfig, type FunctionSettingsOut } from './config.ts'
import { WATCHDOG_MS, getEngineStatus, getLambdaClient, noteRestarting, onEngineEvent } from './engine.ts'
import { checkEventJson } from './event-json.ts'
import { toExecutionResult, type ExecutionResult } from './results.ts'
import { HOSTS_FILE, hostsOf, networkNotice, type NetworkRequestEvent } from './network.ts'
import { createAccountSetupRunner } from './account-setup.ts'
import type { AccountSetup } from '../shared/account-setup.ts'
import { functionNameFor, type Workspace } from './schema.ts'
import { pruneEvents } from './timeline.ts'
import { errorOf, hasTypeScript, sameFiles, traceMarker, type Marker, type ServiceError } from './session-parts.ts'

export type { Marker, ServiceError } from './session-parts.ts'

export interface InvokeRecord {
  requestId: string
  status: 'Succeeded' | 'Failed'
  coldStart: boolean
  durationMs: number
  errorType?: string
}

export interface SessionState {
  functionName: string
  busy: null | 'building' | 'deploying' | 'invoking'
  /** Real ms since the current invoke started (for a "still running…" notice), set on start. */
  startedAt: number | null
  /** The build step's log (`sam build`-like), when the function has TypeScript. */
  buildLog: string[] | null
  buildFailed: boolean
  result: ExecutionResult | null
  /** A request the service refused or could not complete (not a function error). */
  serviceError: ServiceError | null
  markers: Marker[]
  /** Lifecycle events of this function (for the timeline). */
  events: LambdaEvent[]
  /** Virtual now, for the timeline's open segments. */
  now: number
  /** Bumped when the engine restarts: the timeline starts over (the old environments are gone). */
  epoch: number
  notice: string | null
  /** The last invoke's requests that failed because the simulation has no internet, said plainly. */
  networkNotice: string | null
  /** Requests the function sent (fetch, …), the latest last (at most 50). */
  network: NetworkRequestEvent[]
  history: InvokeRecord[]
  /** The calls IAM denied the function during the shown invoke (for "Denied, because…" beside its error). */
  deniedCalls: CallRecord[]
  /** Real time of the last result, for the round-trip figure. */
  lastRoundTripMs: number | null
  /** What is deployed (files after the build, settings), or null before the first deploy. */
  deployed: { files: Record<string, string>; settings: FunctionSettingsOut; source: Record<string, string> } | null
}

export interface Session {
  readonly workspaceId: string
  readonly functionName: string
  readonly store: StoreApi<SessionState>
  /** Build (TS) and deploy if the code or configuration changed. */
  deploy(ws: Workspace): Promise<boolean>
  /** Invoke once with the workspace's event; shows the result. */
  invoke(ws: Workspace): Promise<void>
  /** Invoke n times, one after another (warm reuse) or all at once (concurrency: one environment each). */
  invokeMany(ws: Workspace, n: number, mode: 'sequential' | 'concurrent'): Promise<void>
  advanceClock(ms: number): Promise<void>
  clearTimeline(): void
  dismissNotice(): void
  /** Starts the Worker (and its WebAssembly compile) now. */
  warm(): void
  /**
   * The account around this workspace's function (a lab's `account`): its resources and role are
   * created before the function, and its files applied before each run.
   */
  setAccountSetup(setup: AccountSetup | undefined): void
}

const MAX_EVENTS = 4000
const sessions = new Map<string, Session>()
let listening = false

function ensureListening(): void {
  if (listening) return
  listening = true
  onEngineEvent((e: LambdaEvent | ClientEvent) => {
    if (e.type === 'WorkerReady') return
    if (e.type === 'WorkerRestarted') {
      for (const s of sessions.values()) {
        const restored = e.restored.includes(s.functionName)
        s.store.setState((st) => ({
          events: [],
          epoch: st.epoch + 1,
          deployed: restored ? st.deployed : null,
          busy: null,
          startedAt: null,
          notice:
            e.reason === 'manual'
              ? 'The Lambda engine was restarted. Your code and settings are unchanged.'
              : `The Lambda engine stopped responding and was replaced by a fresh one (the watchdog restarts it after ${WATCHDOG_MS / 1000} seconds without an answer). Nothing you wrote was lost${restored ? ' and your function was restored' : ''}; the execution environments are new, so the next invoke is a cold start.`,
        }))
      }
      return
    }
    // Log lines are read on demand; the account's call log is not a function's timeline event.
    if (e.type === 'Log' || e.type === 'AwsCall') return
    const s = [...sessions.values()].find((x) => x.functionName === e.functionName)
    if (!s) return
    if (e.type === 'NetworkRequest') {
      s.store.setState((st) => ({ network: [...st.network.slice(-49), e] }))
      return
    }
    const st = s.store.getState()
    const events = st.events.length + 1 > MAX_EVENTS ? pruneEvents([...st.events, e], MAX_EVENTS) : [...st.events, e]
    s.store.setState({ events, now: Math.max(st.now, e.time) })
  })
}

/** The hosts.json the page's engine has (the main instance has one network). */
let engineHosts: { text: string; restarts: number; declared: string[] } | undefined

export function getSession(workspaceId: string): Session {
  const existing = sessions.get(workspaceId)
  if (existing) return existing
  const functionName = functionNameFor(workspaceId)
  const store = createStore<SessionState>()(() => ({
    functionName,
    busy: null,
    startedAt: null,
    buildLog: null,
    buildFailed: false,
    result: null,
    serviceError: null,
    markers: [],
    events: [],
    now: Date.now(),
    epoch: 0,
    notice: null,
    networkNotice: null,
    network: [],
    history: [],
    deniedCalls: [],
    lastRoundTripMs: null,
    deployed: null,
  }))

  let created = false
  const account = createAccountSetupRunner()
  let chain: Promise<unknown> = Promise.resolve()
  /** Serialises deploys and invokes: one change to the function at a time. */
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const p = chain.then(fn, fn)
    chain = p.catch(() => {})
    return p
  }

  const sourceMap = (source: Record<string, string>) => (built: string) => {
    if (Object.hasOwn(source, built)) return built
    const base = built.replace(/\.(mjs|js)$/, '')
    return [`${base}.ts`, `${base}.mts`].find((p) => Object.hasOwn(source, p)) ?? built
  }

  async function deployNow(ws: Workspace): Promise<boolean> {
    const client = getLambdaClient()
    const cfg = checkConfig(ws.config)
    if (!cfg.ok || !cfg.settings) return false
    const settings = cfg.settings
    const st = store.getState()
    let files = ws.files
    if (st.deployed && st.deployed.source === ws.files) files = st.deployed.files
    else if (hasTypeScript(ws.files)) {
      store.setState({ busy: 'building' })
      const { buildFunction } = await import('./editor/build.ts')
      const built = await buildFunction(ws.files, { functionName: functionName, runtime: settings.Runtime })
      if (!built.ok) {
        store.setState({
          busy: null,
          buildLog: built.log,
          buildFailed: true,
          result: null,
          serviceError: null,
          markers: built.errors
            .filter((e) => e.file)
            .map((e) => ({
              file: e.file,
              line: e.line,
              column: e.column,
              message: e.message,
              severity: 'error' as const,
            })),
        })
        return false
      }
      store.setState({ buildLog: built.log, buildFailed: false })
      files = built.files
    } else {
      store.setState({ buildLog: null, buildFailed: false })
    }
    const dep = store.getState().deployed
    try {
      // One engine for the page: the hosts are the last deployed workspace's (sent again after a restart).
      const hostsText = ws.files[HOSTS_FILE] ?? ''
      const restarts = getEngineStatus().restarts
      if (!engineHosts || engineHosts.text !== hostsText || engineHosts.restarts !== restarts) {
        const parsed = hostsOf(ws.files)
        if (!parsed.ok) {
          store.setState({
            busy: null,
            result: null,
            serviceError: { name: 'InvalidHostsFile', message: parsed.message },
          })
          return false
        }
        engineHosts = { text: hostsText, restarts, declared: (await client.setHosts(parsed.hosts)).hosts }
      }
      const send = client.send.bind(client)
      const prepared = await account.prepare(send, restarts)
      if (!prepared.ok) {
        store.setState({ busy: null, result: null, serviceError: prepared.error })
        return false
      }
      const role = prepared.roleArn ? { Role: prepared.roleArn } : {}
      if (!created || !dep) {
        store.setState({ busy: 'deploying' })
        try {
          await client.createFunction({ FunctionName: functionName, Code: { Files: files }, ...settings, ...role })
        } catch (e) {
          if (errorOf(e).name !== 'ResourceConflictException') throw e
          // It exists (an earlier session on this page, or restored by the watchdog): update it.
          await client.updateFunctionCode({ FunctionName: functionName, Files: files })
          await client.updateFunctionConfiguration({ FunctionName: functionName, ...settings, ...role })
        }
        created = true
      } else {
        if (!sameFiles(dep.files, files)) {
          store.setState({ busy: 'deploying' })
          await client.updateFunctionCode({ FunctionName: functionName, Files: files })
        }
        if (JSON.stringify(dep.settings) !== JSON.stringify(settings)) {
          store.setState({ busy: 'deploying' })
          await client.updateFunctionConfiguration({ FunctionName: functionName, ...settings, ...role })
        }
      }
      // The account files (a role's policy, a function permission), after the function exists.
      const applied = await account.apply(send, functionName, ws.files, restarts)
      if (!applied.ok) {
        store.setState({
          busy: null,
          result: null,
          serviceError: applied.error,
          deployed: { files, settings, source: ws.files },
        })
        return false
      }
    } catch (e) {
      const err = errorOf(e)
      if (err.name === 'ServiceException') noteRestarting()
      store.setState({ busy: null, serviceError: err, result: null })
      return false
    }
    store.setState({ deployed: { files, settings, source: ws.files } })
    return true
  }

  async function runOne(ws: Workspace, show: boolean): Promise<void> {
    const client = getLambdaClient()
    const t0 = performance.now()
    const settings = store.getState().deployed!.settings
    // The newest account call before this invoke: the function's denied calls are the ones after it.
    const marker = getAccountCalls().at(-1)
    try {
      const out = await client.invoke({ FunctionName: functionName, Payload: ws.eventText, LogType: 'Tail' })
      const result = toExecutionResult(out, settings.MemorySize)
      const rec: InvokeRecord = {
        requestId: result.summary.requestId,
        status: result.status,
        coldStart: result.coldStart,
        durationMs: result.summary.durationMs,
        ...(result.error ? { errorType: result.error.errorType } : {}),
      }
      const source = store.getState().deployed?.source ?? ws.files
      const toSource = sourceMap(source)
      let markers: Marker[] = []
      if (result.error && result.error.errorType !== 'Runtime.UserCodeSyntaxError') {
        const m = traceMarker(result.error.trace, `${result.error.errorType}: ${result.error.errorMessage}`, toSource)
        if (m && Object.hasOwn(source, m.file)) markers = [m]
      }
      const history = [rec, ...store.getState().history].slice(0, 50)
      const requests = store.getState().network.filter((r) => r.requestId === result.summary.requestId)
      const networkNote = networkNotice(requests, engineHosts?.declared ?? []) ?? null
      if (show)
        store.setState({
          result,
          serviceError: null,
          markers,
          history,
          networkNotice: networkNote,
          deniedCalls: result.error ? deniedCallsAfter(getAccountCalls(), marker, functionName) : [],
          lastRoundTripMs: performance.now() - t0,
        })
      else store.setState({ history })
      if (show && result.error?.errorType === 'Runtime.UserCodeSyntaxError') {
        const deployedFiles = store.getState().deployed?.files ?? ws.files
        const { locateSyntaxErrors } = await import('./syntax.ts')
        const found = await locateSyntaxErrors(deployedFiles)
        const msg = `${result.error.errorType}: ${result.error.errorMessage}`
        store.setState({
          markers: found.map((f) => ({
            file: toSource(f.file),
            line: f.line,
            column: f.column,
            message: `${msg} (${f.message})`,
            severity: 'error' as const,
          })),
        })
      }
    } catch (e) {
      const err = errorOf(e)
      if (err.name === 'ServiceException') noteRestarting()
      if (show) store.setState({ serviceError: err, result: null })
    }
  }

  async function refreshNow(): Promise<void> {
    try {
      const { now } = await getLambdaClient().clock.now()
      store.setState({ now: Math.max(now, store.getState().now) })
    } catch {
      // the engine is restarting; the next event updates it
    }
  }

  const session: Session = {
    workspaceId,
    functionName,
    store,
    deploy: (ws) => serial(() => deployNow(ws)),
    invoke(ws) {
      performance.mark('lf:invoke-start')
      return serial(async () => {
        if (!checkEventJson(ws.eventText).ok) return
        store.setState({ startedAt: performance.now() })
        if (!(await deployNow(ws))) {
          store.setState({ startedAt: null, busy: null })
          return
        }
        store.setState({ busy: 'invoking' })
        await runOne(ws, true)
        store.setState({ busy: null, startedAt: null })
        void refreshNow()
      })
    },
    invokeMany(ws, n, mode) {
      return serial(async () => {
        if (!checkEventJson(ws.eventText).ok) return
        store.setState({ startedAt: performance.now() })
        if (!(await deployNow(ws))) {
          store.setState({ startedAt: null, busy: null })
          return
        }
        store.setState({ busy: 'invoking' })
        if (mode === 'sequential') {
          for (let i = 0; i < n; i++) await runOne(ws, i === n - 1)
        } else {
          await Promise.all(Array.from({ length: n }, (_, i) => runOne(ws, i === n - 1)))
        }
        store.setState({ busy: null, startedAt: null })
        void refreshNow()
      })
    },
    advanceClock(ms) {
      return serial(async () => {
        try {
          const { now } = await getLambdaClient().clock.advance(ms)
          store.setState({ now: Math.max(now, store.getState().now) })
        } catch (e) {
          store.setState({ serviceError: errorOf(e) })
        }
      })
    },
    clearTimeline() {
      store.setState((st) => ({ events: [], epoch: st.epoch + 1, history: [] }))
    },
    dismissNotice() {
      store.setState({ notice: null })
    },
    warm() {
      getLambdaClient()
      ensureListening()
      void refreshNow()
    },
    setAccountSetup(setup) {
      if (setup !== account.setup) account.set(setup)
    },
  }
  sessions.set(workspaceId, session)
  ensureListening()
  return session
}
