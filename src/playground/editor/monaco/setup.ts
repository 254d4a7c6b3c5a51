/**
 * Loads and configures Monaco. Imported only by the lazily loaded editor pane, so no page
 * that lacks an editor downloads any of it.
 *
 * - Monaco comes from the local `monaco-editor` package (`loader.config({ monaco })`, so the
 *   React wrapper never fetches it from a CDN); the workers are bundled by Vite (`?worker`).
 * - One TypeScript language service checks JavaScript and TypeScript files together, so a
 *   `.ts` file can import a `.mjs` one and the other way round. JS files get the 'typescript'
 *   language id; the worker (./ts.worker.ts) tells JS from TS by extension.
 * - Handler types come from @types/aws-lambda, bundled as text at build time, and from a small
 *   declaration of the simulated runtime's Node.js globals (./runtime-globals.ts).
 */
import { loader } from '@monaco-editor/react'
import * as api from 'monaco-editor/editor/editor.api'
import 'monaco-editor/features/register.all'
import 'monaco-editor/languages/definitions/typescript/register'
import * as typescript from 'monaco-editor/languages/features/typescript/register'
import * as json from 'monaco-editor/languages/features/json/register'
import EditorWorker from 'monaco-editor/editor/editor.worker?worker'
import JsonWorker from 'monaco-editor/language/json/json.worker?worker'
import TsWorker from './ts.worker.ts?worker'
import { RUNTIME_GLOBALS_DTS, RUNTIME_GLOBALS_PATH } from './runtime-globals.ts'
import { compilerOptions, IGNORED_DIAGNOSTICS } from './ts-config.ts'

export { IGNORED_DIAGNOSTICS }

export type Monaco = typeof api & { typescript: typeof typescript; json: typeof json }
export const monaco: Monaco = { ...api, typescript, json }

// (MonacoEnvironment is declared by monaco-editor's typings.)
globalThis.MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    if (label === 'typescript' || label === 'javascript') return new TsWorker({ name: `monaco-${label}` })
    if (label === 'json') return new JsonWorker({ name: 'monaco-json' })
    return new EditorWorker({ name: 'monaco-editor' })
  },
}

// @types/aws-lambda as text, bundled into this (lazy) chunk at build time.
const awsLambdaTypes = import.meta.glob<string>('/node_modules/@types/aws-lambda/**/*.d.ts', {
  query: '?raw',
  import: 'default',
  eager: true,
})

/** The editor themes: Monaco's 'vs' and 'vs-dark' (see configure()). */
export const THEMES = { light: 'lf-vs', dark: 'lf-vs-dark' } as const

let configured = false

function configure() {
  if (configured) return
  configured = true
  const ts = typescript.typescriptDefaults
  ts.setCompilerOptions(compilerOptions as typescript.CompilerOptions)
  ts.setDiagnosticsOptions({
    noSemanticValidation: false,
    noSyntaxValidation: false,
    noSuggestionDiagnostics: false,
    diagnosticCodesToIgnore: IGNORED_DIAGNOSTICS,
  })
  ts.setEagerModelSync(true)
  const libs = Object.entries(awsLambdaTypes).map(([path, content]) => ({ filePath: `file://${path}`, content }))
  libs.push({ filePath: RUNTIME_GLOBALS_PATH, content: RUNTIME_GLOBALS_DTS })
  ts.setExtraLibs(libs)
  // JavaScript models use the 'typescript' language (see above); keep the JS service identical
  // in case anything creates a 'javascript' model anyway.
  const js = typescript.javascriptDefaults
  js.setCompilerOptions(compilerOptions as typescript.CompilerOptions)
  js.setDiagnosticsOptions({
    noSemanticValidation: false,
    noSyntaxValidation: false,
    diagnosticCodesToIgnore: IGNORED_DIAGNOSTICS,
  })
  js.setExtraLibs(libs)
  // Monaco's 'vs' / 'vs-dark', with the few colours that miss WCAG AA contrast (4.5:1) on their
  // backgrounds raised: vs-dark comments #608B4E (4.2:1) and regexps #B46695 (4.2:1), vs's
  // second-level bracket green #319331 (4.0:1). Colours as in VS Code's Dark+ / Light+.
  api.editor.defineTheme(THEMES.light, {
    base: 'vs',
    inherit: true,
    rules: [],
    // Dimmed line numbers (past the last line) too: vs's default is far below 4.5:1.
    colors: { 'editorBracketHighlight.foreground2': '#267f26', 'editorLineNumber.dimmedForeground': '#6e6e6e' },
  })
  api.editor.defineTheme(THEMES.dark, {
    base: 'vs-dark',
    inherit: true,
    rules: [
      { token: 'comment', foreground: '6A9955' },
      { token: 'regexp', foreground: 'D16969' },
    ],
    colors: { 'editorLineNumber.dimmedForeground': '#a0a0a0' },
  })
  json.jsonDefaults.setDiagnosticsOptions({
    validate: true,
    allowComments: false,
    trailingCommas: 'error',
    enableSchemaRequest: false,
    schemas: [],
  })
  loader.config({ monaco })
}

configure()

/** Number of @types/aws-lambda files bundled (for tests and diagnostics). */
export const awsLambdaTypeFiles = Object.keys(awsLambdaTypes).length
