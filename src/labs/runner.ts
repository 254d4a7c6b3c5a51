// The check runner: deploys the learner's files as a fresh function for each check, runs the
// checks in order, and reports every one (a failure never stops the others).
//
//   const { pass, results } = await runLabChecks(lab, files, lambda)   // lambda: createLambda() or a LambdaClient
//
// Each check gets its own function, created from the files and the lab's settings and deleted
// afterwards, so checks cannot disturb one another: every check starts cold, with an empty /tmp
// and untouched configuration. It has the learner's own function's name (the playground's), one
// check after another, so handler code cannot tell a check from its own run; its logs are the
// streams it wrote, not those an earlier function of the same name left in the log group. Nothing can hang it: invokes are bounded by
// the engine (function timeouts, its wall-clock cap for busy loops, and the Worker watchdog in
// the browser), and each check by a wall-clock cap of its own (setTimeout, so Node and browser).
import { createExpect, show } from './expect.ts'
import { decodeLogResult, parseLogEvents, parseTail } from './logs.ts'
import { validateLabDefinition } from './validate.ts'
import type { AccountContext } from '../shared/account-setup.ts'
import { accountHandle, joinAccount, prepareRunAccount, type RunAccount } from './run-account.ts'
import {
  CheckFailed,
  isCheckFailed,
  type CheckResult,
  type EnvironmentInfo,
  type FunctionErrorPayload,
  type LabDefinition,
  type LabEngine,
  type InvokeAnswer,
  type LabFunctionConfig,
  type LabFunctionHandle,
  type LabInvokeResult,
  type LabLogEvent,
  type LabRunResult,
  type LabTestContext,
  type RunLabOptions,
} from './types.ts'

export const DEFAULT_CHECK_TIMEOUT_MS = 10_000

function randomSuffix(): string {
  const a = new Uint8Array(2)
  crypto.getRandomValues(a)
  return Array.from(a, (b) => b.toString(16).padStart(2, '0')).join('')
}

function errorName(err: unknown): string {
  if (err && typeof err === 'object') {
    const e = err as { name?: unknown; message?: unknown }
    const name = typeof e.name === 'string' ? e.name : 'Error'
    return typeof e.message === 'string' && e.message ? `${name}: ${e.message}` : name
  }
  return String(err)
}

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now()
}

/** The function settings for CreateFunction (the log group is always the function's own). */
export function createRequest(name: string, files: Record<string, string>, config: LabFunctionConfig, role?: string) {
  const { LoggingConfig, ...rest } = config
  let logging = {}
  if (LoggingConfig) {
    const { LogGroup: _ignored, ...own } = LoggingConfig as typeof LoggingConfig & { LogGroup?: string }
    logging = { LoggingConfig: own }
  }
  return {
    ...structuredClone(rest),
    ...structuredClone(logging),
    ...(role ? { Role: role } : {}),
    FunctionName: name,
    Code: { Files: { ...files } },
  }
}

function parsePayload(raw: string): unknown {
  if (raw === '') return undefined
  try {
    return JSON.parse(raw)
  } catch {
    return undefined
  }
}

/**
 * The service itself failed (the Worker was restarted by its watchdog, the client was disposed),
 * rather than the learner's code or the check. Other AWS exceptions (ValidationException…) are
 * requests the check got wrong: they count as the check crashing.
 */
function isServiceError(err: unknown): boolean {
  return (err as { name?: unknown } | null)?.name === 'ServiceException'
}

class Closed extends Error {}

/** Runs one check's functions; `closed` makes late calls from a timed-out check fail fast. */
class CheckScope {
  readonly created: string[] = []
  closed = false
  /** The account context of the check's main function (labs with `account`). */
  context?: AccountContext
  private seq = 0
  constructor(
    readonly engine: LabEngine,
    readonly baseName: string,
    readonly account?: RunAccount,
  ) {}

  assertOpen(): void {
    if (this.closed) throw new Closed('This check has already finished.')
  }

  nextName(): string {
    return this.seq++ === 0 ? this.baseName : `${this.baseName}-p${this.seq - 1}`
  }

  async create(files: Record<string, string>, config: LabFunctionConfig): Promise<LabFunctionHandle> {
    this.assertOpen()
    let name = this.nextName()
    let before: Set<string>
    for (let attempt = 0; ; attempt++) {
      before = await this.streamsOf(name)
      try {
        await this.engine.createFunction(createRequest(name, files, config, this.account?.roleArn))
        break
      } catch (err) {
        // A left-over function of the same name (another tab's run, a restored Worker): pick another name.
        if ((err as { name?: unknown })?.name === 'ResourceConflictException' && attempt < 3) {
          name = `${name}-${randomSuffix()}`
          continue
        }
        throw err
      }
    }
    this.created.push(name)
    if (this.account) {
      const ctx = await joinAccount(this.account, name, files)
      this.context ??= ctx
    }
    return this.handle(name, before)
  }

