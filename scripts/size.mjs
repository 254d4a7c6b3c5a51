#!/usr/bin/env node
// Initial JavaScript for a lesson page, measured from dist/ (run `npm run build` first).
//
// For each lesson: the entry chunk + its static imports, the lesson route chunk (LessonPage)
// + its static imports, and the lesson's own MDX chunk + its static imports (diagrams).
// Prints each chunk with raw and gzip size, and the total per lesson. Fails (exit 1) if any
// lesson's total exceeds the budget: 120 kB gzip (120,000 bytes).
//
// Also fails if any AWS SDK byte (src/lambda/sdk/generated: factory scripts, recognised by their
// `__lf_holder` parameter) is in a page's chunks or in what the Lambda Worker loads at start:
// the SDK reaches the Worker only when a handler imports a client (sdkOutsideStart below).
//
// And fails if the AWS SDK's type declarations for the editor (src/playground/editor/sdk-types,
// recognised by their `"file:///node_modules/@aws-sdk/…"` / `@smithy/…` JSON keys) are anywhere but their own
// lazily imported `sdk-types-<package>` chunks: not in a page chunk, not in the editor's first
// chunk (MonacoPane and its static imports). Prints each of those chunks' size.
//
//   node scripts/size.mjs [--budget-kb 120] [--json]
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const dist = path.join(root, 'dist')
const manifestPath = path.join(dist, '.vite', 'manifest.json')
const args = process.argv.slice(2)
const bi = args.indexOf('--budget-kb')
const budget = (bi >= 0 && Number(args[bi + 1]) > 0 ? Number(args[bi + 1]) : 120) * 1000
const LESSON_ROUTE = 'src/app/pages/LessonPage.tsx'

if (!existsSync(manifestPath)) {
  console.error(
    'size: dist/.vite/manifest.json is missing. Run `npm run build` first (vite.config.ts sets build.manifest).',
  )
  process.exit(1)
}
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'))

function closure(key, seen = new Set()) {
  const chunk = manifest[key]
  if (!chunk || seen.has(key)) return seen
  seen.add(key)
  for (const imp of chunk.imports ?? []) closure(imp, seen)
  return seen
}

const sizes = new Map()
function sizeOf(file) {
  if (!sizes.has(file)) {
    const buf = readFileSync(path.join(dist, file))
    sizes.set(file, { raw: buf.length, gzip: gzipSync(buf).length })
  }
  return sizes.get(file)
}

const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry && k.endsWith('index.html'))
if (!entryKey) {
  console.error('size: no index.html entry in the manifest')
  process.exit(1)
}
if (!manifest[LESSON_ROUTE]) {
  console.error(`size: the lesson route chunk (${LESSON_ROUTE}) is not in the manifest`)
  process.exit(1)
}
const lessonKeys = Object.keys(manifest)
  .filter((k) => /^content\/lessons\/\d{2}-[^/]+\.mdx$/.test(k))
  .sort()
if (lessonKeys.length === 0) {
  console.error('size: no lesson chunks (content/lessons/*.mdx) in the manifest')
  process.exit(1)
}

const kb = (n) => `${(n / 1000).toFixed(2)} kB`
const pad = (s, n) => String(s).padStart(n)
const results = []
let failed = false
for (const lessonKey of lessonKeys) {
  const groups = [
    ['entry', closure(entryKey)],
    ['lesson route', closure(LESSON_ROUTE)],
    ['lesson content', closure(lessonKey)],
  ]
  const counted = new Set()
  const rows = []
  for (const [role, keys] of groups) {
    for (const k of keys) {
      const file = manifest[k].file
      if (!file.endsWith('.js') || counted.has(file)) continue
      counted.add(file)
      rows.push({ role, source: k, file, ...sizeOf(file) })
    }
  }
  const total = rows.reduce((a, r) => ({ raw: a.raw + r.raw, gzip: a.gzip + r.gzip }), { raw: 0, gzip: 0 })
  const ok = total.gzip <= budget
  if (!ok) failed = true
  results.push({ lesson: lessonKey, rows, total, ok })
}

