/**
 * The function configuration as the learner edits it (a draft: what they typed, kept even when it
 * is not valid yet), and its validation with Lambda's own messages (src/lambda/public.ts, the engine's
 * validation, whose texts are AWS's), before anything reaches the engine. Pure (no DOM).
 */
import {
  CONSOLE_DEFAULT_RUNTIME,
  NODE_RUNTIMES,
  SUPPORTED_RUNTIMES,
  isDeprecated,
  validateEnvironment,
  validateHandler,
  validateLogging,
  validateNumbers,
  validateRuntime,
  type ApplicationLogLevel,
  type LogFormat,
  type SystemLogLevel,
} from '../lambda/public.ts'
import type { SharedConfig } from './share.ts'

export { SUPPORTED_RUNTIMES }

/** What the runtime picker offers, newest first, as the Lambda console lists Node.js runtimes. */
export const PICKER_RUNTIMES = ['nodejs24.x', 'nodejs22.x', 'nodejs20.x'] as const

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
/** `2026-04-30` → `Apr 30, 2026`, as the console and the developer guide write dates. */
function usDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number)
  return `${MONTHS[m - 1]} ${d}, ${y}`
}

/**
 * How the picker shows a runtime on `today` (YYYY-MM-DD): `Node.js 24.x`, or for a deprecated one
 * `Node.js 20.x (deprecated)` with Lambda's dates (the developer guide's "Lambda runtimes" table),
 * and `blocked` once Lambda refuses to create functions with it (the console no longer offers it
 * for a new function; the picker shows it, disabled).
 */
export function runtimeChoice(
  runtime: string,
  today: string,
): { label: string; note: string | null; blocked: boolean } {
  const label = `Node.js ${runtime.replace(/^nodejs/, '')}`
  const r = NODE_RUNTIMES[runtime]
  if (!r || !isDeprecated(runtime, today)) return { label, note: null, blocked: false }
  const { deprecated, blockCreate, blockUpdate } = r.deprecation
  const create =
    blockCreate <= today
      ? `Creating functions with it has been blocked since ${usDate(blockCreate)}`
      : `Creating functions with it is blocked from ${usDate(blockCreate)}`
  const update =
    blockUpdate <= today ? `updating them since ${usDate(blockUpdate)}` : `updating them from ${usDate(blockUpdate)}`
  return {
    label: `${label} (deprecated)`,
    note: `${label} was deprecated on ${usDate(deprecated)}: Lambda no longer applies security patches to it. ${create}, ${update}.`,
    blocked: blockCreate <= today,
  }
}

/**
 * A saved workspace or a share link whose runtime Lambda no longer lets anyone create functions
 * with (nodejs20.x from Aug 31, 2026) could never be deployed again: it moves to the console's
 * default runtime, and this says so (null when the runtime is still open). `today` is YYYY-MM-DD.
 */
export function retiredRuntimeNotice(runtime: string, today: string, where: string): string | null {
  const r = NODE_RUNTIMES[runtime]
  if (!r || r.deprecation.blockCreate > today) return null
  const from = runtimeChoice(runtime, today).label.replace(' (deprecated)', '')
  const to = runtimeChoice(CONSOLE_DEFAULT_RUNTIME, today).label
  return `${where.charAt(0).toUpperCase()}${where.slice(1)} used ${from}, which Lambda deprecated on ${usDate(r.deprecation.deprecated)} and no longer lets anyone create functions with (since ${usDate(r.deprecation.blockCreate)}), so Deploy would be refused. It now uses ${to}, the console's default; your code was kept. Test it: most handlers run unchanged.`
}

export const APPLICATION_LOG_LEVELS: readonly ApplicationLogLevel[] = [
  'TRACE',
  'DEBUG',
  'INFO',
  'WARN',
  'ERROR',
  'FATAL',
]
export const SYSTEM_LOG_LEVELS: readonly SystemLogLevel[] = ['DEBUG', 'INFO', 'WARN']
export const MEMORY_MIN = 128
export const MEMORY_MAX = 10_240
export const TIMEOUT_MIN = 1
export const TIMEOUT_MAX = 900

export interface EnvVarRow {
  key: string
  value: string
}