  /** The log streams already in a function's log group (left by an earlier function of that name). */
  private async streamsOf(name: string): Promise<Set<string>> {
    try {
      const out = await this.engine.filterLogEvents({ logGroupName: `/aws/lambda/${name}`, limit: 1 })
      return new Set(out.searchedLogStreams.map((s) => s.logStreamName))
    } catch {
      return new Set() // no log group yet
    }
  }

  private handle(name: string, before: Set<string>): LabFunctionHandle {
    const engine = this.engine
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the handle's closures outlive this call
    const scope = this
    const logGroupName = `/aws/lambda/${name}`
    const logs = async (): Promise<LabLogEvent[]> => {
      scope.assertOpen()
      try {
        const out = await engine.filterLogEvents({ logGroupName })
        return out.events
          .filter((e) => !before.has(e.logStreamName))
          .map((e) => ({
            timestamp: e.timestamp,
            message: e.message,
            logStreamName: e.logStreamName,
            ...(e.platform === true ? { platform: true } : {}),
          }))
      } catch (err) {
        // No log group yet: the function has not run.
        if ((err as { name?: unknown })?.name === 'ResourceNotFoundException') return []
        throw err
      }
    }
    return {
      functionName: name,
      async invoke(payload: unknown = {}, opts = {}): Promise<LabInvokeResult> {
        scope.assertOpen()
        const type = opts.InvocationType ?? 'RequestResponse'
        const text = JSON.stringify(payload === undefined ? {} : payload)
        const out = await engine.invoke({
          FunctionName: name,
          Payload: text,
          InvocationType: type,
          LogType: type === 'RequestResponse' ? 'Tail' : 'None',
        })
        const parsed = parsePayload(out.Payload)
        let error: FunctionErrorPayload | undefined
        if (out.FunctionError && parsed && typeof parsed === 'object') {
          const p = parsed as Record<string, unknown>
          error = {
            errorType: typeof p.errorType === 'string' ? p.errorType : 'Unknown',
            errorMessage: typeof p.errorMessage === 'string' ? p.errorMessage : show(p.errorMessage),
            ...(Array.isArray(p.trace) ? { trace: p.trace.map(String) } : {}),
          }
        }
        const m = out.$metadata
        const tail = decodeLogResult(out.LogResult)
        return {
          statusCode: out.StatusCode,
          payload: parsed,
          rawPayload: out.Payload,
          ...(out.FunctionError ? { functionError: out.FunctionError } : {}),
          ...(error ? { error } : {}),
          timedOut: error?.errorType === 'Sandbox.Timedout',
          logs: tail,
          logLines: parseTail(tail, m?.tailPlatformLines),
          requestId: m?.requestId ?? '',
          coldStart: m?.coldStart ?? false,
          durationMs: m?.durationMs ?? 0,
          billedDurationMs: m?.billedDurationMs ?? 0,
          ...(m?.initDurationMs !== undefined ? { initDurationMs: m.initDurationMs } : {}),
          environmentId: m?.environmentId ?? '',
        }
      },
      logs,
      async parsedLogs() {
        return parseLogEvents(await logs())
      },
      async updateConfiguration(patch) {
        scope.assertOpen()
        await engine.updateFunctionConfiguration({ ...structuredClone(patch), FunctionName: name })
      },
      async environments(): Promise<EnvironmentInfo[]> {
        scope.assertOpen()
        return await engine.describeEnvironments(name)
      },
    }
  }

  /** Delete every function of the check (best effort: a function may already be gone). */
  async cleanup(): Promise<void> {
    this.closed = true
    for (const name of this.created.splice(0)) {
      try {
        // In an account, through its gateway: the function's resource-based policy goes with it.
        if (this.account) await this.account.send('lambda', 'DeleteFunction', { FunctionName: name })
        else await this.engine.deleteFunction({ FunctionName: name })
      } catch {
        /* already gone (e.g. the Worker was replaced) */
      }
    }
  }
}

function withTimeout<T>(
  promise: Promise<T>,
  ms: number,
): Promise<{ ok: true; value: T } | { ok: false; error: unknown } | { timeout: true }> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ timeout: true }), ms)
    promise.then(
      (value) => {
        clearTimeout(timer)
        resolve({ ok: true, value })
      },
      (error) => {
        clearTimeout(timer)
        resolve({ ok: false, error })
      },
    )
  })
}

/**
 * Run every check of `lab` against `files` (already built: TypeScript transpiled) on `engine`.
 * Never throws for anything a check or the learner's code does; each check's result says why.
 */
