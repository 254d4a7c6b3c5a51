/**
 * The persisted playground record: workspaces keyed by id (`playground:default`, `lab:<lab-id>`,
 * `share:<n>` …), each with its files, active file, configuration draft, selected event and saved
 * events; its version and migrations; and validation on load that keeps every valid part and resets
 * only the bad ones (like src/course/progress-schema.ts). Saved test events follow the Lambda console's
 * rules (src/lambda/console.ts: 10 per function, its name rule). Pure functions (no DOM, no React).
 */
import {
  APPLICATION_LOG_LEVELS,
  DEFAULT_CONFIG,
  SYSTEM_LOG_LEVELS,
  retiredRuntimeNotice,
  type ConfigDraft,
  type EnvVarRow,
} from './config.ts'
import { CONSOLE_DEFAULT_RUNTIME, EVENT_NAME_RE, MAX_SAVED_EVENTS } from '../lambda/public.ts'
import { isRecord } from '../shared/is-record.ts'
import { sanitizeSavedAccount, type SavedAccount } from './account/persist-schema.ts'

/** 2: the learner's simulated AWS account is saved with the playground (`account`). */
export const PLAYGROUND_VERSION = 2
export const MAX_WORKSPACES = 60
export const MAX_FILES = 30
export const MAX_FILE_CHARS = 512_000
export const MAX_WORKSPACE_CODE_CHARS = 1_000_000
export const MAX_EVENT_CHARS = 1_000_000
export const MAX_ENV_ROWS = 50
const MAX_PATH = 200

export const DEFAULT_WORKSPACE_ID = 'playground:default'

export type EventSource =
  | { kind: 'hello-world' }
  | { kind: 'sample'; service: string; event: string }
  | { kind: 'saved'; name: string }
  | { kind: 'shared' }
  | { kind: 'custom' }

export interface SavedEvent {
  name: string
  text: string
}

export interface Workspace {
  files: Record<string, string>
  activeFile: string
  config: ConfigDraft
  /** The test event as the learner wrote it (JSON text, possibly invalid while they type). */
  eventText: string
  /** Where the current event text came from (for the picker). */
  eventSource: EventSource
  savedEvents: SavedEvent[]
  /** ISO time of the last change. */
  updatedAt: string
}

export interface PlaygroundData {
  workspaces: Record<string, Workspace>
  /** The learner's simulated AWS account, one for every workspace (account/persist-schema.ts). */
  account?: SavedAccount
}

export const STARTER_FILES: Record<string, string> = {
  'index.mjs': `// Lambda calls this handler with the test event and a context object.
export const handler = async (event, context) => {
  console.log('Received event:', JSON.stringify(event));
  return {
    statusCode: 200,
    body: JSON.stringify({ message: 'Hello from Lambda!', requestId: context.awsRequestId }),
  };
};
`,
}

/** The Lambda console's "hello-world" event template. */
export const HELLO_WORLD_EVENT = `{
  "key1": "value1",
  "key2": "value2",
  "key3": "value3"
}`

export function defaultWorkspace(now = new Date()): Workspace {
  return {
    files: { ...STARTER_FILES },
    activeFile: 'index.mjs',
    config: { ...DEFAULT_CONFIG, env: [] },
    eventText: HELLO_WORLD_EVENT,
    eventSource: { kind: 'hello-world' },
    savedEvents: [],
    updatedAt: now.toISOString(),
  }
}

export function emptyPlayground(): PlaygroundData {
  return { workspaces: {} }
}

// ---- small validators ------------------------------------------------------------------------