export interface ConfigDraft {
  handler: string
  runtime: string
  /** As typed (validated to an integer number of MB). */
  memory: string
  /** As typed (validated to an integer number of seconds). */
  timeout: string
  env: EnvVarRow[]
  logFormat: LogFormat
  /** '' = Lambda's default (INFO). Only used with the JSON log format, as on AWS. */
  appLogLevel: '' | ApplicationLogLevel
  sysLogLevel: '' | SystemLogLevel
}

export const DEFAULT_CONFIG: ConfigDraft = {
  handler: 'index.handler',
  runtime: CONSOLE_DEFAULT_RUNTIME,
  memory: '128',
  timeout: '3',
  env: [],
  logFormat: 'Text',
  appLogLevel: '',
  sysLogLevel: '',
}

/** The settings sent to createFunction / updateFunctionConfiguration. */
export interface FunctionSettingsOut {
  Runtime: string
  Handler: string
  MemorySize: number
  Timeout: number
  Environment: { Variables: Record<string, string> }
  LoggingConfig: { LogFormat: LogFormat; ApplicationLogLevel?: ApplicationLogLevel; SystemLogLevel?: SystemLogLevel }
}

export type ConfigField =
  'handler' | 'runtime' | 'memory' | 'timeout' | 'env' | 'logFormat' | 'appLogLevel' | 'sysLogLevel'

export interface ConfigCheck {
  ok: boolean
  settings?: FunctionSettingsOut
  /** One message per invalid field (Lambda's wording). */
  errors: Partial<Record<ConfigField, string>>
  /** Per environment-variable row, aligned with draft.env. */
  envRows: (string | undefined)[]
}

const FIELD_LABEL: Record<ConfigField, string> = {
  handler: 'Handler',
  runtime: 'Runtime',
  memory: 'Memory',
  timeout: 'Timeout',
  env: 'Environment variables',
  logFormat: 'Log format',
  appLogLevel: 'Application log level',
  sysLogLevel: 'System log level',
}

export function fieldLabel(f: ConfigField): string {
  return FIELD_LABEL[f]
}

function message(fn: () => void): string | undefined {
  try {
    fn()
    return undefined
  } catch (e) {
    return e instanceof Error ? e.message : String(e)
  }
}

/** "128" → 128; anything that is not a plain integer stays as text, so Lambda's message quotes it. */
function toInt(s: string): number | string {
  const t = s.trim()
  return /^-?\d{1,9}$/.test(t) ? Number(t) : t
}

/** A blank row (no key, no value) is ignored, like an empty row in the console. */
export function isBlankRow(r: EnvVarRow): boolean {
  return r.key.trim() === '' && r.value === ''
}

