// The import rules (src/README.md, "Imports"), written down once and checked on every file of
// src/ and content/: static imports, re-exports, `import type`, dynamic `import()`, Vite's
// `import.meta.glob(...)` and `new URL(..., import.meta.url)` (how a Worker is started).
//
//   shell (src/app, src/main.tsx, src/styles)  →  features  →  shared (src/shared)
//   the UI (shell, features, shared, content)   →  the engine only through its light entry
//                                                 (src/lambda/public.ts) and the Worker client
//   src/worker                                  →  the engines' entries
//   src/lambda ↔ src/aws                        →  each other's entries only
//
// A feature is any folder of src/ that is not one of the layers below, so a new one is covered
// the day it is created.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/** Folders of src/ that are layers, not features. */
const LAYERS = ['app', 'shared', 'lambda', 'aws', 'worker', 'styles'] as const

/**
 * The deliberate seams between features: a feature may import another one listed here, and only
 * through that feature's public entry (`src/<feature>/index.ts`).
 */
export const FEATURE_SEAMS: Record<string, { feature: string; why: string }[]> = {
  quiz: [{ feature: 'course', why: 'records answers and assessment attempts in the learner’s progress' }],
  labs: [
    { feature: 'course', why: 'records a passed lab in the learner’s progress' },
    { feature: 'playground', why: 'a lab is the playground’s panel, its store and its engine connection' },
  ],
  lms: [{ feature: 'course', why: 'an LMS package keeps the learner’s progress record in the LMS (suspend_data)' }],
  instructors: [
    { feature: 'lms', why: 'the pack builder writes the pack configs the LMS runtime reads, and previews them' },
  ],
}

/** The engines' entries: what src/worker, and the other engine, may import. */
const ENGINE_ENTRIES: Record<string, string[]> = {
  lambda: ['src/lambda/index.ts', 'src/lambda/public.ts', 'src/lambda/wasm-loader.ts'],
  aws: ['src/aws/index.ts', 'src/aws/public.ts'],
}

/** How the UI reaches the engine: the light entries (no QuickJS behind them) and the Worker client. */
const UI_ENGINE_DOORS = ['src/lambda/public.ts', 'src/aws/public.ts', 'src/worker/client.ts']

/** What content (lessons, diagrams, checks, labs) may import besides content and src/shared: the authoring entries. */
const CONTENT_ENTRIES = ['src/quiz/types.ts', 'src/labs/define.ts', 'src/labs/types.ts', 'src/lambda/public.ts']

/** Tests of the UI may also run the real engine and account in Node, and its Worker host over a MessageChannel. */
const TEST_ENTRIES = ['src/lambda/index.ts', 'src/aws/index.ts', 'src/worker/host.ts', 'src/worker/protocol.ts']

type Area =
  { kind: 'shell' | 'shared' | 'worker' | 'content' | 'outside' } | { kind: 'feature' | 'engine'; name: string }

/** Which part of the codebase a repository-relative path belongs to. */
export function areaOf(file: string): Area {
  const parts = file.split('/')
  if (parts[0] === 'content') return { kind: 'content' }
  if (parts[0] !== 'src' || parts.length < 2) return { kind: 'outside' }
  if (parts.length === 2) return parts[1].startsWith('main.') ? { kind: 'shell' } : { kind: 'outside' }
  const top = parts[1]
  if (top === 'app' || top === 'styles') return { kind: 'shell' }
  if (top === 'shared') return { kind: 'shared' }
  if (top === 'worker') return { kind: 'worker' }
  if (top === 'lambda' || top === 'aws') return { kind: 'engine', name: top }
  if ((LAYERS as readonly string[]).includes(top)) return { kind: 'outside' }
  return { kind: 'feature', name: top }
}

export const isTestFile = (file: string) =>
  /\.test\.tsx?$/.test(file) || file.includes('/__tests__/') || /\/testing\.ts$/.test(file)

