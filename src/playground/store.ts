/**
 * The persisted playground store (zustand 5 `persist`, versioned, migrated, validated on load,
 * like src/course/progress-store.ts). It holds every workspace the learner has: the playground
 * (`playground:default`), lab drafts (`lab:<lab-id>`), opened share links (`share:<n>`).
 *
 * It is the source of truth for what the learner wrote: the engine's Worker can be killed and
 * rebuilt from it at any time. Writes are coalesced (a burst of keystrokes is one write) and
 * flushed when the page is hidden or unloaded, and before every invoke.
 */
import {
  readPersisted,
  repairAfterLoad,
  type PersistedReadProblem,
  type StorageLike,
} from '../shared/browser-storage.ts'
import { persist, type PersistStorage, type StorageValue } from 'zustand/middleware'
import { createStore, type StoreApi } from 'zustand/vanilla'
import { checkAccountSnapshot } from './account/persist-schema.ts'
import type { ConfigDraft } from './config.ts'
import {
  MAX_WORKSPACES,
  PLAYGROUND_VERSION,
  defaultWorkspace,
  emptyPlayground,
  isWorkspaceId,
  migratePlayground,
  sanitizePlayground,
  sanitizeWorkspace,
  type EventSource,
  type LoadIssue,
  type PlaygroundData,
  type Workspace,
} from './schema.ts'
import { scanPlaygroundRecord } from './record-scan.ts'
import { deleteEvent as deleteFromList, saveEvent as saveToList, type SaveEventResult } from './saved-events.ts'

export const PLAYGROUND_KEY = 'lf-playground'
/** Where an unreadable record is kept (once) when it had to be reset, so nothing is destroyed. */
export const PLAYGROUND_BACKUP_KEY = 'lf-playground:unreadable-backup'

export type { StorageLike }

export interface PlaygroundActions {
  /** Creates the workspace from `init()` if it does not exist (or refills parts reset at load). */
  ensureWorkspace(id: string, init: () => Workspace): void
  /** Replaces a whole workspace (reset, opening a share link as the learner's own). */
  replaceWorkspace(id: string, ws: Workspace): void
  removeWorkspace(id: string): void
  setFile(id: string, path: string, text: string): void
  setFiles(id: string, files: Record<string, string>, activeFile: string): void
  setActiveFile(id: string, path: string): void
  setConfig(id: string, patch: Partial<ConfigDraft>): void
  setEvent(id: string, text: string, source: EventSource): void
  saveEvent(id: string, name: string, text: string): SaveEventResult
  deleteEvent(id: string, name: string): void
  dismissLoadIssues(workspaceId?: string): void
  /** Saves the learner's account snapshot (null forgets it); refused (returning the reason) when it is not one. */
  setAccount(snapshot: Record<string, unknown> | null): string | undefined
  /** Adds a notice about the account (e.g. the Worker refused the saved one). */
  noteAccountIssue(message: string): void
}

export interface PlaygroundState extends PlaygroundData, PlaygroundActions {
  /** What was reset while loading (not persisted). */
  loadIssues: LoadIssue[]
  /** Set when the browser refused to store the record (quota, privacy mode). Not persisted. */
  saveError: string | null
}

export type PlaygroundStore = StoreApi<PlaygroundState> & {
  persist: { rehydrate(): Promise<void> | void }
  /** Writes any pending change now. */
  flush(): void
}

export interface CreatePlaygroundStoreOptions {
  storage: StorageLike
  now?: () => Date
  key?: string
  /** Coalesce writes for this long (ms). 0 writes synchronously (tests). */
  writeDelayMs?: number
}

/** What the load notice says when the stored record could not be used. */
const READ_PROBLEMS: Record<PersistedReadProblem, LoadIssue> = {
  unreadable: {
    parts: [],
    message: "This browser's storage could not be read, so the playground starts fresh for this visit.",
  },
  damaged: {
    parts: ['workspace'],
    message: 'Your saved playground code was damaged (not readable data), so the playground was reset.',
  },
  unrecognised: {
    parts: ['workspace'],
    message: 'Your saved playground code was in a format this course does not recognise, so the playground was reset.',
  },
  empty: {
    parts: ['workspace'],
    message: 'Your saved playground code was empty or damaged, so the playground was reset.',
  },
}

/** Records at least this long are scanned (record-scan.ts) rather than parsed whole. */
const SCAN_FROM_CHARS = 100_000

