/**
 * One Monaco model per file of the function (URI `file:///<path>`), kept in step with the
 * `files` prop, plus what makes cross-file checking work:
 * - every JS/TS model is synced to the one TypeScript worker, and when a file changes the
 *   *other* files are re-checked (Monaco re-checks only the file you type in, so an import
 *   broken by an edit elsewhere would otherwise stay unflagged, or stay flagged once fixed);
 * - JSON files are mirrored into the TypeScript service as extra libs, so
 *   `import data from './data.json'` type-checks.
 * - a file that imports a provided AWS SDK package (`@aws-sdk/client-dynamodb`, …) loads that
 *   package's type declarations, once (./sdk-types.ts).
 * Markers from the engine (owner 'lambda') are set here too.
 */
import type { editor as EditorNS, IDisposable, Uri } from 'monaco-editor/editor/editor.api'
import { kindOf } from '../files.ts'
import type { EditorMarker } from '../types.ts'
import type { Monaco } from './setup.ts'
import { loadSdkTypesFor } from './sdk-types.ts'
import { IGNORED_DIAGNOSTICS } from './ts-config.ts'

type Model = EditorNS.ITextModel

interface TsDiagnostic {
  start?: number
  length?: number
  messageText: string | DiagnosticChain
  category: 0 | 1 | 2 | 3
  code: number
  reportsUnnecessary?: unknown
  reportsDeprecated?: unknown
}
interface DiagnosticChain {
  messageText: string
  next?: DiagnosticChain[]
}

const REVALIDATE_DELAY_MS = 600
const usedRoots = new Set<string>()

export function languageOf(path: string): 'typescript' | 'json' {
  return kindOf(path) === 'json' ? 'json' : 'typescript'
}

function flatten(m: string | DiagnosticChain, indent = 0): string {
  if (typeof m === 'string') return m
  let out = `${'  '.repeat(indent)}${m.messageText}`
  for (const n of m.next ?? []) out += `\n${flatten(n, indent + 1)}`
  return out
}

export class ProjectModels {
  /** '' for the first editor on the page (URIs `file:///index.mjs`), `__editor-N/` for others. */
  readonly root: string
  private models = new Map<string, Model>()
  private listeners = new Map<string, IDisposable>()
  private jsonLibs = new Map<string, { content: string; lib: IDisposable }>()
  private timer: ReturnType<typeof setTimeout> | undefined
  private changedSince = new Set<string>()
  private pendingJson = new Set<string>()
  private disposed = false
  private lambdaMarkers: EditorMarker[] = []
  /** Texts this editor reported through onChange that the `files` prop may still echo back. */
  private emitted = new Map<string, Set<string>>()

  constructor(private readonly monaco: Monaco) {
    let root = ''
    for (let n = 2; usedRoots.has(root); n++) root = `__editor-${n}/`
    this.root = root
    usedRoots.add(root)
  }

  /** After dispose() (React StrictMode unmounts and mounts again): take the models back up. */
  activate(): void {
    if (!this.disposed) return
    this.disposed = false
    usedRoots.add(this.root)
  }

  uriOf(path: string): Uri {
    return this.monaco.Uri.file(`/${this.root}${path}`)
  }

  pathOf(uri: Uri): string | undefined {
    for (const [p, m] of this.models) if (m.uri.toString() === uri.toString()) return p
    return undefined
  }

  modelOf(path: string): Model | undefined {
    return this.models.get(path)
  }