export function checkConfig(d: ConfigDraft): ConfigCheck {
  const errors: Partial<Record<ConfigField, string>> = {}

  const handlerErr = message(() => validateHandler(d.handler))
  if (handlerErr) errors.handler = handlerErr

  const runtimeErr = message(() => validateRuntime(d.runtime))
  if (runtimeErr) errors.runtime = runtimeErr

  const memory = toInt(d.memory)
  if (d.memory.trim() === '')
    errors.memory = `Enter a memory size from ${MEMORY_MIN} MB to ${MEMORY_MAX.toLocaleString('en-US')} MB.`
  else {
    const m = message(() => validateNumbers({ MemorySize: memory }))
    if (m) errors.memory = m
  }
  const timeout = toInt(d.timeout)
  if (d.timeout.trim() === '') errors.timeout = `Enter a timeout from ${TIMEOUT_MIN} to ${TIMEOUT_MAX} seconds.`
  else {
    const m = message(() => validateNumbers({ Timeout: timeout }))
    if (m) errors.timeout = m
  }

  // Environment variables: each row on its own (so the message sits next to it), then the set.
  const envRows: (string | undefined)[] = d.env.map(() => undefined)
  const vars: Record<string, string> = Object.create(null)
  const seen = new Map<string, number>()
  d.env.forEach((row, i) => {
    if (isBlankRow(row)) return
    const key = row.key
    const e = message(() => validateEnvironment({ [key]: row.value }))
    if (e) {
      envRows[i] = e
      return
    }
    if (seen.has(key)) {
      envRows[i] = `Duplicate key: ${key}. Each environment variable needs its own key.`
      return
    }
    seen.set(key, i)
    vars[key] = row.value
  })
  if (envRows.some(Boolean)) errors.env = 'Fix the environment variables marked below.'
  else {
    const e = message(() => validateEnvironment({ ...vars }))
    if (e) errors.env = e
  }

  if (d.logFormat !== 'Text' && d.logFormat !== 'JSON') {
    errors.logFormat = message(() => validateLogging({ LogFormat: d.logFormat })) ?? 'Choose Text or JSON.'
  } else if (d.logFormat === 'JSON') {
    const app = d.appLogLevel || undefined
    const sys = d.sysLogLevel || undefined
    const a = message(() => validateLogging({ LogFormat: 'JSON', ApplicationLogLevel: app }))
    if (a) errors.appLogLevel = a
    const s = message(() => validateLogging({ LogFormat: 'JSON', SystemLogLevel: sys }))
    if (s) errors.sysLogLevel = s
  }

  const ok = Object.keys(errors).length === 0
  if (!ok) return { ok, errors, envRows }
  const LoggingConfig: FunctionSettingsOut['LoggingConfig'] =
    d.logFormat === 'JSON'
      ? { LogFormat: 'JSON', ApplicationLogLevel: d.appLogLevel || 'INFO', SystemLogLevel: d.sysLogLevel || 'INFO' }
      : { LogFormat: 'Text' }
  return {
    ok,
    errors,
    envRows,
    settings: {
      Runtime: d.runtime,
      Handler: d.handler,
      MemorySize: memory as number,
      Timeout: timeout as number,
      Environment: { Variables: { ...vars } },
      LoggingConfig,
    },
  }
}

/** The first problem, for the Invoke button's "why not" text. */
export function firstConfigProblem(c: ConfigCheck): { field: ConfigField; message: string } | undefined {
  for (const f of Object.keys(FIELD_LABEL) as ConfigField[]) {
    const m = c.errors[f]
    if (m) return { field: f, message: m }
  }
  return undefined
}

export type { SharedConfig }

export function draftFromShared(c: Partial<SharedConfig>): ConfigDraft {
  const logFormat: LogFormat = c.LogFormat === 'JSON' ? 'JSON' : 'Text'
  const app = APPLICATION_LOG_LEVELS.includes(c.ApplicationLogLevel as ApplicationLogLevel)
    ? (c.ApplicationLogLevel as ApplicationLogLevel)
    : ''
  const sys = SYSTEM_LOG_LEVELS.includes(c.SystemLogLevel as SystemLogLevel) ? (c.SystemLogLevel as SystemLogLevel) : ''
  return {
    handler: typeof c.Handler === 'string' ? c.Handler : DEFAULT_CONFIG.handler,
    runtime: typeof c.Runtime === 'string' ? c.Runtime : DEFAULT_CONFIG.runtime,
    memory: typeof c.MemorySize === 'number' ? String(c.MemorySize) : DEFAULT_CONFIG.memory,
    timeout: typeof c.Timeout === 'number' ? String(c.Timeout) : DEFAULT_CONFIG.timeout,
    env: c.Environment ? Object.entries(c.Environment).map(([key, value]) => ({ key, value: String(value) })) : [],
    logFormat,
    appLogLevel: logFormat === 'JSON' ? app : '',
    sysLogLevel: logFormat === 'JSON' ? sys : '',
  }
}

export function sharedFromSettings(s: FunctionSettingsOut): SharedConfig {
  const out: SharedConfig = { Handler: s.Handler, Runtime: s.Runtime, MemorySize: s.MemorySize, Timeout: s.Timeout }
  if (Object.keys(s.Environment.Variables).length) out.Environment = { ...s.Environment.Variables }
  if (s.LoggingConfig.LogFormat === 'JSON') {
    out.LogFormat = 'JSON'
    if (s.LoggingConfig.ApplicationLogLevel) out.ApplicationLogLevel = s.LoggingConfig.ApplicationLogLevel
    if (s.LoggingConfig.SystemLogLevel) out.SystemLogLevel = s.LoggingConfig.SystemLogLevel
  }
  return out
}
