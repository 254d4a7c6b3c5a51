/**
 * The playground panel's model, without React: its props and parts, a workspace made from a
 * starting point (a lab's starter, a shared function), and why Invoke is blocked.
 */
import type { ReactNode } from 'react'
import { CONSOLE_DEFAULT_RUNTIME } from '../lambda/public.ts'
import { checkConfig, draftFromShared, fieldLabel, firstConfigProblem, type SharedConfig } from './config.ts'
import { checkEventJson } from './event-json.ts'
import type { ExecutionResult } from './results.ts'
import { defaultWorkspace, type EventSource, type Workspace } from './schema.ts'

export type PanelPart =
  'events' | 'savedEvents' | 'config' | 'logs' | 'timeline' | 'permissions' | 'calls' | 'resources' | 'share' | 'reset'
export type SideTab =
  'code' | 'event' | 'config' | 'result' | 'logs' | 'timeline' | 'permissions' | 'calls' | 'resources'

/** A workspace's starting point (a lab's starter, a shared function). */
export interface PlaygroundInitial {
  files: Record<string, string>
  activeFile?: string
  config?: Partial<SharedConfig>
  /** The test event as JSON text. */
  event?: string
  eventSource?: EventSource
}

export interface PlaygroundPanelProps {
  workspaceId: string
  /** Used when the workspace does not exist yet (and to refill parts that could not be loaded). */
  initial?: PlaygroundInitial
  /** Accessible name of the panel. Default "Playground". */
  label?: string
  /** Parts to leave out (e.g. a lab without sharing). */
  hide?: Partial<Record<PanelPart, boolean>>
  /** Extra controls for the toolbar (a lab's "Run checks", "Reset", …). */
  toolbarExtra?: ReactNode
  /** Called with every execution result shown. */
  onResult?(result: ExecutionResult): void
  /** The side tab shown first. Default 'event'. */
  defaultTab?: Exclude<SideTab, 'code'>
}

export function workspaceFromInitial(initial: PlaygroundInitial | undefined, now = new Date()): Workspace {
  const base = defaultWorkspace(now)
  if (!initial) return base
  const files = initial.files && Object.keys(initial.files).length ? { ...initial.files } : base.files
  return {
    ...base,
    files,
    activeFile:
      initial.activeFile && Object.hasOwn(files, initial.activeFile) ? initial.activeFile : Object.keys(files)[0],
    config: initial.config ? draftFromShared({ ...sharedDefaults, ...initial.config }) : base.config,
    eventText: initial.event ?? base.eventText,
    eventSource: initial.eventSource ?? (initial.event !== undefined ? { kind: 'custom' } : base.eventSource),
  }
}
// What a partial initial config (a lesson's embed) leaves out: the console's defaults.
const sharedDefaults: SharedConfig = {
  Handler: 'index.handler',
  Runtime: CONSOLE_DEFAULT_RUNTIME,
  MemorySize: 128,
  Timeout: 3,
}

/** Why Invoke is not possible now, or null. */
export function invokeBlocker(ws: Pick<Workspace, 'eventText' | 'config'>): { tab: SideTab; message: string } | null {
  const ev = checkEventJson(ws.eventText)
  if (!ev.ok) return { tab: 'event', message: `Fix the test event first: ${ev.message}` }
  const cfg = checkConfig(ws.config)
  const p = firstConfigProblem(cfg)
  if (p) return { tab: 'config', message: `Fix the configuration first (${fieldLabel(p.field)}): ${p.message}` }
  return null
}
