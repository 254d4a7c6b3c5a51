// Execution environments: creation, the cold start (Init, with Lambda's retry of a failed Init
// inside the invoke), reuse by warm invokes, idle shutdown, retirement after an update, and the
// loss of the WebAssembly module.
import { jsonPlatform, textPlatform } from '../runtime/platform.ts'
import type { Sandbox } from '../sandbox/sandbox.ts'
import { SandboxFault } from '../sandbox/types.ts'
import type { ShutdownReason } from '../types.ts'
import type { HoldBudget } from './budget.ts'
import { FULL_VCPU_MB, INIT_LIMIT_MS, RUNTIME_INIT_BASE_MS, RUNTIME_INIT_CPU_MS, limitsFor } from './limits.ts'
import type { LogStore } from './logs.ts'
import type { PhaseDriver } from './drive.ts'
import { initErrorType, type Outcome } from './outcome.ts'
import { sandboxConfig } from './sandbox-config.ts'
import type { SandboxPool } from './sandbox-pool.ts'
import type { Environment, FunctionState, ServiceCore, Tail } from './state.ts'

export interface ColdStart {
  env: Environment
  initDuration?: number
  readyAt: number
  failEnd?: number
  failure?: { outcome: Outcome; errorType: string }
}

/** What describeEnvironments() tells about one live environment. */
export interface EnvironmentInfo {
  environmentId: string
  logStreamName: string
  busy: boolean
  invocations: number
  lastUsed: number
  heapBytes: number
}

type InitResult =
  | { ok: true; duration: number }
  | { ok: false; duration: number; status: 'error' | 'timeout'; errorType?: string; outcome: Outcome }

function randomHex(bytes: number): string {
  const a = new Uint8Array(bytes)
  crypto.getRandomValues(a)
  let s = ''
  for (let i = 0; i < a.length; i++) s += (a[i] < 16 ? '0' : '') + a[i].toString(16)
  return s
}

export class Environments {
  private envSeq = 0
  /** Set once the pieces are wired (the driver reports faults back here). */
  driver!: PhaseDriver

  constructor(
    private readonly core: ServiceCore,
    private readonly functions: ReadonlyMap<string, FunctionState>,
    private readonly pool: SandboxPool,
    private readonly logs: LogStore,
  ) {}

  /** An idle, initialised environment of the current code and configuration, marked busy; idle-expired ones are shut down. */
  takeWarm(fn: FunctionState, t0: number): Environment | undefined {
    const idleMs = this.core.settings.idleMs
    let env: Environment | undefined
    for (let i = fn.envs.length - 1; i >= 0; i--) {
      const e = fn.envs[i]
      if (
        !e.busy &&
        !e.dead &&
        e.initialised &&
        e.lastUsed <= t0 &&
        e.generation === fn.generation &&
        e.sandbox?.alive
      ) {
        if (e.lastUsed + idleMs <= t0) {
          this.shutdown(e, 'idle', e.lastUsed + idleMs)
          continue
        }
        env = e
        break
      }
    }
    if (env) {
      env.busy = true
      env.sandbox!.vclock = Math.max(env.sandbox!.vclock, t0)
    }
    return env
  }

  private newEnvironment(fn: FunctionState, at: number): Environment {
    const c = fn.config
    const d = new Date(Math.floor(at))
    const date = `${d.getUTCFullYear()}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${String(d.getUTCDate()).padStart(2, '0')}`
    const logFormat = c.LoggingConfig.LogFormat
    const sys = c.LoggingConfig.SystemLogLevel ?? 'INFO'
    const env: Environment = {
      id: `env-${++this.envSeq}`,
      fn,
      generation: fn.generation,
      sandbox: undefined,
      logStreamName: `${date}/[$LATEST]${randomHex(16)}`,
      logGroupName: c.LoggingConfig.LogGroup,
      busy: true,
      initialised: false,
      dead: false,
      lastUsed: at,
      idleTask: undefined,
      invocations: 0,
      platform: logFormat === 'JSON' ? jsonPlatform(c.FunctionName) : textPlatform,
      platformOn: logFormat !== 'JSON' || sys !== 'WARN',
      cloudWatch: true,
      cpuScale: FULL_VCPU_MB / Math.min(c.MemorySize, FULL_VCPU_MB),
    }
    fn.envs.push(env)
    const logs = this.core.settings.cloudWatchLogs?.(c, env.logGroupName, env.logStreamName) ?? true
    if (logs === true) this.logs.createStream(env.logGroupName, env.logStreamName, at)
    else env.cloudWatch = false
    this.core.events.emit({
      type: 'EnvironmentCreated',
      functionName: c.FunctionName,
      environmentId: env.id,
      time: at,
      logStreamName: env.logStreamName,
      memorySize: c.MemorySize,
    })
    if (logs !== true)
      this.core.events.emit({
        type: 'LogsDenied',
        functionName: c.FunctionName,
        environmentId: env.id,
        time: at,
        logGroupName: env.logGroupName,
        logStreamName: env.logStreamName,
        reason: logs.denied,
      })
    return env
  }