const WORKSPACE_ID_RE = /^[a-z][a-z0-9-]{0,19}:[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/

export function isWorkspaceId(v: unknown): v is string {
  return typeof v === 'string' && WORKSPACE_ID_RE.test(v)
}

/** A relative path inside the deployment package: `index.mjs`, `lib/orders.mjs`, `node_modules/@scope/x/index.js`. */
export function isFilePath(v: unknown): v is string {
  if (typeof v !== 'string' || v.length === 0 || v.length > MAX_PATH) return false
  if (v.startsWith('/') || v.endsWith('/') || v.includes('\\')) return false
  if (v === '__proto__' || v === 'constructor' || v === 'prototype') return false
  return v.split('/').every((seg) => seg !== '' && seg !== '.' && seg !== '..' && /^[A-Za-z0-9_@.+-]+$/.test(seg))
}

export function isTimestamp(v: unknown): v is string {
  return typeof v === 'string' && v.length <= 40 && /^\d{4}-\d{2}-\d{2}T/.test(v) && !Number.isNaN(Date.parse(v))
}

/** A human name for a workspace in messages. */
export function workspaceLabel(id: string): string {
  if (id === DEFAULT_WORKSPACE_ID) return 'the playground'
  const [kind, rest] = [id.slice(0, id.indexOf(':')), id.slice(id.indexOf(':') + 1)]
  if (kind === 'lab') return `the lab "${rest}"`
  if (kind === 'share') return 'the shared playground'
  return `the workspace "${id}"`
}

export type WorkspacePart = 'files' | 'config' | 'event' | 'savedEvents' | 'workspace' | 'account'

export interface LoadIssue {
  /** Absent for problems with the whole record. */
  workspaceId?: string
  /** What was reset (so a lab can refill its own starter files). */
  parts: WorkspacePart[]
  message: string
}

// ---- workspace parts -------------------------------------------------------------------------

function sanitizeFiles(v: unknown): { files: Record<string, string>; dropped: number } | null {
  if (!isRecord(v)) return null
  const files: Record<string, string> = {}
  let dropped = 0
  let total = 0
  let count = 0
  for (const path of Object.keys(v)) {
    const text = v[path]
    if (
      count >= MAX_FILES ||
      !isFilePath(path) ||
      typeof text !== 'string' ||
      text.length > MAX_FILE_CHARS ||
      total + text.length > MAX_WORKSPACE_CODE_CHARS
    ) {
      dropped++
      continue
    }
    files[path] = text
    total += text.length
    count++
  }
  if (count === 0) return null
  return { files, dropped }
}

function sanitizeEnvRows(v: unknown): EnvVarRow[] | null {
  if (!Array.isArray(v) || v.length > MAX_ENV_ROWS) return null
  const rows: EnvVarRow[] = []
  for (const r of v) {
    if (
      !isRecord(r) ||
      typeof r.key !== 'string' ||
      typeof r.value !== 'string' ||
      r.key.length > 4096 ||
      r.value.length > 4096
    )
      return null
    rows.push({ key: r.key, value: r.value })
  }
  return rows
}

/** Keeps each valid field of a configuration draft; returns the names of the fields it reset. */
function sanitizeConfig(v: unknown): { config: ConfigDraft; reset: string[] } {
  const config: ConfigDraft = { ...DEFAULT_CONFIG, env: [] }
  if (!isRecord(v)) return { config, reset: ['all'] }
  const reset: string[] = []
  const str = (k: 'handler' | 'runtime' | 'memory' | 'timeout', max: number) => {
    const x = v[k]
    if (typeof x === 'string' && x.length <= max) config[k] = x
    else if (x !== undefined) reset.push(k)
  }
  str('handler', 300)
  str('runtime', 60)
  str('memory', 30)
  str('timeout', 30)
  if (v.env !== undefined) {
    const rows = sanitizeEnvRows(v.env)
    if (rows) config.env = rows
    else reset.push('environment variables')
  }
  if (v.logFormat === 'Text' || v.logFormat === 'JSON') config.logFormat = v.logFormat
  else if (v.logFormat !== undefined) reset.push('log format')
  if (v.appLogLevel === '' || APPLICATION_LOG_LEVELS.includes(v.appLogLevel as never))
    config.appLogLevel = v.appLogLevel as ConfigDraft['appLogLevel']
  else if (v.appLogLevel !== undefined) reset.push('application log level')
  if (v.sysLogLevel === '' || SYSTEM_LOG_LEVELS.includes(v.sysLogLevel as never))
    config.sysLogLevel = v.sysLogLevel as ConfigDraft['sysLogLevel']
  else if (v.sysLogLevel !== undefined) reset.push('system log level')
  return { config, reset }
}

function sanitizeEventSource(v: unknown): EventSource | null {
  if (!isRecord(v)) return null
  switch (v.kind) {
    case 'hello-world':
    case 'shared':
    case 'custom':
      return { kind: v.kind }
    case 'sample':
      return typeof v.service === 'string' &&
        typeof v.event === 'string' &&
        v.service.length <= 60 &&
        v.event.length <= 60
        ? { kind: 'sample', service: v.service, event: v.event }
        : null
    case 'saved':
      return typeof v.name === 'string' && EVENT_NAME_RE.test(v.name) ? { kind: 'saved', name: v.name } : null
    default:
      return null
  }
}

function sanitizeSavedEvents(v: unknown): { events: SavedEvent[]; dropped: number } | null {
  if (!Array.isArray(v)) return null
  const events: SavedEvent[] = []
  let dropped = 0
  for (const e of v) {
    if (
      events.length < MAX_SAVED_EVENTS &&
      isRecord(e) &&
      typeof e.name === 'string' &&
      EVENT_NAME_RE.test(e.name) &&
      typeof e.text === 'string' &&
      e.text.length <= MAX_EVENT_CHARS &&
      !events.some((x) => x.name === e.name)
    ) {
      events.push({ name: e.name, text: e.text })
    } else dropped++
  }
  return { events, dropped }
}

export interface SanitizeWorkspaceResult {
  workspace: Workspace | null
  issues: LoadIssue[]
}

/** Validates one stored workspace: keeps its valid parts and resets the others (saying so). */
export function sanitizeWorkspace(id: string, v: unknown, now = new Date()): SanitizeWorkspaceResult {
  const label = workspaceLabel(id)
  const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)
  if (!isRecord(v)) {
    return {
      workspace: null,
      issues: [{ workspaceId: id, parts: ['workspace'], message: `${cap(label)} could not be read, so it was reset.` }],
    }
  }
  const issues: LoadIssue[] = []
  const ws = defaultWorkspace(now)

  const files = sanitizeFiles(v.files)
  if (!files) {
    issues.push({
      workspaceId: id,
      parts: ['files'],
      message: `The code in ${label} could not be read, so it was reset to the starter code.`,
    })
  } else {
    ws.files = files.files
    if (files.dropped > 0) {
      issues.push({
        workspaceId: id,
        parts: [],
        message: `${files.dropped === 1 ? 'One file' : `${files.dropped} files`} in ${label} could not be read and ${files.dropped === 1 ? 'was' : 'were'} removed; the other files were kept.`,
      })
    }
  }
  ws.activeFile =
    typeof v.activeFile === 'string' && Object.hasOwn(ws.files, v.activeFile) ? v.activeFile : Object.keys(ws.files)[0]

  if (v.config !== undefined) {
    const { config, reset } = sanitizeConfig(v.config)
    ws.config = config
    if (reset.length) {
      issues.push({
        workspaceId: id,
        parts: ['config'],
        message:
          reset[0] === 'all'
            ? `The configuration of ${label} could not be read, so it was reset to the defaults.`
            : `Some settings of ${label} could not be read (${reset.join(', ')}) and were reset to the defaults; the rest were kept.`,
      })
    }
    const retired = retiredRuntimeNotice(config.runtime, now.toISOString().slice(0, 10), label)
    if (retired) {
      ws.config.runtime = CONSOLE_DEFAULT_RUNTIME
      issues.push({ workspaceId: id, parts: [], message: retired })
    }
  }

  if (typeof v.eventText === 'string' && v.eventText.length <= MAX_EVENT_CHARS) {
    ws.eventText = v.eventText
    ws.eventSource = sanitizeEventSource(v.eventSource) ?? { kind: 'custom' }
  } else if (v.eventText !== undefined) {
    issues.push({
      workspaceId: id,
      parts: ['event'],
      message: `The test event of ${label} could not be read, so it was reset to the hello-world event.`,
    })
  }

  if (v.savedEvents !== undefined) {
    const saved = sanitizeSavedEvents(v.savedEvents)
    if (!saved) {
      issues.push({
        workspaceId: id,
        parts: ['savedEvents'],
        message: `The saved test events of ${label} could not be read, so the list was cleared.`,
      })
    } else {
      ws.savedEvents = saved.events
      if (saved.dropped) {
        issues.push({
          workspaceId: id,
          parts: [],
          message: `${saved.dropped === 1 ? 'One saved test event' : `${saved.dropped} saved test events`} of ${label} could not be read and ${saved.dropped === 1 ? 'was' : 'were'} removed.`,
        })
      }
    }
  }
  if (ws.eventSource.kind === 'saved') {
    const name = ws.eventSource.name
    if (!ws.savedEvents.some((e) => e.name === name)) ws.eventSource = { kind: 'custom' }
  }
  ws.updatedAt = isTimestamp(v.updatedAt) ? v.updatedAt : now.toISOString()
  return { workspace: ws, issues }
}