export async function runLabChecks(
  lab: LabDefinition,
  files: Record<string, string>,
  engine: LabEngine,
  opts: RunLabOptions = {},
): Promise<LabRunResult> {
  const started = now()
  // A definition that did not come through loadLab (or was edited by hand) must not crash the UI.
  const invalid = validateLabDefinition(lab, (lab as { id?: unknown } | null)?.id as string)
  if (invalid.length) {
    const r: CheckResult = {
      name: 'The lab itself',
      pass: false,
      outcome: 'crashed',
      message: `This lab cannot be checked: ${invalid[0]}.`,
      wallMs: 0,
    }
    return { pass: false, results: [r], wallMs: Math.round(now() - started) }
  }
  let account: RunAccount | undefined
  if (lab.account) {
    const failure = (message: string): LabRunResult => ({
      pass: false,
      results: [{ name: 'The lab itself', pass: false, outcome: 'crashed', message, wallMs: 0 }],
      wallMs: Math.round(now() - started),
    })
    const prepared = await prepareRunAccount(lab.account, engine)
    if (!prepared.ok) return failure(prepared.message)
    account = prepared.account
  }
  const cap = opts.checkTimeoutMs ?? DEFAULT_CHECK_TIMEOUT_MS
  const baseName = (opts.functionName ?? `lab-${lab.id}`).slice(0, 56)
  const results: CheckResult[] = []
  const frozenFiles = Object.freeze({ ...files })

  for (let i = 0; i < lab.checks.length; i++) {
    const check = lab.checks[i]
    const name = check.name
    if (opts.signal?.aborted) {
      const r: CheckResult = {
        name,
        pass: false,
        outcome: 'skipped',
        message: 'Not run: the check run was cancelled.',
        wallMs: 0,
      }
      results.push(r)
      opts.onCheckResult?.(r, i)
      continue
    }
    opts.onCheckStart?.(name, i)
    const t0 = now()
    const scope = new CheckScope(engine, baseName, account)
    const body = (async () => {
      let main: LabFunctionHandle
      try {
        main = await scope.create(frozenFiles, lab.function)
      } catch (err) {
        // Closed: the check timed out; CheckFailed: the learner's account files were refused.
        if (err instanceof Closed || isCheckFailed(err)) throw err
        throw new CheckFailed(
          'The simulator could not create your function from these files, so this check could not run.',
          errorName(err),
        )
      }
      const aws = accountHandle(account, scope.context, () => scope.assertOpen())
      const ctx: LabTestContext = {
        ...main,
        ...(aws ? { aws } : {}),
        async mayInvoke(q) {
          scope.assertOpen()
          const functionArn = q.functionArn ?? scope.context?.functionArn
          if (!engine.mayInvoke || !functionArn)
            throw new Error('t.mayInvoke needs a lab with an account and an engine that can answer it')
          const answer: InvokeAnswer = await engine.mayInvoke({ ...q, functionArn })
          return answer
        },
        lab,
        files: frozenFiles,
        lambda: engine,
        event(eventName: string) {
          const e = lab.events.find((x) => x.name === eventName)
          if (!e) throw new Error(`The lab has no event named "${eventName}"`)
          return structuredClone(e.payload)
        },
        async advance(ms: number) {
          scope.assertOpen()
          await engine.clock.advance(ms)
        },
        async settle() {
          scope.assertOpen()
          await engine.clock.runUntilIdle()
        },
        async deploy(o = {}) {
          return scope.create({ ...frozenFiles, ...(o.files ?? {}) }, { ...lab.function, ...(o.config ?? {}) })
        },
        fail(message: string, detail?: string): never {
          throw new CheckFailed(message, detail)
        },
        expect: createExpect(),
      }
      await check.run(ctx)
    })()
    const settled = await withTimeout(body, cap)
    let result: CheckResult
    const wallMs = () => Math.round(now() - t0)
    if ('timeout' in settled) {
      // The check is abandoned; late calls it makes fail fast (scope closed) and are swallowed.
      body.catch(() => {})
      result = {
        name,
        pass: false,
        outcome: 'timeout',
        message: `This check did not finish within ${cap >= 1000 ? `${Math.round(cap / 100) / 10} seconds` : `${cap} ms`} of real time, so it was stopped. If your code loops or waits forever, fix that and run the checks again.`,
        wallMs: 0,
      }
    } else if (settled.ok) {
      result = { name, pass: true, outcome: 'passed', message: '', wallMs: 0 }
    } else if (isCheckFailed(settled.error)) {
      const e = settled.error as CheckFailed
      result = {
        name,
        pass: false,
        outcome: 'failed',
        message: e.message,
        ...(e.detail ? { detail: e.detail } : {}),
        wallMs: 0,
      }
    } else if (isServiceError(settled.error)) {
      result = {
        name,
        pass: false,
        outcome: 'crashed',
        message: `The simulated Lambda service reported an error during this check (${errorName(settled.error)}). Run the checks again; if it keeps happening, reload the page.`,
        wallMs: 0,
      }
    } else {
      result = {
        name,
        pass: false,
        outcome: 'crashed',
        message: `The check itself crashed (${errorName(settled.error)}). This usually means your function returned something the check did not expect: look at what it returns in the playground. If your code looks right, the lab has a bug.`,
        wallMs: 0,
      }
    }
    await scope.cleanup()
    result.wallMs = wallMs()
    results.push(result)
    opts.onCheckResult?.(result, i)
  }
  return { pass: results.length > 0 && results.every((r) => r.pass), results, wallMs: Math.round(now() - started) }
}