  /** New environment + Init (with the suppressed re-init in the invoke phase after a failure). */
  async coldStart(fn: FunctionState, t0: number, tail: Tail | undefined, budget: HoldBudget): Promise<ColdStart> {
    const c = fn.config
    const writer = this.core.writer
    let env = this.newEnvironment(fn, t0)
    const first = await this.initEnvironment(env, t0, 'init', t0 + INIT_LIMIT_MS, tail, budget)
    if (first.ok) return { env, initDuration: first.duration, readyAt: t0 + first.duration }
    // Init failed: Lambda reports it, then retries Init inside the invoke (counted in its Duration and Timeout).
    const failedAt = t0 + first.duration
    writer.platform(
      env,
      env.platform.initReport(first.duration, 'init', first.status, first.errorType, failedAt),
      failedAt,
      tail,
    )
    this.shutdown(env, 'init-error', failedAt, first.outcome.kind === 'oom')
    env = this.newEnvironment(fn, failedAt)
    const second = await this.initEnvironment(env, failedAt, 'invoke', failedAt + c.Timeout * 1000, tail, budget)
    if (second.ok) return { env, readyAt: failedAt + second.duration }
    const endAt = failedAt + second.duration
    writer.platform(
      env,
      env.platform.initReport(second.duration, 'invoke', second.status, second.errorType, endAt),
      endAt,
      tail,
    )
    return {
      env,
      readyAt: failedAt,
      failEnd: endAt,
      failure: { outcome: second.outcome, errorType: second.errorType ?? 'Runtime.Unknown' },
    }
  }

  private async initEnvironment(
    env: Environment,
    at: number,
    phase: 'init' | 'invoke',
    deadline: number,
    tail: Tail | undefined,
    budget: HoldBudget,
  ): Promise<InitResult> {
    const { events, writer, settings } = this.core
    const fn = env.fn
    const c = fn.config
    events.emit({ type: 'InitStart', functionName: c.FunctionName, environmentId: env.id, time: at, phase })
    if (phase === 'init')
      writer.platform(env, env.platform.initStart(fn.runtime, c.FunctionName, '$LATEST', phase, at), at, tail)
    let sb: Sandbox
    try {
      sb = await this.pool.take(c.MemorySize)
    } catch (err) {
      this.onFault(err, undefined)
      const outcome: Outcome = {
        kind: 'crash',
        error: { errorType: 'Runtime.Unknown', errorMessage: 'Unknown application error occurred' },
      }
      return { ok: false, duration: 0, status: 'error', errorType: 'Runtime.Unknown', outcome }
    }
    env.sandbox = sb
    // Runtime init (starting Node.js and the runtime client) is modelled, not measured: our
    // QuickJS boot is not comparable. ~110 ms at 128 MB, ~75 ms at 1,769 MB and above.
    const runtimeMs = RUNTIME_INIT_BASE_MS + RUNTIME_INIT_CPU_MS * env.cpuScale
    events.emit({
      type: 'InitPhase',
      functionName: c.FunctionName,
      environmentId: env.id,
      time: at,
      name: 'extension',
      start: at,
      duration: 0,
    })
    events.emit({
      type: 'InitPhase',
      functionName: c.FunctionName,
      environmentId: env.id,
      time: at,
      name: 'runtime',
      start: at,
      duration: runtimeMs,
    })
    sb.cpuScale = env.cpuScale / settings.cpuSpeed
    let outcome: Outcome
    const fnStart = at + runtimeMs
    try {
      budget.resume()
      sb.setDeadline(deadline, budget.end())
      sb.configure(
        sandboxConfig(fn, env, fnStart, this.core.region, this.core.settings.credentials?.(c)),
        limitsFor(c.MemorySize),
      )
      sb.onLogs = (lines, t) => writer.write(env, lines, t, tail)
      sb.vclock = fnStart
      outcome = await this.driver.drive(env, sb, deadline, tail, budget, () => sb.init())
    } catch (err) {
      outcome = this.driver.faultOutcome(err, sb)
    } finally {
      budget.pause()
    }
    const end = outcome.kind === 'timeout' ? deadline : Math.min(sb.vclock, deadline)
    const duration = end - at
    events.emit({
      type: 'InitPhase',
      functionName: c.FunctionName,
      environmentId: env.id,
      time: fnStart,
      name: 'function',
      start: fnStart,
      duration: Math.max(0, end - fnStart),
    })
    if (outcome.kind === 'ok') {
      env.initialised = true
      events.emit({
        type: 'InitEnd',
        functionName: c.FunctionName,
        environmentId: env.id,
        time: end,
        phase,
        duration,
        status: 'success',
      })
      return { ok: true, duration }
    }
    const status = outcome.kind === 'timeout' ? 'timeout' : 'error'
    const errorType = initErrorType(outcome)
    events.emit({
      type: 'InitEnd',
      functionName: c.FunctionName,
      environmentId: env.id,
      time: end,
      phase,
      duration,
      status,
      errorType,
    })
    if (outcome.kind === 'crash') outcome = { kind: 'error', error: outcome.error }
    return { ok: false, duration, status, errorType, outcome }
  }