export interface SanitizeResult {
  data: PlaygroundData
  issues: LoadIssue[]
}

/**
 * Validates a value claimed to be a current-version playground record. `skippedIds`: entries a
 * scan of the stored text already dropped unread (record-scan.ts), named with the bad ids.
 */
export function sanitizePlayground(value: unknown, now = new Date(), skippedIds = 0): SanitizeResult {
  const data = emptyPlayground()
  const unreadable: SanitizeResult = {
    data,
    issues: [
      { parts: ['workspace'], message: 'Your saved playground code could not be read, so the playground was reset.' },
    ],
  }
  if (!isRecord(value)) return unreadable
  const issues: LoadIssue[] = []
  // The account first: a bad one is reset alone, whatever the workspaces hold.
  const saved = sanitizeSavedAccount(value.account, now)
  if (saved.account) data.account = saved.account
  if (saved.message) issues.push({ parts: ['account'], message: saved.message })
  const ws = value.workspaces
  if (ws === undefined) return { data, issues }
  if (!isRecord(ws)) return unreadable
  let badIds = skippedIds
  let count = 0
  const ids = Object.keys(ws) // not Object.entries: no [key, value] pair per key of a huge record
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]
    if (count >= MAX_WORKSPACES || !isWorkspaceId(id)) {
      badIds++
      continue
    }
    const r = sanitizeWorkspace(id, ws[id], now)
    issues.push(...r.issues)
    if (r.workspace) {
      data.workspaces[id] = r.workspace
      count++
    }
  }
  if (badIds) {
    issues.push({
      parts: ['workspace'],
      message: `${badIds === 1 ? 'One saved workspace' : `${badIds} saved workspaces`} had an unrecognised name and ${badIds === 1 ? 'was' : 'were'} removed.`,
    })
  }
  return { data, issues }
}

// Versions and migrations: schema-migrations.ts.
export { migratePlayground, migrations, type MigrateResult } from './schema-migrations.ts'

// Saving and deleting test events: saved-events.ts.

/** A valid Lambda function name for a workspace: `playground:default` → `playground-default`. */
export function functionNameFor(workspaceId: string): string {
  const name = workspaceId.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '')
  return (name || 'playground').slice(0, 64)
}