  /** Creates, updates and disposes models so that they match `files`. */
  sync(files: Record<string, string>): void {
    if (this.disposed) return
    let structureChanged = false
    for (const [path, text] of Object.entries(files)) {
      let model = this.models.get(path)
      if (!model || model.isDisposed()) {
        const uri = this.uriOf(path)
        model = this.monaco.editor.getModel(uri) ?? this.monaco.editor.createModel(text, languageOf(path), uri)
        if (model.getLanguageId() !== languageOf(path)) this.monaco.editor.setModelLanguage(model, languageOf(path))
        this.models.set(path, model)
        this.watch(path, model)
        if (languageOf(path) === 'json') this.mirrorJson(path, model.getValue())
        structureChanged = true
      }
      const current = model.getValue()
      const echoes = this.emitted.get(path)
      if (current === text) {
        echoes?.clear()
      } else if (echoes?.has(text)) {
        // A late echo: forget it and everything reported before it.
        for (const e of echoes) {
          echoes.delete(e)
          if (e === text) break
        }
      } else {
        // An outside change (reset, load from storage), not a late echo of the learner's own
        // typing (which would drop what they typed since): apply it, undoable.
        echoes?.clear()
        model.pushEditOperations([], [{ range: model.getFullModelRange(), text }], () => null)
      }
    }
    for (const [path, model] of [...this.models]) {
      if (path in files) continue
      this.listeners.get(path)?.dispose()
      this.listeners.delete(path)
      this.jsonLibs.get(path)?.lib.dispose()
      this.jsonLibs.delete(path)
      this.models.delete(path)
      this.emitted.delete(path)
      if (!model.isDisposed()) model.dispose()
      structureChanged = true
    }
    this.applyLambdaMarkers()
    this.loadSdkTypes(Object.keys(files))
    if (structureChanged) this.scheduleRevalidate(null)
  }

  /** Loads the SDK type declarations the given script files import (see ./sdk-types.ts). */
  private loadSdkTypes(paths: Iterable<string>) {
    const texts: string[] = []
    for (const p of paths) {
      const m = this.models.get(p)
      if (m && !m.isDisposed() && languageOf(p) === 'typescript') texts.push(m.getValue())
    }
    void loadSdkTypesFor(this.monaco, texts)
  }

  /** Call before reporting an edit upward, so its echo in the `files` prop is recognised. */
  noteEmitted(path: string, text: string): void {
    let set = this.emitted.get(path)
    if (!set) this.emitted.set(path, (set = new Set()))
    set.add(text)
    if (set.size > 200) set.delete(set.values().next().value as string)
  }

  setLambdaMarkers(markers: EditorMarker[]): void {
    this.lambdaMarkers = markers
    this.applyLambdaMarkers()
  }

  private applyLambdaMarkers() {
    const { MarkerSeverity } = this.monaco
    for (const [path, model] of this.models) {
      if (model.isDisposed()) continue
      const lineCount = model.getLineCount()
      const list = this.lambdaMarkers
        .filter((m) => m.file === path)
        .map((m) => {
          const line = Math.min(Math.max(1, Math.floor(m.line) || 1), lineCount)
          let startColumn = model.getLineFirstNonWhitespaceColumn(line) || 1
          let endColumn = model.getLineMaxColumn(line)
          if (m.column !== undefined && m.column >= 1) {
            startColumn = Math.min(Math.floor(m.column), endColumn)
            const word = model.getWordAtPosition({ lineNumber: line, column: startColumn })
            endColumn =
              word && word.startColumn === startColumn
                ? word.endColumn
                : Math.min(startColumn + 1, model.getLineMaxColumn(line))
            if (endColumn <= startColumn) endColumn = model.getLineMaxColumn(line)
          }
          if (endColumn <= startColumn) endColumn = startColumn + 1
          return {
            severity: m.severity === 'error' ? MarkerSeverity.Error : MarkerSeverity.Warning,
            message: m.message,
            source: 'Lambda',
            startLineNumber: line,
            startColumn,
            endLineNumber: line,
            endColumn,
          }
        })
      this.monaco.editor.setModelMarkers(model, 'lambda', list)
    }
  }

  private watch(path: string, model: Model) {
    if (languageOf(path) === 'json') {
      this.listeners.set(
        path,
        model.onDidChangeContent(() => {
          this.pendingJson.add(path)
          this.scheduleRevalidate(path)
        }),
      )
      return
    }
    this.listeners.set(
      path,
      model.onDidChangeContent(() => this.scheduleRevalidate(path)),
    )
  }

  /** Returns whether the copy changed (Monaco then re-checks every script file by itself). */
  private mirrorJson(path: string, content: string): boolean {
    const prev = this.jsonLibs.get(path)
    if (prev?.content === content) return false
    // Same URI as the JSON model: the TypeScript worker never sees JSON models, only this copy.
    const lib = this.monaco.typescript.typescriptDefaults.addExtraLib(content, this.uriOf(path).toString())
    this.jsonLibs.set(path, { content, lib })
    return true
  }

