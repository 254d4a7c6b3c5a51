// The data plane: Invoke's request checks, then one invocation: a warm environment or a cold
// start, the handler run to its outcome, the response and platform lines, and the environment's
// fate afterwards.
import { invalidContent, invalidParameter, tooLarge } from '../errors.ts'
import type { InvokeRequest, InvokeResponse, ShutdownReason } from '../types.ts'
import { sdkPackagesNamedIn } from '../sdk/packages.ts'
import { HoldBudget } from './budget.ts'
import { DEEP_PAYLOAD_DEPTH, MAX_PAYLOAD_DEPTH, jsonDepth, nestingMessage } from './json-depth.ts'
import type { PhaseDriver } from './drive.ts'
import type { Environments } from './environments.ts'
import {
  ASYNC_PAYLOAD_LIMIT,
  BASELINE_MEMORY_MB,
  INVOKE_OVERHEAD_CPU_MS,
  LOG_TAIL_BYTES,
  SYNC_PAYLOAD_LIMIT,
} from './limits.ts'
import { base64Utf8Tail, endInvoke, resetsEnvironment, type Outcome } from './outcome.ts'
import type { FunctionRegistry } from './registry.ts'
import { Tail, type Environment, type FunctionState, type ServiceCore } from './state.ts'

/** Jackson-like message for a payload that is not JSON, as Lambda's front end reports it. */
function jsonParseMessage(payload: string): string {
  const token = (payload.trim().match(/^[^\s{}[\],:"]+/) ?? [payload.trim().slice(0, 1)])[0]
  return (
    `Could not parse request body into json: Could not parse payload into json: Unrecognized token '${token}': was expecting ` +
    `(JSON String, Number, Array, Object or token 'null', 'true' or 'false')`
  )
}

function emptyMeta(): InvokeResponse['$metadata'] {
  return { requestId: '', coldStart: false, durationMs: 0, billedDurationMs: 0, maxMemoryUsedMB: 0, environmentId: '' }
}

export class Invoker {
  constructor(
    private readonly core: ServiceCore,
    private readonly registry: FunctionRegistry,
    private readonly environments: Environments,
    private readonly driver: PhaseDriver,
  ) {}

  async invoke(req: InvokeRequest): Promise<InvokeResponse> {
    const { clock, provider } = this.core
    if (this.core.disposed) throw new Error('lambda disposed')
    const { fn } = this.registry.resolve(req?.FunctionName, req?.Qualifier)
    const type = req.InvocationType ?? 'RequestResponse'
    if (type !== 'RequestResponse' && type !== 'Event' && type !== 'DryRun') {
      throw invalidParameter(
        `1 validation error detected: Value '${String(type)}' at 'invocationType' failed to satisfy constraint: Member must satisfy enum value set: [Event, RequestResponse, DryRun]`,
      )
    }
    const payload = req.Payload === undefined || req.Payload === '' ? '{}' : req.Payload
    if (typeof payload !== 'string')
      throw invalidContent('Could not parse request body into json: payload must be a JSON string')
    const limit = type === 'Event' ? ASYNC_PAYLOAD_LIMIT : SYNC_PAYLOAD_LIMIT
    const size = payload.length * 3 > limit ? new TextEncoder().encode(payload).length : payload.length
    if (size > limit) throw tooLarge(`Request must be smaller than ${limit} bytes for the InvokeFunction operation`)
    try {
      JSON.parse(payload)
    } catch {
      throw invalidContent(jsonParseMessage(payload))
    }
    // [[[[ … needs two characters a level: shorter payloads cannot be deep.
    const depth = payload.length > 2 * DEEP_PAYLOAD_DEPTH ? jsonDepth(payload, MAX_PAYLOAD_DEPTH) : 0
    if (depth > MAX_PAYLOAD_DEPTH) throw invalidContent(nestingMessage(MAX_PAYLOAD_DEPTH + 1))
    const deep = depth > DEEP_PAYLOAD_DEPTH
    let clientContext: unknown
    if (req.ClientContext !== undefined) {
      try {
        clientContext = JSON.parse(atob(req.ClientContext))
      } catch {
        throw invalidContent('Client context must be a valid Base64-encoded JSON object.')
      }
    }
    await provider.ready()
    if (type === 'DryRun') return { StatusCode: 204, Payload: '', $metadata: emptyMeta() }
    if (type === 'Event') {
      const requestId = crypto.randomUUID()
      clock.schedule(clock.now(), () => {
        clock.track(this.run(fn, payload, deep, false, clientContext, requestId).catch(() => {}))
      })
      return { StatusCode: 202, Payload: '', $metadata: { ...emptyMeta(), requestId } }
    }
    // Requests issued together arrive at the same virtual instant: take the arrival time now and
    // start after the current tick, so that concurrent invokes find each other's environments busy.
    const arrival = clock.now()
    await undefined
    return await this.run(fn, payload, deep, req.LogType === 'Tail', clientContext, crypto.randomUUID(), arrival)
  }

  private async run(
    fn: FunctionState,
    payload: string,
    /** Nested too deeply for QuickJS's recursive JSON.parse (see json-depth.ts). */
    deep: boolean,
    wantTail: boolean,
    clientContext: unknown,
    requestId = crypto.randomUUID(),
    arrival = this.core.clock.now(),
  ): Promise<InvokeResponse> {
    const { clock, events, writer, settings } = this.core
    const c = fn.config
    const t0 = arrival
    const tail = wantTail ? new Tail(LOG_TAIL_BYTES) : undefined
    const budget = new HoldBudget(settings.wallCap)
    // A warm environment: idle, initialised, current code and configuration.
    let env: Environment | undefined = this.environments.takeWarm(fn, t0)
    let coldStart = false
    let initDuration: number | undefined
    let startAt = t0
    let initFailure: { outcome: Outcome; errorType: string } | undefined
    let failEnd: number | undefined
    if (!env) {
      coldStart = true
      // Init shares the invoke's budget, unless it loads the AWS SDK, whose evaluation alone can
      // take seconds in a slow browser: then it has a budget of its own (as Lambda's Init limit is
      // apart from the Timeout).
      const initBudget = sdkPackagesNamedIn(fn.files).length > 0 ? new HoldBudget(settings.initWallCap) : budget
      const res = await this.environments.coldStart(fn, t0, tail, initBudget)
      env = res.env
      initDuration = res.initDuration
      startAt = res.readyAt
      initFailure = res.failure
      failEnd = res.failEnd
    }
    const sb = env.sandbox
    const deadline = startAt + c.Timeout * 1000
    if (events.listening)
      events.emit({
        type: 'InvokeStart',
        functionName: c.FunctionName,
        environmentId: env.id,
        time: startAt,
        requestId,
        coldStart,
      })

    let outcome: Outcome
    let endAt: number
    if (initFailure || !sb) {
      outcome = initFailure?.outcome ?? {
        kind: 'crash',
        error: { errorType: 'Runtime.Unknown', errorMessage: 'Unknown application error occurred' },
      }
      endAt = failEnd ?? startAt
      writer.platform(env, env.platform.start(requestId, '$LATEST', c.FunctionArn, startAt), startAt, tail)
    } else {
      writer.platform(env, env.platform.start(requestId, '$LATEST', c.FunctionArn, startAt), startAt, tail)
      sb.vclock = Math.max(sb.vclock, startAt)
      sb.cpuScale = env.cpuScale / settings.cpuSpeed
      const meta = `${requestId}\t${deadline}\t${c.FunctionArn}\t${clientContext === undefined ? '' : JSON.stringify(clientContext)}\t${deep ? '1' : ''}`
      sb.vclock += INVOKE_OVERHEAD_CPU_MS * env.cpuScale
      env.requestId = requestId
      const driven = this.driver.drive(env, sb, deadline, tail, budget, () => sb.start(payload, meta))
      outcome = driven instanceof Promise ? await driven : driven
      env.requestId = undefined
      endAt = outcome.kind === 'timeout' ? deadline : sb.vclock
      if (outcome.kind === 'timeout') sb.vclock = deadline
    }

    // Response and platform lines.
    let memUsed = BASELINE_MEMORY_MB
    if (sb && sb.alive) {
      try {
        memUsed = Math.min(c.MemorySize, BASELINE_MEMORY_MB + Math.ceil(sb.sampleHeap() / 1048576))
      } catch {
        /* measured best effort */
      }
    }
    const r = endInvoke({
      outcome,
      requestId,
      timeout: c.Timeout,
      memorySizeMB: c.MemorySize,
      measuredMemoryMB: memUsed,
      initErrorType: initFailure?.errorType,
      initDurationMs: initDuration,
      logFormat: c.LoggingConfig.LogFormat,
      platform: env.platform,
      startAt,
      endAt,
    })
    if (r.platformLine !== undefined) writer.platform(env, r.platformLine, endAt, tail)
    if (r.appLine !== undefined) writer.write(env, [r.appLine], endAt, tail)
    writer.platform(env, r.end, endAt, tail)
    writer.platform(env, r.report, endAt, tail)
    if (events.listening) {
      events.emit({
        type: 'InvokeEnd',
        functionName: c.FunctionName,
        environmentId: env.id,
        time: endAt,
        requestId,
        coldStart,
        duration: r.durationMs,
        billedDuration: r.billedDurationMs,
        initDuration,
        maxMemoryUsedMB: r.maxMemoryUsedMB,
        status: r.status,
        errorType: r.errorType,
      })
    }

    // Lifecycle after the invoke.
    env.busy = false
    env.lastUsed = endAt
    env.invocations++
    if (resetsEnvironment(outcome) || !!initFailure || !env.sandbox) {
      const reason: ShutdownReason =
        outcome.kind === 'timeout' ? 'timeout' : outcome.kind === 'oom' ? 'oom' : initFailure ? 'init-error' : 'crash'
      this.environments.shutdown(env, reason, endAt, outcome.kind === 'oom')
    } else if (env.generation !== fn.generation || !this.registry.functions.has(c.FunctionName)) {
      this.environments.shutdown(env, env.generation === -1 ? 'code-update' : 'config-update', endAt)
    } else {
      this.environments.scheduleIdle(env)
    }
    clock.bump(endAt)
    // The caller receives the response at endAt, not before: when other work was due earlier
    // (concurrent invocations' timers), bump() could not move the clock yet, so wait for it.
    // Otherwise an invoke issued right after this one returns would arrive "before" it ended,
    // find its environment still busy, and cold-start a new one.
    if (clock.auto && clock.now() < endAt) await clock.waitUntil(endAt)

    const out: InvokeResponse = {
      StatusCode: 200,
      Payload: r.body,
      ExecutedVersion: '$LATEST',
      $metadata: {
        requestId,
        coldStart,
        durationMs: r.durationMs,
        billedDurationMs: r.billedDurationMs,
        ...(initDuration !== undefined ? { initDurationMs: initDuration } : {}),
        maxMemoryUsedMB: r.maxMemoryUsedMB,
        environmentId: env.id,
        report: r.reportData,
      },
    }
    if (r.functionError) out.FunctionError = 'Unhandled'
    if (tail) {
      out.LogResult = base64Utf8Tail(tail.text(), LOG_TAIL_BYTES)
      out.$metadata.tailPlatformLines = tail.platformLinesFromEnd()
    }
    return out
  }
}
