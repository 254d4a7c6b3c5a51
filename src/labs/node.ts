// Loading labs from disk in Node (content validation, tests, scripts). The browser uses
// registry.ts (Vite globs) over the same files.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Account } from '../aws/index.ts'
import type { LambdaOptions } from '../lambda/index.ts'
import type { InvokeAnswer, InvokeQuestion, LabDefinition, LabEngine, LoadedLab } from './types.ts'
import { validateLabDefinition } from './validate.ts'

/** Folder names under content/labs/ that hold a lab.ts, sorted. */
export function listLabIds(labsDir: string): string[] {
  if (!existsSync(labsDir)) return []
  return readdirSync(labsDir)
    .filter((name) => existsSync(path.join(labsDir, name, 'lab.ts')))
    .sort()
}

/** Every file under `dir`, keyed by its path relative to `dir` with forward slashes. */
export function readFileTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  if (!existsSync(dir)) return out
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const abs = path.join(d, name)
      if (statSync(abs).isDirectory()) walk(abs)
      else out[path.relative(dir, abs).split(path.sep).join('/')] = readFileSync(abs, 'utf8')
    }
  }
  walk(dir)
  return out
}

export type LoadLabResult = { ok: true; loaded: LoadedLab } | { ok: false; problems: string[] }

/** Import content/labs/<id>/lab.ts and read its starter/ and solution/ files. */
export async function loadLabFromDisk(labsDir: string, id: string): Promise<LoadLabResult> {
  const dir = path.join(labsDir, id)
  let mod: { default?: unknown }
  try {
    mod = (await import(pathToFileURL(path.join(dir, 'lab.ts')).href)) as { default?: unknown }
  } catch (err) {
    const e = err as Error
    return { ok: false, problems: [`lab.ts does not load: ${e.name}: ${e.message.split('\n')[0]}`] }
  }
  const problems = validateLabDefinition(mod.default, id)
  if (problems.length) return { ok: false, problems }
  return {
    ok: true,
    loaded: {
      lab: mod.default as LabDefinition,
      starter: readFileTree(path.join(dir, 'starter')),
      solution: readFileTree(path.join(dir, 'solution')),
    },
  }
}

/** A lab engine in Node: a Lambda engine inside a simulated account (as the Worker's instances are). */
export interface NodeLabEngine extends LabEngine {
  send(service: string, operation: string, input?: unknown): Promise<Record<string, unknown>>
  mayInvoke(q: InvokeQuestion): InvokeAnswer
  readonly account: Account
  dispose(): void
}

/**
 * What the Worker gives the lab checks, in Node: an account (IAM, DynamoDB, S3…) with the engine
 * attached and the account's network, so handlers' SDK calls reach it. CreateFunction and
 * UpdateFunctionConfiguration go through the gateway as the admin (Role checks, the default role),
 * as they do in the Worker.
 */
export async function createLabEngine(options: LambdaOptions = {}): Promise<NodeLabEngine> {
  const aws = await import('../aws/index.ts')
  const account = await aws.createAccount()
  const network = aws.createNetwork({ account })
  const { engine, lambda } = await aws.attachLambda(account, { prewarm: 0, network, ...options })
  const viaGateway = async <T>(operation: string, input: unknown): Promise<T> => {
    const { $metadata: _m, ...out } = await account.send('lambda', operation, input)
    return out as T
  }
  return {
    account,
    createFunction: (req) => viaGateway('CreateFunction', req),
    updateFunctionConfiguration: (req) => viaGateway('UpdateFunctionConfiguration', req),
    updateFunctionCode: (req) => engine.updateFunctionCode(req),
    deleteFunction: (req) => engine.deleteFunction(req),
    invoke: (req) => engine.invoke(req),
    filterLogEvents: (req) => engine.filterLogEvents(req),
    describeEnvironments: (name) => engine.describeEnvironments(name),
    clock: engine.clock,
    send: (service, operation, input = {}) => account.send(service, operation, input),
    mayInvoke(q) {
      const r = lambda.mayInvoke(q)
      return {
        allowed: r.allowed,
        ...(r.error ? { error: { name: r.error.name, message: r.error.message } } : {}),
        explanation: r.explanation,
      }
    },
    dispose: () => engine.dispose(),
  }
}
