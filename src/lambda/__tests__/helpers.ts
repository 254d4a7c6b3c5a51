// Shared helpers for the engine's tests.
import { CONSOLE_DEFAULT_RUNTIME } from '../runtime/node-runtime.ts'
import {
  VirtualClock,
  createLambda,
  type CreateFunctionRequest,
  type InvokeResponse,
  type Lambda,
  type LambdaOptions,
} from '../index.ts'

let seq = 0

/**
 * The real-time budget of one invoke (its Init included) is generous here: on a loaded CI machine
 * an ordinary cold start must never run out of it. Tests of the budget itself set their own.
 */
export async function newLambda(options: LambdaOptions = {}): Promise<Lambda> {
  return createLambda({ wallClockCapMs: 10_000, prewarm: 0, ...options })
}

/**
 * A day on which nodejs20.x functions could still be created (Lambda blocks creating them from
 * Aug 31, 2026, updating them from Sep 30, 2026: src/lambda/runtime/node-runtime.ts). Tests of
 * nodejs20.x's own behaviour (compared with the host's Node 20) run on this date, so they never
 * break as the real date moves on.
 */
export const NODE20_DAY = Date.parse('2026-08-01T00:00:00Z')

const node20Engines = new WeakSet<Lambda>()

/**
 * An engine whose clock starts on NODE20_DAY, where `deploy` defaults to nodejs20.x: for tests
 * of that runtime's behaviour. Every other test uses newLambda (the console's default runtime).
 */
export async function newLambda20(options: LambdaOptions = {}): Promise<Lambda> {
  const lambda = await newLambda({ clock: new VirtualClock({ start: NODE20_DAY }), ...options })
  node20Engines.add(lambda)
  return lambda
}

/** Create a function with a unique name; `files` may be one source (index.mjs) or a file map. */
export async function deploy(
  lambda: Lambda,
  files: string | Record<string, string>,
  config: Partial<Omit<CreateFunctionRequest, 'Code'>> = {},
): Promise<string> {
  const name = config.FunctionName ?? `fn-${++seq}`
  await lambda.createFunction({
    Runtime: node20Engines.has(lambda) ? 'nodejs20.x' : CONSOLE_DEFAULT_RUNTIME,
    Handler: 'index.handler',
    ...config,
    FunctionName: name,
    Code: { Files: typeof files === 'string' ? { 'index.mjs': files } : files },
  })
  return name
}

export async function call(
  lambda: Lambda,
  name: string,
  event: unknown = {},
): Promise<InvokeResponse & { json: any; log: string[] }> {
  const out = await lambda.invoke({ FunctionName: name, Payload: JSON.stringify(event), LogType: 'Tail' })
  const log = atobUtf8(out.LogResult ?? '')
    .split('\n')
    .filter((l) => l !== '')
  let json: unknown
  try {
    json = JSON.parse(out.Payload)
  } catch {
    json = undefined
  }
  return Object.assign(out, { json, log })
}

export function atobUtf8(b64: string): string {
  return Buffer.from(b64, 'base64').toString('utf8')
}

/** Lines of the tail that the function itself wrote (not START/END/REPORT/INIT_*). */
export function appLines(log: string[]): string[] {
  return log.filter((l) => !/^(START|END|REPORT|INIT_START|INIT_REPORT) /.test(l))
}

/** The message part of a text-format application log line. */
export function messageOf(line: string): string {
  return line.split('\t').slice(3).join('\t')
}