/** Why `from` may not import `to` (both repository-relative), or null when it may. */
export function checkImport(from: string, to: string): string | null {
  const a = areaOf(from)
  const b = areaOf(to)
  const test = isTestFile(from)
  if (a.kind === 'outside') return null
  // Tests may read scripts and fixtures; the UI's tests may run the real engine.
  if (test && b.kind === 'outside') return null
  if (test && a.kind !== 'shared' && TEST_ENTRIES.includes(to)) return null
  const uiDoor = () =>
    UI_ENGINE_DOORS.includes(to)
      ? null
      : `the UI reaches the engine only through ${UI_ENGINE_DOORS.join(', ')}, not ${to}`
  switch (a.kind) {
    case 'shell':
      if (b.kind === 'shell' || b.kind === 'shared' || b.kind === 'feature') return null
      if (b.kind === 'engine' || b.kind === 'worker') return uiDoor()
      return `the shell may import features and src/shared, not ${to}`
    case 'shared':
      if (b.kind === 'shared') return null
      return `src/shared imports nothing of the app (it is what features share), not ${to}`
    case 'feature': {
      if (b.kind === 'feature' && b.name === a.name) return null
      if (b.kind === 'shared' || b.kind === 'content') return null
      if (b.kind === 'engine' || b.kind === 'worker') return uiDoor()
      if (b.kind === 'shell') return `a feature does not import the shell (only the shell imports features): ${to}`
      if (b.kind === 'feature') {
        const seam = (FEATURE_SEAMS[a.name] ?? []).find((s) => s.feature === b.name)
        if (!seam) return `features do not import each other (${a.name} → ${b.name} is not an allowed seam): ${to}`
        const entry = `src/${b.name}/index.ts`
        return to === entry ? null : `${a.name} may import ${b.name} only through its public entry ${entry}, not ${to}`
      }
      return `a feature may not import ${to}`
    }
    case 'content':
      if (b.kind === 'content' || b.kind === 'shared' || CONTENT_ENTRIES.includes(to)) return null
      return `content may import content, src/shared and the authoring entries (${CONTENT_ENTRIES.join(', ')}), not ${to}`
    case 'worker':
      if (b.kind === 'worker') return null
      if (b.kind === 'engine' && ENGINE_ENTRIES[b.name].includes(to)) return null
      if (b.kind === 'engine') return `src/worker imports the engines through their entries, not ${to}`
      return `src/worker hosts the engines and imports no UI: ${to}`
    case 'engine':
      if (b.kind === 'engine' && b.name === a.name) return null
      if (b.kind === 'engine' && ENGINE_ENTRIES[b.name].includes(to)) return null
      if (b.kind === 'engine') return `src/${a.name} imports src/${b.name} only through its entries, not ${to}`
      return `the engine (src/${a.name}) imports nothing of the UI or the Worker: ${to}`
  }
}

// ---- reading imports ---------------------------------------------------------------------------

export interface FoundImport {
  specifier: string
  line: number
  kind: 'static' | 'dynamic' | 'type' | 'glob' | 'url'
}

const isImportMeta = (n: ts.Node) =>
  ts.isMetaProperty(n) && n.keywordToken === ts.SyntaxKind.ImportKeyword && n.name.text === 'meta'