export function createPlaygroundStore(options: CreatePlaygroundStoreOptions): PlaygroundStore {
  const { storage } = options
  const key = options.key ?? PLAYGROUND_KEY
  const now = options.now ?? (() => new Date())
  const delay = options.writeDelayMs ?? 0

  let pending: LoadIssue[] = []
  let lastRaw: string | null = null
  /** Entries the scan of a large record skipped unread (load names them with the other bad ids). */
  let skippedIds = 0
  // A large record is scanned, not parsed whole: entries load would drop are never built.
  const parseRecord = (raw: string): unknown => {
    skippedIds = 0
    if (raw.length < SCAN_FROM_CHARS) return JSON.parse(raw)
    const scanned = scanPlaygroundRecord(raw, isWorkspaceId, MAX_WORKSPACES)
    if (!scanned) return JSON.parse(raw)
    skippedIds = scanned.skipped
    return scanned.value
  }
  let queued: { name: string; value: StorageValue<PlaygroundData> } | null = null
  let timer: ReturnType<typeof setTimeout> | undefined
  let setSaveError: (e: string | null) => void = () => {}

  const write = () => {
    timer = undefined
    if (!queued) return
    const { name, value } = queued
    queued = null
    try {
      storage.setItem(name, JSON.stringify(value))
      setSaveError(null)
    } catch {
      setSaveError(
        'Your browser refused to save the playground (storage is full or blocked). Your work stays on this page until you close it: copy anything you need.',
      )
    }
  }

  const persistStorage: PersistStorage<PlaygroundData> = {
    getItem(name): StorageValue<PlaygroundData> | null {
      const read = readPersisted<PlaygroundData>(storage, name, parseRecord)
      lastRaw = read.raw
      const issue = read.problem && READ_PROBLEMS[read.problem]
      pending = issue ? [{ ...issue, parts: [...issue.parts] }] : []
      return read.value
    },
    setItem(name, value) {
      queued = { name, value }
      if (delay <= 0) write()
      else if (timer === undefined) timer = setTimeout(write, delay)
    },
    removeItem(name) {
      queued = null
      try {
        storage.removeItem(name)
      } catch {
        // ignore
      }
    },
  }

  const touch = () => now().toISOString()

  const store = createStore<PlaygroundState>()(
    persist(
      (set, get) => {
        const update = (id: string, fn: (ws: Workspace) => Partial<Workspace> | null) => {
          const ws = get().workspaces[id]
          if (!ws) return
          const patch = fn(ws)
          if (!patch) return
          set({ workspaces: { ...get().workspaces, [id]: { ...ws, ...patch, updatedAt: touch() } } })
        }
        return {
          ...emptyPlayground(),
          loadIssues: [],
          saveError: null,
          ensureWorkspace(id, init) {
            if (!isWorkspaceId(id)) throw new Error(`Not a valid workspace id: ${id}`)
            const existing = get().workspaces[id]
            if (!existing) {
              const fresh = sanitizeWorkspace(id, init(), now()).workspace ?? defaultWorkspace(now())
              set({ workspaces: { ...get().workspaces, [id]: fresh } })
              return
            }
            // Parts reset while loading go back to this workspace's own starting point (a lab's
            // starter files rather than the generic ones), once.
            const reset = new Set(
              get()
                .loadIssues.filter((i) => i.workspaceId === id)
                .flatMap((i) => i.parts),
            )
            if (reset.has('files') || reset.has('config') || reset.has('event')) {
              const base = init()
              const patch: Partial<Workspace> = {}
              if (reset.has('files')) {
                patch.files = base.files
                patch.activeFile = base.activeFile
              }
              if (reset.has('config')) patch.config = base.config
              if (reset.has('event')) {
                patch.eventText = base.eventText
                patch.eventSource = base.eventSource
              }
              const fixed = sanitizeWorkspace(id, { ...existing, ...patch }, now()).workspace ?? existing
              set({
                workspaces: { ...get().workspaces, [id]: fixed },
                loadIssues: get().loadIssues.map((i) =>
                  i.workspaceId === id
                    ? { ...i, parts: i.parts.filter((p) => p !== 'files' && p !== 'config' && p !== 'event') }
                    : i,
                ),
              })
            }
          },
          replaceWorkspace(id, ws) {
            if (!isWorkspaceId(id)) throw new Error(`Not a valid workspace id: ${id}`)
            const r = sanitizeWorkspace(id, ws, now())
            const clean = r.workspace ?? defaultWorkspace(now())
            // What it had to change (a retired runtime moved to the default) shows on its panel.
            const notices = get().loadIssues.filter((i) => i.workspaceId !== id)
            set({
              workspaces: { ...get().workspaces, [id]: { ...clean, updatedAt: touch() } },
              loadIssues: r.issues.length ? [...notices, ...r.issues] : get().loadIssues,
            })
          },
          removeWorkspace(id) {
            if (!get().workspaces[id]) return
            const next = { ...get().workspaces }
            delete next[id]
            set({ workspaces: next })
          },
          setFile(id, path, text) {
            update(id, (ws) =>
              ws.files[path] === text || !Object.hasOwn(ws.files, path)
                ? null
                : { files: { ...ws.files, [path]: text } },
            )
          },
          setFiles(id, files, activeFile) {
            if (Object.keys(files).length === 0) return
            update(id, () => ({
              files: { ...files },
              activeFile: Object.hasOwn(files, activeFile) ? activeFile : Object.keys(files)[0],
            }))
          },
          setActiveFile(id, path) {
            update(id, (ws) => (ws.activeFile === path || !Object.hasOwn(ws.files, path) ? null : { activeFile: path }))
          },
          setConfig(id, patch) {
            update(id, (ws) => ({ config: { ...ws.config, ...patch } }))
          },
          setEvent(id, text, source) {
            update(id, (ws) =>
              ws.eventText === text && JSON.stringify(ws.eventSource) === JSON.stringify(source)
                ? null
                : { eventText: text, eventSource: source },
            )
          },
          saveEvent(id, name, text) {
            const ws = get().workspaces[id]
            if (!ws) return { ok: false, error: 'This workspace is not open.' }
            const r = saveToList(ws.savedEvents, name, text)
            if (r.ok) update(id, () => ({ savedEvents: r.events, eventSource: { kind: 'saved', name } }))
            return r
          },
          deleteEvent(id, name) {
            update(id, (ws) => ({
              savedEvents: deleteFromList(ws.savedEvents, name),
              eventSource:
                ws.eventSource.kind === 'saved' && ws.eventSource.name === name ? { kind: 'custom' } : ws.eventSource,
            }))
          },
          setAccount(snapshot) {
            if (snapshot === null) {
              if (get().account) set({ account: undefined })
              return undefined
            }
            const checked = checkAccountSnapshot(snapshot)
            if (!checked.ok) return checked.reason
            set({ account: { snapshot: checked.snapshot, savedAt: touch() } })
            return undefined
          },
          noteAccountIssue(message) {
            if (get().loadIssues.some((i) => i.message === message)) return
            set({ loadIssues: [...get().loadIssues, { parts: ['account'], message }] })
          },
          dismissLoadIssues(workspaceId) {
            set({
              loadIssues:
                workspaceId === undefined
                  ? []
                  : get().loadIssues.filter((i) => i.workspaceId !== workspaceId && i.workspaceId !== undefined),
            })
          },
        }
      },
      {
        name: key,
        version: PLAYGROUND_VERSION,
        storage: persistStorage,
        partialize: (s) =>
          (s.account
            ? { workspaces: s.workspaces, account: s.account }
            : { workspaces: s.workspaces }) as PlaygroundState,
        migrate(persisted, version) {
          const r = migratePlayground(persisted, version)
          pending.push(...r.issues)
          return r.state as PlaygroundState
        },
        merge(persisted, current) {
          const issues = [...pending]
          pending = []
          if (persisted === undefined || persisted === null) {
            if (issues.length === 0) return current
            return { ...current, ...emptyPlayground(), account: undefined, loadIssues: issues }
          }
          const { data, issues: found } = sanitizePlayground(persisted, now(), skippedIds)
          issues.push(...found)
          return { ...current, account: undefined, ...data, loadIssues: issues }
        },
      },
    ),
  ) as unknown as PlaygroundStore

  setSaveError = (e) => {
    if (store.getState().saveError !== e) store.setState({ saveError: e })
  }

  repairAfterLoad(store, { storage, backupKey: PLAYGROUND_BACKUP_KEY, maxChars: 2_000_000, lastRaw: () => lastRaw })
  store.flush = () => {
    if (timer !== undefined) clearTimeout(timer)
    write()
  }
  return store
}