// ---- no SDK bytes before a handler imports a client ------------------------------------------
const SDK_MARK = '__lf_holder'
const assets = path.join(dist, 'assets')
const jsFiles = readdirSync(assets).filter((f) => f.endsWith('.js'))
const text = (f) => readFileSync(path.join(assets, f), 'utf8')
const sdkFiles = jsFiles.filter((f) => text(f).includes(SDK_MARK))
/** Files a chunk imports statically (and, for the Worker's entry, the chunks it imports at once). */
function staticImports(file, atStart) {
  const src = text(file)
  const out = new Set()
  const re = /(?:\bimport|\bexport)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["'`]\.\/([\w.-]+\.js)["'`]/g
  for (const m of src.matchAll(re)) out.add(m[1])
  if (atStart) for (const m of src.matchAll(/\bimport\(\s*["'`]\.\/([\w.-]+\.js)["'`]\s*\)/g)) out.add(m[1])
  return out
}
const workerEntry = jsFiles.find((f) => /^lambda\.worker-[\w-]+\.js$/.test(f))
const workerStart = new Set()
if (workerEntry) {
  const visit = (f, atStart) => {
    if (workerStart.has(f) || !jsFiles.includes(f)) return
    workerStart.add(f)
    for (const dep of staticImports(f, atStart)) visit(dep, false)
  }
  visit(workerEntry, true)
}
const pageFiles = new Set(Object.values(manifest).map((c) => path.basename(c.file)))
const sdkProblems = []
if (!workerEntry) sdkProblems.push('no lambda.worker-*.js in dist/assets')
if (sdkFiles.length === 0) sdkProblems.push(`no SDK script (marked ${SDK_MARK}) in dist/assets: is the check stale?`)
for (const f of sdkFiles) {
  if (pageFiles.has(f)) sdkProblems.push(`${f} (AWS SDK code) is a page chunk`)
  if (workerStart.has(f)) sdkProblems.push(`${f} (AWS SDK code) loads when the Lambda Worker starts`)
}
if (sdkProblems.length) failed = true
const sdkBytes = sdkFiles.map((f) => ({ file: f, ...sizeOf(path.join('assets', f)) }))

// ---- the SDK's type declarations for the editor: one lazy chunk per package -------------------
const TYPES_MARK = /"file:\/\/\/node_modules\/@(?:aws-sdk|smithy)\//
const EDITOR_PANE = 'src/playground/editor/monaco/MonacoPane.tsx'
const typeFiles = jsFiles.filter((f) => TYPES_MARK.test(text(f)))
const typeProblems = []
if (typeFiles.length === 0) typeProblems.push(`no SDK type chunk (containing ${TYPES_MARK}): is the check stale?`)
if (!manifest[EDITOR_PANE]) typeProblems.push(`the editor chunk (${EDITOR_PANE}) is not in the manifest`)
const editorStart = new Set([...closure(EDITOR_PANE)].map((k) => path.basename(manifest[k].file)))
const staticallyImported = new Set(
  Object.values(manifest).flatMap((c) => (c.imports ?? []).map((k) => path.basename(manifest[k]?.file ?? k))),
)
const lessonStart = new Set(results.flatMap((r) => r.rows.map((row) => path.basename(row.file))))
for (const f of typeFiles) {
  if (!/^sdk-types-[\w-]+\.js$/.test(f)) typeProblems.push(`${f} carries SDK type declarations`)
  if (lessonStart.has(f)) typeProblems.push(`${f} (SDK type declarations) is in a lesson page's chunks`)
  if (editorStart.has(f)) typeProblems.push(`${f} (SDK type declarations) is in the editor's first chunks`)
  if (staticallyImported.has(f)) typeProblems.push(`${f} (SDK type declarations) is imported statically`)
}
if (typeProblems.length) failed = true
const typeBytes = typeFiles.map((f) => ({ file: f, ...sizeOf(path.join('assets', f)) }))

if (args.includes('--json')) {
  console.log(
    JSON.stringify(
      {
        budget,
        results,
        sdk: { files: sdkBytes, problems: sdkProblems },
        sdkTypes: { files: typeBytes, problems: typeProblems },
      },
      null,
      2,
    ),
  )
} else {
  for (const r of results) {
    console.log(`\nInitial JavaScript for the lesson page of ${r.lesson}:`)
    console.log(`  ${'chunk'.padEnd(52)} ${pad('raw', 11)} ${pad('gzip', 11)}  role`)
    for (const row of r.rows)
      console.log(
        `  ${row.file.padEnd(52)} ${pad(kb(row.raw), 11)} ${pad(kb(row.gzip), 11)}  ${row.role} (${row.source})`,
      )
    console.log(
      `  ${'TOTAL'.padEnd(52)} ${pad(kb(r.total.raw), 11)} ${pad(kb(r.total.gzip), 11)}  ${r.ok ? 'OK' : 'OVER BUDGET'} (budget ${kb(budget)} gzip)`,
    )
  }
  console.log(
    `\nAWS SDK scripts (${sdkFiles.length} files, fetched by the Lambda Worker only when a handler imports a client; per package: npm run bench -- sdk):`,
  )
  for (const r of sdkBytes) console.log(`  ${r.file.padEnd(52)} ${pad(kb(r.raw), 11)} ${pad(kb(r.gzip), 11)}`)
  console.log(
    sdkProblems.length
      ? `size: SDK bytes where they must not be:\n  ${sdkProblems.join('\n  ')}`
      : `size: no SDK byte in any page chunk or in the Lambda Worker's start (${workerStart.size} files).`,
  )
  console.log(
    `\nAWS SDK type declarations for the editor (${typeFiles.length} chunks, loaded when a file imports the package):`,
  )
  for (const r of typeBytes) console.log(`  ${r.file.padEnd(52)} ${pad(kb(r.raw), 11)} ${pad(kb(r.gzip), 11)}`)
  console.log(
    typeProblems.length
      ? `size: SDK type declarations where they must not be:\n  ${typeProblems.join('\n  ')}`
      : `size: no SDK type declaration in any page chunk or in the editor's first chunks (${editorStart.size} files).`,
  )
  const worst = results.reduce((a, b) => (b.total.gzip > a.total.gzip ? b : a))
  console.log(
    `\nsize: largest lesson page ${worst.lesson}: ${kb(worst.total.gzip)} gzip of ${kb(budget)} budget.${failed ? ' FAILED.' : ''}`,
  )
}
process.exit(failed ? 1 : 0)