/** The imports of a TypeScript/JavaScript source (strings and comments are not imports). */
export function importsOfSource(file: string, text: string): FoundImport[] {
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : file.endsWith('.ts') ? ts.ScriptKind.TS : ts.ScriptKind.JS
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, kind)
  const out: FoundImport[] = []
  const add = (lit: ts.Node | undefined, k: FoundImport['kind']) => {
    if (lit && (ts.isStringLiteral(lit) || ts.isNoSubstitutionTemplateLiteral(lit)))
      out.push({ specifier: lit.text, kind: k, line: sf.getLineAndCharacterOfPosition(lit.getStart(sf)).line + 1 })
  }
  const visit = (n: ts.Node) => {
    if (ts.isImportDeclaration(n)) add(n.moduleSpecifier, n.importClause?.isTypeOnly ? 'type' : 'static')
    else if (ts.isExportDeclaration(n)) add(n.moduleSpecifier, n.isTypeOnly ? 'type' : 'static')
    else if (ts.isImportTypeNode(n) && ts.isLiteralTypeNode(n.argument)) add(n.argument.literal, 'type')
    else if (ts.isCallExpression(n)) {
      if (n.expression.kind === ts.SyntaxKind.ImportKeyword) add(n.arguments[0], 'dynamic')
      else if (
        ts.isPropertyAccessExpression(n.expression) &&
        n.expression.name.text === 'glob' &&
        isImportMeta(n.expression.expression)
      ) {
        const arg = n.arguments[0]
        if (arg && ts.isArrayLiteralExpression(arg)) arg.elements.forEach((e) => add(e, 'glob'))
        else add(arg, 'glob')
      }
    } else if (
      ts.isNewExpression(n) &&
      ts.isIdentifier(n.expression) &&
      n.expression.text === 'URL' &&
      n.arguments?.length === 2 &&
      ts.isPropertyAccessExpression(n.arguments[1]) &&
      isImportMeta(n.arguments[1].expression)
    )
      add(n.arguments[0], 'url')
    ts.forEachChild(n, visit)
  }
  visit(sf)
  return out
}