  /** Re-checks every script file except `changed` (Monaco checks that one itself) a little later. */
  private scheduleRevalidate(changed: string | null) {
    if (changed === null) this.changedSince.add('*')
    else this.changedSince.add(changed)
    clearTimeout(this.timer)
    this.timer = setTimeout(() => {
      const changedSet = this.changedSince
      this.changedSince = new Set()
      this.loadSdkTypes(changedSet.has('*') ? this.models.keys() : changedSet)
      let libsChanged = false
      for (const p of this.pendingJson) {
        const m = this.models.get(p)
        if (m && !m.isDisposed()) libsChanged = this.mirrorJson(p, m.getValue()) || libsChanged
      }
      this.pendingJson.clear()
      if (!libsChanged) void this.revalidate(changedSet)
    }, REVALIDATE_DELAY_MS)
  }

  private async revalidate(changed: Set<string>) {
    const scripts = [...this.models].filter(([p, m]) => languageOf(p) === 'typescript' && !m.isDisposed())
    // One file alone has no one to affect; with a single change, skip the changed file itself.
    const targets = changed.has('*') ? scripts : scripts.filter(([p]) => !(changed.size === 1 && changed.has(p)))
    // (a JSON-only change is handled by mirrorJson, which makes Monaco re-check everything)
    if (scripts.length < 2 || targets.length === 0) return
    try {
      const getWorker = await this.monaco.typescript.getTypeScriptWorker()
      const worker = await getWorker(...scripts.map(([, m]) => m.uri))
      for (const [, model] of targets) {
        if (this.disposed || model.isDisposed()) continue
        const uri = model.uri.toString()
        const lists = (await Promise.all([
          worker.getSyntacticDiagnostics(uri),
          worker.getSemanticDiagnostics(uri),
          worker.getSuggestionDiagnostics(uri),
        ])) as unknown as TsDiagnostic[][]
        if (this.disposed || model.isDisposed()) continue
        const markers = lists
          .flat()
          .filter((d) => !IGNORED_DIAGNOSTICS.includes(d.code))
          .map((d) => this.toMarker(model, d))
        this.monaco.editor.setModelMarkers(model, 'typescript', markers)
      }
    } catch {
      // The worker restarted or the page is going away: Monaco re-checks on the next edit.
    }
  }

  private toMarker(model: Model, d: TsDiagnostic): EditorNS.IMarkerData {
    const { MarkerSeverity, MarkerTag } = this.monaco
    const start = model.getPositionAt(d.start ?? 0)
    const end = model.getPositionAt((d.start ?? 0) + (d.length || 1))
    const severity =
      d.category === 1
        ? MarkerSeverity.Error
        : d.category === 0
          ? MarkerSeverity.Warning
          : d.category === 2
            ? MarkerSeverity.Hint
            : MarkerSeverity.Info
    const tags = []
    if (d.reportsUnnecessary) tags.push(MarkerTag.Unnecessary)
    if (d.reportsDeprecated) tags.push(MarkerTag.Deprecated)
    return {
      severity,
      startLineNumber: start.lineNumber,
      startColumn: start.column,
      endLineNumber: end.lineNumber,
      endColumn: end.column,
      message: flatten(d.messageText),
      code: String(d.code),
      tags,
    }
  }

  /** Error counts per file from the language services (owners 'typescript' and 'json'). */
  problemCounts(): Record<string, number> {
    const counts: Record<string, number> = {}
    for (const [path, model] of this.models) {
      if (model.isDisposed()) continue
      const markers = this.monaco.editor.getModelMarkers({ resource: model.uri })
      const n = markers.filter((m) => m.owner !== 'lambda' && m.severity === this.monaco.MarkerSeverity.Error).length
      if (n) counts[path] = n
    }
    return counts
  }

  dispose(): void {
    this.disposed = true
    clearTimeout(this.timer)
    for (const l of this.listeners.values()) l.dispose()
    for (const j of this.jsonLibs.values()) j.lib.dispose()
    for (const m of this.models.values()) if (!m.isDisposed()) m.dispose()
    this.listeners.clear()
    this.jsonLibs.clear()
    this.models.clear()
    usedRoots.delete(this.root)
  }
}