  shutdown(env: Environment, reason: ShutdownReason, at = this.core.clock.now(), abandon = false): void {
    const { clock, stats } = this.core
    clock.cancel(env.idleTask)
    env.idleTask = undefined
    const sb = env.sandbox
    env.sandbox = undefined
    const wasDead = env.dead
    env.dead = true
    const i = env.fn.envs.indexOf(env)
    if (i >= 0) env.fn.envs.splice(i, 1)
    if (sb) {
      if (abandon) {
        // QuickJS can leave objects referenced after an allocation failure, and freeing such a
        // runtime aborts the WebAssembly module. Drop it instead: with one module per
        // environment, the module and its memory go with it.
        sb.abandon()
        stats.abandoned++
      } else this.pool.disposeSandbox(sb)
    }
    if (!wasDead || sb)
      this.core.events.emit({
        type: 'Shutdown',
        functionName: env.fn.config.FunctionName,
        environmentId: env.id,
        time: at,
        reason,
      })
  }

  scheduleIdle(env: Environment): void {
    // One pending task per environment: when it fires it re-arms itself if the environment was
    // used since (cheaper than cancelling and re-scheduling on every invoke).
    if (env.idleTask && !env.idleTask.cancelled) return
    const { clock, settings } = this.core
    const fire = () => {
      env.idleTask = undefined
      if (env.dead) return
      const due = env.lastUsed + settings.idleMs
      if (env.busy) return // re-armed when the invoke ends
      if (due > clock.now()) {
        env.idleTask = clock.schedule(due, fire, true)
        return
      }
      this.shutdown(env, 'idle', due)
    }
    env.idleTask = clock.schedule(env.lastUsed + settings.idleMs, fire, true)
  }

  /** Shut down idle environments of an older generation now; busy ones when they finish. */
  retire(fn: FunctionState, reason: ShutdownReason): void {
    for (const env of [...fn.envs]) {
      if (!env.busy) this.shutdown(env, reason)
      else env.generation = -1
    }
  }

  /**
   * A crossing faulted. When the fault poisoned a WebAssembly module (the host's stack ran out
   * inside QuickJS, an abort), every sandbox in that module is lost: with one module per
   * environment (the default) that is only the faulting environment, whose invoke reports the
   * fault; with a shared module, the others too (idle ones are shut down now, busy ones end their
   * invoke as killed).
   */
  onFault(err: unknown, sb: Sandbox | undefined): void {
    if (!(err instanceof SandboxFault) || !err.poisoned) return
    this.core.stats.faults++
    const provider = this.core.provider
    const module = sb?.module ?? (provider.isolated ? undefined : provider.take())
    sb?.abandon()
    if (!module) return
    for (const fn of this.functions.values()) {
      for (const env of [...fn.envs]) {
        const other = env.sandbox
        if (!other || other === sb || other.module !== module) continue
        other.abandon()
        if (!env.busy) this.shutdown(env, 'crash', this.core.clock.now(), true)
      }
    }
    this.pool.abandonModule(module)
  }

  /** Shut every environment down (the service is disposed). */
  shutdownAll(): void {
    for (const fn of this.functions.values()) for (const env of [...fn.envs]) this.shutdown(env, 'delete')
  }

  /** Environments currently alive for a function (for the UI and tests). */
  describe(name: string): EnvironmentInfo[] {
    const fn = this.functions.get(name)
    if (!fn) return []
    return fn.envs
      .filter((e) => !e.dead)
      .map((e) => ({
        environmentId: e.id,
        logStreamName: e.logStreamName,
        busy: e.busy,
        invocations: e.invocations,
        lastUsed: e.lastUsed,
        heapBytes: e.sandbox?.alive && !e.busy ? e.sandbox.heapUsed() : 0,
      }))
  }
}