/** The ESM imports of an MDX lesson (its code blocks are text, not imports). */
export function importsOfMdx(text: string): FoundImport[] {
  const out: FoundImport[] = []
  let fence: string | null = null
  text.split('\n').forEach((line, i) => {
    const f = /^\s*(`{3,}|~{3,})/.exec(line)
    if (f) {
      if (fence === null) fence = f[1]
      else if (line.trim().startsWith(fence)) fence = null
      return
    }
    if (fence !== null) return
    const m = /^(?:import|export)\b.*?\bfrom\s+['"]([^'"]+)['"]|^import\s+['"]([^'"]+)['"]/.exec(line)
    if (m) out.push({ specifier: m[1] ?? m[2], kind: 'static', line: i + 1 })
  })
  return out
}

const EXTENSIONS = ['.ts', '.tsx', '.js', '.mjs', '.mdx', '/index.ts', '/index.tsx']

/** The repository-relative file an import names, or null for a package, `node:` or `virtual:` module. */
export function resolveImport(from: string, specifier: string, exists = (p: string) => existsSync(path.join(ROOT, p))) {
  const bare = specifier.replace(/[?#].*$/, '')
  let target: string
  if (bare.startsWith('./') || bare.startsWith('../')) target = path.posix.join(path.posix.dirname(from), bare)
  else if (bare.startsWith('/')) target = bare.slice(1)
  else return null
  if (target.startsWith('node_modules/')) return null
  // A glob names files by pattern: its folder is what counts.
  const star = target.search(/[*{]/)
  if (star >= 0) return target.slice(0, star).replace(/\/[^/]*$/, '/') || target
  if (exists(target) && !/\/$/.test(target)) return target
  for (const ext of EXTENSIONS) if (exists(target + ext)) return target + ext
  return target
}

export interface Violation {
  file: string
  line: number
  specifier: string
  target: string
  reason: string
}

export function violationsOf(file: string, imports: FoundImport[], resolve = resolveImport): Violation[] {
  const out: Violation[] = []
  for (const imp of imports) {
    const target = resolve(file, imp.specifier)
    if (target === null) continue
    const reason = checkImport(file, target)
    if (reason) out.push({ file, line: imp.line, specifier: imp.specifier, target, reason })
  }
  return out
}

const SOURCE = /\.(tsx?|m?js|mdx)$/

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(path.join(ROOT, dir))) {
    const rel = `${dir}/${name}`
    if (name === 'node_modules' || rel === 'src/lambda/sandbox/prelude/generated.ts') continue
    if (statSync(path.join(ROOT, rel)).isDirectory()) walk(rel, out)
    else if (SOURCE.test(name)) out.push(rel)
  }
  return out
}

function scanTree(): { files: number; imports: number; violations: Violation[] } {
  const files = [...walk('src'), ...walk('content')]
  let imports = 0
  const violations: Violation[] = []
  for (const file of files) {
    const text = readFileSync(path.join(ROOT, file), 'utf8')
    const found = file.endsWith('.mdx') ? importsOfMdx(text) : importsOfSource(file, text)
    imports += found.length
    violations.push(...violationsOf(file, found))
  }
  return { files: files.length, imports, violations }
}

const show = (v: Violation[]) => v.map((x) => `${x.file}:${x.line}: "${x.specifier}": ${x.reason}`)

// ---- the tests ---------------------------------------------------------------------------------

describe('import rules', () => {
  it('hold for every file of src/ and content/', () => {
    const { files, imports, violations } = scanTree()
    expect(files).toBeGreaterThan(200)
    expect(imports).toBeGreaterThan(500)
    expect(show(violations)).toEqual([])
  })

  it('every seam points at a feature that has a public entry', () => {
    for (const [from, seams] of Object.entries(FEATURE_SEAMS)) {
      expect(areaOf(`src/${from}/x.ts`)).toEqual({ kind: 'feature', name: from })
      for (const s of seams) expect(existsSync(path.join(ROOT, `src/${s.feature}/index.ts`)), s.feature).toBe(true)
    }
  })
})

describe('the checker', () => {
  const bad: [from: string, to: string, reason: RegExp][] = [
    ['src/quiz/Check.tsx', 'src/app/Shell.tsx', /does not import the shell/],
    ['src/playground/PlaygroundPanel.tsx', 'src/app/components/ProgressRing.tsx', /does not import the shell/],
    ['src/quiz/Check.tsx', 'src/embed/protocol.ts', /quiz → embed is not an allowed seam/],
    ['src/course/progress.ts', 'src/labs/index.ts', /course → labs is not an allowed seam/],
    ['src/labs/LabView.tsx', 'src/playground/engine.ts', /only through its public entry src\/playground\/index.ts/],
    ['src/shared/CopyEmbed.tsx', 'src/embed/protocol.ts', /src\/shared imports nothing/],
    ['src/shared/theme.ts', 'src/app/App.tsx', /src\/shared imports nothing/],
    ['src/playground/config.ts', 'src/lambda/service/validate.ts', /only through src\/lambda\/public.ts/],
    ['src/playground/engine.ts', 'src/lambda/index.ts', /only through/],
    ['src/playground/engine.ts', 'src/worker/lambda.worker.ts', /only through/],
    ['src/app/pages/HomePage.tsx', 'src/lambda/types.ts', /only through/],
    ['src/app/pages/HomePage.tsx', 'content/checks/permissions.ts', /the shell may import features/],
    ['content/labs/x/lab.ts', 'src/labs/runner.ts', /content may import/],
    ['content/diagrams/A.tsx', 'src/course/registry.ts', /content may import/],
    ['content/checks/a.ts', 'src/app/theme.ts', /content may import/],
    ['content/labs/x/lab.ts', 'src/lambda/service/lambda.ts', /content may import/],
    ['src/worker/host.ts', 'src/lambda/service/lambda.ts', /through their entries/],
    ['src/worker/client.ts', 'src/playground/state.ts', /imports no UI/],
    ['src/lambda/service/lambda.ts', 'src/playground/results.ts', /imports nothing of the UI/],
    ['src/lambda/service/lambda.ts', 'src/aws/iam/policy.ts', /only through its entries/],
    ['src/aws/types.ts', 'src/lambda/clock.ts', /only through its entries/],
    // Tests may run the engine, but not break the layers.
    ['src/quiz/grade.test.ts', 'src/app/Shell.tsx', /does not import the shell/],
    ['src/playground/results.test.ts', 'src/lambda/service/lambda.ts', /only through/],
    ['src/shared/storage.test.ts', 'src/lambda/index.ts', /src\/shared imports nothing/],
  ]
  it.each(bad)('rejects %s → %s', (from, to, reason) => {
    expect(checkImport(from, to)).toMatch(reason)
  })

  const good: [from: string, to: string][] = [
    ['src/main.tsx', 'src/app/App.tsx'],
    ['src/main.tsx', 'src/styles/app.css'],
    ['src/app/App.tsx', 'src/playground/PlaygroundPage.tsx'],
    ['src/app/pages/LessonPage.tsx', 'src/course/mdx-components.tsx'],
    ['src/quiz/Check.tsx', 'src/shared/CopyEmbed.tsx'],
    ['src/quiz/Check.tsx', 'src/course/index.ts'],
    ['src/labs/LabView.tsx', 'src/playground/index.ts'],
    ['src/playground/config.ts', 'src/lambda/public.ts'],
    ['src/playground/engine.ts', 'src/worker/client.ts'],
    ['src/quiz/data.ts', 'content/checks/'],
    ['content/labs/x/lab.ts', 'src/labs/define.ts'],
    ['content/lessons/01-a.mdx', 'content/diagrams/EventRouter.tsx'],
    ['src/worker/host.ts', 'src/lambda/index.ts'],
    ['src/aws/types.ts', 'src/lambda/index.ts'],
    ['src/playground/results.test.ts', 'src/lambda/index.ts'],
    ['src/labs/__tests__/runner.test.ts', 'src/worker/host.ts'],
    ['src/lambda/sandbox/prelude/generated.test.ts', 'scripts/build-prelude.ts'],
  ]
  it.each(good)('allows %s → %s', (from, to) => {
    expect(checkImport(from, to)).toBeNull()
  })

  it('finds every kind of import, and nothing in strings or comments', () => {
    const src = [
      "import a from '../app/Shell.tsx'",
      "import type { B } from '../embed/protocol.ts'",
      "export { c } from '../labs/runner.ts'",
      "export * from '../lambda/types.ts'",
      "const d = lazy(() => import('../app/pages/HomePage.tsx'))",
      'type E = typeof import("../lambda/sandbox/sandbox.ts")',
      "const f = import.meta.glob('/src/app/pages/*.tsx')",
      "const w = new Worker(new URL('../worker/lambda.worker.ts', import.meta.url))",
      "import 'react'",
      'const s = "import x from \'../app/App.tsx\'"',
      "// import y from '../app/App.tsx'",
    ].join('\n')
    const found = importsOfSource('src/quiz/Synthetic.tsx', src)
    expect(found.map((f) => [f.kind, f.specifier])).toEqual([
      ['static', '../app/Shell.tsx'],
      ['type', '../embed/protocol.ts'],
      ['static', '../labs/runner.ts'],
      ['static', '../lambda/types.ts'],
      ['dynamic', '../app/pages/HomePage.tsx'],
      ['type', '../lambda/sandbox/sandbox.ts'],
      ['glob', '/src/app/pages/*.tsx'],
      ['url', '../worker/lambda.worker.ts'],
      ['static', 'react'],
    ])
    const violations = violationsOf('src/quiz/Synthetic.tsx', found, (from, spec) =>
      resolveImport(from, spec, () => true),
    )
    expect(violations.map((v) => v.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8])
  })

  it('reads an MDX lesson’s imports, not the imports shown in its code blocks', () => {
    const mdx = [
      '---',
      'title: T',
      '---',
      "import { EventRouter } from '../diagrams/EventRouter'",
      "import { progressStore } from '../../src/course/progress.ts'",
      '',
      '```js',
      "import { S3Client } from '../../src/app/App.tsx'",
      '```',
      '',
      "Text that mentions import x from '../../src/app/App.tsx' in a sentence.",
    ].join('\n')
    const found = importsOfMdx(mdx)
    expect(found.map((f) => f.specifier)).toEqual(['../diagrams/EventRouter', '../../src/course/progress.ts'])
    expect(show(violationsOf('content/lessons/01-x.mdx', found))).toEqual([
      'content/lessons/01-x.mdx:5: "../../src/course/progress.ts": content may import content, src/shared and the authoring entries (src/quiz/types.ts, src/labs/define.ts, src/labs/types.ts, src/lambda/public.ts), not src/course/progress.ts',
    ])
  })
})
